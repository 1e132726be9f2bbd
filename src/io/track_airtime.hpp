// Actual airtime of a recording: talk time per track file, read block by block through the
// airtime detector (any one thread; bounded memory: about a second of audio per track).
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

#include "core/error.hpp"

namespace pycast {

// What measureAirtime found.
struct TrackAirtime {
    std::vector<std::int64_t> talkMs;  // per track, in the order given (core/airtime.hpp's rule)
    std::int64_t recordedMs = 0;       // the longest track's length
    int sampleRate = 0;                // Hz, shared by every track
};

// Talk time of each of a set of aligned track files (one mic each, as the recorder writes
// them: they start together at sample 0 and share a sample rate; a file with several
// channels is taken as their average). A track shorter than the others counts as silence
// after its end. Errors name the file: missing or not a WAV, a sample rate that differs from
// the first track's, a read error; an empty list is an error too.
Result<TrackAirtime> measureAirtime(const std::vector<std::filesystem::path>& tracks);

}  // namespace pycast
