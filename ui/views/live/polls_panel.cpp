// The producer's Polls panel: prepared and live polls, open/close, live results, the poll on the
// presenter, bars per option; every change is posted as a live command (UI thread).
#include "views/live/polls_panel.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <sstream>

#include "core/text.hpp"
#include "views/live/live_panels.hpp"
#include "views/live/live_view.hpp"
#include "views/views.hpp"
#include "widgets/theme.hpp"
#include "widgets/widgets.hpp"

namespace pycast::ui {

std::string pollCountText(int votes, int total) {
    const double share = total > 0 ? 100.0 * votes / total : 0.0;
    return std::to_string(votes) + " · " + formatPercent(share, 0);
}

std::string pollStateLine(const LivePoll& poll) {
    std::string line = poll.state == PollState::Open     ? "OPEN"
                       : poll.state == PollState::Closed ? "CLOSED"
                                                         : "DRAFT";
    if (poll.state != PollState::Draft || poll.totalVotes() > 0) {
        const int n = poll.totalVotes();
        line += " · " + std::to_string(n) + (n == 1 ? " vote" : " votes");
    }
    return line;
}

std::vector<std::string> pollOptionsFromText(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        const auto first = line.find_first_not_of(" \t\r");
        if (first == std::string::npos) continue;
        const auto last = line.find_last_not_of(" \t\r");
        out.push_back(line.substr(first, last - first + 1));
    }
    return out;
}

