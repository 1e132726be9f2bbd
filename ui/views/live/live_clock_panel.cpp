// The Live tab's show clock panel: show time, hard out, projected end, the message (UI thread).
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

#include "core/display_time.hpp"
#include "core/duration.hpp"
#include "live/report.hpp"
#include "live/session_json.hpp"  // formatTimeOfDayMs
#include "widgets/theme.hpp"
#include "views/live/live_format.hpp"
#include "views/live/live_panels.hpp"
#include "views/live/live_view.hpp"
#include "views/views.hpp"
#include "widgets/text_wrap.hpp"
#include "widgets/widgets.hpp"

namespace pycast::ui {

namespace {

// The rows' look: values in the heading font, or in the bold body font when compact; labels
// in a column `labelWidth` wide.
struct ClockRows {
    float labelWidth = 0.0f;
    bool compact = false;
};

// A label, its value and a note after it. A note that does not fit beside the value goes on
// the next line under the value, wrapped, so nothing is cut at the panel's edge.
void clockRow(const ViewContext& ctx, const char* label, const std::string& value, ImU32 colour,
              const std::string& note, const ClockRows& rows) {
    ImGui::PushFont(ctx.fonts.font(FontRole::Small));
    if (rows.compact) {
        // Rows as tall as the body text; the small label sits on the value's baseline.
        const ImVec2 at = ImGui::GetCursorPos();
        const float smallSize = ImGui::GetFontSize();
        ImGui::PopFont();
        ImGui::SetCursorPos(ImVec2(at.x, at.y + (ImGui::GetFontSize() - smallSize) * 0.75f));
        ImGui::PushFont(ctx.fonts.font(FontRole::Small));
        textColoured(label, colours::kTextDim);
        ImGui::SetCursorPos(ImVec2(rows.labelWidth, at.y));
    } else {
        ImGui::AlignTextToFramePadding();
        textColoured(label, colours::kTextDim);
        ImGui::SameLine(rows.labelWidth);
    }
    ImGui::PopFont();
    ImGui::PushFont(ctx.fonts.font(rows.compact ? FontRole::Bold : FontRole::Heading));
    textColoured(value, colour);
    ImGui::PopFont();
    if (note.empty()) return;
    const float right = ImGui::GetWindowContentRegionMax().x;
    const float beside =
        ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetStyle().ItemSpacing.x;
    if (beside + ImGui::CalcTextSize(note.c_str()).x <= right) {
        ImGui::SameLine();
        if (!rows.compact)
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ImGui::GetFontSize() * 0.35f);
        textColoured(note, colours::kTextDim);
        return;
    }
    ImGui::SetCursorPosX(rows.labelWidth);
    ImGui::PushTextWrapPos(right);
    ImGui::PushStyleColor(ImGuiCol_Text, colours::kTextDim);
    ImGui::TextWrapped("%s", note.c_str());
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
}

}  // namespace

