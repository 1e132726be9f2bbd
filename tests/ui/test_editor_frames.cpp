// The editor drawn headless: a 300-segment show with every modal open, and the keyboard: typing
// a title, a length that does not parse, shortcuts, Save As for an untitled show, closing.
#include <doctest/doctest.h>

#include "editing/rundown_editor.hpp"
#include "test_editor_support.hpp"

using namespace pycast;
using namespace pycast::ui;
using namespace pycast::uitest;

namespace {

void drawCleanly(Studio& studio, int frames = 3) {
    for (int i = 0; i < frames; ++i) {
        const std::string unbalanced = studio.frame();
        CHECK_MESSAGE(unbalanced.empty(), "left open: " << unbalanced);
    }
}

}  // namespace

TEST_CASE("the editor draws a 300-segment show: table, inspector and totals") {
    PrivateWorkspace ws;
    Studio studio;
    studio.window.setDocument(documentOf(makeLongShow(300)));
    studio.window.editor().selectSegment("s-150");
    drawCleanly(studio, 4);
    CHECK(studio.window.drawnViews() == std::vector<std::string>{"rundown"});
    const int vertices = studio.imgui.drawData()->TotalVtxCount;
    CHECK(vertices > 0);

    // Every inspector page, and the table scrolled to the end.
    for (InspectorPage page : {InspectorPage::Show, InspectorPage::People, InspectorPage::Questions,
                               InspectorPage::Segment}) {
        studio.window.editor().state().showPage = page;
        drawCleanly(studio, 2);
    }
    studio.window.editor().selectSegment("s-299");
    drawCleanly(studio, 2);
    CHECK_FALSE(studio.window.editor().state().ensureSelectedVisible);
    // Only the visible rows are drawn: the geometry does not grow with the show.
    CHECK(studio.imgui.drawData()->TotalVtxCount < vertices * 2);
}

TEST_CASE("the editor draws with each modal open over a 300-segment show") {
    PrivateWorkspace ws;
    const auto file = ws.copyOfSample("pycast-episode.json");

    SUBCASE("template picker") {
        Studio studio;
        studio.window.setDocument(documentOf(makeLongShow(300)));
        studio.window.showTemplatePicker();
        drawCleanly(studio);
        CHECK(studio.popupOpen(kTemplatePopup));
    }
    SUBCASE("import preview, with bad rows") {
        Studio studio;
        studio.window.setDocument(documentOf(makeLongShow(300)));
        studio.window.startImport(sourceDir() / "tests" / "data" / "csv" / "bad-rows.csv");
        drawCleanly(studio);
        CHECK(studio.popupOpen(kImportPopup));
    }
    SUBCASE("unsaved changes") {
        Studio studio;
        studio.window.setDocument(documentOf(makeLongShow(300)));
        studio.window.editor().setSegmentTitle("s-3", "changed");
        studio.window.open(file);
        drawCleanly(studio);
        CHECK(studio.popupOpen(kUnsavedPopup));
        CHECK(studio.window.document().path == "/tmp/generated.json");  // nothing opened yet
    }
    SUBCASE("restore an autosave") {
        Show changed = makeLongShow(300);
        changed.meta.title = "一個沒有存檔的節目";
        REQUIRE(writeAutosave(changed, file, autosavePathFor(file)).ok());
        Studio studio;
        studio.window.open(file);
        drawCleanly(studio);
        CHECK(studio.popupOpen(kRestorePopup));
        studio.window.answerRestore(RestoreChoice::Restore);
        drawCleanly(studio);
        CHECK(studio.window.document().show->rundown.size() == 300);
    }
    SUBCASE("file dialogs: open, save as, export, import") {
        Studio studio;
        studio.window.setDocument(documentOf(makeLongShow(300)));
        studio.window.showOpenDialog();
        drawCleanly(studio);
        CHECK(studio.popupOpen("###file-dialog"));
        studio.press(keys::Escape);
        CHECK_FALSE(studio.popupOpen("###file-dialog"));
        studio.window.showSaveAsDialog();
        drawCleanly(studio);
        studio.press(keys::Escape);
        studio.window.showExportDialog(RundownFormat::Markdown);
        drawCleanly(studio);
        CHECK(studio.popupOpen("###file-dialog"));
        CHECK(studio.window.fileDialog().spec().title == "Export rundown as Markdown");
        CHECK(studio.window.fileDialog().pathField() == "generated-rundown.md");
        studio.press(keys::Escape);
        studio.window.showImportDialog();
        drawCleanly(studio);
        studio.press(keys::Escape);
    }
}

