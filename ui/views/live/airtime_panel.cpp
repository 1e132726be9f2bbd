// Actual airtime beside the plan, per speaker and per company (UI thread).
#include "views/live/airtime_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "core/duration.hpp"
#include "live/report.hpp"
#include "widgets/theme.hpp"
#include "widgets/widgets.hpp"

namespace pycast::ui {

namespace {

double percent(std::int64_t part, std::int64_t whole) {
    return whole > 0 ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

// Most actual talk first; ties keep the plan's order (stable).
void byActual(std::vector<AirtimeRow>& rows) {
    std::stable_sort(rows.begin(), rows.end(), [](const AirtimeRow& a, const AirtimeRow& b) {
        return a.actualMs > b.actualMs;
    });
}

}  // namespace

AirtimeTable airtimeTable(const Show& show, const RundownAnalysis& plan,
                          const media::RecorderSetup& setup, const media::RecorderStatus& status) {
    // The same table as the report's (live/report.hpp buildTalkReport), from the live totals.
    std::vector<TrackTalk> talk;
    for (std::size_t i = 0; i < status.tracks.size(); ++i) {
        const std::string person = i < setup.tracks.size() ? setup.tracks[i].person : std::string();
        talk.push_back({show.findPerson(person) ? person : std::string(), status.tracks[i].name,
                        std::max<std::int64_t>(status.tracks[i].talkMs, 0)});
    }
    const TalkReport report = buildTalkReport(show, talk);
    AirtimeTable out;
    out.limit = report.maxCompanyShare;
    for (const TalkReportRow& r : report.speakers) {
        if (!show.findPerson(r.key)) {   // a track bound to nobody
            out.unmappedMs += r.talkMs;
            continue;
        }
        out.totalMs += r.talkMs;
        out.speakers.push_back({r.key, r.name, r.talkMs, r.plannedMs / 1000, 0.0, r.plannedShare,
                                false, false});
    }
    for (AirtimeRow& r : out.speakers) r.actualShare = percent(r.actualMs, out.totalMs);
    byActual(out.speakers);
    for (const TalkReportRow& c : report.companies) {
        out.guestMs += c.talkMs;
        const auto planned = std::find_if(plan.perCompany.begin(), plan.perCompany.end(),
                                          [&](const Airtime& a) { return a.key == c.key; });
        out.companies.push_back({c.key, c.name, c.talkMs, c.plannedMs / 1000, c.share,
                                 c.plannedShare, c.overLimit,
                                 planned != plan.perCompany.end() && planned->overLimit});
    }
    return out;
}

std::string talkTimeText(std::int64_t ms) {
    // The app's one way of writing a length (core/duration.hpp).
    return formatDurationMs(std::max<std::int64_t>(ms, 0));
}

namespace {

// One share bar: actual filled, the plan's share as a marker, the limit as a red tick.
void shareBar(double actual, double planned, double limit, bool over, float width, float height) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float y = p.y + std::floor((ImGui::GetTextLineHeight() - height) * 0.5f);
    dl->AddRectFilled(ImVec2(p.x, y), ImVec2(p.x + width, y + height), colours::kTrack);
    const auto at = [&](double pct) {
        return std::floor(p.x + width * static_cast<float>(std::clamp(pct, 0.0, 100.0) / 100.0));
    };
    dl->AddRectFilled(ImVec2(p.x, y), ImVec2(at(actual), y + height),
                      over ? colours::kBad : colours::kAccent);
    if (planned > 0.0)
        dl->AddRectFilled(ImVec2(at(planned) - 1, y - 2), ImVec2(at(planned) + 1, y + height + 2),
                          colours::kMarker);
    if (limit > 0.0)
        dl->AddRectFilled(ImVec2(at(limit) - 1, y - 2), ImVec2(at(limit) + 1, y + height + 2),
                          IM_COL32(248, 81, 73, 160));
    ImGui::Dummy(ImVec2(width, ImGui::GetTextLineHeight()));
}

void table(const char* id, const char* heading, const std::vector<AirtimeRow>& rows, double limit,
           float width) {
    if (rows.empty()) return;
    const float f = ImGui::GetFontSize();
    const ImGuiTableFlags flags =
        ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg | ImGuiTableFlags_NoHostExtendX;
    if (!ImGui::BeginTable(id, 5, flags, ImVec2(width, 0))) return;
    ImGui::TableSetupColumn(heading, ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Actual", ImGuiTableColumnFlags_WidthFixed,
                            widestText({"Actual", "00:00:00"}));
    ImGui::TableSetupColumn("Planned", ImGuiTableColumnFlags_WidthFixed,
                            widestText({"Planned", "00:00:00"}));
    ImGui::TableSetupColumn("Share", ImGuiTableColumnFlags_WidthFixed, f * 7.5f);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, widestText({"100%  over"}));
    ImGui::TableHeadersRow();
    for (const AirtimeRow& r : rows) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        textTruncated(r.label);
        ImGui::TableNextColumn();
        textColoured(talkTimeText(r.actualMs), r.overLimit ? colours::kBad : colours::kText);
        ImGui::TableNextColumn();
        textColoured(
            r.plannedSeconds > 0 ? talkTimeText(r.plannedSeconds * 1000) : std::string("—"),
            colours::kTextDim);
        ImGui::TableNextColumn();
        shareBar(r.actualShare, r.plannedShare, limit, r.overLimit, f * 7.0f,
                 std::max(4.0f, std::floor(f * 0.45f)));
        ImGui::TableNextColumn();
        const std::string pct = std::to_string(static_cast<int>(std::lround(r.actualShare))) + "%";
        if (r.overLimit) {
            textColoured(pct + "  over", colours::kBad);
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("Over the show's limit of %.0f%% of the guests' airtime", limit);
        } else {
            textColoured(pct, colours::kTextDim);
        }
    }
    ImGui::EndTable();
}

}  // namespace

void airtimePanel(const AirtimeTable& t, float width) {
    // Companies first: the limit is what the organisers watch, and the list is short.
    table("##airtime-companies", "Company (guests)", t.companies, t.limit, width);
    ImGui::Spacing();
    table("##airtime-speakers", "Speaker", t.speakers, 0.0, width);
    if (t.unmappedMs > 0)
        textColoured("Talk on tracks with no person: " + talkTimeText(t.unmappedMs),
                     colours::kTextDim);
    textColoured("Bar: actual share · white tick: planned share · red tick: the company limit (" +
                     std::to_string(static_cast<int>(std::lround(t.limit))) + "%)",
                 colours::kTextDim);
}

}  // namespace pycast::ui
