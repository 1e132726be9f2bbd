// The rundown editor's actions, driven without drawing: undo/redo, selection by id, one step per
// gesture, saving and the dirty marker, autosave on an injected clock, export.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "editing/rundown_editor.hpp"
#include "editing_test_support.hpp"
#include "io/rundown_export.hpp"
#include "io/workspace.hpp"

using namespace pycast;
using namespace pycast::test;

TEST_CASE("segment edits: do, undo everything, redo everything give identical shows") {
    PrivateWorkspace ws;
    Bench b(documentOf(loadSample("enterprise-meetup.json")));
    const Show original = b.show();
    RundownEditor& ed = b.editor;

    ed.selectSegment(original.rundown[2].id);
    const std::string added = ed.addSegment(InsertWhere::Below);
    CHECK(b.show().segmentIndex(added) == 3);
    ed.setSegmentTitle(added, "來賓自我介紹");
    ed.endGesture();
    ed.addSegment(InsertWhere::Above);
    ed.endGesture();
    ed.selectSegment(original.rundown[4].id);
    CHECK(ed.duplicateSelected());
    CHECK(ed.moveSelected(-2));
    ed.selectSegment(original.rundown[0].id);
    CHECK(ed.deleteSelected());
    CHECK(ed.moveSegment(added, 0));
    const Show edited = b.show();
    CHECK(edited.rundown.size() == original.rundown.size() + 2);
    CHECK(b.doc.dirty);

    int steps = 0;
    while (ed.undo()) ++steps;
    CHECK(steps == 7);
    CHECK(b.show() == original);
    CHECK_FALSE(b.doc.dirty);  // back where the file was
    while (ed.redo()) --steps;
    CHECK(steps == 0);
    CHECK(b.show() == edited);
    // The analysis follows every change, undo and redo included.
    CHECK(b.doc.analysis->segments.size() == edited.rundown.size());
    CHECK(b.doc.analysis->plannedTotal == edited.plannedTotal());
}

TEST_CASE("selection follows the segment's id through moves, drags and undo") {
    Bench b(documentOf(loadSample("enterprise-meetup.json")));
    RundownEditor& ed = b.editor;
    const std::string panel = b.show().rundown[6].id;
    ed.selectSegment(panel);

    CHECK(ed.moveSelected(-1));
    CHECK(ed.selectedSegmentId() == panel);
    CHECK(ed.selectedIndex() == 5);
    CHECK(ed.moveSelected(-1));
    CHECK(ed.selectedIndex() == 4);

    ed.undo();
    CHECK(ed.selectedSegmentId() == panel);
    CHECK(ed.selectedIndex() == 5);
    ed.undo();
    CHECK(ed.selectedIndex() == 6);
    ed.redo();
    CHECK(ed.selectedSegmentId() == panel);
    CHECK(ed.selectedIndex() == 5);

    // A drag to the top: the dropped segment is the selection, wherever it lands.
    const std::string outro = b.show().rundown.back().id;
    CHECK(ed.moveSegment(outro, 0));
    CHECK(ed.selectedSegmentId() == outro);
    CHECK(b.show().rundown.front().id == outro);

    // Moving past either end does nothing and adds no step.
    ed.selectSegment(b.show().rundown.front().id);
    const auto depth = b.doc.history.undoDepth();
    CHECK_FALSE(ed.moveSelected(-1));
    CHECK(b.doc.history.undoDepth() == depth);
}

TEST_CASE("undoing an added segment selects the one it was added below") {
    Bench b(documentOf(loadSample("pycast-episode.json")));
    RundownEditor& ed = b.editor;
    const std::string anchor = b.show().rundown[1].id;
    ed.selectSegment(anchor);
    const std::string added = ed.addSegment();
    CHECK(ed.selectedSegmentId() == added);
    ed.undo();
    CHECK(b.show().findSegment(added) == nullptr);
    CHECK(ed.selectedSegmentId() == anchor);
}

TEST_CASE("deleting selects the next segment, or the previous one at the end") {
    Bench b(documentOf(loadSample("pycast-episode.json")));
    RundownEditor& ed = b.editor;
    const auto ids = b.ids();
    ed.selectSegment(ids[1]);
    CHECK(ed.deleteSelected());
    CHECK(ed.selectedSegmentId() == ids[2]);
    ed.selectSegment(ids.back());
    CHECK(ed.deleteSelected());
    CHECK(ed.selectedSegmentId() == ids[ids.size() - 2]);
    ed.undo();
    CHECK(b.show().findSegment(ids.back()) != nullptr);
}

