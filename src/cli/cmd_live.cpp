// `pycast live` and `pycast report`: run a session without a window, and report on one (main thread).
#include <signal.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>

#include "cli/commands.hpp"
#include "live/control_queue.hpp"
#include "server/control_server.hpp"
#include "core/duration.hpp"
#include "live/report.hpp"
#include "live/session.hpp"
#include "io/show_io.hpp"

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

const char* kLiveHelp =
    "usage: pycast live SHOW.json --session DIR [--api HOST:PORT] [--control-token TOKEN]\n"
    "       pycast live --resume --session DIR [--api HOST:PORT] [--control-token TOKEN]\n\n"
    "Runs a live session without a window: the show runner, its journal in DIR and the HTTP\n"
    "control API for Companion, a Stream Deck or scripts (see docs/control-api.md).\n"
    "Prints one line whenever the segment changes. Ctrl-C (or SIGTERM) ends the show, writes\n"
    "the report and quits; so does POST /api/end.\n\n"
    "  --session DIR          the session folder; a new session is created there\n"
    "  --resume               continue the session in DIR after a crash (SHOW.json not needed)\n"
    "  --api HOST:PORT        where the control API listens (default 127.0.0.1:8765;\n"
    "                         port 0 picks a free one and prints it)\n"
    "  --control-token TOKEN  the bearer token clients must send (default: the session's own,\n"
    "                         kept in DIR/session.json)\n\n"
    "Exit 0 when the session ended cleanly, 1 when it could not run, 2 on usage errors.\n";

const char* kReportHelp =
    "usage: pycast report SESSION_DIR [--format md|csv]\n\n"
    "Prints the planned-vs-actual report of a session: per segment and per speaker. An\n"
    "interrupted session is reported as of its last journal event.\n"
    "  --format F   md (Markdown, default) or csv\n"
    "Exit 0 ok, 1 when the session cannot be read, 2 on usage errors.\n";

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

std::string shellQuote(const std::string& s) {
    std::string out = "'";
    for (char ch : s) {
        if (ch == '\'')
            out += "'\\''";
        else
            out += ch;
    }
    return out + "'";
}

// "0:02:13" from session ms.
std::string clock(std::int64_t ms) {
    const std::int64_t s = ms / 1000;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", static_cast<long long>(s / 3600),
                  static_cast<long long>(s / 60 % 60), static_cast<long long>(s % 60));
    return buf;
}

std::string segmentLabel(const Show& show, int index) {
    if (index < 0 || static_cast<std::size_t>(index) >= show.rundown.size()) return "-";
    const Segment& seg = show.rundown[static_cast<std::size_t>(index)];
    return std::to_string(index + 1) + "/" + std::to_string(show.rundown.size()) + " " + seg.id +
           " \"" + seg.title + "\"";
}

// What the status line last showed; a line is printed when any of it changes.
struct Seen {
    RunPhase phase = RunPhase::NotStarted;
    int index = -1;
    std::optional<ProducerMessage> message;
};

void printChanges(const Session& session, Seen& seen, std::ostream& out) {
    const SessionState st = session.state();
    const RunnerState& r = st.runner;
    const std::string at = "[" + clock(st.sessionMs) + "] ";
    if (r.phase == RunPhase::Ended && seen.phase != RunPhase::Ended) {
        out << at << "show ended: " << formatDurationMs(r.actualTotalMs) << " on air, "
            << formatDurationMs(r.overUnderMs < 0 ? -r.overUnderMs : r.overUnderMs) << " "
            << overUnderWord(r.overUnderMs) << "\n";
    } else if (r.phase != RunPhase::Ended &&
               (r.currentIndex != seen.index || (seen.phase == RunPhase::NotStarted &&
                                                 r.phase != RunPhase::NotStarted))) {
        out << at << "on air " << segmentLabel(session.show(), r.currentIndex);
        if (r.current) out << ", " << formatDurationMs(r.current->plannedMs) << " planned";
        if (r.phase == RunPhase::Paused) out << " (paused)";
        out << "\n";
    } else if (r.phase == RunPhase::Paused && seen.phase == RunPhase::Running) {
        out << at << "paused on " << segmentLabel(session.show(), r.currentIndex) << "\n";
    } else if (r.phase == RunPhase::Running && seen.phase == RunPhase::Paused) {
        out << at << "resumed " << segmentLabel(session.show(), r.currentIndex) << "\n";
    }
    if (st.message && st.message != seen.message) out << at << "message: " << st.message->text << "\n";
    seen.phase = r.phase;
    seen.index = r.currentIndex;
    seen.message = st.message;
    out.flush();
}

