// Measured talk time of a session's recording, take by take (any one thread).
#include "live/recorded_airtime.hpp"

#include <algorithm>

#include "io/track_airtime.hpp"

namespace pycast {

Result<std::vector<TrackTalk>> measureRecordedTalk(const std::filesystem::path& dir,
                                                   const RecordingLog& log) {
    std::vector<TrackTalk> out;
    std::vector<std::string> warnings;
    for (const RecordingTake& take : log.takes) {
        std::vector<std::filesystem::path> files;
        for (const RecordedTrack& t : take.tracks) files.push_back(dir / t.file);
        if (files.empty()) continue;
        // A take that stopped normally has the recorder's live totals; one a crash cut off is
        // measured from its files (the same detector, core/airtime.hpp).
        std::vector<std::int64_t> talkMs = take.talkMs;
        if (talkMs.size() != take.tracks.size()) {
            Result<TrackAirtime> measured = measureAirtime(files);
            if (!measured) {
                warnings.push_back("take " + std::to_string(take.take) +
                                   " was left out of the airtime: " + measured.error().message());
                continue;
            }
            talkMs = std::move(measured->talkMs);
        }
        for (std::size_t i = 0; i < take.tracks.size() && i < talkMs.size(); ++i) {
            const RecordedTrack& t = take.tracks[i];
            auto same = [&](const TrackTalk& x) {
                return t.person.empty() ? x.person.empty() && x.name == t.name : x.person == t.person;
            };
            auto it = std::find_if(out.begin(), out.end(), same);
            if (it == out.end()) {
                out.push_back({t.person, t.name, 0});
                it = out.end() - 1;
            }
            it->talkMs += talkMs[i];
        }
    }
    Result<std::vector<TrackTalk>> result(std::move(out));
    result.warnings = std::move(warnings);
    return result;
}

}  // namespace pycast
