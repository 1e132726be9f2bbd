// Reading CSV as spreadsheets write it (RFC 4180, UTF-8, comma/semicolon/tab), row numbers kept.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace pycast {

// One record: its fields, the line it starts on (1-based, the header's line is 1 in a file that
// starts with it) and its text as written, without the line break that ends it.
struct CsvRecord {
    int line = 0;
    std::vector<std::string> fields;
    std::string raw;
};

struct CsvTable {
    char delimiter = ',';
    CsvRecord header;                  // the first non-blank record
    std::vector<CsvRecord> records;    // the rest, blank lines left out
};

struct CsvParse {
    std::optional<CsvTable> table;     // set only when there is no error
    std::string error;                 // says what is wrong, where, and what to do
    int errorLine = 0;                 // 1-based, 0 when the problem is the whole file
    bool ok() const { return table.has_value(); }
};

// Parses CSV text. A UTF-8 BOM is skipped; bytes that are not UTF-8 (Big5, UTF-16, Latin-1)
// are an error that tells the user to save as "CSV UTF-8". The delimiter is ',' unless the
// header line (outside quotes) holds more ';' or tabs. Quoted fields may hold delimiters,
// doubled quotes and line breaks; rows may end in CRLF or LF; an empty file is an error.
CsvParse parseCsv(const std::string& bytes);
// The same with a delimiter chosen by the caller.
CsvParse parseCsv(const std::string& bytes, char delimiter);

// The 1-based line and the byte of the first invalid UTF-8 sequence; nullopt when valid.
struct Utf8Error {
    int line = 0;
    int column = 0;                    // 1-based byte within the line
    unsigned char byte = 0;
};
std::optional<Utf8Error> findInvalidUtf8(const std::string& bytes);

// The delimiter the header line suggests: ',' ';' or '\t'.
char detectCsvDelimiter(const std::string& bytes);

}  // namespace pycast
