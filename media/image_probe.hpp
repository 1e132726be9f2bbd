// Cover art read with FFmpeg (its image2/png/mjpeg demuxers and decoders): the format, size,
// pixel layout and bytes of a JPEG or PNG (any thread).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "live/export_plan.hpp"

namespace pycast::media {

// Fills CoverInfo: codec "mjpeg" or "png", width and height (px), alpha, RGB (false for
// grayscale or palette), file size. Errors: the file cannot be read, or it is not a JPEG or PNG
// image FFmpeg can decode (a text file named .png is one).
Result<CoverInfo> probeCoverImage(const std::filesystem::path& path);

// The cover as the encoder embeds it: what probeCoverImage found, the MIME type
// ("image/jpeg", "image/png") and the file's bytes.
struct CoverImage {
    CoverInfo info;
    std::string mimeType;
    std::vector<std::uint8_t> bytes;
};
// probeCoverImage plus the bytes. Same errors.
Result<CoverImage> readCoverImage(const std::filesystem::path& path);

}  // namespace pycast::media
