// Any audio file FFmpeg reads (WAV, FLAC, MP3, M4A, Opus…), decoded and converted to interleaved
// float at a chosen rate and channel count. One reader is used by one thread at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <vector>

#include "core/error.hpp"
#include "media/ffmpeg.hpp"

namespace pycast::media {

class AudioFileReader {
public:
    // Opens the file's best audio stream. `sampleRate`/`channels` 0 keep the file's own; other
    // values resample (libswresample) and remix: stereo → mono is the average of L and R (a
    // centred voice keeps its level), mono → stereo plays the channel on both sides at
    // its level; other remixes are FFmpeg's, scaled so no output channel sums past 1. A file
    // without a channel layout (WAV) gets FFmpeg's default layout for its channel count. Errors
    // (where = the path): the file does not exist; "no audio stream in …" (a picture, a text file);
    // FFmpeg cannot read it or has no decoder for it.
    static Result<std::unique_ptr<AudioFileReader>> open(const std::filesystem::path& path,
                                                         int sampleRate = 0, int channels = 0);
    ~AudioFileReader();  // frees the handles
    AudioFileReader(const AudioFileReader&) = delete;
    AudioFileReader& operator=(const AudioFileReader&) = delete;

    int sampleRate() const { return m_outRate; }  // Hz, of what read() delivers
    int channels() const { return m_outChannels; }
    int fileSampleRate() const { return m_inRate; }
    int fileChannels() const { return m_inChannels; }
    // From the container, ms (−1 when the container does not say).
    std::int64_t durationMs() const { return m_durationMs; }
    // Frames delivered by read() so far.
    std::int64_t framesRead() const { return m_framesRead; }

    // Up to out.size() / channels() whole frames into `out`; returns the frames written, 0 at
    // the end of the file. Errors name the file and the position (ms) where decoding failed.
    Result<std::size_t> read(std::span<float> out);

private:
    AudioFileReader() = default;
    Status fill();                         // decodes until m_pending holds samples or the file ends
    Status convert(const AVFrame* frame);  // resamples a frame (nullptr: drains) into m_pending
    Error decodeError(int code, const char* doing) const;

    std::filesystem::path m_path;
    ff::InputContext m_format;
    ff::CodecContext m_codec;
    ff::Resampler m_resampler;
    int m_resamplerFormat = -1, m_resamplerRate = 0;  // what m_resampler was set up for
    AVChannelLayout m_resamplerLayout{};
    ff::Frame m_frame;
    ff::Packet m_packet;
    int m_stream = -1;
    int m_inRate = 0, m_inChannels = 0;
    int m_outRate = 0, m_outChannels = 0;
    std::int64_t m_durationMs = -1;
    std::int64_t m_framesRead = 0;
    std::vector<float> m_pending;  // converted, interleaved, not yet handed out
    std::size_t m_pendingPos = 0;  // samples of m_pending already handed out
    bool m_demuxEnded = false, m_decoderDrained = false, m_resamplerDrained = false;
};

}  // namespace pycast::media
