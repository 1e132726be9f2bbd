// The Report tab: a session's insights (time, balance, audience, polls, the summary) drawn as
// ImGui charts, loaded off the UI thread, and written as files (UI thread; loading: a worker).
#pragma once

#include <filesystem>
#include <future>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "live/insights.hpp"

namespace pycast::ui {

struct ViewContext;

struct ReportViewState {
    std::string folderDraft;                      // the "Session folder" field
    std::optional<std::filesystem::path> wanted;  // load this next frame (a button, --report)
    std::filesystem::path loading;                // the folder being read
    std::future<Result<SessionInsights>> pending; // loadSessionInsights on a worker
    std::optional<SessionInsights> shown;
    std::vector<std::string> warnings;            // from the last load
    std::string error;                            // the last load's Error, or a write's
    std::vector<std::filesystem::path> written;   // the files the last "Write files" wrote
    // Frames still to draw after a load: its text's glyphs join the font atlas on the next
    // frame, and an idle window would otherwise show "?" until the next event.
    int settleFrames = 0;
};

// The folder `pycast insights` and the Report tab write a session's files to: <session>/insights.
std::filesystem::path insightsFolderOf(const std::filesystem::path& sessionDir);

void drawReportView(ViewContext& ctx);

}  // namespace pycast::ui
