// `pycast live`: runs a session on the live host without a window (main thread).
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>

#include "cli/commands.hpp"
#include "cli/recorder_options.hpp"
#include "io/show_io.hpp"
#include "live/live_host.hpp"
#include "live/session.hpp"
#include "media/recorder_service.hpp"
#include "server/audience_api.hpp"
#include "server/control_api.hpp"
#include "server/qr_code.hpp"

namespace pycast::cli {

namespace {

namespace fs = std::filesystem;

// Set by SIGINT/SIGTERM; the main loop reads it. Nothing else happens in the handler.
volatile std::sig_atomic_t g_stopSignal = 0;

extern "C" void onStopSignal(int signo) { g_stopSignal = signo; }

// Installs the stop handlers for as long as it lives, then puts the old ones back.
class StopSignals {
public:
    StopSignals() {
        g_stopSignal = 0;
        struct sigaction sa {};
        sa.sa_handler = onStopSignal;
        sigemptyset(&sa.sa_mask);
        ::sigaction(SIGINT, &sa, &m_oldInt);
        ::sigaction(SIGTERM, &sa, &m_oldTerm);
    }
    ~StopSignals() {
        ::sigaction(SIGINT, &m_oldInt, nullptr);
        ::sigaction(SIGTERM, &m_oldTerm, nullptr);
    }
    StopSignals(const StopSignals&) = delete;
    StopSignals& operator=(const StopSignals&) = delete;

private:
    struct sigaction m_oldInt {};
    struct sigaction m_oldTerm {};
};

const char* kLiveHelpHead =
    "usage: pycast live --session DIR [--api HOST:PORT] [--control-token TOKEN]\n"
    "                   [--audience HOST:PORT [--audience-pin PIN]]\n"
    "                   [--record [--device NAME] [--host-api NAME] [--channels N] [--rate HZ]\n"
    "                    [--tracks A,B,...]] [--] SHOW.json\n"
    "       pycast live --resume --session DIR [--api HOST:PORT] [--control-token TOKEN]\n"
    "                   [--audience HOST:PORT [--audience-pin PIN]] [--record ...]\n\n"
    "Runs a live session without a window: the show runner, its journal in DIR and the HTTP\n"
    "control API for Companion, a Stream Deck or scripts (see docs/control-api.md).\n"
    "Prints one line whenever the segment changes. Ctrl-C (or SIGTERM) ends the show, writes\n"
    "the report and quits; so does POST /api/end.\n\n"
    "  --session DIR          the session folder; a new session is created there\n"
    "  --resume               continue the session in DIR after a crash (SHOW.json not needed)\n"
    "  --api HOST:PORT        where the control API listens (default 127.0.0.1:8765;\n"
    "                         port 0 picks a free one and prints it). There is no\n"
    "                         --api off here: the API is the only control of pycast live\n"
    "                         (the studio, pycast-studio --api off, runs a show without it)\n"
    "  --control-token TOKEN  the bearer token clients must send (default: the session's own,\n"
    "                         kept in DIR/session.json)\n"
    "  --audience HOST:PORT   also serve the audience page, where phones send and upvote\n"
    "                         questions (0.0.0.0:8766 reaches the room's Wi-Fi; port 0 picks a\n"
    "                         free one). Its URL, with the PIN, is printed (on a terminal\n"
    "                         also as a QR code for the room to scan)\n"
    "  --audience-pin PIN     the PIN the page needs (4 to 32 letters or digits; default: the\n"
    "                         session's own, or a new 6-digit one, kept in DIR/session.json)\n"
    "  --record               record every mic into DIR/tracks (one WAV per track, RF64 past\n"
    "                         4 GiB); each journaled event carries the recorder's sample, the\n"
    "                         show's end stops the take and the report gets the measured airtime.\n"
    "                         A resumed session repairs the interrupted take and records take 2.\n"
    "                         Tracks default to the show's speakers, one input channel each;\n"
    "                         --tracks names them in channel order (a person's id or name binds\n"
    "                         the track to that person). With --record:\n"
    ;
const char* kLiveHelpTail =
    "  --                     ends the options: a show file named like an option follows\n\n"
    "Exit 0 when the session ended cleanly, 1 when it could not run, 2 on usage errors.\n";

std::string liveHelp() { return std::string(kLiveHelpHead) + kRecorderOptionsHelp + kLiveHelpTail; }

// An option's value from "--name VALUE" or "--name=VALUE"; nullopt when `a` is another option.
std::optional<std::string> optionValue(const Args& args, std::size_t& i, const std::string& name,
                                       std::string& error) {
    const std::string& a = args[i];
    if (a == name) {
        if (i + 1 >= args.size()) {
            error = name + " needs a value";
            return std::string();
        }
        return args[++i];
    }
    if (a.rfind(name + "=", 0) == 0) return a.substr(name.size() + 1);
    return std::nullopt;
}

bool validToken(const std::string& token) {
    if (token.empty()) return false;
    for (char ch : token) {
        const auto u = static_cast<unsigned char>(ch);
        if (u < 0x21 || u > 0x7e) return false;
    }
    return true;
}

// The host's lines: info on stdout, notes too, warnings and errors on stderr.
void print(const std::vector<HostLine>& lines, std::ostream& out, std::ostream& err) {
    for (const HostLine& line : lines) {
        const bool toErr = line.kind == HostLine::Kind::Warning || line.kind == HostLine::Kind::Error;
        (toErr ? err : out) << formatHostLine(line) << "\n";
    }
    out.flush();
    err.flush();
}

void print(const std::vector<std::string>& lines, std::ostream& out) {
    for (const auto& line : lines) out << line << "\n";
    out.flush();
}

// The audience page's URL as a QR code the room's phones can scan off the screen. Only on a
// terminal: in a log file the half blocks are noise.
void printAudienceQr(const LiveHost& host, std::ostream& out) {
    for (const ServiceInfo& info : host.services()) {
        if (info.name != kAudienceServiceName || !info.running) continue;
        const Result<QrMatrix> qr = encodeQr(info.url);
        if (!qr) continue;
        out << "Phones can scan this to open the audience page:\n"
            << qrToTerminal(*qr, TerminalColours::Ansi);
    }
    out.flush();
}

}  // namespace

int runLive(const Args& args, std::ostream& out, std::ostream& err) {
    if (wantsHelp(args)) {
        out << liveHelp();
        return 0;
    }
    std::string showFile;
    std::string sessionDir;
    std::string apiText = std::string(kDefaultControlHost) + ":" + std::to_string(kDefaultControlPort);
    std::optional<std::string> token;
    std::optional<std::string> audienceText;
    std::optional<std::string> audiencePin;
    bool resume = false;
    bool record = false;
    RecorderOptions recorderOptions;
    bool recorderOptionGiven = false;
    bool optionsEnded = false;   // after "--" every argument is a show file, even "-x.json"
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        std::string error;
        if (optionsEnded) {
            if (!showFile.empty()) {
                err << "pycast live: one show at a time (got " << showFile << " and " << a << ")\n";
                return 2;
            }
            showFile = a;
        } else if (a == "--") {
            optionsEnded = true;
        } else if (a == "--resume") {
            resume = true;
        } else if (a == "--record") {
            record = true;
        } else if (readRecorderOption(args, i, recorderOptions, error)) {
            recorderOptionGiven = true;
        } else if (auto v = optionValue(args, i, "--session", error)) {
            sessionDir = *v;
        } else if (auto v2 = optionValue(args, i, "--api", error)) {
            apiText = *v2;
        } else if (auto v3 = optionValue(args, i, "--control-token", error)) {
            token = *v3;
        } else if (auto v4 = optionValue(args, i, "--audience-pin", error)) {
            audiencePin = *v4;
        } else if (auto v5 = optionValue(args, i, "--audience", error)) {
            audienceText = *v5;
        } else if (a.size() > 1 && a[0] == '-') {
            err << "pycast live: unknown option " << a << "\n" << liveHelp();
            return 2;
        } else if (showFile.empty()) {
            showFile = a;
        } else {
            err << "pycast live: one show at a time (got " << showFile << " and " << a << ")\n";
            return 2;
        }
        if (!error.empty()) {
            err << "pycast live: " << error << "\n";
            return 2;
        }
    }
    if (sessionDir.empty()) {
        err << "pycast live: say where the session goes with --session DIR\n" << liveHelp();
        return 2;
    }
    if (!resume && showFile.empty()) {
        err << "pycast live: no show file given (or use --resume to continue a session)\n"
            << liveHelp();
        return 2;
    }
    if (apiText == "off") {
        // The studio can run without the API (its buttons and keys drive the show); here the API
        // is the only way to start, move on or end a show, so a session without it could do
        // nothing but wait for Ctrl-C.
        err << "pycast live: --api off would leave the show with no control at all (the control "
               "API is the only way to drive pycast live); keep it on this machine with --api "
               "127.0.0.1:PORT, or run the show in the studio with pycast-studio --api off\n";
        return 2;
    }
    const Result<HostPort> api = parseHostPort(apiText);
    if (!api) {
        err << "pycast live: --api: " << api.error().message() << "\n";
        return 2;
    }
    if (token && !validToken(*token)) {
        err << "pycast live: --control-token must be printable ASCII without spaces\n";
        return 2;
    }
    std::optional<HostPort> audience;
    if (audienceText) {
        const Result<HostPort> parsed = parseHostPort(*audienceText);
        if (!parsed) {
            err << "pycast live: --audience: " << parsed.error().message() << "\n";
            return 2;
        }
        audience = *parsed;
    }
    if (recorderOptionGiven && !record) {
        err << "pycast live: --device, --host-api, --channels, --rate and --tracks go with --record\n";
        return 2;
    }
    if (audiencePin && !audience) {
        err << "pycast live: --audience-pin needs --audience HOST:PORT (where the page listens)\n";
        return 2;
    }
    if (audiencePin && !validAudiencePin(*audiencePin)) {
        err << "pycast live: --audience-pin must be 4 to 32 letters or digits\n";
        return 2;
    }

