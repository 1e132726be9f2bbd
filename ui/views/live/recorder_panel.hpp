// The Live tab's recorder: setup, soundcheck, Record / Stop, per-track meters, programme
// loudness, disk time and the warnings band; the views draw what the shell feeds them and post
// RecorderRequests the shell carries out after the frame (UI thread; the texts and defaults
// are pure functions for the tests).
#pragma once

#include <imgui.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/rundown.hpp"
#include "core/show.hpp"
#include "media/media_info.hpp"
#include "media/recorder.hpp"

namespace pycast::ui {

struct ViewContext;

// What a view asks of the recorder (FrameRequests::recorder); the shell (app_live.cpp) does it
// after the frame and reports back through RecorderViewState.
struct RecorderRequest {
    enum class Kind {
        Rescan,      // list the input devices again (slow: PortAudio initializes)
        Soundcheck,  // listen to `setup` a few seconds; findings into RecorderViewState
        Start,       // remember `setup` (saveRecorderSetup) and start recording the session
        Stop,        // stop recording (the files are finished)
    };
    Kind kind = Kind::Rescan;
    media::RecorderSetup setup;  // Soundcheck, Start
    bool operator==(const RecorderRequest&) const = default;
};

// The recorder as the shell saw it before this frame. The views never hold the recorder.
struct RecorderFeed {
    bool available = false;      // this studio can record (the shell has a recorder to drive)
    bool running = false;        // a recorder runs in this session (status below is live)
    media::RecorderSetup setup;  // the running one's (tracks ↔ people, take)
    media::RecorderStatus status;
    std::vector<media::RecorderEvent> warnings;  // in force now, newest first
};

// UI-only state of the recorder panel (nothing here is journaled).
struct RecorderViewState {
    media::RecorderSetup setup;  // the draft the setup table edits
    bool setupLoaded = false;    // the shell filled `setup` (loadRecorderSetup + the show's people)
    std::vector<media::AudioDevice> devices;  // from the last Rescan (inputs and outputs)
    bool scanned = false;
    bool scanning = false;  // a Rescan was asked for and has not come back
    std::string deviceError;
    bool soundchecking = false;  // a soundcheck runs (the shell clears it when done)
    std::optional<std::vector<media::SoundcheckFinding>> findings;  // the last soundcheck's
    std::string soundcheckError;
    std::string startError;  // why Record failed
    RecorderFeed feed;
    std::vector<bool> clipLatched;  // per status track: lit until the host clicks it
    bool confirmRecord = false;     // Record pressed after a soundcheck with findings
    bool setupOpen = true;          // the Setup section (collapsed while recording)
    bool wasRecording = false;
    // Under the controls the Recorder tab is chosen (else the rundown / questions as before).
    bool showRecorder = false;
    bool selectRecorderTab = false;  // select the Recorder tab next frame (demo, tests)
    // The rundown's plan for the airtime table, analysed once per session.
    int planGeneration = -1;
    RundownAnalysis plan;
};

// Tone of a warning: red for a lost or dead signal, amber for what still records.
enum class WarningTone { Red, Amber };
// dropout, no-signal, disk-full, write-failed, stream-error: red; silent, clipping, disk-low
// and anything else: amber.
WarningTone warningTone(const std::string& code);

// The tracks' defaults and fitting are the recorder's (media/recorder.hpp).
using media::defaultTracks;
using media::fitTracks;

// Input devices (at least one input channel) of `devices`, for the device combo.
std::vector<media::AudioDevice> inputDevices(const std::vector<media::AudioDevice>& devices);
// The host APIs of `devices` that have an input, in first-seen order.
std::vector<std::string> inputHostApis(const std::vector<media::AudioDevice>& devices);

// "0:00", "12:34", "1:02:03" of `frames` at `rate` Hz (0 rate: "0:00").
std::string takeTimeText(std::int64_t frames, int rate);
// "5 h 12 min left", "14 min left", "40 s left"; "disk: unknown" for a negative value.
std::string diskTimeText(double seconds);
// A loudness in LUFS with one decimal ("-18.3"), "—" for silence (-120 and below, -inf).
std::string lufsText(double lufs);
// The warnings band's line for an event: its text, or "<code> on <track>" when it has none.
std::string warningText(const media::RecorderEvent& event, const media::RecorderStatus& status);

// The presenter's short lines (dropout, no signal, silent mic only), newest first, at most 3:
// "DROPOUT", "NO SIGNAL · Guest 1", "MIC SILENT · Host".
struct PresenterWarning {
    std::string text;
    bool red = true;
    bool operator==(const PresenterWarning&) const = default;
};
std::vector<PresenterWarning> presenterWarnings(const RecorderFeed& feed);

// The band at the top of the Live tab while recording or warned: REC light, take, time,
// dropouts and the warnings in force (nothing when the studio cannot record).
void recorderBand(ViewContext& ctx);
// The Recorder tab: setup, soundcheck, Record / Stop, meters, loudness, airtime.
void recorderPanel(ViewContext& ctx, ImVec2 size);

}  // namespace pycast::ui
