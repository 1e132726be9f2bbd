// pycast-studio's live options: --sessions, --live, --resume, --api, --presenter, the screenshot
// options and --live-demo.
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

TEST_CASE("live options are off unless given") {
    const AppOptions o = parse({}).options;
    CHECK_FALSE(o.sessionsRoot);
    CHECK_FALSE(o.resume);
    CHECK_FALSE(o.live);
    CHECK_FALSE(o.api);
    CHECK_FALSE(o.presenter);
    CHECK_FALSE(o.screenshotMode());
    CHECK(o.presenterWidth == 1280);
    CHECK(o.presenterHeight == 720);
}

TEST_CASE("a live start from the command line, the API address and the presenter") {
    const ParsedOptions p = parse({"show.json", "--sessions", "/tmp/s", "--live", "--api",
                                   "127.0.0.1:0", "--presenter", "--presenter-size=1920x1080"});
    REQUIRE_MESSAGE(p.ok(), p.error);
    CHECK(p.options.sessionsRoot->string() == "/tmp/s");
    CHECK(p.options.live);
    CHECK(*p.options.api == "127.0.0.1:0");
    CHECK(p.options.presenter);
    CHECK(p.options.presenterWidth == 1920);
    CHECK(parse({"--api", "off"}).ok());
}

TEST_CASE("screenshots of a resumed session and of the presenter, after a delay") {
    const ParsedOptions p = parse({"--resume", "/tmp/s/x", "--screenshot", "a.png",
                                   "--screenshot-presenter", "b.png", "--screenshot-delay", "2.5"});
    REQUIRE_MESSAGE(p.ok(), p.error);
    CHECK(p.options.resume->string() == "/tmp/s/x");
    CHECK(p.options.screenshotMode());
    CHECK(p.options.presenter);  // a presenter screenshot opens the presenter
    CHECK(p.options.screenshotDelay == doctest::Approx(2.5));

    const ParsedOptions q = parse({"--screenshot-presenter", "b.png", "--frames", "4"});
    REQUIRE_MESSAGE(q.ok(), q.error);  // --frames counts for the presenter picture too
    CHECK(parse({"--live-demo", "600", "--screenshot", "a.png"}).options.liveDemoSeconds == 600);
}

TEST_CASE("live usage errors say what was wrong") {
    CHECK(parse({"--api", "nonsense"}).error.find("--api") != std::string::npos);
    CHECK(parse({"--api", "127.0.0.1:99999"}).error.find("--api") != std::string::npos);
    CHECK(parse({"--live", "--resume", "/x"}).error.find("pick one") != std::string::npos);
    CHECK(parse({"--screenshot-delay", "3"}).error.find("--screenshot") != std::string::npos);
    CHECK(parse({"--screenshot", "a.png", "--screenshot-delay", "soon"}).error.find("soon") !=
          std::string::npos);
    CHECK(parse({"--live-demo", "-5"}).error.find("--live-demo") != std::string::npos);
    CHECK(parse({"--live=yes"}).error.find("no value") != std::string::npos);
    CHECK(parse({"--resume"}).error.find("needs a value") != std::string::npos);
    CHECK(parse({"--resume="}).error.find("needs a value") != std::string::npos);
    CHECK(parse({"--presenter-size", "tiny"}).error.find("WIDTHxHEIGHT") != std::string::npos);
}

TEST_CASE("--help describes the live options") {
    const std::string text = usage("pycast-studio");
    for (const char* option : {"--sessions", "--live", "--resume", "--api", "--presenter",
                               "--screenshot-presenter", "--screenshot-delay", "--live-demo"}) {
        CHECK_MESSAGE(text.find(option) != std::string::npos, option);
    }
}
