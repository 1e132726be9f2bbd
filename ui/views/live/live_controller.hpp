// The studio's side of a live session: a thin layer over the LiveHost (src/live) that adds the
// host's posted actions, a frozen state per frame and the report view (UI thread).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <string>
#include <vector>

#include "live/live_host.hpp"
#include "live/report.hpp"
#include "live/session.hpp"
#include "server/audience_api.hpp"  // kAudienceServiceName, kDefaultAudiencePort
#include "server/host_port.hpp"
#include "server/qr_code.hpp"
#include "views/live/question_undo.hpp"

namespace pycast::ui {

// What the host's hands (a button, a shortcut) ask for: a live command (live/live_command.hpp,
// the same ones the API runs), or the view-only shortcut overlay. The named ones are the
// presets the buttons and keys use.
struct LiveAction {
    enum class Kind { None, Command, ShowHelp };
    Kind kind = Kind::None;
    LiveRequest request;

    static LiveAction command(LiveRequest r) { return {Kind::Command, std::move(r)}; }
    bool operator==(const LiveAction&) const = default;

    static const LiveAction None, Start, Hold, Resume, Next, Previous, ExtendPlus60, ExtendPlus30,
        ExtendMinus30, QuestionAnswered, End, ShowHelp;
};
inline const LiveAction LiveAction::None{};
inline const LiveAction LiveAction::Start = command(LiveRequest(LiveCommand::Start));
inline const LiveAction LiveAction::Hold = command(LiveRequest(LiveCommand::Hold));
inline const LiveAction LiveAction::Resume = command(LiveRequest(LiveCommand::Resume));
inline const LiveAction LiveAction::Next = command(LiveRequest(LiveCommand::Next));
inline const LiveAction LiveAction::Previous = command(LiveRequest(LiveCommand::Previous));
inline const LiveAction LiveAction::ExtendPlus60 =
    command(LiveRequest(LiveCommand::Extend).withSeconds(60));
inline const LiveAction LiveAction::ExtendPlus30 =
    command(LiveRequest(LiveCommand::Extend).withSeconds(30));
inline const LiveAction LiveAction::ExtendMinus30 =
    command(LiveRequest(LiveCommand::Extend).withSeconds(-30));
inline const LiveAction LiveAction::QuestionAnswered =
    command(LiveRequest(LiveCommand::QuestionAnswered));
inline const LiveAction LiveAction::End = command(LiveRequest(LiveCommand::End));
inline const LiveAction LiveAction::ShowHelp{LiveAction::Kind::ShowHelp, {}};

const char* toName(const LiveAction& action);  // "next", "extend+30", "help" … for logs and tests

struct LiveSettings {
    std::filesystem::path sessionsRoot;  // where new sessions go (defaultSessionsRoot())
    std::optional<HostPort> api;         // where the control API listens; none: no API
    std::int64_t warningMs = 60'000;     // the countdown turns amber from here
};

// The control API as the live view shows it.
struct LiveApiInfo {
    bool running = false;
    std::string url;    // "http://127.0.0.1:8765"
    std::string token;  // the session's control token
    std::string note;   // e.g. the port was taken and another was picked
    std::string error;  // it could not start at all
};

// The audience page as the producer sees it. The service itself (server/audience_api) is made
// by the shell's factory; the URL uses the LAN address the producer picked, the port the
// service bound and the session's PIN.
struct AudienceInfo {
    bool available = false;  // this studio can serve the page (the shell gave a factory)
    bool on = false;         // the service is running: phones can submit
    std::string host;        // the LAN address in the URL ("192.168.1.20"; "" until picked)
    int port = kDefaultAudiencePort;  // asked for; the bound one once on
    std::string pin;         // the session's
    std::string url;         // "http://HOST:PORT/?pin=PIN" while on
    std::optional<QrMatrix> qr;  // of the URL, while on
    std::string error;       // why it is not on
    bool qrOnPresenter = false;  // the presenter shows the QR full screen
};

// Makes the audience service listening on ADDRESS with PIN ("": the session's, or a new one
// the service keeps in session.json) — the shell's, app_live.cpp.
using AudienceServiceFactory =
    std::function<std::unique_ptr<LiveService>(const HostPort& address, const std::string& pin)>;

// The studio's layer over the LiveHost (live/live_host.hpp), which owns the session and its
// services: it adds what only a window needs (one frozen instant per frame, the report kept
// for drawing, the Live tab's notices, the show file to reopen after a resume).
//
// Thread: the UI thread, except that the wake callback is called from the HTTP threads.
class LiveController {
public:
    explicit LiveController(LiveSettings settings, SessionOptions clocks = {});
    ~LiveController();
    LiveController(const LiveController&) = delete;
    LiveController& operator=(const LiveController&) = delete;

