// The timeline strip: the rundown to scale, coloured by kind, target/hard-out marks (UI thread).
#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/duration.hpp"
#include "editing/rundown_editor.hpp"
#include "widgets/theme.hpp"
#include "views/views.hpp"
#include "widgets/widgets.hpp"

namespace pycast::ui {

namespace {

struct Marker {
    float x;
    std::string label;
    ImU32 colour;
};

// A ruler step (seconds) that leaves at least minGap pixels between ticks.
Seconds rulerStep(Seconds span, float width, float minGap) {
    static constexpr Seconds kSteps[] = {60, 120, 300, 600, 900, 1800, 3600, 7200};
    for (Seconds step : kSteps) {
        if (width * static_cast<float>(step) / static_cast<float>(span) >= minGap) return step;
    }
    return 7200;
}

}  // namespace

void drawTimeline(ViewContext& ctx) {
    const Show& show = *ctx.document.show;
    const RundownAnalysis& analysis = *ctx.document.analysis;
    RundownViewState& state = ctx.ui.rundown;
    const ShowMeta& meta = show.meta;

    Seconds span = std::max<Seconds>({analysis.plannedTotal, meta.target, 1});
    const std::optional<Seconds> hardOutOffset = analysis.hardOutOffset;  // core/show_time.hpp
    if (hardOutOffset) span = std::max(span, *hardOutOffset);

    const float em = ImGui::GetFontSize();
    ImFont* small = ctx.fonts.font(FontRole::Small);
    const float smallSize = small ? small->FontSize : em * 0.8f;
    const float width = ImGui::GetContentRegionAvail().x;
    const float labelRow = smallSize + 4.0f;
    const float barHeight = em * 1.6f;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 barMin(origin.x, origin.y + labelRow);
    const ImVec2 barMax(origin.x + width, barMin.y + barHeight);
    auto xAt = [&](Seconds t) {
        return barMin.x + width * static_cast<float>(t) / static_cast<float>(span);
    };

    ImGui::InvisibleButton("##timeline", ImVec2(width, labelRow * 2 + barHeight));
    const bool hovered = ImGui::IsItemHovered();
    const bool clicked = ImGui::IsItemClicked(ImGuiMouseButton_Left);
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(barMin, barMax, colours::kTrack, 4.0f);

    // Segments: one block each, the title inside when it fits.
    const std::size_t count = std::min(show.rundown.size(), analysis.segments.size());
    for (std::size_t i = 0; i < count; ++i) {
        const Segment& seg = show.rundown[i];
        const SegmentTiming& timing = analysis.segments[i];
        const float x0 = xAt(timing.startOffset);
        const float x1 = std::max(x0 + 1.0f, xAt(timing.startOffset + timing.planned));
        const ImVec2 a(x0, barMin.y);
        const ImVec2 b(x1 - (x1 - x0 > 3.0f ? 1.0f : 0.0f), barMax.y);
        const bool over =
            hovered && mouse.x >= x0 && mouse.x < x1 && mouse.y >= barMin.y && mouse.y < barMax.y;
        dl->AddRectFilled(a, b, kindColour(seg.kind));
        if (over) dl->AddRectFilled(a, b, IM_COL32(255, 255, 255, 48));
        if (ctx.editor && ctx.editor->selectedSegmentId() == seg.id) {
            dl->AddRect(ImVec2(a.x, a.y - 1), ImVec2(b.x, b.y + 1), IM_COL32_WHITE, 0.0f, 0, 2.0f);
        }
        if (b.x - a.x > em * 2.5f && small) {
            const ImVec4 clip(a.x + 4, a.y, b.x - 3, b.y);
            dl->AddText(small, smallSize, ImVec2(a.x + 5, a.y + (barHeight - smallSize) * 0.5f),
                        kindTextColour(seg.kind), seg.title.c_str(), nullptr, 0.0f, &clip);
        }
        if (over) {
            ImGui::BeginTooltip();
            ImGui::TextUnformatted(seg.title.c_str());
            std::string when = formatDuration(timing.startOffset) + " – " +
                               formatDuration(timing.startOffset + timing.planned);
            if (timing.startTimeOfDay) {
                when += "   (" + formatTimeOfDay(*timing.startTimeOfDay) + " – " +
                        formatTimeOfDay(*timing.startTimeOfDay + timing.planned) + ")";
            }
            textColoured(std::string(kindLabel(seg.kind)) + " · " + formatDuration(seg.planned) +
                             " · " + when,
                         colours::kTextDim);
            ImGui::EndTooltip();
            if (clicked && ctx.editor) {
                const std::string id = seg.id;
                // After the frame, like the selection: the table below is drawn with the old one.
                ctx.editor->post([id, &state](RundownEditor& e) {
                    e.selectSegment(id);
                    state.scrollToSelected = true;
                });
            }
        }
    }

    // Ruler under the bar: clock times when the show has a start time, else offsets.
    // Ticks far enough apart for their widest label (a start at 19:59:30 labels every tick
    // with seconds).
    const std::string widestLabel = meta.startTime ? formatTimeOfDay(*meta.startTime + span) : formatDuration(span);
    const float labelWidth = small ? small->CalcTextSizeA(smallSize, 1e9f, 0.0f, widestLabel.c_str()).x : 0.0f;
    const Seconds step = rulerStep(span, width, std::max(em * 4.5f, labelWidth + em));
    float lastRulerEnd = -1e9f;
    for (Seconds t = 0; t <= span; t += step) {
        const float x = xAt(t);
        dl->AddLine(ImVec2(x, barMax.y), ImVec2(x, barMax.y + 4), colours::kTextDim);
        const std::string label =
            meta.startTime ? formatTimeOfDay(*meta.startTime + t) : formatDuration(t);
        const float w = small ? small->CalcTextSizeA(smallSize, 1e9f, 0.0f, label.c_str()).x : 0;
        const float lx = std::clamp(x - w * 0.5f, barMin.x, barMax.x - w);
        // The first and last labels are pushed inside the bar: one that would then touch its
        // neighbour is left out rather than drawn over it.
        if (lx < lastRulerEnd + em * 0.5f) continue;
        dl->AddText(small, smallSize, ImVec2(lx, barMax.y + 4), colours::kTextDim, label.c_str());
        lastRulerEnd = lx + w;
    }

    // Markers above the bar; labels that would collide are joined.
    std::vector<Marker> markers;
    if (meta.target > 0) {
        markers.push_back(
            {xAt(meta.target), "target " + formatDuration(meta.target), colours::kMarker});
    }
    if (hardOutOffset) {
        markers.push_back(
            {xAt(*hardOutOffset), "hard out " + formatTimeOfDay(*meta.hardOut), colours::kBad});
    }
    std::sort(markers.begin(), markers.end(),
              [](const Marker& l, const Marker& r) { return l.x < r.x; });
    float lastLabelEnd = -1e9f;
    std::string pending;
    for (std::size_t i = 0; i < markers.size(); ++i) {
        const Marker& m = markers[i];
        dl->AddLine(ImVec2(m.x, barMin.y - 3), ImVec2(m.x, barMax.y + 3), m.colour, 2.0f);
        const bool joinsNext = i + 1 < markers.size() && markers[i + 1].x - m.x < em * 9.0f;
        pending += pending.empty() ? m.label : " · " + m.label;
        if (joinsNext) continue;
        const float w = small ? small->CalcTextSizeA(smallSize, 1e9f, 0.0f, pending.c_str()).x : 0;
        float lx = std::clamp(m.x - w, barMin.x, barMax.x - w);
        lx = std::max(lx, lastLabelEnd + 8.0f);
        dl->AddText(small, smallSize, ImVec2(lx, origin.y), m.colour, pending.c_str());
        lastLabelEnd = lx + w;
        pending.clear();
    }
}

}  // namespace pycast::ui
