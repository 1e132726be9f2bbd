// The Live tab's report, once the show has ended (UI thread).
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

void reportPanel(ViewContext& ctx, float height) {
    LiveContext& live = *ctx.live;
    const SessionReport* report = live.controller.report();
    if (report == nullptr) return;
    const float f = ImGui::GetFontSize();
    const float startY = ImGui::GetCursorPosY();
    sectionHeader("PLANNED VS ACTUAL");
    const ImU32 diffColour = report->differenceMs > kOnTimeToleranceMs    ? colours::kBad
                             : report->differenceMs < -kOnTimeToleranceMs ? colours::kGood
                                                                          : colours::kText;
    textColoured(formatCountdownMs(report->actualTotalMs, false) + " on air of " +
                     formatCountdownMs(report->plannedTotalMs, false) +
                     " planned: " + formatSignedMs(report->differenceMs) + " " +
                     overUnderWord(report->differenceMs),
                 diffColour);
    if (report->pausedMs > 0) {
        ImGui::SameLine();
        textColoured("   ·   " + formatCountdownMs(report->pausedMs, false) + " on hold",
                     colours::kTextDim);
    }

    if (report->questions) {
        // The questions in one line; the lists (answered with times, follow-ups, per topic and
        // guest) are in report.md and report.csv.
        const QuestionTally& t = report->questions->total;
        textColoured("Questions: " + std::to_string(t.asked) + " asked · " +
                         std::to_string(t.approved) + " approved · " +
                         std::to_string(t.answered) + " answered · " +
                         std::to_string(t.dismissed) + " dismissed · " +
                         std::to_string(report->questions->followUps.size()) +
                         " follow-ups in the report",
                     colours::kText);
    }

    if (report->talk && !report->talk->companies.empty()) {
        // The measured airtime per company in one line; per speaker in report.md.
        std::string line = "Airtime (measured):";
        bool over = false;
        for (const TalkReportRow& c : report->talk->companies) {
            line += "  " + c.name + " " + std::to_string(std::lround(c.share)) + "%";
            over = over || c.overLimit;
        }
        if (over)
            line += "  — over the " + std::to_string(std::lround(report->talk->maxCompanyShare)) +
                    "% limit";
        ctx.requests.requestGlyphs(line);
        textColoured(line, over ? colours::kBad : colours::kText);
    }

    const std::string md = live.controller.reportMarkdownPath().string();
    const std::string csv = live.controller.reportCsvPath().string();
    ctx.requests.requestGlyphs(md);
    textColoured("Report files:", colours::kTextDim);
    ImGui::SameLine();
    textColoured(md, colours::kText);
    ImGui::SameLine();
    if (ImGui::SmallButton("Copy path##md")) ImGui::SetClipboardText(md.c_str());
    ImGui::SameLine(0, f);
    textColoured(csv, colours::kText);
    ImGui::SameLine();
    if (ImGui::SmallButton("Copy path##csv")) ImGui::SetClipboardText(csv.c_str());

    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_BordersOuterH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX;
    const float tableHeight = std::max(height - (ImGui::GetCursorPosY() - startY), f * 8.0f);
    if (!ImGui::BeginTable("live-report", 6, flags, ImVec2(0, tableHeight))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, f * 2.2f);
    ImGui::TableSetupColumn("Segment", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Planned", ImGuiTableColumnFlags_WidthFixed, f * 6.5f);
    ImGui::TableSetupColumn("Actual", ImGuiTableColumnFlags_WidthFixed, f * 6.5f);
    ImGui::TableSetupColumn("Difference", ImGuiTableColumnFlags_WidthFixed, f * 6.5f);
    ImGui::TableSetupColumn("Visits", ImGuiTableColumnFlags_WidthFixed, f * 4.5f);
    ImGui::TableHeadersRow();
    for (const SegmentReportRow& row : report->segments) {
        ImGui::PushID(row.id.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        textColoured(std::to_string(row.number), colours::kTextDim);
        ImGui::TableNextColumn();
        chip(kindLabel(row.kind), kindColour(row.kind), kindTextColour(row.kind));
        ImGui::SameLine();
        textTruncated(row.status == SegmentStatus::Skipped ? row.title + "  (skipped)" : row.title,
                      colours::kText);
        ImGui::TableNextColumn();
        textColoured(formatCountdownMs(row.plannedMs, false), colours::kText);
        if (row.extensionMs != 0) {
            ImGui::SameLine(0, 4);
            textColoured(formatSignedMs(row.extensionMs), colours::kAccent);
        }
        ImGui::TableNextColumn();
        textColoured(formatCountdownMs(row.actualMs, false), colours::kText);
        ImGui::TableNextColumn();
        textColoured(formatSignedMs(row.differenceMs),
                     row.differenceMs > kOnTimeToleranceMs    ? colours::kBad
                     : row.differenceMs < -kOnTimeToleranceMs ? colours::kGood
                                                              : colours::kTextDim);
        ImGui::TableNextColumn();
        textColoured(std::to_string(row.visits), colours::kTextDim);
        ImGui::PopID();
    }
    ImGui::EndTable();
}

}  // namespace pycast::ui
