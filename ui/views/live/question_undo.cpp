// The inverse of each producer change to the question queue (UI thread; pure).
#include "views/live/question_undo.hpp"

namespace pycast::ui {

namespace {

LiveRequest on(LiveCommand command, const std::string& id) {
    return LiveRequest(command).withId(id);
}

}  // namespace

bool isProducerQuestionCommand(LiveCommand command) {
    switch (command) {
        case LiveCommand::QuestionSubmit:
        case LiveCommand::QuestionApprove:
        case LiveCommand::QuestionUnapprove:
        case LiveCommand::QuestionDismiss:
        case LiveCommand::QuestionRestore:
        case LiveCommand::QuestionOnAir:
        case LiveCommand::QuestionOffAir:
        case LiveCommand::QuestionReopen:
        case LiveCommand::QuestionEdit:
        case LiveCommand::QuestionMerge:
        case LiveCommand::QuestionUnmerge:
        case LiveCommand::QuestionLabel:
        case LiveCommand::QuestionAssign:
        case LiveCommand::QuestionAnswered:
            return true;
        default:
            return false;
    }
}

std::optional<QuestionUndoStep> questionUndoStep(const LiveRequest& request,
                                                 const QuestionQueue& before) {
    if (!isProducerQuestionCommand(request.command)) return std::nullopt;
    QuestionUndoStep step;
    step.redo = {request};
    const std::string& id = request.id;
    step.label = std::string(toName(request.command)) + (id.empty() ? "" : " " + id);
    if (request.command == LiveCommand::QuestionSubmit) {
        // The id is the session's to give: completeSubmitStep names it.
        step.label = "add question";
        return step;
    }
    const LiveQuestion* q = nullptr;
    if (request.command == LiveCommand::QuestionAnswered && id.empty()) {
        q = before.onAir();
        if (q == nullptr) return std::nullopt;  // only the Q&A count: nothing to take back
        step.label = "question-answered " + q->id;
        step.redo = {LiveRequest(LiveCommand::QuestionAnswered).withId(q->id)};
    } else {
        q = before.find(id);
    }
    if (q == nullptr) return std::nullopt;
    switch (request.command) {
        case LiveCommand::QuestionApprove:
            step.undo = {on(LiveCommand::QuestionUnapprove, q->id)};
            break;
        case LiveCommand::QuestionUnapprove:
            step.undo = {on(LiveCommand::QuestionApprove, q->id)};
            break;
        case LiveCommand::QuestionDismiss:
            step.undo = {on(LiveCommand::QuestionRestore, q->id)};
            break;
        case LiveCommand::QuestionRestore:
            step.undo = {on(LiveCommand::QuestionDismiss, q->id)};
            break;
        case LiveCommand::QuestionOnAir: {
            // The question on air before comes back on air (which takes this one off); with
            // none, this one goes off air. An answered question put on air again comes back
            // approved: answering it anew would stamp a second answer.
            const LiveQuestion* was = before.onAir();
            if (was != nullptr && was->id != q->id)
                step.undo = {on(LiveCommand::QuestionOnAir, was->id)};
            else
                step.undo = {on(LiveCommand::QuestionOffAir, q->id)};
            break;
        }
        case LiveCommand::QuestionOffAir:
            step.undo = {on(LiveCommand::QuestionOnAir, q->id)};
            break;
        case LiveCommand::QuestionAnswered:
            step.undo = {on(LiveCommand::QuestionReopen, q->id)};
            if (q->state == QuestionState::OnAir)
                step.undo.push_back(on(LiveCommand::QuestionOnAir, q->id));
            break;
        case LiveCommand::QuestionReopen:
            step.undo = {on(LiveCommand::QuestionAnswered, q->id)};
            break;
        case LiveCommand::QuestionEdit:
            step.undo = {LiveRequest(LiveCommand::QuestionEdit).withId(q->id).withText(q->text)};
            break;
        case LiveCommand::QuestionMerge:
            for (const std::string& merged : request.ids)
                step.undo.push_back(on(LiveCommand::QuestionUnmerge, merged));
            break;
        case LiveCommand::QuestionUnmerge:
            step.undo = {
                LiveRequest(LiveCommand::QuestionMerge).withId(q->mergedInto).withIds({q->id})};
            break;
        case LiveCommand::QuestionLabel:
            step.undo = {
                LiveRequest(LiveCommand::QuestionLabel).withId(q->id).withTopics(q->topics)};
            break;
        case LiveCommand::QuestionAssign:
            step.undo = {
                LiveRequest(LiveCommand::QuestionAssign).withId(q->id).withPerson(q->forPerson)};
            break;
        default:
            return std::nullopt;
    }
    return step;
}

void completeSubmitStep(QuestionUndoStep& step, const std::string& newId) {
    step.label = "add question " + newId;
    step.undo = {on(LiveCommand::QuestionDismiss, newId)};
    step.redo = {on(LiveCommand::QuestionRestore, newId)};
}

}  // namespace pycast::ui
