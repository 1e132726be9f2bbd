// Tests for the planned-vs-actual report: a scripted session, Markdown, CSV and the CLI entry.
#include <doctest/doctest.h>

#include <sstream>

#include "core/clock.hpp"
#include "core/rundown.hpp"
#include "live/report.hpp"
#include "live/session.hpp"
#include "test_support.hpp"

using namespace pycast;
using pycast::test::readFile;
using pycast::test::TempDir;

namespace {

constexpr std::int64_t kWallStart = 1'795'606'200'000;   // 19:30 in Taipei
constexpr int kTaipei = 8 * 60;

Person person(const std::string& id, const std::string& name, Role role,
              const std::string& company) {
    Person p;
    p.id = id;
    p.name = name;
    p.role = role;
    p.company = company;
    return p;
}

Segment segment(const std::string& id, const std::string& title, SegmentKind kind,
                Seconds planned, std::vector<std::string> speakers) {
    Segment s;
    s.id = id;
    s.title = title;
    s.kind = kind;
    s.planned = planned;
    s.speakers = std::move(speakers);
    return s;
}

Show scriptedShow() {
    Show show;
    show.meta.series = "PyCast";
    show.meta.episode = 12;
    show.meta.title = "Typing";
    show.meta.date = "2026-11-25";
    show.people = {person("p-host", "Host", Role::Host, "PyCon Taiwan"),
                   person("p-guest", "Guest A", Role::Guest, "Acme, Inc."),
                   person("p-guest2", "Guest B", Role::Guest, "Beta|Corp"),
                   person("p-mod", "Moderator", Role::Moderator, "PyCon Taiwan")};
    show.rundown = {
        segment("s-intro", "Intro", SegmentKind::Intro, 300, {"p-host"}),
        segment("s-talk", "Talk, with \"quotes\"", SegmentKind::Tech, 900,
                {"p-guest", "p-guest2"}),
        segment("s-panel", "Panel | all", SegmentKind::Panel, 600,
                {"p-host", "p-guest", "p-guest2"}),
        segment("s-qa", "Q&A", SegmentKind::Qa, 600, {"p-mod", "p-guest"}),
        segment("s-outro", "Outro", SegmentKind::Outro, 120, {"p-host"}),
    };
    return show;
}

bool has(const std::string& text, const std::string& needle) {
    return text.find(needle) != std::string::npos;
}

// Intro 30 s over, talk a minute short, panel on time with a minute's hold, Q&A extended by
// a minute and 50 s over its plan, the outro skipped by ending early.
void runScript(Session& s, ManualClock& clock, ManualWallClock& wall, bool finish) {
    auto at = [&](std::int64_t ms) {
        clock.set(ms);
        wall.set(kWallStart + ms);
    };
    REQUIRE(s.perform(LiveRequest(LiveCommand::Start)));
    at(330'000);
    REQUIRE(s.perform(LiveRequest(LiveCommand::Next)));
    at(1'170'000);
    REQUIRE(s.perform(LiveRequest(LiveCommand::Next)));
    at(1'470'000);
    REQUIRE(s.perform(LiveRequest(LiveCommand::Hold)));
    at(1'530'000);
    REQUIRE(s.perform(LiveRequest(LiveCommand::Resume)));
    at(1'830'000);
    REQUIRE(s.perform(LiveRequest(LiveCommand::Next)));
    REQUIRE(s.perform(LiveRequest(LiveCommand::Extend).withSeconds(60)));
    at(2'480'000);
    if (finish) REQUIRE(s.perform(LiveRequest(LiveCommand::End)));
}

}  // namespace

TEST_CASE("Report: planned vs actual per segment and per speaker for a scripted show") {
    TempDir tmp;
    ManualClock clock(0);
    ManualWallClock wall(kWallStart, kTaipei);
    auto created = Session::createAt(scriptedShow(), tmp / "s", {&clock, &wall, {}});
    REQUIRE(created.ok());
    runScript(**created, clock, wall, true);

    const SessionReport r = buildReport((*created)->show(),
                                        (*created)->state().runner, "2026-11-25");
    CHECK(r.ended);
    CHECK(r.plannedTotalMs == 2'520'000);
    CHECK(r.actualTotalMs == 2'420'000);
    CHECK(r.differenceMs == -100'000);
    CHECK(r.pausedMs == 60'000);
    CHECK(r.showElapsedMs == 2'480'000);
    REQUIRE(r.segments.size() == 5);
    CHECK(r.segments[3].extensionMs == 60'000);
    CHECK(r.segments[4].status == SegmentStatus::Skipped);
    REQUIRE(r.speakers.size() == 4);
    CHECK(r.speakers[1].name == "Guest A");
    CHECK(r.speakers[1].plannedMs == 450'000 + 200'000 + 300'000);
    CHECK(r.speakers[1].actualMs == 420'000 + 200'000 + 325'000);

    const std::string md = readFile(tmp / "s" / "report.md");
    CHECK(md == renderReportMarkdown(r));
    CHECK(has(md, "# Planned vs actual: PyCast EP12: Typing\n"));
    CHECK(has(md, "- Date: 2026-11-25\n"));
    CHECK(has(md, "- On air: 19:30 to 20:11:20\n"));
    CHECK(has(md, "- Planned: 42:00, actual: 40:20, difference: -01:40 (under)\n"));
    CHECK(has(md, "- On hold: 01:00 (not counted as actual time)\n"));
    CHECK_FALSE(has(md, "did not end"));
    CHECK(has(md, "| 1 | Intro | intro | Host | 05:00 | 05:30 | +00:30 | over |\n"));
    CHECK(has(md, "| 2 | Talk, with \"quotes\" | tech | Guest A, Guest B | 15:00 | 14:00 | "
                  "-01:00 | under |\n"));
    CHECK(has(md, "| 3 | Panel \\| all | panel | Host, Guest A, Guest B | 10:00 | 10:00 | "
                  "00:00 | on time |\n"));
    CHECK(has(md, "| 4 | Q&A | qa | Moderator, Guest A | 10:00 (+01:00 live) | 10:50 | "
                  "+00:50 | over |\n"));
    CHECK(has(md, "| 5 | Outro | outro | Host | 02:00 | 00:00 | -02:00 | skipped |\n"));
    CHECK(has(md, "| | **Total** | | | **42:00** | **40:20** | **-01:40** | under |\n"));
    CHECK(has(md, "| Host | PyCon Taiwan | host | 10:20 | 08:50 | -01:30 | under |\n"));
    CHECK(has(md, "| Guest A | Acme, Inc. | guest | 15:50 | 15:45 | -00:05 | under |\n"));
    CHECK(has(md, "| Guest B | Beta\\|Corp | guest | 10:50 | 10:20 | -00:30 | under |\n"));
    CHECK(has(md, "| Moderator | PyCon Taiwan | moderator | 05:00 | 05:25 | +00:25 | over |\n"));

    const std::string csv = readFile(tmp / "s" / "report.csv");
    const std::string kNoQuestion(15, ',');   // the question columns, empty on timing rows
    CHECK(csv == renderReportCsv(r));
    CHECK(csv.rfind("\xEF\xBB\xBF" "section,number,id,name,kind,company,role,planned_s,extension_s,actual_s,"
                    "difference_s,status,text,asker,for,topics,source,votes,into_show_s,"
                    "segment_id,segment,asked,pending,approved,answered,dismissed,merged\n", 0) == 0);
    CHECK(has(csv, "segment,1,s-intro,Intro,intro,,,300.000,0.000,330.000,30.000,over" + kNoQuestion + "\n"));
    CHECK(has(csv, "segment,2,s-talk,\"Talk, with \"\"quotes\"\"\",tech,,,900.000,0.000,"
                   "840.000,-60.000,under" + kNoQuestion + "\n"));
    CHECK(has(csv, "segment,3,s-panel,Panel | all,panel,,,600.000,0.000,600.000,0.000,"
                   "on time" + kNoQuestion + "\n"));
    CHECK(has(csv, "segment,4,s-qa,Q&A,qa,,,600.000,60.000,650.000,50.000,over" + kNoQuestion + "\n"));
    CHECK(has(csv, "segment,5,s-outro,Outro,outro,,,120.000,0.000,0.000,-120.000,skipped" + kNoQuestion + "\n"));
    CHECK(has(csv, "speaker,,p-guest,Guest A,,\"Acme, Inc.\",guest,950.000,,945.000,-5.000,"
                   "under" + kNoQuestion + "\n"));
    CHECK(has(csv, "speaker,,p-mod,Moderator,,PyCon Taiwan,moderator,300.000,,325.000,25.000,"
                   "over" + kNoQuestion + "\n"));
    CHECK(has(csv, "total,,,Typing,,,,2520.000,,2420.000,-100.000,under" + kNoQuestion + "\n"));

    // `pycast report DIR` prints the same Markdown from the folder alone.
    const auto cli = pycast::test::runCli("report \"" + (tmp / "s").string() + "\"");
    CHECK(cli.exitCode == 0);
    CHECK(cli.out == md);
    CHECK(cli.err.empty());
}

TEST_CASE("Report: an interrupted session is reported as of its last event") {
    TempDir tmp;
    ManualClock clock(0);
    ManualWallClock wall(kWallStart, kTaipei);
    auto created = Session::createAt(scriptedShow(), tmp / "s", {&clock, &wall, {}});
    REQUIRE(created.ok());
    runScript(**created, clock, wall, false);
    CHECK_FALSE(std::filesystem::exists(tmp / "s" / "report.md"));

    const auto cli = pycast::test::runCli("report \"" + (tmp / "s").string() + "\"");
    CHECK(cli.exitCode == 0);
    const std::string md = cli.out;
    CHECK(has(md, "**The session did not end**"));
    // The Q&A was current at the last event (the extend at 30:30), with nothing run yet.
    CHECK(has(md, "| 4 | Q&A | qa | Moderator, Guest A | 10:00 (+01:00 live) | 00:00 | "
                  "-10:00 | under |\n"));
    CHECK(has(md, "| 5 | Outro | outro | Host | 02:00 | 00:00 | -02:00 | not run |\n"));
}

TEST_CASE("Report: shared airtime splits to the millisecond and adds up") {
    Show show = scriptedShow();
    show.rundown = {segment("s-panel", "Panel", SegmentKind::Panel, 1, {"p-host", "p-guest",
                                                                        "p-guest2"})};
    ShowRunner runner(show);
    REQUIRE(runner.start(0));
    REQUIRE(runner.end(1000));
    const SessionReport r = buildReport(show, runner.state(1000), "");
    CHECK(r.date == "2026-11-25");   // the show's date when the session's is unknown
    REQUIRE(r.speakers.size() == 3);
    CHECK(r.speakers[0].actualMs == 334);
    CHECK(r.speakers[1].actualMs == 333);
    CHECK(r.speakers[2].actualMs == 333);
    CHECK(r.speakers[0].plannedMs + r.speakers[1].plannedMs + r.speakers[2].plannedMs == 1000);
    CHECK_FALSE(r.startTodMs.has_value());
    CHECK_FALSE(has(renderReportMarkdown(r), "On air"));
    CHECK(std::string(overUnderWord(999)) == "on time");
    CHECK(std::string(overUnderWord(1000)) == "over");
    CHECK(std::string(overUnderWord(-1000)) == "under");
}

TEST_CASE("report: airtime measured from the tracks, per speaker and per guest company, against the plan and the limit") {
    const Show show = scriptedShow();   // limit: 40 % of guests' talk per company
    const std::vector<TrackTalk> talk = {{"p-host", "Host", 300'000},
                                         {"p-guest", "Guest A", 600'000},
                                         {"p-guest2", "Guest B", 200'000},
                                         {"", "Audience mic", 100'000}};
    const TalkReport t = buildTalkReport(show, talk);
    CHECK(t.totalTalkMs == 1'200'000);
    REQUIRE(t.speakers.size() == 5);   // the moderator has no track: kept with the plan, 0 talked
    CHECK(t.speakers[3].key == "p-mod");
    CHECK(t.speakers[3].talkMs == 0);
    CHECK(t.speakers[3].plannedMs == 300'000);
    CHECK(t.speakers[0].key == "p-host");
    CHECK(t.speakers[0].share == doctest::Approx(25.0));
    CHECK(t.speakers.back().name == "Audience mic");
    CHECK(t.speakers.back().plannedMs == 0);
    REQUIRE(t.companies.size() == 2);
    CHECK(t.companies[0].name == "Acme, Inc.");
    CHECK(t.companies[0].share == doctest::Approx(75.0));   // of the guests' 800 s
    CHECK(t.companies[0].overLimit);
    CHECK(t.companies[1].share == doctest::Approx(25.0));
    CHECK_FALSE(t.companies[1].overLimit);
    // Planned: the talk (900 s) and panel (600 s) are shared; A also has half of the Q&A.
    CHECK(t.companies[0].plannedMs == (450 + 200 + 300) * 1000);

    SessionReport r;
    r.talk = t;
    const std::string md = renderReportMarkdown(r);
    CHECK(md.find("## Airtime measured from the recording") != std::string::npos);
    CHECK(md.find("over the limit") != std::string::npos);
    CHECK(md.find("Beta\\|Corp") != std::string::npos);   // escaped like every cell
    const std::string csv = renderReportCsv(r, false);
    CHECK(csv.find("talk-company") != std::string::npos);
    CHECK(csv.find("over-limit") != std::string::npos);
}

TEST_CASE("report: one guest company alone is never over the limit, measured as in the plan") {
    Show show = scriptedShow();
    show.people[2].company = show.people[1].company;   // both guests from Acme
    const TalkReport t = buildTalkReport(show, {{"p-guest", "Guest A", 600'000}, {"p-guest2", "Guest B", 200'000}});
    REQUIRE(t.companies.size() == 1);
    CHECK(t.companies[0].share == doctest::Approx(100.0));
    CHECK_FALSE(t.companies[0].overLimit);
    CHECK_FALSE(analyzeRundown(show).perCompany.at(0).overLimit);
}
