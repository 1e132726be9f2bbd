// Tests for the insights across a series and for `pycast insights`: three sessions, one damaged,
// give the two good ones and name the third; each company's airtime so far.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <set>

#include "live/insights.hpp"
#include "test_insights_fixture.hpp"
#include "test_support.hpp"

using namespace pycast;
using namespace pycast::test;

namespace {

constexpr std::int64_t kWeekMs = 7LL * 24 * 3600 * 1000;

// EP4 a week later: the same rundown, but Alice now speaks for Beta and Bob for Acme.
Show episode4() {
    Show show = insightsShow("進階之夜", 4);
    show.meta.date = "2026-12-02";
    for (Person& p : show.people) {
        if (p.id == "p-a") p.company = "Beta";
        if (p.id == "p-b") p.company = "Acme";
    }
    return show;
}

// SESSIONS/2026-11-25-ep3 and 2026-12-02-ep4 scripted, 2026-12-09-ep5 damaged (its show.json
// is not JSON).
struct ThreeSessions {
    TempDir tmp;
    std::filesystem::path root = tmp / "sessions";
    std::unique_ptr<InsightsFixture> ep3;
    std::unique_ptr<InsightsFixture> ep4;
    ThreeSessions() {
        ep3 = std::make_unique<InsightsFixture>(root / "2026-11-25-ep3");
        ep4 = std::make_unique<InsightsFixture>(root / "2026-12-02-ep4", episode4(),
                                                kInsightsWallStart + kWeekMs);
        const auto bad = root / "2026-12-09-ep5";
        std::filesystem::create_directories(bad);
        std::ofstream(bad / "show.json") << "{oops";
        std::ofstream(bad / "journal.jsonl") << "{\"type\":\"start\"}\n";
    }
};

}  // namespace

TEST_CASE("Insights series: companies' airtime so far, ranked, with each session's share") {
    ThreeSessions three;
    std::vector<SessionInsights> read{three.ep4->insights(),
                                      three.ep3->insights()};  // out of order
    const SeriesInsights s =
        buildSeriesInsights(std::move(read), {{three.root / "2026-12-09-ep5", "damaged"}});
    REQUIRE(s.sessions.size() == 2);
    CHECK(s.sessions[0].date == "2026-11-25");
    CHECK(s.sessions[1].date == "2026-12-02");
    CHECK(s.guestsActualMs == 4'040'000);
    REQUIRE(s.companies.size() == 2);
    // EP3: Acme = Alice 20:40 + Chen 4:00, Beta = Bob 9:00; EP4: Acme = Bob + Chen, Beta = Alice.
    CHECK(s.companies[0].name == "Acme");
    CHECK(s.companies[0].rank == 1);
    CHECK(s.companies[0].actualMs == 2'260'000);
    CHECK(s.companies[0].percent == doctest::Approx(55.9));
    REQUIRE(s.companies[0].sessionPercent.size() == 2);
    CHECK(*s.companies[0].sessionPercent[0] == doctest::Approx(73.3));
    CHECK(*s.companies[0].sessionPercent[1] == doctest::Approx(38.6));  // 780 / 2020
    CHECK(s.companies[1].name == "Beta");
    CHECK(s.companies[1].rank == 2);
    CHECK(s.companies[1].percent == doctest::Approx(44.1));
    CHECK(s.summaryEn.find(
              "Acme has had the most guests' airtime so far: 37:40, 55.9% of the series") !=
          std::string::npos);
    CHECK(s.summaryEn.find("Not included (cannot be read): 2026-12-09-ep5.") != std::string::npos);
    CHECK(s.summaryZh.find("目前來賓發言時間最多的公司是 Acme") != std::string::npos);
    const std::string md = renderSeriesMarkdown(s);
    CHECK(md.find("| 1 | Acme | 37:40 | 55.9% | 73.3% | 38.6% |") != std::string::npos);
    const std::string html = renderSeriesHtml(s);
    CHECK(html.find("Who has had the most airtime so far") != std::string::npos);
    CHECK(html.find("<a href=\"2026-11-25-ep3/insights.html\">PyCast EP3: 社群之夜</a>") !=
          std::string::npos);
    CHECK(seriesSessionFolders(s) == std::vector<std::string>{"2026-11-25-ep3", "2026-12-02-ep4"});
    CHECK(html.find("2026-12-09-ep5") != std::string::npos);
    CHECK(html.find("damaged") != std::string::npos);  // the reason, in the list
}

