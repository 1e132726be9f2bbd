// How live times read on screen: the countdown, its colour, clocks and over/under (UI thread).
#pragma once

#include <imgui.h>

#include <cstdint>
#include <string>

#include "core/show_runner.hpp"
#include "live/report.hpp"

namespace pycast::ui {

// The countdown's colour state, the same on the host view and the presenter.
enum class CountdownTone {
    Waiting,  // before the start: the first segment's length, dimmed
    Normal,
    Warning,  // the last minute (LiveSettings::warningMs)
    Overrun,  // past the planned length: counts up, red
    Ended,
};

struct Countdown {
    std::string text;  // "07:59", "+01:02" when over, "1:02:03" past an hour
    CountdownTone tone = CountdownTone::Waiting;
    bool held = false;      // paused: the digits stand still
    float progress = 0.0f;  // elapsed / planned, 0..1, moving once a second like the digits
};

// The big number for the segment on air, by the one rounding rule (core/display_time.hpp):
// remaining time rounds up (00:00 shows only when the time is up), overrun rounds down, and
// the first second past zero reads 00:00 (amber, no sign) before +00:01 turns red.
Countdown countdownFor(const RunnerState& state, std::int64_t warningMs);

// "07:59" / "1:02:03" from ms, rounding up or down to whole seconds.
std::string formatCountdownMs(std::int64_t ms, bool roundUp);
// "0:07:01": hours always shown. The show clock rounds down; a countdown clock (the hard out)
// rounds up, so clock + countdown add up to the plan as shown.
std::string formatClockMs(std::int64_t ms, bool roundUp = false);
// "+0:12" / "−1:30" / "0:00" (zero has no sign); minutes:seconds, hours when needed, rounded
// toward zero. Uses U+2212 for minus.
std::string formatSignedMs(std::int64_t ms);
// A row's difference as shown: its actual and planned times in whole seconds, subtracted
// (core/display_time.hpp), so planned 0:10, actual 0:04 shows −0:06, never −0:05.
std::string formatDifferenceMs(std::int64_t actualMs, std::int64_t plannedMs);
// The same beside a row's actual time in the live rundown, where a zero difference says
// nothing new: "" when the two shown times are equal, else formatDifferenceMs.
std::string rowDifferenceText(std::int64_t actualMs, std::int64_t plannedMs);

// The length of a segment still to come, as NEXT and the rundown show it: its effective planned
// length (an elastic segment's after the over/under before it) is a budget, rounded up like a
// countdown, so 22:59.4 of room reads 23:00.
std::string upcomingLengthText(const SegmentState& segment);

// How the show went, for the Live tab and the presenter once it has ended: every figure from
// the report (whole seconds, totals the sums of its rows), so the screens agree with each
// other and with report.md. "00:15 on air   −24:45 under".
std::string endedSummary(const SessionReport& report);
// The over/under of the ended show as shown: "−24:45" (the report's difference).
std::string endedOverUnder(const SessionReport& report);

ImU32 toneColour(CountdownTone tone);

// The characters the live views draw beyond the base glyph ranges (for FontManager::addText).
constexpr const char* kLiveSymbols = "−";

}  // namespace pycast::ui
