// The QR code widget drawn headless: whole-pixel modules that fit the box, and a drawing that
// zbarimg reads back as the URL.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "../qr_decode.hpp"
#include "shell/headless.hpp"
#include "widgets/qr_view.hpp"

using namespace pycast;
using namespace pycast::ui;

namespace {

constexpr ImU32 kBlack = IM_COL32(0, 0, 0, 255);
constexpr ImU32 kWhite = IM_COL32(255, 255, 255, 255);
const ImVec2 kDisplay(800, 600);
const std::string kUrl = "http://192.168.1.20:8766/?pin=482913";

struct Rect {
    ImVec2 min;
    ImVec2 max;
};

struct Drawn {
    float returned = 0.0f;
    std::vector<Rect> dark;
    std::vector<Rect> light;
};

// Draws the code at (boxX, boxY) in a window with no padding or background and collects the
// black and white rectangles (ImGui writes a filled rectangle as 4 vertices: its corners).
Drawn drawAt(HeadlessImGui& imgui, const QrMatrix& qr, ImVec2 box, ImVec2 at = ImVec2(37, 21)) {
    Drawn d;
    for (int frame = 0; frame < 2; ++frame) {
        const std::string unbalanced = imgui.frame([&] {
            ImGui::SetNextWindowPos(ImVec2(0, 0));
            ImGui::SetNextWindowSize(kDisplay);
            ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
            ImGui::Begin("qr", nullptr,
                         ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground |
                             ImGuiWindowFlags_NoSavedSettings);
            ImGui::PopStyleVar();
            ImGui::SetCursorScreenPos(at);
            d.returned = drawQrCode(qr, box);
            ImGui::End();
        });
        CHECK(unbalanced.empty());
    }
    const ImDrawData* data = imgui.drawData();
    for (int l = 0; l < data->CmdListsCount; ++l) {
        const ImDrawList* list = data->CmdLists[l];
        for (int v = 0; v + 3 < list->VtxBuffer.Size; ++v) {
            const ImU32 col = list->VtxBuffer[v].col;
            if (col != kBlack && col != kWhite) continue;
            // A rectangle's four corners share its colour and come in a row.
            bool quad = true;
            for (int k = 1; k < 4; ++k) quad = quad && list->VtxBuffer[v + k].col == col;
            if (!quad) continue;
            const Rect r{list->VtxBuffer[v].pos, list->VtxBuffer[v + 2].pos};
            (col == kBlack ? d.dark : d.light).push_back(r);
            v += 3;
        }
    }
    return d;
}

int darkRuns(const QrMatrix& qr) {
    int runs = 0;
    for (int y = 0; y < qr.size; ++y)
        for (int x = 0; x < qr.size; ++x)
            if (qr.at(x, y) && !qr.at(x - 1, y)) ++runs;
    return runs;
}

bool whole(float v) { return std::floor(v) == v; }

}  // namespace

TEST_CASE("drawQrCode: one black rectangle per run of dark modules on one white square") {
    const Result<QrMatrix> qr = encodeQr(kUrl);
    REQUIRE(qr.ok());
    FontManager fonts;
    HeadlessImGui imgui(fonts, kDisplay);
    const Drawn d = drawAt(imgui, *qr, ImVec2(300, 300));
    CHECK(static_cast<int>(d.dark.size()) == darkRuns(*qr));
    REQUIRE(d.light.size() == 1);
    const Rect white = d.light.front();
    // 29 modules + 8 of quiet zone = 37; 300 / 37 → 8 pixels per module.
    CHECK(qrModulePixels(qr->size, 300.0f) == 8);
    CHECK(d.returned == doctest::Approx(8.0f * 37));
    CHECK(white.max.x - white.min.x == doctest::Approx(d.returned));
    CHECK(white.max.y - white.min.y == doctest::Approx(d.returned));
    for (const Rect& r : d.dark) {
        CHECK(whole(r.min.x));
        CHECK(whole(r.min.y));
        CHECK(whole(r.max.x));
        CHECK(whole(r.max.y));
        CHECK(r.max.y - r.min.y == doctest::Approx(8.0f));
        CHECK(std::fmod(r.max.x - r.min.x, 8.0f) == doctest::Approx(0.0f));
        // Inside the white square, past its 4-module quiet zone.
        CHECK(r.min.x >= white.min.x + 32.0f);
        CHECK(r.min.y >= white.min.y + 32.0f);
        CHECK(r.max.x <= white.max.x - 32.0f);
        CHECK(r.max.y <= white.max.y - 32.0f);
    }
}

