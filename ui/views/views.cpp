// Registers every view of the studio in one place (UI thread).
#include "views/views.hpp"

namespace pycast::ui {

void registerBuiltinViews(ViewRegistry& views) {
    views.push_back(ViewInfo{
        "rundown",
        "Rundown",
        ViewPlace::Tab,
        true,
        [](const Document& doc) { return doc.hasShow(); },
        // The tab carries the unsaved-changes dot, like the window title's "*".
        [](const Document& doc) { return std::string(doc.dirty ? "Rundown  •" : "Rundown"); },
        drawEditorView,  // the editor; read-only (drawRundownView) where there is no Editor
    });
    views.push_back(ViewInfo{
        "problems",
        "Problems",
        ViewPlace::Tab,
        true,
        [](const Document& doc) { return !doc.problems.empty(); },
        [](const Document& doc) {
            return "Problems (" + std::to_string(doc.problems.size()) + ")";
        },
        drawProblemsView,
    });
    views.push_back(ViewInfo{
        "live",
        "Live",
        ViewPlace::Tab,
        true,
        nullptr,  // always there: "Go live" without a session, the host view with one
        nullptr,
        drawLiveView,
    });
    views.push_back(ViewInfo{
        "report",
        "Report",
        ViewPlace::Tab,
        true,
        nullptr,  // always there: open any session folder, or the live session
        nullptr,
        drawReportView,
    });
}

}  // namespace pycast::ui
