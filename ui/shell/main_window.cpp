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
#include "views/live/live_view.hpp"
#include "shell/theme.hpp"
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

std::string MainWindow::PendingAction::verb() const {
    switch (kind) {
        case Kind::Open:
            return "opening " + file.filename().string();
        case Kind::Reload:
            return "reloading it from disk";
        case Kind::Replace:
            return "starting a new show";
        case Kind::Quit:
            return "closing PyCast Studio";
        case Kind::None:
            break;
    }
    return "going on";
}

MainWindow::MainWindow(FontManager& fonts, std::vector<fs::path> showDirs)
    : m_fonts(fonts), m_showDirs(std::move(showDirs)) {
    registerBuiltinViews(m_views);
}

MainWindow::~MainWindow() = default;

void MainWindow::setDocument(Document doc) {
    m_editor.releaseDocument();
    m_document = std::move(doc);
    m_seenChanges = m_editor.showChangeCount();
    m_fonts.addText(documentText(m_document));
    if (m_document.show &&
        m_document.show->findSegment(m_ui.rundown.selectedSegmentId) == nullptr) {
        m_ui.rundown.selectedSegmentId.clear();
        // Start with the first segment in the inspector: there is always something to edit.
        if (!m_document.show->rundown.empty()) {
            m_ui.rundown.selectedSegmentId = m_document.show->rundown.front().id;
        }
    }
    m_selectTab = m_document.problems.empty() ? "rundown" : "problems";
}

void MainWindow::open(const fs::path& file) { guarded({PendingAction::Kind::Open, file, {}}); }

void MainWindow::openNow(const fs::path& file) {
    setDocument(openDocument(file));
    if (m_document.show) addRecent(m_document.path);
    m_editor.findRestoreOffers();
    if (!m_editor.restoreOffers().empty()) {
        m_restoreRequested = true;
        for (const Autosave& a : m_editor.restoreOffers()) m_fonts.addText(a.show.meta.title + a.original.string());
    }
}

void MainWindow::useRecentFiles(const fs::path& store) {
    m_recent.emplace(store);
    m_recentInMemory.clear();
}

const std::vector<fs::path>& MainWindow::recentFiles() const {
    return m_recent ? m_recent->files() : m_recentInMemory;
}

void MainWindow::addRecent(const fs::path& file) {
    if (file.empty()) return;
    if (m_recent) {
        m_recent->add(file);
    } else {
        std::error_code ec;
        fs::path abs = fs::absolute(file, ec);
        if (ec) abs = file;
        m_recentInMemory.erase(std::remove(m_recentInMemory.begin(), m_recentInMemory.end(), abs),
                               m_recentInMemory.end());
        m_recentInMemory.insert(m_recentInMemory.begin(), abs);
        if (m_recentInMemory.size() > 10) m_recentInMemory.resize(10);
    }
    for (const auto& f : recentFiles()) m_fonts.addText(f.string());
}

std::string MainWindow::windowTitle() const {
    std::string title = "PyCast Studio";
    if (!m_document.title().empty()) title += " — " + m_document.title();
    if (!m_document.path.empty() || m_document.show) {
        title += " — " + m_document.fileName() + (m_document.dirty ? "*" : "");
    }
    return title;
}

// ---- Actions that replace the document ---------------------------------------------------------

void MainWindow::guarded(PendingAction action) {
    if (!m_document.dirty || !m_document.show) {
        run(std::move(action));
        return;
    }
    m_pending = std::move(action);
    m_unsavedRequested = true;
}

void MainWindow::run(PendingAction action) {
    switch (action.kind) {
        case PendingAction::Kind::Open:
            openNow(action.file);
            notify(m_document.problems.empty() ? "Opened " + m_document.fileName()
                                               : "Could not open " + m_document.fileName(),
                   !m_document.problems.empty());
            break;
        case PendingAction::Kind::Reload:
            openNow(action.file);
            notify(m_document.problems.empty() ? "Reloaded " + m_document.fileName()
                                               : "Reloaded: still has problems",
                   !m_document.problems.empty());
            break;
        case PendingAction::Kind::Replace:
            if (action.document) {
                setDocument(std::move(*action.document));
                notify("New show “" + m_document.title() + "”: save it with Ctrl+S");
            }
            break;
        case PendingAction::Kind::Quit:
            if (m_document.dirty) m_editor.discardChangesOnExit();
            m_closeConfirmed = true;
            break;
        case PendingAction::Kind::None:
            break;
    }
}

bool MainWindow::requestClose() {
    if (m_closeConfirmed || !m_document.dirty || !m_document.show) return true;
    if (!m_unsavedRequested && m_pending.kind != PendingAction::Kind::Quit) {
        guarded({PendingAction::Kind::Quit, {}, {}});
    }
    return false;
}