TEST_CASE("a title typed as five keystrokes and then left is one undo step") {
    Bench b(documentOf(loadSample("pycast-episode.json")));
    RundownEditor& ed = b.editor;
    const Segment first = b.show().rundown.front();
    const auto depth = b.doc.history.undoDepth();

    for (const char* text : {"開", "開場", "開場：", "開場：P", "開場：Py"}) ed.setSegmentTitle(first.id, text);
    ed.endGesture();
    CHECK(b.show().rundown.front().title == "開場：Py");
    CHECK(b.doc.history.undoDepth() == depth + 1);
    CHECK(b.doc.history.undoLabel().find("Rename") == 0);

    // The next gesture on the same field is a step of its own.
    ed.setSegmentTitle(first.id, "開場：Python");
    ed.endGesture();
    CHECK(b.doc.history.undoDepth() == depth + 2);

    ed.undo();
    CHECK(b.show().rundown.front().title == "開場：Py");
    ed.undo();
    CHECK(b.show().rundown.front().title == first.title);
    ed.redo();
    CHECK(b.show().rundown.front().title == "開場：Py");
}

TEST_CASE("dragging a length is one undo step, and the totals follow each value") {
    Bench b(documentOf(loadSample("pycast-episode.json")));
    RundownEditor& ed = b.editor;
    const Segment seg = b.show().rundown[2];
    const Seconds total = b.doc.analysis->plannedTotal;
    for (Seconds s = seg.planned; s <= seg.planned + 120; s += 10) {
        ed.setSegmentPlanned(seg.id, s);
        CHECK(b.doc.analysis->plannedTotal == total + (s - seg.planned));
    }
    ed.endGesture();
    ed.undo();
    CHECK(b.show().rundown[2].planned == seg.planned);
    CHECK(b.doc.analysis->plannedTotal == total);
    CHECK_FALSE(ed.canUndo());
}

TEST_CASE("every field of a segment can be edited and undone") {
    Bench b(documentOf(loadSample("enterprise-meetup.json")));
    RundownEditor& ed = b.editor;
    const Show original = b.show();
    const Segment seg = original.rundown[2];
    ed.setSegmentKind(seg.id, SegmentKind::Tech);
    ed.setSegmentNotes(seg.id, "帶筆電");
    ed.endGesture();
    ed.setSegmentFixedStart(seg.id, 19 * 3600 + 15 * 60);
    ed.endGesture();
    ed.setSegmentTechnical(seg.id, false);
    ed.toggleSpeaker(seg.id, "p-host");
    ed.toggleSpeaker(seg.id, original.rundown[2].speakers.front());
    const Segment& now = *b.show().findSegment(seg.id);
    CHECK(now.kind == SegmentKind::Tech);
    CHECK(now.notes == "帶筆電");
    CHECK(now.fixedStart == 19 * 3600 + 15 * 60);
    CHECK(now.technical == false);
    CHECK(now.speakers == std::vector<std::string>{"p-host"});
    while (ed.undo()) {
    }
    CHECK(b.show() == original);
}

TEST_CASE("making a segment elastic takes it from the other one, in one step") {
    Bench b(documentOf(loadSample("enterprise-meetup.json")));
    RundownEditor& ed = b.editor;
    std::string elastic;
    for (const auto& s : b.show().rundown) {
        if (s.elastic) elastic = s.id;
    }
    REQUIRE_FALSE(elastic.empty());
    const std::string other = b.show().rundown.front().id;
    ed.setSegmentElastic(other, true);
    CHECK(b.show().findSegment(other)->elastic);
    CHECK_FALSE(b.show().findSegment(elastic)->elastic);
    CHECK(validateShow(b.show()).empty());
    ed.undo();
    CHECK(b.show().findSegment(elastic)->elastic);
    CHECK_FALSE(b.show().findSegment(other)->elastic);
}

TEST_CASE("people, metadata, guidelines and questions are edited through undoable steps") {
    Bench b(documentOf(loadSample("pycast-ama.json")));
    RundownEditor& ed = b.editor;
    const Show original = b.show();

    const std::string person = ed.addPerson();
    Person p = *b.show().findPerson(person);
    p.name = "王小明";
    p.company = "ShopPie";
    ed.updatePerson(person, p, "Rename", "person:" + person + ":name");
    ed.endGesture();
    ed.toggleSpeaker(b.show().rundown[1].id, person);

    ShowMeta meta = b.show().meta;
    meta.title = "新標題";
    meta.startTime = 20 * 3600;
    ed.updateMeta(meta, "Rename the show", "meta:title");
    Guidelines g = b.show().guidelines;
    g.maxCompanyShare = 25;
    ed.updateGuidelines(g, "Change the limit");

    const std::string q = ed.addQuestion();
    CHECK(ed.selectedQuestionId() == q);
    CHECK(ed.moveQuestion(q, -1));
    CHECK(b.show().questions[b.show().questions.size() - 2].id == q);

    // Deleting the new person takes them off the segment too; one undo brings both back.
    CHECK(ed.deletePerson(person));
    for (const auto& s : b.show().rundown) {
        CHECK(std::find(s.speakers.begin(), s.speakers.end(), person) == s.speakers.end());
    }
    ed.undo();
    CHECK(std::find(b.show().rundown[1].speakers.begin(), b.show().rundown[1].speakers.end(), person) !=
          b.show().rundown[1].speakers.end());

    CHECK(ed.deleteQuestion(q));
    while (ed.undo()) {
    }
    CHECK(b.show() == original);
}

