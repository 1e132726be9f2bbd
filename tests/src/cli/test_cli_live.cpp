// Tests for `pycast live` and `pycast report` as a user runs them (the built binary).
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "live/owner_queue.hpp"
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
