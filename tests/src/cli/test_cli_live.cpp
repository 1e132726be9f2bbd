// Tests for `pycast live` and `pycast report` as a user runs them (the built binary).
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "core/clock.hpp"
#include "live/owner_queue.hpp"
#include "live/session.hpp"
#include "server/control_api.hpp"
#include "test_support.hpp"

using namespace pycast;
using pycast::test::runCli;

namespace {

constexpr const char* kToken = "0123456789abcdef0123456789abcdef";

std::string quoted(const std::filesystem::path& p) { return "\"" + p.string() + "\""; }

}  // namespace

TEST_CASE("pycast live and pycast report: help, usage errors and refusals") {
    using pycast::test::runCli;
    const std::string show =
        "\"" + (pycast::test::showsDir() / "pycast-episode.json").string() + "\"";
    for (const char* cmd : {"live", "report"}) {
        CAPTURE(cmd);
        const auto help = runCli(std::string(cmd) + " --help");
        CHECK(help.exitCode == 0);
        CHECK(help.out.find("usage: pycast " + std::string(cmd)) != std::string::npos);
    }
    CHECK(runCli("live").exitCode == 2);
    CHECK(runCli("live " + show).exitCode == 2);  // no --session
    pycast::test::TempDir tmp;
    const std::string dir = "\"" + (tmp / "s").string() + "\"";
    auto r = runCli("live " + show + " --session " + dir + " --api nonsense");
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("HOST:PORT") != std::string::npos);
    CHECK(runCli("live " + show + " --session " + dir + " --control-token 'a b'").exitCode == 2);
    CHECK(runCli("live " + show + " --session " + dir + " --bogus").exitCode == 2);
    r = runCli("live --resume --session " + dir);
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("no session") != std::string::npos);

    // A port in use: a clear message, and no half-made session left behind.
    OwnerQueue queue;
    ControlApi holder(queue, kToken);
    const Result<int> held = holder.start("127.0.0.1", 0);
    REQUIRE(held.ok());
    r = runCli("live " + show + " --session " + dir + " --api 127.0.0.1:" + std::to_string(*held));
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("already in use") != std::string::npos);
    CHECK(r.err.find("--api") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(tmp / "s" / "journal.jsonl"));

    CHECK(runCli("report").exitCode == 2);
    CHECK(runCli("report " + dir).exitCode == 1);
    CHECK(runCli("report " + dir + " --format pdf").exitCode == 2);
}

TEST_CASE("pycast report: a folder that is not a session says so, where, and what to do") {
    pycast::test::TempDir tmp;
    const auto missing = runCli("report " + quoted(tmp / "missing"));
    CHECK(missing.exitCode == 1);
    CHECK(missing.out.empty());
    CHECK(missing.err.find("error: ") != std::string::npos);
    CHECK(missing.err.find("missing") != std::string::npos);

    std::filesystem::create_directories(tmp / "empty");
    const auto empty = runCli("report " + quoted(tmp / "empty"));
    CHECK(empty.exitCode == 1);
    CHECK(empty.out.empty());
    CHECK(empty.err.find("is not a session folder") != std::string::npos);
    CHECK(empty.err.find((tmp / "empty").string()) != std::string::npos);
    CHECK(empty.err.find("pycast live SHOW.json --session DIR") != std::string::npos);
    CHECK(empty.err.find("cannot be read") == std::string::npos);
}

namespace {

// A session in DIR on manual clocks: started, one next, then `end` or left interrupted.
void makeSession(const std::filesystem::path& dir, bool end) {
    ManualClock clock(0);
    ManualWallClock wall(1'795'606'200'000, 0);
    Show show;
    show.meta.title = "CLI session";
    for (const char* id : {"intro", "talk"}) {
        Segment s;
        s.id = id;
        s.title = id;
        s.planned = 60;
        show.rundown.push_back(s);
    }
    auto created = Session::createAt(show, dir, {&clock, &wall, {}});
    REQUIRE(created.ok());
    REQUIRE((*created)->perform(LiveRequest(LiveCommand::Start)));
    clock.advance(30'000);
    REQUIRE((*created)->perform(LiveRequest(LiveCommand::Next)));
    clock.advance(30'000);
    if (end) REQUIRE((*created)->perform(LiveRequest(LiveCommand::End)));
}

}  // namespace

TEST_CASE("pycast report: a journal line with 1e400 is a warning, the report still prints") {
    pycast::test::TempDir tmp;
    const auto dir = tmp / "s";
    makeSession(dir, false);
    const auto journal = dir / "journal.jsonl";
    pycast::test::writeFile(journal, pycast::test::readFile(journal) +
                                         R"({"seq":7,"t_ms":1e400,"wall":"x","type":"pause"})" +
                                         "\n");
    const auto r = runCli("report " + quoted(dir));
    CHECK(r.exitCode == 0);
    CHECK(r.out.find("CLI session") != std::string::npos);
    CHECK(r.err.find("warning: journal.jsonl line 4") != std::string::npos);
    CHECK(r.err.find("1e400 is too large") != std::string::npos);
}

TEST_CASE("pycast report and pycast live: -- ends the options") {
    pycast::test::TempDir tmp;
    const auto dir = tmp / "-s";   // a folder named like an option
    makeSession(dir, true);
    const auto md = runCli("report -- " + quoted(dir));
    CHECK(md.exitCode == 0);
    CHECK(md.err.empty());
    CHECK(md.out.find("CLI session") != std::string::npos);
    const auto csv = runCli("report --format csv -- " + quoted(dir));
    CHECK(csv.exitCode == 0);
    CHECK(csv.out.find("section,") == 0);   // printed: no BOM
    CHECK(runCli("report -- " + quoted(dir) + " " + quoted(dir)).exitCode == 2);

    // After --, "-x.json" is the show file: it is looked for, not taken for an option.
    const auto live = runCli("live --session " + quoted(tmp / "t") + " -- " + quoted(tmp / "-x.json"));
    CHECK(live.exitCode == 1);
    CHECK(live.err.find("unknown option") == std::string::npos);
    CHECK(live.err.find("-x.json") != std::string::npos);
}

TEST_CASE("pycast report --format csv: no BOM on stdout, report.csv on disk keeps it") {
    pycast::test::TempDir tmp;
    const auto dir = tmp / "s";
    makeSession(dir, true);
    const std::string onDisk = pycast::test::readFile(dir / "report.csv");
    CHECK(onDisk.rfind("\xEF\xBB\xBF", 0) == 0);
    const auto printed = runCli("report " + quoted(dir) + " --format csv");
    CHECK(printed.exitCode == 0);
    CHECK(printed.out.rfind("\xEF\xBB\xBF", 0) == std::string::npos);
    CHECK(printed.out == onDisk.substr(3));
}

TEST_CASE("pycast live --api off is refused with why and what to use instead") {
    pycast::test::TempDir tmp;
    const std::string show = quoted(pycast::test::showsDir() / "pycast-episode.json");
    const auto r = runCli("live " + show + " --session " + quoted(tmp / "s") + " --api off");
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("--api off would leave the show with no control") != std::string::npos);
    CHECK(r.err.find("pycast-studio --api off") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(tmp / "s"));
    const auto help = runCli("live --help");
    CHECK(help.out.find("no\n                         --api off here") != std::string::npos);
}
