// Fuzz target: the chapter and metadata builder with arbitrary titles and times: an editor's
// chapter list (YouTube lines or chapters JSON) through parseChapterList, then placed on an
// output timeline with a trimmed head and tail, an intro and a cut, and written as chapters
// JSON, YouTube's list and show notes (libFuzzer's thread).
// Properties: never throws; errors name a line; accepted times never go backwards; output
// chapters start at 0, rise strictly, end where the next starts, and stay within the output;
// every JSON output parses and keeps its chapters' order and count.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"
#include "live/export_plan.hpp"

namespace {

void checkChaptersJson(const std::string& json, std::size_t count, const char* what) {
    const nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
    FUZZ_CHECK(!j.is_discarded(), std::string(what) + " does not parse");
    FUZZ_CHECK(j.is_object() && j.value("version", "") == "1.2.0",
               std::string(what) + ": no version");
    const nlohmann::json& list = j["chapters"];
    FUZZ_CHECK(list.is_array() && list.size() == count,
               std::string(what) + ": wrong chapter count");
    double last = 0;
    for (const nlohmann::json& c : list) {
        FUZZ_CHECK(c["startTime"].is_number() && c["title"].is_string(),
                   std::string(what) + ": a bad chapter");
        const double t = c["startTime"].get<double>();
        FUZZ_CHECK(t >= last, std::string(what) + ": startTime goes back");
        last = t;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text = fuzz::text(data, size);
    pycast::Result<std::vector<pycast::Chapter>> parsed = pycast::Error{};
    try {
        parsed = pycast::parseChapterList(text);
    } catch (const std::exception& e) {
        fuzz::fail(std::string("parseChapterList threw: ") + e.what());
    }
    if (!parsed) {
        FUZZ_CHECK(!parsed.error().what.empty(), "a refusal without a reason");
        return 0;
    }
    const std::vector<pycast::Chapter>& chapters = *parsed;
    std::int64_t lastStart = 0;
    for (std::size_t i = 0; i < chapters.size(); ++i) {
        FUZZ_CHECK(chapters[i].startMs >= 0, "a chapter before 0");
        if (i > 0) FUZZ_CHECK(chapters[i].startMs >= chapters[i - 1].startMs, "times go backwards");
        lastStart = chapters[i].startMs;
    }
    std::string warning;
    try {
        checkChaptersJson(pycast::podcastingChaptersJson(chapters), chapters.size(),
                          "chapters JSON");
        (void)pycast::youtubeChapterList(chapters, &warning);
    } catch (const std::exception& e) {
        fuzz::fail(std::string("writing the chapters threw: ") + e.what());
    }

    // An export of them: the source a minute past the last chapter, the head and tail trimmed,
    // an intro, and a cut, all sized from the input so runs differ.
    pycast::ExportPlan plan;
    plan.sourceMs = lastStart + 60'000;
    plan.trimHeadMs = static_cast<std::int64_t>(size * 37 % 20'000);
    plan.trimTailMs = static_cast<std::int64_t>(size * 53 % 20'000);
    const std::int64_t cutAt = plan.sourceMs / 3;
    plan.cuts.push_back(
        {cutAt, cutAt + static_cast<std::int64_t>(size * 101 % 30'000), "Marked region"});
    plan.chapters = chapters;
    plan.meta.title = chapters.empty() ? "Episode" : chapters.front().title;
    const std::int64_t introMs = static_cast<std::int64_t>(size % 7) * 1000;
    std::int64_t keptMs = 0;
    for (const pycast::KeptRegion& r : pycast::keptRegions(plan)) {
        FUZZ_CHECK(r.endMs > r.startMs, "an empty kept region");
        keptMs += r.endMs - r.startMs;
    }
    const std::int64_t outputMs = introMs + keptMs;
    std::vector<pycast::OutputChapter> out;
    try {
        out = pycast::outputChapters(plan, introMs, outputMs);
        checkChaptersJson(pycast::outputChaptersJson(out), out.size(), "output chapters JSON");
        (void)pycast::showNotesMarkdown(plan, out, introMs, nullptr);
    } catch (const std::exception& e) {
        fuzz::fail(std::string("the export's chapters threw: ") + e.what());
    }
    for (std::size_t i = 0; i < out.size(); ++i) {
        const pycast::OutputChapter& c = out[i];
        FUZZ_CHECK(!c.title.empty(), "an output chapter without a title");
        FUZZ_CHECK(c.startMs >= 0 && c.startMs <= c.endMs && c.endMs <= outputMs,
                   "an output chapter outside the output: " + std::to_string(c.startMs) + ".." +
                       std::to_string(c.endMs) + " of " + std::to_string(outputMs));
        if (i == 0) FUZZ_CHECK(c.startMs == 0, "the first output chapter does not start at 0");
        if (i > 0) FUZZ_CHECK(c.startMs > out[i - 1].startMs, "output chapters do not rise");
        if (i + 1 < out.size()) FUZZ_CHECK(c.endMs == out[i + 1].startMs, "a gap between chapters");
    }
    if (!out.empty()) FUZZ_CHECK(out.back().endMs == outputMs, "the last chapter ends early");
    return 0;
}
