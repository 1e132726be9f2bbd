// The insights of a session as Markdown (for HackMD) and CSV tables (for spreadsheets), and the
// files written from them (pure renderers; the writer does file I/O on the caller's thread).
#include <cstdio>

#include "core/duration.hpp"
#include "core/text.hpp"
#include "io/atomic_file.hpp"
#include "io/csv.hpp"
#include "io/markdown.hpp"
#include "live/insights.hpp"
#include "live/insights_shared.hpp"

namespace pycast {

namespace insights_detail {

std::string signedDur(std::int64_t ms) {
    if (ms / 1000 == 0) return formatDurationMs(0);
    return (ms > 0 ? "+" : "-") + formatDurationMs(ms < 0 ? -ms : ms);
}

std::string segmentStatus(const SegmentReportRow& row) {
    if (row.status == SegmentStatus::Skipped) return "skipped";
    if (row.status == SegmentStatus::Upcoming) return "not run";
    return overUnderWord(row.differenceMs);
}

std::string hardOutText(const TimeInsights& t) {
    auto tod = [](std::int64_t ms) { return formatTimeOfDay(ms / 1000); };
    if (!t.started)
        return t.plannedHardOutTodMs ? "planned " + tod(*t.plannedHardOutTodMs) + " (not run)"
                                     : "none";
    if (!t.hardOutTodMs) return "none";
    const std::string moved =
        t.hardOutMoved() ? "; " + tod(*t.plannedHardOutTodMs) + " in the show, moved with the " +
                               (t.scheduleShiftMs < 0 ? "early" : "late") + " start"
                         : "";
    const std::string at = tod(*t.hardOutTodMs);
    if (!t.hardOutMarginMs) return "not known: the session did not end (" + at + moved + ")";
    if (t.hardOutKept())
        return "kept (" + at + ", " + formatDurationMs(*t.hardOutMarginMs) + " to spare" + moved +
               ")";
    return "missed (" + at + ", by " + formatDurationMs(-*t.hardOutMarginMs) + moved + ")";
}

bool ranOnAir(const SegmentReportRow& row) {
    return row.status != SegmentStatus::Upcoming && row.status != SegmentStatus::Skipped;
}

std::string rowDifferenceText(const SegmentReportRow& row) {
    return ranOnAir(row) ? signedDur(row.differenceMs) : "–";
}

std::string overUnderText(const TimeInsights& t) {
    return t.started ? overUnderWord(t.differenceMs) : "not run";
}

std::string differenceText(const TimeInsights& t) {
    return t.started ? signedDur(t.differenceMs) : "not run";
}

std::string sourceText(BalanceSource s) {
    return s == BalanceSource::Measured
               ? "measured from the recording (voice activity per microphone)"
               : "plan-based on actual segment times: each segment's actual time shared equally by "
                 "its planned speakers (no recording; not a measurement)";
}

std::string csvSecondsOf(std::int64_t ms) { return std::to_string(ms / 1000); }
std::string csvPercent(double p) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", roundPercent(p));
    return buf;
}

std::string sessionLabel(const SessionInsights& s) {
    return (s.date.empty() ? std::string() : s.date + " ") + insightsHeading(s);
}

}  // namespace insights_detail

using namespace insights_detail;

namespace {

std::string tallyRow(const std::string& label, const QuestionTally& t) {
    std::string md = "| " + markdownCell(label) + " |";
    for (int n : {t.asked, t.pending, t.approved, t.answered, t.dismissed, t.merged})
        md += " " + std::to_string(n) + " |";
    return md + "\n";
}

const char* kTallyHeader =
    " | Asked | Pending | Approved | Answered | Dismissed | Merged "
    "|\n|---|---:|---:|---:|---:|---:|---:|\n";

}  // namespace

