// The Report tab: a session's insights read on a worker and drawn as charts with the same
// figures as `pycast insights`, and its files written on request; drawn headless.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "core/duration.hpp"
#include "drawn_text.hpp"
#include "editing/document.hpp"
#include "live/live_command.hpp"
#include "shell/headless.hpp"
#include "shell/main_window.hpp"
#include "test_live_support.hpp"
#include "views/live/live_view.hpp"
#include "views/report/report_view.hpp"
#include "views/views.hpp"

using namespace pycast;
using namespace pycast::ui;
using namespace pycast::uitest;

namespace {

struct Studio {
    LiveFixture f;
    FontManager fonts;
    HeadlessImGui imgui;
    MainWindow window{fonts, {}};
    LiveContext live{*f.controller};

    Studio() : imgui(fonts, ImVec2(1400, 2400)) {
        window.setLive(&live);
        Document doc;
        doc.path = sourceDir() / "shows" / "pycast-ama.json";
        doc.show = f.show;
        doc.refreshAnalysis();
        window.setDocument(std::move(doc));
        f.createSession();
    }
    void perform(LiveRequest r) {
        const SessionActionResult done = f.controller->host().perform(std::move(r));
        REQUIRE_MESSAGE(done, done.error.message());
    }
    void draw(int frames = 1) {
        for (int i = 0; i < frames; ++i) {
            FrameRequests requests;
            const std::string unbalanced = imgui.frame([&] { window.draw(requests); });
            CHECK_MESSAGE(unbalanced.empty(), "left open: " << unbalanced);
            window.apply(requests);
            fonts.addText(requests.glyphText);
            f.controller->runPosted();
        }
    }
    // Frames until the worker has read the session (at most ~10 s).
    void drawUntilLoaded() {
        for (int i = 0; i < 500 && !window.ui().report.shown; ++i) {
            draw(1);
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        REQUIRE_MESSAGE(window.ui().report.shown, window.ui().report.error);
        draw(3);
    }
    bool shows(const std::string& text) {
        return drawnCharacters(imgui.drawData()).find(withoutSpaces(text)) != std::u32string::npos;
    }
    void click(const std::string& label) {
        const bool clicked = clickDrawn(
            imgui.io(), [this] { return imgui.drawData(); }, [this](int n) { draw(n); }, label);
        REQUIRE_MESSAGE(clicked, "\"" << label << "\" is not drawn");
    }
};

}  // namespace

TEST_CASE("the Report tab draws a session's time, balance, audience and poll with the insights' figures") {
    Studio s;
    s.perform(LiveRequest(LiveCommand::AudienceVisit).withDevice("phone-0001"));
    s.perform(LiveRequest(LiveCommand::AudienceVisit).withDevice("phone-0002"));
    s.perform(LiveRequest(LiveCommand::Start));
    s.f.advance(65'000);
    s.perform(LiveRequest(LiveCommand::PollOpen).withId("poll-next-topic"));
    s.perform(LiveRequest(LiveCommand::PollVote).withId("poll-next-topic").withDevice("phone-0001").withOption("AI"));
    s.perform(LiveRequest(LiveCommand::PollVote).withId("poll-next-topic").withDevice("phone-0002").withOption("AI"));
    s.perform(LiveRequest(LiveCommand::PollClose).withId("poll-next-topic"));
    s.perform(LiveRequest(LiveCommand::Next));
    s.f.advance(30'000);
    s.perform(LiveRequest(LiveCommand::End));
    const auto dir = s.f.controller->session()->dir();

    s.window.openReport(dir);
    s.drawUntilLoaded();
    const Result<SessionInsights> expected = loadSessionInsights(dir);
    REQUIRE(expected.ok());
    CHECK(s.shows(insightsHeading(*expected)));
    CHECK(s.shows("Summary 摘要"));
    CHECK(s.shows(expected->summaryEn.substr(0, 60)));
    CHECK(s.shows("Time 時間"));
    CHECK(s.shows("Balance 平衡"));
    CHECK(s.shows("Audience 觀眾"));
    // The same figures as the files: the first segment's plan and actual, the devices, the poll.
    const SegmentReportRow& first = expected->time.segments.front();
    CHECK(s.shows(formatDurationMs(first.plannedMs) + " → " + formatDurationMs(first.actualMs)));
    CHECK(s.shows("2 opened the page"));
    CHECK(s.shows("Poll: 下次想聽什麼主題？"));
    CHECK(s.shows("2 · 100.0%"));
    CHECK(s.shows("most votes: AI"));
    // No recording: the balance says it is an estimate from the plan.
    CHECK(expected->balance.source == BalanceSource::PlanOnActualTimes);
    CHECK(s.shows("not a measurement"));

    s.click("Write HTML, Markdown and CSV");
    CHECK(std::filesystem::exists(insightsFolderOf(dir) / "insights.html"));
    CHECK(std::filesystem::exists(insightsFolderOf(dir) / "insights.md"));
    CHECK(std::filesystem::exists(insightsFolderOf(dir) / "insights-polls.csv"));
    CHECK(s.shows("Wrote"));
}

TEST_CASE("the Report tab names a folder that is no session, and keeps working") {
    Studio s;
    s.window.openReport(s.f.tmp / "nowhere");
    for (int i = 0; i < 300 && s.window.ui().report.error.empty(); ++i) {
        s.draw(1);
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    s.draw(2);
    CHECK_FALSE(s.window.ui().report.error.empty());
    CHECK(s.shows("nowhere"));
    CHECK_FALSE(s.window.ui().report.shown.has_value());
}
