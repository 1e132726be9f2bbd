// Shared by the live tests: a LiveController on manual clocks with the AMA sample show.
#pragma once

#include <doctest/doctest.h>

#include <memory>

#include "core/clock.hpp"
#include "views/live/live_controller.hpp"
#include "io/show_io.hpp"
#include "ui_test_support.hpp"

namespace pycast::uitest {

constexpr std::int64_t kMin = 60'000;
constexpr int kTaipei = 8 * 60;
// 2026-12-17 20:00 in Taipei: the AMA's date and planned start (hard out 21:00).
constexpr std::int64_t kAmaStartWall = 1'795'606'200'000 + (22LL * 86'400 + 30 * 60) * 1000;

inline Show amaShow() {
    LoadResult loaded = loadShowFile(sourceDir() / "shows" / "pycast-ama.json");
    REQUIRE_MESSAGE(loaded.ok(), "shows/pycast-ama.json does not load");
    return *loaded.show;
}

// A controller whose sessions read these clocks. The API is off unless asked for.
struct LiveFixture {
    TempDir tmp;
    ManualClock clock{0};
    ManualWallClock wall{kAmaStartWall, kTaipei};
    Show show = amaShow();
    std::unique_ptr<ui::LiveController> controller;

    explicit LiveFixture(ui::LiveSettings settings = {}) {
        if (settings.sessionsRoot.empty()) settings.sessionsRoot = tmp / "sessions";
        controller = std::make_unique<ui::LiveController>(settings, SessionOptions{&clock, &wall, {}});
    }
    // A new session in tmp/s (REQUIREs it worked).
    void createSession() {
        REQUIRE_MESSAGE(controller->startSessionAt(show, tmp / "s"), controller->lastError());
    }
    // Both clocks move together, as they do in a room.
    void advance(std::int64_t ms) {
        clock.advance(ms);
        wall.advance(ms);
    }
    RunnerState runner() const { return controller->state().runner; }
};

}  // namespace pycast::uitest