void MainWindow::newFromTemplate(const std::optional<fs::path>& templateFile) {
    Show show;
    if (templateFile) {
        auto made = showFromTemplate(*templateFile);
        if (!made) {
            m_message.show("Cannot use this template", made.error().message());
            return;
        }
        show = std::move(*made);
    } else {
        show = blankShow();
    }
    guarded({PendingAction::Kind::Replace, {}, untitledDocument(std::move(show))});
}

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

void MainWindow::save() {
    if (!m_document.show) return;
    if (m_document.path.empty()) {
        showSaveAsDialog();
        return;
    }
    saveAs(m_document.path);
}

void MainWindow::saveAs(const fs::path& file) {
    const FileResult r = m_editor.saveAs(file);
    if (r.ok) {
        addRecent(file);
        notify(r.message);
    } else {
        m_message.show("Could not save " + file.filename().string(),
                       r.message + (r.problems.empty() ? "\nThe show is still unsaved: try another folder, or free some space."
                                                       : std::string()),
                       r.problems);
        notify("Not saved: " + r.message, true);
    }
    saveFinished(r.ok);
}

// After a save the unsaved-changes question asked for: carry on, or stay put if it failed.
void MainWindow::saveFinished(bool ok) {
    if (m_pending.kind == PendingAction::Kind::None) return;
    PendingAction pending = std::move(m_pending);
    m_pending = {};
    if (ok) run(std::move(pending));
}

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
    if (m_closeConfirmed) return false;
    if (requests.quit && requestClose()) return false;
    if (!requests.glyphText.empty()) m_fonts.addText(requests.glyphText);
    if (requests.open) {
        open(*requests.open);
    } else if (requests.reload && !m_document.path.empty()) {
        guarded({PendingAction::Kind::Reload, m_document.path, {}});
    }
    if (requests.showOpenDialog) showOpenDialog();
    return !m_closeConfirmed;
}

