// Tests for the session state JSON: a scripted session on manual clocks, field by field.
#include <doctest/doctest.h>

#include "core/clock.hpp"
#include "live/session.hpp"
#include "live/session_json.hpp"
#include "test_support.hpp"

using namespace pycast;
using nlohmann::json;

namespace {

constexpr std::int64_t kSec = 1000;
constexpr std::int64_t kMin = 60 * kSec;
constexpr std::int64_t k20h = 20 * 3600;                       // 20:00 in seconds
constexpr std::int64_t kEpoch2000Utc = 1'795'636'800'000;       // 2026-11-25T20:00:00Z

Segment seg(const std::string& id, Seconds planned, SegmentKind kind, bool elastic = false) {
    Segment s;
    s.id = id;
    s.title = "Title " + id;
    s.kind = kind;
    s.planned = planned;
    s.elastic = elastic;
    return s;
}

// 20:00 start, 20:30 hard out: intro 5 min, an elastic 10-minute Q&A, outro 5 min.
Show qaShow() {
    Show show;
    show.meta.title = "JSON test";
    show.meta.series = "PyCast";
    show.meta.episode = 7;
    show.meta.startTime = k20h;
    show.meta.hardOut = k20h + 30 * 60;
    show.rundown = {seg("a", 300, SegmentKind::Intro), seg("b", 600, SegmentKind::Qa, true),
                    seg("c", 300, SegmentKind::Outro)};
    Question q;   // question-answered names a question of the show
    q.id = "q-1";
    q.text = "First question";
    show.questions.push_back(q);
    return show;
}

// A session created at 20:00:00 local (UTC+0) on manual clocks.
struct Scripted {
    pycast::test::TempDir tmp;
    ManualClock clock{0};
    ManualWallClock wall{kEpoch2000Utc, 0};
    std::unique_ptr<Session> session;

    Scripted() {
        auto r = Session::createAt(qaShow(), tmp / "s", {&clock, &wall, {}});
        REQUIRE_MESSAGE(r.ok(), r.error().message());
        session = std::move(*r);
    }
    json state() const { return sessionStateJson(*session); }
    void advance(std::int64_t ms) {
        clock.advance(ms);
        wall.advance(ms);
    }
};

}  // namespace

TEST_CASE("formatTimeOfDayMs: HH:MM:SS, whole seconds, wrapping past midnight") {
    CHECK(formatTimeOfDayMs(0) == "00:00:00");
    CHECK(formatTimeOfDayMs(k20h * 1000 + 5999) == "20:00:05");
    CHECK(formatTimeOfDayMs(86'400'000 + 1000) == "00:00:01");
    CHECK(formatTimeOfDayMs(-1000) == "23:59:59");
}

TEST_CASE("session JSON before start: nothing on air, Start's segment next, the plan projected") {
    Scripted s;
    const json j = s.state();
    CHECK(j["version"] == kSessionStateJsonVersion);
    CHECK(j["phase"] == "not-started");
    CHECK(j["running"] == false);
    CHECK(j["paused"] == false);
    CHECK(j["ended"] == false);
    CHECK(j["session_ms"] == 0);
    CHECK(j["segment"].is_null());
    CHECK(j["qa"].is_null());
    CHECK(j["message"].is_null());
    CHECK(j["next"] == json{{"index", 0}, {"id", "a"}, {"title", "Title a"}, {"kind", "intro"}});

    const json& show = j["show"];
    CHECK(show["title"] == "JSON test");
    CHECK(show["episode"] == 7);
    CHECK(show["started_at_ms"].is_null());
    CHECK(show["planned_total_ms"] == 20 * kMin);
    CHECK(show["over_under_ms"] == 0);
    CHECK(show["projected_end_ms"] == 20 * kMin);
    CHECK(show["projected_end"] == "20:20:00");
    CHECK(show["time_of_day_estimated"] == false);
    CHECK(show["hard_out"] == "20:30:00");
    CHECK(show["hard_out_ms"] == 30 * kMin);
    CHECK(show["hard_out_remaining_ms"] == 30 * kMin);
    CHECK(show["hard_out_margin_ms"] == 10 * kMin);
    CHECK(show["ends_after_hard_out"] == false);

    const json& segs = j["segments"];
    REQUIRE(segs.size() == 3);
    CHECK(segs[0]["id"] == "a");
    CHECK(segs[0]["status"] == "upcoming");
    CHECK(segs[0]["planned_ms"] == 5 * kMin);
    CHECK(segs[0]["actual_ms"] == 0);
    CHECK(segs[0]["projected_start"] == "20:00:00");
    CHECK(segs[1]["projected_start"] == "20:05:00");
    CHECK(segs[2]["projected_start"] == "20:15:00");
    CHECK(segs[2]["projected_start_ms"] == 15 * kMin);
    // Backtimed from the 20:30 hard out; the elastic Q&A counts as shrinkable to nothing.
    CHECK(segs[2]["backtimed_start"] == "20:25:00");
    CHECK(segs[1]["backtimed_start"] == "20:25:00");
    CHECK(segs[0]["backtimed_start"] == "20:20:00");
    CHECK(segs[1]["elastic"] == true);
    CHECK(segs[0]["cannot_fit"] == false);
    CHECK(segs[0]["fixed_start_ms"].is_null());
}

