// Times of day are instants: one placement for the planner, the totals and the runner, and the
// schedule offset that says how late the show is.
#include <doctest/doctest.h>

#include "core/rundown.hpp"
#include "core/show_runner.hpp"
#include "core/show_time.hpp"

using namespace pycast;

namespace {

constexpr std::int64_t kMinMs = 60'000;
constexpr Seconds kHour = 3600;

Segment seg(const std::string& id, Seconds planned, std::optional<Seconds> fixed = {}) {
    Segment s;
    s.id = id;
    s.title = id;
    s.planned = planned;
    s.fixedStart = fixed;
    return s;
}

Show showOf(std::vector<Segment> segments, std::optional<Seconds> start, std::optional<Seconds> hardOut,
            std::string date = "2026-12-05") {
    Show show;
    show.meta.title = "Time test";
    show.meta.date = std::move(date);
    show.meta.startTime = start;
    show.meta.hardOut = hardOut;
    show.rundown = std::move(segments);
    return show;
}

Seconds hm(int h, int m) { return h * kHour + m * 60; }

}  // namespace

TEST_CASE("a 13-hour day from 08:00 to a 21:00 hard out has 13 hours, not a hard out 11 hours ago") {
    const Show show = showOf({seg("day", 13 * kHour)}, hm(8, 0), hm(21, 0));
    const ShowTimes t = placeTimesOfDay(show);
    CHECK(t.hardOutOffset == 13 * kHour);

    const RundownAnalysis a = analyzeRundown(show);
    CHECK(a.hardOutMargin == 0);
    for (const auto& f : a.findings) CHECK(f.message.find("hard out") == std::string::npos);

    // The session starts at 08:00 on the show's date; one second in, 12:59:59 are left.
    ShowRunner r(show);
    r.setTimeOfDayAtZeroMs(hm(8, 0) * 1000);
    r.setDateAtZero("2026-12-05");
    REQUIRE(r.start(0));
    const RunnerState st = r.state(1000);
    CHECK(st.hardOutMs == 13 * kHour * 1000);
    CHECK(st.timeLeftToHardOutMs == 13 * kHour * 1000 - 1000);
    CHECK_FALSE(st.endsAfterHardOut);
    REQUIRE(st.current);
    CHECK_FALSE(st.current->cannotFit);
}

TEST_CASE("a plan from 23:50 to a 00:30 hard out with a fixed 00:00 start fits, in the planner and the runner") {
    const Show show = showOf({seg("open", 10 * 60), seg("midnight", 15 * 60, hm(0, 0))}, hm(23, 50), hm(0, 30));
    const RundownAnalysis a = analyzeRundown(show);
    REQUIRE(a.segments.size() == 2);
    CHECK(a.segments[1].startOffset == 10 * 60);
    CHECK_FALSE(a.segments[1].fixedStartMissed);
    CHECK(a.plannedTotal == 25 * 60);
    CHECK(a.hardOutOffset == 40 * 60);
    CHECK(a.hardOutMargin == 15 * 60);
    for (const auto& f : a.findings) {
        CHECK(f.message.find("fixed at") == std::string::npos);
        CHECK(f.message.find("hard out") == std::string::npos);
    }

    ShowRunner r(show);
    r.setTimeOfDayAtZeroMs(hm(23, 50) * 1000);
    r.setDateAtZero("2026-12-05");
    REQUIRE(r.start(0));
    const RunnerState st = r.state(0);
    CHECK(st.segments[1].fixedStartMs == 10 * kMinMs);
    CHECK(st.hardOutMs == 40 * kMinMs);
    CHECK_FALSE(st.segments[1].cannotFit);
}

TEST_CASE("a fixed 02:00 start after a 2-hour segment from 23:00 is three hours in, not missed") {
    const Show show = showOf({seg("long", 2 * kHour), seg("late", 30 * 60, hm(2, 0))}, hm(23, 0), {});
    const RundownAnalysis a = analyzeRundown(show);
    CHECK(a.segments[1].startOffset == 3 * kHour);
    CHECK(a.segments[1].startTimeOfDay == hm(26, 0));  // 02:00 the next day
    // Against a 2:30:00 target the plan is over because of the wait: say so, and what helps.
    Show targeted = show;
    targeted.meta.target = 2 * kHour + 30 * 60;
    const RundownAnalysis t = analyzeRundown(targeted);
    bool said = false;
    for (const auto& f : t.findings)
        if (f.message.find("1:00:00 of it waiting for fixed starts") != std::string::npos &&
            f.message.find("move a fixed start") != std::string::npos)
            said = true;
    CHECK(said);
    CHECK_FALSE(a.segments[1].fixedStartMissed);
    for (const auto& f : a.findings) {
        CHECK(f.message.find("fixed at") == std::string::npos);
        CHECK(f.message.find("hard out") == std::string::npos);
    }
}

