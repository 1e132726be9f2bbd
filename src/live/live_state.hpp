// What a live session's events build, domain by domain, and how one event is applied (owner
// thread).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/poll_board.hpp"
#include "core/question_queue.hpp"
#include "core/show_runner.hpp"
#include "live/live_command.hpp"

namespace pycast {

// A producer's message to the host ("wrap up", "guest has 2 min").
struct ProducerMessage {
    std::string text;
    std::int64_t atMs = 0;  // session ms
    bool operator==(const ProducerMessage&) const = default;
};

// A plain marker: the host's key, the control API's POST /api/marker. Becomes a chapter.
struct Marker {
    std::string label;                 // "" = none given
    std::int64_t atMs = 0;             // session ms
    std::optional<SampleCount> sample; // the recorder's timeline sample, when recording
    bool operator==(const Marker&) const = default;
};

// What the recorder's journal events say (recorder_events.cpp): the takes and their files,
// dropouts, errors — replayed like every other domain, so a resumed session knows where take 2
// starts on the timeline.
struct RecordedTrack {
    int channel = 0;
    std::string name;
    std::string person;  // the show's person id, "" when none
    std::string file;    // relative to the session folder: "tracks/01-host.wav"
    bool operator==(const RecordedTrack&) const = default;
};

struct RecordingTake {
    int take = 1;
    int sampleRate = 48000;
    SampleCount startSample{0};         // timeline sample of its first frame
    std::vector<RecordedTrack> tracks;
    std::int64_t startedMs = 0;         // session ms
    std::optional<std::int64_t> frames; // known from its stop, or from a repair
    std::optional<std::int64_t> stoppedMs;
    std::string stopReason;             // "stopped", "show ended", "disk full …", "recovered"
    // Talk time per track (core/airtime.hpp) as the recorder measured it live, from its stop;
    // empty when the take was cut off (then measured from the files).
    std::vector<std::int64_t> talkMs;
    bool operator==(const RecordingTake&) const = default;
};

struct RecordedDropout {
    int take = 1;
    SampleCount at{0};                  // timeline sample
    std::int64_t frames = 0;            // 0 = unknown (PortAudio's input overflow)
    std::string kind;                   // "ring-overrun" | "input-overflow"
    std::int64_t atMs = 0;
    bool operator==(const RecordedDropout&) const = default;
};

struct RecordingLog {
    std::vector<RecordingTake> takes;
    std::vector<RecordedDropout> dropouts;
    std::vector<std::string> errors;    // recorder-error texts, in order
    bool recording() const { return !takes.empty() && !takes.back().stoppedMs; }
    int nextTake() const { return takes.empty() ? 1 : takes.back().take + 1; }
    // Where a new take starts on the timeline: after the last take's frames (known once it
    // stopped or its files were repaired; 0 frames when unknown).
    SampleCount nextStartSample() const;
    bool operator==(const RecordingLog&) const = default;
};

// Journal types of the recorder's events (not live commands: the recorder service writes them
// through Session::appendEvent).
namespace recorder_event {
inline constexpr const char* kStart = "recorder-start";
inline constexpr const char* kStop = "recorder-stop";
inline constexpr const char* kDropout = "recorder-dropout";
inline constexpr const char* kWarning = "recorder-warning";
inline constexpr const char* kWarningCleared = "recorder-warning-cleared";
inline constexpr const char* kError = "recorder-error";
inline constexpr const char* kRepair = "recorder-repair";
}  // namespace recorder_event

// Devices that opened the audience page, each once, in the order they first came: the
// insights' "opened the page" (audience_events.cpp).
struct AudienceVisit {
    std::string device;
    std::int64_t atMs = 0;  // session ms of its first visit
    bool operator==(const AudienceVisit&) const = default;
};

struct AudienceLog {
    std::vector<AudienceVisit> visits;  // in first-visit order
    bool seen(std::string_view device) const;
    bool operator==(const AudienceLog& o) const { return visits == o.visits; }
    // Kept sorted beside `visits` for O(log n) lookups; maintained by applyAudienceEvent.
    std::vector<std::string> sortedDevices;
};

// The state of every domain. A new domain (markers, recorder status) adds its member here and
// its apply function below, in a file of its own.
struct LiveState {
    LiveState() = default;
    explicit LiveState(const Show& show) : runner(show), questions(show), polls(show) {}
    ShowRunner runner;                       // runner_events.cpp
    std::optional<ProducerMessage> message;  // message_events.cpp: the latest one
    QuestionQueue questions;                 // question_events.cpp
    std::vector<Marker> markers;             // marker_events.cpp
    RecordingLog recording;                  // recorder_events.cpp
    PollBoard polls;                         // poll_events.cpp
    AudienceLog audience;                    // audience_events.cpp
};

// Applies `request` at `at` to the domain that owns it; with Apply::Check it only says whether
// it would be refused (nothing changes). On a refusal the state is unchanged. May complete the
// request for the journal (a goto's index, a new question's id and segment, the question an
// answered names). The owner checks, journals, then commits: both calls see the same request.
std::optional<LiveProblem> applyLiveEvent(LiveState& state, LiveRequest& request, SessionMs at,
                                          Apply mode = Apply::Commit);

// The domains, one file each.
std::optional<LiveProblem> applyRunnerEvent(ShowRunner& runner, LiveRequest& request, SessionMs at,
                                            Apply mode);
std::optional<LiveProblem> applyMessageEvent(std::optional<ProducerMessage>& message,
                                             const LiveRequest& request, SessionMs at, Apply mode);
std::optional<LiveProblem> applyMarkerEvent(std::vector<Marker>& markers,
                                            const LiveRequest& request, SessionMs at, Apply mode);
// The recorder's events (recorder_event::k*): Applied, Ignored (not a recorder event) or
// Rejected with why (a field missing or of the wrong type).
enum class RecorderApply { Applied, Ignored, Rejected };
RecorderApply applyRecorderEvent(RecordingLog& log, const std::string& type,
                                 const nlohmann::json& fields, std::optional<SampleCount> sample,
                                 SessionMs at, std::string& why);
// Polls: create, open, close, vote, live results (refused once the show has ended, but for
// closing).
std::optional<LiveProblem> applyPollEvent(LiveState& state, LiveRequest& request, SessionMs at,
                                          Apply mode);
// A device's first visit to the audience page (a repeated one is refused as Refused, and the
// audience listener does not send it twice).
std::optional<LiveProblem> applyAudienceEvent(AudienceLog& log, const LiveRequest& request,
                                              SessionMs at, Apply mode);
// Questions: the queue, and the runner for answered/reopen (the Q&A pace counts them).
std::optional<LiveProblem> applyQuestionEvent(LiveState& state, LiveRequest& request, SessionMs at,
                                              Apply mode);

}  // namespace pycast
