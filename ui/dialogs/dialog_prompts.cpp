// The small modal questions of the editor, drawn with ImGui (UI thread).
#include "dialogs/dialog_prompts.hpp"

#include <imgui.h>

#include "widgets/theme.hpp"
#include "widgets/widgets.hpp"

namespace pycast::ui {

namespace {

constexpr ImGuiWindowFlags kModalFlags =
    ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings;

void centreNext() {
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing,
                            ImVec2(0.5f, 0.5f));
}

float buttonWidth() { return ImGui::GetFontSize() * 7.0f; }

bool escapePressed() { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false); }

// The default button answers Enter as well as a click.
bool defaultButton(const char* label) {
    ImGui::PushStyleColor(ImGuiCol_Button, toVec4(IM_COL32(40, 96, 170, 255)));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, toVec4(IM_COL32(52, 112, 192, 255)));
    const bool clicked = ImGui::Button(label, ImVec2(buttonWidth(), 0));
    ImGui::PopStyleColor(2);
    return clicked || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
           ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false);
}

void wrapped(const std::string& text, ImU32 colour = 0) {
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
    if (colour != 0) ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextUnformatted(text.c_str());
    if (colour != 0) ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
}

}  // namespace

UnsavedChoice drawUnsavedChangesDialog(bool& request, const std::string& showTitle,
                                       const std::string& action) {
    if (request) {
        ImGui::OpenPopup(kUnsavedPopup);
        request = false;
    }
    centreNext();
    if (!ImGui::BeginPopupModal(kUnsavedPopup, nullptr, kModalFlags)) return UnsavedChoice::None;
    UnsavedChoice choice = UnsavedChoice::None;
    const std::string name = showTitle.empty() ? std::string("this show") : "“" + showTitle + "”";
    wrapped("Save the changes to " + name + " before " + action + "?");
    wrapped("If you don't save, your changes since the last save are lost.", colours::kTextDim);
    ImGui::Spacing();
    if (defaultButton("Save")) choice = UnsavedChoice::Save;
    ImGui::SameLine();
    if (ImGui::Button("Don't save", ImVec2(buttonWidth(), 0))) choice = UnsavedChoice::DontSave;
    ImGui::SameLine();
    if (ImGui::Button("Cancel", ImVec2(buttonWidth(), 0)) || escapePressed()) {
        choice = UnsavedChoice::Cancel;
    }
    if (choice != UnsavedChoice::None) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return choice;
}

RestoreChoice drawRestoreDialog(bool& request, const Autosave& offer) {
    if (request) {
        ImGui::OpenPopup(kRestorePopup);
        request = false;
    }
    centreNext();
    if (!ImGui::BeginPopupModal(kRestorePopup, nullptr, kModalFlags)) return RestoreChoice::None;
    RestoreChoice choice = RestoreChoice::None;
    const std::string when = offer.savedAt.empty() ? std::string("an earlier session") : offer.savedAt;
    wrapped("Restore unsaved changes from " + when + "?");
    const std::string what =
        offer.original.empty()
            ? "An untitled show, “" + offer.show.meta.title + "”, was not saved when PyCast Studio last closed."
            : offer.original.filename().string() +
                  " had changes that were not saved when PyCast Studio last closed.";
    wrapped(what, colours::kTextDim);
    const std::string counts = std::to_string(offer.show.rundown.size()) + " segments · " +
                               std::to_string(offer.show.people.size()) + " people";
    textColoured(counts, colours::kTextDim);
    ImGui::Spacing();
    if (defaultButton("Restore")) choice = RestoreChoice::Restore;
    ImGui::SameLine();
    if (ImGui::Button("Discard", ImVec2(buttonWidth(), 0))) choice = RestoreChoice::Discard;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Deletes the autosave: the changes are gone for good.");
    if (choice != RestoreChoice::None) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return choice;
}

void drawMessageDialog(MessageDialog& dialog) {
    const std::string id = dialog.title + kMessagePopup;
    if (dialog.request) {
        ImGui::OpenPopup(id.c_str());
        dialog.request = false;
    }
    centreNext();
    if (!ImGui::BeginPopupModal(id.c_str(), nullptr, kModalFlags)) return;
    wrapped(dialog.message);
    if (!dialog.problems.empty()) {
        ImGui::Spacing();
        for (const Problem& p : dialog.problems) {
            textColoured("•", colours::kBad);
            ImGui::SameLine();
            wrapped((p.path.empty() ? std::string() : p.path + ": ") + p.message);
        }
    }
    ImGui::Spacing();
    if (defaultButton("OK") || escapePressed()) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace pycast::ui
