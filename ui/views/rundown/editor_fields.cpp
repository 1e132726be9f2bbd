// Inspector field helpers: undo-friendly text fields and validated fields (UI thread).
#include "views/rundown/editor_fields.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "shell/theme.hpp"
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

void endGestureOnDeactivate(Editor& editor) {
    if (ImGui::IsItemDeactivated()) editor.post([](Editor& e) { e.endGesture(); });
}

bool editText(ViewContext& ctx, Editor& editor, const char* id, const std::string& value,
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
        editor.post([commit, text](Editor& e) { commit(e, text); });
    }
    endGestureOnDeactivate(editor);
    return changed;
}

bool invalidHint(Editor& editor, const std::string& key, const Validate& validate) {
    const auto& invalid = editor.state().invalidText;
    const auto it = invalid.find(key);
    if (it == invalid.end()) return false;
    std::string hint;
    validate(it->second, hint);
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

bool validateOptionalTime(const std::string& text, std::string& hint) {
    std::optional<Seconds> ignored;
    return parseOptionalTimeField(text, ignored, hint);
}

bool editParsed(ViewContext& ctx, Editor& editor, const std::string& key, const char* id,
                const std::string& value, const Validate& validate, const CommitText& commit,
                const char* hint, float width, float height, int flags) {
    auto& invalid = editor.state().invalidText;
    const auto it = invalid.find(key);
    const bool wasInvalid = it != invalid.end();
    std::string text = wasInvalid ? it->second : value;
    if (wasInvalid) ImGui::PushStyleColor(ImGuiCol_FrameBg, toVec4(IM_COL32(92, 36, 40, 255)));
    bool changed = false;
    if (height > 0.0f) {
        changed = ImGui::InputTextMultiline(id, &text, ImVec2(width, height), flags);
    } else {
        ImGui::SetNextItemWidth(width);
        changed = hint ? ImGui::InputTextWithHint(id, hint, &text, flags)
                       : ImGui::InputText(id, &text, flags);
    }
    if (wasInvalid) ImGui::PopStyleColor();
    if (changed) {
        ctx.requests.requestGlyphs(text);
        std::string why;
        if (validate(text, why)) {
            invalid.erase(key);
            editor.post([commit, text](Editor& e) { commit(e, text); });
        } else {
            invalid[key] = text;
        }
    }
    endGestureOnDeactivate(editor);
    return changed;
}

}  // namespace pycast::ui
