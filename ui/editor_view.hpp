// The editor tab's parts shared between its files: the inspector beside the table (UI thread).
#pragma once

#include "editor.hpp"
#include "views.hpp"

namespace pycast::ui {

// view_editor_inspector.cpp: Segment / Show / People / Questions pages for the selection.
void drawInspector(ViewContext& ctx, Editor& editor);

}  // namespace pycast::ui
