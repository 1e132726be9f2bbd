// The main window's status bar (file, totals, unsaved marker, last notice or warning) and the
// toast that answers what the user just did (UI thread).
#include <imgui.h>

#include <string>

#include "core/duration.hpp"
#include "shell/main_window.hpp"
#include "widgets/theme.hpp"
#include "widgets/widgets.hpp"

namespace pycast::ui {

void MainWindow::drawStatusBar() {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 windowPos = ImGui::GetWindowPos();
    const ImVec2 windowSize = ImGui::GetWindowSize();
    ImGui::GetWindowDrawList()->AddRectFilled(
        ImVec2(windowPos.x, pos.y - ImGui::GetStyle().ItemSpacing.y * 0.5f),
        ImVec2(windowPos.x + windowSize.x, windowPos.y + windowSize.y),
        ImGui::GetColorU32(ImGuiCol_MenuBarBg));

    ImGui::PushFont(m_fonts.font(FontRole::Small));
    std::string left = m_document.path.empty()
                           ? std::string(m_document.show ? "Untitled: not saved yet" : "No file")
                           : m_document.path.string();
    if (m_document.show && m_document.analysis) {
        left += "   ·   " + std::to_string(m_document.show->rundown.size()) + " segments, " +
                formatDuration(m_document.analysis->plannedTotal) + " planned";
    } else if (!m_document.problems.empty()) {
        const std::size_t n = m_document.problems.size();
        left += "   ·   " + std::to_string(n) + (n == 1 ? " problem" : " problems");
    }
    textColoured(left, colours::kTextDim);
    if (m_document.show && m_document.dirty) {
        ImGui::SameLine();
        textColoured("•  unsaved changes", colours::kWarning);
    }

    const std::string& warning = m_fonts.warning();
    const std::string autosave = m_editor.autosaveError();
    std::string right = m_notice;
    ImU32 colour = m_toastProblem ? colours::kBad : colours::kTextDim;
    if (!autosave.empty()) {
        right = "⚠ Autosave failed: " + autosave;
        colour = colours::kWarning;
    }
    if (!warning.empty()) {
        right = "⚠ " + warning;
        colour = colours::kWarning;
    }
    if (!right.empty()) {
        ImGui::SameLine();
        alignRight(right);
        textColoured(right, colour);
    }
    ImGui::PopFont();
}

void MainWindow::drawToast() {
    if (m_notice.empty() || ImGui::GetTime() >= m_toastUntil) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float em = ImGui::GetFontSize();
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x - em,
                                   viewport->WorkPos.y + viewport->WorkSize.y - em * 2.4f),
                            ImGuiCond_Always, ImVec2(1.0f, 1.0f));
    ImGui::SetNextWindowBgAlpha(0.95f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 6.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    ImGui::PushStyleColor(ImGuiCol_Border, m_toastProblem ? colours::kBad : colours::kGood);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs;
    if (ImGui::Begin("##toast", nullptr, flags)) {
        textColoured(m_toastProblem ? "⚠" : "✓", m_toastProblem ? colours::kBad : colours::kGood);
        ImGui::SameLine();
        ImGui::PushTextWrapPos(em * 32.0f);
        ImGui::TextUnformatted(m_notice.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
}

}  // namespace pycast::ui
