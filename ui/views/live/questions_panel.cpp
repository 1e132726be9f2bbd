// The producer's Questions panel: inbox, queue, answered, dismissed and merged, the producer's
// own questions, keys and undo; every change is posted as a live command (UI thread).
#include "views/live/questions_panel.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

#include "views/live/live_panels.hpp"
#include "views/live/live_view.hpp"
#include "views/views.hpp"
#include "widgets/qr_view.hpp"
#include "widgets/theme.hpp"
#include "widgets/widgets.hpp"

namespace pycast::ui {

namespace {

char foldAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool containsFolded(std::string_view hay, std::string_view needle) {
    if (needle.empty()) return true;
    if (needle.size() > hay.size()) return false;
    for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i) {
        std::size_t j = 0;
        while (j < needle.size() && foldAscii(hay[i + j]) == foldAscii(needle[j])) ++j;
        if (j == needle.size()) return true;
    }
    return false;
}

bool inList(const LiveQuestion& q, QuestionList list) {
    switch (list) {
        case QuestionList::Inbox:
            return q.state == QuestionState::Pending;
        case QuestionList::Queue:
            return q.state == QuestionState::Approved || q.state == QuestionState::OnAir;
        case QuestionList::Answered:
            return q.state == QuestionState::Answered;
        case QuestionList::Closed:
            return q.state == QuestionState::Dismissed || q.state == QuestionState::Merged;
    }
    return false;
}

bool matches(const LiveQuestion& q, std::string_view search, std::string_view topic) {
    if (!topic.empty() && std::find(q.topics.begin(), q.topics.end(), topic) == q.topics.end())
        return false;
    return containsFolded(q.text, search) || containsFolded(q.originalText, search) ||
           containsFolded(q.name, search);
}

}  // namespace

std::vector<std::size_t> questionRows(const QuestionQueue& queue, QuestionList list,
                                      QuestionSort sort, std::string_view search,
                                      std::string_view topic) {
    const std::vector<LiveQuestion>& all = queue.all();
    struct Row {
        std::size_t index;
        int votes;
    };
    std::vector<Row> rows;
    for (std::size_t i = 0; i < all.size(); ++i) {
        const LiveQuestion& q = all[i];
        if (!inList(q, list)) continue;
        // The inbox shows everything that waits: a filter must not hide a question from review.
        if (list != QuestionList::Inbox && !matches(q, search, topic)) continue;
        rows.push_back(
            {i, list == QuestionList::Queue && sort == QuestionSort::Votes ? queue.votes(q) : 0});
    }
    const auto at = [&](const Row& r) -> const LiveQuestion& { return all[r.index]; };
    switch (list) {
        case QuestionList::Inbox:
            std::stable_sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
                return at(a).submittedMs < at(b).submittedMs;
            });
            break;
        case QuestionList::Queue:
            std::stable_sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
                const bool airA = at(a).state == QuestionState::OnAir;
                const bool airB = at(b).state == QuestionState::OnAir;
                if (airA != airB) return airA;  // the one on air heads the queue
                if (sort == QuestionSort::Votes && a.votes != b.votes) return a.votes > b.votes;
                return at(a).submittedMs < at(b).submittedMs;
            });
            break;
        case QuestionList::Answered:
            std::stable_sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
                return at(a).answeredMs.value_or(0) > at(b).answeredMs.value_or(0);
            });
            break;
        case QuestionList::Closed:
            std::stable_sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
                return (at(a).state == QuestionState::Dismissed) >
                       (at(b).state == QuestionState::Dismissed);
            });
            break;
    }
    std::vector<std::size_t> out;
    out.reserve(rows.size());
    for (const Row& r : rows) out.push_back(r.index);
    return out;
}

std::string waitText(std::int64_t ms) {
    const std::int64_t s = std::max<std::int64_t>(ms, 0) / 1000;
    const auto two = [](std::int64_t v) { return (v < 10 ? "0" : "") + std::to_string(v); };
    if (s >= 3600) return std::to_string(s / 3600) + ":" + two(s / 60 % 60) + ":" + two(s % 60);
    return std::to_string(s / 60) + ":" + two(s % 60);
}

std::string waitingSummary(const QuestionQueue& queue, std::int64_t nowMs) {
    const std::size_t waiting = queue.count(QuestionState::Pending);
    if (waiting == 0) return "Nothing waiting";
    std::string text = std::to_string(waiting) + " waiting";
    if (const auto oldest = queue.oldestPendingMs())
        text += " · oldest " + waitText(nowMs - *oldest);
    return text;
}

std::string askedByLine(const Show& show, const LiveQuestion& q) {
    std::string line = q.name.empty() ? "— asked anonymously" : "— asked by " + q.name;
    if (!q.forPerson.empty()) {
        const Person* p = show.findPerson(q.forPerson);
        line += " · for " + (p ? p->name : q.forPerson);
    }
    return line;
}

