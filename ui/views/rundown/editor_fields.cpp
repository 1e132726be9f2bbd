// Inspector field helpers: undo-friendly text fields, validated fields, the pieces every
// inspector page uses (UI thread).
#include "views/rundown/editor_fields.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // ImGuiItemFlags_SelectableDontClosePopup
#include <imgui_stdlib.h>

#include <algorithm>

#include "widgets/theme.hpp"
#include "widgets/widgets.hpp"

namespace pycast::ui {

void fieldLabel(const char* label, float width) {
    const float x = ImGui::GetCursorPosX();
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, colours::kTextDim);
    ImGui::TextUnformatted(label);
    ImGui::PopStyleColor();
    ImGui::SameLine(x + width);
}

void endGestureOnDeactivate(RundownEditor& editor) {
    if (ImGui::IsItemDeactivated()) editor.post([](RundownEditor& e) { e.endGesture(); });
}

bool editText(ViewContext& ctx, RundownEditor& editor, const char* id, const std::string& value,
              const CommitText& commit, const char* hint, float height, bool selectAllOnFocus) {
    std::string text = value;
    bool changed = false;
    const ImGuiInputTextFlags flags = selectAllOnFocus ? ImGuiInputTextFlags_AutoSelectAll : 0;
    if (height > 0.0f) {
        changed = ImGui::InputTextMultiline(id, &text, ImVec2(-1.0f, height), flags);
    } else {
        ImGui::SetNextItemWidth(-1.0f);
        changed = hint ? ImGui::InputTextWithHint(id, hint, &text, flags)
                       : ImGui::InputText(id, &text, flags);
    }
    if (changed) {
        ctx.requests.requestGlyphs(text);
        editor.post([commit, text](RundownEditor& e) { commit(e, text); });
    }
    endGestureOnDeactivate(editor);
    return changed;
}

bool invalidHint(RundownEditor& editor, const std::string& key, const Validate& validate) {
    const auto& drafts = editor.state().drafts;
    const auto it = drafts.find(key);
    if (it == drafts.end()) return false;
    std::string hint;
    if (validate(it->second, hint)) return false;
    ImGui::PushTextWrapPos(0.0f);
    textColoured(hint.empty() ? std::string("This cannot be used as it is.") : hint, colours::kBad);
    ImGui::PopTextWrapPos();
    return true;
}

bool validateNotEmpty(const std::string& text, std::string& hint, const char* what) {
    if (text.find_first_not_of(" \t\r\n") != std::string::npos) return true;
    hint = std::string("Type ") + what + ": it cannot be empty.";
    return false;
}

bool validateLength(const std::string& text, std::string& hint) {
    return parseLengthField(text, hint).has_value();
}

bool validateCount(const std::string& text, std::string& hint) {
    return parseCountField(text, hint).has_value();
}

bool validateOptionalTime(const std::string& text, std::string& hint) {
    std::optional<Seconds> ignored;
    return parseOptionalTimeField(text, ignored, hint);
}

bool editParsed(ViewContext& ctx, RundownEditor& editor, const std::string& key, const char* id,
                const std::string& value, const Validate& validate, const CommitText& commit,
                const char* hint, float width, float height, int flags) {
    auto& drafts = editor.state().drafts;
    const auto it = drafts.find(key);
    std::string text = it != drafts.end() ? it->second : value;
    std::string why;
    const bool invalid = it != drafts.end() && !validate(text, why);
    if (invalid) ImGui::PushStyleColor(ImGuiCol_FrameBg, toVec4(IM_COL32(92, 36, 40, 255)));
    bool changed = false;
    if (height > 0.0f) {
        changed = ImGui::InputTextMultiline(id, &text, ImVec2(width, height), flags);
    } else {
        ImGui::SetNextItemWidth(width);
        changed = hint ? ImGui::InputTextWithHint(id, hint, &text, flags)
                       : ImGui::InputText(id, &text, flags);
    }
    if (invalid) ImGui::PopStyleColor();
    if (changed) {
        // The typed text is the field's own until the gesture ends: the model stays as it was.
        ctx.requests.requestGlyphs(text);
        drafts[key] = text;
    }
    if (ImGui::IsItemDeactivated()) {
        const auto draft = drafts.find(key);
        if (draft != drafts.end() && validate(draft->second, why)) {
            // The gesture ended on text that parses: that text, and only it, is committed (one
            // undo step). Text that does not parse stays in the field, red, and changes nothing.
            const std::string done = draft->second;
            drafts.erase(draft);
            if (done != value) editor.post([commit, done](RundownEditor& e) { commit(e, done); });
        }
        editor.post([](RundownEditor& e) { e.endGesture(); });
    }
    return changed;
}

// ---- Shared by the inspector pages -------------------------------------------------------

float labelWidth() { return ImGui::GetFontSize() * 5.4f; }

// The next widget takes the keyboard when the table (a double-click, Enter, a new row) asked.
// Returns the text-field flags for it: asked-for focus selects the text, ready to be replaced;
// a click places the caret as usual.
int focusIfAsked(EditorState& es, const char* field) {
    if (es.focusField != field) return 0;
    ImGui::SetKeyboardFocusHere();
    es.focusField.clear();
    return ImGuiInputTextFlags_AutoSelectAll;
}

std::string personLabel(const Person& p) {
    return p.name.empty() ? std::string("(no name)") : p.name;
}

// A colour swatch in the text line, for kind menus.
void swatch(ImU32 colour) {
    const float s = ImGui::GetTextLineHeight() * 0.7f;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float y = p.y + (ImGui::GetTextLineHeight() - s) * 0.5f;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, y), ImVec2(p.x + s, y + s), colour, 2.0f);
    ImGui::Dummy(ImVec2(s, ImGui::GetTextLineHeight()));
    ImGui::SameLine();
}

// People as a multi-select dropdown: each click toggles one person; the list stays open.
// Returns the id toggled this frame, if any.
std::optional<std::string> peopleMultiSelect(const char* id, const Show& show,
                                             const std::vector<std::string>& chosen,
                                             const char* none) {
    std::string preview;
    for (const auto& pid : chosen) {
        const Person* p = show.findPerson(pid);
        preview += (preview.empty() ? "" : ", ") + (p ? personLabel(*p) : pid + "?");
    }
    if (preview.empty()) preview = none;
    std::optional<std::string> toggled;
    ImGui::SetNextItemWidth(-1.0f);
    if (ImGui::BeginCombo(id, preview.c_str(), ImGuiComboFlags_HeightLarge)) {
        ImGui::PushItemFlag(ImGuiItemFlags_SelectableDontClosePopup, true);
        for (const Person& p : show.people) {
            ImGui::PushID(p.id.c_str());
            const bool on = std::find(chosen.begin(), chosen.end(), p.id) != chosen.end();
            const std::string detail =
                std::string(roleLabel(p.role)) + (p.company.empty() ? "" : " · " + p.company);
            if (ImGui::MenuItem(personLabel(p).c_str(), detail.c_str(), on)) toggled = p.id;
            ImGui::PopID();
        }
        ImGui::PopItemFlag();
        if (show.people.empty()) textColoured("No people yet: add them on the People page.", colours::kTextDim);
        ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered() && preview != none) ImGui::SetTooltip("%s", preview.c_str());
    return toggled;
}

}  // namespace pycast::ui
