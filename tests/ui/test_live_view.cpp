// The Live tab (the live view) drawn headless in the studio window, in every phase of a show, with its
// dialogs and its keyboard shortcuts.
#include <doctest/doctest.h>
#include <imgui_internal.h>  // the open popup stack, to see a dialog is up

#include <algorithm>

#include "editing/document.hpp"
#include "live/live_command.hpp"
#include "shell/headless.hpp"
#include "shell/main_window.hpp"
#include "test_live_support.hpp"
#include "views/live/live_format.hpp"
#include "views/live/live_panels.hpp"
#include "views/live/live_view.hpp"
#include "views/views.hpp"

using namespace pycast;
using namespace pycast::ui;
using namespace pycast::uitest;

namespace {

// The studio window with a live controller, on the Live tab.
struct Studio {
    LiveFixture f;
    FontManager fonts;
    DigitFont digits;
    HeadlessImGui imgui;
    MainWindow window{fonts, {}};
    LiveContext live{*f.controller};

    explicit Studio(ImVec2 display = ImVec2(1400, 900)) : imgui(fonts, display) {
        digits.ensureSize(150.0f);
        live.hostDigits = &digits;
        window.setLive(&live);
        Document doc;
        doc.path = sourceDir() / "shows" / "pycast-ama.json";
        doc.show = f.show;
        doc.refreshAnalysis();
        window.setDocument(std::move(doc));
        window.selectView("live");
    }

    // Draws `frames` frames; returns the last frame's requests. Every frame must be balanced.
    // Like the shell, runs what the views posted after each frame (unless `runPosted` is off).
    FrameRequests draw(int frames = 2, bool runPosted = true) {
        FrameRequests last;
        for (int i = 0; i < frames; ++i) {
            FrameRequests requests;
            const std::string unbalanced = imgui.frame([&] { window.draw(requests); });
            CHECK_MESSAGE(unbalanced.empty(), "left open: " << unbalanced);
            window.apply(requests);
            if (runPosted) f.controller->runPosted();
            last = requests;
        }
        return last;
    }
    // The window whose name has `part` as its last component ("##clock", "live-rundown"): a
    // child is named "<parent>/<name>_<id>".
    ImGuiWindow* child(const std::string& part) const {
        for (ImGuiWindow* w : imgui.context()->Windows) {
            const std::string name = w->Name;
            if (name.find("/" + part + "_") != std::string::npos) return w;
        }
        return nullptr;
    }
    bool popupOpen() const { return !imgui.context()->OpenPopupStack.empty(); }
    // The name of the window of the top-most open popup ("" when none is drawn).
    std::string topPopup() const {
        const auto& stack = imgui.context()->OpenPopupStack;
        if (stack.empty() || stack.back().Window == nullptr) return {};
        return stack.back().Window->Name;
    }
};

}  // namespace

TEST_CASE("the Live tab without a session offers to go live and costs no frames") {
    Studio s;
    const FrameRequests r = s.draw();
    CHECK(s.window.drawnViews() == std::vector<std::string>{"live"});
    CHECK(r.frameRate == 0.0);
    CHECK(s.imgui.drawData()->TotalVtxCount > 0);
}

