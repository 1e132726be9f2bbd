// The inspector's Questions page: the pre-submitted questions and the selected one (UI thread).
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

void drawQuestionsPage(ViewContext& ctx, RundownEditor& ed) {
    const Show& show = *ctx.document.show;
    EditorState& es = ed.state();
    const float em = ImGui::GetFontSize();
    const float lw = labelWidth();
    int index = -1;
    for (std::size_t i = 0; i < show.questions.size(); ++i) {
        if (show.questions[i].id == ed.selectedQuestionId()) index = static_cast<int>(i);
    }
    // None picked yet: the first question is shown (the selection itself changes only by a click).
    if (index < 0 && ed.selectedQuestionId().empty() && !show.questions.empty()) index = 0;
    const int count = static_cast<int>(show.questions.size());

    if (ImGui::Button("+ Add question")) ed.post([](RundownEditor& e) { e.addQuestion(); });
    ImGui::SameLine();
    ImGui::BeginDisabled(index < 0);
    const std::string selectedId = index >= 0 ? show.questions[static_cast<std::size_t>(index)].id : std::string();
    if (ImGui::Button("Delete")) ed.post([selectedId](RundownEditor& e) { e.deleteQuestion(selectedId); });
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(index <= 0);
    if (ImGui::ArrowButton("##q-up", ImGuiDir_Up)) ed.post([selectedId](RundownEditor& e) { e.moveQuestion(selectedId, -1); });
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(index < 0 || index + 1 >= count);
    if (ImGui::ArrowButton("##q-down", ImGuiDir_Down)) ed.post([selectedId](RundownEditor& e) { e.moveQuestion(selectedId, 1); });
    ImGui::EndDisabled();

    const float rows = static_cast<float>(std::max(count, 1));
    const float listHeight = std::min(ImGui::GetTextLineHeightWithSpacing() * rows + em,
                                      std::max(em * 5, ImGui::GetContentRegionAvail().y * 0.4f));
    ImGui::BeginChild("##questions", ImVec2(0, listHeight), true);
    for (int i = 0; i < count; ++i) {
        const Question& q = show.questions[static_cast<std::size_t>(i)];
        ImGui::PushID(q.id.c_str());
        if (ImGui::Selectable("##question", q.id == selectedId)) {
            const std::string qid = q.id;
            ed.post([qid](RundownEditor& e) { e.selectQuestion(qid); });
        }
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
    auto update = [id](RundownEditor& e, const std::string& label, const std::string& key, auto change) {
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
               [update, textKey](RundownEditor& e, const std::string& t) {
                   update(e, "Edit a question", textKey, [&t](Question& q) { q.text = t; });
               },
               nullptr, -1.0f, em * 3.6f, textFlags);
    invalidHint(ed, textKey, textValid);

    fieldLabel("From", lw);
    editText(ctx, ed, "##from", question.from,
             [update, id](RundownEditor& e, const std::string& t) {
                 update(e, "Change who asked", "q:" + id + ":from", [&t](Question& q) { q.from = t; });
             },
             "who asked (optional)");

    fieldLabel("For", lw);
    if (auto toggled = peopleMultiSelect("##for", show, question.forPeople, "Anyone")) {
        const std::string person = *toggled;
        ed.post([update, person](RundownEditor& e) {
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
    const std::string votesKey = "q:" + id + ":votes";
    editParsed(ctx, ed, votesKey, "##votes", std::to_string(question.votes), validateCount,
               [update, votesKey](RundownEditor& e, const std::string& t) {
                   std::string ignored;
                   if (const auto n = parseCountField(t, ignored)) {
                       update(e, "Change the votes", votesKey, [n](Question& q) { q.votes = *n; });
                   }
               },
               "0", em * 7, 0.0f, ImGuiInputTextFlags_AutoSelectAll);
    invalidHint(ed, votesKey, validateCount);
    ImGui::PopID();
}

}  // namespace pycast::ui
