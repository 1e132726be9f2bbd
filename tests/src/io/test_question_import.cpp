// Importing audience questions from a form's CSV: headers, encodings, mapping, bad rows, applying.
#include <doctest/doctest.h>

#include <string>

#include "core/question_queue.hpp"
#include "io/question_import.hpp"
#include "io/show_io.hpp"
#include "test_support.hpp"

using namespace pycast;
using namespace pycast::test;

namespace {

// The episode sample with the topics an AMA defines.
Show showWithTopics() {
    LoadResult r = loadShowFile(showsDir() / "pycast-episode.json");
    REQUIRE(r.ok());
    Show show = *r.show;
    show.topics = {"職涯 Career", "技術 Tech", "徵才 Hiring", "公司文化 Culture"};
    return show;
}

std::filesystem::path questionData(const char* name) { return dataDir() / "questions" / name; }

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

const RowProblem* badRow(const QuestionImportPreview& p, int row) {
    for (const auto& b : p.badRows)
        if (b.row == row) return &b;
    return nullptr;
}

std::string reasonsOf(const QuestionImportPreview& p, int row) {
    const RowProblem* b = badRow(p, row);
    return b ? formatRowProblem(*b) : std::string("(row " + std::to_string(row) + " is not bad)");
}

}  // namespace

TEST_CASE(
    "question import: a Google Form export with a BOM, Chinese headers and a multi-line question") {
    const Show show = showWithTopics();
    const QuestionImportPreview p =
        previewQuestionImportFile(show, questionData("google-form-zh.csv"));
    REQUIRE(p.fileError.empty());
    CHECK(p.badRows.empty());
    CHECK(p.headers.front() == "時間戳記");  // the BOM is not part of the first header
    CHECK(p.mapping.timestamp == 0);
    CHECK(p.mapping.name == 2);  // 姓名（選填）: the annotation is ignored
    CHECK(p.mapping.text == 3);  // 您的問題
    CHECK(p.mapping.topic == 4);
    CHECK(p.mapping.forPerson == 5);  // 提問對象
    CHECK(p.mapping.votes == -1);
    CHECK(has(describeQuestionMapping(p.mapping, p.headers),
              "not imported: \"電子郵件地址\" (column B)"));
    REQUIRE(p.questions.size() == 3);

    const ImportedQuestion& amy = p.questions[0];
    CHECK(amy.row == 2);
    CHECK(amy.name == "Amy");
    CHECK(amy.text == "轉職到資料工程需要先學什麼？");
    CHECK(amy.topics == std::vector<std::string>{"職涯 Career"});  // 職涯 names the label
    CHECK(amy.forPerson == "p-guest");  // 陳冠宇 names 陳冠宇 Kuan-Yu Chen
    CHECK(amy.submittedAt == "2026/11/20 下午 3:04:05");

    const ImportedQuestion& multi = p.questions[1];
    CHECK(multi.row == 3);
    CHECK(multi.name.empty());  // anonymous
    CHECK(multi.text == "Django 和 FastAPI\n在公司裡怎麼選？\n（一個多行的問題, 有逗號）");
    CHECK(multi.topics == std::vector<std::string>{"技術 Tech"});
    CHECK(multi.forPerson == "p-guest");

    // The row after the three-line question is row 4, as the spreadsheet shows it.
    const ImportedQuestion& culture = p.questions[2];
    CHECK(culture.row == 4);
    CHECK(culture.topics == std::vector<std::string>{"職涯 Career", "公司文化 Culture"});
    CHECK(culture.forPerson.empty());  // 不指定: for anyone
}

TEST_CASE("question import: an Excel export with English headers, votes and quoted quotes") {
    const Show show = showWithTopics();
    const QuestionImportPreview p = previewQuestionImportFile(show, questionData("excel-en.csv"));
    REQUIRE(p.fileError.empty());
    CHECK(p.badRows.empty());
    REQUIRE(p.questions.size() == 3);
    CHECK(p.questions[0].topics == std::vector<std::string>{"技術 Tech"});  // "Tech", any case
    CHECK(p.questions[0].forPerson == "p-guest");                           // by id
    CHECK(p.questions[0].votes == 3);
    CHECK(p.questions[0].submittedAt == "11/20/2026 15:04:05");
    CHECK(p.questions[1].text == "What does \"good enough\" mean, for a first release?");
    CHECK(p.questions[1].topics == std::vector<std::string>{"職涯 Career"});
    CHECK(p.questions[2].text == "-1 for tabs: why spaces?");
    CHECK(p.questions[2].forPerson == "p-host");
    CHECK(p.questions[2].votes == 12);
    CHECK(p.warnings.empty());
}

