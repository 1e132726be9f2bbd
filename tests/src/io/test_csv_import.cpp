// Importing segments from CSV: the reader, header mapping, bad rows, round trips, applying, the CLI.
#include <doctest/doctest.h>

#include <set>
#include <sstream>

#include "io/csv.hpp"
#include "io/csv_import.hpp"
#include "core/duration.hpp"
#include "core/rundown.hpp"
#include "io/rundown_export.hpp"
#include "io/show_io.hpp"
#include "test_support.hpp"

using namespace pycast;
using namespace pycast::test;

namespace {

Show sample(const char* name) {
    LoadResult r = loadShowFile(showsDir() / name);
    REQUIRE(r.ok());
    return *r.show;
}

std::filesystem::path csvData(const char* name) { return dataDir() / "csv" / name; }

ImportPreview previewOf(const char* name, const ImportOptions& options = {}) {
    return previewCsvImportFile(sample("pycast-episode.json"), csvData(name), options);
}

std::vector<std::string> titles(const std::vector<Segment>& segments) {
    std::vector<std::string> out;
    for (const auto& s : segments) out.push_back(s.title);
    return out;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const RowProblem* badRow(const ImportPreview& p, int row) {
    for (const auto& b : p.badRows)
        if (b.row == row) return &b;
    return nullptr;
}

std::string q(const std::filesystem::path& p) { return "\"" + p.string() + "\""; }

}  // namespace

TEST_CASE("csv: quoted commas, doubled quotes and line breaks, CRLF or LF, blank lines skipped") {
    Result<CsvTable> r = parseCsv("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n\r\nlast,,\n");
    REQUIRE(r.ok());
    CHECK(r->header.fields == std::vector<std::string>{"a", "b", "c"});
    REQUIRE(r->records.size() == 2);
    CHECK(r->records[0].fields == std::vector<std::string>{"x, y", "say \"hi\"", "two\r\nlines"});
    CHECK(r->records[0].line == 2);
    CHECK(r->records[1].fields == std::vector<std::string>{"last", "", ""});
    CHECK(r->records[1].line == 5);   // after a two-line record and a blank line
    CHECK(r->records[1].raw == "last,,");
    // Rows as a spreadsheet numbers them: the two-line record is row 2, the blank line row 3.
    CHECK(r->header.row == 1);
    CHECK(r->records[0].row == 2);
    CHECK(r->records[1].row == 4);
}

TEST_CASE("csv: the delimiter comes from the header line") {
    CHECK(detectCsvDelimiter("a;b;c\n1,5;2;3\n") == ';');
    CHECK(detectCsvDelimiter("a\tb\n") == '\t');
    CHECK(detectCsvDelimiter("\xEF\xBB\xBF\"x;y\",b\n") == ',');   // a quoted ';' does not count
    CHECK(detectCsvDelimiter("title\n") == ',');
}

TEST_CASE("csv: an unterminated quote is an error at the line it opens") {
    Result<CsvTable> r = parseCsv(readFile(csvData("unterminated-quote.csv")));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().where == "row 3");
    CHECK(contains(r.error().message(), "row 3: a quoted field starts here but its closing \" is missing"));
}

TEST_CASE("csv: Big5, UTF-16 and other non-UTF-8 bytes are refused with what to do") {
    Result<CsvTable> big5 = parseCsv(readFile(csvData("big5.csv")));
    REQUIRE_FALSE(big5.ok());
    CHECK(big5.error().where.rfind("line 1,", 0) == 0);
    CHECK(contains(big5.error().message(), "is not UTF-8"));
    CHECK(contains(big5.error().message(), "Big5"));
    CHECK(contains(big5.error().message(), "CSV UTF-8"));

    Result<CsvTable> utf16 = parseCsv(std::string("\xFF\xFE t\0i\0", 8));
    REQUIRE_FALSE(utf16.ok());
    CHECK(contains(utf16.error().message(), "UTF-16"));

    auto overlong = findInvalidUtf8("ok 標題\nline two \xC0\xAF");   // an overlong '/'
    REQUIRE(overlong.has_value());
    CHECK(overlong->line == 2);
    CHECK(overlong->column == 10);
    CHECK_FALSE(findInvalidUtf8("標題 🎙️ ok").has_value());
    CHECK(parseCsv("").error().message() == "the file is empty; it needs a header line naming the columns");

    ImportPreview p = previewOf("big5.csv");
    CHECK_FALSE(p.canApply());
    CHECK(contains(p.fileError, "CSV UTF-8"));
}

