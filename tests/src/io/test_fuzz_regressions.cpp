// Inputs the fuzz targets of tests/fuzz found, kept as tests of the io folder (test thread).
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <tuple>
#include <vector>

#include "core/text.hpp"
#include "io/csv_import.hpp"
#include "io/show_io.hpp"
#include "io/wav_file.hpp"
#include "test_support.hpp"

using namespace pycast;
using pycast::test::TempDir;

namespace {

void put32(std::string& s, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) s.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
void put64(std::string& s, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) s.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

}  // namespace

TEST_CASE(
    "fuzz wav_header: a RIFF file with a ds64 chunk is read by its RIFF sizes, and one repair is "
    "enough") {
    // build-fuzz/crashes/wav_header-crash-96f7713c…: "RIFF" (not RF64) with a ds64 chunk whose
    // RIFF size was absurd. Its sizes were believed, so every repair wrote RIFF sizes that the
    // next read ignored: `pycast recover` "repaired" the file again each time.
    std::string f = "RIFF";
    put32(f, 0xFFFFFFFF);
    f += "WAVEds64";
    put32(f, 28);
    put64(f, 0x0080000000000078ULL);  // a RIFF size no file has
    put64(f, 48);
    put64(f, 16);
    put32(f, 0);
    f += "fmt ";
    put32(f, 16);
    f += std::string("\x01\x00\x01\x00", 4);  // PCM, mono
    put32(f, 48000);
    put32(f, 48000 * 3);
    f += std::string("\x03\x00\x18\x00", 4);  // 3 bytes a frame, 24 bits
    f += "data";
    put32(f, 0xFFFFFFFF);  // a streaming writer's "unknown": to the end of the file
    for (int i = 0; i < 48; ++i) f.push_back(static_cast<char>(i * 7));

    TempDir dir;
    const auto file = dir.path() / "track.wav";
    test::writeFile(file, f);
    const auto info = readWavInfo(file);
    REQUIRE(info.ok());
    CHECK_FALSE(info->isRf64);
    CHECK(info->riffBytes == 0xFFFFFFFFu);  // the RIFF header's, not the ds64 chunk's
    CHECK(info->dataBytes == 48);
    CHECK(info->frames() == 16);
    const auto first = repairWav(file);
    REQUIRE(first.ok());
    const auto second = repairWav(file);
    REQUIRE(second.ok());
    CHECK_FALSE(second->changed);
    CHECK(readWavInfo(file)->frames() == 16);
}

TEST_CASE("fuzz rundown_csv: a speaker cell of a vertical tab or form feed adds no blank guest") {
    // build-fuzz/crashes/rundown_csv-crash-…: "speakers" held ";\v;" and, with unknown people
    // added as guests, the import made a person named "\v" — a show that then failed its own
    // validation ("/people/N/name: is only spaces").
    const auto show = loadShow(std::filesystem::path(PYCAST_SOURCE_DIR) / "shows/pycast-ama.json");
    REQUIRE(show.ok());
    ImportOptions options;
    options.addUnknownPeople = true;
    const auto preview =
        previewCsvImport(*show, "title,duration,speakers\nTalk,5:00,\";\v;\f ; Ann\"\n", options);
    REQUIRE(preview.canApply());
    REQUIRE(preview.newPeople.size() == 1);
    CHECK(preview.newPeople[0].name == "Ann");
    Show edited = *show;
    applyImport(edited, preview);
    CHECK(validateShow(edited).empty());
    CHECK(trimSpaces("\v\f Ann \f\v") == "Ann");
}

TEST_CASE("fuzz show_file: a show file that is not a JSON object names the line and column of its value") {
    // build-fuzz/crashes/show_file-crash-b6589fc6…: the text "0". The problem named no place
    // (no path, no line): "a show file is a JSON object, found a number" without where.
    for (const auto& [text, line, column] :
         std::vector<std::tuple<std::string, int, int>>{
             {"0", 1, 1}, {"\n\n  [1, 2]", 3, 3}, {"\xEF\xBB\xBF \"x\"", 1, 3}}) {
        const LoadResult r = parseShow(text);
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].message.rfind("a show file is a JSON object, found ", 0) == 0);
        CHECK(r.problems[0].line == line);
        CHECK(r.problems[0].column == column);
    }
}

TEST_CASE("fuzz show_file: a number too large at the top of a show file is placed at its line and column") {
    // build-fuzz/crashes/show_file-crash-473e71e3…: "4444…4" (33 digits) alone; the problem
    // "is a whole number too large to keep exactly" had no path (the root) and no line.
    const LoadResult r = parseShow("\n  444444444444444444444444444444444");
    REQUIRE_FALSE(r.problems.empty());
    CHECK(r.problems[0].message.find("too large to keep exactly") != std::string::npos);
    CHECK(r.problems[0].line == 2);
    CHECK(r.problems[0].column == 3);
}
