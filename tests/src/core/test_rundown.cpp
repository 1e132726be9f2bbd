// Rundown timing and balance: start offsets, totals, technical share, airtime per company.
#include <doctest/doctest.h>

#include "core/rundown.hpp"
#include "io/rundown_export.hpp"
#include "io/show_io.hpp"
#include "test_support.hpp"

using namespace pycast;
using namespace pycast::test;

namespace {
Show sample(const char* name) {
    LoadResult r = loadShowFile(showsDir() / name);
    REQUIRE(r.ok());
    return *r.show;
}
}  // namespace

TEST_CASE("the episode sample fits its target with a quarter technical") {
    Show show = sample("pycast-episode.json");
    RundownAnalysis a = analyzeRundown(show);
    CHECK(a.plannedTotal == 35 * 60);
    CHECK(a.overUnder == 0);
    CHECK(a.segments[3].startOffset == 14 * 60);
    CHECK(a.segments[3].startTimeOfDay == 20 * 3600 + 14 * 60);
    CHECK(a.technicalShare == doctest::Approx(100.0 * 9 / 35));
    CHECK_FALSE(a.technicalShareOutside);
    REQUIRE(a.perCompany.size() == 1);
    CHECK_FALSE(a.perCompany[0].overLimit);   // one guest company is not an imbalance
    CHECK(a.plannedEnd == 20 * 3600 + 35 * 60);
    CHECK(a.hardOutMargin == 5 * 60);
}

TEST_CASE("a fixed start pins a segment and the meetup's companies are balanced") {
    Show show = sample("enterprise-meetup.json");
    RundownAnalysis a = analyzeRundown(show);
    int panel = show.segmentIndex("s-panel");
    CHECK(a.segments[panel].startTimeOfDay == 19 * 3600 + 50 * 60);   // waits 2 min for 19:50
    CHECK_FALSE(a.segments[panel].fixedStartMissed);
    REQUIRE(a.perCompany.size() == 3);
    for (const auto& c : a.perCompany) CHECK_FALSE(c.overLimit);
    CHECK(a.perCompany[0].share == doctest::Approx(100.0 / 3).epsilon(0.01));
}

TEST_CASE("one company taking too much airtime gets a warning") {
    Show show = sample("enterprise-meetup.json");
    Segment extra;
    extra.id = "s-extra";
    extra.title = "Another talk from the bank";
    extra.kind = SegmentKind::Lightning;
    extra.planned = 30 * 60;
    extra.speakers = {"p-fin"};
    show.rundown.insert(show.rundown.begin() + 3, extra);
    RundownAnalysis a = analyzeRundown(show);
    REQUIRE(a.perCompany.size() == 3);
    CHECK(a.perCompany[0].label == "玉山金融科技 Yushan FinTech");
    CHECK(a.perCompany[0].overLimit);
    CHECK(a.perCompany[0].share > 40.0);
    bool warned = false;
    for (const auto& f : a.findings)
        if (f.severity == Severity::Warning && f.message.find("玉山金融科技") != std::string::npos &&
            f.message.find("limit") != std::string::npos)
            warned = true;
    CHECK(warned);
    // The panel can no longer start at 19:50.
    CHECK(a.segments[show.segmentIndex("s-panel")].fixedStartMissed);
}

TEST_CASE("technical share outside the range and an overlong plan are warnings") {
    Show show = sample("pycast-episode.json");
    show.rundown[show.segmentIndex("s-tech")].planned = 20 * 60;
    RundownAnalysis a = analyzeRundown(show);
    CHECK(a.technicalShareOutside);
    CHECK(a.overUnder == 11 * 60);
    int warnings = 0;
    for (const auto& f : a.findings) warnings += f.severity == Severity::Warning;
    CHECK(warnings == 3);   // over target, outside the range, and past the 20:40 hard out
}

TEST_CASE("a segment's airtime is shared equally by its speakers") {
    Show show = sample("pycast-episode.json");
    RundownAnalysis a = analyzeRundown(show);
    Seconds total = 0;
    for (const auto& s : a.perSpeaker) total += s.seconds;
    CHECK(total == 35 * 60);
}

TEST_CASE("text output aligns Chinese titles by display width") {
    CHECK(displayWidth("abc") == 3);
    CHECK(displayWidth("開場") == 4);
    CHECK(displayWidth("開場 Intro") == 10);
    std::string text = renderRundown(sample("pycast-episode.json"), RundownFormat::Text);
    CHECK(text.find("開場 Intro") != std::string::npos);
    CHECK(text.find("Technical share 25.7%") != std::string::npos);
}

TEST_CASE("CSV fields with commas, quotes and line breaks are quoted") {
    CHECK(csvField("plain") == "plain");
    CHECK(csvField("a,b") == "\"a,b\"");
    CHECK(csvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csvField("two\nlines") == "\"two\nlines\"");
}

TEST_CASE("Markdown export matches the checked-in file that pastes into HackMD") {
    // To update after an intended change: pycast rundown shows/enterprise-meetup.json --format md
    //   > tests/data/expected/enterprise-meetup.md, and read the diff before committing.
    std::string expected = readFile(dataDir() / "expected" / "enterprise-meetup.md");
    std::string actual = renderRundown(sample("enterprise-meetup.json"), RundownFormat::Markdown);
    CHECK(actual == expected);
}

TEST_CASE("Markdown table cells escape pipes and keep line breaks") {
    Show show = sample("pycast-episode.json");
    show.rundown[0].title = "A | B";
    show.rundown[0].notes = "line one\nline two";
    std::string md = renderRundown(show, RundownFormat::Markdown);
    CHECK(md.find("A \\| B") != std::string::npos);
    CHECK(md.find("line one<br>line two") != std::string::npos);
}
