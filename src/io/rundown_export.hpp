// The rundown as text people share: plain text, Markdown (pastes into HackMD), CSV, JSON.
#pragma once

#include <string>

#include "core/rundown.hpp"
#include "core/show.hpp"

namespace pycast {

enum class RundownFormat { Text, Markdown, Csv, Json };
std::optional<RundownFormat> rundownFormatFromString(const std::string& s);

// `csvBom`: CSV starts with the UTF-8 BOM a spreadsheet needs (leave it out for a terminal).
std::string renderRundown(const Show& show, RundownFormat format, bool csvBom = true);
std::string renderRundownText(const Show& show, const RundownAnalysis& a);
std::string renderRundownMarkdown(const Show& show, const RundownAnalysis& a);
// For spreadsheets: UTF-8 BOM (unless `bom` is false), cells through csvCell (quoted, formulas
// neutralized), CRLF rows; a fixed_start column so the file imports back with its fixed starts.
std::string renderRundownCsv(const Show& show, const RundownAnalysis& a, bool bom = true);
std::string renderRundownJson(const Show& show, const RundownAnalysis& a);

// "Ada Lin (Gogoro), Bo Chen" — speaker names with companies, ids for unknown people.
std::string speakerList(const Show& show, const std::vector<std::string>& ids, bool withCompany);

// Terminal columns a UTF-8 string takes: CJK characters, full-width forms and emoji take two,
// combining marks and variation selectors none.
int displayWidth(const std::string& utf8);
// One CSV field: csvCell (io/csv.hpp), kept under this name for its callers.
std::string csvField(const std::string& s);

}  // namespace pycast
