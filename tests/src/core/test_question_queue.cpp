// Tests for the audience question queue: states, votes, merges, limits, blocked words.
#include <doctest/doctest.h>

#include <string>

#include "core/question_queue.hpp"

using namespace pycast;

namespace {

Show meetup() {
    Show show;
    show.topics = {"職涯 Career", "技術 Tech", "徵才 Hiring"};
    show.guidelines.blockedWords = {"spam", "廣告"};
    Person guest;
    guest.id = "p-amy";
    guest.name = "Amy";
    show.people.push_back(guest);
    Segment s;
    s.id = "s-qa";
    s.title = "Q&A";
    show.rundown.push_back(s);
    Question pre;
    pre.id = "q-pre";
    pre.text = "Pre-submitted";
    pre.votes = 4;
    pre.topics = {"技術 Tech"};
    show.questions.push_back(pre);
    return show;
}

NewQuestion web(std::string text, std::string device = "device-0001") {
    NewQuestion q;
    q.text = std::move(text);
    q.source = QuestionSource::Web;
    q.device = std::move(device);
    return q;
}

}  // namespace

TEST_CASE("questions: the show's pre-submitted questions enter approved, with their votes") {
    QuestionQueue queue(meetup());
    const LiveQuestion* q = queue.find("q-pre");
    REQUIRE(q);
    CHECK(q->state == QuestionState::Approved);
    CHECK(q->source == QuestionSource::Show);
    CHECK(queue.votes(*q) == 4);
    CHECK(q->isPublic());
}

TEST_CASE("questions: a web question waits in the inbox — the producer's goes straight to approved") {
    QuestionQueue queue(meetup());
    const QuestionResult a = queue.submit(web("How do you onboard juniors?"), 1000);
    REQUIRE(a);
    CHECK(a.id == "q1");
    CHECK(queue.find(a.id)->state == QuestionState::Pending);
    CHECK_FALSE(queue.find(a.id)->isPublic());
    CHECK(queue.publicRevision() == 0);  // nothing the room sees changed
    NewQuestion typed;
    typed.text = "From the live chat";
    typed.source = QuestionSource::Producer;
    const QuestionResult b = queue.submit(typed, 2000);
    REQUIRE(b);
    CHECK(b.id == "q2");
    CHECK(queue.find(b.id)->state == QuestionState::Approved);
    CHECK(queue.oldestPendingMs() == 1000);
}

TEST_CASE("questions: the whole path pending, approved, on air, answered, each refused out of turn") {
    QuestionQueue queue(meetup());
    const std::string id = queue.submit(web("Q?"), 0).id;
    CHECK(queue.putOnAir(id, 10).error == QuestionError::WrongState);
    CHECK(queue.vote(id, "device-0002", 10).error == QuestionError::NoSuchQuestion);
    REQUIRE(queue.approve(id));
    CHECK(queue.approve(id).error == QuestionError::WrongState);
    REQUIRE(queue.putOnAir(id, 20));
    CHECK(queue.onAir()->id == id);
    CHECK(queue.edit(id, "changed").error == QuestionError::WrongState);  // the room saw it
    // Another goes on air: the first goes back to approved.
    REQUIRE(queue.putOnAir("q-pre", 30));
    CHECK(queue.find(id)->state == QuestionState::Approved);
    REQUIRE(queue.answer("", 40, "s-qa"));  // the one on air
    CHECK(queue.find("q-pre")->state == QuestionState::Answered);
    CHECK(queue.find("q-pre")->answeredMs == 40);
    CHECK(queue.find("q-pre")->answeredSegmentId == "s-qa");
    CHECK(queue.answer("", 50, "s-qa").error == QuestionError::NoSuchQuestion);  // none on air
    REQUIRE(queue.reopen("q-pre"));
    CHECK(queue.find("q-pre")->state == QuestionState::Approved);
    CHECK_FALSE(queue.find("q-pre")->answeredMs);
}

TEST_CASE("questions: dismiss and restore return a question where it was, never on air") {
    QuestionQueue queue(meetup());
    const std::string id = queue.submit(web("Q?"), 0).id;
    REQUIRE(queue.dismiss(id));
    REQUIRE(queue.restore(id));
    CHECK(queue.find(id)->state == QuestionState::Pending);
    REQUIRE(queue.approve(id));
    REQUIRE(queue.putOnAir(id, 5));
    REQUIRE(queue.dismiss(id));
    CHECK(queue.onAir() == nullptr);
    REQUIRE(queue.restore(id));
    CHECK(queue.find(id)->state == QuestionState::Approved);
    CHECK(queue.restore(id).error == QuestionError::WrongState);
}

TEST_CASE("questions: one vote per device, not per address — a check changes nothing") {
    QuestionQueue queue(meetup());
    CHECK(queue.vote("q-pre", "device-0001", 0, Apply::Check));
    CHECK(queue.votes(*queue.find("q-pre")) == 4);
    REQUIRE(queue.vote("q-pre", "device-0001", 0));
    CHECK(queue.vote("q-pre", "device-0001", 0).error == QuestionError::AlreadyVoted);
    REQUIRE(queue.vote("q-pre", "device-0002", 0));
    CHECK(queue.votes(*queue.find("q-pre")) == 6);
    CHECK(queue.hasVoted(*queue.find("q-pre"), "device-0002"));
    CHECK(queue.vote("q-pre", "short", 0).error == QuestionError::Invalid);
    CHECK(queue.vote("q-pre", "has space!", 0).error == QuestionError::Invalid);
}