std::optional<QuestionKey> questionKeyForCharacter(unsigned int c) {
    switch (c) {
        case 'a':
        case 'A':
            return QuestionKey::Approve;
        case 'o':
        case 'O':
            return QuestionKey::OnAir;
        case 'd':
        case 'D':
            return QuestionKey::Answered;
        case 'x':
        case 'X':
            return QuestionKey::Dismiss;
        case '1':
            return QuestionKey::Inbox;
        case '2':
            return QuestionKey::Queue;
        case '3':
            return QuestionKey::AnsweredList;
        case '4':
            return QuestionKey::ClosedList;
        default:
            return std::nullopt;
    }
}

namespace {

// GLFW key codes (the backend indexes io.KeysDown by them; see ctrlShortcut).
constexpr int kKeyEnter = 257;
constexpr int kKeyKeypadEnter = 335;

const char* listName(QuestionList list) {
    switch (list) {
        case QuestionList::Inbox:
            return "inbox";
        case QuestionList::Queue:
            return "queue";
        case QuestionList::Answered:
            return "answered";
        case QuestionList::Closed:
            return "closed";
    }
    return "";
}

struct Panel {
    ViewContext& ctx;
    LiveContext& live;
    QuestionsViewState& qs;
    const QuestionQueue& queue;
    const Show& show;
    std::int64_t nowMs;
    bool ended;
};

void post(LiveContext& live, LiveRequest request) {
    live.controller.post(LiveAction::command(std::move(request)));
}

void postOn(LiveContext& live, LiveCommand command, const std::string& id) {
    post(live, LiveRequest(command).withId(id));
}

const std::vector<std::size_t>& rowsOf(Panel& p) {
    QuestionsViewState::Cache& c = p.qs.cache;
    const int generation = p.live.controller.generation();
    if (c.queue != &p.queue || c.generation != generation || c.size != p.queue.all().size() ||
        c.revision != p.queue.revision() || c.list != p.qs.list || c.sort != p.qs.sort ||
        c.search != p.qs.search || c.topic != p.qs.topic) {
        c.queue = &p.queue;
        c.generation = generation;
        c.size = p.queue.all().size();
        c.revision = p.queue.revision();
        c.list = p.qs.list;
        c.sort = p.qs.sort;
        c.search = p.qs.search;
        c.topic = p.qs.topic;
        c.rows = questionRows(p.queue, p.qs.list, p.qs.sort, p.qs.search, p.qs.topic);
    }
    return c.rows;
}

// The question after `id` in the list (or before it, at the end): where the selection goes
// when `id` leaves the list.
std::string neighbour(Panel& p, const std::string& id) {
    const std::vector<std::size_t>& rows = rowsOf(p);
    const auto& all = p.queue.all();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (all[rows[i]].id != id) continue;
        if (i + 1 < rows.size()) return all[rows[i + 1]].id;
        if (i > 0) return all[rows[i - 1]].id;
        return {};
    }
    return {};
}

bool isChecked(const QuestionsViewState& qs, const std::string& id) {
    return std::find(qs.checked.begin(), qs.checked.end(), id) != qs.checked.end();
}

std::string oneLine(std::string text) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    return text;
}

