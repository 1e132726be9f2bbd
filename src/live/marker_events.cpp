// The markers' domain: a plain marker at a moment and a sample, with an optional label (owner
// thread).
#include "live/live_state.hpp"

namespace pycast {

std::optional<LiveProblem> applyMarkerEvent(std::vector<Marker>& markers,
                                            const LiveRequest& request, SessionMs at, Apply mode) {
    if (request.command != LiveCommand::Marker)
        return LiveProblem{
            LiveRefusal::Invalid,
            Error{std::string("'") + toName(request.command) + "' is not a marker event", {}, {}},
            {}};
    if (mode == Apply::Check) return std::nullopt;
    markers.push_back(Marker{request.text, at.value, request.sample});
    return std::nullopt;
}

}  // namespace pycast
