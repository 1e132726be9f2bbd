// Tests for the topic polls' state machine and rules (core/poll_board).
#include <doctest/doctest.h>

#include "core/poll_board.hpp"

using namespace pycast;

namespace {

Show meetup() {
    Show show;
    Person a;
    a.id = "p-a";
    a.name = "Amy";
    a.company = "Acme Cloud";
    Person b;
    b.id = "p-b";
    b.name = "Bo";
    b.company = "趨勢科技";
    Person c;
    c.id = "p-c";
    c.name = "Cy";
    c.company = "Line";
    show.people = {a, b, c};
    Poll p;
    p.id = "poll-next";
    p.question = "下次想聽什麼主題？";
    p.options = {"AI", "Web", "DevOps", "Data", "職涯"};
    show.polls = {p};
    return show;
}

const std::string kPhone1 = "phone-0001";
const std::string kPhone2 = "phone-0002";

}  // namespace

TEST_CASE("polls: the show's polls start as drafts, only an open poll takes votes") {
    PollBoard board(meetup());
    REQUIRE(board.all().size() == 1);
    const LivePoll& p = board.all()[0];
    CHECK(p.state == PollState::Draft);
    CHECK(p.fromShow);
    // A draft is invisible: voting in it is voting in nothing.
    CHECK(board.vote("poll-next", kPhone1, "AI", 10).error == PollError::NoSuchPoll);
    REQUIRE(board.open("poll-next", 100));
    CHECK(board.open("poll-next", 110).error == PollError::WrongState);
    CHECK(board.vote("poll-next", kPhone1, "AI", 200));
    REQUIRE(board.close("poll-next", 300));
    const PollResult late = board.vote("poll-next", kPhone2, "AI", 400);
    CHECK(late.error == PollError::WrongState);
    CHECK(late.code == "poll-closed");
    CHECK(board.find("poll-next")->counts() == std::vector<int>{1, 0, 0, 0, 0});
    CHECK(board.find("poll-next")->openedMs == 100);
    CHECK(board.find("poll-next")->closedMs == 300);
    // Closed too early: opened again, its votes kept.
    REQUIRE(board.open("poll-next", 500));
    CHECK(board.find("poll-next")->totalVotes() == 1);
}

TEST_CASE("polls: a second vote from the same device changes it, never adds") {
    PollBoard board(meetup());
    REQUIRE(board.open("poll-next", 0));
    REQUIRE(board.vote("poll-next", kPhone1, "AI", 1));
    REQUIRE(board.vote("poll-next", kPhone2, "AI", 2));
    REQUIRE(board.vote("poll-next", kPhone1, "Web", 3));
    REQUIRE(board.vote("poll-next", kPhone1, "Web", 4));  // the same again: no change
    const LivePoll& p = *board.find("poll-next");
    CHECK(p.counts() == std::vector<int>{1, 1, 0, 0, 0});
    CHECK(p.totalVotes() == 2);
    REQUIRE(p.ballotOf(kPhone1));
    CHECK(p.ballotOf(kPhone1)->option == 1);
    CHECK(p.ballotOf(kPhone1)->atMs == 3);
}

TEST_CASE("polls: an unknown option or device is refused and changes nothing") {
    PollBoard board(meetup());
    REQUIRE(board.open("poll-next", 0));
    const std::uint64_t before = board.revision();
    const PollResult r = board.vote("poll-next", kPhone1, "Google", 1);
    CHECK(r.error == PollError::UnknownOption);
    CHECK(r.message.find("AI, Web, DevOps, Data, 職涯") != std::string::npos);
    CHECK(board.vote("poll-next", "short", "AI", 1).error == PollError::Invalid);
    CHECK(board.vote("poll-nope", kPhone1, "AI", 1).error == PollError::NoSuchPoll);
    CHECK(board.revision() == before);
    CHECK(board.find("poll-next")->totalVotes() == 0);
    // Typed differently on a phone, the same option.
    CHECK(board.vote("poll-next", kPhone1, "  devops ", 2));
    CHECK(board.find("poll-next")->counts()[2] == 1);
}