TEST_CASE(
    "question import: Big5 and UTF-16 files are refused with the advice to save as CSV UTF-8") {
    const Show show = showWithTopics();
    // 問題,姓名 in Big5, then a row.
    const std::string big5 = "\xB0\xDD\xC3\x44,\xA9\x6D\xA6\x57\r\n\xA7\x41\xA6\x6E,Amy\r\n";
    const QuestionImportPreview b = previewQuestionImport(show, big5);
    CHECK(has(b.fileError, "is not UTF-8; the file was probably saved as Big5"));
    CHECK(has(b.fileError, "save it as \"CSV UTF-8 (Comma delimited)\""));
    CHECK(b.questions.empty());

    std::string utf16 = "\xFF\xFE";  // "Question\r\n" as UTF-16LE with a BOM
    for (char c : std::string("Question\r\nHi?\r\n")) {
        utf16 += c;
        utf16 += '\0';
    }
    const QuestionImportPreview u = previewQuestionImport(show, utf16);
    CHECK(has(u.fileError, "UTF-16"));
    CHECK(has(u.fileError, "save it as \"CSV UTF-8 (Comma delimited)\""));
    // Without the BOM too.
    const QuestionImportPreview u2 = previewQuestionImport(show, utf16.substr(2));
    CHECK(has(u2.fileError, "UTF-16"));
}

TEST_CASE("question import: columns chosen by hand win over the detected ones") {
    const Show show = showWithTopics();
    // A sheet whose headers say nothing we know.
    const std::string csv = "A1,Who,Ask me\r\nx,Amy,First?\r\ny,Bob,Second?\r\n";
    const QuestionImportPreview detected = previewQuestionImport(show, csv);
    CHECK(detected.mapping.text == -1);
    CHECK(has(detected.fileError, "no question column"));
    // So say it: by letter, by header and by number give the same mapping.
    for (const char* spec : {"text=C,name=B", "text=Ask me,name=who", "text=3,name=2"}) {
        CAPTURE(spec);
        auto choices = parseColumnChoices(spec);
        REQUIRE(choices.ok());
        QuestionImportOptions options;
        options.choices = *choices;
        const QuestionImportPreview p = previewQuestionImport(show, csv, options);
        REQUIRE(p.fileError.empty());
        CHECK(p.mapping.text == 2);
        CHECK(p.mapping.name == 1);
        REQUIRE(p.questions.size() == 2);
        CHECK(p.questions[1].name == "Bob");
        CHECK(p.questions[1].text == "Second?");
    }

    // A choice takes its column away from the field detection gave it to; none drops a field.
    const std::string form = "Name,Question,Comment\r\nAmy,Why?,please answer\r\n";
    QuestionImportOptions options;
    options.choices = *parseColumnChoices("text=Comment,name=none");
    QuestionImportPreview p = previewQuestionImport(show, form, options);
    REQUIRE(p.fileError.empty());
    CHECK(p.mapping.text == 2);
    CHECK(p.mapping.name == -1);
    REQUIRE(p.questions.size() == 1);
    CHECK(p.questions[0].text == "please answer");
    CHECK(p.questions[0].name.empty());
    options.choices = *parseColumnChoices("name=Question");  // was the text column
    p = previewQuestionImport(show, form, options);
    CHECK(has(p.fileError, "no question column"));

    // Choices that name no column, bad specs, two fields on one column.
    options.choices = *parseColumnChoices("text=Z");
    CHECK(has(previewQuestionImport(show, form, options).fileError,
              "the column chosen for text=Z is past the last column; the file has 3"));
    options.choices = *parseColumnChoices("text=問題內容");
    CHECK(has(previewQuestionImport(show, form, options).fileError,
              "no header is named \"問題內容\". The columns are A \"Name\", B \"Question\", C "
              "\"Comment\""));
    options.choices = *parseColumnChoices("text=C,name=C");
    CHECK(has(previewQuestionImport(show, form, options).fileError,
              "\"Comment\" (column C) is chosen for both text and name"));
    CHECK_FALSE(parseColumnChoices("text").ok());
    CHECK(has(parseColumnChoices("asker=B").error().message(),
              "\"asker\" is not a field of a question"));
    CHECK(has(parseColumnChoices("text=").error().message(), "is not FIELD=COLUMN"));
}

