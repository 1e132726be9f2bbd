// Reading show files: strict JSON, every field checked, every problem at once. Any thread.
#pragma once

#include <cstdint>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/show.hpp"
#include "io/json_read.hpp"

namespace pycast {

constexpr int kShowFormatVersion = 1;

// A show and the problems that kept it from loading. The problem list is the validation
// result (each with its JSON path or line and column), so it is kept rather than folded into
// one Error; toError() turns one problem into the error convention.
struct LoadResult {
    std::optional<Show> show;       // set only when there are no problems
    std::vector<Problem> problems;  // every problem found, in document order
    bool ok() const { return show.has_value() && problems.empty(); }
};

// Parses and validates; reports every problem at once. Never throws.
LoadResult parseShow(const std::string& text);
// Larger files are refused before reading: a 3000-segment show is well under 1 MiB.
inline constexpr std::uintmax_t kMaxShowFileBytes = 64ull * 1024 * 1024;

// The same for a file; a file that cannot be read (or is not a regular file, or is larger than
// kMaxShowFileBytes) is one whole-file problem.
LoadResult loadShowFile(const std::filesystem::path& file);
// For callers that report a single error (a template, a session's show): the show, or the
// first problem as an Error (where: "FILE:LINE:COL: PATH"; remedy names how many more there are).
Result<Show> loadShow(const std::filesystem::path& file);

}  // namespace pycast