TEST_CASE("import: UTF-8 with and without a BOM read the same") {
    ImportPreview bom = previewOf("excel-utf8-bom.csv");
    ImportPreview plain = previewOf("plain-utf8.csv");
    REQUIRE(bom.canApply());
    REQUIRE(plain.canApply());
    CHECK(bom.headers == plain.headers);
    CHECK(bom.headers[0] == "Title");   // no BOM left on the first header
    CHECK(titles(bom.segments) == titles(plain.segments));
    CHECK(titles(bom.segments) ==
          std::vector<std::string>{"Intro, and the rules", "The \"big\" rewrite", "Wrap-up"});
    REQUIRE(bom.segments.size() == 3);
    CHECK(bom.segments[1].kind == SegmentKind::Tech);
    CHECK(bom.segments[1].planned == 600);
    CHECK(bom.segments[1].speakers == std::vector<std::string>{"p-guest", "p-host"});
    CHECK(bom.segments[1].notes == "first line\nsecond line");   // CRLF inside a cell becomes LF
    CHECK(plain.segments[1].notes == "first line\nsecond line");
    CHECK(bom.segments[2].speakers == std::vector<std::string>{"p-host"});   // any case
    CHECK(bom.segments[2].notes == "says \"bye\"");
    // Spreadsheet rows: the two-line note is one row, the blank line is row 4.
    CHECK(bom.segmentRows == std::vector<int>{2, 3, 5});
}

TEST_CASE("import: Traditional Chinese headers, kinds, minutes and speaker separators") {
    ImportPreview p = previewOf("producer-zh.csv");
    REQUIRE(p.canApply());
    CHECK(p.mapping == ColumnMapping{0, 1, 2, 3, 4});
    REQUIRE(p.segments.size() == 5);
    CHECK(p.segments[0].kind == SegmentKind::Intro);
    CHECK(p.segments[0].planned == 120);
    CHECK(p.segments[0].speakers == std::vector<std::string>{"p-host"});
    CHECK(p.segments[0].notes == "播放片頭");
    CHECK(p.segments[1].kind == SegmentKind::GuestIntro);
    CHECK(p.segments[1].planned == 180);
    CHECK(p.segments[1].speakers == std::vector<std::string>{"p-host", "p-guest"});
    CHECK(p.segments[2].kind == SegmentKind::Tech);
    CHECK(p.segments[2].planned == 570);
    CHECK(p.segments[2].speakers == std::vector<std::string>{"p-guest"});   // "Kuan-Yu Chen"
    CHECK(p.segments[3].kind == SegmentKind::Qa);
    CHECK(p.segments[3].planned == 3900);
    CHECK(p.segments[3].speakers == std::vector<std::string>{"p-guest", "p-host"});
    CHECK(p.segments[4].planned == 90);                                      // "1.5" minutes
    CHECK(p.segments[4].speakers == std::vector<std::string>{"p-host"});     // by id
    CHECK(p.newPeople.empty());
}

TEST_CASE("import: semicolon- and tab-separated files") {
    ImportPreview semi = previewOf("semicolon.csv");
    REQUIRE(semi.canApply());
    CHECK(semi.delimiter == ';');
    REQUIRE(semi.segments.size() == 2);
    CHECK(semi.segments[0].notes == "Wi-Fi, QR code");
    CHECK(semi.segments[1].kind == SegmentKind::Lightning);
    CHECK(semi.segments[1].planned == 300);

    ImportPreview tabs = previewOf("tab-separated.csv");
    REQUIRE(tabs.canApply());
    CHECK(tabs.delimiter == '\t');
    REQUIRE(tabs.segments.size() == 1);
    CHECK(tabs.segments[0].kind == SegmentKind::Panel);
    CHECK(tabs.segments[0].speakers == std::vector<std::string>{"p-guest", "p-producer"});
    CHECK(tabs.segments[0].notes == "keep answers short, please");
}

