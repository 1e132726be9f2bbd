// The Live tab (host view): countdown, show clock, controls, rundown, report (UI thread).
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <string>

#include "core/duration.hpp"
#include "views/live/live_format.hpp"
#include "views/live/live_keys.hpp"
#include "views/live/live_view.hpp"
#include "live/session_json.hpp"  // formatTimeOfDayMs
#include "shell/theme.hpp"
#include "views/views.hpp"
#include "widgets/widgets.hpp"

namespace pycast::ui {

namespace {

// GLFW_KEY_F1: the GLFW backend indexes io.KeysDown by GLFW key codes (see ctrlShortcut).
constexpr int kKeyF1 = 290;

const Segment* segmentAt(const Show& show, int index) {
    if (index < 0 || static_cast<std::size_t>(index) >= show.rundown.size()) return nullptr;
    return &show.rundown[static_cast<std::size_t>(index)];
}

// A session time as the time of day when the session knows it ("20:13:00"), else as an offset
// from the session's start ("+13:00").
std::string whenText(const RunnerState& r, std::int64_t sessionMs) {
    if (const auto tod = r.toTimeOfDayMs(sessionMs)) return formatTimeOfDayMs(*tod);
    return "+" + formatCountdownMs(sessionMs, false);
}

std::string ageText(std::int64_t ms) {
    const std::int64_t s = std::max<std::int64_t>(ms, 0) / 1000;
    if (s < 10) return "just now";
    if (s < 60) return std::to_string(s) + " s ago";
    if (s < 3600) return std::to_string(s / 60) + " min ago";
    return std::to_string(s / 3600) + " h " + std::to_string(s / 60 % 60) + " min ago";
}

ImU32 withAlpha(ImU32 colour, float alpha) {
    ImVec4 c = toVec4(colour);
    c.w *= alpha;
    return ImGui::GetColorU32(c);
}

ImU32 mix(ImU32 a, ImU32 b, float t) {
    const ImVec4 x = toVec4(a);
    const ImVec4 y = toVec4(b);
    return ImGui::GetColorU32(ImVec4(x.x + (y.x - x.x) * t, x.y + (y.y - x.y) * t,
                                     x.z + (y.z - x.z) * t, x.w + (y.w - x.w) * t));
}

void smallDim(const ViewContext& ctx, const std::string& text) {
    ImGui::PushFont(ctx.fonts.font(FontRole::Small));
    textColoured(text, colours::kTextDim);
    ImGui::PopFont();
}

// A button in a colour of its own (0: the theme's), as wide and tall as asked.
bool actionButton(const char* label, ImVec2 size, ImU32 colour, bool enabled = true) {
    if (colour != 0) {
        ImGui::PushStyleColor(ImGuiCol_Button, colour);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered,
                              mix(colour, IM_COL32(255, 255, 255, 255), 0.15f));
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, mix(colour, IM_COL32(0, 0, 0, 255), 0.15f));
    }
    ImGui::BeginDisabled(!enabled);
    const bool pressed = ImGui::Button(label, size);
    ImGui::EndDisabled();
    if (colour != 0) ImGui::PopStyleColor(3);
    return pressed;
}

// Draws text in the countdown's digit font, centred on centreX with its top at y; the size is
// shrunk to fit maxWidth. Returns the height it took.
float drawDigits(const ViewContext& ctx, const std::string& text, float wantSize, float centreX,
                 float top, float maxWidth, ImU32 colour) {
    const DigitFont* digits = ctx.live ? ctx.live->hostDigits : nullptr;
    ImFont* font = digits && digits->font() ? digits->font() : ctx.fonts.font(FontRole::Heading);
    const float built = digits && digits->font() ? digits->size() : font->FontSize;
    float size = wantSize > 0.0f ? wantSize : built;
    ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.c_str());
    if (extent.x > maxWidth && extent.x > 0.0f) {
        size *= maxWidth / extent.x;
        extent = font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.c_str());
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushTextureID(font->ContainerAtlas->TexID);
    dl->AddText(font, size, ImVec2(std::floor(centreX - extent.x * 0.5f), top), colour,
                text.c_str());
    dl->PopTextureID();
    return extent.y;
}

// --- the countdown panel --------------------------------------------------------------------

