// The studio's main window content: menu bar, view tabs, status bar, Open dialog (UI thread).
#include "main_window.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <system_error>

#include "duration.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace pycast::ui {

namespace fs = std::filesystem;

MainWindow::MainWindow(FontManager& fonts, std::vector<fs::path> showDirs)
    : m_fonts(fonts), m_showDirs(std::move(showDirs)) {
    registerBuiltinViews(m_views);
}

void MainWindow::setDocument(Document doc) {
    m_document = std::move(doc);
    m_fonts.addText(documentText(m_document));
    if (m_document.show &&
        m_document.show->findSegment(m_ui.rundown.selectedSegmentId) == nullptr) {
        m_ui.rundown.selectedSegmentId.clear();
    }
    m_selectTab = m_document.problems.empty() ? "rundown" : "problems";
}

std::string MainWindow::windowTitle() const {
    std::string title = "PyCast Studio";
    if (!m_document.title().empty()) title += " — " + m_document.title();
    if (!m_document.path.empty())
        title += " — " + m_document.fileName() + (m_document.dirty ? "*" : "");
    return title;
}

bool MainWindow::apply(const FrameRequests& requests) {
    if (requests.quit) return false;
    if (!requests.glyphText.empty()) m_fonts.addText(requests.glyphText);
    if (requests.open) {
        open(*requests.open);
        m_notice = m_document.problems.empty() ? "Opened " + m_document.fileName()
                                               : "Could not open " + m_document.fileName();
    } else if (requests.reload && !m_document.path.empty()) {
        open(m_document.path);
        m_notice = m_document.problems.empty() ? "Reloaded " + m_document.fileName()
                                               : "Reloaded: still has problems";
    }
    if (requests.showOpenDialog) {
        m_openDialog.requested = true;
        m_openDialog.path = m_document.path.string();
        m_openDialog.focusPath = true;
        listShowFiles();
    }
    return true;
}

void MainWindow::listShowFiles() {
    std::vector<fs::path> dirs;
    if (!m_document.path.empty()) dirs.push_back(m_document.path.parent_path());
    dirs.insert(dirs.end(), m_showDirs.begin(), m_showDirs.end());
    m_openDialog.files.clear();
    for (const auto& dir : dirs) {
        std::error_code ec;
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
            const fs::path p = fs::weakly_canonical(it->path(), ec);
            if (ec || p.extension() != ".json") continue;
            if (std::find(m_openDialog.files.begin(), m_openDialog.files.end(), p) ==
                m_openDialog.files.end()) {
                m_openDialog.files.push_back(p);
            }
        }
    }
    std::sort(m_openDialog.files.begin(), m_openDialog.files.end());
    for (const auto& f : m_openDialog.files) m_fonts.addText(f.string());
}

void MainWindow::handleShortcuts(FrameRequests& requests) {
    if (ctrlShortcut('O')) requests.showOpenDialog = true;
    if (ctrlShortcut('R')) requests.reload = true;
    if (ctrlShortcut('Q')) requests.quit = true;
}

void MainWindow::draw(FrameRequests& requests) {
    m_drawnViews.clear();
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_MenuBar |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("##main", nullptr, flags);
    handleShortcuts(requests);
    drawMenuBar(requests);

    const float statusHeight = ImGui::GetTextLineHeight() + ImGui::GetStyle().ItemSpacing.y;
    ImGui::BeginChild("##views", ImVec2(0, -statusHeight), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse |
                          ImGuiWindowFlags_NoBackground);
    drawViews(requests);
    ImGui::EndChild();
    drawStatusBar();

    drawOpenDialog(requests);
    drawAboutDialog();
    ImGui::End();
}

void MainWindow::drawMenuBar(FrameRequests& requests) {
    if (!ImGui::BeginMenuBar()) return;
    if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("Open…", "Ctrl+O")) requests.showOpenDialog = true;
        if (ImGui::MenuItem("Reload", "Ctrl+R", false, !m_document.path.empty())) {
            requests.reload = true;
        }
        if (const auto sample = findSampleEpisode(m_showDirs)) {
            if (ImGui::MenuItem("Open the sample episode")) requests.open = *sample;
        }
        ImGui::Separator();
        if (ImGui::MenuItem("Quit", "Ctrl+Q")) requests.quit = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        for (ViewInfo& view : m_views) ImGui::MenuItem(view.title.c_str(), nullptr, &view.open);
        ImGui::Separator();
        ImGui::MenuItem("Timeline", nullptr, &m_ui.rundown.showTimeline);
        ImGui::MenuItem("Totals panel", nullptr, &m_ui.rundown.showTotals);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Help")) {
        if (ImGui::MenuItem("About PyCast Studio")) m_aboutRequested = true;
        ImGui::EndMenu();
    }
    ImGui::EndMenuBar();
}

