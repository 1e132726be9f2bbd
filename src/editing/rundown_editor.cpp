// The editor's actions on the open document: undoable edits, files, autosave (UI thread).
#include "editing/rundown_editor.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <system_error>

#include "core/duration.hpp"
#include "io/show_io.hpp"

namespace pycast {

namespace fs = std::filesystem;

namespace {

template <typename T>
int indexOf(const std::vector<T>& items, const std::string& id) {
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (items[i].id == id) return static_cast<int>(i);
    }
    return -1;
}

// A show the loader would refuse is never written: the error counts its problems
// (RundownEditor::problemsBeforeSaving() lists them, each with its path).
std::optional<Error> refuseInvalid(const Show& show, const std::string& what) {
    const std::size_t n = validateShow(show).size();
    if (n == 0) return std::nullopt;
    return Error{"The show has " + std::to_string(n) + (n == 1 ? " problem" : " problems") +
                     " to fix before it can be " + what + ":",
                 "", ""};
}

Error noShow(const char* what) { return Error{std::string("There is no ") + what + ".", "", ""}; }

}  // namespace

std::string segmentTitleOrUntitled(const Segment& s) {
    return s.title.empty() ? std::string("(untitled)") : s.title;
}

std::optional<Seconds> parseLengthField(const std::string& text, std::string& hint) {
    const DurationParse p = parseDuration(text);
    switch (p.error) {
        case DurationError::None:
            return p.seconds;
        case DurationError::Empty:
            hint = "Type a length as mm:ss, e.g. 5:00.";
            break;
        case DurationError::NotADuration:
            hint = "\"" + text + "\" is not a length: type mm:ss (5:00) or h:mm:ss (1:05:00).";
            break;
        case DurationError::Negative:
            hint = "A length cannot be negative: type mm:ss, e.g. 5:00.";
            break;
        case DurationError::SecondsOutOfRange:
            hint = "Seconds and minutes go up to 59: type e.g. 5:30 or 1:05:00.";
            break;
        case DurationError::TooLong:
            hint = "\"" + text + "\" is longer than " + formatDuration(kMaxDurationSeconds) + ", the longest length a show holds.";
            break;
    }
    return std::nullopt;
}

bool parseOptionalTimeField(const std::string& text, std::optional<Seconds>& out,
                            std::string& hint) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos) {
        out.reset();
        return true;
    }
    if (auto t = parseTimeOfDay(text.substr(first))) {
        out = *t;
        return true;
    }
    hint = "\"" + text + "\" is not a time of day: type HH:MM (24-hour), e.g. 19:50 — or leave it empty.";
    return false;
}

bool isValidDate(const std::string& text) {
    if (text.empty()) return true;
    int y = 0;
    int m = 0;
    int d = 0;
    char tail = 0;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' ||
        std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || m < 1 || m > 12 || d < 1) {
        return false;
    }
    // A day that exists: 2027-02-30 is no date.
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

std::optional<int> parseCountField(const std::string& text, std::string& hint) {
    const auto first = text.find_first_not_of(" \t");
    const auto last = text.find_last_not_of(" \t");
    const std::string digits = first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
    if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos) {
        hint = "Type a whole number (digits only), e.g. 12.";
        return std::nullopt;
    }
    long long value = 0;
    for (char c : digits) {
        value = value * 10 + (c - '0');
        if (value > std::numeric_limits<int>::max()) {
            hint = "That number is too large: type at most " + std::to_string(std::numeric_limits<int>::max()) + ".";
            return std::nullopt;
        }
    }
    return static_cast<int>(value);
}

RundownEditor::RundownEditor(Document& document) : m_doc(document) {}

RundownEditor::~RundownEditor() {
    if (m_doc.show && m_doc.dirty && !m_discardOnExit) {
        // Closed without saving (a signal, a crash of the caller): keep the work for next time.
        m_writer.write(*m_doc.show, m_doc.path, autosavePath());
    } else if (m_wroteAutosave) {
        m_writer.discard(autosavePath());
    }
    // The writer's destructor finishes the queue before the process goes.
}

void RundownEditor::post(std::function<void(RundownEditor&)> action) { m_posted.push_back(std::move(action)); }

