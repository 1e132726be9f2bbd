// Every edit a producer can make to a show undoes and redoes to the identical show.
#include <doctest/doctest.h>

#include <algorithm>

#include "editing/show_edits.hpp"
#include "io/show_io.hpp"
#include "test_support.hpp"

using namespace pycast;
using namespace pycast::test;

namespace {

Show meetup() {
    LoadResult r = loadShowFile(showsDir() / "enterprise-meetup.json");
    REQUIRE(r.ok());
    return *r.show;
}

// do → undo gives the original, redo gives the edited document, byte for byte when saved.
void roundTrip(const Show& original, const std::function<Edit(const Show&)>& make) {
    Show doc = original;
    ShowHistory h;
    h.perform(doc, make(doc));
    const Show edited = doc;
    CHECK_FALSE(edited == original);
    REQUIRE(h.canUndo());
    h.undo(doc);
    CHECK(doc == original);
    CHECK(serializeShow(doc) == serializeShow(original));
    REQUIRE(h.canRedo());
    h.redo(doc);
    CHECK(doc == edited);
    h.undo(doc);
    CHECK(doc == original);
}

}  // namespace

TEST_CASE("undo/redo round trip for every edit") {
    const Show show = meetup();
    SUBCASE("metadata") {
        roundTrip(show, [](const Show& s) {
            ShowMeta m = s.meta;
            m.title = "新標題";
            m.hardOut = 21 * 3600 + 30 * 60;
            return edits::setMeta(s, m, "Edit title");
        });
    }
    SUBCASE("guidelines") {
        roundTrip(show, [](const Show& s) {
            Guidelines g = s.guidelines;
            g.maxCompanyShare = 25;
            return edits::setGuidelines(s, g, "Change company limit");
        });
    }
    SUBCASE("segment fields") {
        roundTrip(show, [](const Show& s) {
            Segment seg = *s.findSegment("s-panel");
            seg.title = "Panel：人才";
            seg.planned = 35 * 60;
            seg.speakers.pop_back();
            seg.fixedStart.reset();
            return edits::setSegment(s, "s-panel", seg, "Edit panel");
        });
    }
    SUBCASE("insert") {
        roundTrip(show, [](const Show& s) {
            Segment seg;
            seg.title = "新段落";
            seg.planned = 60;
            return edits::insertSegment(s, 2, seg);
        });
    }
    SUBCASE("duplicate") {
        roundTrip(show, [](const Show& s) { return edits::duplicateSegment(s, "s-qa"); });
    }
    SUBCASE("delete") {
        roundTrip(show, [](const Show& s) { return edits::deleteSegment(s, "s-lt-shop"); });
    }
    SUBCASE("move down and up") {
        roundTrip(show, [](const Show& s) { return edits::moveSegment(s, "s-intro", 4); });
        roundTrip(show, [](const Show& s) { return edits::moveSegment(s, "s-outro", 0); });
    }
    SUBCASE("people") {
        roundTrip(show, [](const Show& s) {
            Person p = *s.findPerson("p-shop");
            p.company = "ShopPie Inc.";
            return edits::setPerson(s, "p-shop", p, "Edit person");
        });
        roundTrip(show, [](const Show& s) {
            Person p;
            p.name = "新來賓";
            return edits::insertPerson(s, -1, p);
        });
        // Deleting a person removes them from every segment and question; undo puts them back.
        roundTrip(show, [](const Show& s) { return edits::deletePerson(s, "p-fin"); });
    }
    SUBCASE("questions") {
        roundTrip(show, [](const Show& s) {
            Question q = s.questions[0];
            q.votes = 99;
            return edits::setQuestion(s, q.id, q, "Vote");
        });
        roundTrip(show, [](const Show& s) {
            Question q;
            q.text = "新問題？";
            return edits::insertQuestion(s, 0, q);
        });
        roundTrip(show, [](const Show& s) { return edits::deleteQuestion(s, "q-2"); });
        roundTrip(show, [](const Show& s) { return edits::moveQuestion(s, "q-3", 0); });
    }
    SUBCASE("bulk replace") {
        roundTrip(show, [](const Show& s) {
            Show after = s;
            std::reverse(after.rundown.begin(), after.rundown.end());
            return edits::replaceShow(s, after, "Reverse");
        });
    }
}

