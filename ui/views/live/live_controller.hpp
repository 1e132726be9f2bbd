// The studio's live session: one Session, its control API and the host's actions (UI thread).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <string>
#include <vector>

#include "live/control_queue.hpp"
#include "server/control_server.hpp"
#include "live/report.hpp"
#include "live/session.hpp"

namespace pycast::ui {

// What the host (a button, a shortcut) asks the session to do. The API's endpoints do the
// same through the control queue.
enum class LiveAction {
    None,
    Start,
    Pause,
    Resume,
    Next,
    Previous,
    ExtendPlus60,
    ExtendPlus30,
    ExtendMinus30,
    QuestionAnswered,
    End,
    ShowHelp,  // view only: the shortcut overlay; the session is not touched
};
const char* toName(LiveAction action);  // "next", "extend+30", ... for logs and tests

struct LiveSettings {
    std::filesystem::path sessionsRoot;  // where new sessions go (defaultSessionsRoot())
    std::optional<HostPort> api;         // where the control API listens; none: no API
    std::int64_t warningMs = 60'000;     // the countdown turns amber from here
};

// The control API as the host view shows it.
struct LiveApiInfo {
    bool running = false;
    std::string url;    // "http://127.0.0.1:8765"
    std::string token;  // the session's control token
    std::string note;   // e.g. the port was taken and another was picked
    std::string error;  // it could not start at all
};

// Owns the live session and everything that runs beside it. A session is created for a show
// or resumed from its folder; the HTTP server for it starts at the same time and lives until
// the session is replaced or the studio quits. Every change goes through Session, so the
// journal has it before the screen does.
//
// Thread: the UI thread, except that the control queue's wake callback is called from the
// HTTP threads.
class LiveController {
public:
    explicit LiveController(LiveSettings settings, SessionOptions clocks = {});
    ~LiveController();
    LiveController(const LiveController&) = delete;
    LiveController& operator=(const LiveController&) = delete;

    LiveSettings& settings() { return m_settings; }
    const LiveSettings& settings() const { return m_settings; }

    // Called (from an HTTP thread) when a request is queued: wake the frame loop.
    void setWakeCallback(std::function<void()> wake);

    // A new session for `show` in settings().sessionsRoot (or in `dir`). Refused while a show
    // is live. False with lastError() set when it could not be created.
    // `source`: the file the show came from, recorded in the session for a later resume.
    bool startSession(const Show& show, const std::filesystem::path& source = {});
    bool startSessionAt(const Show& show, const std::filesystem::path& dir);
    // Resumes the session in `dir` (Session::open): position, elapsed times and messages come
    // back from the journal; damaged lines become notices. An ended session opens read-only
    // (its report is shown; no API).
    bool resumeSession(const std::filesystem::path& dir);
    // Unfinished sessions under the sessions root, newest first, without the one open here.
    std::vector<InterruptedSession> interruptedSessions() const;

    bool hasSession() const { return m_session != nullptr; }
    const Session* session() const { return m_session.get(); }
    // Goes up each time a session is created or resumed (the shell selects the Live tab).
    int generation() const { return m_generation; }
    bool wasResumed() const { return m_resumed; }  // the session came from Session::open
    // Once after a resume: the show file the session was started from, when it still exists,
    // so the studio can open it beside the live view.
    std::optional<std::filesystem::path> takeSourceToReopen() { return std::exchange(m_sourceToReopen, {}); }
    // A session that has not ended: closing the studio now asks first.
    bool isLive() const;
    // Started and not ended: the clock is running (or held).
    bool isOnAir() const;
    RunPhase phase() const;

    // The host's actions. Each is journaled before it shows; a refusal (Next on the last
    // segment) comes back with a sentence for the host and is kept in lastError().
    SessionActionResult perform(LiveAction action);
    SessionActionResult sendMessage(const std::string& text);  // "" clears it

    // Runs the API's queued requests on this thread. Call once a frame. Returns how many ran.
    std::size_t drain();

    // The state views draw. Only with a session.
    SessionState state() const;
    // Between freeze() and thaw() state() is one snapshot, so the studio window and the
    // presenter drawn in the same pass show the same second. Any action thaws it.
    void freeze();
    void thaw() { m_frozen.reset(); }
    // The planned-vs-actual report, once the show has ended (built once, then kept).
    const SessionReport* report();
    std::filesystem::path reportMarkdownPath() const;
    std::filesystem::path reportCsvPath() const;

    const LiveApiInfo& api() const { return m_api; }
    const std::string& lastError() const { return m_lastError; }
    void clearError() { m_lastError.clear(); }
    // Things the host should read once: journal warnings after a resume, API notes.
    const std::vector<std::string>& notices() const { return m_notices; }
    void dismissNotices() { m_notices.clear(); }

    // Stops the API (answering waiting requests) and drops the session; its folder stays
    // resumable unless it was ended. Called before the window goes away.
    void closeSession();

private:
    bool adopt(SessionResult result, bool resumed);
    void startApi();
    void stopApi();
    SessionActionResult remember(SessionActionResult result);

    LiveSettings m_settings;
    SessionOptions m_clocks;
    std::function<void()> m_wake;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<ControlQueue> m_queue;
    std::unique_ptr<ControlServer> m_server;
    LiveApiInfo m_api;
    std::optional<SessionReport> m_report;
    std::optional<SessionState> m_frozen;
    std::string m_lastError;
    std::vector<std::string> m_notices;
    int m_generation = 0;
    bool m_resumed = false;
    std::optional<std::filesystem::path> m_sourceToReopen;
};

}  // namespace pycast::ui
