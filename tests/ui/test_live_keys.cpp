// The live view's shortcuts: typed characters and keys to actions, then actions to the session.
#include <doctest/doctest.h>

#include "views/live/live_keys.hpp"
#include "test_live_support.hpp"

using namespace pycast;
using namespace pycast::ui;
using namespace pycast::uitest;

TEST_CASE("characters that are shortcuts, whatever the case or the Shift state") {
    CHECK(liveKeyForCharacter(' ') == LiveKey::Space);
    CHECK(liveKeyForCharacter('n') == LiveKey::N);
    CHECK(liveKeyForCharacter('N') == LiveKey::N);
    CHECK(liveKeyForCharacter('p') == LiveKey::P);
    CHECK(liveKeyForCharacter('H') == LiveKey::H);
    CHECK(liveKeyForCharacter('m') == LiveKey::M);
    CHECK(liveKeyForCharacter('M') == LiveKey::M);
    CHECK(liveKeyForCharacter('+') == LiveKey::Plus);
    CHECK(liveKeyForCharacter('=') == LiveKey::Plus);  // + without Shift on a US keyboard
    CHECK(liveKeyForCharacter('-') == LiveKey::Minus);
    CHECK(liveKeyForCharacter('?') == LiveKey::Question);
    CHECK_FALSE(liveKeyForCharacter('x'));
    CHECK_FALSE(liveKeyForCharacter(0x4E0B));  // 下: typing Chinese is not a shortcut
}

TEST_CASE("Space starts, holds and resumes, and H only holds and resumes") {
    CHECK(liveActionForKey(LiveKey::Space, RunPhase::NotStarted) == LiveAction::Start);
    CHECK(liveActionForKey(LiveKey::Space, RunPhase::Running) == LiveAction::Hold);
    CHECK(liveActionForKey(LiveKey::Space, RunPhase::Paused) == LiveAction::Resume);
    CHECK(liveActionForKey(LiveKey::Space, RunPhase::Ended) == LiveAction::None);
    CHECK(liveActionForKey(LiveKey::H, RunPhase::NotStarted) == LiveAction::None);
    const LiveAction marker = LiveAction::command(LiveRequest(LiveCommand::Marker));
    CHECK(liveActionForKey(LiveKey::M, RunPhase::NotStarted) == marker);
    CHECK(liveActionForKey(LiveKey::M, RunPhase::Running) == marker);
    CHECK(liveActionForKey(LiveKey::M, RunPhase::Ended) == LiveAction::None);
    CHECK(liveActionForKey(LiveKey::H, RunPhase::Running) == LiveAction::Hold);
    CHECK(liveActionForKey(LiveKey::H, RunPhase::Paused) == LiveAction::Resume);
}

TEST_CASE("N and the right arrow go next, P and the left arrow back, +/- change 30 s") {
    for (RunPhase phase : {RunPhase::Running, RunPhase::Paused}) {
        CAPTURE(toName(phase));
        CHECK(liveActionForKey(LiveKey::N, phase) == LiveAction::Next);
        CHECK(liveActionForKey(LiveKey::Right, phase) == LiveAction::Next);
        CHECK(liveActionForKey(LiveKey::P, phase) == LiveAction::Previous);
        CHECK(liveActionForKey(LiveKey::Left, phase) == LiveAction::Previous);
        CHECK(liveActionForKey(LiveKey::Plus, phase) == LiveAction::ExtendPlus30);
        CHECK(liveActionForKey(LiveKey::Minus, phase) == LiveAction::ExtendMinus30);
    }
    // Before the start, Next is passed on so the host hears "press Start first"; extending
    // has nothing to extend.
    CHECK(liveActionForKey(LiveKey::N, RunPhase::NotStarted) == LiveAction::Next);
    CHECK(liveActionForKey(LiveKey::Plus, RunPhase::NotStarted) == LiveAction::None);
    CHECK(liveActionForKey(LiveKey::N, RunPhase::Ended) == LiveAction::None);
    CHECK(liveActionForKey(LiveKey::Minus, RunPhase::Ended) == LiveAction::None);
}

TEST_CASE("F1 and ? show the shortcut list in every phase, and the list names every key") {
    for (RunPhase phase :
         {RunPhase::NotStarted, RunPhase::Running, RunPhase::Paused, RunPhase::Ended}) {
        CHECK(liveActionForKey(LiveKey::F1, phase) == LiveAction::ShowHelp);
        CHECK(liveActionForKey(LiveKey::Question, phase) == LiveAction::ShowHelp);
    }
    int count = 0;
    const LiveShortcutHelp* help = liveShortcutHelp(count);
    std::string all;
    for (int i = 0; i < count; ++i) all += std::string(help[i].keys) + " ";
    for (const char* key : {"Space", "N", "→", "P", "←", "H", "+", "-", "F1", "?"}) {
        CHECK_MESSAGE(all.find(key) != std::string::npos, key);
    }
}

TEST_CASE("a sequence of keys drives a session like the buttons do") {
    LiveFixture f;
    f.createSession();
    auto press = [&](unsigned int c) {
        const auto key = liveKeyForCharacter(c);
        REQUIRE(key);
        return f.controller->perform(liveActionForKey(*key, f.controller->phase()));
    };
    REQUIRE(press(' '));  // start
    CHECK(f.runner().current->index == 0);
    f.advance(kMin);
    REQUIRE(press('n'));
    CHECK(f.runner().current->index == 1);
    REQUIRE(press('+'));
    CHECK(f.runner().current->plannedMs == 5 * kMin + 30'000);
    REQUIRE(press('-'));
    REQUIRE(press('-'));
    CHECK(f.runner().current->plannedMs == 5 * kMin - 30'000);
    REQUIRE(press('h'));
    CHECK(f.runner().phase == RunPhase::Paused);
    REQUIRE(press(' '));
    CHECK(f.runner().phase == RunPhase::Running);
    REQUIRE(press('p'));
    CHECK(f.runner().current->index == 0);
    CHECK_FALSE(press('p'));  // already on the first: refused, with a sentence
    CHECK_FALSE(f.controller->lastError().empty());
}
