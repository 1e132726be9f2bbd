// The studio's main window content: menu bar, view tabs, status bar, the file dialogs and the
// editor's questions (unsaved changes, restore, import) (UI thread).
#include "shell/main_window.hpp"

#include "core/text.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <system_error>

#include "core/duration.hpp"
#include "dialogs/export_dialog.hpp"
#include "media/exporter.hpp"
#include "views/live/live_view.hpp"
#include "widgets/theme.hpp"
#include "widgets/widgets.hpp"

namespace pycast::ui {

namespace fs = std::filesystem;

namespace {

// A file name from a show title: letters and digits stay (Chinese too).
std::string fileStem(const std::string& title, const char* fallback) {
    return slugify(title, SlugLetters::Unicode, fallback, 120);
}

bool anyPopupOpen() {
    return ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel);
}

bool ctrlShiftShortcut(char upperCaseKey) {
    const ImGuiIO& io = ImGui::GetIO();
    return io.KeyCtrl && io.KeyShift && !io.KeyAlt && ImGui::IsKeyPressed(upperCaseKey, false);
}

}  // namespace

MainWindow::MainWindow(FontManager& fonts, std::vector<fs::path> showDirs)
    : m_fonts(fonts), m_showDirs(std::move(showDirs)), m_exportDialog(std::make_unique<ExportDialog>()) {
    registerBuiltinViews(m_views);
    m_files.setEvents(fileFlowEvents());
}

// The file flow decides; the window shows what it says and asks what it asks.
FileFlowEvents MainWindow::fileFlowEvents() {
    FileFlowEvents events;
    events.notice = [this](const std::string& text, bool problem) { notify(text, problem); };
    events.alert = [this](const std::string& title, const std::string& text, const std::vector<Problem>& problems) {
        m_message.show(title, text, problems);
    };
    events.chooseSaveAsFile = [this] { showSaveAsDialog(); };
    events.documentReplaced = [this] { documentReplaced(); };
    events.willShow = [this](const std::string& text) { m_fonts.addText(text); };
    return events;
}

void MainWindow::documentReplaced() {
    m_seenChanges = m_editor.showChangeCount();
    m_fonts.addText(documentText(m_document));
    m_selectTab = m_document.problems.empty() ? "rundown" : "problems";
}

MainWindow::~MainWindow() = default;

std::string MainWindow::windowTitle() const {
    std::string title = "PyCast Studio";
    if (!m_document.title().empty()) title += " — " + m_document.title();
    if (!m_document.path.empty() || m_document.show) {
        title += " — " + m_document.fileName() + (m_document.dirty ? "*" : "");
    }
    return title;
}

// ---- Actions that replace the document ---------------------------------------------------------

// ---- Files -------------------------------------------------------------------------------------

fs::path MainWindow::documentFolder() const {
    if (!m_document.path.empty()) return m_document.path.parent_path();
    std::error_code ec;
    return fs::current_path(ec);
}

fs::path MainWindow::samplesFolder() const {
    for (const auto& dir : m_showDirs) {
        std::error_code ec;
        if (fs::is_directory(dir, ec)) return dir;
    }
    return {};
}

std::vector<FilePlace> MainWindow::places() const {
    std::vector<FilePlace> out;
    if (!m_document.path.empty()) out.push_back({"This show's folder", m_document.path.parent_path()});
    if (const fs::path samples = samplesFolder(); !samples.empty()) out.push_back({"Sample shows", samples});
    std::error_code ec;
    if (fs::is_directory(userTemplatesDir(), ec)) out.push_back({"My templates", userTemplatesDir()});
    if (const char* home = std::getenv("HOME"); home && *home) out.push_back({"Home", home});
    const fs::path cwd = fs::current_path(ec);
    if (!ec) out.push_back({"Current folder", cwd});
    return out;
}

void MainWindow::showOpenDialog() {
    FileDialogSpec spec;
    spec.title = "Open show";
    spec.mode = FileDialogMode::Open;
    spec.extensions = {".json"};
    spec.filterLabel = "show files (*.json)";
    spec.folder = m_document.path.empty() ? samplesFolder() : m_document.path.parent_path();
    spec.acceptLabel = "Open";
    spec.places = places();
    spec.recent = recentFiles();
    m_filePurpose = FilePurpose::Open;
    m_fileDialog.open(std::move(spec));
}

void MainWindow::showTemplatePicker() { m_templatePicker.open(samplesFolder()); }

