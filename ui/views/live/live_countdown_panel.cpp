// The Live tab's countdown panel: the segment on air and its time left (UI thread).
#include <imgui.h>

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

void countdownPanel(ViewContext& ctx, const SessionState& st, const LiveLayout& layout) {
    const float width = layout.leftWidth;
    const float height = layout.panelHeight;
    LiveContext& live = *ctx.live;
    const RunnerState& r = st.runner;
    const Show& show = live.controller.session()->show();
    const Countdown cd = countdownFor(r, live.controller.settings().warningMs);

    ImGui::BeginChild("##countdown", ImVec2(width, height), false, ImGuiWindowFlags_NoScrollbar);
    const float pad = ImGui::GetFontSize() * 0.8f;
    ImGui::SetCursorPos(ImVec2(pad, pad * 0.8f));
    ImGui::BeginGroup();

    // What is on: "ON AIR 3/8", a kind chip and the title.
    const Segment* seg = segmentAt(show, r.current ? r.current->index : -1);
    std::string status;
    ImU32 statusColour = colours::kGood;
    if (r.phase == RunPhase::NotStarted) {
        status = "READY";
        statusColour = colours::kAccent;
        seg = segmentAt(show, 0);
    } else if (r.phase == RunPhase::Ended) {
        status = "SHOW ENDED";
        statusColour = colours::kTextDim;
        seg = nullptr;
    } else {
        status = r.phase == RunPhase::Paused ? "ON HOLD" : "ON AIR";
        statusColour = r.phase == RunPhase::Paused ? colours::kWarning : colours::kBad;
    }
    chip(status, statusColour, IM_COL32(255, 255, 255, 255));
    ImGui::SameLine();
    if (r.phase != RunPhase::Ended && !show.rundown.empty()) {
        const int number = r.current ? r.current->index + 1 : 1;
        textColoured(std::to_string(number) + " / " + std::to_string(show.rundown.size()),
                     colours::kTextDim);
        ImGui::SameLine();
    }
    if (seg != nullptr) {
        chip(kindLabel(seg->kind), kindColour(seg->kind), kindTextColour(seg->kind));
        ImGui::SameLine();
    }
    ImGui::NewLine();
    ImGui::PushFont(ctx.fonts.font(FontRole::Heading));
    if (r.phase == RunPhase::Ended) {
        textTruncated(show.meta.title.empty() ? std::string("The show") : show.meta.title,
                      colours::kText, width - pad * 2);
    } else if (seg != nullptr) {
        textTruncated(r.phase == RunPhase::NotStarted ? "First: " + seg->title : seg->title,
                      colours::kText, width - pad * 2);
    } else {
        textColoured("The rundown is empty", colours::kTextDim);
    }
    ImGui::PopFont();

    // The countdown itself.
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float digitsTop = origin.y;
    const ImU32 colour = withAlpha(toneColour(cd.tone), cd.held ? 0.6f : 1.0f);
    const float used =
        drawDigits(ctx, cd.text, layout.digitSize, ImGui::GetWindowPos().x + width * 0.5f,
                   digitsTop, width - pad * 2, colour);
    if (cd.held) {
        // A still clock looks like a frozen app unless it says why.
        ImGui::PushFont(ctx.fonts.font(FontRole::Bold));
        const char* held = "HOLD — the clock is stopped";
        const ImVec2 ts = ImGui::CalcTextSize(held);
        ImGui::GetWindowDrawList()->AddText(
            ImVec2(ImGui::GetWindowPos().x + (width - ts.x) * 0.5f, digitsTop + used - ts.y * 0.6f),
            colours::kWarning, held);
        ImGui::PopFont();
    }
    ImGui::Dummy(ImVec2(width - pad * 2, used));

    // Progress through the segment, in the countdown's colour.
    BarStyle barStyle;
    barStyle.fill = cd.tone == CountdownTone::Normal ? colours::kAccent : toneColour(cd.tone);
    barStyle.height = ImGui::GetFontSize() * 0.45f;
    bar(cd.progress, width - pad * 2, barStyle);

    // The numbers behind it.
    if (r.current) {
        const CurrentSegment& c = *r.current;
        const SegmentState& s = r.segments[static_cast<std::size_t>(c.index)];
        std::string line = "planned " + formatCountdownMs(c.plannedMs, false);
        if (s.extensionMs != 0) line += " (" + formatSignedMs(s.extensionMs) + ")";
        line += "   ·   on air " + formatCountdownMs(c.elapsedMs, false);
        textColoured(line, colours::kTextDim);
        if (c.mustEndByMs) {
            ImGui::SameLine();
            textColoured("   ·   must end by " + whenText(r, *c.mustEndByMs),
                         c.cannotFit ? colours::kBad : colours::kTextDim);
        }
    } else if (r.phase == RunPhase::NotStarted) {
        textColoured("Press Start (Space) when the show goes on air.", colours::kTextDim);
    } else if (const SessionReport* report = live.controller.report()) {
        // The report's figures, as every panel shows them once the show has ended.
        textColoured(endedSummary(*report),
                     report->differenceMs > kOnTimeToleranceMs ? colours::kBad : colours::kGood);
    }

    // Next up.
    const int nextIndex =
        r.phase == RunPhase::NotStarted ? 1 : (r.current ? r.current->index + 1 : -1);
    if (r.phase != RunPhase::Ended) {
        textColoured("NEXT", colours::kTextDim);
        ImGui::SameLine();
        if (const Segment* next = segmentAt(show, nextIndex)) {
            chip(kindLabel(next->kind), kindColour(next->kind), kindTextColour(next->kind));
            ImGui::SameLine();
            const SegmentState& ns = r.segments[static_cast<std::size_t>(nextIndex)];
            textTruncated(next->title + "   " + upcomingLengthText(ns), colours::kText,
                          width - pad * 2 - ImGui::GetCursorPosX());
        } else {
            textColoured("the end of the show", colours::kTextDim);
        }
    }
    ImGui::EndGroup();
    ImGui::EndChild();
}

