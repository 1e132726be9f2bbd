// The Rundown tab as an editor: toolbar, a table whose rows drag to reorder, the inspector and
// the live totals beside it, and the keyboard shortcuts for segments (UI thread).
#include <imgui.h>
#include <imgui_internal.h>  // ImGuiItemFlags_NoNav, NavWindowingToggleLayer

#include <algorithm>
#include <string>

#include "core/duration.hpp"
#include "editing/rundown_editor.hpp"
#include "views/rundown/editor_view.hpp"
#include "widgets/theme.hpp"
#include "views/views.hpp"
#include "widgets/widgets.hpp"

namespace pycast::ui {

namespace {

constexpr const char* kSegmentPayload = "PYCAST_SEGMENT";

// Below this width (in font sizes; about 1100 px) the totals move into the inspector.
constexpr float kWideLayoutEm = 68.0f;

bool keyPressed(ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), true); }

// A toolbar button with its shortcut in the tooltip; disabled buttons still explain themselves.
bool toolButton(const char* label, const char* tooltip, bool enabled = true) {
    ImGui::BeginDisabled(!enabled);
    const bool clicked = ImGui::Button(label);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", tooltip);
    return clicked;
}

void toolbarSeparator() {
    ImGui::SameLine();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetFrameHeight();
    ImGui::GetWindowDrawList()->AddLine(ImVec2(p.x, p.y + 4), ImVec2(p.x, p.y + h - 4),
                                        ImGui::GetColorU32(ImGuiCol_Separator));
    ImGui::Dummy(ImVec2(1, h));
    ImGui::SameLine();
}

void drawToolbar(ViewContext& ctx, RundownEditor& ed) {
    const Document& doc = ctx.document;
    const bool hasSelection = ed.selectedSegment() != nullptr;
    const int index = ed.selectedIndex();
    const int count = static_cast<int>(doc.show->rundown.size());

    if (toolButton("+ Add", "Add a segment below the selection  (Insert, Ctrl+Enter)")) {
        ed.post([](RundownEditor& e) { e.addSegment(InsertWhere::Below); });
    }
    ImGui::SameLine();
    if (toolButton("Insert above", "Add a segment above the selection  (Ctrl+Shift+Enter)", hasSelection)) {
        ed.post([](RundownEditor& e) { e.addSegment(InsertWhere::Above); });
    }
    ImGui::SameLine();
    if (toolButton("Duplicate", "Copy the selected segment below it  (Ctrl+D)", hasSelection)) {
        ed.post([](RundownEditor& e) { e.duplicateSelected(); });
    }
    ImGui::SameLine();
    if (toolButton("Delete", "Delete the selected segment  (Delete)", hasSelection)) {
        ed.post([](RundownEditor& e) { e.deleteSelected(); });
    }
    toolbarSeparator();
    if (toolButton("↑ Up", "Move the selected segment up  (Alt+Up, or drag the row)", index > 0)) {
        ed.post([](RundownEditor& e) { e.moveSelected(-1); });
    }
    ImGui::SameLine();
    if (toolButton("↓ Down", "Move the selected segment down  (Alt+Down, or drag the row)",
                   index >= 0 && index + 1 < count)) {
        ed.post([](RundownEditor& e) { e.moveSelected(1); });
    }
    toolbarSeparator();
    const std::string undoTip = ed.canUndo() ? "Undo " + doc.history.undoLabel() + "  (Ctrl+Z)"
                                             : std::string("Nothing to undo");
    if (toolButton("Undo", undoTip.c_str(), ed.canUndo())) ed.post([](RundownEditor& e) { e.undo(); });
    ImGui::SameLine();
    const std::string redoTip = ed.canRedo() ? "Redo " + doc.history.redoLabel() + "  (Ctrl+Shift+Z)"
                                             : std::string("Nothing to redo");
    if (toolButton("Redo", redoTip.c_str(), ed.canRedo())) ed.post([](RundownEditor& e) { e.redo(); });

    // Right: what the rundown adds up to, always in view while editing; shorter forms when the
    // window is narrow, so it is never cut at the edge.
    if (doc.analysis) {
        const RundownAnalysis& a = *doc.analysis;
        const std::string segments = std::to_string(count) + (count == 1 ? " segment · " : " segments · ");
        std::string total = formatDuration(a.plannedTotal);
        std::string verdict;
        ImU32 colour = colours::kTextDim;
        if (a.target > 0) {
            total += " of " + formatDuration(a.target);
            if (a.overUnder > 0) {
                verdict = "  (" + formatDuration(a.overUnder) + " over)";
                colour = colours::kBad;
            } else if (a.overUnder < 0) {
                verdict = "  (" + formatDuration(-a.overUnder) + " under)";
                colour = colours::kWarning;
            } else {
                colour = colours::kGood;
            }
        }
        ImGui::SameLine();
        const float room = ImGui::GetContentRegionAvail().x;
        std::string summary;
        for (const std::string& candidate : {segments + total + verdict, total + verdict, total}) {
            summary = candidate;
            if (ImGui::CalcTextSize(candidate.c_str()).x <= room) break;
        }
        ImGui::AlignTextToFramePadding();
        alignRight(summary);
        textColoured(summary, colour);
        if (ImGui::IsItemHovered()) {
            ImGui::SetTooltip("%s", (segments + total + verdict).c_str());
        }
    }
}

