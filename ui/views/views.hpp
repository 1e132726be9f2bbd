// The studio's views and the one place they are registered; ImGui calls only (UI thread).
#pragma once

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "editing/document.hpp"
#include "views/live/recorder_panel.hpp"  // RecorderRequest
#include "views/report/report_view.hpp"
#include "widgets/fonts.hpp"

namespace pycast {
class RundownEditor;  // editing/rundown_editor.hpp: the edits, the selection (by id), the files
}

namespace pycast::ui {

// UI-only state, kept apart from the document (Tracy's ViewData). The selection is the editing
// model's (RundownEditor::selection()).
// The longest text of each time column of the rundown tables (they are sized to it), found
// once per analysis rather than every frame: a 3000-segment rundown would format 9000 times a
// frame otherwise.
struct RundownColumnTexts {
    std::uint64_t analysisStamp = 0;  // Document::analysisStamp these were found for
    std::string offset;               // start offset from the show's start ("1:05:00")
    std::string clock;                // start time of day ("20:14:30"), when the show has a start
    std::string length;               // planned length
    std::string fixedAt;              // fixed start
};

struct RundownViewState {
    bool scrollToSelected = false;  // a jump (from the timeline): place the selected row 40% down
    bool showTimeline = true;
    bool showTotals = true;
    RundownColumnTexts columnTexts;
};

// The column texts for this document, found again only when its analysis changed.
const RundownColumnTexts& rundownColumnTexts(const Document& document, RundownViewState& state);

struct UiState {
    RundownViewState rundown;
    ReportViewState report;
};

// What views ask of the shell during a frame. The shell acts after the frame ends, so the
// document never changes under a view that is drawing it.
struct FrameRequests {
    bool reload = false;
    bool showOpenDialog = false;
    std::optional<std::filesystem::path> open;
    bool quit = false;
    double frameRate = 0.0;  // > 0: a live view wants redraws at this rate (e.g. a countdown)
    std::string glyphText;   // text a view is about to show that the document does not hold
                             // (typed into an editor): the font atlas grows before next frame

    // The recorder's Rescan / Soundcheck / Start / Stop (views/live/recorder_panel.hpp); the
    // shell carries it out after the frame (app_live.cpp).
    std::optional<RecorderRequest> recorder;
    // The Live tab's Export… : open the Export dialog on this session folder (the shell's).
    std::optional<std::filesystem::path> exportEpisode;
    // The Live tab's Report…: the Report tab on this session folder.
    std::optional<std::filesystem::path> showReport;

    void requestFrameRate(double fps) { frameRate = std::max(frameRate, fps); }
    void requestGlyphs(std::string_view text) { glyphText.append(text); }
};

struct LiveContext;  // live_view.hpp: the live session, for the Live tab

struct ViewContext {
    const Document& document;
    UiState& ui;
    const FontManager& fonts;
    FrameRequests& requests;
    LiveContext* live = nullptr;  // null where there is no live session (tests, tools)
    RundownEditor* editor = nullptr;  // null where the document is read-only
};

enum class ViewPlace {
    Tab,     // a tab of the main window (rundown, problems; later the rundown editor)
    Window,  // a floating ImGui window toggled from the View menu (later: host countdown)
};

struct ViewInfo {
    std::string id;     // stable name ("rundown"), used by tests and to select tabs
    std::string title;  // menu label and tab title
    ViewPlace place = ViewPlace::Tab;
    bool open = true;                                   // user's choice from the View menu
    std::function<bool(const Document&)> available;     // drawn only when this says so
    std::function<std::string(const Document&)> label;  // tab text, e.g. "Problems (3)"; optional
    std::function<void(ViewContext&)> draw;
};

using ViewRegistry = std::vector<ViewInfo>;

// Every view of the studio is registered here, in menu and tab order.
void registerBuiltinViews(ViewRegistry& views);

// The views themselves, one file each.
void drawRundownView(ViewContext& ctx);  // view_rundown.cpp: header, timeline, table, totals
void drawShowHeader(ViewContext& ctx);   // view_rundown.cpp
void drawRundownTable(ViewContext& ctx, float height);  // view_rundown.cpp
void drawTimeline(ViewContext& ctx);                    // view_timeline.cpp
void drawTotals(ViewContext& ctx);                      // view_totals.cpp
void drawProblemsView(ViewContext& ctx);                // view_problems.cpp
void drawLiveView(ViewContext& ctx);                    // views/live/live_view.cpp: the Live tab
void drawEditorView(ViewContext& ctx);  // view_editor.cpp: the rundown as an editor
// views/report/report_view.cpp: drawReportView, a session's insights as charts

}  // namespace pycast::ui
