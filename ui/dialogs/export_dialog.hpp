// File ▸ Export episode…: the Export dialog — source, loudness preset, format, mix, cuts,
// metadata, chapters, the traffic-light checks, and a running export's progress and result
// (UI thread; the checks run on a helper thread, the export on the shell's ExportJob).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <future>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/error.hpp"
#include "live/export_plan.hpp"
#include "media/exporter.hpp"
#include "widgets/fonts.hpp"

namespace pycast::ui {

// The table shows a chapter's time with core/duration formatTimecode(ms, true) ("12:34.500").
// What the table reads back: "ss", "mm:ss" or "h:mm:ss", each with an optional ".m" … ".mmm"
// (full-width digits as input methods type them count as ASCII). nullopt when malformed.
std::optional<std::int64_t> parseChapterTime(const std::string& text);

// What one frame of the dialog asks of the shell.
struct ExportDialogFrame {
    std::optional<ExportPlan> start;  // Export pressed: start an ExportJob on this plan
    bool cancel = false;              // Cancel pressed while the job runs
    bool closed = false;              // the dialog closed this frame (a finished job may go)
    double frameRate = 0.0;           // > 0: redraws wanted (checks pending, a job running)
};

class ExportDialog {
public:
    // Edits wait this long before the checks run again (prepareExport reads files).
    static constexpr double kCheckDelaySeconds = 0.4;

    ExportDialog() = default;
    ~ExportDialog();  // waits for a check still running (it reads a few files, no more)
    ExportDialog(const ExportDialog&) = delete;
    ExportDialog& operator=(const ExportDialog&) = delete;

    // Opens on a session folder (planForSession) or an audio file (planForFile). A session that
    // cannot be read opens the dialog with its error and nothing to export.
    void open(const std::filesystem::path& sessionOrFile);
    // Opens on a plan made elsewhere (tests, a re-export). The checks start at once.
    void openPlan(ExportPlan plan);
    bool isOpen() const { return m_open; }
    void close();
    // Waits for a check still running and drops its result (the shell, before it goes away:
    // the check's thread calls the waker when done).
    void stopChecks();
    // Called from the checks' thread when they finish (App::wake in the studio).
    void setWaker(std::function<void()> wake) { m_wake = std::move(wake); }

    // The plan as edited so far. After changing it directly, call planChanged().
    const ExportPlan& plan() const { return m_plan; }
    ExportPlan& editPlan() { return m_plan; }
    void planChanged();
    // The error that kept the source from opening ("" when it opened).
    const std::string& sourceError() const { return m_sourceError; }

    // Whole segments that can be dropped (the session's segment chapters, by title).
    const std::vector<std::string>& segmentTitles() const { return m_segmentTitles; }
    bool segmentDropped(const std::string& title) const;
    void setSegmentDropped(const std::string& title, bool dropped);

    // The checks: pending while an edit waits or prepareExport runs.
    bool checksPending() const;
    // Runs the checks for the current plan now (no delay) and waits for them (tests, screenshots).
    void waitForChecks();
    // The last finished checks (nullopt before the first), for the plan as it was then.
    const std::optional<Result<media::PreparedExport>>& prepared() const { return m_prepared; }
    // How many times the checks ran since the dialog opened (edits in a burst run them once).
    int checkRuns() const { return m_checkRuns; }
    // Why Export is disabled ("" when it is enabled): checks pending, a red check, no source.
    std::string blockedReason(const media::ExportJob* job = nullptr) const;

    // Draws the modal while open. `job`: the shell's job started from this dialog (null: none).
    ExportDialogFrame draw(FontManager& fonts, const media::ExportJob* job);

private:
    struct ChapterRow {
        int id = 0;  // stable across edits, for PushID
        std::string timeDraft;
        std::string titleDraft;
        bool timeBad = false;
    };

    void reset();
    void rebuildRows();
    void applyCuts();
    void startChecks();
    void pollChecks();
    void sortChapters();

    void drawSource();
    void drawFormatTab();
    void drawMixTab();
    void drawMetadataTab();
    void drawChaptersTab();
    void drawChecks();
    void drawRunning(const media::ExportJob& job, ExportDialogFrame& frame);
    void drawFinished(const media::ExportJob& job);
    void drawCheckList(const std::vector<ExportCheck>& checks);
    void fontsPending(const std::string& typed);  // typed text: its glyphs before next frame

    bool m_open = false;
    bool m_openRequested = false;
    std::function<void()> m_wake;

    ExportPlan m_plan;
    std::string m_sourceError;
    std::string m_sourceSummary;            // "3 tracks · 2 takes · 48:12"
    std::vector<Chapter> m_sourceChapters;  // as the session had them: where segments are
    std::vector<CutRegion> m_baseCuts;      // the plan's own cuts (not from segments)
    std::vector<std::string> m_segmentTitles;
    std::vector<std::string> m_droppedSegments;
    std::vector<std::string> m_personNames;  // parallel to m_plan.tracks: who each track is

    std::vector<ChapterRow> m_chapterRows;  // parallel to m_plan.chapters
    std::vector<int> m_personIds;           // parallel to m_plan.meta.people
    int m_nextId = 1;
    std::string m_trimHeadDraft, m_trimTailDraft;
    std::string m_episodeDraft;
    std::string m_addTimeDraft = "0:00.000", m_addTitleDraft;
    std::string m_addNote;  // why the last Add did nothing

    // Checks: the revision of the plan, the one last checked, the one being checked.
    int m_revision = 0;
    int m_checkedRevision = -1;
    int m_checkingRevision = -1;
    double m_changedAt = 0.0;
    bool m_checkNow = false;
    int m_checkRuns = 0;
    // One run of the checks: prepareExport, and the cover as probed (shown beside its path).
    struct CheckOutcome {
        Result<media::PreparedExport> prepared;
        std::optional<Result<CoverInfo>> cover;
    };
    std::future<CheckOutcome> m_checking;
    std::optional<Result<CoverInfo>> m_cover;
    std::thread m_checkThread;
    std::optional<Result<media::PreparedExport>> m_prepared;

    bool m_glyphsPending = false;
    std::string m_copiedNote;
    bool m_cancelRequested = false;
    std::string m_typedText;  // typed into drafts since the last frame: glyphs to add
};

constexpr const char* kExportPopup = "Export episode###export-episode";

}  // namespace pycast::ui