void MainWindow::handleShortcuts(FrameRequests& requests) {
    if (anyPopupOpen()) return;
    if (ctrlShortcut('O')) requests.showOpenDialog = true;
    if (ctrlShortcut('R')) requests.reload = true;
    if (ctrlShortcut('Q')) requests.quit = true;
    if (ctrlShortcut('N')) showTemplatePicker();
    if (!m_document.show) return;
    if (ctrlShortcut('S')) save();
    if (ctrlShiftShortcut('S')) showSaveAsDialog();
    // While a field is being typed into, Ctrl+Z belongs to the field's own undo.
    if (ImGui::GetIO().WantTextInput) return;
    if (ctrlShortcut('Z')) m_editor.post([](Editor& e) { e.undo(); });
    if (ctrlShiftShortcut('Z') || ctrlShortcut('Y')) m_editor.post([](Editor& e) { e.redo(); });
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
    if (m_editor.showChangeCount() != m_seenChanges) {
        m_seenChanges = m_editor.showChangeCount();
        // New text (typed, imported, undone) must have its glyphs by the next frame.
        m_fonts.addText(documentText(m_document));
    }
}

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
    if (ImGui::MenuItem("Save", "Ctrl+S", false, hasShow)) save();
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
        m_editor.post([](Editor& e) { e.undo(); });
    }
    if (ImGui::MenuItem((redo + "###redo").c_str(), "Ctrl+Shift+Z", false, m_editor.canRedo())) {
        m_editor.post([](Editor& e) { e.redo(); });
    }
    ImGui::Separator();
    const bool selected = m_editor.selectedSegment() != nullptr;
    const int index = m_editor.selectedIndex();
    const int count = hasShow ? static_cast<int>(m_document.show->rundown.size()) : 0;
    if (ImGui::MenuItem("Add segment below", "Ctrl+Enter", false, hasShow)) {
        m_editor.post([](Editor& e) { e.addSegment(InsertWhere::Below); });
    }
    if (ImGui::MenuItem("Insert segment above", "Ctrl+Shift+Enter", false, selected)) {
        m_editor.post([](Editor& e) { e.addSegment(InsertWhere::Above); });
    }
    if (ImGui::MenuItem("Duplicate segment", "Ctrl+D", false, selected)) {
        m_editor.post([](Editor& e) { e.duplicateSelected(); });
    }
    if (ImGui::MenuItem("Delete segment", "Delete", false, selected)) {
        m_editor.post([](Editor& e) { e.deleteSelected(); });
    }
    if (ImGui::MenuItem("Move segment up", "Alt+Up", false, index > 0)) {
        m_editor.post([](Editor& e) { e.moveSelected(-1); });
    }
    if (ImGui::MenuItem("Move segment down", "Alt+Down", false, index >= 0 && index + 1 < count)) {
        m_editor.post([](Editor& e) { e.moveSelected(1); });
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Add person", nullptr, false, hasShow)) m_editor.post([](Editor& e) { e.addPerson(); });
    if (ImGui::MenuItem("Add question", nullptr, false, hasShow)) m_editor.post([](Editor& e) { e.addQuestion(); });
    if (ImGui::MenuItem("Show settings", nullptr, false, hasShow)) m_editor.state().showPage = InspectorPage::Show;
    ImGui::EndMenu();
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

void MainWindow::drawFileDialog() {
    const bool wasOpen = m_fileDialog.isOpen();
    const std::optional<fs::path> chosen = m_fileDialog.draw(m_fonts);
    if (!chosen) {
        if (wasOpen && !m_fileDialog.isOpen() && m_filePurpose == FilePurpose::SaveAs) {
            saveFinished(false);  // Save As cancelled: whatever waited on it does not happen
        }
        return;
    }
    switch (m_filePurpose) {
        case FilePurpose::Open:
            open(*chosen);
            break;
        case FilePurpose::SaveAs:
            saveAs(*chosen);
            break;
        case FilePurpose::SaveTemplate: {
            const FileResult r = m_editor.saveAsTemplate(*chosen);
            if (r.ok) {
                notify(r.message + ": it is listed under File > New from template");
            } else {
                m_message.show("Could not save the template", r.message, r.problems);
            }
            break;
        }
        case FilePurpose::ExportMarkdown:
        case FilePurpose::ExportCsv:
        case FilePurpose::ExportText: {
            const RundownFormat format = m_filePurpose == FilePurpose::ExportMarkdown ? RundownFormat::Markdown
                                         : m_filePurpose == FilePurpose::ExportCsv    ? RundownFormat::Csv
                                                                                      : RundownFormat::Text;
            const FileResult r = m_editor.exportRundown(format, *chosen);
            if (r.ok) {
                notify(r.message);
            } else {
                m_message.show("Could not export the rundown", r.message);
                notify("Not exported: " + r.message, true);
            }
            break;
        }
        case FilePurpose::ImportCsv:
            startImport(*chosen);
            break;
    }
}

void MainWindow::drawEditorDialogs() {
    // Templates.
    if (auto choice = m_templatePicker.draw(m_fonts)) newFromTemplate(choice->file);

    // CSV import preview.
    if (m_document.show) {
        const Segment* selected = m_editor.selectedSegment();
        if (auto result = m_importDialog.draw(*m_document.show, selected ? selected->title : std::string(), m_fonts)) {
            const ImportDialog::Result r = std::move(*result);
            m_editor.post([this, r](Editor& e) {
                const int n = e.importSegments(r.preview, r.afterSelection, r.fileName);
                notify("Imported " + std::to_string(n) + (n == 1 ? " segment" : " segments") + " from " +
                       r.fileName + " (Ctrl+Z takes them out)");
            });
        }
    } else {
        m_importDialog.close();
    }

    // Unsaved changes: before opening, reloading, starting anew or quitting.
    answerUnsavedChanges(drawUnsavedChangesDialog(m_unsavedRequested, m_document.title(), m_pending.verb()));

    // Autosaves left by a crash, one at a time.
    if (!m_editor.restoreOffers().empty()) {
        answerRestore(drawRestoreDialog(m_restoreRequested, m_editor.restoreOffers().front()));
    }

    drawMessageDialog(m_message);
}

void MainWindow::answerUnsavedChanges(UnsavedChoice choice) {
    switch (choice) {
        case UnsavedChoice::Save:
            if (m_document.path.empty()) {
                showSaveAsDialog();  // the pending action waits for it (saveFinished)
            } else {
                saveAs(m_document.path);
            }
            break;
        case UnsavedChoice::DontSave: {
            PendingAction pending = std::move(m_pending);
            m_pending = {};
            if (pending.kind == PendingAction::Kind::Quit) m_editor.discardChangesOnExit();
            run(std::move(pending));
            break;
        }
        case UnsavedChoice::Cancel:
            m_pending = {};
            break;
        case UnsavedChoice::None:
            break;
    }
}

void MainWindow::answerRestore(RestoreChoice choice) {
    if (m_editor.restoreOffers().empty()) return;
    const Autosave offer = m_editor.restoreOffers().front();
    switch (choice) {
        case RestoreChoice::Restore:
            setDocument(m_editor.restoredDocument(offer));
            m_editor.adoptRestored(offer);
            notify("Restored the unsaved changes from " + offer.savedAt + ": save them with Ctrl+S");
            break;
        case RestoreChoice::Discard:
            m_editor.discardFirstOffer();
            m_restoreRequested = !m_editor.restoreOffers().empty();
            break;
        case RestoreChoice::None:
            break;
    }
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
