// Undoable edits of a show and the undo/redo history (ImHex-style operation stack).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/show.hpp"

namespace pycast {

// One undoable step. redo/undo locate what they change by stable id wherever possible.
struct Edit {
    std::string label;      // for the Edit menu: "Undo Rename segment “開場”"
    std::string mergeKey;   // non-empty: a following edit with the same key, before closeGroup(),
                            // joins this step (typing a title, dragging a duration)
    std::function<void(Show&)> redo;
    std::function<void(Show&)> undo;
};

class History {
public:
    explicit History(std::size_t limit = 1000) : m_limit(limit) {}

    // Applies the edit and pushes it; clears redo. Merges into the previous step when both carry
    // the same mergeKey and the group is still open.
    void perform(Show& show, Edit edit);
    // Ends a continuous edit: the next edit starts a new step even with the same key.
    void closeGroup() { m_groupOpen = false; }

    bool canUndo() const { return !m_undo.empty(); }
    bool canRedo() const { return !m_redo.empty(); }
    std::string undoLabel() const { return canUndo() ? m_undo.back().edit.label : std::string(); }
    std::string redoLabel() const { return canRedo() ? m_redo.back().edit.label : std::string(); }
    bool undo(Show& show);
    bool redo(Show& show);
    void clear();

    // Dirty tracking: the document is clean when it is in the state last marked clean.
    void markClean() { m_cleanState = currentState(); }
    bool isClean() const { return m_cleanState == currentState(); }
    std::size_t undoDepth() const { return m_undo.size(); }

private:
    struct Step {
        Edit edit;
        std::uint64_t state;   // identifies the document state this step leads to
    };
    std::uint64_t currentState() const { return m_undo.empty() ? 0 : m_undo.back().state; }

    std::vector<Step> m_undo;
    std::vector<Step> m_redo;
    std::size_t m_limit;
    std::uint64_t m_nextState = 1;
    std::uint64_t m_cleanState = 0;
    bool m_groupOpen = false;
};

// ---- The edits a producer makes. Each returns an Edit to pass to History::perform; none
// ---- changes the show until performed. Ids that are not found make a no-op edit.
namespace edits {

Edit setMeta(const Show& show, ShowMeta updated, std::string label, std::string mergeKey = {});
Edit setGuidelines(const Show& show, Guidelines updated, std::string label, std::string mergeKey = {});

// Replaces segment `id` with `updated` (same id). mergeKey e.g. "seg:<id>:title".
Edit setSegment(const Show& show, const std::string& id, Segment updated, std::string label,
                std::string mergeKey = {});
Edit insertSegment(const Show& show, int index, Segment segment);   // index clamped; -1 = end
Edit duplicateSegment(const Show& show, const std::string& id);     // copy right after, new id
Edit deleteSegment(const Show& show, const std::string& id);
Edit moveSegment(const Show& show, const std::string& id, int toIndex);

Edit setPerson(const Show& show, const std::string& id, Person updated, std::string label,
               std::string mergeKey = {});
Edit insertPerson(const Show& show, int index, Person person);
// Removes the person and every reference to them (speakers, questions' "for"); undo restores all.
Edit deletePerson(const Show& show, const std::string& id);

Edit setQuestion(const Show& show, const std::string& id, Question updated, std::string label,
                 std::string mergeKey = {});
Edit insertQuestion(const Show& show, int index, Question question);
Edit deleteQuestion(const Show& show, const std::string& id);
Edit moveQuestion(const Show& show, const std::string& id, int toIndex);

// Bulk changes (CSV import, sorting): the whole document before and after.
Edit replaceShow(const Show& before, Show after, std::string label);

}  // namespace edits

// “開場” with curly quotes, shortened to about 24 characters for menu labels.
std::string quotedTitle(const std::string& title);

}  // namespace pycast
