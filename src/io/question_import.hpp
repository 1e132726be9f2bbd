// Importing audience questions from a form's CSV (Google Forms, Excel): preview first (mapping,
// questions, bad rows, duplicates), then apply to a show. Any thread; pure but for the file read.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/show.hpp"
#include "io/csv_import.hpp"

namespace pycast {

// Which CSV column (0-based) feeds each field of a question; -1 when none. Only text is required.
struct QuestionColumns {
    int text = -1;
    int name = -1;       // who asked
    int topic = -1;      // one or more of the show's topics
    int forPerson = -1;  // the person it is for: a name or id from the show's people
    int votes = -1;      // a whole number, 0 or more
    int timestamp = -1;  // the form's time stamp, kept as written (see ImportedQuestion)
    bool operator==(const QuestionColumns&) const = default;
};

enum class QuestionField { Text, Name, Topic, For, Votes, Timestamp };
const char* toName(QuestionField f);  // "text", "name", "topic", "for", "votes", "timestamp"

// One choice made by hand: FIELD=COLUMN, where COLUMN is a header as written (any case), a
// spreadsheet letter (A, B, … AA), a 1-based number, or "none" (the field is not imported).
struct ColumnChoice {
    QuestionField field = QuestionField::Text;
    std::string column;
    bool operator==(const ColumnChoice&) const = default;
};
// "text=C,name=姓名,topic=none" → choices; an Error names the piece that is not FIELD=COLUMN or
// the field that is unknown (fields: text, name, topic, for, votes, timestamp; also "question",
// "topics", "time"). Columns are resolved against the header by the preview.
Result<std::vector<ColumnChoice>> parseColumnChoices(const std::string& spec);

struct QuestionImportOptions {
    // The columns to start from (a GUI's dropdowns); detected from the header when unset.
    std::optional<QuestionColumns> mapping;
    // Applied on top, in order; a column chosen for one field is taken from any field the
    // detection gave it to. A choice naming no column of the file is the preview's fileError.
    std::vector<ColumnChoice> choices;
    // Questions already in the target besides the show's own (a running session's queue):
    // id and text, for the duplicate warnings.
    std::vector<std::pair<std::string, std::string>> existing;
};

// A row that becomes a question. Text keeps its line breaks (LF); cells are trimmed, and a ' a
// CSV writer put before = + - @ is taken off again.
struct ImportedQuestion {
    int row = 0;  // the spreadsheet's row (header = row 1)
    std::string text;
    std::string name;                 // "" when anonymous
    std::vector<std::string> topics;  // the show's labels, as the show writes them
    std::string forPerson;            // a person id of the show, or ""
    int votes = 0;
    // The form's time stamp as written ("2026/11/20 下午 3:04:05", "11/20/2026 15:04:05"):
    // not parsed (each locale writes its own), kept in the show file's question as
    // "submitted_at"; a session stamps its own time and does not keep it.
    std::string submittedAt;
};

// Something worth a look that does not stop the import (a duplicate question).
struct ImportWarning {
    int row = 0;
    std::string message;
};

struct QuestionImportPreview {
    std::vector<ImportedQuestion> questions;  // the good rows, in file order
    std::vector<RowProblem> badRows;          // (RowProblem::unknownSpeakers stays empty)
    std::vector<ImportWarning> warnings;
    QuestionColumns mapping;
    std::vector<std::string> headers;  // the header line's cells, trimmed
    std::string fileError;             // the file could not be read or mapped; then no rows
    char delimiter = ',';

    // Applying is allowed only when the whole file imports cleanly (warnings allowed).
    bool canApply() const { return fileError.empty() && badRows.empty(); }
};

// Reads the CSV and checks each row against the show (its topics and people); the show is not
// changed. Row problems: empty question, over 500 characters, a control character (core
// questionTextProblem / askerNameProblem), a name too long, a topic not among the show's (they
// are listed), a person not in the show or named ambiguously, votes that are not a whole
// number of 0 or more, more cells than the header. Rows whose every cell is empty are skipped.
QuestionImportPreview previewQuestionImport(const Show& show, const std::string& csvBytes,
                                            const QuestionImportOptions& options = {});
// The same for a file; an unreadable file (or a folder) is a fileError that names it.
QuestionImportPreview previewQuestionImportFile(const Show& show, const std::filesystem::path& file,
                                                const QuestionImportOptions& options = {});

// Columns found by header name, in English and Traditional Chinese, any case, annotations such as
// "(選填)" ignored: question/問題/您的問題/想問的問題/提問, name/姓名/名字/暱稱, topic/主題/類別,
// for/提問對象/對象, votes/票數, timestamp/時間戳記. Without an exact match, the first header
// holding "question" or "問題" is the text. E-mail and other columns are not imported.
QuestionColumns detectQuestionColumns(const std::vector<std::string>& headers);

// Appends the preview's questions to the show with fresh ids ("q-…", unique across the show's
// people, segments and questions) and returns those ids in order. Does nothing when
// !preview.canApply().
std::vector<std::string> applyQuestionImport(Show& show, const QuestionImportPreview& preview);

// "text <- "問題" (column C), name <- "姓名" (column B), topic <- (none), …; not imported:
// "電子郵件地址" (column D)".
std::string describeQuestionMapping(const QuestionColumns& m,
                                    const std::vector<std::string>& headers);
// "A", "B", … "Z", "AA": a 0-based column as a spreadsheet names it.
std::string columnLetter(int column);

}  // namespace pycast
