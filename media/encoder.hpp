// Encoding and muxing of the export: float samples → swr → AVAudioFifo → MP3 (LAME) / AAC in
// M4A / Opus in Ogg / FLAC / WAV, with chapters, tags and cover art; and a decoder of the
// encoder's own packets for verification. AudioEncoder runs on one thread (the exporter's
// encoding thread); PacketDecoder on any one thread.
//
// Where things go, per format:
//   MP3  libmp3lame, CBR 64–320 kb/s or VBR (-V 0…9). FFmpeg writes no ID3 (id3v2_version 0,
//        the Xing/LAME header stays); finish() writes the whole ID3v2 tag with TagLib
//        (media/mp3_tag.hpp): text, COMM, APIC, CHAP/CTOC.
//   M4A  FFmpeg's native AAC-LC, 32–320 kb/s; ipod muxer with +faststart; tags (©nam ©alb trkn
//        ©day ©ART ©cmt desc), chapters (Nero chpl + QuickTime chapter track, which ffprobe
//        shows as an extra data stream), cover as covr.
//   Opus libopus in Ogg, 6–510 kb/s, always 48 kHz: 44.1 kHz input is resampled by swr.
//        Vorbis comments, CHAPTERnnn/CHAPTERnnnNAME comments written by us (FFmpeg 5.1's Ogg
//        muxer rounds AVChapters' seconds: 1.5 s became 2.5 s), cover as a
//        METADATA_BLOCK_PICTURE comment (base64 FLAC picture block, type 3).
//   FLAC 24-bit; Vorbis comments; CHAPTERnnn/CHAPTERnnnNAME comments written by us (FFmpeg's
//        FLAC muxer drops AVChapters); cover as a PICTURE block of type 3 (front cover).
//   WAV  pcm_s24le; tags as RIFF INFO; no cover and no chapters (WAV has no place for them).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <span>
#include <vector>

#include "core/error.hpp"
#include "live/export_plan.hpp"
#include "media/ffmpeg.hpp"
#include "media/image_probe.hpp"

namespace pycast::media {

struct EncoderOptions {
    EncodeSettings settings;  // format, rate (44100/48000), channels (1/2), kb/s, vbr, id3v2Version
    EpisodeMeta meta;         // tags + meta.cover (a path; read by open())
    std::vector<OutputChapter> chapters;  // ms on the output timeline, end = next start
};

class AudioEncoder {
public:
    // Creates `path` (the exporter passes a hidden temporary name and renames it). The format is
    // settings.format, whatever the extension. Errors: codec missing, bad settings (bitrate out
    // of the codec's range, a rate other than 44.1/48 kHz, channels other than 1/2 — says which),
    // cover unreadable or not JPEG/PNG, the file cannot be created.
    static Result<std::unique_ptr<AudioEncoder>> open(const std::filesystem::path& path,
                                                      const EncoderOptions& options);
    // Interleaved float frames, settings.channels channels at settings.sampleRate, ±1.0; any
    // block size (re-blocked to the codec's frame size). Errors: encoding or writing failed.
    Status write(std::span<const float> interleaved);
    // Flushes the encoder, writes the trailer, closes the file, then writes what FFmpeg cannot
    // (MP3: the whole ID3v2 tag). Call once; later calls to write/finish are errors.
    Status finish();
    // Called on the encoding thread with a copy of every encoded audio packet, in order
    // (pts/dts in samples at codecParameters().sample_rate). Set before the first write.
    void setPacketTap(std::function<void(ff::Packet)> tap);
    // The audio stream's codec parameters (valid after open) — for PacketDecoder.
    const AVCodecParameters& codecParameters() const;
    // Samples written so far per channel, at settings.sampleRate.
    std::int64_t samplesWritten() const { return m_samplesIn; }

    // Without finish(): closes the file and leaves it for the caller to delete.
    ~AudioEncoder();
    AudioEncoder(const AudioEncoder&) = delete;
    AudioEncoder& operator=(const AudioEncoder&) = delete;

private:
    AudioEncoder() = default;
    Status convertAndQueue(const float* interleaved, int frames);
    Status drainFifo(bool flush);
    Status sendFrame(AVFrame* frame);
    Error failure(int code, const std::string& what) const;

    std::filesystem::path m_path;
    EncoderOptions m_options;
    std::unique_ptr<CoverImage> m_cover;
    ff::OutputContext m_format;
    ff::CodecContext m_codec;
    ff::Resampler m_swr;
    ff::AudioFifo m_fifo;
    ff::Frame m_frame;
    ff::Packet m_packet;
    AVStream* m_stream = nullptr;
    AVCodecParameters* m_params = nullptr;  // owned: avcodec_parameters_free
    std::function<void(ff::Packet)> m_tap;
    std::vector<std::uint8_t*> m_convertPlanes;  // swr output, av_samples_alloc'ed
    int m_convertCapacity = 0;                   // frames the planes hold
    int m_frameSize = 0;                         // frames per codec frame
    std::int64_t m_samplesIn = 0;                // per channel, input rate
    std::int64_t m_nextPts = 0;                  // per channel, codec rate
    bool m_finished = false;
};

// Decodes an encoder's packets back to interleaved float (one thread at a time).
class PacketDecoder {
public:
    // Errors: no decoder for the codec, or it refuses the parameters.
    static Result<std::unique_ptr<PacketDecoder>> open(const AVCodecParameters& params);
    // `packet` nullptr = flush (then the decoder is done). Calls `out` with interleaved float
    // at the codec's rate and channels. Errors: the decoder rejects a packet.
    Status decode(const AVPacket* packet, const std::function<void(std::span<const float>)>& out);
    int channels() const;
    int sampleRate() const;

    ~PacketDecoder();
    PacketDecoder(const PacketDecoder&) = delete;
    PacketDecoder& operator=(const PacketDecoder&) = delete;

private:
    PacketDecoder() = default;
    Status receive(const std::function<void(std::span<const float>)>& out);

    ff::CodecContext m_codec;
    ff::Frame m_frame;
    ff::Resampler m_swr;
    std::vector<float> m_buffer;
};

}  // namespace pycast::media
