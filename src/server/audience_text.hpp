// The audience API's text rules as refusals with the contract's codes: UTF-8, control characters,
// lengths, device ids (any thread; pure functions).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace pycast {

// Why the audience API refuses a request: the HTTP status, the contract's stable code
// ("question-too-long") and the sentence (what was wrong, what to do).
struct AudienceProblem {
    int status = 400;
    std::string code;
    Error error;
    bool operator==(const AudienceProblem&) const = default;
};

// 400 bad-utf8 unless BYTES is valid UTF-8 (core/text.hpp invalidUtf8At). `what` names it in
// the sentence: "the body".
std::optional<AudienceProblem> checkUtf8(std::string_view bytes, std::string_view what);

// Cleans a question (valid UTF-8) in place — control characters stripped as
// core/text.hpp stripControlCharacters does (newline and tab kept, CR LF becomes LF), ends
// trimmed — then checks it against the queue's limits (core/question_queue.hpp):
// 400 empty-question, 400 question-too-long (over kMaxQuestionChars code points).
std::optional<AudienceProblem> cleanQuestionText(std::string& text);

// Cleans a name in place (one line: control characters stripped, newline and tab become
// spaces; ends trimmed), then checks it: 400 name-too-long (over kMaxAskerNameChars). An
// empty name means anonymous.
std::optional<AudienceProblem> cleanName(std::string& name);

// 400 bad-device unless DEVICE is a device id (isValidDeviceId: 8–64 of [A-Za-z0-9_-]).
std::optional<AudienceProblem> checkDevice(std::string_view device);

}  // namespace pycast