TEST_CASE("typing a title in the inspector is one undo step, committed when the field is left") {
    PrivateWorkspace ws;
    Studio studio;
    studio.window.setDocument(documentOf(loadSample("pycast-episode.json")));
    RundownEditor& ed = studio.window.editor();
    const std::string id = studio.window.document().show->rundown[1].id;
    const std::string before = studio.window.document().show->rundown[1].title;
    ed.selectSegment(id);
    ed.state().focusField = "title";
    studio.frames(3);

    // Five keystrokes; the first replaces the selected title.
    for (const char* c : {"技", "術", "深", "談", "!"}) studio.type(c);
    // A validated field commits at the end of the gesture, never a prefix on the way.
    CHECK(studio.window.document().show->rundown[1].title == before);
    studio.press(keys::Enter);  // leaves the field
    studio.frames(2);
    CHECK(studio.window.document().show->rundown[1].title == "技術深談!");
    CHECK(studio.window.document().dirty);
    CHECK(studio.window.document().history.undoDepth() == 1);

    studio.press('Z', true);
    CHECK(studio.window.document().show->rundown[1].title == before);
    CHECK_FALSE(studio.window.document().dirty);
    studio.press('Z', true, true);
    CHECK(studio.window.document().show->rundown[1].title == "技術深談!");
    // The typed characters were asked of the font atlas.
    if (studio.fonts.cjkLoaded()) {
        CHECK(studio.fonts.font(FontRole::Body)->FindGlyphNoFallback(static_cast<ImWchar>(0x6DF1)) != nullptr);
    }
}

TEST_CASE("a length typed as '5 min' shows a hint and leaves the model alone") {
    PrivateWorkspace ws;
    Studio studio;
    studio.window.setDocument(documentOf(loadSample("pycast-episode.json")));
    RundownEditor& ed = studio.window.editor();
    const Segment seg = studio.window.document().show->rundown[2];
    ed.selectSegment(seg.id);
    ed.state().focusField = "planned";
    studio.frames(3);

    studio.type("5 min");
    studio.press(keys::Enter);
    CHECK(studio.window.document().show->rundown[2].planned == seg.planned);
    CHECK_FALSE(studio.window.document().dirty);
    const auto& invalid = ed.state().drafts;
    REQUIRE(invalid.count("seg:" + seg.id + ":planned") == 1);
    CHECK(invalid.at("seg:" + seg.id + ":planned") == "5 min");

    // Fixed: typed again as mm:ss, it lands, and the red hint goes.
    ed.state().focusField = "planned";
    studio.frames(2);
    studio.type("7:30");
    studio.press(keys::Enter);
    CHECK(studio.window.document().show->rundown[2].planned == 450);
    CHECK(invalid.count("seg:" + seg.id + ":planned") == 0);
    CHECK(studio.window.document().history.undoDepth() == 1);
}

namespace {
// Opens a sample in the studio with one segment selected and drawn.
RundownEditor& selectInStudio(Studio& studio, const std::string& sample, std::size_t row) {
    studio.window.setDocument(documentOf(loadSample(sample)));
    RundownEditor& ed = studio.window.editor();
    ed.selectSegment(studio.window.document().show->rundown[row].id);
    studio.frames(2);
    return ed;
}

// Puts the caret in a validated field, types `text` a character a frame, and leaves with Enter.
void typeIntoField(Studio& studio, RundownEditor& ed, const char* field, const std::string& text) {
    ed.state().focusField = field;
    studio.frames(2);
    for (std::size_t i = 0; i < text.size(); ++i) studio.type(text.substr(i, 1));
    studio.press(keys::Enter);
    studio.frames(1);
}
}  // namespace

