// Markdown escaping for text people typed: names, titles, notes, questions.
#include "io/markdown.hpp"

namespace pycast {
namespace {

// "&lt;", "&#39;", "&amp;": an '&' that a renderer would read as a character reference.
bool startsEntity(const std::string& text, std::size_t at) {
    std::size_t i = at + 1;
    if (i < text.size() && text[i] == '#') ++i;
    const std::size_t nameStart = i;
    while (i < text.size() && i - nameStart < 32 &&
           ((text[i] >= 'a' && text[i] <= 'z') || (text[i] >= 'A' && text[i] <= 'Z') ||
            (text[i] >= '0' && text[i] <= '9')))
        ++i;
    return i > nameStart && i < text.size() && text[i] == ';';
}

std::string escaped(const std::string& text, const char* lineBreak) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        switch (c) {
            // Characters that start emphasis, code, links or a table cell, and the backslash
            // that would otherwise escape the next one, are written as themselves.
            case '\\': case '|': case '*': case '_': case '`': case '[': case ']':
                out += '\\';
                out += c;
                break;
            case '<': out += "&lt;"; break;
            case '&': out += startsEntity(text, i) ? "&amp;" : "&"; break;
            case '\n': out += lineBreak; break;
            case '\r': break;
            default: out += c;
        }
    }
    return out;
}

}  // namespace

std::string markdownCell(const std::string& text) { return escaped(text, "<br>"); }
std::string markdownLine(const std::string& text) { return escaped(text, " "); }

}  // namespace pycast
