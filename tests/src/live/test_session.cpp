// Tests for the session controller: folders, journal-first actions, resume and interrupted ones.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>

#include "core/clock.hpp"
#include "live/session.hpp"
#include "io/show_io.hpp"
#include "test_support.hpp"

using namespace pycast;
using pycast::test::readFile;
using pycast::test::TempDir;
using pycast::test::writeFile;

namespace {

// 2026-11-25 11:30:00 UTC: 19:30 in Taipei (UTC+8), where the show is.
constexpr std::int64_t kWallStart = 1'795'606'200'000;
constexpr int kTaipei = 8 * 60;
constexpr std::int64_t kMin = 60'000;

Show episode() {
    Show show;
    show.meta.series = "PyCast";
    show.meta.title = "Typing in Python: 十年回顧";
    show.meta.episode = 12;
    show.meta.date = "2026-11-25";
    show.meta.startTime = 19 * 3600 + 30 * 60;
    show.meta.hardOut = 20 * 3600 + 30 * 60;
    Person host;
    host.id = "p-host";
    host.name = "Host";
    host.role = Role::Host;
    show.people.push_back(host);
    const char* ids[] = {"s-intro", "s-talk", "s-qa", "s-outro"};
    const Seconds planned[] = {300, 1800, 1200, 300};
    for (int i = 0; i < 4; ++i) {
        Segment s;
        s.id = ids[i];
        s.title = ids[i];
        s.planned = planned[i];
        s.kind = i == 2 ? SegmentKind::Qa : SegmentKind::Experience;
        s.speakers = {"p-host"};
        s.elastic = i == 2;
        show.rundown.push_back(s);
    }
    // question-answered names a question of the show (an unknown id is refused).
    for (int i = 1; i <= 8; ++i) {
        Question q;
        q.id = "q-" + std::to_string(i);
        q.text = "Question " + std::to_string(i);
        show.questions.push_back(q);
    }
    return show;
}

std::size_t lineCount(const std::filesystem::path& file) {
    const std::string text = readFile(file);
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

std::string lastLine(const std::filesystem::path& file) {
    std::string text = readFile(file);
    if (!text.empty() && text.back() == '\n') text.pop_back();
    return text.substr(text.rfind('\n') + 1);
}

bool isHex(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) || (c >= 'a' && c <= 'f');
    });
}

}  // namespace

