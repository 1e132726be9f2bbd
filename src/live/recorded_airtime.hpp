// Measured talk time of a session's recording: every take's tracks through the airtime detector,
// summed per person (or per track name) (any one thread; reads the files).
#pragma once

#include <filesystem>
#include <vector>

#include "core/error.hpp"
#include "live/live_state.hpp"
#include "live/report.hpp"

namespace pycast {

// Talk time per track of the session in DIR, from the takes its journal lists (RecordingLog):
// a take that stopped normally brings the recorder's live totals (recorder-stop "talk_ms"); a
// take a crash cut off has its files measured together (io/track_airtime.hpp: a voice counts
// only in the mic where it is loudest; ~2 s of CPU for 4 tracks × 40 min). The takes are added
// up by person id, or by track name for a track bound to nobody. A session that recorded nothing gives an empty list. A take whose files
// cannot be read is skipped with a warning in the Result (the others still count).
Result<std::vector<TrackTalk>> measureRecordedTalk(const std::filesystem::path& dir,
                                                   const RecordingLog& log);

}  // namespace pycast
