// The live session's state as JSON for the control API and scripts (owner thread; pure function).
#include "live/session_json.hpp"

#include <cstdio>
#include <optional>

namespace pycast {

namespace {

using nlohmann::json;

json orNull(const std::optional<std::int64_t>& v) { return v ? json(*v) : json(nullptr); }

json timeOfDayOrNull(const RunnerState& st, const std::optional<std::int64_t>& sessionMs) {
    if (!sessionMs) return nullptr;
    const auto tod = st.toTimeOfDayMs(*sessionMs);
    return tod ? json(formatTimeOfDayMs(*tod)) : json(nullptr);
}

const Segment* segmentAt(const Show& show, int index) {
    if (index < 0 || static_cast<std::size_t>(index) >= show.rundown.size()) return nullptr;
    return &show.rundown[static_cast<std::size_t>(index)];
}

json currentJson(const RunnerState& st, const Show& show) {
    if (!st.current) return nullptr;
    const CurrentSegment& c = *st.current;
    const Segment* seg = segmentAt(show, c.index);
    return {
        {"index", c.index},
        {"number", c.index + 1},
        {"id", c.id},
        {"title", seg ? seg->title : std::string()},
        {"kind", seg ? toName(seg->kind) : "experience"},
        {"elapsed_ms", c.elapsedMs},
        {"remaining_ms", c.remainingMs},
        {"overrun_ms", c.overrunMs},
        {"planned_ms", c.plannedMs},
        {"must_end_by_ms", orNull(c.mustEndByMs)},
        {"must_end_by", timeOfDayOrNull(st, c.mustEndByMs)},
        {"cannot_fit", c.cannotFit},
    };
}

json nextJson(const RunnerState& st, const Show& show) {
    int index = -1;
    if (st.phase == RunPhase::NotStarted)
        index = 0;
    else if (st.phase == RunPhase::Running || st.phase == RunPhase::Paused)
        index = st.currentIndex + 1;
    const Segment* seg = segmentAt(show, index);
    if (!seg) return nullptr;
    return {{"index", index}, {"id", seg->id}, {"title", seg->title}, {"kind", toName(seg->kind)}};
}

json qaJson(const RunnerState& st) {
    if (!st.current || !st.current->qa) return nullptr;
    const QaBudget& qa = *st.current->qa;
    return {{"answered", qa.answered},
            {"pace_ms", qa.paceMs},
            {"default_pace", qa.defaultPace},
            {"questions_left", qa.questionsLeft}};
}

json showJson(const RunnerState& st, const Show& show) {
    return {
        {"title", show.meta.title},
        {"series", show.meta.series},
        {"episode", show.meta.episode ? json(*show.meta.episode) : json(nullptr)},
        {"started_at_ms", orNull(st.startedAtMs)},
        {"ended_at_ms", orNull(st.endedAtMs)},
        {"elapsed_ms", st.showElapsedMs},
        {"paused_ms", st.pausedMs},
        {"planned_total_ms", st.plannedTotalMs},
        {"actual_total_ms", st.actualTotalMs},
        {"over_under_ms", st.overUnderMs},
        {"schedule_offset_ms", st.scheduleOffsetMs},
        {"planned_start_ms", orNull(st.plannedStartMs)},
        {"projected_end_ms", st.projectedEndMs},
        {"projected_end",
         st.projectedEndTodMs ? json(formatTimeOfDayMs(*st.projectedEndTodMs)) : json(nullptr)},
        {"time_of_day_estimated", st.todEstimated},
        {"schedule_shift_ms", st.scheduleShiftMs},
        // From hard_out_ms like projected_end: after a schedule shift the hard out moves too,
        // and the text must name the moment hard_out_ms counts to, not the show's clock time.
        {"hard_out", timeOfDayOrNull(st, st.hardOutMs)},
        {"hard_out_ms", orNull(st.hardOutMs)},
        {"hard_out_remaining_ms", orNull(st.timeLeftToHardOutMs)},
        {"hard_out_margin_ms", orNull(st.hardOutMarginMs)},
        {"ends_after_hard_out", st.endsAfterHardOut},
    };
}

json segmentsJson(const RunnerState& st, const Show& show) {
    json out = json::array();
    for (const SegmentState& s : st.segments) {
        const Segment* seg = segmentAt(show, s.index);
        out.push_back({
            {"index", s.index},
            {"id", s.id},
            {"title", seg ? seg->title : std::string()},
            {"kind", seg ? toName(seg->kind) : "experience"},
            {"status", toName(s.status)},
            {"planned_ms", s.plannedMs},
            {"extension_ms", s.extensionMs},
            {"effective_planned_ms", s.effectivePlannedMs},
            {"actual_ms", s.actualMs},
            {"difference_ms", s.differenceMs},
            {"visits", s.visits},
            {"elastic", s.elastic},
            {"projected_start_ms", orNull(s.projectedStartMs)},
            {"projected_start", timeOfDayOrNull(st, s.projectedStartMs)},
            {"backtimed_start_ms", orNull(s.backtimedStartMs)},
            {"backtimed_start", timeOfDayOrNull(st, s.backtimedStartMs)},
            {"fixed_start_ms", orNull(s.fixedStartMs)},
            {"cannot_fit", s.cannotFit},
        });
    }
    return out;
}

}  // namespace

std::string formatTimeOfDayMs(std::int64_t todMs) {
    constexpr std::int64_t kDayMs = 86'400'000;
    std::int64_t ms = todMs % kDayMs;
    if (ms < 0) ms += kDayMs;
    const std::int64_t secs = ms / 1000;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", static_cast<int>(secs / 3600),
                  static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60));
    return buf;
}

