// The editor's inspector beside the table: one tab per page (Segment, Show, People, Questions),
// each page in its own file, view_inspector_<page>.cpp (UI thread).
#include <imgui.h>

#include "editing/rundown_editor.hpp"
#include "views/rundown/editor_view.hpp"

namespace pycast::ui {

void drawInspector(ViewContext& ctx, RundownEditor& ed) {
    EditorState& es = ed.state();
    if (!ImGui::BeginTabBar("##inspector-pages")) return;
    auto page = [&](const char* label, InspectorPage which, void (*draw)(ViewContext&, RundownEditor&)) {
        ImGuiTabItemFlags flags = 0;
        if (es.showPage && *es.showPage == which) flags |= ImGuiTabItemFlags_SetSelected;
        if (ImGui::BeginTabItem(label, nullptr, flags)) {
            ImGui::BeginChild("##page", ImVec2(0, 0), false);
            draw(ctx, ed);
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
    };
    page("Segment", InspectorPage::Segment, drawSegmentPage);
    page("Show", InspectorPage::Show, drawShowPage);
    page("People", InspectorPage::People, drawPeoplePage);
    page("Questions", InspectorPage::Questions, drawQuestionsPage);
    es.showPage.reset();
    ImGui::EndTabBar();
}

}  // namespace pycast::ui
