// Actual airtime: who is talking, per 10 ms frame, from the levels of every mic's track — an
// energy-and-dominance detector that does not count a voice heard in another mic (bleed)
// (pure; any one thread per detector).
//
// Rule (documented in docs/recorder.md, decided by tests/e2e/airtime.sh with espeak-ng voices
// and 20 dB bleed):
//   1. Level per track and frame: mean square of the frame's samples, in dBFS.
//   2. A track is active when its level is above kAirtimeFloorDbfs and at least
//      kAirtimeOverNoiseDb over its own noise floor (a slow minimum tracker).
//   3. An active track speaks in the frame only when it is within kAirtimeDominanceDb of the
//      loudest active track: a voice 20 dB down in the neighbour's mic is not counted for the
//      neighbour, two people talking at once in their own mics both count.
//   4. Hangover: a pause shorter than kAirtimeBridgeMs between words counts as talking; a burst
//      shorter than kAirtimeMinBurstMs (a cough, a click) does not.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace pycast {

inline constexpr int kAirtimeFrameMs = 10;
inline constexpr double kAirtimeFloorDbfs = -55.0;
inline constexpr double kAirtimeOverNoiseDb = 12.0;
inline constexpr double kAirtimeDominanceDb = 10.0;
inline constexpr int kAirtimeBridgeMs = 300;
inline constexpr int kAirtimeMinBurstMs = 100;

// Feeds per-track samples, frame by frame; keeps each track's talk time.
class AirtimeDetector {
public:
    // `tracks` mics at `sampleRate` Hz (samples per frame = rate / 100).
    AirtimeDetector(int tracks, int sampleRate);

    int samplesPerFrame() const;
    // One frame: `samples` holds samplesPerFrame() mono float samples (full scale ±1.0) of each
    // track, track after track (planar: track 0's frame, then track 1's …).
    void addFrame(std::span<const float> planar);
    // Ends a recording: a talk burst still open is closed (counted if long enough).
    void finish();

    // Talk time per track so far, in ms (bursts still open counted up to now when long enough).
    std::vector<std::int64_t> talkMs() const;
    std::int64_t framesSeen() const;

private:
    struct Track;
    int m_tracks;
    int m_rate;
    std::vector<Track*> m_unused;  // (implementation detail, replaced by the implementer)
};

}  // namespace pycast
