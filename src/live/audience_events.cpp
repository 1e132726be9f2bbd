// The audience domain: devices that opened the audience page, each once (owner thread).
#include <algorithm>

#include "live/live_state.hpp"

namespace pycast {

bool AudienceLog::seen(std::string_view device) const {
    return std::binary_search(sortedDevices.begin(), sortedDevices.end(), device);
}

std::optional<LiveProblem> applyAudienceEvent(AudienceLog& log, const LiveRequest& request,
                                              SessionMs at, Apply mode) {
    if (request.command != LiveCommand::AudienceVisit)
        return LiveProblem{LiveRefusal::Invalid,
                           Error{std::string("'") + toName(request.command) +
                                     "' is not an audience event",
                                 {},
                                 {}},
                           {}};
    const auto it =
        std::lower_bound(log.sortedDevices.begin(), log.sortedDevices.end(), request.device);
    if (it != log.sortedDevices.end() && *it == request.device)
        return LiveProblem{LiveRefusal::Refused,
                           Error{"this device's visit is already counted", {}, {}},
                           "already-counted"};
    if (mode == Apply::Commit) {
        log.sortedDevices.insert(it, request.device);
        log.visits.push_back(AudienceVisit{request.device, at.value});
    }
    return std::nullopt;
}

}  // namespace pycast