void MainWindow::drawViews(FrameRequests& requests) {
    ViewContext ctx{m_document, m_ui, m_fonts, requests};

    if (ImGui::BeginTabBar("##views-tabs", ImGuiTabBarFlags_NoTooltip)) {
        for (ViewInfo& view : m_views) {
            if (view.place != ViewPlace::Tab || !view.open) continue;
            if (view.available && !view.available(m_document)) continue;
            const std::string label =
                (view.label ? view.label(m_document) : view.title) + "###" + view.id;
            ImGuiTabItemFlags tabFlags = 0;
            if (m_selectTab == view.id) tabFlags |= ImGuiTabItemFlags_SetSelected;
            if (ImGui::BeginTabItem(label.c_str(), nullptr, tabFlags)) {
                ImGui::PushID(view.id.c_str());
                ImGui::BeginChild("##view", ImVec2(0, 0), false,
                                  ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollbar);
                ImGui::Dummy(ImVec2(0, 2));
                view.draw(ctx);
                ImGui::EndChild();
                ImGui::PopID();
                m_drawnViews.push_back(view.id);
                ImGui::EndTabItem();
            }
        }
        ImGui::EndTabBar();
    }
    m_selectTab.clear();

    for (ViewInfo& view : m_views) {
        if (view.place != ViewPlace::Window || !view.open) continue;
        if (view.available && !view.available(m_document)) continue;
        if (ImGui::Begin((view.title + "###" + view.id).c_str(), &view.open)) {
            view.draw(ctx);
            m_drawnViews.push_back(view.id);
        }
        ImGui::End();
    }
}

void MainWindow::drawStatusBar() {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 windowPos = ImGui::GetWindowPos();
    const ImVec2 windowSize = ImGui::GetWindowSize();
    ImGui::GetWindowDrawList()->AddRectFilled(
        ImVec2(windowPos.x, pos.y - ImGui::GetStyle().ItemSpacing.y * 0.5f),
        ImVec2(windowPos.x + windowSize.x, windowPos.y + windowSize.y),
        ImGui::GetColorU32(ImGuiCol_MenuBarBg));

    ImGui::PushFont(m_fonts.font(FontRole::Small));
    std::string left = m_document.path.empty() ? std::string("No file") : m_document.path.string();
    if (m_document.show && m_document.analysis) {
        left += "   ·   " + std::to_string(m_document.show->rundown.size()) + " segments, " +
                formatDuration(m_document.analysis->plannedTotal) + " planned";
    } else if (!m_document.problems.empty()) {
        const std::size_t n = m_document.problems.size();
        left += "   ·   " + std::to_string(n) + (n == 1 ? " problem" : " problems");
    }
    textColoured(left, colours::kTextDim);

    const std::string& warning = m_fonts.warning();
    const std::string right = !warning.empty() ? "⚠ " + warning : m_notice;
    if (!right.empty()) {
        ImGui::SameLine();
        alignRight(right);
        textColoured(right, !warning.empty() ? colours::kWarning : colours::kTextDim);
    }
    ImGui::PopFont();
}

void MainWindow::drawOpenDialog(FrameRequests& requests) {
    if (m_openDialog.requested) {
        ImGui::OpenPopup("Open show");
        m_openDialog.requested = false;
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 40, 0), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal("Open show", nullptr, ImGuiWindowFlags_NoSavedSettings)) return;

    ImGui::TextUnformatted("Show file");
    if (m_openDialog.focusPath) {
        ImGui::SetKeyboardFocusHere();
        m_openDialog.focusPath = false;
    }
    ImGui::SetNextItemWidth(-1);
    bool accept =
        ImGui::InputText("##path", &m_openDialog.path,
                         ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
    m_fonts.addText(m_openDialog.path);

    if (!m_openDialog.files.empty()) {
        ImGui::Spacing();
        textColoured("Shows nearby", colours::kTextDim);
        const float height =
            ImGui::GetTextLineHeightWithSpacing() *
            static_cast<float>(std::min<std::size_t>(m_openDialog.files.size(), 8) + 1);
        if (ImGui::BeginListBox("##files", ImVec2(-1, height))) {
            for (const auto& file : m_openDialog.files) {
                const std::string full = file.string();
                ImGui::PushID(full.c_str());
                const bool selected = m_openDialog.path == full;
                if (ImGui::Selectable(file.filename().string().c_str(), selected,
                                      ImGuiSelectableFlags_AllowDoubleClick)) {
                    m_openDialog.path = full;
                    if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) accept = true;
                }
                ImGui::SameLine();
                textColoured(file.parent_path().string(), colours::kTextDim);
                ImGui::PopID();
            }
            ImGui::EndListBox();
        }
    }
    ImGui::Spacing();
    const bool canOpen = !m_openDialog.path.empty();
    ImGui::BeginDisabled(!canOpen);
    if (ImGui::Button("Open", ImVec2(ImGui::GetFontSize() * 6, 0))) accept = true;
    ImGui::EndDisabled();
    ImGui::SameLine();
    const bool cancel = ImGui::Button("Cancel", ImVec2(ImGui::GetFontSize() * 6, 0)) ||
                        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
    if (accept && canOpen) {
        requests.open = fs::path(m_openDialog.path);
        ImGui::CloseCurrentPopup();
    } else if (cancel) {
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void MainWindow::drawAboutDialog() {
    if (m_aboutRequested) {
        ImGui::OpenPopup("About PyCast Studio");
        m_aboutRequested = false;
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(
            "About PyCast Studio", nullptr,
            ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        return;
    }
    ImGui::PushFont(m_fonts.font(FontRole::Heading));
    ImGui::TextUnformatted("PyCast Studio");
    ImGui::PopFont();
    ImGui::TextUnformatted("Production companion for PyCon Taiwan's PyCast podcast.");
    textColoured("Fonts: " + m_fonts.description(), colours::kTextDim);
    textColoured(std::string("Dear ImGui ") + ImGui::GetVersion(), colours::kTextDim);
    ImGui::Spacing();
    if (ImGui::Button("Close", ImVec2(ImGui::GetFontSize() * 6, 0)) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace pycast::ui
