// Tests for polls in a live session: journaled before they count, replayed to identical counts.
#include <doctest/doctest.h>

#include <random>

#include "core/clock.hpp"
#include "live/session.hpp"
#include "test_support.hpp"

using namespace pycast;
using pycast::test::TempDir;

namespace {

constexpr std::int64_t kWallStart = 1'795'606'200'000;

Show meetup() {
    Show show;
    show.meta.title = "Meetup";
    Person host;
    host.id = "p-host";
    host.name = "Host";
    host.role = Role::Host;
    show.people = {host};
    Segment s;
    s.id = "s-panel";
    s.title = "Panel";
    s.planned = 1800;
    show.rundown = {s};
    Poll p;
    p.id = "poll-next";
    p.question = "下次想聽什麼主題？";
    p.options = {"AI", "Web", "DevOps", "Data", "職涯"};
    show.polls = {p};
    return show;
}

// A session of `show` in a temporary folder on manual clocks; `created` may be reset (the app
// goes away) and the folder opened again.
struct PollSession {
    TempDir tmp;
    ManualClock clock{0};
    ManualWallClock wall{kWallStart, 480};
    Result<std::unique_ptr<Session>> created;
    explicit PollSession(const Show& show = meetup())
        : created(Session::createAt(show, tmp / "s", {&clock, &wall, {}})) {
        REQUIRE(created.ok());
    }
    Session& session() { return **created; }
    SessionOptions options() { return {&clock, &wall, {}}; }
};

LiveRequest vote(std::string poll, std::string device, std::string option) {
    return LiveRequest(LiveCommand::PollVote)
        .withId(std::move(poll))
        .withDevice(std::move(device))
        .withOption(std::move(option));
}

}  // namespace

TEST_CASE("session polls: a vote is journaled with its poll, device and option, a refusal is not") {
    PollSession f;
    Session& s = f.session();
    ManualClock& clock = f.clock;
    REQUIRE(s.perform(LiveRequest(LiveCommand::Start)));
    REQUIRE(s.perform(LiveRequest(LiveCommand::PollOpen).withId("poll-next")));
    clock.advance(500);
    REQUIRE(s.perform(vote("poll-next", "phone-0001", "AI")));
    const JournalEvent& e = s.events().back();
    CHECK(e.type == "poll-vote");
    CHECK(e.fields["poll"] == "poll-next");
    CHECK(e.fields["device"] == "phone-0001");
    CHECK(e.fields["option"] == "AI");
    const std::size_t before = s.events().size();
    const SessionActionResult bad = s.perform(vote("poll-next", "phone-0001", "Google"));
    CHECK_FALSE(bad);
    CHECK(bad.refusal == LiveRefusal::Invalid);
    CHECK(bad.code == "unknown-option");
    CHECK(s.perform(vote("poll-zzz", "phone-0001", "AI")).refusal == LiveRefusal::NotFound);
    CHECK(s.events().size() == before);
    // A live poll: its id comes back and is journaled.
    const SessionActionResult made = s.perform(LiveRequest(LiveCommand::PollCreate)
                                                   .withText("Which stack?")
                                                   .withOptions({"Python", "Go"}));
    REQUIRE(made);
    CHECK(made.id == "poll2");
    CHECK(s.events().back().fields["id"] == "poll2");
    // The end closes the open poll with it; after it, nothing takes votes.
    REQUIRE(s.perform(LiveRequest(LiveCommand::End)));
    CHECK(s.polls().find("poll-next")->state == PollState::Closed);
    CHECK(s.perform(vote("poll-next", "phone-0002", "AI")).refusal == LiveRefusal::Refused);
}

