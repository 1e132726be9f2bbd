// The audience API's text rules as refusals with the contract's codes: UTF-8, control characters,
// lengths, device ids (any thread; pure functions).
#include "server/audience_text.hpp"

#include "core/question_queue.hpp"
#include "core/text.hpp"

namespace pycast {

namespace {

AudienceProblem badRequest(std::string code, std::string what, std::string remedy) {
    return AudienceProblem{400, std::move(code), Error{std::move(what), {}, std::move(remedy)}};
}


}  // namespace


std::optional<AudienceProblem> checkUtf8(std::string_view bytes, std::string_view what) {
    const auto bad = invalidUtf8At(bytes);
    if (!bad) return std::nullopt;
    return badRequest(
        "bad-utf8",
        std::string(what) + " is not valid UTF-8 text (byte " + std::to_string(*bad + 1) + ")",
        "send the text encoded as UTF-8");
}

std::optional<AudienceProblem> cleanQuestionText(std::string& text) {
    text = trimSpaces(stripControlCharacters(text, true));
    if (text.empty())
        return badRequest("empty-question", "the question is empty", "type a question first");
    const std::size_t chars = codePointCount(text);
    if (chars > kMaxQuestionChars)
        return badRequest("question-too-long",
                          "the question has " + std::to_string(chars) + " characters, " +
                              std::to_string(kMaxQuestionChars) + " at most",
                          "shorten it and send it again");
    return std::nullopt;
}

std::optional<AudienceProblem> cleanName(std::string& name) {
    name = trimSpaces(stripControlCharacters(name, false));
    const std::size_t chars = codePointCount(name);
    if (chars > kMaxAskerNameChars)
        return badRequest("name-too-long",
                          "the name has " + std::to_string(chars) + " characters, " +
                              std::to_string(kMaxAskerNameChars) + " at most",
                          "shorten it, or leave it empty to ask anonymously");
    return std::nullopt;
}

std::optional<AudienceProblem> checkDevice(std::string_view device) {
    if (isValidDeviceId(device)) return std::nullopt;
    return badRequest("bad-device",
                      "the device id must be " + std::to_string(kMinDeviceIdChars) + " to " +
                          std::to_string(kMaxDeviceIdChars) +
                          " characters of A-Z, a-z, 0-9, '_' and '-'",
                      "reload the page so it makes a new one");
}

}  // namespace pycast
