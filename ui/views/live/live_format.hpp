// How live times read on screen: the countdown, its colour, clocks and over/under (UI thread).
#pragma once

#include <imgui.h>

#include <cstdint>
#include <string>

#include "core/show_runner.hpp"

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

// The big number for the segment on air. Remaining time rounds up (00:00 shows only when the
// time is up), overrun rounds down, so the display never claims time that is not there.
Countdown countdownFor(const RunnerState& state, std::int64_t warningMs);

// "07:59" / "1:02:03" from ms, rounding up or down to whole seconds.
std::string formatCountdownMs(std::int64_t ms, bool roundUp);
// "0:07:01": hours always shown (the show clock).
std::string formatClockMs(std::int64_t ms);
// "+0:12" / "−1:30" / "±0:00"; minutes:seconds, hours when needed. Uses U+2212 for minus.
std::string formatSignedMs(std::int64_t ms);

ImU32 toneColour(CountdownTone tone);

// The characters the live views draw beyond the base glyph ranges (for FontManager::addText).
constexpr const char* kLiveSymbols = "−";

}  // namespace pycast::ui