    const fs::path dir = sessionDir;
    LiveHostOptions hostOptions;
    hostOptions.servicesRequired = true;
    hostOptions.openEndedSessions = false;
    hostOptions.program = "pycast live";
    hostOptions.resumeCommand = "pycast live --resume --session %s";
    LiveHost host(hostOptions);
    ControlApiServiceOptions apiOptions;
    apiOptions.address = *api;
    apiOptions.token = token;
    apiOptions.addressHint = "set the address with --api HOST:PORT (port 0 picks a free one)";
    host.addService([apiOptions] { return makeControlApiService(apiOptions); });
    if (audience) {
        AudienceServiceOptions audienceOptions;
        audienceOptions.address = *audience;
        audienceOptions.pin = audiencePin;
        audienceOptions.addressHint =
            "set the address with --audience HOST:PORT (port 0 picks a free one)";
        host.addService([audienceOptions] { return makeAudienceService(audienceOptions); });
    }

    if (record) {
        media::RecorderSetup setup = recorderOptions.setup;
        for (std::size_t c = 0; c < recorderOptions.names.size(); ++c) {
            media::TrackSetup t;
            t.channel = static_cast<int>(c);
            t.name = recorderOptions.names[c];
            setup.tracks.push_back(std::move(t));
        }
        setup.channels = recorderOptions.channels;   // grown to the tracks by the service
        host.addService([setup] { return std::make_unique<media::RecorderService>(setup); });
    }

