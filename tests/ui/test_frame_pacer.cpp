// Frame pacing: full rate after input, a slow idle tick, live views' rates, wake-ups from other
// threads.
#include <doctest/doctest.h>

#include <thread>

#include "shell/frame_pacer.hpp"

using pycast::ui::FramePacer;

TEST_CASE("idle: the loop may sleep up to the idle interval after the last frame") {
    FramePacer pacer;
    pacer.beginFrame(100.0);
    CHECK(pacer.waitSeconds(100.0) == doctest::Approx(0.5));
    CHECK(pacer.waitSeconds(100.4) == doctest::Approx(0.1));
    CHECK(pacer.waitSeconds(101.0) == doctest::Approx(0.0));
}

TEST_CASE("input: full rate for a second, then back to idle") {
    FramePacer pacer;
    pacer.noteInput(10.0);
    pacer.beginFrame(10.0);
    CHECK(pacer.waitSeconds(10.0) == doctest::Approx(1.0 / 60.0));
    pacer.beginFrame(10.9);
    CHECK(pacer.waitSeconds(10.9) == doctest::Approx(1.0 / 60.0));
    pacer.beginFrame(11.2);
    CHECK(pacer.waitSeconds(11.2) == doctest::Approx(0.5));
}

TEST_CASE("input while idle ends the wait at once") {
    FramePacer pacer;
    pacer.beginFrame(0.0);
    CHECK(pacer.waitSeconds(0.2) > 0.0);
    pacer.noteInput(0.2);  // a key press arrives 0.2 s into the idle sleep
    CHECK(pacer.waitSeconds(0.2) == doctest::Approx(0.0));
}

TEST_CASE("a live view's requested rate lasts as long as it keeps asking") {
    FramePacer pacer;
    pacer.beginFrame(0.0);
    pacer.requestFrameRate(10.0);  // a countdown
    CHECK(pacer.waitSeconds(0.0) == doctest::Approx(0.1));
    pacer.beginFrame(0.1);  // the countdown was closed: nobody asks again
    CHECK(pacer.waitSeconds(0.1) == doctest::Approx(0.5));
}

TEST_CASE("wake() from another thread makes the next frame due now, once") {
    FramePacer pacer;
    pacer.beginFrame(0.0);
    std::thread worker([&] { pacer.wake(); });
    worker.join();
    CHECK(pacer.waitSeconds(0.0) == doctest::Approx(0.0));
    CHECK(pacer.consumeWake());
    CHECK_FALSE(pacer.consumeWake());
    CHECK(pacer.waitSeconds(0.0) == doctest::Approx(0.5));
}
