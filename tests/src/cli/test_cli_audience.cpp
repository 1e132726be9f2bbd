// Tests for `pycast live --audience` and `--audience-pin` as a user types them (the built binary).
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "live/owner_queue.hpp"
#include "server/audience_api.hpp"
#include "test_support.hpp"

using namespace pycast;
using pycast::test::runCli;

TEST_CASE("pycast live --audience: usage errors say what is wrong, and nothing is started") {
    const std::string show =
        "\"" + (pycast::test::showsDir() / "pycast-episode.json").string() + "\"";
    pycast::test::TempDir tmp;
    const std::string live = "live " + show + " --session \"" + (tmp / "s").string() + "\"";

    const auto help = runCli("live --help");
    CHECK(help.out.find("--audience HOST:PORT") != std::string::npos);
    CHECK(help.out.find("--audience-pin PIN") != std::string::npos);

    auto r = runCli(live + " --audience nonsense");
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("--audience: ") != std::string::npos);
    CHECK(r.err.find("HOST:PORT") != std::string::npos);

    r = runCli(live + " --audience-pin 123456");
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("--audience-pin needs --audience HOST:PORT") != std::string::npos);

    for (const char* bad : {"12", "'12 34'", "12345%2F", "'<script>'"}) {
        CAPTURE(bad);
        r = runCli(live + " --audience 127.0.0.1:0 --audience-pin " + bad);
        CHECK(r.exitCode == 2);
        CHECK(r.err.find("4 to 32 letters or digits") != std::string::npos);
    }
    r = runCli(live + " --audience");
    CHECK(r.exitCode == 2);
    CHECK(r.err.find("--audience needs a value") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(tmp / "s" / "journal.jsonl"));
}

TEST_CASE("pycast live --audience: a port in use is a clear refusal naming --audience") {
    const std::string show =
        "\"" + (pycast::test::showsDir() / "pycast-episode.json").string() + "\"";
    pycast::test::TempDir tmp;
    OwnerQueue queue;
    AudienceApi holder(queue, "123456");
    const Result<int> held = holder.start("127.0.0.1", 0);
    REQUIRE(held.ok());
    const auto r = runCli("live " + show + " --session \"" + (tmp / "s").string() +
                          "\" --api 127.0.0.1:0 --audience 127.0.0.1:" + std::to_string(*held));
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("audience page could not start: port") != std::string::npos);
    CHECK(r.err.find("already in use") != std::string::npos);
    CHECK(r.err.find("--audience HOST:PORT") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(tmp / "s" / "journal.jsonl"));
}
