// The live view's keyboard shortcuts, as a pure mapping from keys to actions (UI thread).
#pragma once

#include <optional>

#include "views/live/live_controller.hpp"

namespace pycast::ui {

// The keys the live view listens to, whatever keyboard layout produced them.
enum class LiveKey { Space, N, P, H, M, Left, Right, Plus, Minus, F1, Question };

// Typed characters that are shortcuts: ' ', n/N, p/P, h/H, m/M, '+' (and '=' without Shift),
// '-' (and '_'), '?'. Others: none.
std::optional<LiveKey> liveKeyForCharacter(unsigned int character);

// What a key does in the current phase:
//   Space   start / hold / resume          N, →   next          P, ←   previous
//   H       hold / resume                  +, -   extend the segment by 30 s / shorten it
//   M       a plain marker (live command "marker", no label) at this moment and sample
//   F1, ?   the shortcut overlay
// Nothing after the show ended (except the overlay). Next and Previous before the start are
// passed on, so the host hears why nothing happened.
LiveAction liveActionForKey(LiveKey key, RunPhase phase);

// One line per shortcut, for the overlay and the docs: {"Space", "Start / hold / resume"}.
struct LiveShortcutHelp {
    const char* keys;
    const char* does;
};
const LiveShortcutHelp* liveShortcutHelp(int& count);

}  // namespace pycast::ui