void countdownPanel(ViewContext& ctx, const SessionState& st, float width, float height) {
    LiveContext& live = *ctx.live;
    const RunnerState& r = st.runner;
    const Show& show = live.controller.session()->show();
    const Countdown cd = countdownFor(r, live.controller.settings().warningMs);

    ImGui::BeginChild("##countdown", ImVec2(width, height), false, ImGuiWindowFlags_NoScrollbar);
    const float pad = ImGui::GetFontSize() * 0.8f;
    ImGui::SetCursorPos(ImVec2(pad, pad * 0.8f));
    ImGui::BeginGroup();

    // What is on: "ON AIR 3/8", a kind chip and the title.
    const Segment* seg = segmentAt(show, r.current ? r.current->index : -1);
    std::string status;
    ImU32 statusColour = colours::kGood;
    if (r.phase == RunPhase::NotStarted) {
        status = "READY";
        statusColour = colours::kAccent;
        seg = segmentAt(show, 0);
    } else if (r.phase == RunPhase::Ended) {
        status = "SHOW ENDED";
        statusColour = colours::kTextDim;
        seg = nullptr;
    } else {
        status = r.phase == RunPhase::Paused ? "ON HOLD" : "ON AIR";
        statusColour = r.phase == RunPhase::Paused ? colours::kWarning : colours::kBad;
    }
    chip(status, statusColour, IM_COL32(255, 255, 255, 255));
    ImGui::SameLine();
    if (r.phase != RunPhase::Ended && !show.rundown.empty()) {
        const int number = r.current ? r.current->index + 1 : 1;
        textColoured(std::to_string(number) + " / " + std::to_string(show.rundown.size()),
                     colours::kTextDim);
        ImGui::SameLine();
    }
    if (seg != nullptr) {
        chip(kindLabel(seg->kind), kindColour(seg->kind), kindTextColour(seg->kind));
        ImGui::SameLine();
    }
    ImGui::NewLine();
    ImGui::PushFont(ctx.fonts.font(FontRole::Heading));
    if (r.phase == RunPhase::Ended) {
        textTruncated(show.meta.title.empty() ? std::string("The show") : show.meta.title,
                      colours::kText, width - pad * 2);
    } else if (seg != nullptr) {
        textTruncated(r.phase == RunPhase::NotStarted ? "First: " + seg->title : seg->title,
                      colours::kText, width - pad * 2);
    } else {
        textColoured("The rundown is empty", colours::kTextDim);
    }
    ImGui::PopFont();

    // The countdown itself.
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float digitsTop = origin.y;
    const ImU32 colour = withAlpha(toneColour(cd.tone), cd.held ? 0.6f : 1.0f);
    const float used = drawDigits(ctx, cd.text, 0.0f, ImGui::GetWindowPos().x + width * 0.5f,
                                  digitsTop, width - pad * 2, colour);
    if (cd.held) {
        // A still clock looks like a frozen app unless it says why.
        ImGui::PushFont(ctx.fonts.font(FontRole::Bold));
        const char* held = "HOLD — the clock is stopped";
        const ImVec2 ts = ImGui::CalcTextSize(held);
        ImGui::GetWindowDrawList()->AddText(
            ImVec2(ImGui::GetWindowPos().x + (width - ts.x) * 0.5f, digitsTop + used - ts.y * 0.6f),
            colours::kWarning, held);
        ImGui::PopFont();
    }
    ImGui::Dummy(ImVec2(width - pad * 2, used));

    // Progress through the segment, in the countdown's colour.
    BarStyle barStyle;
    barStyle.fill = cd.tone == CountdownTone::Normal ? colours::kAccent : toneColour(cd.tone);
    barStyle.height = ImGui::GetFontSize() * 0.45f;
    bar(cd.progress, width - pad * 2, barStyle);

    // The numbers behind it.
    if (r.current) {
        const CurrentSegment& c = *r.current;
        const SegmentState& s = r.segments[static_cast<std::size_t>(c.index)];
        std::string line = "planned " + formatCountdownMs(c.plannedMs, false);
        if (s.extensionMs != 0) line += " (" + formatSignedMs(s.extensionMs) + ")";
        line += "   ·   on air " + formatCountdownMs(c.elapsedMs, false);
        textColoured(line, colours::kTextDim);
        if (c.mustEndByMs) {
            ImGui::SameLine();
            textColoured("   ·   must end by " + whenText(r, *c.mustEndByMs),
                         c.cannotFit ? colours::kBad : colours::kTextDim);
        }
    } else if (r.phase == RunPhase::NotStarted) {
        textColoured("Press Start (Space) when the show goes on air.", colours::kTextDim);
    } else {
        textColoured(formatCountdownMs(r.actualTotalMs, false) + " on air, " +
                         formatSignedMs(r.overUnderMs) + " " + overUnderWord(r.overUnderMs),
                     r.overUnderMs > kOnTimeToleranceMs ? colours::kBad : colours::kGood);
    }

    // Next up.
    const int nextIndex =
        r.phase == RunPhase::NotStarted ? 1 : (r.current ? r.current->index + 1 : -1);
    if (r.phase != RunPhase::Ended) {
        textColoured("NEXT", colours::kTextDim);
        ImGui::SameLine();
        if (const Segment* next = segmentAt(show, nextIndex)) {
            chip(kindLabel(next->kind), kindColour(next->kind), kindTextColour(next->kind));
            ImGui::SameLine();
            const SegmentState& ns = r.segments[static_cast<std::size_t>(nextIndex)];
            textTruncated(next->title + "   " + formatCountdownMs(ns.effectivePlannedMs, false),
                          colours::kText, width - pad * 2 - ImGui::GetCursorPosX());
        } else {
            textColoured("the end of the show", colours::kTextDim);
        }
    }
    ImGui::EndGroup();
    ImGui::EndChild();
}

