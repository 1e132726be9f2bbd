// The inspector's Show page: the show's metadata, timing and guidelines (UI thread).
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <string>
#include <cmath>

#include "core/duration.hpp"
#include "editing/rundown_editor.hpp"
#include "widgets/theme.hpp"
#include "views/rundown/editor_fields.hpp"
#include "views/rundown/editor_view.hpp"
#include "widgets/widgets.hpp"

namespace pycast::ui {

namespace {

// One metadata change as one undoable step (merged with the same key while typing).
template <typename F>
void changeMeta(RundownEditor& e, const std::string& label, const std::string& key, F change) {
    if (!e.document().show) return;
    ShowMeta meta = e.document().show->meta;
    change(meta);
    e.updateMeta(std::move(meta), label, key);
}

// Meta edits read the show as it is when they run, so several in one frame all land.
template <typename F>
void postMeta(RundownEditor& ed, std::string label, std::string key, F change) {
    ed.post([label = std::move(label), key = std::move(key), change](RundownEditor& e) {
        changeMeta(e, label, key, change);
    });
}

// An optional time of day of the show ("19:00", or empty for none) as a field with its hint.
void editMetaTimeOfDay(ViewContext& ctx, RundownEditor& ed, const char* key, std::optional<Seconds> ShowMeta::*field,
                       const char* undoLabel) {
    const std::optional<Seconds>& value = ctx.document.show->meta.*field;
    const std::string id = std::string("##") + key;
    editParsed(ctx, ed, key, id.c_str(), value ? formatTimeOfDay(*value) : std::string(), validateOptionalTime,
               [key, field, undoLabel](RundownEditor& e, const std::string& t) {
                   std::optional<Seconds> at;
                   std::string ignored;
                   if (!parseOptionalTimeField(t, at, ignored)) return;
                   changeMeta(e, undoLabel, key, [&](ShowMeta& m) { m.*field = at; });
               },
               "HH:MM");
    invalidHint(ed, key, validateOptionalTime);
}

bool validateEpisode(const std::string& text, std::string& hint) {
    if (text.find_first_not_of(" ") == std::string::npos) return true;
    if (text.size() <= 6 && text.find_first_not_of("0123456789") == std::string::npos) return true;
    hint = "Type the episode number (digits only), or leave it empty.";
    return false;
}

bool validateDate(const std::string& text, std::string& hint) {
    if (isValidDate(text)) return true;
    hint = "Type the date as YYYY-MM-DD, e.g. 2027-01-14 — or leave it empty.";
    return false;
}

}  // namespace

void drawShowPage(ViewContext& ctx, RundownEditor& ed) {
    const ShowMeta& meta = ctx.document.show->meta;
    const Guidelines& g = ctx.document.show->guidelines;
    const float lw = labelWidth();
    ImGui::PushID("show");

    sectionHeader("SHOW");
    const Validate titleValid = [](const std::string& t, std::string& hint) {
        return validateNotEmpty(t, hint, "the show's title");
    };
    fieldLabel("Title", lw);
    editParsed(ctx, ed, "meta:title", "##title", meta.title, titleValid,
               [](RundownEditor& e, const std::string& t) {
                   changeMeta(e, "Rename the show", "meta:title", [&](ShowMeta& m) { m.title = t; });
               });
    invalidHint(ed, "meta:title", titleValid);

    fieldLabel("Series", lw);
    editText(ctx, ed, "##series", meta.series, [](RundownEditor& e, const std::string& t) {
        changeMeta(e, "Change the series", "meta:series", [&](ShowMeta& m) { m.series = t; });
    });

    fieldLabel("Kind", lw);
    ImGui::SetNextItemWidth(-1.0f);
    if (ImGui::BeginCombo("##kind", showKindLabel(meta.kind))) {
        for (ShowKind kind : allShowKinds()) {
            if (ImGui::Selectable(showKindLabel(kind), kind == meta.kind) && kind != meta.kind) {
                postMeta(ed, "Change the show's kind", "", [kind](ShowMeta& m) { m.kind = kind; });
            }
        }
        ImGui::EndCombo();
    }

    fieldLabel("Episode", lw);
    editParsed(ctx, ed, "meta:episode", "##episode", meta.episode ? std::to_string(*meta.episode) : std::string(),
               validateEpisode,
               [](RundownEditor& e, const std::string& t) {
                   changeMeta(e, "Change the episode number", "meta:episode", [&](ShowMeta& m) {
                       if (t.find_first_not_of(' ') == std::string::npos) m.episode.reset();
                       else m.episode = std::stoi(t);
                   });
               },
               "none");
    invalidHint(ed, "meta:episode", validateEpisode);

    fieldLabel("Date", lw);
    editParsed(ctx, ed, "meta:date", "##date", meta.date, validateDate,
               [](RundownEditor& e, const std::string& t) {
                   changeMeta(e, "Change the date", "meta:date", [&](ShowMeta& m) { m.date = t; });
               },
               "YYYY-MM-DD");
    invalidHint(ed, "meta:date", validateDate);

    fieldLabel("Language", lw);
    editText(ctx, ed, "##language", meta.language, [](RundownEditor& e, const std::string& t) {
        changeMeta(e, "Change the language", "meta:language", [&](ShowMeta& m) { m.language = t; });
    }, "zh-TW");

    sectionHeader("TIMING");
    fieldLabel("Target", lw);
    editParsed(ctx, ed, "meta:target", "##target", meta.target > 0 ? formatDuration(meta.target) : std::string(),
               validateLength,
               [](RundownEditor& e, const std::string& t) {
                   std::string ignored;
                   auto s = parseLengthField(t, ignored);
                   if (!s) return;
                   changeMeta(e, "Change the target length", "meta:target", [&](ShowMeta& m) { m.target = *s; });
               },
               "h:mm:ss");
    invalidHint(ed, "meta:target", validateLength);

    fieldLabel("Starts at", lw);
    editMetaTimeOfDay(ctx, ed, "meta:start", &ShowMeta::startTime, "Change the start time");
    fieldLabel("Hard out", lw);
    editMetaTimeOfDay(ctx, ed, "meta:hardout", &ShowMeta::hardOut, "Change the hard out");

    sectionHeader("GUIDELINES");
    fieldLabel("Tech share", lw);
    float lo = static_cast<float>(g.techShareMin);
    float hi = static_cast<float>(g.techShareMax);
    ImGui::SetNextItemWidth(-1.0f);
    if (ImGui::DragFloatRange2("##tech", &lo, &hi, 0.25f, 0.0f, 100.0f, "min %.0f%%", "max %.0f%%",
                               ImGuiSliderFlags_AlwaysClamp)) {
        const double min = std::round(lo), max = std::round(hi);
        ed.post([min, max](RundownEditor& e) {
            if (!e.document().show) return;
            Guidelines gl = e.document().show->guidelines;
            gl.techShareMin = min;
            gl.techShareMax = std::max(min, max);
            e.updateGuidelines(std::move(gl), "Change the technical share range", "guide:tech");
        });
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Share of content time that should be technical (drag, or double-click to type)");
    endGestureOnDeactivate(ed);

    fieldLabel("Company", lw);
    float company = static_cast<float>(g.maxCompanyShare);
    ImGui::SetNextItemWidth(-1.0f);
    if (ImGui::DragFloat("##company", &company, 0.25f, 1.0f, 100.0f, "max %.0f%% of guests' airtime",
                         ImGuiSliderFlags_AlwaysClamp)) {
        const double value = std::round(company);
        ed.post([value](RundownEditor& e) {
            if (!e.document().show) return;
            Guidelines gl = e.document().show->guidelines;
            gl.maxCompanyShare = value;
            e.updateGuidelines(std::move(gl), "Change the company airtime limit", "guide:company");
        });
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("No company's guests should take more than this share of guests' airtime");
    endGestureOnDeactivate(ed);
    ImGui::PopID();
}

}  // namespace pycast::ui
