// Slugs for file and folder names (any thread).
#include "core/text.hpp"

#include <algorithm>
#include <cstdio>

namespace pycast {

namespace {

// The code point of the UTF-8 sequence at text[i] and its length; length 1 with cp 0xFFFD
// for a byte that does not start a valid sequence.
std::pair<char32_t, std::size_t> decodeAt(std::string_view text, std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) return {c, 1};
    const std::size_t n = c >= 0xF0 && c < 0xF8 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
    if (n == 0 || i + n > text.size()) return {0xFFFD, 1};
    char32_t cp = c & (n == 4 ? 0x07u : n == 3 ? 0x0Fu : 0x1Fu);
    for (std::size_t k = 1; k < n; ++k) {
        const auto cc = static_cast<unsigned char>(text[i + k]);
        if ((cc & 0xC0) != 0x80) return {0xFFFD, 1};
        cp = (cp << 6) | (cc & 0x3Fu);
    }
    return {cp, n};
}

bool isPunctuation(char32_t cp) {
    return cp == 0xFFFD || (cp >= 0x80 && cp <= 0xBF) || (cp >= 0x2000 && cp <= 0x206F) ||
           (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF0F) ||
           (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
           (cp >= 0xFF5B && cp <= 0xFF65);
}

}  // namespace

std::string slugify(std::string_view text, SlugLetters letters, std::string_view fallback,
                    std::size_t maxBytes) {
    std::string out;
    bool gap = false;
    for (std::size_t i = 0; i < text.size();) {
        const auto [cp, n] = decodeAt(text, i);
        std::string piece;
        if (cp < 0x80) {
            const auto u = static_cast<char>(cp);
            if (u >= 'a' && u <= 'z') piece = u;
            else if (u >= 'A' && u <= 'Z') piece = static_cast<char>(u - 'A' + 'a');
            else if (u >= '0' && u <= '9') piece = u;
        } else if (letters == SlugLetters::Unicode && !isPunctuation(cp)) {
            piece.assign(text.substr(i, n));
        }
        i += n;
        if (piece.empty()) {
            gap = true;
            continue;
        }
        const std::size_t need = piece.size() + (gap && !out.empty() ? 1 : 0);
        if (out.size() + need > maxBytes) break;
        if (gap && !out.empty()) out += '-';
        gap = false;
        out += piece;
    }
    return out.empty() ? std::string(fallback) : out;
}

std::string formatPercent(double value, int decimals) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*f%%", decimals, value);
    return buf;
}

bool looksLikeUtf16(std::string_view bytes) {
    const std::size_t n = std::min<std::size_t>(bytes.size(), 4096);
    std::size_t zeros[2] = {0, 0};
    std::size_t newlineUnits = 0;  // "\n\0" (little-endian) or "\0\n" (big-endian), aligned
    for (std::size_t i = 0; i < n; ++i) {
        if (bytes[i] == '\0') ++zeros[i % 2];
        if (i % 2 == 0 && i + 1 < n &&
            ((bytes[i] == '\n' && bytes[i + 1] == '\0') || (bytes[i] == '\0' && bytes[i + 1] == '\n')))
            ++newlineUnits;
    }
    const std::size_t half = n / 2;
    if (half == 0) return false;
    if (zeros[0] * 10 >= half * 4 || zeros[1] * 10 >= half * 4) return true;
    // Mostly Chinese: few NULs, but every one on the same parity, and line breaks among them.
    return newlineUnits > 0 && (zeros[0] == 0) != (zeros[1] == 0);
}

namespace {

// The length of the valid UTF-8 sequence at `i`, or 0 when it is not one (RFC 3629 §4).
std::size_t utf8SequenceAt(std::string_view text, std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) return 1;
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
    } else if (c == 0xE0) {
        len = 3;
        lo = 0xA0;  // no overlong forms
    } else if (c == 0xED) {
        len = 3;
        hi = 0x9F;  // no UTF-16 surrogates
    } else if (c >= 0xE1 && c <= 0xEF) {
        len = 3;
    } else if (c == 0xF0) {
        len = 4;
        lo = 0x90;
    } else if (c == 0xF4) {
        len = 4;
        hi = 0x8F;  // nothing above U+10FFFF
    } else if (c >= 0xF1 && c <= 0xF3) {
        len = 4;
    }
    if (len == 0 || i + len > text.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(text[i + k]);
        if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) return 0;
    }
    return len;
}