bool RundownEditor::runPosted() {
    if (m_posted.empty()) return false;
    // An action may post more (none do today); run until the queue is dry.
    while (!m_posted.empty()) {
        auto actions = std::move(m_posted);
        m_posted.clear();
        for (auto& action : actions) action(*this);
    }
    return true;
}

// ---- Selection -------------------------------------------------------------------------------

const Segment* RundownEditor::selectedSegment() const {
    return m_doc.show ? m_doc.show->findSegment(m_selection.segmentId) : nullptr;
}

int RundownEditor::selectedIndex() const {
    return m_doc.show ? m_doc.show->segmentIndex(m_selection.segmentId) : -1;
}

Segment* RundownEditor::findSegment(const std::string& id) {
    if (!m_doc.show) return nullptr;
    const int i = m_doc.show->segmentIndex(id);
    return i < 0 ? nullptr : &m_doc.show->rundown[static_cast<std::size_t>(i)];
}

void RundownEditor::selectSegment(const std::string& id) {
    if (m_selection.segmentId != id) m_state.drafts.clear();
    m_selection.segmentId = id;
    m_state.ensureSelectedVisible = true;
}

void RundownEditor::documentReplaced() {
    if (!m_doc.show || m_doc.show->findSegment(m_selection.segmentId) != nullptr) return;
    m_selection.segmentId.clear();
    if (!m_doc.show->rundown.empty()) m_selection.segmentId = m_doc.show->rundown.front().id;
}

void RundownEditor::selectRelative(int delta) {
    if (!m_doc.show || m_doc.show->rundown.empty()) return;
    const int n = static_cast<int>(m_doc.show->rundown.size());
    const int current = selectedIndex();
    const int next = current < 0 ? (delta > 0 ? 0 : n - 1) : std::clamp(current + delta, 0, n - 1);
    selectSegment(m_doc.show->rundown[static_cast<std::size_t>(next)].id);
}

void RundownEditor::fixSelection(int previousIndex) {
    if (!m_doc.show) return;
    const Show& show = *m_doc.show;
    if (!m_selection.segmentId.empty() && show.findSegment(m_selection.segmentId) == nullptr) {
        // The selected segment went away (an undone add, a redone delete): the row above it.
        if (show.rundown.empty() || previousIndex < 0) {
            m_selection.segmentId.clear();
        } else {
            const int i = std::clamp(previousIndex - 1, 0, static_cast<int>(show.rundown.size()) - 1);
            m_selection.segmentId = show.rundown[static_cast<std::size_t>(i)].id;
        }
    }
    if (!m_selection.personId.empty() && show.findPerson(m_selection.personId) == nullptr) {
        m_selection.personId = show.people.empty() ? std::string() : show.people.back().id;
    }
    if (!m_selection.questionId.empty() &&
        indexOf(show.questions, m_selection.questionId) < 0) {
        m_selection.questionId = show.questions.empty() ? std::string() : show.questions.back().id;
    }
}

void RundownEditor::perform(Edit edit) {
    if (!m_doc.show) return;
    const int before = selectedIndex();
    m_doc.perform(std::move(edit));
    ++m_changeCount;
    fixSelection(before);
}

std::string RundownEditor::segmentLabel(const std::string& verb, const std::string& id) const {
    const Segment* s = m_doc.show ? m_doc.show->findSegment(id) : nullptr;
    return verb + " " + quotedTitle(s ? segmentTitleOrUntitled(*s) : std::string("segment"));
}

// ---- Segments --------------------------------------------------------------------------------

std::string RundownEditor::addSegment(InsertWhere where) {
    if (!m_doc.show) return {};
    const Show& show = *m_doc.show;
    Segment seg;
    seg.title = "New segment";
    seg.kind = SegmentKind::Experience;
    seg.planned = 5 * 60;
    seg.id = newId(show, "s");
    int index = -1;
    const int selected = selectedIndex();
    if (selected >= 0 && where == InsertWhere::Below) index = selected + 1;
    if (selected >= 0 && where == InsertWhere::Above) index = selected;
    // A new segment speaks with the selected one's host by default: the usual case on a show.
    if (const Segment* near = selectedSegment()) {
        for (const auto& id : near->speakers) {
            const Person* p = show.findPerson(id);
            if (p && p->role == Role::Host) seg.speakers.push_back(id);
        }
    }
    const std::string id = seg.id;
    perform(edits::insertSegment(show, index, std::move(seg)));
    selectSegment(id);
    m_state.showPage = InspectorPage::Segment;
    m_state.focusField = "title";
    return id;
}

