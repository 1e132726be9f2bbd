// Text helpers shared by file names and folder names (any thread; pure functions).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pycast {

// Which letters a slug keeps.
enum class SlugLetters {
    Ascii,    // a-z and 0-9 only (session folders: safe in any shell, URL or zip tool)
    Unicode,  // also non-ASCII letters such as Chinese (file names the user sees and keeps)
};

// The one slug function: ASCII letters lowercased, digits kept; spaces and punctuation (ASCII,
// and with Unicode also general, CJK and full-width punctuation such as "：", "、") become one
// '-'; no '-' at either end; at most `maxBytes` bytes, cut at a character boundary. Returns
// `fallback` when nothing is left. Invalid UTF-8 bytes count as punctuation.
std::string slugify(std::string_view text, SlugLetters letters, std::string_view fallback,
                    std::size_t maxBytes = 60);

// "18.9%" (decimals 1), "40%" (decimals 0): the one way a share is written.
std::string formatPercent(double value, int decimals);

// Text saved as UTF-16 without a BOM (Excel's "Unicode Text", Windows tools) instead of UTF-8:
// NUL bytes on one parity only — beside nearly every ASCII letter, or at least beside every line
// break of a text that is all Chinese. Looks at the first 4 KiB.
bool looksLikeUtf16(std::string_view bytes);

}  // namespace pycast
