// The insights of a session as one self-contained HTML page: inline CSS, inline SVG charts, no
// script and nothing fetched, readable when printed (pure; any thread).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>

#include "core/duration.hpp"
#include "core/text.hpp"
#include "live/insights.hpp"
#include "live/insights_shared.hpp"

namespace pycast {

namespace insights_detail {

std::string htmlEscape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

namespace {

// Width of a text in the label column, counting a CJK or other wide character as two.
// Cut at a code point boundary with "…" when it would not fit.
std::string fitLabel(const std::string& text, int maxUnits) {
    int units = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        const int w = len >= 3 ? 2 : 1;
        if (units + w > maxUnits - 1 && i + len < text.size()) return text.substr(0, i) + "…";
        units += w;
        i += len;
    }
    return text;
}

// A title split into lines of at most maxUnits (wide characters count two), at a space when
// one is near the end of the line, else at a code point.
std::vector<std::string> wrapTitle(const std::string& text, int maxUnits) {
    std::vector<std::string> lines;
    std::size_t lineStart = 0, lastSpace = std::string::npos, i = 0;
    int units = 0, unitsAtSpace = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        const int w = len >= 3 ? 2 : 1;
        if (units + w > maxUnits && i > lineStart) {
            std::size_t cut = i;
            if (lastSpace != std::string::npos && unitsAtSpace > maxUnits / 2) {
                cut = lastSpace;
                lines.push_back(text.substr(lineStart, cut - lineStart));
                lineStart = cut + 1;
                units -= unitsAtSpace + 1;
            } else {
                lines.push_back(text.substr(lineStart, cut - lineStart));
                lineStart = cut;
                units = 0;
            }
            lastSpace = std::string::npos;
            continue;
        }
        if (c == ' ') {
            lastSpace = i;
            unitsAtSpace = units;
        }
        units += w;
        i += len;
    }
    lines.push_back(text.substr(lineStart));
    return lines;
}

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

// A tick step giving at most five steps up to `max`.
double tickStep(double max, ChartUnit unit) {
    static const double seconds[] = {10,  15,   30,   60,   120,  300,  600,
                                     900, 1200, 1800, 3600, 7200, 14400};
    static const double percent[] = {5, 10, 20, 25, 50};
    static const double counts[] = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000};
    auto pick = [&](const double* list, std::size_t n) {
        for (std::size_t i = 0; i < n; ++i)
            if (max / list[i] <= 5.0) return list[i];
        return std::ceil(max / 5.0);
    };
    if (unit == ChartUnit::Seconds) return pick(seconds, std::size(seconds));
    if (unit == ChartUnit::Percent) return pick(percent, std::size(percent));
    return pick(counts, std::size(counts));
}

std::string tickLabel(double v, ChartUnit unit) {
    if (unit == ChartUnit::Seconds) return formatDuration(static_cast<std::int64_t>(v));
    if (unit == ChartUnit::Percent) return std::to_string(static_cast<long long>(v)) + "%";
    return std::to_string(static_cast<long long>(v));
}

}  // namespace

