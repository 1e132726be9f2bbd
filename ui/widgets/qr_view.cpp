// Draws a QR code with ImGui's draw list as crisp black squares on white (UI thread).
#include "widgets/qr_view.hpp"

#include <algorithm>
#include <cmath>

namespace pycast::ui {

namespace {

// Pure black on pure white whatever the theme: scanners need the contrast.
constexpr ImU32 kDark = IM_COL32(0, 0, 0, 255);
constexpr ImU32 kLight = IM_COL32(255, 255, 255, 255);

}  // namespace

int qrModulePixels(int qrSize, float maxSide) {
    if (qrSize <= 0 || !(maxSide >= 1.0f)) return 0;
    const int modules = qrSize + 2 * kQrViewQuietModules;
    return static_cast<int>(std::floor(maxSide / static_cast<float>(modules)));
}

float drawQrCode(const QrMatrix& qr, ImVec2 box) {
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(std::max(box.x, 0.0f), std::max(box.y, 0.0f)));
    const int module = qrModulePixels(qr.size, std::min(box.x, box.y));
    if (module == 0) return 0.0f;
    const int side = module * (qr.size + 2 * kQrViewQuietModules);
    if (!ImGui::IsItemVisible()) return static_cast<float>(side);
    // Whole pixels: ImGui fills a rectangle between integer coordinates exactly, with no
    // half-covered edge pixels to blur the modules.
    const float left = std::floor(origin.x + (box.x - static_cast<float>(side)) * 0.5f);
    const float top = std::floor(origin.y + (box.y - static_cast<float>(side)) * 0.5f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(left, top),
                      ImVec2(left + static_cast<float>(side), top + static_cast<float>(side)),
                      kLight);
    const float m = static_cast<float>(module);
    const float x0 = left + m * static_cast<float>(kQrViewQuietModules);
    const float y0 = top + m * static_cast<float>(kQrViewQuietModules);
    // One rectangle per horizontal run of dark modules: fewer vertices than one per module.
    for (int y = 0; y < qr.size; ++y) {
        for (int x = 0; x < qr.size;) {
            if (!qr.at(x, y)) {
                ++x;
                continue;
            }
            const int start = x;
            while (x < qr.size && qr.at(x, y)) ++x;
            dl->AddRectFilled(
                ImVec2(x0 + m * static_cast<float>(start), y0 + m * static_cast<float>(y)),
                ImVec2(x0 + m * static_cast<float>(x), y0 + m * static_cast<float>(y + 1)), kDark);
        }
    }
    return static_cast<float>(side);
}

float drawQrCode(const QrMatrix& qr, float maxSide) {
    return drawQrCode(qr, ImVec2(maxSide, maxSide));
}

}  // namespace pycast::ui
