// The producer's Polls panel on the Live tab: the show's prepared polls and new ones, open and
// close, live results, the poll on the presenter, and each poll's bars (UI thread; the texts are
// pure functions for the tests).
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

#include "core/poll_board.hpp"

namespace pycast::ui {

struct ViewContext;

// "12 · 40%" — a count and its share of `total` votes ("0 · 0%" with none), one decimal never:
// the room reads it from across the hall.
std::string pollCountText(int votes, int total);
// "OPEN · 23 votes", "CLOSED · 1 vote", "DRAFT".
std::string pollStateLine(const LivePoll& poll);
// The options typed one per line (blank lines and surrounding spaces dropped).
std::vector<std::string> pollOptionsFromText(const std::string& text);

struct PollsViewState {
    std::string newQuestion;
    std::string newOptions;     // one per line
    bool newLiveResults = false;
    std::string error;          // the last refusal, shown under the form
};

// The panel inside the Live tab, `size` big (live_view.cpp lays it out).
void pollsPanel(ViewContext& ctx, ImVec2 size);

}  // namespace pycast::ui
