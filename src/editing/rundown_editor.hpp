// The rundown editor's actions without ImGui: every change to the open show as one undoable
// edit, selection by stable id, saving, autosave, CSV import and export (owner/UI thread).
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "editing/autosave.hpp"
#include "editing/document.hpp"
#include "io/csv_import.hpp"
#include "io/rundown_export.hpp"
#include "io/workspace.hpp"

namespace pycast {

// Where a new segment goes, relative to the selected one (at the end when none is selected).
enum class InsertWhere { Below, Above, End };

// Inspector pages; the editor switches to Segment when a row is picked. Totals is a page only
// in a narrow window.
enum class InspectorPage { Segment, Show, People, Questions, Totals };

// What is selected, by stable id (never a row index): it follows its item through moves,
// drags, undo and redo.
struct EditorSelection {
    std::string segmentId;
    std::string personId;
    std::string questionId;
};

// What the editor asks of its views next frame (no ImGui: plain requests the views act on).
struct EditorState {
    std::optional<InspectorPage> showPage;  // bring this inspector page to the front next frame
    // Put the caret in this inspector field next frame: "title", "planned", "fixed", "notes",
    // "person-name", "question-text". A field focused this way has its text selected.
    std::string focusField;
    bool ensureSelectedVisible = false;     // scroll the table just enough to show the selection
    bool tableHasKeys = false;              // the table (not a field) had the keyboard last frame
    // Text typed into a field that must parse (a length, a time), by field key ("seg:<id>:planned"):
    // the field shows it while it is typed and, when it does not parse, keeps showing it with a
    // red hint after the gesture ends. The model changes only when the gesture ends on text that
    // parses (the view then posts the commit and drops the draft).
    std::map<std::string, std::string> drafts;
};

class RundownEditor {
public:
    static constexpr double kAutosaveIntervalSeconds = 30.0;

    explicit RundownEditor(Document& document);
    ~RundownEditor();  // a dirty document is autosaved on the way out, unless the user discarded it
    RundownEditor(const RundownEditor&) = delete;
    RundownEditor& operator=(const RundownEditor&) = delete;

    Document& document() { return m_doc; }
    const Document& document() const { return m_doc; }
    EditorState& state() { return m_state; }
    bool hasShow() const { return m_doc.show.has_value(); }

    // Views never change the document while it is being drawn: they post, and the shell runs
    // what was posted once the frame's widgets are done. Returns true when something ran.
    void post(std::function<void(RundownEditor&)> action);
    bool runPosted();

    // ---- Selection
    const EditorSelection& selection() const { return m_selection; }
    const std::string& selectedSegmentId() const { return m_selection.segmentId; }
    const std::string& selectedPersonId() const { return m_selection.personId; }
    const std::string& selectedQuestionId() const { return m_selection.questionId; }
    const Segment* selectedSegment() const;
    int selectedIndex() const;  // -1 when none
    void selectSegment(const std::string& id);
    void selectRelative(int delta);  // the row above (-1) or below (+1) the selection
    void selectPerson(const std::string& id) { m_selection.personId = id; }
    void selectQuestion(const std::string& id) { m_selection.questionId = id; }
    // A new document is in place: the selection stays when its segment is still there, else the
    // first segment is selected (there is always something to edit).
    void documentReplaced();

    // ---- Segments
    // Adds "New segment" (5:00) and selects it; returns its id.
    std::string addSegment(InsertWhere where = InsertWhere::Below);
    bool duplicateSelected();
    bool deleteSelected();  // the next row (or the previous one) becomes the selection
    bool moveSelected(int delta);
    bool moveSegment(const std::string& id, int toIndex);
    void updateSegment(const std::string& id, Segment updated, std::string label,
                       std::string mergeKey = {});
    // Continuous edits: consecutive calls for the same segment are one undo step until
    // endGesture() (the field lost focus, the drag ended).
    void setSegmentTitle(const std::string& id, const std::string& title);
    void setSegmentPlanned(const std::string& id, Seconds planned);
    void setSegmentNotes(const std::string& id, const std::string& notes);
    void setSegmentKind(const std::string& id, SegmentKind kind);
    void setSegmentFixedStart(const std::string& id, std::optional<Seconds> fixedStart);
    void setSegmentTechnical(const std::string& id, std::optional<bool> technical);
    // Only one segment may be elastic: making one elastic takes it from any other (one step).
    void setSegmentElastic(const std::string& id, bool elastic);
    void toggleSpeaker(const std::string& segmentId, const std::string& personId);

    // ---- Show metadata and guidelines
    void updateMeta(ShowMeta meta, std::string label, std::string mergeKey = {});
    void updateGuidelines(Guidelines guidelines, std::string label, std::string mergeKey = {});