bool RundownEditor::duplicateSelected() {
    if (!m_doc.show || selectedIndex() < 0) return false;
    const int index = selectedIndex();
    perform(edits::duplicateSegment(*m_doc.show, m_selection.segmentId));
    const auto next = static_cast<std::size_t>(index + 1);
    if (next < m_doc.show->rundown.size()) selectSegment(m_doc.show->rundown[next].id);
    return true;
}

bool RundownEditor::deleteSelected() {
    if (!m_doc.show) return false;
    const int index = selectedIndex();
    if (index < 0) return false;
    const Show& show = *m_doc.show;
    std::string next;
    if (static_cast<std::size_t>(index + 1) < show.rundown.size()) {
        next = show.rundown[static_cast<std::size_t>(index + 1)].id;
    } else if (index > 0) {
        next = show.rundown[static_cast<std::size_t>(index - 1)].id;
    }
    perform(edits::deleteSegment(show, m_selection.segmentId));
    selectSegment(next);
    return true;
}

bool RundownEditor::moveSegment(const std::string& id, int toIndex) {
    if (!m_doc.show) return false;
    const int from = m_doc.show->segmentIndex(id);
    const int n = static_cast<int>(m_doc.show->rundown.size());
    if (from < 0 || n == 0) return false;
    toIndex = std::clamp(toIndex, 0, n - 1);
    if (toIndex == from) return false;
    perform(edits::moveSegment(*m_doc.show, id, toIndex));
    selectSegment(id);
    return true;
}

bool RundownEditor::moveSelected(int delta) {
    const int index = selectedIndex();
    if (index < 0) return false;
    return moveSegment(m_selection.segmentId, index + delta);
}

void RundownEditor::updateSegment(const std::string& id, Segment updated, std::string label,
                           std::string mergeKey) {
    if (!m_doc.show) return;
    const Segment* current = m_doc.show->findSegment(id);
    if (current == nullptr || *current == updated) return;
    perform(edits::setSegment(*m_doc.show, id, std::move(updated), std::move(label),
                              std::move(mergeKey)));
}

void RundownEditor::setSegmentTitle(const std::string& id, const std::string& title) {
    Segment* s = findSegment(id);
    if (s == nullptr) return;
    Segment updated = *s;
    updated.title = title;
    updateSegment(id, std::move(updated), segmentLabel("Rename", id), "seg:" + id + ":title");
}

void RundownEditor::setSegmentPlanned(const std::string& id, Seconds planned) {
    Segment* s = findSegment(id);
    if (s == nullptr) return;
    Segment updated = *s;
    updated.planned = std::max<Seconds>(0, planned);
    updateSegment(id, std::move(updated), segmentLabel("Change length of", id),
                  "seg:" + id + ":planned");
}

void RundownEditor::setSegmentNotes(const std::string& id, const std::string& notes) {
    Segment* s = findSegment(id);
    if (s == nullptr) return;
    Segment updated = *s;
    updated.notes = notes;
    updateSegment(id, std::move(updated), segmentLabel("Edit notes of", id),
                  "seg:" + id + ":notes");
}

void RundownEditor::setSegmentKind(const std::string& id, SegmentKind kind) {
    Segment* s = findSegment(id);
    if (s == nullptr) return;
    Segment updated = *s;
    updated.kind = kind;
    updateSegment(id, std::move(updated), segmentLabel("Change kind of", id));
}

void RundownEditor::setSegmentFixedStart(const std::string& id, std::optional<Seconds> fixedStart) {
    Segment* s = findSegment(id);
    if (s == nullptr) return;
    Segment updated = *s;
    updated.fixedStart = fixedStart;
    updateSegment(id, std::move(updated),
                  segmentLabel(fixedStart ? "Pin the start of" : "Unpin", id),
                  "seg:" + id + ":fixed");
}

