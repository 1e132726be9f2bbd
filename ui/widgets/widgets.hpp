// Small drawing helpers for the views: chips, bars, truncated text, headers (UI thread).
#pragma once

#include <imgui.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/show.hpp"

namespace pycast::ui {

// A segment's speakers by name (with companies when asked), "id?" for an unknown id, which
// also sets `unknown` so the view can colour the cell.
std::string speakersText(const Show& show, const Segment& segment, bool withCompany, bool& unknown);

// A rounded label with a coloured background, laid out as one item on the current line.
void chip(std::string_view text, ImU32 background, ImU32 textColour);

// How wide chip(text) is drawn, in pixels of the current font.
float chipWidth(std::string_view text);

// The width of the widest of `texts` in the current font: a table column sized to its content
// (a header and the longest value it shows) never clips "20:14:30" to "20:14:3".
float widestText(std::initializer_list<std::string_view> texts);

// The longest of the strings it was shown, by characters: with tabular digits, the widest
// time or length of a column.
struct LongestText {
    std::string text;
    void consider(std::string candidate) {
        if (candidate.size() > text.size()) text = std::move(candidate);
    }
};

// The widest chip of any segment kind: the Kind column fits every label.
float widestKindChip();

// Text cut with "…" to maxWidth (0: the space left on the line); the full text shows in a
// tooltip when cut. colour 0 means the normal text colour.
void textTruncated(std::string_view text, ImU32 colour = 0, float maxWidth = 0.0f);

// Text in a colour (no printf formatting, so user text with '%' is safe).
void textColoured(std::string_view text, ImU32 colour);

// A label in small capitals above a thin separator, starting a side-panel section.
void sectionHeader(const char* label);

// A horizontal meter `width` wide: filled to fraction (0..1, clamped), with an optional
// marker line at markerFraction (< 0 for none) and an optional band (bandFrom < bandTo).
struct BarStyle {
    ImU32 fill = IM_COL32(88, 166, 255, 255);
    float markerFraction = -1.0f;
    float bandFrom = 0.0f;
    float bandTo = 0.0f;
    ImU32 band = IM_COL32(63, 185, 80, 60);
    float height = 0.0f;  // 0: a third of the font size plus a little
};
void bar(float fraction, float width, const BarStyle& style);

// A small chart: one row per item — its label, a bar (fraction 0..1 of the row's width, with
// an optional marker and band as BarStyle), its figure right-aligned. `id` makes the table's
// ImGui id; labels longer than labelMaxEm font sizes are cut with "…" (the tooltip shows them).
struct LabelledBar {
    std::string label;
    float fraction = 0.0f;
    std::string value;  // "12 · 32%", "46.2% (plan 40.0%)"
    BarStyle style;
    ImU32 valueColour = 0;  // 0: the text colour
};
void labelledBars(const char* id, const std::vector<LabelledBar>& rows, float labelMaxEm = 10.0f);

// Right-aligns the next text of `text`'s width inside the space left on the line.
void alignRight(std::string_view text);

// Ctrl+<key> pressed this frame. ImGui 1.86 has no named letter keys; the GLFW backend
// indexes KeysDown by GLFW key codes, which are the upper-case ASCII letters.
bool ctrlShortcut(char upperCaseKey);

}  // namespace pycast::ui
