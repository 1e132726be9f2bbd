// The live session's verbs: every command journaled first, then applied by its domain (owner
// thread).
#include "live/session.hpp"
#include "live/recorded_airtime.hpp"

#include <algorithm>
#include <utility>

#include "live/report.hpp"

namespace pycast {

namespace {

SessionActionResult refused(LiveProblem problem) {
    SessionActionResult r;
    r.ok = false;
    r.refusal = problem.refusal;
    r.code = std::move(problem.code);
    r.error = std::move(problem.error);
    return r;
}

bool isLiveCommandType(const std::string& type) {
    return type == journal_event::kSessionStart || findLiveCommand(type) != nullptr;
}

}  // namespace

std::int64_t Session::sessionMs() const {
    return std::max(m_clock->nowMs() - m_clockOriginMs, m_lastEventMs);
}

SessionActionResult Session::journal(const std::string& type, const nlohmann::json& fields,
                                     std::optional<SampleCount> sample, SessionMs at) {
    if (!sample && m_sampleSource) sample = m_sampleSource();
    Result<JournalEvent> a =
        m_journal->append(type, at, EpochMs(m_wall->nowEpochMs()), fields, sample);
    if (!a) {
        Error e = a.error();
        e.remedy = "nothing changed; " + e.remedy;
        return refused({LiveRefusal::Failed, std::move(e), "journal-failed"});
    }
    m_lastEventMs = at.value;
    SessionActionResult out;
    out.seq = a->seq;
    m_events.push_back(std::move(*a));
    return out;
}

SessionActionResult Session::perform(LiveRequest request) {
    const SessionMs t(sessionMs());
    if (!request.sample && m_sampleSource) request.sample = m_sampleSource();
    // Check first: a refused action must leave no trace in the journal. Then journal, then
    // commit — the same checks run again on the same state, so the commit cannot refuse.
    if (auto problem = applyLiveEvent(m_live, request, t, Apply::Check))
        return refused(std::move(*problem));
    const LiveCommandDef& def = definitionOf(request.command);
    SessionActionResult r = journal(def.journalType, journalFields(request), request.sample, t);
    if (!r) return r;
    if (auto problem = applyLiveEvent(m_live, request, t, Apply::Commit))
        r.warnings.push_back("'" + std::string(def.name) +
                             "' was journaled but not applied (" + problem->error.what +
                             "); resuming the session applies it from the journal.");
    r.id = request.id;
    if (request.command == LiveCommand::PollCreate)
        // Allowed, but against the organisers' rule: said beside the 201.
        for (std::string& w : companyNamedOptions(show(), request.options))
            r.warnings.push_back(std::move(w));
    if (request.command == LiveCommand::End) {
        // A poll still open closes with the show (each close journaled): its counts are final.
        std::vector<std::string> open;
        for (const LivePoll& p : m_live.polls.all())
            if (p.state == PollState::Open) open.push_back(p.id);
        for (const std::string& id : open)
            if (SessionActionResult closed = perform(LiveRequest(LiveCommand::PollClose).withId(id));
                !closed)
                r.warnings.push_back("poll '" + id + "' could not be closed with the show: " +
                                     closed.error.message());
        Result<std::vector<std::string>> written = writeReport();
        if (!written)
            r.warnings.push_back("The show ended, but the report could not be written: " +
                                 written.error().message());
        else
            for (auto& w : *written) r.warnings.push_back(std::move(w));
    }
    return r;
}

Result<std::vector<std::string>> Session::writeReport() {
    std::vector<TrackTalk> talk;
    std::vector<std::string> warnings;
    // While a take runs its files are still growing: the recorder service writes the report
    // again once it has stopped them.
    if (!m_live.recording.takes.empty() && !m_live.recording.recording()) {
        Result<std::vector<TrackTalk>> measured = measureRecordedTalk(m_dir, m_live.recording);
        if (measured) talk = std::move(*measured);
        else warnings.push_back(measured.error().message());
        for (auto& w : measured.warnings) warnings.push_back(std::move(w));
    }
    m_report = buildReport(show(), m_live.runner.state(m_lastEventMs), m_startDate,
                           &m_live.questions, &talk);
    if (Status saved = writeReportFiles(m_dir, *m_report); !saved.ok()) return saved.error();
    return warnings;
}

SessionActionResult Session::appendEvent(const std::string& type, const nlohmann::json& fields,
                                         std::optional<SampleCount> sample) {
    if (type.empty())
        return refused({LiveRefusal::Invalid, Error{"an event needs a type", {}, {}}, {}});
    if (isLiveCommandType(type))
        return refused({LiveRefusal::Invalid,
                        Error{"'" + type + "' events are written by the session's own actions",
                              {},
                              "use Session::perform"},
                        {}});
    const SessionMs at(sessionMs());
    if (!sample && m_sampleSource) sample = m_sampleSource();
    // A recorder event is checked before it is written, like a command.
    RecordingLog check = m_live.recording;
    std::string why;
    if (applyRecorderEvent(check, type, fields, sample, at, why) == RecorderApply::Rejected)
        return refused({LiveRefusal::Invalid, Error{why, {}, {}}, {}});
    SessionActionResult r = journal(type, fields, sample, at);
    if (r) m_live.recording = std::move(check);
    return r;
}

void Session::setSampleSource(std::function<std::optional<SampleCount>()> source) {
    m_sampleSource = std::move(source);
}

void Session::deferJournalSync(bool defer) { m_journal->deferSync(defer); }

Status Session::syncJournal() { return m_journal->sync(); }

SessionState Session::state() const {
    SessionState st;
    st.sessionMs = sessionMs();
    st.runner = m_live.runner.state(st.sessionMs);
    st.message = m_live.message;
    st.questions = &m_live.questions;
    st.polls = &m_live.polls;
    st.dir = m_dir;
    st.controlToken = m_token;
    return st;
}

bool Session::checkToken(const std::string& token) const {
    if (token.size() != m_token.size() || m_token.empty()) return false;
    unsigned char diff = 0;
    for (std::size_t i = 0; i < token.size(); ++i)
        diff = static_cast<unsigned char>(diff | (token[i] ^ m_token[i]));
    return diff == 0;
}

}  // namespace pycast
