// Regression tests for the hardening findings (issue 12): each odd byte a fuzzer would try, read
// through the file entry points (show files, journals, both CSV imports); every refusal names
// what is wrong and where.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "io/csv_import.hpp"
#include "io/journal.hpp"
#include "io/question_import.hpp"
#include "io/show_io.hpp"
#include "test_support.hpp"

using namespace pycast;
using pycast::test::dataDir;
using pycast::test::readFile;
using pycast::test::showsDir;
using pycast::test::TempDir;
using pycast::test::writeFile;

namespace {

bool has(const std::string& text, const std::string& needle) {
    return text.find(needle) != std::string::npos;
}

bool anyHas(const std::vector<std::string>& items, const std::string& needle) {
    return std::any_of(items.begin(), items.end(),
                       [&](const std::string& s) { return has(s, needle); });
}

// tests/data/minimal.json with `from` replaced by `to` (the first occurrence, which must exist).
std::string minimalWith(const std::string& from, const std::string& to) {
    std::string text = readFile(dataDir() / "minimal.json");
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

// Writes `text` as x.json in `dir` and loads it as the app does; the first problem formatted.
std::string firstProblemOf(const TempDir& dir, const std::string& text, LoadResult* out = nullptr) {
    const auto file = dir / "x.json";
    writeFile(file, text);
    LoadResult r = loadShowFile(file);
    CHECK_FALSE(r.ok());
    CHECK_FALSE(r.show.has_value());
    if (out) *out = r;
    return r.problems.empty() ? std::string() : formatProblem(file.string(), r.problems.front());
}

std::string eventLine(const std::string& seq, const std::string& tMs, const std::string& type,
                      const std::string& extra = {}) {
    return "{\"seq\":" + seq + ",\"t_ms\":" + tMs + ",\"wall\":\"2026-11-25T11:30:00.000Z\",\"type\":\"" +
           type + "\"" + extra + "}\n";
}

// A journal of `lines` between a good first and a good last event, read back.
Result<JournalContents> readJournalOf(const TempDir& dir, const std::string& middle) {
    const auto file = dir / "journal.jsonl";
    writeFile(file, eventLine("1", "0", "start") + middle + eventLine("90", "9000", "next"));
    return readJournal(file);
}

// "title,duration\nIntro,2:00\n" (or `text`) as UTF-16 without a BOM.
std::string utf16NoBom(const std::string& text, bool bigEndian) {
    std::string out;
    for (char c : text) {
        if (bigEndian) out += '\0';
        out += c;
        if (!bigEndian) out += '\0';
    }
    return out;
}

}  // namespace

TEST_CASE("robustness: a number too large for a double in a show file is a problem at line:column") {
    TempDir tmp;
    LoadResult r;
    CHECK(firstProblemOf(tmp, "[1.5e+9999]", &r) ==
          (tmp / "x.json").string() +
              ":1:2: the number 1.5e+9999 is too large to hold; write a smaller number (or put it "
              "in quotes as text)");
    REQUIRE(r.problems.size() == 1);

    // As a question's vote count: the problem names its line and column, nothing is loaded.
    const std::string votes =
        firstProblemOf(tmp, minimalWith("\"text\": \"問題？\",", "\"text\": \"問題？\",\n      \"votes\": 1e400,"));
    CHECK(has(votes, "x.json:47:16: "));
    CHECK(has(votes, "the number 1e400 is too large to hold"));
    // As the episode number, negative.
    const std::string episode =
        firstProblemOf(tmp, minimalWith("\"kind\": \"episode\",", "\"kind\": \"episode\", \"episode\": -1e400,"));
    CHECK(has(episode, "x.json:6:35: the number -1e400 is too large to hold"));
}

TEST_CASE("robustness: integers an int cannot hold are refused with their path, never wrapped") {
    TempDir tmp;
    CHECK(has(firstProblemOf(tmp, minimalWith("\"kind\": \"episode\",",
                                              "\"kind\": \"episode\", \"episode\": 2147483648,")),
              "x.json: /show/episode: 2147483648 is too large; episode numbers go up to 2147483647"));
    const std::string votes = firstProblemOf(
        tmp, minimalWith("\"text\": \"問題？\",", "\"text\": \"問題？\", \"votes\": 4294967296,"));
    CHECK(has(votes, "/questions/0/votes: 4294967296 is too large"));
    // The largest that fits is kept exactly and saved as written.
    const auto file = tmp / "max.json";
    writeFile(file, minimalWith("\"kind\": \"episode\",", "\"kind\": \"episode\", \"episode\": 2147483647,"));
    LoadResult ok = loadShowFile(file);
    REQUIRE(ok.ok());
    CHECK(ok.show->meta.episode == 2147483647);
    REQUIRE(saveShowFile(*ok.show, file));
    CHECK(has(readFile(file), "\"episode\": 2147483647"));
    // Below zero and beyond 64 bits are refused too, each at its path.
    CHECK(has(firstProblemOf(tmp, minimalWith("\"text\": \"問題？\",", "\"text\": \"問題？\", \"votes\": -1,")),
              "/questions/0/votes: "));
    CHECK(has(firstProblemOf(tmp, minimalWith("\"kind\": \"episode\",",
                                              "\"kind\": \"episode\", \"episode\": 18446744073709551616,")),
              "/show/episode"));
}

TEST_CASE("robustness: a valid show followed by a NUL and garbage is refused at the NUL's line:column") {
    TempDir tmp;
    const std::string show = readFile(dataDir() / "minimal.json");
    const std::string nul = firstProblemOf(tmp, show + std::string("\0garbage{}", 10));
    CHECK(has(nul, "x.json:53:1: "));
    CHECK(has(nul, "NUL byte"));
    // A NUL straight after the closing brace, on the same line.
    std::string noNewline = show;
    noNewline.pop_back();
    CHECK(has(firstProblemOf(tmp, noNewline + std::string("\0\0\0", 3)), "x.json:52:2: "));
    // Other trailing bytes are refused as well, with where they start.
    CHECK(has(firstProblemOf(tmp, show + "{\"format\": \"pycast-show\"}"), "x.json:53:1: "));
}

TEST_CASE("robustness: JSON nested 100000 levels deep in a show file is a clear problem, no stack overflow") {
    TempDir tmp;
    CHECK(has(firstProblemOf(tmp, std::string(100000, '[')), "x.json:1:101: "));
    CHECK(has(firstProblemOf(tmp, std::string(100000, '[') + std::string(100000, ']')),
              "nested more than 100 levels"));
    // Inside a kept unknown field of an otherwise valid show.
    const std::string deep = firstProblemOf(
        tmp, minimalWith("\"version\": 1,", "\"version\": 1, \"x\": " + std::string(100000, '{')));
    CHECK(has(deep, "x.json:3:"));
    CHECK(has(deep, "nested more than 100 levels"));
}

TEST_CASE("robustness: journal numbers too large to hold (seq, t_ms, a vote count) make damaged lines") {
    TempDir tmp;
    Result<JournalContents> read = readJournalOf(
        tmp, eventLine("1e400", "1000", "next") + eventLine("3", "1e400", "next") +
                 eventLine("4", "2000", "question-submit",
                           ",\"id\":\"q1\",\"text\":\"Hi?\",\"votes\":1e400") +
                 eventLine("5", "2500", "next", ",\"x\":[1.5e+9999]"));
    REQUIRE(read.ok());
    CHECK(anyHas(read.warnings, "line 2: damaged line (the number 1e400 is too large to hold"));
    CHECK(anyHas(read.warnings, "line 3: damaged line (the number 1e400 is too large to hold"));
    CHECK(anyHas(read.warnings, "line 4: damaged line (the number 1e400 is too large to hold"));
    CHECK(anyHas(read.warnings, "line 5: damaged line (the number 1.5e+9999 is too large to hold"));
    // The good events on both sides are kept.
    REQUIRE(read->events.size() == 2);
    CHECK(read->events.front().seq == 1);
    CHECK(read->events.back().seq == 90);
}

TEST_CASE("robustness: a journal line nested 100000 levels deep or ending in NUL and garbage is skipped") {
    TempDir tmp;
    Result<JournalContents> read = readJournalOf(
        tmp, std::string(100000, '[') + "\n" +
                 "{\"seq\":2,\"t_ms\":1000,\"wall\":\"x\",\"type\":\"next\"}" +
                 std::string("\0garbage", 8) + "\n");
    REQUIRE(read.ok());
    CHECK(anyHas(read.warnings, "line 2: damaged line (nested too deep"));
    CHECK(anyHas(read.warnings, "line 3: damaged line"));
    REQUIRE(read->events.size() == 2);
}

TEST_CASE("robustness: the spine's journal defects: t_ms going back, 2^63-1, a seq seen before") {
    TempDir tmp;
    Result<JournalContents> read = readJournalOf(
        tmp, eventLine("2", "5000", "next") + eventLine("3", "4000", "next") +
                 eventLine("4", "9223372036854775807", "next") + eventLine("2", "6000", "extend"));
    REQUIRE(read.ok());
    CHECK(anyHas(read.warnings, "line 3"));
    CHECK(anyHas(read.warnings, "line 4"));
    CHECK(anyHas(read.warnings, "line 5"));
    std::vector<std::int64_t> seqs;
    for (const JournalEvent& e : read->events) seqs.push_back(e.seq);
    CHECK(seqs == std::vector<std::int64_t>{1, 2, 90});
}

TEST_CASE("robustness: a seq of 0, -1 or 2^63-1 is a damaged line, and appending never overflows") {
    TempDir tmp;
    Result<JournalContents> read = readJournalOf(
        tmp, eventLine("0", "100", "next") + eventLine("-1", "200", "next") +
                 eventLine("9223372036854775807", "300", "next") +
                 eventLine("9007199254740992", "400", "next"));
    REQUIRE(read.ok());
    for (const char* line : {"line 2", "line 3", "line 4", "line 5"}) {
        CAPTURE(line);
        CHECK(anyHas(read.warnings, line));
    }
    CHECK(anyHas(read.warnings, "is not a line number (1 to 9007199254740991)"));
    std::vector<std::int64_t> seqs;
    for (const JournalEvent& e : read->events) seqs.push_back(e.seq);
    CHECK(seqs == std::vector<std::int64_t>{1, 90});

    // The last seq the reader keeps: the next append is refused with a clear error, not wrapped.
    const auto file = tmp / "full.jsonl";
    writeFile(file, eventLine("9007199254740991", "0", "start"));
    Result<OpenedJournal> opened = Journal::open(file);
    REQUIRE(opened.ok());
    REQUIRE(opened->events.size() == 1);
    Result<JournalEvent> added = opened->journal->append("marker", SessionMs(1), EpochMs(0));
    REQUIRE_FALSE(added.ok());
    CHECK(added.error().what.find("line numbers are used up") != std::string::npos);
    CHECK(added.error().remedy.find("new session") != std::string::npos);
}

TEST_CASE("robustness: a UTF-16 rundown CSV without a BOM gets the save-as-CSV-UTF-8 advice") {
    TempDir tmp;
    const Show show = *loadShowFile(showsDir() / "pycast-episode.json").show;
    for (bool bigEndian : {false, true}) {
        CAPTURE(bigEndian);
        const auto file = tmp / "rundown.csv";
        writeFile(file, utf16NoBom("title,duration\r\nIntro,2:00\r\nOutro,1:00\r\n", bigEndian));
        const ImportPreview p = previewCsvImportFile(show, file);
        CHECK(has(p.fileError, "UTF-16"));
        CHECK(has(p.fileError, "CSV UTF-8"));
        CHECK(p.segments.empty());
        CHECK_FALSE(p.canApply());
    }
    // The command names the file.
    writeFile(tmp / "show.json", readFile(dataDir() / "minimal.json"));
    const pycast::test::CommandResult cli = pycast::test::runCli(
        "import-csv \"" + (tmp / "rundown.csv").string() + "\" --into \"" + (tmp / "show.json").string() + "\"");
    CHECK(cli.exitCode != 0);
    CHECK(has(cli.err, (tmp / "rundown.csv").string() + ": the file is UTF-16"));
    CHECK(readFile(tmp / "show.json") == readFile(dataDir() / "minimal.json"));
}

TEST_CASE("robustness: a UTF-16 questions CSV without a BOM gets the save-as-CSV-UTF-8 advice") {
    TempDir tmp;
    const Show show = *loadShowFile(showsDir() / "pycast-episode.json").show;
    for (bool bigEndian : {false, true}) {
        CAPTURE(bigEndian);
        const auto file = tmp / "questions.csv";
        writeFile(file, utf16NoBom("Question,Name,Votes\r\nHow do you hire?,Amy,3\r\n", bigEndian));
        const QuestionImportPreview p = previewQuestionImportFile(show, file);
        CHECK(has(p.fileError, "UTF-16"));
        CHECK(has(p.fileError, "save it as \"CSV UTF-8"));
        CHECK(p.questions.empty());
        CHECK_FALSE(p.canApply());
    }
    writeFile(tmp / "show.json", readFile(dataDir() / "minimal.json"));
    const pycast::test::CommandResult cli = pycast::test::runCli(
        "questions import \"" + (tmp / "questions.csv").string() + "\" --show \"" +
        (tmp / "show.json").string() + "\" --write");
    CHECK(cli.exitCode != 0);
    CHECK(has(cli.err, (tmp / "questions.csv").string() + ": the file is UTF-16"));
    CHECK(readFile(tmp / "show.json") == readFile(dataDir() / "minimal.json"));
}

TEST_CASE("robustness: votes of 4294967296 in a questions CSV are a bad row, never wrapped to 0") {
    const Show show = *loadShowFile(showsDir() / "pycast-episode.json").show;
    const QuestionImportPreview p =
        previewQuestionImport(show, "Question,Votes\r\nOne?,4294967296\r\nTwo?,1e400\r\nThree?,2147483647\r\n");
    REQUIRE(p.fileError.empty());
    REQUIRE(p.badRows.size() == 2);
    CHECK(has(formatRowProblem(p.badRows[0]), "row 2: votes \"4294967296\" is more than 2147483647"));
    CHECK(has(formatRowProblem(p.badRows[1]), "row 3: votes \"1e400\""));
    REQUIRE(p.questions.size() == 1);
}
