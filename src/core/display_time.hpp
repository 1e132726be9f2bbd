// The one rounding rule for times shown to people: the host view, the presenter, the reports
// and exports all round the same way, so figures shown together add up (any thread).
#pragma once

#include <cstdint>

namespace pycast {

// The rule (docs/show-format.md, "Times on screen and in reports"):
// - Times are shown in whole seconds.
// - Amounts of time that has passed — elapsed, on air, actual lengths, held time, overruns —
//   are rounded down: a segment that ran 10:00.6 shows 10:00.
// - Countdowns — time left in a segment, time to the hard out — are rounded up, so that
//   elapsed + left adds up to the planned time as shown, and 00:00 shows only when the time
//   is up (a countdown past zero shows the overrun, rounded down: the first second past zero
//   is 00:00, without a sign and not red).
// - A difference is the shown actual minus the shown planned; a total is the sum of its rows
//   as shown. Zero has no sign.

// Elapsed-type ms as whole seconds, rounded toward zero (a negative amount rounds up).
constexpr std::int64_t shownSeconds(std::int64_t ms) { return ms / 1000; }
// Countdown ms as whole seconds, rounded up (toward +infinity); 0 and below give 0 or less.
constexpr std::int64_t shownCountdownSeconds(std::int64_t ms) {
    return ms > 0 ? (ms + 999) / 1000 : ms / 1000;
}
// An elapsed-type amount in ms cut to the whole seconds it shows as (a multiple of 1000).
constexpr std::int64_t shownMs(std::int64_t ms) { return shownSeconds(ms) * 1000; }
// The difference shown beside an actual and a planned time: the two as shown, subtracted.
constexpr std::int64_t shownDifferenceMs(std::int64_t actualMs, std::int64_t plannedMs) {
    return shownMs(actualMs) - shownMs(plannedMs);
}

}  // namespace pycast
