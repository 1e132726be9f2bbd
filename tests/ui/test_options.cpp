// pycast-studio's command line: FILE, --screenshot, --frames, --size, --help, usage errors.
#include <doctest/doctest.h>

#include <vector>

#include "shell/options.hpp"

using namespace pycast::ui;

namespace {

ParsedOptions parse(std::vector<const char*> args) {
    args.insert(args.begin(), "pycast-studio");
    return parseCommandLine(static_cast<int>(args.size()), args.data());
}

}  // namespace

TEST_CASE("no arguments: open the sample, interactive, 1400x900") {
    const ParsedOptions p = parse({});
    REQUIRE(p.ok());
    CHECK_FALSE(p.options.file);
    CHECK_FALSE(p.options.screenshot);
    CHECK(p.options.width == 1400);
    CHECK(p.options.height == 900);
    CHECK(p.options.frames == 3);
}

TEST_CASE("a file, a screenshot, frames and size, in either option form") {
    const ParsedOptions p =
        parse({"--screenshot", "/tmp/s.png", "shows/x.json", "--frames=5", "--size", "800x600"});
    REQUIRE(p.ok());
    CHECK(p.options.file->string() == "shows/x.json");
    CHECK(p.options.screenshot->string() == "/tmp/s.png");
    CHECK(p.options.frames == 5);
    CHECK(p.options.width == 800);
    CHECK(p.options.height == 600);

    const ParsedOptions q = parse({"--screenshot=/tmp/t.png", "--size=1600X1000"});
    REQUIRE(q.ok());
    CHECK(q.options.screenshot->string() == "/tmp/t.png");
    CHECK(q.options.width == 1600);
}

TEST_CASE("--help and -h ask for the usage text") {
    CHECK(parse({"--help"}).options.help);
    CHECK(parse({"-h"}).options.help);
    const std::string text = usage("pycast-studio");
    for (const char* option : {"--screenshot", "--frames", "--size", "--help"}) {
        CHECK(text.find(option) != std::string::npos);
    }
}

TEST_CASE("usage errors say what was wrong") {
    CHECK(parse({"--bogus"}).error.find("unknown option --bogus") != std::string::npos);
    CHECK(parse({"--screenshot"}).error.find("needs a value") != std::string::npos);
    CHECK(parse({"--screenshot", "a.png", "--frames", "0"}).error.find("--frames") !=
          std::string::npos);
    CHECK(parse({"--screenshot", "a.png", "--frames", "abc"}).error.find("abc") !=
          std::string::npos);
    CHECK(parse({"--size", "big"}).error.find("WIDTHxHEIGHT") != std::string::npos);
    CHECK(parse({"--size", "10x10"}).error.find("320x240") != std::string::npos);
    CHECK(parse({"a.json", "b.json"}).error.find("only one FILE") != std::string::npos);
    CHECK(parse({"--frames", "4"}).error.find("--screenshot") != std::string::npos);
}

TEST_CASE("-- ends the options, so a file may start with a dash") {
    const ParsedOptions p = parse({"--", "-odd-name.json"});
    REQUIRE(p.ok());
    CHECK(p.options.file->string() == "-odd-name.json");
}
