// Tests for questions in a live session: journaled before they count, replayed identically.
#include <doctest/doctest.h>

#include <random>

#include "core/clock.hpp"
#include "live/session.hpp"
#include "test_support.hpp"

using namespace pycast;
using pycast::test::readFile;
using pycast::test::TempDir;

namespace {

constexpr std::int64_t kWallStart = 1'795'606'200'000;

Show ama() {
    Show show;
    show.meta.title = "AMA";
    show.topics = {"職涯 Career", "技術 Tech"};
    Person host;
    host.id = "p-host";
    host.name = "Host";
    host.role = Role::Host;
    Person guest;
    guest.id = "p-guest";
    guest.name = "Guest";
    show.people = {host, guest};
    for (const char* id : {"s-intro", "s-qa"}) {
        Segment s;
        s.id = id;
        s.title = id;
        s.planned = 600;
        s.kind = std::string(id) == "s-qa" ? SegmentKind::Qa : SegmentKind::Intro;
        show.rundown.push_back(s);
    }
    Question q;
    q.id = "q-pre";
    q.text = "Pre-submitted";
    show.questions.push_back(q);
    return show;
}

LiveRequest submitWeb(std::string text, std::string device) {
    return LiveRequest(LiveCommand::QuestionSubmit)
        .withText(std::move(text))
        .withDevice(std::move(device))
        .withSource(QuestionSource::Web);
}

}  // namespace

TEST_CASE("session questions: a submission is journaled with its id, source and segment") {
    TempDir tmp;
    ManualClock clock(0);
    ManualWallClock wall(kWallStart, 480);
    auto created = Session::createAt(ama(), tmp / "s", {&clock, &wall, {}});
    REQUIRE(created.ok());
    Session& s = **created;
    REQUIRE(s.perform(LiveRequest(LiveCommand::Start)));
    clock.advance(1000);
    SessionActionResult r = s.perform(submitWeb("請問 <script>alert(1)</script>", "device-0001"));
    REQUIRE(r);
    CHECK(r.id == "q1");
    const JournalEvent& e = s.events().back();
    CHECK(e.type == "question-submit");
    CHECK(e.fields["id"] == "q1");
    CHECK(e.fields["source"] == "web");
    CHECK(e.fields["segment"] == "s-intro");
    CHECK(e.fields["device"] == "device-0001");
    CHECK(e.fields["text"] == "請問 <script>alert(1)</script>");
    // A refusal leaves no line.
    const std::size_t before = s.events().size();
    CHECK_FALSE(s.perform(LiveRequest(LiveCommand::QuestionApprove).withId("q-nope")));
    CHECK_FALSE(s.perform(submitWeb(std::string(501, 'x'), "device-0001")));
    CHECK(s.events().size() == before);
}