    LiveSettings& settings() { return m_settings; }
    const LiveSettings& settings() const { return m_settings; }
    LiveHost& host() { return m_host; }

    // Called (from an HTTP thread) when a request is queued: wake the frame loop.
    void setWakeCallback(std::function<void()> wake) { m_host.setWakeCallback(std::move(wake)); }

    // A new session for `show` in settings().sessionsRoot (or in `dir`). Refused while a show
    // is live. False with lastError() set when it could not be created.
    // `source`: the file the show came from, recorded in the session for a later resume.
    bool startSession(const Show& show, const std::filesystem::path& source = {});
    bool startSessionAt(const Show& show, const std::filesystem::path& dir);
    // Resumes the session in `dir`: position, elapsed times and messages come back from the
    // journal; damaged lines become notices. An ended session opens read-only (its report is
    // shown; no API).
    bool resumeSession(const std::filesystem::path& dir);
    // Unfinished sessions under the sessions root, newest first, without the one open here.
    std::vector<InterruptedSession> interruptedSessions() const;

    bool hasSession() const { return m_host.session() != nullptr; }
    const Session* session() const { return m_host.session(); }
    // Goes up each time a session is created or resumed (the shell selects the Live tab).
    int generation() const { return m_generation; }
    bool wasResumed() const { return m_host.wasResumed(); }
    // Once after a resume: the show file the session was started from, when it still exists,
    // so the studio can open it beside the live view.
    std::optional<std::filesystem::path> takeSourceToReopen() { return std::exchange(m_sourceToReopen, {}); }
    bool isLive() const { return m_host.isLive(); }      // closing the studio now asks first
    bool isOnAir() const { return m_host.isOnAir(); }    // the clock is running (or held)
    RunPhase phase() const { return m_host.phase(); }

    // The host's actions. Each is journaled before it shows; a refusal (Next on the last
    // segment) comes back with a sentence for the host and is kept in lastError(). A producer's
    // change to the question queue also pushes its inverse onto the questions' undo stack
    // (and clears the redo stack).
    SessionActionResult perform(const LiveAction& action);

    // The question queue's undo: performs the top step's inverse (each a journaled command)
    // and moves it to the redo stack; redo performs it again. A step that the session refuses
    // (the queue moved on meanwhile, say the API answered that question) is dropped, with the
    // refusal in lastError(). Both stacks are the session's: a new session starts empty.
    bool canUndoQuestion() const { return !m_questionUndo.empty(); }
    bool canRedoQuestion() const { return !m_questionRedo.empty(); }
    std::string questionUndoLabel() const;  // "approve q7"; "" when none
    std::string questionRedoLabel() const;
    SessionActionResult undoQuestion();
    SessionActionResult redoQuestion();

