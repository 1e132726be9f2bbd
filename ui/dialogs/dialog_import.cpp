// The CSV import preview modal and the state it keeps between re-runs (UI thread).
#include "dialogs/dialog_import.hpp"

#include <imgui.h>

#include <algorithm>
#include <set>

#include "core/duration.hpp"
#include "widgets/theme.hpp"
#include "widgets/widgets.hpp"

namespace pycast::ui {

namespace fs = std::filesystem;

namespace {

std::string columnLabel(const std::vector<std::string>& headers, int column) {
    if (column < 0 || column >= static_cast<int>(headers.size())) return "(none)";
    const std::string& h = headers[static_cast<std::size_t>(column)];
    return std::to_string(column + 1) + " · " + (h.empty() ? std::string("(no header)") : h);
}

// One mapping dropdown, in the current table cell: "(none)" or a column. True when changed.
bool columnCombo(const char* id, int& column, const std::vector<std::string>& headers) {
    bool changed = false;
    const std::string preview = columnLabel(headers, column);
    ImGui::SetNextItemWidth(-1.0f);
    if (ImGui::BeginCombo(id, preview.c_str())) {
        if (ImGui::Selectable("(none)", column < 0)) {
            changed = column != -1;
            column = -1;
        }
        for (int i = 0; i < static_cast<int>(headers.size()); ++i) {
            ImGui::PushID(i);
            const std::string item = columnLabel(headers, i);
            if (ImGui::Selectable(item.c_str(), column == i)) {
                changed = column != i;
                column = i;
            }
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    return changed;
}

std::string speakerNames(const Show& show, const ImportPreview& preview, const Segment& seg) {
    std::string out;
    for (const auto& id : seg.speakers) {
        std::string name = id;
        if (const Person* p = show.findPerson(id)) {
            name = p->name;
        } else {
            for (const Person& np : preview.newPeople) {
                if (np.id == id) name = np.name + " (new)";
            }
        }
        out += (out.empty() ? "" : ", ") + name;
    }
    return out;
}

}  // namespace

void ImportDialog::open(const Show& show, fs::path file) {
    m_file = std::move(file);
    m_options = {};
    m_afterSelection = true;
    m_open = true;
    m_openRequested = true;
    rerun(show);
}

void ImportDialog::rerun(const Show& show) {
    m_preview = previewCsvImportFile(show, m_file, m_options);
    m_glyphsPending = true;
}

void ImportDialog::setMapping(const Show& show, ColumnMapping mapping) {
    m_options.mapping = mapping;
    rerun(show);
}

void ImportDialog::setAddUnknownPeople(const Show& show, bool add) {
    m_options.addUnknownPeople = add;
    rerun(show);
}

std::string ImportDialog::blockedReason() const {
    if (!m_preview.fileError.empty()) return m_preview.fileError;
    const std::size_t bad = m_preview.badRows.size();
    if (bad > 0) {
        return std::to_string(bad) + (bad == 1 ? " row cannot" : " rows cannot") +
               " be imported: fix the file, or change the column mapping, then try again.";
    }
    if (m_preview.segments.empty()) return "The file has no segments to import.";
    return {};
}

std::optional<ImportDialog::Result> ImportDialog::draw(const Show& show,
                                                       const std::string& selectedTitle,
                                                       FontManager& fonts) {
    if (!m_open) return std::nullopt;
    if (m_openRequested) {
        ImGui::OpenPopup(kImportPopup);
        m_openRequested = false;
    }
    if (m_glyphsPending) {
        std::string text = m_file.string() + m_preview.fileError;
        for (const auto& h : m_preview.headers) text += h;
        for (const auto& s : m_preview.segments) text += s.title + s.notes;
        for (const auto& p : m_preview.newPeople) text += p.name;
        for (const auto& r : m_preview.badRows) text += formatRowProblem(r) + r.raw;
        fonts.addText(text);
        m_glyphsPending = false;
    }
    const float em = ImGui::GetFontSize();
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(em * 56, viewport->WorkSize.x - 40),
                                    std::min(em * 38, viewport->WorkSize.y - 40)),
                             ImGuiCond_Appearing);
    bool stillOpen = true;
    if (!ImGui::BeginPopupModal(kImportPopup, &stillOpen, ImGuiWindowFlags_NoSavedSettings)) {
        if (!stillOpen) m_open = false;
        return std::nullopt;
    }
    std::optional<Result> result;
    bool cancel = !stillOpen;

