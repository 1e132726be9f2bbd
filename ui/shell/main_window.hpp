// The main window's content: document, UI state, views, menus, status bar (UI thread).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "dialogs/dialog_file.hpp"
#include "dialogs/dialog_import.hpp"
#include "dialogs/dialog_prompts.hpp"
#include "dialogs/dialog_template.hpp"
#include "editing/document.hpp"
#include "views/rundown/editor.hpp"
#include "shell/fonts.hpp"
#include "views/views.hpp"
#include "io/workspace.hpp"

namespace pycast::ui {

struct LiveContext;

// Draws into whatever ImGui context is current and needs no GLFW or GL, so tests can draw the
// whole studio headless. The App owns one and feeds it frames; a later presenter OS window
// gets its own view drawing from the same document.
class MainWindow {
public:
    // showDirs: folders whose .json files the Open dialog lists (the sample shows).
    MainWindow(FontManager& fonts, std::vector<std::filesystem::path> showDirs);
    ~MainWindow();
    MainWindow(const MainWindow&) = delete;
    MainWindow& operator=(const MainWindow&) = delete;

    // Shows `doc` at once, whatever is unsaved (tests, start-up; user actions go through open()).
    void setDocument(Document doc);
    // Opens a show file; with unsaved changes, asks first (Save / Don't save / Cancel). Offers
    // to restore an autosave the file has.
    void open(const std::filesystem::path& file);
    const Document& document() const { return m_document; }
    UiState& ui() { return m_ui; }
    ViewRegistry& views() { return m_views; }
    Editor& editor() { return m_editor; }

    // Keeps File > Open Recent in `store` (the App passes configDir()/recent.json; without it the
    // list lives only as long as the window, so tests leave the user's list alone).
    void useRecentFiles(const std::filesystem::path& store);
    const std::vector<std::filesystem::path>& recentFiles() const;

    // The window's close button, Ctrl+Q: true when it may close now. With unsaved changes it
    // asks instead and returns false; the answer closes the window or not.
    bool requestClose();
    // The close was called off elsewhere (the live show prompt): ask about unsaved edits again.
    void cancelClose() { m_closeConfirmed = false; }

    // What the File menu does, callable from tests: each opens the same dialog the menu does.
    void showOpenDialog();
    void showTemplatePicker();
    void save();  // Ctrl+S; an untitled show goes to Save As
    void showSaveAsDialog();
    void showSaveTemplateDialog();
    void showImportDialog();                                // picks the CSV file
    void startImport(const std::filesystem::path& csvFile);  // straight to the preview
    void showExportDialog(RundownFormat format);
    void copyMarkdown();
    // The last action's message (status bar and toast).
    const std::string& notice() const { return m_notice; }

    // The file chooser the menus share (tests look at what it was opened for).
    const FileDialog& fileDialog() const { return m_fileDialog; }

    // What the editor's questions' buttons do (the dialogs call these; so can tests).
    void answerUnsavedChanges(UnsavedChoice choice);
    void answerRestore(RestoreChoice choice);

    // Draws the whole studio as one frame's content.
    void draw(FrameRequests& requests);
    // Acts on what the frame asked for (open, reload). Returns false when the user quit.
    bool apply(const FrameRequests& requests);

    // "PyCast Studio — <show title> — <file name>"
    std::string windowTitle() const;
    // Ids of the views drawn in the last frame ("rundown", "problems").
    const std::vector<std::string>& drawnViews() const { return m_drawnViews; }

    // The live session's views, menu and dialogs (owned by the App); null: none.
    void setLive(LiveContext* live) { m_live = live; }
    // Brings a view's tab to the front on the next frame ("live" when a session opens).
    void selectView(const std::string& id) { m_selectTab = id; }

private:
    // Something that replaces the document or ends the program: done at once when nothing is
    // unsaved, else after the unsaved-changes question.
    struct PendingAction {
        enum class Kind { None, Open, Reload, Replace, Quit };
        Kind kind = Kind::None;
        std::filesystem::path file;
        std::optional<Document> document;  // Replace: a new show from a template
        std::string verb() const;          // "opening x.json", for the question
    };
    enum class FilePurpose { Open, SaveAs, SaveTemplate, ExportMarkdown, ExportCsv, ExportText, ImportCsv };

    void handleShortcuts(FrameRequests& requests);
    void drawMenuBar(FrameRequests& requests);
    void drawFileMenu(FrameRequests& requests);
    void drawEditMenu();
    void drawViews(FrameRequests& requests);
    void drawStatusBar();
    void drawFileDialog();
    void drawEditorDialogs();
    void drawAboutDialog();
    void drawToast();
    void afterEdits();

    void guarded(PendingAction action);
    void run(PendingAction action);
    void openNow(const std::filesystem::path& file);
    void newFromTemplate(const std::optional<std::filesystem::path>& templateFile);
    void saveAs(const std::filesystem::path& file);
    void saveFinished(bool ok);
    void notify(std::string message, bool problem = false);
    void addRecent(const std::filesystem::path& file);
    std::vector<FilePlace> places() const;
    std::filesystem::path documentFolder() const;
    std::filesystem::path samplesFolder() const;

    FontManager& m_fonts;
    std::vector<std::filesystem::path> m_showDirs;
    Document m_document;
    UiState m_ui;
    Editor m_editor{m_document, m_ui.rundown};  // after the document: goes first, autosaving it
    ViewRegistry m_views;
    std::string m_selectTab;  // tab to bring to front on the next frame
    bool m_aboutRequested = false;

    FileDialog m_fileDialog;
    FilePurpose m_filePurpose = FilePurpose::Open;
    TemplatePicker m_templatePicker;
    ImportDialog m_importDialog;
    MessageDialog m_message;
    PendingAction m_pending;
    bool m_unsavedRequested = false;
    bool m_restoreRequested = false;
    bool m_closeConfirmed = false;
    std::optional<RecentFiles> m_recent;
    std::vector<std::filesystem::path> m_recentInMemory;
    int m_seenChanges = 0;
    double m_toastUntil = 0.0;
    bool m_toastProblem = false;
    std::string m_notice;  // last action, shown in the status bar
    std::vector<std::string> m_drawnViews;
    LiveContext* m_live = nullptr;
};

}  // namespace pycast::ui