// Segment shortcuts. Keys that also edit text (Delete, arrows, Enter) only act when the table
// (or the toolbar) has the keyboard, never while a field is being typed into.
void handleShortcuts(RundownEditor& ed, bool tableHasKeys) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;
    if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel)) return;
    const bool ctrl = io.KeyCtrl;
    const bool shift = io.KeyShift;
    const bool alt = io.KeyAlt;
    const bool enter = keyPressed(ImGuiKey_Enter) || keyPressed(ImGuiKey_KeyPadEnter);

    if (ctrl && !shift && !alt && ImGui::IsKeyPressed('D', false)) {
        ed.post([](RundownEditor& e) { e.duplicateSelected(); });
    }
    if ((keyPressed(ImGuiKey_Insert) && !ctrl && !alt) || (ctrl && !alt && enter)) {
        const InsertWhere where = shift ? InsertWhere::Above : InsertWhere::Below;
        ed.post([where](RundownEditor& e) { e.addSegment(where); });
    }
    if (alt && !ctrl && (keyPressed(ImGuiKey_UpArrow) || keyPressed(ImGuiKey_DownArrow))) {
        const int delta = keyPressed(ImGuiKey_UpArrow) ? -1 : 1;
        ed.post([delta](RundownEditor& e) { e.moveSelected(delta); });
        // Letting go of Alt would otherwise move the keyboard to the menu bar.
        ImGui::GetCurrentContext()->NavWindowingToggleLayer = false;
    }
    if (!tableHasKeys || ctrl || alt) return;
    if (keyPressed(ImGuiKey_Delete)) ed.post([](RundownEditor& e) { e.deleteSelected(); });
    if (keyPressed(ImGuiKey_UpArrow)) ed.post([](RundownEditor& e) { e.selectRelative(-1); });
    if (keyPressed(ImGuiKey_DownArrow)) ed.post([](RundownEditor& e) { e.selectRelative(1); });
    if (keyPressed(ImGuiKey_Home)) ed.post([](RundownEditor& e) { e.selectRelative(-1'000'000); });
    if (keyPressed(ImGuiKey_End)) ed.post([](RundownEditor& e) { e.selectRelative(1'000'000); });
    if (enter && !shift) {
        ed.state().focusField = "title";
        ed.state().showPage = InspectorPage::Segment;
    }
}

// Where a row dropped on `row` goes: above it or below it, by which half the pointer is in.
int dropIndex(int from, int row, bool above) {
    const int gap = above ? row : row + 1;  // the gap between rows the segment lands in
    return gap > from ? gap - 1 : gap;
}

