// Encoding and muxing of the export (AudioEncoder: the exporter's encoding thread) and decoding
// of its packets for verification (PacketDecoder: any one thread).
#include "media/encoder.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "media/mp3_tag.hpp"

extern "C" {
#include <libavutil/base64.h>
#include <libavutil/samplefmt.h>
}

namespace pycast::media {
namespace {

struct CodecChoice {
    const char* label;     // for messages: "MP3"
    const char* muxer;     // FFmpeg's short name
    const char* encoder;   // FFmpeg's encoder name
    int minKbps, maxKbps;  // 0: lossless, no bitrate
};

CodecChoice codecFor(ExportFormat format) {
    switch (format) {
        case ExportFormat::Mp3:
            return {"MP3", "mp3", "libmp3lame", 64, 320};
        case ExportFormat::M4a:
            return {"M4A (AAC)", "ipod", "aac", 32, 320};
        case ExportFormat::Opus:
            return {"Opus", "ogg", "libopus", 6, 510};
        case ExportFormat::Flac:
            return {"FLAC", "flac", "flac", 0, 0};
        case ExportFormat::Wav:
            return {"WAV", "wav", "pcm_s24le", 0, 0};
    }
    return {"MP3", "mp3", "libmp3lame", 64, 320};
}

// Our samples are float; the first of these the codec takes keeps the most of them.
AVSampleFormat pickSampleFormat(const AVCodec& codec) {
    static const AVSampleFormat kPreferred[] = {AV_SAMPLE_FMT_FLTP, AV_SAMPLE_FMT_FLT,
                                                AV_SAMPLE_FMT_S32P, AV_SAMPLE_FMT_S32,
                                                AV_SAMPLE_FMT_S16P, AV_SAMPLE_FMT_S16};
    if (!codec.sample_fmts) return AV_SAMPLE_FMT_FLT;
    for (AVSampleFormat wanted : kPreferred) {
        for (const AVSampleFormat* f = codec.sample_fmts; *f != AV_SAMPLE_FMT_NONE; ++f) {
            if (*f == wanted) return wanted;
        }
    }
    return codec.sample_fmts[0];
}

bool codecTakesRate(const AVCodec& codec, int rate) {
    if (!codec.supported_samplerates) return true;
    for (const int* r = codec.supported_samplerates; *r != 0; ++r) {
        if (*r == rate) return true;
    }
    return false;
}

// "HH:MM:SS.mmm", the CHAPTERnnn comments' time.
std::string vorbisChapterTime(std::int64_t ms) {
    ms = std::max<std::int64_t>(ms, 0);
    char text[32];
    std::snprintf(text, sizeof text, "%02lld:%02lld:%02lld.%03lld",
                  static_cast<long long>(ms / 3600000), static_cast<long long>(ms / 60000 % 60),
                  static_cast<long long>(ms / 1000 % 60), static_cast<long long>(ms % 1000));
    return text;
}

void appendBigEndian32(std::vector<std::uint8_t>& out, std::uint64_t value) {
    for (int shift = 24; shift >= 0; shift -= 8) {
        out.push_back(static_cast<std::uint8_t>((value >> shift) & 0xFF));
    }
}

// A FLAC PICTURE metadata block's body (type 3, front cover), as METADATA_BLOCK_PICTURE carries it.
std::vector<std::uint8_t> flacPictureBlock(const CoverImage& cover) {
    std::vector<std::uint8_t> block;
    const std::string description = "Cover (front)";
    appendBigEndian32(block, 3);
    appendBigEndian32(block, cover.mimeType.size());
    block.insert(block.end(), cover.mimeType.begin(), cover.mimeType.end());
    appendBigEndian32(block, description.size());
    block.insert(block.end(), description.begin(), description.end());
    appendBigEndian32(block, static_cast<std::uint64_t>(cover.info.width));
    appendBigEndian32(block, static_cast<std::uint64_t>(cover.info.height));
    appendBigEndian32(block, cover.info.hasAlpha ? 32 : 24);
    appendBigEndian32(block, 0);
    appendBigEndian32(block, cover.bytes.size());
    block.insert(block.end(), cover.bytes.begin(), cover.bytes.end());
    return block;
}

std::string base64(const std::vector<std::uint8_t>& bytes) {
    std::string out(AV_BASE64_SIZE(bytes.size()), '\0');
    av_base64_encode(out.data(), static_cast<int>(out.size()), bytes.data(),
                     static_cast<int>(bytes.size()));
    out.resize(std::char_traits<char>::length(out.c_str()));
    return out;
}

void setTag(AVDictionary** dict, const char* key, const std::string& value) {
    if (!value.empty()) av_dict_set(dict, key, value.c_str(), 0);
}

// The settings every codec check before FFmpeg sees them, with messages that say which value.
Status validateSettings(const EncodeSettings& s, const CodecChoice& choice,
                        const std::string& where) {
    if (s.channels != 1 && s.channels != 2) {
        return Error{std::to_string(s.channels) + " channels cannot be exported", where,
                     "export mono (1) or stereo (2)"};
    }
    if (s.sampleRate != 44100 && s.sampleRate != 48000) {
        return Error{std::to_string(s.sampleRate) + " Hz is not an export rate", where,
                     "choose 44100 or 48000 Hz"};
    }
    const bool mp3Vbr = s.format == ExportFormat::Mp3 && s.vbr;
    if (mp3Vbr && (s.vbrQuality < 0 || s.vbrQuality > 9)) {
        return Error{"LAME VBR quality -V " + std::to_string(s.vbrQuality) + " does not exist",
                     where, "choose -V 0 (best) to 9"};
    }
    if (choice.maxKbps > 0 && !mp3Vbr &&
        (s.bitrateKbps < choice.minKbps || s.bitrateKbps > choice.maxKbps)) {
        return Error{std::to_string(s.bitrateKbps) + " kb/s is outside what " + choice.label +
                         " takes (" + std::to_string(choice.minKbps) + "–" +
                         std::to_string(choice.maxKbps) + " kb/s)",
                     where, "choose a bitrate in that range"};
    }
    return ok();
}

// Tags and chapters where each muxer looks for them (MP3's are TagLib's, in finish()).
Status addTagsAndChapters(AVFormatContext& fmt, AVStream& stream, const EncoderOptions& options,
                          const std::string& where) {
    const ExportFormat format = options.settings.format;
    // Tags. Ogg keeps its comments on the stream; the other muxers read the container's.
    const EpisodeMeta& meta = options.meta;
    AVDictionary** tags = format == ExportFormat::Opus ? &stream.metadata : &fmt.metadata;
    if (format != ExportFormat::Mp3) {
        setTag(tags, "title", meta.title);
        setTag(tags, "album", meta.show);
        setTag(tags, "artist", peopleCredit(meta.people));
        if (meta.episode) setTag(tags, "track", std::to_string(*meta.episode));
        setTag(tags, "date", meta.date);
        setTag(tags, "comment", meta.description);  // Vorbis: DESCRIPTION; WAV: ICMT; MP4: ©cmt
        if (format == ExportFormat::M4a) setTag(tags, "description", meta.description);
    }

    // Chapters: AVChapters for MP4 (chpl + chapter track). FLAC's muxer drops AVChapters, and
    // FFmpeg 5.1's Ogg muxer rounds their seconds (1.500 s is written "00:00:02.500"), so the
    // CHAPTERnnn/CHAPTERnnnNAME comments of both are ours, numbered from 001.
    if (format == ExportFormat::M4a) {
        const auto count = options.chapters.size();
        if (count > 0) {
            fmt.chapters = static_cast<AVChapter**>(av_calloc(count, sizeof(AVChapter*)));
            if (!fmt.chapters) return ff::error(AVERROR(ENOMEM), "cannot add the chapters", where);
            for (std::size_t i = 0; i < count; ++i) {
                auto* chapter = static_cast<AVChapter*>(av_mallocz(sizeof(AVChapter)));
                if (!chapter) return ff::error(AVERROR(ENOMEM), "cannot add the chapters", where);
                fmt.chapters[i] = chapter;
                fmt.nb_chapters = static_cast<unsigned>(i + 1);
                const OutputChapter& c = options.chapters[i];
                chapter->id = static_cast<std::int64_t>(i);
                chapter->time_base = AVRational{1, 1000};
                chapter->start = c.startMs;
                chapter->end = std::max(c.endMs, c.startMs);
                av_dict_set(&chapter->metadata, "title", c.title.c_str(), 0);
            }
        }
    } else if (format == ExportFormat::Flac || format == ExportFormat::Opus) {
        for (std::size_t i = 0; i < options.chapters.size(); ++i) {
            char key[32];
            std::snprintf(key, sizeof key, "CHAPTER%03zu", i + 1);
            av_dict_set(tags, key, vorbisChapterTime(options.chapters[i].startMs).c_str(), 0);
            const std::string nameKey = std::string(key) + "NAME";
            av_dict_set(tags, nameKey.c_str(), options.chapters[i].title.c_str(), 0);
        }
    }
    return ok();
}

}  // namespace

Error AudioEncoder::failure(int code, const std::string& what) const {
    return ff::error(code, what, m_path.string());
}

Result<std::unique_ptr<AudioEncoder>> AudioEncoder::open(const std::filesystem::path& path,
                                                         const EncoderOptions& options) {
    const EncodeSettings& s = options.settings;
    const CodecChoice choice = codecFor(s.format);
    const std::string where = path.string();
    if (auto st = validateSettings(s, choice, where); !st) return st.error();
    const bool mp3Vbr = s.format == ExportFormat::Mp3 && s.vbr;

    std::unique_ptr<AudioEncoder> enc(new AudioEncoder());
    enc->m_path = path;
    enc->m_options = options;

    // WAV has no place for a picture; the others get the cover read (and checked) here.
    if (!options.meta.cover.empty() && s.format != ExportFormat::Wav) {
        auto cover = readCoverImage(options.meta.cover);
        if (!cover) return cover.error();
        enc->m_cover = std::make_unique<CoverImage>(std::move(*cover));
    }

    const AVCodec* codec = avcodec_find_encoder_by_name(choice.encoder);
    if (!codec) {
        return Error{
            std::string("FFmpeg has no ") + choice.encoder + " encoder for " + choice.label, where,
            "install an FFmpeg build with it (Debian: libavcodec59)"};
    }
    // libopus runs at 48 kHz only: 44.1 kHz input is resampled by swr below.
    const int codecRate = s.format == ExportFormat::Opus ? 48000 : s.sampleRate;
    if (!codecTakesRate(*codec, codecRate)) {
        return Error{std::string(choice.encoder) + " refuses " + std::to_string(codecRate) + " Hz",
                     where, "choose the other sample rate"};
    }

    AVFormatContext* rawFormat = nullptr;
    int e = avformat_alloc_output_context2(&rawFormat, nullptr, choice.muxer, path.c_str());
    if (e < 0) return ff::error(e, std::string("FFmpeg has no ") + choice.muxer + " muxer", where);
    enc->m_format.reset(rawFormat);
    AVFormatContext* fmt = rawFormat;

    enc->m_codec.reset(avcodec_alloc_context3(codec));
    if (!enc->m_codec) return ff::error(AVERROR(ENOMEM), "cannot set up the encoder", where);
    AVCodecContext* cc = enc->m_codec.get();
    cc->sample_fmt = pickSampleFormat(*codec);
    cc->sample_rate = codecRate;
    av_channel_layout_default(&cc->ch_layout, s.channels);
    cc->time_base = AVRational{1, codecRate};
    if (choice.maxKbps > 0) cc->bit_rate = static_cast<std::int64_t>(s.bitrateKbps) * 1000;
    if (mp3Vbr) {
        cc->flags |= AV_CODEC_FLAG_QSCALE;
        cc->global_quality = FF_QP2LAMBDA * s.vbrQuality;
        cc->bit_rate = 0;
    }
    if (s.format == ExportFormat::Flac || s.format == ExportFormat::Wav)
        cc->bits_per_raw_sample = 24;
    if (fmt->oformat->flags & AVFMT_GLOBALHEADER) cc->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    e = avcodec_open2(cc, codec, nullptr);
    if (e < 0) {
        return ff::error(e,
                         std::string("the ") + choice.encoder + " encoder refuses the settings (" +
                             std::to_string(codecRate) + " Hz, " + std::to_string(s.channels) +
                             " ch" +
                             (choice.maxKbps > 0 ? ", " + std::to_string(s.bitrateKbps) + " kb/s"
                                                 : std::string()) +
                             ")",
                         where, "try another bitrate or sample rate");
    }
    const bool variable = (codec->capabilities & AV_CODEC_CAP_VARIABLE_FRAME_SIZE) != 0;
    enc->m_frameSize = (cc->frame_size > 0 && !variable) ? cc->frame_size : 4096;

    AVStream* stream = avformat_new_stream(fmt, nullptr);
    if (!stream) return ff::error(AVERROR(ENOMEM), "cannot add the audio stream", where);
    e = avcodec_parameters_from_context(stream->codecpar, cc);
    if (e < 0) return ff::error(e, "cannot set up the audio stream", where);
    stream->time_base = cc->time_base;
    enc->m_stream = stream;
    enc->m_params = avcodec_parameters_alloc();
    if (!enc->m_params) return ff::error(AVERROR(ENOMEM), "cannot set up the audio stream", where);
    avcodec_parameters_from_context(enc->m_params, cc);

    if (auto st = addTagsAndChapters(*fmt, *stream, options, where); !st) return st.error();

    // Cover: an attached picture for MP4 (covr) and FLAC (PICTURE, "Cover (front)" = type 3);
    // Ogg refuses one, so Opus gets METADATA_BLOCK_PICTURE.
    AVStream* coverStream = nullptr;
    if (enc->m_cover && (s.format == ExportFormat::M4a || s.format == ExportFormat::Flac)) {
        coverStream = avformat_new_stream(fmt, nullptr);
        if (!coverStream) return ff::error(AVERROR(ENOMEM), "cannot add the cover art", where);
        coverStream->codecpar->codec_type = AVMEDIA_TYPE_VIDEO;
        coverStream->codecpar->codec_id =
            enc->m_cover->info.codec == "png" ? AV_CODEC_ID_PNG : AV_CODEC_ID_MJPEG;
        coverStream->codecpar->width = enc->m_cover->info.width;
        coverStream->codecpar->height = enc->m_cover->info.height;
        coverStream->disposition = AV_DISPOSITION_ATTACHED_PIC;
        coverStream->time_base = AVRational{1, 90000};
        av_dict_set(&coverStream->metadata, "comment", "Cover (front)", 0);
    } else if (enc->m_cover && s.format == ExportFormat::Opus) {
        av_dict_set(&stream->metadata, "METADATA_BLOCK_PICTURE",
                    base64(flacPictureBlock(*enc->m_cover)).c_str(), 0);
    }

    if (!(fmt->oformat->flags & AVFMT_NOFILE)) {
        e = avio_open(&fmt->pb, path.c_str(), AVIO_FLAG_WRITE);
        if (e < 0) {
            return ff::error(e, "cannot create the file", where,
                             "check that the folder exists and is writable");
        }
    }
    AVDictionary* muxerOptions = nullptr;
    if (s.format == ExportFormat::Mp3) av_dict_set(&muxerOptions, "id3v2_version", "0", 0);
    if (s.format == ExportFormat::M4a) av_dict_set(&muxerOptions, "movflags", "+faststart", 0);
    e = avformat_write_header(fmt, &muxerOptions);
    av_dict_free(&muxerOptions);
    if (e < 0) return ff::error(e, "cannot write the file's header", where);

    if (coverStream) {
        ff::Packet picture(av_packet_alloc());
        if (!picture ||
            av_new_packet(picture.get(), static_cast<int>(enc->m_cover->bytes.size())) < 0) {
            return ff::error(AVERROR(ENOMEM), "cannot add the cover art", where);
        }
        std::copy(enc->m_cover->bytes.begin(), enc->m_cover->bytes.end(), picture->data);
        picture->stream_index = coverStream->index;
        picture->flags |= AV_PKT_FLAG_KEY;
        picture->pts = picture->dts = 0;
        e = av_write_frame(fmt, picture.get());
        if (e < 0) return ff::error(e, "cannot write the cover art", where);
    }

    AVChannelLayout inLayout{};
    av_channel_layout_default(&inLayout, s.channels);
    SwrContext* rawSwr = nullptr;
    e = swr_alloc_set_opts2(&rawSwr, &cc->ch_layout, cc->sample_fmt, cc->sample_rate, &inLayout,
                            AV_SAMPLE_FMT_FLT, s.sampleRate, 0, nullptr);
    av_channel_layout_uninit(&inLayout);
    enc->m_swr.reset(rawSwr);
    if (e < 0) return ff::error(e, "cannot set up the sample conversion", where);
    e = swr_init(rawSwr);
    if (e < 0) return ff::error(e, "cannot set up the sample conversion", where);

    enc->m_fifo.reset(av_audio_fifo_alloc(cc->sample_fmt, s.channels, enc->m_frameSize * 2));
    enc->m_frame.reset(av_frame_alloc());
    enc->m_packet.reset(av_packet_alloc());
    if (!enc->m_fifo || !enc->m_frame || !enc->m_packet) {
        return ff::error(AVERROR(ENOMEM), "cannot set up the encoder's buffers", where);
    }
    enc->m_convertPlanes.assign(static_cast<std::size_t>(s.channels), nullptr);
    return enc;
}

AudioEncoder::~AudioEncoder() {
    if (!m_convertPlanes.empty()) av_freep(&m_convertPlanes[0]);
    avcodec_parameters_free(&m_params);
    // m_format's deleter closes the file (a partial one: the caller deletes it).
}

void AudioEncoder::setPacketTap(std::function<void(ff::Packet)> tap) { m_tap = std::move(tap); }

const AVCodecParameters& AudioEncoder::codecParameters() const { return *m_params; }

Status AudioEncoder::write(std::span<const float> interleaved) {
    if (m_finished) return Error{"the encoder was already finished", m_path.string(), {}};
    const auto channels = static_cast<std::size_t>(m_options.settings.channels);
    if (interleaved.size() % channels != 0) {
        return Error{"a block of " + std::to_string(interleaved.size()) +
                         " samples is not whole frames of " + std::to_string(channels) +
                         " channels",
                     m_path.string(),
                     {}};
    }
    // Blocks of at most 64 Ki frames keep the conversion buffer small whatever the caller passes.
    constexpr std::size_t kChunk = 65536;
    std::size_t frames = interleaved.size() / channels;
    const float* data = interleaved.data();
    while (frames > 0) {
        const std::size_t n = std::min(frames, kChunk);
        if (auto st = convertAndQueue(data, static_cast<int>(n)); !st) return st;
        if (auto st = drainFifo(false); !st) return st;
        data += n * channels;
        frames -= n;
        m_samplesIn += static_cast<std::int64_t>(n);
    }
    return ok();
}

Status AudioEncoder::convertAndQueue(const float* interleaved, int frames) {
    const int capacity = swr_get_out_samples(m_swr.get(), frames);
    if (capacity < 0) return failure(capacity, "cannot convert the samples");
    if (capacity == 0) return ok();
    if (capacity > m_convertCapacity) {
        av_freep(&m_convertPlanes[0]);
        const int e = av_samples_alloc(m_convertPlanes.data(), nullptr, m_options.settings.channels,
                                       capacity, m_codec->sample_fmt, 0);
        if (e < 0) {
            m_convertCapacity = 0;
            return failure(e, "cannot allocate the conversion buffer");
        }
        m_convertCapacity = capacity;
    }
    const auto* in = reinterpret_cast<const std::uint8_t*>(interleaved);
    const int converted = swr_convert(m_swr.get(), m_convertPlanes.data(), capacity,
                                      interleaved ? &in : nullptr, frames);
    if (converted < 0) return failure(converted, "cannot convert the samples");
    if (converted == 0) return ok();
    const int written = av_audio_fifo_write(
        m_fifo.get(), reinterpret_cast<void**>(m_convertPlanes.data()), converted);
    if (written < converted)
        return failure(written < 0 ? written : AVERROR(ENOMEM), "cannot queue the samples");
    return ok();
}

Status AudioEncoder::drainFifo(bool flush) {
    AVCodecContext* cc = m_codec.get();
    const bool smallLast = (cc->codec->capabilities & (AV_CODEC_CAP_SMALL_LAST_FRAME |
                                                       AV_CODEC_CAP_VARIABLE_FRAME_SIZE)) != 0;
    while (av_audio_fifo_size(m_fifo.get()) >= m_frameSize ||
           (flush && av_audio_fifo_size(m_fifo.get()) > 0)) {
        const int available = std::min(av_audio_fifo_size(m_fifo.get()), m_frameSize);
        const int frameSamples = (available < m_frameSize && !smallLast) ? m_frameSize : available;
        AVFrame* frame = m_frame.get();
        int e = 0;
        if (frame->nb_samples != frameSamples || !frame->buf[0]) {
            av_frame_unref(frame);
            frame->nb_samples = frameSamples;
            frame->format = cc->sample_fmt;
            frame->sample_rate = cc->sample_rate;
            e = av_channel_layout_copy(&frame->ch_layout, &cc->ch_layout);
            if (e >= 0) e = av_frame_get_buffer(frame, 0);
        } else {
            e = av_frame_make_writable(frame);  // the encoder may still hold the last one
        }
        if (e < 0) return failure(e, "cannot allocate an audio frame");
        const int read =
            av_audio_fifo_read(m_fifo.get(), reinterpret_cast<void**>(frame->data), available);
        if (read < available)
            return failure(read < 0 ? read : AVERROR_BUG, "cannot read queued samples");
        if (frameSamples > available) {
            av_samples_set_silence(frame->data, available, frameSamples - available,
                                   cc->ch_layout.nb_channels, cc->sample_fmt);
        }
        frame->pts = m_nextPts;
        m_nextPts += frameSamples;
        if (auto st = sendFrame(frame); !st) return st;
    }
    return ok();
}

Status AudioEncoder::sendFrame(AVFrame* frame) {
    int e = avcodec_send_frame(m_codec.get(), frame);
    if (e < 0) return failure(e, "the encoder refused the audio");
    AVPacket* packet = m_packet.get();
    while (true) {
        e = avcodec_receive_packet(m_codec.get(), packet);
        if (e == AVERROR(EAGAIN) || e == AVERROR_EOF) return ok();
        if (e < 0) return failure(e, "cannot encode the audio");
        packet->stream_index = m_stream->index;
        if (m_tap) {
            // A copy of its own, not a second reference to the encoder's buffer: the tap hands
            // it to another thread (the exporter's verifier), and a shared AVBuffer would be
            // freed there after this thread's muxer read it, ordered only by libavutil's atomic
            // reference count, which ThreadSanitizer cannot see (docs/sanitizers.md). A few
            // hundred bytes per packet.
            ff::Packet copy(av_packet_alloc());
            if (!copy || av_new_packet(copy.get(), packet->size) < 0 ||
                av_packet_copy_props(copy.get(), packet) < 0)
                return failure(AVERROR(ENOMEM), "cannot copy an encoded packet");
            if (packet->size > 0)
                std::memcpy(copy->data, packet->data, static_cast<std::size_t>(packet->size));
            m_tap(std::move(copy));
        }
        av_packet_rescale_ts(packet, m_codec->time_base, m_stream->time_base);
        e = av_write_frame(m_format.get(), packet);
        av_packet_unref(packet);
        if (e < 0) return failure(e, "cannot write the audio to the file");
    }
}

Status AudioEncoder::finish() {
    if (m_finished) return Error{"the encoder was already finished", m_path.string(), {}};
    m_finished = true;
    if (auto st = convertAndQueue(nullptr, 0); !st) return st;  // the resampler's tail
    if (auto st = drainFifo(true); !st) return st;
    if (auto st = sendFrame(nullptr); !st) return st;
    int e = av_write_trailer(m_format.get());
    if (e < 0) return failure(e, "cannot finish the file");
    if (m_format->pb) {
        e = avio_closep(&m_format->pb);
        if (e < 0) return failure(e, "cannot close the file");
    }
    if (m_options.settings.format == ExportFormat::Mp3) {
        return writeMp3Tag(m_path, m_options.meta, m_options.chapters,
                           m_options.settings.id3v2Version, m_cover.get());
    }
    return ok();
}

// ---------------------------------------------------------------------------------------------

Result<std::unique_ptr<PacketDecoder>> PacketDecoder::open(const AVCodecParameters& params) {
    const AVCodec* codec = avcodec_find_decoder(params.codec_id);
    if (!codec) {
        return Error{std::string("FFmpeg has no decoder for ") + avcodec_get_name(params.codec_id),
                     "verification",
                     {}};
    }
    std::unique_ptr<PacketDecoder> dec(new PacketDecoder());
    dec->m_codec.reset(avcodec_alloc_context3(codec));
    dec->m_frame.reset(av_frame_alloc());
    if (!dec->m_codec || !dec->m_frame)
        return ff::error(AVERROR(ENOMEM), "cannot set up the decoder", "verification");
    int e = avcodec_parameters_to_context(dec->m_codec.get(), &params);
    if (e < 0) return ff::error(e, "cannot set up the decoder", "verification");
    dec->m_codec->pkt_timebase = AVRational{1, params.sample_rate};
    e = avcodec_open2(dec->m_codec.get(), codec, nullptr);
    if (e < 0) return ff::error(e, "the decoder refuses the encoder's parameters", "verification");
    return dec;
}

PacketDecoder::~PacketDecoder() = default;

int PacketDecoder::channels() const { return m_codec->ch_layout.nb_channels; }
int PacketDecoder::sampleRate() const { return m_codec->sample_rate; }

Status PacketDecoder::decode(const AVPacket* packet,
                             const std::function<void(std::span<const float>)>& out) {
    // FLAC's last packet carries only the final STREAMINFO (side data): no audio, and to a
    // decoder an empty packet would mean "flush".
    if (packet && packet->size == 0) return ok();
    const int e = avcodec_send_packet(m_codec.get(), packet);
    if (e < 0 && e != AVERROR_EOF)
        return ff::error(e, "cannot decode an encoded packet", "verification");
    return receive(out);
}

Status PacketDecoder::receive(const std::function<void(std::span<const float>)>& out) {
    AVFrame* frame = m_frame.get();
    while (true) {
        int e = avcodec_receive_frame(m_codec.get(), frame);
        if (e == AVERROR(EAGAIN) || e == AVERROR_EOF) return ok();
        if (e < 0) return ff::error(e, "cannot decode an encoded packet", "verification");
        const int channels = frame->ch_layout.nb_channels;
        if (frame->format == AV_SAMPLE_FMT_FLT) {
            out(std::span<const float>(
                reinterpret_cast<const float*>(frame->data[0]),
                static_cast<std::size_t>(frame->nb_samples) * static_cast<std::size_t>(channels)));
            av_frame_unref(frame);
            continue;
        }
        if (!m_swr) {
            SwrContext* raw = nullptr;
            e = swr_alloc_set_opts2(&raw, &frame->ch_layout, AV_SAMPLE_FMT_FLT, frame->sample_rate,
                                    &frame->ch_layout, static_cast<AVSampleFormat>(frame->format),
                                    frame->sample_rate, 0, nullptr);
            m_swr.reset(raw);
            if (e >= 0) e = swr_init(raw);
            if (e < 0) return ff::error(e, "cannot convert decoded samples", "verification");
        }
        m_buffer.resize(static_cast<std::size_t>(frame->nb_samples) *
                        static_cast<std::size_t>(channels));
        auto* dst = reinterpret_cast<std::uint8_t*>(m_buffer.data());
        const int converted =
            swr_convert(m_swr.get(), &dst, frame->nb_samples,
                        const_cast<const std::uint8_t**>(frame->extended_data), frame->nb_samples);
        av_frame_unref(frame);
        if (converted < 0)
            return ff::error(converted, "cannot convert decoded samples", "verification");
        out(std::span<const float>(m_buffer.data(), static_cast<std::size_t>(converted) *
                                                        static_cast<std::size_t>(channels)));
    }
}

}  // namespace pycast::media
