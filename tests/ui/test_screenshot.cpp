// PNG files: what --screenshot writes can be read back, and blank pictures can be told apart.
#include <doctest/doctest.h>

#include "shell/screenshot.hpp"
#include "ui_test_support.hpp"

using namespace pycast::ui;
using namespace pycast::uitest;

namespace {

RgbImage solid(int w, int h, std::uint8_t r, std::uint8_t g, std::uint8_t b) {
    RgbImage image;
    image.width = w;
    image.height = h;
    for (int i = 0; i < w * h; ++i) image.pixels.insert(image.pixels.end(), {r, g, b});
    return image;
}

}  // namespace

TEST_CASE("a PNG written is read back pixel for pixel, top row first") {
    TempDir dir;
    RgbImage image = solid(40, 30, 24, 26, 30);
    image.pixels[0] = 255;                       // top-left red
    image.pixels[(29 * 40 + 39) * 3 + 2] = 255;  // bottom-right blue
    REQUIRE(writePng(dir / "a.png", image).empty());
    RgbImage back;
    REQUIRE(readPng(dir / "a.png", back).empty());
    CHECK(back.width == 40);
    CHECK(back.height == 30);
    CHECK(back.pixels == image.pixels);
}

TEST_CASE("writing a PNG where it cannot be written says where and why") {
    const std::string error = writePng("/nonexistent/folder/a.png", solid(4, 4, 0, 0, 0));
    CHECK(error.find("/nonexistent/folder/a.png") != std::string::npos);
    CHECK(writePng("/tmp/x.png", RgbImage{}).find("no picture") != std::string::npos);
}

TEST_CASE("reading something that is not a PNG fails with a message") {
    TempDir dir;
    writeText(dir / "not.png", "hello");
    RgbImage image;
    CHECK_FALSE(readPng(dir / "not.png", image).empty());
    CHECK_FALSE(readPng(dir / "missing.png", image).empty());
}

TEST_CASE("image statistics: a blank picture has no variance, a drawn one has") {
    const ImageStats blank = imageStats(solid(64, 64, 24, 26, 30));
    CHECK(blank.luminanceStdDev == doctest::Approx(0.0));
    CHECK(blank.distinctColours == 1);

    RgbImage drawn = solid(64, 64, 24, 26, 30);
    for (int y = 10; y < 20; ++y) {
        for (int x = 0; x < 64; ++x) {
            auto* p = &drawn.pixels[static_cast<std::size_t>((y * 64 + x) * 3)];
            p[0] = 230;
            p[1] = static_cast<std::uint8_t>(x * 4);
            p[2] = 235;
        }
    }
    const ImageStats stats = imageStats(drawn);
    CHECK(stats.luminanceStdDev > 20.0);
    CHECK(stats.distinctColours > 10);
}
