// The open document: loading, the sample episode search, problems with hints, text for the fonts.
#include <doctest/doctest.h>

#include "editing/document.hpp"
#include "test_support.hpp"

using namespace pycast;
using namespace pycast::test;

TEST_CASE("the sample search looks in $PYCAST_SHOWS_DIR first, then beside the program") {
    const auto dirs = sampleShowDirs("/opt/pycast/bin", "/custom/shows");
    REQUIRE(dirs.size() == 4);
    CHECK(dirs[0] == "/custom/shows");
    CHECK(dirs[1] == "/opt/pycast/shows");
    CHECK(dirs[2] == "/opt/shows");
    CHECK(sampleShowDirs("/opt/pycast/bin", nullptr).front() == "/opt/pycast/shows");
    CHECK(sampleShowDirs("/opt/pycast/bin", "").size() == 3);
}

TEST_CASE("the first folder holding pycast-episode.json wins") {
    TempDir a;
    TempDir b;
    writeFile(b / "pycast-episode.json", "{}");
    CHECK(findSampleEpisode({a.path(), b.path()}) == b / "pycast-episode.json");
    CHECK_FALSE(findSampleEpisode({a.path()}));
    CHECK(findSampleEpisode({sourceDir() / "shows"}) ==
          sourceDir() / "shows" / "pycast-episode.json");
}

TEST_CASE("the build tree finds the repository's sample shows") {
    // The binary sits in <repo>/build-*/, so <exe>/../shows is the repository's shows/.
    const auto dirs = sampleShowDirs(sourceDir() / "build-anything", nullptr);
    CHECK(findSampleEpisode(dirs).has_value());
}

TEST_CASE("a good file loads with its analysis and no problems") {
    const Document doc = openDocument(sourceDir() / "shows" / "pycast-episode.json");
    REQUIRE(doc.hasShow());
    CHECK(doc.problems.empty());
    REQUIRE(doc.analysis.has_value());
    CHECK(doc.analysis->segments.size() == doc.show->rundown.size());
    CHECK(doc.fileName() == "pycast-episode.json");
    CHECK_FALSE(doc.dirty);
}

TEST_CASE("a broken file keeps every problem, a hint, and the lines they point at") {
    TempDir dir;
    writeFile(dir / "bad.json", "{\n  \"format\": \"pycast-show\",\n  \"version\": 1 2\n}\n");
    const Document doc = openDocument(dir / "bad.json");
    CHECK_FALSE(doc.hasShow());
    REQUIRE_FALSE(doc.problems.empty());
    CHECK(doc.hint.find("Reload") != std::string::npos);
    const int line = doc.problems[0].line;
    REQUIRE(line == 3);
    CHECK(doc.sourceLines.at(3).find("\"version\": 1 2") != std::string::npos);
}

TEST_CASE("a missing file is a problem with a hint to check the path") {
    const Document doc = openDocument("/nonexistent/show.json");
    CHECK_FALSE(doc.hasShow());
    REQUIRE(doc.problems.size() == 1);
    CHECK(doc.hint.find("Check the path") != std::string::npos);
    CHECK(doc.title().empty());
}

TEST_CASE("documentText gathers everything the views may print, for the font atlas") {
    const Document doc = openDocument(sourceDir() / "shows" / "pycast-episode.json");
    REQUIRE(doc.hasShow());
    const std::string text = documentText(doc);
    CHECK(text.find(doc.show->meta.title) != std::string::npos);
    for (const auto& seg : doc.show->rundown) CHECK(text.find(seg.title) != std::string::npos);
    for (const auto& p : doc.show->people) CHECK(text.find(p.name) != std::string::npos);
}
