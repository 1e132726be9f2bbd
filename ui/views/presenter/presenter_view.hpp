// What the presenter window shows: the countdown for the host across the room (UI thread;
// ImGui calls only, so tests draw it headless).
#pragma once

#include <imgui.h>

#include <cstdint>
#include <string>
#include <vector>

#include "views/live/live_controller.hpp"
#include "views/live/live_digits.hpp"
#include "views/live/live_view.hpp"
#include "widgets/text_wrap.hpp"

namespace pycast::ui {

struct FrameRequests;
class FontManager;

struct PresenterState {
    MessageFlash flash;
    // As the last frame laid it out: the message (size, lines, cut or not), and whether the
    // NEXT line was drawn (a long message may take its room).
    FittedText messageShown;
    bool nextShown = true;
    FittedText questionShown;      // the question on air as laid out (empty: none)
    std::string pollShown;         // the poll whose bars were drawn ("" none)
    float countdownBottom = 0.0f;  // below the countdown and its bar, px from the top
    float messageTop = 0.0f;       // the message box's top, px (the bottom without a message)
    // Set before each frame by the shell: the recorder's dropout / no signal / silent mic lines
    // (presenterWarnings), drawn large under the top line in red or amber; empty: none.
    std::vector<PresenterWarning> warnings;
};

struct PresenterContext {
    const LiveController& controller;  // may have no session yet
    PresenterState& state;
    const FontManager& fonts;  // the presenter's own, built large
    const DigitFont& digits;   // the countdown, built for this window's size
    std::string idleTitle;     // shown without a session (the open show's title)
};

// Draws the whole window: status, title, countdown in the host view's colours, progress,
// next up, the producer's message (pulsing when new), the show's clock and the recorder's
// warnings. Fills the current
// context's display.
void drawPresenterView(PresenterContext& ctx, FrameRequests& requests);

// The digit size (px) that fills a window of `display` size: about 40% of its height, narrower
// when "+00:00" would not fit its width. Builds `digits` once if it is empty, to measure.
float presenterDigitPixels(ImVec2 display, DigitFont& digits);
// The scale for the presenter's text fonts (FontManager::build), from the window's height;
// in steps of 0.25 so a resize does not rebuild the atlas at every pixel.
float presenterFontScale(ImVec2 display);
// Every text the presenter may show for this session (titles, message), for the glyph atlas.
std::string presenterText(const LiveController& controller);

}  // namespace pycast::ui
