// The editor tab's parts shared between its files: the inspector beside the table (UI thread).
#pragma once

#include "editing/rundown_editor.hpp"
#include "views/views.hpp"

namespace pycast::ui {

// view_editor_inspector.cpp: Segment / Show / People / Questions pages for the selection, and
// the totals as a last page when the window is too narrow for them beside the inspector.
void drawInspector(ViewContext& ctx, RundownEditor& editor, bool withTotals = false);

// The pages, one file each: view_inspector_<page>.cpp.
void drawSegmentPage(ViewContext& ctx, RundownEditor& editor);
void drawShowPage(ViewContext& ctx, RundownEditor& editor);
void drawPeoplePage(ViewContext& ctx, RundownEditor& editor);
void drawQuestionsPage(ViewContext& ctx, RundownEditor& editor);

}  // namespace pycast::ui
