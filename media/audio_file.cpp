// AudioFileReader: demux → decode → libswresample to interleaved float (the reader's thread).
#include "media/audio_file.hpp"

#include <algorithm>
#include <cstring>
#include <system_error>

namespace pycast::media {

namespace {

namespace fs = std::filesystem;

constexpr const char* kRemedy = "check that the file plays in another program, or export it again";

// The layout a stream says it has, or FFmpeg's default for its channel count when it says
// nothing (WAV without WAVE_FORMAT_EXTENSIBLE).
AVChannelLayout layoutOf(const AVChannelLayout& given) {
    AVChannelLayout layout{};
    if (given.order == AV_CHANNEL_ORDER_UNSPEC || av_channel_layout_check(&given) == 0)
        av_channel_layout_default(&layout, given.nb_channels);
    else
        av_channel_layout_copy(&layout, &given);
    return layout;
}

}  // namespace

AudioFileReader::~AudioFileReader() { av_channel_layout_uninit(&m_resamplerLayout); }

Result<std::unique_ptr<AudioFileReader>> AudioFileReader::open(const fs::path& path, int sampleRate,
                                                               int channels) {
    const std::string where = path.string();
    std::error_code ec;
    if (!fs::exists(path, ec))
        return Error{"file not found", where, "check the path and the file name"};
    if (fs::is_directory(path, ec))
        return Error{"is a folder, not an audio file", where, "give the path of an audio file"};
    if (sampleRate < 0 || sampleRate > 768000 || channels < 0 || channels > 64)
        return Error{"cannot convert to " + std::to_string(sampleRate) + " Hz, " +
                         std::to_string(channels) + " channels",
                     where, "ask for 8000–768000 Hz and 1–64 channels (0 keeps the file's)"};

    std::unique_ptr<AudioFileReader> reader(new AudioFileReader());
    reader->m_path = path;

    AVFormatContext* rawFormat = nullptr;
    if (int rc = avformat_open_input(&rawFormat, where.c_str(), nullptr, nullptr); rc < 0)
        return ff::error(rc, "cannot open the file as audio", where, kRemedy);
    reader->m_format.reset(rawFormat);
    AVFormatContext* format = reader->m_format.get();
    if (int rc = avformat_find_stream_info(format, nullptr); rc < 0)
        return ff::error(rc, "cannot read the file's streams", where, kRemedy);

    const AVCodec* decoder = nullptr;
    const int stream = av_find_best_stream(format, AVMEDIA_TYPE_AUDIO, -1, -1, &decoder, 0);
    if (stream == AVERROR_STREAM_NOT_FOUND)
        return Error{"no audio stream in " + path.filename().string(), where,
                     "give an audio file (WAV, FLAC, MP3, M4A, Opus…)"};
    if (stream == AVERROR_DECODER_NOT_FOUND || decoder == nullptr)
        return Error{"no decoder for the file's audio codec", where,
                     "convert it to WAV or FLAC first"};
    if (stream < 0) return ff::error(stream, "cannot find the file's audio stream", where, kRemedy);
    reader->m_stream = stream;
    for (unsigned i = 0; i < format->nb_streams; ++i)
        if (static_cast<int>(i) != stream) format->streams[i]->discard = AVDISCARD_ALL;

    AVStream* st = format->streams[stream];
    reader->m_codec.reset(avcodec_alloc_context3(decoder));
    if (!reader->m_codec) return Error{"out of memory opening the decoder", where, ""};
    if (int rc = avcodec_parameters_to_context(reader->m_codec.get(), st->codecpar); rc < 0)
        return ff::error(rc, "cannot set up the decoder", where, kRemedy);
    reader->m_codec->pkt_timebase = st->time_base;
    if (int rc = avcodec_open2(reader->m_codec.get(), decoder, nullptr); rc < 0)
        return ff::error(rc, "cannot open the decoder", where, kRemedy);

    reader->m_inRate = reader->m_codec->sample_rate;
    reader->m_inChannels = reader->m_codec->ch_layout.nb_channels;
    if (reader->m_inRate <= 0 || reader->m_inChannels <= 0)
        return Error{"the audio stream has no sample rate or channel count", where, kRemedy};
    reader->m_outRate = sampleRate > 0 ? sampleRate : reader->m_inRate;
    reader->m_outChannels = channels > 0 ? channels : reader->m_inChannels;

    if (format->duration != AV_NOPTS_VALUE && format->duration > 0)
        reader->m_durationMs = av_rescale(format->duration, 1000, AV_TIME_BASE);
    else if (st->duration != AV_NOPTS_VALUE && st->duration > 0)
        reader->m_durationMs = av_rescale_q(st->duration, st->time_base, AVRational{1, 1000});

    reader->m_frame.reset(av_frame_alloc());
    reader->m_packet.reset(av_packet_alloc());
    if (!reader->m_frame || !reader->m_packet)
        return Error{"out of memory opening the file", where, ""};
    return reader;
}

Error AudioFileReader::decodeError(int code, const char* doing) const {
    const std::int64_t ms = m_outRate > 0 ? m_framesRead * 1000 / m_outRate : 0;
    return ff::error(code, std::string(doing) + " at " + std::to_string(ms) + " ms",
                     m_path.string(), kRemedy);
}

Status AudioFileReader::convert(const AVFrame* frame) {
    if (frame != nullptr) {
        // Set up (or redo, when the stream changes its format mid-file) from what the decoder
        // really delivers: some codecs only know their format after the first frame.
        const bool changed = !m_resampler || frame->format != m_resamplerFormat ||
                             frame->sample_rate != m_resamplerRate ||
                             av_channel_layout_compare(&frame->ch_layout, &m_resamplerLayout) != 0;
        if (changed) {
            if (m_resampler) {
                if (Status s = convert(nullptr); !s) return s;
            }
            AVChannelLayout in = layoutOf(frame->ch_layout);
            AVChannelLayout out{};
            if (m_outChannels == in.nb_channels)
                av_channel_layout_copy(&out, &in);
            else
                av_channel_layout_default(&out, m_outChannels);
            SwrContext* raw = nullptr;
            int rc = swr_alloc_set_opts2(&raw, &out, AV_SAMPLE_FMT_FLT, m_outRate, &in,
                                         static_cast<AVSampleFormat>(frame->format),
                                         frame->sample_rate, 0, nullptr);
            const int inChannels = in.nb_channels;
            av_channel_layout_uninit(&in);
            av_channel_layout_uninit(&out);
            m_resampler.reset(raw);
            if (rc < 0) return decodeError(rc, "cannot set up the sample-rate converter");
            // Remixing keeps each output channel's gains summing to at most 1: stereo → mono
            // is (L + R) / 2, not FFmpeg's louder −3 dB pan law.
            av_opt_set_double(raw, "rematrix_maxval", 1.0, 0);
            // Mono → stereo plays the one channel on both sides at its level (FFmpeg's own
            // matrix puts it 3 dB down in each).
            if (inChannels == 1 && m_outChannels == 2) {
                const double both[2] = {1.0, 1.0};
                if (rc = swr_set_matrix(raw, both, 1); rc < 0)
                    return decodeError(rc, "cannot set up the channel mix");
            }
            if (rc = swr_init(raw); rc < 0)
                return decodeError(rc, "cannot set up the sample-rate converter");
            m_resamplerFormat = frame->format;
            m_resamplerRate = frame->sample_rate;
            av_channel_layout_uninit(&m_resamplerLayout);
            av_channel_layout_copy(&m_resamplerLayout, &frame->ch_layout);
        }
    }
    if (!m_resampler) return ok();

    // Keep what is still to be handed out, append the new samples after it.
    if (m_pendingPos > 0) {
        m_pending.erase(m_pending.begin(),
                        m_pending.begin() + static_cast<std::ptrdiff_t>(m_pendingPos));
        m_pendingPos = 0;
    }
    const int inFrames = frame ? frame->nb_samples : 0;
    const int room = swr_get_out_samples(m_resampler.get(), inFrames);
    if (room < 0) return decodeError(room, "cannot convert the audio");
    const std::size_t kept = m_pending.size();
    m_pending.resize(kept +
                     static_cast<std::size_t>(room + 16) * static_cast<std::size_t>(m_outChannels));
    auto* outPtr = reinterpret_cast<std::uint8_t*>(m_pending.data() + kept);
    const int got = swr_convert(
        m_resampler.get(), &outPtr, room + 16,
        frame ? const_cast<const std::uint8_t**>(frame->extended_data) : nullptr, inFrames);
    if (got < 0) {
        m_pending.resize(kept);
        return decodeError(got, "cannot convert the audio");
    }
    m_pending.resize(kept +
                     static_cast<std::size_t>(got) * static_cast<std::size_t>(m_outChannels));
    return ok();
}

Status AudioFileReader::fill() {
    while (m_pendingPos >= m_pending.size()) {
        if (!m_decoderDrained) {
            int rc = avcodec_receive_frame(m_codec.get(), m_frame.get());
            if (rc == 0) {
                Status s = convert(m_frame.get());
                av_frame_unref(m_frame.get());
                if (!s) return s;
                continue;
            }
            if (rc == AVERROR_EOF) {
                m_decoderDrained = true;
                continue;
            }
            if (rc != AVERROR(EAGAIN)) return decodeError(rc, "cannot decode the audio");
            // The decoder wants more input.
            rc = av_read_frame(m_format.get(), m_packet.get());
            if (rc == AVERROR_EOF) {
                m_demuxEnded = true;
                rc = avcodec_send_packet(m_codec.get(), nullptr);
                if (rc < 0 && rc != AVERROR_EOF) return decodeError(rc, "cannot decode the audio");
                continue;
            }
            if (rc < 0) return decodeError(rc, "cannot read the file");
            if (m_packet->stream_index == m_stream) {
                rc = avcodec_send_packet(m_codec.get(), m_packet.get());
                av_packet_unref(m_packet.get());
                if (rc < 0 && rc != AVERROR(EAGAIN))
                    return decodeError(rc, "cannot decode the audio");
            } else {
                av_packet_unref(m_packet.get());
            }
            continue;
        }
        if (!m_resamplerDrained) {
            m_resamplerDrained = true;
            if (Status s = convert(nullptr); !s) return s;
            continue;
        }
        return ok();  // the end: nothing more will come
    }
    return ok();
}

Result<std::size_t> AudioFileReader::read(std::span<float> out) {
    const auto ch = static_cast<std::size_t>(m_outChannels);
    const std::size_t wanted = out.size() / ch;
    std::size_t written = 0;
    while (written < wanted) {
        if (Status s = fill(); !s) return s.error();
        const std::size_t available = (m_pending.size() - m_pendingPos) / ch;
        if (available == 0) break;
        const std::size_t n = std::min(available, wanted - written);
        std::memcpy(out.data() + written * ch, m_pending.data() + m_pendingPos,
                    n * ch * sizeof(float));
        m_pendingPos += n * ch;
        written += n;
        m_framesRead += static_cast<std::int64_t>(n);
    }
    return written;
}

}  // namespace pycast::media