    ImGui::TextUnformatted(m_file.filename().string().c_str());
    ImGui::SameLine();
    textTruncated(m_file.parent_path().string(), colours::kTextDim);

    if (!m_preview.fileError.empty()) {
        ImGui::Spacing();
        ImGui::PushTextWrapPos(0.0f);
        textColoured(m_preview.fileError, colours::kBad);
        ImGui::PopTextWrapPos();
    } else {
        // Column mapping: one dropdown per field, fed by the header line.
        sectionHeader("COLUMNS");
        ColumnMapping mapping = m_preview.mapping;
        bool changed = false;
        struct Field {
            const char* label;
            const char* id;
            int* column;
            bool required;
        };
        const Field fields[] = {{"Title", "##map-title", &mapping.title, true},
                                {"Kind", "##map-kind", &mapping.kind, false},
                                {"Length", "##map-duration", &mapping.duration, true},
                                {"Speakers", "##map-speakers", &mapping.speakers, false},
                                {"Notes", "##map-notes", &mapping.notes, false}};
        if (ImGui::BeginTable("##mapping", 5, ImGuiTableFlags_SizingStretchSame)) {
            ImGui::TableNextRow();
            for (const Field& f : fields) {
                ImGui::TableNextColumn();
                const bool missing = f.required && *f.column < 0;
                textColoured(missing ? std::string(f.label) + " (required)" : std::string(f.label),
                             missing ? colours::kBad : colours::kTextDim);
            }
            ImGui::TableNextRow();
            for (const Field& f : fields) {
                ImGui::TableNextColumn();
                changed |= columnCombo(f.id, *f.column, m_preview.headers);
            }
            ImGui::EndTable();
        }
        if (changed) setMapping(show, mapping);

        // Unknown speakers: bad rows, unless they may become new guests.
        std::set<std::string> unknown;
        for (const auto& r : m_preview.badRows) unknown.insert(r.unknownSpeakers.begin(), r.unknownSpeakers.end());
        for (const auto& p : m_preview.newPeople) unknown.insert(p.name);
        std::string names;
        for (const auto& n : unknown) names += (names.empty() ? "" : ", ") + n;
        bool add = m_options.addUnknownPeople;
        const std::string addLabel = "Add unknown speakers as new guests" +
                                     (names.empty() ? std::string() : " (" + names + ")");
        ImGui::Spacing();
        if (ImGui::Checkbox(addLabel.c_str(), &add)) setAddUnknownPeople(show, add);

        // What will be added.
        const std::size_t n = m_preview.segments.size();
        const std::string header = "SEGMENTS TO ADD  ·  " + std::to_string(n);
        sectionHeader(header.c_str());
        const float badHeight = m_preview.badRows.empty()
                                    ? 0.0f
                                    : std::min<float>(em * 8.5f, ImGui::GetTextLineHeightWithSpacing() *
                                                                     (2.0f * static_cast<float>(m_preview.badRows.size()) + 2.0f));
        // Below the table: the bad rows (a header and their list), the Insert choice, the buttons
        // with a reason that may take two lines.
        const ImGuiStyle& style = ImGui::GetStyle();
        const float badBlock = m_preview.badRows.empty()
                                   ? 0.0f
                                   : ImGui::GetTextLineHeightWithSpacing() + style.ItemSpacing.y * 2 + badHeight;
        const float footer = badBlock + ImGui::GetFrameHeightWithSpacing() * 2 + style.ItemSpacing.y * 2 +
                             ImGui::GetTextLineHeight() + style.WindowPadding.y;
        const float tableHeight = std::max(em * 5, ImGui::GetContentRegionAvail().y - footer);
        const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuterH |
                                      ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
        if (ImGui::BeginTable("##import-segments", 6, flags, ImVec2(0, tableHeight))) {
            ImGui::TableSetupScrollFreeze(0, 1);
            ImGui::TableSetupColumn("Row", ImGuiTableColumnFlags_WidthFixed, em * 2.4f);
            ImGui::TableSetupColumn("Title", ImGuiTableColumnFlags_WidthStretch, 3.0f);
            ImGui::TableSetupColumn("Kind", ImGuiTableColumnFlags_WidthFixed, em * 6.4f);
            ImGui::TableSetupColumn("Length", ImGuiTableColumnFlags_WidthFixed, em * 3.6f);
            ImGui::TableSetupColumn("Speakers", ImGuiTableColumnFlags_WidthStretch, 2.0f);
            ImGui::TableSetupColumn("Notes", ImGuiTableColumnFlags_WidthStretch, 1.6f);
            ImGui::TableHeadersRow();
            ImGuiListClipper clipper;
            clipper.Begin(static_cast<int>(n));
            while (clipper.Step()) {
                for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                    const auto k = static_cast<std::size_t>(i);
                    const Segment& s = m_preview.segments[k];
                    ImGui::PushID(i);
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    const int row = k < m_preview.segmentRows.size() ? m_preview.segmentRows[k] : 0;
                    textColoured(std::to_string(row), colours::kTextDim);
                    ImGui::TableNextColumn();
                    textTruncated(s.title);
                    ImGui::TableNextColumn();
                    chip(kindLabel(s.kind), kindColour(s.kind), kindTextColour(s.kind));
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(formatDuration(s.planned).c_str());
                    ImGui::TableNextColumn();
                    textTruncated(speakerNames(show, m_preview, s));
                    ImGui::TableNextColumn();
                    textTruncated(s.notes, colours::kTextDim);
                    ImGui::PopID();
                }
            }
            ImGui::EndTable();
        }

