// The file flow without a window: what waits for "save changes?", each answer, Save As for an
// untitled show, autosave restore offers, recent files, templates.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "editing/file_flow.hpp"
#include "editing_test_support.hpp"
#include "io/workspace.hpp"

using namespace pycast;
using namespace pycast::test;

namespace {

// A document, its editor and the flow, with every event the front end would show recorded.
struct Flow {
    Flow() {
        FileFlowEvents events;
        events.notice = [this](const std::string& text, bool problem) { notices.push_back((problem ? "!" : "") + text); };
        events.alert = [this](const std::string& title, const std::string&, const std::vector<Problem>& problems) {
            alerts.push_back(title);
            alertProblems = problems;
        };
        events.chooseSaveAsFile = [this] { ++saveAsAsked; };
        events.documentReplaced = [this] { ++replaced; };
        files.setEvents(std::move(events));
    }
    ~Flow() { editor.discardChangesOnExit(); }
    Flow(const Flow&) = delete;
    Flow& operator=(const Flow&) = delete;

    // Opens `file` and changes it: something unsaved to ask about.
    void openEdited(const std::filesystem::path& file) {
        files.open(file);
        edit();
    }

    void edit() {
        editor.setSegmentTitle(doc.show->rundown.front().id, "changed " + std::to_string(++edits));
        editor.endGesture();
    }

    Document doc;
    RundownEditor editor{doc};
    FileFlow files{doc, editor};
    std::vector<std::string> notices;
    std::vector<std::string> alerts;
    std::vector<Problem> alertProblems;
    int saveAsAsked = 0;
    int replaced = 0;
    int edits = 0;
};

// Opens `file` after a crash left an autosave of it titled `title`: one offer.
void openWithAutosave(Flow& f, const std::filesystem::path& file, const std::string& title) {
    leaveAutosave(file, title);
    f.files.open(file);
    REQUIRE(f.files.restoreOffers().size() == 1);
}

}  // namespace

TEST_CASE("file flow: opening with nothing unsaved happens at once and becomes a recent file") {
    PrivateWorkspace ws;
    const auto file = ws.copyOfSample("pycast-episode.json");
    Flow f;
    f.files.open(file);
    CHECK(f.doc.path == file);
    CHECK(f.doc.hasShow());
    CHECK_FALSE(f.files.takeUnsavedQuestion());
    CHECK(f.replaced == 1);
    CHECK(f.notices.back() == "Opened pycast-episode.json");
    REQUIRE(f.files.recentFiles().size() == 1);
    CHECK(f.files.recentFiles().front() == std::filesystem::absolute(file));
    // The first segment is selected: there is always something to edit.
    CHECK(f.editor.selectedSegmentId() == f.doc.show->rundown.front().id);

    f.files.open("/nonexistent/show.json");
    CHECK_FALSE(f.doc.hasShow());
    CHECK(f.notices.back() == "!Could not open show.json");
    CHECK(f.files.recentFiles().size() == 1);  // a file that did not open is not recent
}

TEST_CASE("file flow: unsaved changes wait for the answer: Cancel keeps them, Don't save drops them") {
    PrivateWorkspace ws;
    const auto first = ws.copyOfSample("pycast-episode.json");
    const auto second = ws.copyOfSample("enterprise-meetup.json");
    Flow f;
    f.openEdited(first);
    REQUIRE(f.doc.dirty);

    f.files.open(second);
    CHECK(f.doc.path == first);  // nothing happened yet
    CHECK(f.files.takeUnsavedQuestion());
    CHECK_FALSE(f.files.takeUnsavedQuestion());  // asked once
    CHECK(f.files.waitingForAnswer());
    CHECK(f.files.pendingVerb() == "opening enterprise-meetup.json");

    f.files.answerUnsaved(UnsavedChoice::Cancel);
    CHECK_FALSE(f.files.waitingForAnswer());
    CHECK(f.doc.path == first);
    CHECK(f.doc.dirty);

    f.files.reload();
    CHECK(f.files.pendingVerb() == "reloading it from disk");
    f.files.answerUnsaved(UnsavedChoice::DontSave);
    CHECK(f.doc.path == first);
    CHECK_FALSE(f.doc.dirty);
    CHECK(f.doc.show->rundown.front().title != "changed 1");
    CHECK(f.notices.back() == "Reloaded pycast-episode.json");
}

TEST_CASE("file flow: Save in the question writes the file, then does what waited") {
    PrivateWorkspace ws;
    const auto first = ws.copyOfSample("pycast-episode.json");
    const auto second = ws.copyOfSample("enterprise-meetup.json");
    Flow f;
    f.openEdited(first);
    const Show edited = *f.doc.show;

    f.files.open(second);
    f.files.answerUnsaved(UnsavedChoice::Save);
    CHECK(f.doc.path == second);
    CHECK(*loadShowFile(first).show == edited);
    CHECK(f.files.recentFiles().front() == std::filesystem::absolute(second));
}

