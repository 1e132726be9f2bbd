// The studio's live session and its control API (UI thread; the wake callback: HTTP threads).
#include "views/live/live_controller.hpp"

#include <algorithm>
#include <system_error>

namespace pycast::ui {

namespace fs = std::filesystem;

const char* toName(LiveAction action) {
    switch (action) {
        case LiveAction::None:
            return "none";
        case LiveAction::Start:
            return "start";
        case LiveAction::Pause:
            return "pause";
        case LiveAction::Resume:
            return "resume";
        case LiveAction::Next:
            return "next";
        case LiveAction::Previous:
            return "previous";
        case LiveAction::ExtendPlus60:
            return "extend+60";
        case LiveAction::ExtendPlus30:
            return "extend+30";
        case LiveAction::ExtendMinus30:
            return "extend-30";
        case LiveAction::QuestionAnswered:
            return "question-answered";
        case LiveAction::End:
            return "end";
        case LiveAction::ShowHelp:
            return "help";
    }
    return "none";
}

LiveController::LiveController(LiveSettings settings, SessionOptions clocks)
    : m_settings(std::move(settings)), m_clocks(clocks) {}

LiveController::~LiveController() { closeSession(); }

void LiveController::setWakeCallback(std::function<void()> wake) {
    m_wake = std::move(wake);
    if (m_queue) m_queue->setWakeCallback(m_wake);
}

bool LiveController::isLive() const {
    return m_session && m_session->runner().phase() != RunPhase::Ended;
}

bool LiveController::isOnAir() const {
    const RunPhase p = phase();
    return p == RunPhase::Running || p == RunPhase::Paused;
}

RunPhase LiveController::phase() const {
    return m_session ? m_session->runner().phase() : RunPhase::NotStarted;
}

bool LiveController::startSession(const Show& show, const fs::path& source) {
    if (isLive()) {
        m_lastError = "A show is live; end it before starting another session.";
        return false;
    }
    if (m_settings.sessionsRoot.empty()) {
        m_lastError = "Set a sessions folder first.";
        return false;
    }
    SessionOptions options = m_clocks;
    options.sourceFile = source;
    return adopt(Session::create(show, m_settings.sessionsRoot, options), false);
}

bool LiveController::startSessionAt(const Show& show, const fs::path& dir) {
    if (isLive()) {
        m_lastError = "A show is live; end it before starting another session.";
        return false;
    }
    return adopt(Session::createAt(show, dir, m_clocks), false);
}

bool LiveController::resumeSession(const fs::path& dir) {
    if (isLive()) {
        m_lastError = "A show is live; end it before resuming another session.";
        return false;
    }
    std::error_code ec;
    if (!fs::exists(dir / kSessionJournalFile, ec)) {
        m_lastError = dir.string() + " holds no session (no " + kSessionJournalFile +
                      "). Pick the folder of a session, or start a new one.";
        return false;
    }
    return adopt(Session::open(dir, m_clocks), true);
}

bool LiveController::adopt(SessionResult result, bool resumed) {
    if (!result.session) {
        m_lastError = result.error;
        return false;
    }
    closeSession();
    m_frozen.reset();
    m_session = std::move(result.session);
    m_report.reset();
    m_lastError.clear();
    m_notices.clear();
    for (const auto& w : result.warnings) m_notices.push_back("Journal: " + w);
    if (resumed && m_session->runner().phase() == RunPhase::Ended) {
        m_notices.push_back("This session has ended; here is its report.");
    }
    m_resumed = resumed;
    m_sourceToReopen.reset();
    std::error_code ec;
    if (resumed && !m_session->sourceFile().empty() && fs::exists(m_session->sourceFile(), ec))
        m_sourceToReopen = m_session->sourceFile();
    ++m_generation;
    if (m_session->runner().phase() != RunPhase::Ended) startApi();
    return true;
}

void LiveController::startApi() {
    m_api = LiveApiInfo{};
    m_api.token = m_session->controlToken();
    if (!m_settings.api) return;
    m_queue = std::make_unique<ControlQueue>();
    if (m_wake) m_queue->setWakeCallback(m_wake);
    m_server = std::make_unique<ControlServer>(*m_queue, m_api.token);
    const HostPort& want = *m_settings.api;
    ServerStartResult started = m_server->start(want.host, want.port);
    if (!started && want.port != 0) {
        // Another app (or a second studio) has the port: any free one beats no API.
        const std::string why = started.error;
        started = m_server->start(want.host, 0);
        if (started) {
            m_api.note = "Port " + std::to_string(want.port) + " was taken (" + why +
                         "); the control API is on port " + std::to_string(started.port) +
                         " instead. Point your controller there.";
        }
    }
    if (!started) {
        m_api.error = started.error;
        m_notices.push_back("The control API could not start: " + started.error);
        m_server.reset();
        m_queue.reset();
        return;
    }
    m_api.running = true;
    m_api.url = m_server->url();
    if (!m_api.note.empty()) m_notices.push_back(m_api.note);
    if (!isLoopbackHost(want.host)) {
        m_notices.push_back(want.host +
                            " can be reached from other machines: anyone with the token can "
                            "run the show.");
    }
}

void LiveController::stopApi() {
    // close() first: a request waiting for this thread is answered now instead of timing out.
    if (m_queue) m_queue->close("The studio closed this session.");
    if (m_server) m_server->stop();
    m_server.reset();
    m_queue.reset();
    m_api.running = false;
}

void LiveController::closeSession() {
    m_frozen.reset();
    stopApi();
    m_session.reset();
}

std::vector<InterruptedSession> LiveController::interruptedSessions() const {
    if (m_settings.sessionsRoot.empty()) return {};
    std::vector<InterruptedSession> found = Session::findInterrupted(m_settings.sessionsRoot);
    if (m_session) {
        std::error_code ec;
        const fs::path mine = fs::weakly_canonical(m_session->dir(), ec);
        std::erase_if(found, [&](const InterruptedSession& s) {
            std::error_code e2;
            return fs::weakly_canonical(s.dir, e2) == mine;
        });
    }
    return found;
}

SessionActionResult LiveController::remember(SessionActionResult result) {
    m_frozen.reset();
    if (result) {
        m_lastError.clear();
    } else {
        m_lastError = result.error;
    }
    return result;
}

SessionActionResult LiveController::perform(LiveAction action) {
    if (!m_session) {
        SessionActionResult r;
        r.ok = false;
        r.error = "There is no live session; start one from the Live tab.";
        return remember(r);
    }
    Session& s = *m_session;
    switch (action) {
        case LiveAction::Start:
            return remember(s.start());
        case LiveAction::Pause:
            return remember(s.pause());
        case LiveAction::Resume:
            return remember(s.resume());
        case LiveAction::Next:
            return remember(s.next());
        case LiveAction::Previous:
            return remember(s.previous());
        case LiveAction::ExtendPlus60:
            return remember(s.extend(60));
        case LiveAction::ExtendPlus30:
            return remember(s.extend(30));
        case LiveAction::ExtendMinus30:
            return remember(s.extend(-30));
        case LiveAction::QuestionAnswered:
            return remember(s.questionAnswered());
        case LiveAction::End: {
            SessionActionResult r = remember(s.end());
            if (r) {
                for (const auto& w : r.warnings) m_notices.push_back(w);
            }
            return r;
        }
        case LiveAction::None:
        case LiveAction::ShowHelp:
            break;
    }
    return SessionActionResult{};
}

SessionActionResult LiveController::sendMessage(const std::string& text) {
    if (!m_session) {
        SessionActionResult r;
        r.ok = false;
        r.error = "There is no live session to send a message to.";
        return remember(r);
    }
    return remember(m_session->message(text));
}

std::size_t LiveController::drain() {
    if (!m_session || !m_queue) return 0;
    const std::size_t ran = m_queue->drain(*m_session);
    if (ran > 0) m_frozen.reset();
    return ran;
}

SessionState LiveController::state() const { return m_frozen ? *m_frozen : m_session->state(); }

void LiveController::freeze() {
    m_frozen.reset();
    if (m_session) m_frozen = m_session->state();
}

const SessionReport* LiveController::report() {
    if (!m_session || m_session->runner().phase() != RunPhase::Ended) return nullptr;
    if (!m_report) {
        const RunnerState st = m_session->state().runner;
        m_report = buildReport(m_session->show(), st, m_session->startDate());
    }
    return &*m_report;
}

fs::path LiveController::reportMarkdownPath() const {
    return m_session ? m_session->dir() / kSessionReportMarkdown : fs::path();
}

fs::path LiveController::reportCsvPath() const {
    return m_session ? m_session->dir() / kSessionReportCsv : fs::path();
}

}  // namespace pycast::ui