// --- the show clock panel -------------------------------------------------------------------

void clockRow(const ViewContext& ctx, const char* label, const std::string& value, ImU32 colour,
              const std::string& note, float labelWidth) {
    ImGui::PushFont(ctx.fonts.font(FontRole::Small));
    ImGui::AlignTextToFramePadding();
    textColoured(label, colours::kTextDim);
    ImGui::PopFont();
    ImGui::SameLine(labelWidth);
    ImGui::PushFont(ctx.fonts.font(FontRole::Heading));
    textColoured(value, colour);
    ImGui::PopFont();
    if (!note.empty()) {
        ImGui::SameLine();
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ImGui::GetFontSize() * 0.35f);
        textColoured(note, colours::kTextDim);
    }
}

void messageBox(ViewContext& ctx, const SessionState& st, float width) {
    LiveContext& live = *ctx.live;
    const float pulse = live.view.flash.update(st.message, ImGui::GetTime());
    if (live.view.flash.active(ImGui::GetTime())) ctx.requests.requestFrameRate(20.0);
    const float pad = ImGui::GetFontSize() * 0.6f;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(start.x + pad, start.y + pad * 0.7f));
    ImGui::BeginGroup();
    ImGui::PushFont(ctx.fonts.font(FontRole::Small));
    textColoured("MESSAGE FOR THE HOST", colours::kTextDim);
    ImGui::PopFont();
    if (st.message) {
        ctx.requests.requestGlyphs(st.message->text);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - pad * 2);
        ImGui::PushFont(ctx.fonts.font(FontRole::Bold));
        textColoured(st.message->text, colours::kText);
        ImGui::PopFont();
        ImGui::PopTextWrapPos();
        smallDim(ctx, "sent " + ageText(st.sessionMs - st.message->atMs));
    } else {
        textColoured("No message", colours::kTextDim);
    }
    ImGui::EndGroup();
    const ImVec2 end(start.x + width, ImGui::GetItemRectMax().y + pad * 0.7f);
    dl->ChannelsSetCurrent(0);
    const ImU32 calm = st.message ? IM_COL32(58, 50, 30, 255) : colours::kTrack;
    dl->AddRectFilled(start, end, mix(calm, colours::kWarning, pulse * 0.8f),
                      ImGui::GetStyle().FrameRounding);
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(start.x, end.y));
    ImGui::Dummy(ImVec2(width, 0));
}