TEST_CASE("questions: merging adds votes and voters (a device once) and keeps the merged visible") {
    QuestionQueue queue(meetup());
    const std::string a = queue.submit(web("How do you hire?"), 0).id;
    const std::string b = queue.submit(web("Are you hiring?"), 1).id;
    REQUIRE(queue.approve(a));
    REQUIRE(queue.approve(b));
    REQUIRE(queue.vote(a, "device-aaaa", 2));
    REQUIRE(queue.vote(b, "device-aaaa", 2));  // the same device voted for both
    REQUIRE(queue.vote(b, "device-bbbb", 2));
    CHECK(queue.merge(a, {a}).error == QuestionError::Invalid);
    REQUIRE(queue.merge(a, {b}));
    CHECK(queue.find(b)->state == QuestionState::Merged);
    CHECK(queue.find(b)->mergedInto == a);
    CHECK(queue.find(a)->merged == std::vector<std::string>{b});
    CHECK(queue.votes(*queue.find(a)) == 2);
    CHECK(queue.vote(a, "device-bbbb", 3).error == QuestionError::AlreadyVoted);
    CHECK(queue.merge("q-pre", {a}).error == QuestionError::WrongState);  // a has merged ones
    REQUIRE(queue.unmerge(b));
    CHECK(queue.find(b)->state == QuestionState::Approved);
    CHECK(queue.votes(*queue.find(a)) == 1);
}

TEST_CASE("questions: text and name limits are in characters, and control characters refused") {
    QuestionQueue queue(meetup());
    std::string chinese;
    for (int i = 0; i < 500; ++i) chinese += "問";  // 1500 bytes, 500 characters
    CHECK(queue.submit(web(chinese), 0));
    CHECK(queue.submit(web(chinese + "問"), 0).error == QuestionError::Invalid);
    CHECK(queue.submit(web("   \n "), 0).error == QuestionError::Invalid);
    CHECK(queue.submit(web("\xE3\x80\x80\xE3\x80\x80"), 0).error == QuestionError::Invalid);
    CHECK(queue.submit(web("bad \x1B[2J"), 0).error == QuestionError::Invalid);
    CHECK(queue.submit(web("bad \xFF utf8"), 0).error == QuestionError::Invalid);
    CHECK(queue.submit(web("two\nlines"), 0));
    NewQuestion named = web("ok");
    named.name = std::string(61, 'a');
    CHECK(queue.submit(named, 0).error == QuestionError::Invalid);
    named.name = std::string(60, 'a');
    CHECK(queue.submit(named, 0));
    CHECK_FALSE(questionTextProblem(std::string(501, 'x')) == std::nullopt);
    CHECK(questionTextProblem(std::string(501, 'x'))->find("501 characters") != std::string::npos);
}

TEST_CASE("questions: topics and people must be the show's") {
    QuestionQueue queue(meetup());
    NewQuestion q = web("Q?");
    q.topics = {"Gossip"};
    const QuestionResult r = queue.submit(q, 0);
    CHECK(r.error == QuestionError::UnknownTopic);
    CHECK(r.message.find("職涯 Career") != std::string::npos);  // says which exist
    q.topics = {"技術 Tech"};
    q.forPerson = "p-nobody";
    CHECK(queue.submit(q, 0).error == QuestionError::UnknownPerson);
    q.forPerson = "p-amy";
    const std::string id = queue.submit(q, 0).id;
    REQUIRE(!id.empty());
    REQUIRE(queue.label(id, {"徵才 Hiring", "職涯 Career"}));
    CHECK(queue.find(id)->topics == std::vector<std::string>{"徵才 Hiring", "職涯 Career"});
    REQUIRE(queue.assign(id, ""));
    CHECK(queue.find(id)->forPerson.empty());
}

TEST_CASE("questions: blocked words mark a web submission for review, whatever the case") {
    QuestionQueue queue(meetup());
    const std::string id = queue.submit(web("Buy SPAM now, 廣告 here"), 0).id;
    REQUIRE(!id.empty());
    CHECK(queue.find(id)->state == QuestionState::Pending);
    CHECK(queue.find(id)->heldFor == std::vector<std::string>{"spam", "廣告"});
    const std::string clean = queue.submit(web("A real question"), 0).id;
    CHECK(queue.find(clean)->heldFor.empty());
}

TEST_CASE("questions: an edit keeps the original words — editing back clears it") {
    QuestionQueue queue(meetup());
    const std::string id = queue.submit(web("hwo do yuo test?"), 0).id;
    REQUIRE(queue.edit(id, "How do you test?"));
    CHECK(queue.find(id)->text == "How do you test?");
    CHECK(queue.find(id)->originalText == "hwo do yuo test?");
    REQUIRE(queue.edit(id, "hwo do yuo test?"));
    CHECK(queue.find(id)->originalText.empty());
    CHECK(queue.edit(id, "").error == QuestionError::Invalid);
}

TEST_CASE("questions: ids never collide with the show's ids or journaled ones") {
    Show show = meetup();
    Segment s;
    s.id = "q1";  // a segment that happens to be called q1
    show.rundown.push_back(s);
    QuestionQueue queue(show);
    CHECK(queue.submit(web("first"), 0).id == "q2");
    NewQuestion replayed = web("from a journal");
    replayed.id = "q9";
    CHECK(queue.submit(replayed, 0).id == "q9");
    CHECK(queue.submit(web("next"), 0).id == "q10");
    replayed.id = "q9";
    CHECK(queue.submit(replayed, 0).error == QuestionError::DuplicateId);
}
