// The polls' domain: the producer's create/open/close/live results and the audience's votes
// (owner thread).
#include "live/live_state.hpp"

namespace pycast {

namespace {

std::optional<LiveProblem> problemOf(const PollResult& r) {
    if (r) return std::nullopt;
    LiveRefusal refusal = LiveRefusal::Invalid;
    std::string remedy;
    switch (r.error) {
        case PollError::NoSuchPoll:
            refusal = LiveRefusal::NotFound;
            remedy = "GET /api/polls lists the polls and their ids";
            break;
        case PollError::WrongState:
        case PollError::DuplicateId:
            refusal = LiveRefusal::Refused;
            break;
        default:
            refusal = LiveRefusal::Invalid;
            break;
    }
    return LiveProblem{refusal, Error{r.message, {}, std::move(remedy)}, r.code};
}

}  // namespace

std::optional<LiveProblem> applyPollEvent(LiveState& state, LiveRequest& request, SessionMs at,
                                          Apply mode) {
    PollBoard& board = state.polls;
    const std::int64_t t = at.value;
    if (state.runner.phase() == RunPhase::Ended && request.command != LiveCommand::PollClose)
        return LiveProblem{LiveRefusal::Refused,
                           Error{"The show has ended; its polls can only be closed.", {}, {}},
                           toName(RunnerError::Ended)};
    switch (request.command) {
        case LiveCommand::PollCreate: {
            const PollResult r =
                board.create(NewPoll{request.id, request.text, request.options, request.flag, false},
                             t, mode);
            if (r) request.id = r.id;
            return problemOf(r);
        }
        case LiveCommand::PollOpen:
            return problemOf(board.open(request.id, t, mode));
        case LiveCommand::PollClose:
            return problemOf(board.close(request.id, t, mode));
        case LiveCommand::PollVote:
            return problemOf(board.vote(request.id, request.device, request.option, t, mode));
        case LiveCommand::PollLiveResults:
            return problemOf(board.setLiveResults(request.id, request.flag, mode));
        default:
            break;
    }
    return LiveProblem{
        LiveRefusal::Invalid,
        Error{std::string("'") + toName(request.command) + "' is not a poll event", {}, {}},
        {}};
}

}  // namespace pycast
