// The live commands and journal events, each defined once (any thread; pure functions).
#include "live/live_command.hpp"

#include "core/poll_board.hpp"
#include "core/text.hpp"

#include <array>
#include <cstdio>
#include <cstring>
#include <limits>
#include <optional>

namespace pycast {

namespace {

using nlohmann::json;

// The one table. The order is the API's documentation order.
constexpr std::array kLiveCommands = {
    LiveCommandDef{LiveCommand::Start, "start", "start", "", LiveDomain::Runner, LiveField::None,
                   ""},
    LiveCommandDef{LiveCommand::Hold, "hold", "pause", "pause", LiveDomain::Runner, LiveField::None,
                   ""},
    LiveCommandDef{LiveCommand::Resume, "resume", "resume", "", LiveDomain::Runner, LiveField::None,
                   ""},
    LiveCommandDef{LiveCommand::Next, "next", "next", "", LiveDomain::Runner, LiveField::None, ""},
    LiveCommandDef{LiveCommand::Previous, "previous", "previous", "", LiveDomain::Runner,
                   LiveField::None, ""},
    LiveCommandDef{LiveCommand::Goto, "goto", "goto", "", LiveDomain::Runner, LiveField::SegmentId,
                   "POST /api/goto/SEGMENT_ID"},
    LiveCommandDef{LiveCommand::Extend, "extend", "extend", "", LiveDomain::Runner,
                   LiveField::ExtendSeconds,
                   "{\"seconds\": 60} (negative shortens: {\"seconds\": -30})"},
    LiveCommandDef{LiveCommand::Message, "message", "message", "", LiveDomain::Messages,
                   LiveField::Text, "{\"text\": \"wrap up in 2 minutes\"}"},
    LiveCommandDef{LiveCommand::QuestionAnswered, "question-answered", "question-answered", "",
                   LiveDomain::Questions, LiveField::AnsweredQuestion,
                   "{\"question\": \"q-1\"} (or no body: the question on air)",
                   "questions/{id}/answered"},
    LiveCommandDef{LiveCommand::End, "end", "end", "", LiveDomain::Runner, LiveField::None, ""},
    LiveCommandDef{LiveCommand::QuestionSubmit, "question-submit", "question-submit", "",
                   LiveDomain::Questions, LiveField::NewQuestion,
                   "{\"text\": \"How do you hire juniors?\", \"name\": \"Amy\"}", "questions"},
    LiveCommandDef{LiveCommand::QuestionVote, "question-vote", "question-vote", "",
                   LiveDomain::Questions, LiveField::QuestionVote,
                   "{\"question\": \"q3\", \"device\": \"a1b2c3d4e5\"}", "-"},
    LiveCommandDef{LiveCommand::QuestionApprove, "question-approve", "question-approve", "",
                   LiveDomain::Questions, LiveField::QuestionId, "POST /api/questions/ID/approve",
                   "questions/{id}/approve"},
    LiveCommandDef{LiveCommand::QuestionUnapprove, "question-unapprove", "question-unapprove", "",
                   LiveDomain::Questions, LiveField::QuestionId,
                   "POST /api/questions/ID/unapprove", "questions/{id}/unapprove"},
    LiveCommandDef{LiveCommand::QuestionDismiss, "question-dismiss", "question-dismiss", "",
                   LiveDomain::Questions, LiveField::QuestionId, "POST /api/questions/ID/dismiss",
                   "questions/{id}/dismiss"},
    LiveCommandDef{LiveCommand::QuestionRestore, "question-restore", "question-restore", "",
                   LiveDomain::Questions, LiveField::QuestionId, "POST /api/questions/ID/restore",
                   "questions/{id}/restore"},
    LiveCommandDef{LiveCommand::QuestionOnAir, "question-on-air", "question-on-air", "",
                   LiveDomain::Questions, LiveField::QuestionId, "POST /api/questions/ID/on-air",
                   "questions/{id}/on-air"},
    LiveCommandDef{LiveCommand::QuestionOffAir, "question-off-air", "question-off-air", "",
                   LiveDomain::Questions, LiveField::QuestionId, "POST /api/questions/ID/off-air",
                   "questions/{id}/off-air"},
    LiveCommandDef{LiveCommand::QuestionReopen, "question-reopen", "question-reopen", "",
                   LiveDomain::Questions, LiveField::QuestionId, "POST /api/questions/ID/reopen",
                   "questions/{id}/reopen"},
    LiveCommandDef{LiveCommand::QuestionEdit, "question-edit", "question-edit", "",
                   LiveDomain::Questions, LiveField::QuestionText,
                   "POST /api/questions/ID/edit {\"text\": \"the corrected question\"}",
                   "questions/{id}/edit"},
    LiveCommandDef{LiveCommand::QuestionMerge, "question-merge", "question-merge", "",
                   LiveDomain::Questions, LiveField::QuestionMerge,
                   "{\"into\": \"q3\", \"ids\": [\"q7\", \"q9\"]}", "questions/merge"},
    LiveCommandDef{LiveCommand::QuestionUnmerge, "question-unmerge", "question-unmerge", "",
                   LiveDomain::Questions, LiveField::QuestionId, "POST /api/questions/ID/unmerge",
                   "questions/{id}/unmerge"},
    LiveCommandDef{LiveCommand::QuestionLabel, "question-label", "question-label", "",
                   LiveDomain::Questions, LiveField::QuestionTopics,
                   "POST /api/questions/ID/label {\"topics\": [\"技術 Tech\"]}",
                   "questions/{id}/label"},
    LiveCommandDef{LiveCommand::QuestionAssign, "question-assign", "question-assign", "",
                   LiveDomain::Questions, LiveField::QuestionPerson,
                   "POST /api/questions/ID/assign {\"person\": \"p-guest1\"} (\"\" for anyone)",
                   "questions/{id}/assign"},
    LiveCommandDef{LiveCommand::Marker, "marker", "marker", "", LiveDomain::Markers,
                   LiveField::MarkerLabel, "{\"label\": \"good quote\"} (or no body)"},
    LiveCommandDef{LiveCommand::PollCreate, "poll-create", "poll-create", "", LiveDomain::Polls,
                   LiveField::NewPoll,
                   "{\"question\": \"下次想聽什麼主題？\", \"options\": [\"AI\", \"Web\", \"DevOps\"]}",
                   "polls"},
    LiveCommandDef{LiveCommand::PollOpen, "poll-open", "poll-open", "", LiveDomain::Polls,
                   LiveField::PollId, "POST /api/polls/ID/open", "polls/{id}/open"},
    LiveCommandDef{LiveCommand::PollClose, "poll-close", "poll-close", "", LiveDomain::Polls,
                   LiveField::PollId, "POST /api/polls/ID/close", "polls/{id}/close"},
    LiveCommandDef{LiveCommand::PollVote, "poll-vote", "poll-vote", "", LiveDomain::Polls,
                   LiveField::PollVote,
                   "{\"device\": \"a1b2c3d4e5\", \"option\": \"AI\"}", "-"},
    LiveCommandDef{LiveCommand::PollLiveResults, "poll-live-results", "poll-live-results", "",
                   LiveDomain::Polls, LiveField::PollLiveResults,
                   "POST /api/polls/ID/live-results {\"live\": true}", "polls/{id}/live-results"},
    LiveCommandDef{LiveCommand::AudienceVisit, "audience-visit", "audience-visit", "",
                   LiveDomain::Audience, LiveField::Device, "{\"device\": \"a1b2c3d4e5\"}", "-"},
};

LiveProblem invalid(std::string what, const LiveCommandDef& def) {
    std::string remedy = *def.example ? std::string("send ") + def.example : std::string();
    return {LiveRefusal::Invalid, Error{std::move(what), {}, std::move(remedy)}, {}};
}

// A string field; `required` refuses a missing one. False (with `problem` set) on a wrong type.
bool readString(const json& f, const char* key, bool required, std::string& out,
                const LiveCommandDef& def, LiveProblem& problem) {
    const auto it = f.find(key);
    if (it == f.end()) {
        if (!required) return true;
        problem = invalid(std::string("the body needs \"") + key + "\"", def);
        return false;
    }
    if (!it->is_string()) {
        problem = invalid(std::string("\"") + key + "\" must be text", def);
        return false;
    }
    out = it->get<std::string>();
    return true;
}

// A list of strings (a single string is a list of one, for the page's one "topic").
bool readStringList(const json& f, const char* key, std::vector<std::string>& out,
                    const LiveCommandDef& def, LiveProblem& problem) {
    const auto it = f.find(key);
    if (it == f.end() || it->is_null()) return true;
    if (it->is_string()) {
        if (!it->get<std::string>().empty()) out.push_back(it->get<std::string>());
        return true;
    }
    if (!it->is_array()) {
        problem = invalid(std::string("\"") + key + "\" must be a list of text", def);
        return false;
    }
    for (const json& v : *it) {
        if (!v.is_string()) {
            problem = invalid(std::string("\"") + key + "\" must be a list of text", def);
            return false;
        }
        out.push_back(v.get<std::string>());
    }
    return true;
}

// A true/false field; absent leaves `out` as it is.
bool readBool(const json& f, const char* key, bool& out, const LiveCommandDef& def,
              LiveProblem& problem) {
    const auto it = f.find(key);
    if (it == f.end() || it->is_null()) return true;
    if (!it->is_boolean()) {
        problem = invalid(std::string("\"") + key + "\" must be true or false", def);
        return false;
    }
    out = it->get<bool>();
    return true;
}

// Refuses an empty required poll id (the path's {id} or "poll").
bool needPollId(const std::string& id, const LiveCommandDef& def, LiveProblem& problem) {
    if (!id.empty()) return true;
    problem = invalid("name the poll: its id", def);
    return false;
}

// Refuses an empty required question id (the path's {id} or "question").
bool needQuestionId(const std::string& id, const LiveCommandDef& def, LiveProblem& problem) {
    if (!id.empty()) return true;
    problem = invalid("name the question: its id", def);
    return false;
}

}  // namespace

std::span<const LiveCommandDef> liveCommands() { return kLiveCommands; }

const LiveCommandDef& definitionOf(LiveCommand command) {
    for (const LiveCommandDef& d : kLiveCommands)
        if (d.command == command) return d;
    return kLiveCommands.front();  // unreachable: every enumerator has a row (tested)
}

const LiveCommandDef* findLiveCommand(std::string_view name) {
    if (name.empty()) return nullptr;
    for (const LiveCommandDef& d : kLiveCommands)
        if (name == d.name || name == d.journalType || (*d.alias && name == d.alias)) return &d;
    return nullptr;
}

const char* toName(LiveCommand command) { return definitionOf(command).name; }

std::optional<LiveRequest> parseLiveRequest(const LiveCommandDef& def, const json& fields,
                                            LiveSource source, LiveProblem& problem) {
    LiveRequest out;
    out.command = def.command;
    const json empty = json::object();
    const json& f = fields.is_object() ? fields : empty;
    switch (def.field) {
        case LiveField::None:
            break;
        case LiveField::SegmentId: {
            const auto seg = f.find("segment");
            if (seg != f.end() && seg->is_string()) out.id = seg->get<std::string>();
            const auto idx = f.find("index");
            // get<int> would wrap a damaged 4294967297 into segment 1; range-check first.
            if (idx != f.end() && idx->is_number_unsigned() &&
                idx->get<std::uint64_t>() <=
                    static_cast<std::uint64_t>(std::numeric_limits<int>::max()))
                out.index = static_cast<int>(idx->get<std::uint64_t>());
            if (out.id.empty() && !out.index) {
                problem = invalid("no known segment id or index", def);
                return std::nullopt;
            }
            break;
        }
        case LiveField::ExtendSeconds: {
            const auto s = f.find("seconds");
            if (s == f.end()) {
                problem = invalid("the body has no \"seconds\"", def);
                return std::nullopt;
            }
            if (!s->is_number_integer()) {
                problem = invalid("\"seconds\" must be a whole number of seconds, not " +
                                      s->dump(-1, ' ', false, json::error_handler_t::replace),
                                  def);
                return std::nullopt;
            }
            if (s->is_number_unsigned() &&
                s->get<std::uint64_t>() >
                    static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
                problem =
                    invalid("\"seconds\" must be between -" + std::to_string(kMaxExtendSeconds) +
                                " and " + std::to_string(kMaxExtendSeconds) + " (a day), not " +
                                s->dump(-1, ' ', false, json::error_handler_t::replace),
                            def);
                return std::nullopt;
            }
            out.seconds = s->get<std::int64_t>();
            break;
        }
        case LiveField::Text: {
            const auto t = f.find("text");
            if (t == f.end() || !t->is_string()) {
                problem = invalid("the body needs \"text\" as a string", def);
                return std::nullopt;
            }
            out.text = t->get<std::string>();
            if (source == LiveSource::Api &&
                out.text.find_first_not_of(" \t\r\n") == std::string::npos) {
                problem = invalid("\"text\" is empty", def);
                return std::nullopt;
            }
            break;
        }
        case LiveField::AnsweredQuestion:
            if (!readString(f, "question", false, out.id, def, problem)) return std::nullopt;
            break;
        case LiveField::MarkerLabel:
            if (!readString(f, "label", false, out.text, def, problem)) return std::nullopt;
            break;
        case LiveField::QuestionId:
            if (!readString(f, "question", true, out.id, def, problem) ||
                !needQuestionId(out.id, def, problem))
                return std::nullopt;
            break;
        case LiveField::NewQuestion: {
            if (!readString(f, "text", true, out.text, def, problem) ||
                !readString(f, "name", false, out.name, def, problem) ||
                !readString(f, "for", false, out.person, def, problem) ||
                !readString(f, "device", false, out.device, def, problem) ||
                !readStringList(f, "topics", out.topics, def, problem) ||
                !readStringList(f, "topic", out.topics, def, problem))
                return std::nullopt;
            if (source == LiveSource::Journal) {
                std::string src;
                if (!readString(f, "id", true, out.id, def, problem) ||
                    !readString(f, "source", false, src, def, problem) ||
                    !readString(f, "segment", false, out.segment, def, problem))
                    return std::nullopt;
                if (!src.empty()) {
                    const auto known = questionSourceFromString(src);
                    if (!known) {
                        problem = invalid("\"source\" '" + src + "' is not a question source", def);
                        return std::nullopt;
                    }
                    out.source = *known;
                }
                // A count we cannot keep exactly (4294967296, -1, 2.5) refuses the line rather
                // than starting the question at 0 votes without a word.
                const auto v = f.find("votes");
                if (v != f.end() && !v->is_null()) {
                    if (!v->is_number_unsigned() ||
                        v->get<std::uint64_t>() >
                            static_cast<std::uint64_t>(std::numeric_limits<int>::max())) {
                        problem = invalid("\"votes\" " + v->dump() +
                                              " is not a vote count from 0 to " +
                                              std::to_string(std::numeric_limits<int>::max()),
                                          def);
                        return std::nullopt;
                    }
                    out.votes = static_cast<int>(v->get<std::uint64_t>());
                }
            }
            break;
        }
        case LiveField::QuestionVote:
            if (!readString(f, "question", true, out.id, def, problem) ||
                !readString(f, "device", true, out.device, def, problem) ||
                !needQuestionId(out.id, def, problem))
                return std::nullopt;
            break;
        case LiveField::QuestionText:
            if (!readString(f, "question", true, out.id, def, problem) ||
                !readString(f, "text", true, out.text, def, problem) ||
                !needQuestionId(out.id, def, problem))
                return std::nullopt;
            break;
        case LiveField::QuestionMerge:
            if (!readString(f, "into", true, out.id, def, problem) ||
                !readStringList(f, "ids", out.ids, def, problem) ||
                !needQuestionId(out.id, def, problem))
                return std::nullopt;
            if (out.ids.empty()) {
                problem = invalid("\"ids\" must name the questions to merge", def);
                return std::nullopt;
            }
            break;
        case LiveField::QuestionTopics:
            if (!readString(f, "question", true, out.id, def, problem) ||
                !needQuestionId(out.id, def, problem))
                return std::nullopt;
            if (f.find("topics") == f.end()) {
                problem = invalid("the body needs \"topics\" (a list; [] removes the labels)", def);
                return std::nullopt;
            }
            if (!readStringList(f, "topics", out.topics, def, problem)) return std::nullopt;
            break;
        case LiveField::QuestionPerson:
            if (!readString(f, "question", true, out.id, def, problem) ||
                !readString(f, "person", true, out.person, def, problem) ||
                !needQuestionId(out.id, def, problem))
                return std::nullopt;
            break;
        case LiveField::NewPoll: {
            if (!readString(f, "question", true, out.text, def, problem)) return std::nullopt;
            if (f.find("options") == f.end()) {
                problem = invalid("the body needs \"options\": a list of 2 to 8 labels", def);
                return std::nullopt;
            }
            if (!readStringList(f, "options", out.options, def, problem) ||
                !readBool(f, "live_results", out.flag, def, problem))
                return std::nullopt;
            if (source == LiveSource::Journal &&
                (!readString(f, "id", true, out.id, def, problem) || !needPollId(out.id, def, problem)))
                return std::nullopt;
            break;
        }
        case LiveField::PollId:
            if (!readString(f, "poll", true, out.id, def, problem) ||
                !needPollId(out.id, def, problem))
                return std::nullopt;
            break;
        case LiveField::PollVote:
            if (!readString(f, "poll", true, out.id, def, problem) ||
                !readString(f, "device", true, out.device, def, problem) ||
                !readString(f, "option", true, out.option, def, problem) ||
                !needPollId(out.id, def, problem))
                return std::nullopt;
            break;
        case LiveField::PollLiveResults:
            if (!readString(f, "poll", true, out.id, def, problem) ||
                !needPollId(out.id, def, problem))
                return std::nullopt;
            if (f.find("live") == f.end()) {
                problem = invalid("the body needs \"live\": true or false", def);
                return std::nullopt;
            }
            if (!readBool(f, "live", out.flag, def, problem)) return std::nullopt;
            break;
        case LiveField::Device:
            if (!readString(f, "device", true, out.device, def, problem)) return std::nullopt;
            break;
    }
    if (auto bad = checkLiveRequest(out)) {
        problem = std::move(*bad);
        return std::nullopt;
    }
    return out;
}

std::optional<LiveProblem> checkLiveRequest(const LiveRequest& request) {
    const LiveCommandDef& def = definitionOf(request.command);
    switch (def.field) {
        case LiveField::ExtendSeconds:
            if (request.seconds < -kMaxExtendSeconds || request.seconds > kMaxExtendSeconds)
                return invalid("\"seconds\" must be between -" + std::to_string(kMaxExtendSeconds) +
                                   " and " + std::to_string(kMaxExtendSeconds) + " (a day), not " +
                                   std::to_string(request.seconds),
                               def);
            break;
        case LiveField::Text:
            if (request.text.size() > kMaxMessageBytes)
                return LiveProblem{
                    LiveRefusal::TooLarge,
                    Error{"The message is " + std::to_string(request.text.size()) +
                              " bytes; the limit is " + std::to_string(kMaxMessageBytes) + " bytes",
                          {},
                          "shorten it to " + std::to_string(kMaxMessageBytes) + " bytes or less"},
                    {}};
            if (const auto at = controlCharacterAt(request.text)) {
                return invalid("\"text\" holds a control character (" +
                                   describeCodePointAt(request.text, *at) + ") at byte " +
                                   std::to_string(*at + 1) +
                                   "; a message may hold tabs and line breaks but no other "
                                   "control characters",
                               def);
            }
            break;
        case LiveField::NewQuestion:
        case LiveField::QuestionText:
            if (auto p = questionTextProblem(request.text)) {
                const bool tooLong = codePointCount(request.text) > kMaxQuestionChars;
                return LiveProblem{LiveRefusal::Invalid, Error{*p, {}, {}},
                                   tooLong ? "question-too-long" : "bad-question"};
            }
            if (auto p = askerNameProblem(request.name))
                return LiveProblem{LiveRefusal::Invalid, Error{*p, {}, {}},
                                   codePointCount(request.name) > kMaxAskerNameChars
                                       ? "name-too-long"
                                       : "bad-name"};
            if (!request.device.empty() && !isValidDeviceId(request.device))
                return LiveProblem{LiveRefusal::Invalid,
                                   Error{"the device id must be 8 to 64 letters, digits, '-' or '_'",
                                         {},
                                         {}},
                                   "bad-device"};
            break;
        case LiveField::QuestionVote:
            if (!isValidDeviceId(request.device))
                return LiveProblem{LiveRefusal::Invalid,
                                   Error{"the device id must be 8 to 64 letters, digits, '-' or '_'",
                                         {},
                                         {}},
                                   "bad-device"};
            break;
        case LiveField::MarkerLabel:
            if (codePointCount(request.text) > kMaxMarkerLabelChars)
                return LiveProblem{LiveRefusal::TooLarge,
                                   Error{"The marker's label is " +
                                             std::to_string(codePointCount(request.text)) +
                                             " characters; the limit is " +
                                             std::to_string(kMaxMarkerLabelChars),
                                         {},
                                         "shorten it: it becomes a chapter title"},
                                   "label-too-long"};
            // controlCharacterAt lets tabs and line breaks through (a message may hold them);
            // a chapter title may not.
            if (const auto at = request.text.find_first_of("\t\r\n") != std::string::npos
                                    ? std::optional<std::size_t>(request.text.find_first_of("\t\r\n"))
                                    : controlCharacterAt(request.text))
                return LiveProblem{
                    LiveRefusal::Invalid,
                    Error{"\"label\" holds a control character (" +
                              describeCodePointAt(request.text, *at) + ") at byte " +
                              std::to_string(*at + 1),
                          {},
                          "a marker's label is one line of text"},
                    "bad-label"};
            break;
        case LiveField::NewPoll:
            if (auto p = pollProblem(request.text, request.options))
                return LiveProblem{LiveRefusal::Invalid, Error{*p, {}, {}}, "bad-poll"};
            break;
        case LiveField::PollVote:
            if (codePointCount(request.option) > kMaxPollOptionChars ||
                invalidUtf8At(request.option))
                return LiveProblem{LiveRefusal::Invalid,
                                   Error{"\"option\" must be one of the poll's labels (UTF-8, at "
                                         "most " + std::to_string(kMaxPollOptionChars) +
                                             " characters)",
                                         {},
                                         {}},
                                   "unknown-option"};
            [[fallthrough]];
        case LiveField::Device:
            if (!isValidDeviceId(request.device))
                return LiveProblem{LiveRefusal::Invalid,
                                   Error{"the device id must be 8 to 64 letters, digits, '-' or '_'",
                                         {},
                                         {}},
                                   "bad-device"};
            break;
        case LiveField::None:
        case LiveField::SegmentId:
        case LiveField::AnsweredQuestion:
        case LiveField::QuestionId:
        case LiveField::QuestionMerge:
        case LiveField::QuestionTopics:
        case LiveField::QuestionPerson:
        case LiveField::PollId:
        case LiveField::PollLiveResults:
            break;
    }
    return std::nullopt;
}

json journalFields(const LiveRequest& request) {
    json f = json::object();
    switch (definitionOf(request.command).field) {
        case LiveField::None:
            break;
        case LiveField::SegmentId:
            f["segment"] = request.id;
            if (request.index) f["index"] = *request.index;
            break;
        case LiveField::ExtendSeconds:
            f["seconds"] = request.seconds;
            break;
        case LiveField::Text:
            f["text"] = request.text;
            break;
        case LiveField::MarkerLabel:
            if (!request.text.empty()) f["label"] = request.text;
            break;
        case LiveField::AnsweredQuestion:
            if (!request.id.empty()) f["question"] = request.id;
            break;
        case LiveField::QuestionId:
            f["question"] = request.id;
            break;
        case LiveField::NewQuestion:
            f["id"] = request.id;
            f["text"] = request.text;
            if (!request.name.empty()) f["name"] = request.name;
            f["source"] = toName(request.source);
            if (!request.topics.empty()) f["topics"] = request.topics;
            if (!request.person.empty()) f["for"] = request.person;
            if (!request.device.empty()) f["device"] = request.device;
            if (!request.segment.empty()) f["segment"] = request.segment;
            if (request.votes != 0) f["votes"] = request.votes;
            break;
        case LiveField::QuestionVote:
            f["question"] = request.id;
            f["device"] = request.device;
            break;
        case LiveField::QuestionText:
            f["question"] = request.id;
            f["text"] = request.text;
            break;
        case LiveField::QuestionMerge:
            f["into"] = request.id;
            f["ids"] = request.ids;
            break;
        case LiveField::QuestionTopics:
            f["question"] = request.id;
            f["topics"] = request.topics;
            break;
        case LiveField::QuestionPerson:
            f["question"] = request.id;
            f["person"] = request.person;
            break;
        case LiveField::NewPoll:
            f["id"] = request.id;
            f["question"] = request.text;
            f["options"] = request.options;
            if (request.flag) f["live_results"] = true;
            break;
        case LiveField::PollId:
            f["poll"] = request.id;
            break;
        case LiveField::PollVote:
            f["poll"] = request.id;
            f["device"] = request.device;
            f["option"] = request.option;
            break;
        case LiveField::PollLiveResults:
            f["poll"] = request.id;
            f["live"] = request.flag;
            break;
        case LiveField::Device:
            f["device"] = request.device;
            break;
    }
    return f;
}

}  // namespace pycast
