// --demo-recorder: a synthetic recorder that moves its meters on a clock, for the screenshot
// harness, the frame benchmark and the tests; no audio device is opened (UI thread).
#pragma once

#include <cstdint>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "views/live/recorder_panel.hpp"

namespace pycast::ui {

class DemoRecorder {
public:
    // Times come from `clock` (the demo session's), which must outlive this.
    explicit DemoRecorder(const Clock& clock) : m_clock(clock) {}

    // One made-up 8-input interface ("Demo USB interface", 48 kHz) on host API "Demo".
    std::vector<media::AudioDevice> devices() const;
    // Every armed track has signal but the last armed one (no-signal): a finding for it.
    std::vector<media::SoundcheckFinding> soundcheck(const media::RecorderSetup& setup) const;
    // Records from the clock's now: the take runs on the clock. `atMs` < 0: from now.
    Status start(const media::RecorderSetup& setup, std::int64_t atMs = -1);
    void stop();
    bool recording() const { return m_recording; }

    // The feed at the clock's now. Speakers take turns every few seconds (the talking track
    // near -20 dBFS RMS, the others at bleed level); the last armed track is silent (its mic
    // "forgotten"), with a silent warning; a dropout 3 s before now stays as a warning; talk
    // time grows by fixed weights, the first guests' company over the show's limit.
    RecorderFeed feed() const;

private:
    const Clock& m_clock;
    media::RecorderSetup m_setup;
    bool m_recording = false;
    bool m_ran = false;
    std::int64_t m_startMs = 0;
    std::int64_t m_stopMs = 0;
};

}  // namespace pycast::ui
