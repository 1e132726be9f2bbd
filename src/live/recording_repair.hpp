// Repairs the track files of takes a crash interrupted, when a session resumes (owner thread).
#pragma once

#include <string>
#include <vector>

#include "live/session.hpp"

namespace pycast {

// For every take of the session's journal that has no length yet (no recorder-stop: the program
// died mid-take): repairs each of its track files (io/wav_file.hpp repairWav: header sizes from
// the file's length, a torn last sample dropped) and journals recorder-repair {take, file,
// frames, frames_recovered, bytes_dropped}, so the take's length is known and the next take
// starts after it on the timeline. Idempotent: a take already repaired is skipped. Returns one
// line per file a person should hear about ("repaired tracks/01-host.wav (take 1): 12:03.456
// kept"; a file that could not be repaired, with why).
std::vector<std::string> repairInterruptedTakes(Session& session);

}  // namespace pycast
