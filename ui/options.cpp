// Parsing pycast-studio's command line (main thread).
#include "options.hpp"

#include <charconv>
#include <string_view>
#include <vector>

namespace pycast::ui {

namespace {

bool parseInt(std::string_view text, int& out) {
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc() && ptr == end;
}

bool parseSize(std::string_view text, int& width, int& height) {
    const auto x = text.find_first_of("xX");
    if (x == std::string_view::npos) return false;
    return parseInt(text.substr(0, x), width) && parseInt(text.substr(x + 1), height) &&
           width >= 320 && height >= 240 && width <= 16384 && height <= 16384;
}

}  // namespace

std::string usage(const std::string& program) {
    return "Usage: " + program +
           " [options] [FILE.json]\n"
           "\n"
           "Opens a PyCast show file (without FILE: the sample episode, found in\n"
           "$PYCAST_SHOWS_DIR or the shows/ folder next to the program).\n"
           "\n"
           "Options:\n"
           "  --screenshot FILE.png  render a few frames, save them as PNG and exit\n"
           "  --frames N             frames to render before the screenshot (default 3)\n"
           "  --size WxH             window size in pixels (default 1400x900)\n"
           "  -h, --help             show this help\n";
}

ParsedOptions parseCommandLine(int argc, const char* const* argv) {
    ParsedOptions result;
    AppOptions& o = result.options;
    std::vector<std::string_view> args(argv + 1, argv + argc);
    bool framesGiven = false;
    bool optionsEnded = false;

    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string_view arg = args[i];
        if (optionsEnded || arg.empty() || arg[0] != '-' || arg == "-") {
            if (o.file) {
                result.error = "only one FILE can be opened (got \"" + o.file->string() +
                               "\" and \"" + std::string(arg) + "\")";
                return result;
            }
            o.file = std::filesystem::path(std::string(arg));
            continue;
        }
        if (arg == "--") {
            optionsEnded = true;
            continue;
        }
        if (arg == "-h" || arg == "--help") {
            o.help = true;
            continue;
        }
        // --name=value or --name value
        std::string_view name = arg;
        std::optional<std::string_view> value;
        if (const auto eq = arg.find('='); eq != std::string_view::npos) {
            name = arg.substr(0, eq);
            value = arg.substr(eq + 1);
        }
        const bool takesValue = name == "--screenshot" || name == "--frames" || name == "--size";
        if (!takesValue) {
            result.error = "unknown option " + std::string(name);
            return result;
        }
        if (!value) {
            if (i + 1 >= args.size()) {
                result.error = std::string(name) + " needs a value";
                return result;
            }
            value = args[++i];
        }
        if (name == "--screenshot") {
            if (value->empty()) {
                result.error = "--screenshot needs a file name";
                return result;
            }
            o.screenshot = std::filesystem::path(std::string(*value));
        } else if (name == "--frames") {
            if (!parseInt(*value, o.frames) || o.frames < 1 || o.frames > 100000) {
                result.error = "--frames needs a whole number of at least 1 (got \"" +
                               std::string(*value) + "\")";
                return result;
            }
            framesGiven = true;
        } else if (name == "--size") {
            if (!parseSize(*value, o.width, o.height)) {
                result.error = "--size needs WIDTHxHEIGHT, at least 320x240 (got \"" +
                               std::string(*value) + "\")";
                return result;
            }
        }
    }
    if (framesGiven && !o.screenshot && !o.help) {
        result.error = "--frames only makes sense with --screenshot";
    }
    return result;
}

}  // namespace pycast::ui
