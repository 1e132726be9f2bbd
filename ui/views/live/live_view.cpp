// The Live tab (the live view): lays out its panels, and its keyboard shortcuts and their overlay (UI thread).
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <string>
#include <utility>

#include "core/duration.hpp"
#include "views/live/live_format.hpp"
#include "views/live/live_keys.hpp"
#include "views/live/live_panels.hpp"
#include "views/live/live_view.hpp"
#include "live/session_json.hpp"  // formatTimeOfDayMs
#include "widgets/theme.hpp"
#include "views/views.hpp"
#include "widgets/widgets.hpp"

namespace pycast::ui {

namespace {

// GLFW_KEY_F1: the GLFW backend indexes io.KeysDown by GLFW key codes (see ctrlShortcut).
constexpr int kKeyF1 = 290;

void handleShortcuts(LiveContext& live) {
    // Only when this view has the keyboard: not while typing, not under a menu or a dialog,
    // not while another window (the presenter) has the focus. With no window focused at all
    // (the studio just opened on the Live tab) the keys are the Live tab's: no click first.
    const bool ours = ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) ||
                      !ImGui::IsWindowFocused(ImGuiFocusedFlags_AnyWindow);
    live.view.liveKeysOurs = ours && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopup);
    if (!ours) return;
    if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopup)) return;
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || ImGui::IsAnyItemActive()) return;
    if (io.KeyCtrl || io.KeyAlt || io.KeySuper) return;

    std::vector<LiveKey> keys;
    for (ImWchar c : io.InputQueueCharacters) {
        if (const auto k = liveKeyForCharacter(c)) keys.push_back(*k);
    }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow), false))
        keys.push_back(LiveKey::Right);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow), false))
        keys.push_back(LiveKey::Left);
    if (ImGui::IsKeyPressed(kKeyF1, false)) keys.push_back(LiveKey::F1);
    for (LiveKey k : keys) {
        if (k == LiveKey::F1 || k == LiveKey::Question) {
            live.view.helpRequested = true;   // view only: nothing to post
            continue;
        }
        // Each key acts on the phase the previous one left (Space, Space = start, hold), so the
        // key is mapped when it runs, after the frame.
        live.controller.post([&live, k](LiveController& c) {
            const LiveAction action = liveActionForKey(k, c.phase());
            if (action == LiveAction::End)
                live.view.endConfirmRequested = true;
            else
                c.perform(action);
        });
    }
}

std::string questionsTabLabel(const SessionState& st) {
    const QuestionQueue* q = st.questions;
    const std::size_t waiting = q ? q->count(QuestionState::Pending) : 0;
    return "Questions" +
           (waiting > 0 ? " · " + std::to_string(waiting) + " waiting" : std::string()) +
           "###questions-tab";
}

// "Polls · 1 open" while one takes votes.
std::string pollsTabLabel(const SessionState& st) {
    std::size_t open = 0;
    if (st.polls)
        for (const LivePoll& p : st.polls->all()) open += p.state == PollState::Open ? 1 : 0;
    return "Polls" + (open > 0 ? " · " + std::to_string(open) + " open" : std::string()) +
           "###polls-tab";
}

