// `pycast airtime`: the actual talk time per speaker of a recording's track files (main thread).
#include <algorithm>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

#include "cli/commands.hpp"
#include "core/duration.hpp"
#include "core/text.hpp"
#include "io/track_airtime.hpp"

namespace pycast::cli {

namespace {

std::vector<std::string> splitNames(const std::string& list) {
    std::vector<std::string> names;
    std::stringstream in(list);
    std::string name;
    while (std::getline(in, name, ',')) names.push_back(trimSpaces(name));
    if (!list.empty() && list.back() == ',') names.emplace_back();
    return names;
}

// Terminal columns of UTF-8 text: East Asian wide characters (CJK, Hangul, full-width forms)
// take two, so a table of names such as "主持人" and "Guest" lines up.
std::size_t columns(const std::string& text) {
    std::size_t cols = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto b = static_cast<unsigned char>(text[i]);
        const std::size_t len = b < 0x80 ? 1 : b >> 5 == 0x6 ? 2 : b >> 4 == 0xE ? 3 : b >> 3 == 0x1E ? 4 : 1;
        char32_t cp = len == 1 ? b : b & (0x3F >> (len - 1));
        for (std::size_t k = 1; k < len && i + k < text.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                          (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                          (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                          (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
        cols += wide ? 2 : 1;
        i += len;
    }
    return cols;
}

}  // namespace

int runAirtime(const Args& args, std::ostream& out, std::ostream& err) {
    const char* help =
        "usage: pycast airtime FILE.wav... [--names NAME,NAME,...] [--json]\n\n"
        "Measures who actually talked how long in a recording: one WAV per microphone, aligned\n"
        "at sample 0 (as `pycast record` writes them). A track counts only where it is clearly\n"
        "the loudest voice, so a guest heard in the host's microphone is not the host's talk\n"
        "time (docs/recorder.md, Airtime). Prints each track's talk time and share of all talk.\n"
        "  --names LIST  one name per file, comma-separated (default: the file names)\n"
        "  --json        print JSON: tracks [{name, file, talk_ms, share}], total_talk_ms,\n"
        "                recorded_ms, sample_rate\n"
        "Exit 0 ok, 1 when a file cannot be read, 2 on usage errors.\n";
    if (wantsHelp(args)) {
        out << help;
        return 0;
    }
    std::vector<std::filesystem::path> files;
    std::vector<std::string> names;
    bool namesGiven = false;
    bool json = false;
    bool optionsEnded = false;  // after "--" every argument is a file, even "-x.wav"
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (optionsEnded || a.empty() || a[0] != '-' || a == "-") {
            files.emplace_back(a);
        } else if (a == "--") {
            optionsEnded = true;
        } else if (a == "--json") {
            json = true;
        } else if (a == "--names" || a.rfind("--names=", 0) == 0) {
            std::string value;
            if (a == "--names") {
                if (i + 1 >= args.size()) {
                    err << "pycast airtime: --names needs a value (Host,Guest 1,...)\n";
                    return 2;
                }
                value = args[++i];
            } else {
                value = a.substr(8);
            }
            names = splitNames(value);
            namesGiven = true;
        } else {
            err << "pycast airtime: unknown option " << a << "\n" << help;
            return 2;
        }
    }
    if (files.empty()) {
        err << "pycast airtime: no track file given\n" << help;
        return 2;
    }
    if (namesGiven && names.size() != files.size()) {
        err << "pycast airtime: --names has " << names.size() << (names.size() == 1 ? " name" : " names")
            << " for " << files.size() << (files.size() == 1 ? " file" : " files")
            << "; give one name per file, in the same order\n";
        return 2;
    }
    if (std::any_of(names.begin(), names.end(), [](const std::string& n) { return n.empty(); })) {
        err << "pycast airtime: --names has an empty name\n";
        return 2;
    }
    if (!namesGiven)
        for (const auto& f : files) names.push_back(f.stem().string());

    auto measured = measureAirtime(files);
    if (!measured) {
        err << "pycast airtime: " << measured.error().message() << "\n";
        return 1;
    }
    const TrackAirtime& m = *measured;
    std::int64_t total = 0;
    for (auto ms : m.talkMs) total += ms;
    auto share = [&](std::int64_t ms) { return total > 0 ? static_cast<double>(ms) / static_cast<double>(total) : 0.0; };

    if (json) {
        nlohmann::ordered_json j;
        j["tracks"] = nlohmann::ordered_json::array();
        for (std::size_t i = 0; i < files.size(); ++i)
            j["tracks"].push_back({{"name", names[i]},
                                   {"file", files[i].string()},
                                   {"talk_ms", m.talkMs[i]},
                                   {"share", share(m.talkMs[i])}});
        j["total_talk_ms"] = total;
        j["recorded_ms"] = m.recordedMs;
        j["sample_rate"] = m.sampleRate;
        out << j.dump(2) << "\n";
        return 0;
    }
    std::size_t width = 0;
    for (const auto& n : names) width = std::max(width, columns(n));
    for (std::size_t i = 0; i < files.size(); ++i) {
        const std::string time = formatDurationMs(m.talkMs[i]);
        out << names[i] << std::string(width - columns(names[i]) + 2, ' ')
            << std::string(time.size() < 7 ? 7 - time.size() : 0, ' ') << time << "  ("
            << formatPercent(100.0 * share(m.talkMs[i]), 0) << ")\n";
    }
    out << "total speech " << formatDurationMs(total) << " of " << formatDurationMs(m.recordedMs) << " recorded";
    if (total > m.recordedMs) out << " (people talked at once)";
    out << "\n";
    return 0;
}

}  // namespace pycast::cli
