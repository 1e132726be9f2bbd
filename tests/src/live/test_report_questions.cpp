// Tests for the questions in the session report: counts, answered times, follow-ups, escaping.
#include <doctest/doctest.h>

#include <algorithm>

#include "core/clock.hpp"
#include "io/markdown.hpp"
#include "live/report.hpp"
#include "live/session.hpp"
#include "test_support.hpp"

using namespace pycast;
using pycast::test::readFile;
using pycast::test::TempDir;

namespace {

constexpr std::int64_t kWallStart = 1'795'606'200'000;  // 19:30 in Taipei
constexpr int kTaipei = 8 * 60;

Show ama() {
    Show show;
    show.meta.title = "AMA";
    show.meta.date = "2026-11-25";
    show.topics = {"職涯 Career", "技術 Tech", "徵才 Hiring"};
    Person host{"p-host", "Host", Role::Host, {}, nlohmann::json::object()};
    Person guest{"p-guest", "陳冠宇", Role::Guest, {}, nlohmann::json::object()};
    Person ada{"p-ada", "Ada|Lin", Role::Guest, {}, nlohmann::json::object()};
    show.people = {host, guest, ada};
    Segment intro;
    intro.id = "s-intro";
    intro.title = "Intro";
    intro.kind = SegmentKind::Intro;
    intro.planned = 600;
    Segment qa;
    qa.id = "s-qa";
    qa.title = "Q&A | 問答";
    qa.kind = SegmentKind::Qa;
    qa.planned = 1200;
    show.rundown = {intro, qa};
    Question pre;
    pre.id = "q-pre";
    pre.text = "Pre-submitted";
    pre.votes = 4;
    pre.topics = {"技術 Tech"};
    pre.forPeople = {"p-guest"};
    show.questions = {pre};
    return show;
}

LiveRequest web(std::string text, std::string device) {
    return LiveRequest(LiveCommand::QuestionSubmit)
        .withText(std::move(text))
        .withDevice(std::move(device))
        .withSource(QuestionSource::Web);
}

LiveRequest verb(LiveCommand c, std::string id) { return LiveRequest(c).withId(std::move(id)); }

bool has(const std::string& text, const std::string& needle) {
    return text.find(needle) != std::string::npos;
}

// A show with one question of each fate: answered (two, one of them the show's own), approved
// with votes, from the producer, dismissed, merged and still pending.
struct Scripted {
    TempDir tmp;
    ManualClock clock{0};
    ManualWallClock wall{kWallStart, kTaipei};
    std::unique_ptr<Session> session;

    void at(std::int64_t ms) {
        clock.set(ms);
        wall.set(kWallStart + ms);
    }
    void run(LiveRequest r) {
        const SessionActionResult done = session->perform(std::move(r));
        REQUIRE_MESSAGE(done.ok, done.error.message());
    }

