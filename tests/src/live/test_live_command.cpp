// Tests for the live command table: one definition per command, validation once, journal names.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "live/live_command.hpp"
#include "live/live_state.hpp"

using namespace pycast;
using nlohmann::json;

TEST_CASE("live commands: every command has one row, with unique names") {
    std::set<std::string> names;
    std::set<LiveCommand> commands;
    for (const LiveCommandDef& d : liveCommands()) {
        CAPTURE(d.name);
        CHECK(names.insert(d.name).second);
        CHECK(commands.insert(d.command).second);
        CHECK(&definitionOf(d.command) == &d);
        CHECK(findLiveCommand(d.name) == &d);
        CHECK(findLiveCommand(d.journalType) == &d);
    }
    CHECK(commands.size() == static_cast<std::size_t>(LiveCommand::AudienceVisit) + 1);
    // Holding the clock: "hold" by name, "pause" on disk and as the old API path.
    CHECK(findLiveCommand("hold")->command == LiveCommand::Hold);
    CHECK(findLiveCommand("pause")->command == LiveCommand::Hold);
    CHECK(std::string(definitionOf(LiveCommand::Hold).journalType) == "pause");
    CHECK(findLiveCommand("marker")->command == LiveCommand::Marker);
    CHECK(findLiveCommand("recorder-start") == nullptr);   // the recorder's events are not commands
}

TEST_CASE("live commands: the limits are checked in one place, for every source") {
    const LiveCommandDef& extend = definitionOf(LiveCommand::Extend);
    LiveProblem problem;
    for (LiveSource source : {LiveSource::Api, LiveSource::Journal}) {
        CHECK(parseLiveRequest(extend, json{{"seconds", kMaxExtendSeconds}}, source, problem));
        CHECK_FALSE(
            parseLiveRequest(extend, json{{"seconds", kMaxExtendSeconds + 1}}, source, problem));
        CHECK(problem.refusal == LiveRefusal::Invalid);
    }
    // The host's own hands meet the same limit (no parsing there).
    LiveState state;
    Show show;
    Segment s;
    s.id = "a";
    s.planned = 60;
    show.rundown = {s};
    state.runner = ShowRunner(show);
    LiveRequest start(LiveCommand::Start);
    REQUIRE_FALSE(applyLiveEvent(state, start, SessionMs(0)));
    LiveRequest tooFar = LiveRequest(LiveCommand::Extend).withSeconds(kMaxExtendSeconds + 1);
    const auto refused = applyLiveEvent(state, tooFar, SessionMs(1));
    REQUIRE(refused);
    CHECK(refused->refusal == LiveRefusal::Invalid);

    LiveRequest longMessage =
        LiveRequest(LiveCommand::Message).withText(std::string(kMaxMessageBytes + 1, 'x'));
    const auto tooLong = applyLiveEvent(state, longMessage, SessionMs(2));
    REQUIRE(tooLong);
    CHECK(tooLong->refusal == LiveRefusal::TooLarge);
    LiveRequest atLimit =
        LiveRequest(LiveCommand::Message).withText(std::string(kMaxMessageBytes, 'x'));
    CHECK_FALSE(applyLiveEvent(state, atLimit, SessionMs(3)));
    // A blank message clears from the host's hands and from a journal; the API refuses it.
    CHECK(parseLiveRequest(definitionOf(LiveCommand::Message), json{{"text", ""}},
                           LiveSource::Journal, problem));
    CHECK_FALSE(parseLiveRequest(definitionOf(LiveCommand::Message), json{{"text", " "}},
                                 LiveSource::Api, problem));
}

TEST_CASE("live commands: journal fields are the ones older journals hold") {
    CHECK(journalFields(LiveRequest(LiveCommand::Next)) == json::object());
    CHECK(journalFields(LiveRequest(LiveCommand::Extend).withSeconds(-30)) ==
          json{{"seconds", -30}});
    CHECK(journalFields(LiveRequest(LiveCommand::Message).withText("hi")) == json{{"text", "hi"}});
    CHECK(journalFields(LiveRequest(LiveCommand::QuestionAnswered)) == json::object());
    CHECK(journalFields(LiveRequest(LiveCommand::QuestionAnswered).withId("q-1")) ==
          json{{"question", "q-1"}});
    LiveRequest go = LiveRequest(LiveCommand::Goto).withId("s-qa");
    go.index = 2;
    CHECK(journalFields(go) == json{{"segment", "s-qa"}, {"index", 2}});
}

TEST_CASE("live commands: a message with a control character is refused from every source") {
    const LiveCommandDef& message = definitionOf(LiveCommand::Message);
    LiveProblem problem;
    for (LiveSource source : {LiveSource::Api, LiveSource::Journal}) {
        CAPTURE(static_cast<int>(source));
        CHECK_FALSE(parseLiveRequest(message, json{{"text", std::string("a\0b", 3)}}, source,
                                     problem));
        CHECK(problem.refusal == LiveRefusal::Invalid);
        CHECK(problem.error.what.find("control character (U+0000, NUL) at byte 2") !=
              std::string::npos);
        CHECK(problem.error.what.find("tabs and line breaks") != std::string::npos);
        CHECK_FALSE(parseLiveRequest(message, json{{"text", "\x1b[31mred"}}, source, problem));
        CHECK(problem.error.what.find("U+001B") != std::string::npos);
        CHECK_FALSE(parseLiveRequest(message, json{{"text", "x\u0085y"}}, source, problem));
        CHECK(problem.error.what.find("U+0085") != std::string::npos);
        CHECK(parseLiveRequest(message, json{{"text", "a\tb\nc 兩分鐘 é"}}, source, problem));
    }
    LiveRequest fromHost = LiveRequest(LiveCommand::Message).withText("bell\a");
    const auto refused = checkLiveRequest(fromHost);
    REQUIRE(refused);
    CHECK(refused->error.what.find("U+0007") != std::string::npos);
}
