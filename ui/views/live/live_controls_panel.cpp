// The Live tab's controls: start, hold, next, extend, end, the message field; each posts its action (UI thread).
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

#include "core/duration.hpp"
#include "live/session_json.hpp"  // formatTimeOfDayMs
#include "widgets/theme.hpp"
#include "views/live/live_format.hpp"
#include "views/live/live_panels.hpp"
#include "views/live/live_view.hpp"
#include "views/views.hpp"
#include "widgets/widgets.hpp"

namespace pycast::ui {

namespace {

// Posts the action: it runs after the frame, so nothing drawn later in this frame sees a
// model that changed halfway through.
void perform(LiveContext& live, const LiveAction& action) {
    if (action == LiveAction::None) return;
    if (action == LiveAction::ShowHelp) {
        live.view.helpRequested = true;
        return;
    }
    if (action == LiveAction::End) {
        live.view.endConfirmRequested = true;  // ending writes the report: ask first
        return;
    }
    live.controller.post(action);
}

}  // namespace

void controlsPanel(ViewContext& ctx, const SessionState& st, bool compact) {
    LiveContext& live = *ctx.live;
    const RunnerState& r = st.runner;
    const float f = ImGui::GetFontSize();
    const ImVec2 big(f * 8.5f, f * 2.6f);
    const ImVec2 mid(f * 5.2f, f * 2.6f);
    const bool onAir = r.phase == RunPhase::Running || r.phase == RunPhase::Paused;
    const bool ended = r.phase == RunPhase::Ended;

    ImGui::PushFont(ctx.fonts.font(FontRole::Bold));
    if (r.phase == RunPhase::NotStarted) {
        if (actionButton("▶  Start show###primary", big, IM_COL32(38, 122, 58, 255))) {
            perform(live, LiveAction::Start);
        }
    } else if (r.phase == RunPhase::Paused) {
        if (actionButton("▶  Resume###primary", big, IM_COL32(150, 104, 20, 255))) {
            perform(live, LiveAction::Resume);
        }
    } else {
        if (actionButton("Hold###primary", big, 0, !ended)) perform(live, LiveAction::Hold);
    }
    ImGui::SameLine();
    if (actionButton("◀  Previous", ImVec2(mid.x + f * 1.5f, mid.y), 0,
                     onAir && r.currentIndex > 0)) {
        perform(live, LiveAction::Previous);
    }
    ImGui::SameLine();
    const bool hasNext = onAir && r.currentIndex + 1 < static_cast<int>(r.segments.size());
    if (actionButton("Next  ▶", big, IM_COL32(40, 86, 150, 255), hasNext))
        perform(live, LiveAction::Next);
    ImGui::SameLine(0.0f, f * 1.6f);
    if (actionButton("+1 min", mid, 0, onAir)) perform(live, LiveAction::ExtendPlus60);
    ImGui::SameLine();
    if (actionButton("+30 s", mid, 0, onAir)) perform(live, LiveAction::ExtendPlus30);
    ImGui::SameLine();
    if (actionButton("−30 s", mid, 0, onAir)) perform(live, LiveAction::ExtendMinus30);
    ImGui::SameLine();
    const float endWidth = f * 7.0f;
    const float right = ImGui::GetContentRegionAvail().x;
    if (right > endWidth) ImGui::SameLine(ImGui::GetCursorPosX() + right - endWidth);
    if (actionButton("End show…", ImVec2(endWidth, big.y), IM_COL32(150, 42, 38, 255), onAir)) {
        perform(live, LiveAction::End);
    }
    ImGui::PopFont();
    // A small window keeps the room for the rundown: F1 lists the keys.
    if (!compact) {
        smallDim(ctx,
                 "Keys: Space start / hold / resume   ·   N or → next   ·   P or ← previous   ·   "
                 "H hold   ·   + / − 30 s   ·   F1 or ? all shortcuts");
    }

    // The producer's message and, during a Q&A, the question budget.
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x * 0.45f, f * 32.0f));
    // Enter sends and gives the keyboard back to the shortcuts: N after a message means Next.
    const bool enter =
        ImGui::InputTextWithHint("##message", "Message for the host…", &live.view.messageDraft,
                                 ImGuiInputTextFlags_EnterReturnsTrue);
    ctx.requests.requestGlyphs(live.view.messageDraft);
    ImGui::SameLine();
    const bool canSend = !ended && !live.view.messageDraft.empty();
    if ((actionButton("Send", ImVec2(f * 4.5f, 0), 0, canSend) || (enter && canSend))) {
        live.controller.post([&live, text = live.view.messageDraft](LiveController& c) {
            if (c.sendMessage(text) && live.view.messageDraft == text) live.view.messageDraft.clear();
        });
    }
    ImGui::SameLine();
    if (actionButton("Clear", ImVec2(f * 4.5f, 0), 0, !ended && st.message.has_value())) {
        live.controller.post([](LiveController& c) { c.sendMessage(""); });
    }
    if (r.current && r.current->qa) {
        const QaBudget& qa = *r.current->qa;
        ImGui::SameLine(0.0f, f * 1.6f);
        ImGui::AlignTextToFramePadding();
        std::string line = "Q&A: " + std::to_string(qa.answered) + " answered · about " +
                           std::to_string(qa.questionsLeft) + " more question" +
                           (qa.questionsLeft == 1 ? "" : "s") + " at ";
        line += qa.defaultPace
                    ? "the assumed " + formatCountdownMs(qa.paceMs, false) + " each"
                    : "the current pace (" + formatCountdownMs(qa.paceMs, false) + " each)";
        textColoured(line, qa.questionsLeft <= 0 ? colours::kWarning : colours::kText);
        ImGui::SameLine();
        if (actionButton("Question answered", ImVec2(0, 0), IM_COL32(40, 86, 150, 255), onAir)) {
            perform(live, LiveAction::QuestionAnswered);
        }
    }
    if (!live.controller.lastError().empty()) {
        textColoured("⚠ " + live.controller.lastError(), colours::kBad);
    }
}

}  // namespace pycast::ui