void clockPanel(ViewContext& ctx, const SessionState& st, float width, float height) {
    const RunnerState& r = st.runner;
    ImGui::BeginChild("##clock", ImVec2(width, height), false, ImGuiWindowFlags_NoScrollbar);
    const float pad = ImGui::GetFontSize() * 0.8f;
    ImGui::SetCursorPos(ImVec2(pad, pad * 0.8f));
    ImGui::BeginGroup();
    const float labelWidth = pad + ImGui::GetFontSize() * 8.0f;

    std::string note;
    if (r.pausedMs > 0) note = formatCountdownMs(r.pausedMs, false) + " held";
    clockRow(ctx, "SHOW CLOCK", formatClockMs(r.showElapsedMs),
             r.startedAtMs ? colours::kText : colours::kTextDim, note, labelWidth);

    if (r.timeLeftToHardOutMs && r.hardOutMs) {
        const std::int64_t left = *r.timeLeftToHardOutMs;
        std::string at = whenText(r, *r.hardOutMs);
        const Show& show = ctx.live->controller.session()->show();
        if (r.phase == RunPhase::Ended && r.endedAtMs) {
            const std::int64_t spare = *r.hardOutMs - *r.endedAtMs;
            clockRow(ctx, "HARD OUT", at, spare >= 0 ? colours::kText : colours::kBad,
                     formatCountdownMs(spare >= 0 ? spare : -spare, false) +
                         (spare >= 0 ? " to spare" : " past it"),
                     labelWidth);
        } else if (left >= 0) {
            if (r.scheduleShiftMs != 0 && show.meta.hardOut) {
                // Taped far from the planned start: the core keeps the schedule relative to it.
                at += " (moved from " + formatTimeOfDay(*show.meta.hardOut) + ")";
            }
            clockRow(ctx, "HARD OUT IN", formatClockMs(left),
                     r.endsAfterHardOut ? colours::kBad : colours::kText, "at " + at, labelWidth);
        } else {
            clockRow(ctx, "PAST HARD OUT", "+" + formatClockMs(-left), colours::kBad, "was " + at,
                     labelWidth);
        }
    } else {
        clockRow(ctx, "HARD OUT", "—", colours::kTextDim,
                 r.todAtZeroMs ? "none set" : "time of day unknown", labelWidth);
    }

    const ImU32 ouColour = r.overUnderMs > kOnTimeToleranceMs    ? colours::kBad
                           : r.overUnderMs < -kOnTimeToleranceMs ? colours::kGood
                                                                 : colours::kText;
    clockRow(ctx, "OVER / UNDER", formatSignedMs(r.overUnderMs), ouColour,
             std::abs(r.overUnderMs) <= kOnTimeToleranceMs
                 ? std::string("on time")
                 : std::string(overUnderWord(r.overUnderMs)),
             labelWidth);

    const std::string endText = whenText(r, r.projectedEndMs);
    std::string endNote;
    ImU32 endColour = colours::kText;
    if (r.hardOutMarginMs) {
        const std::int64_t m = *r.hardOutMarginMs;
        if (m >= 0) {
            endNote = formatCountdownMs(m, false) + " before the hard out";
            endColour = m < 60'000 ? colours::kWarning : colours::kGood;
        } else {
            endNote = formatCountdownMs(-m, false) + " AFTER the hard out";
            endColour = colours::kBad;
        }
    }
    if (r.todEstimated) endNote += endNote.empty() ? "(estimated)" : " (estimated)";
    clockRow(ctx, r.phase == RunPhase::Ended ? "ENDED AT" : "PROJECTED END",
             r.phase == RunPhase::Ended && r.endedAtMs ? whenText(r, *r.endedAtMs) : endText,
             r.phase == RunPhase::Ended ? colours::kText : endColour,
             r.phase == RunPhase::Ended ? std::string() : endNote, labelWidth);

    ImGui::Dummy(ImVec2(0, pad * 0.3f));
    messageBox(ctx, st, width - pad * 2);
    ImGui::EndGroup();
    ImGui::EndChild();
}

// --- controls -------------------------------------------------------------------------------

// Posts the action: it runs after the frame, so nothing drawn later in this frame sees a
// model that changed halfway through.
void perform(LiveContext& live, const LiveAction& action) {
    if (action == LiveAction::None) return;
    if (action == LiveAction::ShowHelp) {
        live.view.helpRequested = true;
        return;
    }
    if (action == LiveAction::End) {
        live.view.endConfirmRequested = true;  // ending writes the report: ask first
        return;
    }
    live.controller.post(action);
}

