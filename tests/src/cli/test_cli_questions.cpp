// Tests for `pycast questions`: help, usage errors and exit codes of the real binary.
#include <doctest/doctest.h>

#include "test_support.hpp"

using namespace pycast::test;

namespace {

std::string q(const std::filesystem::path& p) { return "\"" + p.string() + "\""; }

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("pycast questions: listed in the help, each subcommand has its own help") {
    const auto all = runCli("--help");
    CHECK(has(all.out, "  questions   import audience questions"));
    const auto top = runCli("questions --help");
    CHECK(top.exitCode == 0);
    CHECK(
        has(top.out, "usage: pycast questions import FILE.csv (--session DIR | --show SHOW.json)"));
    const auto import = runCli("questions import --help");
    CHECK(import.exitCode == 0);
    CHECK(has(import.out, "--map F=C,..."));
    CHECK(has(import.out, "Exit 0 when every row imports, 1 when"));
    const auto list = runCli("questions list -h");
    CHECK(list.exitCode == 0);
    CHECK(has(list.out, "--format F   text (an aligned table, default), md (Markdown), csv"));
}

TEST_CASE("pycast questions: usage errors exit 2 and say what is missing") {
    const auto csv = dataDir() / "questions" / "excel-en.csv";
    const auto show = showsDir() / "pycast-episode.json";
    auto r = runCli("questions");
    CHECK(r.exitCode == 2);
    CHECK(has(r.err, "say import or list"));
    r = runCli("questions export");
    CHECK(r.exitCode == 2);
    CHECK(has(r.err, "unknown subcommand \"export\""));
    r = runCli("questions import " + q(csv));
    CHECK(r.exitCode == 2);
    CHECK(has(r.err, "say where the questions go: --show SHOW.json or --session DIR"));
    r = runCli("questions import " + q(csv) + " --show " + q(show) + " --session /tmp/x");
    CHECK(r.exitCode == 2);
    CHECK(has(r.err, "--show and --session together; pick one"));
    r = runCli("questions import --show " + q(show));
    CHECK(r.exitCode == 2);
    CHECK(has(r.err, "no CSV file given"));
    r = runCli("questions import " + q(csv) + " --show " + q(show) + " --map text");
    CHECK(r.exitCode == 2);
    CHECK(has(r.err, "--map: \"text\" is not FIELD=COLUMN"));
    r = runCli("questions list --show " + q(show) + " --format xml");
    CHECK(r.exitCode == 2);
    CHECK(has(r.err, "unknown format \"xml\""));
    r = runCli("questions list --show " + q(show) + " --state live");
    CHECK(r.exitCode == 2);
    CHECK(has(r.err, "unknown state \"live\""));
    r = runCli("questions list");
    CHECK(r.exitCode == 2);
}

TEST_CASE("pycast questions: a missing session or show is exit 1 with the reason") {
    TempDir tmp;
    auto r = runCli("questions list --session " + q(tmp / "nope"));
    CHECK(r.exitCode == 1);
    CHECK_FALSE(r.err.empty());
    r = runCli("questions import " + q(dataDir() / "questions" / "excel-en.csv") + " --show " +
               q(tmp / "missing.json"));
    CHECK(r.exitCode == 1);
    CHECK(has(r.err, "missing.json"));
    // The episode has no topics, so the Excel file's topics are bad rows there.
    r = runCli("questions import " + q(dataDir() / "questions" / "excel-en.csv") + " --show " +
               q(showsDir() / "pycast-episode.json"));
    CHECK(r.exitCode == 1);
    CHECK(has(r.err, "row 2: topic \"Tech\": the show has no topics"));
    CHECK(has(r.err, "    | 11/20/2026 15:04:05,Alice,How do you test async code?,Tech,p-guest,3"));
}
