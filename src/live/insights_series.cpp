// Insights across a series of sessions: episodes side by side, companies' airtime so far,
// audience per event, polls over time, unreadable sessions named (pure; any thread, but the
// writer does file I/O).
#include <algorithm>
#include <map>

#include "core/duration.hpp"
#include "io/csv.hpp"
#include "io/markdown.hpp"
#include "live/insights.hpp"
#include "live/insights_shared.hpp"

namespace pycast {

using namespace insights_detail;

namespace {

std::string pct(double v) { return formatInsightPercent(v); }
std::string dur(std::int64_t ms) { return formatDurationMs(ms < 0 ? -ms : ms); }

// A folder name as a relative URL path segment: bytes outside RFC 3986's unreserved set
// percent-encoded (a space, '#', '?', '%'; UTF-8 bytes too, which every browser reads back).
std::string percentEncodedPath(const std::string& name) {
    static const char* kHex = "0123456789ABCDEF";
    std::string out;
    for (char c : name) {
        const auto b = static_cast<unsigned char>(c);
        if ((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') ||
            b == '-' || b == '_' || b == '.' || b == '~') {
            out += c;
        } else {
            out += '%';
            out += kHex[b >> 4];
            out += kHex[b & 15];
        }
    }
    return out;
}

// A session in a chart's label or a column's heading: "2026-11-25 EP3", else the date and the
// title ("2026-11-25 Meetup"), short enough to tell episodes apart at a glance.
std::string shortLabel(const SessionInsights& x) {
    std::string out = x.date;
    if (x.episode) return out + (out.empty() ? "" : " ") + "EP" + std::to_string(*x.episode);
    const std::string name = x.title.empty() ? insightsHeading(x) : x.title;
    return out + (out.empty() ? "" : " ") + name;
}

std::string hardOutShort(const TimeInsights& t) {
    if (!t.started) return t.plannedHardOutTodMs ? "not run" : "none";
    if (!t.hardOutTodMs) return "none";
    if (!t.hardOutMarginMs) return "not known (did not end)";
    return t.hardOutKept() ? "kept" : "missed by " + dur(*t.hardOutMarginMs);
}

// The companies sharing rank 1, joined with " / ".
std::string seriesLeaders(const SeriesInsights& s) {
    std::string out;
    for (const SeriesCompany& c : s.companies)
        if (c.rank == 1) out += (out.empty() ? "" : " / ") + c.name;
    return out;
}

std::size_t leaderCount(const SeriesInsights& s) {
    return static_cast<std::size_t>(
        std::count_if(s.companies.begin(), s.companies.end(),
                      [](const SeriesCompany& c) { return c.rank == 1; }));
}

// How the sessions kept time: both summaries say the same figures.
struct TimeTally {
    int over = 0;
    int under = 0;
    int notRun = 0;    // never went on air
    int hardOuts = 0;  // sessions with a hard out
    int kept = 0;      // … that kept it
};

TimeTally timeTally(const SeriesInsights& s) {
    TimeTally t;
    for (const SessionInsights& x : s.sessions) {
        const std::string w = overUnderText(x.time);
        t.notRun += w == "not run";
        t.over += w == "over";
        t.under += w == "under";
        if (x.time.hardOutTodMs && x.time.hardOutMarginMs) {
            ++t.hardOuts;
            t.kept += x.time.hardOutKept();
        }
    }
    return t;
}

std::string seriesSummaryEn(const SeriesInsights& s) {
    const std::size_t n = s.sessions.size();
    std::string out;
    if (n == 0) {
        out = "No session could be read.";
    } else {
        out = "Across " + std::to_string(n) + (n == 1 ? " session" : " sessions") + " (" +
              s.sessions.front().date + (n > 1 ? " to " + s.sessions.back().date : std::string()) +
              "): ";
        const auto [over, under, notRun, hardOuts, kept] = timeTally(s);
        out += std::to_string(over) + " ran over, " + std::to_string(under) + " under, " +
               std::to_string(static_cast<int>(n) - over - under - notRun) + " on time";
        if (notRun > 0) out += ", " + std::to_string(notRun) + " never went on air";
        const SessionInsights& last = s.sessions.back();
        const std::string lastWord = overUnderText(last.time);
        out += "; the latest " + (lastWord == "not run" ? std::string("never went on air")
                                  : lastWord == "on time"
                                      ? std::string("ran on time")
                                      : "ran " + dur(last.time.differenceMs) + " " + lastWord);
        if (hardOuts > 0)
            out += "; the hard out was kept " + std::to_string(kept) + " of " +
                   std::to_string(hardOuts) + " times";
        out += ".";
        if (!s.companies.empty()) {
            const SeriesCompany& top = s.companies.front();
            const std::size_t tied = leaderCount(s);
            out +=
                " " + seriesLeaders(s) +
                (tied > 1 ? " are tied for the most guests' airtime so far: " + dur(top.actualMs) +
                                " each, " + pct(top.percent) + " of the series each"
                          : " has had the most guests' airtime so far: " + dur(top.actualMs) +
                                ", " + pct(top.percent) + " of the series");
            if (s.companies.size() > tied)
                out += " (then " + s.companies[tied].name + ", " + pct(s.companies[tied].percent) +
                       ")";
            out += ".";
            if (s.mixedSources)
                out += " Some sessions had no recording: their airtime is estimated from the plan.";
        }
        int opened = 0, asked = 0;
        for (const SessionInsights& x : s.sessions) {
            opened += x.audience.devicesOpened;
            asked += x.audience.questions.asked;
        }
        out += " The audience page was opened by " + std::to_string(opened) + " devices and " +
               std::to_string(asked) + " questions were asked in all.";
    }
    // The reasons are long (a file, a line, a parser's words): the paragraph only names the
    // folders; every output lists the reasons beside it.
    for (const SeriesFailure& f : s.failures)
        out += " Not included (cannot be read): " + f.dir.filename().string() + ".";
    return out;
}

std::string seriesSummaryZh(const SeriesInsights& s) {
    const std::size_t n = s.sessions.size();
    std::string out;
    if (n == 0) {
        out = "沒有可讀取的場次。";
    } else {
        out = "共 " + std::to_string(n) + " 場（" + s.sessions.front().date +
              (n > 1 ? " 至 " + s.sessions.back().date : std::string()) + "）：";
        const auto [over, under, notRun, hardOuts, kept] = timeTally(s);
        out += std::to_string(over) + " 場超時、" + std::to_string(under) + " 場提早、" +
               std::to_string(static_cast<int>(n) - over - under - notRun) + " 場準時";
        if (notRun > 0) out += "、" + std::to_string(notRun) + " 場未開播";
        const SessionInsights& last = s.sessions.back();
        const std::string w = overUnderText(last.time);
        out += "；最近一場" + (w == "over"      ? "超時 " + dur(last.time.differenceMs)
                               : w == "under"   ? "提早 " + dur(last.time.differenceMs)
                               : w == "not run" ? std::string("未開播")
                                                : std::string("準時"));
        if (hardOuts > 0)
            out += "；" + std::to_string(hardOuts) + " 場中有 " + std::to_string(kept) +
                   " 場守住最晚結束時間";
        out += "。";
        if (!s.companies.empty()) {
            const SeriesCompany& top = s.companies.front();
            const std::size_t tied = leaderCount(s);
            out +=
                (tied > 1 ? "目前來賓發言時間並列最多的公司是 " : "目前來賓發言時間最多的公司是 ") +
                seriesLeaders(s) + "：" + (tied > 1 ? "各 " : "") + dur(top.actualMs) +
                "，占整個系列的 " + pct(top.percent);
            if (s.companies.size() > tied)
                out += "（其次是 " + s.companies[tied].name + "，" +
                       pct(s.companies[tied].percent) + "）";
            out += "。";
            if (s.mixedSources) out += "部分場次沒有錄音，其發言時間依企劃估算。";
        }
        int opened = 0, asked = 0;
        for (const SessionInsights& x : s.sessions) {
            opened += x.audience.devicesOpened;
            asked += x.audience.questions.asked;
        }
        out += "觀眾頁面共有 " + std::to_string(opened) + " 個裝置開啟，共收到 " +
               std::to_string(asked) + " 個問題。";
    }
    for (const SeriesFailure& f : s.failures)
        out += "未納入（無法讀取）：" + f.dir.filename().string() + "。";
    return out;
}

}  // namespace

SeriesInsights buildSeriesInsights(std::vector<SessionInsights> sessions,
                                   std::vector<SeriesFailure> failures) {
    SeriesInsights s;
    std::stable_sort(sessions.begin(), sessions.end(),
                     [](const SessionInsights& a, const SessionInsights& b) {
                         if (a.date != b.date) return a.date < b.date;
                         return a.dir.filename() < b.dir.filename();
                     });
    s.sessions = std::move(sessions);
    s.failures = std::move(failures);
    const std::size_t n = s.sessions.size();
    bool measured = false, planBased = false;
    std::map<std::string, SeriesCompany> byName;
    for (std::size_t i = 0; i < n; ++i) {
        const BalanceInsights& b = s.sessions[i].balance;
        (b.source == BalanceSource::Measured ? measured : planBased) = true;
        s.guestsActualMs += b.guestsActualMs;
        for (const AirtimeInsightRow& c : b.companies) {
            SeriesCompany& sc = byName[c.name];
            if (sc.sessionMs.empty()) {
                sc.name = c.name;
                sc.sessionMs.assign(n, 0);
                sc.sessionPercent.assign(n, std::nullopt);
            }
            sc.sessionMs[i] = c.actualMs;
            sc.sessionPercent[i] = c.actualPercent;
            sc.actualMs += c.actualMs;
        }
    }
    s.mixedSources = measured && planBased;
    for (auto& [name, c] : byName) {
        c.percent = s.guestsActualMs > 0 ? roundPercent(100.0 * static_cast<double>(c.actualMs) /
                                                        static_cast<double>(s.guestsActualMs))
                                         : 0.0;
        s.companies.push_back(std::move(c));
    }
    std::stable_sort(
        s.companies.begin(), s.companies.end(),
        [](const SeriesCompany& a, const SeriesCompany& b) { return a.actualMs > b.actualMs; });
    for (std::size_t i = 0; i < s.companies.size(); ++i)
        s.companies[i].rank = i > 0 && s.companies[i].actualMs == s.companies[i - 1].actualMs
                                  ? s.companies[i - 1].rank
                                  : static_cast<int>(i) + 1;
    s.summaryEn = seriesSummaryEn(s);
    s.summaryZh = seriesSummaryZh(s);
    return s;
}

std::vector<std::string> seriesSessionFolders(const SeriesInsights& s) {
    std::vector<std::string> names;
    std::map<std::string, int> used;
    for (const SessionInsights& x : s.sessions) {
        std::string name = x.dir.filename().string();
        if (name.empty() || name == "." || name == "..") name = "session";
        if (int n = ++used[name]; n > 1) name += "-" + std::to_string(n);
        names.push_back(std::move(name));
    }
    return names;
}

std::vector<std::string> seriesSessionLabels(const SeriesInsights& s, bool longForm) {
    std::vector<std::string> labels;
    std::map<std::string, int> count;
    for (const SessionInsights& x : s.sessions) {
        labels.push_back(longForm ? sessionLabel(x) : shortLabel(x));
        ++count[labels.back()];
    }
    const std::vector<std::string> folders = seriesSessionFolders(s);
    for (std::size_t i = 0; i < labels.size(); ++i)
        if (count[labels[i]] > 1) labels[i] += " (" + folders[i] + ")";
    return labels;
}

namespace {

// Each session's heading ("PyCast EP3: Title"), with its subfolder added when two sessions'
// labels would read the same.
std::vector<std::string> seriesHeadings(const SeriesInsights& s) {
    const std::vector<std::string> longLabels = seriesSessionLabels(s, true);
    const std::vector<std::string> folders = seriesSessionFolders(s);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < s.sessions.size(); ++i)
        out.push_back(insightsHeading(s.sessions[i]) + (longLabels[i] != sessionLabel(s.sessions[i])
                                                            ? " (" + folders[i] + ")"
                                                            : std::string()));
    return out;
}

}  // namespace

std::string renderSeriesMarkdown(const SeriesInsights& s) {
    const std::vector<std::string> headings = seriesHeadings(s);
    const std::vector<std::string> shortLabels = seriesSessionLabels(s, false);
    std::string md = "# 系列成效 Series insights\n\n## 摘要 Summary\n\n" +
                     markdownCell(s.summaryZh) + "\n\n" + markdownCell(s.summaryEn) + "\n";
    if (!s.failures.empty()) {
        md += "\n## Not included 未納入\n\n| Session | Reason |\n|---|---|\n";
        for (const SeriesFailure& f : s.failures)
            md += "| " + markdownCell(f.dir.string()) + " | " + markdownCell(f.reason) + " |\n";
    }
    md +=
        "\n## 各集 Episodes\n\n| Date | Session | Planned | Actual | Difference | | Hard out | "
        "Airtime |\n";
    md += "|---|---|---:|---:|---:|---|---|---|\n";
    for (std::size_t i = 0; i < s.sessions.size(); ++i) {
        const SessionInsights& x = s.sessions[i];
        md += "| " + x.date + " | " + markdownCell(headings[i]) + " | " +
              formatDurationMs(x.time.plannedTotalMs) + " | " +
              formatDurationMs(x.time.actualTotalMs) + " | " + differenceText(x.time) + " | " +
              overUnderText(x.time) + " | " + hardOutShort(x.time) + " | " +
              toName(x.balance.source) + " |\n";
    }

    md += "\n## 公司發言時間累計 Companies' airtime so far\n\n";
    md += "Guests' airtime summed over the sessions (" + formatDurationMs(s.guestsActualMs) +
          " in all)";
    md += s.mixedSources ? "; sessions without a recording count their plan-based estimate.\n\n"
                         : ".\n\n";
    md += "| Rank | Company | Airtime | Series share |";
    for (const std::string& label : shortLabels) md += " " + markdownCell(label) + " |";
    md += "\n|---:|---|---:|---:|";
    for (std::size_t i = 0; i < s.sessions.size(); ++i) md += "---:|";
    md += "\n";
    for (const SeriesCompany& c : s.companies) {
        md += "| " + std::to_string(c.rank) + " | " + markdownCell(c.name) + " | " +
              formatDurationMs(c.actualMs) + " | " + pct(c.percent) + " |";
        for (const auto& p : c.sessionPercent) md += " " + (p ? pct(*p) : std::string("–")) + " |";
        md += "\n";
    }

    md +=
        "\n## 觀眾參與 Audience per event\n\n| Date | Session | Opened | Asked (devices) | Voted "
        "(devices) | Questions | Answered | Left over | Median wait |\n";
    md += "|---|---|---:|---:|---:|---:|---:|---:|---:|\n";
    for (std::size_t i = 0; i < s.sessions.size(); ++i) {
        const SessionInsights& x = s.sessions[i];
        const AudienceInsights& a = x.audience;
        md += "| " + x.date + " | " + markdownCell(headings[i]) + " | " +
              std::to_string(a.devicesOpened) + " | " + std::to_string(a.devicesAsked) + " | " +
              std::to_string(a.devicesVoted) + " | " + std::to_string(a.questions.asked) + " | " +
              std::to_string(a.answeredInShow) + " | " + std::to_string(a.leftOver) + " | " +
              (a.medianWaitMs ? formatDurationMs(*a.medianWaitMs) : "none") + " |\n";
    }

    md += "\n## 投票 Polls over time\n\n";
    bool any = false;
    for (std::size_t i = 0; i < s.sessions.size(); ++i)
        for (const PollInsight& p : s.sessions[i].audience.polls) {
            const SessionInsights& x = s.sessions[i];
            if (!any)
                md +=
                    "| Date | Session | Poll | Votes | Winner | Results "
                    "|\n|---|---|---|---:|---|---|\n";
            any = true;
            std::string results;
            for (const PollOptionInsight& o : p.options)
                results += (results.empty() ? "" : "; ") + o.label + " " + std::to_string(o.votes) +
                           " (" + pct(o.percent) + ")";
            md += "| " + x.date + " | " + markdownCell(headings[i]) + " | " +
                  markdownCell(p.question) + " | " + std::to_string(p.totalVotes) + " | " +
                  markdownCell(p.winner.empty() ? "none" : p.winner) + " | " +
                  markdownCell(results) + " |\n";
        }
    if (!any) md += "No poll was held.\n";
    return md;
}

std::string renderSeriesHtml(const SeriesInsights& s) {
    auto td = [](const std::string& t) { return "<td>" + htmlEscape(t) + "</td>"; };
    auto tdn = [](const std::string& t) { return "<td class=\"n\">" + htmlEscape(t) + "</td>"; };
    auto th = [](const std::string& t) { return "<th>" + htmlEscape(t) + "</th>"; };
    auto thn = [](const std::string& t) { return "<th class=\"n\">" + htmlEscape(t) + "</th>"; };
    const std::vector<std::string> headings = seriesHeadings(s);
    const std::vector<std::string> shortLabels = seriesSessionLabels(s, false);
    const std::vector<std::string> longLabels = seriesSessionLabels(s, true);
    std::string h = "<header>\n<h1>系列成效 Series insights</h1>\n<p class=\"meta\">" +
                    htmlEscape(std::to_string(s.sessions.size()) + " sessions" +
                               (s.failures.empty() ? std::string()
                                                   : " · " + std::to_string(s.failures.size()) +
                                                         " not readable")) +
                    "</p>\n</header>\n";
    h += "<section class=\"summary\">\n<h2>摘要 Summary</h2>\n<p lang=\"zh-Hant\">" +
         htmlEscape(s.summaryZh) + "</p>\n<p lang=\"en\">" + htmlEscape(s.summaryEn) +
         "</p>\n</section>\n";
    if (!s.failures.empty()) {
        h += "<section>\n<h2>未納入 Not included</h2>\n<table>\n<tr>" + th("Session 場次") +
             th("Reason 原因") + "</tr>\n";
        for (const SeriesFailure& f : s.failures)
            h += "<tr>" + td(f.dir.string()) + "<td class=\"bad\">" + htmlEscape(f.reason) +
                 "</td></tr>\n";
        h += "</table>\n</section>\n";
    }

    h += "<section>\n<h2>各集 Episodes</h2>\n";
    std::vector<ChartGroup> eg;
    for (std::size_t i = 0; i < s.sessions.size(); ++i) {
        const SessionInsights& x = s.sessions[i];
        eg.push_back(
            {shortLabels[i],
             {static_cast<double>(x.time.plannedTotalMs / 1000),
              static_cast<double>(x.time.actualTotalMs / 1000)},
             {formatDurationMs(x.time.plannedTotalMs),
              formatDurationMs(x.time.actualTotalMs) + " (" + signedDur(x.time.differenceMs) + ")"},
             {"", x.time.differenceMs >= kOnTimeToleranceMs ? "over" : ""}});
    }
    h += "<figure>" +
         barChartSvg("chart-episodes", "Planned vs actual per session 各場原訂與實際",
                     "length 長度 (minutes:seconds 分:秒)", ChartUnit::Seconds,
                     {{"Planned 原訂", "plan"}, {"Actual 實際", "actual"}}, eg) +
         "</figure>\n";
    h += "<table>\n<tr>" + th("Date 日期") + th("Session 場次") + thn("Planned") + thn("Actual") +
         thn("Difference") + th("") + th("Hard out") + th("Airtime") + "</tr>\n";
    const std::vector<std::string> folders = seriesSessionFolders(s);
    for (std::size_t i = 0; i < s.sessions.size(); ++i) {
        const SessionInsights& x = s.sessions[i];
        h += "<tr>" + td(x.date) + "<td><a href=\"" + htmlEscape(percentEncodedPath(folders[i])) +
             "/insights.html\">" + htmlEscape(headings[i]) + "</a></td>" +
             tdn(formatDurationMs(x.time.plannedTotalMs)) +
             tdn(formatDurationMs(x.time.actualTotalMs)) + tdn(differenceText(x.time)) +
             td(overUnderText(x.time)) + td(hardOutShort(x.time)) + td(toName(x.balance.source)) +
             "</tr>\n";
    }
    h += "</table>\n</section>\n";

    h += "<section>\n<h2>公司發言時間累計 Companies' airtime so far</h2>\n";
    if (s.mixedSources)
        h += "<p class=\"note\">Some sessions had no recording: their airtime is estimated from "
             "the plan on the actual segment times. "
             "部分場次沒有錄音，其發言時間依企劃估算。</p>\n";
    if (!s.companies.empty()) {
        std::vector<ChartGroup> cg;
        for (const SeriesCompany& c : s.companies)
            cg.push_back({c.name,
                          {c.percent},
                          {pct(c.percent) + " (" + formatDurationMs(c.actualMs) + ")"},
                          {}});
        // The line is the latest session's limit: the one the next show is held to.
        const double limitValue =
            s.sessions.empty() ? 0 : s.sessions.back().balance.maxCompanySharePercent;
        const ChartLimit limit{limitValue, "limit 上限 " + pct(limitValue)};
        h += "<figure>" +
             barChartSvg("chart-series-companies",
                         "Who has had the most airtime so far 累計發言時間最多的公司",
                         "share of all guests' airtime in the series 占系列來賓發言時間 %",
                         ChartUnit::Percent, {{"Series share 系列占比", "actual"}}, cg, &limit) +
             "</figure>\n";
        h += "<table>\n<tr>" + thn("Rank") + th("Company 公司") + thn("Airtime") +
             thn("Series share");
        for (const std::string& label : shortLabels) h += thn(label);
        h += "</tr>\n";
        for (const SeriesCompany& c : s.companies) {
            h += "<tr>" + tdn(std::to_string(c.rank)) + td(c.name) +
                 tdn(formatDurationMs(c.actualMs)) + tdn(pct(c.percent));
            for (const auto& p : c.sessionPercent) h += tdn(p ? pct(*p) : "–");
            h += "</tr>\n";
        }
        h += "</table>\n";
    } else {
        h += "<p>No guest spoke for a company. 沒有代表公司發言的來賓。</p>\n";
    }
    h += "</section>\n";

    h += "<section>\n<h2>觀眾參與 Audience per event</h2>\n";
    std::vector<ChartGroup> ag;
    for (std::size_t i = 0; i < s.sessions.size(); ++i) {
        const AudienceInsights& a = s.sessions[i].audience;
        ag.push_back({shortLabels[i],
                      {static_cast<double>(a.devicesOpened), static_cast<double>(a.devicesAsked),
                       static_cast<double>(a.devicesVoted)},
                      {std::to_string(a.devicesOpened), std::to_string(a.devicesAsked),
                       std::to_string(a.devicesVoted)},
                      {}});
    }
    h += "<figure>" +
         barChartSvg("chart-series-audience", "Audience devices per event 各場觀眾裝置數",
                     "devices 裝置數", ChartUnit::Count,
                     {{"Opened 開啟", "plan"}, {"Asked 提問", "actual"}, {"Voted 投票", "third"}},
                     ag) +
         "</figure>\n";
    h += "<table>\n<tr>" + th("Session 場次") + thn("Opened") + thn("Asked") + thn("Voted") +
         thn("Questions") + thn("Answered") + thn("Left over") + thn("Median wait") + "</tr>\n";
    for (std::size_t i = 0; i < s.sessions.size(); ++i) {
        const AudienceInsights& a = s.sessions[i].audience;
        h += "<tr>" + td(longLabels[i]) + tdn(std::to_string(a.devicesOpened)) +
             tdn(std::to_string(a.devicesAsked)) + tdn(std::to_string(a.devicesVoted)) +
             tdn(std::to_string(a.questions.asked)) + tdn(std::to_string(a.answeredInShow)) +
             tdn(std::to_string(a.leftOver)) +
             tdn(a.medianWaitMs ? formatDurationMs(*a.medianWaitMs) : "none") + "</tr>\n";
    }
    h += "</table>\n</section>\n";

    h += "<section>\n<h2>投票 Polls over time</h2>\n";
    int k = 0;
    for (std::size_t i = 0; i < s.sessions.size(); ++i)
        for (const PollInsight& p : s.sessions[i].audience.polls) {
            ++k;
            std::vector<ChartGroup> pg;
            for (const PollOptionInsight& o : p.options)
                pg.push_back({o.label,
                              {static_cast<double>(o.votes)},
                              {std::to_string(o.votes) + " (" + pct(o.percent) + ")"},
                              {o.winner ? "winner" : ""}});
            h += "<figure>" +
                 barChartSvg("chart-series-poll-" + std::to_string(k),
                             longLabels[i] + " · " + p.question, "votes 票數", ChartUnit::Count,
                             {{"Votes 票數", "votes"}}, pg) +
                 "</figure>\n";
        }
    if (k == 0) h += "<p>No poll was held. 沒有投票。</p>\n";
    h += "</section>\n<footer>pycast insights · times in whole seconds, shares to one "
         "decimal</footer>\n";
    return htmlPage("系列成效 Series insights", h);
}

std::vector<InsightsTable> renderSeriesCsv(const SeriesInsights& s) {
    std::vector<InsightsTable> out;
    const std::vector<std::string> headings = seriesHeadings(s);
    const std::vector<std::string> longLabels = seriesSessionLabels(s, true);
    const std::vector<std::string> folders = seriesSessionFolders(s);
    CsvWriter ep(true);
    ep.row({"date", "session", "folder", "planned_s", "actual_s", "difference_s", "over_under",
            "hard_out", "hard_out_margin_s", "hard_out_kept", "balance_source", "top_company",
            "top_company_percent"});
    for (std::size_t i = 0; i < s.sessions.size(); ++i) {
        const SessionInsights& x = s.sessions[i];
        const TimeInsights& t = x.time;
        const bool ho = t.hardOutTodMs && t.hardOutMarginMs;
        const bool top = t.started && !x.balance.topCompanies().empty();
        ep.row({x.date, headings[i], folders[i], csvSecondsOf(t.plannedTotalMs),
                csvSecondsOf(t.actualTotalMs), t.started ? csvSecondsOf(t.differenceMs) : "",
                overUnderText(t), t.hardOutTodMs ? formatTimeOfDay(*t.hardOutTodMs / 1000) : "",
                ho ? csvSecondsOf(*t.hardOutMarginMs) : "",
                ho ? (t.hardOutKept() ? "yes" : "no") : "", toName(x.balance.source),
                top ? x.balance.topCompanyNames() : "",
                top ? csvPercent(x.balance.topCompanies().front()->actualPercent) : ""});
    }
    out.push_back({"series-episodes.csv", ep.text()});

    CsvWriter co(true);
    std::vector<std::string> head{"rank", "company", "actual_s", "series_percent"};
    for (const std::string& label : longLabels) head.push_back(label + " percent");
    co.row(head);
    for (const SeriesCompany& c : s.companies) {
        std::vector<std::string> row{std::to_string(c.rank), c.name, csvSecondsOf(c.actualMs),
                                     csvPercent(c.percent)};
        for (const auto& p : c.sessionPercent) row.push_back(p ? csvPercent(*p) : "");
        co.row(row);
    }
    out.push_back({"series-companies.csv", co.text()});

    CsvWriter au(true);
    au.row({"date", "session", "folder", "devices_opened", "devices_asked", "devices_voted",
            "questions_asked", "answered_in_show", "left_over", "median_wait_s"});
    for (std::size_t i = 0; i < s.sessions.size(); ++i) {
        const SessionInsights& x = s.sessions[i];
        const AudienceInsights& a = x.audience;
        au.row({x.date, headings[i], folders[i], std::to_string(a.devicesOpened),
                std::to_string(a.devicesAsked), std::to_string(a.devicesVoted),
                std::to_string(a.questions.asked), std::to_string(a.answeredInShow),
                std::to_string(a.leftOver), a.medianWaitMs ? csvSecondsOf(*a.medianWaitMs) : ""});
    }
    out.push_back({"series-audience.csv", au.text()});

    CsvWriter po(true);
    po.row({"date", "session", "folder", "poll_id", "question", "option", "votes", "percent",
            "winner", "total_votes"});
    for (std::size_t i = 0; i < s.sessions.size(); ++i)
        for (const PollInsight& p : s.sessions[i].audience.polls)
            for (const PollOptionInsight& o : p.options)
                po.row({s.sessions[i].date, headings[i], folders[i], p.id, p.question, o.label,
                        std::to_string(o.votes), csvPercent(o.percent), o.winner ? "yes" : "no",
                        std::to_string(p.totalVotes)});
    out.push_back({"series-polls.csv", po.text()});

    CsvWriter fa(true);
    fa.row({"folder", "reason"});
    for (const SeriesFailure& f : s.failures) fa.row({f.dir.string(), f.reason});
    out.push_back({"series-failures.csv", fa.text()});
    return out;
}

Result<std::vector<std::filesystem::path>> writeSeriesFiles(const std::filesystem::path& dir,
                                                            const SeriesInsights& s) {
    std::vector<InsightsTable> files{{"series.html", renderSeriesHtml(s)},
                                     {"series.md", renderSeriesMarkdown(s)}};
    for (InsightsTable& t : renderSeriesCsv(s)) files.push_back(std::move(t));
    return writeAll(dir, files);
}

}  // namespace pycast
