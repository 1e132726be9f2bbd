// Wording and number formats the insights renderers share, so every output prints a figure the
// same way (pure; any thread). Used by live/insights*.cpp and by the studio's Report tab
// (ui/views/report), so the tab words a figure exactly as the files do.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "live/insights.hpp"

namespace pycast::insights_detail {

std::string signedDur(std::int64_t ms);  // "+2:13", "-0:45", "00:00"
std::string segmentStatus(
    const SegmentReportRow& row);  // over / under / on time / skipped / not run
// "kept (21:30, 3:20 to spare)", "missed (…)", "none", "planned 21:00 (not run)", "not known:
// the session did not end (21:30)"; a moved hard out adds "21:00 in the show, moved with the
// late start".
std::string hardOutText(const TimeInsights& t);
// The whole show's over/under word ("over", "under", "on time"), "not run" when it never went
// on air; and its difference ("+2:13"), "not run" likewise.
std::string overUnderText(const TimeInsights& t);
std::string differenceText(const TimeInsights& t);
// A segment was on air (done, or current in an interrupted session): not run or skipped ones
// have no difference; rowDifferenceText gives "+0:30", or "–" for those.
bool ranOnAir(const SegmentReportRow& row);
std::string rowDifferenceText(const SegmentReportRow& row);
std::string sourceText(BalanceSource s);             // the balance's source, in words
std::string csvSecondsOf(std::int64_t ms);           // whole seconds: "-133"
std::string csvPercent(double p);                    // "46.2"
std::string sessionLabel(const SessionInsights& s);  // "2026-11-25 PyCast EP3: Title"
Result<std::vector<std::filesystem::path>> writeAll(const std::filesystem::path& dir,
                                                    const std::vector<InsightsTable>& files);

}  // namespace pycast::insights_detail

namespace pycast::insights_detail {

// HTML text and attribute values: & < > " ' escaped.
std::string htmlEscape(const std::string& text);

// A horizontal bar chart as inline SVG: a visible title and <title>, a legend, one row of bars
// per group and series, each bar's figure as text beside it, a value axis with its label, and
// optionally a limit drawn as a dashed line. Values are in the axis' unit.
enum class ChartUnit { Seconds, Percent, Count };
struct ChartSeries {
    std::string name;      // legend text
    std::string cssClass;  // "plan", "actual", "votes"
};
struct ChartGroup {
    std::string label;                 // user text (escaped here)
    std::vector<double> values;        // per series
    std::vector<std::string> texts;    // per series: the figure printed beside the bar
    std::vector<std::string> classes;  // per series: an extra class ("over", "winner"), or ""
};
struct ChartLimit {
    double value = 0;
    std::string label;  // "limit 40.0%"
};
std::string barChartSvg(const std::string& id, const std::string& title,
                        const std::string& axisLabel, ChartUnit unit,
                        const std::vector<ChartSeries>& series,
                        const std::vector<ChartGroup>& groups, const ChartLimit* limit = nullptr);

// The page around the sections: <!DOCTYPE html>, lang="zh-Hant", the shared print-ready CSS.
std::string htmlPage(const std::string& title, const std::string& body);

}  // namespace pycast::insights_detail