TEST_CASE("session JSON through a show: current segment, overrun, Q&A budget, message, end") {
    Scripted s;
    s.advance(1000);
    REQUIRE(s.session->perform(LiveRequest(LiveCommand::Start)));
    s.advance(1 * kMin);
    json j = s.state();
    CHECK(j["phase"] == "running");
    CHECK(j["running"] == true);
    CHECK(j["session_ms"] == 61 * kSec);
    CHECK(j["segment"]["index"] == 0);
    CHECK(j["segment"]["number"] == 1);
    CHECK(j["segment"]["id"] == "a");
    CHECK(j["segment"]["title"] == "Title a");
    CHECK(j["segment"]["kind"] == "intro");
    CHECK(j["segment"]["elapsed_ms"] == 1 * kMin);
    CHECK(j["segment"]["remaining_ms"] == 4 * kMin);
    CHECK(j["segment"]["overrun_ms"] == 0);
    CHECK(j["segment"]["planned_ms"] == 5 * kMin);
    CHECK(j["next"]["id"] == "b");
    CHECK(j["qa"].is_null());
    CHECK(j["show"]["started_at_ms"] == 1000);
    CHECK(j["segments"][0]["status"] == "current");
    CHECK(j["segments"][0]["projected_start"].is_null());   // only upcoming ones are projected

    s.advance(5 * kMin);   // one minute over
    j = s.state();
    CHECK(j["segment"]["remaining_ms"] == 0);
    CHECK(j["segment"]["overrun_ms"] == 1 * kMin);
    CHECK(j["show"]["over_under_ms"] == 1 * kMin);
    // Started a second after 20:00, one minute over: 1:01 behind the planned schedule.
    CHECK(j["show"]["planned_start_ms"] == 0);
    CHECK(j["show"]["schedule_offset_ms"] == 1 * kMin + 1000);

    REQUIRE(s.session->perform(LiveRequest(LiveCommand::Next)));
    j = s.state();
    CHECK(j["segment"]["id"] == "b");
    CHECK(j["segment"]["kind"] == "qa");
    // The elastic Q&A absorbs the intro's minute: 9 minutes left at 3 minutes a question.
    CHECK(j["segment"]["planned_ms"] == 9 * kMin);
    CHECK(j["qa"] == json{{"answered", 0}, {"pace_ms", 3 * kMin}, {"default_pace", true},
                          {"questions_left", 3}});
    CHECK(j["next"]["id"] == "c");
    CHECK(j["segments"][0]["status"] == "done");
    CHECK(j["segments"][0]["actual_ms"] == 6 * kMin);
    CHECK(j["segments"][0]["difference_ms"] == 1 * kMin);

    s.advance(2 * kMin);
    REQUIRE(s.session->perform(LiveRequest(LiveCommand::QuestionAnswered).withId("q-1")));
    REQUIRE(s.session->perform(LiveRequest(LiveCommand::Message).withText("wrap up")));
    j = s.state();
    CHECK(j["qa"]["answered"] == 1);
    CHECK(j["qa"]["default_pace"] == false);
    CHECK(j["qa"]["pace_ms"] == 2 * kMin);
    CHECK(j["qa"]["questions_left"] == 3);   // 7 minutes left / 2 a question
    CHECK(j["message"] == json{{"text", "wrap up"}, {"at_ms", 8 * kMin + kSec}});

    REQUIRE(s.session->perform(LiveRequest(LiveCommand::Extend).withSeconds(60)));
    j = s.state();
    CHECK(j["segment"]["planned_ms"] == 10 * kMin);
    CHECK(j["segments"][1]["extension_ms"] == 1 * kMin);

    REQUIRE(s.session->perform(LiveRequest(LiveCommand::Hold)));
    j = s.state();
    CHECK(j["phase"] == "paused");
    CHECK(j["running"] == false);
    CHECK(j["paused"] == true);
    CHECK(j["segment"]["id"] == "b");

    REQUIRE(s.session->perform(LiveRequest(LiveCommand::Resume)));
    REQUIRE(s.session->perform(LiveRequest(LiveCommand::Next)));
    j = s.state();
    CHECK(j["segment"]["id"] == "c");
    CHECK(j["next"].is_null());   // the last segment: End, not Next

    s.advance(5 * kMin);
    REQUIRE(s.session->perform(LiveRequest(LiveCommand::End)));
    j = s.state();
    CHECK(j["phase"] == "ended");
    CHECK(j["ended"] == true);
    CHECK(j["running"] == false);
    CHECK(j["segment"].is_null());
    CHECK(j["next"].is_null());
    CHECK(j["qa"].is_null());
    CHECK(j["show"]["ended_at_ms"] == 13 * kMin + kSec);
    CHECK(j["show"]["projected_end"] == "20:13:01");
    CHECK(j["segments"][2]["status"] == "done");
}

