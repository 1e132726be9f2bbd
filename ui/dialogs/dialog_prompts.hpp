// Small modal questions: unsaved changes, restoring an autosave, a failed save (UI thread).
#pragma once

#include <string>
#include <vector>

#include "editing/file_flow.hpp"
#include "io/show_io.hpp"
#include "io/workspace.hpp"

namespace pycast::ui {

// "Save changes to “<title>” before <action>?" with Save / Don't save / Cancel. Opens on the
// frame `request` is set (and clears it); returns the choice on the frame it is made.
UnsavedChoice drawUnsavedChangesDialog(bool& request, const std::string& showTitle,
                                       const std::string& action);

// "Restore unsaved changes from <savedAt>?" for one autosave.
RestoreChoice drawRestoreDialog(bool& request, const Autosave& offer);

// A message with an OK button: what failed and what to do; problems listed with their paths.
struct MessageDialog {
    bool request = false;
    std::string title;
    std::string message;
    std::vector<Problem> problems;

    void show(std::string dialogTitle, std::string text, std::vector<Problem> list = {}) {
        title = std::move(dialogTitle);
        message = std::move(text);
        problems = std::move(list);
        request = true;
    }
};
void drawMessageDialog(MessageDialog& dialog);

// The id of the popup each draws, for tests and for "is a modal open" checks.
constexpr const char* kUnsavedPopup = "Unsaved changes###unsaved-changes";
constexpr const char* kRestorePopup = "Restore unsaved changes?###restore-autosave";
constexpr const char* kMessagePopup = "###message";

}  // namespace pycast::ui