TEST_CASE("session polls: seeded random votes, changes and closes replay to identical counts") {
    for (unsigned seed : {1u, 7u, 42u}) {
        CAPTURE(seed);
        PollSession f;
        Session& s = f.session();
        ManualClock& clock = f.clock;
        REQUIRE(s.perform(LiveRequest(LiveCommand::Start)));
        std::mt19937 rng(seed);
        auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
        const std::vector<std::string> labels = {"AI", "Web", "DevOps", "Data", "職涯", "Nope"};
        int accepted = 0;
        for (int step = 0; step < 500; ++step) {
            clock.advance(pick(2000));
            const std::string device = "phone-" + std::to_string(1000 + pick(40));
            const auto& polls = s.polls().all();
            const std::string poll =
                pick(15) == 0 ? "poll-missing"
                              : polls[static_cast<std::size_t>(pick(static_cast<int>(polls.size())))].id;
            LiveRequest r;
            switch (pick(12)) {
                case 0: r = LiveRequest(LiveCommand::PollOpen).withId(poll); break;
                case 1: r = LiveRequest(LiveCommand::PollClose).withId(poll); break;
                case 2:
                    r = LiveRequest(LiveCommand::PollLiveResults).withId(poll).withFlag(pick(2));
                    break;
                case 3:
                    r = LiveRequest(LiveCommand::PollCreate)
                            .withText("Poll " + std::to_string(step))
                            .withOptions({"AI", "Web", "Data"});
                    break;
                case 4: r = LiveRequest(LiveCommand::AudienceVisit).withDevice(device); break;
                default: r = vote(poll, device, labels[static_cast<std::size_t>(pick(6))]); break;
            }
            if (s.perform(r)) ++accepted;
        }
        CHECK(accepted > 150);
        const PollBoard live = s.polls();
        const AudienceLog visits = s.audience();
        int votes = 0;
        for (const LivePoll& p : live.all()) votes += p.totalVotes();
        CHECK(votes > 20);
        f.created->reset();  // kill: the app goes away
        auto reopened = Session::open(f.tmp / "s", f.options());
        REQUIRE(reopened.ok());
        CHECK(reopened.warnings.empty());
        CHECK((*reopened)->polls() == live);
        for (const LivePoll& p : live.all())
            CHECK((*reopened)->polls().find(p.id)->counts() == p.counts());
        CHECK((*reopened)->audience() == visits);
        auto snapshot = loadSessionSnapshot(f.tmp / "s");
        REQUIRE(snapshot.ok());
        CHECK(snapshot->polls == live);
        CHECK(snapshot->audience.visits.size() == visits.visits.size());
    }
}

TEST_CASE("session polls: a device's visit to the audience page counts once") {
    PollSession f;
    Session& s = f.session();
    REQUIRE(s.perform(LiveRequest(LiveCommand::AudienceVisit).withDevice("phone-0001")));
    CHECK(s.perform(LiveRequest(LiveCommand::AudienceVisit).withDevice("phone-0001")).refusal ==
          LiveRefusal::Refused);
    CHECK(s.perform(LiveRequest(LiveCommand::AudienceVisit).withDevice("bad")).refusal ==
          LiveRefusal::Invalid);
    REQUIRE(s.audience().visits.size() == 1);
    CHECK(s.audience().seen("phone-0001"));
}

TEST_CASE("session polls: ending the show closes every open poll, journaled, so its counts are final") {
    PollSession f;
    Session& s = f.session();
    ManualClock& clock = f.clock;
    REQUIRE(s.perform(LiveRequest(LiveCommand::Start)));
    REQUIRE(s.perform(LiveRequest(LiveCommand::PollOpen).withId("poll-next")));
    REQUIRE(s.perform(vote("poll-next", "phone-0001", "AI")));
    clock.advance(5000);
    REQUIRE(s.perform(LiveRequest(LiveCommand::End)));
    CHECK(s.polls().find("poll-next")->state == PollState::Closed);
    CHECK(s.polls().find("poll-next")->closedMs == 5000);
    CHECK(s.events().back().type == "poll-close");
    f.created->reset();
    auto snapshot = loadSessionSnapshot(f.tmp / "s");
    REQUIRE(snapshot.ok());
    CHECK(snapshot->polls.find("poll-next")->state == PollState::Closed);
}

TEST_CASE("session polls: a live poll naming a company is created, with the warning beside it") {
    Show show = meetup();
    show.people[0].company = "蝦拍電商 ShopPie";
    PollSession f(show);
    const SessionActionResult r = f.session().perform(
        LiveRequest(LiveCommand::PollCreate).withText("Who next?").withOptions({"ShopPie", "AI"}));
    REQUIRE(r);
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].find("vote on topics, not companies") != std::string::npos);
}
