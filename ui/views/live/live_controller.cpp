// The studio's layer over the live host: frozen state, report, notices, posted actions (UI thread).
#include "views/live/live_controller.hpp"

#include <algorithm>
#include <system_error>

#include "server/control_api.hpp"

namespace pycast::ui {

namespace fs = std::filesystem;

const char* toName(const LiveAction& action) {
    switch (action.kind) {
        case LiveAction::Kind::None:
            return "none";
        case LiveAction::Kind::ShowHelp:
            return "help";
        case LiveAction::Kind::Command:
            break;
    }
    if (action.request.command == LiveCommand::Extend) {
        if (action.request.seconds == 60) return "extend+60";
        if (action.request.seconds == 30) return "extend+30";
        if (action.request.seconds == -30) return "extend-30";
    }
    return toName(action.request.command);
}

namespace {

LiveHostOptions hostOptions(SessionOptions clocks) {
    LiveHostOptions o;
    o.clocks = clocks;
    o.servicesRequired = false;  // the studio runs the show without an API, and says so
    o.openEndedSessions = true;  // an ended session shows its report
    o.program = "pycast-studio";
    o.resumeCommand = "pycast-studio --resume %s";
    return o;
}

}  // namespace

LiveController::LiveController(LiveSettings settings, SessionOptions clocks)
    : m_settings(std::move(settings)), m_host(hostOptions(clocks)) {
    // Read when each session starts, so a changed address counts from the next session.
    m_host.addService([this]() -> std::unique_ptr<LiveService> {
        if (!m_settings.api) return nullptr;
        ControlApiServiceOptions o;
        o.address = *m_settings.api;
        o.fallBackToFreePort = true;  // any free port beats no API
        return makeControlApiService(o);
    });
}

LiveController::~LiveController() { closeSession(); }

void LiveController::collectLines(const char* warningPrefix) {
    for (HostLine& line : m_host.takeLines()) {
        if (line.kind == HostLine::Kind::Warning)
            m_notices.push_back(warningPrefix + line.text);
        else if (line.kind != HostLine::Kind::Info)
            m_notices.push_back(line.text);
        m_lines.push_back(std::move(line));
    }
}

void LiveController::refreshApi() {
    m_api = LiveApiInfo{};
    const Session* s = m_host.session();
    if (!s) return;
    m_api.token = s->controlToken();
    for (const ServiceInfo& info : m_host.services()) {
        if (info.name != "control API") continue;
        m_api.running = info.running;
        m_api.url = info.url;
        m_api.error = info.error;
        if (!info.notes.empty()) m_api.note = info.notes.front();
    }
}

bool LiveController::adopted(const Status& status, bool resumed) {
    if (!status.ok()) {
        collectLines();
        m_lastError = status.error().message();
        return false;
    }
    m_frozen.reset();
    m_report.reset();
    m_lastError.clear();
    m_notices.clear();  // the notices of the session before are not about this one
    collectLines(resumed ? "Journal: " : "");
    refreshApi();
    m_sourceToReopen.reset();
    std::error_code ec;
    const Session* s = m_host.session();
    if (resumed && !s->sourceFile().empty() && fs::exists(s->sourceFile(), ec))
        m_sourceToReopen = s->sourceFile();
    ++m_generation;
    return true;
}

bool LiveController::startSession(const Show& show, const fs::path& source) {
    return adopted(m_host.startSession(show, m_settings.sessionsRoot, source), false);
}

bool LiveController::startSessionAt(const Show& show, const fs::path& dir) {
    return adopted(m_host.startSessionAt(show, dir), false);
}

bool LiveController::resumeSession(const fs::path& dir) {
    return adopted(m_host.resumeSession(dir), true);
}

void LiveController::closeSession(bool sayHowToResume) {
    m_frozen.reset();
    if (sayHowToResume)
        m_host.shutdown(false);
    else
        m_host.closeSession();
    collectLines();
    refreshApi();
}

bool LiveController::endAndClose() {
    m_frozen.reset();
    const bool ended = m_host.shutdown(true);
    collectLines();
    refreshApi();
    return ended;
}

std::vector<InterruptedSession> LiveController::interruptedSessions() const {
    if (m_settings.sessionsRoot.empty()) return {};
    std::vector<InterruptedSession> found = Session::findInterrupted(m_settings.sessionsRoot);
    if (const Session* s = m_host.session()) {
        std::error_code ec;
        const fs::path mine = fs::weakly_canonical(s->dir(), ec);
        std::erase_if(found, [&](const InterruptedSession& i) {
            std::error_code e2;
            return fs::weakly_canonical(i.dir, e2) == mine;
        });
    }
    return found;
}

SessionActionResult LiveController::remember(SessionActionResult result) {
    m_frozen.reset();
    if (result)
        m_lastError.clear();
    else
        m_lastError = result.error.message();
    for (const auto& w : result.warnings) m_notices.push_back(w);
    return result;
}

SessionActionResult LiveController::perform(const LiveAction& action) {
    if (action.kind != LiveAction::Kind::Command) return SessionActionResult{};
    if (!m_host.session()) {
        SessionActionResult r;
        r.ok = false;
        r.refusal = LiveRefusal::Refused;
        r.error = Error{"There is no live session", {}, "start one from the Live tab"};
        return remember(r);
    }
    SessionActionResult r = remember(m_host.perform(action.request));
    if (r && action.request.command == LiveCommand::End) refreshApi();
    return r;
}

SessionActionResult LiveController::sendMessage(const std::string& text) {
    return perform(LiveAction::command(LiveRequest(LiveCommand::Message).withText(text)));
}

std::size_t LiveController::runPosted() {
    std::size_t ran = 0;
    // An action may post again (a dialog after End); take the lists first.
    for (LiveAction& action : std::exchange(m_posted, {})) {
        perform(action);
        ++ran;
    }
    for (auto& work : std::exchange(m_postedWork, {})) {
        work(*this);
        ++ran;
    }
    return ran;
}

std::size_t LiveController::drain() {
    const std::size_t ran = m_host.drain();
    if (ran > 0) m_frozen.reset();
    return ran;
}

SessionState LiveController::state() const {
    return m_frozen ? *m_frozen : m_host.session()->state();
}

void LiveController::freeze() {
    m_frozen.reset();
    if (const Session* s = m_host.session()) m_frozen = s->state();
}

const SessionReport* LiveController::report() const {
    const Session* s = m_host.session();
    if (!s || s->runner().phase() != RunPhase::Ended) return nullptr;
    if (!m_report) m_report = buildReport(s->show(), s->state().runner, s->startDate());
    return &*m_report;
}

fs::path LiveController::reportMarkdownPath() const {
    const Session* s = m_host.session();
    return s ? s->dir() / kSessionReportMarkdown : fs::path();
}

fs::path LiveController::reportCsvPath() const {
    const Session* s = m_host.session();
    return s ? s->dir() / kSessionReportCsv : fs::path();
}

}  // namespace pycast::ui
