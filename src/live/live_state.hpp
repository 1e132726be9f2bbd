// What a live session's events build, domain by domain, and how one event is applied (owner
// thread).
#pragma once

#include <optional>
#include <string>

#include "core/question_queue.hpp"
#include "core/show_runner.hpp"
#include "live/live_command.hpp"

namespace pycast {

// A producer's message to the host ("wrap up", "guest has 2 min").
struct ProducerMessage {
    std::string text;
    std::int64_t atMs = 0;  // session ms
    bool operator==(const ProducerMessage&) const = default;
};

// The state of every domain. A new domain (markers, recorder status) adds its member here and
// its apply function below, in a file of its own.
struct LiveState {
    LiveState() = default;
    explicit LiveState(const Show& show) : runner(show), questions(show) {}
    ShowRunner runner;                       // runner_events.cpp
    std::optional<ProducerMessage> message;  // message_events.cpp: the latest one
    QuestionQueue questions;                 // question_events.cpp
};

// Applies `request` at `at` to the domain that owns it; with Apply::Check it only says whether
// it would be refused (nothing changes). On a refusal the state is unchanged. May complete the
// request for the journal (a goto's index, a new question's id and segment, the question an
// answered names). The owner checks, journals, then commits: both calls see the same request.
std::optional<LiveProblem> applyLiveEvent(LiveState& state, LiveRequest& request, SessionMs at,
                                          Apply mode = Apply::Commit);

// The domains, one file each.
std::optional<LiveProblem> applyRunnerEvent(ShowRunner& runner, LiveRequest& request, SessionMs at,
                                            Apply mode);
std::optional<LiveProblem> applyMessageEvent(std::optional<ProducerMessage>& message,
                                             const LiveRequest& request, SessionMs at, Apply mode);
// Questions: the queue, and the runner for answered/reopen (the Q&A pace counts them).
std::optional<LiveProblem> applyQuestionEvent(LiveState& state, LiveRequest& request, SessionMs at,
                                              Apply mode);

}  // namespace pycast