std::string renderInsightsMarkdown(const SessionInsights& s) {
    const TimeInsights& t = s.time;
    const BalanceInsights& b = s.balance;
    const AudienceInsights& a = s.audience;
    std::string md = "# 活動成效 Insights: " + markdownLine(insightsHeading(s)) + "\n\n";
    if (!s.date.empty()) md += "- Date: " + s.date + "\n";
    if (t.startTodMs && t.endTodMs)
        md += "- On air: " + formatTimeOfDay(*t.startTodMs / 1000) + " to " +
              formatTimeOfDay(*t.endTodMs / 1000) + "\n";
    if (t.started && !t.ended)
        md += "- **The session did not end** (interrupted); figures are as of its last event.\n";
    md += "\n## 摘要 Summary\n\n" + markdownCell(s.summaryZh) + "\n\n" + markdownCell(s.summaryEn) +
          "\n";

    md += "\n## 時間 Time\n\n";
    md += "- Planned: " + formatDurationMs(t.plannedTotalMs) +
          ", actual: " + formatDurationMs(t.actualTotalMs) + ", difference: " +
          (t.started ? signedDur(t.differenceMs) + " (" + overUnderWord(t.differenceMs) + ")"
                     : std::string("not run")) +
          "\n";
    if (t.pausedMs > 0)
        md += "- On hold: " + formatDurationMs(t.pausedMs) + " (not counted as actual time)\n";
    md += "- Hard out: " + hardOutText(t) + "\n\n";
    md +=
        "| # | Segment | Kind | Planned | Actual | Difference | "
        "|\n|---:|---|---|---:|---:|---:|---|\n";
    for (const SegmentReportRow& row : t.segments)
        md += "| " + std::to_string(row.number) + " | " + markdownCell(row.title) + " | " +
              toName(row.kind) + " | " + formatDurationMs(row.plannedMs) + " | " +
              formatDurationMs(row.actualMs) + " | " + rowDifferenceText(row) + " | " +
              segmentStatus(row) + " |\n";
    md += "| | **Total** | | **" + formatDurationMs(t.plannedTotalMs) + "** | **" +
          formatDurationMs(t.actualTotalMs) + "** | **" + differenceText(t) + "** | " +
          overUnderText(t) + " |\n";

    md += "\n## 平衡 Balance\n\n";
    md += "Airtime source: **" + sourceText(b.source) + "**.\n\n";
    if (!b.companies.empty()) {
        md += "Companies (guests only; limit " + formatInsightPercent(b.maxCompanySharePercent) +
              " of the guests' airtime):\n\n";
        md +=
            "| Company | Planned | Planned share | Actual | Actual share | "
            "|\n|---|---:|---:|---:|---:|---|\n";
        for (const AirtimeInsightRow& c : b.companies)
            md += "| " + markdownCell(c.name) + " | " + formatDurationMs(c.plannedMs) + " | " +
                  formatInsightPercent(c.plannedPercent) + " | " + formatDurationMs(c.actualMs) +
                  " | " + formatInsightPercent(c.actualPercent) + " | " +
                  (!t.started    ? "not run"
                   : c.overLimit ? "**over the limit**"
                                 : "within the limit") +
                  " |\n";
        md += "\n";
    }
    if (!b.speakers.empty()) {
        md += "| Speaker | Company | Role | Planned | Planned share | Actual | Actual share |\n";
        md += "|---|---|---|---:|---:|---:|---:|\n";
        for (const AirtimeInsightRow& r : b.speakers)
            md += "| " + markdownCell(r.name) + " | " + markdownCell(r.company) + " | " +
                  toName(r.role) + " | " + formatDurationMs(r.plannedMs) + " | " +
                  formatInsightPercent(r.plannedPercent) + " | " + formatDurationMs(r.actualMs) +
                  " | " + formatInsightPercent(r.actualPercent) + " |\n";
        md += "\n";
    }
    if (b.contentActualMs == 0)
        md += "Technical share: none (no content time on air).\n";
    else
        md += "Technical share: " + formatInsightPercent(b.technicalActualPercent) +
              " of the content time (" + formatDurationMs(b.technicalActualMs) + " of " +
              formatDurationMs(b.contentActualMs) + "; planned " +
              formatInsightPercent(b.technicalPlannedPercent) + "; range " +
              formatInsightPercent(b.techShareMinPercent) + "–" +
              formatInsightPercent(b.techShareMaxPercent) +
              (b.technicalOutside() ? ", **outside the range**" : ", within the range") + ").\n";

    md += "\n## 觀眾 Audience\n\n";
    md += "- Devices that opened the audience page: " + std::to_string(a.devicesOpened) + "\n";
    md += "- Devices that asked: " + std::to_string(a.devicesAsked) + "\n";
    md += "- Devices that voted (questions or polls): " + std::to_string(a.devicesVoted) + "\n";
    md += "- Answered during the show: " + std::to_string(a.answeredInShow) +
          "; approved and left over: " + std::to_string(a.leftOver) + "\n";
    md += "- Median wait from submission to answer: " +
          (a.medianWaitMs
               ? formatDurationMs(*a.medianWaitMs) + " (over " + std::to_string(a.waitedQuestions) +
                     (a.waitedQuestions == 1 ? " question)" : " questions)")
               : std::string("none (no audience question was answered)")) +
          "\n\n";
    md += "| Questions" + std::string(kTallyHeader) + tallyRow("Total", a.questions);
    if (!a.topics.empty()) {
        md += "\n| Topic" + std::string(kTallyHeader);
        for (const QuestionTally& q : a.topics) md += tallyRow(q.label, q);
    }
    if (!a.guests.empty()) {
        md += "\n| For" + std::string(kTallyHeader);
        for (const QuestionTally& q : a.guests) md += tallyRow(q.label, q);
    }

    md += "\n## 投票 Polls\n\n";
    if (a.polls.empty()) md += "No poll was held.\n";
    for (const PollInsight& p : a.polls) {
        md += "### " + markdownLine(p.question) + "\n\n";
        md += "State: " + p.state + (p.fromShow ? " (prepared in the show)" : " (added live)") +
              "; votes: " + std::to_string(p.totalVotes) +
              "; winner: " + (p.winner.empty() ? std::string("none") : markdownCell(p.winner)) +
              "\n\n";
        md += "| Option | Votes | Share | |\n|---|---:|---:|---|\n";
        for (const PollOptionInsight& o : p.options)
            md += "| " + markdownCell(o.label) + " | " + std::to_string(o.votes) + " | " +
                  formatInsightPercent(o.percent) + " | " + (o.winner ? "winner" : "") + " |\n";
        md += "\n";
    }
    return md;
}

