// How live times read: the countdown's text and colour in every phase, signed times, the message
// pulse and the digit font.
#include <doctest/doctest.h>

#include "views/live/live_digits.hpp"
#include "views/live/live_format.hpp"
#include "views/live/live_view.hpp"
#include "test_live_support.hpp"
#include "widgets/theme.hpp"

using namespace pycast;
using namespace pycast::ui;
using namespace pycast::uitest;

TEST_CASE("countdown text: remaining rounds up, overrun rounds down, hours when needed") {
    CHECK(formatCountdownMs(0, true) == "00:00");
    CHECK(formatCountdownMs(1, true) == "00:01");
    CHECK(formatCountdownMs(59'001, true) == "01:00");
    CHECK(formatCountdownMs(59'999, false) == "00:59");
    CHECK(formatCountdownMs(3'600'000, false) == "1:00:00");
    CHECK(formatCountdownMs(-5'000, true) == "00:00");
    CHECK(formatClockMs(421'337) == "0:07:01");
    CHECK(formatSignedMs(12'000) == "+0:12");
    CHECK(formatSignedMs(-90'000) == "−1:30");
    CHECK(formatSignedMs(999) == "0:00");   // zero has no sign
    CHECK(formatSignedMs(-999) == "0:00");
    CHECK(formatSignedMs(3'725'000) == "+1:02:05");
}

TEST_CASE("figures shown together add up: clock plus countdown, and a row's difference") {
    // 40:00 planned, 22:18.4 on the show clock: the hard out is 17:42 away, not 17:41.
    const std::int64_t elapsed = 22 * kMin + 18'400;
    CHECK(formatClockMs(elapsed) == "0:22:18");
    CHECK(formatClockMs(40 * kMin - elapsed, true) == "0:17:42");
    // Planned 0:10, actual 0:04.6: the difference is the shown 0:04 minus 0:10.
    CHECK(formatCountdownMs(4'600, false) == "00:04");
    CHECK(formatDifferenceMs(4'600, 10'000) == "−0:06");
    CHECK(formatDifferenceMs(10'600, 10'000) == "0:00");
}

TEST_CASE(
    "the countdown through a segment: normal, amber in the last minute, red and counting up") {
    LiveFixture f;
    f.createSession();
    const std::int64_t warn = 60'000;

    Countdown c = countdownFor(f.runner(), warn);
    CHECK(c.tone == CountdownTone::Waiting);
    CHECK(c.text == "03:00");  // what the first segment will count down from

    REQUIRE(f.controller->perform(LiveAction::Start));
    f.advance(500);
    c = countdownFor(f.runner(), warn);
    CHECK(c.tone == CountdownTone::Normal);
    CHECK(c.text == "03:00");  // 2:59.5 left reads 03:00, never 02:59 too early
    CHECK_FALSE(c.held);

    f.advance(2 * kMin - 500);  // exactly one minute left
    c = countdownFor(f.runner(), warn);
    CHECK(c.tone == CountdownTone::Warning);
    CHECK(c.text == "01:00");
    CHECK(c.progress == doctest::Approx(2.0 / 3.0));

    f.advance(kMin);  // time is up
    c = countdownFor(f.runner(), warn);
    CHECK(c.tone == CountdownTone::Warning);
    CHECK(c.text == "00:00");
    f.advance(999);   // not yet a whole second over: no sign, not red
    c = countdownFor(f.runner(), warn);
    CHECK(c.tone == CountdownTone::Warning);
    CHECK(c.text == "00:00");
    f.advance(1);
    c = countdownFor(f.runner(), warn);
    CHECK(c.tone == CountdownTone::Overrun);
    CHECK(c.text == "+00:01");
    f.advance(60'500);
    c = countdownFor(f.runner(), warn);
    CHECK(c.tone == CountdownTone::Overrun);
    CHECK(c.text == "+01:01");
    CHECK(c.progress == doctest::Approx(1.0));

    REQUIRE(f.controller->perform(LiveAction::Hold));
    f.advance(kMin);
    c = countdownFor(f.runner(), warn);
    CHECK(c.held);
    CHECK(c.text == "+01:01");  // a held clock stands still

    REQUIRE(f.controller->perform(LiveAction::End));
    c = countdownFor(f.runner(), warn);
    CHECK(c.tone == CountdownTone::Ended);
}

TEST_CASE("the warning threshold is the host's setting") {
    LiveFixture f;
    f.createSession();
    REQUIRE(f.controller->perform(LiveAction::Start));
    f.advance(kMin);  // two minutes left
    CHECK(countdownFor(f.runner(), 60'000).tone == CountdownTone::Normal);
    CHECK(countdownFor(f.runner(), 120'000).tone == CountdownTone::Warning);
    CHECK(countdownFor(f.runner(), 0).tone == CountdownTone::Normal);
}

TEST_CASE("tone colours are the theme's status colours, the same on every live view") {
    CHECK(toneColour(CountdownTone::Normal) == colours::kText);
    CHECK(toneColour(CountdownTone::Warning) == colours::kWarning);
    CHECK(toneColour(CountdownTone::Overrun) == colours::kBad);
}

TEST_CASE(
    "a new producer message pulses for a few seconds, and the first one seen and a clear do not") {
    MessageFlash flash;
    const ProducerMessage old{"old news", 1000};
    CHECK(flash.update(old, 10.0) == 0.0f);  // already there when the view opened
    CHECK_FALSE(flash.active(10.0));

    const ProducerMessage fresh{"wrap up", 50'000};
    CHECK(flash.update(fresh, 20.0) == doctest::Approx(1.0f));
    CHECK(flash.active(21.0));
    const float later = flash.update(fresh, 23.0);
    CHECK(later >= 0.0f);
    CHECK(later < 1.0f);
    CHECK(flash.update(fresh, 20.0 + MessageFlash::kSeconds + 0.1) == 0.0f);
    CHECK_FALSE(flash.active(20.0 + MessageFlash::kSeconds + 0.1));

    // The same text sent again is a new message (its time differs).
    CHECK(flash.update(ProducerMessage{"wrap up", 90'000}, 40.0) == doctest::Approx(1.0f));
    CHECK(flash.update(std::nullopt, 41.0) == 0.0f);
}

TEST_CASE("the digit font holds the countdown's characters at the size asked, in steps") {
    DigitFont digits;
    CHECK(digits.font() == nullptr);
    CHECK(digits.ensureSize(301.0f));
    REQUIRE(digits.font() != nullptr);
    CHECK(digits.size() == 304.0f);  // rounded to 8 px
    const int built = digits.generation();
    CHECK_FALSE(digits.ensureSize(302.0f));  // same size: no rebuild
    CHECK(digits.generation() == built);
    for (const char* c = kCountdownCharacters; *c; ++c) {
        CAPTURE(*c);
        CHECK(digits.font()->FindGlyphNoFallback(static_cast<ImWchar>(*c)) != nullptr);
    }
    const float w = digits.widthPerPixel("+00:00");
    CHECK(w > 1.5f);
    CHECK(w < 5.0f);
    CHECK(digits.ensureSize(10000.0f));
    CHECK(digits.size() == 640.0f);
    CHECK(digits.generation() == built + 1);
}

TEST_CASE("journal stamps read as local date and time, and anything else as it is") {
    const std::string local = localTimeOfStamp("2026-11-25T11:31:01.000Z");
    CHECK(local.size() == std::string("2026-11-25 19:31").size());
    CHECK(local.find(':') != std::string::npos);
    CHECK(localTimeOfStamp("yesterday") == "yesterday");
}

TEST_CASE("a rundown row on time shows its actual time alone, not beside a second 0:00") {
    CHECK(rowDifferenceText(300'000, 300'000).empty());
    CHECK(rowDifferenceText(300'900, 300'000).empty());     // 05:00 as shown: no difference
    CHECK(rowDifferenceText(299'600, 300'000) == "−0:01");  // 04:59 shown
    CHECK(rowDifferenceText(301'000, 300'000) == "+0:01");
    CHECK(rowDifferenceText(420'000, 300'000) == "+2:00");
}
