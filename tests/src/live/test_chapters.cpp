// Tests for a session's chapters and the formats YouTube and podcast apps read.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/clock.hpp"
#include "live/chapters.hpp"
#include "live/session.hpp"
#include "test_support.hpp"

using namespace pycast;
using pycast::test::TempDir;

namespace {

Show chapterShow() {
    Show show = pycast::test::hostShow({"s-intro", "s-talk", "s-qa"}, "Chapters");
    Question q;
    q.id = "q-1";
    q.text = "How do you hire juniors?";
    show.questions = {q};
    return show;
}

}  // namespace

TEST_CASE("chapters: segments, answered questions and markers on the recording's timeline, in the formats players read") {
    TempDir tmp;
    ManualClock clock(0);
    const auto dir = tmp / "s";
    {
        auto created = Session::createAt(chapterShow(), dir, {&clock, nullptr, {}});
        REQUIRE(created);
        Session& s = **created;
        // The recording starts 2 s before the show; the sample runs 48 per ms from there.
        REQUIRE(s.appendEvent("recorder-start", {{"take", 1}, {"rate", 48000}, {"start_sample", 0},
                                                 {"tracks", nlohmann::json::array()}}));
        const std::int64_t recordingAt = clock.nowMs();
        s.setSampleSource([&] { return std::optional<SampleCount>(SampleCount((clock.nowMs() - recordingAt) * 48)); });
        clock.advance(2000);
        REQUIRE(s.perform(LiveRequest(LiveCommand::Start)));
        clock.advance(5000);
        REQUIRE(s.perform(LiveRequest(LiveCommand::Marker).withText("cold open")));
        clock.advance(60'000);
        REQUIRE(s.perform(LiveRequest(LiveCommand::Next)));
        clock.advance(3000);
        REQUIRE(s.perform(LiveRequest(LiveCommand::Marker)));   // 3 s after: YouTube merges it
        clock.advance(60'000);
        REQUIRE(s.perform(LiveRequest(LiveCommand::Goto).withId("s-qa")));
        clock.advance(30'000);
        REQUIRE(s.perform(LiveRequest(LiveCommand::QuestionAnswered).withId("q-1")));
        REQUIRE(s.perform(LiveRequest(LiveCommand::QuestionAnswered)));   // only the count: no chapter
    }
    auto snap = loadSessionSnapshot(dir);
    REQUIRE(snap);
    const std::vector<Chapter> ch = sessionChapters(*snap);
    REQUIRE(ch.size() == 6);
    CHECK(ch[0] == Chapter{Chapter::Kind::Segment, 2000, SampleCount(96'000), "Title of s-intro"});
    CHECK(ch[1].title == "cold open");
    CHECK(ch[1].startMs == 7000);
    CHECK(ch[2].title == "Title of s-talk");
    CHECK(ch[2].sample == SampleCount(67'000 * 48));
    CHECK(ch[3].title == "Marker");
    CHECK(ch[4].title == "Title of s-qa");
    CHECK(ch[5] == Chapter{Chapter::Kind::Question, 160'000, SampleCount(160'000 * 48),
                           "Q: How do you hire juniors?"});

    const auto json = nlohmann::json::parse(podcastingChaptersJson(ch));
    CHECK(json["version"] == "1.2.0");
    REQUIRE(json["chapters"].size() == 6);
    CHECK(json["chapters"][2]["startTime"].get<double>() == doctest::Approx(67.0));
    CHECK(json["chapters"][5]["title"] == "Q: How do you hire juniors?");

    std::string warning;
    const std::string yt = youtubeChapterList(ch, &warning);
    // The first at 0:00 (the intro and the cold open 5 s later are one chapter: the later title
    // wins), the marker 3 s after the talk began replaces it.
    CHECK(yt == "0:00 cold open\n1:07 Marker\n2:10 Title of s-qa\n2:40 Q: How do you hire juniors?\n");
    CHECK(warning.empty());
    CHECK(youtubeChapterList({ch[0]}, &warning) == "0:00 Title of s-intro\n");
    CHECK(warning.find("at least three") != std::string::npos);
}

TEST_CASE("chapters: without a recording, times run from the show's start") {
    TempDir tmp;
    ManualClock clock(0);
    const auto dir = tmp / "s";
    {
        auto created = Session::createAt(chapterShow(), dir, {&clock, nullptr, {}});
        REQUIRE(created);
        Session& s = **created;
        clock.advance(90'000);   // the room waited before the start
        REQUIRE(s.perform(LiveRequest(LiveCommand::Start)));
        clock.advance(12'000);
        REQUIRE(s.perform(LiveRequest(LiveCommand::Next)));
        REQUIRE(s.perform(LiveRequest(LiveCommand::Previous)));
        REQUIRE(s.perform(LiveRequest(LiveCommand::Previous).withId("")).ok == false);
    }
    auto snap = loadSessionSnapshot(dir);
    REQUIRE(snap);
    const std::vector<Chapter> ch = sessionChapters(*snap);
    REQUIRE(ch.size() == 3);
    CHECK(ch[0].startMs == 0);
    CHECK_FALSE(ch[0].sample.has_value());
    CHECK(ch[1].startMs == 12'000);
    CHECK(ch[2].title == "Title of s-intro");   // back to the intro: a chapter again
}