std::string barChartSvg(const std::string& id, const std::string& title,
                        const std::string& axisLabel, ChartUnit unit,
                        const std::vector<ChartSeries>& series,
                        const std::vector<ChartGroup>& groups, const ChartLimit* limit) {
    constexpr int kWidth = 720;
    constexpr int kLabelRight = 196;  // labels end here (right-aligned)
    constexpr int kPlotX = 204;
    constexpr int kPlotW = 400;
    constexpr int kBarH = 14;
    constexpr int kBarGap = 2;
    constexpr int kGroupGap = 10;
    // The title wraps (about 8 px per unit at its 15 px bold, within the chart's width); each
    // extra line moves the legend and the plot down.
    const std::vector<std::string> titleLines = wrapTitle(title, 86);
    const int titleExtra = 19 * static_cast<int>(titleLines.size() - 1);
    const int kTop = 52 + titleExtra;  // title and legend above
    const std::size_t n = std::max<std::size_t>(series.size(), 1);
    const int groupH = static_cast<int>(n) * kBarH + static_cast<int>(n - 1) * kBarGap;
    const int plotH = std::max(1, static_cast<int>(groups.size())) * (groupH + kGroupGap);
    const int height = kTop + plotH + 44;

    double max = 0;
    for (const ChartGroup& g : groups)
        for (double v : g.values) max = std::max(max, v);
    if (limit) max = std::max(max, limit->value);
    if (unit == ChartUnit::Percent) max = std::min(std::max(max, 10.0), 100.0);
    if (max <= 0) max = unit == ChartUnit::Seconds ? 60 : 1;
    const double step = tickStep(max, unit);
    const double axisMax = std::ceil(max / step) * step;
    auto xOf = [&](double v) { return kPlotX + (axisMax > 0 ? v / axisMax : 0) * kPlotW; };

    std::string svg =
        "<svg class=\"chart\" id=\"" + htmlEscape(id) + "\" role=\"img\" viewBox=\"0 0 " +
        std::to_string(kWidth) + " " + std::to_string(height) + "\" width=\"" +
        std::to_string(kWidth) + "\" height=\"" + std::to_string(height) +
        "\" xmlns=\"http://www.w3.org/2000/svg\" aria-labelledby=\"" + htmlEscape(id) +
        "-t\">\n<title id=\"" + htmlEscape(id) + "-t\">" + htmlEscape(title) + "</title>\n";
    for (std::size_t li = 0; li < titleLines.size(); ++li)
        svg += "<text class=\"ctitle\" x=\"0\" y=\"" +
               std::to_string(18 + 19 * static_cast<int>(li)) + "\">" + htmlEscape(titleLines[li]) +
               "</text>\n";
    const int legendY = 30 + titleExtra;
    // Legend.
    int lx = kPlotX;
    for (const ChartSeries& s : series) {
        svg += "<rect class=\"" + s.cssClass + "\" x=\"" + std::to_string(lx) + "\" y=\"" +
               std::to_string(legendY) + "\" width=\"12\" height=\"12\"/>";
        svg += "<text class=\"legend\" x=\"" + std::to_string(lx + 16) + "\" y=\"" +
               std::to_string(legendY + 10) + "\">" + htmlEscape(s.name) + "</text>\n";
        lx += 24 + static_cast<int>(s.name.size()) * 7;
    }
    if (limit) {
        svg += "<line class=\"limit\" x1=\"" + std::to_string(lx) + "\" y1=\"" +
               std::to_string(legendY + 6) + "\" x2=\"" + std::to_string(lx + 16) + "\" y2=\"" +
               std::to_string(legendY + 6) + "\"/><text class=\"legend\" x=\"" +
               std::to_string(lx + 20) + "\" y=\"" + std::to_string(legendY + 10) + "\">" +
               htmlEscape(limit->label) + "</text>\n";
    }
    // Grid and axis.
    const int axisY = kTop + plotH;
    for (double v = 0; v <= axisMax + 1e-9; v += step) {
        const std::string x = num(xOf(v));
        svg += "<line class=\"grid\" x1=\"" + x + "\" y1=\"" + std::to_string(kTop - 4) +
               "\" x2=\"" + x + "\" y2=\"" + std::to_string(axisY) + "\"/>";
        svg += "<text class=\"tick\" x=\"" + x + "\" y=\"" + std::to_string(axisY + 14) +
               "\" text-anchor=\"middle\">" + tickLabel(v, unit) + "</text>\n";
    }
    svg += "<line class=\"axis\" x1=\"" + std::to_string(kPlotX) + "\" y1=\"" +
           std::to_string(axisY) + "\" x2=\"" + std::to_string(kPlotX + kPlotW) + "\" y2=\"" +
           std::to_string(axisY) + "\"/>\n";
    svg += "<text class=\"axislabel\" x=\"" + std::to_string(kPlotX + kPlotW / 2) + "\" y=\"" +
           std::to_string(axisY + 34) + "\" text-anchor=\"middle\">" + htmlEscape(axisLabel) +
           "</text>\n";
    // Bars.
    int y = kTop;
    for (const ChartGroup& g : groups) {
        svg += "<g class=\"group\"><text class=\"label\" x=\"" + std::to_string(kLabelRight) +
               "\" y=\"" + std::to_string(y + groupH / 2 + 4) + "\" text-anchor=\"end\">" +
               htmlEscape(fitLabel(g.label, 28)) + "<title>" + htmlEscape(g.label) +
               "</title></text>\n";
        for (std::size_t k = 0; k < series.size() && k < g.values.size(); ++k) {
            const int by = y + static_cast<int>(k) * (kBarH + kBarGap);
            const double w = std::max(0.0, xOf(g.values[k]) - kPlotX);
            std::string cls = series[k].cssClass;
            if (k < g.classes.size() && !g.classes[k].empty()) cls += " " + g.classes[k];
            svg += "<rect class=\"" + cls + "\" x=\"" + std::to_string(kPlotX) + "\" y=\"" +
                   std::to_string(by) + "\" width=\"" + num(w) + "\" height=\"" +
                   std::to_string(kBarH) + "\"/>";
            const std::string text = k < g.texts.size() ? g.texts[k] : std::string();
            // The figure goes right of the longer of the bar and the limit line, so the dashed
            // line never crosses it.
            const double textX = std::max(kPlotX + w, limit ? xOf(limit->value) : 0.0) + 5;
            svg += "<text class=\"value\" x=\"" + num(textX) + "\" y=\"" +
                   std::to_string(by + kBarH - 3) + "\">" + htmlEscape(text) + "</text>\n";
        }
        svg += "</g>\n";
        y += groupH + kGroupGap;
    }
    if (limit) {
        const std::string x = num(xOf(limit->value));
        svg += "<line class=\"limit\" x1=\"" + x + "\" y1=\"" + std::to_string(kTop - 6) +
               "\" x2=\"" + x + "\" y2=\"" + std::to_string(axisY) + "\"/>\n";
    }
    svg += "</svg>\n";
    return svg;
}

