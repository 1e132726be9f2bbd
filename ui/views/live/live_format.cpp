// Live time formatting and the countdown's colour rules (UI thread; pure functions).
#include "views/live/live_format.hpp"

#include <algorithm>
#include <cstdio>

#include "core/display_time.hpp"
#include "widgets/theme.hpp"

namespace pycast::ui {

namespace {

std::string hms(std::int64_t seconds, bool alwaysHours) {
    char buf[48];
    const long long s = static_cast<long long>(seconds);
    if (alwaysHours || s >= 3600) {
        std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", s / 3600, (s / 60) % 60, s % 60);
    } else {
        std::snprintf(buf, sizeof buf, "%02lld:%02lld", s / 60, s % 60);
    }
    return buf;
}

}  // namespace

std::string formatCountdownMs(std::int64_t ms, bool roundUp) {
    ms = std::max<std::int64_t>(ms, 0);
    return hms(roundUp ? shownCountdownSeconds(ms) : shownSeconds(ms), false);
}

std::string formatClockMs(std::int64_t ms, bool roundUp) {
    ms = std::max<std::int64_t>(ms, 0);
    return hms(roundUp ? shownCountdownSeconds(ms) : shownSeconds(ms), true);
}

std::string formatDifferenceMs(std::int64_t actualMs, std::int64_t plannedMs) {
    return formatSignedMs(shownDifferenceMs(actualMs, plannedMs));
}

std::string rowDifferenceText(std::int64_t actualMs, std::int64_t plannedMs) {
    return shownDifferenceMs(actualMs, plannedMs) == 0 ? std::string()
                                                       : formatDifferenceMs(actualMs, plannedMs);
}

std::string upcomingLengthText(const SegmentState& segment) {
    return formatCountdownMs(segment.effectivePlannedMs, true);
}

std::string endedOverUnder(const SessionReport& report) {
    return formatSignedMs(report.differenceMs);
}

std::string endedSummary(const SessionReport& report) {
    return formatCountdownMs(report.actualTotalMs, false) + " on air   " + endedOverUnder(report) +
           " " + overUnderWord(report.differenceMs);
}

std::string formatSignedMs(std::int64_t ms) {
    const std::int64_t seconds = shownSeconds(ms < 0 ? -ms : ms);
    if (seconds == 0) return "0:00";  // zero has no sign
    char buf[48];
    const long long s = static_cast<long long>(seconds);
    if (s >= 3600) {
        std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", s / 3600, (s / 60) % 60, s % 60);
    } else {
        std::snprintf(buf, sizeof buf, "%lld:%02lld", s / 60, s % 60);
    }
    return std::string(ms < 0 ? "−" : "+") + buf;
}

Countdown countdownFor(const RunnerState& r, std::int64_t warningMs) {
    Countdown c;
    if (r.phase == RunPhase::Ended) {
        c.tone = CountdownTone::Ended;
        c.text = formatCountdownMs(r.showElapsedMs, false);
        c.progress = 1.0f;
        return c;
    }
    if (!r.current) {
        // Before the start: what the first segment will count down from.
        c.tone = CountdownTone::Waiting;
        const std::int64_t first = r.segments.empty() ? 0 : r.segments.front().effectivePlannedMs;
        c.text = formatCountdownMs(first, true);
        return c;
    }
    const CurrentSegment& seg = *r.current;
    c.held = r.phase == RunPhase::Paused;
    if (seg.plannedMs > 0) {
        // In whole seconds, like the digits: a bar creeping every frame would make every frame a
        // new picture to rasterize, and the countdown's CPU cost would go from ~1 frame a second
        // to ten.
        const std::int64_t elapsed = seg.elapsedMs / 1000 * 1000;
        c.progress =
            std::clamp(static_cast<float>(elapsed) / static_cast<float>(seg.plannedMs), 0.0f, 1.0f);
    } else {
        c.progress = 1.0f;
    }
    if (seg.remainingMs <= 0 && shownSeconds(seg.overrunMs) == 0) {
        // Time is up but not yet a whole second over: 00:00, no sign, not yet red.
        c.tone = CountdownTone::Warning;
        c.text = formatCountdownMs(0, false);
    } else if (seg.remainingMs <= 0) {
        c.tone = CountdownTone::Overrun;
        c.text = "+" + formatCountdownMs(seg.overrunMs, false);
    } else {
        c.tone = seg.remainingMs <= warningMs ? CountdownTone::Warning : CountdownTone::Normal;
        c.text = formatCountdownMs(seg.remainingMs, true);
    }
    return c;
}

ImU32 toneColour(CountdownTone tone) {
    switch (tone) {
        case CountdownTone::Waiting:
            return colours::kTextDim;
        case CountdownTone::Normal:
            return colours::kText;
        case CountdownTone::Warning:
            return colours::kWarning;
        case CountdownTone::Overrun:
            return colours::kBad;
        case CountdownTone::Ended:
            return colours::kTextDim;
    }
    return colours::kText;
}

}  // namespace pycast::ui