    Scripted() {
        auto created = Session::createAt(ama(), tmp / "s", {&clock, &wall, {}});
        REQUIRE(created.ok());
        session = std::move(*created);
        at(60'000);
        run(LiveRequest(LiveCommand::Start));
        at(120'000);
        run(web("<script>alert(1)</script>", "device-0001"));  // q1
        run(verb(LiveCommand::QuestionApprove, "q1"));
        run(web("A | B or C?", "device-0002")
                .withTopics({"職涯 Career"})
                .withPerson("p-ada"));  // q2
        run(verb(LiveCommand::QuestionApprove, "q2"));
        run(LiveRequest(LiveCommand::QuestionSubmit)
                .withText("=HYPERLINK(\"x\") from the chat")
                .withSource(QuestionSource::Producer));  // q3, approved
        run(web("Spam spam", "device-0003"));            // q4
        run(verb(LiveCommand::QuestionDismiss, "q4"));
        run(web("Same as the script one", "device-0004"));  // q5
        run(verb(LiveCommand::QuestionApprove, "q5"));
        run(verb(LiveCommand::QuestionVote, "q5").withDevice("device-0006"));
        run(LiveRequest(LiveCommand::QuestionMerge).withId("q1").withIds({"q5"}));
        run(web("Still waiting", "device-0005"));  // q6, pending
        run(verb(LiveCommand::QuestionVote, "q2").withDevice("device-0007"));
        run(verb(LiveCommand::QuestionVote, "q2").withDevice("device-0008"));
        run(verb(LiveCommand::QuestionVote, "q3").withDevice("device-0007"));
        at(700'000);
        run(LiveRequest(LiveCommand::Next));
        at(800'000);
        run(verb(LiveCommand::QuestionOnAir, "q1"));
        at(814'500);  // 754.5 s into the show
        run(LiveRequest(LiveCommand::QuestionAnswered));
        at(900'000);
        run(verb(LiveCommand::QuestionAnswered, "q-pre"));
    }
};

}  // namespace

TEST_CASE("Report questions: counts per source add up, answered in order with time into the show") {
    Scripted s;
    const QuestionsReport q =
        buildQuestionsReport(s.session->show(), s.session->state().runner, s.session->questions());
    REQUIRE(q.sources.size() == 4);
    CHECK(q.sources[0] == QuestionTally{"show", "show", 1, 0, 1, 1, 0, 0});
    CHECK(q.sources[1] == QuestionTally{"import", "import", 0, 0, 0, 0, 0, 0});
    CHECK(q.sources[2] == QuestionTally{"web", "web", 5, 1, 2, 1, 1, 1});
    CHECK(q.sources[3] == QuestionTally{"producer", "producer", 1, 0, 1, 0, 0, 0});
    CHECK(q.total == QuestionTally{"", "total", 7, 1, 4, 2, 1, 1});
    CHECK(q.total.asked == q.total.pending + q.total.approved + q.total.dismissed + q.total.merged);

    REQUIRE(q.answered.size() == 2);
    CHECK(q.answered[0].id == "q1");
    CHECK(q.answered[0].intoShowMs == 754'000);  // rounded down, like every elapsed time
    CHECK(q.answered[0].segmentId == "s-qa");
    CHECK(q.answered[0].segmentTitle == "Q&A | 問答");
    CHECK(q.answered[0].votes == 1);  // the merged one's vote counts here
    CHECK(q.answered[1].id == "q-pre");
    CHECK(q.answered[1].intoShowMs == 840'000);
    CHECK(q.answered[1].forName == "陳冠宇");

    REQUIRE(q.followUps.size() == 2);  // approved, not answered; the pending one is not listed
    CHECK(q.followUps[0].id == "q2");
    CHECK(q.followUps[0].votes == 2);
    CHECK(q.followUps[1].id == "q3");
    CHECK(q.unmoderated == 1);

    REQUIRE(q.topics.size() == 4);
    CHECK(q.topics[0] == QuestionTally{"", "職涯 Career", 1, 0, 1, 0, 0, 0});
    CHECK(q.topics[1] == QuestionTally{"", "技術 Tech", 1, 0, 1, 1, 0, 0});
    CHECK(q.topics[2] == QuestionTally{"", "徵才 Hiring", 0, 0, 0, 0, 0, 0});
    CHECK(q.topics[3].label == "(no topic)");
    CHECK(q.topics[3].asked == 5);
    CHECK(q.topics[3].answered == 1);
    REQUIRE(q.guests.size() == 3);  // the two guests (the host got none), then anyone
    CHECK(q.guests[0].label == "陳冠宇");
    CHECK(q.guests[0].asked == 1);
    CHECK(q.guests[0].answered == 1);
    CHECK(q.guests[1] == QuestionTally{"p-ada", "Ada|Lin", 1, 0, 1, 0, 0, 0});
    CHECK(q.guests[2].label == "(anyone)");
    CHECK(q.guests[2].asked == 5);
}

TEST_CASE(
    "Report questions: Markdown escapes a <script> and a | so every table row stays one row") {
    Scripted s;
    // During the show, from the folder alone: `pycast report DIR` already has the questions.
    const auto live = pycast::test::runCli("report \"" + (s.tmp / "s").string() + "\"");
    CHECK(live.exitCode == 0);
    CHECK(has(live.out, "## Questions\n"));
    CHECK(has(live.out, "**The session did not end**"));

    s.at(1'000'000);
    s.run(LiveRequest(LiveCommand::End));
    const std::string md = readFile(s.tmp / "s" / "report.md");
    const SessionReport r = buildReport(s.session->show(), s.session->state().runner, "2026-11-25",
                                        &s.session->questions());
    CHECK(md == renderReportMarkdown(r));  // written the moment the show ended

    CHECK_FALSE(has(md, "<script>"));
    CHECK(has(md, "| Source | Asked | Pending | Approved | Answered | Dismissed | Merged |\n"));
    CHECK(has(md, "| web | 5 | 1 | 2 | 1 | 1 | 1 |\n"));
    CHECK(has(md, "| **Total** | **7** | **1** | **4** | **2** | **1** | **1** |\n"));
    CHECK(has(md, "| 1 | 0:12:34 | Q&A \\| 問答 | " + markdownCell("<script>alert(1)</script>") +
                      " |  |  | 1 |\n"));
    CHECK(has(md, "| 2 | 0:14:00 | Q&A \\| 問答 | Pre-submitted |  | 陳冠宇 | 4 |\n"));
    CHECK(has(md, "| 1 | 2 | A \\| B or C? |  | Ada\\|Lin | 職涯 Career |\n"));
    CHECK(has(md, "1 question was still waiting for moderation and is not listed.\n"));
    CHECK(has(md, "| 徵才 Hiring | 0 | 0 |\n"));
    CHECK(has(md, "| (no topic) | 5 | 1 |\n"));
    CHECK(has(md, "| Ada\\|Lin | 1 | 0 |\n"));
    CHECK(has(md, "| (anyone) | 5 | 1 |\n"));
    CHECK_FALSE(has(md, "Still waiting"));  // never moderated, never shown
    CHECK_FALSE(has(md, "Spam spam"));
    // Every table line of the section has as many cell separators as its header.
    const std::string section = md.substr(md.find("## Questions"));
    std::size_t lineStart = 0;
    int header = -1;
    for (std::size_t nl; (nl = section.find('\n', lineStart)) != std::string::npos;
         lineStart = nl + 1) {
        const std::string line = section.substr(lineStart, nl - lineStart);
        if (line.empty() || line[0] != '|') {
            header = -1;
            continue;
        }
        int bars = 0;
        for (std::size_t i = 0; i < line.size(); ++i)
            if (line[i] == '|' && (i == 0 || line[i - 1] != '\\')) ++bars;
        if (header < 0) header = bars;
        CHECK_MESSAGE(bars == header, line);
    }
}

TEST_CASE("Report questions: CSV rows for each section, formula cells neutralised") {
    Scripted s;
    s.at(1'000'000);
    s.run(LiveRequest(LiveCommand::End));
    const std::string csv = readFile(s.tmp / "s" / "report.csv");
    CHECK(has(csv, "question-source,,web,web" + std::string(18, ',') + "5,1,2,1,1,1\n"));
    CHECK(has(csv, "question-total,,,total" + std::string(18, ',') + "7,1,4,2,1,1\n"));
    CHECK(has(csv,
              "question-answered,1,q1,,,,,,,,,answered,<script>alert(1)</script>,,,,web,1,"
              "754.000,s-qa,Q&A | 問答,,,,,,\n"));
    CHECK(has(csv,
              "question-answered,2,q-pre,,,,,,,,,answered,Pre-submitted,,陳冠宇,技術 Tech,show,4,"
              "840.000,s-qa,Q&A | 問答,,,,,,\n"));
    CHECK(has(csv,
              "question-follow-up,1,q2,,,,,,,,,approved,A | B or C?,,Ada|Lin,職涯 Career,web,2,,,"
              ",,,,,,\n"));
    // The producer's text begins with '=': a spreadsheet shows it as text, never runs it.
    CHECK(has(csv,
              "question-follow-up,2,q3,,,,,,,,,approved,\"'=HYPERLINK(\"\"x\"\") from the chat\","
              ",,,producer,1,"));
    CHECK(has(csv, "question-topic,,,徵才 Hiring" + std::string(18, ',') + "0,0,0,0,0,0\n"));
    CHECK(has(csv, "question-guest,,p-ada,Ada|Lin" + std::string(18, ',') + "1,0,1,0,0,0\n"));
    // Every line has the header's number of cells (no cell here holds a comma or a line break).
    std::size_t lineStart = 0;
    std::size_t width = 0;
    for (std::size_t nl; (nl = csv.find('\n', lineStart)) != std::string::npos;
         lineStart = nl + 1) {
        const std::string line = csv.substr(lineStart, nl - lineStart);
        if (has(line, "\"")) continue;  // quoted cells may hold commas
        const std::size_t cells =
            static_cast<std::size_t>(std::count(line.begin(), line.end(), ',')) + 1;
        if (width == 0) width = cells;
        CHECK_MESSAGE(cells == width, line);
    }
    CHECK(width == 27);
}

TEST_CASE(
    "Report questions: none asked, no section — a queue from the show alone counts its questions") {
    Show show = ama();
    show.questions.clear();
    ShowRunner runner(show);
    REQUIRE(runner.start(0));
    const QuestionQueue empty(show);
    const SessionReport r = buildReport(show, runner.state(1000), "", &empty);
    CHECK_FALSE(r.questions.has_value());
    CHECK_FALSE(has(renderReportMarkdown(r), "## Questions"));
    CHECK_FALSE(has(renderReportCsv(r), "question-"));

    // Eleven approved questions: ten follow-ups, most votes first, ties in submission order.
    Show many = ama();
    many.questions.clear();
    for (int i = 0; i < 11; ++i) {
        Question q;
        q.id = "q-" + std::to_string(i);
        q.text = "Question " + std::to_string(i);
        q.votes = i % 3;
        many.questions.push_back(q);
    }
    const QuestionQueue queue(many);
    const QuestionsReport q = buildQuestionsReport(many, ShowRunner(many).state(0), queue);
    REQUIRE(q.followUps.size() == kMaxFollowUps);
    std::vector<std::string> ids;
    for (const auto& f : q.followUps) ids.push_back(f.id);
    CHECK(ids == std::vector<std::string>{"q-2", "q-5", "q-8", "q-1", "q-4", "q-7", "q-10", "q-0",
                                          "q-3", "q-6"});
    CHECK(q.followUps[0].number == 1);
    CHECK(q.answered.empty());
    CHECK(has(renderReportMarkdown(buildReport(many, ShowRunner(many).state(0), "", &queue)),
              "No question was answered.\n"));
}
