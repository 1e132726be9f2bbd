// Reading the framebuffer and writing/reading PNG files with libpng (UI thread for capture).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace pycast::ui {

// 8-bit RGB pixels, top row first.
struct RgbImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;  // width * height * 3
};

// Reads the current GL read buffer (the back buffer before the swap) and flips it so the
// top row comes first. Needs a current GL context. Returns an empty image on GL errors.
RgbImage captureFramebuffer(int width, int height);

// Writes a PNG. Returns an empty string on success, else what went wrong.
std::string writePng(const std::filesystem::path& file, const RgbImage& image);

// Reads any PNG as RGB. Returns an empty string on success, else what went wrong.
std::string readPng(const std::filesystem::path& file, RgbImage& image);

// How much a picture varies: the standard deviation of luminance (0 for a blank image) and
// the number of distinct colours, counted up to `colourCap`.
struct ImageStats {
    double luminanceStdDev = 0.0;
    std::size_t distinctColours = 0;
};
ImageStats imageStats(const RgbImage& image, std::size_t colourCap = 4096);

}  // namespace pycast::ui
