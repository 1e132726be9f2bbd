// Times of day in a show (start, fixed starts, hard out) as instants on one timeline, and the
// planned schedule they pin: the one place the planner, the totals, the runner, the reports and
// the API place a time of day (any thread; pure functions).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/show.hpp"

namespace pycast {

// A show runs for at most a day: its span from the start to its last time of day, and its
// planned length, are at most this long.
inline constexpr Seconds kMaxShowSeconds = 24 * 60 * 60;

// Every time of day of a show placed on a timeline that starts at the show's start.
//
// The rule (docs/show-format.md, "Times of day"): the times are read in rundown order — the
// start, then each fixed start, then the hard out — and each is placed at the first moment
// at or after the one before it, so a time earlier on the clock than the one before it is on
// the next day. A plan from 23:50 with a fixed 00:00 and a hard out at 00:30 runs 40 minutes;
// a 08:00 start with a 21:00 hard out has 13 hours.
//
// Offsets are in seconds from the start, on the local clock face (a daylight-saving change
// in the middle of a show is not accounted for; Taiwan has none).
struct ShowTimes {
    // The time of day everything is placed after: meta.startTime, or the anchor given.
    std::optional<Seconds> startTimeOfDay;
    std::vector<std::optional<Seconds>> fixedStartOffsets;  // per segment, seconds from the start
    std::optional<Seconds> hardOutOffset;                   // seconds from the start
};

// Places the show's times of day. Without a start time and without `anchorTimeOfDay` (the
// time of day the show really started, seconds after midnight) nothing can be placed and
// every offset is empty.
ShowTimes placeTimesOfDay(const Show& show, std::optional<Seconds> anchorTimeOfDay = {});

// The planned start offset (seconds from the show's start) of each segment: lengths run one
// after another and a fixed start later than the running offset pins its segment there (the
// plan waits for it). `missed[i]` when the segments before run past segment i's fixed start.
struct PlannedSchedule {
    std::vector<Seconds> startOffsets;
    std::vector<bool> fixedStartMissed;
    Seconds end = 0;                     // offset where the last segment ends
};
PlannedSchedule planSchedule(const Show& show, const ShowTimes& times);

// Problems with the times of a show, for validation: (JSON path, message). A show longer than
// a day (kMaxShowSeconds: planned lengths, or a fixed start / hard out more than 24 h after the
// start) and a hard out the show cannot reach (at its start time, so no time at all).
struct TimeProblem {
    std::string path;     // "/show/hard_out", "/rundown/3/fixed_start", "/rundown"
    std::string message;  // what is wrong and what to do
};
std::vector<TimeProblem> showTimeProblems(const Show& show);

// Days from one civil date ("YYYY-MM-DD") to another; nullopt when either is not a date.
std::optional<std::int64_t> daysBetween(const std::string& fromDate, const std::string& toDate);

// Where the show's planned start falls in session ms, given the local date and time of day at
// session ms 0 (ms after midnight). With a show date: that date at meta.startTime. Without
// one: the first meta.startTime at or after two hours before session ms 0 (a session opened at
// noon for a 23:30 show is for tonight; one opened at 00:10 is 40 minutes late for last night's).
// Nullopt without a start time.
inline constexpr std::int64_t kLateStartWindowMs = 2 * 60 * 60 * 1000;
std::optional<std::int64_t> plannedStartSessionMs(const Show& show, const std::string& dateAtZero,
                                                  std::int64_t timeOfDayAtZeroMs);

}  // namespace pycast