void RundownEditor::setSegmentTechnical(const std::string& id, std::optional<bool> technical) {
    Segment* s = findSegment(id);
    if (s == nullptr) return;
    Segment updated = *s;
    updated.technical = technical;
    updateSegment(id, std::move(updated), segmentLabel("Change technical flag of", id));
}

void RundownEditor::setSegmentElastic(const std::string& id, bool elastic) {
    if (!m_doc.show) return;
    const Segment* s = m_doc.show->findSegment(id);
    if (s == nullptr || s->elastic == elastic) return;
    const std::string label = segmentLabel(elastic ? "Make elastic:" : "Make fixed-length:", id);
    Show after = *m_doc.show;
    for (Segment& seg : after.rundown) {
        if (seg.id == id) {
            seg.elastic = elastic;
        } else if (elastic) {
            seg.elastic = false;  // one elastic segment absorbs the others' over- and underruns
        }
    }
    perform(edits::replaceShow(*m_doc.show, std::move(after), label));
}

void RundownEditor::toggleSpeaker(const std::string& segmentId, const std::string& personId) {
    Segment* s = findSegment(segmentId);
    if (s == nullptr) return;
    Segment updated = *s;
    auto it = std::find(updated.speakers.begin(), updated.speakers.end(), personId);
    if (it == updated.speakers.end()) {
        updated.speakers.push_back(personId);
    } else {
        updated.speakers.erase(it);
    }
    updateSegment(segmentId, std::move(updated), segmentLabel("Change speakers of", segmentId));
}

// ---- Show ------------------------------------------------------------------------------------

void RundownEditor::updateMeta(ShowMeta meta, std::string label, std::string mergeKey) {
    if (!m_doc.show || m_doc.show->meta == meta) return;
    perform(edits::setMeta(*m_doc.show, std::move(meta), std::move(label), std::move(mergeKey)));
}

void RundownEditor::updateGuidelines(Guidelines guidelines, std::string label, std::string mergeKey) {
    if (!m_doc.show || m_doc.show->guidelines == guidelines) return;
    perform(edits::setGuidelines(*m_doc.show, std::move(guidelines), std::move(label),
                                 std::move(mergeKey)));
}

// ---- People ----------------------------------------------------------------------------------

std::string RundownEditor::addPerson() {
    if (!m_doc.show) return {};
    Person p;
    p.id = newId(*m_doc.show, "p");
    p.name = "New guest";
    p.role = Role::Guest;
    const std::string id = p.id;
    perform(edits::insertPerson(*m_doc.show, -1, std::move(p)));
    m_selection.personId = id;
    m_state.showPage = InspectorPage::People;
    m_state.focusField = "person-name";
    return id;
}

void RundownEditor::updatePerson(const std::string& id, Person person, std::string label,
                          std::string mergeKey) {
    if (!m_doc.show) return;
    const Person* current = m_doc.show->findPerson(id);
    if (current == nullptr || *current == person) return;
    perform(edits::setPerson(*m_doc.show, id, std::move(person), std::move(label),
                             std::move(mergeKey)));
}

bool RundownEditor::deletePerson(const std::string& id) {
    if (!m_doc.show) return false;
    const int index = indexOf(m_doc.show->people, id);
    if (index < 0) return false;
    perform(edits::deletePerson(*m_doc.show, id));
    const auto& people = m_doc.show->people;
    m_selection.personId =
        people.empty() ? std::string()
                       : people[static_cast<std::size_t>(std::min<int>(index, static_cast<int>(people.size()) - 1))].id;
    return true;
}

// ---- Questions -------------------------------------------------------------------------------

std::string RundownEditor::addQuestion() {
    if (!m_doc.show) return {};
    Question q;
    q.id = newId(*m_doc.show, "q");
    q.text = "New question";
    const std::string id = q.id;
    perform(edits::insertQuestion(*m_doc.show, -1, std::move(q)));
    m_selection.questionId = id;
    m_state.showPage = InspectorPage::Questions;
    m_state.focusField = "question-text";
    return id;
}

void RundownEditor::updateQuestion(const std::string& id, Question question, std::string label,
                            std::string mergeKey) {
    if (!m_doc.show) return;
    const int i = indexOf(m_doc.show->questions, id);
    if (i < 0 || m_doc.show->questions[static_cast<std::size_t>(i)] == question) return;
    perform(edits::setQuestion(*m_doc.show, id, std::move(question), std::move(label),
                               std::move(mergeKey)));
}

