// Tests for the live show runner: timing arithmetic on a manual clock, no real time passes.
#include <doctest/doctest.h>

#include <numeric>
#include <random>

#include "core/clock.hpp"
#include "core/show_runner.hpp"

using namespace pycast;

namespace {

constexpr std::int64_t kMin = 60'000;

Segment seg(const std::string& id, Seconds planned, SegmentKind kind = SegmentKind::Experience) {
    Segment s;
    s.id = id;
    s.title = id;
    s.kind = kind;
    s.planned = planned;
    return s;
}

Show showOf(std::vector<Segment> segments) {
    Show show;
    show.meta.title = "Runner test";
    show.rundown = std::move(segments);
    return show;
}

const SegmentState& segAt(const RunnerState& st, int i) {
    return st.segments.at(static_cast<std::size_t>(i));
}

std::int64_t sumActual(const RunnerState& st) {
    std::int64_t sum = 0;
    for (const auto& s : st.segments) sum += s.actualMs;
    return sum;
}

}  // namespace

TEST_CASE("ShowRunner: invalid operations are refused with a reason, never thrown") {
    ShowRunner empty(showOf({}));
    CHECK(empty.start(0).error == RunnerError::EmptyRundown);

    ShowRunner r(showOf({seg("a", 300), seg("b", 300)}));
    CHECK(r.state(0).phase == RunPhase::NotStarted);
    CHECK(r.state(0).currentIndex == -1);
    CHECK_FALSE(r.state(0).current.has_value());

    const RunnerResult early = r.next(0);
    CHECK_FALSE(early.ok());
    CHECK(early.error == RunnerError::NotStarted);
    CHECK_FALSE(early.message.empty());
    CHECK(r.pause(0).error == RunnerError::NotStarted);
    CHECK(r.extend(0, 30).error == RunnerError::NotStarted);
    CHECK(r.noteQuestionAnswered(0).error == RunnerError::NotStarted);
    CHECK(r.end(0).error == RunnerError::NotStarted);

    REQUIRE(r.start(1000));
    CHECK(r.start(1000).error == RunnerError::AlreadyStarted);
    CHECK(r.resume(1000).error == RunnerError::NotPaused);
    CHECK(r.previous(1000).error == RunnerError::NoPreviousSegment);
    CHECK(r.gotoSegment(1000, 2).error == RunnerError::NoSuchSegment);
    CHECK(r.gotoSegment(1000, -1).error == RunnerError::NoSuchSegment);
    CHECK(r.next(999).error == RunnerError::TimeWentBackwards);
    REQUIRE(r.pause(2000));
    CHECK(r.pause(2000).error == RunnerError::AlreadyPaused);
    REQUIRE(r.resume(3000));
    REQUIRE(r.next(4000));
    CHECK(r.next(5000).error == RunnerError::NoNextSegment);
    REQUIRE(r.end(6000));

    for (const RunnerResult& after :
         {r.start(7000), r.pause(7000), r.resume(7000), r.next(7000), r.previous(7000),
          r.gotoSegment(7000, 0), r.extend(7000, 10), r.noteQuestionAnswered(7000), r.end(7000)})
        CHECK(after.error == RunnerError::Ended);
    CHECK(r.state(99'000).phase == RunPhase::Ended);
    CHECK(r.state(99'000).showElapsedMs == 5000);
}

TEST_CASE("ShowRunner: elapsed, remaining and overrun of the current segment") {
    ShowRunner r(showOf({seg("a", 300), seg("b", 600)}));
    REQUIRE(r.start(1000));

    RunnerState st = r.state(61'000);
    REQUIRE(st.current.has_value());
    CHECK(st.current->index == 0);
    CHECK(st.current->id == "a");
    CHECK(st.current->elapsedMs == 60'000);
    CHECK(st.current->plannedMs == 300'000);
    CHECK(st.current->remainingMs == 240'000);
    CHECK(st.current->overrunMs == 0);

    st = r.state(1000 + 305'000);   // five seconds past zero: counts up
    CHECK(st.current->remainingMs == 0);
    CHECK(st.current->overrunMs == 5000);
    CHECK(st.overUnderMs == 5000);

    // A state asked for before the last operation reads as that operation's time.
    REQUIRE(r.next(400'000));
    CHECK(r.state(0).nowMs == 400'000);
}

TEST_CASE("ShowRunner: pause freezes elapsed while the show clock moves the projected end") {
    ManualClock clock;
    ShowRunner r(showOf({seg("a", 300), seg("b", 600)}));
    REQUIRE(r.start(clock.nowMs()));
    clock.advance(100'000);
    REQUIRE(r.pause(clock.nowMs()));
    const std::int64_t endBefore = r.state(clock.nowMs()).projectedEndMs;
    CHECK(endBefore == 900'000);

    clock.advance(60'000);
    RunnerState st = r.state(clock.nowMs());
    CHECK(st.phase == RunPhase::Paused);
    CHECK(st.current->elapsedMs == 100'000);
    CHECK(st.pausedMs == 60'000);
    CHECK(segAt(st, 0).pausedMs == 60'000);
    CHECK(st.projectedEndMs == endBefore + 60'000);
    CHECK(st.overUnderMs == 0);   // a hold is not an overrun

    REQUIRE(r.resume(clock.nowMs()));
    clock.advance(40'000);
    st = r.state(clock.nowMs());
    CHECK(st.current->elapsedMs == 140'000);
    CHECK(st.showElapsedMs == 200'000);
    CHECK(sumActual(st) + st.pausedMs == st.showElapsedMs);
}

TEST_CASE("ShowRunner: over/under counts finished segments and only the running overage") {
    ShowRunner r(showOf({seg("a", 300), seg("b", 300), seg("c", 300)}));
    REQUIRE(r.start(0));
    REQUIRE(r.next(200'000));   // a: 100 s under
    RunnerState st = r.state(200'000);
    CHECK(st.overUnderMs == -100'000);
    CHECK(segAt(st, 0).status == SegmentStatus::Done);
    CHECK(segAt(st, 0).differenceMs == -100'000);

    // b runs 100 of its 300 s: its unused time does not pull the show further under.
    st = r.state(300'000);
    CHECK(st.overUnderMs == -100'000);
    // b 100 s over: the overage counts while it runs.
    st = r.state(200'000 + 400'000);
    CHECK(st.overUnderMs == 0);
    CHECK(st.current->overrunMs == 100'000);

    // Projected end = planned end + over/under + holds (no extensions here).
    CHECK(st.projectedEndMs == 0 + st.plannedTotalMs + st.overUnderMs + st.pausedMs);
    CHECK(st.plannedTotalMs == 900'000);
}

TEST_CASE("ShowRunner: extend and shorten change the current segment's plan, never below zero") {
    ShowRunner r(showOf({seg("a", 300), seg("b", 300)}));
    REQUIRE(r.start(0));
    REQUIRE(r.extend(10'000, 60));
    RunnerState st = r.state(10'000);
    CHECK(st.current->plannedMs == 360'000);
    CHECK(st.current->remainingMs == 350'000);
    CHECK(segAt(st, 0).plannedMs == 300'000);
    CHECK(segAt(st, 0).extensionMs == 60'000);
    CHECK(st.projectedEndMs == 660'000);

    REQUIRE(r.extend(20'000, -90));   // 360 - 90 = 270 s
    st = r.state(20'000);
    CHECK(st.current->plannedMs == 270'000);

    REQUIRE(r.extend(30'000, -10'000));   // far more than there is: stops at zero
    st = r.state(30'000);
    CHECK(st.current->plannedMs == 0);
    CHECK(segAt(st, 0).extensionMs == -300'000);
    CHECK(st.current->remainingMs == 0);
    CHECK(st.current->overrunMs == 30'000);
    // The show's over/under is against the show's plan: 30 s into 300 s is no overage yet.
    CHECK(st.overUnderMs == 0);

    REQUIRE(r.extend(40'000, 20));   // and back up from zero
    CHECK(r.state(40'000).current->plannedMs == 20'000);
}

TEST_CASE("ShowRunner: previous and goto revisit segments and accumulate their actual time") {
    ShowRunner r(showOf({seg("a", 300), seg("b", 300), seg("c", 300)}));
    REQUIRE(r.start(0));
    REQUIRE(r.next(100'000));             // a 100
    REQUIRE(r.previous(150'000));         // b 50
    REQUIRE(r.next(200'000));             // a 150
    REQUIRE(r.gotoSegment(260'000, 2));   // b 110
    REQUIRE(r.gotoSegment(260'000, 2));   // same segment: no change
    REQUIRE(r.gotoSegment(300'000, 1));   // c 40

    RunnerState st = r.state(320'000);
    CHECK(st.currentIndex == 1);
    CHECK(st.current->elapsedMs == 130'000);
    CHECK(segAt(st, 2).status == SegmentStatus::Upcoming);
    CHECK(segAt(st, 2).actualMs == 40'000);
    // What c still needs is its plan less what it has already run.
    CHECK(segAt(st, 2).projectedStartMs == 320'000 + 170'000);
    CHECK(st.projectedEndMs == 320'000 + 170'000 + 260'000);

    REQUIRE(r.pause(330'000));            // navigation while held stays held
    REQUIRE(r.previous(340'000));
    st = r.state(345'000);
    CHECK(st.phase == RunPhase::Paused);
    CHECK(st.currentIndex == 0);
    CHECK(segAt(st, 1).pausedMs == 10'000);
    CHECK(segAt(st, 0).pausedMs == 5'000);
    REQUIRE(r.resume(350'000));
    REQUIRE(r.end(360'000));

    st = r.state(400'000);
    CHECK(segAt(st, 0).actualMs == 160'000);
    CHECK(segAt(st, 0).visits == 3);
    CHECK(segAt(st, 1).actualMs == 140'000);
    CHECK(segAt(st, 1).visits == 3);
    CHECK(segAt(st, 2).actualMs == 40'000);
    CHECK(segAt(st, 2).visits == 1);
    for (const auto& s : st.segments) CHECK(s.status == SegmentStatus::Done);
    CHECK(st.pausedMs == 20'000);
    CHECK(sumActual(st) + st.pausedMs == 360'000);
    CHECK(st.projectedEndMs == 360'000);
}

TEST_CASE("ShowRunner: a skipped segment gives its planned time back") {
    ShowRunner r(showOf({seg("a", 300), seg("b", 600), seg("c", 300)}));
    REQUIRE(r.start(0));
    REQUIRE(r.gotoSegment(300'000, 2));
    RunnerState st = r.state(300'000);
    CHECK(segAt(st, 1).status == SegmentStatus::Skipped);
    CHECK(st.overUnderMs == -600'000);
    CHECK(st.projectedEndMs == 600'000);
    REQUIRE(r.end(600'000));
    CHECK(r.state(600'000).segments[1].status == SegmentStatus::Skipped);
}

TEST_CASE("ShowRunner: backtiming to the hard out with the real start time of day") {
    // 20:00 to 21:00; the session was opened at 19:58, two minutes before the show.
    Show show = showOf({seg("a", 600), seg("b", 1200), seg("c", 1200), seg("d", 600)});
    show.meta.startTime = 20 * 3600;
    show.meta.hardOut = 21 * 3600;
    ShowRunner r(show);
    r.setTimeOfDayAtZero(19 * 3600 + 58 * 60);

    RunnerState st = r.state(0);   // before start: the show begins at its start time
    CHECK_FALSE(st.todEstimated);
    CHECK(segAt(st, 0).projectedStartMs == 2 * kMin);
    CHECK(st.hardOutMs == 62 * kMin);
    CHECK(st.projectedEndMs == 62 * kMin);

    REQUIRE(r.start(2 * kMin));
    st = r.state(2 * kMin);
    CHECK(st.timeLeftToHardOutMs == 60 * kMin);
    CHECK(st.hardOutMarginMs == 0);
    CHECK_FALSE(st.endsAfterHardOut);
    CHECK(st.projectedEndTodMs == 21 * 3600 * 1000);
    CHECK(segAt(st, 3).backtimedStartMs == 52 * kMin);
    CHECK(segAt(st, 2).backtimedStartMs == 32 * kMin);
    CHECK(segAt(st, 1).backtimedStartMs == 12 * kMin);
    CHECK(segAt(st, 1).projectedStartMs == 12 * kMin);
    CHECK(st.current->mustEndByMs == 12 * kMin);
    for (const auto& s : st.segments) CHECK_FALSE(s.cannotFit);
    CHECK_FALSE(st.current->cannotFit);
    CHECK(st.toTimeOfDayMs(12 * kMin) == (20 * 3600 + 10 * 60) * 1000);

    // a runs a minute long: everything after it now misses the hard out.
    st = r.state(13 * kMin);
    CHECK(st.current->cannotFit);
    CHECK(segAt(st, 1).projectedStartMs == 13 * kMin);
    CHECK(segAt(st, 1).cannotFit);
    CHECK(st.endsAfterHardOut);
    CHECK(st.hardOutMarginMs == -kMin);
    REQUIRE(r.next(13 * kMin));
    st = r.state(13 * kMin);
    CHECK(segAt(st, 2).projectedStartMs == 33 * kMin);
    CHECK(segAt(st, 2).backtimedStartMs == 32 * kMin);
    CHECK(segAt(st, 2).cannotFit);
    CHECK(st.timeLeftToHardOutMs == 49 * kMin);

    // Shortening b by a minute puts the plan back on time.
    REQUIRE(r.extend(13 * kMin, -60));
    st = r.state(13 * kMin);
    CHECK_FALSE(st.endsAfterHardOut);
    CHECK_FALSE(segAt(st, 2).cannotFit);
    CHECK(st.hardOutMarginMs == 0);
}

TEST_CASE("ShowRunner: without a hard out or a known time of day those fields stay empty") {
    ShowRunner r(showOf({seg("a", 300), seg("b", 300)}));
    r.setTimeOfDayAtZero(19 * 3600);
    REQUIRE(r.start(0));
    RunnerState st = r.state(10'000);
    CHECK_FALSE(st.hardOutMs.has_value());
    CHECK_FALSE(st.timeLeftToHardOutMs.has_value());
    CHECK_FALSE(st.hardOutMarginMs.has_value());
    CHECK_FALSE(st.endsAfterHardOut);
    CHECK_FALSE(segAt(st, 1).backtimedStartMs.has_value());
    CHECK(st.projectedEndTodMs == 19 * 3600 * 1000 + 600'000);

    Show timed = showOf({seg("a", 300)});
    timed.meta.hardOut = 21 * 3600;
    ShowRunner unknown(timed);   // no start time anywhere: no time of day, so no hard out
    REQUIRE(unknown.start(0));
    st = unknown.state(0);
    CHECK_FALSE(st.todAtZeroMs.has_value());
    CHECK_FALSE(st.hardOutMs.has_value());
    CHECK_FALSE(st.projectedEndTodMs.has_value());
}

TEST_CASE("ShowRunner: the time of day falls back to the show's start time") {
    Show show = showOf({seg("a", 600), seg("b", 600)});
    show.meta.startTime = 20 * 3600;
    show.meta.hardOut = 20 * 3600 + 1200;
    ShowRunner r(show);
    RunnerState st = r.state(7000);
    CHECK(st.todEstimated);
    CHECK(st.todAtZeroMs == 20 * 3600 * 1000 - 7000);
    REQUIRE(r.start(5000));   // the start is taken to be at 20:00
    st = r.state(65'000);
    CHECK(st.todAtZeroMs == 20 * 3600 * 1000 - 5000);
    CHECK(st.toTimeOfDayMs(5000) == 20 * 3600 * 1000);
    CHECK(st.hardOutMs == 5000 + 1'200'000);
    CHECK(st.timeLeftToHardOutMs == 1'140'000);
}

TEST_CASE("ShowRunner: a fixed start pins the projection and is flagged when it cannot fit") {
    Show show = showOf({seg("a", 600), seg("b", 600), seg("c", 600)});
    show.rundown[1].fixedStart = 20 * 3600 + 15 * 60;   // the sponsor's live read at 20:15
    ShowRunner r(show);
    r.setTimeOfDayAtZero(20 * 3600);
    REQUIRE(r.start(0));

    RunnerState st = r.state(0);
    CHECK(segAt(st, 1).fixedStartMs == 15 * kMin);
    CHECK(segAt(st, 1).projectedStartMs == 15 * kMin);   // early: waits for its time
    CHECK(segAt(st, 2).projectedStartMs == 25 * kMin);
    CHECK(st.projectedEndMs == 35 * kMin);
    CHECK(segAt(st, 1).backtimedStartMs == 15 * kMin);
    CHECK_FALSE(segAt(st, 2).backtimedStartMs.has_value());   // nothing after it constrains c
    CHECK(st.current->mustEndByMs == 15 * kMin);
    CHECK_FALSE(segAt(st, 1).cannotFit);

    st = r.state(16 * kMin);   // a is a minute past b's fixed start
    CHECK(segAt(st, 1).projectedStartMs == 16 * kMin);
    CHECK(segAt(st, 1).cannotFit);
    CHECK(st.current->cannotFit);
}

TEST_CASE("ShowRunner: a fixed start after midnight maps to the same night") {
    Show show = showOf({seg("a", 1800), seg("b", 1800)});
    show.rundown[1].fixedStart = 0;   // 00:00
    show.meta.hardOut = 30 * 60;      // 00:30
    ShowRunner r(show);
    r.setTimeOfDayAtZero(23 * 3600 + 30 * 60);
    REQUIRE(r.start(0));
    RunnerState st = r.state(0);
    CHECK(segAt(st, 1).fixedStartMs == 30 * kMin);
    CHECK(st.hardOutMs == 60 * kMin);
    CHECK(st.hardOutMarginMs == 0);
}

TEST_CASE("ShowRunner: the elastic segment absorbs earlier over- and underruns") {
    Show show = showOf({seg("intro", 300), seg("talk", 600), seg("qa", 1200, SegmentKind::Qa),
                        seg("outro", 300)});
    show.rundown[2].elastic = true;
    show.meta.startTime = 20 * 3600;
    show.meta.hardOut = 20 * 3600 + 2400;
    ShowRunner r(show);
    r.setTimeOfDayAtZero(20 * 3600);
    REQUIRE(r.start(0));

    RunnerState st = r.state(0);
    CHECK(st.elasticIndex == 2);
    CHECK(segAt(st, 2).elastic);
    CHECK(segAt(st, 2).effectivePlannedMs == 1'200'000);
    // The elastic segment may shrink to nothing, so the talk's latest start ignores it.
    CHECK(segAt(st, 1).backtimedStartMs == 40 * kMin - 15 * kMin);
    CHECK(segAt(st, 2).backtimedStartMs == 35 * kMin);

    SUBCASE("an overrun shrinks it, live while the earlier segment runs long") {
        REQUIRE(r.next(360'000));   // intro a minute long
        st = r.state(360'000);
        CHECK(segAt(st, 2).effectivePlannedMs == 1'140'000);
        CHECK(st.projectedEndMs == 40 * kMin);
        st = r.state(360'000 + 700'000);   // the talk is 100 s over and still going
        CHECK(segAt(st, 2).effectivePlannedMs == 1'200'000 - 60'000 - 100'000);
        CHECK(st.projectedEndMs == 40 * kMin);
        CHECK_FALSE(st.endsAfterHardOut);
        REQUIRE(r.next(360'000 + 700'000));
        st = r.state(360'000 + 700'000);
        CHECK(st.current->plannedMs == 1'040'000);
        // Once it runs, the absorbed amount is fixed.
        st = r.state(360'000 + 700'000 + 500'000);
        CHECK(st.current->plannedMs == 1'040'000);
        CHECK(st.current->remainingMs == 540'000);
        REQUIRE(r.next(360'000 + 700'000 + 1'040'000));
        REQUIRE(r.end(40 * kMin));
        st = r.state(40 * kMin);
        CHECK(st.overUnderMs == 0);   // the show ended on time
        CHECK(st.hardOutMarginMs == 0);
    }
    SUBCASE("an underrun lengthens it") {
        REQUIRE(r.next(300'000));
        REQUIRE(r.next(300'000 + 500'000));   // talk 100 s short
        st = r.state(800'000);
        CHECK(st.current->plannedMs == 1'300'000);
        CHECK(st.projectedEndMs == 40 * kMin);
    }
    SUBCASE("a long overrun shrinks it to zero, never below") {
        REQUIRE(r.next(300'000 + 1'500'000));   // intro 25 min over
        st = r.state(1'800'000);
        CHECK(segAt(st, 2).effectivePlannedMs == 0);
        CHECK(st.endsAfterHardOut);
        CHECK(st.hardOutMarginMs == -5 * kMin);
        CHECK(st.current->cannotFit);       // even with no Q&A at all, the talk ends too late
        CHECK(segAt(st, 3).cannotFit);
    }
    SUBCASE("extending the elastic segment itself adds to what it absorbed") {
        REQUIRE(r.next(360'000));
        REQUIRE(r.next(960'000));
        REQUIRE(r.extend(960'000, 120));
        st = r.state(960'000);
        CHECK(st.current->plannedMs == 1'140'000 + 120'000);
    }
    SUBCASE("an extension before it is absorbed too") {
        REQUIRE(r.extend(0, 120));
        REQUIRE(r.next(420'000));   // intro ran its extended length
        st = r.state(420'000);
        CHECK(segAt(st, 2).effectivePlannedMs == 1'080'000);
        CHECK(st.projectedEndMs == 40 * kMin);
    }
}

TEST_CASE("ShowRunner: Q&A budget is about N more questions at the current pace") {
    ShowRunner r(showOf({seg("talk", 600), seg("qa", 1200, SegmentKind::Qa)}));
    REQUIRE(r.start(0));
    CHECK_FALSE(r.state(0).current->qa.has_value());
    REQUIRE(r.next(600'000));

    RunnerState st = r.state(600'000);
    REQUIRE(st.current->qa.has_value());
    CHECK(st.current->qa->defaultPace);
    CHECK(st.current->qa->paceMs == kDefaultQaPaceMs);
    CHECK(st.current->qa->questionsLeft == 6);   // 20 min at 3 min

    REQUIRE(r.noteQuestionAnswered(600'000 + 100'000));
    REQUIRE(r.noteQuestionAnswered(600'000 + 240'000));
    st = r.state(600'000 + 240'000);
    CHECK_FALSE(st.current->qa->defaultPace);
    CHECK(st.current->qa->answered == 2);
    CHECK(st.current->qa->paceMs == 120'000);
    CHECK(st.current->qa->questionsLeft == 8);   // 960 s left at 2 min

    st = r.state(600'000 + 1'250'000);   // past its planned end
    CHECK(st.current->qa->questionsLeft == 0);

    ShowRunner quick(showOf({seg("qa", 600, SegmentKind::Qa)}));
    REQUIRE(quick.start(0));
    REQUIRE(quick.noteQuestionAnswered(5000));
    st = quick.state(5000);
    CHECK(st.current->qa->paceMs == kMinQaPaceMs);
    CHECK(st.current->qa->questionsLeft == 595'000 / kMinQaPaceMs);
}

TEST_CASE("ShowRunner: the same operations replayed give the same state") {
    Show show = showOf({seg("a", 300), seg("b", 300, SegmentKind::Qa), seg("c", 300)});
    show.meta.startTime = 19 * 3600;
    show.meta.hardOut = 19 * 3600 + 900;
    auto script = [](ShowRunner& r) {
        r.setTimeOfDayAtZero(19 * 3600 - 30);
        (void)r.start(30'000);
        (void)r.next(200'000);
        (void)r.noteQuestionAnswered(250'000);
        (void)r.pause(260'000);
        (void)r.resume(290'000);
        (void)r.extend(300'000, 45);
        (void)r.previous(400'000);
        (void)r.gotoSegment(410'000, 2);
    };
    ShowRunner one(show), two(show);
    script(one);
    script(two);
    CHECK(one.state(500'000) == two.state(500'000));
    ShowRunner copy = one;
    CHECK(copy.state(600'000) == one.state(600'000));
}

TEST_CASE("ShowRunner: a simulated 90-minute show with hundreds of transitions has zero drift") {
    std::vector<Segment> segs;
    const Seconds lengths[] = {180, 420, 600, 900, 300, 600, 720, 480, 300, 540, 900, 240};
    for (std::size_t i = 0; i < std::size(lengths); ++i)
        segs.push_back(seg("s" + std::to_string(i), lengths[i],
                           i == 9 ? SegmentKind::Qa : SegmentKind::Experience));
    segs[9].elastic = true;
    Show show = showOf(segs);
    show.meta.startTime = 19 * 3600 + 30 * 60;
    show.meta.hardOut = 21 * 3600;
    REQUIRE(show.rundown.size() == 12);

    ManualClock clock(123'456);
    ShowRunner r(show);
    r.setTimeOfDayAtZero(19 * 3600 + 29 * 60);
    std::mt19937 rng(20261125);
    auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };

    REQUIRE(r.start(clock.nowMs()));
    const std::int64_t startedAt = clock.nowMs();
    const std::int64_t showLength = 90 * kMin;
    int transitions = 0;
    int refused = 0;
    int n = static_cast<int>(show.rundown.size());
    while (clock.nowMs() - startedAt < showLength) {
        clock.advance(pick(1, 20'000));
        const std::int64_t now = clock.nowMs();
        RunnerResult res;
        switch (pick(0, 9)) {
            case 0: case 1: case 2: res = r.next(now); break;
            case 3: res = r.previous(now); break;
            case 4: res = r.gotoSegment(now, pick(0, n - 1)); break;
            case 5: res = r.pause(now); break;
            case 6: case 7: res = r.resume(now); break;
            case 8: res = r.extend(now, pick(-120, 120)); break;
            default: res = r.noteQuestionAnswered(now); break;
        }
        if (res)
            ++transitions;
        else
            ++refused;   // e.g. next on the last segment: refused, nothing changes
        const RunnerState st = r.state(now + pick(0, 5000));
        REQUIRE(sumActual(st) + st.pausedMs == st.showElapsedMs);
        REQUIRE(st.current->elapsedMs >= 0);
        REQUIRE(st.current->remainingMs + st.current->elapsedMs - st.current->overrunMs ==
                st.current->plannedMs);
        for (const auto& s : st.segments) REQUIRE(s.effectivePlannedMs >= 0);
    }
    REQUIRE(r.end(clock.nowMs()));
    const std::int64_t endedAt = clock.nowMs();

    INFO("transitions: " << transitions << ", refused: " << refused);
    CHECK(transitions >= 300);
    CHECK(refused > 0);
    const RunnerState st = r.state(endedAt + 3'600'000);
    CHECK(st.phase == RunPhase::Ended);
    CHECK(st.showElapsedMs == endedAt - startedAt);
    CHECK(sumActual(st) + st.pausedMs == endedAt - startedAt);
    std::int64_t pausedBySegment = 0;
    for (const auto& s : st.segments) pausedBySegment += s.pausedMs;
    CHECK(pausedBySegment == st.pausedMs);
    CHECK(st.actualTotalMs == sumActual(st));
    CHECK(st.overUnderMs == st.actualTotalMs - st.plannedTotalMs);
}

TEST_CASE("ShowRunner: a show recorded far from its planned start keeps its schedule relative") {
    // Planned 20:00 to 20:40 with a segment pinned at 20:30, but taped at 14:00.
    Show show = showOf({seg("a", 1200), seg("b", 600), seg("c", 600)});
    show.meta.startTime = 20 * 3600;
    show.meta.hardOut = 20 * 3600 + 40 * 60;
    show.rundown[2].fixedStart = 20 * 3600 + 30 * 60;
    ShowRunner r(show);
    r.setTimeOfDayAtZero(14 * 3600);
    REQUIRE(r.start(0));
    RunnerState st = r.state(0);
    CHECK(st.scheduleShiftMs == -6 * 60 * kMin);
    CHECK(st.hardOutMs == 40 * kMin);
    CHECK(segAt(st, 2).fixedStartMs == 30 * kMin);
    CHECK_FALSE(segAt(st, 2).cannotFit);
    CHECK_FALSE(st.endsAfterHardOut);

    // Ten minutes late is still the real clock: the hard out stays at 20:40.
    ShowRunner late(show);
    late.setTimeOfDayAtZero(20 * 3600 + 10 * 60);
    REQUIRE(late.start(0));
    st = late.state(0);
    CHECK(st.scheduleShiftMs == 0);
    CHECK(st.hardOutMs == 30 * kMin);
    CHECK(st.endsAfterHardOut);
}