namespace {

void post(LiveContext& live, LiveRequest request) {
    live.controller.post(LiveAction::command(std::move(request)));
}

ImU32 stateColour(PollState s) {
    return s == PollState::Open ? colours::kBad : s == PollState::Closed ? colours::kGood
                                                                         : colours::kTrack;
}

// One option per row: label, a bar scaled to the leading option, "12 · 40%".
void optionBars(const LivePoll& poll) {
    const std::vector<int> counts = poll.counts();
    const int total = poll.totalVotes();
    const int most = counts.empty() ? 0 : *std::max_element(counts.begin(), counts.end());
    std::vector<LabelledBar> rows;
    for (std::size_t i = 0; i < poll.options.size(); ++i) {
        LabelledBar r;
        r.label = poll.options[i];
        r.fraction = most > 0 ? static_cast<float>(counts[i]) / static_cast<float>(most) : 0.0f;
        r.value = pollCountText(counts[i], total);
        r.style.fill = counts[i] == most && most > 0 ? colours::kAccent : colours::kTextDim;
        rows.push_back(std::move(r));
    }
    labelledBars("##bars", rows);
}

void pollCard(ViewContext& ctx, LiveContext& live, const Show& show, const LivePoll& poll,
              bool ended) {
    ImGui::PushID(poll.id.c_str());
    ctx.requests.requestGlyphs(poll.question);
    for (const std::string& o : poll.options) ctx.requests.requestGlyphs(o);
    const std::string state = pollStateLine(poll);
    chip(state, stateColour(poll.state),
         poll.state == PollState::Draft ? colours::kText : IM_COL32(20, 22, 26, 255));
    ImGui::SameLine();
    ImGui::PushFont(ctx.fonts.font(FontRole::Bold));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(poll.question.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    for (const std::string& w : companyNamedOptions(show, poll.options)) {
        ctx.requests.requestGlyphs(w);
        ImGui::PushTextWrapPos(0.0f);
        textColoured("⚠ " + w, colours::kWarning);
        ImGui::PopTextWrapPos();
    }
    optionBars(poll);

    ImGui::BeginDisabled(ended && poll.state != PollState::Open);
    if (poll.state == PollState::Open) {
        if (actionButton("Close poll", ImVec2(0, 0), colours::kBad))
            post(live, LiveRequest(LiveCommand::PollClose).withId(poll.id));
    } else {
        const char* label = poll.state == PollState::Draft ? "Open poll" : "Open again";
        if (actionButton(label, ImVec2(0, 0), 0, !ended))
            post(live, LiveRequest(LiveCommand::PollOpen).withId(poll.id));
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    bool liveResults = poll.liveResults;
    ImGui::BeginDisabled(ended);
    if (ImGui::Checkbox("Audience sees counts while open", &liveResults))
        post(live, LiveRequest(LiveCommand::PollLiveResults).withId(poll.id).withFlag(liveResults));
    ImGui::EndDisabled();
    ImGui::SameLine();
    bool onPresenter = live.controller.pollOnPresenter() == poll.id;
    if (ImGui::Checkbox("Bars on presenter", &onPresenter)) {
        const std::string id = onPresenter ? poll.id : std::string();
        // The room and the phones see the same: counts on the big screen are public, so the
        // phones show them too (journaled like the checkbox beside it).
        const bool makePublic = onPresenter && !poll.resultsPublic();
        live.controller.post([id, makePublic, &live](LiveController& c) {
            if (makePublic)
                c.perform(LiveAction::command(
                    LiveRequest(LiveCommand::PollLiveResults).withId(id).withFlag(true)));
            c.setPollOnPresenter(id);
            if (!id.empty()) live.view.presenterOpen = true;
        });
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Shows the live counts on the presenter window; the audience page then "
                          "shows them too.");
    ImGui::PopID();
}

void newPollForm(ViewContext& ctx, LiveContext& live, const Show& show, bool ended) {
    PollsViewState& ps = live.view.polls;
    sectionHeader("ADD A POLL");
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::InputTextWithHint("##poll-question", "Question, e.g. 下次想聽什麼主題？", &ps.newQuestion);
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::InputTextMultiline("##poll-options", &ps.newOptions,
                              ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * 4.6f));
    if (ps.newOptions.empty() && !ImGui::IsItemActive()) {
        // The multiline field has no hint in ImGui 1.86: draw one.
        const ImVec2 at(ImGui::GetItemRectMin().x + ImGui::GetStyle().FramePadding.x,
                        ImGui::GetItemRectMin().y + ImGui::GetStyle().FramePadding.y);
        ImGui::GetWindowDrawList()->AddText(at, colours::kTextDim,
                                            "Options, one per line: AI, Web, DevOps …");
    }
    ctx.requests.requestGlyphs(ps.newQuestion);
    ctx.requests.requestGlyphs(ps.newOptions);
    const std::vector<std::string> options = pollOptionsFromText(ps.newOptions);
    const auto problem = pollProblem(ps.newQuestion, options);
    for (const std::string& w : companyNamedOptions(show, options)) {
        ImGui::PushTextWrapPos(0.0f);
        textColoured("⚠ " + w, colours::kWarning);
        ImGui::PopTextWrapPos();
    }
    ImGui::Checkbox("Audience sees counts while open##new", &ps.newLiveResults);
    ImGui::SameLine();
    const bool blank = ps.newQuestion.empty() && options.empty();
    if (actionButton("Add poll", ImVec2(0, 0), 0, !problem && !ended)) {
        LiveRequest r = LiveRequest(LiveCommand::PollCreate)
                            .withText(ps.newQuestion)
                            .withOptions(options)
                            .withFlag(ps.newLiveResults);
        live.controller.post([r, &ps](LiveController& c) {
            const SessionActionResult done = c.perform(LiveAction::command(r));
            if (done) {
                ps.newQuestion.clear();
                ps.newOptions.clear();
                ps.newLiveResults = false;
                ps.error.clear();
            } else {
                ps.error = done.error.message();
            }
        });
    }
    if (problem && !blank) {
        ImGui::PushTextWrapPos(0.0f);
        textColoured("Cannot add yet: " + *problem + ".", colours::kTextDim);
        ImGui::PopTextWrapPos();
    }
    if (!ps.error.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        textColoured(ps.error, colours::kBad);
        ImGui::PopTextWrapPos();
    }
}

}  // namespace

void pollsPanel(ViewContext& ctx, ImVec2 size) {
    LiveContext& live = *ctx.live;
    ImGui::BeginChild("##polls", size, true);
    const Session* session = live.controller.session();
    if (session == nullptr) {
        ImGui::EndChild();
        return;
    }
    const Show& show = session->show();
    const bool ended = live.controller.phase() == RunPhase::Ended;
    const auto& polls = session->polls().all();
    textColoured("Vote on topics, never on companies. The audience page shows an open poll; one "
                 "vote per phone, changeable until it closes.",
                 colours::kTextDim);
    if (!live.controller.audience().on)
        textColoured("The audience page is off: switch it on (Questions tab) so phones can vote.",
                     colours::kWarning);
    ImGui::Spacing();
    if (polls.empty()) textColoured("No polls yet: add one below.", colours::kTextDim);
    for (const LivePoll& poll : polls) {
        pollCard(ctx, live, show, poll, ended);
        ImGui::Separator();
    }
    newPollForm(ctx, live, show, ended);
    ImGui::EndChild();
}

}  // namespace pycast::ui