void MainWindow::showSaveAsDialog() {
    if (!m_document.show) return;
    FileDialogSpec spec;
    spec.title = "Save show as";
    spec.mode = FileDialogMode::Save;
    spec.extensions = {".json"};
    spec.filterLabel = "show files (*.json)";
    spec.folder = documentFolder();
    spec.fileName = m_document.path.empty() ? fileStem(m_document.title(), "new-show") + ".json"
                                            : m_document.path.filename().string();
    spec.acceptLabel = "Save";
    spec.places = places();
    m_filePurpose = FilePurpose::SaveAs;
    m_fileDialog.open(std::move(spec));
}

void MainWindow::showSaveTemplateDialog() {
    if (!m_document.show) return;
    std::error_code ec;
    fs::create_directories(userTemplatesDir(), ec);
    FileDialogSpec spec;
    spec.title = "Save as template";
    spec.mode = FileDialogMode::Save;
    spec.extensions = {".json"};
    spec.filterLabel = "templates (*.json)";
    spec.folder = userTemplatesDir();
    spec.fileName = fileStem(m_document.title(), "my-template") + ".json";
    spec.acceptLabel = "Save";
    spec.places = places();
    m_filePurpose = FilePurpose::SaveTemplate;
    m_fileDialog.open(std::move(spec));
}

void MainWindow::showImportDialog() {
    if (!m_document.show) return;
    FileDialogSpec spec;
    spec.title = "Import segments from CSV";
    spec.mode = FileDialogMode::Open;
    spec.extensions = {".csv", ".tsv", ".txt"};
    spec.filterLabel = "spreadsheets saved as CSV (*.csv, *.tsv, *.txt)";
    spec.folder = documentFolder();
    spec.acceptLabel = "Preview";
    spec.places = places();
    m_filePurpose = FilePurpose::ImportCsv;
    m_fileDialog.open(std::move(spec));
}

void MainWindow::startImport(const fs::path& csvFile) {
    if (!m_document.show) return;
    m_importDialog.open(*m_document.show, csvFile);
}

void MainWindow::showExportDialog(RundownFormat format) {
    if (!m_document.show) return;
    FileDialogSpec spec;
    spec.mode = FileDialogMode::Save;
    spec.folder = documentFolder();
    spec.places = places();
    spec.acceptLabel = "Export";
    const std::string stem =
        (m_document.path.empty() ? fileStem(m_document.title(), "rundown") : m_document.path.stem().string()) +
        "-rundown";
    switch (format) {
        case RundownFormat::Markdown:
            spec.title = "Export rundown as Markdown";
            spec.extensions = {".md", ".markdown"};
            spec.filterLabel = "Markdown files (*.md)";
            m_filePurpose = FilePurpose::ExportMarkdown;
            break;
        case RundownFormat::Csv:
            spec.title = "Export rundown as CSV";
            spec.extensions = {".csv"};
            spec.filterLabel = "CSV files (*.csv)";
            m_filePurpose = FilePurpose::ExportCsv;
            break;
        case RundownFormat::Text:
        case RundownFormat::Json:
            spec.title = "Export rundown as plain text";
            spec.extensions = {".txt"};
            spec.filterLabel = "text files (*.txt)";
            m_filePurpose = FilePurpose::ExportText;
            break;
    }
    spec.fileName = stem + spec.extensions.front();
    m_fileDialog.open(std::move(spec));
}

void MainWindow::setWaker(std::function<void()> wake) {
    m_wake = wake;
    m_exportDialog->setWaker(std::move(wake));
}

void MainWindow::stopExport() {
    m_exportJob.reset();  // cancels and joins
    m_exportDialog->stopChecks();
    m_exportDialog->close();
}

void MainWindow::showEpisodeExport() {
    if (m_live != nullptr && m_live->controller.session() != nullptr) {
        if (m_live->controller.session()->recording().recording()) {
            // Its tracks are still growing: the export reads finished takes.
            notify("The session is recording: stop the recording first, then export", true);
            return;
        }
        openEpisodeExport(m_live->controller.session()->dir());
        return;
    }
    FileDialogSpec spec;
    spec.title = "Export episode: pick a session's session.json or an audio file";
    spec.mode = FileDialogMode::Open;
    spec.extensions = {".json", ".wav", ".flac", ".mp3", ".m4a", ".ogg", ".opus"};
    spec.filterLabel = "session.json or audio (*.wav, *.flac, *.mp3, *.m4a, *.ogg, *.opus)";
    spec.folder = documentFolder();
    spec.acceptLabel = "Open";
    spec.places = places();
    m_filePurpose = FilePurpose::EpisodeSource;
    m_fileDialog.open(std::move(spec));
}

