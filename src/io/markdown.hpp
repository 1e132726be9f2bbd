// Text from a show made safe for Markdown (HackMD, GitHub) tables, lists and headings. Any thread.
#pragma once

#include <string>

namespace pycast {

// Shown as typed: '<' cannot open an HTML tag (&lt;), an '&' cannot start a character reference
// (&amp;lt;), '*' '_' '`' '[' ']' cannot start emphasis, code or a link, '|' cannot split a table
// cell, '\' cannot escape the next character (each gets a backslash), and a line break stays
// inside its table row or list item (<br>); '\r' is dropped.
std::string markdownCell(const std::string& text);
// The same on one line, for headings: a line break becomes a space.
std::string markdownLine(const std::string& text);

}  // namespace pycast