bool RundownEditor::deleteQuestion(const std::string& id) {
    if (!m_doc.show) return false;
    const int index = indexOf(m_doc.show->questions, id);
    if (index < 0) return false;
    perform(edits::deleteQuestion(*m_doc.show, id));
    const auto& qs = m_doc.show->questions;
    m_selection.questionId =
        qs.empty() ? std::string()
                   : qs[static_cast<std::size_t>(std::min<int>(index, static_cast<int>(qs.size()) - 1))].id;
    return true;
}

bool RundownEditor::moveQuestion(const std::string& id, int delta) {
    if (!m_doc.show) return false;
    const int from = indexOf(m_doc.show->questions, id);
    const int n = static_cast<int>(m_doc.show->questions.size());
    const int to = from + delta;
    if (from < 0 || to < 0 || to >= n) return false;
    perform(edits::moveQuestion(*m_doc.show, id, to));
    m_selection.questionId = id;
    return true;
}

// ---- History ---------------------------------------------------------------------------------

bool RundownEditor::undo() {
    const int before = selectedIndex();
    if (!m_doc.undo()) return false;
    ++m_changeCount;
    m_state.drafts.clear();
    fixSelection(before);
    m_state.ensureSelectedVisible = true;
    return true;
}

bool RundownEditor::redo() {
    const int before = selectedIndex();
    if (!m_doc.redo()) return false;
    ++m_changeCount;
    m_state.drafts.clear();
    fixSelection(before);
    m_state.ensureSelectedVisible = true;
    return true;
}

// ---- Files -----------------------------------------------------------------------------------

std::vector<Problem> RundownEditor::problemsBeforeSaving() const {
    return m_doc.show ? validateShow(*m_doc.show) : std::vector<Problem>{};
}

Result<std::string> RundownEditor::save() {
    if (!m_doc.show) return noShow("show to save");
    if (m_doc.path.empty()) return Error{"This show has no file yet", "", "use File > Save As"};
    return saveAs(m_doc.path);
}

Result<std::string> RundownEditor::saveAs(const fs::path& file) {
    if (!m_doc.show) return noShow("show to save");
    if (auto invalid = refuseInvalid(*m_doc.show, "saved")) return *invalid;
    const Status saved = saveShowFile(*m_doc.show, file);
    if (!saved.ok()) return saved.error();

    const fs::path oldAutosave = autosavePath();
    const bool hadAutosave = m_wroteAutosave;
    m_doc.path = file;
    m_doc.markSaved();
    if (hadAutosave) m_writer.discard(oldAutosave);
    // Whatever a crash left beside the new file is older than what was just written.
    if (autosavePathFor(file) != oldAutosave) m_writer.discard(autosavePathFor(file));
    m_wroteAutosave = false;
    m_adoptedAutosave.clear();
    m_dirtySince.reset();
    m_lastAutosaveAt.reset();
    return "Saved " + file.filename().string();
}

Result<std::string> RundownEditor::saveAsTemplate(const fs::path& file) const {
    if (!m_doc.show) return noShow("show to save as a template");
    if (auto invalid = refuseInvalid(*m_doc.show, "saved as a template")) return *invalid;
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    const Status saved = saveShowFile(*m_doc.show, file);
    if (!saved.ok()) return saved.error();
    return "Saved the template " + file.filename().string();
}

Result<std::string> RundownEditor::exportRundown(RundownFormat format, const fs::path& file) const {
    if (!m_doc.show || !m_doc.analysis) return noShow("rundown to export");
    std::string text;
    const char* what = "";
    switch (format) {
        case RundownFormat::Markdown:
            text = renderRundownMarkdown(*m_doc.show, *m_doc.analysis);
            what = "Markdown";
            break;
        case RundownFormat::Csv:
            text = renderRundownCsv(*m_doc.show, *m_doc.analysis);
            what = "CSV";
            break;
        case RundownFormat::Text:
            text = renderRundownText(*m_doc.show, *m_doc.analysis);
            what = "plain text";
            break;
        case RundownFormat::Json:
            text = renderRundownJson(*m_doc.show, *m_doc.analysis);
            what = "JSON";
            break;
    }
    const Status written = writeFileAtomically(file, text, false);
    if (!written.ok()) return written.error();
    return std::string("Exported the rundown as ") + what + " to " + file.string();
}

