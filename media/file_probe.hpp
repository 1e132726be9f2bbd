// An exported file opened again with FFmpeg, and compared with what was intended: duration,
// chapters, tags and cover (any thread).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "live/export_plan.hpp"
#include "media/encoder.hpp"

namespace pycast::media {

struct ProbedAudio {
    std::int64_t durationMs = 0;  // ms, the audio stream's (the container's when unknown)
    int sampleRate = 0;           // Hz
    int channels = 0;
    std::string codec;                        // "mp3", "aac", "opus", "flac", "pcm_s24le"
    std::int64_t bitRate = 0;                 // b/s: the audio stream's, else the container's
    std::map<std::string, std::string> tags;  // container + audio stream tags, keys lower-case
    std::vector<OutputChapter> chapters;      // ms; from AVChapters, else CHAPTERnnn comments
    bool hasCover = false;
    int coverWidth = 0, coverHeight = 0;  // px
    std::string coverCodec;               // "mjpeg", "png"
};
// Errors: the file cannot be opened or has no audio stream.
Result<ProbedAudio> probeAudioFile(const std::filesystem::path& path);

// Each difference between the file and the intent is an Error check (topic "Duration",
// "Chapters", "Tags" or "Cover art") saying what and where ("chapter 3 starts at 12:03.456,
// intended 12:03.450"); a topic where nothing differs gets one Ok check. Duration within ±50 ms plus the codec's frame (padding);
// chapters: count, start to the ms, titles exactly; tags: title, show, episode, date,
// description; cover present when intended (not checked for WAV, which carries none).
std::vector<ExportCheck> compareWithIntended(const ProbedAudio& file,
                                             const EncoderOptions& intended,
                                             std::int64_t intendedMs);

// "12:03.456" (m:ss.mmm, h:mm:ss.mmm past an hour), for the checks' texts.
std::string formatChapterTime(std::int64_t ms);

}  // namespace pycast::media
