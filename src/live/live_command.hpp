// The live commands and journal events, each defined once: name, field, domain, limits (any thread;
// pure).
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/question_queue.hpp"
#include "core/show.hpp"
#include "core/units.hpp"

namespace pycast {

// Every live action the host, a controller or a replayed journal can take. To add one, see
// "Adding a live command" in docs/architecture.md: a row in kLiveCommands (live_command.cpp)
// and a case in its domain's file; the HTTP route, the UI's action, Session::perform, the
// journal name and the replay all come from that row.
enum class LiveCommand {
    Start,
    Hold,  // holds the clock; "pause" in journals and as an old API path
    Resume,
    Next,
    Previous,
    Goto,
    Extend,
    Message,
    QuestionAnswered,  // the one on air, or the one named; counts for the runner's Q&A pace
    End,
    // The question queue (core/question_queue.hpp). Each producer change has its inverse, so the
    // studio undoes by performing it: approve/unapprove, dismiss/restore, on-air/off-air,
    // answered/reopen, merge/unmerge, edit/edit, label/label, assign/assign.
    QuestionSubmit,
    QuestionVote,
    QuestionApprove,
    QuestionUnapprove,
    QuestionDismiss,
    QuestionRestore,
    QuestionOnAir,
    QuestionOffAir,
    QuestionReopen,
    QuestionEdit,
    QuestionMerge,
    QuestionUnmerge,
    QuestionLabel,
    QuestionAssign,
    Marker,  // a plain marker at this moment (and sample), with an optional label
    // Topic polls (core/poll_board.hpp): the producer creates, opens and closes; a device on the
    // audience page votes (one vote per device, changeable while open).
    PollCreate,
    PollOpen,
    PollClose,
    PollVote,
    PollLiveResults,  // whether the audience sees the counts while the poll is open
    // A device opened the audience page (first time only): the insights' "devices that opened
    // the page". From the audience page's listener, never from the control API.
    AudienceVisit,
};

// Who replays a command's events. Each domain has one file (live/<domain>_events.cpp) with its
// state in LiveState; a new domain (questions, markers, recorder) adds its value here.
enum class LiveDomain { Runner, Messages, Questions, Markers, Polls, Audience };

// The one argument a command takes, if any.
enum class LiveField {
    None,
    SegmentId,      // "segment" (the API takes it from the path: /api/goto/ID)
    ExtendSeconds,  // "seconds": whole seconds, within ±kMaxExtendSeconds
    Text,           // "text": at most kMaxMessageBytes bytes; "" clears (not from the API)
    AnsweredQuestion,  // "question": optional; none means the one on air (or only the count)
    QuestionId,        // "question": required
    NewQuestion,       // "text", "name"?, "topics"? (or "topic"), "for"?, "device"?; the journal
                       // adds "id", "source", "segment", "votes"
    QuestionVote,      // "question", "device"
    QuestionText,      // "question", "text" (the question's limits)
    QuestionMerge,     // "into", "ids"
    QuestionTopics,    // "question", "topics" (may be empty: no labels)
    QuestionPerson,    // "question", "person" ("" clears)
    MarkerLabel,       // "label": optional, at most kMaxMarkerLabelChars code points, one line
    NewPoll,           // "question", "options" (2–8 labels), "live_results"?; the journal adds "id"
    PollId,            // "poll": required (the API takes it from the path: polls/ID/open)
    PollVote,          // "poll", "device", "option" (the option's label)
    PollLiveResults,   // "poll", "live" (true or false)
    Device,            // "device": the audience page's device id
};

// A live extend/shorten beyond a day is a typo, and keeps seconds * 1000 far from overflow.
inline constexpr std::int64_t kMaxExtendSeconds = 24 * 3600;
// A producer's message longer than this is refused (413 on the API).
inline constexpr std::size_t kMaxMessageBytes = 2000;
// A marker's label becomes a chapter title: one line, at most this many code points.
inline constexpr std::size_t kMaxMarkerLabelChars = 200;

struct LiveCommandDef {
    LiveCommand command;
    const char* name;         // API path /api/NAME, logs and tests
    const char* journalType;  // the event's "type" on disk (older journals use these names)
    const char* alias;        // an older name still accepted for the API path and the journal
    LiveDomain domain;
    LiveField field;
    const char* example;  // a request body for error messages ("" when none is needed)
    // The control API's path under /api/ besides NAME, "{id}" standing for the question id
    // ("questions/{id}/approve"); "" for none. "-": not on the control API at all (a vote
    // comes from a device on the audience page).
    const char* route = "";
};

std::span<const LiveCommandDef> liveCommands();
const LiveCommandDef& definitionOf(LiveCommand command);
// By API name, journal type or alias ("hold", "pause"); null when unknown.
const LiveCommandDef* findLiveCommand(std::string_view name);
const char* toName(LiveCommand command);  // definitionOf(command).name

// One request, typed. Only the member the command's field names is used:
// LiveRequest(LiveCommand::Extend).withSeconds(60).
struct LiveRequest {
    LiveRequest() = default;
    explicit LiveRequest(LiveCommand c) : command(c) {}
    LiveRequest withId(std::string v) && {
        id = std::move(v);
        return std::move(*this);
    }
    LiveRequest withSeconds(Seconds v) && {
        seconds = v;
        return std::move(*this);
    }
    LiveRequest withText(std::string v) && {
        text = std::move(v);
        return std::move(*this);
    }
    LiveRequest withName(std::string v) && {
        name = std::move(v);
        return std::move(*this);
    }
    LiveRequest withDevice(std::string v) && {
        device = std::move(v);
        return std::move(*this);
    }
    LiveRequest withPerson(std::string v) && {
        person = std::move(v);
        return std::move(*this);
    }
    LiveRequest withTopics(std::vector<std::string> v) && {
        topics = std::move(v);
        return std::move(*this);
    }
    LiveRequest withIds(std::vector<std::string> v) && {
        ids = std::move(v);
        return std::move(*this);
    }
    LiveRequest withOptions(std::vector<std::string> v) && {
        options = std::move(v);
        return std::move(*this);
    }
    LiveRequest withOption(std::string v) && {
        option = std::move(v);
        return std::move(*this);
    }
    LiveRequest withFlag(bool v) && {
        flag = v;
        return std::move(*this);
    }
    LiveRequest withSource(QuestionSource v) && {
        source = v;
        return std::move(*this);
    }