TEST_CASE("a session opened at noon for a 23:30 show places its 00:40 hard out tonight, not in the past") {
    for (const std::string date : {"2026-12-05", ""}) {
        CAPTURE(date);
        const Show show = showOf({seg("a", 30 * 60), seg("b", 30 * 60)}, hm(23, 30), hm(0, 40), date);
        ShowRunner r(show);
        r.setTimeOfDayAtZeroMs(hm(12, 0) * 1000);
        r.setDateAtZero("2026-12-05");
        const RunnerState before = r.state(0);
        CHECK(before.plannedStartMs == (11 * kHour + 30 * 60) * 1000);
        CHECK(before.hardOutMs == (12 * kHour + 40 * 60) * 1000);
        CHECK(*before.timeLeftToHardOutMs > 0);
        CHECK(before.scheduleShiftMs == 0);
        // Started on time at 23:30, the hard out is 1:10 away.
        REQUIRE(r.start((11 * kHour + 30 * 60) * 1000));
        const RunnerState on = r.state((11 * kHour + 30 * 60) * 1000);
        CHECK(on.timeLeftToHardOutMs == 70 * kMinMs);
        CHECK(on.scheduleOffsetMs == 0);
    }
}

TEST_CASE("without a date, a session opened shortly after the start time is late for that show, not early for tomorrow's") {
    const Show show = showOf({seg("a", 30 * 60)}, hm(23, 30), {}, "");
    const auto planned = plannedStartSessionMs(show, "2026-12-06", hm(0, 10) * 1000);
    CHECK(planned == -40 * kMinMs);
    // With the show's date the day is taken from it: yesterday's 23:30.
    const Show dated = showOf({seg("a", 30 * 60)}, hm(23, 30), {}, "2026-12-05");
    CHECK(plannedStartSessionMs(dated, "2026-12-06", hm(0, 10) * 1000) == -40 * kMinMs);
    CHECK(plannedStartSessionMs(dated, "2026-12-04", hm(23, 30) * 1000) == 24 * kHour * 1000);
}

TEST_CASE("a time of day earlier than the one before it is the next day, in rundown order") {
    const Show show = showOf({seg("a", 60, hm(20, 0)), seg("b", 60, hm(9, 0)), seg("c", 60)}, hm(19, 0), hm(10, 0));
    const ShowTimes t = placeTimesOfDay(show);
    CHECK(t.fixedStartOffsets[0] == kHour);
    CHECK(t.fixedStartOffsets[1] == 14 * kHour);
    CHECK_FALSE(t.fixedStartOffsets[2].has_value());
    CHECK(t.hardOutOffset == 15 * kHour);
    // Without a start time nothing can be placed, unless the real start anchors it.
    const Show noStart = showOf({seg("a", 60, hm(20, 0))}, {}, hm(21, 0));
    CHECK_FALSE(placeTimesOfDay(noStart).hardOutOffset.has_value());
    CHECK(placeTimesOfDay(noStart, hm(19, 30)).hardOutOffset == 90 * 60);
}

