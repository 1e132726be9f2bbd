// Undo/redo of any document: an operation stack of labelled changes (ImHex-style). The owner
// thread (the UI frame, a CLI loop) performs, undoes and redoes; nothing here is thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace pycast {

// One undoable step on a document of type Doc (a Show today, an audio cut list later).
// redo/undo locate what they change by stable id wherever possible, never by position alone.
template <typename Doc>
struct Change {
    std::string label;      // for the Edit menu: "Undo Rename segment “開場”"
    std::string mergeKey;   // non-empty: a following change with the same key, before closeGroup(),
                            // joins this step (typing a title, dragging a duration)
    std::function<void(Doc&)> redo;
    std::function<void(Doc&)> undo;
};

template <typename Doc>
class History {
public:
    using Step = Change<Doc>;

    explicit History(std::size_t limit = 1000) : m_limit(limit) {}

    // Applies the change and pushes it; clears redo. Merges into the previous step when both
    // carry the same mergeKey and the group is still open.
    void perform(Doc& doc, Step change) {
        change.redo(doc);
        m_redo.clear();
        if (m_groupOpen && !change.mergeKey.empty() && !m_undo.empty() &&
            m_undo.back().change.mergeKey == change.mergeKey) {
            // A continuous gesture: keep the first step's undo, take the latest redo.
            Entry& top = m_undo.back();
            top.change.redo = std::move(change.redo);
            top.state = m_nextState++;
            return;
        }
        m_undo.push_back({std::move(change), m_nextState++});
        m_groupOpen = !m_undo.back().change.mergeKey.empty();
        if (m_undo.size() > m_limit) m_undo.erase(m_undo.begin());
    }
    // Ends a continuous change: the next one starts a new step even with the same key.
    void closeGroup() { m_groupOpen = false; }

    bool canUndo() const { return !m_undo.empty(); }
    bool canRedo() const { return !m_redo.empty(); }
    std::string undoLabel() const { return canUndo() ? m_undo.back().change.label : std::string(); }
    std::string redoLabel() const { return canRedo() ? m_redo.back().change.label : std::string(); }

    bool undo(Doc& doc) {
        if (m_undo.empty()) return false;
        Entry entry = std::move(m_undo.back());
        m_undo.pop_back();
        entry.change.undo(doc);
        m_redo.push_back(std::move(entry));
        m_groupOpen = false;
        return true;
    }
    bool redo(Doc& doc) {
        if (m_redo.empty()) return false;
        Entry entry = std::move(m_redo.back());
        m_redo.pop_back();
        entry.change.redo(doc);
        m_undo.push_back(std::move(entry));
        m_groupOpen = false;
        return true;
    }
    void clear() {
        m_undo.clear();
        m_redo.clear();
        m_groupOpen = false;
        m_cleanState = 0;
    }

    // Dirty tracking: the document is clean when it is in the state last marked clean.
    void markClean() { m_cleanState = currentState(); }
    bool isClean() const { return m_cleanState == currentState(); }
    std::size_t undoDepth() const { return m_undo.size(); }

private:
    struct Entry {
        Step change;
        std::uint64_t state;  // identifies the document state this step leads to
    };
    std::uint64_t currentState() const { return m_undo.empty() ? 0 : m_undo.back().state; }

    std::vector<Entry> m_undo;
    std::vector<Entry> m_redo;
    std::size_t m_limit;
    std::uint64_t m_nextState = 1;
    std::uint64_t m_cleanState = 0;
    bool m_groupOpen = false;
};

}  // namespace pycast
