// FFmpeg handles owned by unique_ptr with typed deleters, and FFmpeg's error codes as our Error
// (any thread; a handle is used by one thread at a time).
#pragma once

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/audio_fifo.h>
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
#include <libswresample/swresample.h>
}

#include <memory>
#include <string>

#include "core/error.hpp"

namespace pycast::ff {

struct InputDeleter {
    void operator()(AVFormatContext* c) const { avformat_close_input(&c); }
};
// An output context: closes its AVIOContext (when it opened one) and frees the context.
struct OutputDeleter {
    void operator()(AVFormatContext* c) const {
        if (c->oformat && !(c->oformat->flags & AVFMT_NOFILE) && c->pb) avio_closep(&c->pb);
        avformat_free_context(c);
    }
};
struct CodecDeleter {
    void operator()(AVCodecContext* c) const { avcodec_free_context(&c); }
};
struct FrameDeleter {
    void operator()(AVFrame* f) const { av_frame_free(&f); }
};
struct PacketDeleter {
    void operator()(AVPacket* p) const { av_packet_free(&p); }
};
struct SwrDeleter {
    void operator()(SwrContext* s) const { swr_free(&s); }
};
struct FifoDeleter {
    void operator()(AVAudioFifo* f) const { av_audio_fifo_free(f); }
};

using InputContext = std::unique_ptr<AVFormatContext, InputDeleter>;
using OutputContext = std::unique_ptr<AVFormatContext, OutputDeleter>;
using CodecContext = std::unique_ptr<AVCodecContext, CodecDeleter>;
using Frame = std::unique_ptr<AVFrame, FrameDeleter>;
using Packet = std::unique_ptr<AVPacket, PacketDeleter>;
using Resampler = std::unique_ptr<SwrContext, SwrDeleter>;
using AudioFifo = std::unique_ptr<AVAudioFifo, FifoDeleter>;

// av_strerror's text for an AVERROR code ("Invalid data found when processing input").
inline std::string errorText(int code) {
    char buffer[AV_ERROR_MAX_STRING_SIZE] = {};
    if (av_strerror(code, buffer, sizeof buffer) < 0) return "FFmpeg error " + std::to_string(code);
    return buffer;
}

// The one mapping of an FFmpeg error to ours: `what` says what we were doing ("cannot decode
// the audio"), FFmpeg's own text follows it in parentheses.
inline Error error(int code, std::string what, std::string where, std::string remedy = {}) {
    return Error{std::move(what) + " (" + errorText(code) + ")", std::move(where), std::move(remedy)};
}

}  // namespace pycast::ff
