// Drawing helpers shared by the views (UI thread).
#include "widgets/widgets.hpp"

#include <imgui_internal.h>  // RenderTextEllipsis, ItemSize/ItemAdd

#include <algorithm>

#include "widgets/theme.hpp"

namespace pycast::ui {

float chipWidth(std::string_view text) {
    return ImGui::CalcTextSize(text.data(), text.data() + text.size()).x + ImGui::GetFontSize() * 0.9f;
}

float widestText(std::initializer_list<std::string_view> texts) {
    float widest = 0.0f;
    for (std::string_view t : texts) widest = std::max(widest, ImGui::CalcTextSize(t.data(), t.data() + t.size()).x);
    return widest;
}

float widestKindChip() {
    float widest = 0.0f;
    for (SegmentKind kind : allSegmentKinds()) widest = std::max(widest, chipWidth(kindLabel(kind)));
    return widest;
}

void chip(std::string_view text, ImU32 background, ImU32 textColour) {
    // Laid out as one text line so the chip's label shares the baseline of the text around it;
    // the background reaches a little above and below the line.
    const char* begin = text.data();
    const char* end = begin + text.size();
    const ImVec2 textSize = ImGui::CalcTextSize(begin, end);
    const float padX = ImGui::GetFontSize() * 0.45f;  // chipWidth() adds the same twice
    const float padY = ImGui::GetFontSize() * 0.1f;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 size(textSize.x + padX * 2, textSize.y);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(pos.x, pos.y - padY), ImVec2(pos.x + size.x, pos.y + size.y + padY),
                      background, (size.y + padY * 2) * 0.5f);
    dl->AddText(ImVec2(pos.x + padX, pos.y), textColour, begin, end);
    ImGui::Dummy(size);
}

void textTruncated(std::string_view text, ImU32 colour, float maxWidth) {
    const char* begin = text.data();
    const char* end = begin + text.size();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float available =
        std::max(1.0f, maxWidth > 0.0f ? maxWidth : ImGui::GetContentRegionAvail().x);
    const ImVec2 full = ImGui::CalcTextSize(begin, end);
    const ImVec2 size(std::min(full.x, available), ImGui::GetTextLineHeight());
    ImGui::Dummy(size);
    if (!ImGui::IsItemVisible()) return;
    const ImVec2 max(pos.x + available, pos.y + size.y);
    if (colour != 0) ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), pos, max, max.x, max.x, begin, end,
                              &full);
    if (colour != 0) ImGui::PopStyleColor();
    if (full.x > available && ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
        ImGui::TextUnformatted(begin, end);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

void textColoured(std::string_view text, ImU32 colour) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopStyleColor();
}

void sectionHeader(const char* label) {
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, colours::kTextDim);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(label);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::GetWindowDrawList()->AddLine(ImVec2(pos.x, pos.y - 3), ImVec2(pos.x + width, pos.y - 3),
                                        ImGui::GetColorU32(ImGuiCol_Separator));
    ImGui::Dummy(ImVec2(0, 2));
}

void bar(float fraction, float width, const BarStyle& style) {
    const float height = style.height > 0 ? style.height : ImGui::GetFontSize() * 0.45f;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 end(pos.x + width, pos.y + height);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rounding = height * 0.5f;
    dl->AddRectFilled(pos, end, colours::kTrack, rounding);
    if (style.bandTo > style.bandFrom) {
        const float a = std::clamp(style.bandFrom, 0.0f, 1.0f);
        const float b = std::clamp(style.bandTo, 0.0f, 1.0f);
        dl->AddRectFilled(ImVec2(pos.x + width * a, pos.y), ImVec2(pos.x + width * b, end.y),
                          style.band);
    }
    const float f = std::clamp(fraction, 0.0f, 1.0f);
    if (f > 0.0f) {
        dl->AddRectFilled(pos, ImVec2(pos.x + std::max(width * f, height), end.y), style.fill,
                          rounding);
    }
    if (style.markerFraction >= 0.0f) {
        const float x = pos.x + width * std::clamp(style.markerFraction, 0.0f, 1.0f);
        dl->AddLine(ImVec2(x, pos.y - 3), ImVec2(x, end.y + 3), colours::kMarker, 2.0f);
    }
    ImGui::Dummy(ImVec2(width, height));
}

void labelledBars(const char* id, const std::vector<LabelledBar>& rows, float labelMaxEm) {
    const float f = ImGui::GetFontSize();
    float labelWidth = 0.0f, valueWidth = 0.0f;
    for (const LabelledBar& r : rows) {
        labelWidth = std::max(labelWidth, ImGui::CalcTextSize(r.label.c_str()).x);
        valueWidth = std::max(valueWidth, ImGui::CalcTextSize(r.value.c_str()).x);
    }
    labelWidth = std::min(labelWidth, f * labelMaxEm);
    if (!ImGui::BeginTable(id, 3, ImGuiTableFlags_SizingFixedFit)) return;
    ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, labelWidth);
    ImGui::TableSetupColumn("bar", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthFixed, valueWidth);
    for (const LabelledBar& r : rows) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        textTruncated(r.label, 0, labelWidth);
        ImGui::TableNextColumn();
        BarStyle style = r.style;
        if (style.height <= 0.0f) style.height = f * 0.6f;
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (ImGui::GetTextLineHeight() - style.height) * 0.5f);
        bar(r.fraction, ImGui::GetContentRegionAvail().x, style);
        ImGui::TableNextColumn();
        alignRight(r.value);
        if (r.valueColour != 0)
            textColoured(r.value, r.valueColour);
        else
            ImGui::TextUnformatted(r.value.c_str());
    }
    ImGui::EndTable();
}

void alignRight(std::string_view text) {
    const float w = ImGui::CalcTextSize(text.data(), text.data() + text.size()).x;
    const float avail = ImGui::GetContentRegionAvail().x;
    if (avail > w) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - w);
}

bool ctrlShortcut(char upperCaseKey) {
    const ImGuiIO& io = ImGui::GetIO();
    return io.KeyCtrl && !io.KeyShift && !io.KeyAlt && ImGui::IsKeyPressed(upperCaseKey, false);
}

std::string speakersText(const Show& show, const Segment& segment, bool withCompany, bool& unknown) {
    std::string text;
    unknown = false;
    for (const auto& id : segment.speakers) {
        if (!text.empty()) text += ", ";
        if (const Person* p = show.findPerson(id)) {
            text += p->name;
            if (withCompany && !p->company.empty()) text += " (" + p->company + ")";
        } else {
            text += id + "?";
            unknown = true;
        }
    }
    return text;
}

}  // namespace pycast::ui
