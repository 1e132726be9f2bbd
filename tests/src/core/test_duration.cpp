// Durations and times of day as producers type them.
#include <doctest/doctest.h>

#include "core/duration.hpp"

using namespace pycast;

TEST_CASE("durations parse as mm:ss and h:mm:ss") {
    CHECK(parseDuration("35:00").seconds == 2100);
    CHECK(parseDuration("1:05:00").seconds == 3900);
    CHECK(parseDuration("90:00").seconds == 5400);
    CHECK(parseDuration(" 00:30 ").seconds == 30);
    CHECK(parseDuration("5 min").error == DurationError::NotADuration);
    CHECK(parseDuration("300").error == DurationError::NotADuration);
    CHECK(parseDuration("").error == DurationError::Empty);
    CHECK(parseDuration("-01:00").error == DurationError::Negative);
    CHECK(parseDuration("01:75").error == DurationError::SecondsOutOfRange);
    CHECK(parseDuration("1:75:00").error == DurationError::SecondsOutOfRange);
}

TEST_CASE("durations format back the way they were written") {
    CHECK(formatDuration(2100) == "35:00");
    CHECK(formatDuration(3900) == "1:05:00");
    CHECK(formatDuration(-65) == "-01:05");
    CHECK(formatDurationMs(59999) == "00:59");
    for (std::int64_t s : {0, 1, 59, 60, 3599, 3600, 7325})
        CHECK(parseDuration(formatDuration(s)).seconds == s);
}

TEST_CASE("times of day are 24-hour HH:MM") {
    CHECK(parseTimeOfDay("19:30") == 70200);
    CHECK(parseTimeOfDay("19:30:15") == 70215);
    CHECK_FALSE(parseTimeOfDay("25:00"));
    CHECK_FALSE(parseTimeOfDay("7pm"));
    CHECK(formatTimeOfDay(70200) == "19:30");
    CHECK(formatTimeOfDay(70215) == "19:30:15");
    CHECK(formatTimeOfDay(86400 + 60) == "00:01");
}

TEST_CASE("full-width digits and colons read as digits") {
    CHECK(parseDuration("\xEF\xBC\x90\xEF\xBC\x95\xEF\xBC\x9A\xEF\xBC\x90\xEF\xBC\x90").seconds == 300);  // ０５：００
    CHECK(parseDuration("\xEF\xBC\x90\xEF\xBC\x95:\xEF\xBC\x93\xEF\xBC\x90").seconds == 330);              // ０５:３０
    CHECK(parseDuration("\xEF\xBC\x91:05:00").ok());
    CHECK(asciiDigits("\xEF\xBC\x92\xEF\xBC\x8E\xEF\xBC\x95 分") == "2.5 分");
    CHECK(asciiDigits("開場") == "開場");
    CHECK(parseTimeOfDay("\xEF\xBC\x91\xEF\xBC\x99\xEF\xBC\x9A\xEF\xBC\x95\xEF\xBC\x90") == 19 * 3600 + 50 * 60);  // １９：５０
}

TEST_CASE("a well-formed length too long to hold is TooLong, not NotADuration") {
    CHECK(parseDuration("999999:59:59").seconds == kMaxDurationSeconds);
    CHECK(parseDuration("1000000:00:00").error == DurationError::TooLong);
    CHECK(parseDuration("99999999999999999999:00").error == DurationError::TooLong);
    CHECK(parseDuration("9999999:00").seconds == 9999999LL * 60);   // minutes may run long
    CHECK(parseDuration("12x:00").error == DurationError::NotADuration);
}

TEST_CASE("formatTimecode writes a timeline position as players and YouTube read it") {
    CHECK(formatTimecode(0, false) == "0:00");
    CHECK(formatTimecode(75'999, false) == "1:15");
    CHECK(formatTimecode(75'042, true) == "1:15.042");
    CHECK(formatTimecode(3'723'456, true) == "1:02:03.456");
    CHECK(formatTimecode(36'000'000, false) == "10:00:00");
    CHECK(formatTimecode(-1'500, true) == "-0:01.500");
}
