// Actual airtime of a recording: the track files read in blocks of a second and fed to the
// airtime detector frame by frame (any one thread).
#include "io/track_airtime.hpp"

#include <algorithm>

#include "core/airtime.hpp"
#include "io/wav_file.hpp"

namespace pycast {

namespace {

constexpr std::size_t kFramesPerBlock = 100;  // detector frames read per track at a time (1 s)

// Fills `out` from `reader` (a reader may hand back less than asked before its end); the rest,
// after the end of the file, is silence. Returns the samples read from the file.
Result<std::size_t> readBlock(WavReader& reader, std::span<float> out) {
    std::size_t got = 0;
    while (got < out.size()) {
        auto n = reader.read(out.subspan(got));
        if (!n) return n.error();
        if (*n == 0) break;
        got += *n;
    }
    std::fill(out.begin() + static_cast<std::ptrdiff_t>(got), out.end(), 0.0f);
    return got;
}

}  // namespace

Result<TrackAirtime> measureAirtime(const std::vector<std::filesystem::path>& tracks) {
    if (tracks.empty())
        return Error{"no track files given", "", "name the WAV file of each microphone's track"};
    std::vector<WavReader> readers;
    readers.reserve(tracks.size());
    for (const auto& path : tracks) {
        auto reader = WavReader::open(path);
        if (!reader) return reader.error();
        if (reader->info().sampleRate <= 0)
            return Error{"has no sample rate in its header", path.string(), "check the file with ffprobe"};
        if (!readers.empty() && reader->info().sampleRate != readers.front().info().sampleRate)
            return Error{"is at " + std::to_string(reader->info().sampleRate) + " Hz, but " +
                             tracks.front().string() + " is at " +
                             std::to_string(readers.front().info().sampleRate) + " Hz",
                         path.string(),
                         "give the tracks of one recording (they share a sample rate), or convert this "
                         "one first (sox IN -r RATE OUT)"};
        readers.push_back(std::move(*reader));
    }

    const int rate = readers.front().info().sampleRate;
    AirtimeDetector detector(static_cast<int>(tracks.size()), rate);
    const std::size_t perFrame = static_cast<std::size_t>(detector.samplesPerFrame());
    const std::size_t perBlock = perFrame * kFramesPerBlock;
    std::vector<std::vector<float>> blocks(tracks.size(), std::vector<float>(perBlock));
    std::vector<bool> ended(tracks.size(), false);
    std::vector<float> planar(perFrame * tracks.size());
    std::uint64_t longest = 0;  // samples of the longest track
    std::uint64_t position = 0;

    for (;;) {
        std::size_t blockSamples = 0;  // the most any track had in this block
        for (std::size_t t = 0; t < tracks.size(); ++t) {
            if (ended[t]) {
                std::fill(blocks[t].begin(), blocks[t].end(), 0.0f);
                continue;
            }
            auto got = readBlock(readers[t], blocks[t]);
            if (!got) {
                Error e = got.error();
                if (e.where.empty()) e.where = tracks[t].string();
                return e;
            }
            if (*got < perBlock) ended[t] = true;
            blockSamples = std::max(blockSamples, *got);
        }
        if (blockSamples == 0) break;
        position += blockSamples;
        longest = position;
        // Whole frames; a last partial one is completed with the silence readBlock put there.
        const std::size_t frames = (blockSamples + perFrame - 1) / perFrame;
        for (std::size_t f = 0; f < frames; ++f) {
            for (std::size_t t = 0; t < tracks.size(); ++t)
                std::copy_n(blocks[t].begin() + static_cast<std::ptrdiff_t>(f * perFrame), perFrame,
                            planar.begin() + static_cast<std::ptrdiff_t>(t * perFrame));
            detector.addFrame(planar);
        }
        if (blockSamples < perBlock) break;
    }
    detector.finish();
    return TrackAirtime{detector.talkMs(), static_cast<std::int64_t>(longest * 1000 / static_cast<std::uint64_t>(rate)),
                        rate};
}

}  // namespace pycast
