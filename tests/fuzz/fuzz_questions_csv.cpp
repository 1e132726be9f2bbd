// Fuzz target: a form's questions CSV through the import preview and apply (libFuzzer's thread).
// Properties: never throws; a file-level refusal has no rows; every bad row and warning names a
// spreadsheet row (2 or later) and bad rows give a reason; imported questions are non-empty and
// within the limits; what the preview allows applies to a show that still validates.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>

#include "core/text.hpp"
#include "fuzz_support.hpp"
#include "io/question_import.hpp"
#include "io/show_validate.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text = fuzz::text(data, size);
    const pycast::Show& show = fuzz::sampleShow();
    pycast::QuestionImportPreview preview;
    try {
        preview = pycast::previewQuestionImport(show, text);
    } catch (const std::exception& e) {
        fuzz::fail(std::string("previewQuestionImport threw: ") + e.what());
    }
    // The importer's last-resort catch: an exception escaped a cell's conversion, a defect even
    // though the file was refused politely.
    FUZZ_CHECK(preview.fileError.rfind("could not be read: ", 0) != 0,
               "the importer threw, caught as a file error: " + preview.fileError);
    if (!preview.fileError.empty()) {
        FUZZ_CHECK(preview.questions.empty() && preview.badRows.empty(),
                   "rows beside a file error: " + preview.fileError);
        return 0;
    }
    std::set<int> rows;
    for (const pycast::ImportedQuestion& q : preview.questions) {
        FUZZ_CHECK(q.row >= 2, "a question from row " + std::to_string(q.row));
        FUZZ_CHECK(rows.insert(q.row).second, "row " + std::to_string(q.row) + " used twice");
        FUZZ_CHECK(!q.text.empty(), "an empty question from row " + std::to_string(q.row));
        FUZZ_CHECK(!pycast::invalidUtf8At(q.text) && !pycast::invalidUtf8At(q.name),
                   "invalid UTF-8 imported from row " + std::to_string(q.row));
        FUZZ_CHECK(q.votes >= 0, "negative votes from row " + std::to_string(q.row));
    }
    for (const pycast::RowProblem& p : preview.badRows) {
        FUZZ_CHECK(p.row >= 2, "a bad row " + std::to_string(p.row));
        FUZZ_CHECK(!p.reasons.empty(), "bad row " + std::to_string(p.row) + " without a reason");
        FUZZ_CHECK(rows.insert(p.row).second, "row " + std::to_string(p.row) + " good and bad");
    }
    for (const pycast::ImportWarning& w : preview.warnings)
        FUZZ_CHECK(w.row >= 2 && !w.message.empty(), "a warning without its row");
    if (!preview.canApply() || preview.questions.empty()) return 0;
    pycast::Show edited = show;
    const std::vector<std::string> ids = pycast::applyQuestionImport(edited, preview);
    FUZZ_CHECK(ids.size() == preview.questions.size(), "not every question applied");
    const std::vector<pycast::Problem> problems = pycast::validateShow(edited);
    FUZZ_CHECK(problems.empty(), "an applied import does not validate: " + problems.front().path +
                                     ": " + problems.front().message);
    return 0;
}