TEST_CASE("polls: Apply::Check refuses like Commit and changes nothing") {
    PollBoard board(meetup());
    CHECK(board.open("poll-next", 0, Apply::Check));
    CHECK(board.find("poll-next")->state == PollState::Draft);
    const PollResult made = board.create({"", "Which stack?", {"Python", "Go"}, false, false}, 5,
                                         Apply::Check);
    CHECK(made);
    CHECK(made.id == "poll2");
    CHECK(board.all().size() == 1);
}

TEST_CASE("polls: a live poll gets a fresh id, its question and options obey the limits") {
    PollBoard board(meetup());
    const PollResult r = board.create({"", "Which stack?", {"Python", "Go"}, true, false}, 1234);
    REQUIRE(r);
    CHECK(r.id == "poll2");
    CHECK(board.find("poll2")->createdMs == 1234);
    CHECK(board.find("poll2")->liveResults);
    CHECK(board.create({"", "Q", {"only one"}, false, false}, 0).error == PollError::Invalid);
    CHECK(board.create({"", "Q", {"a", "b", "c", "d", "e", "f", "g", "h", "i"}, false, false}, 0)
              .error == PollError::Invalid);
    CHECK(board.create({"", "Q", {"AI", " ai "}, false, false}, 0).error == PollError::Invalid);
    CHECK(board.create({"", "　", {"a", "b"}, false, false}, 0).error == PollError::Invalid);
    CHECK(board.create({"", "Q", {"a", "b\nc"}, false, false}, 0).error == PollError::Invalid);
    CHECK(board.create({"", "Q", {"a", std::string(61, 'x')}, false, false}, 0).error ==
          PollError::Invalid);
    CHECK(board.create({"", "Q", {"a", "\xff"}, false, false}, 0).error == PollError::Invalid);
    CHECK(board.create({"poll-next", "Q", {"a", "b"}, false, false}, 0).error ==
          PollError::DuplicateId);
    CHECK(board.create({"p-a", "Q", {"a", "b"}, false, false}, 0).error == PollError::DuplicateId);
    CHECK(pollProblem("下次想聽什麼主題？", {"AI", "Web"}) == std::nullopt);
    CHECK(pollProblem("Q", {"a", ""})->find("option 2") != std::string::npos);
}

TEST_CASE("polls: counts are hidden from the audience until closed, unless live") {
    PollBoard board(meetup());
    REQUIRE(board.open("poll-next", 0));
    CHECK_FALSE(board.find("poll-next")->resultsPublic());
    REQUIRE(board.setLiveResults("poll-next", true));
    CHECK(board.find("poll-next")->resultsPublic());
    REQUIRE(board.setLiveResults("poll-next", false));
    REQUIRE(board.close("poll-next", 10));
    CHECK(board.find("poll-next")->resultsPublic());
}

TEST_CASE("polls: an option naming one of the show's companies is warned, a topic is not") {
    Show show = meetup();
    show.polls[0].options = {"AI", "Acme Cloud 的架構", "趨勢科技", "Online courses", "LINE"};
    const auto warnings = pollCompanyWarnings(show);
    REQUIRE(warnings.size() == 3);
    CHECK(warnings[0].path == "/polls/0/options/1");
    CHECK(warnings[0].message.find("vote on topics, not companies") != std::string::npos);
    CHECK(warnings[1].path == "/polls/0/options/2");
    // "Line" is a word of its own in "LINE", not inside "Online".
    CHECK(warnings[2].path == "/polls/0/options/4");
    CHECK(pollCompanyWarnings(meetup()).empty());
}

TEST_CASE("polls: a bilingual company is found by either of its names, or a distinctive word") {
    Show show = meetup();
    show.people[0].company = "蝦拍電商 ShopPie";
    show.people[1].company = "玉山金融科技 Yushan FinTech";
    show.people[2].company = "樂天 Rakuten Taiwan";
    const std::vector<std::string> named = {"ShopPie", "shoppie 的推薦系統", "蝦拍電商",
                                            "玉山金融科技", "Yushan FinTech", "yushan",
                                            "Rakuten"};
    for (const std::string& option : named) {
        CAPTURE(option);
        CHECK(companyNamedOptions(show, {option}).size() == 1);
    }
    // Topics that share a generic word with a company's name are topics.
    for (const std::string option : {"Taiwan", "FinTech", "AI", "Data", "職涯 Career", "Python"}) {
        CAPTURE(option);
        CHECK(companyNamedOptions(show, {option}).empty());
    }
}
