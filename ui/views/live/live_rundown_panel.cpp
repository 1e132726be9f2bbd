// The Live tab's rundown: every segment with its plan, actual time and status (UI thread).
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

#include "core/duration.hpp"
#include "live/session_json.hpp"  // formatTimeOfDayMs
#include "widgets/theme.hpp"
#include "core/display_time.hpp"
#include "views/live/live_format.hpp"
#include "views/live/live_panels.hpp"
#include "views/live/live_view.hpp"
#include "views/views.hpp"
#include "widgets/widgets.hpp"

namespace pycast::ui {

void rundownPanel(ViewContext& ctx, const SessionState& st, float height) {
    LiveContext& live = *ctx.live;
    const RunnerState& r = st.runner;
    const Show& show = live.controller.session()->show();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_BordersOuterH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable("live-rundown", 6, flags, ImVec2(0, height))) return;
    const float f = ImGui::GetFontSize();
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, f * 2.6f);
    ImGui::TableSetupColumn("Segment", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Planned", ImGuiTableColumnFlags_WidthFixed, f * 8.5f);
    ImGui::TableSetupColumn("Actual", ImGuiTableColumnFlags_WidthFixed, f * 8.5f);
    ImGui::TableSetupColumn("Starts", ImGuiTableColumnFlags_WidthFixed, f * 7.5f);
    ImGui::TableSetupColumn("Latest start", ImGuiTableColumnFlags_WidthFixed, f * 7.0f);
    ImGui::TableHeadersRow();

    const bool follow = live.view.followedIndex != r.currentIndex;
    for (const SegmentState& s : r.segments) {
        const Segment& seg = show.rundown[static_cast<std::size_t>(s.index)];
        const bool current = s.status == SegmentStatus::Current;
        const bool past = s.status == SegmentStatus::Done || s.status == SegmentStatus::Skipped;
        ImGui::PushID(seg.id.c_str());
        ImGui::TableNextRow();
        if (current) {
            ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, IM_COL32(40, 74, 120, 200));
            if (follow) ImGui::SetScrollHereY(0.3f);
        }
        const ImU32 text = past ? colours::kTextDim : colours::kText;

        ImGui::TableNextColumn();
        textColoured(current ? "▶ " + std::to_string(s.index + 1) : std::to_string(s.index + 1),
                     current ? colours::kText : colours::kTextDim);

        ImGui::TableNextColumn();
        chip(kindLabel(seg.kind), past ? colours::kTrack : kindColour(seg.kind),
             past ? colours::kTextDim : kindTextColour(seg.kind));
        ImGui::SameLine();
        std::string title = seg.title;
        if (s.status == SegmentStatus::Skipped) title += "  (skipped)";
        if (s.elastic) title += "  · elastic";
        textTruncated(title, text);

        ImGui::TableNextColumn();
        // A length still to come is a budget, rounded up; a past row's plan is what its
        // difference was taken from, as shown (core/display_time.hpp).
        if (s.elastic && s.effectivePlannedMs != s.plannedMs + s.extensionMs && !past) {
            textColoured(upcomingLengthText(s), colours::kAccent);
            if (ImGui::IsItemHovered()) {
                ImGui::SetTooltip("Elastic: %s planned, %s after the over/under before it",
                                  formatCountdownMs(s.plannedMs + s.extensionMs, true).c_str(),
                                  upcomingLengthText(s).c_str());
            }
        } else {
            textColoured(formatCountdownMs(s.plannedMs + s.extensionMs, !past), text);
        }
        if (s.extensionMs != 0) {
            ImGui::SameLine(0, 4);
            textColoured(formatSignedMs(s.extensionMs), colours::kAccent);
        }

        ImGui::TableNextColumn();
        if (current && r.current) {
            textColoured(formatCountdownMs(r.current->elapsedMs, false),
                         r.current->overrunMs > 0 ? colours::kBad : colours::kText);
        } else if (s.status == SegmentStatus::Done) {
            textColoured(formatCountdownMs(s.actualMs, false), text);
            // The difference of the two times as shown (core/display_time.hpp); on time, the
            // actual time stands alone rather than beside a second "0:00".
            const std::string difference = rowDifferenceText(s.actualMs, s.plannedMs);
            if (!difference.empty()) {
                ImGui::SameLine(0, 4);
                const std::int64_t shown = shownDifferenceMs(s.actualMs, s.plannedMs);
                textColoured(difference, shown > 0 ? colours::kBad : colours::kGood);
            } else if (ImGui::IsItemHovered()) {
                ImGui::SetTooltip("On time: as planned");
            }
        } else {
            textColoured("—", colours::kTextDim);
        }

        ImGui::TableNextColumn();
        if (s.projectedStartMs) {
            std::string when = whenText(r, *s.projectedStartMs);
            if (s.fixedStartMs) when = "◆ " + when;
            textColoured(s.cannotFit ? "⚠ " + when : when, s.cannotFit ? colours::kBad : text);
            if (ImGui::IsItemHovered() && (s.fixedStartMs || s.cannotFit)) {
                std::string tip = s.fixedStartMs
                                      ? "Pinned: must start at " + whenText(r, *s.fixedStartMs)
                                      : std::string();
                if (s.cannotFit) {
                    tip +=
                        std::string(tip.empty() ? "" : "\n") +
                        "At this pace it starts after its latest start: cut something before it.";
                }
                ImGui::SetTooltip("%s", tip.c_str());
            }
        } else {
            textColoured(current ? "on air" : "—", current ? colours::kGood : colours::kTextDim);
        }

        ImGui::TableNextColumn();
        if (s.backtimedStartMs && !past && !current) {
            textColoured(whenText(r, *s.backtimedStartMs),
                         s.cannotFit ? colours::kBad : colours::kTextDim);
        } else {
            textColoured("—", colours::kTextDim);
        }
        ImGui::PopID();
    }
    live.view.followedIndex = r.currentIndex;
    ImGui::EndTable();
}

}  // namespace pycast::ui