// The keys, when the Live tab or the panel's own window has the keyboard and no field is
// being typed into.
void handleKeys(Panel& p, bool ours) {
    if (!ours || p.ended) return;
    if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopup)) return;
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || ImGui::IsAnyItemActive()) return;
    std::vector<QuestionKey> keys;
    if (io.KeyCtrl && !io.KeyAlt && ImGui::IsKeyPressed('Z', false))
        keys.push_back(io.KeyShift ? QuestionKey::Redo : QuestionKey::Undo);
    if (io.KeyCtrl || io.KeyAlt || io.KeySuper) {
        // Ctrl+Z only; the rest are plain keys.
    } else {
        for (ImWchar c : io.InputQueueCharacters)
            if (const auto k = questionKeyForCharacter(c)) keys.push_back(*k);
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow)))
            keys.push_back(QuestionKey::Up);
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow)))
            keys.push_back(QuestionKey::Down);
        if (ImGui::IsKeyPressed(kKeyEnter, false) || ImGui::IsKeyPressed(kKeyKeypadEnter, false))
            keys.push_back(QuestionKey::Answered);
    }
    for (QuestionKey k : keys) {
        const std::vector<std::size_t>& rows = rowsOf(p);
        const auto& all = p.queue.all();
        const LiveQuestion* sel = p.queue.find(p.qs.selected);
        switch (k) {
            case QuestionKey::Up:
            case QuestionKey::Down: {
                if (rows.empty()) break;
                int at = -1;
                for (std::size_t i = 0; i < rows.size(); ++i)
                    if (all[rows[i]].id == p.qs.selected) at = static_cast<int>(i);
                const int last = static_cast<int>(rows.size()) - 1;
                at = at < 0 ? 0 : std::clamp(at + (k == QuestionKey::Up ? -1 : 1), 0, last);
                p.qs.selected = all[rows[static_cast<std::size_t>(at)]].id;
                p.qs.scrollToSelected = true;
                break;
            }
            case QuestionKey::Approve:
                if (sel && sel->state == QuestionState::Pending) {
                    const std::string next = neighbour(p, sel->id);
                    postOn(p.live, LiveCommand::QuestionApprove, sel->id);
                    if (p.qs.list == QuestionList::Inbox) p.qs.selected = next;
                }
                break;
            case QuestionKey::OnAir:
                if (sel && (sel->state == QuestionState::Approved ||
                            sel->state == QuestionState::Answered))
                    postOn(p.live, LiveCommand::QuestionOnAir, sel->id);
                break;
            case QuestionKey::Answered: {
                // The selected one when it can be answered; otherwise the one on air.
                const LiveQuestion* q = sel && (sel->state == QuestionState::OnAir ||
                                                sel->state == QuestionState::Approved)
                                            ? sel
                                            : p.queue.onAir();
                if (q == nullptr) break;
                if (q->id == p.qs.selected && p.qs.list == QuestionList::Queue)
                    p.qs.selected = neighbour(p, q->id);
                postOn(p.live, LiveCommand::QuestionAnswered, q->id);
                break;
            }
            case QuestionKey::Dismiss:
                if (sel &&
                    (sel->state == QuestionState::Pending ||
                     sel->state == QuestionState::Approved || sel->state == QuestionState::OnAir)) {
                    const std::string next = neighbour(p, sel->id);
                    postOn(p.live, LiveCommand::QuestionDismiss, sel->id);
                    p.qs.selected = next;
                }
                break;
            case QuestionKey::Undo:
                p.live.controller.post([](LiveController& c) { c.undoQuestion(); });
                break;
            case QuestionKey::Inbox:
            case QuestionKey::Queue:
            case QuestionKey::AnsweredList:
            case QuestionKey::ClosedList: {
                const QuestionList list = k == QuestionKey::Inbox          ? QuestionList::Inbox
                                          : k == QuestionKey::Queue        ? QuestionList::Queue
                                          : k == QuestionKey::AnsweredList ? QuestionList::Answered
                                                                           : QuestionList::Closed;
                if (p.qs.list != list) {
                    p.qs.list = list;
                    p.qs.checked.clear();
                    p.qs.selected.clear();
                }
                break;
            }
            case QuestionKey::Redo:
                p.live.controller.post([](LiveController& c) { c.redoQuestion(); });
                break;
        }
    }
}

void header(Panel& p) {
    const QuestionQueue& q = p.queue;
    ImGui::PushFont(p.ctx.fonts.font(FontRole::Bold));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("QUESTIONS");
    ImGui::PopFont();
    ImGui::SameLine();
    const std::size_t waiting = q.count(QuestionState::Pending);
    ImGui::AlignTextToFramePadding();
    textColoured(waitingSummary(q, p.nowMs), waiting > 0 ? colours::kWarning : colours::kTextDim);
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    textColoured("· " + std::to_string(q.count(QuestionState::Approved)) + " approved · " +
                     std::to_string(q.count(QuestionState::OnAir)) + " on air · " +
                     std::to_string(q.count(QuestionState::Answered)) + " answered",
                 colours::kTextDim);
    // Undo / redo and the window switch, at the right.
    LiveController& c = p.live.controller;
    const float f = ImGui::GetFontSize();
    const char* windowLabel = p.qs.detached ? "Into the Live tab" : "Own window";
    const float buttons = ImGui::CalcTextSize("Undo").x + ImGui::CalcTextSize("Redo").x +
                          ImGui::CalcTextSize(windowLabel).x +
                          ImGui::GetStyle().FramePadding.x * 6 +
                          ImGui::GetStyle().ItemSpacing.x * 2;
    const float right = ImGui::GetContentRegionAvail().x;
    if (right > buttons + f)
        ImGui::SameLine(ImGui::GetCursorPosX() + right - buttons);
    else
        ImGui::NewLine();
    ImGui::BeginDisabled(!c.canUndoQuestion() || p.ended);
    if (ImGui::Button("Undo")) c.post([](LiveController& lc) { lc.undoQuestion(); });
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && c.canUndoQuestion())
        ImGui::SetTooltip("Undo %s (Ctrl+Z)", c.questionUndoLabel().c_str());
    ImGui::SameLine();
    ImGui::BeginDisabled(!c.canRedoQuestion() || p.ended);
    if (ImGui::Button("Redo")) c.post([](LiveController& lc) { lc.redoQuestion(); });
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && c.canRedoQuestion())
        ImGui::SetTooltip("Redo %s (Ctrl+Shift+Z)", c.questionRedoLabel().c_str());
    ImGui::SameLine();
    if (ImGui::Button(windowLabel)) p.qs.detached = !p.qs.detached;
}