TEST_CASE("question import: each bad row is reported with its spreadsheet row number") {
    const Show show = showWithTopics();
    const std::string longText(501, 'x');
    const std::string longName(61, 'n');
    const std::string csv =
        "Question,Name,Topic,For,Votes\r\n"  // row 1
        ",Amy,,,\r\n"                        // 2: empty question
        "\"  \xE3\x80\x80 \",Amy,,,\r\n"     // 3: only spaces, ideographic too
        + longText +
        ",,,,\r\n"  // 4: 501 characters
        "Too long a name?," +
        longName +
        ",,,\r\n"                           // 5
        "\"Two\nlines\",,AI,,\r\n"          // 6 (two lines, one row): topic
        "Bob?,,,Bob,\r\n"                   // 7: person not in the show
        "Half a vote?,,,,3.5\r\n"           // 8
        "Minus?,,,,-1\r\n"                  // 9
        "Many?,,,,99999999999\r\n"          // 10
        "\r\n"                              // 11: blank, skipped
        "Fine,Amy,tech,Kuan-Yu Chen,2\r\n"  // 12: good
        "Both?,,,\"林雅婷、陳冠宇\",\r\n"   // 13: two people
        "Extra?,,,,,surprise\r\n";          // 14: more cells than the header
    const QuestionImportPreview p = previewQuestionImport(show, csv);
    REQUIRE(p.fileError.empty());
    CHECK(p.badRows.size() == 11);
    CHECK_FALSE(p.canApply());
    CHECK(reasonsOf(p, 2) == "row 2: the question is empty; write a question");
    CHECK(reasonsOf(p, 3) == "row 3: the question is empty; write a question");
    CHECK(reasonsOf(p, 4) ==
          "row 4: the question is 501 characters long; the limit is 500, so shorten it");
    CHECK(has(reasonsOf(p, 5), "row 5: the name is 61 characters long; the limit is 60"));
    CHECK(reasonsOf(p, 6) ==
          "row 6: topic \"AI\" is not one of the show's topics (\"職涯 Career\", \"技術 Tech\", "
          "\"徵才 Hiring\", \"公司文化 Culture\")");
    CHECK(has(reasonsOf(p, 7),
              "row 7: \"for\" \"Bob\" is not one of the show's people (林雅婷 Ya-Ting Lin, "
              "陳冠宇 Kuan-Yu Chen, 王小明 Hsiao-Ming Wang)"));
    CHECK(reasonsOf(p, 8) ==
          "row 8: votes \"3.5\" is not a whole number of 0 or more (write 0, 1, 2 …)");
    CHECK(reasonsOf(p, 9) ==
          "row 9: votes \"-1\" is not a whole number of 0 or more (write 0, 1, 2 …)");
    CHECK(has(reasonsOf(p, 10), "row 10: votes \"99999999999\" is more than 2147483647"));
    CHECK(has(reasonsOf(p, 13),
              "row 13: \"for\" \"林雅婷、陳冠宇\" names 2 people; a question is for one person"));
    CHECK(has(reasonsOf(p, 14), "row 14: has 6 cells but the header has 5"));
    CHECK(badRow(p, 6)->raw == "\"Two\nlines\",,AI,,");  // the row as written, for the CLI
    REQUIRE(p.questions.size() == 1);
    CHECK(p.questions[0].row == 12);
    CHECK(p.questions[0].topics == std::vector<std::string>{"技術 Tech"});
    CHECK(p.questions[0].forPerson == "p-guest");

    // Exactly 500 characters (Chinese ones count as one each) is fine.
    std::string fiveHundred;
    for (int i = 0; i < 500; ++i) fiveHundred += "問";
    CHECK(previewQuestionImport(show, "Question\r\n" + fiveHundred + "\r\n").canApply());
}

TEST_CASE(
    "question import: several problems in one row are all named, a topic without show topics too") {
    Show show = showWithTopics();
    show.topics.clear();
    const QuestionImportPreview p = previewQuestionImport(show, "問題,主題,票數\n,職涯,many\n");
    REQUIRE(p.badRows.size() == 1);
    const std::string r = formatRowProblem(p.badRows[0]);
    CHECK(has(r, "row 2: the question is empty"));
    CHECK(has(r, "; topic \"職涯\": the show has no topics"));
    CHECK(has(r, "; votes \"many\" is not a whole number"));
}

