// Tests for the session journal: line format, damaged files, and a writer killed mid-stream.
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "core/clock.hpp"
#include "io/journal.hpp"
#include "live/session.hpp"
#include "test_support.hpp"

using namespace pycast;
using pycast::test::readFile;
using pycast::test::TempDir;
using pycast::test::writeFile;

namespace {

std::vector<std::string> linesOf(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

bool anyContains(const std::vector<std::string>& items, const std::string& needle) {
    return std::any_of(items.begin(), items.end(),
                       [&](const std::string& s) { return s.find(needle) != std::string::npos; });
}

std::string eventLine(std::int64_t seq, std::int64_t tMs, const std::string& type) {
    return "{\"seq\":" + std::to_string(seq) + ",\"t_ms\":" + std::to_string(tMs) +
           ",\"wall\":\"2026-11-25T11:30:00.000Z\",\"type\":\"" + type + "\"}\n";
}

}  // namespace

TEST_CASE("Journal: one event a line with seq, t_ms, wall, type and its own fields") {
    TempDir tmp;
    const auto file = tmp / "journal.jsonl";
    {
        auto jo = Journal::open(file);
        REQUIRE(jo.ok());
        CHECK(jo->events.empty());
        CHECK(jo.warnings.empty());
        auto a = jo->journal->append("start", SessionMs(0), EpochMs(1'795'606'200'000));
        REQUIRE(a);
        CHECK(a->seq == 1);
        CHECK(a->wall == "2026-11-25T11:30:00.000Z");
        REQUIRE(jo->journal->append("message", SessionMs(61'500), EpochMs(1'795'606'261'500),
                                   {{"text", "兩分鐘 wrap up, \"now\"\n"}, {"seq", 99}}));
        REQUIRE(jo->journal->append("recorder-status", SessionMs(62'000), EpochMs(1'795'606'262'000),
                                   {{"tracks", 3}, {"ok", true}}));
        CHECK(jo->journal->lastSeq() == 3);
    }
    const auto lines = linesOf(readFile(file));
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == R"({"seq":1,"t_ms":0,"wall":"2026-11-25T11:30:00.000Z","type":"start"})");
    const auto msg = nlohmann::json::parse(lines[1]);
    CHECK(msg["seq"] == 2);   // a field cannot override the standard keys
    CHECK(msg["t_ms"] == 61'500);
    CHECK(msg["wall"] == "2026-11-25T11:31:01.500Z");
    CHECK(msg["text"] == "兩分鐘 wrap up, \"now\"\n");

    auto read = readJournal(file);
    REQUIRE(read.ok());
    CHECK(read.warnings.empty());
    REQUIRE(read->events.size() == 3);
    CHECK(read->events[2].type == "recorder-status");   // unknown types are kept
    CHECK(read->events[2].fields["tracks"] == 3);
    CHECK(read->events[2].line == 3);
    CHECK(read->events[1].toJson()["text"] == "兩分鐘 wrap up, \"now\"\n");

    auto again = Journal::open(file);
    REQUIRE(again.ok());
    CHECK(again->events.size() == 3);
    CHECK(again->journal->lastSeq() == 3);
    CHECK(again->journal->append("next", SessionMs(70'000), EpochMs(1'795'606'270'000))->seq == 4);
}

TEST_CASE("Journal: wall times are ISO-8601 UTC with milliseconds") {
    CHECK(formatIsoUtc(0) == "1970-01-01T00:00:00.000Z");
    CHECK(formatIsoUtc(1'795'000'000'123) == "2026-11-18T11:06:40.123Z");
    CHECK(formatIsoUtc(-1) == "1969-12-31T23:59:59.999Z");
}

TEST_CASE("Journal: a truncated last line is dropped with a warning and cut off on open") {
    TempDir tmp;
    const auto file = tmp / "journal.jsonl";
    writeFile(file, eventLine(1, 0, "start") + eventLine(2, 5000, "next") +
                        R"({"seq":3,"t_ms":90)");

    auto read = readJournal(file);
    REQUIRE(read.ok());
    CHECK(read->events.size() == 2);
    CHECK(read->incompleteTail);
    REQUIRE(read.warnings.size() == 1);
    CHECK(read.warnings[0].find("line 3") != std::string::npos);
    CHECK(read.warnings[0].find("incomplete") != std::string::npos);

    auto jo = Journal::open(file);
    REQUIRE(jo.ok());
    CHECK(jo->events.size() == 2);
    CHECK(jo.warnings.size() == 1);
    REQUIRE(jo->journal->append("pause", SessionMs(9000), EpochMs(0)));
    jo->journal.reset();

    read = readJournal(file);
    CHECK(read.warnings.empty());
    REQUIRE(read->events.size() == 3);
    CHECK(read->events[2].seq == 3);
    CHECK(read->events[2].type == "pause");
}

TEST_CASE("Journal: invalid JSON as the last line is dropped as incomplete") {
    TempDir tmp;
    const auto file = tmp / "journal.jsonl";
    writeFile(file, eventLine(1, 0, "start") + std::string("\0\0\0\0\n", 5));
    auto read = readJournal(file);
    REQUIRE(read.ok());
    CHECK(read->events.size() == 1);
    REQUIRE(read.warnings.size() == 1);
    CHECK(read.warnings[0].find("line 2") != std::string::npos);
    CHECK(read.warnings[0].find("last line") != std::string::npos);
}

TEST_CASE("Journal: a corrupted line in the middle is skipped and named by its line number") {
    TempDir tmp;
    const auto file = tmp / "journal.jsonl";
    writeFile(file, eventLine(1, 0, "start") + "{\"seq\":2,\"t_ms\":1000,\"ty#%garbage\n" +
                        "\n" + R"({"seq":3,"type":"next"})" + "\n" + "[1,2]\n" +
                        eventLine(6, 4000, "next") + eventLine(7, 5000, "pause"));
    auto read = readJournal(file);
    REQUIRE(read.ok());
    REQUIRE(read->events.size() == 3);
    CHECK(read->events[1].seq == 6);
    CHECK(read->events[1].line == 6);
    REQUIRE(read.warnings.size() == 3);
    CHECK(anyContains(read.warnings, "line 2: damaged line (not valid JSON"));
    CHECK(anyContains(read.warnings, "line 4: damaged line (no integer \"t_ms\")"));
    CHECK(anyContains(read.warnings, "line 5: damaged line (not a JSON object)"));

    // Appending continues after the highest seq; the damaged lines stay as evidence.
    auto jo = Journal::open(file);
    REQUIRE(jo.ok());
    CHECK(jo->journal->append("resume", SessionMs(6000), EpochMs(0))->seq == 8);
}

TEST_CASE("Journal: a line nested thousands of levels deep is skipped, not a stack overflow") {
    TempDir tmp;
    const auto file = tmp / "journal.jsonl";
    std::string deep = R"({"seq":2,"t_ms":1000,"type":"message","x":)";
    for (int i = 0; i < 200000; ++i) deep += "{\"a\":";
    deep += "1" + std::string(200000, '}') + "}\n";
    writeFile(file, eventLine(1, 0, "start") + deep + eventLine(3, 2000, "next"));
    auto read = readJournal(file);
    REQUIRE(read.ok());
    REQUIRE(read->events.size() == 2);
    CHECK(read->events[1].seq == 3);
    REQUIRE(read.warnings.size() == 1);
    CHECK(anyContains(read.warnings, "line 2: damaged line (nested too deep"));
}

TEST_CASE("Journal: a whole last event without its newline is kept and the line finished") {
    TempDir tmp;
    const auto file = tmp / "journal.jsonl";
    std::string last = eventLine(2, 5000, "next");
    last.pop_back();
    writeFile(file, eventLine(1, 0, "start") + last);
    auto jo = Journal::open(file);
    REQUIRE(jo.ok());
    CHECK(jo.warnings.empty());
    CHECK(jo->events.size() == 2);
    REQUIRE(jo->journal->append("end", SessionMs(6000), EpochMs(0)));
    jo->journal.reset();
    auto read = readJournal(file);
    CHECK(read.warnings.empty());
    CHECK(read->events.size() == 3);
}

TEST_CASE("Journal: a missing file is an error for reading, and created for appending") {
    TempDir tmp;
    auto read = readJournal(tmp / "nope.jsonl");
    CHECK_FALSE(read.ok());
    CHECK(read.error().message().find("nope.jsonl") != std::string::npos);

    auto bad = Journal::open(tmp / "no-such-dir" / "journal.jsonl");
    CHECK_FALSE(bad.ok());
    CHECK(bad.error().message().find("no-such-dir") != std::string::npos);
}

// --- A writer killed with SIGKILL mid-stream ---------------------------------------------

namespace {

constexpr std::int64_t kWallStart = 1'795'606'200'000;   // 2026-11-25 19:30 in Taipei
constexpr std::int64_t kStepMs = 1234;

Show killShow() {
    Show show;
    show.meta.series = "PyCast";
    show.meta.title = "Crash test";
    show.meta.episode = 7;
    show.meta.startTime = 19 * 3600 + 30 * 60;
    show.meta.hardOut = 20 * 3600 + 30 * 60;
    const char* ids[] = {"s-intro", "s-talk", "s-qa", "s-outro"};
    const Seconds planned[] = {120, 600, 900, 60};
    for (int i = 0; i < 4; ++i) {
        Segment s;
        s.id = ids[i];
        s.title = ids[i];
        s.planned = planned[i];
        s.kind = i == 2 ? SegmentKind::Qa : SegmentKind::Experience;
        s.elastic = i == 2;
        show.rundown.push_back(s);
    }
    return show;
}

enum class Op {
    Start,
    Next,
    GotoFirst,
    Message,
    Pause,
    Resume,
    Extend,
    Question,
    Previous,
    Marker
};

// The child's script: a valid action for step i, chosen from the runner's state.
Op scriptOp(int i, const RunnerState& st) {
    const int n = static_cast<int>(st.segments.size());
    if (st.phase == RunPhase::NotStarted) return Op::Start;
    switch (i % 8) {
        case 0:
        case 1: return st.currentIndex + 1 < n ? Op::Next : Op::GotoFirst;
        case 2: return Op::Message;
        case 3: return st.phase == RunPhase::Paused ? Op::Resume : Op::Pause;
        case 4: return Op::Extend;
        case 5: return Op::Question;
        case 6:
            if (st.phase == RunPhase::Paused) return Op::Resume;
            return st.currentIndex > 0 ? Op::Previous : Op::Next;
        default: return Op::Marker;
    }
}

Seconds extendBy(int i) { return i % 3 == 0 ? -20 : 30; }

SessionActionResult doOp(Session& s, Op op, int i) {
    switch (op) {
        case Op::Start: return s.perform(LiveRequest(LiveCommand::Start));
        case Op::Next: return s.perform(LiveRequest(LiveCommand::Next));
        case Op::GotoFirst:
            return s.perform(LiveRequest(LiveCommand::Goto).withId(s.show().rundown.front().id));
        case Op::Message:
            return s.perform(LiveRequest(LiveCommand::Message).withText("step " + std::to_string(i)));
        case Op::Pause: return s.perform(LiveRequest(LiveCommand::Hold));
        case Op::Resume: return s.perform(LiveRequest(LiveCommand::Resume));
        case Op::Extend: return s.perform(LiveRequest(LiveCommand::Extend).withSeconds(extendBy(i)));
        case Op::Question: {
            // An id the show has (an unknown one is refused, like goto's).
            const auto& qs = s.show().questions;
            LiveRequest r(LiveCommand::QuestionAnswered);
            if (!qs.empty()) r.id = qs[static_cast<std::size_t>(i) % qs.size()].id;
            return s.perform(std::move(r));
        }
        case Op::Previous: return s.perform(LiveRequest(LiveCommand::Previous));
        case Op::Marker: {
            LiveRequest r(LiveCommand::Marker);
            r.sample = SampleCount(i * 48'000);
            return s.perform(std::move(r));
        }
    }
    return {};
}

RunnerResult simulateOp(ShowRunner& r, Op op, int i, std::int64_t t) {
    switch (op) {
        case Op::Start: return r.start(t);
        case Op::Next: return r.next(t);
        case Op::GotoFirst: return r.gotoSegment(t, 0);
        case Op::Pause: return r.pause(t);
        case Op::Resume: return r.resume(t);
        case Op::Extend: return r.extend(t, extendBy(i));
        case Op::Question: return r.noteQuestionAnswered(t);
        case Op::Previous: return r.previous(t);
        case Op::Message:
        case Op::Marker: return {};
    }
    return {};
}

// What the child reports for each action once append has returned (fdatasync done).
struct Ack {
    std::int64_t seq;
    std::int64_t tMs;
    std::int64_t actualTotalMs;
    std::int64_t pausedMs;
    int index;
    int phase;
};

[[noreturn]] void childMain(const std::filesystem::path& dir, int fd) {
    ManualClock clock(0);
    ManualWallClock wall(kWallStart, 480);
    auto opened = Session::open(dir, {&clock, &wall, {}});
    if (!opened.ok()) ::_exit(3);
    Session& s = **opened;
    for (int i = 0; i < 1'000'000; ++i) {
        clock.advance(kStepMs);
        wall.advance(kStepMs);
        const Op op = scriptOp(i, s.runner().state(s.sessionMs()));
        const SessionActionResult r = doOp(s, op, i);
        const RunnerState st = s.runner().state(s.sessionMs());
        Ack ack{r.ok ? r.seq : -1, s.sessionMs(), st.actualTotalMs, st.pausedMs,
                st.currentIndex, static_cast<int>(st.phase)};
        if (::write(fd, &ack, sizeof ack) != static_cast<ssize_t>(sizeof ack)) ::_exit(4);
    }
    ::_exit(0);
}

}  // namespace

TEST_CASE("Journal: a session killed with SIGKILL mid-stream resumes with every acked event") {
    TempDir tmp;
    const auto dir = tmp / "session";
    const Show show = killShow();
    {
        ManualClock clock(0);
        ManualWallClock wall(kWallStart, 480);
        auto created = Session::createAt(show, dir, {&clock, &wall, {}});
        REQUIRE(created.ok());
    }

    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::close(fds[0]);
        childMain(dir, fds[1]);
    }
    ::close(fds[1]);
    // If a check below fails early, the child must not outlive the test.
    struct ChildGuard {
        pid_t pid;
        int fd;
        bool reaped = false;
        ~ChildGuard() {
            if (!reaped) {
                ::kill(pid, SIGKILL);
                ::waitpid(pid, nullptr, 0);
            }
            ::close(fd);
        }
    } guard{pid, fds[0]};

    std::vector<Ack> acks;
    auto readAck = [&]() {
        Ack ack{};
        std::size_t got = 0;
        while (got < sizeof ack) {
            const ssize_t n = ::read(fds[0], reinterpret_cast<char*>(&ack) + got, sizeof ack - got);
            if (n <= 0) return false;
            got += static_cast<std::size_t>(n);
        }
        acks.push_back(ack);
        return true;
    };
    const std::size_t killAfter = 150;
    while (acks.size() < killAfter && readAck()) {
    }
    REQUIRE(acks.size() == killAfter);
    REQUIRE(::kill(pid, SIGKILL) == 0);
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    guard.reaped = true;
    CHECK(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGKILL);
    while (readAck()) {   // acks written before the kill landed are acknowledged too
    }
    for (const Ack& a : acks) REQUIRE(a.seq > 0);   // the script only does valid actions

    // Every acknowledged event is in the journal.
    auto read = readJournal(dir / kSessionJournalFile);
    REQUIRE(read.ok());
    std::set<std::int64_t> seqs;
    for (const auto& e : read->events) seqs.insert(e.seq);
    for (const Ack& a : acks) CHECK(seqs.count(a.seq) == 1);
    const std::int64_t lastSeq = read->events.back().seq;
    CHECK(lastSeq >= acks.back().seq);
    CHECK(lastSeq <= acks.back().seq + 1);   // at most one written but not yet acknowledged
    CHECK(static_cast<std::int64_t>(read->events.size()) == lastSeq);

    // Resume at the wall time of the last event: the state is the one the child had.
    const std::int64_t lastT = read->events.back().at.value;
    ManualClock clock(5'000'000);
    ManualWallClock wall(kWallStart + lastT, 480);
    auto opened = Session::open(dir, {&clock, &wall, {}});
    REQUIRE(opened.ok());
    Session& s = **opened;
    CHECK(s.sessionMs() == lastT);
    const RunnerState resumed = s.state().runner;
    const auto acked = std::find_if(acks.begin(), acks.end(),
                                    [&](const Ack& a) { return a.seq == lastSeq; });
    if (acked != acks.end()) {
        CHECK(resumed.currentIndex == acked->index);
        CHECK(static_cast<int>(resumed.phase) == acked->phase);
        CHECK(resumed.actualTotalMs == acked->actualTotalMs);
        CHECK(resumed.pausedMs == acked->pausedMs);
    }

    // And it equals the script run straight on a runner, without any journal.
    ShowRunner expected(show);
    expected.setTimeOfDayAtZeroMs((19 * 3600 + 30 * 60) * 1000);
    const int steps = static_cast<int>(lastSeq) - 1;   // seq 1 is session-start
    for (int i = 0; i < steps; ++i) {
        const std::int64_t t = (i + 1) * kStepMs;
        REQUIRE(simulateOp(expected, scriptOp(i, expected.state(t)), i, t));
    }
    CHECK(resumed == expected.state(lastT));

    // The resumed session carries on where the child stopped.
    const auto before = s.events().size();
    clock.advance(1000);
    SessionActionResult more = s.perform(LiveRequest(LiveCommand::QuestionAnswered));
    CHECK((more.ok || more.code == "not-started"));
    if (more.ok) CHECK(more.seq == lastSeq + 1);
    CHECK(s.events().size() == before + (more.ok ? 1 : 0));
}

TEST_CASE("Journal: a t_ms that goes back, a t_ms of 2^63-1 and a seq seen before are skipped") {
    TempDir tmp;
    const auto file = tmp / "journal.jsonl";
    writeFile(file, eventLine(1, 0, "session-start") + eventLine(2, 5000, "start") +
                        eventLine(3, 9223372036854775807, "next") +   // the report read 2562047788015:12:37
                        eventLine(4, 61000, "next") +
                        eventLine(4, 61000, "next") +                 // the same line again
                        eventLine(5, 30000, "previous") +             // back before 61000
                        eventLine(6, -5, "next") +
                        eventLine(7, 90000, "extend"));
    auto read = readJournal(file);
    REQUIRE(read.ok());
    std::vector<std::int64_t> seqs;
    for (const auto& e : read->events) seqs.push_back(e.seq);
    CHECK(seqs == std::vector<std::int64_t>{1, 2, 4, 7});
    REQUIRE(read.warnings.size() == 4);
    CHECK(read.warnings[0].find("line 3") != std::string::npos);
    CHECK(read.warnings[0].find("9223372036854775807 is not a session time") != std::string::npos);
    CHECK(read.warnings[1].find("line 5") != std::string::npos);
    CHECK(read.warnings[1].find("seq 4 was already seen") != std::string::npos);
    CHECK(read.warnings[2].find("line 6") != std::string::npos);
    CHECK(read.warnings[2].find("goes back") != std::string::npos);
    CHECK(read.warnings[3].find("line 7") != std::string::npos);
    for (const auto& w : read.warnings) CHECK(w.find("skipped it") != std::string::npos);

    // Appending goes on after the highest seq, so no seq is written twice.
    auto jo = Journal::open(file);
    REQUIRE(jo.ok());
    CHECK(jo.warnings.size() == 4);
    auto a = jo->journal->append("end", SessionMs(95000), EpochMs(0));
    REQUIRE(a.ok());
    CHECK(a->seq == 8);
}

TEST_CASE("Journal: a sample position is kept beside session ms and wall time") {
    TempDir tmp;
    const auto file = tmp / "journal.jsonl";
    {
        auto jo = Journal::open(file);
        REQUIRE(jo.ok());
        REQUIRE(jo->journal->append("marker", SessionMs(1500), EpochMs(1'795'606'200'000), {{"label", "intro"}},
                                    SampleCount(72'000)));
        REQUIRE(jo->journal->append("next", SessionMs(1600), EpochMs(1'795'606'200'100)));
    }
    const auto lines = linesOf(readFile(file));
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].find("\"sample\":72000") != std::string::npos);
    CHECK(lines[1].find("sample") == std::string::npos);
    auto read = readJournal(file);
    REQUIRE(read->events.size() == 2);
    CHECK(read->events[0].sample == SampleCount(72'000));
    CHECK(read->events[0].fields == nlohmann::json{{"label", "intro"}});
    CHECK(read->events[0].wall == "2026-11-25T11:30:00.000Z");
    CHECK_FALSE(read->events[1].sample.has_value());
}

TEST_CASE("Journal: a number too large to hold (1e400) makes a damaged line, never an abort") {
    TempDir tmp;
    const auto file = tmp / "journal.jsonl";
    writeFile(file,
              R"({"seq":1,"t_ms":0,"wall":"x","type":"session-start","wall_start_ms":0,"x":1e400})"
              "\n" +
                  eventLine(2, 1000, "start") +
                  R"({"seq":1e400,"t_ms":2000,"wall":"x","type":"next"})"
                  "\n" +
                  R"({"seq":4,"t_ms":2500,"wall":"x","type":"next","sample":-1e400})"
                  "\n" +
                  R"({"seq":5,"t_ms":3000,"wall":"x","type":"message","text":"a","text":"b"})"
                  "\n" +
                  R"({"seq":6,"t_ms":3500,"wall":"x","type":"next","n":123456789012345678901234})"
                  "\n" +
                  eventLine(7, 4000, "next") +
                  R"({"seq":8,"t_ms":1e400,"wall":"x","type":"pause"})"
                  "\n");
    CHECK_NOTHROW((void)readJournal(file));
    auto read = readJournal(file);
    REQUIRE(read.ok());
    std::vector<std::int64_t> seqs;
    for (const auto& e : read->events) seqs.push_back(e.seq);
    CHECK(seqs == std::vector<std::int64_t>{2, 7});
    REQUIRE(read.warnings.size() == 6);
    CHECK(anyContains(read.warnings, "line 1: damaged line (the number 1e400 is too large to hold"));
    CHECK(anyContains(read.warnings, "line 3: damaged line (the number 1e400 is too large"));
    CHECK(anyContains(read.warnings, "line 4: damaged line (the number -1e400 is too large"));
    CHECK(anyContains(read.warnings, "line 5: damaged line (/text: appears twice"));
    CHECK(anyContains(read.warnings, "line 6: damaged line (/n: 123456789012345678901234 is a whole"));
    CHECK(anyContains(read.warnings, "line 8: the last line is incomplete or damaged (the number "
                                     "1e400 is too large"));

    // The writer opens it too, and goes on after the highest seq it kept.
    auto jo = Journal::open(file);
    REQUIRE(jo.ok());
    CHECK(jo->events.size() == 2);
    CHECK(jo->journal->lastSeq() == 7);
}

TEST_CASE("Journal: a t_ms or seq beyond 64 signed bits is named as written, not wrapped to -1") {
    TempDir tmp;
    const auto file = tmp / "journal.jsonl";
    writeFile(file, eventLine(1, 0, "start") +
                        R"({"seq":2,"t_ms":18446744073709551615,"wall":"x","type":"next"})"
                        "\n" +
                        R"({"seq":18446744073709551615,"t_ms":3000,"wall":"x","type":"next"})"
                        "\n" +
                        R"({"seq":4,"t_ms":4000,"wall":"x","type":"next","sample":18446744073709551615})"
                        "\n" +
                        eventLine(5, 5000, "next"));
    auto read = readJournal(file);
    REQUIRE(read.ok());
    std::vector<std::int64_t> seqs;
    for (const auto& e : read->events) seqs.push_back(e.seq);
    CHECK(seqs == std::vector<std::int64_t>{1, 5});
    REQUIRE(read.warnings.size() == 3);
    CHECK(anyContains(read.warnings, "line 2: damaged line (t_ms 18446744073709551615 is not a "
                                     "session time"));
    CHECK(anyContains(read.warnings, "line 3: damaged line (seq 18446744073709551615 is not"));
    CHECK(anyContains(read.warnings, "line 4: damaged line (\"sample\" 18446744073709551615 is not a "
                                     "sample position"));
    CHECK_FALSE(anyContains(read.warnings, "-1"));
}

TEST_CASE("Journal: a deferred batch is written line by line and synced once, readable at once") {
    TempDir tmp;
    const auto file = tmp / "journal.jsonl";
    auto jo = Journal::open(file);
    REQUIRE(jo.ok());
    Journal& j = *jo->journal;
    j.deferSync(true);
    for (int i = 0; i < 50; ++i)
        REQUIRE(j.append("question-submit", SessionMs(i), EpochMs(1'795'606'200'000 + i),
                         {{"id", "q" + std::to_string(i + 1)}, {"text", "x"}}));
    // Each line is in the file already (a crash of the process would keep it) …
    auto read = readJournal(file);
    REQUIRE(read.ok());
    CHECK(read->events.size() == 50);
    // … and the one fdatasync makes the batch durable.
    CHECK(j.sync().ok());
    CHECK(j.sync().ok());  // nothing new: nothing to do
    j.deferSync(false);
    REQUIRE(j.append("end", SessionMs(100), EpochMs(1'795'606'300'000)));
    CHECK(readJournal(file)->events.size() == 51);
}
