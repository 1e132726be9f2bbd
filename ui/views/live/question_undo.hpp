// The studio's undo for the question queue: each producer change paired with the commands that
// take it back and bring it again (UI thread; pure functions over the queue, no ImGui).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/question_queue.hpp"
#include "live/live_command.hpp"

namespace pycast::ui {

// One producer change. Undo performs `undo` in order, redo performs `redo` in order; each is
// itself a journaled command (the journal stays append-only, so the room's record keeps both).
struct QuestionUndoStep {
    std::string label;              // "approve q7", for the buttons' tooltips and tests
    std::vector<LiveRequest> undo;  // e.g. question-unapprove q7
    std::vector<LiveRequest> redo;  // e.g. question-approve q7
    bool operator==(const QuestionUndoStep&) const = default;
};

// The step for `request`, read from the queue as it is before the request runs. None for what
// is not a producer change (a vote, a runner command, an answer with nothing on air — then it
// only counts for the Q&A pace) and for a request naming no question. A submit's undo and redo
// name the new question, so the caller fills the id in afterwards (completeSubmitStep).
//
// The pairs: approve/unapprove, dismiss/restore, on air/off air (or the question on air before
// back on air), answered/reopen (and on air again when it was), merge/unmerge, edit/edit old
// text, label/label old topics, assign/assign old person, submit/dismiss (redo: restore).
std::optional<QuestionUndoStep> questionUndoStep(const LiveRequest& request,
                                                 const QuestionQueue& before);

// A submitted question's id, once the session gave it one.
void completeSubmitStep(QuestionUndoStep& step, const std::string& newId);

// Whether `command` is a change the producer makes to the queue (and so is undoable).
bool isProducerQuestionCommand(LiveCommand command);

}  // namespace pycast::ui
