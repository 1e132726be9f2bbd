// The layers stay apart: no ImGui/GLFW below ui/, and the core links only the standard library
// and nlohmann_json (ARCHITECTURE.md's rule, checked on the real source tree).
#include <doctest/doctest.h>

#include <map>
#include <regex>

#include "test_support.hpp"

using namespace pycast::test;

namespace {

// Every `#include` line of every C++ file under `dir` (recursively) that matches `pattern`.
std::vector<std::string> includesMatching(const std::filesystem::path& dir, const std::regex& pattern,
                                          bool recursive = true) {
    std::vector<std::string> hits;
    auto check = [&](const std::filesystem::path& file) {
        const auto ext = file.extension();
        if (ext != ".cpp" && ext != ".hpp" && ext != ".h" && ext != ".cc") return;
        std::istringstream in(readFile(file));
        std::string line;
        int number = 0;
        while (std::getline(in, line)) {
            ++number;
            if (line.find("#include") != std::string::npos && std::regex_search(line, pattern))
                hits.push_back(file.string() + ":" + std::to_string(number) + ": " + line);
        }
    };
    if (recursive) {
        for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) check(e.path());
    } else {
        for (const auto& e : std::filesystem::directory_iterator(dir)) check(e.path());
    }
    return hits;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
}

}  // namespace

TEST_CASE("no file under src/ or media/ includes an ImGui or GLFW header") {
    const std::regex gui(R"(#\s*include\s*[<"](imgui|GLFW/|backends/imgui|imgui_impl))");
    for (const char* dir : {"src", "media"}) {
        auto hits = includesMatching(sourceDir() / dir, gui);
        CHECK_MESSAGE(hits.empty(), joined(hits));
    }
    // The check itself must see an offending line: it recognises ui/'s own includes.
    CHECK_FALSE(includesMatching(sourceDir() / "ui", gui).empty());
}

TEST_CASE("src/ includes no audio or FFmpeg library, and only src/server/ includes the HTTP library") {
    const std::regex media(R"(#\s*include\s*[<"](portaudio|ebur128|libav|libsw))");
    auto hits = includesMatching(sourceDir() / "src", media);
    CHECK_MESSAGE(hits.empty(), joined(hits));
    const std::regex http(R"(#\s*include\s*[<"]httplib)");
    for (const auto& e : std::filesystem::directory_iterator(sourceDir() / "src")) {
        if (!e.is_directory() || e.path().filename() == "server") continue;
        auto httpHits = includesMatching(e.path(), http);
        CHECK_MESSAGE(httpHits.empty(), joined(httpHits));
    }
    CHECK_FALSE(includesMatching(sourceDir() / "src/server", http).empty());
}