std::vector<InsightsTable> renderInsightsCsv(const SessionInsights& s) {
    const TimeInsights& t = s.time;
    const BalanceInsights& b = s.balance;
    const AudienceInsights& a = s.audience;
    std::vector<InsightsTable> out;

    CsvWriter time(true);
    time.row({"section", "number", "id", "title", "kind", "technical", "planned_s", "actual_s",
              "difference_s", "status"});
    for (std::size_t i = 0; i < t.segments.size(); ++i) {
        const SegmentReportRow& row = t.segments[i];
        const bool technical = i < t.segmentTechnical.size() && t.segmentTechnical[i];
        time.row({"segment", std::to_string(row.number), row.id, row.title, toName(row.kind),
                  technical ? "yes" : "no", csvSecondsOf(row.plannedMs), csvSecondsOf(row.actualMs),
                  ranOnAir(row) ? csvSecondsOf(row.differenceMs) : "", segmentStatus(row)});
    }
    time.row({"total", "", "", "", "", "", csvSecondsOf(t.plannedTotalMs),
              csvSecondsOf(t.actualTotalMs), t.started ? csvSecondsOf(t.differenceMs) : "",
              overUnderText(t)});
    out.push_back({"insights-time.csv", time.text()});

    CsvWriter air(true);
    air.row({"section", "key", "name", "company", "role", "planned_s", "planned_percent",
             "actual_s", "actual_percent", "limit_percent", "over_limit", "source"});
    for (const AirtimeInsightRow& r : b.speakers)
        air.row({"speaker", r.key, r.name, r.company, toName(r.role), csvSecondsOf(r.plannedMs),
                 csvPercent(r.plannedPercent), csvSecondsOf(r.actualMs),
                 csvPercent(r.actualPercent), "", "", toName(b.source)});
    for (const AirtimeInsightRow& c : b.companies)
        air.row({"company", c.key, c.name, c.name, "", csvSecondsOf(c.plannedMs),
                 csvPercent(c.plannedPercent), csvSecondsOf(c.actualMs),
                 csvPercent(c.actualPercent), csvPercent(b.maxCompanySharePercent),
                 t.started ? (c.overLimit ? "yes" : "no") : "", toName(b.source)});
    air.row({"technical", "", "technical share", "", "", "", csvPercent(b.technicalPlannedPercent),
             csvSecondsOf(b.technicalActualMs), csvPercent(b.technicalActualPercent),
             csvPercent(b.techShareMinPercent) + "-" + csvPercent(b.techShareMaxPercent),
             b.technicalOutside() ? "yes" : "no", "segment-times"});
    out.push_back({"insights-airtime.csv", air.text()});

    CsvWriter q(true);
    q.row({"section", "id", "label", "asked", "pending", "approved", "answered", "dismissed",
           "merged"});
    auto tally = [&](const char* section, const QuestionTally& x, const std::string& label) {
        q.row({section, x.id, label, std::to_string(x.asked), std::to_string(x.pending),
               std::to_string(x.approved), std::to_string(x.answered), std::to_string(x.dismissed),
               std::to_string(x.merged)});
    };
    tally("total", a.questions, "Total");
    for (const QuestionTally& x : a.topics) tally("topic", x, x.label);
    for (const QuestionTally& x : a.guests) tally("guest", x, x.label);
    out.push_back({"insights-questions.csv", q.text()});

    CsvWriter polls(true);
    polls.row({"poll_id", "question", "state", "from_show", "option", "votes", "percent", "winner",
               "total_votes"});
    for (const PollInsight& p : a.polls)
        for (const PollOptionInsight& o : p.options)
            polls.row({p.id, p.question, p.state, p.fromShow ? "yes" : "no", o.label,
                       std::to_string(o.votes), csvPercent(o.percent), o.winner ? "yes" : "no",
                       std::to_string(p.totalVotes)});
    out.push_back({"insights-polls.csv", polls.text()});

    CsvWriter sum(true);
    sum.row({"figure", "value"});
    auto fact = [&](const std::string& name, const std::string& value) { sum.row({name, value}); };
    fact("session", sessionLabel(s));
    fact("ended", t.ended ? "yes" : "no");
    fact("planned_total_s", csvSecondsOf(t.plannedTotalMs));
    fact("actual_total_s", csvSecondsOf(t.actualTotalMs));
    fact("started", t.started ? "yes" : "no");
    fact("difference_s", t.started ? csvSecondsOf(t.differenceMs) : "");
    fact("over_under", overUnderText(t));
    fact("on_hold_s", csvSecondsOf(t.pausedMs));
    fact("hard_out", t.hardOutTodMs ? formatTimeOfDay(*t.hardOutTodMs / 1000) : "");
    fact("hard_out_planned",
         t.plannedHardOutTodMs ? formatTimeOfDay(*t.plannedHardOutTodMs / 1000) : "");
    fact("hard_out_margin_s", t.hardOutMarginMs ? csvSecondsOf(*t.hardOutMarginMs) : "");
    fact("hard_out_kept", t.hardOutMarginMs ? (t.hardOutKept() ? "yes" : "no") : "");
    fact("balance_source", toName(b.source));
    fact("max_company_share_percent", csvPercent(b.maxCompanySharePercent));
    const bool top = t.started && !b.topCompanies().empty();
    fact("top_company", top ? b.topCompanyNames() : "");
    fact("top_company_percent", top ? csvPercent(b.topCompanies().front()->actualPercent) : "");
    fact("technical_actual_percent", csvPercent(b.technicalActualPercent));
    fact("technical_planned_percent", csvPercent(b.technicalPlannedPercent));
    fact("technical_range_percent",
         csvPercent(b.techShareMinPercent) + "-" + csvPercent(b.techShareMaxPercent));
    fact("devices_opened", std::to_string(a.devicesOpened));
    fact("devices_asked", std::to_string(a.devicesAsked));
    fact("devices_voted", std::to_string(a.devicesVoted));
    fact("questions_asked", std::to_string(a.questions.asked));
    fact("questions_approved", std::to_string(a.questions.approved));
    fact("questions_answered", std::to_string(a.questions.answered));
    fact("questions_dismissed", std::to_string(a.questions.dismissed));
    fact("questions_merged", std::to_string(a.questions.merged));
    fact("questions_pending", std::to_string(a.questions.pending));
    fact("answered_in_show", std::to_string(a.answeredInShow));
    fact("left_over", std::to_string(a.leftOver));
    fact("median_wait_s", a.medianWaitMs ? csvSecondsOf(*a.medianWaitMs) : "");
    fact("polls", std::to_string(a.polls.size()));
    fact("summary_zh", s.summaryZh);
    fact("summary_en", s.summaryEn);
    out.push_back({"insights-summary.csv", sum.text()});
    return out;
}

namespace insights_detail {

Result<std::vector<std::filesystem::path>> writeAll(const std::filesystem::path& dir,
                                                    const std::vector<InsightsTable>& files) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec)
        return Error{"cannot create the folder (" + ec.message() + ")", dir.string(),
                     "pick a folder you can write to with --out"};
    std::vector<std::filesystem::path> written;
    for (const InsightsTable& f : files) {
        Status st = writeFileAtomically(dir / f.fileName, f.text, false);
        if (!st.ok()) return st.error();
        written.push_back(dir / f.fileName);
    }
    return written;
}

}  // namespace insights_detail

Result<std::vector<std::filesystem::path>> writeInsightsFiles(const std::filesystem::path& dir,
                                                              const SessionInsights& s) {
    std::vector<InsightsTable> files{{"insights.html", renderInsightsHtml(s)},
                                     {"insights.md", renderInsightsMarkdown(s)}};
    for (InsightsTable& t : renderInsightsCsv(s)) files.push_back(std::move(t));
    return writeAll(dir, files);
}

}  // namespace pycast
