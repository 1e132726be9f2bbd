// When the next frame is due: full rate after input, slow when idle (UI thread; wake(): any).
#pragma once

#include <atomic>

namespace pycast::ui {

// The loop asks waitSeconds() how long it may sleep in glfwWaitEventsTimeout; events end the
// wait early. Like ImHex's loop: full rate for a second after input, then a low idle rate so
// an idle window costs ~0% CPU. Live views (a countdown) ask for a rate each frame they need it.
class FramePacer {
public:
    struct Config {
        double activeFps = 60.0;
        double activeSeconds = 1.0;    // full rate lasts this long after the last input
        double idleWaitSeconds = 0.5;  // longest sleep between frames when nothing happens
    };

    FramePacer() = default;
    explicit FramePacer(Config config) : m_config(config) {}

    // UI thread.
    void noteInput(double now) { m_lastInput = now; }
    void beginFrame(double now);           // clears this frame's rate requests
    void requestFrameRate(double fps);     // during a frame: "draw me again at fps"
    double waitSeconds(double now) const;  // 0 means draw now

    // Any thread: the next frame should be drawn promptly (pair with glfwPostEmptyEvent).
    void wake() { m_woken.store(true, std::memory_order_release); }
    bool consumeWake() { return m_woken.exchange(false, std::memory_order_acq_rel); }
    bool woken() const { return m_woken.load(std::memory_order_acquire); }

    double frameInterval(double now) const;  // the interval in force at `now`
    const Config& config() const { return m_config; }

private:
    Config m_config;
    double m_lastInput = -1e9;
    double m_frameStart = -1e9;
    double m_requestedFps = 0.0;  // max asked for during the last frame
    std::atomic<bool> m_woken{false};
};

}  // namespace pycast::ui