TEST_CASE("import: missing required columns name what was found and what is expected") {
    ImportPreview p = previewOf("missing-duration.csv");
    CHECK_FALSE(p.canApply());
    CHECK(p.segments.empty());
    CHECK(p.headers == std::vector<std::string>{"index", "title", "kind", "speakers"});
    CHECK(p.mapping.title == 1);   // kept so the GUI can preset its dropdowns
    CHECK(contains(p.fileError, "missing a duration column"));
    CHECK(contains(p.fileError, "\"index\", \"title\", \"kind\", \"speakers\""));
    CHECK_FALSE(contains(p.fileError, "title column"));

    SUBCASE("the caller's mapping overrides the header names") {
        Show show = sample("pycast-episode.json");
        ImportOptions options;
        options.mapping = ColumnMapping{1, -1, 0, 3, -1};   // use the index column as minutes
        ImportPreview mapped = previewCsvImport(show, readFile(csvData("missing-duration.csv")), options);
        REQUIRE(mapped.canApply());
        REQUIRE(mapped.segments.size() == 1);
        CHECK(mapped.segments[0].planned == 60);
        CHECK(mapped.segments[0].kind == SegmentKind::Experience);   // kind not mapped: the default

        options.mapping = ColumnMapping{1, -1, 9, -1, -1};
        CHECK(contains(previewCsvImport(show, readFile(csvData("missing-duration.csv")), options).fileError,
                       "column 10 is mapped but the header has only 4 columns"));
    }
}

TEST_CASE("import: header names in any case, with annotations, and time is a length only without duration") {
    CHECK(detectColumns({"TITLE", "Duration (mm:ss)", "Speaker", "Note"}) == ColumnMapping{0, -1, 1, 2, 3});
    CHECK(detectColumns({"單元", "種類", "長度", "來賓", "說明"}) == ColumnMapping{0, 1, 2, 3, 4});
    CHECK(detectColumns({"段落", "時間"}).duration == 1);
    CHECK(detectColumns({"Segment", "Time"}).duration == 1);
    CHECK(detectColumns({"index", "start", "time", "title", "kind", "duration", "speakers", "notes", "id"}) ==
          ColumnMapping{3, 4, 5, 6, 7});
}

TEST_CASE("import: kind aliases and planned lengths as people write them") {
    CHECK(segmentKindFromAlias("技術") == SegmentKind::Tech);
    CHECK(segmentKindFromAlias("經驗") == SegmentKind::Experience);
    CHECK(segmentKindFromAlias("分享") == SegmentKind::Experience);
    CHECK(segmentKindFromAlias("開場") == SegmentKind::Intro);
    CHECK(segmentKindFromAlias("結尾") == SegmentKind::Outro);
    CHECK(segmentKindFromAlias("Q&A") == SegmentKind::Qa);
    CHECK(segmentKindFromAlias("問答") == SegmentKind::Qa);
    CHECK(segmentKindFromAlias("休息") == SegmentKind::Break);
    CHECK(segmentKindFromAlias("徵才") == SegmentKind::Jobs);
    CHECK(segmentKindFromAlias("座談") == SegmentKind::Panel);
    CHECK(segmentKindFromAlias("Panel") == SegmentKind::Panel);
    CHECK(segmentKindFromAlias("閃電講") == SegmentKind::Lightning);
    CHECK(segmentKindFromAlias("贊助") == SegmentKind::Sponsor);
    CHECK(segmentKindFromAlias("來賓介紹") == SegmentKind::GuestIntro);
    CHECK(segmentKindFromAlias("Guest Intro") == SegmentKind::GuestIntro);
    for (SegmentKind k : allSegmentKinds()) CHECK(segmentKindFromAlias(toName(k)) == k);
    CHECK_FALSE(segmentKindFromAlias("karaoke").has_value());

    CHECK(parsePlannedLength("05:00") == 300);
    CHECK(parsePlannedLength("1:05:00") == 3900);
    CHECK(parsePlannedLength("5") == 300);
    CHECK(parsePlannedLength(" 5 min ") == 300);
    CHECK(parsePlannedLength("5分鐘") == 300);
    CHECK(parsePlannedLength("2.5") == 150);
    CHECK(parsePlannedLength("5分30秒") == 330);
    CHECK(parsePlannedLength("90s") == 90);
    CHECK(parsePlannedLength("0") == 0);
    CHECK_FALSE(parsePlannedLength("-5").has_value());
    CHECK_FALSE(parsePlannedLength("-05:00").has_value());
    CHECK_FALSE(parsePlannedLength("abc").has_value());
    CHECK_FALSE(parsePlannedLength("5 parsecs").has_value());
    CHECK_FALSE(parsePlannedLength("5 30").has_value());
    CHECK_FALSE(parsePlannedLength("5:75").has_value());
    CHECK_FALSE(parsePlannedLength("").has_value());
}