TEST_CASE(
    "pycast insights: a folder of three sessions, one damaged, reports the two and names the "
    "third") {
    ThreeSessions three;
    const auto out = three.tmp / "out";
    const CommandResult r =
        runCli("insights --out '" + out.string() + "' '" + three.root.string() + "'");
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("2026-12-09-ep5") != std::string::npos);
    for (const char* f : {"series.html", "series.md", "series-episodes.csv", "series-companies.csv",
                          "series-audience.csv", "series-polls.csv", "series-failures.csv",
                          "2026-11-25-ep3/insights.html", "2026-12-02-ep4/insights.md",
                          "2026-12-02-ep4/insights-summary.csv"})
        CHECK_MESSAGE(std::filesystem::exists(out / f), f);
    CHECK_FALSE(std::filesystem::exists(out / "2026-12-09-ep5"));
    const std::string md = readFile(out / "series.md");
    CHECK(md.find("PyCast EP3: 社群之夜") != std::string::npos);
    CHECK(md.find("PyCast EP4: 進階之夜") != std::string::npos);
    CHECK(md.find("2026-12-09-ep5") != std::string::npos);
    const std::string failures = readFile(out / "series-failures.csv");
    CHECK(failures.find("2026-12-09-ep5") != std::string::npos);
    CHECK(r.out.find("wrote " + (out / "series.html").string()) != std::string::npos);
    CHECK(r.out.find("Acme has had the most guests' airtime so far") != std::string::npos);
}

TEST_CASE("pycast insights: one session writes its report and prints the summary") {
    InsightsFixture f;
    TempDir tmp;
    const CommandResult r = runCli("insights --out '" + (tmp / "out").string() + "' '" +
                                   f.session->dir().string() + "'");
    CHECK(r.exitCode == 0);
    CHECK(r.err.empty());
    CHECK(r.out.find("wrote " + (tmp / "out" / "insights.html").string()) != std::string::npos);
    CHECK(r.out.find("missed the 20:05 hard out by 08:10") != std::string::npos);
    CHECK(r.out.find("超過最晚結束時間 20:05 共 08:10") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(tmp / "out" / "series.html"));
}

TEST_CASE("pycast insights: usage errors exit 2, a missing session exits 1 and is named") {
    TempDir tmp;
    CHECK(runCli("insights").exitCode == 2);
    CHECK(runCli("insights '" + tmp.path().string() + "'").exitCode == 2);  // no --out
    CHECK(runCli("insights --out x --bogus y").exitCode == 2);
    CHECK(runCli("insights --out").exitCode == 2);
    const CommandResult help = runCli("insights --help");
    CHECK(help.exitCode == 0);
    CHECK(help.out.find("--out DIR") != std::string::npos);
    InsightsFixture f;
    const std::string dir = "'" + f.session->dir().string() + "'";
    const CommandResult into = runCli("insights --out " + dir + " " + dir);
    CHECK(into.exitCode == 2);
    CHECK(into.err.find("is a session folder") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(f.session->dir() / "insights.html"));
    const CommandResult missing =
        runCli("insights --out '" + (tmp / "o").string() + "' '" + (tmp / "nope").string() + "'");
    CHECK(missing.exitCode == 1);
    CHECK(missing.err.find("nope") != std::string::npos);
}

namespace {

std::string seriesCsv(const SeriesInsights& s, const std::string& name) {
    for (const InsightsTable& t : renderSeriesCsv(s))
        if (t.fileName == name) return t.text;
    return {};
}

std::vector<std::string> csvLines(const std::string& text) {
    std::vector<std::string> out;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t end = text.find("\r\n", at);
        out.push_back(text.substr(at, end == std::string::npos ? std::string::npos : end - at));
        if (end == std::string::npos) break;
        at = end + 2;
    }
    return out;
}

std::vector<std::string> cellsOf(const std::string& line) {
    std::vector<std::string> out(1);
    bool quoted = false;
    for (char c : line) {
        if (c == '"')
            quoted = !quoted;
        else if (c == ',' && !quoted)
            out.emplace_back();
        else
            out.back() += c;
    }
    return out;
}

// A session's insights with only its companies' airtime (seconds each, all guests').
SessionInsights withCompanies(const std::string& folder, const std::string& date,
                              std::vector<std::pair<std::string, std::int64_t>> companies) {
    SessionInsights x;
    x.dir = folder;
    x.series = "PyCast";
    x.title = "Ties";
    x.episode = 7;
    x.date = date;
    x.time.started = x.time.ended = true;
    for (const auto& [name, s] : companies) x.balance.guestsActualMs += s * 1000;
    for (const auto& [name, s] : companies) {
        AirtimeInsightRow r;
        r.key = r.name = name;
        r.actualMs = s * 1000;
        r.actualPercent = roundPercent(100.0 * static_cast<double>(s * 1000) /
                                       static_cast<double>(x.balance.guestsActualMs));
        x.balance.companies.push_back(r);
    }
    return x;
}

}  // namespace