TEST_CASE("deleting a person removes their references and undo restores them") {
    Show doc = meetup();
    ShowHistory h;
    h.perform(doc, edits::deletePerson(doc, "p-fin"));
    CHECK(doc.findPerson("p-fin") == nullptr);
    for (const auto& s : doc.rundown)
        CHECK(std::find(s.speakers.begin(), s.speakers.end(), "p-fin") == s.speakers.end());
    CHECK(validateShow(doc).empty());
    h.undo(doc);
    CHECK(doc.findSegment("s-lt-fin")->speakers == std::vector<std::string>{"p-fin"});
}

TEST_CASE("a continuous edit is one undo step until the group closes") {
    Show doc = meetup();
    const Show original = doc;
    ShowHistory h;
    for (const char* title : {"P", "Pa", "Pan", "Panel!"}) {
        Segment seg = *doc.findSegment("s-panel");
        seg.title = title;
        h.perform(doc, edits::setSegment(doc, "s-panel", seg, "Rename segment", "seg:s-panel:title"));
    }
    h.closeGroup();
    Segment seg = *doc.findSegment("s-panel");
    seg.title = "Panel!!";
    h.perform(doc, edits::setSegment(doc, "s-panel", seg, "Rename segment", "seg:s-panel:title"));
    CHECK(h.undoDepth() == 2);
    h.undo(doc);
    CHECK(doc.findSegment("s-panel")->title == "Panel!");
    h.undo(doc);
    CHECK(doc == original);
    CHECK_FALSE(h.canUndo());
}

TEST_CASE("different fields never merge, and a new edit clears redo") {
    Show doc = meetup();
    ShowHistory h;
    Segment seg = *doc.findSegment("s-qa");
    seg.title = "Q&A";
    h.perform(doc, edits::setSegment(doc, "s-qa", seg, "Rename", "seg:s-qa:title"));
    seg.planned = 20 * 60;
    h.perform(doc, edits::setSegment(doc, "s-qa", seg, "Change length", "seg:s-qa:planned"));
    CHECK(h.undoDepth() == 2);
    CHECK(h.undoLabel() == "Change length");
    h.undo(doc);
    CHECK(h.redoLabel() == "Change length");
    h.perform(doc, edits::deleteSegment(doc, "s-intro"));
    CHECK_FALSE(h.canRedo());
    CHECK(h.undoLabel() == "Delete “開場與議程說明”");
}

TEST_CASE("the dirty marker follows undo back to the saved state") {
    Show doc = meetup();
    ShowHistory h;
    CHECK(h.isClean());
    h.perform(doc, edits::deleteSegment(doc, "s-intro"));
    CHECK_FALSE(h.isClean());
    h.markClean();
    CHECK(h.isClean());
    h.undo(doc);
    CHECK_FALSE(h.isClean());
    h.redo(doc);
    CHECK(h.isClean());
}

TEST_CASE("edits find items by id, so selection survives reordering") {
    Show doc = meetup();
    ShowHistory h;
    h.perform(doc, edits::moveSegment(doc, "s-qa", 0));
    CHECK(doc.rundown[0].id == "s-qa");
    Segment seg = *doc.findSegment("s-qa");
    seg.planned = 60;
    h.perform(doc, edits::setSegment(doc, "s-qa", seg, "Change length"));
    h.undo(doc);
    h.undo(doc);
    CHECK(doc.segmentIndex("s-qa") == 7);
    CHECK(doc.findSegment("s-qa")->planned == 25 * 60);
    CHECK(quotedTitle("一二三四五六七八九十一二三四五六七八九十一二三四五六") == "“一二三四五六七八九十一二三四五六七八九十一二三四…”");
}