    Status opened = ok();
    if (resume) {
        if (!showFile.empty())
            out << "note: ignoring " << showFile << "; a resumed session runs the show saved in "
                << (dir / kSessionShowFile).string() << "\n";
        opened = host.resumeSession(dir);
    } else {
        std::error_code ec;
        if (fs::exists(dir / kSessionJournalFile, ec)) {
            opened = host.startSessionAt(Show{}, dir);   // refused: says how to resume
        } else {
            LoadResult loaded = loadShowFile(showFile);
            if (!loaded.ok()) {
                for (const auto& p : loaded.problems) err << formatProblem(showFile, p) << "\n";
                err << "pycast live: " << showFile
                    << " has problems; fix them first (see `pycast validate`)\n";
                return 1;
            }
            opened = host.startSessionAt(*loaded.show, dir, showFile);
        }
    }
    print(host.takeLines(), out, err);
    if (!opened.ok()) {
        err << "pycast live: " << opened.error().message() << "\n";
        return 1;
    }
    if (audience && ::isatty(STDOUT_FILENO)) printAudienceQr(host, out);
    StopSignals signals;
    out << "Ctrl-C ends the show, writes the report and quits.\n";
    print(host.statusLines(), out);

    auto recorderLines = [&] {
        if (auto* recorder = dynamic_cast<media::RecorderService*>(host.findService(media::kRecorderServiceName)))
            print(recorder->takeLines(), out, err);
    };
    bool endedByApi = false;
    while (g_stopSignal == 0) {
        host.waitForWork(std::chrono::milliseconds(100));
        if (host.drain() > 0) print(host.statusLines(), out);
        recorderLines();
        if (host.phase() == RunPhase::Ended) {
            endedByApi = true;
            break;
        }
    }
    if (!endedByApi) out << "\n";
    recorderLines();
    const bool ended = host.shutdown(
        !endedByApi, endedByApi ? std::string() : (g_stopSignal == SIGTERM ? "SIGTERM" : "interrupted"));
    print(host.takeLines(), out, err);
    return ended ? 0 : 1;
}

}  // namespace pycast::cli
