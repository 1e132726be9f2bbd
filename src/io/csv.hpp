// CSV as spreadsheets read and write it: RFC 4180, UTF-8, row numbers, safe cells. Any thread.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace pycast {

// One record: its fields, its spreadsheet row and the line it starts on, and its text as
// written, without the line break that ends it.
struct CsvRecord {
    int row = 0;   // 1-based row a spreadsheet shows it on: a quoted multi-line cell is one row,
                   // a blank line is an (empty) row
    int line = 0;  // 1-based line of the file it starts on
    std::vector<std::string> fields;
    std::string raw;
};

struct CsvTable {
    char delimiter = ',';
    CsvRecord header;                // the first non-blank record
    std::vector<CsvRecord> records;  // the rest, blank lines left out
};

// Parses CSV text. A UTF-8 BOM is skipped; bytes that are not UTF-8 (Big5, UTF-16 with or
// without a BOM, Latin-1) are an Error that tells the user to save as "CSV UTF-8". The
// delimiter is detectCsvDelimiter's. Quoted fields may hold delimiters, doubled quotes and
// line breaks; rows may end in CRLF or LF; an empty file is an Error. Error::where names the
// row ("row 3") or line, for problems that have one.
Result<CsvTable> parseCsv(const std::string& bytes);
// The same with a delimiter chosen by the caller.
Result<CsvTable> parseCsv(const std::string& bytes, char delimiter);

// The 1-based line and the byte of the first invalid UTF-8 sequence; nullopt when valid.
struct Utf8Error {
    int line = 0;
    int column = 0;  // 1-based byte within the line
    unsigned char byte = 0;
};
std::optional<Utf8Error> findInvalidUtf8(const std::string& bytes);

// The delimiter of the header record: ',' ';' or '\t', whichever splits it into the most
// cells when read with the parser's own quote rule (a quote opens a quoted cell only at the
// start of a cell, so `Notes (max 5");Title` is two ';'-separated cells). Ties go to ',',
// then ';'.
char detectCsvDelimiter(const std::string& bytes);

// Writing CSV for spreadsheets ------------------------------------------------------------

// The UTF-8 byte order mark; Excel needs it to read a CSV as UTF-8 (Chinese text otherwise
// opens as mojibake on a zh-TW Windows).
inline constexpr const char* kUtf8Bom = "\xEF\xBB\xBF";

// One CSV cell, safe to open in a spreadsheet: quoted when it holds the delimiter ',' ';' or
// a tab, a quote or a line break (quotes doubled, RFC 4180); and, when it begins with = + - @
// (or a tab or carriage return) and is not a plain number or duration such as "-12.5" or
// "-00:05", prefixed with ' so a spreadsheet shows it as text instead of running it as a
// formula (the OWASP rule for CSV injection). Numbers stay numbers, so sums still work.
std::string csvCell(const std::string& text);
// True for the cells csvCell leaves unprefixed although they begin with + or -: an optional
// sign, digits, and at most one '.' or any ':'-separated digit groups ("-1.5", "+01:30:00").
bool isPlainNumberOrDuration(const std::string& text);
// Undoes csvCell's prefix when reading a cell back: "'=SUM(A1)" → "=SUM(A1)".
std::string unneutralizedCell(const std::string& cell);
// A cell as an import keeps it: CRLF inside a quoted cell becomes LF, a formula guard ' that a
// CSV writer added is taken off (our own exports import back as they were), ends trimmed.
std::string csvCellText(const std::string& cell);
// csvCellText of the record's cell in `column` (0-based); "" when the column is -1 (not
// mapped) or the row is shorter.
std::string csvCellAt(const CsvRecord& record, int column);
// A spreadsheet's empty row (",,,," or only spaces): imports skip it.
bool isBlankCsvRecord(const CsvRecord& record);

// Builds a CSV table row by row through csvCell.
class CsvWriter {
public:
    // `bom`: start with the UTF-8 BOM (for files a spreadsheet opens; not for a terminal).
    // `lineEnd`: CRLF as RFC 4180 and Excel write it, or "\n" for a file that always had LF.
    explicit CsvWriter(bool bom, const char* lineEnd = "\r\n") : m_lineEnd(lineEnd) {
        if (bom) m_text = kUtf8Bom;
    }
    CsvWriter& row(const std::vector<std::string>& cells);
    const std::string& text() const { return m_text; }

private:
    std::string m_text;
    const char* m_lineEnd;
};

}  // namespace pycast
