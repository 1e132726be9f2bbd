// A windowless ImGui context for tests and benchmarks (the calling thread only).
#include "shell/headless.hpp"

#include <imgui_internal.h>  // the context's stacks, to report what a view left open

#include <cfloat>

#include "widgets/theme.hpp"

namespace pycast::ui {

namespace {
void ignoreRecoveryLog(void*, const char*, ...) {}
}  // namespace

HeadlessImGui::HeadlessImGui(FontManager& fonts, ImVec2 displaySize) : m_fonts(fonts) {
    m_previous = ImGui::GetCurrentContext();
    m_context = ImGui::CreateContext();
    ImGui::SetCurrentContext(m_context);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = displaySize;
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    applyTheme(ImGui::GetStyle(), 1.0f);
    m_fonts.build(*io.Fonts);
}

HeadlessImGui::~HeadlessImGui() {
    ImGui::DestroyContext(m_context);
    ImGui::SetCurrentContext(m_previous);
}

std::string HeadlessImGui::frame(const std::function<void()>& draw, float deltaSeconds) {
    ImGui::SetCurrentContext(m_context);
    ImGuiIO& io = ImGui::GetIO();
    if (m_fonts.rebuildPending()) m_fonts.build(*io.Fonts);
    io.DeltaTime = deltaSeconds;
    ImGui::NewFrame();
    draw();

    const ImGuiContext& g = *m_context;
    std::string unbalanced;
    // The implicit "Debug##Default" window is always on the stack during a frame.
    if (g.CurrentWindowStack.Size != 1) unbalanced += "window (Begin/End) ";
    if (g.CurrentWindow && g.CurrentWindow->IDStack.Size != 1) unbalanced += "PushID ";
    if (g.ColorStack.Size != 0) unbalanced += "PushStyleColor ";
    if (g.StyleVarStack.Size != 0) unbalanced += "PushStyleVar ";
    if (g.FontStack.Size != 0) unbalanced += "PushFont ";
    if (g.GroupStack.Size != 0) unbalanced += "BeginGroup ";
    if (g.BeginPopupStack.Size != 0) unbalanced += "BeginPopup ";
    if (g.CurrentTable != nullptr) unbalanced += "BeginTable ";
    if (!unbalanced.empty()) {
        // Let ImGui close what was left open so Render() does not abort the test.
        ImGui::ErrorCheckEndFrameRecover(ignoreRecoveryLog, nullptr);
    }
    ImGui::Render();
    return unbalanced;
}

}  // namespace pycast::ui
