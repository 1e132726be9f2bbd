// The main window's menu bar: File, Edit, View, Live, Help. Menu items post edits or open the
// file flow's dialogs; nothing changes the document while the menu is drawn (UI thread).
#include <imgui.h>

#include <filesystem>
#include <string>

#include "shell/main_window.hpp"
#include "views/live/live_view.hpp"

namespace pycast::ui {

namespace fs = std::filesystem;

void MainWindow::drawMenuBar(FrameRequests& requests) {
    if (!ImGui::BeginMenuBar()) return;
    drawFileMenu(requests);
    drawEditMenu();
    if (ImGui::BeginMenu("View")) {
        for (ViewInfo& view : m_views) ImGui::MenuItem(view.title.c_str(), nullptr, &view.open);
        ImGui::Separator();
        ImGui::MenuItem("Timeline", nullptr, &m_ui.rundown.showTimeline);
        ImGui::MenuItem("Totals panel", nullptr, &m_ui.rundown.showTotals);
        if (m_live) drawPresenterMenuItem(*m_live);
        ImGui::EndMenu();
    }
    if (m_live) drawLiveMenu(*m_live, m_document);
    if (ImGui::BeginMenu("Help")) {
        if (ImGui::MenuItem("About PyCast Studio")) m_aboutRequested = true;
        ImGui::EndMenu();
    }
    ImGui::EndMenuBar();
}

void MainWindow::drawFileMenu(FrameRequests& requests) {
    if (!ImGui::BeginMenu("File")) return;
    const bool hasShow = m_document.show.has_value();
    if (ImGui::MenuItem("New from template…", "Ctrl+N")) showTemplatePicker();
    if (ImGui::MenuItem("Open…", "Ctrl+O")) requests.showOpenDialog = true;
    if (ImGui::BeginMenu("Open Recent")) {
        const auto& recent = recentFiles();
        if (recent.empty()) ImGui::MenuItem("No recent files", nullptr, false, false);
        for (const fs::path& file : recent) {
            ImGui::PushID(file.string().c_str());
            if (ImGui::MenuItem(file.filename().string().c_str(), file.parent_path().string().c_str())) {
                requests.open = file;
            }
            ImGui::PopID();
        }
        ImGui::EndMenu();
    }
    if (const auto sample = findSampleEpisode(m_showDirs)) {
        if (ImGui::MenuItem("Open the sample episode")) requests.open = *sample;
    }
    if (ImGui::MenuItem("Reload", "Ctrl+R", false, !m_document.path.empty())) requests.reload = true;
    ImGui::Separator();
    if (ImGui::MenuItem("Save", "Ctrl+S", false, hasShow)) later([this] { save(); });
    if (ImGui::MenuItem("Save As…", "Ctrl+Shift+S", false, hasShow)) showSaveAsDialog();
    if (ImGui::MenuItem("Save as template…", nullptr, false, hasShow)) showSaveTemplateDialog();
    ImGui::Separator();
    if (ImGui::MenuItem("Import segments from CSV…", nullptr, false, hasShow)) showImportDialog();
    if (ImGui::BeginMenu("Export rundown", hasShow)) {
        if (ImGui::MenuItem("Markdown for HackMD (.md)…")) showExportDialog(RundownFormat::Markdown);
        if (ImGui::MenuItem("CSV (.csv)…")) showExportDialog(RundownFormat::Csv);
        if (ImGui::MenuItem("Plain text (.txt)…")) showExportDialog(RundownFormat::Text);
        ImGui::Separator();
        if (ImGui::MenuItem("Copy Markdown to clipboard")) copyMarkdown();
        ImGui::EndMenu();
    }
    if (ImGui::MenuItem("Export episode…", "Ctrl+E")) showEpisodeExport();
    ImGui::Separator();
    if (ImGui::MenuItem("Quit", "Ctrl+Q")) requests.quit = true;
    ImGui::EndMenu();
}

void MainWindow::drawEditMenu() {
    if (!ImGui::BeginMenu("Edit")) return;
    const bool hasShow = m_document.show.has_value();
    const std::string undo = m_editor.canUndo() ? "Undo " + m_document.history.undoLabel() : std::string("Undo");
    const std::string redo = m_editor.canRedo() ? "Redo " + m_document.history.redoLabel() : std::string("Redo");
    if (ImGui::MenuItem((undo + "###undo").c_str(), "Ctrl+Z", false, m_editor.canUndo())) {
        m_editor.post([](RundownEditor& e) { e.undo(); });
    }
    if (ImGui::MenuItem((redo + "###redo").c_str(), "Ctrl+Shift+Z", false, m_editor.canRedo())) {
        m_editor.post([](RundownEditor& e) { e.redo(); });
    }
    ImGui::Separator();
    const bool selected = m_editor.selectedSegment() != nullptr;
    const int index = m_editor.selectedIndex();
    const int count = hasShow ? static_cast<int>(m_document.show->rundown.size()) : 0;
    if (ImGui::MenuItem("Add segment below", "Ctrl+Enter", false, hasShow)) {
        m_editor.post([](RundownEditor& e) { e.addSegment(InsertWhere::Below); });
    }
    if (ImGui::MenuItem("Insert segment above", "Ctrl+Shift+Enter", false, selected)) {
        m_editor.post([](RundownEditor& e) { e.addSegment(InsertWhere::Above); });
    }
    if (ImGui::MenuItem("Duplicate segment", "Ctrl+D", false, selected)) {
        m_editor.post([](RundownEditor& e) { e.duplicateSelected(); });
    }
    if (ImGui::MenuItem("Delete segment", "Delete", false, selected)) {
        m_editor.post([](RundownEditor& e) { e.deleteSelected(); });
    }
    if (ImGui::MenuItem("Move segment up", "Alt+Up", false, index > 0)) {
        m_editor.post([](RundownEditor& e) { e.moveSelected(-1); });
    }
    if (ImGui::MenuItem("Move segment down", "Alt+Down", false, index >= 0 && index + 1 < count)) {
        m_editor.post([](RundownEditor& e) { e.moveSelected(1); });
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Add person", nullptr, false, hasShow)) m_editor.post([](RundownEditor& e) { e.addPerson(); });
    if (ImGui::MenuItem("Add question", nullptr, false, hasShow)) m_editor.post([](RundownEditor& e) { e.addQuestion(); });
    if (ImGui::MenuItem("Show settings", nullptr, false, hasShow)) m_editor.post([](RundownEditor& e) { e.state().showPage = InspectorPage::Show; });
    ImGui::EndMenu();
}

}  // namespace pycast::ui