TEST_CASE("views post their edits, and nothing changes until the frame is over") {
    Bench b(documentOf(loadSample("pycast-episode.json")));
    RundownEditor& ed = b.editor;
    const std::string id = b.show().rundown.front().id;
    ed.post([id](RundownEditor& e) { e.setSegmentTitle(id, "A"); });
    ed.post([id](RundownEditor& e) { e.setSegmentTitle(id, "AB"); });
    ed.post([](RundownEditor& e) { e.endGesture(); });
    CHECK(b.show().rundown.front().title != "AB");
    CHECK(ed.runPosted());
    CHECK(b.show().rundown.front().title == "AB");
    CHECK(b.doc.history.undoDepth() == 1);
    CHECK_FALSE(ed.runPosted());
}

TEST_CASE("typed lengths and times: what parses, and what the hint says otherwise") {
    std::string hint;
    CHECK(parseLengthField("5:30", hint) == 330);
    CHECK(parseLengthField("1:05:00", hint) == 3900);
    CHECK_FALSE(parseLengthField("5 min", hint));
    CHECK(hint.find("mm:ss") != std::string::npos);
    CHECK_FALSE(parseLengthField("5:75", hint));
    CHECK(hint.find("59") != std::string::npos);
    CHECK_FALSE(parseLengthField("-3:00", hint));

    std::optional<Seconds> t;
    CHECK(parseOptionalTimeField("19:50", t, hint));
    CHECK(t == 19 * 3600 + 50 * 60);
    CHECK(parseOptionalTimeField("  ", t, hint));
    CHECK_FALSE(t);
    CHECK_FALSE(parseOptionalTimeField("7pm", t, hint));
    CHECK(hint.find("HH:MM") != std::string::npos);

    CHECK(isValidDate("2027-01-14"));
    CHECK(isValidDate(""));
    CHECK_FALSE(isValidDate("14/01/2027"));
}

TEST_CASE("a failed save says why and keeps the document dirty") {
    PrivateWorkspace ws;
    Bench b(documentOf(loadSample("pycast-episode.json"), ws / "episode.json"));
    RundownEditor& ed = b.editor;
    ed.setSegmentTitle(b.show().rundown.front().id, "changed");

    const Result<std::string> nowhere = ed.saveAs("/nonexistent/folder/show.json");
    CHECK_FALSE(nowhere.ok());
    CHECK_FALSE(nowhere.error().message().empty());
    CHECK(b.doc.dirty);
    CHECK(b.doc.path == ws / "episode.json");

    // A show the loader would refuse is not written: every problem is listed with its path.
    Segment blank = b.show().rundown[1];
    blank.title.clear();
    ed.updateSegment(blank.id, blank, "Clear title");
    const Result<std::string> invalid = ed.save();
    CHECK_FALSE(invalid.ok());
    REQUIRE_FALSE(ed.problemsBeforeSaving().empty());
    CHECK(ed.problemsBeforeSaving().front().path == "/rundown/1/title");
    CHECK_FALSE(std::filesystem::exists(ws / "episode.json"));
    CHECK(b.doc.dirty);
}

TEST_CASE("an untitled document cannot be saved in place: it needs Save As") {
    PrivateWorkspace ws;
    Bench b(untitledDocument(loadSample("pycast-ama.json")));
    CHECK(b.doc.dirty);
    CHECK(b.doc.fileName() == "Untitled");
    CHECK_FALSE(b.editor.save().ok());
    const Result<std::string> r = b.editor.saveAs(ws / "ama-copy.json");
    REQUIRE_MESSAGE(r.ok(), r.error().message());
    CHECK_FALSE(b.doc.dirty);
    CHECK(b.doc.path == ws / "ama-copy.json");
}