TEST_CASE("a length that shows red has changed nothing: 1:30h and 1:05:00x save no prefix") {
    PrivateWorkspace ws;
    Studio studio;
    RundownEditor& ed = selectInStudio(studio, "pycast-episode.json", 2);
    const Segment seg = studio.window.document().show->rundown[2];
    const std::string key = "seg:" + seg.id + ":planned";

    for (const char* typed : {"1:30h", "1:05:00x"}) {
        CAPTURE(typed);
        typeIntoField(studio, ed, "planned", typed);
        CHECK(studio.window.document().show->rundown[2].planned == seg.planned);  // not 01:30, not 1:05:00
        CHECK_FALSE(studio.window.document().dirty);
        CHECK_FALSE(ed.canUndo());
        REQUIRE(ed.state().drafts.count(key) == 1);
        CHECK(ed.state().drafts.at(key) == typed);  // still in the field, red
    }

    // Typed right, it lands as the whole text, in one step.
    typeIntoField(studio, ed, "planned", "1:05:00");
    CHECK(studio.window.document().show->rundown[2].planned == 3900);
    CHECK(studio.window.document().history.undoDepth() == 1);
    CHECK(ed.state().drafts.count(key) == 0);
}

TEST_CASE("a fixed start that shows red has changed nothing, and nothing is committed while typing") {
    PrivateWorkspace ws;
    Studio studio;
    RundownEditor& ed = selectInStudio(studio, "enterprise-meetup.json", 3);
    const Segment seg = studio.window.document().show->rundown[3];

    typeIntoField(studio, ed, "fixed", "19:5x");
    CHECK(studio.window.document().show->rundown[3].fixedStart == seg.fixedStart);
    CHECK_FALSE(studio.window.document().dirty);

    // While a valid time is typed, the model waits for the end of the gesture.
    ed.state().focusField = "fixed";
    studio.frames(2);
    for (const char* c : {"1", "9", ":", "4", "5"}) studio.type(c);
    CHECK(studio.window.document().show->rundown[3].fixedStart == seg.fixedStart);
    studio.press(keys::Enter);
    studio.frames(1);
    CHECK(studio.window.document().show->rundown[3].fixedStart == 19 * 3600 + 45 * 60);
    CHECK(studio.window.document().history.undoDepth() == 1);
}

TEST_CASE("segment shortcuts: Ctrl+D, Insert, Alt+Up/Down, Delete, arrows") {
    PrivateWorkspace ws;
    Studio studio;
    studio.window.setDocument(documentOf(loadSample("enterprise-meetup.json")));
    RundownEditor& ed = studio.window.editor();
    const Show original = *studio.window.document().show;
    const std::string third = original.rundown[2].id;
    ed.selectSegment(third);
    studio.frames(2);

    studio.press('D', true);
    CHECK(studio.window.document().show->rundown.size() == original.rundown.size() + 1);
    const std::string copy = ed.selectedSegmentId();
    CHECK(copy != third);
    CHECK(studio.window.document().show->segmentIndex(copy) == 3);

    studio.press(keys::Up, false, false, true);  // Alt+Up
    CHECK(studio.window.document().show->segmentIndex(copy) == 2);
    CHECK(ed.selectedSegmentId() == copy);
    studio.press(keys::Down, false, false, true);
    CHECK(studio.window.document().show->segmentIndex(copy) == 3);

    // Insert adds below and puts the caret in the new segment's title.
    studio.press(keys::Insert);
    const std::string added = ed.selectedSegmentId();
    CHECK(studio.window.document().show->segmentIndex(added) == 4);
    studio.frames(2);
    CHECK(ImGui::GetCurrentContext() == studio.imgui.context());
    CHECK(studio.imgui.io().WantTextInput);
    studio.type("Q");
    studio.press(keys::Enter);
    CHECK(studio.window.document().show->findSegment(added)->title == "Q");

    // Delete (the table has the keyboard once a row is picked) and undo all of it.
    ed.state().tableHasKeys = true;
    studio.press(keys::Delete);
    CHECK(studio.window.document().show->findSegment(added) == nullptr);
    while (ed.undo()) {
    }
    CHECK(*studio.window.document().show == original);
}

