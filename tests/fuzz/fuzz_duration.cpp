// Fuzz target: lengths and times of day as people type them (libFuzzer's thread).
// Properties: what parses formats back to text that parses to the same value (format(parse(x))
// round trips), within the documented ranges; the spreadsheet reader agrees on ASCII input.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/duration.hpp"
#include "fuzz_support.hpp"
#include "io/csv_import.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text = fuzz::text(data, size);

    const pycast::DurationParse d = pycast::parseDuration(text);
    if (d.ok()) {
        FUZZ_CHECK(d.seconds >= 0 && d.seconds <= pycast::kMaxDurationSeconds,
                   "length out of range: " + std::to_string(d.seconds));
        const std::string shown = pycast::formatDuration(d.seconds);
        const pycast::DurationParse back = pycast::parseDuration(shown);
        FUZZ_CHECK(back.ok() && back.seconds == d.seconds,
                   "\"" + shown + "\" does not read back as " + std::to_string(d.seconds));
        FUZZ_CHECK(pycast::formatDuration(back.seconds) == shown, "formatting is not stable");
        // The CSV importer takes every length the show format takes, as the same seconds.
        const auto planned = pycast::parsePlannedLength(text);
        FUZZ_CHECK(planned && (*planned) == d.seconds,
                   "the CSV importer reads \"" + shown + "\" differently");
        const std::string code = pycast::formatTimecode(d.seconds * 1000, true);
        FUZZ_CHECK(!code.empty() && code.front() != '-', "timecode of a length: " + code);
    }

    if (const auto tod = pycast::parseTimeOfDay(text)) {
        FUZZ_CHECK(*tod >= 0 && *tod < 24 * 3600,
                   "time of day out of range: " + std::to_string(*tod));
        const std::string shown = pycast::formatTimeOfDay(*tod);
        const auto back = pycast::parseTimeOfDay(shown);
        FUZZ_CHECK(back && *back == *tod, "\"" + shown + "\" does not read back");
    }

    if (const auto planned = pycast::parsePlannedLength(text, size % 2 == 1)) {
        FUZZ_CHECK((*planned) >= 0 && (*planned) <= pycast::kMaxDurationSeconds,
                   "planned length out of range: " + std::to_string((*planned)));
    }
    (void)pycast::asciiDigits(text);
    return 0;
}