void rowContextMenu(RundownEditor& ed, const std::string& id, int row, int count) {
    if (!ImGui::BeginPopupContextItem("##row-menu")) return;
    if (ImGui::IsWindowAppearing()) ed.post([id](RundownEditor& e) { e.selectSegment(id); });
    if (ImGui::MenuItem("Insert above", "Ctrl+Shift+Enter")) {
        ed.post([](RundownEditor& e) { e.addSegment(InsertWhere::Above); });
    }
    if (ImGui::MenuItem("Add below", "Ctrl+Enter")) {
        ed.post([](RundownEditor& e) { e.addSegment(InsertWhere::Below); });
    }
    if (ImGui::MenuItem("Duplicate", "Ctrl+D")) ed.post([](RundownEditor& e) { e.duplicateSelected(); });
    ImGui::Separator();
    if (ImGui::MenuItem("Move up", "Alt+Up", false, row > 0)) {
        ed.post([](RundownEditor& e) { e.moveSelected(-1); });
    }
    if (ImGui::MenuItem("Move down", "Alt+Down", false, row + 1 < count)) {
        ed.post([](RundownEditor& e) { e.moveSelected(1); });
    }
    ImGui::Separator();
    if (ImGui::MenuItem("Delete", "Delete")) ed.post([](RundownEditor& e) { e.deleteSelected(); });
    ImGui::EndPopup();
}

// Scrolls the table's window so the selected row is in view: minimally (a move, a key), or
// with the row placed 40% down (a jump from the timeline).
void scrollToSelection(ViewContext& ctx, RundownEditor& ed, float rowHeight, float headerHeight) {
    RundownViewState& state = ctx.ui.rundown;
    EditorState& es = ed.state();
    if (!state.scrollToSelected && !es.ensureSelectedVisible) return;
    const int index = ed.selectedIndex();
    if (index >= 0) {
        const float top = static_cast<float>(index) * rowHeight;
        const float visible = std::max(rowHeight, ImGui::GetWindowHeight() - headerHeight);
        const float scroll = ImGui::GetScrollY();
        if (state.scrollToSelected) {
            ImGui::SetScrollY(std::max(0.0f, top - visible * 0.4f));
        } else if (top < scroll) {
            ImGui::SetScrollY(top);
        } else if (top + rowHeight > scroll + visible) {
            ImGui::SetScrollY(top + rowHeight - visible);
        }
    }
    state.scrollToSelected = false;
    es.ensureSelectedVisible = false;
}

