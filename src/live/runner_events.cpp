// The runner's domain: start, hold, resume, next, previous, goto, extend, end (owner thread).
#include "live/live_state.hpp"

namespace pycast {

namespace {

std::optional<LiveProblem> refusal(const RunnerResult& r) {
    if (r) return std::nullopt;
    return LiveProblem{LiveRefusal::Refused, Error{r.message, {}, {}}, toName(r.error)};
}

}  // namespace

std::optional<LiveProblem> applyRunnerEvent(ShowRunner& real, LiveRequest& request, SessionMs at,
                                            Apply mode) {
    // The runner's operations are cheap to try on a copy; its events are a few a minute.
    std::optional<ShowRunner> trial;
    if (mode == Apply::Check) trial.emplace(real);
    ShowRunner& runner = trial ? *trial : real;
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
        default:  // another domain's command: not for the runner
            break;
    }
    return LiveProblem{
        LiveRefusal::Invalid,
        Error{std::string("'") + toName(request.command) + "' is not a runner event", {}, {}},
        {}};
}

}  // namespace pycast