TEST_CASE("the Edit menu's labels name the step to undo and redo") {
    Studio studio;
    studio.window.setDocument(documentOf(loadSample("pycast-episode.json")));
    RundownEditor& ed = studio.window.editor();
    const Segment first = studio.window.document().show->rundown.front();
    ed.setSegmentTitle(first.id, "新的開場");
    ed.endGesture();
    CHECK(studio.window.document().history.undoLabel() == "Rename " + quotedTitle(first.title));
    ed.undo();
    CHECK(studio.window.document().history.redoLabel() == "Rename " + quotedTitle(first.title));
}

TEST_CASE("Ctrl+S on an untitled show opens Save As, and saving there names the document") {
    PrivateWorkspace ws;
    Studio studio;
    studio.window.setDocument(untitledDocument(loadSample("pycast-ama.json")));
    studio.frames(2);
    CHECK(studio.window.windowTitle().find("Untitled*") != std::string::npos);
    studio.press('S', true);
    CHECK(studio.popupOpen("###file-dialog"));
    CHECK(studio.window.fileDialog().spec().title == "Save show as");
    // The file name comes from the title, punctuation (full-width too) turned into dashes.
    CHECK(studio.window.fileDialog().pathField() == "ama-問問資深-pythonista-任何事-ask-me-anything.json");
}

TEST_CASE("closing with unsaved changes asks first, and Don't save closes without an autosave") {
    PrivateWorkspace ws;
    const auto file = ws.copyOfSample("pycast-episode.json");
    {
        Studio studio;
        studio.window.open(file);
        studio.window.editor().setSegmentPlanned(studio.window.document().show->rundown[0].id, 42);
        CHECK_FALSE(studio.window.requestClose());
        studio.frames(2);
        CHECK(studio.popupOpen(kUnsavedPopup));

        studio.window.answerUnsavedChanges(UnsavedChoice::Cancel);
        FrameRequests none;
        CHECK(studio.window.apply(none));
        CHECK_FALSE(studio.window.requestClose());
        studio.window.answerUnsavedChanges(UnsavedChoice::DontSave);
        CHECK(studio.window.requestClose());
        CHECK_FALSE(studio.window.apply(none));
    }
    CHECK_FALSE(std::filesystem::exists(autosavePathFor(file)));
    CHECK(loadShowFile(file).show->rundown[0].planned != 42);
}

TEST_CASE("opening another file with unsaved changes: Save writes them, then opens it") {
    PrivateWorkspace ws;
    const auto file = ws.copyOfSample("pycast-episode.json");
    const auto other = ws.copyOfSample("pycast-ama.json");
    Studio studio;
    studio.window.open(file);
    studio.window.editor().setSegmentPlanned(studio.window.document().show->rundown[0].id, 42);
    studio.window.open(other);
    CHECK(studio.window.document().path == file);  // asked first
    studio.window.answerUnsavedChanges(UnsavedChoice::Save);
    CHECK(studio.window.document().path == other);
    CHECK(loadShowFile(file).show->rundown[0].planned == 42);
}

TEST_CASE("Copy Markdown puts the core's Markdown on the clipboard and says so") {
    Studio studio;
    studio.window.setDocument(documentOf(loadSample("enterprise-meetup.json")));
    studio.frame();
    std::string clipboard;
    studio.imgui.frame([&] {
        studio.window.copyMarkdown();
        clipboard = ImGui::GetClipboardText();
    });
    CHECK(clipboard == studio.window.editor().rundownMarkdown());
    CHECK(studio.window.notice().find("Copied") == 0);
}

TEST_CASE("File > New from template: Enter in the picker starts an untitled, unsaved show") {
    PrivateWorkspace ws;
    Studio studio;
    studio.window.setDocument(documentOf(loadSample("pycast-episode.json")));
    studio.window.showTemplatePicker();
    studio.frames(2);
    // Pick the meetup sample.
    // (The picker lists the built-in samples first, in file-name order.)
    studio.press(keys::Enter);  // the first template is preselected
    CHECK_FALSE(studio.popupOpen(kTemplatePopup));
    CHECK(studio.window.document().path.empty());
    CHECK(studio.window.document().dirty);
    CHECK(studio.window.document().show->meta.date.empty());
    CHECK_FALSE(studio.window.document().show->meta.episode);
}

