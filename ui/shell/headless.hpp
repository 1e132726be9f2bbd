// An ImGui context without a window or GPU, for drawing views in tests and benchmarks (one thread).
#pragma once

#include <imgui.h>

#include <functional>
#include <string>

#include "widgets/fonts.hpp"

namespace pycast::ui {

// Owns an ImGui context with fonts built on the CPU; frame() runs NewFrame → draw → Render with
// no backend. Makes its context current on construction and restores the previous one after.
class HeadlessImGui {
public:
    explicit HeadlessImGui(FontManager& fonts, ImVec2 displaySize = ImVec2(1400, 900));
    ~HeadlessImGui();
    HeadlessImGui(const HeadlessImGui&) = delete;
    HeadlessImGui& operator=(const HeadlessImGui&) = delete;

    // Draws one frame. Returns an empty string, or what was left unbalanced by `draw`
    // (a Begin without End, a PushID without PopID, ...), which ImGui would only assert on.
    std::string frame(const std::function<void()>& draw, float deltaSeconds = 1.0f / 60.0f);

    ImGuiIO& io() { return ImGui::GetIO(); }
    ImDrawData* drawData() { return ImGui::GetDrawData(); }
    ImGuiContext* context() const { return m_context; }

private:
    FontManager& m_fonts;
    ImGuiContext* m_context = nullptr;
    ImGuiContext* m_previous = nullptr;
};

}  // namespace pycast::ui
