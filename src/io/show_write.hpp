// Writing show files: the model as versioned, pretty JSON, saved atomically. Any thread.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "core/error.hpp"
#include "core/show.hpp"
#include "io/atomic_file.hpp"  // callers of saveShowFile use its test hook and Status

namespace pycast {

nlohmann::ordered_json toJson(const Show& show);
std::string serializeShow(const Show& show);  // pretty JSON, UTF-8, trailing newline

// Saves atomically (writeFileAtomically with FILE.bak kept); on failure the original is
// untouched and the Error says what failed and what to do.
Status saveShowFile(const Show& show, const std::filesystem::path& file);

}  // namespace pycast
