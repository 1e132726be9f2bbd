// The editor tab's parts shared between its files: the inspector beside the table (UI thread).
#pragma once

#include "views/rundown/editor.hpp"
#include "views/views.hpp"

namespace pycast::ui {

// view_editor_inspector.cpp: Segment / Show / People / Questions pages for the selection.
void drawInspector(ViewContext& ctx, Editor& editor);

}  // namespace pycast::ui
