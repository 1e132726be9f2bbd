// Parsing pycast-studio's command line (main thread).
#include "shell/options.hpp"

#include <charconv>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "server/host_port.hpp"

namespace pycast::ui {

namespace {

bool parseInt(std::string_view text, int& out) {
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc() && ptr == end;
}

bool parseSeconds(std::string_view text, double& out) {
    const std::string copy(text);
    char* end = nullptr;
    const double v = std::strtod(copy.c_str(), &end);
    if (end == copy.c_str() || *end != '\0' || !(v >= 0.0) || v > 3600.0) return false;
    out = v;
    return true;
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
           "\n"
           "Live sessions:\n"
           "  --sessions DIR         where sessions go (default $PYCAST_SESSIONS_DIR or\n"
           "                         ~/PyCast/sessions); an interrupted one is offered at start-up\n"
           "  --live                 start a session for FILE at start-up (Live > Start session)\n"
           "  --resume DIR           reopen the session in DIR (after a crash, or to see its report)\n"
           "  --api HOST:PORT        where the control API listens (default 127.0.0.1:8765; a taken\n"
           "                         port falls back to a free one; port 0 picks one; off: none).\n"
           "                         With a screenshot option the API is off unless --api is given\n"
           "  --presenter            open the presenter window (also View > Presenter window)\n"
           "  --presenter-size WxH   its size in pixels (default 1280x720)\n"
           "  --screenshot-presenter FILE.png\n"
           "                         save the presenter window as PNG too (and exit)\n"
           "  --screenshot-delay S   take the screenshots after S seconds of running (the API and\n"
           "                         the clock work meanwhile) instead of after --frames frames\n"
           "  --live-demo S          a throwaway session of FILE, S seconds into the show on plan\n"
           "                         (README pictures); removed when the studio closes\n"
           "  --demo-questions       with --live-demo: questions in every state (one on air, one\n"
           "                         held for a blocked word), the Questions panel in view\n"
           "  --demo-poll            with --live-demo: a topic poll open with 37 votes, the Polls\n"
           "                         tab in view and its bars on the presenter window\n"
           "  --demo-audience        with --demo-questions: the audience page on 127.0.0.1 (a free\n"
           "                         port) and its QR code full screen on the presenter window\n"
           "  --demo-recorder        with --live-demo: a synthetic recorder (no audio device) taking\n"
           "                         the show since its start: moving meters, a warning, airtime\n"
           "\n"
           "Export:\n"
           "  --export PATH          open the Export dialog on a session folder or an audio file\n"
           "                         (File > Export episode…); a screenshot shows its checks\n"
           "  --report SESSION_DIR   open the Report tab on a session's insights (charts, summary)\n"
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
        if (name == "--demo-recorder") {
            if (value) {
                result.error = "--demo-recorder takes no value";
                return result;
            }
            o.demoRecorder = true;
            continue;
        }
        if (name == "--live" || name == "--presenter" || name == "--demo-questions" ||
            name == "--demo-audience" || name == "--demo-poll") {
            if (value) {
                result.error = std::string(name) + " takes no value";
                return result;
            }
            (name == "--live"             ? o.live
             : name == "--presenter"      ? o.presenter
             : name == "--demo-questions" ? o.demoQuestions
             : name == "--demo-poll"      ? o.demoPoll
                                          : o.demoAudience) = true;
            continue;
        }
        const bool takesValue = name == "--screenshot" || name == "--frames" || name == "--size" ||
                                name == "--sessions" || name == "--resume" || name == "--api" ||
                                name == "--screenshot-presenter" || name == "--screenshot-delay" ||
                                name == "--live-demo" || name == "--presenter-size" ||
                                name == "--export" || name == "--report";
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
        } else if (name == "--presenter-size") {
            if (!parseSize(*value, o.presenterWidth, o.presenterHeight)) {
                result.error = "--presenter-size needs WIDTHxHEIGHT, at least 320x240 (got \"" +
                               std::string(*value) + "\")";
                return result;
            }
        } else if (value->empty()) {
            result.error = std::string(name) + " needs a value";
            return result;
        } else if (name == "--sessions") {
            o.sessionsRoot = std::filesystem::path(std::string(*value));
        } else if (name == "--export") {
            o.exportSource = std::filesystem::path(std::string(*value));
        } else if (name == "--report") {
            o.reportSession = std::filesystem::path(std::string(*value));
        } else if (name == "--resume") {
            o.resume = std::filesystem::path(std::string(*value));
        } else if (name == "--screenshot-presenter") {
            o.presenterScreenshot = std::filesystem::path(std::string(*value));
        } else if (name == "--api") {
            if (*value != "off") {
                if (Result<HostPort> api = parseHostPort(std::string(*value)); !api) {
                    result.error = "--api needs HOST:PORT or off: " + api.error().message();
                    return result;
                }
            }
            o.api = std::string(*value);
        } else if (name == "--screenshot-delay") {
            if (!parseSeconds(*value, o.screenshotDelay)) {
                result.error = "--screenshot-delay needs seconds from 0 to 3600 (got \"" +
                               std::string(*value) + "\")";
                return result;
            }
        } else if (name == "--live-demo") {
            int seconds = 0;
            if (!parseInt(*value, seconds) || seconds < 0 || seconds > 24 * 3600) {
                result.error = "--live-demo needs whole seconds from 0 (got \"" +
                               std::string(*value) + "\")";
                return result;
            }
            o.liveDemoSeconds = seconds;
        }
    }
    const int liveSources = (o.live ? 1 : 0) + (o.resume ? 1 : 0) + (o.liveDemoSeconds ? 1 : 0);
    if (liveSources > 1 && !o.help) {
        result.error = "--live, --resume and --live-demo each open a session; pick one";
        return result;
    }
    if (o.demoAudience && !o.demoQuestions && !o.help) {
        result.error = "--demo-audience only makes sense with --demo-questions";
        return result;
    }
    if (o.demoRecorder && !o.liveDemoSeconds && !o.help) {
        result.error = "--demo-recorder only makes sense with --live-demo";
        return result;
    }
    if (o.demoPoll && !o.liveDemoSeconds && !o.help) {
        result.error = "--demo-poll only makes sense with --live-demo";
        return result;
    }
    if (o.demoQuestions && !o.liveDemoSeconds && !o.help) {
        result.error = "--demo-questions only makes sense with --live-demo";
        return result;
    }
    if (o.screenshotDelay > 0.0 && !o.screenshotMode() && !o.help) {
        result.error = "--screenshot-delay only makes sense with --screenshot or --screenshot-presenter";
        return result;
    }
    if (o.presenterScreenshot) o.presenter = true;
    if (framesGiven && !o.screenshotMode() && !o.help) {
        result.error = "--frames only makes sense with --screenshot";
    }
    return result;
}

}  // namespace pycast::ui