TEST_CASE("question import: duplicates are warnings, against the file, the show and the session") {
    Show show = showWithTopics();
    Question existing;
    existing.id = "q-old";
    existing.text = "Why Python?";
    show.questions.push_back(existing);
    QuestionImportOptions options;
    options.existing = {{"q7", "From the page"}};
    const QuestionImportPreview p =
        previewQuestionImport(show,
                              "Question\r\nHow do you start?\r\n  how do   YOU start?  \r\nwhy "
                              "python?\r\nfrom the page\r\n",
                              options);
    REQUIRE(p.canApply());  // warnings do not stop an import
    CHECK(p.questions.size() == 4);
    REQUIRE(p.warnings.size() == 3);
    CHECK(p.warnings[0].row == 3);
    CHECK(has(p.warnings[0].message, "the same question as row 2; both are imported"));
    CHECK(p.warnings[1].row == 4);
    CHECK(has(p.warnings[1].message, "the same question as q-old (already in the show)"));
    CHECK(p.warnings[2].row == 5);
    CHECK(has(p.warnings[2].message, "the same question as q7 (already in the session)"));
}

TEST_CASE(
    "question import: a form title holding 問題 or question is the text — empty files and folders") {
    const Show show = showWithTopics();
    CHECK(detectQuestionColumns({"Timestamp", "你想問講者什麼問題？"}).text == 1);
    CHECK(detectQuestionColumns({"Timestamp", "Your question for the panel"}).text == 1);
    CHECK(detectQuestionColumns({"名字", "想問的問題", "提問對象", "票數"}) ==
          QuestionColumns{1, 0, -1, 2, 3, -1});
    CHECK(detectQuestionColumns({"暱稱", "提問", "Topic", "E-mail"}).name == 0);

    const QuestionImportPreview none = previewQuestionImport(show, "Timestamp,Email\r\n1,a@b\r\n");
    CHECK(has(none.fileError, "no question column: the header has A \"Timestamp\", B \"Email\""));
    CHECK(has(none.fileError, "--map text=C"));
    CHECK(has(previewQuestionImport(show, "").fileError, "the file is empty"));
    CHECK(has(previewQuestionImportFile(show, dataDir()).fileError, "is a folder, not a CSV file"));
    CHECK(has(previewQuestionImportFile(show, dataDir() / "no-such.csv").fileError, "cannot open"));

    // A header alone imports nothing and is not an error.
    const QuestionImportPreview empty = previewQuestionImport(show, "Question\r\n");
    CHECK(empty.canApply());
    CHECK(empty.questions.empty());
}

TEST_CASE(
    "question import: applying adds show questions with fresh ids, the time stamp kept as text") {
    Show show = showWithTopics();
    const std::size_t before = show.questions.size();
    const QuestionImportPreview p =
        previewQuestionImportFile(show, questionData("google-form-zh.csv"));
    REQUIRE(p.canApply());
    Show imported = show;
    const std::vector<std::string> ids = applyQuestionImport(imported, p);
    REQUIRE(ids.size() == 3);
    REQUIRE(imported.questions.size() == before + 3);
    IdSpace old(show);
    for (const auto& id : ids) CHECK_FALSE(old.taken(id));
    CHECK(ids[0] != ids[1]);
    const Question& q = imported.questions[before];
    CHECK(q.id == ids[0]);
    CHECK(q.from == "Amy");
    CHECK(q.forPeople == std::vector<std::string>{"p-guest"});
    CHECK(q.topics == std::vector<std::string>{"職涯 Career"});
    CHECK(q.extra["submitted_at"] == "2026/11/20 下午 3:04:05");
    CHECK(validateShow(imported).empty());

    // The show file round-trips them, and a session's queue takes them in as approved.
    LoadResult reread = parseShow(serializeShow(imported));
    REQUIRE(reread.ok());
    CHECK(*reread.show == imported);
    const QuestionQueue queue(imported);
    const LiveQuestion* live = queue.find(ids[1]);
    REQUIRE(live);
    CHECK(live->state == QuestionState::Approved);
    CHECK(live->text == "Django 和 FastAPI\n在公司裡怎麼選？\n（一個多行的問題, 有逗號）");

    // A preview with bad rows applies nothing.
    const QuestionImportPreview bad = previewQuestionImport(show, "Question\r\n\"\"\r\n");
    Show untouched = show;
    CHECK(applyQuestionImport(untouched, bad).empty());
    CHECK(untouched == show);
}

TEST_CASE("question import: spreadsheet letters for columns") {
    CHECK(columnLetter(0) == "A");
    CHECK(columnLetter(25) == "Z");
    CHECK(columnLetter(26) == "AA");
    CHECK(columnLetter(27) == "AB");
    CHECK(columnLetter(701) == "ZZ");
    CHECK(columnLetter(702) == "AAA");
}