TEST_CASE("the live view draws in every phase, asking for frames only while the show is live") {
    Studio s;
    s.f.createSession();
    s.window.selectView("live");

    SUBCASE("not started") { CHECK(s.draw().frameRate == doctest::Approx(10.0)); }
    SUBCASE("running, last minute, overrun, on hold") {
        REQUIRE(s.f.controller->perform(LiveAction::Start));
        CHECK(s.draw().frameRate >= 10.0);
        s.f.advance(2 * kMin + 10'000);
        CHECK(s.draw().frameRate >= 10.0);
        s.f.advance(2 * kMin);
        REQUIRE(s.f.runner().current->overrunMs > 0);
        s.draw();
        REQUIRE(s.f.controller->perform(LiveAction::Hold));
        CHECK(s.draw().frameRate >= 10.0);
    }
    SUBCASE("a Q&A with its question budget, a message, a refusal on screen") {
        REQUIRE(s.f.controller->perform(LiveAction::Start));
        for (int i = 0; i < 4; ++i) REQUIRE(s.f.controller->perform(LiveAction::Next));
        REQUIRE(s.f.runner().current->qa);
        REQUIRE(s.f.controller->perform(LiveAction::QuestionAnswered));
        REQUIRE(s.f.controller->sendMessage("觀眾問題很多，延長 5 分鐘"));
        s.f.controller->perform(LiveAction::Next);
        s.f.controller->perform(LiveAction::Next);
        CHECK_FALSE(s.f.controller->perform(LiveAction::Next));  // the last one: an error line
        s.draw(3);
    }
    SUBCASE("ended: the report, and no more frames") {
        REQUIRE(s.f.controller->perform(LiveAction::Start));
        s.f.advance(4 * kMin);
        REQUIRE(s.f.controller->perform(LiveAction::Next));
        s.f.advance(kMin);
        REQUIRE(s.f.controller->perform(LiveAction::End));
        const FrameRequests r = s.draw();
        CHECK(r.frameRate == 0.0);
        CHECK(s.window.drawnViews() == std::vector<std::string>{"live"});
    }
    CHECK(s.window.drawnViews() == std::vector<std::string>{"live"});
}

TEST_CASE(
    "typed shortcuts in the Live tab drive the session, and typed into the message field they do not") {
    Studio s;
    s.f.createSession();
    s.draw();
    auto type = [&](const char* text) {
        for (const char* c = text; *c; ++c)
            s.imgui.io().AddInputCharacter(static_cast<unsigned>(*c));
        s.draw(1);
    };
    type(" ");
    CHECK(s.f.runner().phase == RunPhase::Running);
    s.f.advance(kMin);
    type("n");
    REQUIRE(s.f.runner().current);
    CHECK(s.f.runner().current->index == 1);
    type("+");
    CHECK(s.f.runner().current->plannedMs == 5 * kMin + 30'000);
    type("h");
    CHECK(s.f.runner().phase == RunPhase::Paused);
    type("?");
    CHECK(s.popupOpen());  // the shortcut list
    type("n");             // a dialog is up: keys are not shortcuts
    CHECK(s.f.runner().current->index == 1);
}

TEST_CASE("the live dialogs open over the studio and draw without errors") {
    Studio s;
    s.f.createSession();
    REQUIRE(s.f.controller->perform(LiveAction::Start));

    s.live.view.endConfirmRequested = true;
    s.draw();
    CHECK(s.popupOpen());
    CHECK(s.f.controller->isOnAir());  // asking is not ending
}

TEST_CASE(
    "the quit prompt and the start-up resume offer are dialogs, and change nothing by opening") {
    Studio s;
    s.f.createSession();
    REQUIRE(s.f.controller->perform(LiveAction::Start));
    s.live.view.quitPromptRequested = true;
    s.draw();
    CHECK(s.popupOpen());
    CHECK(s.live.view.quitDecision == QuitDecision::None);

    Studio t;
    REQUIRE(t.f.controller->startSession(t.f.show));
    REQUIRE(t.f.controller->perform(LiveAction::Start));
    t.f.controller->closeSession();
    t.live.refreshInterrupted();
    REQUIRE(t.live.view.interrupted.size() == 1);
    t.live.view.resumeOffer = t.live.view.interrupted.front();
    t.live.view.resumeOfferRequested = true;
    t.draw();
    CHECK(t.popupOpen());
    CHECK_FALSE(t.f.controller->hasSession());

    Studio u;
    u.live.view.startDialogRequested = true;
    u.draw();
    CHECK(u.popupOpen());
}

TEST_CASE("closing the studio with the shortcut list open still asks about the live show") {
    Studio s;
    s.f.createSession();
    REQUIRE(s.f.controller->perform(LiveAction::Start));
    s.draw();
    s.imgui.io().AddInputCharacter('?');
    s.draw(2);
    REQUIRE(s.topPopup().rfind("##Popup", 0) == 0);  // the shortcut list (a plain popup)
    s.live.view.quitPromptRequested = true;
    s.draw(2);
    CHECK(s.topPopup().find("The show is live") != std::string::npos);
}

TEST_CASE("a key pressed in the Live tab changes nothing while the frame is drawn, then acts") {
    Studio s;
    s.f.createSession();
    s.draw();
    s.imgui.io().AddInputCharacter(' ');
    s.draw(1, false);
    CHECK(s.f.runner().phase == RunPhase::NotStarted);   // posted, not run mid-frame
    CHECK(s.f.controller->runPosted() == 1);
    CHECK(s.f.runner().phase == RunPhase::Running);
}

TEST_CASE("the Live tab's keys work when no window has the focus yet (no click first)") {
    Studio s;
    s.f.createSession();
    s.draw();
    // As in the studio just opened on the Live tab: nothing focused.
    FrameRequests requests;
    s.imgui.frame([&] {
        ImGui::SetWindowFocus(nullptr);
        s.window.draw(requests);
    });
    s.imgui.frame([&] { s.window.draw(requests); });
    REQUIRE_FALSE(s.imgui.context()->NavWindow);
    s.imgui.io().AddInputCharacter(' ');
    s.draw(1);
    CHECK(s.f.runner().phase == RunPhase::Running);
}

namespace {

// 470 bytes of Chinese: a message the producer really sends (no spaces to wrap at).
std::string longChineseMessage() {
    std::string text;
    while (text.size() < 470) text += "來賓臨時有事需要提早離開，請主持人先感謝來賓，";
    return text;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& l : lines) out += l;
    return out;
}

// Nothing drawn in `w` reaches past its edges (a text cut at the edge of the panel widens the
// window's content past its size).
void checkNothingClipped(ImGuiWindow* w) {
    REQUIRE(w != nullptr);
    CHECK_MESSAGE(w->ContentSize.x <= w->Size.x + 0.5f, std::string(w->Name)
                                                            << " is " << w->ContentSize.x
                                                            << " px wide inside " << w->Size.x);
    CHECK_MESSAGE(w->ContentSize.y <= w->Size.y + 0.5f, std::string(w->Name)
                                                            << " is " << w->ContentSize.y
                                                            << " px tall inside " << w->Size.y);
}

}  // namespace

TEST_CASE(
    "the Live tab wraps a long Chinese message, shrinks it to the box, and never cuts a line") {
    Studio s;
    s.f.createSession();
    REQUIRE(s.f.controller->perform(LiveAction::Start));
    const std::string message = longChineseMessage();
    REQUIRE(s.f.controller->sendMessage(message));
    s.draw(3);
    const FittedText& shown = s.live.view.messageShown;
    CHECK(shown.lines.size() > 2);  // wrapped between the characters, not one long line
    CHECK_FALSE(shown.truncated);   // 1400×900 has room for all of it
    CHECK(joined(shown.lines) == message);
    checkNothingClipped(s.child("##clock"));

    SUBCASE("nine lines") {
        REQUIRE(s.f.controller->sendMessage("一\n二\n三\n四\n五\n六\n七\n八\n九"));
        s.draw(3);
        CHECK(s.live.view.messageShown.lines.size() == 9);
        CHECK_FALSE(s.live.view.messageShown.truncated);
        checkNothingClipped(s.child("##clock"));
    }
    SUBCASE("too long for any size: whole lines, the last ending in …") {
        std::string huge;  // the most the API takes: 2000 bytes
        while (huge.size() + 3 <= kMaxMessageBytes) huge += "來";
        REQUIRE(s.f.controller->sendMessage(huge));
        s.draw(3);
        const FittedText& cut = s.live.view.messageShown;
        CHECK(cut.truncated);
        REQUIRE_FALSE(cut.lines.empty());
        CHECK(cut.lines.back().size() >= 3);
        CHECK(cut.lines.back().substr(cut.lines.back().size() - 3) == "…");
        checkNothingClipped(s.child("##clock"));
    }
}

TEST_CASE("at 1024×700 the Live tab clips no figure or note and leaves the rundown room for rows") {
    Studio s(ImVec2(1024, 700));
    s.f.createSession();
    REQUIRE(s.f.controller->perform(LiveAction::Start));
    s.f.advance(3 * kMin + 20'000);  // the intro 20 s over: notes on every row
    REQUIRE(s.f.controller->perform(LiveAction::Next));
    s.f.advance(kMin);
    REQUIRE(s.f.controller->sendMessage(longChineseMessage()));
    s.draw(3);
    checkNothingClipped(s.child("##clock"));
    checkNothingClipped(s.child("##countdown"));
    ImGuiWindow* tab = s.child("##live");
    REQUIRE(tab != nullptr);
    CHECK(tab->ScrollMax.y == 0.0f);  // the tab does not scroll as a whole
    ImGuiWindow* rundown = s.child("live-rundown");
    REQUIRE(rundown != nullptr);
    // The header and at least kMinRundownRowsUnderMessage rows (a row is a frame tall) while a
    // long message is up, kMinRundownRows without.
    CHECK(rundown->Size.y >=
          ImGui::GetFrameHeight() * static_cast<float>(kMinRundownRowsUnderMessage + 1) - 1.0f);
    // The message: what fits, "…" and the rest in the tooltip; or all of it.
    const FittedText& shown = s.live.view.messageShown;
    REQUIRE_FALSE(shown.lines.empty());
    if (shown.truncated) CHECK(shown.lines.back().substr(shown.lines.back().size() - 3) == "…");

    SUBCASE("without a message") {
        REQUIRE(s.f.controller->sendMessage(""));
        s.draw(3);
        checkNothingClipped(s.child("##clock"));
        ImGuiWindow* rows = s.child("live-rundown");
        REQUIRE(rows != nullptr);
        CHECK(rows->Size.y >=
              ImGui::GetFrameHeight() * static_cast<float>(kMinRundownRows + 1) - 1.0f);
    }
    SUBCASE("ended") {
        REQUIRE(s.f.controller->perform(LiveAction::End));
        s.draw(3);
        checkNothingClipped(s.child("##clock"));
        checkNothingClipped(s.child("##countdown"));
    }
}

TEST_CASE("at 1400×900 the Live tab keeps its full layout, clipping nothing") {
    Studio s;
    s.f.createSession();
    REQUIRE(s.f.controller->perform(LiveAction::Start));
    s.f.advance(3 * kMin + 20'000);
    REQUIRE(s.f.controller->perform(LiveAction::Next));
    s.draw(3);
    checkNothingClipped(s.child("##clock"));
    checkNothingClipped(s.child("##countdown"));
    // Not compact: the big digits at the size they were built for fit the panel.
    ImGuiWindow* rundown = s.child("live-rundown");
    REQUIRE(rundown != nullptr);
    CHECK(rundown->Size.y >= ImGui::GetFrameHeight() * 9.0f);
}

TEST_CASE(
    "once the show has ended every end figure is the report's: 15.3 s of a 1:00:00 show is "
    "−59:45") {
    Studio s;
    s.f.createSession();
    REQUIRE(s.f.controller->perform(LiveAction::Start));
    s.f.advance(15'300);
    REQUIRE(s.f.controller->perform(LiveAction::End));
    const SessionReport* report = s.f.controller->report();
    REQUIRE(report != nullptr);
    // The runner's own figure rounds −59:44.7 toward zero; the report subtracts shown seconds.
    CHECK(formatSignedMs(s.f.runner().overUnderMs) == "−59:44");
    CHECK(report->differenceMs == -(59 * 60 + 45) * 1000);
    CHECK(endedOverUnder(*report) == "−59:45");
    CHECK(endedSummary(*report) == "00:15 on air   −59:45 under");
    // The same report built again (as the presenter does from the same state) agrees.
    CHECK(endedSummary(buildReport(s.f.controller->session()->show(), s.f.runner(), {})) ==
          endedSummary(*report));
    s.draw(2);
}

TEST_CASE("an upcoming segment's length is a budget, rounded up: an elastic 24:59.6 reads 25:00") {
    Studio s;
    s.f.createSession();
    REQUIRE(s.f.controller->perform(LiveAction::Start));
    s.f.advance(3 * kMin + 400);  // the intro 0.4 s over
    REQUIRE(s.f.controller->perform(LiveAction::Next));
    const RunnerState r = s.f.runner();
    const auto elastic = std::find_if(r.segments.begin(), r.segments.end(),
                                      [](const SegmentState& x) { return x.elastic; });
    REQUIRE(elastic != r.segments.end());
    REQUIRE(elastic->effectivePlannedMs % 1000 != 0);
    const std::int64_t up = (elastic->effectivePlannedMs + 999) / 1000 * 1000;
    CHECK(upcomingLengthText(*elastic) == formatCountdownMs(up, false));
    CHECK(upcomingLengthText(*elastic) != formatCountdownMs(elastic->effectivePlannedMs, false));
    s.draw(2);
}