bool isControlAt(std::string_view text, std::size_t i, bool allowLineBreaks) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\t' || c == '\n') return !allowLineBreaks;
    if (c < 0x20 || c == 0x7F) return true;
    if (c == 0xC2 && i + 1 < text.size()) {
        const auto next = static_cast<unsigned char>(text[i + 1]);
        return next >= 0x80 && next <= 0x9F;
    }
    return false;
}

}  // namespace

std::optional<std::size_t> invalidUtf8At(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t len = utf8SequenceAt(text, i);
        if (len == 0) return i;
        i += len;
    }
    return std::nullopt;
}

std::size_t codePointCount(std::string_view text) {
    std::size_t n = 0;
    for (char ch : text)
        if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++n;
    return n;
}

std::optional<std::size_t> controlCharacterAt(std::string_view text, bool allowLineBreaks) {
    for (std::size_t i = 0; i < text.size(); ++i)
        if (isControlAt(text, i, allowLineBreaks)) return i;
    return std::nullopt;
}

std::string stripControlCharacters(std::string_view text, bool allowLineBreaks) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!isControlAt(text, i, allowLineBreaks)) {
            out += text[i];
            continue;
        }
        if (static_cast<unsigned char>(text[i]) == 0xC2) ++i;  // a C1 is two bytes
        else if (!allowLineBreaks && (text[i] == '\n' || text[i] == '\t')) out += ' ';
    }
    return out;
}

std::string describeCodePointAt(std::string_view text, std::size_t at) {
    if (at >= text.size()) return {};
    const auto c = static_cast<unsigned char>(text[at]);
    const unsigned code =
        c == 0xC2 && at + 1 < text.size() ? static_cast<unsigned char>(text[at + 1]) : c;
    char hex[16];
    std::snprintf(hex, sizeof hex, "U+%04X", code);
    return std::string(hex) + (code == 0 ? ", NUL" : "");
}

namespace {

constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";

// The white space validation calls blank (isBlankText): a vertical tab or form feed that a
// spreadsheet cell holds is no name.
bool isAsciiSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

}  // namespace

std::string trimSpaces(std::string_view text) {
    for (;;) {
        if (!text.empty() && isAsciiSpace(text.front()))
            text.remove_prefix(1);
        else if (text.substr(0, 3) == kIdeographicSpace)
            text.remove_prefix(3);
        else
            break;
    }
    for (;;) {
        if (!text.empty() && isAsciiSpace(text.back()))
            text.remove_suffix(1);
        else if (text.size() >= 3 && text.substr(text.size() - 3) == kIdeographicSpace)
            text.remove_suffix(3);
        else
            break;
    }
    return std::string(text);
}

std::string lowerAscii(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string replaceAll(std::string text, std::string_view from, std::string_view to) {
    if (from.empty()) return text;
    for (std::size_t at = text.find(from); at != std::string::npos;
         at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

std::vector<std::string> splitOn(std::string_view text,
                                 const std::vector<std::string>& separators) {
    std::vector<std::string> out;
    std::string piece;
    auto flush = [&] {
        std::string t = trimSpaces(piece);
        if (!t.empty()) out.push_back(std::move(t));
        piece.clear();
    };
    for (std::size_t i = 0; i < text.size();) {
        bool cut = false;
        for (const std::string& x : separators)
            if (!x.empty() && text.substr(i, x.size()) == x) {
                cut = true;
                i += x.size();
                break;
            }
        if (cut)
            flush();
        else
            piece += text[i++];
    }
    flush();
    return out;
}

std::string foldKey(std::string_view text) {
    const std::string in = lowerAscii(replaceAll(trimSpaces(text), kIdeographicSpace, " "));
    std::string out;
    for (char c : in) {
        if (isAsciiSpace(c)) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace pycast
