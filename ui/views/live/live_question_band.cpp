// The Live tab's band for the question on air: its text, who asked, for whom (UI thread).
#include <imgui.h>

#include <algorithm>
#include <string>

#include "views/live/live_panels.hpp"
#include "views/live/live_view.hpp"
#include "views/live/questions_panel.hpp"
#include "views/views.hpp"
#include "widgets/text_wrap.hpp"
#include "widgets/theme.hpp"
#include "widgets/widgets.hpp"

namespace pycast::ui {

void questionBand(ViewContext& ctx, const SessionState& st, float width, bool compact) {
    // Only the question on air: an approved one at most, never one that waits for review.
    const LiveQuestion* q = st.questions ? st.questions->onAir() : nullptr;
    if (q == nullptr) return;
    const Show& show = ctx.live->controller.session()->show();
    ctx.requests.requestGlyphs(q->text);
    ctx.requests.requestGlyphs(q->name);
    const std::string asked = askedByLine(show, *q);
    ctx.requests.requestGlyphs(asked);
    ImFont* bold = ctx.fonts.font(FontRole::Bold);
    ImFont* small = ctx.fonts.font(FontRole::Small);
    const float pad = ImGui::GetFontSize() * 0.6f;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float textWidth = width - pad * 2;
    // Two lines of the bold font at most (one in a small window): the band must leave the
    // rundown and the questions their rows.
    const float lines = compact ? 1.0f : 2.0f;
    const FittedText fitted =
        fitTextInFont(bold, q->text, textWidth, bold->FontSize * 1.15f * lines,
                      bold->FontSize * 1.15f, small->FontSize);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(start.x + pad, start.y + pad * 0.6f));
    ImGui::BeginGroup();
    ImGui::PushFont(small);
    textColoured("QUESTION ON AIR", colours::kBad);
    ImGui::SameLine();
    textTruncated(asked, colours::kTextDim, textWidth - ImGui::GetCursorPosX());
    ImGui::PopFont();
    fittedTextItem(bold, fitted, q->text, textWidth, colours::kText);
    ImGui::EndGroup();
    const ImVec2 end(start.x + width, ImGui::GetItemRectMax().y + pad * 0.6f);
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(start, end, IM_COL32(62, 30, 32, 255), ImGui::GetStyle().FrameRounding);
    dl->AddRectFilled(start, ImVec2(start.x + pad * 0.35f, end.y), colours::kBad,
                      ImGui::GetStyle().FrameRounding);
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(start.x, end.y));
    ImGui::Dummy(ImVec2(width, 0));
    ImGui::Spacing();
}

}  // namespace pycast::ui
