// The editor's inspector: every field of the selected segment, the show's metadata and
// guidelines, the people and the pre-submitted questions (UI thread).
#include <imgui.h>
#include <imgui_internal.h>  // ImGuiItemFlags_SelectableDontClosePopup
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>

#include "core/duration.hpp"
#include "views/rundown/editor.hpp"
#include "views/rundown/editor_fields.hpp"
#include "views/rundown/editor_view.hpp"
#include "shell/theme.hpp"
#include "widgets/widgets.hpp"

namespace pycast::ui {

namespace {

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

// ---- Segment ---------------------------------------------------------------------------------

void segmentPage(ViewContext& ctx, Editor& ed) {
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
               [id](Editor& e, const std::string& t) { e.setSegmentTitle(id, t); }, "What happens in it",
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
                ed.post([id, kind](Editor& e) { e.setSegmentKind(id, kind); });
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
               [id](Editor& e, const std::string& t) {
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
        ed.state().invalidText.erase(lengthKey);
        ed.post([id, value](Editor& e) { e.setSegmentPlanned(id, value); });
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Drag to change the minutes (double-click to type)");
    endGestureOnDeactivate(ed);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1.0f);
    if (ImGui::DragInt("##seconds", &seconds, 0.2f, 0, 59, "%02d s", ImGuiSliderFlags_AlwaysClamp)) {
        const Seconds value = static_cast<Seconds>(minutes) * 60 + seconds;
        ed.state().invalidText.erase(lengthKey);
        ed.post([id, value](Editor& e) { e.setSegmentPlanned(id, value); });
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Drag to change the seconds (double-click to type)");
    endGestureOnDeactivate(ed);
    invalidHint(ed, lengthKey, validateLength);

    // Speakers.
    fieldLabel("Speakers", lw);
    if (auto toggled = peopleMultiSelect("##speakers", show, seg.speakers, "Nobody yet")) {
        const std::string person = *toggled;
        ed.post([id, person](Editor& e) { e.toggleSpeaker(id, person); });
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
               [id](Editor& e, const std::string& t) {
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
        ed.post([id, elastic](Editor& e) { e.setSegmentElastic(id, elastic); });
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
        ed.post([id, value](Editor& e) { e.setSegmentTechnical(id, value); });
    }

    // Notes.
    ImGui::Spacing();
    textColoured("Notes", colours::kTextDim);
    focusIfAsked(es, "notes");
    editText(ctx, ed, "##notes", seg.notes,
             [id](Editor& e, const std::string& t) { e.setSegmentNotes(id, t); }, nullptr,
             std::max(em * 3.5f, std::min(em * 7.0f, ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing() * 2)));

    ImGui::Spacing();
    if (ImGui::Button("Duplicate")) ed.post([](Editor& e) { e.duplicateSelected(); });
    ImGui::SameLine();
    if (ImGui::Button("Delete segment")) ed.post([](Editor& e) { e.deleteSelected(); });
    ImGui::PopID();
}

// ---- Show ------------------------------------------------------------------------------------

// One metadata change as one undoable step (merged with the same key while typing).
template <typename F>
void changeMeta(Editor& e, const std::string& label, const std::string& key, F change) {
    if (!e.document().show) return;
    ShowMeta meta = e.document().show->meta;
    change(meta);
    e.updateMeta(std::move(meta), label, key);
}

// Meta edits read the show as it is when they run, so several in one frame all land.
template <typename F>
void postMeta(Editor& ed, std::string label, std::string key, F change) {
    ed.post([label = std::move(label), key = std::move(key), change](Editor& e) {
        changeMeta(e, label, key, change);
    });
}

// An optional time of day of the show ("19:00", or empty for none) as a field with its hint.
void editMetaTimeOfDay(ViewContext& ctx, Editor& ed, const char* key, std::optional<Seconds> ShowMeta::*field,
                       const char* undoLabel) {
    const std::optional<Seconds>& value = ctx.document.show->meta.*field;
    const std::string id = std::string("##") + key;
    editParsed(ctx, ed, key, id.c_str(), value ? formatTimeOfDay(*value) : std::string(), validateOptionalTime,
               [key, field, undoLabel](Editor& e, const std::string& t) {
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

void showPage(ViewContext& ctx, Editor& ed) {
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
               [](Editor& e, const std::string& t) {
                   changeMeta(e, "Rename the show", "meta:title", [&](ShowMeta& m) { m.title = t; });
               });
    invalidHint(ed, "meta:title", titleValid);

    fieldLabel("Series", lw);
    editText(ctx, ed, "##series", meta.series, [](Editor& e, const std::string& t) {
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
               [](Editor& e, const std::string& t) {
                   changeMeta(e, "Change the episode number", "meta:episode", [&](ShowMeta& m) {
                       if (t.find_first_not_of(' ') == std::string::npos) m.episode.reset();
                       else m.episode = std::stoi(t);
                   });
               },
               "none");
    invalidHint(ed, "meta:episode", validateEpisode);

    fieldLabel("Date", lw);
    editParsed(ctx, ed, "meta:date", "##date", meta.date, validateDate,
               [](Editor& e, const std::string& t) {
                   changeMeta(e, "Change the date", "meta:date", [&](ShowMeta& m) { m.date = t; });
               },
               "YYYY-MM-DD");
    invalidHint(ed, "meta:date", validateDate);

    fieldLabel("Language", lw);
    editText(ctx, ed, "##language", meta.language, [](Editor& e, const std::string& t) {
        changeMeta(e, "Change the language", "meta:language", [&](ShowMeta& m) { m.language = t; });
    }, "zh-TW");

    sectionHeader("TIMING");
    fieldLabel("Target", lw);
    editParsed(ctx, ed, "meta:target", "##target", meta.target > 0 ? formatDuration(meta.target) : std::string(),
               validateLength,
               [](Editor& e, const std::string& t) {
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
        ed.post([min, max](Editor& e) {
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
        ed.post([value](Editor& e) {
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

// ---- People ----------------------------------------------------------------------------------

void peoplePage(ViewContext& ctx, Editor& ed) {
    const Show& show = *ctx.document.show;
    EditorState& es = ed.state();
    const float em = ImGui::GetFontSize();
    const float lw = labelWidth();
    if (es.selectedPersonId.empty() && !show.people.empty()) es.selectedPersonId = show.people.front().id;

    if (ImGui::Button("+ Add person")) ed.post([](Editor& e) { e.addPerson(); });
    const Person* selected = show.findPerson(es.selectedPersonId);
    int uses = 0;
    if (selected) {
        for (const Segment& s : show.rundown) uses += static_cast<int>(std::count(s.speakers.begin(), s.speakers.end(), selected->id));
        for (const Question& q : show.questions) uses += static_cast<int>(std::count(q.forPeople.begin(), q.forPeople.end(), selected->id));
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(selected == nullptr);
    if (ImGui::Button("Delete")) {
        const std::string id = es.selectedPersonId;
        ed.post([id](Editor& e) { e.deletePerson(id); });
    }
    ImGui::EndDisabled();
    if (selected && uses > 0 && ImGui::IsItemHovered()) {
        ImGui::SetTooltip("Also takes them off %d segment%s and question%s (Undo brings all back)", uses,
                          uses == 1 ? "" : "s", uses == 1 ? "" : "s");
    }

    const float rows = static_cast<float>(std::max<std::size_t>(show.people.size(), 1));
    const float listHeight = std::min(ImGui::GetTextLineHeightWithSpacing() * rows + em,
                                      std::max(em * 5, ImGui::GetContentRegionAvail().y * 0.45f));
    ImGui::BeginChild("##people", ImVec2(0, listHeight), true);
    for (const Person& p : show.people) {
        ImGui::PushID(p.id.c_str());
        if (ImGui::Selectable("##person", p.id == es.selectedPersonId)) es.selectedPersonId = p.id;
        ImGui::SameLine(0.0f, 0.0f);
        const float roleWidth = ImGui::CalcTextSize("Moderator").x + em;
        textTruncated(personLabel(p), 0, std::max(em, ImGui::GetContentRegionAvail().x - roleWidth));
        ImGui::SameLine();
        alignRight(roleLabel(p.role));
        textColoured(roleLabel(p.role), p.role == Role::Guest ? colours::kAccent : colours::kTextDim);
        ImGui::PopID();
    }
    if (show.people.empty()) textColoured("Nobody yet.", colours::kTextDim);
    ImGui::EndChild();

    if (selected == nullptr) return;
    const Person person = *selected;
    const std::string id = person.id;
    ImGui::PushID(id.c_str());
    ImGui::Spacing();
    const std::string nameKey = "person:" + id + ":name";
    const Validate nameValid = [](const std::string& t, std::string& hint) {
        return validateNotEmpty(t, hint, "the person's name");
    };
    fieldLabel("Name", lw);
    const int nameFlags = focusIfAsked(es, "person-name");
    editParsed(ctx, ed, nameKey, "##name", person.name, nameValid,
               [id](Editor& e, const std::string& t) {
                   const Person* p = e.document().show ? e.document().show->findPerson(id) : nullptr;
                   if (!p) return;
                   Person updated = *p;
                   updated.name = t;
                   e.updatePerson(id, std::move(updated), "Rename " + quotedTitle(p->name), "person:" + id + ":name");
               },
               nullptr, -1.0f, 0.0f, nameFlags);
    invalidHint(ed, nameKey, nameValid);

    fieldLabel("Role", lw);
    ImGui::SetNextItemWidth(-1.0f);
    if (ImGui::BeginCombo("##role", roleLabel(person.role))) {
        for (Role role : allRoles()) {
            if (ImGui::Selectable(roleLabel(role), role == person.role) && role != person.role) {
                ed.post([id, role](Editor& e) {
                    const Person* p = e.document().show ? e.document().show->findPerson(id) : nullptr;
                    if (!p) return;
                    Person updated = *p;
                    updated.role = role;
                    e.updatePerson(id, std::move(updated), "Change the role of " + quotedTitle(p->name));
                });
            }
        }
        ImGui::EndCombo();
    }

    // Company: typed, or picked from the companies already in the show (same spelling matters:
    // airtime is summed per company name).
    fieldLabel("Company", lw);
    std::set<std::string> companies;
    for (const Person& p : show.people) {
        if (!p.company.empty() && p.id != id) companies.insert(p.company);
    }
    const float pickWidth = companies.empty() ? 0.0f : ImGui::GetFrameHeight();
    ImGui::PushItemWidth(-(pickWidth > 0 ? pickWidth + ImGui::GetStyle().ItemInnerSpacing.x : 0.0f));
    {
        std::string text = person.company;
        if (ImGui::InputTextWithHint("##company", "none", &text)) {
            ctx.requests.requestGlyphs(text);
            ed.post([id, text](Editor& e) {
                const Person* p = e.document().show ? e.document().show->findPerson(id) : nullptr;
                if (!p) return;
                Person updated = *p;
                updated.company = text;
                e.updatePerson(id, std::move(updated), "Change the company of " + quotedTitle(p->name),
                               "person:" + id + ":company");
            });
        }
        endGestureOnDeactivate(ed);
    }
    ImGui::PopItemWidth();
    if (!companies.empty()) {
        ImGui::SameLine(0.0f, ImGui::GetStyle().ItemInnerSpacing.x);
        if (ImGui::ArrowButton("##companies", ImGuiDir_Down)) ImGui::OpenPopup("##company-list");
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Companies already in this show");
        if (ImGui::BeginPopup("##company-list")) {
            for (const std::string& c : companies) {
                if (ImGui::Selectable(c.c_str())) {
                    ed.post([id, c](Editor& e) {
                        const Person* p = e.document().show ? e.document().show->findPerson(id) : nullptr;
                        if (!p) return;
                        Person updated = *p;
                        updated.company = c;
                        e.updatePerson(id, std::move(updated), "Change the company of " + quotedTitle(p->name));
                    });
                }
            }
            ImGui::EndPopup();
        }
    }

    // What they do in this show.
    ImGui::Spacing();
    int segments = 0;
    for (const Segment& s : show.rundown) {
        if (std::find(s.speakers.begin(), s.speakers.end(), id) != s.speakers.end()) ++segments;
    }
    std::string usage = "Speaks in " + std::to_string(segments) + (segments == 1 ? " segment" : " segments");
    for (const Airtime& a : ctx.document.analysis->perSpeaker) {
        if (a.key == id) usage += " · " + formatDuration(a.seconds) + " of airtime";
    }
    textColoured(usage, colours::kTextDim);
    ImGui::PopID();
}

// ---- Questions -------------------------------------------------------------------------------

void questionsPage(ViewContext& ctx, Editor& ed) {
    const Show& show = *ctx.document.show;
    EditorState& es = ed.state();
    const float em = ImGui::GetFontSize();
    const float lw = labelWidth();
    if (es.selectedQuestionId.empty() && !show.questions.empty()) es.selectedQuestionId = show.questions.front().id;
    int index = -1;
    for (std::size_t i = 0; i < show.questions.size(); ++i) {
        if (show.questions[i].id == es.selectedQuestionId) index = static_cast<int>(i);
    }
    const int count = static_cast<int>(show.questions.size());

    if (ImGui::Button("+ Add question")) ed.post([](Editor& e) { e.addQuestion(); });
    ImGui::SameLine();
    ImGui::BeginDisabled(index < 0);
    const std::string selectedId = es.selectedQuestionId;
    if (ImGui::Button("Delete")) ed.post([selectedId](Editor& e) { e.deleteQuestion(selectedId); });
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(index <= 0);
    if (ImGui::ArrowButton("##q-up", ImGuiDir_Up)) ed.post([selectedId](Editor& e) { e.moveQuestion(selectedId, -1); });
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(index < 0 || index + 1 >= count);
    if (ImGui::ArrowButton("##q-down", ImGuiDir_Down)) ed.post([selectedId](Editor& e) { e.moveQuestion(selectedId, 1); });
    ImGui::EndDisabled();

    const float rows = static_cast<float>(std::max(count, 1));
    const float listHeight = std::min(ImGui::GetTextLineHeightWithSpacing() * rows + em,
                                      std::max(em * 5, ImGui::GetContentRegionAvail().y * 0.4f));
    ImGui::BeginChild("##questions", ImVec2(0, listHeight), true);
    for (int i = 0; i < count; ++i) {
        const Question& q = show.questions[static_cast<std::size_t>(i)];
        ImGui::PushID(q.id.c_str());
        if (ImGui::Selectable("##question", q.id == es.selectedQuestionId)) es.selectedQuestionId = q.id;
        ImGui::SameLine(0.0f, 0.0f);
        const std::string votes = q.votes > 0 ? "↑" + std::to_string(q.votes) : std::string();
        const float votesWidth = votes.empty() ? 0.0f : ImGui::CalcTextSize(votes.c_str()).x + em * 0.6f;
        textTruncated(std::to_string(i + 1) + ". " + q.text, 0,
                      std::max(em, ImGui::GetContentRegionAvail().x - votesWidth));
        if (!votes.empty()) {
            ImGui::SameLine();
            alignRight(votes);
            textColoured(votes, colours::kTextDim);
        }
        ImGui::PopID();
    }
    if (count == 0) textColoured("No questions yet.", colours::kTextDim);
    ImGui::EndChild();

    if (index < 0) return;
    const Question question = show.questions[static_cast<std::size_t>(index)];
    const std::string id = question.id;
    ImGui::PushID(id.c_str());
    auto update = [id](Editor& e, const std::string& label, const std::string& key, auto change) {
        if (!e.document().show) return;
        for (const Question& q : e.document().show->questions) {
            if (q.id != id) continue;
            Question updated = q;
            change(updated);
            e.updateQuestion(id, std::move(updated), label, key);
            return;
        }
    };
    ImGui::Spacing();
    textColoured("Question", colours::kTextDim);
    const int textFlags = focusIfAsked(es, "question-text");
    const std::string textKey = "q:" + id + ":text";
    const Validate textValid = [](const std::string& t, std::string& hint) {
        return validateNotEmpty(t, hint, "the question");
    };
    editParsed(ctx, ed, textKey, "##text", question.text, textValid,
               [update, textKey](Editor& e, const std::string& t) {
                   update(e, "Edit a question", textKey, [&t](Question& q) { q.text = t; });
               },
               nullptr, -1.0f, em * 3.6f, textFlags);
    invalidHint(ed, textKey, textValid);

    fieldLabel("From", lw);
    editText(ctx, ed, "##from", question.from,
             [update, id](Editor& e, const std::string& t) {
                 update(e, "Change who asked", "q:" + id + ":from", [&t](Question& q) { q.from = t; });
             },
             "who asked (optional)");

    fieldLabel("For", lw);
    if (auto toggled = peopleMultiSelect("##for", show, question.forPeople, "Anyone")) {
        const std::string person = *toggled;
        ed.post([update, person](Editor& e) {
            update(e, "Change who a question is for", "", [&person](Question& q) {
                auto it = std::find(q.forPeople.begin(), q.forPeople.end(), person);
                if (it == q.forPeople.end()) {
                    q.forPeople.push_back(person);
                } else {
                    q.forPeople.erase(it);
                }
            });
        });
    }

    fieldLabel("Votes", lw);
    int votes = question.votes;
    ImGui::SetNextItemWidth(em * 7);
    if (ImGui::InputInt("##votes", &votes, 1, 10)) {
        const int value = std::max(0, votes);
        ed.post([update, id, value](Editor& e) {
            update(e, "Change the votes", "q:" + id + ":votes", [value](Question& q) { q.votes = value; });
        });
    }
    endGestureOnDeactivate(ed);
    ImGui::PopID();
}

}  // namespace

void drawInspector(ViewContext& ctx, Editor& ed) {
    EditorState& es = ed.state();
    if (!ImGui::BeginTabBar("##inspector-pages")) return;
    auto page = [&](const char* label, InspectorPage which, void (*draw)(ViewContext&, Editor&)) {
        ImGuiTabItemFlags flags = 0;
        if (es.showPage && *es.showPage == which) flags |= ImGuiTabItemFlags_SetSelected;
        if (ImGui::BeginTabItem(label, nullptr, flags)) {
            ImGui::BeginChild("##page", ImVec2(0, 0), false);
            draw(ctx, ed);
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
    };
    page("Segment", InspectorPage::Segment, segmentPage);
    page("Show", InspectorPage::Show, showPage);
    page("People", InspectorPage::People, peoplePage);
    page("Questions", InspectorPage::Questions, questionsPage);
    es.showPage.reset();
    ImGui::EndTabBar();
}

}  // namespace pycast::ui