// The audience page's address and PIN while it is on, with its QR code a click away.
void audienceLine(Panel& p) {
    const AudienceInfo& a = p.live.controller.audience();
    if (!a.available) return;
    if (!a.on) {
        // Off is the normal case (the Live menu switches it on); only a failure takes a line.
        if (!a.error.empty()) textColoured("Audience page: " + a.error, colours::kBad);
        return;
    }
    ImGui::AlignTextToFramePadding();
    textColoured("Audience page", colours::kGood);
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    textColoured(a.url, colours::kText);
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    textColoured("PIN " + a.pin, colours::kTextDim);
    ImGui::SameLine();
    if (ImGui::SmallButton("QR code")) ImGui::OpenPopup("Audience QR");
    ImGui::SameLine();
    bool onPresenter = a.qrOnPresenter;
    if (ImGui::Checkbox("QR on presenter", &onPresenter)) {
        p.live.controller.post([onPresenter, &live = p.live](LiveController& c) {
            c.setQrOnPresenter(onPresenter);
            if (onPresenter) live.view.presenterOpen = true;
        });
    }
    if (ImGui::BeginPopup("Audience QR")) {
        if (a.qr) drawQrCode(*a.qr, ImGui::GetFontSize() * 18.0f);
        ImGui::TextUnformatted(a.url.c_str());
        ImGui::EndPopup();
    }
}

// Puts the next item, `width` wide, on the current line when it fits there, else on the next.
void flow(float width) {
    const float x = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (x + width <= right) ImGui::SameLine();
}

float buttonWidth(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}

// The lists, as a row of buttons with their counts (the filters follow on the same line when
// the panel is wide enough: every line here is a row of questions less).
void listButtons(Panel& p) {
    const QuestionQueue& q = p.queue;
    struct Entry {
        QuestionList list;
        std::string label;
    };
    const Entry entries[] = {
        {QuestionList::Inbox,
         "Inbox (" + std::to_string(q.count(QuestionState::Pending)) + ")###inbox"},
        {QuestionList::Queue,
         "Queue (" +
             std::to_string(q.count(QuestionState::Approved) + q.count(QuestionState::OnAir)) +
             ")###queue"},
        {QuestionList::Answered,
         "Answered (" + std::to_string(q.count(QuestionState::Answered)) + ")###answered"},
        {QuestionList::Closed,
         "Dismissed & merged (" +
             std::to_string(q.count(QuestionState::Dismissed) + q.count(QuestionState::Merged)) +
             ")###closed"},
    };
    bool first = true;
    for (const Entry& e : entries) {
        if (!first) flow(buttonWidth(e.label.c_str()));
        first = false;
        const bool on = p.qs.list == e.list;
        if (on) {
            ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(40, 86, 150, 255));
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(52, 100, 168, 255));
        }
        if (ImGui::Button(e.label.c_str()) && !on) {
            p.qs.list = e.list;
            p.qs.checked.clear();
        }
        if (on) ImGui::PopStyleColor(2);
    }
}

