// Tests for the insights of a session: a scripted show with known numbers gives exactly those
// numbers, and every figure in the HTML, Markdown and CSV agrees with the others.
#include <doctest/doctest.h>

#include <cstring>
#include <map>
#include <regex>
#include <sstream>

#include "core/clock.hpp"
#include "core/duration.hpp"
#include "core/text.hpp"
#include "io/csv.hpp"
#include "io/markdown.hpp"
#include "live/insights.hpp"
#include "live/insights_shared.hpp"
#include "live/session.hpp"
#include "test_insights_fixture.hpp"
#include "test_support.hpp"

using namespace pycast;
using namespace pycast::test;

TEST_CASE("Insights: time per segment, over/under and the missed hard out are the scripted ones") {
    InsightsFixture f;
    const SessionInsights s = f.insights();
    const TimeInsights& t = s.time;
    REQUIRE(t.segments.size() == 5);
    const std::int64_t actual[] = {330'000, 1'000'000, 240'000, 720'000, 300'000};
    const std::int64_t diff[] = {30'000, 100'000, -60'000, 120'000, 0};
    for (std::size_t i = 0; i < 5; ++i) {
        CAPTURE(i);
        CHECK(t.segments[i].actualMs == actual[i]);
        CHECK(t.segments[i].differenceMs == diff[i]);
    }
    CHECK(t.plannedTotalMs == 2'400'000);
    CHECK(t.actualTotalMs == 2'590'000);
    CHECK(t.differenceMs == 190'000);
    CHECK(t.ended);
    REQUIRE(t.hardOutTodMs);
    CHECK(*t.hardOutTodMs == (20 * 3600 + 5 * 60) * 1000LL);
    REQUIRE(t.hardOutMarginMs);
    CHECK(*t.hardOutMarginMs == -490'000);  // ended 20:13:10.6, hard out 20:05
    CHECK_FALSE(t.hardOutKept());
    CHECK(s.date == "2026-11-25");
    // The live session gives the same insights as its folder read back.
    const SessionInsights live = buildSessionInsights(*f.session, nullptr);
    CHECK(live.summaryEn == s.summaryEn);
    CHECK(renderInsightsMarkdown(live) == renderInsightsMarkdown(s));
}

TEST_CASE(
    "Insights: without a recording the balance is plan-based on actual times, and labelled so") {
    InsightsFixture f;
    const SessionInsights s = f.insights();
    const BalanceInsights& b = s.balance;
    CHECK(b.source == BalanceSource::PlanOnActualTimes);
    REQUIRE(b.speakers.size() == 4);
    CHECK(b.speakers[1].name == "Alice");
    CHECK(b.speakers[1].actualMs == 1'240'000);  // tech 1000 + a third of the panel's 720
    CHECK(b.speakers[1].actualPercent == doctest::Approx(52.8));
    CHECK(b.speakers[0].actualPercent == doctest::Approx(14.0));
    CHECK(b.speakers[2].actualPercent == doctest::Approx(23.0));
    CHECK(b.speakers[3].actualPercent == doctest::Approx(10.2));
    CHECK(b.guestsActualMs == 2'020'000);
    REQUIRE(b.companies.size() == 2);
    CHECK(b.companies[0].name == "Acme");
    CHECK(b.companies[0].actualMs == 1'480'000);
    CHECK(b.companies[0].actualPercent == doctest::Approx(73.3));
    CHECK(b.companies[0].plannedPercent == doctest::Approx(72.2));
    CHECK(b.companies[0].overLimit);
    CHECK(b.companies[1].actualPercent == doctest::Approx(26.7));
    CHECK_FALSE(b.companies[1].overLimit);
    CHECK(b.technicalActualMs == 1'000'000);
    CHECK(b.contentActualMs == 2'350'000);  // everything but the break
    CHECK(b.technicalActualPercent == doctest::Approx(42.6));
    CHECK(b.technicalPlannedPercent == doctest::Approx(42.9));
    CHECK(b.technicalOutside());
    CHECK(s.summaryEn.find("estimated from the plan on the actual segment times, not measured") !=
          std::string::npos);
    CHECK(s.summaryZh.find("依企劃按實際段落時間估算，非實測") != std::string::npos);
    CHECK(renderInsightsMarkdown(s).find("plan-based on actual segment times") !=
          std::string::npos);
}

TEST_CASE("Insights: with measured talk the balance is the recording's") {
    InsightsFixture f;
    const std::vector<TrackTalk> talk{{"p-host", "Host", 300'000},
                                      {"p-a", "Guest 1", 600'500},
                                      {"p-b", "Guest 2", 900'000},
                                      {"p-c", "Guest 3", 100'000}};
    const SessionInsights s = f.insights(&talk);
    const BalanceInsights& b = s.balance;
    CHECK(b.source == BalanceSource::Measured);
    REQUIRE(b.companies.size() == 2);
    CHECK(b.companies[0].name == "Beta");
    CHECK(b.companies[0].actualMs == 900'000);
    CHECK(b.companies[0].actualPercent == doctest::Approx(56.2));  // 900 / 1600.5
    CHECK(b.companies[0].overLimit);
    CHECK(b.companies[1].actualMs == 700'000);  // 600.5 + 100, shown
    CHECK(b.companies[1].actualPercent == doctest::Approx(43.8));
    CHECK(b.speakers[1].actualMs == 600'000);
    CHECK(s.summaryEn.find("Beta had 56.2% of the guests' airtime (measured from the recording") !=
          std::string::npos);
    // The technical share does not depend on the tracks.
    CHECK(b.technicalActualPercent == doctest::Approx(42.6));
}

TEST_CASE("Insights: the audience's questions, devices and the median wait") {
    InsightsFixture f;
    const AudienceInsights a = f.insights().audience;
    CHECK(a.questions.asked == 7);
    CHECK(a.questions.pending == 1);
    CHECK(a.questions.approved == 4);
    CHECK(a.questions.answered == 3);
    CHECK(a.questions.dismissed == 1);
    CHECK(a.questions.merged == 1);
    CHECK(a.answeredInShow == 3);
    CHECK(a.leftOver == 1);
    CHECK(a.devicesOpened == 10);
    CHECK(a.devicesAsked == 4);
    CHECK(a.devicesVoted == 8);  // 0003, 0004 on a question; 0001–0003, 0007–0010 in polls
    REQUIRE(a.medianWaitMs);
    CHECK(*a.medianWaitMs == 1'175'000);  // (400 + 1950) / 2: the show's own question is left out
    CHECK(a.waitedQuestions == 2);
    REQUIRE(a.topics.size() == 4);
    CHECK(a.topics[3].label == "(no topic)");
    CHECK(a.topics[3].asked == 2);  // q4 and q5
    CHECK(a.topics[0].label == "AI");
    CHECK(a.topics[0].asked == 3);  // q1, q5 and the show's own
    CHECK(a.topics[0].answered == 3);
}

TEST_CASE("Insights: poll results with shares and the winner, ties named together") {
    InsightsFixture f;
    const std::vector<PollInsight> polls = f.insights().audience.polls;
    REQUIRE(polls.size() == 2);
    const PollInsight& next = polls[0];
    CHECK(next.id == "poll-next");
    CHECK(next.question == "下次想聽什麼主題？");
    CHECK(next.state == "closed");
    CHECK(next.fromShow);
    CHECK(next.totalVotes == 5);
    REQUIRE(next.options.size() == 5);
    const int votes[] = {3, 1, 0, 1, 0};
    const double percent[] = {60.0, 20.0, 0.0, 20.0, 0.0};
    for (std::size_t i = 0; i < 5; ++i) {
        CAPTURE(i);
        CHECK(next.options[i].votes == votes[i]);
        CHECK(next.options[i].percent == doctest::Approx(percent[i]));
        CHECK(next.options[i].winner == (i == 0));
    }
    CHECK(next.winner == "AI");
    const PollInsight& live = polls[1];
    CHECK(live.question == "Format?");
    CHECK(live.state == "closed");  // still open at the end: it closed with the show
    CHECK_FALSE(live.fromShow);
    CHECK(live.totalVotes == 2);
    CHECK(live.winner == "Talk / Panel");
    CHECK(live.options[0].percent == doctest::Approx(50.0));
}

TEST_CASE("Insights: the summary paragraph says the figures in plain words, in both languages") {
    InsightsFixture f;
    const SessionInsights s = f.insights();
    CHECK(s.summaryEn.find("the show ran 03:10 over its 40:00 plan (43:10 on air) and missed the "
                           "20:05 hard out by 08:10.") != std::string::npos);
    CHECK(s.summaryEn.find("Acme had 73.3% of the guests' airtime") != std::string::npos);
    CHECK(s.summaryEn.find("over the 40.0% limit") != std::string::npos);
    CHECK(s.summaryEn.find("the median wait for an answer was 19:35") != std::string::npos);
    CHECK(s.summaryEn.find("10 devices opened the audience page, 4 asked and 8 voted.") !=
          std::string::npos);
    CHECK(
        s.summaryEn.find("In the poll \"下次想聽什麼主題？\", \"AI\" won with 60.0% of 5 votes.") !=
        std::string::npos);
    CHECK(
        s.summaryEn.find(
            "In the poll \"Format?\", \"Talk / Panel\" tied with 50.0% of 2 votes.") !=
        std::string::npos);
    CHECK(s.summaryZh.find("投票「下次想聽什麼主題？」由「AI」勝出，得票 60.0%（共 5 票）。") !=
          std::string::npos);
    CHECK(s.summaryZh.find("節目原訂 40:00，實際播出 43:10，超時 03:10") != std::string::npos);
    CHECK(s.summaryZh.find("超過最晚結束時間 20:05 共 08:10") != std::string::npos);
    CHECK(s.summaryZh.find("Acme 佔來賓發言時間 73.3%") != std::string::npos);
    // Deterministic.
    CHECK(f.insights().summaryEn == s.summaryEn);
}

namespace {

std::string unescapeHtml(std::string s) {
    const std::pair<const char*, const char*> refs[] = {
        {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}};
    for (const auto& [from, to] : refs) {
        std::string out;
        std::size_t at = 0;
        for (std::size_t hit; (hit = s.find(from, at)) != std::string::npos;
             at = hit + std::strlen(from))
            out += s.substr(at, hit - at) + to;
        s = out + s.substr(at);
    }
    return s;
}

// Every <tr> of the HTML as its cells' text (tags dropped, references undone).
std::vector<std::vector<std::string>> htmlRows(const std::string& html) {
    std::vector<std::vector<std::string>> rows;
    const std::regex tr("<tr[^>]*>([\\s\\S]*?)</tr>");
    const std::regex cell("<t[dh][^>]*>([\\s\\S]*?)</t[dh]>");
    const std::regex tag("<[^>]*>");
    for (std::sregex_iterator it(html.begin(), html.end(), tr), end; it != end; ++it) {
        std::vector<std::string> cells;
        const std::string body = (*it)[1];
        for (std::sregex_iterator c(body.begin(), body.end(), cell); c != end; ++c)
            cells.push_back(unescapeHtml(std::regex_replace(std::string((*c)[1]), tag, "")));
        rows.push_back(cells);
    }
    return rows;
}

// Every Markdown table row as its cells, bold marks dropped and escapes undone.
std::vector<std::vector<std::string>> markdownRows(const std::string& md) {
    std::vector<std::vector<std::string>> rows;
    std::istringstream in(md);
    for (std::string line; std::getline(in, line);) {
        if (line.size() < 2 || line[0] != '|') continue;
        std::vector<std::string> cells;
        std::string cell;
        for (std::size_t i = 1; i < line.size(); ++i) {
            if (line[i] == '\\' && i + 1 < line.size()) {
                cell += line[++i];
            } else if (line[i] == '|') {
                cells.push_back(cell);
                cell.clear();
            } else {
                cell += line[i];
            }
        }
        for (std::string& c : cells) {
            c = unescapeHtml(c);
            while (!c.empty() && c.front() == ' ') c.erase(0, 1);
            while (!c.empty() && c.back() == ' ') c.pop_back();
            if (c.size() > 4 && c.rfind("**", 0) == 0 && c.substr(c.size() - 2) == "**")
                c = c.substr(2, c.size() - 4);
        }
        rows.push_back(cells);
    }
    return rows;
}

const std::vector<std::string>* rowStarting(const std::vector<std::vector<std::string>>& rows,
                                            const std::vector<std::string>& first) {
    for (const auto& r : rows) {
        if (r.size() < first.size()) continue;
        bool match = true;
        for (std::size_t i = 0; i < first.size(); ++i) match = match && r[i] == first[i];
        if (match) return &r;
    }
    return nullptr;
}

// The first row starting with `first` after the row whose first cell is `header`.
const std::vector<std::string>* rowAfter(const std::vector<std::vector<std::string>>& rows,
                                         const std::string& header,
                                         const std::vector<std::string>& first) {
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (!rows[i].empty() && rows[i][0] == header) {
            const std::vector<std::vector<std::string>> rest(
                rows.begin() + static_cast<std::ptrdiff_t>(i) + 1, rows.end());
            const auto* hit = rowStarting(rest, first);
            if (!hit) return nullptr;
            for (std::size_t k = i + 1; k < rows.size(); ++k)
                if (rows[k] == *hit) return &rows[k];
        }
    return nullptr;
}

std::map<std::string, std::string> csvRecord(const CsvTable& t, const CsvRecord& r) {
    std::map<std::string, std::string> m;
    for (std::size_t i = 0; i < t.header.fields.size() && i < r.fields.size(); ++i)
        m[t.header.fields[i]] = r.fields[i];
    return m;
}

std::string dur(const std::string& seconds) { return formatDuration(std::stoll(seconds)); }
std::string sdur(const std::string& seconds) {
    const long long s = std::stoll(seconds);
    return s == 0 ? formatDuration(0) : (s > 0 ? "+" : "-") + formatDuration(s < 0 ? -s : s);
}

}  // namespace

TEST_CASE("Insights: every figure in the HTML, the Markdown and the CSV agrees") {
    InsightsFixture f;
    const std::vector<TrackTalk> talk{{"p-host", "Host", 300'000},
                                      {"p-a", "Guest 1", 600'500},
                                      {"p-b", "Guest 2", 900'000},
                                      {"p-c", "Guest 3", 100'000}};
    for (const std::vector<TrackTalk>* measured :
         {static_cast<const std::vector<TrackTalk>*>(nullptr), &talk}) {
        CAPTURE(measured != nullptr);
        const SessionInsights s = f.insights(measured);
        const auto html = htmlRows(renderInsightsHtml(s));
        const auto md = markdownRows(renderInsightsMarkdown(s));
        std::map<std::string, CsvTable> csv;
        for (const InsightsTable& t : renderInsightsCsv(s)) {
            CHECK(t.text.rfind(kUtf8Bom, 0) == 0);
            auto parsed = parseCsv(t.text);
            REQUIRE(parsed.ok());
            csv[t.fileName] = *parsed;
        }
        REQUIRE(csv.size() == 5);

        int checked = 0;
        for (const CsvRecord& r : csv["insights-time.csv"].records) {
            auto c = csvRecord(csv["insights-time.csv"], r);
            const bool total = c["section"] == "total";
            const std::vector<std::string> key =
                total ? std::vector<std::string>{"", "Total"}
                      : std::vector<std::string>{c["number"], c["title"]};
            const auto* h =
                rowStarting(html, total ? std::vector<std::string>{"", "Total 合計"} : key);
            const auto* m = rowStarting(md, key);
            REQUIRE_MESSAGE(h, c["title"]);
            REQUIRE_MESSAGE(m, c["title"]);
            // HTML: # | title | kind | planned | actual | difference; Markdown the same.
            for (const auto* row : {h, m}) {
                CHECK((*row)[3] == dur(c["planned_s"]));
                CHECK((*row)[4] == dur(c["actual_s"]));
                CHECK((*row)[5] == sdur(c["difference_s"]));
            }
            ++checked;
        }
        CHECK(checked == 6);

        checked = 0;
        for (const CsvRecord& r : csv["insights-airtime.csv"].records) {
            auto c = csvRecord(csv["insights-airtime.csv"], r);
            if (c["section"] == "technical") continue;
            const bool speaker = c["section"] == "speaker";
            const auto* h = rowAfter(html, speaker ? "Speaker 講者" : "Company 公司", {c["name"]});
            const auto* m = rowAfter(md, speaker ? "Speaker" : "Company", {c["name"]});
            REQUIRE_MESSAGE(h, c["name"]);
            REQUIRE_MESSAGE(m, c["name"]);
            // Speakers: name, company, role, planned, planned share, actual, actual share.
            // Companies: name, planned, planned share, actual, actual share.
            const std::size_t at = c["section"] == "speaker" ? 3 : 1;
            for (const auto* row : {h, m}) {
                CHECK((*row)[at] == dur(c["planned_s"]));
                CHECK((*row)[at + 1] == c["planned_percent"] + "%");
                CHECK((*row)[at + 2] == dur(c["actual_s"]));
                CHECK((*row)[at + 3] == c["actual_percent"] + "%");
            }
            ++checked;
        }
        CHECK(checked == 6);

        for (const CsvRecord& r : csv["insights-questions.csv"].records) {
            auto c = csvRecord(csv["insights-questions.csv"], r);
            const std::string section = c["section"];
            const std::string label = section == "total" ? "Total" : c["label"];
            const auto* h = rowAfter(html,
                                     section == "total"   ? "Questions 問題"
                                     : section == "topic" ? "Topic 主題"
                                                          : "For 提問對象",
                                     {section == "total" ? "Total 合計" : label});
            const auto* m = rowAfter(md,
                                     section == "total"   ? "Questions"
                                     : section == "topic" ? "Topic"
                                                          : "For",
                                     {label});
            REQUIRE_MESSAGE(h, label);
            REQUIRE_MESSAGE(m, label);
            std::size_t k = 1;
            for (const char* col :
                 {"asked", "pending", "approved", "answered", "dismissed", "merged"}) {
                CHECK((*h)[k] == c[col]);
                CHECK((*m)[k] == c[col]);
                ++k;
            }
        }

        for (const CsvRecord& r : csv["insights-polls.csv"].records) {
            auto c = csvRecord(csv["insights-polls.csv"], r);
            const auto* h = rowAfter(html, "Option 選項", {c["option"]});
            const auto* m = rowAfter(md, "Option", {c["option"]});
            REQUIRE_MESSAGE(h, c["option"]);
            REQUIRE_MESSAGE(m, c["option"]);
            for (const auto* row : {h, m}) {
                CHECK((*row)[1] == c["votes"]);
                CHECK((*row)[2] == c["percent"] + "%");
            }
        }

        // The summary table's figures, and the summary paragraphs as they are.
        std::map<std::string, std::string> facts;
        for (const CsvRecord& r : csv["insights-summary.csv"].records)
            facts[r.fields[0]] = r.fields[1];
        const std::string mdText = renderInsightsMarkdown(s);
        const std::string htmlText = renderInsightsHtml(s);
        CHECK(facts["summary_en"] == s.summaryEn);
        CHECK(mdText.find(markdownCell(s.summaryEn)) != std::string::npos);
        CHECK(htmlText.find(replaceAll(replaceAll(s.summaryEn, "'", "&#39;"), "\"", "&quot;")) !=
              std::string::npos);
        CHECK(mdText.find("Median wait from submission to answer: " +
                          dur(facts["median_wait_s"])) != std::string::npos);
        CHECK(rowStarting(html, {"Median wait from submission to answer 等候時間中位數",
                                 dur(facts["median_wait_s"])}));
        CHECK(rowStarting(html, {"Devices that asked 提問的裝置", facts["devices_asked"]}));
        CHECK(mdText.find("- Devices that asked: " + facts["devices_asked"] + "\n") !=
              std::string::npos);
        CHECK(mdText.find("Technical share: " + facts["technical_actual_percent"] + "%") !=
              std::string::npos);
        CHECK(htmlText.find("Technical share 技術占比: <strong>" +
                            facts["technical_actual_percent"] + "%") != std::string::npos);
    }
}

TEST_CASE(
    "Insights: text from people is escaped in the HTML and the Markdown, and CSV cells are safe") {
    InsightsFixture f;
    const SessionInsights s = f.insights();
    const std::string html = renderInsightsHtml(s);
    CHECK(html.find("Tech talk <AI>") == std::string::npos);
    CHECK(html.find("Tech talk &lt;AI&gt;") != std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("http://") == html.find("http://www.w3.org/2000/svg"));  // nothing fetched
    CHECK(html.find("<html lang=\"zh-Hant\">") != std::string::npos);
    CHECK(html.find("@media print") != std::string::npos);
    const std::string md = renderInsightsMarkdown(s);
    CHECK(md.find("Tech talk <AI>") == std::string::npos);
    // A poll added live carries the producer's words: escaped as every other text.
    SessionInsights hostile = s;
    hostile.audience.polls[1].question = "<img src=x onerror=alert(1)>";
    hostile.audience.polls[1].options[0].label = "</text><script>x</script>";
    const std::string page = renderInsightsHtml(hostile);
    CHECK(page.find("<img") == std::string::npos);
    CHECK(page.find("<script") == std::string::npos);
    CHECK(page.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
    CHECK(renderInsightsMarkdown(hostile).find("<img") == std::string::npos);
    for (const InsightsTable& t : renderInsightsCsv(s))
        CHECK(t.text.find(",=") == std::string::npos);
}

TEST_CASE("Insights: the page has a labelled SVG chart for each part") {
    InsightsFixture f;
    const std::string html = renderInsightsHtml(f.insights());
    for (const char* title :
         {"<title id=\"chart-time-t\">Planned vs actual per segment",
          "<title id=\"chart-companies-t\">Guests&#39; airtime per company vs plan",
          "<title id=\"chart-speakers-t\">Airtime per speaker",
          "<title id=\"chart-topics-t\">Questions per topic",
          "<title id=\"chart-poll-1-t\">Poll 投票: 下次想聽什麼主題？",
          "<title id=\"chart-poll-2-t\">Poll 投票: Format?"})
        CHECK_MESSAGE(html.find(title) != std::string::npos, title);
    CHECK(html.find("class=\"limit\"") != std::string::npos);  // the company limit line
    CHECK(html.find("limit 上限 40.0%") != std::string::npos);
    CHECK(html.find("minutes:seconds") != std::string::npos);  // an axis label
}

TEST_CASE("Insights: the files are written in the folder, each one whole") {
    InsightsFixture f;
    const SessionInsights s = f.insights();
    TempDir out;
    auto written = writeInsightsFiles(out / "new" / "folder", s);
    REQUIRE_MESSAGE(written.ok(), written.error().message());
    CHECK(written->size() == 7);
    for (const char* name :
         {"insights.html", "insights.md", "insights-time.csv", "insights-airtime.csv",
          "insights-questions.csv", "insights-polls.csv", "insights-summary.csv"})
        CHECK_MESSAGE(std::filesystem::exists(out / "new" / "folder" / name), name);
    CHECK(readFile(out / "new" / "folder" / "insights.md") == renderInsightsMarkdown(s));
}

TEST_CASE("Insights: a folder that is no session is an error that names it") {
    TempDir tmp;
    std::filesystem::create_directories(tmp / "empty");
    auto r = loadSessionInsights(tmp / "empty");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message().find("empty") != std::string::npos);
}

TEST_CASE("Insights: a session that never started says so instead of an underrun") {
    TempDir tmp;
    ManualClock clock{0};
    ManualWallClock wall{kInsightsWallStart, 8 * 60};
    auto created = Session::createAt(insightsShow(), tmp / "s", {&clock, &wall, {}});
    REQUIRE(created.ok());
    auto snap = loadSessionSnapshot(tmp / "s");
    REQUIRE(snap.ok());
    const SessionInsights s = buildSessionInsights(*snap, nullptr);
    CHECK_FALSE(s.time.started);
    CHECK_FALSE(s.time.hardOutMarginMs);
    CHECK(s.summaryEn.find("the show never went on air in this session (40:00 planned, hard out "
                           "20:05); 0 devices opened the audience page, 0 asked and 0 voted.") !=
          std::string::npos);
    CHECK(s.summaryEn.find("under") == std::string::npos);
    CHECK(s.summaryZh.find(
              "本場次節目未曾開播（原訂 40:00，最晚結束時間 20:05）；0 個裝置開啟了觀眾頁面") !=
          std::string::npos);
    CHECK(s.balance.technicalActualPercent == 0);
    CHECK(renderInsightsMarkdown(s).find("Technical share: none (no content time on air).") !=
          std::string::npos);
}

TEST_CASE("Insights: an interrupted session is reported as of its last event, and says so") {
    TempDir tmp;
    ManualClock clock{0};
    ManualWallClock wall{kInsightsWallStart, 8 * 60};
    auto created = Session::createAt(insightsShow(), tmp / "s", {&clock, &wall, {}});
    REQUIRE(created.ok());
    REQUIRE((*created)->perform(LiveRequest(LiveCommand::Start)).ok);
    clock.set(400'000);
    wall.set(kInsightsWallStart + 400'000);
    REQUIRE((*created)->perform(LiveRequest(LiveCommand::Next)).ok);  // then the app died
    auto snap = loadSessionSnapshot(tmp / "s");
    REQUIRE(snap.ok());
    const SessionInsights s = buildSessionInsights(*snap, nullptr);
    CHECK(s.time.started);
    CHECK_FALSE(s.time.ended);
    CHECK(s.time.segments[0].actualMs == 400'000);
    CHECK(s.summaryEn.find("the session did not end; as of its last event the show") !=
          std::string::npos);
    CHECK(s.summaryZh.find("場次未正常結束") != std::string::npos);
    CHECK(renderInsightsMarkdown(s).find("**The session did not end**") != std::string::npos);
    CHECK(renderInsightsHtml(s).find("The session did not end (interrupted)") != std::string::npos);
}

// --- Review fixes (issue 11 review) -----------------------------------------------------------

namespace {

std::string csvOf(const SessionInsights& s, const std::string& name) {
    for (const InsightsTable& t : renderInsightsCsv(s))
        if (t.fileName == name) return t.text;
    return {};
}

std::string lineWith(const std::string& text, const std::string& needle) {
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (line.find(needle) != std::string::npos) return line;
    return {};
}

// A session of insightsShow() driven by the given steps at the given times (no End unless asked).
struct ScriptedSession {
    TempDir tmp;
    ManualClock clock{0};
    ManualWallClock wall{kInsightsWallStart, 8 * 60};
    std::unique_ptr<Session> session;
    explicit ScriptedSession(Show show = insightsShow(),
                             std::int64_t wallStart = kInsightsWallStart) {
        wall.set(wallStart);
        auto created = Session::createAt(show, tmp / "s", {&clock, &wall, {}});
        REQUIRE_MESSAGE(created.ok(), created.error().message());
        session = std::move(*created);
    }
    void at(std::int64_t ms, LiveRequest r) {
        clock.set(ms);
        wall.set(kInsightsWallStart + ms);
        const SessionActionResult done = session->perform(std::move(r));
        REQUIRE_MESSAGE(done.ok, done.error.message());
    }
    SessionInsights insights(const std::vector<TrackTalk>* measured = nullptr) const {
        auto snap = loadSessionSnapshot(session->dir());
        REQUIRE_MESSAGE(snap.ok(), snap.error().message());
        return buildSessionInsights(*snap, measured);
    }
};

}  // namespace

TEST_CASE("Insights fix: insights-time.csv says yes/no in its technical column per segment") {
    InsightsFixture f;
    const std::string csv = csvOf(f.insights(), "insights-time.csv");
    CHECK(lineWith(csv, "s-tech").find(",tech,yes,") != std::string::npos);
    for (const char* id : {"s-intro", "s-break", "s-panel", "s-qa"}) {
        CAPTURE(id);
        CHECK(lineWith(csv, id).find(",no,") != std::string::npos);
    }
}

TEST_CASE("Insights fix: companies tied for the top are all named, in the cards and summaries") {
    InsightsFixture f;
    // Acme (Alice + Chen) and Beta (Bob) each talked 8:20.
    const std::vector<TrackTalk> talk{{"p-host", "Host", 300'000},
                                      {"p-a", "Guest 1", 400'000},
                                      {"p-b", "Guest 2", 500'000},
                                      {"p-c", "Guest 3", 100'000}};
    const SessionInsights s = f.insights(&talk);
    REQUIRE(s.balance.topCompanies().size() == 2);
    const std::string names = s.balance.topCompanyNames();
    CHECK((names == "Acme / Beta" || names == "Beta / Acme"));
    CHECK(s.summaryEn.find(names + " tied at 50.0% each of the guests' airtime") !=
          std::string::npos);
    CHECK(s.summaryZh.find(names + " 並列最高，各佔來賓發言時間 50.0%") != std::string::npos);
    CHECK(renderInsightsHtml(s).find(names + " (tied 並列)") != std::string::npos);
    CHECK(lineWith(csvOf(s, "insights-summary.csv"), "top_company,") ==
          "top_company," + names + "\r");
    // A single leader is still named alone.
    const SessionInsights one = f.insights();
    CHECK(one.balance.topCompanyNames() == "Acme");
}

TEST_CASE("Insights fix: a session that never went on air claims no shares, limits or leftovers") {
    ScriptedSession x;
    x.at(1000, LiveRequest(LiveCommand::AudienceVisit).withDevice("device-0001"));
    const SessionInsights s = x.insights();
    REQUIRE_FALSE(s.time.started);
    CHECK(s.summaryEn.find("the show never went on air in this session (40:00 planned, hard out "
                           "20:05); 1 device opened the audience page, 0 asked and 0 voted.") !=
          std::string::npos);
    CHECK(s.summaryZh.find("本場次節目未曾開播（原訂 40:00，最晚結束時間 20:05）；1 "
                           "個裝置開啟了觀眾頁面") != std::string::npos);
    for (const std::string& summary : {s.summaryEn, s.summaryZh}) {
        CAPTURE(summary);
        CHECK(summary.find('%') == std::string::npos);
        CHECK(summary.find("limit") == std::string::npos);
        CHECK(summary.find("上限") == std::string::npos);
        CHECK(summary.find("left over") == std::string::npos);
        CHECK(summary.find("未回答") == std::string::npos);
        CHECK(summary.find("under") == std::string::npos);
    }
    const std::string html = renderInsightsHtml(s);
    CHECK(html.find("not run 未開播") != std::string::npos);
    CHECK(html.find("-40:00") == std::string::npos);
    CHECK(html.find(">under<") == std::string::npos);
    CHECK(html.find("under ·") == std::string::npos);
    CHECK(html.find("planned 原訂 · not run") != std::string::npos);  // the hard out, as planned
    CHECK(html.find("none 未設定") == std::string::npos);
    const std::string md = renderInsightsMarkdown(s);
    CHECK(md.find("difference: not run") != std::string::npos);
    CHECK(md.find("Hard out: planned 20:05 (not run)") != std::string::npos);
    CHECK(md.find("within the limit") == std::string::npos);
    CHECK(md.find("| 1 | Intro | intro | 05:00 | 00:00 | – | not run |") != std::string::npos);
    CHECK(md.find("did not end") == std::string::npos);
    CHECK(html.find("did not end") == std::string::npos);
    CHECK(lineWith(csvOf(s, "insights-time.csv"), "s-intro").find(",300,0,,not run") !=
          std::string::npos);
    const std::string sum = csvOf(s, "insights-summary.csv");
    CHECK(lineWith(sum, "over_under,") == "over_under,not run\r");
    CHECK(lineWith(sum, "hard_out_planned,") == "hard_out_planned,20:05\r");
    CHECK(lineWith(sum, "top_company,") == "top_company,\r");
}

TEST_CASE("Insights fix: a session where no guest spoke claims no company share") {
    ScriptedSession x;
    x.at(0, LiveRequest(LiveCommand::Start));
    x.at(200'000, LiveRequest(LiveCommand::End));  // ended during the intro (the host's)
    const SessionInsights s = x.insights();
    CHECK(s.summaryEn.find("No guest spoke, so no company had a share of the guests' airtime.") !=
          std::string::npos);
    CHECK(s.summaryEn.find("0.0% of the guests' airtime") == std::string::npos);
    CHECK(s.summaryZh.find("沒有來賓發言，因此沒有公司發言占比。") != std::string::npos);
    CHECK(renderInsightsHtml(s).find("no guest spoke") != std::string::npos);
}

TEST_CASE("Insights fix: polls never opened are no results and are left out everywhere") {
    Show show = insightsShow();
    Poll sponsor;
    sponsor.id = "poll-sponsor";
    sponsor.question = "Which sponsor?";
    sponsor.options = {"Acme", "Beta"};
    show.polls.push_back(sponsor);
    TempDir tmp;
    InsightsFixture f(tmp / "s", show);
    const SessionInsights s = f.insights();
    REQUIRE(s.audience.polls.size() == 2);
    for (const PollInsight& p : s.audience.polls) CHECK(p.id != "poll-sponsor");
    CHECK(renderInsightsHtml(s).find("Which sponsor?") == std::string::npos);
    CHECK(renderInsightsMarkdown(s).find("Which sponsor?") == std::string::npos);
    for (const InsightsTable& t : renderInsightsCsv(s)) {
        CAPTURE(t.fileName);
        CHECK(t.text.find("Which sponsor?") == std::string::npos);
        CHECK(t.text.find("draft") == std::string::npos);
    }
    CHECK(lineWith(csvOf(s, "insights-summary.csv"), "polls,") == "polls,2\r");
}

TEST_CASE("Insights fix: a device that voted or asked opened the page, visit recorded or not") {
    ScriptedSession x;
    x.at(0, LiveRequest(LiveCommand::Start));
    x.at(1000, LiveRequest(LiveCommand::AudienceVisit).withDevice("device-0001"));
    x.at(2000, LiveRequest(LiveCommand::PollOpen).withId("poll-next"));
    x.at(3000, LiveRequest(LiveCommand::PollVote)
                   .withId("poll-next")
                   .withDevice("device-0002")
                   .withOption("AI"));
    x.at(4000, InsightsFixture::web("No visit recorded", "device-0003"));
    x.at(5000, LiveRequest(LiveCommand::PollVote)
                   .withId("poll-next")
                   .withDevice("device-0001")
                   .withOption("Web"));
    const AudienceInsights a = x.insights().audience;
    CHECK(a.devicesVoted == 2);
    CHECK(a.devicesAsked == 1);
    CHECK(a.devicesOpened == 3);
}

TEST_CASE("Insights fix: a moved hard out names the show's own, an interrupted one is not known") {
    // Started 3 h late (past the runner's 2 h threshold): the 20:05 hard out moves to 23:05.
    InsightsFixture late({}, insightsShow(), kInsightsWallStart + 3 * 3600 * 1000LL);
    const SessionInsights s = late.insights();
    REQUIRE(s.time.hardOutTodMs);
    REQUIRE(s.time.plannedHardOutTodMs);
    CHECK(*s.time.plannedHardOutTodMs == (20 * 3600 + 5 * 60) * 1000LL);
    CHECK(s.time.hardOutMoved());
    CHECK(s.summaryEn.find("hard out (20:05 in the show, moved with the late start)") !=
          std::string::npos);
    CHECK(s.summaryZh.find("23:05（節目原訂 20:05，隨延後開始而調整）共 08:10") !=
          std::string::npos);
    CHECK(renderInsightsMarkdown(s).find("20:05 in the show, moved with the late start") !=
          std::string::npos);
    CHECK(renderInsightsHtml(s).find("20:05 in the show, moved with the late start") !=
          std::string::npos);
    CHECK(lineWith(csvOf(s, "insights-summary.csv"), "hard_out_planned,") ==
          "hard_out_planned,20:05\r");

    ScriptedSession x;
    x.at(0, LiveRequest(LiveCommand::Start));
    x.at(400'000, LiveRequest(LiveCommand::Next));  // then the app died
    const SessionInsights cut = x.insights();
    CHECK_FALSE(cut.time.hardOutMarginMs);
    CHECK(cut.summaryEn.find("the 20:05 hard out is not known: the session did not end") !=
          std::string::npos);
    CHECK(cut.summaryEn.find("kept") == std::string::npos);
    CHECK(cut.summaryZh.find("是否守住無法得知：場次未結束") != std::string::npos);
    CHECK(renderInsightsMarkdown(cut).find("Hard out: not known: the session did not end") !=
          std::string::npos);
    CHECK(lineWith(csvOf(cut, "insights-summary.csv"), "hard_out_kept,") == "hard_out_kept,\r");
}

TEST_CASE("Insights fix: a long chart title wraps, and the limit line never crosses a figure") {
    using namespace insights_detail;
    std::string title = "Poll 投票: What should the next meetup cover, given everything so far? ";
    for (int i = 0; i < 60; ++i) title += "問";
    const std::vector<ChartGroup> groups{{"Acme", {10.0}, {"10.0% (00:03)"}, {""}},
                                         {"Beta", {60.0}, {"60.0% (00:20)"}, {""}}};
    const ChartLimit limit{40.0, "limit 40.0%"};
    const std::string svg = barChartSvg("c", title, "share", ChartUnit::Percent,
                                        {{"Actual", "actual"}}, groups, &limit);
    std::regex titleLine("<text class=\"ctitle\"[^>]*>([^<]*)</text>");
    int lines = 0;
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), titleLine);
         it != std::sregex_iterator(); ++it) {
        ++lines;
        int units = 0;
        const std::string text = (*it)[1];
        for (std::size_t i = 0; i < text.size();) {
            const auto c = static_cast<unsigned char>(text[i]);
            const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            units += len >= 3 ? 2 : 1;
            i += len;
        }
        CHECK(units <= 86);
    }
    CHECK(lines >= 3);
    std::smatch m;
    REQUIRE(std::regex_search(svg, m,
                              std::regex("<line class=\"limit\" x1=\"([0-9.]+)\" y1=\"[0-9]+\" "
                                         "x2=\"[0-9.]+\" y2=\"[0-9]+\"/>\n</svg>")));
    const double limitX = std::stod(m[1]);
    std::regex value("<text class=\"value\" x=\"([0-9.]+)\"");
    int values = 0;
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), value);
         it != std::sregex_iterator(); ++it) {
        ++values;
        CHECK(std::stod((*it)[1]) > limitX);
    }
    CHECK(values == 2);
}

TEST_CASE("Insights fix: each section, figure and poll stays on one printed page") {
    InsightsFixture f;
    const std::string html = renderInsightsHtml(f.insights());
    CHECK(html.find("section, figure, .poll, table, .facts { break-inside: avoid;") !=
          std::string::npos);
    CHECK(html.find("<div class=\"poll\">\n<h3>下次想聽什麼主題？</h3>") != std::string::npos);
}
