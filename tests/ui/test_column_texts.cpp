// The rundown tables' column texts are found once per analysis and follow every change.
#include <doctest/doctest.h>

#include "../src/editing/editing_test_support.hpp"
#include "editing/show_edits.hpp"
#include "views/views.hpp"

using namespace pycast;
using namespace pycast::ui;
using namespace pycast::test;

TEST_CASE("the rundown's column texts are kept for one analysis and found again after an edit") {
    Document doc = documentOf(loadSample("enterprise-meetup.json"));
    RundownViewState state;
    const RundownColumnTexts first = rundownColumnTexts(doc, state);
    CHECK(first.analysisStamp == doc.analysisStamp);
    CHECK(first.clock == "19:00");   // every start in the sample is on the minute
    CHECK(first.length.size() == 5);  // every length is mm:ss
    // Drawn again without a change: the same texts, not searched again.
    CHECK(&rundownColumnTexts(doc, state) == &state.columnTexts);

    // A length with hours, and a start with seconds, widen the columns at once.
    Segment longer = doc.show->rundown[0];
    longer.planned = 3600 + 30;
    doc.perform(edits::setSegment(*doc.show, longer.id, longer, "Length"));
    const RundownColumnTexts& after = rundownColumnTexts(doc, state);
    CHECK(after.analysisStamp == doc.analysisStamp);
    CHECK(after.length == "1:00:30");
    CHECK(after.clock.size() == 8);  // "20:00:30": seconds now show
}
