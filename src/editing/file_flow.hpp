// What File > New / Open / Reload / Save / Save As / Quit do to the open document, without ImGui:
// actions that would lose unsaved changes wait for the "save changes?" answer, recent files,
// autosave restore offers (owner/UI thread).
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "editing/document.hpp"
#include "editing/rundown_editor.hpp"
#include "io/workspace.hpp"

namespace pycast {

// The answers to "Save changes to “<title>” before <action>?".
enum class UnsavedChoice { None, Save, DontSave, Cancel };
// The answers to "Restore unsaved changes from <savedAt>?".
enum class RestoreChoice { None, Restore, Discard };

// What the flow asks its front end to show. Every member may be left empty.
struct FileFlowEvents {
    // A one-line notice (status bar, toast); problem: it reports a failure.
    std::function<void(const std::string& text, bool problem)> notice;
    // A message that needs reading: what failed, what to do, every problem with its path.
    std::function<void(const std::string& title, const std::string& text,
                       const std::vector<Problem>& problems)>
        alert;
    // An untitled show is to be saved: pick its file, then call saveAs() (or saveAsCancelled()).
    std::function<void()> chooseSaveAsFile;
    // A different document is in place (opened, reloaded, restored, new).
    std::function<void()> documentReplaced;
    // Text the front end will show that the document does not hold (file names, restored titles).
    std::function<void(const std::string& text)> willShow;
};

// A new show with a host, an intro and an outro: File > New when no template is chosen.
Show blankShow();

class FileFlow {
public:
    FileFlow(Document& document, RundownEditor& editor, FileFlowEvents events = {});

    void setEvents(FileFlowEvents events) { m_events = std::move(events); }

    // Shows `doc` at once, whatever is unsaved (start-up, tests; user actions use the calls below).
    void setDocument(Document doc);
    // Each of these asks first when there are unsaved changes (see unsavedQuestion()).
    void open(const std::filesystem::path& file);
    void reload();  // the open file, from disk; nothing without a file
    // A new untitled show from a template file, or blankShow() without one. A template that
    // cannot be read is an alert and nothing changes.
    void newShow(const std::optional<std::filesystem::path>& templateFile);

    // Ctrl+S: to the document's file; an untitled show asks for one (chooseSaveAsFile).
    void save();
    // Saves to `file`; on success it is the document's file and a recent file. A save the
    // unsaved-changes question asked for carries on with what waited, or stays put if it failed.
    bool saveAs(const std::filesystem::path& file);
    // The Save As file chooser was closed without a file: whatever waited on it does not happen.
    void saveAsCancelled() { saveFinished(false); }

    // The window's close button, Ctrl+Q: true when it may close now. With unsaved changes it
    // asks first and returns false; the answer closes or not (closeConfirmed()).
    bool requestClose();
    // The close was called off elsewhere (the live show prompt): ask about unsaved edits again.
    void cancelClose() { m_closeConfirmed = false; }
    bool closeConfirmed() const { return m_closeConfirmed; }

    // ---- "Save changes to “<title>” before <verb>?"
    // True on the call after an action started waiting for the answer (then false): the front end
    // opens its question then.
    bool takeUnsavedQuestion();
    bool waitingForAnswer() const { return m_pending.kind != Pending::None; }
    std::string pendingVerb() const;  // "opening x.json", "closing PyCast Studio"
    void answerUnsaved(UnsavedChoice choice);

    // ---- Autosaves found when a file opened, offered one at a time (the editor keeps the list).
    const std::vector<Autosave>& restoreOffers() const { return m_editor.restoreOffers(); }
    bool takeRestoreQuestion();  // like takeUnsavedQuestion(), for the first offer
    void answerRestore(RestoreChoice choice);

    // ---- File > Open Recent, kept in `store` (configDir()/recent.json in the studio). Without
    // it the list lives only as long as the flow, so tests leave the user's list alone.
    void useRecentFiles(const std::filesystem::path& store);
    const std::vector<std::filesystem::path>& recentFiles() const;

private:
    // Something that replaces the document or ends the program: done at once when nothing is
    // unsaved, else after the unsaved-changes question.
    struct Pending {
        enum Kind { None, Open, Reload, Replace, Quit };
        Kind kind = None;
        std::filesystem::path file;
        std::optional<Document> document;  // Replace: a new show from a template
    };

    void guarded(Pending action);
    void run(Pending action);
    void openNow(const std::filesystem::path& file);
    void saveFinished(bool ok);
    void addRecent(const std::filesystem::path& file);
    void notice(const std::string& text, bool problem = false);
    void alert(const std::string& title, const std::string& text, const std::vector<Problem>& problems = {});

    Document& m_doc;
    RundownEditor& m_editor;
    FileFlowEvents m_events;
    Pending m_pending;
    bool m_askUnsaved = false;
    bool m_askRestore = false;
    bool m_closeConfirmed = false;
    std::optional<RecentFiles> m_recent;
    std::vector<std::filesystem::path> m_recentInMemory;
};

}  // namespace pycast
