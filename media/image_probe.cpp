// Cover art read with FFmpeg: format, size, pixel layout and bytes (any thread).
#include "media/image_probe.hpp"

#include <fstream>
#include <iterator>
#include <system_error>

#include "media/ffmpeg.hpp"

extern "C" {
#include <libavutil/pixdesc.h>
}

namespace pycast::media {
namespace {

const char* const kCoverRemedy = "use a JPEG or PNG image (square, 1400–3000 px, RGB)";

}  // namespace

Result<CoverInfo> probeCoverImage(const std::filesystem::path& path) {
    const std::string where = path.string();
    std::error_code ec;
    const auto bytes = std::filesystem::file_size(path, ec);
    if (ec) return Error{"cannot read the cover image (" + ec.message() + ")", where, kCoverRemedy};

    AVFormatContext* raw = nullptr;
    int e = avformat_open_input(&raw, path.c_str(), nullptr, nullptr);
    if (e < 0) return ff::error(e, "cannot open the cover image", where, kCoverRemedy);
    ff::InputContext input(raw);
    e = avformat_find_stream_info(input.get(), nullptr);
    if (e < 0) return ff::error(e, "cannot read the cover image", where, kCoverRemedy);

    const AVStream* image = nullptr;
    for (unsigned i = 0; i < input->nb_streams; ++i) {
        if (input->streams[i]->codecpar->codec_type == AVMEDIA_TYPE_VIDEO) {
            image = input->streams[i];
            break;
        }
    }
    if (!image) return Error{"is not an image", where, kCoverRemedy};
    const AVCodecParameters& par = *image->codecpar;
    if (par.codec_id != AV_CODEC_ID_MJPEG && par.codec_id != AV_CODEC_ID_PNG) {
        return Error{std::string("is not a JPEG or PNG image (FFmpeg reads it as ") +
                         avcodec_get_name(par.codec_id) + ")",
                     where, kCoverRemedy};
    }
    if (par.width <= 0 || par.height <= 0 || par.format < 0) {
        return Error{"is a damaged image (FFmpeg could not decode its size and pixels)", where,
                     kCoverRemedy};
    }

    CoverInfo info;
    info.codec = avcodec_get_name(par.codec_id);
    info.width = par.width;
    info.height = par.height;
    info.bytes = bytes;
    if (const AVPixFmtDescriptor* desc =
            av_pix_fmt_desc_get(static_cast<AVPixelFormat>(par.format))) {
        info.hasAlpha = (desc->flags & AV_PIX_FMT_FLAG_ALPHA) != 0;
        // JPEG's YCbCr is colour; gray (1–2 components) and palette images are not RGB.
        const int colourComponents = desc->nb_components - (info.hasAlpha ? 1 : 0);
        info.isRgb = colourComponents >= 3 && (desc->flags & AV_PIX_FMT_FLAG_PAL) == 0;
    }
    return info;
}

Result<CoverImage> readCoverImage(const std::filesystem::path& path) {
    auto info = probeCoverImage(path);
    if (!info) return info.error();
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{"cannot read the cover image", path.string(), kCoverRemedy};
    CoverImage cover;
    cover.info = *info;
    cover.mimeType = info->codec == "png" ? "image/png" : "image/jpeg";
    cover.bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (cover.bytes.size() != info->bytes) {
        return Error{"cannot read the whole cover image", path.string(), kCoverRemedy};
    }
    return cover;
}

}  // namespace pycast::media
