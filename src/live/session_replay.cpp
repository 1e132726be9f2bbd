// Replaying a session's journal into its domains, and reading a session without touching it (owner
// thread).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "live/session.hpp"
#include "live/session_detail.hpp"

namespace pycast {

ReplayOutcome replayJournalEvent(LiveState& state, const JournalEvent& event, SessionMs at) {
    const LiveCommandDef* def = findLiveCommand(event.type);
    if (!def) {
        std::string why;
        switch (applyRecorderEvent(state.recording, event.type, event.fields, event.sample, at,
                                   why)) {
            case RecorderApply::Applied: return {};
            case RecorderApply::Rejected: return {ReplayOutcome::Kind::Rejected, why};
            case RecorderApply::Ignored: break;
        }
        return {ReplayOutcome::Kind::Ignored, {}};
    }
    // Only the journal type (or an alias) counts: "hold" and "pause" are the same event.
    if (
        (event.type != def->journalType && event.type != def->alias && event.type != def->name))
        return {ReplayOutcome::Kind::Ignored, {}};
    LiveProblem problem;
    std::optional<LiveRequest> request =
        parseLiveRequest(*def, event.fields, LiveSource::Journal, problem);
    if (!request) return {ReplayOutcome::Kind::Rejected, problem.error.what};
    request->sample = event.sample;
    if (auto refused = applyLiveEvent(state, *request, at))
        return {ReplayOutcome::Kind::Rejected, refused->error.what};
    return {};
}

namespace session_detail {

Replayed replay(const Show& show, const std::vector<JournalEvent>& events,
                std::vector<std::string>& warnings) {
    Replayed out;
    out.live = LiveState(show);
    for (const JournalEvent& e : events) {
        // readJournal already skipped lines whose t_ms goes back; this only guards hand-made
        // event lists.
        const std::int64_t at = std::max(e.at.value, out.lastEventMs);
        out.lastEventMs = at;
        if (e.type == journal_event::kSessionStart) {
            if (out.haveSessionStart) continue;
            out.haveSessionStart = true;
            const auto& f = e.fields;
            // get<std::int64_t> of 2^64-1 would wrap to -1; a value out of range is ignored.
            if (f.contains("wall_start_ms") && f["wall_start_ms"].is_number_integer() &&
                (!f["wall_start_ms"].is_number_unsigned() ||
                 f["wall_start_ms"].get<std::uint64_t>() <=
                     static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())))
                out.wallStartMs = f["wall_start_ms"].get<std::int64_t>();
            if (f.contains("start_tod_s") && f["start_tod_s"].is_number()) {
                const double s = f["start_tod_s"].get<double>();
                if (s >= 0 && s < 86'400) out.startTodMs = std::llround(s * 1000.0);
            }
            if (f.contains("start_date") && f["start_date"].is_string())
                out.startDate = f["start_date"].get<std::string>();
            continue;
        }
        const ReplayOutcome r = replayJournalEvent(out.live, e, SessionMs(at));
        if (r.kind == ReplayOutcome::Kind::Rejected)
            warnings.push_back(std::string(kSessionJournalFile) + " line " +
                               std::to_string(e.line) + " (seq " + std::to_string(e.seq) + ", '" +
                               e.type + "'): could not be replayed (" + r.why + "); skipped it.");
        if (r.kind == ReplayOutcome::Kind::Applied &&
            e.type == definitionOf(LiveCommand::End).journalType)
            out.ended = true;
    }
    out.live.runner.setTimeOfDayAtZeroMs(out.startTodMs);
    out.live.runner.setDateAtZero(out.startDate);
    return out;
}

}  // namespace session_detail

Result<SessionSnapshot> loadSessionSnapshot(const std::filesystem::path& dir) {
    std::vector<std::string> warnings;
    Result<session_detail::SessionFiles> files = session_detail::loadSessionFiles(dir, warnings);
    if (!files) return files.error();
    Result<JournalContents> read = readJournal(dir / kSessionJournalFile);
    if (!read) return read.error();
    for (auto& w : read.warnings) warnings.push_back(std::move(w));
    session_detail::Replayed rep = session_detail::replay(files->show, read->events, warnings);
    SessionSnapshot s;
    s.dir = dir;
    s.show = std::move(files->show);
    s.controlToken = std::move(files->token);
    s.events = std::move(read->events);
    s.runner = std::move(rep.live.runner);
    s.wallStartMs = rep.wallStartMs;
    s.startTodMs = rep.startTodMs;
    s.startDate = rep.startDate.empty() ? s.show.meta.date : rep.startDate;
    s.lastMessage = std::move(rep.live.message);
    s.questions = std::move(rep.live.questions);
    s.markers = std::move(rep.live.markers);
    s.polls = std::move(rep.live.polls);
    s.audience = std::move(rep.live.audience);
    s.recording = std::move(rep.live.recording);
    s.audiencePin = std::move(files->audiencePin);
    s.lastEventMs = rep.lastEventMs;
    s.ended = rep.ended;
    Result<SessionSnapshot> out(std::move(s));
    out.warnings = std::move(warnings);
    return out;
}

}  // namespace pycast
