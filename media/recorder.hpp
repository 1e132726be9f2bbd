// The recorder: one PortAudio input stream, one mono WAV per armed track, live meters,
// loudness, dropout / silence / disk warnings and talk time per track.
//
// Threads:
//   - owner (UI frame, CLI loop): every public function here.
//   - audio callback (PortAudio's real-time thread): copies frames into the SPSC ring, updates
//     the atomic peaks, clip counts and the frame counter; records dropouts (ring full: frames
//     discarded; PortAudio's input overflow flag) into a second SPSC ring. No lock, allocation,
//     I/O or logging.
//   - track writer (our thread): drains the ring every ~20 ms, writes whole blocks to the WAVs
//     (a dropout's discarded frames become silence, so the timeline keeps its samples),
//     refreshes headers + fdatasync ~1/s, meters RMS, libebur128 momentary / short-term /
//     integrated on the programme (the armed tracks summed), the silence and disk checks, the
//     airtime detector; publishes a RecorderStatus under a mutex and queues RecorderEvents.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/show.hpp"
#include "core/units.hpp"

namespace pycast::media {

// One input channel mapped to a named track.
struct TrackSetup {
    int channel = 0;           // 0-based input channel of the device
    std::string name;          // "Host", "Guest 1" — the file is NN-<slug(name)>.wav
    std::string person;        // the show's person id ("" when none)
    bool armed = true;         // only armed tracks are written and metered for warnings
};

struct RecorderSetup {
    std::string hostApi;       // "" = the default host API
    std::string device;        // device name ("" = the host API's default input)
    int sampleRate = 48000;    // Hz
    int channels = 2;          // channels opened on the device
    std::vector<TrackSetup> tracks;
    int silenceSeconds = 30;   // an armed track quieter than -60 dBFS this long: "silent" warning
    int noSignalSeconds = 2;   // digital silence (a pulled cable) this long: "no signal" warning
    std::int64_t plannedSeconds = 0;  // for "too little disk for the planned length"
    // Where files go (the session's tracks/ folder) and which take this is (1, 2 …): take 1
    // writes NN-name.wav, take N writes NN-name-takeN.wav.
    std::filesystem::path folder;
    int take = 1;
    // Timeline sample of this take's first frame (the earlier takes' frames), so markers of
    // every take share one timeline.
    SampleCount startSample{0};
};

// Loads / saves the last setup on this machine (configDir()/recorder.json, atomic). Saved:
// host API, device, rate, channels, thresholds, tracks (not folder, take, start or plan).
// A missing file gives the defaults; a bad one gives the defaults and, when `warning` is given,
// says what is wrong and where ("recorder.json: /tracks/0/channel: must be …; fix or delete …").
RecorderSetup loadRecorderSetup(std::string* warning = nullptr);
Status saveRecorderSetup(const RecorderSetup& setup);
// The same for any file (strict: unknown keys, wrong types and out-of-range values are errors).
Result<RecorderSetup> readRecorderSetupFile(const std::filesystem::path& file);
Status writeRecorderSetupFile(const std::filesystem::path& file, const RecorderSetup& setup);

// The tracks a new setup starts with: one per input channel, in the order host(s),
// moderator(s), guests (producers have no mic), named "Host", "Moderator", "Guest 1" …,
// bound to that person; channels past the people are "Input N" with no person. All armed.
std::vector<TrackSetup> defaultTracks(const Show& show, int channels);
// Fits `setup` to `channels`: keeps the tracks of channels that exist, adds defaults for new
// ones (defaultTracks), and drops people ids the show does not know.
void fitTracks(RecorderSetup& setup, const Show& show, int channels);

// Binds the setup's tracks to the show's people. With no tracks: defaultTracks for everyone
// with a mic (hosts, moderators, guests). Tracks already named are bound to the person whose id
// or name matches (ignoring case; a track named by id takes that person's default name, "Host",
// "Guest 1"), else to the only person of the role it names ("host", "guest"), else to nobody.
// Channels grow to hold the highest track channel.
void bindTracksToPeople(RecorderSetup& setup, const Show& show);

struct TrackMeter {
    std::string name;
    bool armed = true;
    float peakDbfs = -120.f;       // since the last status (max of the callback's peaks)
    float peakHoldDbfs = -120.f;   // held 2 s, then falls
    float rmsDbfs = -120.f;        // 300 ms window
    std::uint32_t clips = 0;       // samples at or over full scale since start
    bool clipping = false;         // a clip in the last 2 s
    double silentSeconds = 0;      // how long it has been below -60 dBFS
    bool noSignal = false;         // digital silence for noSignalSeconds
    std::int64_t talkMs = 0;       // airtime detector (core/airtime.hpp)
};

struct Dropout {
    SampleCount at{0};             // timeline sample where it happened
    std::int64_t frames = 0;       // frames lost (0 when PortAudio did not say how many)
    std::string kind;              // "ring-overrun" | "input-overflow"
};

struct RecorderStatus {
    bool recording = false;
    std::string error;             // why it stopped, when it stopped by itself
    int sampleRate = 0;
    SampleCount position{0};       // timeline sample now (startSample + frames captured)
    std::int64_t framesWritten = 0;
    std::vector<TrackMeter> tracks;
    // Programme loudness (ITU-R BS.1770 / EBU Tech 3341 via libebur128), LUFS; -inf as -120.
    double momentaryLufs = -120, shortTermLufs = -120, integratedLufs = -120;
    std::int64_t dropouts = 0;     // count, both kinds
    std::int64_t droppedFrames = 0;
    double diskSecondsLeft = -1;   // recording time the free space holds (-1 unknown)
    std::size_t ringHighWater = 0; // frames
    std::size_t ringCapacity = 0;  // frames
    double callbackWorstMs = 0;    // longest callback so far
    double callbackLoad = 0;       // PortAudio's Pa_GetStreamCpuLoad
};

// Something the owner journals and shows: a dropout, a warning begun or cleared, an error.
struct RecorderEvent {
    enum class Kind { Dropout, Warning, WarningCleared, Error, Stopped };
    Kind kind = Kind::Warning;
    std::string code;              // "dropout", "silent", "no-signal", "clipping", "disk-low",
                                   // "disk-full", "write-failed", "stream-error"
    int track = -1;                // index into the setup's tracks, or -1
    std::string text;              // for a person: "Guest 1's mic has been silent for 31 s"
    Dropout dropout;               // Kind::Dropout
};

// A soundcheck finding, before recording.
struct SoundcheckFinding {
    std::string code;              // "no-signal", "clipping", "rate-mismatch", "disk-low"
    int track = -1;
    std::string text;
};

class Recorder {
public:
    Recorder();
    ~Recorder();  // stops (finishing the files) if recording

