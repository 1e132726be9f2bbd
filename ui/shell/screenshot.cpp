// Framebuffer capture (UI thread, GL context current) and PNG files via libpng's simplified API.
#include "shell/screenshot.hpp"

#include <GL/gl.h>
#include <png.h>

#include <cmath>
#include <cstring>
#include <unordered_set>

namespace pycast::ui {

RgbImage captureFramebuffer(int width, int height) {
    RgbImage image;
    if (width <= 0 || height <= 0) return image;
    std::vector<std::uint8_t> bottomUp(static_cast<std::size_t>(width) * height * 3);
    while (glGetError() != GL_NO_ERROR) {
    }
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, bottomUp.data());
    if (glGetError() != GL_NO_ERROR) return image;

    image.width = width;
    image.height = height;
    image.pixels.resize(bottomUp.size());
    const std::size_t row = static_cast<std::size_t>(width) * 3;
    for (int y = 0; y < height; ++y) {
        std::memcpy(&image.pixels[static_cast<std::size_t>(y) * row],
                    &bottomUp[static_cast<std::size_t>(height - 1 - y) * row], row);
    }
    return image;
}

std::string writePng(const std::filesystem::path& file, const RgbImage& image) {
    if (image.width <= 0 || image.height <= 0 ||
        image.pixels.size() != static_cast<std::size_t>(image.width) * image.height * 3) {
        return "no picture to write (the framebuffer could not be read)";
    }
    png_image png;
    std::memset(&png, 0, sizeof png);
    png.version = PNG_IMAGE_VERSION;
    png.width = static_cast<png_uint_32>(image.width);
    png.height = static_cast<png_uint_32>(image.height);
    png.format = PNG_FORMAT_RGB;
    const std::string path = file.string();
    if (png_image_write_to_file(&png, path.c_str(), 0, image.pixels.data(), 0, nullptr) == 0) {
        std::string why = png.message[0] != '\0' ? png.message : "unknown libpng error";
        png_image_free(&png);
        return "cannot write " + path + ": " + why;
    }
    return {};
}

std::string readPng(const std::filesystem::path& file, RgbImage& image) {
    png_image png;
    std::memset(&png, 0, sizeof png);
    png.version = PNG_IMAGE_VERSION;
    const std::string path = file.string();
    if (png_image_begin_read_from_file(&png, path.c_str()) == 0) {
        std::string why = png.message[0] != '\0' ? png.message : "unknown libpng error";
        png_image_free(&png);
        return "cannot read " + path + ": " + why;
    }
    png.format = PNG_FORMAT_RGB;
    image.width = static_cast<int>(png.width);
    image.height = static_cast<int>(png.height);
    image.pixels.assign(PNG_IMAGE_SIZE(png), 0);
    if (png_image_finish_read(&png, nullptr, image.pixels.data(), 0, nullptr) == 0) {
        std::string why = png.message[0] != '\0' ? png.message : "unknown libpng error";
        png_image_free(&png);
        image = {};
        return "cannot decode " + path + ": " + why;
    }
    return {};
}

ImageStats imageStats(const RgbImage& image, std::size_t colourCap) {
    ImageStats stats;
    const std::size_t count = static_cast<std::size_t>(image.width) * image.height;
    if (count == 0 || image.pixels.size() < count * 3) return stats;
    auto luminance = [&](std::size_t i) {
        return 0.2126 * image.pixels[i * 3] + 0.7152 * image.pixels[i * 3 + 1] +
               0.0722 * image.pixels[i * 3 + 2];
    };
    // Two passes: exact zero for a blank picture, no cancellation in sum-of-squares.
    double sum = 0.0;
    for (std::size_t i = 0; i < count; ++i) sum += luminance(i);
    const double mean = sum / static_cast<double>(count);
    double squares = 0.0;
    std::unordered_set<std::uint32_t> colours;
    for (std::size_t i = 0; i < count; ++i) {
        const double d = luminance(i) - mean;
        squares += d * d;
        if (colours.size() < colourCap) {
            colours.insert(static_cast<std::uint32_t>(image.pixels[i * 3]) << 16 |
                           static_cast<std::uint32_t>(image.pixels[i * 3 + 1]) << 8 |
                           image.pixels[i * 3 + 2]);
        }
    }
    stats.luminanceStdDev = std::sqrt(squares / static_cast<double>(count));
    stats.distinctColours = colours.size();
    return stats;
}

}  // namespace pycast::ui
