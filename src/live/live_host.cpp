// The one live host: a session and the services around it, for the studio and `pycast live` (owner
// thread).
#include "live/live_host.hpp"
#include "live/recording_repair.hpp"

#include "core/rundown.hpp"

#include <cstdio>
#include <system_error>
#include <utility>

#include "core/duration.hpp"
#include "live/report.hpp"

namespace pycast {

namespace {

namespace fs = std::filesystem;

// "0:02:13" from session ms.
std::string clockText(std::int64_t ms) {
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

// Removes what Session::createAt wrote, when the session could not go on air at all.
void removeUnusedSession(const fs::path& dir, bool dirExisted) {
    std::error_code ec;
    for (const char* name : {kSessionJournalFile, kSessionInfoFile, kSessionShowFile})
        fs::remove(dir / name, ec);
    if (!dirExisted) fs::remove(dir, ec);  // only if empty
}

}  // namespace

std::string formatHostLine(const HostLine& line) {
    switch (line.kind) {
        case HostLine::Kind::Info:
            return line.text;
        case HostLine::Kind::Note:
            return "note: " + line.text;
        case HostLine::Kind::Warning:
            return "warning: " + line.text;
        case HostLine::Kind::Error:
            return "error: " + line.text;
    }
    return line.text;
}

LiveHost::LiveHost(LiveHostOptions options) : m_options(std::move(options)) {}

LiveHost::~LiveHost() { closeSession(); }

void LiveHost::addService(ServiceFactory factory) { m_factories.push_back(std::move(factory)); }

void LiveHost::clearServices() { m_factories.clear(); }

void LiveHost::setWakeCallback(std::function<void()> wake) {
    m_wake = std::move(wake);
    if (m_queue) m_queue->setWakeCallback(m_wake);
}

std::string LiveHost::resumeCommand(const fs::path& dir) const {
    std::string out = m_options.resumeCommand;
    const auto at = out.find("%s");
    if (at != std::string::npos) out.replace(at, 2, dir.string());
    return out;
}

bool LiveHost::isLive() const {
    return m_session && m_session->runner().phase() != RunPhase::Ended;
}

bool LiveHost::isOnAir() const {
    const RunPhase p = phase();
    return p == RunPhase::Running || p == RunPhase::Paused;
}

RunPhase LiveHost::phase() const {
    return m_session ? m_session->runner().phase() : RunPhase::NotStarted;
}

Status LiveHost::refuseWhileLive(const char* verb) const {
    return Error{std::string("a show is live"), m_session->dir().string(),
                 std::string("end it before ") + verb + " another session"};
}

Status LiveHost::startSession(const Show& show, const fs::path& sessionsRoot,
                              const fs::path& source) {
    if (isLive()) return refuseWhileLive("starting");
    if (sessionsRoot.empty())
        return Error{"no sessions folder is set", {}, "set a sessions folder first"};
    SessionOptions options = m_options.clocks;
    options.sourceFile = source;
    return adopt(Session::create(show, sessionsRoot, options), false, false, {});
}

Status LiveHost::startSessionAt(const Show& show, const fs::path& dir, const fs::path& source) {
    if (isLive()) return refuseWhileLive("starting");
    std::error_code ec;
    if (fs::exists(dir / kSessionJournalFile, ec))
        return Error{"already holds a session", dir.string(),
                     "continue it with " + resumeCommand(dir) + ", or pick another folder"};
    const bool dirExisted = fs::exists(dir, ec);
    SessionOptions options = m_options.clocks;
    options.sourceFile = source;
    return adopt(Session::createAt(show, dir, options), false, !dirExisted, dir);
}

Status LiveHost::resumeSession(const fs::path& dir) {
    if (isLive()) return refuseWhileLive("resuming");
    std::error_code ec;
    if (!fs::exists(dir / kSessionJournalFile, ec))
        return Error{std::string("holds no session (no ") + kSessionJournalFile + ")", dir.string(),
                     "pick the folder of a session, or start a new one"};
    // An ended session this host shows (its report) holds the journal's lock: let it go first.
    if (m_session && fs::equivalent(m_session->dir(), dir, ec)) closeSession();
    Result<std::unique_ptr<Session>> opened = Session::open(dir, m_options.clocks);
    if (opened && (*opened)->runner().phase() == RunPhase::Ended && !m_options.openEndedSessions) {
        for (auto& w : opened.warnings) say(HostLine::Kind::Warning, std::move(w));
        return Error{"the session has already ended; nothing to resume", dir.string(),
                     "see its report: pycast report " + dir.string()};
    }
    return adopt(std::move(opened), true, false, {});
}

Status LiveHost::adopt(Result<std::unique_ptr<Session>> result, bool resumed, bool madeDir,
                       const fs::path& newDir) {
    for (auto& w : result.warnings) say(HostLine::Kind::Warning, std::move(w));
    if (!result) return result.error();
    closeSession();
    m_session = std::move(*result);
    m_resumed = resumed;
    m_seen = Seen{};
    const bool ended = m_session->runner().phase() == RunPhase::Ended;
    // A take the crash cut off is repaired now, recorder or not (`pycast recover` does the same
    // by hand).
    if (resumed)
        for (auto& line : repairInterruptedTakes(*m_session)) say(HostLine::Kind::Note, std::move(line));
    if (!ended) startServices();
    if (m_options.servicesRequired) {
        for (const auto& service : m_services) {
            const ServiceInfo info = service->info();
            if (info.running) continue;
            Error why{info.name + " could not start: " + info.error, {}, {}};
            stopServices();
            const fs::path dir = m_session->dir();
            m_session.reset();
            if (!resumed && !newDir.empty()) removeUnusedSession(dir, !madeDir);
            return why;
        }
    }
    bannerLines();
    if (ended) say(HostLine::Kind::Note, "This session has ended; here is its report.");
    return ok();
}

void LiveHost::bannerLines() {
    const Show& show = m_session->show();
    const std::size_t n = show.rundown.size();
    say(HostLine::Kind::Info, m_options.program + ": \"" + show.meta.title + "\", " +
                                  std::to_string(n) + (n == 1 ? " segment" : " segments") +
                                  // the plan's length as the rundown shows it: waits for
                                  // fixed starts included
                                  ", planned " + formatDuration(analyzeRundown(show).plannedTotal));
    say(HostLine::Kind::Info,
        "session " + m_session->dir().string() + (m_resumed ? " (resumed)" : " (new)"));
    for (const auto& service : m_services) {
        const ServiceInfo info = service->info();
        if (info.running) {
            for (auto& line : service->describe()) say(HostLine::Kind::Info, std::move(line));
        } else {
            say(HostLine::Kind::Warning, info.name + " not running: " + info.error);
        }
        for (const auto& note : info.notes) say(HostLine::Kind::Note, note);
    }
}

void LiveHost::startServices() {
    m_queue = std::make_unique<OwnerQueue>();
    if (m_wake) m_queue->setWakeCallback(m_wake);
    for (const auto& factory : m_factories) {
        std::unique_ptr<LiveService> service = factory();
        if (!service) continue;
        Status started =
            service->start(ServiceContext{*m_queue, m_session->controlToken(), m_session.get()});
        (void)started;  // info() says how it went; the banner reports it
        service->sessionChanged(*m_session);
        m_services.push_back(std::move(service));
    }
}

Status LiveHost::startService(std::unique_ptr<LiveService> service) {
    if (!m_session || !m_queue)
        return Error{"there is no live session", {}, "start or resume a session first"};
    if (!service) return Error{"no service to start", {}, {}};
    const std::string name = service->info().name;
    if (!name.empty()) stopService(name);
    Status started =
        service->start(ServiceContext{*m_queue, m_session->controlToken(), m_session.get()});
    if (!started.ok()) return started;
    service->sessionChanged(*m_session);
    m_services.push_back(std::move(service));
    return ok();
}

void LiveHost::stopService(const std::string& name) {
    for (auto it = m_services.begin(); it != m_services.end();) {
        if ((*it)->info().name == name) {
            (*it)->stop();
            it = m_services.erase(it);
        } else {
            ++it;
        }
    }
}

void LiveHost::stopServices() {
    // close() first: a request waiting for this thread is answered now instead of timing out.
    if (m_queue) m_queue->close("The session was closed.");
    for (auto& service : m_services) service->stop();
    m_services.clear();
    m_queue.reset();
}

void LiveHost::closeSession() {
    stopServices();
    m_session.reset();
}

SessionActionResult LiveHost::perform(LiveRequest request) {
    if (!m_session) {
        SessionActionResult r;
        r.ok = false;
        r.refusal = LiveRefusal::Refused;
        r.error = Error{"there is no live session", {}, "start one from the Live tab"};
        return r;
    }
    SessionActionResult r = m_session->perform(std::move(request));
    if (r) notifyServices();
    return r;
}

std::size_t LiveHost::drain() {
    if (!m_session || !m_queue) return 0;
    const std::size_t ran = m_queue->drain(*m_session, [this] { notifyServices(); });
    for (const auto& service : m_services) service->poll(*m_session);
    return ran;
}

LiveService* LiveHost::findService(const std::string& name) {
    for (const auto& service : m_services)
        if (service->info().name == name) return service.get();
    return nullptr;
}

void LiveHost::notifyServices() {
    if (!m_session) return;
    for (const auto& service : m_services) service->sessionChanged(*m_session);
}

bool LiveHost::waitForWork(std::chrono::milliseconds timeout) {
    if (!m_queue) return false;
    return m_queue->waitForWork(timeout);
}

std::vector<ServiceInfo> LiveHost::services() const {
    std::vector<ServiceInfo> out;
    for (const auto& service : m_services) out.push_back(service->info());
    return out;
}

void LiveHost::say(HostLine::Kind kind, std::string text) {
    m_lines.push_back(HostLine{kind, std::move(text)});
}

std::vector<HostLine> LiveHost::takeLines() { return std::exchange(m_lines, {}); }

std::vector<std::string> LiveHost::statusLines() {
    std::vector<std::string> out;
    if (!m_session) return out;
    const SessionState st = m_session->state();
    const RunnerState& r = st.runner;
    const std::string at = "[" + clockText(st.sessionMs) + "] ";
    const Show& show = m_session->show();
    if (r.phase == RunPhase::Ended && m_seen.phase != RunPhase::Ended) {
        // The report's figures (whole seconds as shown, totals = sums of rows), so this line
        // and report.md say the same.
        const SessionReport report = buildReport(show, r, m_session->startDate());
        const std::int64_t diff = report.differenceMs;
        out.push_back(at + "show ended: " + formatDurationMs(report.actualTotalMs) + " on air, " +
                      formatDurationMs(diff < 0 ? -diff : diff) + " " + overUnderWord(diff));
    } else if (r.phase != RunPhase::Ended &&
               (r.currentIndex != m_seen.index ||
                (m_seen.phase == RunPhase::NotStarted && r.phase != RunPhase::NotStarted))) {
        std::string line = at + "on air " + segmentLabel(show, r.currentIndex);
        if (r.current) line += ", " + formatDurationMs(r.current->plannedMs) + " planned";
        if (r.phase == RunPhase::Paused) line += " (held)";
        out.push_back(std::move(line));
    } else if (r.phase == RunPhase::Paused && m_seen.phase == RunPhase::Running) {
        out.push_back(at + "held on " + segmentLabel(show, r.currentIndex));
    } else if (r.phase == RunPhase::Running && m_seen.phase == RunPhase::Paused) {
        out.push_back(at + "resumed " + segmentLabel(show, r.currentIndex));
    }
    if (st.message && st.message != m_seen.message)
        out.push_back(at + "message: " + st.message->text);
    m_seen.phase = r.phase;
    m_seen.index = r.currentIndex;
    m_seen.message = st.message;
    return out;
}

bool LiveHost::shutdown(bool endShow, const std::string& why) {
    if (m_queue) m_queue->close("The live session is shutting down.");
    if (!m_session) {
        stopServices();
        return true;
    }
    const fs::path dir = m_session->dir();
    bool ok = true;
    const std::string prefix = why.empty() ? std::string() : why + ": ";
    if (endShow && m_session->runner().phase() == RunPhase::NotStarted) {
        say(HostLine::Kind::Info, prefix +
                                      "the show never started; nothing to end. Continue "
                                      "later with: " +
                                      resumeCommand(dir));
    } else if (endShow && isOnAir()) {
        say(HostLine::Kind::Info, prefix + "ending the show");
        SessionActionResult r = m_session->perform(LiveRequest(LiveCommand::End));
        if (!r) {
            ok = false;
            say(HostLine::Kind::Error, "could not end the show: " + r.error.message());
            say(HostLine::Kind::Note, "the show stays resumable: " + resumeCommand(dir));
        } else {
            for (auto& line : statusLines()) say(HostLine::Kind::Info, std::move(line));
        }
        for (auto& w : r.warnings) say(HostLine::Kind::Warning, std::move(w));
    } else if (!endShow && isOnAir()) {
        say(HostLine::Kind::Info, "The show stays resumable: " + resumeCommand(dir));
    }
    const bool ended = m_session->runner().phase() == RunPhase::Ended;
    stopServices();
    m_session.reset();
    // Only a report that is there: a full disk may have kept it from being written.
    std::error_code ec;
    if (ended && fs::exists(dir / kSessionReportMarkdown, ec))
        say(HostLine::Kind::Info, "report: " + (dir / kSessionReportMarkdown).string() +
                                      " (pycast report " + dir.string() + ")");
    return ok;
}

}  // namespace pycast
