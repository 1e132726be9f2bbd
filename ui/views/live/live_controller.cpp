// The studio's layer over the live host: frozen state, report, notices, posted actions (UI thread).
#include "views/live/live_controller.hpp"

#include <algorithm>
#include <cctype>
#include <system_error>

#include "server/control_api.hpp"
#include "server/lan_address.hpp"

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
    // The stacks and the audience page belong to the session before, if any.
    m_questionUndo.clear();
    m_questionRedo.clear();
    m_audience.on = false;
    m_audience.url.clear();
    m_audience.qr.reset();
    m_audience.qrOnPresenter = false;
    m_audience.error.clear();
    m_pollOnPresenter.clear();
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
    m_questionUndo.clear();
    m_questionRedo.clear();
    m_audience.on = false;  // the host stops every service with the session
    m_audience.url.clear();
    m_audience.qr.reset();
    m_audience.qrOnPresenter = false;
    m_pollOnPresenter.clear();
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
    std::optional<QuestionUndoStep> step;
    if (isProducerQuestionCommand(action.request.command))
        step = questionUndoStep(action.request, m_host.session()->questions());
    SessionActionResult r = remember(m_host.perform(action.request));
    if (r && action.request.command == LiveCommand::End) {
        refreshApi();
        // Nothing is accepted after the end: the page closes with the show, and the switch
        // says so.
        if (m_audience.on) m_host.stopService(kAudienceServiceName);
        collectLines();
        m_audience.on = false;
        m_audience.url.clear();
        m_audience.qr.reset();
        m_audience.qrOnPresenter = false;
    }
    if (r && step) {
        if (action.request.command == LiveCommand::QuestionSubmit) completeSubmitStep(*step, r.id);
        m_questionUndo.push_back(std::move(*step));
        m_questionRedo.clear();
    }
    return r;
}

std::string LiveController::questionUndoLabel() const {
    return m_questionUndo.empty() ? std::string() : m_questionUndo.back().label;
}

std::string LiveController::questionRedoLabel() const {
    return m_questionRedo.empty() ? std::string() : m_questionRedo.back().label;
}

SessionActionResult LiveController::performSteps(const std::vector<LiveRequest>& requests) {
    SessionActionResult last;
    if (!m_host.session()) {
        last.ok = false;
        last.refusal = LiveRefusal::Refused;
        last.error = Error{"There is no live session", {}, "start one from the Live tab"};
        return remember(last);
    }
    for (const LiveRequest& request : requests) {
        last = remember(m_host.perform(request));
        if (!last) break;
    }
    return last;
}

SessionActionResult LiveController::undoQuestion() {
    if (m_questionUndo.empty()) return SessionActionResult{};
    QuestionUndoStep step = std::move(m_questionUndo.back());
    m_questionUndo.pop_back();
    SessionActionResult r = performSteps(step.undo);
    if (!r) {
        m_lastError = "Could not undo " + step.label + ": " + r.error.message();
        return r;
    }
    m_questionRedo.push_back(std::move(step));
    return r;
}

SessionActionResult LiveController::redoQuestion() {
    if (m_questionRedo.empty()) return SessionActionResult{};
    QuestionUndoStep step = std::move(m_questionRedo.back());
    m_questionRedo.pop_back();
    SessionActionResult r = performSteps(step.redo);
    if (!r) {
        m_lastError = "Could not redo " + step.label + ": " + r.error.message();
        return r;
    }
    m_questionUndo.push_back(std::move(step));
    return r;
}

void LiveController::setAudienceFactory(AudienceServiceFactory factory) {
    m_audienceFactory = std::move(factory);
    m_audience.available = static_cast<bool>(m_audienceFactory);
}

void LiveController::setAudienceHost(const std::string& host) {
    m_audience.host = host;
    refreshAudienceUrl();
}

void LiveController::refreshAudienceUrl() {
    m_audience.url.clear();
    m_audience.qr.reset();
    if (!m_audience.on) return;
    const std::string host = m_audience.host.empty() ? std::string("127.0.0.1") : m_audience.host;
    m_audience.url = audienceUrl(host, m_audience.port, m_audience.pin);
    if (Result<QrMatrix> qr = encodeQr(m_audience.url))
        m_audience.qr = std::move(*qr);
    else
        m_audience.error = qr.error().message();
}

bool LiveController::setAudienceOn(bool on) {
    m_frozen.reset();
    m_audience.error.clear();
    if (!on) {
        m_host.stopService(kAudienceServiceName);
        m_audience.on = false;
        m_audience.qrOnPresenter = false;
        refreshAudienceUrl();
        collectLines();
        return true;
    }
    Session* session = m_host.session();
    if (!m_audienceFactory) {
        m_audience.error = "This build of the studio cannot serve the audience page";
        return false;
    }
    if (!session || !m_host.isLive()) {
        m_audience.error = "Audience questions need a live session: start one first";
        return false;
    }
    // The session's PIN, or a new one the service makes and keeps in session.json (a resumed
    // session keeps printed QR codes working).
    std::unique_ptr<LiveService> service =
        m_audienceFactory(HostPort{"0.0.0.0", m_audience.port}, session->audiencePin());
    Status started = service ? m_host.startService(std::move(service))
                             : Status(Error{"The audience page could not be made", {}, {}});
    collectLines();
    if (!started.ok()) {
        m_audience.error = started.error().message();
        m_audience.on = false;
        refreshAudienceUrl();
        return false;
    }
    m_audience.pin = session->audiencePin();
    for (const ServiceInfo& info : m_host.services()) {
        if (info.name != kAudienceServiceName) continue;
        if (!info.running) m_audience.error = info.error;
        // "http://HOST:PORT/?pin=PIN": the port it bound, and the PIN it serves (the session's,
        // unless it could not be kept there).
        const std::size_t slash = info.url.find('/', info.url.find("//") + 2);
        const std::size_t colon = info.url.rfind(':', slash);
        if (colon != std::string::npos && slash != std::string::npos) {
            int port = 0;
            for (std::size_t i = colon + 1; i < slash && std::isdigit(static_cast<unsigned char>(info.url[i])); ++i)
                port = port * 10 + (info.url[i] - '0');
            if (port > 0 && port < 65536) m_audience.port = port;
        }
        const std::size_t pin = info.url.find("pin=");
        if (m_audience.pin.empty() && pin != std::string::npos) m_audience.pin = info.url.substr(pin + 4);
    }
    m_audience.on = m_audience.error.empty();
    if (m_audience.host.empty()) {
        const Result<std::vector<NetInterface>> found = listNetInterfaces();
        m_audience.host = pickLanAddress(found ? *found : std::vector<NetInterface>{});
    }
    refreshAudienceUrl();
    return m_audience.on;
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
    // The session's own, as report.md holds it (with the measured airtime once the recorder
    // stopped); built here only for a session that ended before this program opened it.
    if (const SessionReport* written = s->report()) return written;
    if (!m_report)
        m_report = buildReport(s->show(), s->state().runner, s->startDate(), &s->questions());
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