TEST_CASE("a show longer than a day, or with a hard out it cannot reach, is a problem with its path") {
    CHECK(showTimeProblems(showOf({seg("a", 13 * kHour)}, hm(8, 0), hm(21, 0))).empty());

    const auto tooLong = showTimeProblems(showOf({seg("a", 20 * kHour), seg("b", 5 * kHour)}, hm(8, 0), {}));
    REQUIRE(tooLong.size() == 1);
    CHECK(tooLong[0].path == "/rundown");
    CHECK(tooLong[0].message.find("24:00:00") != std::string::npos);

    // 19:00 → 20:00 → 09:00 (next day) → hard out 08:00 (the day after): 37 hours.
    const auto beyond = showTimeProblems(showOf({seg("a", 60, hm(20, 0)), seg("b", 60, hm(9, 0))}, hm(19, 0), hm(8, 0)));
    REQUIRE(beyond.size() == 1);
    CHECK(beyond[0].path == "/show/hard_out");

    // 08:00, ten minutes, then a segment fixed at 07:59 — the next morning — that runs ten more.
    const auto overnight = showTimeProblems(showOf({seg("a", 600), seg("b", 600, hm(7, 59))}, hm(8, 0), {}));
    REQUIRE(overnight.size() == 1);
    CHECK(overnight[0].path == "/rundown");
    CHECK(overnight[0].message.find("24:09:00") != std::string::npos);

    const auto zero = showTimeProblems(showOf({seg("a", 60)}, hm(19, 0), hm(19, 0)));
    REQUIRE(zero.size() == 1);
    CHECK(zero[0].path == "/show/hard_out");
    CHECK(zero[0].message.find("no time") != std::string::npos);

    const auto atFixed = showTimeProblems(showOf({seg("a", 60), seg("b", 600, hm(20, 0))}, hm(19, 0), hm(20, 0)));
    REQUIRE(atFixed.size() == 1);
    CHECK(atFixed[0].message.find("\"b\"") != std::string::npos);
}

TEST_CASE("the schedule offset counts a hold that the over/under leaves out") {
    const Show show = showOf({seg("a", 10 * 60), seg("b", 10 * 60)}, hm(19, 0), {});
    ShowRunner r(show);
    r.setTimeOfDayAtZeroMs(hm(19, 0) * 1000);
    r.setDateAtZero("2026-12-05");
    REQUIRE(r.start(0));
    REQUIRE(r.pause(3 * kMinMs));
    REQUIRE(r.resume(5 * kMinMs));
    const RunnerState st = r.state(6 * kMinMs);
    CHECK(st.overUnderMs == 0);                  // the segment itself is not over
    CHECK(st.scheduleOffsetMs == 2 * kMinMs);    // but the show is two minutes behind
    CHECK(st.projectedEndMs == 22 * kMinMs);

    // Running 1 minute into an overrun of "a" after the hold: 3 minutes behind.
    const RunnerState over = r.state(13 * kMinMs);
    CHECK(over.scheduleOffsetMs == 3 * kMinMs);
    // Cutting "b" short wins the time back by the end.
    REQUIRE(r.next(13 * kMinMs));
    REQUIRE(r.end(18 * kMinMs));
    CHECK(r.state(18 * kMinMs).scheduleOffsetMs == -2 * kMinMs);
}

TEST_CASE("a late start is schedule offset — a start hours away moves the schedule instead") {
    const Show show = showOf({seg("a", 10 * 60)}, hm(19, 0), hm(19, 30));
    ShowRunner late(show);
    late.setTimeOfDayAtZeroMs(hm(18, 50) * 1000);
    late.setDateAtZero("2026-12-05");
    REQUIRE(late.start(15 * kMinMs));            // 19:05
    CHECK(late.state(15 * kMinMs).scheduleOffsetMs == 5 * kMinMs);
    CHECK(late.state(15 * kMinMs).scheduleShiftMs == 0);

    ShowRunner taped(show);
    taped.setTimeOfDayAtZeroMs(hm(14, 0) * 1000);
    taped.setDateAtZero("2026-12-05");
    REQUIRE(taped.start(0));                     // 14:00, five hours early: a taping
    const RunnerState st = taped.state(60'000);
    CHECK(st.scheduleShiftMs == -5 * kHour * 1000);
    CHECK(st.hardOutMs == 30 * kMinMs);
    CHECK(st.scheduleOffsetMs == 0);
}

TEST_CASE("without a start time there is no planned start, and no schedule offset, before the show starts") {
    const Show show = showOf({seg("a", 600)}, {}, hm(21, 0), "");
    ShowRunner r(show);
    r.setTimeOfDayAtZeroMs(hm(20, 0) * 1000 + 359);
    r.setDateAtZero("2026-12-05");
    const RunnerState before = r.state(5000);
    CHECK_FALSE(before.plannedStartMs.has_value());
    CHECK(before.scheduleOffsetMs == 0);
    CHECK(before.hardOutMs.has_value());  // the hard out still counts down from now
    REQUIRE(r.start(10'000));
    const RunnerState on = r.state(70'000);
    REQUIRE(on.plannedStartMs.has_value());
    CHECK(on.scheduleOffsetMs == 0);
}
