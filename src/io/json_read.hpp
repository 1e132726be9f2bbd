// Strict JSON reading: exceptions caught, duplicate keys and stray bytes refused. Any thread.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace pycast {

// One thing wrong with a file: where (JSON pointer, or line/column for syntax errors) and what.
// A list of these is how validation reports every problem at once; Error is the single-problem
// form used at other boundaries (toError).
struct Problem {
    std::string path;  // JSON pointer such as "/rundown/3/planned"; empty for whole-file problems
    std::string message;  // says what is wrong and what to write instead
    int line = 0;         // 1-based, 0 when not known
    int column = 0;       // 1-based, in characters
};

// "shows/x.json:5:10: /rundown/3/planned: "5 min" is not a duration (use mm:ss)"
std::string formatProblem(const std::string& file, const Problem& p);
// The same problem in the one error convention: where = "FILE:LINE:COL: PATH".
Error toError(const std::string& file, const Problem& p);

// nlohmann copies and dumps JSON recursively, so a document nested thousands of levels deep
// overflows the stack. The 1-based byte offset (as nlohmann reports) of the first bracket
// nested deeper than `maxDepth`, or nothing; parse only text that passes.
std::optional<std::size_t> jsonNestedTooDeepAt(const std::string& text, int maxDepth);

// 1-based line and column (in UTF-8 characters) of the 1-based byte offset `byte`.
void lineAndColumn(const std::string& text, std::size_t byte, int& line, int& column);

constexpr int kMaxJsonNesting = 100;

// Parses one JSON document, adding a Problem for everything wrong with it: a syntax error, a
// number too large to hold (1e400), a NUL byte or anything else after the value, nesting
// deeper than `maxDepth` (each with line and column), and every key that appears twice in one
// object (with its JSON path; otherwise the last would silently win), and every whole number
// beyond 64 bits (it would be kept only rounded; with its path). Returns the document
// when it could be read, even with duplicate keys, so a caller can go on to report the rest;
// nothing the JSON library throws escapes.
std::optional<nlohmann::json> parseJsonDocument(const std::string& text,
                                                std::vector<Problem>& problems,
                                                int maxDepth = kMaxJsonNesting);

// The same for files that are not shows (the recent list, autosaves): the document, or the
// first problem as an Error whose `where` is `file`.
Result<nlohmann::json> parseJsonFile(const std::string& text, const std::string& file);

// A JSON pointer token: "~" and "/" escaped as "~0" and "~1" (RFC 6901).
std::string jsonPointerToken(const std::string& key);

}  // namespace pycast
