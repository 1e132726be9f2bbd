// The producer's Polls tab (open, close, live results, add, the company warning) and the poll's
// bars on the presenter window, drawn headless; changes journaled through the controller.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "drawn_text.hpp"
#include "editing/document.hpp"
#include "live/live_command.hpp"
#include "shell/headless.hpp"
#include "shell/main_window.hpp"
#include "test_live_support.hpp"
#include "views/live/live_view.hpp"
#include "views/live/polls_panel.hpp"
#include "views/presenter/presenter_view.hpp"
#include "views/views.hpp"

using namespace pycast;
using namespace pycast::ui;
using namespace pycast::uitest;

namespace {

// The studio on the Live tab with a session of the AMA sample (its poll "poll-next-topic"),
// the Polls tab chosen, and the presenter beside it.
struct Studio {
    LiveFixture f;
    FontManager fonts;
    HeadlessImGui imgui;
    MainWindow window{fonts, {}};
    LiveContext live{*f.controller};

    explicit Studio(ImVec2 display = ImVec2(1280, 1400)) : imgui(fonts, display) {
        window.setLive(&live);
        Document doc;
        doc.path = sourceDir() / "shows" / "pycast-ama.json";
        doc.show = f.show;
        doc.refreshAnalysis();
        window.setDocument(std::move(doc));
        window.selectView("live");
        live.view.pollsTab = true;
        live.view.selectLowerTab = true;
        f.createSession();
        REQUIRE(f.controller->perform(LiveAction::Start));
    }
    void draw(int frames = 2) {
        for (int i = 0; i < frames; ++i) {
            FrameRequests requests;
            const std::string unbalanced = imgui.frame([&] { window.draw(requests); });
            CHECK_MESSAGE(unbalanced.empty(), "left open: " << unbalanced);
            window.apply(requests);
            fonts.addText(requests.glyphText);
            f.controller->runPosted();
        }
    }
    bool shows(const std::string& text) {
        return drawnCharacters(imgui.drawData()).find(withoutSpaces(text)) != std::u32string::npos;
    }
    // A click on the drawn label (a button's or a checkbox's).
    void click(const std::string& label) {
        draw(1);
        const bool clicked = clickDrawn(
            imgui.io(), [this] { return imgui.drawData(); }, [this](int n) { draw(n); }, label);
        REQUIRE_MESSAGE(clicked, "\"" << label << "\" is not drawn");
    }
    void vote(const std::string& device, const std::string& option) {
        const SessionActionResult r = f.controller->host().perform(
            LiveRequest(LiveCommand::PollVote).withId("poll-next-topic").withDevice(device).withOption(option));
        REQUIRE_MESSAGE(r, r.error.message());
    }
    const LivePoll& poll(const std::string& id = "poll-next-topic") {
        const LivePoll* p = f.controller->session()->polls().find(id);
        REQUIRE(p != nullptr);
        return *p;
    }
    std::string journal() const {
        std::ifstream in(f.controller->session()->dir() / "journal.jsonl");
        std::stringstream s;
        s << in.rdbuf();
        return s.str();
    }
};

struct Presenter {
    FontManager fonts;
    DigitFont digits;
    HeadlessImGui imgui;
    PresenterState state;
    explicit Presenter(ImVec2 size = ImVec2(1920, 1080)) : imgui(fonts, size) {
        digits.ensureSize(presenterDigitPixels(size, digits));
    }
    void draw(LiveController& controller, int frames = 3) {
        for (int i = 0; i < frames; ++i) {
            FrameRequests requests;
            fonts.addText(presenterText(controller));
            PresenterContext ctx{controller, state, fonts, digits, "AMA"};
            const std::string unbalanced = imgui.frame([&] { drawPresenterView(ctx, requests); });
            CHECK_MESSAGE(unbalanced.empty(), "left open: " << unbalanced);
            fonts.addText(requests.glyphText);
        }
    }
    bool shows(const std::string& text) {
        return drawnCharacters(imgui.drawData()).find(withoutSpaces(text)) != std::u32string::npos;
    }
};

}  // namespace

TEST_CASE("poll texts: counts with their share, the state line, options one per line") {
    CHECK(pollCountText(12, 37) == "12 · 32%");
    CHECK(pollCountText(0, 0) == "0 · 0%");
    LivePoll p;
    p.options = {"AI", "Web"};
    CHECK(pollStateLine(p) == "DRAFT");
    p.state = PollState::Open;
    CHECK(pollStateLine(p) == "OPEN · 0 votes");
    p.ballots = {{"phone-0001", 0, 1}};
    p.state = PollState::Closed;
    CHECK(pollStateLine(p) == "CLOSED · 1 vote");
    CHECK(pollOptionsFromText("AI\n\n  Web  \r\nDevOps") ==
          std::vector<std::string>{"AI", "Web", "DevOps"});
}

