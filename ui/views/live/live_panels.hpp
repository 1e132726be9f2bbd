// The panels of the Live tab, one file each, and what they share (UI thread; ImGui only).
#pragma once

#include <imgui.h>

#include <cstdint>
#include <string>

#include "live/session.hpp"

namespace pycast::ui {

struct ViewContext;

// Below this width (in font sizes) the Live tab uses its compact layout.
inline constexpr float kCompactWidthEm = 64.0f;
// The rundown keeps room for at least this many rows below the panels.
inline constexpr int kMinRundownRows = 7;
// ... or this many (frame heights) while the Questions panel is there.
inline constexpr int kMinRowsUnderQuestions = 12;
// ... or this many while a long message needs the room.
inline constexpr int kMinRundownRowsUnderMessage = 5;

// The top panels' sizes for this frame (live_view.cpp).
struct LiveLayout {
    float leftWidth = 0.0f;   // the countdown panel
    float rightWidth = 0.0f;  // the clock panel
    float panelHeight = 0.0f;
    float digitSize = 0.0f;  // the countdown's digits, px
    float minRundownHeight = 0.0f;
    bool compact = false;  // a small window: smaller digits, clock rows in the body font
    bool strip = false;    // the Questions tab in a small window: countdown and clock in a line
};

// The panels, top to bottom; drawLiveView (live_view.cpp) lays them out.
void sessionStrip(ViewContext& ctx);  // live_session_strip.cpp
void noticesPanel(ViewContext& ctx);  // live_session_strip.cpp
void countdownPanel(ViewContext& ctx, const SessionState& st,
                    const LiveLayout& layout);  // live_countdown_panel.cpp
// The countdown and the show's clock in one line (LiveLayout::strip).
void countdownStrip(ViewContext& ctx, const SessionState& st);  // live_countdown_panel.cpp
void clockPanel(ViewContext& ctx, const SessionState& st,
                const LiveLayout& layout);  // live_clock_panel.cpp
void controlsPanel(ViewContext& ctx, const SessionState& st,
                   bool compact);  // live_controls_panel.cpp
void rundownPanel(ViewContext& ctx, const SessionState& st,
                  float height);                   // live_rundown_panel.cpp
void reportPanel(ViewContext& ctx, float height);  // live_report_panel.cpp
// The question on air, across the tab under the clocks (none: nothing drawn).
void questionBand(ViewContext& ctx, const SessionState& st, float width,
                  bool compact);  // live_question_band.cpp
// Below this width (in font sizes) the rundown and the questions share the space under the
// controls as tabs; above it they sit side by side.
inline constexpr float kSideBySideWidthEm = 96.0f;

// Shared by the panels (live_panel_support.cpp).
const Segment* segmentAt(const Show& show, int index);
// A session time as the time of day when the session knows it ("20:13:00"), else as an offset
// from the session's start ("+13:00").
std::string whenText(const RunnerState& r, std::int64_t sessionMs);
std::string ageText(std::int64_t ms);  // "just now", "3 min ago"
ImU32 withAlpha(ImU32 colour, float alpha);
ImU32 mix(ImU32 a, ImU32 b, float t);
void smallDim(const ViewContext& ctx, const std::string& text);
// A button in a colour of its own (0: the theme's), as wide and tall as asked.
bool actionButton(const char* label, ImVec2 size, ImU32 colour, bool enabled = true);
// Draws text in the countdown's digit font, centred on centreX with its top at y; the size is
// shrunk to fit maxWidth. Returns the height it took.
float drawDigits(const ViewContext& ctx, const std::string& text, float wantSize, float centreX,
                 float top, float maxWidth, ImU32 colour);

}  // namespace pycast::ui
