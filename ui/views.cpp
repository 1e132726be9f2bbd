// Registers every view of the studio in one place (UI thread).
#include "views.hpp"

namespace pycast::ui {

void registerBuiltinViews(ViewRegistry& views) {
    views.push_back(ViewInfo{
        "rundown",
        "Rundown",
        ViewPlace::Tab,
        true,
        [](const Document& doc) { return doc.hasShow(); },
        nullptr,
        drawRundownView,
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
}

}  // namespace pycast::ui