// Removes what Session::createAt wrote, when the session could not go on air at all.
void removeUnusedSession(const fs::path& dir, bool dirExisted) {
    std::error_code ec;
    for (const char* name : {kSessionJournalFile, kSessionInfoFile, kSessionShowFile})
        fs::remove(dir / name, ec);
    if (!dirExisted) fs::remove(dir, ec);   // only if empty
}

}  // namespace

int runLive(const Args& args, std::ostream& out, std::ostream& err) {
    if (wantsHelp(args)) {
        out << kLiveHelp;
        return 0;
    }
    std::string showFile;
    std::string sessionDir;
    std::string apiText = std::string(kDefaultControlHost) + ":" + std::to_string(kDefaultControlPort);
    std::optional<std::string> token;
    bool resume = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        std::string error;
        if (a == "--resume") {
            resume = true;
        } else if (auto v = optionValue(args, i, "--session", error)) {
            sessionDir = *v;
        } else if (auto v2 = optionValue(args, i, "--api", error)) {
            apiText = *v2;
        } else if (auto v3 = optionValue(args, i, "--control-token", error)) {
            token = *v3;
        } else if (a.size() > 1 && a[0] == '-') {
            err << "pycast live: unknown option " << a << "\n" << kLiveHelp;
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
        err << "pycast live: say where the session goes with --session DIR\n" << kLiveHelp;
        return 2;
    }
    if (!resume && showFile.empty()) {
        err << "pycast live: no show file given (or use --resume to continue a session)\n"
            << kLiveHelp;
        return 2;
    }
    std::string apiError;
    const std::optional<HostPort> api = parseHostPort(apiText, apiError);
    if (!api) {
        err << "pycast live: --api: " << apiError << "\n";
        return 2;
    }
    if (token && !validToken(*token)) {
        err << "pycast live: --control-token must be printable ASCII without spaces\n";
        return 2;
    }

    const fs::path dir = sessionDir;
    std::error_code ec;
    const bool haveJournal = fs::exists(dir / kSessionJournalFile, ec);
    SessionResult opened;
    bool dirExisted = false;
    if (resume) {
        if (!showFile.empty())
            out << "note: ignoring " << showFile
                << "; a resumed session runs the show saved in " << (dir / kSessionShowFile).string()
                << "\n";
        if (!haveJournal) {
            err << "pycast live: " << dir.string()
                << " holds no session (no journal.jsonl); start one with pycast live SHOW.json "
                   "--session "
                << dir.string() << "\n";
            return 1;
        }
        opened = Session::open(dir);
    } else {
        if (haveJournal) {
            err << "pycast live: " << dir.string()
                << " already holds a session; use --resume to continue it, or pick another "
                   "--session folder\n";
            return 1;
        }
        LoadResult loaded = loadShowFile(showFile);
        if (!loaded.ok()) {
            for (const auto& p : loaded.problems) err << formatProblem(showFile, p) << "\n";
            err << "pycast live: " << showFile
                << " has problems; fix them first (see `pycast validate`)\n";
            return 1;
        }
        dirExisted = fs::exists(dir, ec);
        opened = Session::createAt(*loaded.show, dir);
    }
    for (const auto& w : opened.warnings) err << "warning: " << w << "\n";
    if (!opened.session) {
        err << "pycast live: " << opened.error << "\n";
        return 1;
    }
    Session& session = *opened.session;
    if (session.runner().phase() == RunPhase::Ended) {
        err << "pycast live: the session in " << dir.string()
            << " has already ended; nothing to resume (see `pycast report " << dir.string()
            << "`)\n";
        return 1;
    }

    const std::string controlToken = token ? *token : session.controlToken();
    ControlQueue queue;
    ControlServer server(queue, controlToken);
    const ServerStartResult started = server.start(api->host, api->port);
    if (!started) {
        err << "pycast live: " << started.error
            << " Set the address with --api HOST:PORT (port 0 picks a free one).\n";
        if (!resume) removeUnusedSession(dir, dirExisted);
        return 1;
    }
    StopSignals signals;

    const Show& show = session.show();
    out << "pycast live: \"" << show.meta.title << "\", " << show.rundown.size()
        << " segments, planned " << formatDuration(show.plannedTotal()) << "\n";
    out << "session " << dir.string() << (resume ? " (resumed)" : " (new)") << "\n";
    out << "control API on " << server.url() << " (token " << controlToken << ")\n";
    const std::string auth = shellQuote("Authorization: Bearer " + controlToken);
    out << "  curl -s -H " << auth << " " << server.url() << "/api/state\n";
    out << "  curl -s -X POST -H " << auth << " " << server.url() << "/api/start\n";
    if (!isLoopbackHost(api->host))
        out << "note: " << api->host
            << " can be reached from other machines; anyone with the token can run the show\n";
    out << "Ctrl-C ends the show, writes the report and quits.\n";
    out.flush();

    Seen seen;
    if (resume) {
        // Show where it stands now, as if the segment had just changed.
        seen.phase = RunPhase::NotStarted;
        seen.index = -1;
        printChanges(session, seen, out);
    }
    bool endedByApi = false;
    while (g_stopSignal == 0) {
        queue.waitForWork(std::chrono::milliseconds(100));
        if (queue.drain(session) > 0) printChanges(session, seen, out);
        if (session.runner().phase() == RunPhase::Ended) {
            endedByApi = true;
            break;
        }
    }
    queue.close("pycast live is shutting down.");

    int code = 0;
    if (!endedByApi) {
        out << "\n" << (g_stopSignal == SIGTERM ? "SIGTERM" : "interrupted") << ": ";
        if (session.runner().phase() == RunPhase::NotStarted) {
            out << "the show never started; nothing to end. Continue later with: pycast live "
                   "--resume --session "
                << dir.string() << "\n";
        } else {
            out << "ending the show\n";
            const SessionActionResult r = session.end();
            if (!r) {
                err << "pycast live: could not end the show: " << r.error << "\n";
                code = 1;
            } else {
                printChanges(session, seen, out);
            }
            for (const auto& w : r.warnings) err << "warning: " << w << "\n";
        }
    }
    server.stop();
    if (session.runner().phase() == RunPhase::Ended)
        out << "report: " << (dir / kSessionReportMarkdown).string() << " (pycast report "
            << dir.string() << ")\n";
    out.flush();
    return code;
}

int runReport(const Args& args, std::ostream& out, std::ostream& err) {
    if (wantsHelp(args)) {
        out << kReportHelp;
        return 0;
    }
    std::string dir;
    std::string format = "md";
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string error;
        if (auto v = optionValue(args, i, "--format", error)) {
            if (!error.empty()) {
                err << "pycast report: --format needs a value (md or csv)\n";
                return 2;
            }
            format = *v;
        } else if (args[i].size() > 1 && args[i][0] == '-') {
            err << "pycast report: unknown option " << args[i] << "\n" << kReportHelp;
            return 2;
        } else if (dir.empty()) {
            dir = args[i];
        } else {
            err << "pycast report: one session at a time (got " << dir << " and " << args[i]
                << ")\n";
            return 2;
        }
    }
    if (dir.empty()) {
        err << "pycast report: no session folder given\n" << kReportHelp;
        return 2;
    }
    if (format == "md" || format == "markdown") return runReportCommand(dir, out, err);
    if (format == "csv") return runReportCommand(dir, out, err, true);
    err << "pycast report: unknown format \"" << format << "\" (use md or csv)\n";
    return 2;
}

}  // namespace pycast::cli
