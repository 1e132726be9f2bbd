// Fuzz target: a show file's text through parse + validate + save + reload (libFuzzer's thread).
// Properties: parsing never throws (nor catches a reader's exception as a problem); a refusal
// names at least one problem, each with a message and a place (a path or a line);
// what loads validates, saves, reloads to an equal model, and saves byte-identically again.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"
#include "io/show_io.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text = fuzz::text(data, size);
    pycast::LoadResult loaded;
    try {
        loaded = pycast::parseShow(text);
    } catch (const std::exception& e) {
        fuzz::fail(std::string("parseShow threw: ") + e.what());
    }
    if (!loaded.ok()) {
        FUZZ_CHECK(!loaded.problems.empty(), "a refused show names no problem");
        FUZZ_CHECK(!loaded.show, "a show came back beside its problems");
        for (const pycast::Problem& p : loaded.problems) {
            FUZZ_CHECK(!p.message.empty(), "a problem without a message at " + p.path);
            // parseShow's last-resort catch: an exception escaped a reader, which is a defect
            // even though the file was refused politely.
            FUZZ_CHECK(p.message.rfind("could not be read: ", 0) != 0,
                       "a reader threw, caught as a problem: " + p.message);
            // Where: a JSON pointer, or a line of the text (whole-file problems: line 1).
            FUZZ_CHECK(!p.path.empty() || p.line > 0,
                       "a problem that names no place: " + p.message);
        }
        return 0;
    }
    const pycast::Show& show = *loaded.show;
    const std::vector<pycast::Problem> problems = pycast::validateShow(show);
    FUZZ_CHECK(problems.empty(), "a loaded show does not validate: " + problems.front().path +
                                     ": " + problems.front().message);
    std::string saved;
    try {
        saved = pycast::serializeShow(show);
    } catch (const std::exception& e) {
        fuzz::fail(std::string("serializeShow threw: ") + e.what());
    }
    const pycast::LoadResult again = pycast::parseShow(saved);
    FUZZ_CHECK(again.ok(), "the saved show does not load again: " +
                               (again.problems.empty() ? std::string()
                                                       : again.problems.front().path + ": " +
                                                             again.problems.front().message));
    FUZZ_CHECK(*again.show == show, "the reloaded show differs from the one saved");
    FUZZ_CHECK(pycast::serializeShow(*again.show) == saved,
               "the second save differs from the first");
    return 0;
}
