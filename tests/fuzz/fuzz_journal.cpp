// Fuzz target: a whole journal file, read, replayed, then opened for appending (libFuzzer's
// thread). Properties: reading never fails or throws; kept events are in file order with seq
// rising within 1..kMaxJournalSeq and t_ms never going back, within a session's reach; every
// warning names its line; replay never throws; after Journal::open and one append the file reads
// back as the same events plus the appended one, with the next seq.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"
#include "io/journal.hpp"
#include "live/session.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::filesystem::path file = fuzz::scratch() / "journal.jsonl";
    fuzz::writeFile(file, std::string_view(reinterpret_cast<const char*>(data), size));

    const pycast::Result<pycast::JournalContents> read = fuzz::readJournalOrFail(file);
    const std::vector<pycast::JournalEvent>& events = read->events;
    for (const std::string& w : read.warnings)
        FUZZ_CHECK(w.rfind("journal.jsonl line ", 0) == 0, "a warning names no line: " + w);
    for (std::size_t i = 0; i < events.size(); ++i) {
        const pycast::JournalEvent& e = events[i];
        FUZZ_CHECK(e.at.value >= 0 && e.at.value <= pycast::kMaxJournalMs, "t_ms out of reach");
        FUZZ_CHECK(e.seq >= 1 && e.seq <= pycast::kMaxJournalSeq, "seq out of reach");
        FUZZ_CHECK(!e.type.empty() && e.fields.is_object(), "an event without type or fields");
        if (i == 0) continue;
        FUZZ_CHECK(e.seq > events[i - 1].seq, "seq not rising");
        FUZZ_CHECK(e.line > events[i - 1].line, "lines out of order");
        FUZZ_CHECK(e.at.value >= events[i - 1].at.value, "t_ms going back");
    }

    pycast::LiveState state(fuzz::sampleShow());
    for (const pycast::JournalEvent& e : events) {
        try {
            (void)pycast::replayJournalEvent(state, e, e.at);
        } catch (const std::exception& ex) {
            fuzz::fail("replaying '" + e.type + "' threw: " + ex.what());
        }
    }

    const std::int64_t lastMs = events.empty() ? 0 : events.back().at.value;
    {
        pycast::Result<pycast::OpenedJournal> opened = pycast::Journal::open(file);
        FUZZ_CHECK(opened.ok(), "opening for append failed: " + opened.error().message());
        FUZZ_CHECK(opened->events.size() == events.size(),
                   "open read other events than readJournal");
        pycast::Result<pycast::JournalEvent> added = opened->journal->append(
            "marker", pycast::SessionMs(lastMs), pycast::EpochMs(1795000000000),
            nlohmann::json{{"label", "fuzz"}});
        if (!events.empty() && events.back().seq == pycast::kMaxJournalSeq) {
            // The line numbers are used up: a clear refusal, and the file stays as it was.
            FUZZ_CHECK(!added.ok() && added.error().what.find("used up") != std::string::npos,
                       "an append after the last seq was not refused");
            return 0;
        }
        FUZZ_CHECK(added.ok(), "append failed: " + added.error().message());
    }
    const pycast::Result<pycast::JournalContents> after = pycast::readJournal(file);
    FUZZ_CHECK(after.ok(), "reading after the append failed");
    FUZZ_CHECK(after->events.size() == events.size() + 1,
               "after one append: " + std::to_string(after->events.size()) + " events, was " +
                   std::to_string(events.size()));
    for (std::size_t i = 0; i < events.size(); ++i)
        FUZZ_CHECK(after->events[i].seq == events[i].seq && after->events[i].type == events[i].type,
                   "an event changed across the append");
    const pycast::JournalEvent& added = after->events.back();
    FUZZ_CHECK(
        added.type == "marker" && added.seq == (events.empty() ? 1 : events.back().seq + 1),
        "the appended event reads back as '" + added.type + "' seq " + std::to_string(added.seq));
    return 0;
}
