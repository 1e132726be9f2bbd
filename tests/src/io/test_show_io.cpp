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
        // Times of day are instants (core/show_time.hpp): 19:00 → 20:00 → 09:00 the next day →
        // a hard out at 08:00 the day after is more than a day.
        {"show-longer-than-a-day", "/show/hard_out: the hard out 08:00 is 37:00:00 after the start"},
        {"hard-out-at-start", "/show/hard_out: the hard out 19:00 is the start time"},
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

namespace {

std::string minimalText() { return readFile(dataDir() / "minimal.json"); }

// minimal.json with `from` replaced by `to` (the first occurrence, which must exist).
std::string minimalWith(const std::string& from, const std::string& to) {
    std::string text = minimalText();
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("a number too large for a double is a problem at its line and column, not an abort") {
    LoadResult r = parseShow("[1.5e+9999]");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].line == 1);
    CHECK(r.problems[0].column == 2);
    CHECK(r.problems[0].message.find("1.5e+9999 is too large") != std::string::npos);

    // An unknown field is kept as it is, so it must be readable too.
    LoadResult unknown = parseShow(minimalWith("\"version\": 1,", "\"version\": 1,\n  \"x-big\": 1e400,"));
    REQUIRE(unknown.problems.size() == 1);
    CHECK(unknown.problems[0].line == 4);
    CHECK(unknown.problems[0].column == 12);
    CHECK_FALSE(unknown.show.has_value());
}

TEST_CASE("whole numbers that an int cannot hold are refused, never narrowed") {
    LoadResult episode = parseShow(minimalWith("\"kind\": \"episode\",", "\"kind\": \"episode\", \"episode\": 2147483648,"));
    REQUIRE(episode.problems.size() == 1);
    CHECK(formatProblem("f", episode.problems[0]) ==
          "f: /show/episode: 2147483648 is too large; episode numbers go up to 2147483647");

    LoadResult votes = parseShow(minimalWith("\"text\": \"問題？\",", "\"text\": \"問題？\", \"votes\": 4294967296,"));
    REQUIRE(votes.problems.size() == 1);
    CHECK(votes.problems[0].path == "/questions/0/votes");
    CHECK(votes.problems[0].message.find("too large") != std::string::npos);

    // Above what int64 holds (nlohmann keeps it as unsigned): still "too large", not "negative".
    LoadResult huge = parseShow(minimalWith("\"kind\": \"episode\",", "\"kind\": \"episode\", \"episode\": 18446744073709551615,"));
    REQUIRE(huge.problems.size() == 1);
    CHECK(huge.problems[0].message.find("too large") != std::string::npos);

    LoadResult negative = parseShow(minimalWith("\"text\": \"問題？\",", "\"text\": \"問題？\", \"votes\": -1,"));
    REQUIRE(negative.problems.size() == 1);
    CHECK(negative.problems[0].message.find("is negative") != std::string::npos);

    // The largest that fits loads and saves back exactly.
    LoadResult max = parseShow(minimalWith("\"kind\": \"episode\",", "\"kind\": \"episode\", \"episode\": 2147483647,"));
    REQUIRE_MESSAGE(max.ok(), allProblems(max));
    CHECK(nlohmann::json::parse(serializeShow(*max.show))["show"]["episode"] == 2147483647);
}

TEST_CASE("a NUL byte and garbage after the document are refused with line and column") {
    LoadResult r = parseShow(minimalText() + std::string("\0garbage", 8));
    REQUIRE(r.problems.size() == 1);
    CHECK_FALSE(r.show.has_value());
    CHECK(r.problems[0].line == 53);
    CHECK(r.problems[0].column == 1);
    CHECK(r.problems[0].message.find("NUL byte") != std::string::npos);
    // Other trailing bytes were already a syntax error; they stay one.
    LoadResult text = parseShow(minimalText() + "x");
    REQUIRE(text.problems.size() == 1);
    CHECK(text.problems[0].line == 53);
    CHECK(text.problems[0].message.find("not valid JSON") != std::string::npos);
}

TEST_CASE("a key written twice in one object is a problem with its path") {
    LoadResult r = parseShow(minimalWith("\"title\": \"開場\",", "\"title\": \"開場\", \"title\": \"Intro\","));
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].path == "/rundown/0/title");
    CHECK(r.problems[0].message.find("appears twice") != std::string::npos);
    // The same key in two different objects is fine.
    CHECK(parseShow(minimalText()).ok());
}