TEST_CASE("the Polls tab opens the show's poll, draws its bars and closes it, each journaled") {
    Studio s;
    s.draw(3);
    CHECK(s.shows("Polls"));
    CHECK(s.shows("DRAFT"));
    CHECK(s.shows("下次想聽什麼主題？"));
    s.click("Open poll");
    CHECK(s.poll().state == PollState::Open);
    CHECK(s.journal().find("\"type\":\"poll-open\"") != std::string::npos);
    s.vote("phone-0001", "AI");
    s.vote("phone-0002", "AI");
    s.vote("phone-0003", "Web");
    s.draw(2);
    CHECK(s.shows("OPEN · 3 votes"));
    CHECK(s.shows("2 · 67%"));
    CHECK(s.shows("1 · 33%"));
    CHECK(s.shows("Polls · 1 open"));
    // Bars on the presenter make the counts public: the room and the phones see the same.
    s.click("Bars on presenter");
    CHECK(s.f.controller->pollOnPresenter() == "poll-next-topic");
    CHECK(s.poll().liveResults);
    CHECK(s.journal().find("\"type\":\"poll-live-results\"") != std::string::npos);
    s.click("Audience sees counts while open");
    CHECK_FALSE(s.poll().liveResults);
    s.click("Close poll");
    CHECK(s.poll().state == PollState::Closed);
    CHECK(s.journal().find("\"type\":\"poll-close\"") != std::string::npos);
    CHECK(s.shows("CLOSED · 3 votes"));
}

TEST_CASE("a poll added live is journaled, and an option naming a guest's company is warned") {
    Studio s;
    s.live.view.polls.newQuestion = "Which company should come back?";
    s.live.view.polls.newOptions = "Taiwan\nAI\n";
    s.draw(3);
    CHECK_FALSE(s.shows("names the company"));  // a generic word of the name is no company
    s.live.view.polls.newOptions = "Rakuten\nAI\n";
    s.draw(2);
    CHECK(s.shows("option 'Rakuten' names the company '樂天 Rakuten Taiwan'"));
    CHECK(s.shows("vote on topics, not companies"));
    s.live.view.polls.newQuestion = "Which topic next time?";
    s.live.view.polls.newOptions = "Data\nAI\n";
    s.draw(2);
    s.click("Add poll");
    REQUIRE(s.f.controller->session()->polls().all().size() == 2);
    CHECK(s.poll("poll2").question == "Which topic next time?");
    CHECK(s.live.view.polls.newQuestion.empty());
    CHECK(s.journal().find("\"type\":\"poll-create\"") != std::string::npos);
    // A poll that breaks the rules cannot be added: the button says why beside it.
    s.live.view.polls.newQuestion = "One option only";
    s.live.view.polls.newOptions = "AI";
    s.draw(2);
    CHECK(s.shows("Cannot add yet: a poll has 2 to 8 options, not 1."));
}

TEST_CASE("the presenter draws the bars of the poll the producer put there, never a draft") {
    Studio s;
    Presenter p;
    s.f.controller->setPollOnPresenter("poll-next-topic");
    p.draw(*s.f.controller);
    CHECK_FALSE(p.shows("POLL"));  // still a draft: not the room's yet
    CHECK(p.state.pollShown.empty());
    REQUIRE(s.f.controller->perform(
        LiveAction::command(LiveRequest(LiveCommand::PollOpen).withId("poll-next-topic"))));
    s.vote("phone-0001", "AI");
    s.vote("phone-0002", "Data");
    s.vote("phone-0003", "AI");
    s.vote("phone-0002", "AI");  // changed: AI 3, Data 0
    p.draw(*s.f.controller);
    CHECK(p.state.pollShown == "poll-next-topic");
    CHECK(p.shows("POLL · vote on your phone · 3 votes"));
    CHECK(p.shows("下次想聽什麼主題？"));
    // The phones do not show the counts yet, so neither does the room.
    CHECK_FALSE(p.shows("3 · 100%"));
    REQUIRE(s.f.controller->perform(LiveAction::command(
        LiveRequest(LiveCommand::PollLiveResults).withId("poll-next-topic").withFlag(true))));
    p.draw(*s.f.controller);
    CHECK(p.shows("3 · 100%"));
    CHECK(p.shows("0 · 0%"));
    REQUIRE(s.f.controller->perform(
        LiveAction::command(LiveRequest(LiveCommand::PollClose).withId("poll-next-topic"))));
    p.draw(*s.f.controller);
    CHECK(p.shows("POLL · FINAL RESULTS · 3 votes"));
    s.f.controller->setPollOnPresenter("");
    p.draw(*s.f.controller);
    CHECK_FALSE(p.shows("POLL"));
}