// Search, topic filter, order and merge, above the lists that have them.
void filters(Panel& p) {
    const float f = ImGui::GetFontSize();
    if (p.qs.list != QuestionList::Inbox) {
        flow(f * 11.0f);
        ImGui::SetNextItemWidth(f * 11.0f);
        ImGui::InputTextWithHint("##search", "Search…", &p.qs.search);
        p.ctx.requests.requestGlyphs(p.qs.search);
        flow(f * 9.0f);
        ImGui::SetNextItemWidth(f * 9.0f);
        const std::string preview = p.qs.topic.empty() ? std::string("All topics") : p.qs.topic;
        if (ImGui::BeginCombo("##topic", preview.c_str())) {
            if (ImGui::Selectable("All topics", p.qs.topic.empty())) p.qs.topic.clear();
            for (const std::string& t : p.queue.topics()) {
                ImGui::PushID(t.c_str());
                if (ImGui::Selectable("##t", p.qs.topic == t)) p.qs.topic = t;
                ImGui::SameLine(0, 0);
                ImGui::TextUnformatted(t.c_str());
                ImGui::PopID();
            }
            ImGui::EndCombo();
        }
        if (!p.qs.topic.empty() && std::find(p.queue.topics().begin(), p.queue.topics().end(),
                                             p.qs.topic) == p.queue.topics().end())
            p.qs.topic.clear();
    }
    if (p.qs.list == QuestionList::Queue) {
        flow(ImGui::CalcTextSize("Sort").x + ImGui::GetFrameHeight() * 2 +
             ImGui::CalcTextSize("votestime").x + f * 2.0f);
        ImGui::AlignTextToFramePadding();
        textColoured("Sort", colours::kTextDim);
        ImGui::SameLine();
        if (ImGui::RadioButton("votes", p.qs.sort == QuestionSort::Votes))
            p.qs.sort = QuestionSort::Votes;
        ImGui::SameLine();
        if (ImGui::RadioButton("time", p.qs.sort == QuestionSort::Time))
            p.qs.sort = QuestionSort::Time;
    }
    if (p.qs.list == QuestionList::Inbox || p.qs.list == QuestionList::Queue) {
        // Only the ticked questions still in a list that can merge.
        std::erase_if(p.qs.checked, [&](const std::string& id) {
            const LiveQuestion* q = p.queue.find(id);
            return q == nullptr ||
                   !(q->state == QuestionState::Pending || q->state == QuestionState::Approved ||
                     q->state == QuestionState::OnAir);
        });
        const std::string label = "Merge ticked (" + std::to_string(p.qs.checked.size()) + ")…";
        flow(buttonWidth(label.c_str()));
        ImGui::BeginDisabled(p.qs.checked.size() < 2 || p.ended);
        if (ImGui::Button((label + "###merge").c_str())) ImGui::OpenPopup("Merge into");
        ImGui::EndDisabled();
        if (ImGui::BeginPopup("Merge into")) {
            textColoured("Keep which one? The others are merged into it (their votes add up).",
                         colours::kTextDim);
            for (const std::string& id : p.qs.checked) {
                const LiveQuestion* q = p.queue.find(id);
                if (q == nullptr) continue;
                ImGui::PushID(id.c_str());
                if (ImGui::Selectable("##into", false, 0, ImVec2(f * 30.0f, 0))) {
                    std::vector<std::string> others;
                    for (const std::string& o : p.qs.checked)
                        if (o != id) others.push_back(o);
                    post(p.live,
                         LiveRequest(LiveCommand::QuestionMerge).withId(id).withIds(others));
                    p.qs.checked.clear();
                    p.qs.selected = id;
                    ImGui::CloseCurrentPopup();
                }
                ImGui::SameLine(0, 0);
                textTruncated(oneLine(q->text), colours::kText, f * 30.0f);
                ImGui::PopID();
            }
            ImGui::EndPopup();
        }
        const char* keys = "Keys: ↑ ↓ select · A approve · O on air · D answered · F1 all";
        ImGui::PushFont(p.ctx.fonts.font(FontRole::Small));
        const float keysWidth = ImGui::CalcTextSize(keys).x;
        ImGui::PopFont();
        // Only when it fits beside the buttons: the help overlay (F1) lists them too.
        const float x = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x;
        if (x + keysWidth <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) {
            ImGui::SameLine();
            ImGui::AlignTextToFramePadding();
            smallDim(p.ctx, keys);
        }
    }
}

std::string metaLine(const Panel& p, const LiveQuestion& q) {
    std::string meta = q.name.empty() ? std::string("anonymous") : q.name;
    meta += " · ";
    meta += toName(q.source);
    if (q.source != QuestionSource::Show && q.source != QuestionSource::Import)
        meta += " · " + ageText(p.nowMs - q.submittedMs);
    if (!q.segmentId.empty()) {
        if (const Segment* s = p.show.findSegment(q.segmentId)) meta += " · in " + s->title;
    }
    if (!q.topics.empty()) {
        meta += " · ";
        for (std::size_t i = 0; i < q.topics.size(); ++i) meta += (i ? ", " : "") + q.topics[i];
    }
    if (!q.forPerson.empty()) {
        const Person* person = p.show.findPerson(q.forPerson);
        meta += " · for " + (person ? person->name : q.forPerson);
    }
    if (!q.originalText.empty()) meta += " · edited";
    if (q.state == QuestionState::Merged) {
        meta += " · merged into " + q.mergedInto;
    }
    if (!q.merged.empty()) meta += " · " + std::to_string(q.merged.size()) + " merged in";
    if (q.state == QuestionState::Answered && q.answeredMs)
        meta += " · answered " + ageText(p.nowMs - *q.answeredMs);
    return meta;
}

void labelPopup(Panel& p, const LiveQuestion& q) {
    if (!ImGui::BeginPopup("label")) return;
    if (p.queue.topics().empty()) textColoured("The show defines no topics.", colours::kTextDim);
    for (const std::string& t : p.queue.topics()) {
        bool on = std::find(q.topics.begin(), q.topics.end(), t) != q.topics.end();
        ImGui::PushID(t.c_str());
        if (ImGui::Checkbox("##on", &on)) {
            std::vector<std::string> topics;
            for (const std::string& k : p.queue.topics()) {
                const bool had = std::find(q.topics.begin(), q.topics.end(), k) != q.topics.end();
                if (k == t ? on : had) topics.push_back(k);
            }
            post(p.live, LiveRequest(LiveCommand::QuestionLabel).withId(q.id).withTopics(topics));
        }
        ImGui::SameLine();
        ImGui::TextUnformatted(t.c_str());
        ImGui::PopID();
    }
    ImGui::EndPopup();
}

