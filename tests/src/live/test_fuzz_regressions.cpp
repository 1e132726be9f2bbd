// Inputs the fuzz targets of tests/fuzz found, kept as tests of the live folder (test thread).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "live/chapters.hpp"
#include "live/export_plan.hpp"

using namespace pycast;

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