void controls(ViewContext& ctx, const SessionState& st) {
    LiveContext& live = *ctx.live;
    const RunnerState& r = st.runner;
    const float f = ImGui::GetFontSize();
    const ImVec2 big(f * 8.5f, f * 2.6f);
    const ImVec2 mid(f * 5.2f, f * 2.6f);
    const bool onAir = r.phase == RunPhase::Running || r.phase == RunPhase::Paused;
    const bool ended = r.phase == RunPhase::Ended;

    ImGui::PushFont(ctx.fonts.font(FontRole::Bold));
    if (r.phase == RunPhase::NotStarted) {
        if (actionButton("▶  Start show###primary", big, IM_COL32(38, 122, 58, 255))) {
            perform(live, LiveAction::Start);
        }
    } else if (r.phase == RunPhase::Paused) {
        if (actionButton("▶  Resume###primary", big, IM_COL32(150, 104, 20, 255))) {
            perform(live, LiveAction::Resume);
        }
    } else {
        if (actionButton("Hold###primary", big, 0, !ended)) perform(live, LiveAction::Hold);
    }
    ImGui::SameLine();
    if (actionButton("◀  Previous", ImVec2(mid.x + f * 1.5f, mid.y), 0,
                     onAir && r.currentIndex > 0)) {
        perform(live, LiveAction::Previous);
    }
    ImGui::SameLine();
    const bool hasNext = onAir && r.currentIndex + 1 < static_cast<int>(r.segments.size());
    if (actionButton("Next  ▶", big, IM_COL32(40, 86, 150, 255), hasNext))
        perform(live, LiveAction::Next);
    ImGui::SameLine(0.0f, f * 1.6f);
    if (actionButton("+1 min", mid, 0, onAir)) perform(live, LiveAction::ExtendPlus60);
    ImGui::SameLine();
    if (actionButton("+30 s", mid, 0, onAir)) perform(live, LiveAction::ExtendPlus30);
    ImGui::SameLine();
    if (actionButton("−30 s", mid, 0, onAir)) perform(live, LiveAction::ExtendMinus30);
    ImGui::SameLine();
    const float endWidth = f * 7.0f;
    const float right = ImGui::GetContentRegionAvail().x;
    if (right > endWidth) ImGui::SameLine(ImGui::GetCursorPosX() + right - endWidth);
    if (actionButton("End show…", ImVec2(endWidth, big.y), IM_COL32(150, 42, 38, 255), onAir)) {
        perform(live, LiveAction::End);
    }
    ImGui::PopFont();
    smallDim(ctx,
             "Keys: Space start / hold / resume   ·   N or → next   ·   P or ← previous   ·   "
             "H hold   ·   + / − 30 s   ·   F1 or ? all shortcuts");

    // The producer's message and, during a Q&A, the question budget.
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x * 0.45f, f * 32.0f));
    // Enter sends and gives the keyboard back to the shortcuts: N after a message means Next.
    const bool enter =
        ImGui::InputTextWithHint("##message", "Message for the host…", &live.view.messageDraft,
                                 ImGuiInputTextFlags_EnterReturnsTrue);
    ctx.requests.requestGlyphs(live.view.messageDraft);
    ImGui::SameLine();
    const bool canSend = !ended && !live.view.messageDraft.empty();
    if ((actionButton("Send", ImVec2(f * 4.5f, 0), 0, canSend) || (enter && canSend))) {
        live.controller.post([&live, text = live.view.messageDraft](LiveController& c) {
            if (c.sendMessage(text) && live.view.messageDraft == text) live.view.messageDraft.clear();
        });
    }
    ImGui::SameLine();
    if (actionButton("Clear", ImVec2(f * 4.5f, 0), 0, !ended && st.message.has_value())) {
        live.controller.post([](LiveController& c) { c.sendMessage(""); });
    }
    if (r.current && r.current->qa) {
        const QaBudget& qa = *r.current->qa;
        ImGui::SameLine(0.0f, f * 1.6f);
        ImGui::AlignTextToFramePadding();
        std::string line = "Q&A: " + std::to_string(qa.answered) + " answered · about " +
                           std::to_string(qa.questionsLeft) + " more question" +
                           (qa.questionsLeft == 1 ? "" : "s") + " at ";
        line += qa.defaultPace
                    ? "the assumed " + formatCountdownMs(qa.paceMs, false) + " each"
                    : "the current pace (" + formatCountdownMs(qa.paceMs, false) + " each)";
        textColoured(line, qa.questionsLeft <= 0 ? colours::kWarning : colours::kText);
        ImGui::SameLine();
        if (actionButton("Question answered", ImVec2(0, 0), IM_COL32(40, 86, 150, 255), onAir)) {
            perform(live, LiveAction::QuestionAnswered);
        }
    }
    if (!live.controller.lastError().empty()) {
        textColoured("⚠ " + live.controller.lastError(), colours::kBad);
    }
}

// --- the rundown ----------------------------------------------------------------------------