TEST_CASE("drawQrCode: centred in a box of any shape, inside it, on whole pixels") {
    const Result<QrMatrix> qr = encodeQr(kUrl);
    REQUIRE(qr.ok());
    FontManager fonts;
    HeadlessImGui imgui(fonts, kDisplay);
    const ImVec2 at(37.5f, 21.0f);
    const ImVec2 box(500.0f, 201.0f);
    const Drawn d = drawAt(imgui, *qr, box, at);
    REQUIRE(d.light.size() == 1);
    const Rect white = d.light.front();
    CHECK(d.returned == doctest::Approx(5.0f * 37));  // the height limits: 201 / 37 → 5
    CHECK(white.min.x >= at.x);
    CHECK(white.min.y >= at.y);
    CHECK(white.max.x <= at.x + box.x);
    CHECK(white.max.y <= at.y + box.y);
    CHECK(whole(white.min.x));
    CHECK(whole(white.min.y));
    const float leftGap = white.min.x - at.x;
    const float rightGap = at.x + box.x - white.max.x;
    CHECK(std::fabs(leftGap - rightGap) <= 1.0f);
    const float topGap = white.min.y - at.y;
    const float bottomGap = at.y + box.y - white.max.y;
    CHECK(std::fabs(topGap - bottomGap) <= 1.0f);
}

TEST_CASE("drawQrCode: a box too small for one pixel per module draws no code") {
    const Result<QrMatrix> qr = encodeQr(kUrl);
    REQUIRE(qr.ok());
    FontManager fonts;
    HeadlessImGui imgui(fonts, kDisplay);
    const Drawn d = drawAt(imgui, *qr, ImVec2(36, 36));
    CHECK(d.returned == 0.0f);
    CHECK(d.dark.empty());
    CHECK(d.light.empty());
    CHECK(qrModulePixels(qr->size, 37.0f) == 1);
    CHECK(qrModulePixels(0, 500.0f) == 0);
    CHECK(qrModulePixels(qr->size, std::nanf("")) == 0);
}

TEST_CASE("drawQrCode: the drawing, painted on the dark studio background, scans as the URL") {
    const Result<QrMatrix> qr = encodeQr(kUrl);
    REQUIRE(qr.ok());
    FontManager fonts;
    HeadlessImGui imgui(fonts, kDisplay);
    const Drawn d = drawAt(imgui, *qr, ImVec2(260, 260));
    // Paint the rectangles as the GPU would fill them (pixels whose centres are inside).
    const int w = static_cast<int>(kDisplay.x);
    const int h = static_cast<int>(kDisplay.y);
    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(w * h), 32);  // the dark theme
    const auto fill = [&](const Rect& r, std::uint8_t value) {
        for (int y = static_cast<int>(r.min.y); y < static_cast<int>(r.max.y); ++y)
            for (int x = static_cast<int>(r.min.x); x < static_cast<int>(r.max.x); ++x)
                pixels[static_cast<std::size_t>(y * w + x)] = value;
    };
    for (const Rect& r : d.light) fill(r, 255);
    for (const Rect& r : d.dark) fill(r, 0);
    test::TempDir tmp;
    test::writePgm(tmp / "widget.pgm", pixels, w, h);
    CHECK(test::zbarDecode(tmp / "widget.pgm") == kUrl);
}