    // ---- People
    std::string addPerson();  // "New guest", selected
    void updatePerson(const std::string& id, Person person, std::string label,
                      std::string mergeKey = {});
    bool deletePerson(const std::string& id);  // also from every segment and question

    // ---- Questions
    std::string addQuestion();  // "New question", selected
    void updateQuestion(const std::string& id, Question question, std::string label,
                        std::string mergeKey = {});
    bool deleteQuestion(const std::string& id);
    bool moveQuestion(const std::string& id, int delta);

    // ---- History
    bool undo();
    bool redo();
    void endGesture() { m_doc.closeGroup(); }
    bool canUndo() const { return m_doc.history.canUndo(); }
    bool canRedo() const { return m_doc.history.canRedo(); }

    // ---- Files
    // Each returns the notice to show ("Saved x.json"), or the Error (what, where, what to do).
    // A show the loader would refuse is not written: the Error counts its problems and
    // problemsBeforeSaving() lists them, each with its path.
    Result<std::string> save();  // to document().path; refused for an untitled document
    Result<std::string> saveAs(const std::filesystem::path& file);
    Result<std::string> saveAsTemplate(const std::filesystem::path& file) const;  // the document stays as it is
    Result<std::string> exportRundown(RundownFormat format, const std::filesystem::path& file) const;
    std::vector<Problem> problemsBeforeSaving() const;
    std::string rundownMarkdown() const;
    // Adds the preview's segments (and new guests) as one undo step, after the selection or at
    // the end; selects the first one. Returns how many segments were added.
    int importSegments(const ImportPreview& preview, bool afterSelection,
                       const std::string& fileName);

    // ---- Autosave (times are seconds on any monotonic clock, injected so tests run instantly)
    // Writes the show to autosavePath() when it has been dirty and changed for 30 s; removes
    // the autosave once the document is clean again.
    void tick(double nowSeconds);
    void flushAutosave() { m_writer.flush(); }
    std::filesystem::path autosavePath() const;
    std::string autosaveError() const { return m_writer.lastError(); }
    // The document is about to be replaced: its autosave (clean, saved, or thrown away by the
    // user) goes; the new one starts with a fresh autosave clock.
    void releaseDocument();
    // The user chose "Don't save" on the way out: nothing is autosaved at exit.
    void discardChangesOnExit() { m_discardOnExit = true; }

    // ---- Autosaves found when a file is opened: offered one at a time.
    void findRestoreOffers();
    const std::vector<Autosave>& restoreOffers() const { return m_offers; }
    // The document the first offer restores (dirty); the shell shows it, then calls
    // adoptRestored() so later autosaves replace the restored file.
    Document restoredDocument(const Autosave& offer) const;
    void adoptRestored(const Autosave& offer);
    void discardFirstOffer();  // deletes the autosave file
    void deferOffers();        // keeps the files for the next start

    int showChangeCount() const { return m_changeCount; }

private:
    void fixSelection(int previousIndex);
    void perform(Edit edit);
    std::string segmentLabel(const std::string& verb, const std::string& id) const;
    Segment* findSegment(const std::string& id);

    Document& m_doc;
    EditorSelection m_selection;
    EditorState m_state;
    std::vector<std::function<void(RundownEditor&)>> m_posted;
    int m_changeCount = 0;

    AutosaveWriter m_writer;
    std::optional<double> m_dirtySince;           // when the autosave clock started
    std::optional<double> m_lastAutosaveAt;
    std::uint64_t m_autosavedRevision = 0;
    bool m_wroteAutosave = false;                 // an autosave of this document is on disk
    std::filesystem::path m_adoptedAutosave;      // a restored autosave's own path
    bool m_discardOnExit = false;
    std::vector<Autosave> m_offers;
};

// "New segment" etc. are plain English; a label is "Rename “開場”", "Move “Panel” up", ...
std::string segmentTitleOrUntitled(const Segment& s);

// What a field holds as people type it; nullopt with `hint` when it is not readable.
std::optional<Seconds> parseLengthField(const std::string& text, std::string& hint);
// "" → no time (nullopt inside), "19:50" → 71400; false with `hint` when unreadable.
bool parseOptionalTimeField(const std::string& text, std::optional<Seconds>& out,
                            std::string& hint);
bool isValidDate(const std::string& text);  // YYYY-MM-DD of a day that exists, or empty
// A count (votes): digits only, 0 up to the largest int; nullopt with `hint` otherwise.
std::optional<int> parseCountField(const std::string& text, std::string& hint);

}  // namespace pycast
