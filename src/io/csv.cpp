// An RFC 4180 CSV reader for spreadsheet exports: UTF-8 checked, delimiter detected, lines counted.
#include "io/csv.hpp"

#include <cstdio>

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
    int line = 1;
    size_t lineStart = 0;
    const size_t n = bytes.size();
    for (size_t i = 0; i < n;) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c == '\n') {
            ++line;
            lineStart = i + 1;
        }
        if (c < 0x80) {
            ++i;
            continue;
        }
        size_t len = 0;
        unsigned char lo = 0x80, hi = 0xBF;   // the allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) len = 2;
        else if (c == 0xE0) { len = 3; lo = 0xA0; }        // no overlong forms
        else if (c == 0xED) { len = 3; hi = 0x9F; }        // no UTF-16 surrogates
        else if (c >= 0xE1 && c <= 0xEF) len = 3;
        else if (c == 0xF0) { len = 4; lo = 0x90; }
        else if (c == 0xF4) { len = 4; hi = 0x8F; }        // nothing above U+10FFFF
        else if (c >= 0xF1 && c <= 0xF3) len = 4;
        bool valid = len != 0 && i + len <= n;
        for (size_t k = 1; valid && k < len; ++k) {
            const auto b = static_cast<unsigned char>(bytes[i + k]);
            valid = k == 1 ? (b >= lo && b <= hi) : (b >= 0x80 && b <= 0xBF);
        }
        if (!valid) return Utf8Error{line, static_cast<int>(i - lineStart) + 1, c};
        i += len;
    }
    return std::nullopt;
}

char detectCsvDelimiter(const std::string& raw) {
    const std::string text = stripBom(raw);
    size_t i = 0;
    // The header is the first line that is not blank.
    while (i < text.size()) {
        size_t end = text.find_first_of("\r\n", i);
        if (end == std::string::npos) end = text.size();
        if (!isBlank(text.substr(i, end - i))) break;
        i = end + 1;
    }
    int commas = 0, semicolons = 0, tabs = 0;
    bool quoted = false;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"') quoted = !quoted;   // a doubled quote toggles twice: no change
        else if (quoted) continue;
        else if (c == '\r' || c == '\n') break;
        else if (c == ',') ++commas;
        else if (c == ';') ++semicolons;
        else if (c == '\t') ++tabs;
    }
    if (semicolons > commas && semicolons >= tabs) return ';';
    if (tabs > commas && tabs > semicolons) return '\t';
    return ',';
}

CsvParse parseCsv(const std::string& bytes) { return parseCsv(bytes, detectCsvDelimiter(bytes)); }

CsvParse parseCsv(const std::string& bytes, char delimiter) {
    CsvParse result;
    if (startsWith(bytes, "\xFF\xFE") || startsWith(bytes, "\xFE\xFF")) {
        result.error =
            "the file is UTF-16 (Excel's \"Unicode Text\"), not UTF-8; save it as \"CSV UTF-8 "
            "(Comma delimited)\" and import that";
        return result;
    }
    const std::string text = stripBom(bytes);
    if (auto bad = findInvalidUtf8(text)) {
        result.errorLine = bad->line;
        result.error = "line " + std::to_string(bad->line) + ", byte " + std::to_string(bad->column) + ": " +
                       hexByte(bad->byte) +
                       " is not UTF-8; the file was probably saved as Big5 or another legacy encoding. "
                       "Save it as \"CSV UTF-8 (Comma delimited)\" (Excel: File > Save As; Google "
                       "Sheets and LibreOffice: choose UTF-8) and import that";
        return result;
    }

    CsvTable table;
    table.delimiter = delimiter;
    bool haveHeader = false;
    const size_t n = text.size();
    size_t i = 0;
    int line = 1;
    while (i < n) {
        CsvRecord rec;
        rec.line = line;
        const size_t start = i;
        size_t end = n;           // where the record's text ends (before its line break)
        std::string field;
        bool inQuotes = false;
        bool fieldQuoted = false;
        int quoteLine = 0;
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
                quoteLine = line;
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
        if (inQuotes) {
            result.errorLine = quoteLine;
            result.error = "line " + std::to_string(quoteLine) +
                           ": a quoted field starts here but its closing \" is missing; add it (a \" "
                           "inside a quoted field is written twice: \"\")";
            return result;
        }
        const bool blank = rec.fields.empty() && !fieldQuoted && isBlank(field);
        rec.fields.push_back(std::move(field));
        rec.raw = text.substr(start, end - start);
        if (blank) continue;
        if (!haveHeader) {
            table.header = std::move(rec);
            haveHeader = true;
        } else {
            table.records.push_back(std::move(rec));
        }
    }
    if (!haveHeader) {
        result.error = "the file is empty; it needs a header line naming the columns";
        return result;
    }
    result.table = std::move(table);
    return result;
}

}  // namespace pycast
