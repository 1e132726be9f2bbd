// The producer's Questions panel: the moderation inbox, the approved queue, what was answered,
// dismissed or merged, the producer's own questions, its keys and the audience page's address
// (UI thread; the list building and texts are pure functions for the tests).
#pragma once

#include <imgui.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/question_queue.hpp"

namespace pycast::ui {

struct ViewContext;

// The panel's lists. Inbox: pending, oldest first. Queue: the one on air, then the approved.
// Answered: latest first. Closed: dismissed, then merged.
enum class QuestionList { Inbox, Queue, Answered, Closed };
// How the queue is ordered: most votes first (ties: oldest first), or oldest first.
enum class QuestionSort { Votes, Time };

// What the panel shows of the queue: positions in QuestionQueue::all(), in display order.
// `search` matches the text, the original text and the name (ASCII letters case-insensitive);
// `topic` keeps the questions labelled with it ("" keeps all). Search and topic apply to every
// list but the inbox, which must show everything that waits.
std::vector<std::size_t> questionRows(const QuestionQueue& queue, QuestionList list,
                                      QuestionSort sort, std::string_view search,
                                      std::string_view topic);

// "m:ss" (and "h:mm:ss" past an hour) of a wait, never negative.
std::string waitText(std::int64_t ms);
// "3 waiting · oldest 2:14", or "Nothing waiting".
std::string waitingSummary(const QuestionQueue& queue, std::int64_t nowMs);

// "— asked by Emily · for 張家豪 Chia-Hao Chang" ("— asked anonymously" without a name; no
// "for" part when it is for anyone), as the host's view and the presenter show it.
std::string askedByLine(const Show& show, const LiveQuestion& q);

// The panel's keys, when the Live tab (or the panel's own window) has the keyboard:
//   Up / Down   select          A   approve          O   put on air
//   Enter / D   answered        X   dismiss          Ctrl+Z / Ctrl+Shift+Z   undo / redo
//   1 2 3 4     inbox, queue, answered, dismissed & merged
enum class QuestionKey {
    Up,
    Down,
    Approve,
    OnAir,
    Answered,
    Dismiss,
    Undo,
    Redo,
    Inbox,
    Queue,
    AnsweredList,
    ClosedList
};
std::optional<QuestionKey> questionKeyForCharacter(unsigned int character);

// UI-only state (nothing here is journaled).
struct QuestionsViewState {
    QuestionList list = QuestionList::Inbox;
    QuestionSort sort = QuestionSort::Votes;
    std::string search;
    std::string topic;                 // filter; "" all
    std::string selected;              // question id
    std::vector<std::string> checked;  // ticked for a merge
    std::string editingId;             // the question whose text is being edited
    std::string editDraft;
    std::string addDraft;   // the producer's new question
    std::string addName;    // who asked it (from the chat), optional
    bool detached = false;  // drawn as its own window, "Questions"
    bool scrollToSelected = false;
    // The rows, found again only when the queue, the list, the order or the filter changed:
    // with 3000 questions a sort every frame would show in the frame time.
    struct Cache {
        const QuestionQueue* queue = nullptr;
        int generation = -1;  // LiveController::generation(): a new session's queue may
                              // live at the old one's address, at the same revision
        std::size_t size = 0;
        std::uint64_t revision = ~std::uint64_t{0};
        QuestionList list = QuestionList::Inbox;
        QuestionSort sort = QuestionSort::Votes;
        std::string search;
        std::string topic;
        std::vector<std::size_t> rows;
    } cache;
};

// The panel inside the Live tab, `size` big (live_view.cpp lays it out); with `detached` set
// it draws a note and a button to bring it back instead, and questionsWindow draws it.
void questionsPanel(ViewContext& ctx, ImVec2 size);
// The panel as a floating window "Questions" (movable and resizable inside the studio's
// window), when detached. Call outside any child.
void questionsWindow(ViewContext& ctx);

}  // namespace pycast::ui