TEST_CASE("import: every bad row is reported with its row number and reasons") {
    ImportPreview p = previewOf("bad-rows.csv");
    CHECK(p.fileError.empty());
    CHECK_FALSE(p.canApply());
    CHECK(titles(p.segments) == std::vector<std::string>{"Good one", "Another good one"});
    CHECK(p.segmentRows == std::vector<int>{2, 9});
    REQUIRE(p.badRows.size() == 6);

    // Row 2's note spans two lines of the file but is one row of the sheet, so the next row is row 3.
    REQUIRE(badRow(p, 3));
    CHECK(formatRowProblem(*badRow(p, 3)) == "row 3: duration \"abc\" is not a length (use mm:ss or minutes)");
    CHECK(badRow(p, 3)->raw == "Bad length,experience,abc,林雅婷,");
    REQUIRE(badRow(p, 4));
    CHECK(contains(formatRowProblem(*badRow(p, 4)), "row 4: duration \"-3:00\" is negative"));
    REQUIRE(badRow(p, 5));
    CHECK(contains(formatRowProblem(*badRow(p, 5)), "row 5: kind \"karaoke\" is not a segment kind (use intro,"));
    REQUIRE(badRow(p, 6));
    CHECK(formatRowProblem(*badRow(p, 6)) == "row 6: speaker \"Bob\" is not in the show's people");
    CHECK(badRow(p, 6)->unknownSpeakers == std::vector<std::string>{"Bob"});
    REQUIRE(badRow(p, 7));
    CHECK(formatRowProblem(*badRow(p, 7)) == "row 7: title is empty");
    REQUIRE(badRow(p, 8));
    CHECK(badRow(p, 8)->reasons.size() == 2);
    CHECK(contains(formatRowProblem(*badRow(p, 8)),
                   "row 8: duration \"soon\" is not a length (use mm:ss or minutes); speaker \"Bob\" is not"));
}

TEST_CASE("import: a length too long for a show file is a bad row, not a file that cannot be opened") {
    // 9999999 hours would be written as "9999999:00:00", which no show file can hold.
    CHECK_FALSE(parsePlannedLength("9999999h").has_value());
    CHECK_FALSE(parsePlannedLength("9999999h 9999999h").has_value());
    CHECK(parsePlannedLength("999999h") == 999999LL * 3600);
    ImportPreview p = previewCsvImport(sample("pycast-episode.json"), "title,duration\nBig,9999999h\n");
    CHECK_FALSE(p.canApply());
    REQUIRE(badRow(p, 2));
    CHECK(contains(formatRowProblem(*badRow(p, 2)), "row 2: duration \"9999999h\" is longer than 999999:59:59"));

    // validateShow, which guards every save, refuses what parseShow could not read back.
    Show show = sample("pycast-episode.json");
    show.rundown[0].planned = kMaxDurationSeconds;
    // The file can hold it; the only thing wrong is that a show lasts at most a day.
    const auto longest = validateShow(show);
    REQUIRE(longest.size() == 1);
    CHECK(longest[0].path == "/rundown");
    CHECK(contains(longest[0].message, "longer than a show can be"));
    show.rundown[0].planned = kMaxDurationSeconds + 1;
    show.meta.target = kMaxDurationSeconds + 1;
    const auto problems = validateShow(show);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].path == "/show/target");
    CHECK(problems[1].path == "/rundown/0/planned");
    CHECK(contains(problems[1].message, "longer than 999999:59:59"));
}

TEST_CASE("import: a folder picked as the CSV file is named as a folder, not an empty file") {
    ImportPreview p = previewCsvImportFile(sample("pycast-episode.json"), dataDir() / "csv");
    CHECK_FALSE(p.canApply());
    CHECK(contains(p.fileError, "is a folder, not a CSV file"));
}

TEST_CASE("import: unknown speakers become new guests only when asked") {
    ImportOptions options;
    options.addUnknownPeople = true;
    const std::string csv = "title,duration,speakers\nA,1:00,Bob; 林雅婷\nB,2:00,bob、Carol\n";
    Show show = sample("pycast-episode.json");
    ImportPreview p = previewCsvImport(show, csv, options);
    REQUIRE(p.canApply());
    REQUIRE(p.newPeople.size() == 2);
    CHECK(p.newPeople[0].name == "Bob");
    CHECK(p.newPeople[0].role == Role::Guest);
    CHECK(p.newPeople[1].name == "Carol");
    CHECK_FALSE(show.findPerson(p.newPeople[0].id));
    CHECK(p.segments[0].speakers == std::vector<std::string>{p.newPeople[0].id, "p-host"});
    CHECK(p.segments[1].speakers == std::vector<std::string>{p.newPeople[0].id, p.newPeople[1].id});

    ImportPreview strict = previewCsvImport(show, csv);
    CHECK(strict.newPeople.empty());
    CHECK(strict.badRows.size() == 2);
}