    // Opens the device and starts writing. Errors: no input device at all (kNoInputDeviceText),
    // no such device ("no input device named …; `pycast devices` lists them"), too few
    // channels, the rate refused, a file not created. The test hook PYCAST_TEST_DISK_LIMIT_BYTES
    // (environment) makes every track fail with ENOSPC past that many bytes.
    // After a write error or a dead stream the recorder stops writing by itself:
    // recording() turns false, status().error says why, an Error event is queued; call stop().
    Status start(const RecorderSetup& setup);
    // Stops the stream, drains the ring, finishes every file. Safe to call twice. Returns the
    // error that stopped the recording, if one did. status() and takeEvents() keep answering
    // until the next start().
    Status stop();
    bool recording() const;

    // Owner thread, as often as a frame: the latest status (cheap: a copy under a mutex).
    RecorderStatus status() const;
    // Events since the last call, in order.
    std::vector<RecorderEvent> takeEvents();
    // The timeline sample now (lock-free; for stamping markers).
    SampleCount position() const;
    // The files of this take, in track order.
    std::vector<std::filesystem::path> files() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// Listens to the setup's device for `seconds` without writing and reports what would go wrong.
std::vector<SoundcheckFinding> soundcheck(const RecorderSetup& setup, double seconds, std::string& error);

}  // namespace pycast::media