void countdownStrip(ViewContext& ctx, const SessionState& st) {
    LiveContext& live = *ctx.live;
    const RunnerState& r = st.runner;
    const Show& show = live.controller.session()->show();
    const Countdown cd = countdownFor(r, live.controller.settings().warningMs);
    const float f = ImGui::GetFontSize();
    ImGui::BeginChild("##countdown-strip", ImVec2(0, f * 2.6f), false, ImGuiWindowFlags_NoScrollbar);
    ImGui::SetCursorPos(ImVec2(f * 0.6f, (f * 2.6f - ImGui::GetFrameHeight()) * 0.5f));
    const bool ended = r.phase == RunPhase::Ended;
    const char* status = r.phase == RunPhase::NotStarted ? "READY"
                         : ended                         ? "SHOW ENDED"
                         : r.phase == RunPhase::Paused   ? "ON HOLD"
                                                         : "ON AIR";
    const ImU32 statusColour = r.phase == RunPhase::NotStarted ? colours::kAccent
                               : ended                         ? colours::kTextDim
                               : r.phase == RunPhase::Paused   ? colours::kWarning
                                                               : colours::kBad;
    chip(status, statusColour, IM_COL32(255, 255, 255, 255));
    // The countdown in the heading font, in its colours, then the clock, then the title with
    // what is left of the line.
    ImGui::SameLine();
    ImGui::PushFont(ctx.fonts.font(FontRole::Heading));
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - (ImGui::GetFontSize() - f) * 0.5f);
    textColoured(cd.text, withAlpha(toneColour(cd.tone), cd.held ? 0.6f : 1.0f));
    ImGui::PopFont();
    ImGui::SameLine();
    std::string clock = "show " + formatClockMs(r.showElapsedMs);
    if (r.timeLeftToHardOutMs && !ended) {
        clock += *r.timeLeftToHardOutMs >= 0
                     ? " · hard out in " + formatClockMs(*r.timeLeftToHardOutMs, true)
                     : " · PAST HARD OUT";
    }
    if (cd.held) clock += " · HOLD";
    ImGui::SetCursorPosY((f * 2.6f - ImGui::GetTextLineHeight()) * 0.5f);
    textColoured(clock, colours::kTextDim);
    ImGui::SameLine(0.0f, f * 1.2f);
    const Segment* seg = segmentAt(show, r.current ? r.current->index : (ended ? -1 : 0));
    if (seg != nullptr) {
        const int number = r.current ? r.current->index + 1 : 1;
        textTruncated(std::to_string(number) + " / " + std::to_string(show.rundown.size()) + "  " +
                          seg->title,
                      colours::kText);
    }
    ImGui::EndChild();
}

}  // namespace pycast::ui
