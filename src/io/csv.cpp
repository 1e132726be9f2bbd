// RFC 4180 CSV for spreadsheets: a reader (UTF-8, delimiter, rows) and a safe writer.
#include "io/csv.hpp"

#include <tuple>

#include "core/text.hpp"

#include <algorithm>
#include <cstdio>
#include <utility>

namespace pycast {
namespace {

bool startsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

std::string stripBom(const std::string& bytes) {
    return startsWith(bytes, "\xEF\xBB\xBF") ? bytes.substr(3) : bytes;
}

bool isBlank(const std::string& s) { return s.find_first_not_of(" \t") == std::string::npos; }

std::string hexByte(unsigned char b) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", static_cast<unsigned>(b));
    return buf;
}

}  // namespace

std::optional<Utf8Error> findInvalidUtf8(const std::string& bytes) {
    const std::optional<std::size_t> at = invalidUtf8At(bytes);
    if (!at) return std::nullopt;
    int line = 1;
    std::size_t lineStart = 0;
    for (std::size_t i = 0; i < *at; ++i)
        if (bytes[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    return Utf8Error{line, static_cast<int>(*at - lineStart) + 1,
                     static_cast<unsigned char>(bytes[*at])};
}

namespace {

// One record read from `i` with the parser's rules; `next` and `nextLine` say where the next
// one starts.
struct RecordScan {
    CsvRecord rec;
    bool blank = false;         // nothing but spaces: a spreadsheet's empty row
    bool unterminated = false;  // a quoted cell runs to the end of the file
    int quoteLine = 0;          // where that quoted cell opened
    size_t next = 0;
    int nextLine = 0;
};

RecordScan scanRecord(const std::string& text, size_t i, char delimiter, int line) {
    RecordScan scan;
    CsvRecord& rec = scan.rec;
    rec.line = line;
    const size_t n = text.size();
    const size_t start = i;
    size_t end = n;  // where the record's text ends (before its line break)
    std::string field;
    bool inQuotes = false;
    bool fieldQuoted = false;
    while (i < n) {
        const char c = text[i];
        if (inQuotes) {
            if (c == '"') {
                if (i + 1 < n && text[i + 1] == '"') {
                    field += '"';
                    i += 2;
                    continue;
                }
                inQuotes = false;
            } else {
                if (c == '\n' || (c == '\r' && (i + 1 >= n || text[i + 1] != '\n'))) ++line;
                field += c;
            }
            ++i;
        } else if (c == '"' && field.empty() && !fieldQuoted) {
            inQuotes = true;
            fieldQuoted = true;
            scan.quoteLine = line;
            ++i;
        } else if (c == delimiter) {
            rec.fields.push_back(std::move(field));
            field.clear();
            fieldQuoted = false;
            ++i;
        } else if (c == '\r' || c == '\n') {
            end = i;
            i += (c == '\r' && i + 1 < n && text[i + 1] == '\n') ? 2 : 1;
            ++line;
            break;
        } else {
            // Lenient like spreadsheets: a stray quote inside an unquoted field is kept.
            field += c;
            ++i;
        }
    }
    scan.unterminated = inQuotes;
    scan.blank = rec.fields.empty() && !fieldQuoted && isBlank(field);
    rec.fields.push_back(std::move(field));
    rec.raw = text.substr(start, end - start);
    scan.next = i;
    scan.nextLine = line;
    return scan;
}

// Where the first non-blank record starts.
size_t headerStart(const std::string& text) {
    size_t i = 0;
    while (i < text.size()) {
        size_t end = text.find_first_of("\r\n", i);
        if (end == std::string::npos) end = text.size();
        if (!isBlank(text.substr(i, end - i))) break;
        i = end + 1;
    }
    return i;
}

Error utf16Error() {
    return Error{"the file is UTF-16 (Excel's \"Unicode Text\"), not UTF-8", "",
                 "save it as \"CSV UTF-8 (Comma delimited)\" and import that"};
}

}  // namespace

char detectCsvDelimiter(const std::string& raw) {
    const std::string text = stripBom(raw);
    const size_t start = headerStart(text);
    if (start >= text.size()) return ',';
    // The delimiter that splits the header into the most cells and the rows below it into as
    // many: a ';' inside a quoted header cell splits the header but not the data rows.
    struct Score {
        size_t consistentRows = 0;
        size_t headerCells = 0;
    };
    Score best;
    char chosen = ',';
    for (char d : {',', ';', '\t'}) {
        RecordScan scan = scanRecord(text, start, d, 1);
        Score s;
        s.headerCells = scan.rec.fields.size();
        for (int rows = 0; rows < 8 && scan.next < text.size() && !scan.unterminated;) {
            scan = scanRecord(text, scan.next, d, scan.nextLine);
            if (scan.blank) continue;
            ++rows;
            if (scan.rec.fields.size() == s.headerCells && s.headerCells > 1) ++s.consistentRows;
        }
        if (std::tie(s.consistentRows, s.headerCells) > std::tie(best.consistentRows, best.headerCells)) {
            best = s;
            chosen = d;
        }
    }
    return chosen;
}

Result<CsvTable> parseCsv(const std::string& bytes) {
    return parseCsv(bytes, detectCsvDelimiter(bytes));
}

Result<CsvTable> parseCsv(const std::string& bytes, char delimiter) {
    if (startsWith(bytes, "\xFF\xFE") || startsWith(bytes, "\xFE\xFF")) return utf16Error();
    const std::string text = stripBom(bytes);
    if (const size_t nul = text.find('\0'); nul != std::string::npos) {
        if (looksLikeUtf16(text)) return utf16Error();
        int line = 1;
        for (size_t k = 0; k < nul; ++k)
            if (text[k] == '\n') ++line;
        return Error{
            "a NUL byte (0x00); a CSV file is text, so this one is damaged or is another kind of "
            "file",
            "line " + std::to_string(line),
            "export the sheet again as \"CSV UTF-8 (Comma delimited)\" and import that"};
    }
    if (auto bad = findInvalidUtf8(text)) {
        return Error{
            hexByte(bad->byte) +
                " is not UTF-8; the file was probably saved as Big5 or another legacy encoding",
            "line " + std::to_string(bad->line) + ", byte " + std::to_string(bad->column),
            "save it as \"CSV UTF-8 (Comma delimited)\" (Excel: File > Save As; Google Sheets and "
            "LibreOffice: choose UTF-8) and import that"};
    }

    CsvTable table;
    table.delimiter = delimiter;
    bool haveHeader = false;
    size_t i = 0;
    int line = 1;
    int row = 0;
    while (i < text.size()) {
        RecordScan scan = scanRecord(text, i, delimiter, line);
        ++row;
        if (scan.unterminated) {
            return Error{"a quoted field starts here but its closing \" is missing",
                         "row " + std::to_string(row),
                         "add it (a \" inside a quoted field is written twice: \"\")"};
        }
        i = scan.next;
        line = scan.nextLine;
        if (scan.blank) continue;
        scan.rec.row = row;
        if (!haveHeader) {
            table.header = std::move(scan.rec);
            haveHeader = true;
        } else {
            table.records.push_back(std::move(scan.rec));
        }
    }
    if (!haveHeader)
        return Error{"the file is empty", "", "it needs a header line naming the columns"};
    return table;
}

bool isPlainNumberOrDuration(const std::string& text) {
    size_t i = 0;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    bool digits = false, dot = false, colon = false;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9') {
            digits = true;
        } else if ((c == '.' && !dot && !colon) || (c == ':' && !dot)) {
            if (!digits) return false;  // a separator needs digits before it
            (c == '.' ? dot : colon) = true;
            digits = false;
        } else {
            return false;
        }
    }
    return digits;
}