TEST_CASE("import: good rows get fresh ids unique in the show and among themselves") {
    Show show = sample("enterprise-meetup.json");
    std::string csv = "title,duration\n";
    for (int i = 0; i < 50; ++i) csv += "Row " + std::to_string(i) + ",1:00\n";
    ImportPreview p = previewCsvImport(show, csv);
    REQUIRE(p.segments.size() == 50);
    std::set<std::string> ids;
    for (const auto& s : p.segments) {
        CHECK(s.id.rfind("s-", 0) == 0);
        CHECK_FALSE(show.findSegment(s.id));
        ids.insert(s.id);
    }
    CHECK(ids.size() == 50);
}

TEST_CASE("import: our own CSV export of every sample imports back to the same rundown") {
    for (const char* name : {"pycast-episode.json", "pycast-ama.json", "enterprise-meetup.json"}) {
        CAPTURE(name);
        Show show = sample(name);
        const std::string csv = renderRundownCsv(show, analyzeRundown(show));
        ImportPreview p = previewCsvImport(show, csv);
        CHECK(p.fileError.empty());
        for (const auto& bad : p.badRows) CHECK_MESSAGE(false, formatRowProblem(bad));
        CHECK(p.newPeople.empty());
        REQUIRE(p.segments.size() == show.rundown.size());
        for (size_t i = 0; i < p.segments.size(); ++i) {
            CAPTURE(i);
            CHECK(p.segments[i].title == show.rundown[i].title);
            CHECK(p.segments[i].kind == show.rundown[i].kind);
            CHECK(p.segments[i].planned == show.rundown[i].planned);
            CHECK(p.segments[i].speakers == show.rundown[i].speakers);
            CHECK(p.segments[i].notes == show.rundown[i].notes);
            CHECK(p.segments[i].id != show.rundown[i].id);
        }
    }
}

TEST_CASE("applyImport inserts at a position and changes nothing else") {
    const Show before = sample("pycast-episode.json");
    ImportOptions options;
    options.addUnknownPeople = true;
    ImportPreview p = previewCsvImport(before, "title,kind,duration,speakers\nNew A,tech,4:00,Bob\nNew B,qa,6:00,林雅婷\n",
                                       options);
    REQUIRE(p.canApply());

    Show show = before;
    ImportApplied applied = applyImport(show, p, 2);
    CHECK(applied.at == 2);
    CHECK(applied.segmentIds == std::vector<std::string>{p.segments[0].id, p.segments[1].id});
    CHECK(applied.personIds == std::vector<std::string>{p.newPeople[0].id});
    REQUIRE(show.rundown.size() == before.rundown.size() + 2);
    CHECK(show.rundown[2] == p.segments[0]);
    CHECK(show.rundown[3] == p.segments[1]);
    std::vector<Segment> rest = show.rundown;
    rest.erase(rest.begin() + 2, rest.begin() + 4);
    CHECK(rest == before.rundown);
    REQUIRE(show.people.size() == before.people.size() + 1);
    CHECK(show.people.back() == p.newPeople[0]);
    CHECK(show.meta == before.meta);
    CHECK(show.questions == before.questions);
    CHECK(show.guidelines == before.guidelines);
    CHECK(validateShow(show).empty());

    SUBCASE("the same inputs give the same show") {
        Show again = before;
        applyImport(again, p, 2);
        CHECK(again == show);
    }
    SUBCASE("-1 or past the end appends; 0 puts them first") {
        Show end = before;
        CHECK(applyImport(end, p, -1).at == static_cast<int>(before.rundown.size()));
        CHECK(end.rundown.back().title == "New B");
        Show past = before;
        applyImport(past, p, 99);
        CHECK(past == end);
        Show first = before;
        applyImport(first, p, 0);
        CHECK(first.rundown.front().title == "New A");
    }
    SUBCASE("an id the show gained since the preview gets a suffix, and speakers follow") {
        Show changed = before;
        Person clash;
        clash.id = p.newPeople[0].id;
        clash.name = "Someone else";
        changed.people.push_back(clash);
        ImportApplied a = applyImport(changed, p, -1);
        CHECK(a.personIds[0] == p.newPeople[0].id + "-2");
        CHECK(changed.rundown[before.rundown.size()].speakers == std::vector<std::string>{a.personIds[0]});
        CHECK(validateShow(changed).empty());
    }
    SUBCASE("a preview with bad rows changes nothing") {
        ImportPreview bad = p;
        RowProblem problem;
        problem.row = 3;
        problem.reasons = {"title is empty"};
        bad.badRows.push_back(problem);
        Show untouched = before;
        applyImport(untouched, bad, -1);
        CHECK(untouched == before);
    }
}

