// The rundown editor inside the studio window: the dirty marker in the title, autosave restore
// offers, CSV import through the preview dialog, templates (the editor's own actions without a
// window: tests/src/editing/test_rundown_editor.cpp).
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "editing/rundown_editor.hpp"
#include "io/rundown_export.hpp"
#include "test_editor_support.hpp"
#include "io/workspace.hpp"

using namespace pycast;
using namespace pycast::ui;
using namespace pycast::uitest;

TEST_CASE("save clears the dirty marker, an edit brings it back, undoing to the saved state clears it") {
    PrivateWorkspace ws;
    const auto file = ws.copyOfSample("pycast-episode.json");
    Studio studio;
    MainWindow& window = studio.window;
    window.open(file);
    REQUIRE(window.document().show);
    CHECK(window.windowTitle().back() != '*');
    RundownEditor& ed = window.editor();
    const std::string id = window.document().show->rundown.front().id;

    ed.setSegmentTitle(id, "已修改的開場");
    ed.endGesture();
    CHECK(window.document().dirty);
    CHECK(window.windowTitle().back() == '*');
    CHECK(window.views().front().label(window.document()).find("•") != std::string::npos);

    const Result<std::string> saved = ed.save();
    REQUIRE_MESSAGE(saved.ok(), saved.error().message());
    CHECK_FALSE(window.document().dirty);
    CHECK(window.windowTitle().back() != '*');
    CHECK(window.views().front().label(window.document()) == "Rundown");
    const LoadResult reread = loadShowFile(file);
    REQUIRE(reread.ok());
    CHECK(*reread.show == *window.document().show);
    CHECK(std::filesystem::exists(file.string() + ".bak"));

    ed.setSegmentPlanned(id, 99);
    ed.endGesture();
    CHECK(window.document().dirty);
    ed.undo();
    CHECK_FALSE(window.document().dirty);
    ed.undo();  // before the save: differs from the file again
    CHECK(window.document().dirty);
}

TEST_CASE("closing with unsaved changes keeps an autosave, and the next start offers to restore it") {
    PrivateWorkspace ws;
    const auto file = ws.copyOfSample("enterprise-meetup.json");
    Show edited;
    {
        Studio first;
        first.keepAutosaveOnExit = true;
        first.window.open(file);
        RundownEditor& ed = first.window.editor();
        ed.selectSegment(first.window.document().show->rundown[3].id);
        ed.duplicateSelected();
        edited = *first.window.document().show;
        // No tick reached 30 s: the window's end (a signal, a crash of the loop) writes it.
    }
    REQUIRE(std::filesystem::exists(autosavePathFor(file)));

    Studio second;
    second.window.open(file);
    REQUIRE(second.window.editor().restoreOffers().size() == 1);
    CHECK(second.frame().empty());
    CHECK(second.popupOpen(kRestorePopup));
    second.window.answerRestore(RestoreChoice::Restore);
    CHECK(*second.window.document().show == edited);
    CHECK(second.window.document().dirty);
    CHECK(second.window.document().path == file);
    CHECK(second.window.windowTitle().back() == '*');

    // Saving writes the file and removes the restored autosave.
    REQUIRE(second.window.editor().save().ok());
    second.window.editor().flushAutosave();
    CHECK_FALSE(std::filesystem::exists(autosavePathFor(file)));
    CHECK(*loadShowFile(file).show == edited);
}

TEST_CASE("discarding the offered autosave deletes it and keeps the file as it was") {
    PrivateWorkspace ws;
    const auto file = ws.copyOfSample("pycast-episode.json");
    const Show changed = leaveAutosave(file, "未儲存的修改");

    Studio studio;
    studio.window.open(file);
    REQUIRE(studio.window.editor().restoreOffers().size() == 1);
    studio.window.answerRestore(RestoreChoice::Discard);
    CHECK_FALSE(std::filesystem::exists(autosavePathFor(file)));
    CHECK(studio.window.document().show->meta.title != changed.meta.title);
    CHECK_FALSE(studio.window.document().dirty);
}

TEST_CASE("CSV import: preview, add after the selection as one step, undo takes it out") {
    PrivateWorkspace ws;
    Bench b(documentOf(loadSample("pycast-episode.json")));
    RundownEditor& ed = b.editor;
    const Show original = b.show();
    ed.selectSegment(original.rundown[1].id);

    ImportDialog dialog;
    dialog.open(b.show(), sourceDir() / "tests" / "data" / "csv" / "plain-utf8.csv");
    REQUIRE(dialog.blockedReason().empty());
    const ImportPreview preview = dialog.preview();
    REQUIRE(preview.segments.size() == 3);

    const int added = ed.importSegments(preview, true, "plain-utf8.csv");
    CHECK(added == 3);
    CHECK(b.show().rundown.size() == original.rundown.size() + 3);
    CHECK(b.show().rundown[2].title == preview.segments[0].title);
    CHECK(ed.selectedSegmentId() == b.show().rundown[2].id);
    CHECK(b.doc.history.undoLabel() == "Import 3 segments from plain-utf8.csv");
    ed.undo();
    CHECK(b.show() == original);
    ed.redo();
    CHECK(b.show().rundown.size() == original.rundown.size() + 3);

    // At the end, when asked.
    ed.undo();
    ed.importSegments(preview, false, "plain-utf8.csv");
    CHECK(b.show().rundown.back().title == preview.segments.back().title);
}

TEST_CASE("CSV import with bad rows is refused until they are fixed, and unknown speakers can become guests") {
    Bench b(documentOf(loadSample("pycast-episode.json")));
    ImportDialog dialog;
    dialog.open(b.show(), sourceDir() / "tests" / "data" / "csv" / "bad-rows.csv");
    CHECK_FALSE(dialog.preview().canApply());
    CHECK(dialog.blockedReason().find("cannot be imported") != std::string::npos);
    const Show before = b.show();
    CHECK(b.editor.importSegments(dialog.preview(), false, "bad-rows.csv") == 0);
    CHECK(b.show() == before);

    dialog.setAddUnknownPeople(b.show(), true);
    bool bobAdded = false;
    for (const auto& p : dialog.preview().newPeople) bobAdded = bobAdded || p.name == "Bob";
    CHECK(bobAdded);

    // The mapping dropdowns re-run the preview: no title column means no segments at all.
    ColumnMapping mapping = dialog.preview().mapping;
    mapping.title = -1;
    dialog.setMapping(b.show(), mapping);
    CHECK_FALSE(dialog.blockedReason().empty());
    CHECK(dialog.preview().segments.empty());
}

TEST_CASE("a saved template is listed with the user's templates and starts a new, untitled show") {
    PrivateWorkspace ws;
    Bench b(documentOf(loadSample("enterprise-meetup.json")));
    const auto file = userTemplatesDir() / "my-meetup.json";
    REQUIRE(b.editor.saveAsTemplate(file).ok());
    const auto templates = summarizeTemplates(sourceDir() / "shows");
    REQUIRE(templates.size() == sampleShows().size() + 1);
    CHECK(templates.back().info.path == file);
    CHECK_FALSE(templates.back().info.builtIn);
    CHECK(templates.back().segments == b.show().rundown.size());
    for (std::size_t i = 0; i + 1 < templates.size(); ++i) CHECK(templates[i].info.builtIn);
}