        if (!m_preview.badRows.empty()) {
            const std::string badHeader = "ROWS THAT CANNOT BE IMPORTED  ·  " + std::to_string(m_preview.badRows.size());
            sectionHeader(badHeader.c_str());
            ImGui::BeginChild("##bad-rows", ImVec2(0, badHeight), false);
            for (std::size_t i = 0; i < m_preview.badRows.size(); ++i) {
                const RowProblem& r = m_preview.badRows[i];
                ImGui::PushID(static_cast<int>(i));
                ImGui::PushTextWrapPos(0.0f);
                textColoured("✕ " + formatRowProblem(r), colours::kBad);
                ImGui::PopTextWrapPos();
                std::string raw = r.raw;
                std::replace(raw.begin(), raw.end(), '\n', ' ');
                ImGui::Indent();
                textTruncated(raw, colours::kTextDim);
                ImGui::Unindent();
                ImGui::PopID();
            }
            ImGui::EndChild();
        }

        // Where the segments go.
        ImGui::Spacing();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Insert");
        ImGui::SameLine();
        const bool canAfter = !selectedTitle.empty();
        ImGui::BeginDisabled(!canAfter);
        const std::string afterLabel =
            canAfter ? "after “" + selectedTitle + "”" : std::string("after the selection");
        if (ImGui::RadioButton(afterLabel.c_str(), m_afterSelection && canAfter)) m_afterSelection = true;
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::RadioButton("at the end", !m_afterSelection || !canAfter)) m_afterSelection = false;
        if (!canAfter) m_afterSelection = false;
    }

    // Import, or why not.
    const std::string reason = blockedReason();
    const float buttonWidth = em * 9.0f;
    ImGui::Spacing();
    if (!reason.empty()) {
        ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x - buttonWidth * 1.8f);
        textColoured(reason, colours::kBad);
        ImGui::PopTextWrapPos();
        ImGui::SameLine();
    } else {
        const std::size_t people = m_preview.newPeople.size();
        std::string summary = std::to_string(m_preview.segments.size()) + " segments";
        if (people > 0) summary += " and " + std::to_string(people) + (people == 1 ? " new guest" : " new guests");
        summary += " will be added as one step (Undo takes them out).";
        textColoured(summary, colours::kTextDim);
        ImGui::SameLine();
    }
    ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - buttonWidth * 2 - ImGui::GetStyle().ItemSpacing.x);
    if (ImGui::Button("Cancel", ImVec2(buttonWidth, 0)) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
        cancel = true;
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(!reason.empty());
    const std::string importLabel = "Import " + std::to_string(m_preview.segments.size());
    if (ImGui::Button(importLabel.c_str(), ImVec2(buttonWidth, 0))) {
        result = Result{m_preview, m_afterSelection, m_file.filename().string()};
    }
    ImGui::EndDisabled();
    if (!reason.empty() && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
        ImGui::SetTooltip("%s", reason.c_str());
    }

    if (result || cancel) {
        m_open = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    return result;
}

}  // namespace pycast::ui