TEST_CASE("pycast import-csv: dry run prints the plan and leaves the show byte-identical") {
    TempDir tmp;
    const auto showFile = tmp / "show.json";
    std::filesystem::copy_file(showsDir() / "pycast-episode.json", showFile);
    const std::string original = readFile(showFile);

    auto r = runCli("import-csv " + q(csvData("producer-zh.csv")) + " --into " + q(showFile));
    CHECK(r.exitCode == 0);
    CHECK(contains(r.out, "columns: title <- \"標題\" (column 1)"));
    CHECK(contains(r.out, "would add 5 segments at the end"));
    CHECK(contains(r.out, "技術深談：asyncio"));
    CHECK(contains(r.out, "1:05:00"));
    CHECK(contains(r.out, "陳冠宇 Kuan-Yu Chen, 林雅婷 Ya-Ting Lin"));
    CHECK(contains(r.out, "dry run"));
    CHECK(r.err.empty());
    CHECK(readFile(showFile) == original);
    CHECK_FALSE(std::filesystem::exists(tmp / "show.json.bak"));
}

TEST_CASE("pycast import-csv: bad rows exit 1 and nothing is written, even with --write") {
    TempDir tmp;
    const auto showFile = tmp / "show.json";
    std::filesystem::copy_file(showsDir() / "pycast-episode.json", showFile);
    const std::string original = readFile(showFile);

    auto r = runCli("import-csv " + q(csvData("bad-rows.csv")) + " --into " + q(showFile) + " --write");
    CHECK(r.exitCode == 1);
    CHECK(contains(r.err, "bad-rows.csv: row 3: duration \"abc\" is not a length (use mm:ss or minutes)"));
    CHECK(contains(r.err, "row 7: title is empty"));
    CHECK(contains(r.err, "    | ,intro,1:00,林雅婷,"));   // the row as written, to find it
    CHECK(contains(r.err, "--add-people"));
    CHECK(contains(r.err, "6 bad rows; nothing written"));
    CHECK(readFile(showFile) == original);
    CHECK_FALSE(std::filesystem::exists(tmp / "show.json.bak"));

    auto big5 = runCli("import-csv " + q(csvData("big5.csv")) + " --into " + q(showFile) + " --write");
    CHECK(big5.exitCode == 1);
    CHECK(contains(big5.err, "CSV UTF-8"));
    CHECK(readFile(showFile) == original);
}

TEST_CASE("pycast import-csv --write adds the segments and keeps SHOW.json.bak") {
    TempDir tmp;
    const auto showFile = tmp / "show.json";
    std::filesystem::copy_file(showsDir() / "pycast-episode.json", showFile);
    const std::string original = readFile(showFile);

    auto r = runCli("import-csv " + q(csvData("excel-utf8-bom.csv")) + " --into " + q(showFile) +
                    " --write --at 2");
    CHECK(r.exitCode == 0);
    CHECK(contains(r.out, "wrote "));
    CHECK(contains(r.out, "3 segments added"));
    CHECK(readFile(tmp / "show.json.bak") == original);

    LoadResult after = loadShowFile(showFile);
    REQUIRE(after.ok());
    const Show before = sample("pycast-episode.json");
    REQUIRE(after.show->rundown.size() == before.rundown.size() + 3);
    CHECK(after.show->rundown[0] == before.rundown[0]);
    CHECK(after.show->rundown[1].title == "Intro, and the rules");
    CHECK(after.show->rundown[2].title == "The \"big\" rewrite");
    CHECK(after.show->rundown[3].title == "Wrap-up");
    CHECK(after.show->rundown[4] == before.rundown[1]);
    CHECK(after.show->people == before.people);
}

