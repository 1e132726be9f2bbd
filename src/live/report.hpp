// The planned-vs-actual report of a session: per segment and per speaker, Markdown and CSV.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/show.hpp"
#include "io/show_io.hpp"
#include "core/show_runner.hpp"

namespace pycast {

// A difference within this counts as "on time" (the report shows whole seconds).
inline constexpr std::int64_t kOnTimeToleranceMs = 1000;

struct SegmentReportRow {
    int number = 0;                      // 1-based rundown position
    std::string id;
    std::string title;
    SegmentKind kind = SegmentKind::Experience;
    std::vector<std::string> speakers;   // display names
    std::int64_t plannedMs = 0;          // as in the show
    std::int64_t extensionMs = 0;        // extended (+) or shortened (-) live
    std::int64_t actualMs = 0;
    std::int64_t differenceMs = 0;       // actual - planned
    int visits = 0;
    SegmentStatus status = SegmentStatus::Upcoming;
};

// Airtime: a segment's planned and actual time shared equally by its speakers.
struct SpeakerReportRow {
    std::string personId;
    std::string name;
    std::string company;
    Role role = Role::Guest;
    std::int64_t plannedMs = 0;
    std::int64_t actualMs = 0;
    std::int64_t differenceMs = 0;
};

// Segment rows and totals are whole seconds as shown (core/display_time.hpp: actual times
// rounded down), and each total is the sum of its rows, so the figures add up wherever they are
// shown. Speakers' airtime splits those seconds to the millisecond; shown, a speaker's
// difference is its shown actual minus its shown planned.
struct SessionReport {
    std::string title;
    std::string series;
    std::optional<int> episode;
    std::string date;                    // the session's local date (YYYY-MM-DD)
    bool ended = false;                  // false: an interrupted session, as of its last event
    std::int64_t plannedTotalMs = 0;
    std::int64_t actualTotalMs = 0;      // time on air (sum of segments)
    std::int64_t differenceMs = 0;       // actual - planned
    std::int64_t pausedMs = 0;           // time on hold
    std::int64_t showElapsedMs = 0;      // start to end, holds included
    std::optional<std::int64_t> startTodMs;   // local ms after midnight
    std::optional<std::int64_t> endTodMs;
    std::vector<SegmentReportRow> segments;
    std::vector<SpeakerReportRow> speakers;   // in the show's order of people
};

// "over", "under", "on time" for a difference.
const char* overUnderWord(std::int64_t differenceMs);

SessionReport buildReport(const Show& show, const RunnerState& state, const std::string& date);
std::string renderReportMarkdown(const SessionReport& report);
// One table: section (segment/speaker/total), then plan and actual in seconds with ms.
// `bom`: start with the UTF-8 BOM a spreadsheet needs (report.csv); leave it out for a terminal.
std::string renderReportCsv(const SessionReport& report, bool bom = true);
// report.md and report.csv in DIR, each written atomically.
Status writeReportFiles(const std::filesystem::path& dir, const SessionReport& report);

}  // namespace pycast