namespace {

// The folders of src/ (and media/) in layer order: a file may include its own folder and the
// folders of a lower rank, never one above it. Folders of one rank do not include each other.
const std::map<std::string, int>& folderRanks() {
    static const std::map<std::string, int> ranks = {
        {"core", 0}, {"io", 1}, {"editing", 2}, {"live", 2}, {"server", 3}, {"media", 3}, {"cli", 4}};
    return ranks;
}

// What is wrong with one quoted include of a file in `folder` (empty when it is fine).
std::string layeringProblem(const std::string& folder, const std::string& includeLine) {
    static const std::regex quoted(R"re(#\s*include\s*"([^"]+)")re");
    std::smatch m;
    if (!std::regex_search(includeLine, m, quoted)) return {};
    const std::string target = m[1].str();
    const auto slash = target.find('/');
    if (slash == std::string::npos) return "an include without its folder";
    const std::string to = target.substr(0, slash);
    const auto& ranks = folderRanks();
    if (!ranks.count(to)) return "an include of an unknown folder \"" + to + "\"";
    if (to == folder) return {};
    if (ranks.at(to) >= ranks.at(folder)) return folder + "/ includes " + to + "/, which is not below it";
    return {};
}

}  // namespace

TEST_CASE("no folder of src/ or media/ includes a folder above it, and includes name their folder") {
    std::vector<std::string> bad;
    auto checkFolder = [&](const std::string& folder, const std::filesystem::path& dir) {
        for (const auto& line : includesMatching(dir, std::regex("\""))) {
            const auto at = line.find(": #");
            const std::string problem = layeringProblem(folder, line.substr(at == std::string::npos ? 0 : at + 2));
            if (!problem.empty()) bad.push_back(line + "  <- " + problem);
        }
    };
    for (const auto& e : std::filesystem::directory_iterator(sourceDir() / "src")) {
        if (!e.is_directory()) continue;
        const std::string folder = e.path().filename().string();
        CHECK_MESSAGE(folderRanks().count(folder), "src/" << folder << " has no place in the layer order");
        if (folderRanks().count(folder)) checkFolder(folder, e.path());
    }
    checkFolder("media", sourceDir() / "media");
    CHECK_MESSAGE(bad.empty(), joined(bad));

    // The rule itself catches each kind of violation.
    CHECK(layeringProblem("core", R"(#include "live/session.hpp")") != "");
    CHECK(layeringProblem("live", R"(#include "editing/document.hpp")") != "");
    CHECK(layeringProblem("io", R"(#include "show.hpp")") != "");
    CHECK(layeringProblem("media", R"(#include "server/control_server.hpp")") != "");
    CHECK(layeringProblem("server", R"(#include "live/session.hpp")") == "");
    CHECK(layeringProblem("cli", R"(#include "media/media_info.hpp")") == "");
}

namespace {

// ui/'s own order: widgets (drawing helpers, theme, fonts) < views and dialogs < shell (the
// windows, the loop, the main window). What is wrong with a quoted include of a file in
// ui/<folder> (empty when it is fine).
std::string uiLayeringProblem(const std::string& folder, const std::string& includeLine) {
    static const std::regex quoted(R"re(#\s*include\s*"([^"/]+)/)re");
    std::smatch m;
    if (!std::regex_search(includeLine, m, quoted)) return {};
    const std::string to = m[1].str();
    static const std::map<std::string, int> ranks = {{"widgets", 0}, {"views", 1}, {"dialogs", 1}, {"shell", 2}};
    if (!ranks.count(to) || !ranks.count(folder) || to == folder) return {};
    if (ranks.at(to) >= ranks.at(folder)) return "ui/" + folder + "/ includes ui/" + to + "/, which is not below it";
    return {};
}

}  // namespace

TEST_CASE("in ui/, widgets include no view, dialog or shell, and views and dialogs include no shell") {
    std::vector<std::string> bad;
    for (const char* folder : {"widgets", "views", "dialogs", "shell"}) {
        for (const auto& line : includesMatching(sourceDir() / "ui" / folder, std::regex("\""))) {
            const auto at = line.find(": #");
            const std::string problem = uiLayeringProblem(folder, line.substr(at == std::string::npos ? 0 : at + 2));
            if (!problem.empty()) bad.push_back(line + "  <- " + problem);
        }
    }
    CHECK_MESSAGE(bad.empty(), joined(bad));
    CHECK(uiLayeringProblem("widgets", R"(#include "views/views.hpp")") != "");
    CHECK(uiLayeringProblem("views", R"(#include "shell/app.hpp")") != "");
    CHECK(uiLayeringProblem("dialogs", R"(#include "views/views.hpp")") != "");
    CHECK(uiLayeringProblem("shell", R"(#include "views/views.hpp")") == "");
    CHECK(uiLayeringProblem("views", R"(#include "core/show.hpp")") == "");
}

TEST_CASE("every quoted include in ui/ names its folder") {
    std::vector<std::string> bad;
    const std::regex quoted(R"re(#\s*include\s*"[^"/]+")re");
    for (const auto& hit : includesMatching(sourceDir() / "ui", quoted)) bad.push_back(hit);
    CHECK_MESSAGE(bad.empty(), joined(bad));
    CHECK(std::regex_search(std::string(R"(#include "app.hpp")"), quoted));
}

TEST_CASE("no test name holds a semicolon, which ctest would split into tests that run nothing") {
    // doctest_discover_tests hands ctest a CMake list; a ';' in a name cuts it into pieces
    // that match no test case, so those pieces "pass" without running anything.
    const std::regex named(R"(TEST_CASE\(\s*"([^"]*)\"\s*\))");
    std::vector<std::string> bad;
    std::size_t files = 0;
    for (const char* dir : {"tests/src", "tests/ui", "tests/media", "tests/tsan"}) {
        if (!std::filesystem::exists(sourceDir() / dir)) continue;
        // Recursive: the test files live in a folder per source folder (tests/src/core/ …).
        for (const auto& e : std::filesystem::recursive_directory_iterator(sourceDir() / dir)) {
            if (!e.is_regular_file() || e.path().extension() != ".cpp") continue;
            ++files;
            const std::string text = readFile(e.path());
            for (std::sregex_iterator it(text.begin(), text.end(), named), end; it != end; ++it)
                if ((*it)[1].str().find(';') != std::string::npos) bad.push_back(e.path().string() + ": " + (*it)[1].str());
        }
    }
    CHECK_MESSAGE(bad.empty(), joined(bad));
    CHECK(files > 50);   // the walk reaches into the folders
    // The pattern finds names at all (this file's own), so an empty list means something.
    CHECK(std::regex_search(readFile(sourceDir() / "tests/src/test_layering.cpp"), named));
}
