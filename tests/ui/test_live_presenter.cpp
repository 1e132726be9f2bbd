// The presenter view drawn headless at 1080p in every phase; its sizing for readability.
#include <doctest/doctest.h>

#include "live/live_command.hpp"
#include "shell/headless.hpp"
#include "test_live_support.hpp"
#include "views/presenter/presenter_view.hpp"
#include "views/views.hpp"

using namespace pycast;
using namespace pycast::ui;
using namespace pycast::uitest;

namespace {

struct Presenter {
    LiveFixture f;
    FontManager fonts;
    DigitFont digits;
    ImVec2 display;
    HeadlessImGui imgui;
    PresenterState state;

    explicit Presenter(ImVec2 size = ImVec2(1920, 1080)) : display(size), imgui(fonts, size) {
        digits.ensureSize(presenterDigitPixels(display, digits));
    }

    FrameRequests draw(int frames = 2) {
        FrameRequests last;
        for (int i = 0; i < frames; ++i) {
            FrameRequests requests;
            fonts.addText(presenterText(*f.controller));
            PresenterContext ctx{*f.controller, state, fonts, digits, "AMA"};
            const std::string unbalanced = imgui.frame([&] { drawPresenterView(ctx, requests); });
            CHECK_MESSAGE(unbalanced.empty(), "left open: " << unbalanced);
            fonts.addText(requests.glyphText);
            last = requests;
        }
        CHECK(imgui.drawData()->TotalVtxCount > 0);
        return last;
    }
};

}  // namespace

TEST_CASE("presenter digits fill a 1080p screen: readable from across a room, never too wide") {
    DigitFont digits;
    const float px = presenterDigitPixels(ImVec2(1920, 1080), digits);
    CHECK(px >= 300.0f);  // a digit about 200 px tall or more
    CHECK(px <= 1080.0f * 0.45f);
    CHECK(px * digits.widthPerPixel("+00:00") <= 1920.0f * 0.9f + 1.0f);
    // A tall, narrow window is limited by its width.
    const float narrow = presenterDigitPixels(ImVec2(600, 1000), digits);
    CHECK(narrow * digits.widthPerPixel("+00:00") <= 600.0f * 0.9f + 1.0f);
    CHECK(presenterFontScale(ImVec2(1920, 1080)) == doctest::Approx(2.5f));
    CHECK(presenterFontScale(ImVec2(1280, 720)) < presenterFontScale(ImVec2(1920, 1080)));
}

TEST_CASE("the presenter draws without a session, idle") {
    Presenter p;
    CHECK(p.draw().frameRate == 0.0);
}

TEST_CASE("the presenter draws every phase and asks for frames while live") {
    Presenter p;
    p.f.createSession();
    CHECK(p.draw().frameRate == doctest::Approx(10.0));
    REQUIRE(p.f.controller->perform(LiveAction::Start));
    p.draw();
    p.f.advance(2 * kMin + 20'000);  // the last minute
    p.draw();
    p.f.advance(kMin);  // over
    p.draw();
    REQUIRE(p.f.controller->perform(LiveAction::Hold));
    p.draw();
    REQUIRE(p.f.controller->perform(LiveAction::Resume));
    REQUIRE(p.f.controller->perform(LiveAction::End));
    CHECK(p.draw().frameRate == 0.0);
}

TEST_CASE("a new message makes the presenter pulse, at a higher frame rate, for a few seconds") {
    Presenter p;
    p.f.createSession();
    REQUIRE(p.f.controller->perform(LiveAction::Start));
    p.draw();  // the view has seen "no message"
    REQUIRE(p.f.controller->sendMessage("時間到了，請收尾 — wrap up now, the guest has to leave"));
    const FrameRequests r = p.draw(1);
    CHECK(r.frameRate > 10.0);
    CHECK(p.state.flash.active(ImGui::GetTime()));
    // Long after, the pulse is over and the rate is the countdown's.
    const FrameRequests later = [&] {
        FrameRequests last;
        for (int i = 0; i < 8; ++i) {
            FrameRequests requests;
            PresenterContext ctx{*p.f.controller, p.state, p.fonts, p.digits, ""};
            p.imgui.frame([&] { drawPresenterView(ctx, requests); }, 1.0f);
            last = requests;
        }
        return last;
    }();
    CHECK(later.frameRate == doctest::Approx(10.0));
}

namespace {

std::string joinedLines(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& l : lines) out += l;
    return out;
}

}  // namespace

// The presenter window (1280×720, text fonts at presenterFontScale 1.75) in the proportions of
// the headless fonts, which are built at scale 1.
const ImVec2 kPresenterAtScaleOne(1280.0f / 1.75f, 720.0f / 1.75f);

TEST_CASE("the presenter shows a 470-byte Chinese message whole, wrapped, with NEXT still on") {
    Presenter p(kPresenterAtScaleOne);
    p.f.createSession();
    REQUIRE(p.f.controller->perform(LiveAction::Start));
    std::string message;
    while (message.size() < 470) message += "來賓臨時有事需要提早離開，請主持人先感謝來賓，";
    REQUIRE(p.f.controller->sendMessage(message));
    p.draw(3);
    CHECK(p.state.messageShown.lines.size() > 1);
    CHECK_FALSE(p.state.messageShown.truncated);
    CHECK(joinedLines(p.state.messageShown.lines) == message);
    CHECK(p.state.messageTop >= p.state.countdownBottom);
}

TEST_CASE("a 9-line message on the presenter grows its box over NEXT, never over the countdown") {
    Presenter p(kPresenterAtScaleOne);
    p.f.createSession();
    REQUIRE(p.f.controller->perform(LiveAction::Start));
    REQUIRE(p.f.controller->sendMessage(
        "第一行：請準備\n第二行：來賓\n第三行：時間\n第四行：問答\n第五行：徵才\n"
        "第六行：結尾\n第七行：問卷\n第八行：合照\n第九行：謝謝"));
    p.draw(3);
    CHECK(p.state.messageShown.lines.size() == 9);  // was cut at "第四行…"
    CHECK_FALSE(p.state.messageShown.truncated);
    CHECK(p.state.messageShown.lines.back() == "第九行：謝謝");
    CHECK(p.state.messageTop >= p.state.countdownBottom);

    SUBCASE("the longest message the API takes is shown whole, over NEXT, under the countdown") {
        std::string huge;  // 2000 bytes
        while (huge.size() + 3 <= kMaxMessageBytes) huge += "來";
        REQUIRE(p.f.controller->sendMessage(huge));
        p.draw(3);
        CHECK_FALSE(p.state.messageShown.truncated);
        CHECK(joinedLines(p.state.messageShown.lines) == huge);
        CHECK_FALSE(p.state.nextShown);
        CHECK(p.state.messageTop >= p.state.countdownBottom);
    }
    SUBCASE("a short message leaves NEXT where it was") {
        REQUIRE(p.f.controller->sendMessage("wrap up"));
        p.draw(3);
        CHECK(p.state.nextShown);
        CHECK_FALSE(p.state.messageShown.truncated);
    }
}