std::string csvCell(const std::string& text) {
    std::string s = text;
    const char first = s.empty() ? '\0' : s[0];
    const bool formulaLike = first == '=' || first == '+' || first == '-' || first == '@' ||
                             first == '\t' || first == '\r';
    if (formulaLike && !isPlainNumberOrDuration(s)) s.insert(0, 1, '\'');
    if (s.find_first_of(",;\t\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string unneutralizedCell(const std::string& cell) {
    if (cell.size() >= 2 && cell[0] == '\'' &&
        (cell[1] == '=' || cell[1] == '+' || cell[1] == '-' || cell[1] == '@' || cell[1] == '\t' ||
         cell[1] == '\r'))
        return cell.substr(1);
    return cell;
}

CsvWriter& CsvWriter::row(const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) {
        if (i) m_text += ',';
        m_text += csvCell(cells[i]);
    }
    m_text += m_lineEnd;
    return *this;
}

std::string csvCellText(const std::string& cell) {
    return trimSpaces(unneutralizedCell(replaceAll(cell, "\r\n", "\n")));
}

std::string csvCellAt(const CsvRecord& record, int column) {
    return column >= 0 && static_cast<std::size_t>(column) < record.fields.size()
               ? csvCellText(record.fields[static_cast<std::size_t>(column)])
               : std::string();
}

bool isBlankCsvRecord(const CsvRecord& record) {
    for (const auto& f : record.fields)
        if (!trimSpaces(f).empty()) return false;
    return true;
}

}  // namespace pycast
