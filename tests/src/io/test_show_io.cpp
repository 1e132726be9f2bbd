// Show files: samples round-trip, every validation rule has a clear message, saves are atomic.
#include <doctest/doctest.h>

#include <cerrno>

#include "io/show_io.hpp"
#include "test_support.hpp"

using namespace pycast;
using namespace pycast::test;

namespace {

std::string allProblems(const LoadResult& r, const std::string& file = "f.json") {
    std::string out;
    for (const auto& p : r.problems) out += formatProblem(file, p) + "\n";
    return out;
}

}  // namespace

TEST_CASE("every sample show loads, saves and loads back identically") {
    int samples = 0;
    for (const auto& entry : std::filesystem::directory_iterator(showsDir())) {
        if (entry.path().extension() != ".json") continue;
        ++samples;
        CAPTURE(entry.path().string());
        LoadResult first = loadShowFile(entry.path());
        REQUIRE_MESSAGE(first.ok(), allProblems(first));
        TempDir tmp;
        auto copy = tmp / "copy.json";
        REQUIRE(saveShowFile(*first.show, copy).ok());
        LoadResult second = loadShowFile(copy);
        REQUIRE_MESSAGE(second.ok(), allProblems(second));
        CHECK(*second.show == *first.show);
        // Serializing twice gives the same bytes: saves don't churn the file.
        CHECK(serializeShow(*second.show) == readFile(copy));
    }
    CHECK(samples == 3);
}

TEST_CASE("the samples are the three kinds of show, in Traditional Chinese and English") {
    auto ep = loadShowFile(showsDir() / "pycast-episode.json");
    auto ama = loadShowFile(showsDir() / "pycast-ama.json");
    auto meetup = loadShowFile(showsDir() / "enterprise-meetup.json");
    REQUIRE(ep.ok());
    REQUIRE(ama.ok());
    REQUIRE(meetup.ok());
    CHECK(ep.show->meta.kind == ShowKind::Episode);
    CHECK(ep.show->meta.target == 35 * 60);
    CHECK(ama.show->meta.kind == ShowKind::Ama);
    CHECK(ama.show->questions.size() >= 5);
    CHECK(meetup.show->meta.kind == ShowKind::Meetup);
    CHECK(ep.show->meta.title.find("資料") != std::string::npos);
}

TEST_CASE("unknown fields survive a load/save round trip") {
    std::string text = readFile(dataDir() / "minimal.json");
    auto j = nlohmann::json::parse(text);
    j["x-studio"] = {{"color", "teal"}};
    j["show"]["x-sponsor"] = "PSF";
    j["rundown"][0]["x-cue"] = {1, 2, 3};
    j["people"][1]["x-twitter"] = "@guest";
    j["questions"][0]["x-source"] = "slido";
    LoadResult r = parseShow(j.dump());
    REQUIRE_MESSAGE(r.ok(), allProblems(r));
    auto back = nlohmann::json::parse(serializeShow(*r.show));
    CHECK(back["x-studio"]["color"] == "teal");
    CHECK(back["show"]["x-sponsor"] == "PSF");
    CHECK(back["rundown"][0]["x-cue"] == nlohmann::json({1, 2, 3}));
    CHECK(back["people"][1]["x-twitter"] == "@guest");
    CHECK(back["questions"][0]["x-source"] == "slido");
}

TEST_CASE("each validation rule reports its own clear problem with a JSON path") {
    struct Expect {
        const char* file;
        const char* text;   // a substring of the formatted problem
    };
    const Expect cases[] = {
        {"bad-duration", "/rundown/1/planned: \"5 min\" is not a duration (use mm:ss)"},
        {"negative-duration", "/rundown/0/planned: \"-01:00\" is negative"},
        {"unknown-speaker", "/rundown/1/speakers/2: \"p-nobody\" is not anyone in /people"},
        {"duplicate-id", "/people/2/id: \"p-host\" is already used by /people/0"},
        {"empty-title", "/show/title: is empty"},
        {"empty-segment-title", "/rundown/0/title: is empty"},
        {"unknown-kind", "/rundown/0/kind: \"talk\" is not a segment kind (use one of: intro, guest-intro"},
        {"unknown-role", "/people/0/role: \"star\" is not a role"},
        {"bad-time-of-day", "/show/hard_out: \"25:00\" is not a time of day"},
        {"missing-target", "/show/target: missing"},
        {"wrong-type", "/rundown/0/speakers: expected a list of person ids, found text"},
        {"two-elastic", "/rundown/1/elastic: only one segment can be elastic"},
        {"tech-range", "/guidelines/technical_share/max: is below min"},
        {"question-unknown-person", "/questions/0/for/0: \"p-ghost\" is not anyone in /people"},
        {"newer-version", "newer PyCast Studio"},
        {"not-an-object-item", "/rundown/2: expected an object, found text"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.file);
        LoadResult r = loadShowFile(dataDir() / "bad" / (std::string(c.file) + ".json"));
        CHECK_FALSE(r.ok());
        CHECK_FALSE(r.show.has_value());
        std::string text = allProblems(r);
        CAPTURE(text);
        CHECK(text.find(c.text) != std::string::npos);
        CHECK(r.problems.size() == 1);   // one mistake, one message
    }
}

