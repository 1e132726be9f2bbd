// Measured talk time of a session's recording, take by take (any one thread).
#include "live/recorded_airtime.hpp"

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
        Result<TrackAirtime> measured = measureAirtime(files);
        if (!measured) {
            warnings.push_back("take " + std::to_string(take.take) + " was left out of the airtime: " +
                               measured.error().message());
            continue;
        }
        for (std::size_t i = 0; i < take.tracks.size() && i < measured->talkMs.size(); ++i) {
            const RecordedTrack& t = take.tracks[i];
            auto same = [&](const TrackTalk& x) {
                return t.person.empty() ? x.person.empty() && x.name == t.name : x.person == t.person;
            };
            auto it = std::find_if(out.begin(), out.end(), same);
            if (it == out.end()) {
                out.push_back({t.person, t.name, 0});
                it = out.end() - 1;
            }
            it->talkMs += measured->talkMs[i];
        }
    }
    Result<std::vector<TrackTalk>> result(std::move(out));
    result.warnings = std::move(warnings);
    return result;
}

}  // namespace pycast
