// The runner's domain: start, hold, resume, next, previous, goto, extend, answered, end (owner
// thread).
#include <algorithm>

#include "live/live_state.hpp"

namespace pycast {

namespace {

std::optional<LiveProblem> refusal(const RunnerResult& r) {
    if (r) return std::nullopt;
    return LiveProblem{LiveRefusal::Refused, Error{r.message, {}, {}}, toName(r.error)};
}

}  // namespace

std::optional<LiveProblem> applyRunnerEvent(ShowRunner& runner, LiveRequest& request,
                                            SessionMs at) {
    const std::int64_t t = at.value;
    const Show& show = runner.show();
    switch (request.command) {
        case LiveCommand::Start:
            return refusal(runner.start(t));
        case LiveCommand::Hold:
            return refusal(runner.pause(t));
        case LiveCommand::Resume:
            return refusal(runner.resume(t));
        case LiveCommand::Next:
            return refusal(runner.next(t));
        case LiveCommand::Previous:
            return refusal(runner.previous(t));
        case LiveCommand::End:
            return refusal(runner.end(t));
        case LiveCommand::Extend:
            return refusal(runner.extend(t, request.seconds));
        case LiveCommand::Goto: {
            int index = request.id.empty() ? -1 : show.segmentIndex(request.id);
            // A journal's index is the fallback for a segment id that no longer matches.
            if (index < 0 && request.index &&
                *request.index < static_cast<int>(show.rundown.size()))
                index = *request.index;
            if (index < 0)
                return LiveProblem{
                    LiveRefusal::NotFound,
                    Error{"There is no segment with id '" + request.id + "' in this show",
                          {},
                          "GET /api/state lists the ids under \"segments\""},
                    toName(RunnerError::NoSuchSegment)};
            if (request.id.empty()) request.id = show.rundown[static_cast<std::size_t>(index)].id;
            request.index = index;
            return refusal(runner.gotoSegment(t, index));
        }
        case LiveCommand::QuestionAnswered: {
            const bool known = request.id.empty() ||
                               std::any_of(show.questions.begin(), show.questions.end(),
                                           [&](const Question& q) { return q.id == request.id; });
            if (!known)
                return LiveProblem{
                    LiveRefusal::NotFound,
                    Error{"There is no question with id '" + request.id + "' in this show",
                          {},
                          "use an id from the show's questions, or send no body"},
                    "no-such-question"};
            return refusal(runner.noteQuestionAnswered(t));
        }
        default:  // another domain's command: not for the runner
            break;
    }
    return LiveProblem{
        LiveRefusal::Invalid,
        Error{std::string("'") + toName(request.command) + "' is not a runner event", {}, {}},
        {}};
}

}  // namespace pycast
