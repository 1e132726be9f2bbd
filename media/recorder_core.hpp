// The recorder without PortAudio: the capture callback's body (audio thread) and the track
// writer's drain (writer thread), so tests and the benchmark drive exactly the code a live
// stream runs. Recorder (recorder.cpp) wires a PortAudio stream and a writer thread to it.
//
// Threads:
//   - onInput: the audio thread only (one producer). Real-time safe: no lock, allocation, I/O,
//     logging or wait — it copies into the frame ring, records dropouts into the dropout ring,
//     and updates relaxed atomics.
//   - drain, finish: the writer thread only (one consumer), never at the same time.
//   - status, takeEvents, position, files, failed, ringHighWater: any thread (a mutex guards the
//     published status and the event queue; position is an acquire load).
//
// Time: meters, silence, "no signal" and clipping hold times run on audio time (frames drained
// / rate), so a test feeds frames and knows exactly when a warning fires. The wall-clock `now`
// given to drain() paces the header refresh (+ fdatasync) and the disk check.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/airtime.hpp"
#include "core/error.hpp"
#include "core/units.hpp"
#include "media/recorder.hpp"
#include "media/spsc_ring.hpp"

namespace pycast::media {

struct CaptureOptions {
    RecorderSetup setup;       // rate, channels, tracks, thresholds, folder, take, start
    bool writeFiles = true;    // false: a soundcheck (meters only, no files)
    double ringSeconds = 8.0;  // frame ring depth
    double headerRefreshSeconds = 1.0;
    // Free bytes at the setup's folder (default: statvfs). Tests inject a full or small disk.
    std::function<std::int64_t(const std::filesystem::path&)> freeBytes;
    // Tests only: every WavWriter fails with ENOSPC past this many data bytes (0 = never).
    std::uint64_t failAfterBytes = 0;
    // Benchmark only: the writer sleeps this long once, before its first write at or after
    // `stallAtFrame` (a simulated disk stall).
    int stallMs = 0;
    std::int64_t stallAtFrame = 0;
};

// A file name for track `index` (0-based) of `take`: "01-host.wav", "02-guest-1-take2.wav".
std::string trackFileName(std::size_t index, const std::string& name, int take);

class CaptureCore {
public:
    // Checks the setup (channels, tracks mapped to existing channels) and creates the WAVs of
    // the armed tracks in setup.folder (created if missing). Errors name the file or setting.
    static Result<std::unique_ptr<CaptureCore>> create(CaptureOptions options);
    ~CaptureCore();
    CaptureCore(const CaptureCore&) = delete;
    CaptureCore& operator=(const CaptureCore&) = delete;

    // --- audio thread ----------------------------------------------------------------------
    // `frames` interleaved frames of setup.channels float samples. `inputOverflow`: PortAudio
    // said input was lost before this buffer (paInputOverflow; how much is unknown).
    void onInput(const float* interleaved, std::size_t frames, bool inputOverflow) noexcept;

    // --- writer thread ---------------------------------------------------------------------
    // Writes everything captured so far, updates meters and warnings, and publishes the status.
    // `nowSeconds`: monotonic wall time (any origin). Returns false once a write error stopped
    // the recording (the files are finished up to there; an Error event says why).
    bool drain(double nowSeconds);
    // Drains what is left and finishes every file (final header). Call after the stream
    // stopped. Safe to call twice. `reason` goes into the Stopped event.
    Status finish(double nowSeconds, const std::string& reason = "stopped");
    // Stops the recording from outside (the stream died): an Error event with `code` and
    // `text`, every file finished up to what was written.
    void abort(const std::string& code, const std::string& text);

