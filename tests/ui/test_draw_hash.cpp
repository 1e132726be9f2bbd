// Unchanged frames are recognised (so they are not rendered again); any visible change is not.
#include <doctest/doctest.h>

#include "shell/draw_hash.hpp"
#include "widgets/fonts.hpp"
#include "shell/headless.hpp"

using namespace pycast::ui;

namespace {

std::uint64_t drawText(HeadlessImGui& imgui, const char* text, float x = 10.0f) {
    imgui.frame([&] {
        ImGui::SetNextWindowPos(ImVec2(x, 10));
        ImGui::Begin("w", nullptr, ImGuiWindowFlags_NoSavedSettings);
        ImGui::TextUnformatted(text);
        ImGui::End();
    });
    return hashDrawData(*imgui.drawData());
}

}  // namespace

TEST_CASE("the same frame twice has the same fingerprint and a changed one does not") {
    FontManager fonts;
    HeadlessImGui imgui(fonts);
    drawText(imgui, "warm-up");  // the first frames size the window
    drawText(imgui, "warm-up");
    const std::uint64_t a = drawText(imgui, "19:30");
    CHECK(drawText(imgui, "19:30") == a);
    CHECK(drawText(imgui, "19:31") != a);
    CHECK(drawText(imgui, "19:30", 11.0f) != a);
}