TEST_CASE("a date that is not on the calendar is named as such") {
    LoadResult r = parseShow(minimalWith("\"kind\": \"episode\",", "\"kind\": \"episode\", \"date\": \"2027-02-30\","));
    REQUIRE(r.problems.size() == 1);
    CHECK(formatProblem("f", r.problems[0]) ==
          "f: /show/date: \"2027-02-30\" is not a day of the calendar: February 2027 has 28 days");
    CHECK(dateProblem("2028-02-29").empty());   // a leap year
    CHECK_FALSE(dateProblem("2100-02-29").empty());
    CHECK_FALSE(dateProblem("2027-04-31").empty());
    CHECK(dateProblem("2027-13-01").find("is not a date (use YYYY-MM-DD") != std::string::npos);
    CHECK_FALSE(dateProblem("2027-1-01").empty());
}

TEST_CASE("a title of only spaces is a problem, like an empty one") {
    LoadResult r = parseShow(minimalWith("\"測試節目 Test show\"", "\"   \""));
    REQUIRE(r.problems.size() == 1);
    CHECK(formatProblem("f", r.problems[0]) == "f: /show/title: is only spaces; give the show a title");
    // The ideographic space a Chinese input method types is a space too.
    LoadResult segment = parseShow(minimalWith("\"開場\"", "\"\xE3\x80\x80 \""));
    REQUIRE(segment.problems.size() == 1);
    CHECK(segment.problems[0].path == "/rundown/0/title");
    CHECK(isBlankText(" \t\xE3\x80\x80"));
    CHECK_FALSE(isBlankText(" a "));
}

TEST_CASE("a required part written as null says null, not missing") {
    LoadResult show = parseShow(minimalWith("\"show\": {", "\"show\": null, \"x\": {"));
    REQUIRE(show.problems.size() == 1);
    CHECK(formatProblem("f", show.problems[0]) ==
          "f: /show: is null; write the show's metadata (title, kind, target, ...) instead");
    LoadResult target = parseShow(minimalWith("\"target\": \"10:00\"", "\"target\": null"));
    REQUIRE(target.problems.size() == 1);
    CHECK(target.problems[0].message.rfind("is null; write a length", 0) == 0);
    LoadResult missing = parseShow(minimalWith("\"target\": \"10:00\"", "\"x-target\": \"10:00\""));
    REQUIRE(missing.problems.size() == 1);
    CHECK(missing.problems[0].message.rfind("missing; add a length", 0) == 0);
}

TEST_CASE("a NUL character in a text is refused") {
    LoadResult r = parseShow(minimalWith("\"聊天\"", "\"聊\\u0000天\""));
    REQUIRE(r.problems.size() == 1);
    CHECK(formatProblem("f", r.problems[0]) == "f: /rundown/1/title: \"聊\\u0000天\" holds a NUL character (\\u0000); remove it");
    LoadResult id = parseShow(minimalWith("\"p-host\"\n      ]", "\"p-\\u0000host\"\n      ]"));
    REQUIRE_FALSE(id.problems.empty());
    CHECK(id.problems[0].path == "/rundown/0/speakers/0");
    CHECK(id.problems[0].message.find("NUL") != std::string::npos);
}

TEST_CASE("a length too long to hold says so, not that it is no duration") {
    LoadResult r = parseShow(minimalWith("\"02:00\"", "\"1000000:00:00\""));
    REQUIRE(r.problems.size() == 1);
    CHECK(formatProblem("f", r.problems[0]) ==
          "f: /rundown/0/planned: \"1000000:00:00\" is longer than 999999:59:59, the longest length a show file can "
          "hold; shorten it");
    LoadResult digits = parseShow(minimalWith("\"02:00\"", "\"99999999999999999999:00\""));
    REQUIRE(digits.problems.size() == 1);
    CHECK(digits.problems[0].message.find("is longer than") != std::string::npos);
}

TEST_CASE("validation says everything once, each with its own path") {
    std::string text = minimalWith("\"kind\": \"episode\",",
                                   "\"kind\": \"episode\", \"date\": \"2027-02-30\", \"episode\": 2147483648,");
    text.replace(text.find("\"測試節目 Test show\""), std::string("\"測試節目 Test show\"").size(), "\" \"");
    text.replace(text.find("\"02:00\""), 7, "\"1000000:00:00\"");
    text.replace(text.find("\"聊天\""), std::string("\"聊天\"").size(), "\"聊\\u0000天\", \"kind\": \"panel\"");
    LoadResult r = parseShow(text);
    CAPTURE(allProblems(r));
    std::vector<std::string> paths;
    for (const auto& p : r.problems) paths.push_back(p.path);
    // The show's fields in the order they were read (then the model's rules), then the rundown.
    CHECK(paths == std::vector<std::string>{"/show/episode", "/show/title", "/show/date", "/rundown/0/planned",
                                            "/rundown/1/kind", "/rundown/1/title"});
}

