// The file chooser's logic (listing, typed paths, Save's replace question) and the template list.
#include <doctest/doctest.h>

#include "dialogs/dialog_file.hpp"
#include "dialogs/dialog_template.hpp"
#include "editing/file_flow.hpp"
#include "io/show_io.hpp"
#include "test_editor_support.hpp"

using namespace pycast;
using namespace pycast::ui;
using namespace pycast::uitest;

namespace {

std::vector<std::string> names(const std::vector<FolderEntry>& entries) {
    std::vector<std::string> out;
    for (const auto& e : entries) out.push_back(e.folder ? e.name + "/" : e.name);
    return out;
}

}  // namespace

TEST_CASE("a folder lists folders first, then the files the filter lets through, hidden ones left out") {
    TempDir dir;
    std::filesystem::create_directories(dir / "b-folder");
    std::filesystem::create_directories(dir / "A-folder");
    std::filesystem::create_directories(dir / ".hidden-folder");
    writeText(dir / "show.json", "{}");
    writeText(dir / "OTHER.JSON", "{}");
    writeText(dir / "notes.md", "#");
    writeText(dir / ".show.json.autosave", "{}");
    std::string error;
    CHECK(names(listFolder(dir.path(), {".json"}, error)) ==
          std::vector<std::string>{"A-folder/", "b-folder/", "OTHER.JSON", "show.json"});
    CHECK(error.empty());
    CHECK(names(listFolder(dir.path(), {}, error)).size() == 5);
    CHECK(listFolder(dir / "missing", {".json"}, error).empty());
    CHECK(error.find("Cannot list") == 0);
}

TEST_CASE("typed paths: names are relative to the folder, and absolute and ~ paths are taken as they are") {
    CHECK(resolveTypedPath("/shows", "ep12.json") == "/shows/ep12.json");
    CHECK(resolveTypedPath("/shows", " sub/../ep.json ") == "/shows/ep.json");
    CHECK(resolveTypedPath("/shows", "/tmp/x.json") == "/tmp/x.json");
    CHECK(resolveTypedPath("/shows", "").string() == "/shows");
    const char* home = std::getenv("HOME");
    if (home && *home) CHECK(resolveTypedPath("/shows", "~/a.md") == std::filesystem::path(home) / "a.md");
    CHECK(withDefaultExtension("/x/rundown", {".md", ".markdown"}) == "/x/rundown.md");
    CHECK(withDefaultExtension("/x/rundown.markdown", {".md", ".markdown"}) == "/x/rundown.markdown");
    CHECK(withDefaultExtension("/x/rundown", {}) == "/x/rundown");
}

TEST_CASE("Open: a folder name enters it, a file is chosen, a missing one is explained") {
    TempDir dir;
    std::filesystem::create_directories(dir / "season-2");
    writeText(dir / "season-2" / "ep1.json", "{}");
    FileDialog dialog;
    FileDialogSpec spec;
    spec.mode = FileDialogMode::Open;
    spec.extensions = {".json"};
    spec.folder = dir.path();
    dialog.open(spec);
    CHECK(dialog.isOpen());
    CHECK(names(dialog.entries()) == std::vector<std::string>{"season-2/"});

    dialog.pathField() = "season-2";
    CHECK(dialog.accept() == FileDialog::Outcome::EnteredFolder);
    CHECK(dialog.folder() == std::filesystem::weakly_canonical(dir / "season-2"));
    CHECK(names(dialog.entries()) == std::vector<std::string>{"ep1.json"});

    dialog.pathField() = "ep2.json";
    CHECK(dialog.accept() == FileDialog::Outcome::Invalid);
    CHECK(dialog.message().find("There is no file") == 0);
    dialog.pathField() = "ep1.json";
    CHECK(dialog.accept() == FileDialog::Outcome::Chosen);
    CHECK(dialog.takeChosen() == dialog.folder() / "ep1.json");

    dialog.up();
    CHECK(dialog.folder() == std::filesystem::weakly_canonical(dir.path()));
}

TEST_CASE("Save: adds the extension, asks before replacing, refuses a missing folder") {
    TempDir dir;
    writeText(dir / "rundown.md", "old");
    FileDialog dialog;
    FileDialogSpec spec;
    spec.mode = FileDialogMode::Save;
    spec.extensions = {".md"};
    spec.folder = dir.path();
    spec.fileName = "rundown";
    dialog.open(spec);
    CHECK(dialog.pathField() == "rundown");

    CHECK(dialog.accept() == FileDialog::Outcome::NeedsConfirm);
    REQUIRE(dialog.pendingReplace());
    CHECK(dialog.pendingReplace()->filename() == "rundown.md");
    CHECK_FALSE(dialog.takeChosen());
    dialog.cancelReplace();
    CHECK_FALSE(dialog.takeChosen());

    CHECK(dialog.accept() == FileDialog::Outcome::NeedsConfirm);
    dialog.confirmReplace();
    CHECK(dialog.takeChosen() == dialog.folder() / "rundown.md");

    dialog.pathField() = "new-name";
    CHECK(dialog.accept() == FileDialog::Outcome::Chosen);
    CHECK(dialog.takeChosen() == dialog.folder() / "new-name.md");

    dialog.pathField() = "no/such/folder/x.md";
    CHECK(dialog.accept() == FileDialog::Outcome::Invalid);
    CHECK(dialog.message().find("does not exist") != std::string::npos);
    dialog.pathField() = "";
    CHECK(dialog.accept() == FileDialog::Outcome::None);
}

TEST_CASE("the template list: the samples first, each summarized, and a broken user template says why") {
    PrivateWorkspace ws;
    std::filesystem::create_directories(userTemplatesDir());
    writeText(userTemplatesDir() / "broken.json", "{ not json");
    const auto templates = summarizeTemplates(sourceDir() / "shows");
    REQUIRE(templates.size() == sampleShows().size() + 1);
    for (std::size_t i = 0; i < sampleShows().size(); ++i) {
        CHECK(templates[i].info.builtIn);
        CHECK(templates[i].loads);
        CHECK(templates[i].segments > 0);
        CHECK_FALSE(templates[i].firstSegments.empty());
    }
    CHECK_FALSE(templates.back().loads);
    CHECK_FALSE(templates.back().error.empty());

    const Show blank = blankShow();
    CHECK(validateShow(blank).empty());
}
