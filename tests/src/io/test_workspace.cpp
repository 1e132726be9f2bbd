// Recent files, templates and autosaves: a producer's work survives a crash.
#include <doctest/doctest.h>

#include <cstdlib>

#include "io/show_io.hpp"
#include "test_support.hpp"
#include "io/workspace.hpp"

using namespace pycast;
using namespace pycast::test;

namespace {
struct IsolatedDirs {
    TempDir root;
    IsolatedDirs() {
        ::setenv("PYCAST_CONFIG_DIR", (root / "config").c_str(), 1);
        ::setenv("PYCAST_STATE_DIR", (root / "state").c_str(), 1);
    }
    ~IsolatedDirs() {
        ::unsetenv("PYCAST_CONFIG_DIR");
        ::unsetenv("PYCAST_STATE_DIR");
    }
};
}  // namespace

TEST_CASE("recent files: newest first, no duplicates, at most ten, kept across runs") {
    IsolatedDirs dirs;
    std::vector<std::filesystem::path> files;
    for (int i = 0; i < 12; ++i) {
        files.push_back(dirs.root / ("show" + std::to_string(i) + ".json"));
        writeFile(files.back(), "{}");
    }
    {
        RecentFiles recent;
        for (const auto& f : files) recent.add(f);
        recent.add(files[3]);
    }
    RecentFiles again;
    REQUIRE(again.files().size() == 10);
    CHECK(again.files()[0] == files[3]);
    CHECK(again.files()[1] == files[11]);
    std::filesystem::remove(files[11]);
    CHECK(RecentFiles().files().size() == 9);   // vanished files drop out
}

TEST_CASE("templates: the samples first, then the user's own, and a new show clears date and episode") {
    IsolatedDirs dirs;
    std::filesystem::create_directories(userTemplatesDir());
    std::filesystem::copy_file(dataDir() / "minimal.json", userTemplatesDir() / "mine.json");
    auto list = listTemplates(showsDir());
    REQUIRE(list.size() == 4);
    CHECK(list[0].builtIn);
    CHECK_FALSE(list[3].builtIn);
    CHECK(list[3].name == "測試節目 Test show");
    auto show = showFromTemplate(showsDir() / "enterprise-meetup.json");
    REQUIRE(show);
    CHECK(show->meta.date.empty());
    CHECK_FALSE(show->meta.episode);
    CHECK(show->rundown.size() == 10);
    auto bad = showFromTemplate(dataDir() / "bad" / "bad-duration.json");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message().find("/rundown/1/planned") != std::string::npos);
}

TEST_CASE("an autosave that differs from its file is offered, an identical one is discarded") {
    IsolatedDirs dirs;
    auto file = dirs.root / "ep.json";
    LoadResult r = loadShowFile(showsDir() / "pycast-episode.json");
    REQUIRE(r.ok());
    REQUIRE(saveShowFile(*r.show, file).ok());

    Show edited = *r.show;
    edited.rundown[0].title = "改過的開場";
    auto path = autosavePathFor(file);
    CHECK(path.filename() == ".ep.json.autosave");
    REQUIRE(writeAutosave(edited, file, path).ok());
    auto found = findAutosaves(file);
    REQUIRE(found.size() == 1);
    CHECK(found[0].show == edited);
    CHECK(found[0].original == std::filesystem::absolute(file));

    REQUIRE(writeAutosave(*r.show, file, path).ok());
    CHECK(findAutosaves(file).empty());
    CHECK_FALSE(std::filesystem::exists(path));
}

TEST_CASE("an untitled show's autosave from a crashed process is found") {
    IsolatedDirs dirs;
    LoadResult r = loadShowFile(showsDir() / "pycast-ama.json");
    REQUIRE(r.ok());
    // A pid that is not running stands for the crashed window.
    auto path = stateDir() / "autosave" / "untitled-999999.autosave.json";
    REQUIRE(writeAutosave(*r.show, {}, path).ok());
    auto found = findAutosaves({});
    REQUIRE(found.size() == 1);
    CHECK(found[0].original.empty());
    CHECK(found[0].show == *r.show);
    writeFile(stateDir() / "autosave" / "untitled-999998.autosave.json", "{ not json");
    CHECK(findAutosaves({}).size() == 1);   // a damaged autosave is skipped, not fatal
}

TEST_CASE("damaged recent lists and autosaves are skipped, whatever they hold") {
    IsolatedDirs dirs;
    auto show = dirs.root / "a.json";
    writeFile(show, "{}");
    for (const std::string& text : {std::string("{\"files\": [1e400]}"), std::string("{\"files\": 5}"),
                                   std::string("[\"x\"]"), std::string("{\"files\": [3, \"") + show.string() + "\"]}",
                                   std::string("{\"files\": []}\0junk", 16)}) {
        CAPTURE(text);
        writeFile(configDir() / "recent.json", text);
        RecentFiles recent;
        CHECK(recent.files().size() <= 1);
    }
    LoadResult r = loadShowFile(showsDir() / "pycast-ama.json");
    REQUIRE(r.ok());
    const auto autosave = dirs.root / ".a.json.autosave";
    for (const std::string& text : {std::string("{\"format\": \"pycast-autosave\", \"x\": 1e400, \"show\": {}}"),
                                   std::string("{\"format\": 7, \"show\": {}}"),
                                   std::string("{\"format\": \"pycast-autosave\", \"show\": [1.5e+9999]}")}) {
        CAPTURE(text);
        writeFile(autosave, text);
        CHECK_FALSE(readAutosave(autosave).has_value());
    }
}
