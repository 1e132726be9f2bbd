// Markdown escaping for text people typed: names, titles, notes, questions.
#include "io/markdown.hpp"

namespace pycast {
namespace {

std::string escaped(const std::string& text, const char* lineBreak) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c == '|')
            out += "\\|";
        else if (c == '*')
            out += "\\*";
        else if (c == '<')
            out += "&lt;";
        else if (c == '\n')
            out += lineBreak;
        else if (c != '\r')
            out += c;
    }
    return out;
}

}  // namespace

std::string markdownCell(const std::string& text) { return escaped(text, "<br>"); }
std::string markdownLine(const std::string& text) { return escaped(text, " "); }

}  // namespace pycast
