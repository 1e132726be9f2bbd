// The Live tab (the live view) drawn headless in the studio window, in every phase of a show, with its
// dialogs and its keyboard shortcuts.
#include <doctest/doctest.h>
#include <imgui_internal.h>  // the open popup stack, to see a dialog is up

#include "editing/document.hpp"
#include "shell/headless.hpp"
#include "views/live/live_view.hpp"
#include "shell/main_window.hpp"
#include "test_live_support.hpp"
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
    HeadlessImGui imgui{fonts};
    MainWindow window{fonts, {}};
    LiveContext live{*f.controller};

    Studio() {
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