void drawEditorTable(ViewContext& ctx, RundownEditor& ed, float height) {
    const Show& show = *ctx.document.show;
    const RundownAnalysis& analysis = *ctx.document.analysis;
    const bool hasClock = show.meta.startTime.has_value();
    const bool anyFixed = std::any_of(show.rundown.begin(), show.rundown.end(),
                                      [](const Segment& s) { return s.fixedStart.has_value(); });

    enum Column { Number, Start, Title, Kind, Planned, Speakers, Notes, Fixed };
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_BordersOuterH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_Resizable | ImGuiTableFlags_Hideable |
                                  ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable("editor-rundown", 8, flags, ImVec2(ImGui::GetContentRegionAvail().x, height))) {
        return;
    }
    const float em = ImGui::GetFontSize();
    // Columns of times, lengths and kinds are as wide as their widest text (measured, never
    // guessed), and follow it when it changes: a start of 20:14:30 is shown whole.
    const RundownColumnTexts& longest = rundownColumnTexts(ctx.document, ctx.ui.rundown);
    const char* startHeader = hasClock ? "Start" : "Offset";
    const ImGuiTableColumnFlags fixed = ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoResize;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("#", fixed | ImGuiTableColumnFlags_NoHide,
                            widestText({"#", std::to_string(show.rundown.size())}));
    ImGui::TableSetupColumn(startHeader, fixed, widestText({startHeader, hasClock ? longest.clock : longest.offset}));
    ImGui::TableSetupColumn("Title", ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_NoHide, 4.0f);
    ImGui::TableSetupColumn("Kind", fixed, std::max(widestText({"Kind"}), widestKindChip()));
    ImGui::TableSetupColumn("Length", fixed, widestText({"Length", longest.length}));
    ImGui::TableSetupColumn("Speakers", ImGuiTableColumnFlags_WidthStretch, 1.8f);
    ImGui::TableSetupColumn("Notes", ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_DefaultHide, 1.6f);
    ImGui::TableSetupColumn("Fixed", fixed | (anyFixed ? 0 : ImGuiTableColumnFlags_Disabled),
                            widestText({"Fixed", longest.fixedAt}));
    // Arrow keys are the table's own (they select rows): keep ImGui's navigation out of it.
    ImGui::PushItemFlag(ImGuiItemFlags_NoNav, true);
    ImGui::TableHeadersRow();
    ImGui::PopItemFlag();

    const float rowHeight = ImGui::GetTextLineHeight() + ImGui::GetStyle().CellPadding.y * 2;
    scrollToSelection(ctx, ed, rowHeight, rowHeight);

    const ImGuiPayload* dragging = ImGui::GetDragDropPayload();
    const bool draggingSegment = dragging != nullptr && dragging->IsDataType(kSegmentPayload);
    if (draggingSegment) {
        // Near the top or bottom edge while dragging: scroll, so a row can travel anywhere.
        const float y = ImGui::GetIO().MousePos.y;
        const float top = ImGui::GetWindowPos().y + rowHeight;
        const float bottom = ImGui::GetWindowPos().y + ImGui::GetWindowHeight();
        const float edge = rowHeight * 1.5f;
        const float speed = rowHeight * 40.0f * ImGui::GetIO().DeltaTime;
        if (y > top - rowHeight && y < top + edge) ImGui::SetScrollY(ImGui::GetScrollY() - speed);
        if (y < bottom + rowHeight && y > bottom - edge) ImGui::SetScrollY(ImGui::GetScrollY() + speed);
    }
    const ImVec2 clipMin = ImGui::GetWindowPos();
    const ImVec2 clipMax(clipMin.x + ImGui::GetWindowWidth(), clipMin.y + ImGui::GetWindowHeight());

    const int count = static_cast<int>(show.rundown.size());
    ImGuiListClipper clipper;
    clipper.Begin(count, rowHeight);
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const auto i = static_cast<std::size_t>(row);
            const Segment& seg = show.rundown[i];
            const SegmentTiming* timing = i < analysis.segments.size() ? &analysis.segments[i] : nullptr;
            ImGui::PushID(seg.id.c_str());
            ImGui::TableNextRow(0, rowHeight);

            ImGui::TableSetColumnIndex(Number);
            const bool selected = ed.selectedSegmentId() == seg.id;
            // The row is one big selectable: click to select, double-click to edit the title,
            // drag to move, right-click for the menu. Keyboard navigation is ours (arrows select).
            ImGui::PushItemFlag(ImGuiItemFlags_NoNav, true);
            const bool clicked = ImGui::Selectable(
                "##row", selected,
                ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowItemOverlap |
                    ImGuiSelectableFlags_AllowDoubleClick,
                ImVec2(0, rowHeight - ImGui::GetStyle().CellPadding.y * 2));
            ImGui::PopItemFlag();
            if (clicked) {
                const std::string id = seg.id;
                ed.post([id](RundownEditor& e) { e.selectSegment(id); });
                ed.state().showPage = InspectorPage::Segment;
                if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
                    // Double-click a cell: edit that field in the inspector.
                    const int column = ImGui::TableGetHoveredColumn();
                    ed.state().focusField = column == Planned ? "planned"
                                            : column == Fixed ? "fixed"
                                            : column == Notes ? "notes"
                                                              : "title";
                }
            }
            if (ImGui::BeginDragDropSource()) {
                ImGui::SetDragDropPayload(kSegmentPayload, seg.id.c_str(), seg.id.size() + 1);
                textColoured("Move", colours::kTextDim);
                ImGui::SameLine();
                ImGui::TextUnformatted(segmentTitleOrUntitled(seg).c_str());
                ImGui::EndDragDropSource();
            }
            if (ImGui::BeginDragDropTarget()) {
                const ImGuiDragDropFlags acceptFlags =
                    ImGuiDragDropFlags_AcceptBeforeDelivery | ImGuiDragDropFlags_AcceptNoDrawDefaultRect;
                if (const ImGuiPayload* payload = ImGui::AcceptDragDropPayload(kSegmentPayload, acceptFlags)) {
                    const ImVec2 min = ImGui::GetItemRectMin();
                    const ImVec2 max = ImGui::GetItemRectMax();
                    const bool above = ImGui::GetIO().MousePos.y < (min.y + max.y) * 0.5f;
                    const float y = above ? min.y - 1.0f : max.y + 1.0f;
                    ImDrawList* fg = ImGui::GetForegroundDrawList();
                    fg->PushClipRect(clipMin, clipMax);
                    fg->AddLine(ImVec2(clipMin.x + 2, y), ImVec2(clipMax.x - 2, y), colours::kAccent, 3.0f);
                    fg->PopClipRect();
                    if (payload->IsDelivery()) {
                        const std::string id(static_cast<const char*>(payload->Data));
                        const int from = show.segmentIndex(id);
                        if (from >= 0) {
                            const int to = dropIndex(from, row, above);
                            ed.post([id, to](RundownEditor& e) { e.moveSegment(id, to); });
                        }
                    }
                }
                ImGui::EndDragDropTarget();
            }
            rowContextMenu(ed, seg.id, row, count);
            ImGui::SameLine(0.0f, 0.0f);
            textColoured(std::to_string(row + 1), colours::kTextDim);

            if (ImGui::TableSetColumnIndex(Start) && timing) {
                if (timing->startTimeOfDay) {
                    ImGui::TextUnformatted(formatTimeOfDay(*timing->startTimeOfDay).c_str());
                } else {
                    textColoured(formatDuration(timing->startOffset), colours::kTextDim);
                }
                if (ImGui::IsItemHovered()) {
                    ImGui::SetTooltip("%s from the start", formatDuration(timing->startOffset).c_str());
                }
            }
            if (ImGui::TableSetColumnIndex(Title)) {
                const float badge = seg.elastic ? ImGui::CalcTextSize(" elastic").x + em * 0.6f : 0.0f;
                textTruncated(segmentTitleOrUntitled(seg), seg.title.empty() ? colours::kTextDim : 0,
                              std::max(em, ImGui::GetContentRegionAvail().x - badge));
                if (seg.elastic) {
                    ImGui::SameLine();
                    textColoured("elastic", colours::kAccent);
                    if (ImGui::IsItemHovered()) {
                        ImGui::SetTooltip("Elastic: absorbs the other segments' over- and underruns");
                    }
                }
            }
            if (ImGui::TableSetColumnIndex(Kind)) {
                chip(kindLabel(seg.kind), kindColour(seg.kind), kindTextColour(seg.kind));
            }
            if (ImGui::TableSetColumnIndex(Planned)) {
                const std::string planned = formatDuration(seg.planned);
                alignRight(planned);
                textColoured(planned, seg.planned > 0 ? colours::kText : colours::kWarning);
            }
            if (ImGui::TableSetColumnIndex(Speakers)) {
                bool unknown = false;
                const std::string speakers = speakersText(show, seg, false, unknown);
                if (speakers.empty()) {
                    textColoured("—", colours::kTextDim);
                } else {
                    textTruncated(speakers, unknown ? colours::kWarning : 0);
                }
            }
            if (ImGui::TableSetColumnIndex(Notes)) textTruncated(seg.notes, colours::kTextDim);
            if (ImGui::TableSetColumnIndex(Fixed) && seg.fixedStart) {
                const bool missed = timing && timing->fixedStartMissed;
                textColoured(formatTimeOfDay(*seg.fixedStart), missed ? colours::kBad : colours::kText);
                if (missed && ImGui::IsItemHovered() && timing->startTimeOfDay) {
                    ImGui::SetTooltip("Planned to start at %s, after its fixed start %s",
                                      formatTimeOfDay(*timing->startTimeOfDay).c_str(),
                                      formatTimeOfDay(*seg.fixedStart).c_str());
                }
            }
            ImGui::PopID();
        }
    }
    if (count == 0) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(Title);
        textColoured("No segments yet: press + Add (or Insert).", colours::kTextDim);
    }
    ImGui::EndTable();
}

}  // namespace

