// The report's figures add up as shown: whole seconds, totals are sums of rows, differences
// are shown actual minus shown planned (core/display_time.hpp).
#include <doctest/doctest.h>

#include "core/show_runner.hpp"
#include "live/report.hpp"

using namespace pycast;

namespace {

Show twoSegments(Seconds a, Seconds b) {
    Show show;
    show.meta.title = "Rounding";
    for (auto [id, planned] : {std::pair{"a", a}, std::pair{"b", b}}) {
        Segment s;
        s.id = id;
        s.title = id;
        s.planned = planned;
        show.rundown.push_back(s);
    }
    return show;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("two segments of 10:00.6 each total 20:00 in the report, the sum of the rows shown") {
    ShowRunner r(twoSegments(600, 600));
    REQUIRE(r.start(0));
    REQUIRE(r.next(600'600));
    REQUIRE(r.end(1'201'200));
    const SessionReport rep = buildReport(r.show(), r.state(1'201'200), "");
    CHECK(rep.segments[0].actualMs == 600'000);
    CHECK(rep.segments[1].actualMs == 600'000);
    CHECK(rep.actualTotalMs == 1'200'000);
    CHECK(rep.differenceMs == 0);
    const std::string md = renderReportMarkdown(rep);
    CHECK(has(md, "**20:00**"));
    CHECK_FALSE(has(md, "20:01"));
}

TEST_CASE("a row planned 00:10 that ran 00:04.6 shows a difference of -00:06") {
    ShowRunner r(twoSegments(10, 10));
    REQUIRE(r.start(0));
    REQUIRE(r.next(4'600));
    REQUIRE(r.end(14'600));
    const SessionReport rep = buildReport(r.show(), r.state(14'600), "");
    CHECK(rep.segments[0].actualMs == 4'000);
    CHECK(rep.segments[0].differenceMs == -6'000);
    CHECK(rep.segments[1].differenceMs == 0);
    CHECK(rep.differenceMs == -6'000);
    const std::string md = renderReportMarkdown(rep);
    CHECK(has(md, "| 00:10 | 00:04 | -00:06 |"));
    CHECK(has(md, "| 00:10 | 00:10 | 00:00 |"));   // zero has no sign
}
