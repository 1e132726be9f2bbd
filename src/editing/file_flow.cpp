// The open/save/new/quit flow around the open document, without ImGui (owner/UI thread).
#include "editing/file_flow.hpp"

#include <algorithm>
#include <system_error>
#include <utility>

namespace pycast {

namespace fs = std::filesystem;

Show blankShow() {
    Show show;
    show.meta.series = "PyCast";
    show.meta.title = "Untitled show";
    show.meta.kind = ShowKind::Episode;
    show.meta.target = 30 * 60;
    Person host;
    host.id = "p-host";
    host.name = "Host";
    host.role = Role::Host;
    show.people.push_back(host);
    Segment intro;
    intro.id = "s-intro";
    intro.title = "Intro";
    intro.kind = SegmentKind::Intro;
    intro.planned = 2 * 60;
    intro.speakers = {"p-host"};
    Segment outro = intro;
    outro.id = "s-outro";
    outro.title = "Outro";
    outro.kind = SegmentKind::Outro;
    outro.planned = 60;
    show.rundown = {intro, outro};
    return show;
}

FileFlow::FileFlow(Document& document, RundownEditor& editor, FileFlowEvents events)
    : m_doc(document), m_editor(editor), m_events(std::move(events)) {}

void FileFlow::notice(const std::string& text, bool problem) {
    if (m_events.notice) m_events.notice(text, problem);
}

void FileFlow::alert(const std::string& title, const std::string& text,
                     const std::vector<Problem>& problems) {
    if (m_events.alert) m_events.alert(title, text, problems);
}

void FileFlow::setDocument(Document doc) {
    m_editor.releaseDocument();
    m_doc = std::move(doc);
    m_editor.documentReplaced();
    if (m_events.documentReplaced) m_events.documentReplaced();
}

std::string FileFlow::pendingVerb() const {
    switch (m_pending.kind) {
        case Pending::Open:
            return "opening " + m_pending.file.filename().string();
        case Pending::Reload:
            return "reloading it from disk";
        case Pending::Replace:
            return "starting a new show";
        case Pending::Quit:
            return "closing PyCast Studio";
        case Pending::None:
            break;
    }
    return "going on";
}

// ---- Actions that replace the document ---------------------------------------------------------

void FileFlow::open(const fs::path& file) { guarded({Pending::Open, file, {}}); }

void FileFlow::reload() {
    if (!m_doc.path.empty()) guarded({Pending::Reload, m_doc.path, {}});
}

void FileFlow::newShow(const std::optional<fs::path>& templateFile) {
    Show show;
    if (templateFile) {
        auto made = showFromTemplate(*templateFile);
        if (!made) {
            alert("Cannot use this template", made.error().message());
            return;
        }
        show = std::move(*made);
    } else {
        show = blankShow();
    }
    guarded({Pending::Replace, {}, untitledDocument(std::move(show))});
}

void FileFlow::guarded(Pending action) {
    if (!m_doc.dirty || !m_doc.show) {
        run(std::move(action));
        return;
    }
    m_pending = std::move(action);
    m_askUnsaved = true;
}

void FileFlow::run(Pending action) {
    switch (action.kind) {
        case Pending::Open:
            openNow(action.file);
            notice(m_doc.problems.empty() ? "Opened " + m_doc.fileName() : "Could not open " + m_doc.fileName(),
                   !m_doc.problems.empty());
            break;
        case Pending::Reload:
            openNow(action.file);
            notice(m_doc.problems.empty() ? "Reloaded " + m_doc.fileName() : "Reloaded: still has problems",
                   !m_doc.problems.empty());
            break;
        case Pending::Replace:
            if (action.document) {
                setDocument(std::move(*action.document));
                notice("New show “" + m_doc.title() + "”: save it with Ctrl+S");
            }
            break;
        case Pending::Quit:
            if (m_doc.dirty) m_editor.discardChangesOnExit();
            m_closeConfirmed = true;
            break;
        case Pending::None:
            break;
    }
}

void FileFlow::openNow(const fs::path& file) {
    setDocument(openDocument(file));
    if (m_doc.show) addRecent(m_doc.path);
    m_editor.findRestoreOffers();
    if (!m_editor.restoreOffers().empty()) {
        m_askRestore = true;
        for (const Autosave& a : m_editor.restoreOffers()) {
            if (m_events.willShow) m_events.willShow(a.show.meta.title + a.original.string());
        }
    }
}

bool FileFlow::requestClose() {
    if (m_closeConfirmed || !m_doc.dirty || !m_doc.show) return true;
    if (!m_askUnsaved && m_pending.kind != Pending::Quit) guarded({Pending::Quit, {}, {}});
    return false;
}

// ---- Saving ------------------------------------------------------------------------------------

void FileFlow::save() {
    if (!m_doc.show) return;
    if (m_doc.path.empty()) {
        if (m_events.chooseSaveAsFile) m_events.chooseSaveAsFile();
        return;
    }
    saveAs(m_doc.path);
}

bool FileFlow::saveAs(const fs::path& file) {
    const Result<std::string> saved = m_editor.saveAs(file);
    if (saved.ok()) {
        addRecent(file);
        notice(saved.value());
    } else {
        const std::vector<Problem> problems = m_editor.problemsBeforeSaving();
        const std::string why = saved.error().message();
        alert("Could not save " + file.filename().string(),
              why + (problems.empty() ? "\nThe show is still unsaved: try another folder, or free some space."
                                      : std::string()),
              problems);
        notice("Not saved: " + why, true);
    }
    saveFinished(saved.ok());
    return saved.ok();
}

// After a save the unsaved-changes question asked for: carry on, or stay put if it failed.
void FileFlow::saveFinished(bool ok) {
    if (m_pending.kind == Pending::None) return;
    Pending pending = std::move(m_pending);
    m_pending = {};
    if (ok) run(std::move(pending));
}

// ---- Questions ---------------------------------------------------------------------------------

bool FileFlow::takeUnsavedQuestion() { return std::exchange(m_askUnsaved, false); }

void FileFlow::answerUnsaved(UnsavedChoice choice) {
    switch (choice) {
        case UnsavedChoice::Save:
            if (m_doc.path.empty()) {
                // The pending action waits for the file chooser (saveAs or saveAsCancelled).
                if (m_events.chooseSaveAsFile) m_events.chooseSaveAsFile();
            } else {
                saveAs(m_doc.path);
            }
            break;
        case UnsavedChoice::DontSave: {
            Pending pending = std::move(m_pending);
            m_pending = {};
            if (pending.kind == Pending::Quit) m_editor.discardChangesOnExit();
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

bool FileFlow::takeRestoreQuestion() { return std::exchange(m_askRestore, false); }

void FileFlow::answerRestore(RestoreChoice choice) {
    if (m_editor.restoreOffers().empty()) return;
    const Autosave offer = m_editor.restoreOffers().front();
    switch (choice) {
        case RestoreChoice::Restore:
            setDocument(m_editor.restoredDocument(offer));
            m_editor.adoptRestored(offer);
            notice("Restored the unsaved changes from " + offer.savedAt + ": save them with Ctrl+S");
            break;
        case RestoreChoice::Discard:
            m_editor.discardFirstOffer();
            m_askRestore = !m_editor.restoreOffers().empty();
            break;
        case RestoreChoice::None:
            break;
    }
}

// ---- Recent files ------------------------------------------------------------------------------

void FileFlow::useRecentFiles(const fs::path& store) {
    m_recent.emplace(store);
    m_recentInMemory.clear();
}

const std::vector<fs::path>& FileFlow::recentFiles() const {
    return m_recent ? m_recent->files() : m_recentInMemory;
}

void FileFlow::addRecent(const fs::path& file) {
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
    if (m_events.willShow) {
        for (const auto& f : recentFiles()) m_events.willShow(f.string());
    }
}

}  // namespace pycast
