// Inputs the fuzz targets of tests/fuzz found, kept as tests of the live folder (test thread).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "core/clock.hpp"
#include "io/journal.hpp"
#include "io/show_io.hpp"
#include "live/chapters.hpp"
#include "live/export_plan.hpp"
#include "live/session.hpp"
#include "test_support.hpp"

using namespace pycast;
using pycast::test::TempDir;

TEST_CASE("fuzz chapters: a chapter list line that is not UTF-8 is refused with its line") {
    // build-fuzz/crashes/chapters-crash-23980dc3…: a Latin-1/Big5 title was accepted, and
    // writing the chapters JSON threw (nlohmann type_error 316) in the middle of an export.
    const auto list = parseChapterList(
        "0:00 A\n5:00 \xBE\xF5\xCB\xC1"
        "00 C\n");
    REQUIRE_FALSE(list.ok());
    CHECK(list.error().where == "line 2");
    CHECK(list.error().what.find("UTF-8") != std::string::npos);
    CHECK(list.error().remedy.find("UTF-8") != std::string::npos);
    // The same list in UTF-8 reads, and its JSON parses.
    const auto good = parseChapterList("0:00 A\n5:00 章節 C\n");
    REQUIRE(good.ok());
    const auto json = nlohmann::json::parse(podcastingChaptersJson(*good));
    CHECK(json["chapters"][1]["title"] == "章節 C");
}

TEST_CASE("fuzz session_folder: a session-start without its wall time resumes at a believable time") {
    // build-fuzz/crashes/session_folder-crash-c9e95c48…: the journal's session-start had lost
    // "wall_start_ms" (a damaged key), so the session's start was read as the epoch; resumed,
    // it journaled its next event 56 years in (t_ms 1796122800000), a line every reader then
    // skipped: an acknowledged event lost.
    TempDir tmp;
    const auto dir = tmp / "s";
    {
        const Show show = *loadShowFile(test::showsDir() / "pycast-episode.json").show;
        ManualClock clock(0);
        ManualWallClock wall(1795000000000, 8 * 60);
        REQUIRE(Session::createAt(show, dir, {&clock, &wall, {}}).ok());
    }
    test::writeFile(dir / kSessionJournalFile,
                    "{\"seq\":1,\"t_ms\":0,\"wall\":\"2026-11-25T11:30:00.000Z\",\"type\":"
                    "\"session-start\",\"wall_sta#t_ms\":1795000000000}\n"
                    "{\"seq\":2,\"t_ms\":1000,\"wall\":\"2026-11-25T11:30:01.000Z\",\"type\":"
                    "\"start\"}\n");
    ManualClock clock(500);
    ManualWallClock wall(1796122800000, 8 * 60);
    Result<std::unique_ptr<Session>> resumed = Session::open(dir, {&clock, &wall, {}});
    REQUIRE(resumed.ok());
    bool warned = false;
    for (const std::string& w : resumed.warnings)
        warned = warned || w.find("is not believable") != std::string::npos;
    CHECK(warned);
    const SessionActionResult noted = (*resumed)->appendEvent("recorder-note", {{"x", 1}});
    REQUIRE(noted.ok);
    CHECK((*resumed)->events().back().at.value == 1000);  // goes on from the last event
    const Result<JournalContents> read = readJournal(dir / kSessionJournalFile);
    REQUIRE(read.ok());
    CHECK(read.warnings.empty());
    CHECK(read->events.size() == 3);
}
