// The Rundown view: metadata header, segment table, timeline and totals beside (UI thread).
#include <imgui.h>

#include <algorithm>
#include <string>

#include "core/duration.hpp"
#include "editing/rundown_editor.hpp"
#include "widgets/theme.hpp"
#include "views/views.hpp"
#include "widgets/widgets.hpp"

namespace pycast::ui {

namespace {

// One labelled value of the header strip: a small dim label above the value.
void headerField(const ViewContext& ctx, const char* label, const std::string& value,
                 ImU32 colour = colours::kText) {
    ImGui::BeginGroup();
    ImGui::PushFont(ctx.fonts.font(FontRole::Small));
    textColoured(label, colours::kTextDim);
    ImGui::PopFont();
    if (value.empty()) {
        textColoured("—", colours::kTextDim);
    } else {
        textColoured(value, colour);
    }
    ImGui::EndGroup();
    ImGui::SameLine(0.0f, ImGui::GetFontSize() * 2.2f);
}

}  // namespace

void drawShowHeader(ViewContext& ctx) {
    const ShowMeta& meta = ctx.document.show->meta;
    ImGui::PushFont(ctx.fonts.font(FontRole::Heading));
    textColoured(meta.title.empty() ? std::string("(untitled show)") : meta.title, colours::kText);
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(0, 2));

    headerField(ctx, "SERIES", meta.series);
    headerField(ctx, "KIND", showKindLabel(meta.kind));
    headerField(ctx, "EPISODE", meta.episode ? std::to_string(*meta.episode) : std::string());
    headerField(ctx, "DATE", meta.date);
    headerField(ctx, "LANGUAGE", meta.language);
    headerField(ctx, "TARGET", meta.target > 0 ? formatDuration(meta.target) : std::string());
    headerField(ctx, "START", meta.startTime ? formatTimeOfDay(*meta.startTime) : std::string());
    headerField(ctx, "HARD OUT", meta.hardOut ? formatTimeOfDay(*meta.hardOut) : std::string());
    ImGui::NewLine();
}

const RundownColumnTexts& rundownColumnTexts(const Document& document, RundownViewState& state) {
    RundownColumnTexts& texts = state.columnTexts;
    if (texts.analysisStamp == document.analysisStamp && texts.analysisStamp != 0) return texts;
    LongestText offset, clock, length, fixedAt;
    if (document.show && document.analysis) {
        const Show& show = *document.show;
        const RundownAnalysis& analysis = *document.analysis;
        for (std::size_t i = 0; i < show.rundown.size(); ++i) {
            const Segment& seg = show.rundown[i];
            if (i < analysis.segments.size()) {
                const SegmentTiming& t = analysis.segments[i];
                offset.consider(formatDuration(t.startOffset));
                if (t.startTimeOfDay) clock.consider(formatTimeOfDay(*t.startTimeOfDay));
            }
            length.consider(formatDuration(seg.planned));
            if (seg.fixedStart) fixedAt.consider(formatTimeOfDay(*seg.fixedStart));
        }
    }
    texts = {document.analysisStamp, std::move(offset.text), std::move(clock.text), std::move(length.text),
             std::move(fixedAt.text)};
    return texts;
}

