// The live commands and journal events, each defined once (any thread; pure functions).
#include "live/live_command.hpp"

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
                   LiveDomain::Runner, LiveField::QuestionId,
                   "{\"question\": \"q-1\"} (or no body)"},
    LiveCommandDef{LiveCommand::End, "end", "end", "", LiveDomain::Runner, LiveField::None, ""},
};

// Byte offset of the first control character in UTF-8 text other than tab and newline: C0
// (NUL, CR, ESC …), DEL and C1 (U+0080–U+009F). Printed to a terminal they hide or rewrite
// what is shown (or end the string early for C code), so a message may not hold them.
std::optional<std::size_t> controlCharacterAt(const std::string& text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) return i;
        if (c == 0xC2 && i + 1 < text.size()) {
            const auto next = static_cast<unsigned char>(text[i + 1]);
            if (next >= 0x80 && next <= 0x9F) return i;
        }
    }
    return std::nullopt;
}

LiveProblem invalid(std::string what, const LiveCommandDef& def) {
    std::string remedy = *def.example ? std::string("send ") + def.example : std::string();
    return {LiveRefusal::Invalid, Error{std::move(what), {}, std::move(remedy)}, {}};
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
        case LiveField::QuestionId: {
            const auto q = f.find("question");
            if (q != f.end()) {
                if (!q->is_string()) {
                    problem = invalid("\"question\" must be a question id string", def);
                    return std::nullopt;
                }
                out.id = q->get<std::string>();
            }
            break;
        }
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
                const auto c = static_cast<unsigned char>(request.text[*at]);
                const unsigned code =
                    c == 0xC2 ? static_cast<unsigned char>(request.text[*at + 1]) : c;
                char hex[8];
                std::snprintf(hex, sizeof hex, "U+%04X", code);
                return invalid("\"text\" holds a control character (" + std::string(hex) +
                                   (code == 0 ? ", NUL" : "") + ") at byte " +
                                   std::to_string(*at + 1) +
                                   "; a message may hold tabs and line breaks but no other "
                                   "control characters",
                               def);
            }
            break;
        case LiveField::None:
        case LiveField::SegmentId:
        case LiveField::QuestionId:
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
        case LiveField::QuestionId:
            if (!request.id.empty()) f["question"] = request.id;
            break;
    }
    return f;
}

}  // namespace pycast
