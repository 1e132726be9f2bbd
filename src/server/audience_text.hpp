// The audience API's text rules: strict UTF-8, control characters, lengths in code points,
// device ids (any thread; pure functions).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace pycast {

// Limits of what an audience member may send, in Unicode code points after stripping.
inline constexpr std::size_t kMaxQuestionChars = 500;
inline constexpr std::size_t kMaxNameChars = 60;
// A device id is what the page makes once and keeps in localStorage: 8 to 64 of [A-Za-z0-9_-].
inline constexpr std::size_t kMinDeviceChars = 8;
inline constexpr std::size_t kMaxDeviceChars = 64;

// Why the audience API refuses a request: the HTTP status, the contract's stable code
// ("question-too-long") and the sentence (what was wrong, what to do).
struct AudienceProblem {
    int status = 400;
    std::string code;
    Error error;
    bool operator==(const AudienceProblem&) const = default;
};

// True when BYTES is well-formed UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing
// above U+10FFFF, no truncated sequence.
bool isValidUtf8(std::string_view bytes);

// Code points in valid UTF-8 text (each byte that does not continue a sequence counts one).
std::size_t countCodePoints(std::string_view utf8);

enum class Newlines { Keep, Drop };

// TEXT (valid UTF-8) without control characters: C0 (U+0000–U+001F; '\n' kept with
// Newlines::Keep), DEL (U+007F) and C1 (U+0080–U+009F). Everything else is kept byte for byte.
std::string stripControlCharacters(std::string_view utf8, Newlines newlines);

// TEXT without leading and trailing white space: ASCII space and newline, and the ideographic
// space U+3000 that Chinese input methods type.
std::string trimSpace(std::string_view utf8);

// 400 bad-utf8 unless BYTES is valid UTF-8. `what` names it in the sentence: "the body".
std::optional<AudienceProblem> checkUtf8(std::string_view bytes, std::string_view what);

// Cleans a question in place (control characters but newlines stripped, ends trimmed), then
// checks it: 400 empty-question, 400 question-too-long (over kMaxQuestionChars).
std::optional<AudienceProblem> cleanQuestionText(std::string& text);

// Cleans a name in place (every control character stripped, newlines too; ends trimmed), then
// checks it: 400 name-too-long (over kMaxNameChars). An empty name means anonymous.
std::optional<AudienceProblem> cleanName(std::string& name);

// 400 bad-device unless DEVICE is 8–64 characters of [A-Za-z0-9_-].
std::optional<AudienceProblem> checkDevice(std::string_view device);

}  // namespace pycast