void MainWindow::openEpisodeExport(const fs::path& sessionOrFile) {
    if (m_exportJob && !m_exportJob->finished()) {
        notify("An export is running: wait for it or cancel it first", true);
        return;
    }
    m_exportJob.reset();
    m_exportNoticed = false;
    // A session is picked by its session.json in the file chooser; the dialog wants its folder.
    const fs::path source = sessionOrFile.filename() == "session.json" ? sessionOrFile.parent_path() : sessionOrFile;
    m_exportDialog->open(source);
}

void MainWindow::drawEpisodeExport(FrameRequests& requests) {
    const ExportDialogFrame f = m_exportDialog->draw(m_fonts, m_exportJob.get());
    requests.requestFrameRate(f.frameRate);
    if (f.cancel && m_exportJob) m_exportJob->cancel();
    if (f.start) {
        m_exportJob = std::make_unique<media::ExportJob>(*f.start, m_wake ? m_wake : std::function<void()>([] {}));
        m_exportNoticed = false;
    }
    if (m_exportJob && m_exportJob->finished() && !m_exportNoticed) {
        m_exportNoticed = true;
        const Result<media::ExportResult>& r = m_exportJob->result();
        if (!r.ok()) {
            notify("Not exported: " + r.error().message(), true);
        } else if (hasErrors(r.value().checks)) {
            notify("Exported " + r.value().audio.filename().string() + ", but a check failed: see the Export dialog", true);
        } else {
            notify("Exported " + r.value().audio.string());
        }
    }
    if (f.closed && m_exportJob && m_exportJob->finished()) m_exportJob.reset();
}

void MainWindow::copyMarkdown() {
    const std::string md = m_editor.rundownMarkdown();
    if (md.empty()) return;
    ImGui::SetClipboardText(md.c_str());
    notify("Copied the rundown as Markdown (" + std::to_string(md.size()) +
           " bytes): paste it into HackMD");
}

void MainWindow::notify(std::string message, bool problem) {
    m_notice = std::move(message);
    m_toastProblem = problem;
    // A toast answers something the user did; the file opened at start-up needs none.
    m_toastUntil = ImGui::GetCurrentContext() && ImGui::GetFrameCount() > 1 ? ImGui::GetTime() + 4.0 : 0.0;
    m_fonts.addText(m_notice);
}

// ---- Frame -------------------------------------------------------------------------------------

bool MainWindow::apply(const FrameRequests& requests) {
    if (m_files.closeConfirmed()) return false;
    if (requests.quit && requestClose()) return false;
    if (!requests.glyphText.empty()) m_fonts.addText(requests.glyphText);
    if (requests.open) {
        m_files.open(*requests.open);
    } else if (requests.reload) {
        m_files.reload();
    }
    if (requests.showOpenDialog) showOpenDialog();
    if (requests.exportEpisode) openEpisodeExport(*requests.exportEpisode);
    if (requests.showReport) openReport(*requests.showReport);
    return !m_files.closeConfirmed();
}

void MainWindow::openReport(const std::filesystem::path& sessionDir) {
    m_ui.report.wanted = sessionDir;
    selectView("report");
}

void MainWindow::handleShortcuts(FrameRequests& requests) {
    // The Questions panel had the keys last frame: Ctrl+Z is its undo there.
    const bool questionsUndo = m_live && std::exchange(m_live->view.questionKeys, false);
    if (anyPopupOpen()) return;
    if (ctrlShortcut('O')) requests.showOpenDialog = true;
    if (ctrlShortcut('R')) requests.reload = true;
    if (ctrlShortcut('Q')) requests.quit = true;
    if (ctrlShortcut('N')) showTemplatePicker();
    if (ctrlShortcut('E')) showEpisodeExport();
    if (!m_document.show) return;
    if (ctrlShortcut('S')) save();
    if (ctrlShiftShortcut('S')) showSaveAsDialog();
    // While a field is being typed into, Ctrl+Z belongs to the field's own undo.
    if (ImGui::GetIO().WantTextInput || questionsUndo) return;
    if (ctrlShortcut('Z')) m_editor.post([](RundownEditor& e) { e.undo(); });
    if (ctrlShiftShortcut('Z') || ctrlShortcut('Y')) m_editor.post([](RundownEditor& e) { e.redo(); });
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

    drawFileDialog();
    drawEditorDialogs();
    drawAboutDialog();
    drawEpisodeExport(requests);
    if (m_live) drawLiveDialogs(*m_live, m_document, m_fonts, requests);
    drawToast();
    ImGui::End();

    // Every widget is drawn: now the document may change.
    afterEdits();
    m_editor.tick(ImGui::GetTime());
    if (ImGui::GetTime() < m_toastUntil) requests.requestFrameRate(4.0);
}

