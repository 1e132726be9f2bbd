// Times of day placed as instants on the show's timeline (any thread; pure functions).
#include "core/show_time.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "core/duration.hpp"

namespace pycast {

namespace {

constexpr Seconds kDay = 24 * 60 * 60;
constexpr std::int64_t kDayMs = kDay * 1000;

// The first moment at or after `previousOffset` (seconds from the start) whose time of day is
// `timeOfDay`, given the start's time of day.
Seconds placeAfter(Seconds previousOffset, Seconds timeOfDay, Seconds startTimeOfDay) {
    const Seconds previousTod = ((startTimeOfDay + previousOffset) % kDay + kDay) % kDay;
    Seconds delta = ((timeOfDay % kDay) - previousTod) % kDay;
    if (delta < 0) delta += kDay;
    return previousOffset + delta;
}

std::optional<std::chrono::sys_days> civilDate(const std::string& text) {
    int y = 0;
    unsigned m = 0, d = 0;
    char tail = 0;
    if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3)
        return std::nullopt;
    const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m},
                                          std::chrono::day{d}};
    if (!ymd.ok()) return std::nullopt;
    return std::chrono::sys_days{ymd};
}

}  // namespace

ShowTimes placeTimesOfDay(const Show& show, std::optional<Seconds> anchorTimeOfDay) {
    ShowTimes t;
    t.fixedStartOffsets.resize(show.rundown.size());
    t.startTimeOfDay = show.meta.startTime ? show.meta.startTime : anchorTimeOfDay;
    if (!t.startTimeOfDay) return t;
    Seconds previous = 0;
    for (std::size_t i = 0; i < show.rundown.size(); ++i) {
        const auto& fixed = show.rundown[i].fixedStart;
        if (!fixed) continue;
        previous = placeAfter(previous, *fixed, *t.startTimeOfDay);
        t.fixedStartOffsets[i] = previous;
    }
    if (show.meta.hardOut) t.hardOutOffset = placeAfter(previous, *show.meta.hardOut, *t.startTimeOfDay);
    return t;
}

PlannedSchedule planSchedule(const Show& show, const ShowTimes& times) {
    PlannedSchedule p;
    Seconds offset = 0;
    for (std::size_t i = 0; i < show.rundown.size(); ++i) {
        const auto& fixed = i < times.fixedStartOffsets.size() ? times.fixedStartOffsets[i] : std::nullopt;
        bool missed = false;
        if (fixed) {
            if (*fixed > offset) offset = *fixed;  // the plan waits for the pinned start
            else if (*fixed < offset) missed = true;
        }
        p.startOffsets.push_back(offset);
        p.fixedStartMissed.push_back(missed);
        offset += std::max<Seconds>(0, show.rundown[i].planned);
    }
    p.end = offset;
    return p;
}

std::vector<TimeProblem> showTimeProblems(const Show& show) {
    std::vector<TimeProblem> out;
    // Lengths too long for a file to hold, or negative, are reported at their own paths by
    // validation; here only what is otherwise valid but more than a day.
    Seconds total = 0;
    bool eachHoldable = true;
    for (const auto& s : show.rundown) {
        if (s.planned > kMaxDurationSeconds) eachHoldable = false;
        total += std::max<Seconds>(0, std::min(s.planned, kMaxShowSeconds + 1));
    }
    if (eachHoldable && total > kMaxShowSeconds)
        out.push_back({"/rundown", "the segments add up to " + formatDuration(total) +
                                       ", longer than a show can be (24:00:00); split it into "
                                       "several shows"});
    if (show.meta.target > kMaxShowSeconds && show.meta.target <= kMaxDurationSeconds)
        out.push_back({"/show/target", "the target " + formatDuration(show.meta.target) +
                                           " is longer than a show can be (24:00:00)"});
    const ShowTimes t = placeTimesOfDay(show);
    if (!t.startTimeOfDay) return out;
    // With its waits for fixed starts, the plan may end more than a day after the start.
    const PlannedSchedule plan = planSchedule(show, t);
    if (eachHoldable && total <= kMaxShowSeconds && plan.end > kMaxShowSeconds)
        out.push_back({"/rundown", "the plan ends " + formatDuration(plan.end) +
                                       " after the start, waits for fixed starts included: a show "
                                       "lasts at most 24 hours; check the fixed starts (a time "
                                       "earlier than the one before it is on the next day)"});
    for (std::size_t i = 0; i < t.fixedStartOffsets.size(); ++i) {
        const auto& off = t.fixedStartOffsets[i];
        if (off && *off > kMaxShowSeconds)
            out.push_back({"/rundown/" + std::to_string(i) + "/fixed_start",
                           "fixed at " + formatTimeOfDay(*show.rundown[i].fixedStart) + ", " +
                               formatDuration(*off) +
                               " after the start: a show lasts at most 24 hours (a time earlier "
                               "than the one before it is on the next day); check the order of "
                               "the fixed starts"});
    }
    if (t.hardOutOffset) {
        const std::string hardOut = formatTimeOfDay(*show.meta.hardOut);
        if (*t.hardOutOffset == 0)
            out.push_back({"/show/hard_out", "the hard out " + hardOut +
                                                 " is the start time: the show would have no time at "
                                                 "all; set the time it must end by"});
        else if (*t.hardOutOffset > kMaxShowSeconds)
            out.push_back({"/show/hard_out", "the hard out " + hardOut + " is " +
                                                 formatDuration(*t.hardOutOffset) +
                                                 " after the start: a show lasts at most 24 hours"});
        else {
            // Reachable at all: the last fixed start must come before the hard out.
            for (std::size_t i = 0; i < t.fixedStartOffsets.size(); ++i) {
                const auto& off = t.fixedStartOffsets[i];
                if (off && *off == *t.hardOutOffset && *t.hardOutOffset > 0 && show.rundown[i].planned > 0)
                    out.push_back({"/show/hard_out",
                                   "the hard out " + hardOut + " is the fixed start of \"" +
                                       show.rundown[i].title +
                                       "\": that segment cannot run; move the hard out or the fixed "
                                       "start"});
            }
        }
    }
    return out;
}

std::optional<std::int64_t> daysBetween(const std::string& fromDate, const std::string& toDate) {
    const auto a = civilDate(fromDate);
    const auto b = civilDate(toDate);
    if (!a || !b) return std::nullopt;
    return static_cast<std::int64_t>((*b - *a).count());
}

std::optional<std::int64_t> plannedStartSessionMs(const Show& show, const std::string& dateAtZero,
                                                  std::int64_t timeOfDayAtZeroMs) {
    if (!show.meta.startTime) return std::nullopt;
    const std::int64_t startTodMs = *show.meta.startTime * 1000;
    if (const auto days = daysBetween(dateAtZero, show.meta.date))
        return *days * kDayMs + startTodMs - timeOfDayAtZeroMs;
    std::int64_t d = startTodMs - timeOfDayAtZeroMs;
    while (d < -kLateStartWindowMs) d += kDayMs;
    while (d >= kDayMs - kLateStartWindowMs) d -= kDayMs;
    return d;
}

}  // namespace pycast
