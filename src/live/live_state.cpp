// Applies one live event to the domain that owns it (owner thread).
#include "live/live_state.hpp"

namespace pycast {

std::optional<LiveProblem> applyLiveEvent(LiveState& state, LiveRequest& request, SessionMs at,
                                          Apply mode) {
    if (auto bad = checkLiveRequest(request)) return bad;
    switch (definitionOf(request.command).domain) {
        case LiveDomain::Runner:
            return applyRunnerEvent(state.runner, request, at, mode);
        case LiveDomain::Messages:
            return applyMessageEvent(state.message, request, at, mode);
        case LiveDomain::Questions:
            return applyQuestionEvent(state, request, at, mode);
        case LiveDomain::Markers:
            return applyMarkerEvent(state.markers, request, at, mode);
        case LiveDomain::Polls:
            return applyPollEvent(state, request, at, mode);
        case LiveDomain::Audience:
            return applyAudienceEvent(state.audience, request, at, mode);
    }
    return std::nullopt;
}

}  // namespace pycast
