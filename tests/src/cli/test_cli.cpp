// The real `pycast` binary: exit codes, messages and output formats.
#include <doctest/doctest.h>

#include "test_support.hpp"

using namespace pycast::test;

namespace {
std::string q(const std::filesystem::path& p) { return "\"" + p.string() + "\""; }
}  // namespace

TEST_CASE("pycast validate: 0 for valid samples, 1 with every problem, 2 on usage errors") {
    auto ok = runCli("validate " + q(showsDir() / "pycast-episode.json") + " " + q(showsDir() / "pycast-ama.json") +
                     " " + q(showsDir() / "enterprise-meetup.json"));
    CHECK(ok.exitCode == 0);
    CHECK(ok.out.find("pycast-ama.json: ok") != std::string::npos);

    auto bad = runCli("validate " + q(dataDir() / "bad" / "many-problems.json"));
    CHECK(bad.exitCode == 1);
    CHECK(bad.err.find("many-problems.json: /rundown/0/planned: \"5 min\" is not a duration (use mm:ss)") !=
          std::string::npos);
    CHECK(bad.err.find("/show/title") != std::string::npos);
    CHECK(bad.err.find("6 problems") != std::string::npos);

    CHECK(runCli("validate").exitCode == 2);
    CHECK(runCli("validate --bogus x.json").exitCode == 2);
    CHECK(runCli("frobnicate").exitCode == 2);
}

TEST_CASE("pycast --help and every command's --help exit 0") {
    auto help = runCli("--help");
    CHECK(help.exitCode == 0);
    for (const char* cmd : {"validate", "rundown", "import-csv", "live", "report", "version", "devices"}) {
        CAPTURE(cmd);
        CHECK(help.out.find(cmd) != std::string::npos);
        auto r = runCli(std::string(cmd) + " --help");
        CHECK(r.exitCode == 0);
        CHECK(r.out.find("usage: pycast " + std::string(cmd)) != std::string::npos);
    }
}

TEST_CASE("pycast rundown prints offsets, totals and balance in every format") {
    auto text = runCli("rundown " + q(showsDir() / "enterprise-meetup.json"));
    CHECK(text.exitCode == 0);
    CHECK(text.out.find("1:20:00") != std::string::npos);   // the Q&A's start offset
    CHECK(text.out.find("Airtime per company") != std::string::npos);

    auto md = runCli("rundown " + q(showsDir() / "pycast-episode.json") + " --format md");
    CHECK(md.exitCode == 0);
    CHECK(md.out.find("| # | Start | Time | Segment |") != std::string::npos);

    auto csv = runCli("rundown " + q(showsDir() / "pycast-episode.json") + " --format=csv");
    CHECK(csv.exitCode == 0);
    // No BOM on stdout (a terminal shows it as garbage); the fixed start is a column of its own.
    CHECK(csv.out.rfind("index,start,time,title,kind,duration,speakers,notes,id,fixed_start\r\n", 0) == 0);

    auto json = runCli("rundown " + q(showsDir() / "pycast-episode.json") + " --format json");
    CHECK(json.exitCode == 0);
    auto j = nlohmann::json::parse(json.out);
    CHECK(j["planned_s"] == 2100);

    CHECK(runCli("rundown " + q(showsDir() / "pycast-episode.json") + " --format pdf").exitCode == 2);
    CHECK(runCli("rundown " + q(dataDir() / "bad" / "bad-duration.json")).exitCode == 1);
}

TEST_CASE("pycast version names the media libraries") {
    auto v = runCli("version");
    CHECK(v.exitCode == 0);
    CHECK(v.out.find("PortAudio") != std::string::npos);
    CHECK(v.out.find("libavcodec") != std::string::npos);
    CHECK(v.out.find("libebur128") != std::string::npos);
}