TEST_CASE("a show with text that is not UTF-8 is refused at save, not thrown") {
    LoadResult r = loadShowFile(dataDir() / "minimal.json");
    REQUIRE(r.ok());
    Show show = *r.show;
    show.meta.title = "bad \xFF byte";
    TempDir tmp;
    Status s = saveShowFile(show, tmp / "x.json");
    CHECK_FALSE(s.ok());
    CHECK(s.error().message().find("not UTF-8") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(tmp / "x.json"));
    CHECK(serializeShow(show).find("bad \xEF\xBF\xBD byte") != std::string::npos);
}

TEST_CASE("a whole number beyond 64 bits in a kept field is refused, not rounded at the next save") {
    LoadResult r = parseShow(minimalWith("\"version\": 1,", "\"version\": 1, \"x-id\": 123456789012345678901234567890,"));
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].path == "/x-id");
    CHECK(r.problems[0].message.find("too large to keep exactly") != std::string::npos);
    // 64-bit whole numbers and ordinary decimals are kept as written.
    LoadResult ok = parseShow(minimalWith("\"version\": 1,", "\"version\": 1, \"x-big\": 18446744073709551615, \"x-neg\": -9223372036854775808, \"x-f\": 0.5,"));
    REQUIRE_MESSAGE(ok.ok(), allProblems(ok));
    const std::string saved = serializeShow(*ok.show);
    CHECK(saved.find("\"x-big\": 18446744073709551615") != std::string::npos);
    CHECK(saved.find("\"x-neg\": -9223372036854775808") != std::string::npos);
    CHECK(saved.find("\"x-f\": 0.5") != std::string::npos);
}

TEST_CASE("loadShow gives the show, or the first problem as an Error that counts the rest") {
    Result<Show> ok = loadShow(dataDir() / "minimal.json");
    REQUIRE(ok.ok());
    CHECK(ok->rundown.size() == 2);
    Result<Show> bad = loadShow(dataDir() / "bad" / "many-problems.json");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().where == (dataDir() / "bad" / "many-problems.json").string() + ": /show/title");
    CHECK(bad.error().remedy.find("the 5 other problems") != std::string::npos);
    Result<Show> one = loadShow(dataDir() / "bad" / "empty-title.json");
    REQUIRE_FALSE(one.ok());
    CHECK(one.error().remedy == "fix it and try again");
}

TEST_CASE("a show file saved as UTF-16 is named as such, with what to do") {
    TempDir tmp;
    const std::string utf8 = readFile(sourceDir() / "shows" / "pycast-ama.json");
    std::string utf16;  // little-endian, no BOM: ASCII letters get a NUL beside them
    for (unsigned char c : utf8) {
        if (c >= 0x80) continue;  // enough for the test: keep the ASCII part
        utf16 += static_cast<char>(c);
        utf16 += '\0';
    }
    writeFile(tmp / "u16.json", utf16);
    LoadResult r = loadShowFile(tmp / "u16.json");
    REQUIRE_FALSE(r.ok());
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].message.find("UTF-16") != std::string::npos);
    CHECK(r.problems[0].message.find("save it as UTF-8") != std::string::npos);
}

TEST_CASE("a device or a huge file is refused before reading, never read to the end") {
    LoadResult dev = loadShowFile("/dev/zero");
    REQUIRE(dev.problems.size() == 1);
    CHECK(dev.problems[0].message.find("not a regular file") != std::string::npos);
    TempDir tmp;
    {
        std::ofstream big(tmp / "big.json", std::ios::binary);
        big.seekp(static_cast<std::streamoff>(kMaxShowFileBytes));  // sparse: no disk used
        big.put('}');
    }
    LoadResult huge = loadShowFile(tmp / "big.json");
    REQUIRE(huge.problems.size() == 1);
    CHECK(huge.problems[0].message.find("MiB") != std::string::npos);
}

TEST_CASE("a number too large to keep is reported once at its path, not again for what it was read as") {
    const LoadResult r = parseShow(R"({"format":"pycast-show","version":99999999999999999999,)"
                                   R"("show":{"title":"x","kind":"episode","target":"5:00"},"people":[],"rundown":[]})");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].path == "/version");
    CHECK(r.problems[0].message.find("too large to keep exactly") != std::string::npos);
}