void drawEditorView(ViewContext& ctx) {
    const Document& doc = ctx.document;
    if (ctx.editor == nullptr || !doc.show || !doc.analysis) {
        drawRundownView(ctx);
        return;
    }
    RundownEditor& ed = *ctx.editor;
    EditorState& es = ed.state();
    handleShortcuts(ed, es.tableHasKeys);
    bool tableHasKeys = ImGui::IsWindowFocused();  // the tab's own window: the toolbar

    drawShowHeader(ctx);
    if (ctx.ui.rundown.showTimeline) {
        drawTimeline(ctx);
        ImGui::Spacing();
    }
    drawToolbar(ctx, ed);

    // Table | inspector | totals, as a resizable layout table so the producer can shift space.
    // In a narrow window (1024 px) the totals become a page of the inspector, so the table keeps
    // room for its titles.
    const float em = ImGui::GetFontSize();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const bool narrow = avail.x < em * kWideLayoutEm;
    const bool totals = ctx.ui.rundown.showTotals && !narrow;
    const ImGuiTableFlags layoutFlags = ImGuiTableFlags_Resizable | ImGuiTableFlags_BordersInnerV |
                                        ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_NoPadOuterX;
    const float height = std::max(avail.y, em * 4);
    if (ImGui::BeginTable("##editor-layout", 3, layoutFlags, ImVec2(avail.x, height))) {
        ImGui::TableSetupColumn("rundown", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        // First widths scale with the window (the user's own widths are kept after that).
        const float inspectorWidth = narrow ? std::clamp(avail.x * 0.4f, em * 17.0f, em * 26.0f)
                                          : std::clamp(avail.x * 0.27f, em * 17.0f, em * 24.0f);
        const float totalsWidth = std::clamp(avail.x * 0.235f, em * 15.0f, em * 22.0f);
        ImGui::TableSetupColumn("inspector", ImGuiTableColumnFlags_WidthFixed, inspectorWidth);
        ImGui::TableSetupColumn("totals", ImGuiTableColumnFlags_WidthFixed | (totals ? 0 : ImGuiTableColumnFlags_Disabled),
                                totalsWidth);
        ImGui::TableNextRow(0, height);

        ImGui::TableSetColumnIndex(0);
        ImGui::BeginChild("##table-area", ImVec2(0, height), false,
                          ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground);
        drawEditorTable(ctx, ed, std::max(em * 3, ImGui::GetContentRegionAvail().y));
        tableHasKeys = tableHasKeys || ImGui::IsWindowFocused(ImGuiFocusedFlags_ChildWindows);
        ImGui::EndChild();

        ImGui::TableSetColumnIndex(1);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em * 0.8f, em * 0.5f));
        ImGui::BeginChild("##inspector", ImVec2(0, height), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
        ImGui::PopStyleVar();
        drawInspector(ctx, ed, ctx.ui.rundown.showTotals && narrow);
        ImGui::EndChild();

        if (totals && ImGui::TableSetColumnIndex(2)) {
            ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em * 0.8f, em * 0.5f));
            ImGui::BeginChild("##totals", ImVec2(0, height), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
            ImGui::PopStyleVar();
            drawTotals(ctx);
            ImGui::EndChild();
        }
        ImGui::EndTable();
    }
    es.tableHasKeys = tableHasKeys;
}

}  // namespace pycast::ui