TEST_CASE("Insights series fix: sessions of the same day and episode are told apart") {
    TempDir tmp;
    InsightsFixture a(tmp / "one" / "ep1");
    InsightsFixture b(tmp / "two" / "ep1");
    InsightsFixture c(tmp / "one" / "ep1-again");
    std::vector<SessionInsights> read;
    for (InsightsFixture* f : {&a, &b, &c}) read.push_back(f->insights());
    const SeriesInsights s = buildSeriesInsights(std::move(read), {});
    const std::vector<std::string> folders = seriesSessionFolders(s);
    REQUIRE(folders.size() == 3);
    for (bool longForm : {false, true}) {
        const std::vector<std::string> labels = seriesSessionLabels(s, longForm);
        CHECK(std::set<std::string>(labels.begin(), labels.end()).size() == 3);
        for (std::size_t i = 0; i < 3; ++i)
            CHECK(labels[i].find("(" + folders[i] + ")") != std::string::npos);
    }
    // series-companies.csv: one column per session, each heading its own.
    const std::vector<std::string> head =
        cellsOf(csvLines(seriesCsv(s, "series-companies.csv"))[0]);
    CHECK(std::set<std::string>(head.begin(), head.end()).size() == head.size());
    // series-episodes.csv names the output subfolder: ep1 and ep1-2 differ.
    std::set<std::string> episodeFolders;
    for (const std::string& line : csvLines(seriesCsv(s, "series-episodes.csv")))
        if (!line.empty() && line.find("folder") == std::string::npos)
            episodeFolders.insert(cellsOf(line).at(2));
    CHECK(episodeFolders == std::set<std::string>{"ep1", "ep1-2", "ep1-again"});
    // series-audience.csv and series-polls.csv have the folder column.
    for (const char* name : {"series-audience.csv", "series-polls.csv"}) {
        CAPTURE(name);
        const std::vector<std::string> lines = csvLines(seriesCsv(s, name));
        REQUIRE(lines.size() >= 4);
        CHECK(cellsOf(lines[0]).at(2) == "folder");
        std::set<std::string> seen;
        for (std::size_t i = 1; i < lines.size(); ++i)
            if (!lines[i].empty()) seen.insert(cellsOf(lines[i]).at(2));
        CHECK(seen == std::set<std::string>{"ep1", "ep1-2", "ep1-again"});
    }
    CHECK(renderSeriesMarkdown(s).find("(ep1-2)") != std::string::npos);
    CHECK(renderSeriesHtml(s).find("(ep1-2)") != std::string::npos);
}

TEST_CASE("Insights series fix: tied leaders are named in the ranking, the summaries and the CSV") {
    std::vector<SessionInsights> in;
    in.push_back(withCompanies("a", "2026-11-25", {{"Acme", 60}, {"Beta", 60}, {"Gamma", 30}}));
    in.push_back(withCompanies("b", "2026-12-02", {{"Acme", 40}, {"Beta", 40}, {"Gamma", 10}}));
    const SeriesInsights s = buildSeriesInsights(std::move(in), {});
    REQUIRE(s.companies.size() == 3);
    CHECK(s.companies[0].rank == 1);
    CHECK(s.companies[1].rank == 1);
    CHECK(s.companies[2].rank == 3);
    CHECK(
        s.summaryEn.find("Acme / Beta are tied for the most guests' airtime so far: 01:40 each") !=
        std::string::npos);
    CHECK(s.summaryEn.find("(then Gamma, 16.7%)") != std::string::npos);
    CHECK(s.summaryZh.find("目前來賓發言時間並列最多的公司是 Acme / Beta") != std::string::npos);
    const std::vector<std::string> lines = csvLines(seriesCsv(s, "series-episodes.csv"));
    const std::vector<std::string> head = cellsOf(lines.at(0));
    const auto col =
        static_cast<std::size_t>(std::find(head.begin(), head.end(), "top_company") - head.begin());
    REQUIRE(col < head.size());
    CHECK(cellsOf(lines.at(1)).at(col) == "Acme / Beta");
    CHECK(cellsOf(lines.at(2)).at(col) == "Acme / Beta");
}

TEST_CASE("pycast insights fix: a write failure prints the error, not the summary") {
    InsightsFixture f;
    TempDir tmp;
    std::ofstream(tmp / "afile.txt") << "not a folder";
    const CommandResult r = runCli("insights --out '" + (tmp / "afile.txt").string() + "' '" +
                                   f.session->dir().string() + "'");
    CHECK(r.exitCode == 1);
    CHECK(r.err.find("cannot create the folder") != std::string::npos);
    CHECK(r.out.find("hard out") == std::string::npos);
    CHECK(r.out.find("最晚結束時間") == std::string::npos);
    CHECK(r.out.empty());
}