// With a recorder: the Recorder tab joins them — beside the Questions tab on the right in a
// wide window, as a third tab in a narrow one.
void lowerPanelsWithRecorder(ViewContext& ctx, const SessionState& st, float height) {
    LiveContext& live = *ctx.live;
    RecorderViewState& rec = live.view.recorder;
    const float f = ImGui::GetFontSize();
    const float width = ImGui::GetContentRegionAvail().x;
    const bool questions = !live.view.questions.detached;
    const bool wide = width >= f * kSideBySideWidthEm;
    const std::string questionsLabel = questionsTabLabel(st);
    const bool recording = rec.feed.status.recording;
    const std::string recorderLabel =
        std::string(recording ? "● Recorder" : "Recorder") +
        (rec.feed.warnings.empty() ? std::string()
                                   : " · " + std::to_string(rec.feed.warnings.size()) + " warning" +
                                         (rec.feed.warnings.size() > 1 ? "s" : "")) +
        "###recorder-tab";
    if (wide) {
        const float left = std::floor(width * 0.5f);
        ImGui::BeginChild("##rundown-side", ImVec2(left, height), false, ImGuiWindowFlags_NoScrollbar);
        rundownPanel(ctx, st, height);
        ImGui::EndChild();
        ImGui::SameLine();
    }
    ImGui::BeginGroup();
    const float top = ImGui::GetCursorPosY();
    // A tab chosen from outside (a demo, a test, the band's Meters button) is selected once;
    // after that, clicks decide.
    const bool pickRecorder = std::exchange(rec.selectRecorderTab, false);
    const bool pickLower = std::exchange(live.view.selectLowerTab, false);
    const auto flags = [&](bool want) {
        return want && (pickRecorder || pickLower) ? ImGuiTabItemFlags_SetSelected : 0;
    };
    enum class Pane { Rundown, Questions, Polls, Recorder } pane = Pane::Recorder;
    const bool pollsWanted = live.view.pollsTab && !rec.showRecorder;
    if (ImGui::BeginTabBar("##live-lower")) {
        if (!wide && ImGui::BeginTabItem("Rundown###rundown-tab", nullptr,
                                         flags(!rec.showRecorder && !pollsWanted &&
                                               !live.view.narrowShowsQuestions))) {
            pane = Pane::Rundown;
            ImGui::EndTabItem();
        }
        if (questions && ImGui::BeginTabItem(questionsLabel.c_str(), nullptr,
                                             flags(!rec.showRecorder && !pollsWanted &&
                                                   (wide || live.view.narrowShowsQuestions)))) {
            pane = Pane::Questions;
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem(pollsTabLabel(st).c_str(), nullptr, flags(pollsWanted))) {
            pane = Pane::Polls;
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem(recorderLabel.c_str(), nullptr, flags(rec.showRecorder))) {
            pane = Pane::Recorder;
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    if (!pickRecorder && !pickLower) {
        rec.showRecorder = pane == Pane::Recorder;
        live.view.pollsTab = pane == Pane::Polls;
        if (!wide && pane != Pane::Recorder && pane != Pane::Polls)
            live.view.narrowShowsQuestions = pane == Pane::Questions;
    }
    const float rest = std::max(height - (ImGui::GetCursorPosY() - top), f * 4.0f);
    switch (pane) {
        case Pane::Rundown: rundownPanel(ctx, st, rest); break;
        case Pane::Questions: questionsPanel(ctx, ImVec2(0, rest)); break;
        case Pane::Polls: pollsPanel(ctx, ImVec2(0, rest)); break;
        case Pane::Recorder: recorderPanel(ctx, ImVec2(0, rest)); break;
    }
    ImGui::EndGroup();
}

// Under the controls: the rundown and the Questions panel, side by side in a wide window,
// else as two tabs.
void lowerPanels(ViewContext& ctx, const SessionState& st, float height) {
    LiveContext& live = *ctx.live;
    if (live.view.recorder.feed.available) {
        lowerPanelsWithRecorder(ctx, st, height);
        return;
    }
    const float f = ImGui::GetFontSize();
    const float width = ImGui::GetContentRegionAvail().x;
    if (live.view.questions.detached) {
        rundownPanel(ctx, st, height);
        return;
    }
    if (width >= f * kSideBySideWidthEm) {
        const float left = std::floor(width * 0.5f);
        ImGui::BeginChild("##rundown-side", ImVec2(left, height), false, ImGuiWindowFlags_NoScrollbar);
        rundownPanel(ctx, st, height);
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginGroup();
        const float top = ImGui::GetCursorPosY();
        const bool pick = std::exchange(live.view.selectLowerTab, false);
        bool polls = live.view.pollsTab;
        if (ImGui::BeginTabBar("##live-right")) {
            if (ImGui::BeginTabItem(questionsTabLabel(st).c_str(), nullptr,
                                    pick && !polls ? ImGuiTabItemFlags_SetSelected : 0)) {
                if (!pick) polls = false;
                ImGui::EndTabItem();
            }
            if (ImGui::BeginTabItem(pollsTabLabel(st).c_str(), nullptr,
                                    pick && polls ? ImGuiTabItemFlags_SetSelected : 0)) {
                if (!pick) polls = true;
                ImGui::EndTabItem();
            }
            ImGui::EndTabBar();
        }
        live.view.pollsTab = polls;
        const float rest = std::max(height - (ImGui::GetCursorPosY() - top), f * 4.0f);
        if (polls)
            pollsPanel(ctx, ImVec2(0, rest));
        else
            questionsPanel(ctx, ImVec2(0, rest));
        ImGui::EndGroup();
        return;
    }
    const std::string questions = questionsTabLabel(st);
    const float top = ImGui::GetCursorPosY();
    if (ImGui::BeginTabBar("##live-lower")) {
        // A tab chosen from outside (a demo, a test) is selected once; after that, clicks decide.
        const bool pick = std::exchange(live.view.selectLowerTab, false);
        const bool wantPolls = live.view.pollsTab;
        const bool wantQuestions = live.view.narrowShowsQuestions && !wantPolls;
        if (ImGui::BeginTabItem("Rundown###rundown-tab", nullptr,
                                pick && !wantQuestions && !wantPolls ? ImGuiTabItemFlags_SetSelected : 0)) {
            if (!pick) {
                live.view.narrowShowsQuestions = false;
                live.view.pollsTab = false;
            }
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem(questions.c_str(), nullptr,
                                pick && wantQuestions ? ImGuiTabItemFlags_SetSelected : 0)) {
            if (!pick) {
                live.view.narrowShowsQuestions = true;
                live.view.pollsTab = false;
            }
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem(pollsTabLabel(st).c_str(), nullptr,
                                pick && wantPolls ? ImGuiTabItemFlags_SetSelected : 0)) {
            if (!pick) live.view.pollsTab = true;
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    const float rest = std::max(height - (ImGui::GetCursorPosY() - top), f * 4.0f);
    if (live.view.pollsTab)
        pollsPanel(ctx, ImVec2(0, rest));
    else if (live.view.narrowShowsQuestions)
        questionsPanel(ctx, ImVec2(0, rest));
    else
        rundownPanel(ctx, st, rest);
}

void helpOverlay(ViewContext& ctx) {
    LiveContext& live = *ctx.live;
    if (live.view.helpRequested) {
        ImGui::OpenPopup("Live shortcuts");
        live.view.helpRequested = false;
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopup("Live shortcuts", ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::PushFont(ctx.fonts.font(FontRole::Heading));
    ImGui::TextUnformatted("Live shortcuts");
    ImGui::PopFont();
    textColoured("When the Live tab has the keyboard and no text field is active.",
                 colours::kTextDim);
    ImGui::Spacing();
    int count = 0;
    const LiveShortcutHelp* help = liveShortcutHelp(count);
    if (ImGui::BeginTable("shortcuts", 2, ImGuiTableFlags_SizingFixedFit)) {
        for (int i = 0; i < count; ++i) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushFont(ctx.fonts.font(FontRole::Bold));
            ImGui::TextUnformatted(help[i].keys);
            ImGui::PopFont();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(help[i].does);
        }
        ImGui::EndTable();
    }
    ImGui::Spacing();
    textColoured("Esc, F1 or a click outside closes this.", colours::kTextDim);
    // Keyboard navigation is off while the Live tab has the keys, so Esc is handled here.
    if (!ImGui::IsWindowAppearing() &&
        (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false) ||
         ImGui::IsKeyPressed(kKeyF1, false))) {
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

// How tall the top panels may be: what the window has, less the controls (as tall as they were
// last frame) and room for several rundown rows. A window too small for the panels at their
// natural size gets the compact layout: smaller digits, clock rows in the body font.
LiveLayout liveLayout(const ViewContext& ctx) {
    const LiveContext& live = *ctx.live;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float f = ImGui::GetFontSize();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    LiveLayout out;
    const float builtDigits =
        live.hostDigits && live.hostDigits->font() ? live.hostDigits->size() : f * 4.0f;
    const float lines = ImGui::GetTextLineHeightWithSpacing();
    const float natural = std::max(builtDigits + lines * 3.2f + f * 3.6f, f * 15.0f);
    // A rundown row is as tall as a chip: a frame's height (cell padding included).
    const float row = ImGui::GetFrameHeight();
    // The Questions panel under the controls needs more room than the rundown's rows: its
    // header, list buttons and add field come on top of them.
    const bool questionsShown =
        !live.view.questions.detached &&
        (avail.x >= f * kSideBySideWidthEm || live.view.narrowShowsQuestions);
    out.minRundownHeight =
        row * static_cast<float>((questionsShown ? kMinRowsUnderQuestions : kMinRundownRows) + 1);
    const float controls =
        live.view.controlsHeight > 0.0f
            ? live.view.controlsHeight
            : f * 2.6f + lines + ImGui::GetFrameHeightWithSpacing() + style.ItemSpacing.y * 2.0f;
    // What the panels may take: the rest less the controls, the rundown's rows and the spacing
    // between them.
    const float spacing = style.ItemSpacing.y * 4.5f;
    // In a narrow window the rundown and the questions are tabs: their bar takes a line.
    const bool lowerTabs =
        !live.view.questions.detached && avail.x < f * kSideBySideWidthEm;
    const float tabs = lowerTabs ? ImGui::GetFrameHeight() + style.ItemSpacing.y * 2.0f : 0.0f;
    const float budget = avail.y - controls - out.minRundownHeight - spacing - tabs;
    out.compact = budget < natural || avail.x < f * kCompactWidthEm;
    // The Questions tab of a window too small for both: the countdown and the clock shrink to
    // one line (the presenter window still has them large) and the questions get the rows.
    out.strip = questionsShown && avail.x < f * kSideBySideWidthEm && budget < f * 13.0f;
    // A long message may make the panels taller, the rundown keeping fewer rows meanwhile.
    const float wanted = std::max(natural, live.view.messageTop + live.view.messageWantedHeight);
    const float messageBudget =
        avail.y - controls - row * static_cast<float>(kMinRundownRowsUnderMessage + 1) - spacing -
        tabs;
    out.panelHeight =
        std::max(std::min(wanted > natural ? messageBudget : budget, wanted), f * 11.0f);
    out.digitSize =
        std::clamp(builtDigits - std::max(natural - out.panelHeight, 0.0f), f * 3.0f, builtDigits);
    out.leftWidth = std::floor(avail.x * 0.56f);
    out.rightWidth = avail.x - out.leftWidth - style.ItemSpacing.x;
    return out;
}

}  // namespace

void drawLiveView(ViewContext& ctx) {
    if (ctx.live == nullptr) {
        textColoured("Live sessions are not available here.", colours::kTextDim);
        return;
    }
    LiveContext& live = *ctx.live;
    ctx.requests.requestGlyphs(kLiveSymbols);
    // Keyboard navigation would let Space press whichever button it last reached, on top of
    // the Space shortcut; this view is driven by its shortcuts instead.
    ImGui::BeginChild("##live", ImVec2(0, 0), false, ImGuiWindowFlags_NoNav);
    if (!live.controller.hasSession()) {
        drawGoLivePanel(live, ctx.document, ctx.fonts, false);
        ImGui::EndChild();
        return;
    }
    const SessionState st = live.controller.state();
    const RunnerState& r = st.runner;
    for (const Segment& s : live.controller.session()->show().rundown)
        ctx.requests.requestGlyphs(s.title);
    // A countdown on screen must move: ~10 frames a second while the show is live, none after.
    if (live.controller.isLive()) {
        ctx.requests.requestFrameRate(10.0);
        live.view.ownsKeyboard = true;
    }

    handleShortcuts(live);
    sessionStrip(ctx);
    noticesPanel(ctx);
    recorderBand(ctx);

    const LiveLayout layout = liveLayout(ctx);
    if (layout.strip) {
        countdownStrip(ctx, st);
    } else {
        countdownPanel(ctx, st, layout);
        ImGui::SameLine();
        clockPanel(ctx, st, layout);
    }

    ImGui::Spacing();
    const float controlsTop = ImGui::GetCursorPosY();
    // Counted with the controls, so the layout keeps the rundown its rows under it.
    if (r.phase != RunPhase::Ended)
        questionBand(ctx, st, ImGui::GetContentRegionAvail().x, layout.compact);
    if (r.phase == RunPhase::Ended) {
        // Nothing left to press; the next show starts from here.
        ImGui::AlignTextToFramePadding();
        textColoured("The show has ended; its journal and report are in the session folder.",
                     colours::kTextDim);
        ImGui::SameLine();
        if (ImGui::Button("Export episode…")) ctx.requests.exportEpisode = live.controller.session()->dir();
        ImGui::SameLine();
        if (ImGui::Button("Report…")) ctx.requests.showReport = live.controller.session()->dir();
        ImGui::SameLine();
        if (ImGui::Button("Start a new session…")) live.view.startDialogRequested = true;
    } else {
        controlsPanel(ctx, st, layout.compact);
    }
    live.view.controlsHeight = ImGui::GetCursorPosY() - controlsTop;
    ImGui::Spacing();
    // What is left, so the tab never scrolls as a whole (the rundown scrolls inside).
    const float rest = std::max(ImGui::GetContentRegionAvail().y, ImGui::GetFrameHeight() * 3.0f);
    if (r.phase == RunPhase::Ended) {
        reportPanel(ctx, rest);
    } else {
        lowerPanels(ctx, st, rest);
    }
    helpOverlay(ctx);
    ImGui::EndChild();
    questionsWindow(ctx);
}

}  // namespace pycast::ui
