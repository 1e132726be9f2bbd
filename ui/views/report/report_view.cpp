// The Report tab: a session's insights as ImGui charts — the same figures as `pycast insights`'
// HTML, Markdown and CSV (UI thread; the session is read on a worker thread).
#include "views/report/report_view.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "core/duration.hpp"
#include "live/insights_shared.hpp"  // the wording every output shares
#include "views/live/live_view.hpp"
#include "views/views.hpp"
#include "widgets/fonts.hpp"
#include "widgets/text_wrap.hpp"
#include "widgets/theme.hpp"
#include "widgets/widgets.hpp"

namespace pycast::ui {

namespace fs = std::filesystem;
using insights_detail::hardOutText;
using insights_detail::segmentStatus;
using insights_detail::signedDur;
using insights_detail::sourceText;

fs::path insightsFolderOf(const fs::path& sessionDir) { return sessionDir / "insights"; }

namespace {

float fractionOf(double value, double most) {
    return most > 0 ? static_cast<float>(std::clamp(value / most, 0.0, 1.0)) : 0.0f;
}

void heading(const ViewContext& ctx, const std::string& text) {
    ctx.requests.requestGlyphs(text);  // "摘要", "平衡": not in the show's own text
    ImGui::Spacing();
    ImGui::PushFont(ctx.fonts.font(FontRole::Heading));
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopFont();
}

void wrapped(const std::string& text, ImU32 colour = 0) {
    ImGui::PushTextWrapPos(0.0f);
    if (colour != 0)
        textColoured(text, colour);
    else
        ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
}

// A paragraph wrapped between words and between Chinese characters (never inside "15.0%"),
// as the summary is pasted elsewhere.
void paragraph(const std::string& text, ImU32 colour = 0) {
    const float width = ImGui::GetContentRegionAvail().x;
    const auto lines = wrapText(text, width, [](std::string_view t) {
        return ImGui::CalcTextSize(t.data(), t.data() + t.size()).x;
    });
    for (const std::string& line : lines) {
        if (colour != 0)
            textColoured(line, colour);
        else
            ImGui::TextUnformatted(line.c_str());
    }
}

// A fact line: a dim label, then the figure.
void fact(const char* label, const std::string& value, ImU32 colour = 0) {
    textColoured(label, colours::kTextDim);
    ImGui::SameLine(ImGui::GetFontSize() * 11.0f);
    if (colour != 0)
        textColoured(value, colour);
    else
        ImGui::TextUnformatted(value.c_str());
}

void summarySection(const ViewContext& ctx, const SessionInsights& s) {
    heading(ctx, "Summary 摘要");
    paragraph(s.summaryZh);
    ImGui::Spacing();
    paragraph(s.summaryEn, colours::kTextDim);
    ImGui::Spacing();
    if (ImGui::SmallButton("Copy 中文 summary")) ImGui::SetClipboardText(s.summaryZh.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("Copy English summary")) ImGui::SetClipboardText(s.summaryEn.c_str());
    ImGui::SameLine();
    textColoured("paste it into the team's HackMD as it is", colours::kTextDim);
}

void timeSection(const ViewContext& ctx, const SessionInsights& s) {
    const TimeInsights& t = s.time;
    heading(ctx, "Time 時間");
    if (!t.started) {
        textColoured("The show never went on air in this session.", colours::kTextDim);
        return;
    }
    fact("Planned", formatDurationMs(t.plannedTotalMs));
    fact("Actual (on air)", formatDurationMs(t.actualTotalMs));
    const bool over = t.differenceMs > 0;
    fact("Over / under", signedDur(t.differenceMs) + (over ? " over" : t.differenceMs < 0 ? " under" : " on time"),
         over ? colours::kBad : colours::kGood);
    if (t.pausedMs > 0) fact("On hold", formatDurationMs(t.pausedMs));
    fact("Hard out", hardOutText(t),
         !t.hardOutMarginMs ? 0 : t.hardOutKept() ? colours::kGood : colours::kBad);
    if (!t.ended) textColoured("The session did not end: figures as of its last event.", colours::kWarning);
    ImGui::Spacing();
    textColoured("Planned (grey) vs actual per segment", colours::kTextDim);
    std::int64_t most = 0;
    for (const SegmentReportRow& r : t.segments) most = std::max({most, r.plannedMs, r.actualMs});
    const float f = ImGui::GetFontSize();
    if (!ImGui::BeginTable("##segments", 4, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg))
        return;
    ImGui::TableSetupColumn("Segment", ImGuiTableColumnFlags_WidthFixed, f * 14.0f);
    ImGui::TableSetupColumn("bars", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Planned → actual", ImGuiTableColumnFlags_WidthFixed, f * 8.5f);
    ImGui::TableSetupColumn("Difference", ImGuiTableColumnFlags_WidthFixed, f * 9.0f);
    for (const SegmentReportRow& r : t.segments) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        textTruncated(std::to_string(r.number) + ". " + r.title, 0, f * 14.0f);
        ImGui::TableNextColumn();
        const float w = ImGui::GetContentRegionAvail().x;
        BarStyle plan;
        plan.fill = colours::kTextDim;
        plan.height = f * 0.3f;
        bar(fractionOf(static_cast<double>(r.plannedMs), static_cast<double>(most)), w, plan);
        BarStyle actual;
        actual.fill = r.differenceMs > kOnTimeToleranceMs ? colours::kBad : colours::kAccent;
        actual.height = f * 0.45f;
        bar(fractionOf(static_cast<double>(r.actualMs), static_cast<double>(most)), w, actual);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(
            (formatDurationMs(r.plannedMs) + " → " + formatDurationMs(r.actualMs)).c_str());
        ImGui::TableNextColumn();
        const std::string status = segmentStatus(r);
        textColoured(r.visits > 0 ? signedDur(r.differenceMs) + " " + status : status,
                     r.differenceMs > kOnTimeToleranceMs ? colours::kBad : colours::kTextDim);
    }
    ImGui::EndTable();
}

std::vector<LabelledBar> airtimeBars(const std::vector<AirtimeInsightRow>& rows, double limit,
                                     bool companies) {
    double most = limit;
    for (const AirtimeInsightRow& r : rows) most = std::max({most, r.actualPercent, r.plannedPercent});
    most = std::max(most * 1.1, 1.0);
    std::vector<LabelledBar> out;
    for (const AirtimeInsightRow& r : rows) {
        LabelledBar b;
        b.label = companies || r.company.empty() ? r.name : r.name + " · " + r.company;
        b.fraction = fractionOf(r.actualPercent, most);
        b.value = formatDurationMs(r.actualMs) + " · " + formatInsightPercent(r.actualPercent) +
                  "  (plan " + formatInsightPercent(r.plannedPercent) + ")";
        b.style.fill = r.overLimit ? colours::kBad : colours::kAccent;
        b.style.markerFraction = fractionOf(r.plannedPercent, most);
        if (companies && limit > 0) {
            // The allowed share as a band: the bar leaving it is the advert the organisers fear.
            b.style.bandFrom = 0.0f;
            b.style.bandTo = fractionOf(limit, most);
        }
        b.valueColour = r.overLimit ? colours::kBad : 0;
        out.push_back(std::move(b));
    }
    return out;
}

void balanceSection(const ViewContext& ctx, const SessionInsights& s) {
    const BalanceInsights& b = s.balance;
    heading(ctx, "Balance 平衡");
    wrapped(sourceText(b.source),
            b.source == BalanceSource::Measured ? colours::kTextDim : colours::kWarning);
    ImGui::Spacing();
    if (!b.companies.empty()) {
        textColoured("Airtime per company (of guests' airtime): bar actual, white line plan, green "
                     "band up to the limit of " +
                         formatInsightPercent(b.maxCompanySharePercent),
                     colours::kTextDim);
        labelledBars("##companies", airtimeBars(b.companies, b.maxCompanySharePercent, true), 14.0f);
        if (const AirtimeInsightRow* over = b.companyOverLimit())
            wrapped(over->name + " had " + formatInsightPercent(over->actualPercent) +
                        " of the guests' airtime, over the show's " +
                        formatInsightPercent(b.maxCompanySharePercent) + " limit.",
                    colours::kBad);
    }
    if (!b.speakers.empty()) {
        ImGui::Spacing();
        textColoured("Airtime per speaker (of all speakers'): bar actual, white line plan",
                     colours::kTextDim);
        labelledBars("##speakers", airtimeBars(b.speakers, 0.0, false), 18.0f);
    }
    ImGui::Spacing();
    if (b.contentActualMs > 0) {
        textColoured("Technical share: bar actual, white line plan, green band the show's range",
                     colours::kTextDim);
        LabelledBar tech;
        tech.label = "Technical";
        tech.fraction = static_cast<float>(b.technicalActualPercent / 100.0);
        tech.value = formatInsightPercent(b.technicalActualPercent) + "  (plan " +
                     formatInsightPercent(b.technicalPlannedPercent) + ", range " +
                     formatInsightPercent(b.techShareMinPercent) + "–" +
                     formatInsightPercent(b.techShareMaxPercent) + ")";
        tech.style.fill = b.technicalOutside() ? colours::kWarning : colours::kAccent;
        tech.style.markerFraction = static_cast<float>(b.technicalPlannedPercent / 100.0);
        tech.style.bandFrom = static_cast<float>(b.techShareMinPercent / 100.0);
        tech.style.bandTo = static_cast<float>(b.techShareMaxPercent / 100.0);
        tech.valueColour = b.technicalOutside() ? colours::kWarning : 0;
        labelledBars("##technical", {tech});
    }
}

std::vector<LabelledBar> tallyBars(const std::vector<QuestionTally>& rows) {
    int most = 0;
    for (const QuestionTally& t : rows) most = std::max(most, t.asked);
    std::vector<LabelledBar> out;
    for (const QuestionTally& t : rows) {
        LabelledBar b;
        b.label = t.label;
        b.fraction = fractionOf(t.asked, most);
        b.value = std::to_string(t.asked) + " asked · " + std::to_string(t.answered) + " answered";
        b.style.fill = colours::kAccent;
        b.style.markerFraction = t.answered > 0 ? fractionOf(t.answered, most) : -1.0f;
        out.push_back(std::move(b));
    }
    return out;
}

void audienceSection(const ViewContext& ctx, const SessionInsights& s) {
    const AudienceInsights& a = s.audience;
    heading(ctx, "Audience 觀眾");
    fact("Devices", std::to_string(a.devicesOpened) + " opened the page · " +
                        std::to_string(a.devicesAsked) + " asked · " +
                        std::to_string(a.devicesVoted) + " voted");
    const QuestionTally& q = a.questions;
    fact("Questions", std::to_string(q.asked) + " asked · " + std::to_string(q.approved) +
                          " approved · " + std::to_string(q.answered) + " answered · " +
                          std::to_string(q.dismissed) + " dismissed");
    fact("Answered", std::to_string(a.answeredInShow) + " within the show · " +
                         std::to_string(a.leftOver) + " left over");
    fact("Median wait",
         a.medianWaitMs ? formatDurationMs(*a.medianWaitMs) + " from submission to answer (" +
                              std::to_string(a.waitedQuestions) + " questions)"
                        : std::string("none answered"));
    if (!a.topics.empty()) {
        ImGui::Spacing();
        textColoured("Questions per topic: bar asked, white line answered", colours::kTextDim);
        labelledBars("##topics", tallyBars(a.topics), 12.0f);
    }
    if (!a.guests.empty()) {
        ImGui::Spacing();
        textColoured("Questions per guest", colours::kTextDim);
        labelledBars("##guests", tallyBars(a.guests), 16.0f);
    }
    for (const PollInsight& p : a.polls) {
        ImGui::PushID(p.id.c_str());
        ImGui::Spacing();
        ImGui::PushFont(ctx.fonts.font(FontRole::Bold));
        wrapped("Poll: " + p.question);
        ImGui::PopFont();
        textColoured(p.state + " · " + std::to_string(p.totalVotes) +
                         (p.totalVotes == 1 ? " vote" : " votes") +
                         (p.winner.empty() ? std::string() : " · most votes: " + p.winner),
                     colours::kTextDim);
        int most = 0;
        for (const PollOptionInsight& o : p.options) most = std::max(most, o.votes);
        std::vector<LabelledBar> rows;
        for (const PollOptionInsight& o : p.options) {
            LabelledBar b;
            b.label = o.label;
            b.fraction = fractionOf(o.votes, most);
            b.value = std::to_string(o.votes) + " · " + formatInsightPercent(o.percent);
            b.style.fill = o.winner ? colours::kAccent : colours::kTextDim;
            rows.push_back(std::move(b));
        }
        labelledBars("##poll", rows);
        ImGui::PopID();
    }
}

// Starts reading `dir` on a worker; the frame loop keeps drawing meanwhile.
void startLoading(ReportViewState& r, const fs::path& dir) {
    r.loading = dir;
    r.error.clear();
    r.written.clear();
    r.pending = std::async(std::launch::async, [dir] { return loadSessionInsights(dir); });
}

void pollLoading(ReportViewState& r) {
    if (!r.pending.valid()) return;
    if (r.pending.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
    Result<SessionInsights> loaded = r.pending.get();
    r.warnings = loaded.warnings;
    r.settleFrames = 6;
    if (loaded.ok()) {
        r.shown = std::move(*loaded);
        r.folderDraft = r.loading.string();
    } else {
        r.error = loaded.error().message();
    }
    r.loading.clear();
}

void toolbar(ViewContext& ctx, ReportViewState& r) {
    const Session* live = ctx.live && ctx.live->controller.hasSession() ? ctx.live->controller.session()
                                                                        : nullptr;
    const bool busy = r.pending.valid();
    ImGui::AlignTextToFramePadding();
    textColoured("Session folder", colours::kTextDim);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 30.0f);
    const bool entered = ImGui::InputTextWithHint("##report-folder", "sessions/2026-11-25-pycast-ep12",
                                                  &r.folderDraft, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    ImGui::BeginDisabled(busy || r.folderDraft.empty());
    if (ImGui::Button("Open") || (entered && !r.folderDraft.empty())) r.wanted = fs::path(r.folderDraft);
    ImGui::EndDisabled();
    if (live) {
        ImGui::SameLine();
        ImGui::BeginDisabled(busy);
        if (ImGui::Button("The live session")) r.wanted = live->dir();
        ImGui::EndDisabled();
    }
    if (r.shown) {
        ImGui::SameLine();
        ImGui::BeginDisabled(busy);
        if (ImGui::Button("Reload")) r.wanted = r.shown->dir;
        ImGui::SameLine();
        if (ImGui::Button("Write HTML, Markdown and CSV")) {
            Result<std::vector<fs::path>> w =
                writeInsightsFiles(insightsFolderOf(r.shown->dir), *r.shown);
            if (w.ok()) {
                r.written = *w;
                r.error.clear();
            } else {
                r.error = w.error().message();
            }
        }
        ImGui::EndDisabled();
    }
    if (busy) textColoured("Reading " + r.loading.string() + " and measuring its tracks…", colours::kTextDim);
    if (!r.error.empty()) wrapped(r.error, colours::kBad);
    for (const std::string& w : r.warnings) wrapped("warning: " + w, colours::kWarning);
    if (!r.written.empty()) {
        textColoured("Wrote " + std::to_string(r.written.size()) + " files in " +
                         insightsFolderOf(r.shown->dir).string(),
                     colours::kGood);
        ImGui::SameLine();
        const std::string folder = insightsFolderOf(r.shown->dir).string();
        if (ImGui::SmallButton("Copy folder path")) ImGui::SetClipboardText(folder.c_str());
    }
}

}  // namespace

void drawReportView(ViewContext& ctx) {
    ReportViewState& r = ctx.ui.report;
    if (r.wanted && !r.pending.valid()) startLoading(r, *std::exchange(r.wanted, std::nullopt));
    pollLoading(r);
    if (r.pending.valid()) ctx.requests.requestFrameRate(5.0);  // until the worker is done
    if (r.settleFrames > 0) {
        --r.settleFrames;
        ctx.requests.requestFrameRate(30.0);
    }
    toolbar(ctx, r);
    ImGui::Separator();
    if (!r.shown) {
        if (!r.pending.valid())
            wrapped("Open a session folder (or the live session) to see what the show achieved: "
                    "planned vs actual time, the hard out, airtime per company and speaker against "
                    "the plan and the show's limit, the technical share, the audience's devices, "
                    "questions and polls, and a summary to paste. `pycast insights` writes the "
                    "same as HTML, Markdown and CSV, and compares a series.",
                    colours::kTextDim);
        return;
    }
    const SessionInsights& s = *r.shown;
    ctx.requests.requestGlyphs(s.title);
    ctx.requests.requestGlyphs(s.summaryZh);
    for (const SegmentReportRow& row : s.time.segments) ctx.requests.requestGlyphs(row.title);
    for (const AirtimeInsightRow& row : s.balance.speakers) ctx.requests.requestGlyphs(row.name + row.company);
    for (const AirtimeInsightRow& row : s.balance.companies) ctx.requests.requestGlyphs(row.name);
    for (const QuestionTally& t : s.audience.topics) ctx.requests.requestGlyphs(t.label);
    for (const QuestionTally& t : s.audience.guests) ctx.requests.requestGlyphs(t.label);
    for (const PollInsight& p : s.audience.polls) {
        ctx.requests.requestGlyphs(p.question);
        for (const PollOptionInsight& o : p.options) ctx.requests.requestGlyphs(o.label);
    }
    ImGui::BeginChild("##report-body");
    heading(ctx, insightsHeading(s));
    textColoured(s.date + " · " + s.dir.string(), colours::kTextDim);
    summarySection(ctx, s);
    timeSection(ctx, s);
    balanceSection(ctx, s);
    audienceSection(ctx, s);
    ImGui::EndChild();
}

}  // namespace pycast::ui
