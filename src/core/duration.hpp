// Durations and times of day as people write them: "mm:ss", "h:mm:ss", "19:30".
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace pycast {

enum class DurationError { None, Empty, NotADuration, Negative, SecondsOutOfRange, TooLong };

struct DurationParse {
    std::int64_t seconds = 0;
    DurationError error = DurationError::None;
    bool ok() const { return error == DurationError::None; }
};

// "35:00" → 2100, "1:05:00" → 3900. Minutes may exceed 59 in the two-part form ("90:00").
// Full-width digits and colons as Chinese and Japanese input methods type them ("０５：００")
// read as ASCII ones. A well-formed length above kMaxDurationSeconds is TooLong.
DurationParse parseDuration(const std::string& text);
// The longest length a show file holds ("999999:59:59"). Anything longer is refused with
// DurationError::TooLong rather than wrapped or rounded.
constexpr std::int64_t kMaxDurationSeconds = 999999LL * 3600 + 59 * 60 + 59;
// 2100 → "35:00", 3900 → "1:05:00"; negative values get a leading "-".
std::string formatDuration(std::int64_t seconds);
// Milliseconds rounded toward zero to whole seconds, then formatted; "-" prefix when negative.
std::string formatDurationMs(std::int64_t ms);
// A position on a timeline as players and YouTube write it: "1:15", "1:02:03" (no leading zero
// on the first field), with `withMs` "1:15.042"; ms rounded down; "-" prefix when negative.
std::string formatTimecode(std::int64_t ms, bool withMs);

// Full-width digits (U+FF10..U+FF19), colon, full stop and comma as their ASCII forms; other text unchanged.
std::string asciiDigits(const std::string& text);

// "19:30" or "19:30:15" (full-width "１９：３０" too) → seconds after midnight; nullopt if
// malformed or out of range.
std::optional<std::int64_t> parseTimeOfDay(const std::string& text);
// 70200 → "19:30"; seconds shown only when non-zero ("19:30:15"). Wraps past midnight.
std::string formatTimeOfDay(std::int64_t secondsAfterMidnight);

}  // namespace pycast
