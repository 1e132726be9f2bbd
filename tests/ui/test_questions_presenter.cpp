// The question on air on the presenter window: large, wrapped, who asked and for whom; nothing
// pending ever; drawn headless at the presenter's sizes.
#include <doctest/doctest.h>

#include "drawn_text.hpp"
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
        f.createSession();
    }
    void draw(int frames = 3) {
        for (int i = 0; i < frames; ++i) {
            FrameRequests requests;
            fonts.addText(presenterText(*f.controller));
            PresenterContext ctx{*f.controller, state, fonts, digits, "AMA"};
            const std::string unbalanced = imgui.frame([&] { drawPresenterView(ctx, requests); });
            CHECK_MESSAGE(unbalanced.empty(), "left open: " << unbalanced);
            fonts.addText(requests.glyphText);
        }
    }
    std::string submit(const std::string& text, const std::string& name,
                       const std::string& person = {}) {
        const SessionActionResult r = f.controller->perform(LiveAction::command(
            LiveRequest(LiveCommand::QuestionSubmit)
                .withText(text)
                .withName(name)
                .withPerson(person)
                .withDevice("device-presenter-" +
                            std::to_string(f.controller->session()->questions().all().size()))
                .withSource(QuestionSource::Web)));
        REQUIRE_MESSAGE(r, r.error.message());
        return r.id;
    }
    void perform(LiveCommand c, const std::string& id) {
        const SessionActionResult r =
            f.controller->perform(LiveAction::command(LiveRequest(c).withId(id)));
        REQUIRE_MESSAGE(r, r.error.message());
    }
    bool shows(const std::string& text) {
        return drawnCharacters(imgui.drawData()).find(withoutSpaces(text)) != std::u32string::npos;
    }
};

}  // namespace

TEST_CASE("the presenter shows the question on air large, with who asked it and for whom") {
    Presenter p;
    const std::string id =
        p.submit("Python 3.13 的 free-threading，你們團隊會在正式環境用嗎？", "阿哲", "p-guest");
    p.perform(LiveCommand::QuestionApprove, id);
    p.draw();
    CHECK_FALSE(p.shows("QUESTION"));  // approved, not on air: not the room's yet
    p.perform(LiveCommand::QuestionOnAir, id);
    p.draw();
    CHECK(p.shows("QUESTION"));
    CHECK(p.shows("free-threading"));
    CHECK(p.shows("— asked by 阿哲 · for 張家豪 Chia-Hao Chang"));
    // Readable across a room: a short question is drawn larger than the titles (the heading
    // font, which the presenter window builds large), in at most three lines.
    REQUIRE_FALSE(p.state.questionShown.lines.empty());
    CHECK(p.state.questionShown.size > p.fonts.font(FontRole::Heading)->FontSize);
    CHECK(p.state.questionShown.lines.size() <= 3);
    CHECK_FALSE(p.state.questionShown.truncated);
}

TEST_CASE("a pending question never reaches the presenter") {
    Presenter p;
    const std::string pending = p.submit("A question nobody approved yet", "Someone");
    p.draw();
    CHECK_FALSE(p.shows("nobody approved"));
    // Put on air without approval is refused, so it still is not shown.
    const SessionActionResult r = p.f.controller->perform(
        LiveAction::command(LiveRequest(LiveCommand::QuestionOnAir).withId(pending)));
    CHECK_FALSE(r);
    p.draw();
    CHECK_FALSE(p.shows("nobody approved"));
    CHECK_FALSE(p.shows("QUESTION"));
}

TEST_CASE("a long question shrinks to fit the presenter, whole, and markup stays text") {
    for (ImVec2 size : {ImVec2(1920, 1080), ImVec2(1280, 720)}) {
        Presenter p(size);
        std::string text = "<script>alert(1)</script> ";
        while (text.size() < 420)
            text += "這是一個很長的問題，關於團隊如何導入型別檢查 and testing in CI. ";
        const std::string id = p.submit(text, "");
        p.perform(LiveCommand::QuestionApprove, id);
        p.perform(LiveCommand::QuestionOnAir, id);
        p.draw();
        CHECK(p.shows("<script>alert(1)</script>"));
        CHECK(p.shows("— asked anonymously"));
        CHECK_FALSE(p.state.questionShown.truncated);
        CHECK(p.state.questionShown.lines.size() >= 3);
    }
}
