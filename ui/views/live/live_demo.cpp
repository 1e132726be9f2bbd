// The --live-demo session: on plan to a given second, on clocks of its own (UI thread).
#include "views/live/live_demo.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <system_error>

namespace pycast::ui {

namespace fs = std::filesystem;

std::int64_t DemoClock::nowMs() const {
    return m_running ? m_baseMs + (m_steady.nowMs() - m_sinceMs) : m_baseMs;
}

void DemoClock::run() {
    m_sinceMs = m_steady.nowMs();
    m_running = true;
}

DemoWallClock::DemoWallClock(const Show& show, const DemoClock& clock)
    : m_clock(clock), m_utc(0, 0) {
    using namespace std::chrono;
    int y = 2026, m = 11, d = 25;
    if (!show.meta.date.empty()) std::sscanf(show.meta.date.c_str(), "%d-%d-%d", &y, &m, &d);
    const year_month_day ymd{year{y}, month{static_cast<unsigned>(m)},
                             day{static_cast<unsigned>(d)}};
    const sys_days days = ymd.ok() ? sys_days{ymd} : sys_days{year{2026} / 11 / 25};
    const std::int64_t startSeconds = show.meta.startTime.value_or(20 * 3600);
    m_startEpochMs =
        duration_cast<milliseconds>(days.time_since_epoch()).count() + startSeconds * 1000;
}

LiveDemo::~LiveDemo() {
    std::error_code ec;
    if (!dir.empty()) fs::remove_all(dir.parent_path(), ec);  // the folder mkdtemp made
}

std::unique_ptr<LiveDemo> makeLiveDemo(const Show& show, std::string& error) {
    auto demo = std::make_unique<LiveDemo>();
    std::error_code ec;
    std::string pattern = (fs::temp_directory_path(ec) / "pycast-live-demo-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
        error = "could not make a temporary folder for the demo session in " +
                fs::temp_directory_path(ec).string();
        return nullptr;
    }
    demo->dir = fs::path(pattern) / "session";
    demo->wall = std::make_unique<DemoWallClock>(show, demo->clock);
    return demo;
}

bool runLiveDemo(LiveController& controller, LiveDemo& demo, const Show& show,
                 std::int64_t seconds) {
    demo.clock.set(0);
    if (!controller.startSessionAt(show, demo.dir)) return false;
    if (!show.rundown.empty()) {
        controller.perform(LiveAction::Start);
        const std::int64_t target = seconds * 1000;
        std::int64_t boundary = 0;
        for (std::size_t i = 0; i + 1 < show.rundown.size(); ++i) {
            // Where the runner expects the next segment: after this one's plan, or at its
            // fixed start when it is pinned to one.
            const RunnerState st = controller.session()->state().runner;
            const auto& next = st.segments[i + 1];
            boundary = next.projectedStartMs.value_or(boundary + show.rundown[i].planned * 1000);
            if (boundary >= target) break;
            demo.clock.set(boundary);
            controller.perform(LiveAction::Next);
        }
        demo.clock.set(target);
    }
    demo.clock.run();
    return true;
}

}  // namespace pycast::ui
