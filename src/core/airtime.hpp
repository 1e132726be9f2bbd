// Actual airtime: who is talking, per 10 ms frame, from the levels of every mic's track — an
// energy-and-dominance detector that does not count a voice heard in another mic (bleed)
// (pure; any one thread per detector).
//
// Rule (documented in docs/recorder.md, decided by tests/e2e/airtime.sh with espeak-ng voices
// and 20 dB bleed):
//   1. Level per track and frame: mean square of the frame's samples after a 100 Hz high-pass
//      (kAirtimeHighPassHz, 2nd-order Butterworth: the low cut of a voice channel, so the
//      rumble of a fan or of traffic neither raises nor wobbles the level), in dBFS (a sine at
//      full scale reads -3 dBFS; a frame of digital zero reads kAirtimeSilenceDbfs).
//   2. A track is active when its level is above kAirtimeFloorDbfs and at least
//      kAirtimeOverNoiseDb over its own noise floor. The floor is the lowest frame level of the
//      last kAirtimeFloorWindowMs (a minimum over 500 ms sub-windows, as in Martin's minimum
//      statistics): it follows a lower level at once, learns a noise that rises (a fan switched
//      on) within the window, and speech does not lift it, since the gaps between syllables
//      fall back to the noise several times a second. Frames of digital silence (a dropout's
//      gap, a muted input) leave the floor alone; before the first other frame nothing is
//      active.
//   3. An active track speaks in the frame only when it is within kAirtimeDominanceDb of the
//      loudest active track: a voice 20 dB down in the neighbour's mic is not counted for the
//      neighbour, two people talking at once in their own mics both count.
//   4. Hangover: a pause shorter than kAirtimeBridgeMs between words counts as talking; a burst
//      shorter than kAirtimeMinBurstMs (a cough, a click) does not. A burst's time runs from
//      its first speaking frame to its last (the silence after the last word is not counted).
#pragma once

#include <array>
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
inline constexpr int kAirtimeFloorWindowMs = 3000;
inline constexpr double kAirtimeHighPassHz = 100.0;
inline constexpr double kAirtimeSilenceDbfs = -120.0;  // the level of digital silence (and the lowest)

// Feeds per-track samples, frame by frame; keeps each track's talk time.
class AirtimeDetector {
public:
    // `tracks` mics (at least 1 is used) at `sampleRate` Hz (at least 100): samples per frame =
    // rate / 100.
    AirtimeDetector(int tracks, int sampleRate);

    int tracks() const { return static_cast<int>(m_state.size()); }
    int samplesPerFrame() const { return m_samplesPerFrame; }
    // One frame: `planar` holds samplesPerFrame() mono float samples (full scale ±1.0) of each
    // track, track after track (planar: track 0's frame, then track 1's …). A shorter span (the
    // end of a file) is split evenly between the tracks and still counts as one frame; an empty
    // one is ignored.
    void addFrame(std::span<const float> planar);
    // The recorder's way in: `interleaved` holds whole frames of `channels` samples each (as
    // PortAudio delivers them), any number of them; track i reads channel `channelOfTrack[i]`
    // (channelOfTrack.size() == tracks(); a channel out of range reads as silence). Samples are
    // gathered into 10 ms frames across calls; the last incomplete frame waits for the next
    // call (finish() drops it: less than 10 ms). A dropout's gap goes in as addSilence().
    void addInterleaved(std::span<const float> interleaved, int channels, std::span<const int> channelOfTrack);
    // `frames` samples of digital silence on every track (a dropout's gap), as addInterleaved.
    void addSilence(std::int64_t frames);
    // Ends a recording: a talk burst still open is closed (counted if long enough). Frames added
    // afterwards start afresh (bursts), keeping the totals and the noise floors.
    void finish();

    // Talk time per track so far, in ms (bursts still open counted up to now when long enough).
    std::vector<std::int64_t> talkMs() const;
    // True while `track` is inside a talk burst (speaking, or in a pause the hangover bridges)
    // that is already long enough to count: for a live "talking" light.
    bool isTalking(int track) const;
    std::int64_t framesSeen() const { return m_frames; }

private:
    static constexpr int kFloorSubWindows = 6;
    static constexpr double kNoLevelDb = 1e9;  // above any level: a sub-window with no frame yet
    struct Track {
        // Noise floor: the minimum of the finished sub-windows (a ring) and the current one.
        std::array<double, kFloorSubWindows> subMinDb;
        int subNext = 0;           // ring slot the next finished sub-window goes to
        double currentMinDb = kNoLevelDb;  // minimum of the sub-window being filled
        int currentFrames = 0;     // non-silent frames in it
        bool floorKnown = false;
        double x1 = 0.0, x2 = 0.0, y1 = 0.0, y2 = 0.0;  // high-pass state (direct form I)
        std::int64_t countedFrames = 0;  // closed bursts
        std::int64_t burstStart = -1;    // first speaking frame of the open burst, -1: none
        std::int64_t lastSpeaking = -1;  // last speaking frame of the open burst
    };
    double levelDb(Track& t, std::span<const float> samples) const;
    static double floorDb(const Track& t);
    static void learnFloor(Track& t, double levelDb);
    static void closeBurst(Track& t);

    std::vector<Track> m_state;
    std::vector<double> m_levels;  // scratch: this frame's level per track, dBFS
    std::vector<char> m_active;    // scratch: this frame's active flag per track
    std::vector<float> m_pending;  // addInterleaved's frame being gathered, planar
    std::size_t m_pendingSamples = 0;  // per track, in m_pending
    int m_samplesPerFrame;
    double m_b0, m_b1, m_b2, m_a1, m_a2;  // high-pass coefficients (RBJ cookbook, Q = 1/sqrt 2)
    std::int64_t m_frames = 0;
};

}  // namespace pycast
