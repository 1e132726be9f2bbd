// Tests for the export plan: kept regions, chapters on the output timeline, the checks before
// export, show notes and the feed's podcast:person lines.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/clock.hpp"
#include "live/export_plan.hpp"
#include "live/session.hpp"
#include "test_support.hpp"

using namespace pycast;
using pycast::test::TempDir;

namespace {

ExportPlan plan(std::int64_t sourceMs, std::vector<Chapter> chapters = {}) {
    ExportPlan p;
    p.sourceMs = sourceMs;
    p.chapters = std::move(chapters);
    return p;
}

Chapter seg(std::int64_t ms, std::string title) { return {Chapter::Kind::Segment, ms, {}, std::move(title)}; }

std::vector<ExportCheck> only(const std::vector<ExportCheck>& checks, const std::string& topic) {
    std::vector<ExportCheck> out;
    for (const auto& c : checks)
        if (c.topic == topic) out.push_back(c);
    return out;
}

CoverInfo goodCover() { return {"png", 1400, 1400, false, true, 50'000}; }

}  // namespace

TEST_CASE("export plan: the kept regions are the trimmed source minus the cuts, merged and in order") {
    ExportPlan p = plan(100'000);
    p.trimHeadMs = 2'000;
    p.trimTailMs = 5'000;
    p.cuts = {{50'000, 60'000, "b"}, {10'000, 20'000, "a"}, {15'000, 30'000, "overlaps a"}, {94'000, 99'000, "tail"}};
    const auto kept = keptRegions(p);
    REQUIRE(kept.size() == 3);
    CHECK(kept[0].startMs == 2'000);
    CHECK(kept[0].endMs == 10'000);
    CHECK(kept[1].startMs == 30'000);
    CHECK(kept[1].endMs == 50'000);
    CHECK(kept[2].startMs == 60'000);
    CHECK(kept[2].endMs == 94'000);
    p.cuts = {{0, 100'000, "all"}};
    CHECK(keptRegions(p).empty());
}

TEST_CASE("export plan: chapters after a cut move with it, one inside a cut lands where it was, the first starts at 0:00") {
    ExportPlan p = plan(600'000, {seg(5'000, "Intro"), seg(100'000, "Talk"), seg(200'000, "Break"),
                                  seg(260'000, " Q&A "), seg(590'000, "Outro in the trimmed tail")});
    p.cuts = segmentCuts(p.chapters, "Break", p.sourceMs);
    REQUIRE(p.cuts.size() == 1);
    CHECK(p.cuts[0].startMs == 200'000);
    CHECK(p.cuts[0].endMs == 260'000);
    p.trimTailMs = 20'000;
    // Output: a 3 s intro, then 0–200 s and 260–580 s of the source.
    const std::int64_t outputMs = 3'000 + 200'000 + 320'000;
    const auto ch = outputChapters(p, 3'000, outputMs);
    REQUIRE(ch.size() == 3);  // Break (in the cut) and Q&A land on the same ms: the later title wins
    CHECK(ch[0] == OutputChapter{0, 103'000, "Intro"});
    CHECK(ch[1] == OutputChapter{103'000, 203'000, "Talk"});
    CHECK(ch[2] == OutputChapter{203'000, outputMs, "Q&A"});
}

TEST_CASE("export plan: the checks name each chapter that breaks YouTube's rules, and a cover that breaks the directories'") {
    ExportPlan p = plan(60'000);
    const std::vector<OutputChapter> chapters = {{0, 30'000, "Intro"}, {30'000, 35'000, "Too short"}, {35'000, 60'000, "End"}};
    auto checks = checksBeforeExport(p, chapters, 60'000, Result<CoverInfo>(goodCover()));
    auto yt = only(checks, "YouTube");
    REQUIRE(yt.size() == 2);  // the short one, and the list merging leaves with 2
    CHECK(yt[0].level == ExportCheck::Level::Warning);
    CHECK(yt[0].text.find("chapter 2 \"Too short\" at 0:30 lasts 5 s") != std::string::npos);
    CHECK_FALSE(hasErrors(checks));
    CHECK(only(checks, "Cover art")[0].level == ExportCheck::Level::Ok);

    CoverInfo wide = goodCover();
    wide.width = 1600;
    wide.hasAlpha = true;
    checks = checksBeforeExport(p, chapters, 60'000, Result<CoverInfo>(wide));
    auto art = only(checks, "Cover art");
    REQUIRE(art.size() == 2);
    CHECK(art[0].text.find("1600×1400 is not square") != std::string::npos);
    CHECK(art[1].text.find("alpha") != std::string::npos);
    CHECK(hasErrors(checks));

    checks = checksBeforeExport(p, chapters, 60'000, Result<CoverInfo>(Error{"is not an image", "cover.png", ""}));
    CHECK(only(checks, "Cover art")[0].level == ExportCheck::Level::Error);

    CoverInfo small = goodCover();
    small.width = small.height = 600;
    CHECK(only(checksBeforeExport(p, chapters, 60'000, Result<CoverInfo>(small)), "Cover art")[0].text.find("1400–3000") !=
          std::string::npos);
    CoverInfo heavy = goodCover();
    heavy.bytes = 400 * 1024;
    art = only(checksBeforeExport(p, chapters, 60'000, Result<CoverInfo>(heavy)), "Cover art");
    CHECK(art[0].level == ExportCheck::Level::Warning);
    CHECK(art[0].text.find("300 KB") != std::string::npos);

    p.encode.bitrateKbps = 500;
    CHECK(only(checksBeforeExport(p, chapters, 60'000, std::nullopt), "Bitrate")[0].level == ExportCheck::Level::Error);
    p.encode.bitrateKbps = 128;
    const std::vector<OutputChapter> unordered = {{0, 30'000, "A"}, {20'000, 70'000, "B"}, {10'000, 60'000, "C"}, {65'000, 70'000, "D"}};
    auto bad = only(checksBeforeExport(p, unordered, 60'000, std::nullopt), "Chapters");
    REQUIRE(bad.size() == 2);
    CHECK(bad[0].text.find("chapter 3 \"C\" at 0:10.000 is not after the one before it") != std::string::npos);
    CHECK(bad[1].text.find("chapter 4 \"D\" at 1:05.000 is outside the audio (1:00.000 long)") != std::string::npos);
    p.loudness.integratedLufs = -70;
    CHECK(only(checksBeforeExport(p, chapters, 60'000, std::nullopt), "Loudness")[0].level == ExportCheck::Level::Error);
}

TEST_CASE("export plan: show notes paste into YouTube and HackMD, the feed gets one podcast:person per person") {
    ExportPlan p = plan(300'000, {seg(0, "開場 Opening"), {Chapter::Kind::Question, 100'000, {}, "Q: 你們怎麼招募新人？"},
                                  seg(200'000, "Wrap-up")});
    p.meta.title = "EP12 <Hiring>";
    p.meta.show = "PyCast";
    p.meta.episode = 12;
    p.meta.date = "2026-11-25";
    p.meta.people = {{"Ada", "host", "", ""}, {"林小明", "guest", "Acme & Co", "https://example.com/lin"}};
    const auto ch = outputChapters(p, 0, 300'000);
    const std::string notes = showNotesMarkdown(p, ch, 0, nullptr);
    INFO(notes);
    CHECK(notes.find("# EP12 &lt;Hiring>") == 0);  // markdownLine: "<" cannot open a tag
    CHECK(notes.find("PyCast · EP12 · 2026-11-25") != std::string::npos);
    CHECK(notes.find("## Chapters\n\n0:00 開場 Opening\n1:40 Q: 你們怎麼招募新人？\n3:20 Wrap-up\n") != std::string::npos);
    CHECK(notes.find("## Guests\n\n- 林小明 — Acme & Co\n") != std::string::npos);
    CHECK(notes.find("## Questions answered\n\n- 1:40 你們怎麼招募新人？\n") != std::string::npos);

    const std::string xml = podcastPersonXml(p.meta);
    CHECK(xml.find("<podcast:person role=\"host\">Ada</podcast:person>\n") == 0);
    CHECK(xml.find("<podcast:person role=\"guest\" href=\"https://example.com/lin\">林小明</podcast:person>") !=
          std::string::npos);
    const auto json = nlohmann::json::parse(outputChaptersJson(ch));
    CHECK(json["version"] == "1.2.0");
    CHECK(json["chapters"][1]["startTime"].get<double>() == doctest::Approx(100.0));
    CHECK(json["chapters"][1]["title"] == "Q: 你們怎麼招募新人？");
}

TEST_CASE("export plan: a session's plan has its tracks at unity and centred, its chapters, people and a file name") {
    TempDir tmp;
    ManualClock clock(0);
    const auto dir = tmp / "s";
    Show show = pycast::test::hostShow({"s-a", "s-b"}, "Plan 計畫");
    show.meta.series = "PyCast";
    show.meta.episode = 7;
    {
        auto created = Session::createAt(show, dir, {&clock, nullptr, {}});
        REQUIRE(created);
        Session& s = **created;
        CHECK_FALSE(planForSession(dir));  // not recorded yet: a clear error
        REQUIRE(s.appendEvent("recorder-start",
                              {{"take", 1}, {"rate", 48000}, {"start_sample", 0},
                               {"tracks", nlohmann::json::array({{{"channel", 0}, {"name", "Host"}, {"person", show.people[0].id},
                                                                  {"file", "tracks/01-host.wav"}}})}}));
        s.setSampleSource([&] { return std::optional<SampleCount>(SampleCount(clock.nowMs() * 48)); });
        clock.advance(1000);
        REQUIRE(s.perform(LiveRequest(LiveCommand::Start)));
        clock.advance(20'000);
        REQUIRE(s.perform(LiveRequest(LiveCommand::Next)));
        clock.advance(20'000);
        REQUIRE(s.appendEvent("recorder-stop", {{"take", 1}, {"frames", 41 * 48000}, {"reason", "stopped"}}));
    }
    auto p = planForSession(dir);
    REQUIRE(p);
    CHECK(p->isSession);
    REQUIRE(p->tracks.size() == 1);
    CHECK(p->tracks[0] == TrackMix{"Host", show.people[0].id, 0.0, 0.0, false});
    CHECK(p->sourceMs == 41'000);
    REQUIRE(p->chapters.size() == 2);
    CHECK(p->chapters[1].startMs == 21'000);
    CHECK(p->meta.show == "PyCast");
    CHECK(p->meta.episode == 7);
    CHECK(p->baseName == "ep7-plan-計畫");
    CHECK(p->outDir == dir / "exports");
}

TEST_CASE("export plan: an editor's chapter list, as YouTube's lines or Podcasting 2.0 JSON, is read with its errors named") {
    auto list = parseChapterList("# edited\n0:00 開場\n\n1:40 Q: 你們怎麼招募新人？\n1:02:03 Wrap-up\n");
    REQUIRE(list);
    REQUIRE(list->size() == 3);
    CHECK(list->at(1).startMs == 100'000);
    CHECK(list->at(1).title == "Q: 你們怎麼招募新人？");
    CHECK(list->at(2).startMs == 3'723'000);
    auto json = parseChapterList(R"({"version": "1.2.0", "chapters": [{"startTime": 0, "title": "A"}, {"startTime": 12.5, "title": "B"}]})");
    REQUIRE(json);
    CHECK(json->at(1).startMs == 12'500);
    auto bad = parseChapterList("0:00 A\nnoon B\n");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().where == "line 2");
    auto back = parseChapterList("0:10 A\n0:05 B\n");
    REQUIRE_FALSE(back);
    CHECK(back.error().what.find("goes back in time") != std::string::npos);
    CHECK_FALSE(parseChapterList(R"({"chapters": [{"title": "no time"}]})"));
}

TEST_CASE("export plan: a chapter list saved by Notepad (BOM, CRLF) with '0:00 - Title' separators reads as meant") {
    auto list = parseChapterList("\xEF\xBB\xBF" "0:00 - Intro\r\n0:30 – Q: 你好？\r\n1:00 | Wrap-up\r\n1:30 -dash kept\r\n");
    REQUIRE(list);
    REQUIRE(list->size() == 4);
    CHECK(list->at(0).title == "Intro");
    CHECK(list->at(1).title == "Q: 你好？");
    CHECK(list->at(2).title == "Wrap-up");
    CHECK(list->at(3).title == "-dash kept");
}

TEST_CASE("export plan: a chapter past the kept audio is named, and so is a YouTube list that merging leaves short") {
    ExportPlan p = plan(60'000, {seg(0, "A"), seg(5'000, "B"), seg(30'000, "C"), seg(300'000, "Beyond")});
    const auto ch = outputChapters(p, 0, 60'000);
    REQUIRE(ch.size() == 3);
    const auto chapters = only(checksBeforeExport(p, ch, 60'000, std::nullopt), "Chapters");
    REQUIRE(chapters.size() == 2);
    CHECK(chapters[1].level == ExportCheck::Level::Warning);
    CHECK(chapters[1].text == "\"Beyond\" at 5:00 is after the end of the audio kept (1:00) and is left out");
    const auto yt = only(checksBeforeExport(p, ch, 60'000, std::nullopt), "YouTube");
    REQUIRE_FALSE(yt.empty());
    CHECK(yt.back().text == "once the short chapters are merged, 2 are left for the show notes' list; YouTube ignores fewer than 3");
}
