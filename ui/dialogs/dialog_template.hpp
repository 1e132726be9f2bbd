// File > New from template: the sample shows and the user's own templates, with a preview of
// each, plus a blank show (UI thread).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "widgets/fonts.hpp"
#include "core/show.hpp"
#include "io/workspace.hpp"

namespace pycast::ui {

// What a template holds, for the picker's preview.
struct TemplateSummary {
    TemplateInfo info;
    bool loads = false;
    std::string error;  // why it does not load
    std::string series;
    ShowKind kind = ShowKind::Episode;
    std::size_t segments = 0;
    std::size_t people = 0;
    std::size_t questions = 0;
    Seconds planned = 0;
    Seconds target = 0;
    std::vector<std::string> firstSegments;  // the first few titles
};

// Every template in builtInDir and userTemplatesDir(), summarized.
std::vector<TemplateSummary> summarizeTemplates(const std::filesystem::path& builtInDir);

class TemplatePicker {
public:
    struct Choice {
        std::optional<std::filesystem::path> file;  // none: the blank show
    };

    void open(const std::filesystem::path& builtInDir);
    bool isOpen() const { return m_open; }
    const std::vector<TemplateSummary>& templates() const { return m_templates; }
    int selected() const { return m_selected; }  // -1: the blank show
    void select(int index) { m_selected = index; }

    // Draws the modal while open; returns the choice on the frame Create is pressed.
    std::optional<Choice> draw(FontManager& fonts);

private:
    std::vector<TemplateSummary> m_templates;
    std::filesystem::path m_builtInDir;
    int m_selected = 0;
    bool m_open = false;
    bool m_openRequested = false;
};

constexpr const char* kTemplatePopup = "New show from a template###template-picker";

}  // namespace pycast::ui
