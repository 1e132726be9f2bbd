// CSV as spreadsheets read and write it: encodings, the delimiter guess, rows, and safe cells.
#include <doctest/doctest.h>

#include "io/csv.hpp"

using namespace pycast;

namespace {
bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// "title,duration\n" as UTF-16 without a BOM, little- or big-endian.
std::string utf16(const std::string& ascii, bool bigEndian) {
    std::string out;
    for (char c : ascii) {
        if (bigEndian) out += '\0';
        out += c;
        if (!bigEndian) out += '\0';
    }
    return out;
}
}  // namespace

TEST_CASE(
    "csv: UTF-16 without a BOM gets the UTF-16 advice, not a header of NUL-separated letters") {
    for (bool bigEndian : {false, true}) {
        CAPTURE(bigEndian);
        Result<CsvTable> r = parseCsv(utf16("title,duration\r\nIntro,2:00\r\n", bigEndian));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message() ==
              "the file is UTF-16 (Excel's \"Unicode Text\"), not UTF-8; save it as \"CSV UTF-8 "
              "(Comma "
              "delimited)\" and import that");
    }
    // A stray NUL in an otherwise UTF-8 file is named, with its line.
    Result<CsvTable> nul = parseCsv(std::string("title,duration\nIntro,2:00\nOutro\0,1:00\n", 37));
    REQUIRE_FALSE(nul.ok());
    CHECK(nul.error().where == "line 3");
    CHECK(contains(nul.error().what, "NUL byte"));
}

TEST_CASE("csv: the delimiter guess follows the parser's quote rule") {
    // The quote is inside a cell, not at its start, so it opens nothing.
    CHECK(detectCsvDelimiter("Notes (max 5\");Title;Duration\n") == ';');
    Result<CsvTable> r = parseCsv("Notes (max 5\");Title;Duration\nx;Intro;2:00\n");
    REQUIRE(r.ok());
    CHECK(r->delimiter == ';');
    CHECK(r->header.fields == std::vector<std::string>{"Notes (max 5\")", "Title", "Duration"});
    // A quote at the start of a cell still hides what is inside it.
    CHECK(detectCsvDelimiter("\"a;b;c\",d\n") == ',');
    CHECK(detectCsvDelimiter("\"a,b\";c;d\n") == ';');
    // A header whose first cell spans two lines is read whole.
    CHECK(detectCsvDelimiter("\"Title\nline\";Duration;Kind\n") == ';');
}

TEST_CASE("csv: row numbers are the spreadsheet's, whatever the cells' line breaks") {
    Result<CsvTable> r =
        parseCsv("title,notes\nA,\"one\ntwo\nthree\"\n\nB,x\n\"C\",\"4\r\n5\"\nD,y\n");
    REQUIRE(r.ok());
    REQUIRE(r->records.size() == 4);
    CHECK(r->records[0].row == 2);
    CHECK(r->records[1].row == 4);  // row 3 is the blank line
    CHECK(r->records[2].row == 5);
    CHECK(r->records[3].row == 6);
    CHECK(r->records[3].line == 9);  // the file's line is kept too
}

TEST_CASE("csv: cells that a spreadsheet would run as formulas are neutralized, numbers are not") {
    CHECK(csvCell("=HYPERLINK(\"http://x\",\"y\")") ==
          "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    CHECK(csvCell("+cmd") == "'+cmd");
    CHECK(csvCell("-2+3+cmd|' /C calc'!A0") == "'-2+3+cmd|' /C calc'!A0");
    CHECK(csvCell("@SUM(A1)") == "'@SUM(A1)");
    CHECK(csvCell("\tx") == "\"'\tx\"");
    // Plain numbers and durations stay numbers, so a spreadsheet can still add them up.
    CHECK(csvCell("-00:05") == "-00:05");
    CHECK(csvCell("-12.345") == "-12.345");
    CHECK(csvCell("+01:30") == "+01:30");
    CHECK(csvCell("-1:05:00") == "-1:05:00");
    CHECK(csvCell("-") == "'-");
    CHECK(csvCell("-1.2.3") == "'-1.2.3");
    CHECK(csvCell("開場 = intro") == "開場 = intro");
    // Quoting as before, plus ';' and tabs for readers that split on those.
    CHECK(csvCell("a,b") == "\"a,b\"");
    CHECK(csvCell("a;b") == "\"a;b\"");
    CHECK(csvCell("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csvCell("two\nlines") == "\"two\nlines\"");
    // Reading back takes the prefix off.
    CHECK(unneutralizedCell("'=1+1") == "=1+1");
    CHECK(unneutralizedCell("'quoted'") == "'quoted'");
}

TEST_CASE("csv: a file for spreadsheets starts with the UTF-8 BOM and reads back the same") {
    CsvWriter w(true);
    w.row({"title", "notes"}).row({"開場", "=1+1"});
    CHECK(w.text() == "\xEF\xBB\xBFtitle,notes\r\n開場,'=1+1\r\n");
    CHECK(CsvWriter(false).row({"a"}).text() == "a\r\n");
    Result<CsvTable> back = parseCsv(w.text());
    REQUIRE(back.ok());
    CHECK(back->header.fields[0] == "title");
    CHECK(back->records[0].fields[0] == "開場");
}

TEST_CASE("the delimiter guess follows the data rows too: a semicolon inside a quoted header cell is not the delimiter") {
    CHECK(detectCsvDelimiter("Title,\"Notes; a; b; c\",Duration\nA,n,05:00\n") == ',');
    CHECK(detectCsvDelimiter("Notes (max 5\");Title;Duration\nx;A;05:00\n") == ';');
    CHECK(detectCsvDelimiter("title\tduration\nA\t05:00\n") == '\t');
}

TEST_CASE("a single-column Chinese CSV saved as UTF-16 without a BOM gets the UTF-16 advice") {
    // "標題\n開場\n" in UTF-16LE: the only NUL bytes are beside the line breaks.
    const std::string utf16("\x19\x6a\x4c\x98\n\0\x8b\x95\x34\x58\n\0", 12);
    auto r = parseCsv(utf16);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message().find("UTF-16") != std::string::npos);
}