void forPopup(Panel& p, const LiveQuestion& q) {
    if (!ImGui::BeginPopup("for")) return;
    if (ImGui::Selectable("Anyone", q.forPerson.empty()) && !q.forPerson.empty())
        post(p.live, LiveRequest(LiveCommand::QuestionAssign).withId(q.id).withPerson(""));
    for (const Person& person : p.show.people) {
        ImGui::PushID(person.id.c_str());
        if (ImGui::Selectable("##p", q.forPerson == person.id) && q.forPerson != person.id)
            post(p.live,
                 LiveRequest(LiveCommand::QuestionAssign).withId(q.id).withPerson(person.id));
        ImGui::SameLine(0, 0);
        ImGui::TextUnformatted(person.name.c_str());
        ImGui::PopID();
    }
    ImGui::EndPopup();
}

// A row's buttons for its state; returns nothing, posts what was pressed.
void rowActions(Panel& p, const LiveQuestion& q) {
    const bool can = !p.ended;
    bool first = true;
    auto button = [&](const char* label, bool enabled = true) {
        if (!first) ImGui::SameLine();
        first = false;
        ImGui::BeginDisabled(!can || !enabled);
        const bool pressed = ImGui::SmallButton(label);
        ImGui::EndDisabled();
        return pressed;
    };
    const bool editable = q.state == QuestionState::Pending || q.state == QuestionState::Approved;
    switch (q.state) {
        case QuestionState::Pending:
            if (button("Approve")) {
                if (p.qs.selected == q.id) p.qs.selected = neighbour(p, q.id);
                postOn(p.live, LiveCommand::QuestionApprove, q.id);
            }
            break;
        case QuestionState::Approved:
            if (button("On air")) postOn(p.live, LiveCommand::QuestionOnAir, q.id);
            if (button("Answered")) postOn(p.live, LiveCommand::QuestionAnswered, q.id);
            break;
        case QuestionState::OnAir:
            if (button("Off air")) postOn(p.live, LiveCommand::QuestionOffAir, q.id);
            if (button("Answered")) postOn(p.live, LiveCommand::QuestionAnswered, q.id);
            break;
        case QuestionState::Answered:
            if (button("Reopen")) postOn(p.live, LiveCommand::QuestionReopen, q.id);
            if (button("On air again")) postOn(p.live, LiveCommand::QuestionOnAir, q.id);
            break;
        case QuestionState::Dismissed:
            if (button("Restore")) postOn(p.live, LiveCommand::QuestionRestore, q.id);
            break;
        case QuestionState::Merged:
            if (button("Unmerge")) postOn(p.live, LiveCommand::QuestionUnmerge, q.id);
            break;
    }
    if (editable && button("Edit")) {
        p.qs.editingId = q.id;
        p.qs.editDraft = q.text;
        p.qs.selected = q.id;
    }
    if (q.state == QuestionState::Pending || q.state == QuestionState::Approved ||
        q.state == QuestionState::OnAir) {
        if (button("Dismiss")) {
            if (p.qs.selected == q.id) p.qs.selected = neighbour(p, q.id);
            postOn(p.live, LiveCommand::QuestionDismiss, q.id);
        }
    }
    if (q.state != QuestionState::Merged && q.state != QuestionState::Dismissed) {
        if (button("Label")) ImGui::OpenPopup("label");
        labelPopup(p, q);
        if (button("For")) ImGui::OpenPopup("for");
        forPopup(p, q);
    }
}

// How wide the buttons of a list are, so the column fits them.
float actionsWidth(QuestionList list) {
    const char* labels[4][6] = {
        {"Approve", "Edit", "Dismiss", "Label", "For", nullptr},
        {"Answered", "Off air", "Edit", "Dismiss", "Label", "For"},
        {"Reopen", "On air again", "Label", "For", nullptr, nullptr},
        {"Unmerge", nullptr, nullptr, nullptr, nullptr, nullptr},
    };
    const ImGuiStyle& style = ImGui::GetStyle();
    float w = 0;
    for (const char* l : labels[static_cast<int>(list)]) {
        if (l == nullptr) break;
        w += ImGui::CalcTextSize(l).x + style.FramePadding.x * 2 + style.ItemSpacing.x;
    }
    return w;
}