std::string htmlPage(const std::string& title, const std::string& body) {
    static const char* kCss = R"(
:root { color-scheme: light; }
body { margin: 0; background: #f3f3f1; color: #111; font: 15px/1.55 "Noto Sans CJK TC", "Noto Sans TC",
  "PingFang TC", "Microsoft JhengHei", system-ui, sans-serif; }
main { max-width: 760px; margin: 24px auto; background: #fff; padding: 32px 40px 24px;
  box-shadow: 0 1px 4px rgba(0,0,0,.12); }
h1 { font-size: 26px; margin: 0 0 2px; }
h2 { font-size: 19px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid #111; }
h3 { font-size: 16px; margin: 18px 0 6px; }
.subtitle { font-size: 18px; margin: 0; }
.meta { color: #444; margin: 4px 0 0; font-size: 13px; }
.summary p { margin: 6px 0; }
.facts { display: grid; grid-template-columns: repeat(3, 1fr); gap: 8px; margin: 16px 0 4px; }
.fact { border: 1px solid #999; padding: 6px 10px; }
.fact .k { font-size: 12px; color: #444; display: block; }
.fact .v { font-size: 18px; font-weight: 700; }
.fact .n { font-size: 12px; color: #333; display: block; }
.bad { color: #a00018; }
a { color: inherit; text-decoration: underline; }
.note { font-size: 13px; color: #333; border-left: 3px solid #888; padding: 2px 8px; margin: 8px 0; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 4px; font-size: 13px; }
th, td { border-bottom: 1px solid #bbb; padding: 3px 6px; text-align: left; vertical-align: top; }
th { border-bottom: 1.5px solid #111; font-weight: 700; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td { font-weight: 700; border-top: 1.5px solid #111; }
figure { margin: 12px 0; break-inside: avoid; page-break-inside: avoid; }
.poll { break-inside: avoid; page-break-inside: avoid; }
svg.chart { max-width: 100%; height: auto; font-family: inherit; }
svg .ctitle { font-size: 15px; font-weight: 700; fill: #111; }
svg .legend, svg .tick, svg .value { font-size: 12px; fill: #111; }
svg .value { paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
svg .label { font-size: 12.5px; fill: #111; }
svg .axislabel { font-size: 12px; fill: #333; font-style: italic; }
svg .grid { stroke: #ddd; stroke-width: 1; }
svg .axis { stroke: #111; stroke-width: 1; }
svg .plan { fill: #c9c9c9; stroke: #777; stroke-width: .5; }
svg .actual, svg .votes { fill: #1f4e79; }
svg .actual.over { fill: #a00018; }
svg .votes.winner { fill: #2b6b2b; }
svg .third { fill: #8fb3d9; stroke: #1f4e79; stroke-width: .5; }
svg .limit { stroke: #a00018; stroke-width: 2; stroke-dasharray: 6 3; }
footer { margin-top: 28px; font-size: 12px; color: #555; border-top: 1px solid #bbb; padding-top: 6px; }
@media print {
  @page { size: A4; margin: 14mm; }
  body { background: #fff; color: #000; font-size: 11pt; }
  main { box-shadow: none; margin: 0; padding: 0; max-width: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  section, figure, .poll, table, .facts { break-inside: avoid; page-break-inside: avoid; }
  .meta, .note, .fact .k, .fact .n, footer { color: #000; }
}
)";
    return std::string(
               "<!DOCTYPE html>\n<html lang=\"zh-Hant\">\n<head>\n<meta charset=\"utf-8\">\n") +
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
           htmlEscape(title) + "</title>\n<style>" + kCss + "</style>\n</head>\n<body>\n<main>\n" +
           body + "</main>\n</body>\n</html>\n";
}

}  // namespace insights_detail

using namespace insights_detail;

namespace {

std::string td(const std::string& text) { return "<td>" + htmlEscape(text) + "</td>"; }
std::string tdn(const std::string& text) { return "<td class=\"n\">" + htmlEscape(text) + "</td>"; }
std::string th(const std::string& text) { return "<th>" + htmlEscape(text) + "</th>"; }
std::string thn(const std::string& text) { return "<th class=\"n\">" + htmlEscape(text) + "</th>"; }

std::string fact(const std::string& key, const std::string& value, const std::string& note,
                 bool bad = false) {
    return "<div class=\"fact\"><span class=\"k\">" + htmlEscape(key) + "</span><span class=\"v" +
           (bad ? " bad" : "") + "\">" + htmlEscape(value) + "</span><span class=\"n\">" +
           htmlEscape(note) + "</span></div>\n";
}

std::string tallyRowHtml(const std::string& label, const QuestionTally& t, bool total = false) {
    std::string r = std::string(total ? "<tr class=\"total\">" : "<tr>") + td(label);
    for (int n : {t.asked, t.pending, t.approved, t.answered, t.dismissed, t.merged})
        r += tdn(std::to_string(n));
    return r + "</tr>\n";
}

std::string tallyHead(const std::string& first) {
    return "<tr>" + th(first) + thn("Asked 提問") + thn("Pending 待審") + thn("Approved 核准") +
           thn("Answered 已答") + thn("Dismissed 略過") + thn("Merged 合併") + "</tr>\n";
}

double secondsOf(std::int64_t ms) { return static_cast<double>(ms / 1000); }

}  // namespace

std::string renderInsightsHtml(const SessionInsights& s) {
    const TimeInsights& t = s.time;
    const BalanceInsights& b = s.balance;
    const AudienceInsights& a = s.audience;
    const std::string heading = insightsHeading(s);
    std::string h;
    h += "<header>\n<h1>活動成效 Insights</h1>\n<p class=\"subtitle\">" + htmlEscape(heading) +
         "</p>\n<p class=\"meta\">";
    std::string meta = s.date;
    if (t.startTodMs && t.endTodMs)
        meta += (meta.empty() ? "" : " · ") + std::string("On air ") +
                formatTimeOfDay(*t.startTodMs / 1000) + "–" + formatTimeOfDay(*t.endTodMs / 1000);
    meta += (meta.empty() ? "" : " · ") + std::string("Airtime: ") +
            (b.source == BalanceSource::Measured ? "measured 錄音實測" : "plan-based 依企劃估算");
    h += htmlEscape(meta) + "</p>\n";
    if (t.started && !t.ended)
        h += "<p class=\"note bad\">The session did not end (interrupted): figures are as of its "
             "last event. "
             "場次未正常結束，數字以最後一筆紀錄為準。</p>\n";
    h += "</header>\n";

    h += "<section class=\"summary\">\n<h2>摘要 Summary</h2>\n<p lang=\"zh-Hant\">" +
         htmlEscape(s.summaryZh) + "</p>\n<p lang=\"en\">" + htmlEscape(s.summaryEn) +
         "</p>\n</section>\n";

    // Key figures.
    h += "<div class=\"facts\">\n";
    if (t.started)
        h += fact("超時／提早 Over/under", signedDur(t.differenceMs),
                  overUnderWord(t.differenceMs) + std::string(" · plan ") +
                      formatDurationMs(t.plannedTotalMs),
                  overUnderWord(t.differenceMs) == std::string("over"));
    else
        h += fact("超時／提早 Over/under", "not run 未開播",
                  "never on air · plan " + formatDurationMs(t.plannedTotalMs));
    const std::string hardOutKey =
        t.hardOutTodMs ? "最晚結束 Hard out " + formatTimeOfDay(*t.hardOutTodMs / 1000)
                       : std::string("最晚結束 Hard out");
    const std::string movedNote = t.hardOutMoved()
                                      ? " · " + formatTimeOfDay(*t.plannedHardOutTodMs / 1000) +
                                            " in the show, moved with the " +
                                            (t.scheduleShiftMs < 0 ? "early" : "late") + " start"
                                      : "";
    if (t.hardOutTodMs && t.hardOutMarginMs)
        h += fact(hardOutKey, t.hardOutKept() ? "kept 守住" : "missed 超過",
                  (t.hardOutKept() ? formatDurationMs(*t.hardOutMarginMs) + " to spare"
                                   : "by " + formatDurationMs(-*t.hardOutMarginMs)) +
                      movedNote,
                  !t.hardOutKept());
    else if (t.hardOutTodMs)
        h += fact(hardOutKey, "not known 無法得知", "the session did not end" + movedNote);
    else if (!t.started && t.plannedHardOutTodMs)
        h += fact("最晚結束 Hard out", formatTimeOfDay(*t.plannedHardOutTodMs / 1000),
                  "planned 原訂 · not run");
    else
        h += fact("最晚結束 Hard out", "none 未設定", "no hard out, or no time of day to place it");
    if (!t.started) {
        if (!b.companies.empty())
            h += fact("最高公司占比 Top company", "not run 未開播", "never on air");
    } else if (const auto leaders = b.topCompanies(); !leaders.empty()) {
        h += fact("最高公司占比 Top company", formatInsightPercent(leaders.front()->actualPercent),
                  b.topCompanyNames() + (leaders.size() > 1 ? " (tied 並列)" : "") + " · limit " +
                      formatInsightPercent(b.maxCompanySharePercent),
                  leaders.front()->overLimit);
    } else if (!b.companies.empty()) {
        h += fact("最高公司占比 Top company", "none 無", "no guest spoke");
    }
    h += fact("技術占比 Technical share",
              b.contentActualMs > 0 ? formatInsightPercent(b.technicalActualPercent)
              : t.started           ? std::string("none")
                                    : std::string("not run"),
              "range " + formatInsightPercent(b.techShareMinPercent) + "–" +
                  formatInsightPercent(b.techShareMaxPercent),
              b.technicalOutside());
    h += fact("觀眾裝置 Devices", std::to_string(a.devicesOpened),
              "opened · " + std::to_string(a.devicesAsked) + " asked · " +
                  std::to_string(a.devicesVoted) + " voted");
    h += fact("問題 Questions", std::to_string(a.questions.asked),
              t.started ? "asked · " + std::to_string(a.answeredInShow) + " answered · " +
                              std::to_string(a.leftOver) + " left over"
                        : std::string("in the queue · not run"));
    h += "</div>\n";

    // Time.
    h += "<section>\n<h2>時間 Time</h2>\n";
    std::vector<ChartGroup> segs;
    for (const SegmentReportRow& r : t.segments)
        segs.push_back({std::to_string(r.number) + ". " + r.title,
                        {secondsOf(r.plannedMs), secondsOf(r.actualMs)},
                        {formatDurationMs(r.plannedMs),
                         formatDurationMs(r.actualMs) +
                             (ranOnAir(r) ? " (" + signedDur(r.differenceMs) + ")"
                                          : std::string(" (") + segmentStatus(r) + ")")},
                        {"", r.differenceMs >= kOnTimeToleranceMs ? "over" : ""}});
    h += "<figure>" +
         barChartSvg("chart-time", "Planned vs actual per segment 各段原訂與實際",
                     "minutes:seconds 分:秒", ChartUnit::Seconds,
                     {{"Planned 原訂", "plan"}, {"Actual 實際", "actual"}}, segs) +
         "</figure>\n";
    h += "<table>\n<tr>" + thn("#") + th("Segment 段落") + th("Kind") + thn("Planned 原訂") +
         thn("Actual 實際") + thn("Difference 差") + th("") + "</tr>\n";
    for (const SegmentReportRow& r : t.segments)
        h += "<tr>" + tdn(std::to_string(r.number)) + td(r.title) + td(toName(r.kind)) +
             tdn(formatDurationMs(r.plannedMs)) + tdn(formatDurationMs(r.actualMs)) +
             tdn(rowDifferenceText(r)) + td(segmentStatus(r)) + "</tr>\n";
    h += "<tr class=\"total\">" + td("") + td("Total 合計") + td("") +
         tdn(formatDurationMs(t.plannedTotalMs)) + tdn(formatDurationMs(t.actualTotalMs)) +
         tdn(differenceText(t)) + td(overUnderText(t)) + "</tr>\n</table>\n";
    h += "<p>Hard out 最晚結束: " + htmlEscape(hardOutText(t)) +
         (t.pausedMs > 0
              ? ". On hold 暫停: " + formatDurationMs(t.pausedMs) + " (not counted as actual time)"
              : "") +
         ".</p>\n</section>\n";

    // Balance.
    h += "<section>\n<h2>平衡 Balance</h2>\n<p class=\"note\">Airtime source 發言時間來源: "
         "<strong>" +
         htmlEscape(sourceText(b.source)) + "</strong>.</p>\n";
    if (!b.companies.empty()) {
        std::vector<ChartGroup> cg;
        for (const AirtimeInsightRow& c : b.companies)
            cg.push_back({c.name,
                          {c.plannedPercent, c.actualPercent},
                          {formatInsightPercent(c.plannedPercent),
                           formatInsightPercent(c.actualPercent) + " (" +
                               formatDurationMs(c.actualMs) + ")"},
                          {"", c.overLimit ? "over" : ""}});
        const ChartLimit limit{b.maxCompanySharePercent,
                               "limit 上限 " + formatInsightPercent(b.maxCompanySharePercent)};
        h +=
            "<figure>" +
            barChartSvg("chart-companies", "Guests' airtime per company vs plan 各公司來賓發言占比",
                        "share of the guests' airtime 占來賓發言時間 %", ChartUnit::Percent,
                        {{"Planned 原訂", "plan"}, {"Actual 實際", "actual"}}, cg, &limit) +
            "</figure>\n";
        h += "<table>\n<tr>" + th("Company 公司") + thn("Planned 原訂") + thn("Planned share") +
             thn("Actual 實際") + thn("Actual share") + th("") + "</tr>\n";
        for (const AirtimeInsightRow& c : b.companies)
            h += "<tr>" + td(c.name) + tdn(formatDurationMs(c.plannedMs)) +
                 tdn(formatInsightPercent(c.plannedPercent)) + tdn(formatDurationMs(c.actualMs)) +
                 tdn(formatInsightPercent(c.actualPercent)) +
                 (!t.started    ? td("not run")
                  : c.overLimit ? "<td class=\"bad\">over the limit</td>"
                                : td("within the limit")) +
                 "</tr>\n";
        h += "</table>\n";
    }
    if (!b.speakers.empty()) {
        std::vector<ChartGroup> sg;
        for (const AirtimeInsightRow& r : b.speakers)
            sg.push_back(
                {r.name + (r.company.empty() ? "" : " (" + r.company + ")"),
                 {secondsOf(r.plannedMs), secondsOf(r.actualMs)},
                 {formatDurationMs(r.plannedMs),
                  formatDurationMs(r.actualMs) + " · " + formatInsightPercent(r.actualPercent)},
                 {}});
        h += "<figure>" +
             barChartSvg("chart-speakers", "Airtime per speaker 各講者發言時間",
                         "minutes:seconds 分:秒", ChartUnit::Seconds,
                         {{"Planned 原訂", "plan"}, {"Actual 實際", "actual"}}, sg) +
             "</figure>\n";
        h += "<table>\n<tr>" + th("Speaker 講者") + th("Company") + th("Role") +
             thn("Planned 原訂") + thn("Planned share") + thn("Actual 實際") + thn("Actual share") +
             "</tr>\n";
        for (const AirtimeInsightRow& r : b.speakers)
            h += "<tr>" + td(r.name) + td(r.company) + td(toName(r.role)) +
                 tdn(formatDurationMs(r.plannedMs)) + tdn(formatInsightPercent(r.plannedPercent)) +
                 tdn(formatDurationMs(r.actualMs)) + tdn(formatInsightPercent(r.actualPercent)) +
                 "</tr>\n";
        h += "</table>\n";
    }
    if (b.contentActualMs == 0)
        h += "<p>Technical share 技術占比: none (no content time on air).</p>\n</section>\n";
    else
        h += "<p>Technical share 技術占比: <strong>" +
             formatInsightPercent(b.technicalActualPercent) + "</strong> of the content time (" +
             formatDurationMs(b.technicalActualMs) + " of " + formatDurationMs(b.contentActualMs) +
             "; planned " + formatInsightPercent(b.technicalPlannedPercent) + "; range " +
             formatInsightPercent(b.techShareMinPercent) + "–" +
             formatInsightPercent(b.techShareMaxPercent) +
             (b.technicalOutside() ? ", <span class=\"bad\">outside the range</span>"
                                   : ", within the range") +
             ").</p>\n</section>\n";

    // Audience.
    h += "<section>\n<h2>觀眾 Audience</h2>\n<table>\n<tr>" + th("Figure 項目") + thn("Value") +
         "</tr>\n";
    h += "<tr>" + td("Devices that opened the audience page 開啟觀眾頁面的裝置") +
         tdn(std::to_string(a.devicesOpened)) + "</tr>\n";
    h += "<tr>" + td("Devices that asked 提問的裝置") + tdn(std::to_string(a.devicesAsked)) +
         "</tr>\n";
    h += "<tr>" + td("Devices that voted (questions or polls) 投票的裝置") +
         tdn(std::to_string(a.devicesVoted)) + "</tr>\n";
    h += "<tr>" + td("Answered during the show 節目中回答") +
         tdn(std::to_string(a.answeredInShow)) + "</tr>\n";
    h += "<tr>" + td("Approved and left over 已核准未回答") + tdn(std::to_string(a.leftOver)) +
         "</tr>\n";
    h += "<tr>" + td("Median wait from submission to answer 等候時間中位數") +
         tdn(a.medianWaitMs ? formatDurationMs(*a.medianWaitMs) : "none") + "</tr>\n</table>\n";
    if (!a.topics.empty()) {
        std::vector<ChartGroup> tg;
        for (const QuestionTally& q : a.topics)
            tg.push_back({q.label,
                          {static_cast<double>(q.asked), static_cast<double>(q.answered)},
                          {std::to_string(q.asked), std::to_string(q.answered)},
                          {}});
        h += "<figure>" +
             barChartSvg("chart-topics", "Questions per topic 各主題問題數", "questions 問題數",
                         ChartUnit::Count, {{"Asked 提問", "plan"}, {"Answered 已答", "actual"}},
                         tg) +
             "</figure>\n";
    }
    h += "<table>\n" + tallyHead("Questions 問題") + tallyRowHtml("Total 合計", a.questions, true) +
         "</table>\n";
    if (!a.topics.empty()) {
        h += "<table>\n" + tallyHead("Topic 主題");
        for (const QuestionTally& q : a.topics) h += tallyRowHtml(q.label, q);
        h += "</table>\n";
    }
    if (!a.guests.empty()) {
        h += "<table>\n" + tallyHead("For 提問對象");
        for (const QuestionTally& q : a.guests) h += tallyRowHtml(q.label, q);
        h += "</table>\n";
    }
    h += "</section>\n";

    // Polls.
    h += "<section>\n<h2>投票 Polls</h2>\n";
    if (a.polls.empty()) h += "<p>No poll was held. 本場沒有投票。</p>\n";
    int k = 0;
    for (const PollInsight& p : a.polls) {
        ++k;
        std::vector<ChartGroup> pg;
        for (const PollOptionInsight& o : p.options)
            pg.push_back({o.label,
                          {static_cast<double>(o.votes)},
                          {std::to_string(o.votes) + " (" + formatInsightPercent(o.percent) + ")"},
                          {o.winner ? "winner" : ""}});
        h += "<div class=\"poll\">\n<h3>" + htmlEscape(p.question) + "</h3>\n<p class=\"meta\">" +
             htmlEscape(p.state + (p.fromShow ? " · prepared in the show" : " · added live") +
                        " · " + std::to_string(p.totalVotes) +
                        " votes · winner: " + (p.winner.empty() ? "none" : p.winner)) +
             "</p>\n";
        h += "<figure>" +
             barChartSvg("chart-poll-" + std::to_string(k), "Poll 投票: " + p.question,
                         "votes 票數", ChartUnit::Count, {{"Votes 票數", "votes"}}, pg) +
             "</figure>\n";
        h += "<table>\n<tr>" + th("Option 選項") + thn("Votes 票數") + thn("Share 占比") + th("") +
             "</tr>\n";
        for (const PollOptionInsight& o : p.options)
            h += "<tr>" + td(o.label) + tdn(std::to_string(o.votes)) +
                 tdn(formatInsightPercent(o.percent)) + td(o.winner ? "winner" : "") + "</tr>\n";
        h += "</table>\n</div>\n";
    }
    h += "</section>\n<footer>pycast insights · " + htmlEscape(s.dir.filename().string()) +
         " · times in whole seconds, shares to one decimal</footer>\n";
    return htmlPage("活動成效 Insights: " + heading, h);
}

}  // namespace pycast
