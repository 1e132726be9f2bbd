// The totals panel: length, end, tech share, airtime, findings (UI thread).
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "core/duration.hpp"
#include "core/text.hpp"
#include "widgets/theme.hpp"
#include "views/views.hpp"
#include "widgets/widgets.hpp"

namespace pycast::ui {

namespace {

// Text that wraps at the panel's edge instead of running past it (a narrow window cut
// "hard out 20:35" to "hard out 20").
void wrapped(const std::string& text, ImU32 colour) {
    ImGui::PushTextWrapPos(0.0f);
    textColoured(text, colour);
    ImGui::PopTextWrapPos();
}

// A big figure in the heading font, then a dim note on the same line when it fits there,
// else on the lines below.
void figure(const ViewContext& ctx, const std::string& value, ImU32 colour,
            const std::string& note) {
    ImGui::PushFont(ctx.fonts.font(FontRole::Heading));
    const float figureSize = ImGui::GetFontSize();
    textColoured(value, colour);
    ImGui::PopFont();
    if (note.empty()) return;
    ImGui::SameLine();
    if (ImGui::CalcTextSize(note.c_str()).x > ImGui::GetContentRegionAvail().x) {
        ImGui::NewLine();
        wrapped(note, colours::kTextDim);
        return;
    }
    // Sit the note on the figure's baseline rather than its top.
    const float drop = figureSize - ImGui::GetFontSize();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + drop * 0.7f);
    textColoured(note, colours::kTextDim);
}

void lengthSection(const ViewContext& ctx, const RundownAnalysis& a) {
    sectionHeader("LENGTH");
    ImU32 colour = colours::kGood;
    std::string verdict = "On target";
    if (a.target <= 0) {
        colour = colours::kText;
        verdict = "No target length set";
    } else if (a.overUnder > 0) {
        colour = colours::kBad;
        verdict = formatDuration(a.overUnder) + " over target";
    } else if (a.overUnder < 0) {
        colour = colours::kWarning;
        verdict = formatDuration(-a.overUnder) + " under target";
    }
    figure(ctx, formatDuration(a.plannedTotal), colour,
           a.target > 0 ? "planned of " + formatDuration(a.target) : std::string("planned"));
    wrapped(verdict, a.target > 0 ? colour : colours::kTextDim);
    if (a.target > 0) {
        const Seconds span = std::max(a.plannedTotal, a.target);
        BarStyle style;
        style.fill = colour;
        style.markerFraction = static_cast<float>(a.target) / static_cast<float>(span);
        bar(static_cast<float>(a.plannedTotal) / static_cast<float>(span),
            ImGui::GetContentRegionAvail().x, style);
    }
}

void endSection(const ViewContext& ctx, const RundownAnalysis& a) {
    const ShowMeta& meta = ctx.document.show->meta;
    sectionHeader("END");
    if (!a.plannedEnd) {
        wrapped("Set a start time to see when the show ends.", colours::kTextDim);
        return;
    }
    ImU32 colour = colours::kText;
    std::string verdict;
    if (meta.hardOut && a.hardOutMargin) {
        if (*a.hardOutMargin < 0) {
            colour = colours::kBad;
            verdict = formatDuration(-*a.hardOutMargin) + " past the hard out";
        } else if (*a.hardOutMargin == 0) {
            colour = colours::kWarning;
            verdict = "Ends exactly at the hard out: no margin";
        } else {
            colour = colours::kGood;
            verdict = formatDuration(*a.hardOutMargin) + " to spare before the hard out";
        }
    }
    figure(ctx, formatTimeOfDay(*a.plannedEnd), colour,
           meta.hardOut ? "planned end, hard out " + formatTimeOfDay(*meta.hardOut)
                        : std::string("planned end"));
    if (verdict.empty()) {
        wrapped("No hard out set", colours::kTextDim);
    } else {
        wrapped(verdict, colour);
    }
}

void techSection(const ViewContext& ctx, const RundownAnalysis& a) {
    const Guidelines& g = ctx.document.show->guidelines;
    sectionHeader("TECHNICAL SHARE");
    const ImU32 colour = a.technicalShareOutside ? colours::kWarning : colours::kGood;
    figure(ctx, formatPercent(a.technicalShare, 1), colour,
           "range " + formatPercent(g.techShareMin, 0) + " – " + formatPercent(g.techShareMax, 0));
    BarStyle style;
    style.fill = colour;
    style.bandFrom = static_cast<float>(g.techShareMin / 100.0);
    style.bandTo = static_cast<float>(g.techShareMax / 100.0);
    style.band = IM_COL32(230, 232, 235, 50);
    bar(static_cast<float>(a.technicalShare / 100.0), ImGui::GetContentRegionAvail().x, style);
    std::string detail = formatDuration(a.technicalSeconds) + " tech of " +
                         formatDuration(a.contentSeconds) + " content (breaks not counted)";
    if (a.technicalShareOutside) {
        detail = (a.technicalShare < g.techShareMin ? "Below" : "Above") +
                 std::string(" the show's range. ") + detail;
    }
    wrapped(detail, a.technicalShareOutside ? colours::kWarning : colours::kTextDim);
}

void airtimeRows(const std::vector<Airtime>& rows, float limitPercent, const char* id) {
    ImGui::PushID(id);
    const float width = ImGui::GetContentRegionAvail().x;
    for (const Airtime& row : rows) {
        ImGui::PushID(row.key.c_str());
        const ImU32 colour = row.overLimit ? colours::kBad : colours::kAccent;
        const std::string right = formatDuration(row.seconds) + "  " + formatPercent(row.share, 0);
        const float rightWidth = ImGui::CalcTextSize(right.c_str()).x;
        const float gap = ImGui::GetFontSize();
        const float startX = ImGui::GetCursorPosX();
        const std::string label = row.overLimit ? "⚠ " + row.label : row.label;
        textTruncated(label, row.overLimit ? colours::kBad : 0, width - rightWidth - gap);
        ImGui::SameLine(startX + width - rightWidth);
        textColoured(right, row.overLimit ? colours::kBad : colours::kText);
        BarStyle style;
        style.fill = colour;
        style.height = ImGui::GetFontSize() * 0.3f;
        if (limitPercent > 0) style.markerFraction = limitPercent / 100.0f;
        bar(static_cast<float>(row.share / 100.0), width, style);
        ImGui::Dummy(ImVec2(0, 1));
        ImGui::PopID();
    }
    ImGui::PopID();
}

void airtimeSection(const ViewContext& ctx, const RundownAnalysis& a) {
    const Guidelines& g = ctx.document.show->guidelines;
    const std::string companyHeader = "COMPANY AIRTIME  ·  limit " + formatPercent(g.maxCompanyShare, 0);
    sectionHeader(companyHeader.c_str());
    if (a.perCompany.empty()) {
        wrapped("No guest from a company.", colours::kTextDim);
    } else {
        airtimeRows(a.perCompany, static_cast<float>(g.maxCompanyShare), "companies");
        const auto over = std::count_if(a.perCompany.begin(), a.perCompany.end(),
                                        [](const Airtime& r) { return r.overLimit; });
        if (over > 0) {
            wrapped(std::to_string(over) + (over == 1 ? " company is" : " companies are") +
                        " over the limit: give other guests more time.",
                    colours::kBad);
        }
    }

    sectionHeader("SPEAKER AIRTIME");
    if (a.perSpeaker.empty()) {
        wrapped("No speakers assigned yet.", colours::kTextDim);
    } else {
        airtimeRows(a.perSpeaker, 0.0f, "speakers");
    }
}

void findingsSection(const RundownAnalysis& a) {
    const std::string header = "FINDINGS  ·  " + std::to_string(a.findings.size());
    sectionHeader(header.c_str());
    if (a.findings.empty()) {
        wrapped("✓ Nothing to fix: the rundown meets the show's guidelines.", colours::kGood);
        return;
    }
    for (std::size_t i = 0; i < a.findings.size(); ++i) {
        const Finding& f = a.findings[i];
        const bool warning = f.severity == Severity::Warning;
        textColoured(warning ? "⚠" : "•", warning ? colours::kWarning : colours::kAccent);
        ImGui::SameLine();
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(f.message.c_str());
        ImGui::PopTextWrapPos();
    }
}

}  // namespace

void drawTotals(ViewContext& ctx) {
    const RundownAnalysis& a = *ctx.document.analysis;
    lengthSection(ctx, a);
    ImGui::Spacing();
    endSection(ctx, a);
    ImGui::Spacing();
    techSection(ctx, a);
    ImGui::Spacing();
    airtimeSection(ctx, a);
    ImGui::Spacing();
    findingsSection(a);
}

}  // namespace pycast::ui