void rundownTable(ViewContext& ctx, const SessionState& st, float height) {
    LiveContext& live = *ctx.live;
    const RunnerState& r = st.runner;
    const Show& show = live.controller.session()->show();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_BordersOuterH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable("live-rundown", 6, flags, ImVec2(0, height))) return;
    const float f = ImGui::GetFontSize();
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, f * 2.6f);
    ImGui::TableSetupColumn("Segment", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Planned", ImGuiTableColumnFlags_WidthFixed, f * 8.5f);
    ImGui::TableSetupColumn("Actual", ImGuiTableColumnFlags_WidthFixed, f * 8.5f);
    ImGui::TableSetupColumn("Starts", ImGuiTableColumnFlags_WidthFixed, f * 7.5f);
    ImGui::TableSetupColumn("Latest start", ImGuiTableColumnFlags_WidthFixed, f * 7.0f);
    ImGui::TableHeadersRow();

    const bool follow = live.view.followedIndex != r.currentIndex;
    for (const SegmentState& s : r.segments) {
        const Segment& seg = show.rundown[static_cast<std::size_t>(s.index)];
        const bool current = s.status == SegmentStatus::Current;
        const bool past = s.status == SegmentStatus::Done || s.status == SegmentStatus::Skipped;
        ImGui::PushID(seg.id.c_str());
        ImGui::TableNextRow();
        if (current) {
            ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, IM_COL32(40, 74, 120, 200));
            if (follow) ImGui::SetScrollHereY(0.3f);
        }
        const ImU32 text = past ? colours::kTextDim : colours::kText;

        ImGui::TableNextColumn();
        textColoured(current ? "▶ " + std::to_string(s.index + 1) : std::to_string(s.index + 1),
                     current ? colours::kText : colours::kTextDim);

        ImGui::TableNextColumn();
        chip(kindLabel(seg.kind), past ? colours::kTrack : kindColour(seg.kind),
             past ? colours::kTextDim : kindTextColour(seg.kind));
        ImGui::SameLine();
        std::string title = seg.title;
        if (s.status == SegmentStatus::Skipped) title += "  (skipped)";
        if (s.elastic) title += "  · elastic";
        textTruncated(title, text);

        ImGui::TableNextColumn();
        if (s.elastic && s.effectivePlannedMs != s.plannedMs + s.extensionMs && !past) {
            textColoured(formatCountdownMs(s.effectivePlannedMs, false), colours::kAccent);
            if (ImGui::IsItemHovered()) {
                ImGui::SetTooltip("Elastic: %s planned, %s after the over/under before it",
                                  formatCountdownMs(s.plannedMs + s.extensionMs, false).c_str(),
                                  formatCountdownMs(s.effectivePlannedMs, false).c_str());
            }
        } else {
            textColoured(formatCountdownMs(s.plannedMs + s.extensionMs, false), text);
        }
        if (s.extensionMs != 0) {
            ImGui::SameLine(0, 4);
            textColoured(formatSignedMs(s.extensionMs), colours::kAccent);
        }

        ImGui::TableNextColumn();
        if (current && r.current) {
            textColoured(formatCountdownMs(r.current->elapsedMs, false),
                         r.current->overrunMs > 0 ? colours::kBad : colours::kText);
        } else if (s.status == SegmentStatus::Done) {
            textColoured(formatCountdownMs(s.actualMs, false), text);
            ImGui::SameLine(0, 4);
            const ImU32 diff = s.differenceMs > kOnTimeToleranceMs    ? colours::kBad
                               : s.differenceMs < -kOnTimeToleranceMs ? colours::kGood
                                                                      : colours::kTextDim;
            textColoured(formatSignedMs(s.differenceMs), diff);
        } else {
            textColoured("—", colours::kTextDim);
        }

        ImGui::TableNextColumn();
        if (s.projectedStartMs) {
            std::string when = whenText(r, *s.projectedStartMs);
            if (s.fixedStartMs) when = "◆ " + when;
            textColoured(s.cannotFit ? "⚠ " + when : when, s.cannotFit ? colours::kBad : text);
            if (ImGui::IsItemHovered() && (s.fixedStartMs || s.cannotFit)) {
                std::string tip = s.fixedStartMs
                                      ? "Pinned: must start at " + whenText(r, *s.fixedStartMs)
                                      : std::string();
                if (s.cannotFit) {
                    tip +=
                        std::string(tip.empty() ? "" : "\n") +
                        "At this pace it starts after its latest start: cut something before it.";
                }
                ImGui::SetTooltip("%s", tip.c_str());
            }
        } else {
            textColoured(current ? "on air" : "—", current ? colours::kGood : colours::kTextDim);
        }

        ImGui::TableNextColumn();
        if (s.backtimedStartMs && !past && !current) {
            textColoured(whenText(r, *s.backtimedStartMs),
                         s.cannotFit ? colours::kBad : colours::kTextDim);
        } else {
            textColoured("—", colours::kTextDim);
        }
        ImGui::PopID();
    }
    live.view.followedIndex = r.currentIndex;
    ImGui::EndTable();
}