void questionList(Panel& p, float height) {
    const std::vector<std::size_t>& rows = rowsOf(p);
    const auto& all = p.queue.all();
    if (rows.empty()) {
        const char* empty = p.qs.list == QuestionList::Inbox      ? "Nothing waits for review."
                            : p.qs.list == QuestionList::Queue    ? "No approved questions."
                            : p.qs.list == QuestionList::Answered ? "Nothing answered yet."
                                                                  : "Nothing dismissed or merged.";
        if (p.qs.list != QuestionList::Inbox && (!p.qs.search.empty() || !p.qs.topic.empty()))
            empty = "No question matches the search or topic.";
        ImGui::Dummy(ImVec2(0, ImGui::GetFontSize() * 0.3f));
        textColoured(empty, colours::kTextDim);
        ImGui::Dummy(ImVec2(0, std::max(0.0f, height - ImGui::GetFontSize() * 2.0f)));
        return;
    }
    ImFont* small = p.ctx.fonts.font(FontRole::Small);
    const float line = ImGui::GetTextLineHeight();
    const float rowHeight = line + small->FontSize + ImGui::GetStyle().ItemSpacing.y + 2.0f;
    const bool ticks = p.qs.list == QuestionList::Inbox || p.qs.list == QuestionList::Queue;
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable(listName(p.qs.list), ticks ? 4 : 3, flags, ImVec2(0, height))) return;
    if (ticks)
        ImGui::TableSetupColumn("##tick", ImGuiTableColumnFlags_WidthFixed,
                                ImGui::GetFrameHeight());
    ImGui::TableSetupColumn("Question", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Votes", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize("▲ 0000").x);
    ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthFixed, actionsWidth(p.qs.list));

    int selectedRow = -1;
    for (std::size_t i = 0; i < rows.size() && p.qs.scrollToSelected; ++i)
        if (all[rows[i]].id == p.qs.selected) selectedRow = static_cast<int>(i);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    if (selectedRow >= 0) clipper.ForceDisplayRangeByIndices(selectedRow, selectedRow + 1);
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            const LiveQuestion& q = all[rows[static_cast<std::size_t>(r)]];
            p.ctx.requests.requestGlyphs(q.text);
            p.ctx.requests.requestGlyphs(q.name);
            ImGui::PushID(q.id.c_str());
            ImGui::TableNextRow(0, rowHeight);
            ImGui::TableNextColumn();
            const ImVec2 at = ImGui::GetCursorPos();
            const bool selected = p.qs.selected == q.id;
            // The row is one selectable under everything; the boxes and buttons drawn after it
            // take the clicks on themselves.
            if (ImGui::Selectable(
                    "##row", selected,
                    ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap,
                    ImVec2(0, rowHeight)))
                p.qs.selected = q.id;
            if (selected && p.qs.scrollToSelected && r == selectedRow) {
                ImGui::SetScrollHereY(0.5f);
                p.qs.scrollToSelected = false;
            }
            ImGui::SetCursorPos(at);
            if (ticks) {
                bool checked = isChecked(p.qs, q.id);
                ImGui::SetCursorPosY(at.y + (rowHeight - ImGui::GetFrameHeight()) * 0.5f);
                if (ImGui::Checkbox("##tick", &checked)) {
                    if (checked)
                        p.qs.checked.push_back(q.id);
                    else
                        std::erase(p.qs.checked, q.id);
                }
                ImGui::TableNextColumn();
            }
            // The text on one line (the whole of it in the tooltip and the box under the list),
            // then who asked, where from, when.
            ImU32 textColour = q.state == QuestionState::OnAir ? colours::kBad : colours::kText;
            if (q.state == QuestionState::Dismissed || q.state == QuestionState::Merged)
                textColour = colours::kTextDim;
            if (q.state == QuestionState::OnAir) {
                chip("ON AIR", colours::kBad, IM_COL32(255, 255, 255, 255));
                ImGui::SameLine();
            }
            if (!q.heldFor.empty() && q.state == QuestionState::Pending) {
                std::string held = "held: ";
                for (std::size_t i = 0; i < q.heldFor.size(); ++i)
                    held += (i ? ", " : "") + q.heldFor[i];
                chip(held, colours::kWarning, IM_COL32(20, 22, 26, 255));
                ImGui::SameLine();
            }
            textTruncated(oneLine(q.text), textColour);
            ImGui::PushFont(small);
            textTruncated(metaLine(p, q), colours::kTextDim);
            ImGui::PopFont();
            ImGui::TableNextColumn();
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (rowHeight - line) * 0.5f);
            // Only the room's questions (approved, on air) can be voted for.
            const int count = p.queue.votes(q);
            if (count > 0 || q.isPublic()) {
                const std::string votes = "▲ " + std::to_string(count);
                alignRight(votes);
                textColoured(votes, count > 0 ? colours::kText : colours::kTextDim);
            }
            ImGui::TableNextColumn();
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() +
                                 (rowHeight - ImGui::GetFrameHeight()) * 0.5f);
            rowActions(p, q);
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

// The selected question in full, or the editor when Edit was pressed.
void detailBox(Panel& p, float width) {
    const LiveQuestion* editing = p.queue.find(p.qs.editingId);
    if (editing && editing->state != QuestionState::Pending &&
        editing->state != QuestionState::Approved)
        editing = nullptr;  // it went on air meanwhile: the room has seen the words
    if (!editing) p.qs.editingId.clear();
    const float f = ImGui::GetFontSize();
    if (editing) {
        smallDim(p.ctx, "Editing " + editing->id +
                            (editing->originalText.empty()
                                 ? std::string()
                                 : " · first sent as: " + oneLine(editing->originalText)));
        ImGui::InputTextMultiline("##edit", &p.qs.editDraft, ImVec2(width, f * 3.4f));
        p.ctx.requests.requestGlyphs(p.qs.editDraft);
        const bool changed = !p.qs.editDraft.empty() && p.qs.editDraft != editing->text;
        ImGui::BeginDisabled(!changed || p.ended);
        if (ImGui::Button("Save edit")) {
            post(p.live, LiveRequest(LiveCommand::QuestionEdit)
                             .withId(editing->id)
                             .withText(p.qs.editDraft));
            p.qs.editingId.clear();
        }
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) p.qs.editingId.clear();
        return;
    }
    const LiveQuestion* sel = p.queue.find(p.qs.selected);
    if (!sel) return;
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::PushStyleColor(ImGuiCol_Text, colours::kText);
    // The whole text (at most 500 characters); the box scrolls when it is longer than it.
    ImGui::TextWrapped("%s", sel->text.c_str());
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
}