TEST_CASE("Session: create makes a dated folder with the show, session info and journal") {
    TempDir tmp;
    ManualClock clock(42);
    ManualWallClock wall(kWallStart, kTaipei);
    const Show show = episode();

    auto created = Session::create(show, tmp.path(), {&clock, &wall, {}});
    REQUIRE(created.ok());
    Session& s = **created;
    CHECK(s.dir() == tmp / "2026-11-25-pycast-ep12");
    CHECK(std::filesystem::exists(s.dir() / "show.json"));
    CHECK(std::filesystem::exists(s.dir() / "session.json"));
    CHECK(std::filesystem::exists(s.dir() / "journal.jsonl"));

    LoadResult snapshot = loadShowFile(s.dir() / "show.json");
    REQUIRE(snapshot.ok());
    CHECK(*snapshot.show == show);

    const auto info = nlohmann::json::parse(readFile(s.dir() / "session.json"));
    CHECK(info["version"] == kSessionFormatVersion);
    CHECK(info["created"] == "2026-11-25T11:30:00.000Z");
    const std::string token = info["control_token"].get<std::string>();
    CHECK(token.size() == 32);
    CHECK(isHex(token));
    CHECK(token == s.controlToken());
    CHECK(s.checkToken(token));
    CHECK_FALSE(s.checkToken(token.substr(1) + "0"));
    CHECK_FALSE(s.checkToken(""));

    const auto first = nlohmann::json::parse(readFile(s.dir() / "journal.jsonl"));
    CHECK(first["seq"] == 1);
    CHECK(first["t_ms"] == 0);
    CHECK(first["type"] == "session-start");
    CHECK(first["wall_start_ms"] == kWallStart);
    CHECK(first["start_tod_s"] == 70'200.0);
    CHECK(first["start_date"] == "2026-11-25");

    const SessionState st = s.state();
    CHECK(st.sessionMs == 0);
    CHECK(st.runner.todAtZeroMs == 70'200'000);
    CHECK_FALSE(st.runner.todEstimated);
    CHECK(st.runner.hardOutMs == 60 * kMin);
    CHECK(st.dir == s.dir());
    CHECK(st.controlToken == token);

    // The same show again the same day gets -2, -3, each with its own token.
    auto second = Session::create(show, tmp.path(), {&clock, &wall, {}});
    auto third = Session::create(show, tmp.path(), {&clock, &wall, {}});
    REQUIRE(second.ok());
    REQUIRE(third.ok());
    CHECK((*second)->dir() == tmp / "2026-11-25-pycast-ep12-2");
    CHECK((*third)->dir() == tmp / "2026-11-25-pycast-ep12-3");
    CHECK((*second)->controlToken() != token);

    // An explicit folder that already holds a session is refused.
    auto clash = Session::createAt(show, s.dir(), {&clock, &wall, {}});
    CHECK_FALSE(clash.ok());
    CHECK(clash.error().message().find("already holds a session") != std::string::npos);
}

TEST_CASE("Session: the default root comes from HOME and the slug from the show") {
    CHECK(defaultSessionsRoot("/home/host") ==
          std::filesystem::path("/home/host/PyCast/sessions"));
    CHECK(defaultSessionsRoot("") == std::filesystem::path("PyCast/sessions"));

    Show show;
    show.meta.series = "PyCast Live";
    show.meta.episode = 3;
    show.meta.title = "AMA";
    CHECK(sessionSlug(show) == "pycast-live-ep3");
    show.meta.episode.reset();
    CHECK(sessionSlug(show) == "ama");
    show.meta.title = "Enterprise Meetup: Python @ Scale!";
    CHECK(sessionSlug(show) == "enterprise-meetup-python-scale");
    show.meta.title = "問問資深 Pythonista";
    CHECK(sessionSlug(show) == "pythonista");
    show.meta.title = "企業聚會";
    CHECK(sessionSlug(show) == "pycast-live");
    show.meta.series.clear();
    CHECK(sessionSlug(show) == "session");
}

TEST_CASE("Session: actions are journaled first and refused ones leave no trace") {
    TempDir tmp;
    ManualClock clock(0);
    ManualWallClock wall(kWallStart, kTaipei);
    auto created = Session::createAt(episode(), tmp / "s", {&clock, &wall, {}});
    REQUIRE(created.ok());
    Session& s = **created;
    const auto journal = tmp / "s" / "journal.jsonl";

    SessionActionResult early = s.perform(LiveRequest(LiveCommand::Next));
    CHECK_FALSE(early.ok);
    CHECK(early.code == "not-started");
    CHECK_FALSE(early.error.message().empty());
    CHECK(lineCount(journal) == 1);

    clock.advance(2 * kMin);
    wall.advance(2 * kMin);
    SessionActionResult started = s.perform(LiveRequest(LiveCommand::Start));
    REQUIRE(started.ok);
    CHECK(started.seq == 2);
    CHECK(lineCount(journal) == 2);
    const auto last = nlohmann::json::parse(lastLine(journal));
    CHECK(last["type"] == "start");
    CHECK(last["t_ms"] == 2 * kMin);
    CHECK(last["wall"] == "2026-11-25T11:32:00.000Z");

    SessionActionResult unknown = s.perform(LiveRequest(LiveCommand::Goto).withId("s-nope"));
    CHECK_FALSE(unknown.ok);
    CHECK(unknown.code == "no-such-segment");
    CHECK(unknown.error.message().find("s-nope") != std::string::npos);
    CHECK(lineCount(journal) == 2);

    clock.advance(kMin);
    REQUIRE(s.perform(LiveRequest(LiveCommand::Message).withText("Guest has two minutes")));
    clock.advance(kMin);
    REQUIRE(s.perform(LiveRequest(LiveCommand::Goto).withId("s-qa")));
    const auto events = s.events();
    CHECK(events.back().type == "goto");
    CHECK(events.back().fields["segment"] == "s-qa");
    CHECK(events.back().fields["index"] == 2);
    REQUIRE(s.perform(LiveRequest(LiveCommand::Extend).withSeconds(-90)));
    CHECK(s.events().back().fields["seconds"] == -90);
    REQUIRE(s.perform(LiveRequest(LiveCommand::QuestionAnswered).withId("q-1")));
    CHECK(s.events().back().fields["question"] == "q-1");

    SessionState st = s.state();
    CHECK(st.runner.currentIndex == 2);
    REQUIRE(st.message.has_value());
    CHECK(st.message->text == "Guest has two minutes");
    CHECK(st.message->atMs == 3 * kMin);
    CHECK(st.runner.segments[2].extensionMs == -90'000);
    CHECK(st.runner.current->qa->answered == 1);

    CHECK_FALSE(s.appendEvent("next", {}).ok);   // the runner's own types go through actions
    CHECK_FALSE(s.appendEvent("marker", {}).ok);   // a marker is a command
    REQUIRE(s.appendEvent("recorder-warning", {{"code", "silent"}, {"track", 1}}, SampleCount(48'000)));
    CHECK(s.events().back().sample == SampleCount(48'000));
    CHECK(s.events().back().type == "recorder-warning");
    // A recorder event that does not hold together is refused before it is written.
    const std::size_t before = s.events().size();
    CHECK_FALSE(s.appendEvent("recorder-stop", {{"take", 7}}).ok);
    CHECK(s.events().size() == before);

    REQUIRE(s.perform(LiveRequest(LiveCommand::Message).withText("")));   // an empty message clears it
    CHECK_FALSE(s.state().message.has_value());

    clock.advance(kMin);
    SessionActionResult ended = s.perform(LiveRequest(LiveCommand::End));
    REQUIRE(ended.ok);
    CHECK(ended.warnings.empty());
    CHECK(std::filesystem::exists(tmp / "s" / "report.md"));
    CHECK(std::filesystem::exists(tmp / "s" / "report.csv"));
    CHECK(s.perform(LiveRequest(LiveCommand::Next)).code == "ended");
    CHECK(lineCount(journal) == s.events().size());
}

TEST_CASE("Session: open replays the journal into the identical state") {
    TempDir tmp;
    ManualClock clock(1000);
    ManualWallClock wall(kWallStart, kTaipei);
    auto created = Session::createAt(episode(), tmp / "s", {&clock, &wall, {}});
    REQUIRE(created.ok());
    Session& s = **created;
    auto step = [&](std::int64_t ms) {
        clock.advance(ms);
        wall.advance(ms);
    };
    step(90'000);
    REQUIRE(s.perform(LiveRequest(LiveCommand::Start)));
    step(330'000);
    REQUIRE(s.perform(LiveRequest(LiveCommand::Next)));
    step(60'000);
    REQUIRE(s.perform(LiveRequest(LiveCommand::Hold)));
    step(45'000);
    REQUIRE(s.perform(LiveRequest(LiveCommand::Message).withText("hold: mic 2 is down")));
    step(15'000);
    REQUIRE(s.perform(LiveRequest(LiveCommand::Resume)));
    step(1'700'000);
    REQUIRE(s.perform(LiveRequest(LiveCommand::Extend).withSeconds(120)));
    step(200'000);
    REQUIRE(s.perform(LiveRequest(LiveCommand::Previous)));
    step(10'000);
    REQUIRE(s.perform(LiveRequest(LiveCommand::Next)));
    step(30'000);
    REQUIRE(s.perform(LiveRequest(LiveCommand::Next)));
    step(100'000);
    REQUIRE(s.perform(LiveRequest(LiveCommand::QuestionAnswered).withId("q-7")));
    step(12'345);
    const SessionState original = s.state();
    const std::size_t eventsBefore = s.events().size();
    created->reset();  // one program at a time holds a session's journal (flock)

    // Opened at the same wall time, anywhere on another monotonic clock: the same state.
    ManualClock otherClock(77'000'000);
    ManualWallClock sameWall(wall.nowEpochMs(), kTaipei);
    auto opened = Session::open(tmp / "s", {&otherClock, &sameWall, {}});
    REQUIRE(opened.ok());
    CHECK(opened.warnings.empty());
    Session& r = **opened;
    const SessionState resumed = r.state();
    CHECK(resumed.sessionMs == original.sessionMs);
    CHECK(resumed.runner == original.runner);
    CHECK(resumed.message == original.message);
    CHECK(resumed.controlToken == original.controlToken);
    CHECK(resumed.dir == original.dir);
    CHECK(r.events().size() == eventsBefore);
    CHECK(r.startDate() == "2026-11-25");
    CHECK(r.wallStartMs() == kWallStart);

}

TEST_CASE("Session: a resumed session continues from the wall clock across the outage") {
    TempDir tmp;
    const auto dir = tmp / "s";
    std::int64_t wallAtCrash = 0;
    {
        ManualClock clock(0);
        ManualWallClock wall(kWallStart, kTaipei);
        auto created = Session::createAt(episode(), dir, {&clock, &wall, {}});
        REQUIRE(created.ok());
        clock.advance(kMin);
        wall.advance(kMin);
        REQUIRE((*created)->perform(LiveRequest(LiveCommand::Start)));
        clock.advance(6 * kMin);
        wall.advance(6 * kMin);
        REQUIRE((*created)->perform(LiveRequest(LiveCommand::Next)));
        clock.advance(2 * kMin);
        wall.advance(2 * kMin);
        wallAtCrash = wall.nowEpochMs();
    }   // the app goes away; the show does not

    ManualClock clock(500);
    ManualWallClock wall(wallAtCrash + 5 * kMin, kTaipei);
    auto opened = Session::open(dir, {&clock, &wall, {}});
    REQUIRE(opened.ok());
    Session& s = **opened;
    CHECK(s.sessionMs() == 14 * kMin);
    SessionState st = s.state();
    CHECK(st.runner.currentIndex == 1);
    CHECK(st.runner.current->elapsedMs == 7 * kMin);   // 2 before the crash + 5 while down
    CHECK(st.runner.segments[0].actualMs == 6 * kMin);
    clock.advance(kMin);
    CHECK(s.sessionMs() == 15 * kMin);
    SessionActionResult next = s.perform(LiveRequest(LiveCommand::Next));
    REQUIRE(next.ok);
    CHECK(next.seq == 4);
    CHECK(s.events().back().at == SessionMs(15 * kMin));

    // A wall clock set back while the app was down never moves session time backwards.
    (*opened).reset();
    ManualWallClock early(kWallStart, kTaipei);
    auto again = Session::open(dir, {&clock, &early, {}});
    REQUIRE(again.ok());
    CHECK((*again)->sessionMs() == 15 * kMin);
}

TEST_CASE("Session: findInterrupted lists the sessions whose journal has no end") {
    TempDir tmp;
    ManualClock clock(0);
    ManualWallClock wall(kWallStart, kTaipei);
    Show show = episode();
    auto a = Session::create(show, tmp.path(), {&clock, &wall, {}});
    wall.advance(kMin);
    auto b = Session::create(show, tmp.path(), {&clock, &wall, {}});
    wall.advance(kMin);
    show.meta.episode = 13;
    auto c = Session::create(show, tmp.path(), {&clock, &wall, {}});
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    REQUIRE(c.ok());
    REQUIRE((*a)->perform(LiveRequest(LiveCommand::Start)));
    REQUIRE((*a)->perform(LiveRequest(LiveCommand::End)));
    REQUIRE((*b)->perform(LiveRequest(LiveCommand::Start)));
    wall.advance(kMin);
    REQUIRE((*c)->perform(LiveRequest(LiveCommand::Message).withText("never started")));
    std::filesystem::create_directories(tmp / "not-a-session");
    writeFile(tmp / "stray.txt", "x");

    const auto found = Session::findInterrupted(tmp.path());
    REQUIRE(found.size() == 2);
    CHECK(found[0].dir == (*c)->dir());   // newest last event first
    CHECK(found[1].dir == (*b)->dir());
    CHECK(found[1].title == show.meta.title);
    CHECK(found[1].events == 2);
    CHECK(found[0].lastWall == "2026-11-25T11:33:00.000Z");
    CHECK(Session::findInterrupted(tmp / "missing").empty());
}

TEST_CASE("Session: a damaged journal opens with warnings, never a refusal") {
    TempDir tmp;
    const auto dir = tmp / "s";
    {
        ManualClock clock(0);
        ManualWallClock wall(kWallStart, kTaipei);
        auto created = Session::createAt(episode(), dir, {&clock, &wall, {}});
        REQUIRE(created.ok());
        clock.advance(kMin);
        REQUIRE((*created)->perform(LiveRequest(LiveCommand::Start)));
        clock.advance(kMin);
        REQUIRE((*created)->perform(LiveRequest(LiveCommand::Next)));
        clock.advance(kMin);
        REQUIRE((*created)->perform(LiveRequest(LiveCommand::Next)));
    }
    const auto journal = dir / "journal.jsonl";
    std::string text = readFile(journal);
    // Damage line 3 (the first next) and tear a fifth line off mid-write.
    const auto l3 = text.find('\n', text.find('\n') + 1) + 1;
    text.replace(l3, 10, "#garbage##");
    text += R"({"seq":5,"t_ms":24)";
    writeFile(journal, text);

    ManualClock clock(0);
    ManualWallClock wall(kWallStart + 3 * kMin, kTaipei);
    auto opened = Session::open(dir, {&clock, &wall, {}});
    REQUIRE(opened.ok());
    REQUIRE(opened.warnings.size() == 2);
    CHECK(opened.warnings[0].find("line 5") != std::string::npos);
    CHECK(opened.warnings[1].find("line 3") != std::string::npos);
    SessionState st = (*opened)->state();
    CHECK(st.runner.currentIndex == 1);   // one of the two nexts survived
    CHECK(st.runner.segments[0].actualMs == 2 * kMin);
    REQUIRE((*opened)->perform(LiveRequest(LiveCommand::Next)));
    CHECK((*opened)->events().back().seq == 5);

    // A session folder without its show is an error that says so.
    std::filesystem::remove(dir / "show.json");
    auto broken = Session::open(dir, {&clock, &wall, {}});
    CHECK_FALSE(broken.ok());
    CHECK(broken.error().message().find("show.json") != std::string::npos);
    CHECK_FALSE(Session::open(tmp / "missing", {&clock, &wall, {}}).ok());
}

TEST_CASE("Session: a damaged goto index or extend beyond a day is skipped on replay") {
    LiveState live;
    live.runner = ShowRunner(episode());
    const ShowRunner& runner = live.runner;
    JournalEvent start;
    start.type = "start";
    REQUIRE(replayJournalEvent(live, start, SessionMs(0)).kind == ReplayOutcome::Kind::Applied);

    // 4294967297 would wrap to segment 1 as an int; 2^64 - 1 to -1.
    JournalEvent jump;
    jump.type = "goto";
    jump.fields = nlohmann::json::parse(R"({"index": 4294967297})");
    CHECK(replayJournalEvent(live, jump, SessionMs(1000)).kind == ReplayOutcome::Kind::Rejected);
    jump.fields = nlohmann::json::parse(R"({"index": 18446744073709551615})");
    CHECK(replayJournalEvent(live, jump, SessionMs(1000)).kind == ReplayOutcome::Kind::Rejected);
    CHECK(runner.state(1000).currentIndex == 0);
    jump.fields = nlohmann::json::parse(R"({"index": 2})");
    CHECK(replayJournalEvent(live, jump, SessionMs(1000)).kind == ReplayOutcome::Kind::Applied);
    CHECK(runner.state(1000).currentIndex == 2);

    // seconds * 1000 would overflow; the plan must stay as it was.
    JournalEvent extend;
    extend.type = "extend";
    for (const char* body : {R"({"seconds": 9223372036854775807})",
                             R"({"seconds": -9223372036854775808})",
                             R"({"seconds": 18446744073709551615})", R"({"seconds": 86401})"}) {
        CAPTURE(body);
        extend.fields = nlohmann::json::parse(body);
        CHECK(replayJournalEvent(live, extend, SessionMs(2000)).kind == ReplayOutcome::Kind::Rejected);
    }
    CHECK(runner.state(2000).segments[2].extensionMs == 0);
    extend.fields = nlohmann::json::parse(R"({"seconds": 60})");
    CHECK(replayJournalEvent(live, extend, SessionMs(2000)).kind == ReplayOutcome::Kind::Applied);
    CHECK(runner.state(2000).segments[2].extensionMs == kMin);
}

TEST_CASE("Session: a session whose journal never got its first line is stamped on open") {
    TempDir tmp;
    const auto dir = tmp / "s";
    {
        ManualClock clock(0);
        ManualWallClock wall(kWallStart, kTaipei);
        REQUIRE(Session::createAt(episode(), dir, {&clock, &wall, {}}).ok());
    }
    writeFile(dir / "journal.jsonl", "");
    std::filesystem::remove(dir / "session.json");
    ManualClock clock(0);
    ManualWallClock wall(kWallStart + kMin, kTaipei);
    auto opened = Session::open(dir, {&clock, &wall, {}});
    REQUIRE(opened.ok());
    CHECK((*opened)->controlToken().size() == 32);   // a lost token is replaced
    CHECK(std::filesystem::exists(dir / "session.json"));
    REQUIRE((*opened)->events().size() == 1);
    CHECK((*opened)->events()[0].type == "session-start");
    CHECK((*opened)->wallStartMs() == kWallStart + kMin);
    CHECK((*opened)->sessionMs() == 0);
    REQUIRE((*opened)->perform(LiveRequest(LiveCommand::Start)));
}

TEST_CASE("Session: the show file it started from comes back on resume") {
    TempDir tmp;
    ManualClock clock(1000);
    ManualWallClock wall(kWallStart, kTaipei);
    SessionOptions options{&clock, &wall, tmp / "my-show.json"};
    {
        auto created = Session::createAt(episode(), tmp / "s", options);
        REQUIRE(created.ok());
        CHECK((*created)->sourceFile() == std::filesystem::absolute(tmp / "my-show.json"));
    }
    auto reopened = Session::open(tmp / "s", {&clock, &wall, {}});
    REQUIRE(reopened.ok());
    CHECK((*reopened)->sourceFile() == std::filesystem::absolute(tmp / "my-show.json"));

    // A session made without a source has none, and says so with an empty path.
    auto plain = Session::createAt(episode(), tmp / "t", {&clock, &wall, {}});
    REQUIRE(plain.ok());
    CHECK((*plain)->sourceFile().empty());
}

TEST_CASE("Session: a journal line replayed twice is skipped and the extension stays on its segment") {
    TempDir tmp;
    ManualClock clock(0);
    ManualWallClock wall(kWallStart, kTaipei);
    const auto dir = tmp / "s";
    {
        auto created = Session::createAt(episode(), dir, {&clock, &wall, {}});
        REQUIRE(created.ok());
        Session& s = **created;
        REQUIRE(s.perform(LiveRequest(LiveCommand::Start)));
        clock.advance(kMin);
        wall.advance(kMin);
        REQUIRE(s.perform(LiveRequest(LiveCommand::Next)));
        clock.advance(kMin);
        wall.advance(kMin);
        REQUIRE(s.perform(LiveRequest(LiveCommand::Extend).withSeconds(60)));
    }
    // The "next" line again, as a copy-and-paste or a replayed tail would leave it.
    const auto file = dir / "journal.jsonl";
    std::string text = pycast::test::readFile(file);
    std::vector<std::string> lines;
    for (std::size_t pos = 0, nl; (nl = text.find('\n', pos)) != std::string::npos; pos = nl + 1)
        lines.push_back(text.substr(pos, nl - pos + 1));
    REQUIRE(lines.size() == 4);
    pycast::test::writeFile(file, lines[0] + lines[1] + lines[2] + lines[2] + lines[3]);

    auto opened = Session::open(dir, {&clock, &wall, {}});
    REQUIRE(opened.ok());
    REQUIRE(opened.warnings.size() == 1);
    CHECK(opened.warnings[0].find("line 4") != std::string::npos);
    CHECK(opened.warnings[0].find("already seen") != std::string::npos);
    const RunnerState st = (*opened)->state().runner;
    CHECK(st.currentIndex == 1);
    CHECK(st.segments[1].extensionMs == kMin);
    CHECK(st.segments[2].extensionMs == 0);
}

TEST_CASE("Session: a journal line or session.json with 1e400 is skipped with a warning, never an abort") {
    TempDir tmp;
    const auto dir = tmp / "s";
    {
        ManualClock clock(0);
        ManualWallClock wall(kWallStart, kTaipei);
        auto created = Session::createAt(episode(), dir, {&clock, &wall, {}});
        REQUIRE(created.ok());
        clock.advance(kMin);
        REQUIRE((*created)->perform(LiveRequest(LiveCommand::Start)));
        clock.advance(kMin);
        REQUIRE((*created)->perform(LiveRequest(LiveCommand::Next)));
    }
    const auto journal = dir / "journal.jsonl";
    writeFile(journal, readFile(journal) + R"({"seq":7,"t_ms":1e400,"wall":"x","type":"pause"})" +
                           "\n" + R"({"seq":1e400})" + "\n");

    std::vector<InterruptedSession> found;
    CHECK_NOTHROW(found = Session::findInterrupted(tmp.path()));
    REQUIRE(found.size() == 1);
    CHECK(found[0].dir == dir);

    Result<SessionSnapshot> snap = loadSessionSnapshot(dir);
    REQUIRE(snap.ok());
    CHECK(snap->runner.state(snap->lastEventMs).currentIndex == 1);
    CHECK(std::any_of(snap.warnings.begin(), snap.warnings.end(), [](const std::string& w) {
        return w.find("line 4") != std::string::npos && w.find("1e400 is too large") != std::string::npos;
    }));

    // A damaged session.json costs its token (with a warning), not the session.
    writeFile(dir / "session.json", R"({"format":1,"control_token":"abc","n":1e400})");
    ManualClock clock(0);
    ManualWallClock wall(kWallStart + 3 * kMin, kTaipei);
    auto opened = Session::open(dir, {&clock, &wall, {}});
    REQUIRE(opened.ok());
    CHECK((*opened)->state().runner.currentIndex == 1);
    CHECK(std::any_of(opened.warnings.begin(), opened.warnings.end(), [](const std::string& w) {
        return w.find("session.json") != std::string::npos &&
               w.find("1e400 is too large") != std::string::npos;
    }));
    CHECK(std::any_of(opened.warnings.begin(), opened.warnings.end(), [](const std::string& w) {
        return w.find("line 5") != std::string::npos;
    }));
    REQUIRE((*opened)->perform(LiveRequest(LiveCommand::Next)));
    CHECK((*opened)->events().back().seq == 4);
}

TEST_CASE("Session: a show path that is not UTF-8 starts a session that keeps no source") {
    TempDir tmp;
    ManualClock clock(1000);
    ManualWallClock wall(kWallStart, kTaipei);
    SessionOptions options{&clock, &wall, tmp / "caf\xe9.json"};   // Latin-1 "café"
    std::unique_ptr<Session> created;
    CHECK_NOTHROW({
        auto r = Session::createAt(episode(), tmp / "s", options);
        REQUIRE(r.ok());
        created = std::move(*r);
    });
    REQUIRE(created);
    REQUIRE(created->perform(LiveRequest(LiveCommand::Start)));
    const std::string info = readFile(tmp / "s" / "session.json");
    CHECK(info.find("control_token") != std::string::npos);
    CHECK(info.find("\"source\"") == std::string::npos);
    const std::string token = created->controlToken();
    created.reset();  // one program at a time holds a session's journal (flock)
    auto reopened = Session::open(tmp / "s", {&clock, &wall, {}});
    REQUIRE(reopened.ok());
    CHECK((*reopened)->controlToken() == token);
    CHECK((*reopened)->sourceFile().empty());
}

TEST_CASE("Session: markers and the recorder's takes are stamped with the recorder's sample and replay") {
    TempDir tmp;
    ManualClock clock(0);
    ManualWallClock wall(kWallStart, kTaipei);
    {
        auto created = Session::createAt(episode(), tmp / "s", {&clock, &wall, {}});
        REQUIRE(created);
        Session& s = **created;
        REQUIRE(s.perform(LiveRequest(LiveCommand::Start)));
        // Not recording: a marker keeps its time only.
        REQUIRE(s.perform(LiveRequest(LiveCommand::Marker).withText("cold open")));
        CHECK_FALSE(s.events().back().sample.has_value());
        REQUIRE(s.appendEvent("recorder-start", {{"take", 1}, {"rate", 48000}, {"start_sample", 0},
                                                 {"tracks", {{{"channel", 0}, {"name", "Host"}, {"file", "tracks/01-host.wav"}}}}}));
        std::int64_t position = 96'000;
        s.setSampleSource([&] { return std::optional<SampleCount>(SampleCount(position)); });
        clock.advance(2000);
        REQUIRE(s.perform(LiveRequest(LiveCommand::Next)));
        CHECK(s.events().back().sample == SampleCount(96'000));
        position = 123'456;
        REQUIRE(s.perform(LiveRequest(LiveCommand::Marker)));
        SessionActionResult tooLong = s.perform(LiveRequest(LiveCommand::Marker).withText(std::string(201, 'x')));
        CHECK(tooLong.refusal == LiveRefusal::TooLarge);
        CHECK(tooLong.code == "label-too-long");
        REQUIRE(s.markers().size() == 2);
        CHECK(s.markers()[0] == Marker{"cold open", 0, std::nullopt});
        CHECK(s.markers()[1].sample == SampleCount(123'456));
        CHECK(s.recording().recording());
        REQUIRE(s.appendEvent("recorder-stop", {{"take", 1}, {"frames", 200'000}, {"reason", "stopped"},
                                                {"talk_ms", {61'000}}}));
        s.setSampleSource(nullptr);
        CHECK_FALSE(s.recording().recording());
        CHECK(s.recording().nextTake() == 2);
        CHECK(s.recording().nextStartSample() == SampleCount(200'000));
        // The end's report has the recorder's live talk time (no file to read: the totals are
        // in the journal), in report.md and in what the studio shows.
        CHECK(s.report() == nullptr);
        REQUIRE(s.perform(LiveRequest(LiveCommand::End)));
        REQUIRE(s.report() != nullptr);
        REQUIRE(s.report()->talk.has_value());
        REQUIRE_FALSE(s.report()->talk->speakers.empty());
        CHECK(s.report()->talk->totalTalkMs == 61'000);
        CHECK(pycast::test::readFile(tmp / "s" / "report.md").find("Airtime measured from the recording") !=
              std::string::npos);
    }
    auto snap = loadSessionSnapshot(tmp / "s");
    REQUIRE(snap);
    REQUIRE(snap->markers.size() == 2);
    CHECK(snap->markers[1].sample == SampleCount(123'456));
    REQUIRE(snap->recording.takes.size() == 1);
    CHECK(snap->recording.takes[0].tracks.at(0).file == "tracks/01-host.wav");
    CHECK(snap->recording.takes[0].frames == 200'000);
    CHECK(snap->recording.takes[0].stopReason == "stopped");
}
