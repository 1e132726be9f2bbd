// The producer messages' domain: the latest message to the host, "" clears it (owner thread).
#include "live/live_state.hpp"

namespace pycast {

std::optional<LiveProblem> applyMessageEvent(std::optional<ProducerMessage>& message,
                                             const LiveRequest& request, SessionMs at,
                                             Apply mode) {
    if (request.command != LiveCommand::Message)
        return LiveProblem{
            LiveRefusal::Invalid,
            Error{std::string("'") + toName(request.command) + "' is not a message event", {}, {}},
            {}};
    if (mode == Apply::Check) return std::nullopt;
    if (request.text.empty())
        message.reset();
    else
        message = ProducerMessage{request.text, at.value};
    return std::nullopt;
}

}  // namespace pycast
