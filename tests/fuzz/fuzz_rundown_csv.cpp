// Fuzz target: a rundown CSV through the import preview and apply (libFuzzer's thread).
// Properties: never throws; a file-level refusal has no rows; every bad row names a spreadsheet
// row (2 or later, in order) with at least one reason, and its message starts "row N"; good
// rows name their row too; what the preview allows applies to a show that still validates
// (schedule findings aside: the day is the editor's to check).
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>

#include "fuzz_support.hpp"
#include "io/csv_import.hpp"
#include "io/show_validate.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text = fuzz::text(data, size);
    const pycast::Show& show = fuzz::sampleShow();
    pycast::ImportOptions options;
    options.addUnknownPeople = size % 2 == 1;
    pycast::ImportPreview preview;
    try {
        preview = pycast::previewCsvImport(show, text, options);
    } catch (const std::exception& e) {
        fuzz::fail(std::string("previewCsvImport threw: ") + e.what());
    }
    // The importer's last-resort catch: an exception escaped a cell's conversion, a defect even
    // though the file was refused politely.
    FUZZ_CHECK(preview.fileError.rfind("could not be read: ", 0) != 0,
               "the importer threw, caught as a file error: " + preview.fileError);
    if (!preview.fileError.empty()) {
        FUZZ_CHECK(preview.segments.empty() && preview.badRows.empty(),
                   "rows beside a file error: " + preview.fileError);
        return 0;
    }
    FUZZ_CHECK(preview.segments.size() == preview.segmentRows.size(), "a segment without its row");
    std::set<int> rows;
    for (int row : preview.segmentRows) {
        FUZZ_CHECK(row >= 2, "a segment from row " + std::to_string(row));
        FUZZ_CHECK(rows.insert(row).second, "row " + std::to_string(row) + " used twice");
    }
    int lastBad = 1;
    for (const pycast::RowProblem& p : preview.badRows) {
        FUZZ_CHECK(p.row > lastBad, "bad rows out of order at row " + std::to_string(p.row));
        lastBad = p.row;
        FUZZ_CHECK(!p.reasons.empty(), "bad row " + std::to_string(p.row) + " without a reason");
        FUZZ_CHECK(rows.insert(p.row).second, "row " + std::to_string(p.row) + " good and bad");
        const std::string message = pycast::formatRowProblem(p);
        FUZZ_CHECK(message.rfind("row " + std::to_string(p.row), 0) == 0,
                   "the message does not name its row: " + message);
    }
    (void)pycast::describeMapping(preview.mapping, preview.headers);
    if (!preview.canApply() || preview.segments.empty()) return 0;
    pycast::Show edited = show;
    const pycast::ImportApplied applied = pycast::applyImport(edited, preview);
    FUZZ_CHECK(applied.segmentIds.size() == preview.segments.size(), "not every segment applied");
    FUZZ_CHECK(edited.rundown.size() == show.rundown.size() + preview.segments.size(),
               "the rundown did not grow by the import");
    // Schedule findings are the editor's to show (a pinned start earlier than the show's
    // start rolls into the next day and past the hard out): the preview checks rows, not the
    // day. Anything else a row brings in must validate.
    for (const pycast::Problem& p : pycast::validateShow(edited)) {
        const bool schedule =
            p.path.rfind("/show/", 0) == 0 || p.path == "/rundown" ||
            (p.path.size() >= 12 && p.path.compare(p.path.size() - 12, 12, "/fixed_start") == 0);
        FUZZ_CHECK(schedule, "an applied import does not validate: " + p.path + ": " + p.message);
    }
    return 0;
}
