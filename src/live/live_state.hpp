// What a live session's events build, domain by domain, and how one event is applied (owner
// thread).
#pragma once

#include <optional>
#include <string>

#include "core/show_runner.hpp"
#include "live/live_command.hpp"

namespace pycast {

// A producer's message to the host ("wrap up", "guest has 2 min").
struct ProducerMessage {
    std::string text;
    std::int64_t atMs = 0;  // session ms
    bool operator==(const ProducerMessage&) const = default;
};

// The state of every domain. A new domain (questions, markers, recorder status) adds its
// member here and its apply function below, in a file of its own.
struct LiveState {
    ShowRunner runner;                       // runner_events.cpp
    std::optional<ProducerMessage> message;  // message_events.cpp: the latest one
};

// Applies `request` at `at` to the domain that owns it. On a refusal the state is unchanged.
// May complete the request for the journal (a goto's index). The owner journals first: it
// applies to a copy, writes the event, then keeps the copy.
std::optional<LiveProblem> applyLiveEvent(LiveState& state, LiveRequest& request, SessionMs at);

// The domains, one file each.
std::optional<LiveProblem> applyRunnerEvent(ShowRunner& runner, LiveRequest& request, SessionMs at);
std::optional<LiveProblem> applyMessageEvent(std::optional<ProducerMessage>& message,
                                             const LiveRequest& request, SessionMs at);

}  // namespace pycast
