// Tests for the journal's one-writer lock: a second opener (this process or another) is refused.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/clock.hpp"
#include "io/journal.hpp"
#include "live/session.hpp"
#include "test_support.hpp"

using namespace pycast;
using pycast::test::readFile;
using pycast::test::TempDir;

namespace {

bool has(const std::string& text, const std::string& needle) {
    return text.find(needle) != std::string::npos;
}

// Kills and reaps the child on every way out of the test, so a failed check leaves none behind.
struct ChildGuard {
    pid_t pid = -1;
    void killNow() {
        if (pid <= 0) return;
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        pid = -1;
    }
    ~ChildGuard() { killNow(); }
};

}  // namespace

TEST_CASE("Journal lock: a second open is refused while the first is open, allowed after") {
    TempDir tmp;
    const auto file = tmp / "journal.jsonl";
    auto first = Journal::open(file);
    REQUIRE(first.ok());
    REQUIRE(first->journal->append("message", SessionMs(0), EpochMs(0), {{"text", "a"}}));
    const std::string before = readFile(file);

    auto second = Journal::open(file);
    REQUIRE_FALSE(second.ok());
    CHECK(second.error().where == file.string());
    CHECK(second.error().message() ==
          file.string() +
              ": the session is live in another program (pycast live or the studio); use that "
              "program, or stop it first (Ctrl-C in pycast live; End or close the session in "
              "the studio)");
    CHECK(readFile(file) == before);  // nothing read-and-repaired, nothing appended

    first->journal.reset();
    auto third = Journal::open(file);
    REQUIRE(third.ok());
    CHECK(third->events.size() == 1);
}

TEST_CASE("Journal lock: held by another process until it dies, even by SIGKILL") {
    TempDir tmp;
    const auto file = tmp / "journal.jsonl";
    int ready[2];
    REQUIRE(::pipe(ready) == 0);
    ChildGuard child{::fork()};
    REQUIRE(child.pid >= 0);
    if (child.pid == 0) {
        ::close(ready[0]);
        auto j = Journal::open(file);
        const char ok = j.ok() ? 'y' : 'n';
        if (::write(ready[1], &ok, 1) != 1) ::_exit(2);
        for (;;) ::pause();  // holds the journal open until killed
    }
    ::close(ready[1]);
    char ok = 0;
    REQUIRE(::read(ready[0], &ok, 1) == 1);
    ::close(ready[0]);
    REQUIRE(ok == 'y');

    auto refused = Journal::open(file);
    CHECK_FALSE(refused.ok());
    if (!refused.ok()) CHECK(has(refused.error().what, "live in another program"));

    child.killNow();
    auto after = Journal::open(file);
    CHECK(after.ok());
}

TEST_CASE("Journal lock: Session::open of a session live in this process is refused") {
    TempDir tmp;
    ManualClock clock(0);
    ManualWallClock wall(1'795'606'200'000, 8 * 60);
    Show show;
    show.meta.title = "Lock";
    auto live = Session::createAt(show, tmp / "s", {&clock, &wall, {}});
    REQUIRE(live.ok());
    const std::string before = readFile(tmp / "s" / kSessionJournalFile);

    auto second = Session::open(tmp / "s", {&clock, &wall, {}});
    REQUIRE_FALSE(second.ok());
    CHECK(has(second.error().message(), "the session is live in another program"));
    CHECK(has(second.error().message(), "stop it first"));
    CHECK(readFile(tmp / "s" / kSessionJournalFile) == before);

    live->reset();
    auto resumed = Session::open(tmp / "s", {&clock, &wall, {}});
    CHECK(resumed.ok());
}
