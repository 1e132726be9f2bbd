// The inspector's Segment page: every field of the selected segment (UI thread).
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <string>

#include "core/duration.hpp"
#include "editing/rundown_editor.hpp"
#include "widgets/theme.hpp"
#include "views/rundown/editor_fields.hpp"
#include "views/rundown/editor_view.hpp"
#include "widgets/widgets.hpp"

namespace pycast::ui {

void drawSegmentPage(ViewContext& ctx, RundownEditor& ed) {
    const Show& show = *ctx.document.show;
    const Segment* selected = ed.selectedSegment();
    if (selected == nullptr) {
        ImGui::Spacing();
        ImGui::PushTextWrapPos(0.0f);
        textColoured("Select a segment in the table to edit it, or add one with + Add.", colours::kTextDim);
        ImGui::PopTextWrapPos();
        return;
    }
    const Segment seg = *selected;  // a copy: edits are posted, the model changes after the frame
    const std::string id = seg.id;
    const int index = show.segmentIndex(id);
    const auto& timings = ctx.document.analysis->segments;
    const SegmentTiming* timing =
        index >= 0 && static_cast<std::size_t>(index) < timings.size() ? &timings[static_cast<std::size_t>(index)] : nullptr;
    const float lw = labelWidth();
    const float em = ImGui::GetFontSize();
    EditorState& es = ed.state();
    ImGui::PushID(id.c_str());

    // Where it sits in the show.
    std::string where = "Segment " + std::to_string(index + 1) + " of " + std::to_string(show.rundown.size());
    if (timing) {
        if (timing->startTimeOfDay) {
            where += " · " + formatTimeOfDay(*timing->startTimeOfDay) + "–" +
                     formatTimeOfDay(*timing->startTimeOfDay + timing->planned);
        } else {
            where += " · at " + formatDuration(timing->startOffset);
        }
    }
    textColoured(where, colours::kTextDim);
    ImGui::Spacing();

    // Title: one undo step per typing gesture; empty is refused.
    const std::string titleKey = "seg:" + id + ":title";
    const Validate titleValid = [](const std::string& t, std::string& hint) {
        return validateNotEmpty(t, hint, "a title");
    };
    fieldLabel("Title", lw);
    const int titleFlags = focusIfAsked(es, "title");
    editParsed(ctx, ed, titleKey, "##title", seg.title, titleValid,
               [id](RundownEditor& e, const std::string& t) { e.setSegmentTitle(id, t); }, "What happens in it",
               -1.0f, 0.0f, titleFlags);
    invalidHint(ed, titleKey, titleValid);

    // Kind.
    fieldLabel("Kind", lw);
    ImGui::SetNextItemWidth(-1.0f);
    if (ImGui::BeginCombo("##kind", kindLabel(seg.kind), ImGuiComboFlags_HeightLarge)) {
        for (SegmentKind kind : allSegmentKinds()) {
            ImGui::PushID(static_cast<int>(kind));
            swatch(kindColour(kind));
            if (ImGui::Selectable(kindLabel(kind), kind == seg.kind) && kind != seg.kind) {
                ed.post([id, kind](RundownEditor& e) { e.setSegmentKind(id, kind); });
            }
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }

    // Length: typed as mm:ss, or dragged in minutes and seconds. Either is one undo step.
    const std::string lengthKey = "seg:" + id + ":planned";
    fieldLabel("Length", lw);
    const float lengthRow = ImGui::GetContentRegionAvail().x;
    focusIfAsked(es, "planned");
    editParsed(ctx, ed, lengthKey, "##planned", formatDuration(seg.planned), validateLength,
               [id](RundownEditor& e, const std::string& t) {
                   std::string ignored;
                   if (auto s = parseLengthField(t, ignored)) e.setSegmentPlanned(id, *s);
               },
               "mm:ss", em * 4.4f, 0.0f, ImGuiInputTextFlags_AutoSelectAll);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Type mm:ss (5:30) or h:mm:ss (1:05:00)");
    const Seconds planned = seg.planned;
    int minutes = static_cast<int>(planned / 60);
    int seconds = static_cast<int>(planned % 60);
    const float dragWidth = (lengthRow - em * 4.4f - ImGui::GetStyle().ItemSpacing.x * 2) * 0.5f;
    ImGui::SameLine();
    ImGui::SetNextItemWidth(std::max(em * 3, dragWidth));
    if (ImGui::DragInt("##minutes", &minutes, 0.1f, 0, 600, "%d min", ImGuiSliderFlags_AlwaysClamp)) {
        const Seconds value = static_cast<Seconds>(minutes) * 60 + seconds;
        ed.state().drafts.erase(lengthKey);
        ed.post([id, value](RundownEditor& e) { e.setSegmentPlanned(id, value); });
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Drag to change the minutes (double-click to type)");
    endGestureOnDeactivate(ed);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1.0f);
    if (ImGui::DragInt("##seconds", &seconds, 0.2f, 0, 59, "%02d s", ImGuiSliderFlags_AlwaysClamp)) {
        const Seconds value = static_cast<Seconds>(minutes) * 60 + seconds;
        ed.state().drafts.erase(lengthKey);
        ed.post([id, value](RundownEditor& e) { e.setSegmentPlanned(id, value); });
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Drag to change the seconds (double-click to type)");
    endGestureOnDeactivate(ed);
    invalidHint(ed, lengthKey, validateLength);

    // Speakers.
    fieldLabel("Speakers", lw);
    if (auto toggled = peopleMultiSelect("##speakers", show, seg.speakers, "Nobody yet")) {
        const std::string person = *toggled;
        ed.post([id, person](RundownEditor& e) { e.toggleSpeaker(id, person); });
    }
    for (const auto& pid : seg.speakers) {
        if (show.findPerson(pid) == nullptr) {
            textColoured("⚠ \"" + pid + "\" is not anyone in People: pick someone else.", colours::kWarning);
        }
    }

    // Fixed start: optional, a time of day.
    const std::string fixedKey = "seg:" + id + ":fixed";
    fieldLabel("Fixed start", lw);
    focusIfAsked(es, "fixed");
    editParsed(ctx, ed, fixedKey, "##fixed", seg.fixedStart ? formatTimeOfDay(*seg.fixedStart) : std::string(),
               validateOptionalTime,
               [id](RundownEditor& e, const std::string& t) {
                   std::optional<Seconds> at;
                   std::string ignored;
                   if (parseOptionalTimeField(t, at, ignored)) e.setSegmentFixedStart(id, at);
               },
               "none  (HH:MM to pin it)", -1.0f, 0.0f, ImGuiInputTextFlags_AutoSelectAll);
    if (!invalidHint(ed, fixedKey, validateOptionalTime) && timing && timing->fixedStartMissed &&
        timing->startTimeOfDay && seg.fixedStart) {
        ImGui::PushTextWrapPos(0.0f);
        textColoured("Planned to start at " + formatTimeOfDay(*timing->startTimeOfDay) + ", after " +
                         formatTimeOfDay(*seg.fixedStart) + ": shorten what comes before.",
                     colours::kBad);
        ImGui::PopTextWrapPos();
    } else if (seg.fixedStart && !show.meta.startTime) {
        textColoured("Set the show's start time to check it.", colours::kTextDim);
    }

    // Elastic.
    fieldLabel("Elastic", lw);
    bool elastic = seg.elastic;
    if (ImGui::Checkbox("##elastic", &elastic)) {
        ed.post([id, elastic](RundownEditor& e) { e.setSegmentElastic(id, elastic); });
    }
    ImGui::SameLine();
    textColoured("absorbs over- and underruns", colours::kTextDim);
    if (!seg.elastic) {
        for (const Segment& other : show.rundown) {
            if (other.elastic && ImGui::IsItemHovered()) {
                ImGui::SetTooltip("Only one segment can be elastic: this takes it from “%s”.",
                                  other.title.c_str());
            }
        }
    }

    // Technical: automatic from the kind, or forced either way.
    fieldLabel("Technical", lw);
    int technical = !seg.technical ? 0 : (*seg.technical ? 1 : 2);
    const int before = technical;
    const std::string autoLabel = std::string("Auto (") + (seg.kind == SegmentKind::Tech ? "yes" : "no") + ")";
    ImGui::RadioButton(autoLabel.c_str(), &technical, 0);
    ImGui::SameLine();
    ImGui::RadioButton("Yes", &technical, 1);
    ImGui::SameLine();
    ImGui::RadioButton("No", &technical, 2);
    if (technical != before) {
        const std::optional<bool> value =
            technical == 0 ? std::nullopt : std::optional<bool>(technical == 1);
        ed.post([id, value](RundownEditor& e) { e.setSegmentTechnical(id, value); });
    }

    // Notes.
    ImGui::Spacing();
    textColoured("Notes", colours::kTextDim);
    focusIfAsked(es, "notes");
    editText(ctx, ed, "##notes", seg.notes,
             [id](RundownEditor& e, const std::string& t) { e.setSegmentNotes(id, t); }, nullptr,
             std::max(em * 3.5f, std::min(em * 7.0f, ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing() * 2)));

    ImGui::Spacing();
    if (ImGui::Button("Duplicate")) ed.post([](RundownEditor& e) { e.duplicateSelected(); });
    ImGui::SameLine();
    if (ImGui::Button("Delete segment")) ed.post([](RundownEditor& e) { e.deleteSelected(); });
    ImGui::PopID();
}

}  // namespace pycast::ui
