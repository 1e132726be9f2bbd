// What the Live tab's panels share: small texts, colours, buttons, the big digits (UI thread).
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

#include "core/duration.hpp"
#include "live/session_json.hpp"  // formatTimeOfDayMs
#include "widgets/theme.hpp"
#include "views/live/live_format.hpp"
#include "views/live/live_panels.hpp"
#include "views/live/live_view.hpp"
#include "views/views.hpp"
#include "widgets/widgets.hpp"

namespace pycast::ui {

const Segment* segmentAt(const Show& show, int index) {
    if (index < 0 || static_cast<std::size_t>(index) >= show.rundown.size()) return nullptr;
    return &show.rundown[static_cast<std::size_t>(index)];
}

// A session time as the time of day when the session knows it ("20:13:00"), else as an offset
// from the session's start ("+13:00").
std::string whenText(const RunnerState& r, std::int64_t sessionMs) {
    if (const auto tod = r.toTimeOfDayMs(sessionMs)) return formatTimeOfDayMs(*tod);
    return "+" + formatCountdownMs(sessionMs, false);
}

std::string ageText(std::int64_t ms) {
    const std::int64_t s = std::max<std::int64_t>(ms, 0) / 1000;
    if (s < 10) return "just now";
    if (s < 60) return std::to_string(s) + " s ago";
    if (s < 3600) return std::to_string(s / 60) + " min ago";
    return std::to_string(s / 3600) + " h " + std::to_string(s / 60 % 60) + " min ago";
}

ImU32 withAlpha(ImU32 colour, float alpha) {
    ImVec4 c = toVec4(colour);
    c.w *= alpha;
    return ImGui::GetColorU32(c);
}

ImU32 mix(ImU32 a, ImU32 b, float t) {
    const ImVec4 x = toVec4(a);
    const ImVec4 y = toVec4(b);
    return ImGui::GetColorU32(ImVec4(x.x + (y.x - x.x) * t, x.y + (y.y - x.y) * t,
                                     x.z + (y.z - x.z) * t, x.w + (y.w - x.w) * t));
}

void smallDim(const ViewContext& ctx, const std::string& text) {
    ImGui::PushFont(ctx.fonts.font(FontRole::Small));
    textColoured(text, colours::kTextDim);
    ImGui::PopFont();
}

// A button in a colour of its own (0: the theme's), as wide and tall as asked.
bool actionButton(const char* label, ImVec2 size, ImU32 colour, bool enabled) {
    if (colour != 0) {
        ImGui::PushStyleColor(ImGuiCol_Button, colour);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered,
                              mix(colour, IM_COL32(255, 255, 255, 255), 0.15f));
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, mix(colour, IM_COL32(0, 0, 0, 255), 0.15f));
    }
    ImGui::BeginDisabled(!enabled);
    const bool pressed = ImGui::Button(label, size);
    ImGui::EndDisabled();
    if (colour != 0) ImGui::PopStyleColor(3);
    return pressed;
}

// Draws text in the countdown's digit font, centred on centreX with its top at y; the size is
// shrunk to fit maxWidth. Returns the height it took.
float drawDigits(const ViewContext& ctx, const std::string& text, float wantSize, float centreX,
                 float top, float maxWidth, ImU32 colour) {
    const DigitFont* digits = ctx.live ? ctx.live->hostDigits : nullptr;
    ImFont* font = digits && digits->font() ? digits->font() : ctx.fonts.font(FontRole::Heading);
    const float built = digits && digits->font() ? digits->size() : font->FontSize;
    float size = wantSize > 0.0f ? wantSize : built;
    ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.c_str());
    if (extent.x > maxWidth && extent.x > 0.0f) {
        size *= maxWidth / extent.x;
        extent = font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.c_str());
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushTextureID(font->ContainerAtlas->TexID);
    dl->AddText(font, size, ImVec2(std::floor(centreX - extent.x * 0.5f), top), colour,
                text.c_str());
    dl->PopTextureID();
    return extent.y;
}

}  // namespace pycast::ui