TEST_CASE("autosave: written after 30 s of changes on the injected clock, removed after a save") {
    PrivateWorkspace ws;
    const auto file = ws.copyOfSample("enterprise-meetup.json");
    Bench b(openDocument(file));
    RundownEditor& ed = b.editor;
    const auto autosave = autosavePathFor(file);
    CHECK(ed.autosavePath() == autosave);

    ed.tick(0.0);  // clean: nothing happens
    ed.setSegmentTitle(b.show().rundown.front().id, "自動儲存測試");
    ed.endGesture();
    ed.tick(10.0);  // the clock starts when the document is first seen dirty
    ed.tick(39.0);
    ed.flushAutosave();
    CHECK_FALSE(std::filesystem::exists(autosave));
    ed.tick(40.0);
    ed.flushAutosave();
    REQUIRE(std::filesystem::exists(autosave));
    const auto written = readAutosave(autosave);
    REQUIRE(written);
    CHECK(written->show == b.show());
    CHECK(written->original == std::filesystem::absolute(file));

    // Nothing new to write: no rewrite at the next interval.
    const auto stamp = std::filesystem::last_write_time(autosave);
    ed.tick(80.0);
    ed.flushAutosave();
    CHECK(std::filesystem::last_write_time(autosave) == stamp);

    // A later change is written 30 s after the last autosave.
    ed.setSegmentPlanned(b.show().rundown.front().id, 123);
    ed.tick(85.0);
    ed.tick(110.5);
    ed.flushAutosave();
    CHECK(readAutosave(autosave)->show.rundown.front().planned == 123);

    REQUIRE(ed.save().ok());
    ed.flushAutosave();
    CHECK_FALSE(std::filesystem::exists(autosave));
    ed.tick(200.0);
    ed.flushAutosave();
    CHECK_FALSE(std::filesystem::exists(autosave));
}

TEST_CASE("undoing back to the file removes the autosave: there is nothing to recover") {
    PrivateWorkspace ws;
    const auto file = ws.copyOfSample("pycast-episode.json");
    Bench b(openDocument(file));
    RundownEditor& ed = b.editor;
    ed.setSegmentPlanned(b.show().rundown.front().id, 1);
    ed.tick(0.0);
    ed.tick(31.0);
    ed.flushAutosave();
    REQUIRE(std::filesystem::exists(autosavePathFor(file)));
    ed.undo();
    ed.tick(32.0);
    ed.flushAutosave();
    CHECK_FALSE(std::filesystem::exists(autosavePathFor(file)));
}

TEST_CASE("an untitled show autosaves into the state folder") {
    PrivateWorkspace ws;
    Bench b(untitledDocument(loadSample("pycast-ama.json")));
    b.editor.tick(0.0);
    b.editor.tick(30.0);
    b.editor.flushAutosave();
    const auto path = b.editor.autosavePath();
    CHECK(path.parent_path() == ws / "state" / "autosave");
    CHECK(std::filesystem::exists(path));
}

TEST_CASE("export writes Markdown, CSV and text, and the Markdown is the core's rendering") {
    PrivateWorkspace ws;
    Bench b(documentOf(loadSample("enterprise-meetup.json")));
    const Result<std::string> md = b.editor.exportRundown(RundownFormat::Markdown, ws / "rundown.md");
    REQUIRE_MESSAGE(md.ok(), md.error().message());
    CHECK(readFile(ws / "rundown.md") == renderRundownMarkdown(b.show(), *b.doc.analysis));
    CHECK(b.editor.rundownMarkdown() == readFile(ws / "rundown.md"));
    REQUIRE(b.editor.exportRundown(RundownFormat::Csv, ws / "rundown.csv").ok());
    CHECK(readFile(ws / "rundown.csv").rfind("\xEF\xBB\xBF" "index,start,time,title", 0) == 0);  // the UTF-8 BOM first, for Excel
    REQUIRE(b.editor.exportRundown(RundownFormat::Text, ws / "rundown.txt").ok());
    CHECK(readFile(ws / "rundown.txt").find(b.show().meta.title) != std::string::npos);
    CHECK_FALSE(b.editor.exportRundown(RundownFormat::Markdown, "/nonexistent/x.md").ok());
}

TEST_CASE("typed dates and counts: a day that does not exist and a count past int are refused") {
    CHECK(isValidDate("2027-02-28"));
    CHECK(isValidDate("2028-02-29"));  // a leap year
    CHECK_FALSE(isValidDate("2027-02-29"));
    CHECK_FALSE(isValidDate("2027-02-30"));
    CHECK_FALSE(isValidDate("2027-04-31"));
    CHECK_FALSE(isValidDate("2100-02-29"));  // not a leap year
    CHECK(isValidDate("2000-02-29"));
    CHECK_FALSE(isValidDate("2027-1-14x"));

    std::string hint;
    CHECK(parseCountField("12", hint) == 12);
    CHECK(parseCountField(" 0 ", hint) == 0);
    CHECK(parseCountField("2147483647", hint) == 2147483647);
    CHECK_FALSE(parseCountField("4294967296", hint));  // was saved as 0
    CHECK(hint.find("too large") != std::string::npos);
    CHECK_FALSE(parseCountField("-1", hint));
    CHECK_FALSE(parseCountField("12a", hint));
    CHECK(hint.find("whole number") != std::string::npos);
}