TEST_CASE("a syntax error is reported with its line and column") {
    LoadResult r = loadShowFile(dataDir() / "bad" / "syntax-error.json");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].line == 5);
    CHECK(r.problems[0].column == 10);   // just after "people", where a comma was expected
    CHECK(formatProblem("x.json", r.problems[0]).rfind("x.json:5:10: not valid JSON", 0) == 0);
}

TEST_CASE("a file nested thousands of levels deep is a problem, not a stack overflow") {
    // An unknown field nested 100000 deep: kept fields are copied recursively by nlohmann.
    std::string deep;
    for (int i = 0; i < 100000; ++i) deep += "{\"a\":";
    deep += "1";
    deep += std::string(100000, '}');
    std::string text = readFile(dataDir() / "minimal.json");
    text.insert(text.find('{') + 1, "\n  \"x-deep\": " + deep + ",");
    LoadResult r = parseShow(text);
    REQUIRE(r.problems.size() == 1);
    CHECK_FALSE(r.show.has_value());
    CHECK(r.problems[0].line == 2);
    CHECK(formatProblem("x.json", r.problems[0]).find("nested more than 100 levels") !=
          std::string::npos);

    // Brackets inside strings do not count, and a few levels of kept fields still load.
    auto j = nlohmann::json::parse(readFile(dataDir() / "minimal.json"));
    j["x-notes"] = std::string(500, '[') + "\\\"{{{";
    j["x-tree"] = {{"a", {{"b", {{"c", {1, {2, {3}}}}}}}}};
    LoadResult ok = parseShow(j.dump());
    CHECK_MESSAGE(ok.ok(), allProblems(ok));
}

TEST_CASE("every problem in a file is reported at once, in document order") {
    LoadResult r = loadShowFile(dataDir() / "bad" / "many-problems.json");
    // The guest's id was changed to a duplicate, so every reference to the old id breaks too.
    REQUIRE(r.problems.size() == 6);
    CHECK(r.problems[0].path == "/show/title");
    CHECK(r.problems[1].path == "/people/1/id");
    CHECK(r.problems[2].path == "/rundown/0/planned");
    CHECK(r.problems[3].path == "/rundown/1/speakers/1");
    CHECK(r.problems[4].path == "/rundown/1/speakers/2");
    CHECK(r.problems[5].path == "/questions/0/for/0");
}

TEST_CASE("a missing file and a folder get a readable reason") {
    CHECK(allProblems(loadShowFile("/nonexistent/x.json")).find("no such file") != std::string::npos);
    CHECK(allProblems(loadShowFile(dataDir())).find("is a folder") != std::string::npos);
}

TEST_CASE("saving keeps the previous version as .bak") {
    TempDir tmp;
    auto file = tmp / "show.json";
    LoadResult r = loadShowFile(dataDir() / "minimal.json");
    REQUIRE(r.ok());
    Show show = *r.show;
    REQUIRE(saveShowFile(show, file).ok());
    const std::string v1 = readFile(file);
    show.meta.title = "第二版 Second version";
    REQUIRE(saveShowFile(show, file).ok());
    CHECK(readFile(tmp / "show.json.bak") == v1);
    CHECK(loadShowFile(file).show->meta.title == "第二版 Second version");
    // No temporary files are left behind.
    int entries = 0;
    for (auto& e : std::filesystem::directory_iterator(tmp.path())) {
        (void)e;
        ++entries;
    }
    CHECK(entries == 2);
}

TEST_CASE("a failed save leaves the original byte-for-byte untouched") {
    TempDir tmp;
    auto file = tmp / "show.json";
    LoadResult r = loadShowFile(dataDir() / "minimal.json");
    REQUIRE(r.ok());
    REQUIRE(saveShowFile(*r.show, file).ok());
    const std::string original = readFile(file);

    Show changed = *r.show;
    changed.meta.title = "不該寫進去 must not land";
    int calls = 0;
    setWriteHookForTesting([&](int fd, const char* data, std::size_t size) {
        // Half the bytes reach the temp file, then the disk is "full".
        if (++calls == 1) {
            auto n = ::write(fd, data, size / 2);
            (void)n;
        }
        errno = ENOSPC;
        return false;
    });
    Status s = saveShowFile(changed, file);
    setWriteHookForTesting(nullptr);
    CHECK_FALSE(s.ok());
    CHECK(s.error().message().find("No space left on device") != std::string::npos);
    CHECK(s.error().message().find("original file is unchanged") != std::string::npos);
    CHECK(readFile(file) == original);
    CHECK_FALSE(std::filesystem::exists(tmp / "show.json.bak"));
    int entries = 0;
    for (auto& e : std::filesystem::directory_iterator(tmp.path())) {
        (void)e;
        ++entries;
    }
    CHECK(entries == 1);   // the temp file was removed
}

TEST_CASE("saving into a folder that does not exist fails with a clear message") {
    LoadResult r = loadShowFile(dataDir() / "minimal.json");
    REQUIRE(r.ok());
    Status s = saveShowFile(*r.show, "/nonexistent-folder/show.json");
    CHECK_FALSE(s.ok());
    CHECK(s.error().message().find("/nonexistent-folder") != std::string::npos);
}
