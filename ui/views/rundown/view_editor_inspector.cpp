// The editor's inspector beside the table: one tab per page (Segment, Show, People, Questions),
// each page in its own file, view_inspector_<page>.cpp (UI thread).
#include <imgui.h>

#include "editing/rundown_editor.hpp"
#include "views/rundown/editor_view.hpp"
#include "views/views.hpp"

namespace pycast::ui {

void drawInspector(ViewContext& ctx, RundownEditor& ed, bool withTotals) {
    EditorState& es = ed.state();
    // Five pages in a narrow column: tighter tabs, so every name stays whole. The tab bar sees
    // the same padding all through; the pages are drawn with the normal one.
    const ImVec2 normalPadding = ImGui::GetStyle().FramePadding;
    const ImVec2 tabPadding = withTotals ? ImVec2(ImGui::GetFontSize() * 0.35f, normalPadding.y) : normalPadding;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, tabPadding);
    if (!ImGui::BeginTabBar("##inspector-pages")) {
        ImGui::PopStyleVar();
        return;
    }
    auto page = [&](const char* label, InspectorPage which, void (*draw)(ViewContext&, RundownEditor&)) {
        ImGuiTabItemFlags flags = 0;
        if (es.showPage && *es.showPage == which) flags |= ImGuiTabItemFlags_SetSelected;
        if (ImGui::BeginTabItem(label, nullptr, flags)) {
            ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, normalPadding);
            ImGui::BeginChild("##page", ImVec2(0, 0), false);
            draw(ctx, ed);
            ImGui::EndChild();
            ImGui::PopStyleVar();
            ImGui::EndTabItem();
        }
    };
    page("Segment", InspectorPage::Segment, drawSegmentPage);
    page("Show", InspectorPage::Show, drawShowPage);
    page("People", InspectorPage::People, drawPeoplePage);
    page("Questions", InspectorPage::Questions, drawQuestionsPage);
    if (withTotals) page("Totals", InspectorPage::Totals, [](ViewContext& c, RundownEditor&) { drawTotals(c); });
    es.showPage.reset();
    ImGui::EndTabBar();
    ImGui::PopStyleVar();
}

}  // namespace pycast::ui