    // --- any thread --------------------------------------------------------------------------
    RecorderStatus status() const;
    std::vector<RecorderEvent> takeEvents();
    SampleCount position() const;
    std::vector<std::filesystem::path> files() const;
    bool failed() const { return m_failed.load(std::memory_order_acquire); }
    // Frames of the take captured by onInput so far (written or dropped).
    std::int64_t framesCaptured() const { return m_captured.load(std::memory_order_acquire); }
    // For the soundcheck: the loudest sample of each track since start, dBFS (writer thread, or
    // any thread once finish() returned).
    std::vector<float> maxPeakDbfs() const;

private:
    explicit CaptureCore(CaptureOptions options);
    struct TrackState;
    struct DropoutRecord {
        std::int64_t at;      // frame of the take where it happened
        std::int64_t frames;  // frames discarded (0: unknown, an input overflow)
        std::uint8_t kind;    // 0 ring-overrun, 1 input-overflow
    };

    void writeFrames(const float* interleaved, std::size_t frames);
    void writeSilence(std::int64_t frames);
    void analyse(std::size_t frames);
    void fail(const Error& error, const std::string& file, const std::string& code = "");
    void warn(bool on, bool& state, const std::string& code, int track, const std::string& text);
    void push(RecorderEvent event);
    void publish(double nowSeconds);
    void checkDisk(double nowSeconds);

    CaptureOptions m_opt;
    int m_channels = 0;
    int m_rate = 0;
    SpscRing<float> m_ring;
    SpscRing<DropoutRecord> m_dropoutRing;

    // Written by the audio thread only.
    std::int64_t m_pendingGapAt = -1;     // a ring overrun not yet recorded (the dropout ring was
    std::int64_t m_pendingGapFrames = 0;  // full, or the frame ring still is)
    std::atomic<std::int64_t> m_captured{0};       // release: frames of the take seen
    std::atomic<std::int64_t> m_droppedFrames{0};  // relaxed statistics
    std::atomic<std::int64_t> m_overflows{0};
    std::atomic<std::int64_t> m_worstCallbackNs{0};
    // Per input channel: the loudest |sample| since the writer last took it (the writer
    // exchanges 0 in; a callback that loaded before that exchange may store an older, larger
    // peak back — a meter shows one stale peak, which is harmless), and clip counts.
    std::unique_ptr<std::atomic<float>[]> m_peaks;
    std::unique_ptr<std::atomic<std::uint32_t>[]> m_clips;

    // Writer thread only.
    std::vector<std::unique_ptr<TrackState>> m_tracks;  // one per setup track (armed or not)
    std::vector<float> m_block;                         // interleaved frames read from the ring
    std::vector<float> m_mono;                          // one track's de-interleaved samples
    std::vector<float> m_programme;                     // armed tracks summed
    std::vector<float> m_planar;                        // armed tracks' block, track after track
    std::vector<std::size_t> m_armedIndex;              // setup index of each armed track
    std::unique_ptr<AirtimeDetector> m_airtime;         // over the armed tracks
    std::vector<float> m_airFrame;                      // one 10 ms planar frame being filled
    std::size_t m_airFill = 0;
    struct Loudness;
    std::unique_ptr<Loudness> m_loudness;
    std::int64_t m_written = 0;  // frames of the take in the files (samples + silence)
    // After a failure m_written keeps counting (the timeline of the markers goes on) but the
    // files do not grow: the frames every file holds, reported as the take's length.
    std::int64_t m_keptFrames = -1;
    double m_lastRefresh = -1e9, m_lastDiskCheck = -1e9, m_lastIntegrated = -1e9;
    double m_diskSecondsLeft = -1;
    bool m_diskLow = false;
    bool m_finished = false;
    bool m_stallDone = false;
    std::int64_t m_dropouts = 0;
    double m_momentary = -120, m_shortTerm = -120, m_integrated = -120;
    std::atomic<bool> m_failed{false};
    std::string m_error;

    mutable std::mutex m_mutex;  // guards m_status, m_events
    RecorderStatus m_status;
    std::vector<RecorderEvent> m_events;
};

}  // namespace pycast::media
