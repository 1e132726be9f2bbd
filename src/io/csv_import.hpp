// Importing rundown segments from a CSV file: preview first (mapping, segments, bad rows), then apply.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/show.hpp"

namespace pycast {

// Which CSV column (0-based) feeds each segment field; -1 when none. title and duration are required.
struct ColumnMapping {
    int title = -1;
    int kind = -1;
    int duration = -1;
    int speakers = -1;
    int notes = -1;
    int fixedStart = -1;   // a time of day (HH:MM) the segment must start at, as our CSV export writes it
    bool operator==(const ColumnMapping&) const = default;
};

struct ImportOptions {
    bool addUnknownPeople = false;          // unknown speakers become new guests instead of bad rows
    std::optional<ColumnMapping> mapping;   // the GUI's dropdowns; detected from the header when unset
};

// One row that cannot become a segment, with every reason found.
struct RowProblem {
    int row = 0;                            // the spreadsheet's row number (the header is row 1;
                                            // a quoted multi-line cell is one row)
    std::vector<std::string> reasons;
    std::string raw;                        // the row as written in the file
    std::vector<std::string> unknownSpeakers;   // names no person matched (the GUI can offer to add them)
};

struct ImportPreview {
    std::vector<Segment> segments;          // the good rows, with fresh ids, in file order
    std::vector<int> segmentRows;           // the spreadsheet row each segment came from
    std::vector<Person> newPeople;          // guests to add (only with addUnknownPeople)
    std::vector<RowProblem> badRows;
    ColumnMapping mapping;
    std::vector<std::string> headers;       // the header line's cells, trimmed
    std::string fileError;                  // the file could not be read or mapped; then no rows
    char delimiter = ',';

    // Applying is allowed only when the whole file imports cleanly.
    bool canApply() const { return fileError.empty() && badRows.empty(); }
};

// Reads the CSV and matches it against the show; the show is not changed.
ImportPreview previewCsvImport(const Show& show, const std::string& csvBytes, const ImportOptions& options = {});
// The same for a file; an unreadable file is a fileError that names it.
ImportPreview previewCsvImportFile(const Show& show, const std::filesystem::path& file,
                                   const ImportOptions& options = {});

// What applyImport added, so an undo command can take exactly that back out.
struct ImportApplied {
    int at = 0;                             // index of the first inserted segment
    std::vector<std::string> segmentIds;
    std::vector<std::string> personIds;
};

// Inserts the preview's segments before index insertAt (-1 or past the end: append) and appends its
// new people. Deterministic: the same show and preview give the same result. Should the show
// have gained one of the preview's ids since the preview was made, that id gets a "-2" style
// suffix (and speaker references follow). Does nothing when !preview.canApply().
ImportApplied applyImport(Show& show, const ImportPreview& preview, int insertAt = -1);

// Header mapping from the header cells (English and Traditional Chinese names, any case).
ColumnMapping detectColumns(const std::vector<std::string>& headers);
// A kind as people write it: our names ("guest-intro"), English ("Q&A", "lightning talk") and
// Chinese ("技術", "問答", "來賓介紹"); nullopt when unknown.
std::optional<SegmentKind> segmentKindFromAlias(const std::string& text);
// A planned length as spreadsheets hold it: "5:00", "1:05:00", "5", "2.5", "5 min", "5分鐘",
// full-width digits ("０５:００") too; with `decimalComma` (a ';'- or tab-separated file, from a
// locale that writes 2,5) "2,5" is 2.5 minutes. nullopt for empty, negative or unreadable text.
std::optional<Seconds> parsePlannedLength(const std::string& text, bool decimalComma = false);

// "row 4: duration "abc" is not a length (use mm:ss or minutes); speaker "Bob" is not ..."
std::string formatRowProblem(const RowProblem& p);
// "title <- \"標題\" (column 1), kind <- (none: experience), ...; ignored: \"id\""
std::string describeMapping(const ColumnMapping& m, const std::vector<std::string>& headers);

}  // namespace pycast