void MainWindow::afterEdits() {
    m_editor.runPosted();
    // What the dialogs answered: the document may be replaced now that nothing is drawing it.
    while (!m_afterFrame.empty()) {
        auto actions = std::move(m_afterFrame);
        m_afterFrame.clear();
        for (auto& action : actions) action();
    }
    if (m_editor.showChangeCount() != m_seenChanges) {
        m_seenChanges = m_editor.showChangeCount();
        // New text (typed, imported, undone) must have its glyphs by the next frame.
        m_fonts.addText(documentText(m_document));
    }
}

void MainWindow::drawViews(FrameRequests& requests) {
    ViewContext ctx{m_document, m_ui, m_fonts, requests, m_live};
    ctx.editor = &m_editor;

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

void MainWindow::drawFileDialog() {
    const bool wasOpen = m_fileDialog.isOpen();
    const std::optional<fs::path> chosen = m_fileDialog.draw(m_fonts);
    if (!chosen) {
        if (wasOpen && !m_fileDialog.isOpen() && m_filePurpose == FilePurpose::SaveAs) {
            later([this] { m_files.saveAsCancelled(); });  // what waited on the Save As does not happen
        }
        return;
    }
    switch (m_filePurpose) {
        case FilePurpose::Open:
            later([this, file = *chosen] { m_files.open(file); });
            break;
        case FilePurpose::SaveAs:
            later([this, file = *chosen] { m_files.saveAs(file); });
            break;
        case FilePurpose::SaveTemplate: {
            const Result<std::string> r = m_editor.saveAsTemplate(*chosen);
            if (r.ok()) {
                notify(r.value() + ": it is listed under File > New from template");
            } else {
                m_message.show("Could not save the template", r.error().message(), m_editor.problemsBeforeSaving());
            }
            break;
        }
        case FilePurpose::ExportMarkdown:
        case FilePurpose::ExportCsv:
        case FilePurpose::ExportText: {
            const RundownFormat format = m_filePurpose == FilePurpose::ExportMarkdown ? RundownFormat::Markdown
                                         : m_filePurpose == FilePurpose::ExportCsv    ? RundownFormat::Csv
                                                                                      : RundownFormat::Text;
            const Result<std::string> r = m_editor.exportRundown(format, *chosen);
            if (r.ok()) {
                notify(r.value());
            } else {
                m_message.show("Could not export the rundown", r.error().message());
                notify("Not exported: " + r.error().message(), true);
            }
            break;
        }
        case FilePurpose::ImportCsv:
            startImport(*chosen);
            break;
        case FilePurpose::EpisodeSource:
            openEpisodeExport(*chosen);
            break;
    }
}

void MainWindow::drawEditorDialogs() {
    // Templates.
    if (auto choice = m_templatePicker.draw(m_fonts)) {
        later([this, file = choice->file] { m_files.newShow(file); });
    }

    // CSV import preview.
    if (m_document.show) {
        const Segment* selected = m_editor.selectedSegment();
        if (auto result = m_importDialog.draw(*m_document.show, selected ? selected->title : std::string(), m_fonts)) {
            const ImportDialog::Result r = std::move(*result);
            m_editor.post([this, r](RundownEditor& e) {
                const int n = e.importSegments(r.preview, r.afterSelection, r.fileName);
                notify("Imported " + std::to_string(n) + (n == 1 ? " segment" : " segments") + " from " +
                       r.fileName + " (Ctrl+Z takes them out)");
            });
        }
    } else {
        m_importDialog.close();
    }

    // Unsaved changes: before opening, reloading, starting anew or quitting.
    if (m_files.takeUnsavedQuestion()) m_unsavedRequested = true;
    const UnsavedChoice unsaved = drawUnsavedChangesDialog(m_unsavedRequested, m_document.title(), m_files.pendingVerb());
    if (unsaved != UnsavedChoice::None) later([this, unsaved] { m_files.answerUnsaved(unsaved); });

    // Autosaves left by a crash, one at a time.
    if (m_files.takeRestoreQuestion()) m_restoreRequested = true;
    if (!m_files.restoreOffers().empty()) {
        const RestoreChoice restore = drawRestoreDialog(m_restoreRequested, m_files.restoreOffers().front());
        if (restore != RestoreChoice::None) later([this, restore] { m_files.answerRestore(restore); });
    }

    drawMessageDialog(m_message);
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
