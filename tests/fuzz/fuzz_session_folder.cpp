// Fuzz target: a session folder made from the input — show.json, journal.jsonl and session.json,
// separated by lines "----" — opened with loadSessionSnapshot, its chapters built (libFuzzer's
// thread). Properties: never throws; a refusal says what and where; an opened session's show
// validates, its events rise in seq and t_ms, its last event's time is the snapshot's, and its
// chapters are in time order and make chapters JSON that parses; what the snapshot opens,
// Session::open resumes with the same events, journals an event on, and reads back whole.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/clock.hpp"
#include "fuzz_support.hpp"
#include "io/journal.hpp"
#include "io/show_validate.hpp"
#include "live/chapters.hpp"
#include "live/session.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::vector<std::string> parts = fuzz::splitParts(fuzz::text(data, size), 3);
    const std::filesystem::path dir = fuzz::scratch() / "session";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    fuzz::writeFile(dir / pycast::kSessionShowFile, parts[0]);
    if (parts.size() > 1) fuzz::writeFile(dir / pycast::kSessionJournalFile, parts[1]);
    if (parts.size() > 2) fuzz::writeFile(dir / pycast::kSessionInfoFile, parts[2]);

    pycast::Result<pycast::SessionSnapshot> opened = pycast::Error{};
    try {
        opened = pycast::loadSessionSnapshot(dir);
    } catch (const std::exception& e) {
        fuzz::fail(std::string("loadSessionSnapshot threw: ") + e.what());
    }
    if (!opened) {
        FUZZ_CHECK(!opened.error().what.empty() && !opened.error().where.empty(),
                   "a refusal that does not say what and where: " + opened.error().message());
        return 0;
    }
    const pycast::SessionSnapshot& s = *opened;
    const std::vector<pycast::Problem> problems = pycast::validateShow(s.show);
    FUZZ_CHECK(problems.empty(), "an opened session's show does not validate");
    for (std::size_t i = 1; i < s.events.size(); ++i) {
        FUZZ_CHECK(s.events[i].seq > s.events[i - 1].seq, "seq not rising");
        FUZZ_CHECK(s.events[i].at.value >= s.events[i - 1].at.value, "t_ms going back");
    }
    if (!s.events.empty())
        FUZZ_CHECK(s.lastEventMs == s.events.back().at.value,
                   "lastEventMs is not the last event's");
    std::vector<pycast::Chapter> chapters;
    std::string json;
    try {
        chapters = pycast::sessionChapters(s);
        json = pycast::podcastingChaptersJson(chapters);
    } catch (const std::exception& e) {
        fuzz::fail(std::string("chapters threw: ") + e.what());
    }
    for (std::size_t i = 1; i < chapters.size(); ++i)
        FUZZ_CHECK(chapters[i].startMs >= chapters[i - 1].startMs, "chapters out of order");
    const nlohmann::json parsed = nlohmann::json::parse(json, nullptr, false);
    FUZZ_CHECK(!parsed.is_discarded() && parsed["chapters"].size() == chapters.size(),
               "chapters JSON does not parse back to the chapters");

    // What the snapshot reads, a resume opens and journals on (Session::open, then an event),
    // and the journal then reads back as the same events plus the new ones.
    const std::size_t snapshotEvents = s.events.size();
    pycast::ManualClock clock(fuzz::kSessionClockMs);
    pycast::ManualWallClock wall(fuzz::kSessionEpochMs, fuzz::kSessionUtcOffsetMinutes);
    pycast::SessionOptions options;
    options.clock = &clock;
    options.wall = &wall;
    std::size_t journaled = 0;
    {
        pycast::Result<std::unique_ptr<pycast::Session>> session = pycast::Error{};
        try {
            session = pycast::Session::open(dir, options);
        } catch (const std::exception& e) {
            fuzz::fail(std::string("Session::open threw: ") + e.what());
        }
        FUZZ_CHECK(session.ok(),
                   "the snapshot opened, the resume did not: " + session.error().message());
        // A resume of a journal with no event starts it with a session-start.
        const std::size_t expected = snapshotEvents == 0 ? 1 : snapshotEvents;
        FUZZ_CHECK((*session)->events().size() == expected,
                   "the resume holds " + std::to_string((*session)->events().size()) +
                       " events, the snapshot " + std::to_string(snapshotEvents));
        const pycast::SessionActionResult marked =
            (*session)->appendEvent("fuzz-note", nlohmann::json{{"label", "fuzz"}});
        if (!s.events.empty() && s.events.back().seq == pycast::kMaxJournalSeq) {
            FUZZ_CHECK(!marked.ok, "an event journaled after the last seq");
            return 0;
        }
        FUZZ_CHECK(marked.ok, "the resumed session cannot journal: " + marked.error.message());
        journaled = (*session)->events().size();
    }
    const pycast::Result<pycast::JournalContents> after =
        pycast::readJournal(dir / pycast::kSessionJournalFile);
    FUZZ_CHECK(after.ok(), "after the resume the journal cannot be read");
    FUZZ_CHECK(after->events.size() == journaled,
               "after the resume the journal reads back " + std::to_string(after->events.size()) +
                   " events, the session held " + std::to_string(journaled) +
                   (after.warnings.empty() ? std::string() : "; " + after.warnings.front()));
    return 0;
}
