// Keyboard shortcuts of the live view (UI thread; pure functions).
#include "views/live/live_keys.hpp"

namespace pycast::ui {

std::optional<LiveKey> liveKeyForCharacter(unsigned int c) {
    switch (c) {
        case ' ':
            return LiveKey::Space;
        case 'n':
        case 'N':
            return LiveKey::N;
        case 'p':
        case 'P':
            return LiveKey::P;
        case 'h':
        case 'H':
            return LiveKey::H;
        case 'm':
        case 'M':
            return LiveKey::M;
        case '+':
        case '=':
            return LiveKey::Plus;
        case '-':
        case '_':
            return LiveKey::Minus;
        case '?':
            return LiveKey::Question;
        default:
            return std::nullopt;
    }
}

LiveAction liveActionForKey(LiveKey key, RunPhase phase) {
    if (key == LiveKey::F1 || key == LiveKey::Question) return LiveAction::ShowHelp;
    if (phase == RunPhase::Ended) return LiveAction::None;
    const bool onAir = phase == RunPhase::Running || phase == RunPhase::Paused;
    switch (key) {
        case LiveKey::Space:
            if (phase == RunPhase::NotStarted) return LiveAction::Start;
            return phase == RunPhase::Running ? LiveAction::Hold : LiveAction::Resume;
        case LiveKey::H:
            if (!onAir) return LiveAction::None;
            return phase == RunPhase::Running ? LiveAction::Hold : LiveAction::Resume;
        case LiveKey::N:
        case LiveKey::Right:
            return LiveAction::Next;
        case LiveKey::P:
        case LiveKey::Left:
            return LiveAction::Previous;
        case LiveKey::M:
            // Before the start too: a rehearsal's recording wants its marks.
            return LiveAction::command(LiveRequest(LiveCommand::Marker));
        case LiveKey::Plus:
            return onAir ? LiveAction::ExtendPlus30 : LiveAction::None;
        case LiveKey::Minus:
            return onAir ? LiveAction::ExtendMinus30 : LiveAction::None;
        case LiveKey::F1:
        case LiveKey::Question:
            break;
    }
    return LiveAction::None;
}

const LiveShortcutHelp* liveShortcutHelp(int& count) {
    static const LiveShortcutHelp kHelp[] = {
        {"Space", "Start the show / hold / resume"},
        {"N  or  →", "Next segment"},
        {"P  or  ←", "Previous segment"},
        {"H", "Hold / resume"},
        {"+", "Extend the segment by 30 s"},
        {"-", "Shorten the segment by 30 s"},
        {"M", "Drop a marker (lands on the recording's sample)"},
        {"F1  or  ?", "This list"},
        // The Questions panel (questions_panel.hpp).
        {"↑  /  ↓", "Select a question"},
        {"A", "Approve the selected question"},
        {"O", "Put the selected question on air"},
        {"Enter  or  D", "Answered: the selected question, else the one on air"},
        {"X", "Dismiss the selected question"},
        {"1  2  3  4", "Questions: inbox, queue, answered, dismissed & merged"},
        {"Ctrl+Z  /  Ctrl+Shift+Z", "Undo / redo a change to the questions"},
    };
    count = static_cast<int>(sizeof kHelp / sizeof kHelp[0]);
    return kHelp;
}

}  // namespace pycast::ui
