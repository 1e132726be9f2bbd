// The rundown as people share it: aligned text, escaped Markdown, CSV for spreadsheets.
#include <doctest/doctest.h>

#include <sstream>

#include "core/rundown.hpp"
#include "io/markdown.hpp"
#include "io/rundown_export.hpp"
#include "io/show_io.hpp"
#include "test_support.hpp"

using namespace pycast;
using namespace pycast::test;

namespace {

Show minimal() {
    LoadResult r = loadShowFile(dataDir() / "minimal.json");
    REQUIRE(r.ok());
    return *r.show;
}

std::vector<std::string> linesOf(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

// The display column where `part` starts in `line` (CJK characters take two).
int columnOf(const std::string& line, const std::string& part) {
    const auto at = line.find(part);
    REQUIRE(at != std::string::npos);
    return displayWidth(line.substr(0, at));
}

}  // namespace

TEST_CASE("rundown text: the table stays aligned with seconds in the times and CJK titles") {
    Show show = minimal();
    show.meta.startTime = 19 * 3600 + 15;  // 19:00:15: every time has seconds
    show.rundown[0].title = "開場與議程說明";
    show.rundown[1].title = "Long English title\nwith a second line";
    show.rundown[1].planned = 10 * 3600;  // 10:00:00, wider than the heading LENGTH
    const std::string text = renderRundown(show, RundownFormat::Text);
    const auto lines = linesOf(text);
    size_t header = 0;
    while (header < lines.size() && lines[header].rfind("#", 0) != 0) ++header;
    REQUIRE(header + 2 < lines.size());
    const std::string& h = lines[header];
    const std::string& a = lines[header + 1];
    const std::string& b = lines[header + 2];
    CAPTURE(text);
    CHECK(columnOf(a, "19:00:15") == columnOf(h, "TIME"));
    CHECK(columnOf(a, "開場") == columnOf(h, "SEGMENT"));
    CHECK(columnOf(b, "Long English") == columnOf(h, "SEGMENT"));
    CHECK(columnOf(a, "intro") == columnOf(h, "KIND"));
    CHECK(columnOf(b, "experience") == columnOf(h, "KIND"));
    CHECK(columnOf(a, "02:00") == columnOf(h, "LENGTH"));
    CHECK(columnOf(b, "10:00:00") == columnOf(h, "LENGTH"));
    CHECK(columnOf(a, "主持人") == columnOf(h, "SPEAKERS"));
    CHECK(columnOf(b, "主持人") == columnOf(h, "SPEAKERS"));
    CHECK(b.find("with a second line") != std::string::npos);  // one row stays one line
}

TEST_CASE("rundown Markdown: <, | and * are escaped and line breaks stay inside the row") {
    Show show = minimal();
    show.meta.title = "Show *one*\n<script>";
    show.rundown[0].title = "a <b>|*c*\nd";
    show.people[0].name = "**Ada**";
    show.rundown[1].notes = "x | y\r\nz";
    const std::string md = renderRundown(show, RundownFormat::Markdown);
    CAPTURE(md);
    CHECK(md.rfind("# Show \\*one\\* &lt;script>\n", 0) == 0);
    CHECK(md.find("| a &lt;b>\\|\\*c\\*<br>d | intro |") != std::string::npos);
    CHECK(md.find("- **\\*\\*Ada\\*\\*** — host") != std::string::npos);
    CHECK(md.find("| x \\| y<br>z |") != std::string::npos);
    CHECK(md.find("<script>") == std::string::npos);
    // Every table row is one line that starts and ends with a pipe.
    bool inTable = false;
    for (const auto& line : linesOf(md)) {
        if (line.rfind("| # |", 0) == 0)
            inTable = true;
        else if (line.empty())
            inTable = false;
        if (inTable) CHECK(line.back() == '|');
    }
}

TEST_CASE("rundown CSV: a BOM and neutralized cells for files, none of the BOM for a terminal") {
    Show show = minimal();
    show.rundown[0].title = "=HYPERLINK(\"x\")";
    const std::string file = renderRundown(show, RundownFormat::Csv);
    CHECK(file.rfind(
              "\xEF\xBB\xBFindex,start,time,title,kind,duration,speakers,notes,id,fixed_start\r\n",
              0) == 0);
    CHECK(file.find(",\"'=HYPERLINK(\"\"x\"\")\",") != std::string::npos);
    const std::string terminal = renderRundown(show, RundownFormat::Csv, false);
    CHECK(terminal == file.substr(3));
}

TEST_CASE("markdown: cells and headings escape what Markdown would interpret") {
    CHECK(markdownCell("a<b|c*d\r\ne") == "a&lt;b\\|c\\*d<br>e");
    CHECK(markdownLine("Title\nsecond") == "Title second");
    CHECK(markdownCell("開場 Intro") == "開場 Intro");
    // Emphasis, code, links, character references and backslashes show as typed.
    CHECK(markdownCell("_u_ `x` [link](y)") == "\\_u\\_ \\`x\\` \\[link\\](y)");
    CHECK(markdownCell("&lt;b&gt; Q&A") == "&amp;lt;b&amp;gt; Q&A");
    CHECK(markdownCell("a\\|b") == "a\\\\\\|b");
}

TEST_CASE("display width: CJK and emoji take two columns, combining marks none") {
    CHECK(displayWidth("開場 Intro") == 10);
    CHECK(displayWidth("\xEF\xBC\x90\xEF\xBC\x95") == 4);      // ０５
    CHECK(displayWidth("\xF0\x9F\x8E\x99\xEF\xB8\x8F") == 2);  // 🎙️ (with U+FE0F)
    CHECK(displayWidth("e\xCC\x81") == 1);                     // e + combining acute
}
