// Regression tests for the hardening findings (issue 12) in a session folder: what a damaged
// journal, session.json or show.json does to opening, resuming and reporting a session.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "live/session.hpp"
#include "test_support.hpp"

using namespace pycast;
using pycast::test::hostShow;
using pycast::test::readFile;
using pycast::test::TempDir;
using pycast::test::writeFile;

namespace {

constexpr std::int64_t kWallStart = 1'795'606'200'000;

bool anyHas(const std::vector<std::string>& items, const std::string& needle) {
    return std::any_of(items.begin(), items.end(),
                       [&](const std::string& s) { return s.find(needle) != std::string::npos; });
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& s : items) out += s + "\n";
    return out;
}

// A started session in `dir` with one journaled event after the start, closed again.
void makeSession(const std::filesystem::path& dir) {
    ManualClock clock(0);
    ManualWallClock wall(kWallStart, 480);
    auto created = Session::createAt(hostShow({"s-1", "s-2"}), dir, {&clock, &wall, {}});
    REQUIRE_MESSAGE(created.ok(), created.error().message());
    REQUIRE((*created)->perform(LiveRequest(LiveCommand::Start)));
}

void appendLine(const std::filesystem::path& file, const std::string& line) {
    std::ofstream out(file, std::ios::binary | std::ios::app);
    out << line << '\n';
}

// Number of journal lines in the session folder (the next line's number is this + 1).
int journalLines(const std::filesystem::path& dir) {
    const std::string text = readFile(dir / kSessionJournalFile);
    return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

}  // namespace

TEST_CASE("robustness: a journaled vote count of 4294967296 is refused with its line, never wrapped") {
    TempDir tmp;
    const auto dir = tmp / "s";
    makeSession(dir);
    const int line = journalLines(dir) + 1;
    appendLine(dir / kSessionJournalFile,
               R"({"seq":100,"t_ms":5000,"wall":"2026-11-25T11:30:05.000Z","type":"question-submit","id":"q7","text":"Wrapped?","votes":4294967296})");
    appendLine(dir / kSessionJournalFile,
               R"({"seq":101,"t_ms":5100,"wall":"2026-11-25T11:30:05.100Z","type":"question-submit","id":"q8","text":"Negative?","votes":-1})");
    appendLine(dir / kSessionJournalFile,
               R"({"seq":102,"t_ms":5200,"wall":"2026-11-25T11:30:05.200Z","type":"question-submit","id":"q9","text":"Kept?","votes":2147483647})");

    Result<SessionSnapshot> snap = loadSessionSnapshot(dir);
    REQUIRE_MESSAGE(snap.ok(), snap.error().message());
    INFO(joined(snap.warnings));
    CHECK(anyHas(snap.warnings, "journal.jsonl line " + std::to_string(line) +
                                    " (seq 100, 'question-submit'): could not be replayed (\"votes\" "
                                    "4294967296 is not a vote count from 0 to 2147483647); skipped it."));
    CHECK(anyHas(snap.warnings, "journal.jsonl line " + std::to_string(line + 1) +
                                    " (seq 101, 'question-submit'): could not be replayed (\"votes\" -1"));
    CHECK(snap->questions.find("q7") == nullptr);
    CHECK(snap->questions.find("q8") == nullptr);
    const LiveQuestion* kept = snap->questions.find("q9");
    REQUIRE(kept != nullptr);
    CHECK(snap->questions.votes(*kept) == 2147483647);

    // Resuming reads the same journal the same way.
    ManualClock clock(6000);
    ManualWallClock wall(kWallStart + 6000, 480);
    auto reopened = Session::open(dir, {&clock, &wall, {}});
    REQUIRE_MESSAGE(reopened.ok(), reopened.error().message());
    CHECK(anyHas(reopened.warnings, "(seq 100, 'question-submit'): could not be replayed"));
    CHECK((*reopened)->questions().find("q7") == nullptr);
}

TEST_CASE("robustness: 1e400 and 100000 nested brackets in a session's journal are skipped lines") {
    TempDir tmp;
    const auto dir = tmp / "s";
    makeSession(dir);
    const int line = journalLines(dir) + 1;
    appendLine(dir / kSessionJournalFile,
               R"({"seq":100,"t_ms":1e400,"wall":"2026-11-25T11:30:05.000Z","type":"next"})");
    appendLine(dir / kSessionJournalFile, std::string(100000, '['));
    appendLine(dir / kSessionJournalFile,
               R"({"seq":101,"t_ms":5000,"wall":"2026-11-25T11:30:05.000Z","type":"next"})");
    Result<SessionSnapshot> snap = loadSessionSnapshot(dir);
    REQUIRE_MESSAGE(snap.ok(), snap.error().message());
    INFO(joined(snap.warnings));
    CHECK(anyHas(snap.warnings, "line " + std::to_string(line) +
                                    ": damaged line (the number 1e400 is too large to hold"));
    CHECK(anyHas(snap.warnings, "line " + std::to_string(line + 1) + ": damaged line (nested too deep"));
    CHECK(snap->runner.currentIndex() == 1);  // the last line's next was replayed
}

TEST_CASE("robustness: a session.json with 1e400 or nested 100000 deep costs the token, not the session") {
    for (const std::string& info :
         {std::string(R"({"version":1,"control_token":"abc","n":1e400})"), std::string(100000, '{')}) {
        TempDir tmp;
        const auto dir = tmp / "s";
        makeSession(dir);
        writeFile(dir / kSessionInfoFile, info);
        Result<SessionSnapshot> snap = loadSessionSnapshot(dir);
        REQUIRE_MESSAGE(snap.ok(), snap.error().message());
        INFO(joined(snap.warnings));
        CHECK(anyHas(snap.warnings, (dir / kSessionInfoFile).string()));
        CHECK(anyHas(snap.warnings, info.size() > 1000 ? "nested more than 100 levels"
                                                       : "the number 1e400 is too large to hold"));
        CHECK(snap->controlToken.empty());
    }
}

TEST_CASE("robustness: a session's show.json ending in a NUL and garbage refuses to open, naming line:column") {
    TempDir tmp;
    const auto dir = tmp / "s";
    makeSession(dir);
    const auto showFile = dir / kSessionShowFile;
    const std::string show = readFile(showFile);
    const int lines = static_cast<int>(std::count(show.begin(), show.end(), '\n'));
    writeFile(showFile, show + std::string("\0garbage", 8));
    Result<SessionSnapshot> snap = loadSessionSnapshot(dir);
    REQUIRE_FALSE(snap.ok());
    const std::string message = snap.error().message();
    CHECK(message.find(showFile.string() + ":" + std::to_string(lines + 1) + ":1: ") !=
          std::string::npos);
    CHECK(message.find("NUL byte") != std::string::npos);
}
