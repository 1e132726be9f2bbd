// Text helpers shared by file names and folder names (any thread; pure functions).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

// The byte offset of the first byte that does not begin a valid UTF-8 sequence (overlong
// forms, UTF-16 surrogates and code points above U+10FFFF are invalid, RFC 3629 §4);
// nullopt when all of `text` is valid.
std::optional<std::size_t> invalidUtf8At(std::string_view text);

// Unicode code points in valid UTF-8 text (what a person calls characters: "問題" is 2).
std::size_t codePointCount(std::string_view text);

// The byte offset of the first control character other than tab and newline: C0 (NUL, CR,
// ESC …), DEL and C1 (U+0080–U+009F). Printed to a terminal or a screen they hide or rewrite
// what is shown (or end the string early for C code). With `allowLineBreaks` false, tab and
// newline count as control characters too (a name is one line).
std::optional<std::size_t> controlCharacterAt(std::string_view text, bool allowLineBreaks = true);

// `text` without those characters (CR LF becomes LF when line breaks are allowed).
std::string stripControlCharacters(std::string_view text, bool allowLineBreaks = true);

// `text` without white space at either end: ASCII space, tab, CR, LF, vertical tab, form feed
// and the ideographic space U+3000 that Chinese input methods type.
std::string trimSpaces(std::string_view text);

// ASCII letters lower-cased; every other byte as it is (UTF-8 stays valid).
std::string lowerAscii(std::string_view text);

// Every `from` in `text` replaced by `to`, left to right, never rescanning what was put in.
std::string replaceAll(std::string text, std::string_view from, std::string_view to);

// `text` split at any of `separators` (UTF-8 strings, e.g. "," "、"), each piece trimmed
// (trimSpaces), empty pieces dropped.
std::vector<std::string> splitOn(std::string_view text,
                                 const std::vector<std::string>& separators);

// How names, topics and header cells are compared: trimmed, runs of white space (ideographic
// spaces and line breaks too) as one ASCII space, ASCII letters lower-cased.
std::string foldKey(std::string_view text);

// "U+001B" for the control character at byte `at` of `text` (as found by controlCharacterAt).
std::string describeCodePointAt(std::string_view text, std::size_t at);

}  // namespace pycast
