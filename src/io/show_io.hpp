// Reading, validating and atomically writing show files (versioned JSON).
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/show.hpp"
#include "io/atomic_file.hpp"

namespace pycast {

constexpr int kShowFormatVersion = 1;

// One thing wrong with a file: where (JSON pointer, or line/column for syntax errors) and what.
struct Problem {
    std::string path;     // JSON pointer such as "/rundown/3/planned"; empty for whole-file problems
    std::string message;  // says what is wrong and what to write instead
    int line = 0;         // 1-based, 0 when not known
    int column = 0;
};

// "shows/x.json: /rundown/3/planned: "5 min" is not a duration (use mm:ss)"
std::string formatProblem(const std::string& file, const Problem& p);

struct LoadResult {
    std::optional<Show> show;        // set only when there are no problems
    std::vector<Problem> problems;   // every problem found, in document order
    bool ok() const { return show.has_value() && problems.empty(); }
};

// nlohmann copies and dumps JSON recursively, so a document nested thousands of levels deep
// overflows the stack. The 1-based byte offset (as nlohmann reports) of the first bracket
// nested deeper than `maxDepth`, or nothing; parse only text that passes.
std::optional<std::size_t> jsonNestedTooDeepAt(const std::string& text, int maxDepth);

// Parses and validates; reports every problem at once.
LoadResult parseShow(const std::string& text);
LoadResult loadShowFile(const std::filesystem::path& file);

// Checks the model itself (ids, references, durations); used after loading and before saving.
std::vector<Problem> validateShow(const Show& show);

nlohmann::ordered_json toJson(const Show& show);
std::string serializeShow(const Show& show);   // pretty JSON, UTF-8, trailing newline

// Saves atomically (writeFileAtomically with FILE.bak kept); on failure the original is
// untouched and the Error says what failed and what to do.
Status saveShowFile(const Show& show, const std::filesystem::path& file);

}  // namespace pycast
