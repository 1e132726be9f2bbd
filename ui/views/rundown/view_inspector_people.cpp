// The inspector's People page: the list of people and the selected person's fields (UI thread).
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <string>
#include <set>

#include "core/duration.hpp"
#include "editing/rundown_editor.hpp"
#include "widgets/theme.hpp"
#include "views/rundown/editor_fields.hpp"
#include "views/rundown/editor_view.hpp"
#include "widgets/widgets.hpp"

namespace pycast::ui {

void drawPeoplePage(ViewContext& ctx, RundownEditor& ed) {
    const Show& show = *ctx.document.show;
    EditorState& es = ed.state();
    const float em = ImGui::GetFontSize();
    const float lw = labelWidth();
    // Nobody picked yet: the first person is shown (the selection itself changes only by a click).
    const Person* selected = show.findPerson(ed.selectedPersonId());
    if (selected == nullptr && ed.selectedPersonId().empty() && !show.people.empty()) selected = &show.people.front();
    const std::string selectedId = selected ? selected->id : std::string();

    if (ImGui::Button("+ Add person")) ed.post([](RundownEditor& e) { e.addPerson(); });
    int uses = 0;
    if (selected) {
        for (const Segment& s : show.rundown) uses += static_cast<int>(std::count(s.speakers.begin(), s.speakers.end(), selected->id));
        for (const Question& q : show.questions) uses += static_cast<int>(std::count(q.forPeople.begin(), q.forPeople.end(), selected->id));
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(selected == nullptr);
    if (ImGui::Button("Delete")) {
        ed.post([selectedId](RundownEditor& e) { e.deletePerson(selectedId); });
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
        if (ImGui::Selectable("##person", p.id == selectedId)) {
            const std::string pid = p.id;
            ed.post([pid](RundownEditor& e) { e.selectPerson(pid); });
        }
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
               [id](RundownEditor& e, const std::string& t) {
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
                ed.post([id, role](RundownEditor& e) {
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
            ed.post([id, text](RundownEditor& e) {
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
                    ed.post([id, c](RundownEditor& e) {
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

}  // namespace pycast::ui
