// The main window's content: document, UI state, views, menus, status bar (UI thread).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "document.hpp"
#include "fonts.hpp"
#include "views.hpp"

namespace pycast::ui {

// Draws into whatever ImGui context is current and needs no GLFW or GL, so tests can draw the
// whole studio headless. The App owns one and feeds it frames; a later presenter OS window
// gets its own view drawing from the same document.
class MainWindow {
public:
    // showDirs: folders whose .json files the Open dialog lists (the sample shows).
    MainWindow(FontManager& fonts, std::vector<std::filesystem::path> showDirs);

    void setDocument(Document doc);
    void open(const std::filesystem::path& file) { setDocument(openDocument(file)); }
    const Document& document() const { return m_document; }
    UiState& ui() { return m_ui; }
    ViewRegistry& views() { return m_views; }

    // Draws the whole studio as one frame's content.
    void draw(FrameRequests& requests);
    // Acts on what the frame asked for (open, reload). Returns false when the user quit.
    bool apply(const FrameRequests& requests);

    // "PyCast Studio — <show title> — <file name>"
    std::string windowTitle() const;
    // Ids of the views drawn in the last frame ("rundown", "problems").
    const std::vector<std::string>& drawnViews() const { return m_drawnViews; }

private:
    struct OpenDialog {
        bool requested = false;
        std::string path;
        std::vector<std::filesystem::path> files;
        bool focusPath = false;
    };

    void handleShortcuts(FrameRequests& requests);
    void drawMenuBar(FrameRequests& requests);
    void drawViews(FrameRequests& requests);
    void drawStatusBar();
    void drawOpenDialog(FrameRequests& requests);
    void drawAboutDialog();
    void listShowFiles();

    FontManager& m_fonts;
    std::vector<std::filesystem::path> m_showDirs;
    Document m_document;
    UiState m_ui;
    ViewRegistry m_views;
    std::string m_selectTab;  // tab to bring to front on the next frame
    OpenDialog m_openDialog;
    bool m_aboutRequested = false;
    std::string m_notice;  // last action, shown in the status bar
    std::vector<std::string> m_drawnViews;
};

}  // namespace pycast::ui