    LiveCommand command = LiveCommand::Start;
    std::string id;            // segment id (Goto), question id (questions; merge: "into"), poll id
    Seconds seconds = 0;       // Extend; < 0 shortens
    std::string text;          // Message; a question's text (submit, edit)
    std::optional<int> index;  // Goto from a journal: the rundown position, a fallback
    // Questions:
    std::string name;                        // submit: who asked ("" anonymous)
    std::string device;                      // submit, vote: the audience page's device id
    std::string person;                      // submit ("for"), assign: a person id
    std::vector<std::string> topics;         // submit, label
    std::vector<std::string> ids;            // merge: merged into `id`
    QuestionSource source = QuestionSource::Producer;  // submit; the API sets it, never a body
    std::string segment;                     // submit: the segment on air (set when applied)
    int votes = 0;                           // submit: an import's votes
    // Polls (`id` is the poll's id, `text` a new poll's question, `device` the voter's):
    std::vector<std::string> options;        // create: the option labels
    std::string option;                      // vote: the chosen option's label
    bool flag = false;                       // create / live results: counts shown while open
    // The recorder's timeline sample when it was performed (set by the session while recording,
    // or from the journal's "sample" on replay); markers keep it.
    std::optional<SampleCount> sample;
    bool operator==(const LiveRequest&) const = default;
};

// Why a request was not carried out, for the HTTP side to choose a status code.
enum class LiveRefusal {
    None,
    Invalid,   // a field is missing, of the wrong type or out of range (400)
    TooLarge,  // over a size limit (413)
    NotFound,  // names a segment or question the show does not have (404)
    Refused,   // the domain refuses it now: next before start, hold while held (409)
    Failed,    // the journal could not be written; nothing changed (500)
};

// A refusal with its sentence (Error: what, where, what to do).
struct LiveProblem {
    LiveRefusal refusal = LiveRefusal::Invalid;
    Error error;
    std::string code;  // the domain's stable name for it ("not-started"); may be empty
};

enum class LiveSource { Api, Journal };

// The typed request from JSON fields: an API body (plus the id from the path) or a journal
// line's fields. Checks types only; checkLiveRequest checks limits. From the API a message
// needs text that is not blank (clearing is the host's button).
std::optional<LiveRequest> parseLiveRequest(const LiveCommandDef& def, const nlohmann::json& fields,
                                            LiveSource source, LiveProblem& problem);

// The limits every source obeys (host, API, journal): the one place they are checked. A
// message is at most kMaxMessageBytes and holds no control character but tab and newline; a
// question's text and name follow questionTextProblem / askerNameProblem
// (core/question_queue.hpp), a device id isValidDeviceId.
std::optional<LiveProblem> checkLiveRequest(const LiveRequest& request);

// The fields journaled for a request (goto: segment and index; extend: seconds; ...).
nlohmann::json journalFields(const LiveRequest& request);

}  // namespace pycast
