// --live-demo: a throwaway session run on plan to a given second, for pictures (UI thread).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "core/clock.hpp"
#include "views/live/live_controller.hpp"

namespace pycast::ui {

// Stands still at a set time until run(), then runs on from there like a steady clock.
class DemoClock final : public Clock {
public:
    std::int64_t nowMs() const override;
    void set(std::int64_t ms) { m_baseMs = ms; }
    void run();

private:
    SteadyClock m_steady;
    std::int64_t m_baseMs = 0;
    std::int64_t m_sinceMs = 0;
    bool m_running = false;
};

// The show's own date and start time (read as UTC) plus the demo clock, so the hard out and
// projected times read as they would on the day.
class DemoWallClock final : public WallClock {
public:
    DemoWallClock(const Show& show, const DemoClock& clock);
    std::int64_t nowEpochMs() const override { return m_startEpochMs + m_clock.nowMs(); }
    LocalDateTime toLocal(std::int64_t epochMs) const override { return m_utc.toLocal(epochMs); }

private:
    const DemoClock& m_clock;
    ManualWallClock m_utc;
    std::int64_t m_startEpochMs = 0;
};

struct LiveDemo {
    DemoClock clock;
    std::unique_ptr<DemoWallClock> wall;
    std::filesystem::path dir;  // <fresh temporary folder>/session; ~LiveDemo removes both
    ~LiveDemo();
    SessionOptions clocks() const { return SessionOptions{&clock, wall.get(), {}}; }
};

// A demo for `show` with its folder made. Null (and error set) when no folder could be made.
std::unique_ptr<LiveDemo> makeLiveDemo(const Show& show, std::string& error);

// Creates the session in demo.dir and runs it on plan: Start at 0, Next at each planned end
// before `seconds`, then the clock stands at `seconds` and runs on.
bool runLiveDemo(LiveController& controller, LiveDemo& demo, const Show& show,
                 std::int64_t seconds);

}  // namespace pycast::ui
