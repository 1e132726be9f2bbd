// The template picker: summaries of the templates and its ImGui modal (UI thread).
#include "dialogs/dialog_template.hpp"

#include <imgui.h>

#include <algorithm>

#include "core/duration.hpp"
#include "io/show_io.hpp"
#include "widgets/theme.hpp"
#include "widgets/widgets.hpp"

namespace pycast::ui {

namespace fs = std::filesystem;

std::vector<TemplateSummary> summarizeTemplates(const fs::path& builtInDir) {
    std::vector<TemplateSummary> out;
    for (TemplateInfo& info : listTemplates(builtInDir)) {
        TemplateSummary s;
        const LoadResult loaded = loadShowFile(info.path);
        s.info = std::move(info);
        if (loaded.ok()) {
            const Show& show = *loaded.show;
            s.loads = true;
            s.series = show.meta.series;
            s.kind = show.meta.kind;
            s.segments = show.rundown.size();
            s.people = show.people.size();
            s.questions = show.questions.size();
            s.planned = show.plannedTotal();
            s.target = show.meta.target;
            for (std::size_t i = 0; i < show.rundown.size() && i < 6; ++i) {
                s.firstSegments.push_back(show.rundown[i].title);
            }
        } else {
            s.error = loaded.problems.empty() ? std::string("it does not load")
                                              : formatProblem(s.info.path.filename().string(),
                                                              loaded.problems.front());
        }
        out.push_back(std::move(s));
    }
    return out;
}

void TemplatePicker::open(const fs::path& builtInDir) {
    m_builtInDir = builtInDir;
    m_templates = summarizeTemplates(builtInDir);
    m_selected = m_templates.empty() ? -1 : 0;
    m_open = true;
    m_openRequested = true;
}

std::optional<TemplatePicker::Choice> TemplatePicker::draw(FontManager& fonts) {
    if (!m_open) return std::nullopt;
    if (m_openRequested) {
        ImGui::OpenPopup(kTemplatePopup);
        m_openRequested = false;
        for (const auto& t : m_templates) {
            fonts.addText(t.info.name + t.series + t.info.path.string() + t.error);
            for (const auto& title : t.firstSegments) fonts.addText(title);
        }
    }
    const float em = ImGui::GetFontSize();
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(em * 46, viewport->WorkSize.x - 40),
                                    std::min(em * 26, viewport->WorkSize.y - 40)),
                             ImGuiCond_Appearing);
    bool stillOpen = true;
    if (!ImGui::BeginPopupModal(kTemplatePopup, &stillOpen, ImGuiWindowFlags_NoSavedSettings)) {
        if (!stillOpen) m_open = false;
        return std::nullopt;
    }
    std::optional<Choice> choice;
    bool cancel = !stillOpen;

    const float footer = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
    const float height = std::max(em * 6, ImGui::GetContentRegionAvail().y - footer);
    const float listWidth = ImGui::GetContentRegionAvail().x * 0.42f;

    ImGui::BeginChild("##templates", ImVec2(listWidth, height), true);
    if (ImGui::Selectable("Blank show", m_selected == -1, ImGuiSelectableFlags_AllowDoubleClick)) {
        m_selected = -1;
        if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) choice = Choice{};
    }
    bool userHeader = false;
    for (std::size_t i = 0; i < m_templates.size(); ++i) {
        const TemplateSummary& t = m_templates[i];
        if (i == 0 && t.info.builtIn) {
            ImGui::Spacing();
            textColoured("BUILT IN", colours::kTextDim);
        }
        if (!t.info.builtIn && !userHeader) {
            ImGui::Spacing();
            textColoured("YOURS", colours::kTextDim);
            userHeader = true;
        }
        ImGui::PushID(static_cast<int>(i));  // the list is rebuilt on every open; order is stable
        const int index = static_cast<int>(i);
        if (ImGui::Selectable(t.info.name.c_str(), m_selected == index,
                              ImGuiSelectableFlags_AllowDoubleClick)) {
            m_selected = index;
            if (t.loads && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
                choice = Choice{t.info.path};
            }
        }
        ImGui::PopID();
    }
    if (!userHeader) {
        ImGui::Spacing();
        textColoured("YOURS", colours::kTextDim);
        ImGui::PushTextWrapPos(0.0f);
        textColoured("None yet: File > Save as template… keeps the open show as one.",
                     colours::kTextDim);
        ImGui::PopTextWrapPos();
    }
    ImGui::EndChild();
    ImGui::SameLine();

    ImGui::BeginChild("##template-preview", ImVec2(0, height), true);
    bool canCreate = true;
    if (m_selected < 0 || m_selected >= static_cast<int>(m_templates.size())) {
        ImGui::TextUnformatted("Blank show");
        ImGui::PushTextWrapPos(0.0f);
        textColoured("A title, a host, an intro and an outro: build the rest yourself.",
                     colours::kTextDim);
        ImGui::PopTextWrapPos();
    } else {
        const TemplateSummary& t = m_templates[static_cast<std::size_t>(m_selected)];
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(t.info.name.c_str());
        textColoured(t.info.path.string(), colours::kTextDim);
        ImGui::Spacing();
        if (!t.loads) {
            textColoured("This template cannot be used: " + t.error, colours::kBad);
            canCreate = false;
        } else {
            if (!t.series.empty()) textColoured(t.series, colours::kTextDim);
            const std::string facts = std::string(showKindLabel(t.kind)) + " · " +
                                      std::to_string(t.segments) + " segments · " +
                                      formatDuration(t.planned) + " planned" +
                                      (t.target > 0 ? " of " + formatDuration(t.target) : "");
            ImGui::TextUnformatted(facts.c_str());
            const std::string more = std::to_string(t.people) + " people · " +
                                     std::to_string(t.questions) + " questions";
            textColoured(more, colours::kTextDim);
            ImGui::Spacing();
            for (const auto& title : t.firstSegments) {
                textColoured("•", colours::kTextDim);
                ImGui::SameLine();
                textTruncated(title);
            }
            if (t.segments > t.firstSegments.size()) textColoured("…", colours::kTextDim);
            ImGui::Spacing();
            textColoured("The date and episode number start empty.", colours::kTextDim);
        }
        ImGui::PopTextWrapPos();
    }
    ImGui::EndChild();

    const float buttonWidth = em * 6.5f;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x -
                         buttonWidth * 2 - ImGui::GetStyle().ItemSpacing.x);
    if (ImGui::Button("Cancel", ImVec2(buttonWidth, 0)) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
        cancel = true;
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(!canCreate);
    const bool enter = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
                       ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false);
    if (ImGui::Button("Create", ImVec2(buttonWidth, 0)) || (enter && canCreate)) {
        choice = m_selected < 0 ? Choice{} : Choice{m_templates[static_cast<std::size_t>(m_selected)].info.path};
    }
    ImGui::EndDisabled();

    if (choice || cancel) {
        m_open = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    return choice;
}

}  // namespace pycast::ui
