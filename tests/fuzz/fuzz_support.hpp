// Shared by the fuzz targets: property checks, a scratch folder, the sample show (libFuzzer's
// thread).
#pragma once
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "core/show.hpp"
#include "io/journal.hpp"
#include "io/show_read.hpp"

namespace fuzz {

// A property that must hold did not: libFuzzer sees the abort as a crash and keeps the input.
[[noreturn]] inline void fail(const std::string& what) {
    std::fprintf(stderr, "\n==pycast fuzz== property violated: %s\n", what.c_str());
    std::fflush(stderr);
    std::abort();
}

#define FUZZ_CHECK(cond, detail)                                                                 \
    do {                                                                                         \
        if (!(cond))                                                                             \
            ::fuzz::fail(std::string(#cond) + " (" + __FILE__ + ":" + std::to_string(__LINE__) + \
                         "): " + std::string(detail));                                           \
    } while (0)

inline std::string text(const std::uint8_t* data, std::size_t size) {
    return std::string(reinterpret_cast<const char*>(data), size);
}

// One folder per process for files a target writes, on tmpfs when there is one (fdatasync is
// then nearly free), removed when the process exits normally. libFuzzer ends a timed run with
// _Exit, so `tools/dev fuzz` names the folder (PYCAST_FUZZ_SCRATCH) and removes it itself.
inline const std::filesystem::path& scratch() {
    static const std::filesystem::path dir = [] {
        if (const char* given = std::getenv("PYCAST_FUZZ_SCRATCH"); given && *given) {
            std::filesystem::create_directories(given);
            return std::filesystem::path(given);
        }
        std::filesystem::path base = std::filesystem::exists("/dev/shm")
                                         ? std::filesystem::path("/dev/shm")
                                         : std::filesystem::temp_directory_path();
        std::filesystem::path d = base / ("pycast-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(d);
        std::atexit([] {
            std::error_code ec;
            std::filesystem::remove_all(scratch(), ec);
        });
        return d;
    }();
    return dir;
}

inline void writeFile(const std::filesystem::path& file, std::string_view bytes) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) fail("cannot write " + file.string());
}

inline std::string readFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A journal file read; reading must neither throw nor fail (damage is only the warnings).
inline pycast::Result<pycast::JournalContents> readJournalOrFail(
    const std::filesystem::path& file) {
    pycast::Result<pycast::JournalContents> read = pycast::Error{};
    try {
        read = pycast::readJournal(file);
    } catch (const std::exception& e) {
        fail(std::string("readJournal threw: ") + e.what());
    }
    if (!read.ok()) fail("reading failed: " + read.error().message());
    return read;
}

// The instant every session a target makes lives at (2026-12-01 11:00 UTC, in Taipei): fixed
// clocks keep an input's result independent of when it runs.
inline constexpr std::int64_t kSessionClockMs = 1000;
inline constexpr std::int64_t kSessionEpochMs = 1796122800000;
inline constexpr int kSessionUtcOffsetMinutes = 8 * 60;

// shows/pycast-ama.json: its people, topics, questions, poll and rundown are what imports and
// commands meet.
inline const pycast::Show& sampleShow() {
    static const pycast::Show show = [] {
        pycast::Result<pycast::Show> loaded =
            pycast::loadShow(std::filesystem::path(PYCAST_SOURCE_DIR) / "shows/pycast-ama.json");
        if (!loaded) fail("the sample show does not load: " + loaded.error().message());
        return *loaded;
    }();
    return show;
}

// Splits TEXT at each line that is exactly `----` (a separator no real file uses), at most
// `limit` parts; the last part keeps the rest.
inline std::vector<std::string> splitParts(const std::string& text, std::size_t limit) {
    std::vector<std::string> parts;
    std::size_t pos = 0;
    const std::string sep = "\n----\n";
    while (parts.size() + 1 < limit) {
        const std::size_t at = text.find(sep, pos);
        if (at == std::string::npos) break;
        parts.push_back(text.substr(pos, at - pos));
        pos = at + sep.size();
    }
    parts.push_back(text.substr(pos));
    return parts;
}

}  // namespace fuzz
