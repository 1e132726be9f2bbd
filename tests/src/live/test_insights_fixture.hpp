// A scripted session with known numbers for the insights tests (built in-process through
// Session at given times; see the figures worked out beside each step).
#pragma once

#include <doctest/doctest.h>

#include <memory>

#include "core/clock.hpp"
#include "live/insights.hpp"
#include "live/session.hpp"
#include "test_support.hpp"

namespace pycast::test {

// 2026-11-25 19:30 in Taipei.
inline constexpr std::int64_t kInsightsWallStart = 1'795'606'200'000;

// PyCast EP3 "社群之夜": 19:30 start, hard out 20:05; 40:00 planned.
//   1 Intro (host)                5:00   ran  5:30  (+0:30)
//   2 Tech talk <AI> (Alice)     15:00   ran 16:40  (+1:40)   technical
//   3 Break                       5:00   ran  4:00  (-1:00)
//   4 Panel (Alice, Bob, Chen)   10:00   ran 12:00  (+2:00)
//   5 Q&A (Bob)                   5:00   ran  5:00.6 (0)      ended 20:13:10.6
// Alice and Chen work for Acme, Bob for Beta; guests' limit 40 %.
inline Show insightsShow(const std::string& title = "社群之夜", int episode = 3) {
    Show show;
    show.meta.series = "PyCast";
    show.meta.title = title;
    show.meta.episode = episode;
    show.meta.date = "2026-11-25";
    show.meta.startTime = 19 * 3600 + 30 * 60;
    show.meta.hardOut = 20 * 3600 + 5 * 60;
    show.meta.target = 2400;
    show.topics = {"AI", "Web", "職涯 Career"};
    auto person = [](std::string id, std::string name, Role role, std::string company) {
        Person p;
        p.id = std::move(id);
        p.name = std::move(name);
        p.role = role;
        p.company = std::move(company);
        return p;
    };
    show.people = {
        person("p-host", "Host", Role::Host, ""), person("p-a", "Alice", Role::Guest, "Acme"),
        person("p-b", "Bob", Role::Guest, "Beta"), person("p-c", "Chen", Role::Guest, "Acme")};
    auto segment = [](std::string id, std::string name, SegmentKind kind, Seconds planned,
                      std::vector<std::string> speakers) {
        Segment s;
        s.id = std::move(id);
        s.title = std::move(name);
        s.kind = kind;
        s.planned = planned;
        s.speakers = std::move(speakers);
        return s;
    };
    show.rundown = {segment("s-intro", "Intro", SegmentKind::Intro, 300, {"p-host"}),
                    segment("s-tech", "Tech talk <AI>", SegmentKind::Tech, 900, {"p-a"}),
                    segment("s-break", "Break", SegmentKind::Break, 300, {}),
                    segment("s-panel", "Panel", SegmentKind::Panel, 600, {"p-a", "p-b", "p-c"}),
                    segment("s-qa", "Q&A", SegmentKind::Qa, 300, {"p-b"})};
    Question pre;
    pre.id = "q-pre";
    pre.text = "Pre-submitted";
    pre.topics = {"AI"};
    show.questions = {pre};
    Poll next;
    next.id = "poll-next";
    next.question = "下次想聽什麼主題？";
    next.options = {"AI", "Web", "DevOps", "Data", "職涯"};
    show.polls = {next};
    return show;
}

struct InsightsFixture {
    TempDir tmp;
    ManualClock clock{0};
    ManualWallClock wall{kInsightsWallStart, 8 * 60};
    std::unique_ptr<Session> session;

    void run(LiveRequest r) {
        const SessionActionResult done = session->perform(std::move(r));
        REQUIRE_MESSAGE(done.ok, done.error.message());
    }
    static LiveRequest web(std::string text, std::string device) {
        return LiveRequest(LiveCommand::QuestionSubmit)
            .withText(std::move(text))
            .withDevice(std::move(device))
            .withSource(QuestionSource::Web);
    }
    static LiveRequest verb(LiveCommand c, std::string id) {
        return LiveRequest(c).withId(std::move(id));
    }
    static std::string device(int i) {
        return "device-" + std::string(i < 10 ? "000" : "00") + std::to_string(i);
    }
    static LiveRequest visit(std::string d) {
        return LiveRequest(LiveCommand::AudienceVisit).withDevice(std::move(d));
    }
    static LiveRequest pollVote(std::string poll, int i, std::string option) {
        return LiveRequest(LiveCommand::PollVote)
            .withId(std::move(poll))
            .withDevice(device(i))
            .withOption(std::move(option));
    }