TEST_CASE("session questions: answered marks the question on air, stamps it and counts for Q&A") {
    TempDir tmp;
    ManualClock clock(0);
    ManualWallClock wall(kWallStart, 480);
    auto created = Session::createAt(ama(), tmp / "s", {&clock, &wall, {}});
    REQUIRE(created.ok());
    Session& s = **created;
    REQUIRE(s.perform(LiveRequest(LiveCommand::Start)));
    REQUIRE(s.perform(LiveRequest(LiveCommand::Next)));  // the Q&A
    REQUIRE(s.perform(LiveRequest(LiveCommand::QuestionOnAir).withId("q-pre")));
    clock.advance(90'000);
    SessionActionResult r = s.perform(LiveRequest(LiveCommand::QuestionAnswered));
    REQUIRE(r);
    CHECK(s.events().back().fields["question"] == "q-pre");
    const LiveQuestion* q = s.questions().find("q-pre");
    CHECK(q->state == QuestionState::Answered);
    CHECK(q->answeredSegmentId == "s-qa");
    CHECK(s.state().runner.segments[1].questionsAnswered == 1);
    // Reopen (the studio's undo) takes the count back.
    REQUIRE(s.perform(LiveRequest(LiveCommand::QuestionReopen).withId("q-pre")));
    CHECK(s.state().runner.segments[1].questionsAnswered == 0);
    // Nothing on air and no id: the count alone, as before the queue.
    REQUIRE(s.perform(LiveRequest(LiveCommand::QuestionAnswered)));
    CHECK(s.state().runner.segments[1].questionsAnswered == 1);
    CHECK(s.questions().find("q-pre")->state == QuestionState::Approved);
}

TEST_CASE("session questions: a seeded random sequence replays to the identical queue") {
    for (unsigned seed : {1u, 7u, 42u, 2026u}) {
        CAPTURE(seed);
        TempDir tmp;
        ManualClock clock(0);
        ManualWallClock wall(kWallStart, 480);
        auto created = Session::createAt(ama(), tmp / "s", {&clock, &wall, {}});
        REQUIRE(created.ok());
        Session& s = **created;
        std::mt19937 rng(seed);
        auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
        auto anyId = [&]() -> std::string {
            const auto& all = s.questions().all();
            if (all.empty() || pick(10) == 0) return "q-missing";
            return all[static_cast<std::size_t>(pick(static_cast<int>(all.size())))].id;
        };
        int accepted = 0;
        for (int step = 0; step < 400; ++step) {
            clock.advance(pick(3000));
            if (step == 5) REQUIRE(s.perform(LiveRequest(LiveCommand::Start)));
            if (step == 200) REQUIRE(s.perform(LiveRequest(LiveCommand::Next)));
            const std::string device = "device-" + std::to_string(1000 + pick(30));
            LiveRequest r;
            switch (pick(13)) {
                case 0: case 1: case 2:
                    r = submitWeb("question " + std::to_string(step), device);
                    if (pick(2)) r.topics = {"技術 Tech"};
                    break;
                case 3: case 4:
                    r = LiveRequest(LiveCommand::QuestionVote).withId(anyId()).withDevice(device);
                    break;
                case 5: r = LiveRequest(LiveCommand::QuestionApprove).withId(anyId()); break;
                case 6: r = LiveRequest(LiveCommand::QuestionDismiss).withId(anyId()); break;
                case 7: r = LiveRequest(LiveCommand::QuestionRestore).withId(anyId()); break;
                case 8: r = LiveRequest(LiveCommand::QuestionOnAir).withId(anyId()); break;
                case 9: r = LiveRequest(LiveCommand::QuestionAnswered).withId(anyId()); break;
                case 10:
                    r = LiveRequest(LiveCommand::QuestionMerge)
                            .withId(anyId())
                            .withIds({anyId(), anyId()});
                    break;
                case 11:
                    r = LiveRequest(LiveCommand::QuestionEdit).withId(anyId()).withText("edited");
                    break;
                default:
                    r = LiveRequest(LiveCommand::QuestionUnmerge).withId(anyId());
                    break;
            }
            if (s.perform(r)) ++accepted;
        }
        CHECK(accepted > 100);
        const QuestionQueue live = s.questions();
        created->reset();  // the app goes away
        auto reopened = Session::open(tmp / "s", {&clock, &wall, {}});
        REQUIRE(reopened.ok());
        CHECK(reopened.warnings.empty());
        CHECK((*reopened)->questions() == live);
        for (const LiveQuestion& q : live.all())
            CHECK((*reopened)->questions().votes(q) == live.votes(q));
        auto snapshot = loadSessionSnapshot(tmp / "s");
        REQUIRE(snapshot.ok());
        CHECK(snapshot->questions == live);
    }
}

TEST_CASE("session questions: the audience PIN is kept in session.json and survives resume") {
    TempDir tmp;
    ManualClock clock(0);
    ManualWallClock wall(kWallStart, 480);
    auto created = Session::createAt(ama(), tmp / "s", {&clock, &wall, {}});
    REQUIRE(created.ok());
    CHECK((*created)->audiencePin().empty());
    REQUIRE((*created)->setAudiencePin("482913").ok());
    const std::string token = (*created)->controlToken();
    created->reset();
    CHECK(readFile(tmp / "s" / "session.json").find("\"audience_pin\": \"482913\"") !=
          std::string::npos);
    auto reopened = Session::open(tmp / "s", {&clock, &wall, {}});
    REQUIRE(reopened.ok());
    CHECK((*reopened)->audiencePin() == "482913");
    CHECK((*reopened)->controlToken() == token);
}