void drawRundownTable(ViewContext& ctx, float height) {
    const Show& show = *ctx.document.show;
    const RundownAnalysis& analysis = *ctx.document.analysis;
    RundownViewState& state = ctx.ui.rundown;
    const bool hasClock = show.meta.startTime.has_value();
    const std::string selectedId = ctx.editor ? ctx.editor->selectedSegmentId() : std::string();

    enum Column { Number, Start, Clock, Title, Kind, Planned, Speakers, Notes, Fixed, Elastic };
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_BordersOuterH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_Resizable | ImGuiTableFlags_Hideable |
                                  ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX;
    const float width = ImGui::GetContentRegionAvail().x;
    if (!ImGui::BeginTable("rundown", 10, flags, ImVec2(width, height))) return;

    // Columns of times, lengths and kinds are as wide as their widest text (measured).
    const RundownColumnTexts& longest = rundownColumnTexts(ctx.document, ctx.ui.rundown);
    const ImGuiTableColumnFlags fixed = ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoResize;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("#", fixed | ImGuiTableColumnFlags_NoHide,
                            widestText({"#", std::to_string(show.rundown.size())}));
    ImGui::TableSetupColumn("Start", fixed, widestText({"Start", longest.offset}));
    ImGui::TableSetupColumn("Clock", fixed | (hasClock ? 0 : ImGuiTableColumnFlags_Disabled),
                            widestText({"Clock", longest.clock}));
    ImGui::TableSetupColumn(
        "Title", ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_NoHide, 3.6f);
    ImGui::TableSetupColumn("Kind", fixed, std::max(widestText({"Kind"}), widestKindChip()));
    ImGui::TableSetupColumn("Planned", fixed, widestText({"Planned", longest.length}));
    ImGui::TableSetupColumn("Speakers", ImGuiTableColumnFlags_WidthStretch, 2.4f);
    ImGui::TableSetupColumn("Notes", ImGuiTableColumnFlags_WidthStretch, 1.8f);
    ImGui::TableSetupColumn("Fixed", fixed, widestText({"Fixed", longest.fixedAt}));
    ImGui::TableSetupColumn("Elastic", fixed, widestText({"Elastic", "✓ elastic"}));
    ImGui::TableHeadersRow();

    if (state.scrollToSelected) {
        const int index = show.segmentIndex(selectedId);
        if (index >= 0) {
            const float rowHeight =
                ImGui::GetTextLineHeight() + ImGui::GetStyle().CellPadding.y * 2;
            const float visible = ImGui::GetWindowHeight() - rowHeight;
            ImGui::SetScrollY(
                std::max(0.0f, static_cast<float>(index) * rowHeight - visible * 0.4f));
        }
        state.scrollToSelected = false;
    }

    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(show.rundown.size()));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const auto i = static_cast<std::size_t>(row);
            const Segment& seg = show.rundown[i];
            const SegmentTiming* timing =
                i < analysis.segments.size() ? &analysis.segments[i] : nullptr;
            ImGui::PushID(seg.id.c_str());
            ImGui::TableNextRow();

            ImGui::TableSetColumnIndex(Number);
            const bool selected = selectedId == seg.id;
            if (ImGui::Selectable(
                    "##row", selected,
                    ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap) &&
                ctx.editor) {
                const std::string id = seg.id;
                ctx.editor->post([id](RundownEditor& e) { e.selectSegment(id); });
            }
            ImGui::SameLine(0.0f, 0.0f);
            textColoured(std::to_string(row + 1), colours::kTextDim);

            if (ImGui::TableSetColumnIndex(Start) && timing) {
                textColoured(formatDuration(timing->startOffset), colours::kTextDim);
            }
            if (ImGui::TableSetColumnIndex(Clock) && timing && timing->startTimeOfDay) {
                textColoured(formatTimeOfDay(*timing->startTimeOfDay), colours::kText);
            }
            if (ImGui::TableSetColumnIndex(Title)) {
                textTruncated(seg.title.empty() ? std::string("(untitled)") : seg.title,
                              seg.title.empty() ? colours::kTextDim : 0);
            }
            if (ImGui::TableSetColumnIndex(Kind)) {
                chip(kindLabel(seg.kind), kindColour(seg.kind), kindTextColour(seg.kind));
            }
            if (ImGui::TableSetColumnIndex(Planned)) {
                const std::string planned = formatDuration(seg.planned);
                alignRight(planned);
                textColoured(planned, colours::kText);
            }
            if (ImGui::TableSetColumnIndex(Speakers)) {
                bool unknown = false;
                const std::string speakers = speakersText(show, seg, true, unknown);
                textTruncated(speakers, unknown ? colours::kWarning : 0);
            }
            if (ImGui::TableSetColumnIndex(Notes)) textTruncated(seg.notes, colours::kTextDim);
            if (ImGui::TableSetColumnIndex(Fixed) && seg.fixedStart) {
                const bool missed = timing && timing->fixedStartMissed;
                textColoured(formatTimeOfDay(*seg.fixedStart),
                             missed ? colours::kBad : colours::kText);
                if (missed && ImGui::IsItemHovered()) {
                    std::string tip = "Planned to start after its fixed start";
                    if (timing->startTimeOfDay) {
                        tip += " (" + formatTimeOfDay(*timing->startTimeOfDay) + " vs " +
                               formatTimeOfDay(*seg.fixedStart) + ")";
                    }
                    ImGui::SetTooltip("%s", tip.c_str());
                }
            }
            if (ImGui::TableSetColumnIndex(Elastic) && seg.elastic) {
                textColoured("✓ elastic", colours::kAccent);
            }
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

void drawRundownView(ViewContext& ctx) {
    const Document& doc = ctx.document;
    if (!doc.show || !doc.analysis) {
        textColoured("No show is loaded.", colours::kTextDim);
        return;
    }
    drawShowHeader(ctx);
    ImGui::Spacing();
    if (ctx.ui.rundown.showTimeline) {
        drawTimeline(ctx);
        ImGui::Spacing();
    }

    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float em = ImGui::GetFontSize();
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float sideWidth =
        ctx.ui.rundown.showTotals ? std::clamp(avail.x * 0.25f, em * 18.0f, em * 26.0f) : 0.0f;

    const float tableWidth = avail.x - sideWidth - (sideWidth > 0 ? spacing : 0.0f);
    ImGui::BeginChild("##table-area", ImVec2(tableWidth, avail.y), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground);
    drawRundownTable(ctx, ImGui::GetContentRegionAvail().y);
    ImGui::EndChild();

    if (sideWidth > 0) {
        ImGui::SameLine(0.0f, spacing);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em * 0.9f, em * 0.6f));
        ImGui::BeginChild("##totals", ImVec2(sideWidth, avail.y), false,
                          ImGuiWindowFlags_AlwaysUseWindowPadding);
        drawTotals(ctx);
        ImGui::EndChild();
        ImGui::PopStyleVar();
    }
}

}  // namespace pycast::ui