TEST_CASE("pycast import-csv: new guests with --add-people, usage errors, a broken show, --help") {
    TempDir tmp;
    const auto showFile = tmp / "show.json";
    std::filesystem::copy_file(showsDir() / "pycast-episode.json", showFile);
    const auto csv = tmp / "guests.csv";
    writeFile(csv, "title,duration,speakers\nMeet Bob,5,Bob\n");

    auto strict = runCli("import-csv " + q(csv) + " --into " + q(showFile));
    CHECK(strict.exitCode == 1);
    CHECK(contains(strict.err, "row 2: speaker \"Bob\" is not in the show's people"));

    auto added = runCli("import-csv " + q(csv) + " --into " + q(showFile) + " --add-people --write");
    CHECK(added.exitCode == 0);
    CHECK(contains(added.out, "Bob (new)"));
    LoadResult after = loadShowFile(showFile);
    REQUIRE(after.ok());
    CHECK(after.show->people.back().name == "Bob");
    CHECK(after.show->rundown.back().speakers == std::vector<std::string>{after.show->people.back().id});

    CHECK(runCli("import-csv").exitCode == 2);
    CHECK(runCli("import-csv " + q(csv)).exitCode == 2);                                // no --into
    CHECK(runCli("import-csv " + q(csv) + " --into").exitCode == 2);
    CHECK(runCli("import-csv " + q(csv) + " --into " + q(showFile) + " --bogus").exitCode == 2);
    CHECK(runCli("import-csv " + q(csv) + " --into " + q(showFile) + " --at zero").exitCode == 2);
    CHECK(runCli("import-csv " + q(csv) + " --into " + q(showFile) + " --at 99").exitCode == 2);

    auto broken = runCli("import-csv " + q(csv) + " --into " + q(dataDir() / "bad" / "bad-duration.json"));
    CHECK(broken.exitCode == 1);
    CHECK(contains(broken.err, "bad-duration.json"));

    auto missing = runCli("import-csv " + q(tmp / "nope.csv") + " --into " + q(showFile));
    CHECK(missing.exitCode == 1);
    CHECK(contains(missing.err, "cannot open"));

    auto help = runCli("import-csv --help");
    CHECK(help.exitCode == 0);
    CHECK(contains(help.out, "usage: pycast import-csv FILE.csv --into SHOW.json"));
    CHECK(contains(runCli("--help").out, "import-csv"));
}

TEST_CASE("import-csv: a dry run refuses what --write would refuse (a show longer than a day)") {
    TempDir tmp;
    const auto showFile = tmp / "show.json";
    REQUIRE(saveShowFile(sample("pycast-episode.json"), showFile).ok());
    const auto csv = tmp / "long.csv";
    writeFile(csv, "title,duration\nAll day,23:59:00\n");
    const auto dry = runCli("import-csv " + q(csv) + " --into " + q(showFile));
    CHECK(dry.exitCode == 1);
    CHECK(contains(dry.err, "longer than a show can be"));
    CHECK(contains(dry.err, "nothing would be written"));
    const auto written = runCli("import-csv " + q(csv) + " --into " + q(showFile) + " --write");
    CHECK(written.exitCode == 1);
    CHECK(contains(written.err, "nothing written"));
}

TEST_CASE("import: spreadsheet input as people type it: decimal commas and full-width digits") {
    const Show show = sample("pycast-episode.json");
    // A ';'-separated file comes from a locale that writes 2,5 for two and a half.
    ImportPreview semi = previewCsvImport(show, "title;duration\nA;2,5\nB;\xEF\xBC\x90\xEF\xBC\x95:\xEF\xBC\x90\xEF\xBC\x90\n"
                                                "C;\xEF\xBC\x92\xEF\xBC\x8E\xEF\xBC\x95 分鐘\n");
    REQUIRE(semi.canApply());
    REQUIRE(semi.segments.size() == 3);
    CHECK(semi.segments[0].planned == 150);   // 02:30
    CHECK(semi.segments[1].planned == 300);   // ０５:００
    CHECK(semi.segments[2].planned == 150);   // ２．５ 分鐘
    CHECK(parsePlannedLength("2,5", true) == 150);
    CHECK(parsePlannedLength("1,5 h", true) == 5400);
    // In a ','-separated file "2,5" may be a thousands separator: not guessed.
    CHECK_FALSE(parsePlannedLength("2,5").has_value());
    ImportPreview comma = previewCsvImport(show, "title,duration\nA,\"2,5\"\n");
    REQUIRE(comma.badRows.size() == 1);
    CHECK(comma.badRows[0].row == 2);
}

TEST_CASE("import: row numbers in problems and the preview are the spreadsheet's rows") {
    const Show show = sample("pycast-episode.json");
    ImportPreview p = previewCsvImport(show, "title,duration,notes\nA,1:00,\"three\nline\nnote\"\nB,x,\nC,2:00,\n");
    CHECK(p.segmentRows == std::vector<int>{2, 4});
    REQUIRE(p.badRows.size() == 1);
    CHECK(formatRowProblem(p.badRows[0]) == "row 3: duration \"x\" is not a length (use mm:ss or minutes)");
}

