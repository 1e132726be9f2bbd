// Repairs the track files of takes a crash interrupted (owner thread).
#include "live/recording_repair.hpp"

#include <algorithm>

#include "io/wav_file.hpp"

namespace pycast {

std::vector<std::string> repairInterruptedTakes(Session& session) {
    std::vector<std::string> lines;
    // A copy: journaling a repair changes the session's log while this walks it.
    const RecordingLog log = session.recording();
    for (const RecordingTake& take : log.takes) {
        if (take.frames) continue;
        const std::string which = "take " + std::to_string(take.take);
        bool journaled = false;
        for (const RecordedTrack& track : take.tracks) {
            Result<WavRepair> repaired = repairWav(session.dir() / track.file);
            if (!repaired) {
                lines.push_back(which + ": " + repaired.error().message());
                continue;
            }
            const std::uint64_t frames = repaired->after.frames();
            SessionActionResult r = session.appendEvent(
                recorder_event::kRepair, {{"take", take.take},
                                          {"file", track.file},
                                          {"frames", frames},
                                          {"frames_recovered", repaired->framesRecovered},
                                          {"bytes_dropped", repaired->bytesDropped}});
            if (!r) lines.push_back(which + ": could not journal the repair: " + r.error.message());
            journaled = journaled || r.ok;
            if (repaired->changed)
                lines.push_back("repaired " + track.file + " (" + which + "): " +
                                formatSampleTime(frames, repaired->after.sampleRate) + " kept" +
                                (repaired->bytesDropped
                                     ? ", " + std::to_string(repaired->bytesDropped) + " torn bytes dropped"
                                     : std::string()));
        }
        // A take with no file left still gets a length (0), so the next one can start.
        if (!journaled)
            (void)session.appendEvent(recorder_event::kRepair, {{"take", take.take}, {"frames", 0}});
    }
    return lines;
}

}  // namespace pycast
