// `pycast loudness FILE... [--json]`: each file's loudness per ITU-R BS.1770 (main thread).
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "media/ffmpeg.hpp"
#include "media/loudness.hpp"

namespace pycast::cli {

namespace {

const char* kLoudnessHelp =
    "usage: pycast loudness [--json] [--] FILE...\n\n"
    "Measures each audio file (any format FFmpeg reads) as ITU-R BS.1770-4 and EBU R128 say:\n"
    "integrated loudness (LUFS), loudness range (LU), true peak (dBTP, 4x oversampled) and\n"
    "sample peak (dBFS). Silence has no integrated loudness and no peaks: shown as -inf.\n"
    "  --json  print a JSON array of {file, integrated_lufs, loudness_range_lu,\n"
    "          true_peak_dbtp, sample_peak_dbfs} (null for -inf; a file that could not be\n"
    "          measured has nulls and an \"error\")\n"
    "  --      ends the options: file names that start with '-' follow\n"
    "Exit 0 when every file was measured, 1 when one could not be read, 2 on usage errors.\n";

// "-23.0" right-aligned in `width`; -inf as "-inf".
std::string figure(double value, int width) {
    char buffer[32];
    if (std::isinf(value) || std::isnan(value))
        std::snprintf(buffer, sizeof buffer, "%*s", width, std::isnan(value) ? "n/a" : "-inf");
    else
        std::snprintf(buffer, sizeof buffer, "%*.1f", width, value);
    return buffer;
}

nlohmann::ordered_json number(const std::optional<double>& value) {
    if (!value || !std::isfinite(*value)) return nullptr;
    return std::round(*value * 100.0) / 100.0;  // 0.01 LU: libebur128's own resolution
}

}  // namespace

int runLoudness(const Args& args, std::ostream& out, std::ostream& err) {
    if (wantsHelp(args)) {
        out << kLoudnessHelp;
        return 0;
    }
    std::vector<std::filesystem::path> files;
    bool json = false;
    bool optionsEnded = false;
    for (const std::string& a : args) {
        if (optionsEnded || a.empty() || a[0] != '-' || a == "-") {
            files.emplace_back(a);
        } else if (a == "--") {
            optionsEnded = true;
        } else if (a == "--json") {
            json = true;
        } else {
            err << "pycast loudness: unknown option " << a << "\n" << kLoudnessHelp;
            return 2;
        }
    }
    if (files.empty()) {
        err << "pycast loudness: no file given\n" << kLoudnessHelp;
        return 2;
    }

    // Our errors carry FFmpeg's text; its own log lines would only repeat them out of order.
    av_log_set_level(AV_LOG_QUIET);
    int exitCode = 0;
    nlohmann::ordered_json array = nlohmann::ordered_json::array();
    if (!json) out << "integrated      range    true peak   sample peak  file" << std::endl;
    for (const auto& file : files) {
        auto measured = media::measureFile(file);
        if (!measured) {
            err << "pycast loudness: " << measured.error().message() << "\n";
            exitCode = 1;
            if (json)
                array.push_back({{"file", file.string()},
                                 {"integrated_lufs", nullptr},
                                 {"loudness_range_lu", nullptr},
                                 {"true_peak_dbtp", nullptr},
                                 {"sample_peak_dbfs", nullptr},
                                 {"error", measured.error().message()}});
            continue;
        }
        const media::LoudnessFigures& f = *measured;
        if (json) {
            array.push_back({{"file", file.string()},
                             {"integrated_lufs", number(f.integratedLufs)},
                             {"loudness_range_lu", number(f.loudnessRangeLu)},
                             {"true_peak_dbtp", number(f.truePeakDbtp)},
                             {"sample_peak_dbfs", number(f.samplePeakDbfs)}});
        } else {
            out << figure(f.integratedLufs, 5) << " LUFS  " << figure(f.loudnessRangeLu, 5)
                << " LU  " << figure(f.truePeakDbtp, 5) << " dBTP  " << figure(f.samplePeakDbfs, 5)
                << " dBFS  " << file.string() << "\n";
        }
        out.flush();
    }
    if (json) out << array.dump(2) << "\n";
    return exitCode;
}

}  // namespace pycast::cli
