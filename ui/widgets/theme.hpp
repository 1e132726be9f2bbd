// The dark theme, status colours and a colour per segment kind (UI thread).
#pragma once

#include <imgui.h>

#include "core/show.hpp"

namespace pycast::ui {

// Status colours used everywhere a number is judged; views never invent their own.
namespace colours {
constexpr ImU32 kText = IM_COL32(230, 232, 235, 255);
constexpr ImU32 kTextDim = IM_COL32(139, 146, 156, 255);
constexpr ImU32 kAccent = IM_COL32(88, 166, 255, 255);
constexpr ImU32 kGood = IM_COL32(63, 185, 80, 255);
constexpr ImU32 kWarning = IM_COL32(224, 164, 46, 255);
constexpr ImU32 kBad = IM_COL32(248, 81, 73, 255);
constexpr ImU32 kPanel = IM_COL32(32, 35, 41, 255);
constexpr ImU32 kTrack = IM_COL32(48, 53, 61, 255);      // empty part of bars and meters
constexpr ImU32 kMarker = IM_COL32(230, 232, 235, 200);  // limit lines on bars
}  // namespace colours

ImVec4 toVec4(ImU32 colour);

// Applies the dark theme; scale multiplies paddings and roundings for high-DPI screens.
void applyTheme(ImGuiStyle& style, float scale);

// Chip colours for a segment kind: background, and a text colour readable on it.
ImU32 kindColour(SegmentKind kind);
ImU32 kindTextColour(SegmentKind kind);
const char* kindLabel(SegmentKind kind);   // "Guest intro", "Q&A", ...
const char* showKindLabel(ShowKind kind);  // "Episode", "AMA", "Meetup"
const char* roleLabel(Role role);

}  // namespace pycast::ui
