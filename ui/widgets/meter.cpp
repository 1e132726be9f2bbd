// A level meter bar for a recorder track (UI thread).
#include "widgets/meter.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>

#include "widgets/theme.hpp"

namespace pycast::ui {

namespace {

constexpr ImU32 kClipOff = IM_COL32(70, 30, 30, 255);
constexpr ImU32 kDimmed = IM_COL32(90, 96, 104, 255);

ImU32 faded(ImU32 colour, float alpha) {
    const auto a =
        static_cast<unsigned>(static_cast<float>((colour >> IM_COL32_A_SHIFT) & 0xFF) * alpha);
    return (colour & ~IM_COL32_A_MASK) | (std::min(a, 255u) << IM_COL32_A_SHIFT);
}

// Fills [from, to] of the bar (fractions), in the zone colours, so a loud bar shows its green,
// amber and red parts where they are on the scale.
void zonedFill(ImDrawList* dl, ImVec2 min, ImVec2 max, float to, float alpha, bool dimmed) {
    const float width = max.x - min.x;
    const float amber = meterFraction(kMeterAmberDbfs);
    const float red = meterFraction(kMeterRedDbfs);
    struct Zone {
        float from, to;
        ImU32 colour;
    };
    const Zone zones[] = {
        {0.0f, amber, colours::kGood}, {amber, red, colours::kWarning}, {red, 1.0f, colours::kBad}};
    for (const Zone& z : zones) {
        const float end = std::min(to, z.to);
        if (end <= z.from) break;
        dl->AddRectFilled(ImVec2(std::floor(min.x + width * z.from), min.y),
                          ImVec2(std::floor(min.x + width * end), max.y),
                          faded(dimmed ? kDimmed : z.colour, alpha));
    }
}

}  // namespace

float meterFraction(float dbfs) {
    if (!(dbfs > kMeterFloorDbfs)) return 0.0f;  // NaN and -inf land on the floor too
    return std::clamp((dbfs - kMeterFloorDbfs) / -kMeterFloorDbfs, 0.0f, 1.0f);
}

ImU32 meterZoneColour(float dbfs) {
    if (dbfs >= kMeterRedDbfs) return colours::kBad;
    if (dbfs >= kMeterAmberDbfs) return colours::kWarning;
    return colours::kGood;
}

bool levelMeter(const char* id, const MeterLevels& levels, ImVec2 size) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float h = std::max(size.y, 4.0f);
    const float gap = std::max(2.0f, std::floor(h * 0.25f));
    const float barWidth = std::max(size.x - h - gap, 8.0f);
    const ImVec2 min = pos;
    const ImVec2 max(pos.x + barWidth, pos.y + h);
    dl->AddRectFilled(min, max, colours::kTrack);
    // Peak: the whole height, dimmer; RMS: the middle, full colour (what the ear hears).
    zonedFill(dl, min, max, meterFraction(levels.peakDbfs), 0.45f, levels.dimmed);
    const float inset = std::floor(h * 0.22f);
    zonedFill(dl, ImVec2(min.x, min.y + inset), ImVec2(max.x, max.y - inset),
              meterFraction(levels.rmsDbfs), 1.0f, levels.dimmed);
    if (levels.peakHoldDbfs > kMeterFloorDbfs) {
        const float x = std::floor(min.x + barWidth * meterFraction(levels.peakHoldDbfs));
        const float w = std::max(2.0f, std::floor(h * 0.12f));
        dl->AddRectFilled(ImVec2(std::min(x, max.x - w), min.y),
                          ImVec2(std::min(x + w, max.x), max.y),
                          levels.dimmed ? kDimmed : meterZoneColour(levels.peakHoldDbfs));
    }
    // Faint lines at the zone borders, so the scale reads without looking down.
    for (float db : {kMeterAmberDbfs, kMeterRedDbfs}) {
        const float x = std::floor(min.x + barWidth * meterFraction(db));
        dl->AddLine(ImVec2(x, min.y), ImVec2(x, max.y), IM_COL32(0, 0, 0, 90));
    }

    // The clip light: a square that latches; a click clears it.
    const ImVec2 lightMin(max.x + gap, pos.y);
    const ImVec2 lightMax(lightMin.x + h, pos.y + h);
    dl->AddRectFilled(lightMin, lightMax, levels.clipLit ? colours::kBad : kClipOff, h * 0.2f);
    ImGui::SetCursorScreenPos(lightMin);
    ImGui::PushID(id);
    const bool clicked = ImGui::InvisibleButton("##clip", ImVec2(h, h)) && levels.clipLit;
    if (levels.clipLit && ImGui::IsItemHovered())
        ImGui::SetTooltip("Clipped: a sample reached full scale. Click to clear.");
    ImGui::PopID();
    // The meter as one item of `size` for the layout.
    ImGui::SetCursorScreenPos(pos);
    ImGui::Dummy(ImVec2(barWidth + gap + h, h));
    return clicked;
}

void meterScale(float width, float meterHeight) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float h = std::max(meterHeight, 4.0f);
    const float gap = std::max(2.0f, std::floor(h * 0.25f));
    const float barWidth = std::max(width - h - gap, 8.0f);
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const float tick = std::max(3.0f, size * 0.25f);
    // Right to left, so 0 always shows and a label that would touch its right neighbour is
    // left out in a narrow panel.
    const int marks[] = {0, -3, -6, -12, -18, -24, -36, -48, -60};
    float leftmost = FLT_MAX;
    for (int db : marks) {
        const float x = std::floor(pos.x + barWidth * meterFraction(static_cast<float>(db)));
        dl->AddLine(ImVec2(x, pos.y), ImVec2(x, pos.y + tick), colours::kTextDim);
        char label[8];
        std::snprintf(label, sizeof label, "%d", db);
        const ImVec2 ts = font->CalcTextSizeA(size, FLT_MAX, 0.0f, label);
        const float left = std::clamp(x - ts.x * 0.5f, pos.x, pos.x + barWidth - ts.x);
        if (left + ts.x + size * 0.3f > leftmost) continue;
        dl->AddText(font, size, ImVec2(left, pos.y + tick), colours::kTextDim, label);
        leftmost = left;
    }
    ImGui::Dummy(ImVec2(width, tick + size));
}

}  // namespace pycast::ui
