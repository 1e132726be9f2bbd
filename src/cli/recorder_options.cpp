// The recorder's command-line options, shared by `pycast record` and `pycast live --record`
// (main thread).
#include "cli/recorder_options.hpp"

#include <cmath>
#include <cstdlib>

#include "core/text.hpp"

namespace pycast::cli {

const char* const kRecorderOptionsHelp =
    "  --device NAME     the input device (`pycast devices` lists them; default: the default "
    "input)\n"
    "  --host-api NAME   only devices of this host API (\"JACK\", \"ALSA\"; part of the name is "
    "enough)\n"
    "  --channels N      channels to open (default: one per track)\n"
    "  --rate HZ         sample rate (default 48000)\n"
    "  --tracks A,B,...  track names, one per input channel in order\n";

namespace {

bool wholeNumber(const std::string& text, double lo, double hi, int& out) {
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(v) || v < lo ||
        v > hi || v != std::floor(v))
        return false;
    out = static_cast<int>(v);
    return true;
}

}  // namespace

bool readRecorderOption(const Args& args, std::size_t& i, RecorderOptions& options,
                        std::string& error) {
    const std::string& a = args[i];
    if (a != "--device" && a != "--host-api" && a != "--channels" && a != "--rate" &&
        a != "--tracks")
        return false;
    if (i + 1 >= args.size()) {
        error = a + " needs a value";
        return true;
    }
    const std::string& v = args[++i];
    if (a == "--device") {
        options.setup.device = v;
    } else if (a == "--host-api") {
        options.setup.hostApi = v;
    } else if (a == "--channels") {
        if (!wholeNumber(v, 1, 256, options.channels))
            error = "--channels must be a whole number from 1 to 256, not \"" + v + "\"";
    } else if (a == "--rate") {
        if (!wholeNumber(v, 8000, 384000, options.setup.sampleRate))
            error = "--rate must be a sample rate in Hz (8000 to 384000), not \"" + v + "\"";
    } else {
        // Split by hand (splitOn drops empty pieces): an empty name between two commas is a
        // mistake to report, not to skip.
        std::vector<std::string> parts{""};
        for (char ch : v) {
            if (ch == ',')
                parts.emplace_back();
            else
                parts.back() += ch;
        }
        options.names.clear();
        for (auto& name : parts) {
            name = trimSpaces(name);
            if (name.empty()) {
                error = "--tracks has an empty name in \"" + v + "\"";
                return true;
            }
            options.names.push_back(name);
        }
    }
    return true;
}

}  // namespace pycast::cli
