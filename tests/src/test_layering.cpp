// The layers stay apart: no ImGui/GLFW below ui/, and the core links only the standard library
// and nlohmann_json (ARCHITECTURE.md's rule, checked on the real source tree).
#include <doctest/doctest.h>

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

TEST_CASE("the core includes no audio, FFmpeg or HTTP library") {
    const std::regex media(R"(#\s*include\s*[<"](portaudio|ebur128|libav|libsw|httplib))");
    auto hits = includesMatching(sourceDir() / "src", media, false);
    CHECK_MESSAGE(hits.empty(), joined(hits));
}

TEST_CASE("no test name holds a semicolon, which ctest would split into tests that run nothing") {
    // doctest_discover_tests hands ctest a CMake list; a ';' in a name cuts it into pieces
    // that match no test case, so those pieces "pass" without running anything.
    const std::regex named(R"(TEST_CASE\(\s*"([^"]*)\"\s*\))");
    std::vector<std::string> bad;
    for (const char* dir : {"tests/src", "tests/ui", "tests/media"}) {
        if (!std::filesystem::exists(sourceDir() / dir)) continue;
        for (const auto& e : std::filesystem::directory_iterator(sourceDir() / dir)) {
            const std::string text = readFile(e.path());
            for (std::sregex_iterator it(text.begin(), text.end(), named), end; it != end; ++it)
                if ((*it)[1].str().find(';') != std::string::npos) bad.push_back(e.path().string() + ": " + (*it)[1].str());
        }
    }
    CHECK_MESSAGE(bad.empty(), joined(bad));
    // The pattern finds names at all (this file's own), so an empty list means something.
    CHECK(std::regex_search(readFile(sourceDir() / "tests/src/test_layering.cpp"), named));
}
