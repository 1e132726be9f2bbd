// The audience API's text rules: strict UTF-8, control characters, lengths in code points,
// device ids (any thread; pure functions).
#include "server/audience_text.hpp"

namespace pycast {

namespace {

bool isContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length of the well-formed sequence at bytes[i], or 0 when it is not one (RFC 3629, table 3-7
// of the Unicode standard: the second byte's range depends on the first).
std::size_t sequenceAt(std::string_view bytes, std::size_t i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(bytes[i + k]); };
    const unsigned char c = b(0);
    if (c < 0x80) return 1;
    std::size_t n = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0) lo = 0xA0;  // overlong below U+0800
        if (c == 0xED) hi = 0x9F;  // surrogates U+D800–U+DFFF
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0) lo = 0x90;  // overlong below U+10000
        if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
    } else {
        return 0;  // a continuation byte, C0/C1 (overlong ASCII) or F5–FF
    }
    if (i + n > bytes.size()) return 0;
    if (b(1) < lo || b(1) > hi) return 0;
    for (std::size_t k = 2; k < n; ++k)
        if (!isContinuation(b(k))) return 0;
    return n;
}

AudienceProblem badRequest(std::string code, std::string what, std::string remedy) {
    return AudienceProblem{400, std::move(code), Error{std::move(what), {}, std::move(remedy)}};
}

}  // namespace

bool isValidUtf8(std::string_view bytes) {
    for (std::size_t i = 0; i < bytes.size();) {
        const std::size_t n = sequenceAt(bytes, i);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

std::size_t countCodePoints(std::string_view utf8) {
    std::size_t count = 0;
    for (const char ch : utf8)
        if (!isContinuation(static_cast<unsigned char>(ch))) ++count;
    return count;
}

std::string stripControlCharacters(std::string_view utf8, Newlines newlines) {
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c < 0x20) {
            if (c == '\n' && newlines == Newlines::Keep) out += '\n';
            continue;
        }
        if (c == 0x7F) continue;
        // C1 controls U+0080–U+009F are encoded C2 80 – C2 9F.
        if (c == 0xC2 && i + 1 < utf8.size()) {
            const auto next = static_cast<unsigned char>(utf8[i + 1]);
            if (next >= 0x80 && next <= 0x9F) {
                ++i;
                continue;
            }
        }
        out += static_cast<char>(c);
    }
    return out;
}

std::string trimSpace(std::string_view utf8) {
    constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";
    for (;;) {
        if (!utf8.empty() && (utf8.front() == ' ' || utf8.front() == '\n'))
            utf8.remove_prefix(1);
        else if (utf8.substr(0, 3) == kIdeographicSpace)
            utf8.remove_prefix(3);
        else
            break;
    }
    for (;;) {
        if (!utf8.empty() && (utf8.back() == ' ' || utf8.back() == '\n'))
            utf8.remove_suffix(1);
        else if (utf8.size() >= 3 && utf8.substr(utf8.size() - 3) == kIdeographicSpace)
            utf8.remove_suffix(3);
        else
            break;
    }
    return std::string(utf8);
}

std::optional<AudienceProblem> checkUtf8(std::string_view bytes, std::string_view what) {
    if (isValidUtf8(bytes)) return std::nullopt;
    return badRequest("bad-utf8", std::string(what) + " is not valid UTF-8 text",
                      "send the text encoded as UTF-8");
}

std::optional<AudienceProblem> cleanQuestionText(std::string& text) {
    text = trimSpace(stripControlCharacters(text, Newlines::Keep));
    if (text.empty())
        return badRequest("empty-question", "the question is empty", "type a question first");
    const std::size_t chars = countCodePoints(text);
    if (chars > kMaxQuestionChars)
        return badRequest("question-too-long",
                          "the question has " + std::to_string(chars) + " characters, " +
                              std::to_string(kMaxQuestionChars) + " at most",
                          "shorten it and send it again");
    return std::nullopt;
}

std::optional<AudienceProblem> cleanName(std::string& name) {
    name = trimSpace(stripControlCharacters(name, Newlines::Drop));
    const std::size_t chars = countCodePoints(name);
    if (chars > kMaxNameChars)
        return badRequest("name-too-long",
                          "the name has " + std::to_string(chars) + " characters, " +
                              std::to_string(kMaxNameChars) + " at most",
                          "shorten it, or leave it empty to ask anonymously");
    return std::nullopt;
}

std::optional<AudienceProblem> checkDevice(std::string_view device) {
    bool fits = device.size() >= kMinDeviceChars && device.size() <= kMaxDeviceChars;
    for (const char ch : device)
        fits = fits && ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
                        (ch >= '0' && ch <= '9') || ch == '_' || ch == '-');
    if (fits) return std::nullopt;
    return badRequest("bad-device",
                      "the device id must be " + std::to_string(kMinDeviceChars) + " to " +
                          std::to_string(kMaxDeviceChars) +
                          " characters of A-Z, a-z, 0-9, '_' and '-'",
                      "reload the page so it makes a new one");
}

}  // namespace pycast