    // Questions: q1 (AI, for Alice) asked at 6:40 and answered at 39:10 (a 32:30 wait); q2 (Web)
    // approved with 2 votes, left over; q3 dismissed; q4 pending; q5 merged into q2; q6 the
    // producer's (AI), asked at 33:20 and answered at 40:00 (6:40); the show's own q-pre answered.
    // Devices that asked: 0001, 0002 (twice), 0005, 0006; that voted on questions: 0003, 0004.
    // Polls: "下次想聽什麼主題？" (the show's) closed at AI 3, Web 1, Data 1 (devices 0001, 0002,
    // 0003, 0007, 0008); "Format?" added live, open, Talk 1 (0009), Panel 1 (0010). Ten devices
    // opened the page; eight voted on something.
    explicit InsightsFixture(const std::filesystem::path& dir = {}, Show show = insightsShow(),
                             std::int64_t wallStart = kInsightsWallStart) {
        wall.set(wallStart);
        const std::filesystem::path where = dir.empty() ? tmp / "2026-11-25-pycast-ep3" : dir;
        auto created = Session::createAt(show, where, {&clock, &wall, {}});
        REQUIRE_MESSAGE(created.ok(), created.error().message());
        session = std::move(*created);
        auto stamp = [&](std::int64_t ms) {
            clock.set(ms);
            wall.set(wallStart + ms);
        };
        stamp(0);
        run(LiveRequest(LiveCommand::Start));
        // Ten phones open the page (device-0001 comes back); the show's poll opens.
        for (int i = 1; i <= 10; ++i) run(visit(device(i)));
        CHECK_FALSE(session->perform(visit(device(1))).ok);  // a second visit is not counted
        stamp(100'000);
        run(LiveRequest(LiveCommand::PollOpen).withId("poll-next"));
        run(pollVote("poll-next", 1, "AI"));
        run(pollVote("poll-next", 2, "DevOps"));
        run(pollVote("poll-next", 2, "AI"));  // changed, not added
        run(pollVote("poll-next", 3, "AI"));
        run(pollVote("poll-next", 7, "Web"));
        run(pollVote("poll-next", 8, "Data"));
        stamp(330'000);
        run(LiveRequest(LiveCommand::Next));
        stamp(400'000);
        run(web("What about <AI>?", "device-0001").withTopics({"AI"}).withPerson("p-a"));  // q1
        run(verb(LiveCommand::QuestionApprove, "q1"));
        stamp(500'000);
        run(web("Which web framework?", "device-0002").withTopics({"Web"}));  // q2
        run(verb(LiveCommand::QuestionApprove, "q2"));
        run(verb(LiveCommand::QuestionVote, "q2").withDevice("device-0003"));
        run(verb(LiveCommand::QuestionVote, "q2").withDevice("device-0004"));
        run(web("Hiring?", "device-0002").withTopics({"職涯 Career"}));  // q3
        run(verb(LiveCommand::QuestionDismiss, "q3"));
        run(web("Still waiting", "device-0005"));                // q4
        run(web("Which web framework, again?", "device-0006"));  // q5
        run(verb(LiveCommand::QuestionApprove, "q5"));
        run(LiveRequest(LiveCommand::QuestionMerge).withId("q2").withIds({"q5"}));
        stamp(1'330'000);
        run(LiveRequest(LiveCommand::Next));
        stamp(1'500'000);
        run(LiveRequest(LiveCommand::PollClose).withId("poll-next"));
        stamp(1'570'000);
        run(LiveRequest(LiveCommand::Next));
        stamp(2'000'000);
        run(LiveRequest(LiveCommand::QuestionSubmit)
                .withText("From the chat")
                .withTopics({"AI"})
                .withSource(QuestionSource::Producer));  // q6
        // A poll added live, left open with a tie.
        const SessionActionResult made = session->perform(LiveRequest(LiveCommand::PollCreate)
                                                              .withText("Format?")
                                                              .withOptions({"Talk", "Panel"}));
        REQUIRE_MESSAGE(made.ok, made.error.message());
        run(LiveRequest(LiveCommand::PollOpen).withId(made.id));
        run(pollVote(made.id, 9, "Talk"));
        run(pollVote(made.id, 10, "Panel"));
        stamp(2'290'000);
        run(LiveRequest(LiveCommand::Next));
        stamp(2'350'000);
        run(verb(LiveCommand::QuestionAnswered, "q1"));
        stamp(2'400'000);
        run(verb(LiveCommand::QuestionAnswered, "q6"));
        stamp(2'450'000);
        run(verb(LiveCommand::QuestionAnswered, "q-pre"));
        stamp(2'590'600);
        run(LiveRequest(LiveCommand::End));
    }

    SessionInsights insights(const std::vector<TrackTalk>* measured = nullptr) const {
        auto snap = loadSessionSnapshot(session->dir());
        REQUIRE_MESSAGE(snap.ok(), snap.error().message());
        return buildSessionInsights(*snap, measured);
    }
};

}  // namespace pycast::test
