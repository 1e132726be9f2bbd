// The questions' domain: submit, vote and the producer's moderation; answered also counts for the
// runner's Q&A pace (owner thread).
#include "live/live_state.hpp"

namespace pycast {

namespace {

std::optional<LiveProblem> problemOf(const QuestionResult& r) {
    if (r) return std::nullopt;
    LiveRefusal refusal = LiveRefusal::Invalid;
    switch (r.error) {
        case QuestionError::NoSuchQuestion:
            refusal = LiveRefusal::NotFound;
            break;
        case QuestionError::WrongState:
        case QuestionError::AlreadyVoted:
        case QuestionError::DuplicateId:
            refusal = LiveRefusal::Refused;
            break;
        default:
            refusal = LiveRefusal::Invalid;
            break;
    }
    std::string remedy;
    if (r.error == QuestionError::NoSuchQuestion)
        remedy = "GET /api/moderation lists the questions and their ids";
    return LiveProblem{refusal, Error{r.message, {}, std::move(remedy)}, toName(r.error)};
}

std::optional<LiveProblem> runnerProblem(const RunnerResult& r) {
    if (r) return std::nullopt;
    return LiveProblem{LiveRefusal::Refused, Error{r.message, {}, {}}, toName(r.error)};
}

// The segment on air at the moment, by id ("" before the start).
std::string currentSegmentId(const ShowRunner& runner) {
    const int i = runner.currentIndex();
    const auto& rundown = runner.show().rundown;
    if (runner.phase() == RunPhase::NotStarted || i < 0 || i >= static_cast<int>(rundown.size()))
        return {};
    return rundown[static_cast<std::size_t>(i)].id;
}

}  // namespace

std::optional<LiveProblem> applyQuestionEvent(LiveState& state, LiveRequest& request, SessionMs at,
                                              Apply mode) {
    QuestionQueue& queue = state.questions;
    const std::int64_t t = at.value;
    if (state.runner.phase() == RunPhase::Ended)
        return LiveProblem{LiveRefusal::Refused,
                           Error{"The show has ended; its questions can no longer change.", {}, {}},
                           toName(RunnerError::Ended)};
    switch (request.command) {
        case LiveCommand::QuestionSubmit: {
            // The segment is fixed when it is first applied and journaled with the question.
            if (request.segment.empty()) request.segment = currentSegmentId(state.runner);
            NewQuestion q{request.id,     request.text,   request.name,
                          request.source, request.topics, request.person,
                          request.segment, request.device, request.votes};
            const QuestionResult r = queue.submit(std::move(q), t, mode);
            if (r) request.id = r.id;
            return problemOf(r);
        }
        case LiveCommand::QuestionVote:
            return problemOf(queue.vote(request.id, request.device, t, mode));
        case LiveCommand::QuestionApprove:
            return problemOf(queue.approve(request.id, mode));
        case LiveCommand::QuestionUnapprove:
            return problemOf(queue.unapprove(request.id, mode));
        case LiveCommand::QuestionDismiss:
            return problemOf(queue.dismiss(request.id, mode));
        case LiveCommand::QuestionRestore:
            return problemOf(queue.restore(request.id, mode));
        case LiveCommand::QuestionOnAir:
            return problemOf(queue.putOnAir(request.id, t, mode));
        case LiveCommand::QuestionOffAir:
            return problemOf(queue.takeOffAir(request.id, mode));
        case LiveCommand::QuestionEdit:
            return problemOf(queue.edit(request.id, request.text, mode));
        case LiveCommand::QuestionMerge:
            return problemOf(queue.merge(request.id, request.ids, mode));
        case LiveCommand::QuestionUnmerge:
            return problemOf(queue.unmerge(request.id, mode));
        case LiveCommand::QuestionLabel:
            return problemOf(queue.label(request.id, request.topics, mode));
        case LiveCommand::QuestionAssign:
            return problemOf(queue.assign(request.id, request.person, mode));
        case LiveCommand::QuestionAnswered: {
            // The runner counts every answer (its Q&A pace), so the show must be on air.
            ShowRunner trial = state.runner;
            if (auto bad = runnerProblem(trial.noteQuestionAnswered(t))) return bad;
            // No id and nothing on air: only the count, as before the queue existed.
            const bool names = !request.id.empty() || queue.onAir() != nullptr;
            if (names) {
                const QuestionResult r =
                    queue.answer(request.id, t, currentSegmentId(state.runner), mode);
                if (!r) return problemOf(r);
                request.id = r.id;
            }
            if (mode == Apply::Commit) state.runner = std::move(trial);
            return std::nullopt;
        }
        case LiveCommand::QuestionReopen: {
            const LiveQuestion* q = queue.find(request.id);
            ShowRunner trial = state.runner;
            if (q && q->state == QuestionState::Answered)
                if (auto bad = runnerProblem(trial.retractQuestionAnswered(
                        t, trial.show().segmentIndex(q->answeredSegmentId))))
                    return bad;
            if (auto bad = problemOf(queue.reopen(request.id, mode))) return bad;
            if (mode == Apply::Commit) state.runner = std::move(trial);
            return std::nullopt;
        }
        default:
            break;
    }
    return LiveProblem{
        LiveRefusal::Invalid,
        Error{std::string("'") + toName(request.command) + "' is not a question event", {}, {}},
        {}};
}

}  // namespace pycast
