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

}  // namespace pycast