namespace {

// The producer's message in the space left under the clock rows (`maxHeight`): wrapped per
// word and between Chinese characters, shrunk to fit, and when even the small size cannot hold
// it, cut after the last line that fits with "…" (the whole text in a tooltip).
void messageBox(ViewContext& ctx, const SessionState& st, float width, float maxHeight) {
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
    ImFont* small = ctx.fonts.font(FontRole::Small);
    live.view.messageShown = {};
    live.view.messageTop = start.y - ImGui::GetWindowPos().y;
    live.view.messageWantedHeight = 0.0f;
    std::string header = "MESSAGE FOR THE HOST";
    if (st.message) {
        ctx.requests.requestGlyphs(st.message->text);
        ImFont* bold = ctx.fonts.font(FontRole::Bold);
        // The header (with the message's age) is one small line; the rest is the text's.
        const float frame = pad * 1.4f + small->FontSize + ImGui::GetStyle().ItemSpacing.y;
        const float textWidth = width - pad * 2;
        const std::size_t fullLines =
            wrapText(st.message->text, textWidth, [bold](std::string_view s) {
                return bold
                    ->CalcTextSizeA(bold->FontSize, FLT_MAX, 0.0f, s.data(), s.data() + s.size())
                    .x;
            }).size();
        live.view.messageWantedHeight =
            frame + bold->FontSize * 1.15f * static_cast<float>(fullLines) + pad;
        const float minSize = small->FontSize * 0.9f;
        live.view.messageShown =
            fitTextInFont(bold, st.message->text, textWidth,
                          std::max(maxHeight - frame, minSize * 1.15f), bold->FontSize, minSize);
        header += "   ·   sent " + ageText(st.sessionMs - st.message->atMs);
        if (live.view.messageShown.truncated) header += "   ·   hover to read it all";
    }
    ImGui::PushFont(small);
    textTruncated(header, colours::kTextDim, width - pad * 2);
    ImGui::PopFont();
    if (st.message) {
        fittedTextItem(ctx.fonts.font(FontRole::Bold), live.view.messageShown, st.message->text,
                       width - pad * 2, colours::kText);
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

void clockPanel(ViewContext& ctx, const SessionState& st, const LiveLayout& layout) {
    const float width = layout.rightWidth;
    const float height = layout.panelHeight;
    const RunnerState& r = st.runner;
    ImGui::BeginChild("##clock", ImVec2(width, height), false, ImGuiWindowFlags_NoScrollbar);
    const float pad = ImGui::GetFontSize() * 0.8f;
    ImGui::SetCursorPos(ImVec2(pad, pad * 0.8f));
    ImGui::BeginGroup();
    ClockRows rows;
    rows.compact = layout.compact;
    if (layout.compact) {
        // As wide as the widest label: the values and their notes get the rest.
        ImGui::PushFont(ctx.fonts.font(FontRole::Small));
        rows.labelWidth = pad +
                          widestText({"SHOW CLOCK", "HARD OUT IN", "PAST HARD OUT", "OVER / UNDER",
                                      "SCHEDULE", "PROJECTED END", "ENDED AT", "ON AIR"}) +
                          ImGui::GetStyle().ItemSpacing.x * 1.5f;
        ImGui::PopFont();
    } else {
        rows.labelWidth = pad + ImGui::GetFontSize() * 8.0f;
    }

    // Once the show has ended, every end figure is the report's (whole seconds, totals the sums
    // of its rows), so nothing on screen disagrees with another figure or with report.md.
    const SessionReport* report =
        r.phase == RunPhase::Ended ? ctx.live->controller.report() : nullptr;
    const std::int64_t elapsedMs = report ? report->showElapsedMs : r.showElapsedMs;
    const std::int64_t heldMs = report ? report->pausedMs : r.pausedMs;
    std::string note;
    if (heldMs > 0) note = formatCountdownMs(heldMs, false) + " held";
    clockRow(ctx, "SHOW CLOCK", formatClockMs(elapsedMs),
             r.startedAtMs ? colours::kText : colours::kTextDim, note, rows);

    if (r.timeLeftToHardOutMs && r.hardOutMs) {
        const std::int64_t left = *r.timeLeftToHardOutMs;
        std::string at = whenText(r, *r.hardOutMs);
        const Show& show = ctx.live->controller.session()->show();
        if (r.phase == RunPhase::Ended && r.endedAtMs) {
            // The two times of day as shown (whole seconds), subtracted.
            const auto hardOutTod = r.toTimeOfDayMs(*r.hardOutMs);
            const auto endTod = r.toTimeOfDayMs(*r.endedAtMs);
            const std::int64_t spare = hardOutTod && endTod
                                           ? shownMs(*hardOutTod) - shownMs(*endTod)
                                           : shownMs(*r.hardOutMs) - shownMs(*r.endedAtMs);
            clockRow(ctx, "HARD OUT", at, spare >= 0 ? colours::kText : colours::kBad,
                     formatCountdownMs(spare >= 0 ? spare : -spare, false) +
                         (spare >= 0 ? " to spare" : " past it"),
                     rows);
        } else if (left >= 0) {
            if (r.scheduleShiftMs != 0 && show.meta.hardOut) {
                // Taped far from the planned start: the core keeps the schedule relative to it.
                at += " (moved from " + formatTimeOfDay(*show.meta.hardOut) + ")";
            }
            clockRow(ctx, "HARD OUT IN", formatClockMs(left, true),
                     r.endsAfterHardOut ? colours::kBad : colours::kText, "at " + at, rows);
        } else {
            clockRow(ctx, "PAST HARD OUT", "+" + formatClockMs(-left), colours::kBad, "was " + at,
                     rows);
        }
    } else {
        clockRow(ctx, "HARD OUT", "—", colours::kTextDim,
                 r.todAtZeroMs ? "none set" : "time of day unknown", rows);
    }

    const ImU32 ouColour = r.overUnderMs > kOnTimeToleranceMs    ? colours::kBad
                           : r.overUnderMs < -kOnTimeToleranceMs ? colours::kGood
                                                                 : colours::kText;
    // Two different figures, named apart: the segments' own over/under (holds left out), and
    // how late the show is against its schedule (holds and a late start included).
    if (report != nullptr) {
        const ImU32 colour = report->differenceMs > kOnTimeToleranceMs    ? colours::kBad
                             : report->differenceMs < -kOnTimeToleranceMs ? colours::kGood
                                                                          : colours::kText;
        clockRow(ctx, "OVER / UNDER", endedOverUnder(*report), colour,
                 std::string(overUnderWord(report->differenceMs)) + " · segments", rows);
        clockRow(ctx, "ON AIR", formatCountdownMs(report->actualTotalMs, false), colours::kText,
                 "of " + formatCountdownMs(report->plannedTotalMs, false) + " planned", rows);
        clockRow(ctx, "ENDED AT", r.endedAtMs ? whenText(r, *r.endedAtMs) : std::string("—"),
                 colours::kText, {}, rows);
        ImGui::Dummy(ImVec2(0, pad * 0.3f));
        messageBox(ctx, st, width - pad * 2, height - ImGui::GetCursorPosY() - pad * 0.5f);
        ImGui::EndGroup();
        ImGui::EndChild();
        return;
    }
    clockRow(
        ctx, "OVER / UNDER", formatSignedMs(r.overUnderMs), ouColour,
        std::string(std::abs(r.overUnderMs) <= kOnTimeToleranceMs ? "on time"
                                                                  : overUnderWord(r.overUnderMs)) +
            " · segments",
        rows);
    const std::int64_t offset = r.scheduleOffsetMs;
    const bool behind = shownSeconds(offset) > 0;
    const bool ahead = shownSeconds(offset) < 0;
    clockRow(ctx, "SCHEDULE", formatSignedMs(offset),
             behind  ? colours::kBad
             : ahead ? colours::kGood
                     : colours::kText,
             std::string(behind  ? "behind"
                         : ahead ? "ahead"
                                 : "on schedule") +
                 (r.pausedMs > 0 ? " · holds included" : ""),
             rows);

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
             r.phase == RunPhase::Ended ? std::string() : endNote, rows);

    ImGui::Dummy(ImVec2(0, pad * 0.3f));
    // Without a message, an empty box that would be cut in half is left out: the panel is at
    // its smallest (the Questions panel wants the room) and "No message" says nothing then.
    const float left = height - ImGui::GetCursorPosY() - pad * 0.5f;
    const float emptyBox = ImGui::GetFontSize() * 2.6f + pad * 1.4f;
    if (st.message || left >= emptyBox) messageBox(ctx, st, width - pad * 2, left);
    ImGui::EndGroup();
    ImGui::EndChild();
}

}  // namespace pycast::ui