TEST_CASE("import: a rundown's own CSV export imports back with its fixed starts and formula-like titles") {
    Show show = sample("enterprise-meetup.json");
    show.rundown[1].title = "=1+1 sponsors";
    show.rundown[2].notes = "-- not a formula";
    const std::string csv = renderRundownCsv(show, analyzeRundown(show));
    CHECK(csv.rfind("\xEF\xBB\xBF", 0) == 0);   // for Excel
    CHECK(contains(csv, ",'=1+1 sponsors,"));
    ImportPreview p = previewCsvImport(show, csv);
    REQUIRE(p.canApply());
    CHECK(p.mapping.fixedStart == 9);
    REQUIRE(p.segments.size() == show.rundown.size());
    int fixed = 0;
    for (size_t i = 0; i < p.segments.size(); ++i) {
        CAPTURE(i);
        CHECK(p.segments[i].fixedStart == show.rundown[i].fixedStart);
        CHECK(p.segments[i].title == show.rundown[i].title);
        CHECK(p.segments[i].notes == show.rundown[i].notes);
        fixed += show.rundown[i].fixedStart ? 1 : 0;
    }
    CHECK(fixed >= 1);
    // A fixed start that is no time of day is a bad row.
    ImportPreview bad = previewCsvImport(show, "title,duration,fixed start\nA,1:00,25:00\n");
    REQUIRE(bad.badRows.size() == 1);
    CHECK(contains(formatRowProblem(bad.badRows[0]), "fixed start \"25:00\" is not a time of day"));
}

TEST_CASE("pycast import-csv: a header-only CSV with --write writes nothing and keeps the .bak") {
    TempDir tmp;
    const auto showFile = tmp / "show.json";
    std::filesystem::copy_file(showsDir() / "pycast-episode.json", showFile);
    writeFile(tmp / "show.json.bak", "the version before");
    writeFile(tmp / "empty.csv", "title,duration\r\n");
    const std::string original = readFile(showFile);
    auto r = runCli("import-csv " + q(tmp / "empty.csv") + " --into " + q(showFile) + " --write");
    CHECK(r.exitCode == 0);
    CHECK(contains(r.out, "nothing to add"));
    CHECK_FALSE(contains(r.out, "wrote "));
    CHECK(readFile(showFile) == original);
    CHECK(readFile(tmp / "show.json.bak") == "the version before");
}

TEST_CASE("pycast import-csv: -- ends the options") {
    TempDir tmp;
    const auto showFile = tmp / "show.json";
    std::filesystem::copy_file(showsDir() / "pycast-episode.json", showFile);
    std::filesystem::copy_file(csvData("plain-utf8.csv"), tmp / "-rows.csv");
    // Run where the file is, so its name really starts with '-'.
    const auto cwd = std::filesystem::current_path();
    std::filesystem::current_path(tmp.path());
    auto r = runCli("import-csv --into " + q(showFile) + " -- -rows.csv");
    auto without = runCli("import-csv --into " + q(showFile) + " -rows.csv");
    auto help = runCli("import-csv --into " + q(showFile) + " -- --help");
    std::filesystem::current_path(cwd);
    CHECK(r.exitCode == 0);
    CHECK(contains(r.out, "would add 3 segments"));
    // Without --, a name starting with - is an option.
    CHECK(without.exitCode == 2);
    CHECK(contains(without.err, "unknown option -rows.csv"));
    // After --, even --help is a file name.
    CHECK(help.exitCode == 1);
    CHECK(contains(help.err, "--help"));
}

TEST_CASE("pycast import-csv: the preview stays aligned with long lengths and Chinese titles") {
    TempDir tmp;
    const auto showFile = tmp / "show.json";
    std::filesystem::copy_file(showsDir() / "pycast-episode.json", showFile);
    writeFile(tmp / "w.csv", "title,duration\n開場很長的標題,12:00:00\nB,2:00\n");
    auto r = runCli("import-csv " + q(tmp / "w.csv") + " --into " + q(showFile));
    REQUIRE(r.exitCode == 0);
    std::vector<std::string> rows;
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);)
        if (line.rfind("  row ", 0) == 0) rows.push_back(line);
    REQUIRE(rows.size() == 2);
    auto speakersAt = [](const std::string& line) { return displayWidth(line.substr(0, line.rfind(" -") + 1)); };
    CHECK(speakersAt(rows[0]) == speakersAt(rows[1]));
}
