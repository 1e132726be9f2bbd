// --demo-recorder: a synthetic recorder for pictures, benchmarks and tests (UI thread).
#include "views/live/recorder_demo.hpp"

#include <algorithm>
#include <cmath>

namespace pycast::ui {

namespace {

// The last armed track: the one whose mic was "forgotten".
int silentTrack(const media::RecorderSetup& setup) {
    for (int i = static_cast<int>(setup.tracks.size()) - 1; i >= 0; --i)
        if (setup.tracks[static_cast<std::size_t>(i)].armed) return i;
    return -1;
}

}  // namespace

std::vector<media::AudioDevice> DemoRecorder::devices() const {
    media::AudioDevice d;
    d.index = 0;
    d.name = "Demo USB interface";
    d.hostApi = "Demo";
    d.maxInputChannels = 8;
    d.maxOutputChannels = 2;
    d.defaultSampleRate = 48000;
    return {d};
}

std::vector<media::SoundcheckFinding> DemoRecorder::soundcheck(
    const media::RecorderSetup& setup) const {
    std::vector<media::SoundcheckFinding> out;
    const int silent = silentTrack(setup);
    if (silent >= 0 && setup.tracks.size() > 1) {
        out.push_back({"no-signal", silent,
                       setup.tracks[static_cast<std::size_t>(silent)].name +
                           ": no signal. Is the cable in and the mic's channel turned up?"});
    }
    return out;
}

Status DemoRecorder::start(const media::RecorderSetup& setup, std::int64_t atMs) {
    if (m_recording) return Error{"already recording", "demo recorder", "stop first"};
    m_setup = setup;
    m_setup.take = m_ran ? m_setup.take + 1 : 1;
    m_startMs = atMs >= 0 ? atMs : m_clock.nowMs();
    m_recording = true;
    m_ran = true;
    return ok();
}

void DemoRecorder::stop() {
    if (!m_recording) return;
    m_recording = false;
    m_stopMs = m_clock.nowMs();
}

RecorderFeed DemoRecorder::feed() const {
    RecorderFeed out;
    out.available = true;
    out.running = m_ran;
    if (!m_ran) return out;
    out.setup = m_setup;
    const int rate = m_setup.sampleRate > 0 ? m_setup.sampleRate : 48000;
    const std::int64_t nowMs = m_recording ? m_clock.nowMs() : m_stopMs;
    const std::int64_t elapsedMs = std::max<std::int64_t>(nowMs - m_startMs, 0);
    media::RecorderStatus& s = out.status;
    s.recording = m_recording;
    s.sampleRate = rate;
    s.position = SampleCount(m_setup.startSample.value + elapsedMs * rate / 1000);
    s.framesWritten = elapsedMs * rate / 1000;
    const double t = static_cast<double>(elapsedMs) / 1000.0;
    const int silent = silentTrack(m_setup);
    std::vector<int> talkers;
    for (std::size_t i = 0; i < m_setup.tracks.size(); ++i)
        if (m_setup.tracks[i].armed && static_cast<int>(i) != silent)
            talkers.push_back(static_cast<int>(i));
    const int turn = static_cast<int>(elapsedMs / 7000);
    const int talking =
        talkers.empty() ? -1 : talkers[static_cast<std::size_t>(turn) % talkers.size()];
    // Talk time weights: the host, then the guests, the first guest the most.
    const double weights[] = {0.20, 0.08, 0.30, 0.16, 0.12, 0.08, 0.04, 0.02};
    for (std::size_t i = 0; i < m_setup.tracks.size(); ++i) {
        const media::TrackSetup& ts = m_setup.tracks[i];
        media::TrackMeter m;
        m.name = ts.name;
        m.armed = ts.armed;
        const double wobble = std::sin(t * 5.3 + static_cast<double>(i) * 1.7) * 4.0 +
                              std::sin(t * 13.1 + static_cast<double>(i)) * 2.0;
        if (!ts.armed) {
            // Disarmed tracks are still metered, dimmed.
            m.rmsDbfs = static_cast<float>(-50.0 + wobble);
            m.peakDbfs = m.rmsDbfs + 8.0f;
        } else if (static_cast<int>(i) == silent) {
            m.rmsDbfs = -78.0f;
            m.peakDbfs = -72.0f;
            m.silentSeconds = std::min(t, 34.0 + std::fmod(t, 1.0));
        } else if (static_cast<int>(i) == talking) {
            m.rmsDbfs = static_cast<float>(-21.0 + wobble);
            m.peakDbfs = static_cast<float>(-9.0 + wobble * 1.2);
        } else {
            m.rmsDbfs = static_cast<float>(-44.0 + wobble);  // the talker's voice, 20 dB down
            m.peakDbfs = m.rmsDbfs + 9.0f;
        }
        m.peakHoldDbfs =
            std::max(m.peakDbfs,
                     static_cast<float>(-5.0 + std::sin(t * 0.7 + static_cast<double>(i)) * 2.0) -
                         (static_cast<int>(i) == talking ? 0.0f : 30.0f));
        m.peakHoldDbfs = std::max(m.peakHoldDbfs, m.peakDbfs);
        if (static_cast<int>(i) == silent) m.peakHoldDbfs = -70.0f;
        // The first guest's mic clipped once: its light latches.
        m.clipping = i == 2 && std::fmod(t, 300.0) < 60.0;
        m.clips = i == 2 ? 3u : 0u;
        const double w = i < std::size(weights) ? weights[i] : 0.02;
        m.talkMs = static_cast<int>(i) == silent
                       ? 0
                       : static_cast<std::int64_t>(static_cast<double>(elapsedMs) * w);
        s.tracks.push_back(std::move(m));
    }
    s.momentaryLufs = -17.0 + std::sin(t * 2.1) * 3.0;
    s.shortTermLufs = -18.2 + std::sin(t * 0.3) * 0.8;
    s.integratedLufs = t > 0.4 ? -18.9 : -120.0;
    s.diskSecondsLeft = std::max(18'720.0 - t, 0.0);
    s.ringCapacity = static_cast<std::size_t>(rate) * 4;
    s.ringHighWater = 3072;
    s.callbackWorstMs = 0.21;
    if (elapsedMs > 3000) {
        s.dropouts = 1;
        s.droppedFrames = 256;
    }

    if (!m_recording) return out;
    if (elapsedMs > 3000) {
        media::RecorderEvent e;
        e.kind = media::RecorderEvent::Kind::Dropout;
        e.code = "dropout";
        e.text = "Dropout: 256 frames lost 3 s ago (input overflow) — the take goes on";
        e.dropout = {SampleCount(s.position.value - 3 * rate), 256, "input-overflow"};
        out.warnings.push_back(std::move(e));
    }
    if (silent >= 0 && t >= 30.0 && talkers.size() + 1 >= 2) {
        media::RecorderEvent e;
        e.kind = media::RecorderEvent::Kind::Warning;
        e.code = "silent";
        e.track = silent;
        e.text = m_setup.tracks[static_cast<std::size_t>(silent)].name +
                 "'s mic has been silent for " +
                 std::to_string(
                     static_cast<int>(s.tracks[static_cast<std::size_t>(silent)].silentSeconds)) +
                 " s";
        out.warnings.insert(out.warnings.begin(), std::move(e));
    }
    return out;
}

}  // namespace pycast::ui
