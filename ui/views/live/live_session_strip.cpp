// The Live tab's session strip (folder, control API, token) and its notices (UI thread).
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

#include "core/duration.hpp"
#include "live/session_json.hpp"  // formatTimeOfDayMs
#include "widgets/theme.hpp"
#include "views/live/live_format.hpp"
#include "views/live/live_panels.hpp"
#include "views/live/live_view.hpp"
#include "views/views.hpp"
#include "widgets/widgets.hpp"

namespace pycast::ui {

namespace {

// Continues the line with an item `width` wide, or starts a new line when it would not fit:
// on a narrow window the strip wraps rather than cutting the token or a button off.
void flow(float width, float spacing = -1.0f) {
    ImGui::SameLine(0.0f, spacing);
    if (ImGui::GetContentRegionAvail().x < width) ImGui::NewLine();
}

float buttonWidth(const char* label) {
    return ImGui::CalcTextSize(label).x + ImGui::GetStyle().FramePadding.x * 2.0f;
}

}  // namespace

void sessionStrip(ViewContext& ctx) {
    LiveContext& live = *ctx.live;
    const Session& session = *live.controller.session();
    const LiveApiInfo& api = live.controller.api();
    ImGui::PushFont(ctx.fonts.font(FontRole::Small));
    const std::string dir = session.dir().string();
    ctx.requests.requestGlyphs(dir);
    textColoured("SESSION", colours::kTextDim);
    ImGui::SameLine();
    textTruncated(dir, colours::kText);
    flow(ImGui::CalcTextSize("CONTROL API").x, ImGui::GetFontSize() * 2);
    textColoured("CONTROL API", colours::kTextDim);
    if (api.running) {
        flow(ImGui::CalcTextSize(api.url.c_str()).x);
        textColoured(api.url, colours::kText);
        flow(ImGui::CalcTextSize(("token " + api.token).c_str()).x);
        textColoured("token", colours::kTextDim);
        ImGui::SameLine();
        textColoured(api.token, colours::kText);
        flow(buttonWidth("Copy token"));
        if (ImGui::SmallButton("Copy token")) {
            ImGui::SetClipboardText(api.token.c_str());
            live.view.copiedNote = "Token copied";
            live.view.copiedAt = ImGui::GetTime();
        }
        flow(buttonWidth("Copy curl"));
        if (ImGui::SmallButton("Copy curl")) {
            const std::string curl = "curl -s -X POST -H 'Authorization: Bearer " + api.token +
                                     "' " + api.url + "/api/next";
            ImGui::SetClipboardText(curl.c_str());
            live.view.copiedNote = "A curl command for Next copied";
            live.view.copiedAt = ImGui::GetTime();
        }
        if (ImGui::GetTime() - live.view.copiedAt < 3.0) {
            flow(ImGui::CalcTextSize(live.view.copiedNote.c_str()).x);
            textColoured(live.view.copiedNote, colours::kGood);
            ctx.requests.requestFrameRate(2.0);  // so the note goes away on its own
        }
    } else {
        const char* state = session.runner().phase() == RunPhase::Ended ? "off (the show has ended)"
                            : api.error.empty()                         ? "off"
                                                                        : "not running";
        flow(ImGui::CalcTextSize(state).x);
        textColoured(state, colours::kTextDim);
    }
    // The session's files are what an export reads: from here on the editor's work begins.
    // While a take records its tracks are still growing: the export waits for Stop.
    const bool recording = session.recording().recording();
    flow(buttonWidth("Export…"), ImGui::GetFontSize() * 2);
    ImGui::BeginDisabled(recording);
    if (ImGui::SmallButton("Export…")) ctx.requests.exportEpisode = session.dir();
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip(recording ? "Stop the recording first: an export reads the finished tracks"
                                    : "Export this session as an episode (Ctrl+E)");
    ImGui::PopFont();
}

void noticesPanel(ViewContext& ctx) {
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

}  // namespace pycast::ui
