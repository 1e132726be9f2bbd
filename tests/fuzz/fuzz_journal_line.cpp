// Fuzz target: one arbitrary journal line between two good ones, read and replayed (libFuzzer's
// thread). Properties: reading never fails or throws; every non-blank line is an event or a
// warning that names "journal.jsonl line N", never both, never neither; the good lines around it
// survive; replaying the events into the sample show's domains never throws.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"
#include "io/journal.hpp"
#include "live/session.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string line = fuzz::text(data, size);
    std::replace(line.begin(), line.end(), '\n', ' ');  // one line, whatever it holds
    const std::string first =
        R"({"seq":1,"t_ms":0,"wall":"2026-11-25T11:30:00.000Z","type":"session-start","wall_start_ms":1795000000000,"start_tod_s":41400,"start_date":"2026-11-25"})";
    const std::string last = R"({"seq":9007199254740991,"t_ms":31622400000,"type":"x-last"})";
    const std::filesystem::path file = fuzz::scratch() / "journal.jsonl";
    fuzz::writeFile(file, first + "\n" + line + "\n" + last + "\n");

    const pycast::Result<pycast::JournalContents> read = fuzz::readJournalOrFail(file);
    const std::vector<pycast::JournalEvent>& events = read->events;
    FUZZ_CHECK(!read->incompleteTail, "a terminated journal has an incomplete tail");
    bool blank = line.find_first_not_of(" \t\r") == std::string::npos;
    const std::size_t lines = blank ? 2 : 3;
    FUZZ_CHECK(events.size() + read.warnings.size() == lines,
               std::to_string(events.size()) + " events and " +
                   std::to_string(read.warnings.size()) + " warnings for " + std::to_string(lines) +
                   " lines");
    for (const std::string& w : read.warnings)
        FUZZ_CHECK(w.rfind("journal.jsonl line ", 0) == 0, "a warning names no line: " + w);
    FUZZ_CHECK(
        !events.empty() && events.front().type == "session-start" && events.front().line == 1,
        "the first good line was lost");
    for (std::size_t i = 1; i < events.size(); ++i) {
        FUZZ_CHECK(events[i].seq > events[i - 1].seq, "seq not rising");
        FUZZ_CHECK(events[i].at.value >= events[i - 1].at.value, "t_ms going back");
    }

    pycast::LiveState state(fuzz::sampleShow());
    for (const pycast::JournalEvent& e : events) {
        try {
            (void)pycast::replayJournalEvent(state, e, e.at);
        } catch (const std::exception& ex) {
            fuzz::fail("replaying '" + e.type + "' threw: " + ex.what());
        }
    }
    return 0;
}
