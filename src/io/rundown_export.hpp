// The rundown as text people share: plain text, Markdown (pastes into HackMD), CSV, JSON.
#pragma once

#include <string>

#include "core/rundown.hpp"
#include "core/show.hpp"

namespace pycast {

enum class RundownFormat { Text, Markdown, Csv, Json };
std::optional<RundownFormat> rundownFormatFromString(const std::string& s);

std::string renderRundown(const Show& show, RundownFormat format);
std::string renderRundownText(const Show& show, const RundownAnalysis& a);
std::string renderRundownMarkdown(const Show& show, const RundownAnalysis& a);
std::string renderRundownCsv(const Show& show, const RundownAnalysis& a);
std::string renderRundownJson(const Show& show, const RundownAnalysis& a);

// "Ada Lin (Gogoro), Bo Chen" — speaker names with companies, ids for unknown people.
std::string speakerList(const Show& show, const std::vector<std::string>& ids, bool withCompany);

// Terminal columns a UTF-8 string takes (CJK characters take two).
int displayWidth(const std::string& utf8);
// One CSV field, quoted when it holds a comma, quote or line break (RFC 4180).
std::string csvField(const std::string& s);

}  // namespace pycast