// "Add question": the producer types what the live chat asks; it enters approved.
void addBox(Panel& p) {
    const float f = ImGui::GetFontSize();
    const float avail = ImGui::GetContentRegionAvail().x;
    ImGui::SetNextItemWidth(std::max(f * 8.0f, avail - f * 18.0f));
    const bool enter =
        ImGui::InputTextWithHint("##add", "Add a question (from the live chat)…", &p.qs.addDraft,
                                 ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(f * 10.5f);
    ImGui::InputTextWithHint("##asker", "asked by (optional)", &p.qs.addName);
    p.ctx.requests.requestGlyphs(p.qs.addDraft);
    p.ctx.requests.requestGlyphs(p.qs.addName);
    ImGui::SameLine();
    const bool can = !p.ended && !p.qs.addDraft.empty();
    ImGui::BeginDisabled(!can);
    const bool add = ImGui::Button("Add");
    ImGui::EndDisabled();
    if ((add || enter) && can) {
        post(p.live, LiveRequest(LiveCommand::QuestionSubmit)
                         .withText(p.qs.addDraft)
                         .withName(p.qs.addName)
                         .withSource(QuestionSource::Producer));
        p.qs.addDraft.clear();
        p.qs.addName.clear();
    }
}

void drawPanelBody(ViewContext& ctx, bool keysOurs) {
    LiveContext& live = *ctx.live;
    const Session* session = live.controller.session();
    if (session == nullptr) return;
    const SessionState st = live.controller.state();
    const QuestionQueue& queue = st.questions ? *st.questions : session->questions();
    Panel p{ctx,
            live,
            live.view.questions,
            queue,
            session->show(),
            st.sessionMs,
            st.runner.phase == RunPhase::Ended};
    if (p.queue.find(p.qs.selected) == nullptr) p.qs.selected.clear();
    for (const std::string& t : queue.topics()) ctx.requests.requestGlyphs(t);
    ctx.requests.requestGlyphs("▲↑↓▸…·—");
    handleKeys(p, keysOurs);
    // Ctrl+Z is the questions' here, not the rundown editor's (main_window.cpp reads this).
    if (keysOurs) live.view.questionKeys = true;
    header(p);
    audienceLine(p);
    listButtons(p);
    filters(p);
    const float f = ImGui::GetFontSize();
    const float width = ImGui::GetContentRegionAvail().x;
    const bool editing = !p.qs.editingId.empty();
    const float detail = editing ? f * 3.4f + ImGui::GetFrameHeightWithSpacing() * 2.0f
                                 : (p.qs.selected.empty() ? 0.0f : f * 3.6f);
    const float bottom =
        detail + ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
    questionList(
        p, std::max(ImGui::GetContentRegionAvail().y - bottom, ImGui::GetFrameHeight() * 3.0f));
    if (detail > 0.0f) {
        ImGui::BeginChild("##detail", ImVec2(width, detail - ImGui::GetStyle().ItemSpacing.y),
                          false);
        detailBox(p, width - ImGui::GetStyle().WindowPadding.x);
        ImGui::EndChild();
    }
    addBox(p);
}

}  // namespace

void questionsPanel(ViewContext& ctx, ImVec2 size) {
    LiveContext& live = *ctx.live;
    ImGui::BeginChild("##questions", size, true, ImGuiWindowFlags_NoScrollbar);
    if (live.view.questions.detached) {
        textColoured("The questions are in their own window.", colours::kTextDim);
        if (ImGui::Button("Bring them back into the Live tab"))
            live.view.questions.detached = false;
    } else {
        // The Live tab's keyboard rule (live_view.cpp): its window focused, or none at all.
        drawPanelBody(ctx, live.view.liveKeysOurs);
    }
    ImGui::EndChild();
}

void questionsWindow(ViewContext& ctx) {
    LiveContext& live = *ctx.live;
    if (!live.view.questions.detached || !live.controller.hasSession()) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x * 0.55f, viewport->WorkSize.y * 0.7f),
                             ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.42f,
                                   viewport->WorkPos.y + viewport->WorkSize.y * 0.2f),
                            ImGuiCond_FirstUseEver);
    bool open = true;
    if (ImGui::Begin("Questions", &open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoNav)) {
        const bool focused = ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows);
        drawPanelBody(ctx, focused || live.view.liveKeysOurs);
    }
    ImGui::End();
    if (!open) live.view.questions.detached = false;
}

}  // namespace pycast::ui