TEST_CASE("file flow: an untitled show asks for a file — cancelling that keeps everything") {
    PrivateWorkspace ws;
    const auto other = ws.copyOfSample("enterprise-meetup.json");
    Flow f;
    f.files.newShow(std::nullopt);
    CHECK(f.doc.hasShow());
    CHECK(f.doc.path.empty());
    CHECK(f.doc.dirty);  // a new show is unsaved until saved
    CHECK(f.doc.show->meta.title == blankShow().meta.title);
    CHECK(f.notices.back().find("New show") == 0);

    f.files.save();
    CHECK(f.saveAsAsked == 1);

    f.files.open(other);
    f.files.answerUnsaved(UnsavedChoice::Save);
    CHECK(f.saveAsAsked == 2);
    f.files.saveAsCancelled();
    CHECK(f.doc.path.empty());
    CHECK_FALSE(f.files.waitingForAnswer());

    f.files.open(other);
    f.files.answerUnsaved(UnsavedChoice::Save);
    REQUIRE(f.files.saveAs(ws / "new-show.json"));
    CHECK(f.doc.path == other);  // saved, then opened what waited
    CHECK(std::filesystem::exists(ws / "new-show.json"));
}

TEST_CASE("file flow: a failed save is an alert with every problem, and what waited does not happen") {
    PrivateWorkspace ws;
    const auto first = ws.copyOfSample("pycast-episode.json");
    Flow f;
    f.files.open(first);
    Segment blank = f.doc.show->rundown[1];
    blank.title.clear();
    f.editor.updateSegment(blank.id, blank, "Clear title");
    f.files.requestClose();
    f.files.answerUnsaved(UnsavedChoice::Save);
    REQUIRE(f.alerts.size() == 1);
    CHECK(f.alerts.front() == "Could not save pycast-episode.json");
    REQUIRE_FALSE(f.alertProblems.empty());
    CHECK(f.alertProblems.front().path == "/rundown/1/title");
    CHECK(f.notices.back().find("!Not saved") == 0);
    CHECK_FALSE(f.files.closeConfirmed());
    CHECK(f.doc.dirty);
}

TEST_CASE("file flow: closing asks once — Don't save closes without leaving an autosave") {
    PrivateWorkspace ws;
    const auto file = ws.copyOfSample("pycast-episode.json");
    {
        Flow f;
        CHECK(f.files.requestClose());  // nothing open: closes at once
        f.files.open(file);
        f.edit();
        CHECK_FALSE(f.files.requestClose());
        CHECK(f.files.pendingVerb() == "closing PyCast Studio");
        CHECK_FALSE(f.files.requestClose());  // still the same question
        f.files.answerUnsaved(UnsavedChoice::DontSave);
        CHECK(f.files.closeConfirmed());
        CHECK(f.files.requestClose());
        f.files.cancelClose();  // called off elsewhere: asked again next time
        CHECK_FALSE(f.files.closeConfirmed());
    }
    CHECK_FALSE(std::filesystem::exists(autosavePathFor(file)));
}

TEST_CASE("file flow: an autosave left behind is offered — Restore brings the changes back, unsaved") {
    PrivateWorkspace ws;
    const auto file = ws.copyOfSample("pycast-episode.json");
    Flow f;
    openWithAutosave(f, file, "未儲存的修改");
    CHECK(f.files.takeRestoreQuestion());
    f.files.answerRestore(RestoreChoice::Restore);
    CHECK(f.doc.show->meta.title == "未儲存的修改");
    CHECK(f.doc.dirty);
    CHECK(f.doc.path == file);
    CHECK(f.notices.back().find("Restored the unsaved changes") == 0);

    f.files.save();
    f.editor.flushAutosave();
    CHECK_FALSE(std::filesystem::exists(autosavePathFor(file)));
    CHECK(loadShowFile(file).show->meta.title == "未儲存的修改");
}

TEST_CASE("file flow: Discard deletes the offered autosave and asks about the next one") {
    PrivateWorkspace ws;
    const auto file = ws.copyOfSample("pycast-episode.json");
    Flow f;
    openWithAutosave(f, file, "丟掉");
    f.files.answerRestore(RestoreChoice::Discard);
    CHECK(f.files.restoreOffers().empty());
    CHECK_FALSE(f.files.takeRestoreQuestion());
    CHECK_FALSE(std::filesystem::exists(autosavePathFor(file)));
    CHECK(f.doc.show->meta.title != "丟掉");
    CHECK_FALSE(f.doc.dirty);
}

TEST_CASE("file flow: a template that cannot be read is an alert and changes nothing") {
    PrivateWorkspace ws;
    const auto file = ws.copyOfSample("pycast-episode.json");
    Flow f;
    f.files.open(file);
    f.files.newShow(ws / "missing-template.json");
    REQUIRE(f.alerts.size() == 1);
    CHECK(f.alerts.front() == "Cannot use this template");
    CHECK(f.doc.path == file);

    f.files.newShow(samplesDir() / "enterprise-meetup.json");
    CHECK(f.doc.path.empty());
    CHECK(f.doc.dirty);
    CHECK(f.doc.show->meta.date.empty());  // a new show from a template has no date yet
}

TEST_CASE("file flow: recent files are kept in the given store, newest first, without repeats") {
    PrivateWorkspace ws;
    const auto a = ws.copyOfSample("pycast-episode.json");
    const auto b = ws.copyOfSample("enterprise-meetup.json");
    {
        Flow f;
        f.files.useRecentFiles(ws / "recent.json");
        f.files.open(a);
        f.files.open(b);
        f.files.open(a);
        REQUIRE(f.files.recentFiles().size() == 2);
        CHECK(f.files.recentFiles().front() == std::filesystem::absolute(a));
    }
    Flow later;
    later.files.useRecentFiles(ws / "recent.json");
    REQUIRE(later.files.recentFiles().size() == 2);
    CHECK(later.files.recentFiles().back() == std::filesystem::absolute(b));
}
