// History<T> on a document that is not a show: labels, merging a gesture, clean-state tracking.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/history.hpp"

using namespace pycast;

namespace {

// A stand-in for the editor's future audio cut list: cuts by stable id, in order.
struct Cut {
    std::string id;
    long long startSample = 0;
    long long endSample = 0;
    bool operator==(const Cut&) const = default;
};
struct CutList {
    std::vector<Cut> cuts;
    bool operator==(const CutList&) const = default;
};

Change<CutList> addCut(Cut cut) {
    const std::string id = cut.id;
    return {"Add cut " + id, {}, [cut](CutList& l) { l.cuts.push_back(cut); },
            [id](CutList& l) {
                std::erase_if(l.cuts, [&](const Cut& c) { return c.id == id; });
            }};
}

Change<CutList> moveCutEnd(const CutList& list, const std::string& id, long long end) {
    long long before = 0;
    for (const Cut& c : list.cuts)
        if (c.id == id) before = c.endSample;
    auto set = [id](CutList& l, long long value) {
        for (Cut& c : l.cuts)
            if (c.id == id) c.endSample = value;
    };
    return {"Trim cut " + id, "cut:" + id + ":end", [set, end](CutList& l) { set(l, end); },
            [set, before](CutList& l) { set(l, before); }};
}

}  // namespace

TEST_CASE("history of a cut list: do, undo and redo with the labels of each step") {
    CutList doc;
    History<CutList> h;
    CHECK_FALSE(h.canUndo());
    CHECK(h.undoLabel().empty());
    h.perform(doc, addCut({"c1", 100, 200}));
    h.perform(doc, addCut({"c2", 300, 400}));
    CHECK(doc.cuts.size() == 2);
    CHECK(h.undoLabel() == "Add cut c2");
    CHECK(h.undo(doc));
    CHECK(doc.cuts.size() == 1);
    CHECK(h.redoLabel() == "Add cut c2");
    CHECK(h.redo(doc));
    CHECK(doc.cuts.back() == Cut{"c2", 300, 400});
    h.undo(doc);
    h.perform(doc, addCut({"c3", 500, 600}));
    CHECK_FALSE(h.canRedo());  // a new step clears redo
    CHECK(h.undoDepth() == 2);
}

TEST_CASE("history of a cut list: a drag with one merge key is one step until the group closes") {
    CutList doc;
    History<CutList> h;
    h.perform(doc, addCut({"c1", 0, 1000}));
    for (long long end : {1100LL, 1200LL, 1300LL}) h.perform(doc, moveCutEnd(doc, "c1", end));
    CHECK(h.undoDepth() == 2);
    h.closeGroup();
    h.perform(doc, moveCutEnd(doc, "c1", 1400));
    CHECK(h.undoDepth() == 3);
    h.undo(doc);
    CHECK(doc.cuts[0].endSample == 1300);
    h.undo(doc);
    CHECK(doc.cuts[0].endSample == 1000);  // the whole first drag, at once
    CHECK(h.undoLabel() == "Add cut c1");
}

TEST_CASE("history of a cut list: clean state follows undo and redo, and the oldest steps go past the limit") {
    CutList doc;
    History<CutList> h(2);
    CHECK(h.isClean());
    h.perform(doc, addCut({"a", 0, 1}));
    CHECK_FALSE(h.isClean());
    h.markClean();
    h.perform(doc, addCut({"b", 1, 2}));
    CHECK_FALSE(h.isClean());
    h.undo(doc);
    CHECK(h.isClean());
    h.redo(doc);
    h.perform(doc, addCut({"c", 2, 3}));
    CHECK(h.undoDepth() == 2);  // "a" fell off the bottom
    while (h.undo(doc)) {
    }
    CHECK(doc.cuts.size() == 1);
    h.clear();
    CHECK(h.isClean());
    CHECK_FALSE(h.canRedo());
}
