// --live-demo: a throwaway session run on plan to a given second, for pictures (UI thread).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
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

// What a demo does between its last Next and the moment it stands at: called with the clock
// and the session ms it may use, from (the last Next) to (the demo's moment).
using DemoFill = std::function<void(LiveController&, DemoClock&, std::int64_t fromMs,
                                    std::int64_t toMs)>;

// Creates the session in demo.dir and runs it on plan: Start at 0, Next at each planned end
// before `seconds`, `fill` if given, then the clock stands at `seconds` and runs on.
bool runLiveDemo(LiveController& controller, LiveDemo& demo, const Show& show,
                 std::int64_t seconds, const DemoFill& fill = {});

// --demo-questions: the show with topics (when it has none) and a blocked word, for a demo
// session whose questions show every state.
Show withDemoQuestionRules(Show show);
// Fills the session with questions in every state, in the last minutes before `toMs`: pending
// ones (one held by the blocked word "spam", one that is a <script> tag, Chinese and English),
// approved ones with votes, one on air, one answered, one dismissed, one merged. Each goes
// through LiveController::perform, as the panel's buttons and the audience page's requests do.
void fillDemoQuestions(LiveController& controller, DemoClock& clock, std::int64_t fromMs,
                       std::int64_t toMs);
// --demo-poll: the show with a topic poll (when it has none); the fill opens its first poll a
// minute before `toMs` and 37 phones vote (a few change their minds), through
// LiveController::perform as the audience page's votes do.
Show withDemoPoll(Show show);
void fillDemoPoll(LiveController& controller, DemoClock& clock, std::int64_t fromMs,
                  std::int64_t toMs);

}  // namespace pycast::ui