TEST_CASE("pycast rundown and validate: -- ends the options, as in the studio") {
    TempDir tmp;
    std::filesystem::copy_file(showsDir() / "pycast-episode.json", tmp / "-ep.json");
    const auto cwd = std::filesystem::current_path();
    std::filesystem::current_path(tmp.path());   // so the name really starts with '-'
    auto rundown = runCli("rundown -- -ep.json");
    auto formatFirst = runCli("rundown --format csv -- -ep.json");
    auto validate = runCli("validate -- -ep.json");
    auto noDashes = runCli("rundown -ep.json");
    auto helpAfter = runCli("rundown -- --help");
    std::filesystem::current_path(cwd);

    CHECK(rundown.exitCode == 0);
    CHECK(rundown.out == runCli("rundown " + q(showsDir() / "pycast-episode.json")).out);
    CHECK(formatFirst.exitCode == 0);
    CHECK(formatFirst.out.rfind("index,start,", 0) == 0);   // no BOM on stdout
    CHECK(validate.exitCode == 0);
    CHECK(validate.out.find("-ep.json: ok") != std::string::npos);
    CHECK(noDashes.exitCode == 2);
    CHECK(noDashes.err.find("unknown option -ep.json") != std::string::npos);
    CHECK(helpAfter.exitCode == 1);   // a file named --help, which does not exist
    CHECK(helpAfter.err.find("--help: no such file") != std::string::npos);
}

TEST_CASE("pycast validate: numbers out of range and damaged files are problems, never an abort") {
    TempDir tmp;
    writeFile(tmp / "huge.json", "[1.5e+9999]");
    auto huge = runCli("validate " + q(tmp / "huge.json"));
    CHECK(huge.exitCode == 1);
    CHECK(huge.err.find("huge.json:1:2: the number 1.5e+9999 is too large to hold") != std::string::npos);

    std::string show = readFile(dataDir() / "minimal.json");
    writeFile(tmp / "nul.json", show + std::string("\0garbage", 8));
    auto nul = runCli("validate " + q(tmp / "nul.json"));
    CHECK(nul.exitCode == 1);
    CHECK(nul.err.find("nul.json:53:1: a NUL byte") != std::string::npos);

    show.insert(show.find("\"kind\": \"episode\""), "\"episode\": 2147483648, ");
    writeFile(tmp / "episode.json", show);
    auto episode = runCli("validate " + q(tmp / "episode.json"));
    CHECK(episode.exitCode == 1);
    CHECK(episode.err.find("/show/episode: 2147483648 is too large") != std::string::npos);
}

TEST_CASE("pycast validate: a poll option naming a company warns, a broken poll is a problem") {
    auto warned = runCli("validate " + q(dataDir() / "poll-company.json"));
    CHECK(warned.exitCode == 0);  // a warning, not a problem
    CHECK(warned.out.find("poll-company.json: ok") != std::string::npos);
    CHECK(warned.err.find("warning: /polls/0/options/0: option '蝦拍電商 ShopPie' names the "
                          "company '蝦拍電商 ShopPie'; vote on topics, not companies") !=
          std::string::npos);
    // "台積智造" is the Chinese half of "台積智造 FabSmart": the room's name for it.
    CHECK(warned.err.find("warning: /polls/0/options/2: option '台積智造' names the company "
                          "'台積智造 FabSmart'") != std::string::npos);
    CHECK(warned.err.find("/polls/0/options/1") == std::string::npos);  // "AI" is a topic

    auto bad = runCli("validate " + q(dataDir() / "bad" / "poll-problems.json"));
    CHECK(bad.exitCode == 1);
    CHECK(bad.err.find("/polls/1/options: a poll has 2 to 8 options, not 1") != std::string::npos);
    // Each problem where it is: the question, the option at fault.
    CHECK(bad.err.find("/polls/2/question: the poll's question must be one line") !=
          std::string::npos);
    CHECK(bad.err.find("/polls/2/options/1: option 2 ('ai') repeats another option") !=
          std::string::npos);
}
