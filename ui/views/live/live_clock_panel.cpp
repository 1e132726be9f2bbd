// The Live tab's show clock panel: show time, hard out, projected end, the message (UI thread).
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

#include "core/duration.hpp"
#include "live/session_json.hpp"  // formatTimeOfDayMs
#include "shell/theme.hpp"
#include "views/live/live_format.hpp"
#include "views/live/live_panels.hpp"

#include "core/display_time.hpp"
#include "views/live/live_view.hpp"
#include "views/views.hpp"
#include "widgets/widgets.hpp"

namespace pycast::ui {

namespace {

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

}  // namespace

namespace {

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

}  // namespace

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
            clockRow(ctx, "HARD OUT IN", formatClockMs(left, true),
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
    // Two different figures, named apart: the segments' own over/under (holds left out), and
    // how late the show is against its schedule (holds and a late start included).
    clockRow(ctx, "OVER / UNDER", formatSignedMs(r.overUnderMs), ouColour,
             std::string(std::abs(r.overUnderMs) <= kOnTimeToleranceMs ? "on time"
                                                                        : overUnderWord(r.overUnderMs)) +
                 " · segments",
             labelWidth);
    const std::int64_t offset = r.scheduleOffsetMs;
    const bool behind = shownSeconds(offset) > 0;
    const bool ahead = shownSeconds(offset) < 0;
    clockRow(ctx, "SCHEDULE", formatSignedMs(offset),
             behind ? colours::kBad : ahead ? colours::kGood : colours::kText,
             std::string(behind ? "behind" : ahead ? "ahead" : "on schedule") +
                 (r.pausedMs > 0 ? " · holds included" : ""),
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

}  // namespace pycast::ui