    // The audience page (see AudienceInfo). setAudienceFactory is the shell's: without one the
    // switch is not offered.
    void setAudienceFactory(AudienceServiceFactory factory);
    const AudienceInfo& audience() const { return m_audience; }
    // Switches submissions on (the service starts; the PIN is the session's, made by the
    // service when it has none) or off (the port closes at once). False with audience().error when it could not start.
    bool setAudienceOn(bool on);
    // The LAN address the URL and QR code use (the service listens on every interface).
    void setAudienceHost(const std::string& host);
    void setAudiencePort(int port) { m_audience.port = port; }
    void setQrOnPresenter(bool on) {
        m_audience.qrOnPresenter = on && m_audience.on;
        if (m_audience.qrOnPresenter) m_pollOnPresenter.clear();
    }
    // The poll whose bars the presenter shows ("" none): the producer's choice, not journaled
    // (what the room sees of a poll is its counts, which are). Showing one hides the QR code.
    void setPollOnPresenter(std::string pollId) {
        m_pollOnPresenter = std::move(pollId);
        if (!m_pollOnPresenter.empty()) m_audience.qrOnPresenter = false;
    }
    const std::string& pollOnPresenter() const { return m_pollOnPresenter; }
    SessionActionResult sendMessage(const std::string& text);  // "" clears it

    // Views post actions while they draw; the shell runs them after the frame, so the model
    // never changes in the middle of drawing.
    void post(LiveAction action) { m_posted.push_back(std::move(action)); }
    void post(std::function<void(LiveController&)> work) { m_postedWork.push_back(std::move(work)); }
    // Runs what the views posted, in order. Returns how many ran.
    std::size_t runPosted();

    // Runs the API's queued requests on this thread. Call once a frame. Returns how many ran.
    std::size_t drain();

    // The state views draw. Only with a session.
    SessionState state() const;
    // Between freeze() and thaw() state() is one snapshot, so the studio window and the
    // presenter drawn in the same pass show the same second. Any action thaws it.
    void freeze();
    void thaw() { m_frozen.reset(); }
    // The planned-vs-actual report, once the show has ended (built once, then kept).
    const SessionReport* report() const;
    std::filesystem::path reportMarkdownPath() const;
    std::filesystem::path reportCsvPath() const;

    const LiveApiInfo& api() const { return m_api; }
    const std::string& lastError() const { return m_lastError; }
    void clearError() { m_lastError.clear(); }
    // Things the host should read once: journal warnings after a resume, API notes.
    const std::vector<std::string>& notices() const { return m_notices; }
    void dismissNotices() { m_notices.clear(); }
    // Every line the live host reported since the last call, for the terminal.
    std::vector<HostLine> takeLines() { return std::exchange(m_lines, {}); }

    // Ends the show if it is on air (report written) and closes the session (the quit prompt's
    // "End the show").
    bool endAndClose();
    // Stops the API (answering waiting requests) and drops the session; its folder stays
    // resumable unless it was ended. Called before the window goes away; says how to resume
    // when `sayHowToResume`.
    void closeSession(bool sayHowToResume = false);

private:
    bool adopted(const Status& status, bool resumed);
    void collectLines(const char* warningPrefix = "");
    void refreshApi();
    SessionActionResult remember(SessionActionResult result);
    SessionActionResult performSteps(const std::vector<LiveRequest>& requests);
    void refreshAudienceUrl();

    LiveSettings m_settings;
    LiveHost m_host;
    LiveApiInfo m_api;
    mutable std::optional<SessionReport> m_report;  // built once, on first ask after the end
    std::optional<SessionState> m_frozen;
    std::string m_lastError;
    std::vector<std::string> m_notices;
    std::vector<HostLine> m_lines;
    std::vector<LiveAction> m_posted;
    std::vector<std::function<void(LiveController&)>> m_postedWork;
    int m_generation = 0;
    std::optional<std::filesystem::path> m_sourceToReopen;
    std::vector<QuestionUndoStep> m_questionUndo;
    std::vector<QuestionUndoStep> m_questionRedo;
    AudienceServiceFactory m_audienceFactory;
    AudienceInfo m_audience;
    std::string m_pollOnPresenter;
};

}  // namespace pycast::ui