// --- the report, once the show has ended ------------------------------------------------

void reportSection(ViewContext& ctx, float height) {
    LiveContext& live = *ctx.live;
    const SessionReport* report = live.controller.report();
    if (report == nullptr) return;
    const float f = ImGui::GetFontSize();
    const float startY = ImGui::GetCursorPosY();
    sectionHeader("PLANNED VS ACTUAL");
    const ImU32 diffColour = report->differenceMs > kOnTimeToleranceMs    ? colours::kBad
                             : report->differenceMs < -kOnTimeToleranceMs ? colours::kGood
                                                                          : colours::kText;
    textColoured(formatCountdownMs(report->actualTotalMs, false) + " on air of " +
                     formatCountdownMs(report->plannedTotalMs, false) +
                     " planned: " + formatSignedMs(report->differenceMs) + " " +
                     overUnderWord(report->differenceMs),
                 diffColour);
    if (report->pausedMs > 0) {
        ImGui::SameLine();
        textColoured("   ·   " + formatCountdownMs(report->pausedMs, false) + " on hold",
                     colours::kTextDim);
    }

    const std::string md = live.controller.reportMarkdownPath().string();
    const std::string csv = live.controller.reportCsvPath().string();
    ctx.requests.requestGlyphs(md);
    textColoured("Report files:", colours::kTextDim);
    ImGui::SameLine();
    textColoured(md, colours::kText);
    ImGui::SameLine();
    if (ImGui::SmallButton("Copy path##md")) ImGui::SetClipboardText(md.c_str());
    ImGui::SameLine(0, f);
    textColoured(csv, colours::kText);
    ImGui::SameLine();
    if (ImGui::SmallButton("Copy path##csv")) ImGui::SetClipboardText(csv.c_str());

    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_BordersOuterH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX;
    const float tableHeight = std::max(height - (ImGui::GetCursorPosY() - startY), f * 8.0f);
    if (!ImGui::BeginTable("live-report", 6, flags, ImVec2(0, tableHeight))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, f * 2.2f);
    ImGui::TableSetupColumn("Segment", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Planned", ImGuiTableColumnFlags_WidthFixed, f * 6.5f);
    ImGui::TableSetupColumn("Actual", ImGuiTableColumnFlags_WidthFixed, f * 6.5f);
    ImGui::TableSetupColumn("Difference", ImGuiTableColumnFlags_WidthFixed, f * 6.5f);
    ImGui::TableSetupColumn("Visits", ImGuiTableColumnFlags_WidthFixed, f * 4.5f);
    ImGui::TableHeadersRow();
    for (const SegmentReportRow& row : report->segments) {
        ImGui::PushID(row.id.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        textColoured(std::to_string(row.number), colours::kTextDim);
        ImGui::TableNextColumn();
        chip(kindLabel(row.kind), kindColour(row.kind), kindTextColour(row.kind));
        ImGui::SameLine();
        textTruncated(row.status == SegmentStatus::Skipped ? row.title + "  (skipped)" : row.title,
                      colours::kText);
        ImGui::TableNextColumn();
        textColoured(formatCountdownMs(row.plannedMs, false), colours::kText);
        if (row.extensionMs != 0) {
            ImGui::SameLine(0, 4);
            textColoured(formatSignedMs(row.extensionMs), colours::kAccent);
        }
        ImGui::TableNextColumn();
        textColoured(formatCountdownMs(row.actualMs, false), colours::kText);
        ImGui::TableNextColumn();
        textColoured(formatSignedMs(row.differenceMs),
                     row.differenceMs > kOnTimeToleranceMs    ? colours::kBad
                     : row.differenceMs < -kOnTimeToleranceMs ? colours::kGood
                                                              : colours::kTextDim);
        ImGui::TableNextColumn();
        textColoured(std::to_string(row.visits), colours::kTextDim);
        ImGui::PopID();
    }
    ImGui::EndTable();
}

// --- header, notices, shortcuts, help -------------------------------------------------------

void sessionStrip(ViewContext& ctx) {
    LiveContext& live = *ctx.live;
    const Session& session = *live.controller.session();
    const LiveApiInfo& api = live.controller.api();
    ImGui::PushFont(ctx.fonts.font(FontRole::Small));
    const std::string dir = session.dir().string();
    ctx.requests.requestGlyphs(dir);
    textColoured("SESSION", colours::kTextDim);
    ImGui::SameLine();
    textColoured(dir, colours::kText);
    ImGui::SameLine(0, ImGui::GetFontSize() * 2);
    textColoured("CONTROL API", colours::kTextDim);
    ImGui::SameLine();
    if (api.running) {
        textColoured(api.url, colours::kText);
        ImGui::SameLine();
        textColoured("token", colours::kTextDim);
        ImGui::SameLine();
        textColoured(api.token, colours::kText);
        ImGui::SameLine();
        if (ImGui::SmallButton("Copy token")) {
            ImGui::SetClipboardText(api.token.c_str());
            live.view.copiedNote = "Token copied";
            live.view.copiedAt = ImGui::GetTime();
        }
        ImGui::SameLine();
        if (ImGui::SmallButton("Copy curl")) {
            const std::string curl = "curl -s -X POST -H 'Authorization: Bearer " + api.token +
                                     "' " + api.url + "/api/next";
            ImGui::SetClipboardText(curl.c_str());
            live.view.copiedNote = "A curl command for Next copied";
            live.view.copiedAt = ImGui::GetTime();
        }
        if (ImGui::GetTime() - live.view.copiedAt < 3.0) {
            ImGui::SameLine();
            textColoured(live.view.copiedNote, colours::kGood);
            ctx.requests.requestFrameRate(2.0);  // so the note goes away on its own
        }
    } else {
        textColoured(session.runner().phase() == RunPhase::Ended ? "off (the show has ended)"
                     : api.error.empty()                         ? "off"
                                                                 : "not running",
                     colours::kTextDim);
    }
    ImGui::PopFont();
}

void notices(ViewContext& ctx) {
    LiveContext& live = *ctx.live;
    const auto& list = live.controller.notices();
    if (list.empty()) return;
    for (const std::string& n : list) {
        ctx.requests.requestGlyphs(n);
        ImGui::PushTextWrapPos(ImGui::GetContentRegionAvail().x * 0.85f);
        textColoured("⚠ " + n, colours::kWarning);
        ImGui::PopTextWrapPos();
    }
    ImGui::SameLine();
    if (ImGui::SmallButton("Dismiss##notices")) live.controller.dismissNotices();
}

void handleShortcuts(LiveContext& live) {
    // Only when this view has the keyboard: not while typing, not under a menu or a dialog,
    // not while another window (the presenter) has the focus. With no window focused at all
    // (the studio just opened on the Live tab) the keys are the Live tab's: no click first.
    const bool ours = ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) ||
                      !ImGui::IsWindowFocused(ImGuiFocusedFlags_AnyWindow);
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
    notices(ctx);

    const float f = ImGui::GetFontSize();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float digits =
        live.hostDigits && live.hostDigits->font() ? live.hostDigits->size() : f * 4.0f;
    const float lines = ImGui::GetTextLineHeightWithSpacing();
    const float panelHeight = std::max(digits + lines * 3.2f + f * 3.6f, f * 15.0f);
    const float leftWidth = std::floor(avail * 0.56f);
    countdownPanel(ctx, st, leftWidth, panelHeight);
    ImGui::SameLine();
    clockPanel(ctx, st, avail - leftWidth - ImGui::GetStyle().ItemSpacing.x, panelHeight);

    ImGui::Spacing();
    if (r.phase == RunPhase::Ended) {
        // Nothing left to press; the next show starts from here.
        ImGui::AlignTextToFramePadding();
        textColoured("The show has ended; its journal and report are in the session folder.",
                     colours::kTextDim);
        ImGui::SameLine();
        if (ImGui::Button("Start a new session…")) live.view.startDialogRequested = true;
    } else {
        controls(ctx, st);
    }
    ImGui::Spacing();
    const float rest = std::max(ImGui::GetContentRegionAvail().y, f * 10.0f);
    if (r.phase == RunPhase::Ended) {
        reportSection(ctx, rest);
    } else {
        rundownTable(ctx, st, rest);
    }
    helpOverlay(ctx);
    ImGui::EndChild();
}

}  // namespace pycast::ui
