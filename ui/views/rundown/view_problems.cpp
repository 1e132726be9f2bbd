// The Problems view: why a show file could not be opened, where, and what to do (UI thread).
#include <imgui.h>

#include <algorithm>
#include <string>

#include "widgets/theme.hpp"
#include "views/views.hpp"
#include "widgets/widgets.hpp"

namespace pycast::ui {

namespace {

std::string location(const Problem& p) {
    if (p.line <= 0) return "—";
    std::string s = "line " + std::to_string(p.line);
    if (p.column > 0) s += ", col " + std::to_string(p.column);
    return s;
}

// The file's line under the message, with a caret under the column the problem points at.
void quoteLine(const Problem& p, const std::string& text) {
    const std::string number = std::to_string(p.line) + "  │  ";
    textColoured(number, colours::kTextDim);
    ImGui::SameLine(0.0f, 0.0f);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    textTruncated(text, colours::kText);
    if (p.column > 0) {
        const std::size_t upTo = std::min(text.size(), static_cast<std::size_t>(p.column - 1));
        const float x = start.x + ImGui::CalcTextSize(text.data(), text.data() + upTo).x;
        const float y = start.y + ImGui::GetTextLineHeight() + 1.0f;
        const float s = ImGui::GetFontSize() * 0.3f;
        ImGui::GetWindowDrawList()->AddTriangleFilled(ImVec2(x, y), ImVec2(x - s, y + s * 1.4f),
                                                      ImVec2(x + s, y + s * 1.4f), colours::kBad);
        ImGui::Dummy(ImVec2(0, s * 1.4f));
    }
}

std::string allProblemsText(const Document& doc) {
    const std::string file = doc.path.empty() ? doc.fileName() : doc.path.string();
    std::string text;
    for (const auto& p : doc.problems) text += formatProblem(file, p) + "\n";
    return text;
}

}  // namespace

void drawProblemsView(ViewContext& ctx) {
    const Document& doc = ctx.document;

    ImGui::PushFont(ctx.fonts.font(FontRole::Heading));
    if (doc.path.empty()) {
        textColoured("No show is open", colours::kText);
    } else {
        const std::string heading = "Cannot open " + doc.fileName();
        textColoured(heading, colours::kText);
    }
    ImGui::PopFont();

    if (!doc.path.empty()) {
        textColoured(doc.path.string(), colours::kTextDim);
    }
    ImGui::Spacing();

    const std::size_t count = doc.problems.size();
    const std::string summary =
        std::to_string(count) + (count == 1 ? " problem" : " problems") + " found.";
    ImGui::PushStyleColor(ImGuiCol_Text, colours::kBad);
    ImGui::TextUnformatted(summary.c_str());
    ImGui::PopStyleColor();
    if (!doc.hint.empty()) {
        ImGui::SameLine();
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(doc.hint.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::Spacing();

    if (!doc.path.empty() && ImGui::Button("Reload  (Ctrl+R)")) ctx.requests.reload = true;
    if (!doc.path.empty()) ImGui::SameLine();
    if (ImGui::Button("Open another show…  (Ctrl+O)")) ctx.requests.showOpenDialog = true;
    ImGui::SameLine();
    if (ImGui::Button("Copy problems")) {
        const std::string text = allProblemsText(doc);
        ImGui::SetClipboardText(text.c_str());
    }
    ImGui::Spacing();

    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_BordersOuterH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable("problems", 4, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) {
        return;
    }
    const float em = ImGui::GetFontSize();
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, em * 1.8f);
    bool anyLine = false;
    for (const auto& p : doc.problems) anyLine = anyLine || p.line > 0;
    ImGui::TableSetupColumn(
        "Where", ImGuiTableColumnFlags_WidthFixed | (anyLine ? 0 : ImGuiTableColumnFlags_Disabled),
        em * 7.5f);
    ImGui::TableSetupColumn("Field", ImGuiTableColumnFlags_WidthFixed, em * 14.0f);
    ImGui::TableSetupColumn("Problem", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();

    for (std::size_t i = 0; i < doc.problems.size(); ++i) {
        const Problem& p = doc.problems[i];
        ImGui::PushID(static_cast<int>(i));  // problems have no ids; their order is stable
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        textColoured(std::to_string(i + 1), colours::kTextDim);
        ImGui::TableNextColumn();
        textColoured(location(p), p.line > 0 ? colours::kText : colours::kTextDim);
        ImGui::TableNextColumn();
        if (p.path.empty()) {
            textColoured("(whole file)", colours::kTextDim);
        } else {
            textTruncated(p.path, colours::kAccent);
        }
        ImGui::TableNextColumn();
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(p.message.c_str());
        ImGui::PopTextWrapPos();
        if (const auto quote = doc.sourceLines.find(p.line); quote != doc.sourceLines.end()) {
            quoteLine(p, quote->second);
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

}  // namespace pycast::ui