TEST_CASE("session JSON: the two overloads agree, and the control token never appears") {
    Scripted s;
    REQUIRE(s.session->perform(LiveRequest(LiveCommand::Start)));
    const json a = sessionStateJson(*s.session);
    const json b = sessionStateJson(s.session->state(), s.session->show());
    CHECK(a == b);
    CHECK(a.dump().find(s.session->controlToken()) == std::string::npos);
}

TEST_CASE("session JSON without a time of day: projected end and hard out are null") {
    Show show = qaShow();
    show.meta.startTime.reset();
    show.meta.hardOut.reset();
    show.meta.episode.reset();
    ShowRunner runner(show);
    REQUIRE(runner.start(0));
    SessionState st;
    st.runner = runner.state(30 * kSec);
    st.sessionMs = 30 * kSec;
    const json j = sessionStateJson(st, show);
    CHECK(j["show"]["projected_end"].is_null());
    CHECK(j["show"]["projected_end_ms"] == 20 * kMin);
    CHECK(j["show"]["hard_out"].is_null());
    CHECK(j["show"]["hard_out_remaining_ms"].is_null());
    CHECK(j["show"]["episode"].is_null());
    CHECK(j["segment"]["must_end_by"].is_null());
    CHECK(j["segments"][1]["projected_start_ms"] == 5 * kMin);
    CHECK(j["segments"][1]["projected_start"].is_null());
}

TEST_CASE("session JSON after a schedule shift: hard_out names the moment hard_out_ms counts to") {
    // Planned 20:00–20:20 with a 20:30 hard out, recorded at 14:00: the schedule moves with the
    // real start, so the hard out is 14:30:00 on the clock, as projected_end is 14:20:00.
    ShowRunner runner(qaShow());
    runner.setTimeOfDayAtZero(14 * 3600);
    REQUIRE(runner.start(0));
    SessionState st;
    st.runner = runner.state(0);
    REQUIRE(st.runner.scheduleShiftMs == -6 * 60 * kMin);
    const json j = sessionStateJson(st, qaShow());
    CHECK(j["show"]["hard_out_ms"] == 30 * kMin);
    CHECK(j["show"]["hard_out"] == "14:30:00");
    CHECK(j["show"]["projected_end"] == "14:20:00");
}