json questionJson(const QuestionQueue& queue, const LiveQuestion& q, const Show& show) {
    const Person* person = q.forPerson.empty() ? nullptr : show.findPerson(q.forPerson);
    auto optMs = [](const std::optional<std::int64_t>& v) { return v ? json(*v) : json(nullptr); };
    return {{"id", q.id},
            {"text", q.text},
            {"name", q.name},
            {"source", toName(q.source)},
            {"state", toName(q.state)},
            {"submitted_ms", q.submittedMs},
            {"votes", queue.votes(q)},
            {"own_votes", q.ownVotes()},
            {"topics", q.topics},
            {"for", q.forPerson},
            {"for_name", person ? person->name : std::string()},
            {"segment", q.segmentId},
            {"held_for", q.heldFor},
            {"original_text", q.originalText.empty() ? json(nullptr) : json(q.originalText)},
            {"merged_into", q.mergedInto.empty() ? json(nullptr) : json(q.mergedInto)},
            {"merged", q.merged},
            {"on_air_ms", optMs(q.onAirMs)},
            {"answered_ms", optMs(q.answeredMs)},
            {"answered_segment", q.answeredSegmentId}};
}

namespace {

json questionCounts(const QuestionQueue& queue) {
    return {{"pending", queue.count(QuestionState::Pending)},
            {"approved", queue.count(QuestionState::Approved)},
            {"on_air", queue.count(QuestionState::OnAir)},
            {"answered", queue.count(QuestionState::Answered)},
            {"dismissed", queue.count(QuestionState::Dismissed)},
            {"merged", queue.count(QuestionState::Merged)}};
}

json oldestPending(const QuestionQueue& queue) {
    const auto ms = queue.oldestPendingMs();
    return ms ? json(*ms) : json(nullptr);
}

}  // namespace

json moderationJson(const QuestionQueue& queue, const Show& show) {
    json list = json::array();
    for (const LiveQuestion& q : queue.all()) list.push_back(questionJson(queue, q, show));
    return {{"counts", questionCounts(queue)},
            {"oldest_pending_ms", oldestPending(queue)},
            {"topics", queue.topics()},
            {"questions", std::move(list)}};
}

json pollJson(const LivePoll& poll) {
    json options = json::array();
    const std::vector<int> counts = poll.counts();
    for (std::size_t i = 0; i < poll.options.size(); ++i)
        options.push_back({{"label", poll.options[i]}, {"votes", i < counts.size() ? counts[i] : 0}});
    return {{"id", poll.id},
            {"question", poll.question},
            {"state", toName(poll.state)},
            {"live_results", poll.liveResults},
            {"from_show", poll.fromShow},
            {"options", std::move(options)},
            {"votes", poll.totalVotes()},
            {"opened_ms", orNull(poll.openedMs)},
            {"closed_ms", orNull(poll.closedMs)}};
}

json pollsJson(const PollBoard& board) {
    json list = json::array();
    for (const LivePoll& p : board.all()) list.push_back(pollJson(p));
    return {{"polls", std::move(list)}};
}

nlohmann::json sessionStateJson(const SessionState& state, const Show& show) {
    const RunnerState& st = state.runner;
    json message = nullptr;
    if (state.message) message = {{"text", state.message->text}, {"at_ms", state.message->atMs}};
    json questions = nullptr;
    if (state.questions) {
        const QuestionQueue& queue = *state.questions;
        const LiveQuestion* onAir = queue.onAir();
        questions = questionCounts(queue);
        questions["on_air"] = onAir ? questionJson(queue, *onAir, show) : json(nullptr);
        questions["oldest_pending_ms"] = oldestPending(queue);
    }
    return {
        {"version", kSessionStateJsonVersion},
        {"phase", toName(st.phase)},
        {"running", st.phase == RunPhase::Running},
        {"paused", st.phase == RunPhase::Paused},
        {"ended", st.phase == RunPhase::Ended},
        {"session_ms", state.sessionMs},
        {"segment", currentJson(st, show)},
        {"next", nextJson(st, show)},
        {"questions", std::move(questions)},
        {"qa", qaJson(st)},
        {"message", std::move(message)},
        {"show", showJson(st, show)},
        {"segments", segmentsJson(st, show)},
    };
}

nlohmann::json sessionStateJson(const Session& session) {
    json out = sessionStateJson(session.state(), session.show());
    out["polls"] = std::move(pollsJson(session.polls())["polls"]);
    return out;
}

}  // namespace pycast
