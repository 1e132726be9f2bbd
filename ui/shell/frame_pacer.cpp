// Frame pacing policy for the main loop (UI thread; wake() from any thread).
#include "shell/frame_pacer.hpp"

#include <algorithm>

namespace pycast::ui {

void FramePacer::beginFrame(double now) {
    m_frameStart = now;
    m_requestedFps = 0.0;
}

void FramePacer::requestFrameRate(double fps) { m_requestedFps = std::max(m_requestedFps, fps); }

double FramePacer::frameInterval(double now) const {
    double interval = m_config.idleWaitSeconds;
    if (now - m_lastInput < m_config.activeSeconds) interval = 1.0 / m_config.activeFps;
    if (m_requestedFps > 0.0) interval = std::min(interval, 1.0 / m_requestedFps);
    return interval;
}

double FramePacer::waitSeconds(double now) const {
    if (woken()) return 0.0;
    return std::max(0.0, m_frameStart + frameInterval(now) - now);
}

}  // namespace pycast::ui
