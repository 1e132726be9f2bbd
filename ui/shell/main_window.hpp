// The main window's content: document, UI state, views, menus, status bar, and the dialogs of
// the file flow (editing/file_flow.hpp decides; this draws and asks) (UI thread).
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dialogs/dialog_file.hpp"
#include "dialogs/dialog_import.hpp"
#include "dialogs/dialog_prompts.hpp"
#include "dialogs/dialog_template.hpp"
#include "editing/document.hpp"
#include "editing/file_flow.hpp"
#include "editing/rundown_editor.hpp"
#include "widgets/fonts.hpp"
#include "views/views.hpp"
#include "io/workspace.hpp"

namespace pycast::media {
class ExportJob;  // media/exporter.hpp
}

namespace pycast::ui {

struct LiveContext;
class ExportDialog;  // dialogs/export_dialog.hpp

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
    void setDocument(Document doc) { m_files.setDocument(std::move(doc)); }
    // Opens a show file; with unsaved changes, asks first (Save / Don't save / Cancel). Offers
    // to restore an autosave the file has.
    void open(const std::filesystem::path& file) { m_files.open(file); }
    const Document& document() const { return m_document; }
    UiState& ui() { return m_ui; }
    ViewRegistry& views() { return m_views; }
    RundownEditor& editor() { return m_editor; }
    FileFlow& files() { return m_files; }

    // Keeps File > Open Recent in `store` (the App passes configDir()/recent.json; without it the
    // list lives only as long as the window, so tests leave the user's list alone).
    void useRecentFiles(const std::filesystem::path& store) { m_files.useRecentFiles(store); }
    const std::vector<std::filesystem::path>& recentFiles() const { return m_files.recentFiles(); }

    // The window's close button, Ctrl+Q: true when it may close now. With unsaved changes it
    // asks instead and returns false; the answer closes the window or not.
    bool requestClose() { return m_files.requestClose(); }
    // The close was called off elsewhere (the live show prompt): ask about unsaved edits again.
    void cancelClose() { m_files.cancelClose(); }

    // What the File menu does, callable from tests: each opens the same dialog the menu does.
    void showOpenDialog();
    void showTemplatePicker();
    void save() { m_files.save(); }  // Ctrl+S; an untitled show goes to Save As
    void showSaveAsDialog();
    void showSaveTemplateDialog();
    void showImportDialog();                                // picks the CSV file
    void startImport(const std::filesystem::path& csvFile);  // straight to the preview
    void showExportDialog(RundownFormat format);
    void copyMarkdown();
    // File > Export episode… (Ctrl+E): the live session's folder when there is one, else a file
    // chooser for a session (its session.json) or an audio file.
    void showEpisodeExport();
    // The Report tab on a session's insights (the Live tab's Report…, --report): read on a worker.
    void openReport(const std::filesystem::path& sessionDir);
    // The Export dialog on a session folder or an audio file (the Live tab's Export…, --export).
    // Refused with a notice while an export runs.
    void openEpisodeExport(const std::filesystem::path& sessionOrFile);
    ExportDialog& episodeExport() { return *m_exportDialog; }
    // The export the dialog started (null: none, or the dialog closed after it finished).
    const media::ExportJob* exportJob() const { return m_exportJob.get(); }
    // Any thread: a worker (the export, the dialog's checks) has something to show. The App
    // passes App::wake; without it (tests) frames come at their own pace.
    void setWaker(std::function<void()> wake);
    // Cancels a running export and waits for it and for the dialog's checks: their threads
    // call the waker, so the App stops them before it goes.
    void stopExport();
    // The last action's message (status bar and toast).
    const std::string& notice() const { return m_notice; }

    // The file chooser the menus share (tests look at what it was opened for).
    const FileDialog& fileDialog() const { return m_fileDialog; }

    // What the editor's questions' buttons do (the dialogs call these; so can tests).
    void answerUnsavedChanges(UnsavedChoice choice) { m_files.answerUnsaved(choice); }
    void answerRestore(RestoreChoice choice) { m_files.answerRestore(choice); }

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
    enum class FilePurpose { Open, SaveAs, SaveTemplate, ExportMarkdown, ExportCsv, ExportText, ImportCsv, EpisodeSource };

    void handleShortcuts(FrameRequests& requests);
    // main_menu.cpp
    void drawMenuBar(FrameRequests& requests);
    void drawFileMenu(FrameRequests& requests);
    void drawEditMenu();
    void drawViews(FrameRequests& requests);
    // status_bar.cpp
    void drawStatusBar();
    void drawToast();
    void drawFileDialog();
    void drawEditorDialogs();
    void drawAboutDialog();
    void drawEpisodeExport(FrameRequests& requests);
    void afterEdits();
    // Runs `action` once the frame's widgets are drawn (a dialog's answer that replaces or saves
    // the document): nothing changes under a view that is drawing it.
    void later(std::function<void()> action) { m_afterFrame.push_back(std::move(action)); }

    FileFlowEvents fileFlowEvents();
    void documentReplaced();
    void notify(std::string message, bool problem = false);
    std::vector<FilePlace> places() const;
    std::filesystem::path documentFolder() const;
    std::filesystem::path samplesFolder() const;

    FontManager& m_fonts;
    std::vector<std::filesystem::path> m_showDirs;
    Document m_document;
    UiState m_ui;
    RundownEditor m_editor{m_document};  // after the document: goes first, autosaving it
    FileFlow m_files{m_document, m_editor};
    ViewRegistry m_views;
    std::string m_selectTab;  // tab to bring to front on the next frame
    bool m_aboutRequested = false;

    FileDialog m_fileDialog;
    FilePurpose m_filePurpose = FilePurpose::Open;
    TemplatePicker m_templatePicker;
    ImportDialog m_importDialog;
    MessageDialog m_message;
    bool m_unsavedRequested = false;  // open the unsaved-changes question this frame
    bool m_restoreRequested = false;  // open the restore question this frame
    std::vector<std::function<void()>> m_afterFrame;
    int m_seenChanges = 0;
    double m_toastUntil = 0.0;
    bool m_toastProblem = false;
    std::string m_notice;  // last action, shown in the status bar
    std::vector<std::string> m_drawnViews;
    LiveContext* m_live = nullptr;

    // The episode export: the dialog, and the job it started (owned here, run on its worker).
    std::unique_ptr<ExportDialog> m_exportDialog;
    std::function<void()> m_wake;
    std::unique_ptr<media::ExportJob> m_exportJob;  // after the dialog: destroyed (cancelled) first
    bool m_exportNoticed = false;            // the finished job's notice was given
};

}  // namespace pycast::ui