std::string RundownEditor::rundownMarkdown() const {
    if (!m_doc.show || !m_doc.analysis) return {};
    return renderRundownMarkdown(*m_doc.show, *m_doc.analysis);
}

int RundownEditor::importSegments(const ImportPreview& preview, bool afterSelection,
                           const std::string& fileName) {
    if (!m_doc.show || !preview.canApply() || preview.segments.empty()) return 0;
    const int selected = selectedIndex();
    const int at = afterSelection && selected >= 0 ? selected + 1 : -1;
    Show after = *m_doc.show;
    const ImportApplied applied = applyImport(after, preview, at);
    const std::size_t n = applied.segmentIds.size();
    if (n == 0) return 0;
    std::string label = "Import " + std::to_string(n) + (n == 1 ? " segment" : " segments");
    if (!fileName.empty()) label += " from " + fileName;
    perform(edits::replaceShow(*m_doc.show, std::move(after), std::move(label)));
    selectSegment(applied.segmentIds.front());
    return static_cast<int>(n);
}

// ---- Autosave --------------------------------------------------------------------------------

fs::path RundownEditor::autosavePath() const {
    if (!m_adoptedAutosave.empty()) return m_adoptedAutosave;
    return autosavePathFor(m_doc.path);
}

void RundownEditor::tick(double now) {
    if (!m_doc.show || !m_doc.dirty) {
        if (m_wroteAutosave) {
            // Back to what is on disk (saved, or every change undone): nothing to recover.
            m_writer.discard(autosavePath());
            m_wroteAutosave = false;
        }
        m_dirtySince.reset();
        return;
    }
    if (!m_dirtySince) m_dirtySince = now;
    if (m_wroteAutosave && m_autosavedRevision == m_doc.revision) return;
    const double since = m_lastAutosaveAt ? *m_lastAutosaveAt : *m_dirtySince;
    if (now - since < kAutosaveIntervalSeconds) return;
    m_writer.write(*m_doc.show, m_doc.path, autosavePath());
    m_wroteAutosave = true;
    m_autosavedRevision = m_doc.revision;
    m_lastAutosaveAt = now;
}

void RundownEditor::releaseDocument() {
    if (m_wroteAutosave) m_writer.discard(autosavePath());
    m_wroteAutosave = false;
    m_adoptedAutosave.clear();
    m_dirtySince.reset();
    m_lastAutosaveAt.reset();
    m_autosavedRevision = 0;
    m_posted.clear();
    m_state.drafts.clear();
    m_selection.personId.clear();
    m_selection.questionId.clear();
}

void RundownEditor::findRestoreOffers() {
    m_offers.clear();
    m_writer.flush();  // a removal still queued (the document just closed) must not be offered back
    for (Autosave& a : findAutosaves(m_doc.path)) {
        if (a.path == autosavePath() && m_wroteAutosave) continue;  // this window's own
        m_offers.push_back(std::move(a));
    }
}

Document RundownEditor::restoredDocument(const Autosave& offer) const {
    Document doc;
    std::error_code ec;
    if (!offer.original.empty() && fs::is_regular_file(offer.original, ec)) {
        doc = openDocument(offer.original);
    }
    doc.path = offer.original;  // may no longer exist: saving writes it again
    doc.problems.clear();
    doc.hint.clear();
    doc.sourceLines.clear();
    doc.show = offer.show;
    doc.history.clear();
    doc.changed();
    doc.markUnsaved();
    return doc;
}

void RundownEditor::adoptRestored(const Autosave& offer) {
    m_adoptedAutosave = offer.path;
    m_wroteAutosave = true;  // its file is ours now: replaced by the next autosave, removed on save
    m_autosavedRevision = m_doc.revision;
    m_offers.clear();  // the rest stay on disk and are offered next time
}

void RundownEditor::discardFirstOffer() {
    if (m_offers.empty()) return;
    discardAutosave(m_offers.front().path);
    m_offers.erase(m_offers.begin());
}

void RundownEditor::deferOffers() { m_offers.clear(); }

}  // namespace pycast
