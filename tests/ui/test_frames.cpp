// The studio drawn headless: every sample, a broken file and a 300-segment show, frame after frame.
#include <doctest/doctest.h>

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

#include "editing/document.hpp"
#include "shell/headless.hpp"
#include "shell/main_window.hpp"
#include "test_editor_support.hpp"
#include "ui_test_support.hpp"
#include "views/views.hpp"

using namespace pycast;
using namespace pycast::ui;
using namespace pycast::uitest;

namespace {

Document documentFor(Show show) {
    Document doc;
    doc.path = "/tmp/generated.json";
    doc.show = std::move(show);
    doc.refreshAnalysis();
    return doc;
}

// Draws the main window a few frames (tables settle their widths in the first ones).
std::vector<std::string> drawMainWindow(MainWindow& window, HeadlessImGui& imgui, int frames = 4) {
    for (int i = 0; i < frames; ++i) {
        FrameRequests requests;
        const std::string unbalanced = imgui.frame([&] { window.draw(requests); });
        CHECK_MESSAGE(unbalanced.empty(), "left open: " << unbalanced);
        CHECK_FALSE(requests.quit);
    }
    return window.drawnViews();
}

}  // namespace

TEST_CASE("every sample show draws in the Rundown view without ImGui errors") {
    const auto samples = sampleShows();
    REQUIRE_MESSAGE(!samples.empty(), "no shows/*.json under " << sourceDir());
    FontManager fonts;
    HeadlessImGui imgui(fonts);
    MainWindow window(fonts, {sourceDir() / "shows"});
    for (const auto& file : samples) {
        CAPTURE(file);
        window.open(file);
        REQUIRE_MESSAGE(window.document().problems.empty(),
                        "sample does not load: " << window.document().problems.front().message);
        const auto views = drawMainWindow(window, imgui);
        REQUIRE(views.size() == 1);
        CHECK(views[0] == "rundown");
        CHECK(imgui.drawData()->TotalVtxCount > 0);
    }
}

TEST_CASE("a broken file shows the Problems view, not the rundown") {
    TempDir dir;
    writeText(dir / "broken.json",
              "{\n  \"format\": \"pycast-show\",\n  \"version\": 1,\n  oops\n}\n");
    FontManager fonts;
    HeadlessImGui imgui(fonts);
    MainWindow window(fonts, {});
    window.open(dir / "broken.json");
    REQUIRE_FALSE(window.document().problems.empty());
    CHECK_FALSE(window.document().hasShow());
    CHECK(window.document().sourceLines.count(window.document().problems[0].line) == 1);
    const auto views = drawMainWindow(window, imgui);
    REQUIRE(views.size() == 1);
    CHECK(views[0] == "problems");
    CHECK(window.windowTitle() == "PyCast Studio — broken.json");
}

TEST_CASE("a missing file and a missing sample episode are problems, not crashes") {
    FontManager fonts;
    HeadlessImGui imgui(fonts);
    MainWindow window(fonts, {});
    window.open("/nonexistent/folder/show.json");
    CHECK(drawMainWindow(window, imgui) == std::vector<std::string>{"problems"});
    CHECK_FALSE(window.document().hint.empty());

    window.setDocument(sampleNotFoundDocument({"/a/shows", "/b/shows"}));
    CHECK(drawMainWindow(window, imgui) == std::vector<std::string>{"problems"});
    CHECK(window.document().problems[0].message.find("/b/shows/pycast-episode.json") !=
          std::string::npos);
}

TEST_CASE("a 300-segment show draws, with the table clipped to the visible rows") {
    FontManager fonts;
    HeadlessImGui imgui(fonts);
    MainWindow window(fonts, {});
    window.setDocument(documentFor(makeLongShow(30)));
    CHECK(drawMainWindow(window, imgui) == std::vector<std::string>{"rundown"});
    const int vertices30 = imgui.drawData()->TotalVtxCount;

    window.setDocument(documentFor(makeLongShow(300)));
    REQUIRE(window.document().analysis->segments.size() == 300);
    CHECK(drawMainWindow(window, imgui) == std::vector<std::string>{"rundown"});
    const int vertices300 = imgui.drawData()->TotalVtxCount;
    // Ten times the rows, about the same geometry: only the visible rows are drawn.
    CHECK(vertices300 < vertices30 * 2);

    // Selecting the last segment from the timeline scrolls the table there; nothing breaks.
    window.editor().selectSegment("s-299");
    window.ui().rundown.scrollToSelected = true;
    drawMainWindow(window, imgui, 2);
    CHECK_FALSE(window.ui().rundown.scrollToSelected);
}

TEST_CASE("the rundown view draws with the timeline and totals hidden, and tiny windows") {
    FontManager fonts;
    HeadlessImGui imgui(fonts, ImVec2(360, 240));
    MainWindow window(fonts, {});
    window.setDocument(documentFor(makeLongShow(20)));
    window.ui().rundown.showTimeline = false;
    window.ui().rundown.showTotals = false;
    CHECK(drawMainWindow(window, imgui) == std::vector<std::string>{"rundown"});
    window.ui().rundown.showTimeline = true;
    window.ui().rundown.showTotals = true;
    CHECK(drawMainWindow(window, imgui) == std::vector<std::string>{"rundown"});
}

TEST_CASE("a show with no start time, no target and no speakers still draws") {
    Show show;
    show.meta.title = "";
    Segment s;
    s.id = "s-only";
    s.planned = 0;
    show.rundown.push_back(s);
    FontManager fonts;
    HeadlessImGui imgui(fonts);
    MainWindow window(fonts, {});
    window.setDocument(documentFor(show));
    CHECK(drawMainWindow(window, imgui) == std::vector<std::string>{"rundown"});
}

TEST_CASE("the window title names the show and the file") {
    const auto samples = sampleShows();
    REQUIRE(!samples.empty());
    FontManager fonts;
    MainWindow window(fonts, {});
    window.open(samples.front());
    const std::string title = window.windowTitle();
    CHECK(title == "PyCast Studio — " + window.document().show->meta.title + " — " +
                       samples.front().filename().string());
}

TEST_CASE("views are registered once, in order, each with an id, a title and a draw function") {
    ViewRegistry views;
    registerBuiltinViews(views);
    REQUIRE(views.size() >= 2);
    CHECK(views[0].id == "rundown");
    CHECK(views[1].id == "problems");
    for (const auto& v : views) {
        CHECK_FALSE(v.title.empty());
        CHECK(static_cast<bool>(v.draw));
    }
}

TEST_CASE("File > Reload and Open requests are applied after the frame") {
    const auto samples = sampleShows();
    REQUIRE(samples.size() >= 2);
    FontManager fonts;
    MainWindow window(fonts, {});
    window.open(samples[0]);
    FrameRequests open;
    open.open = samples[1];
    CHECK(window.apply(open));
    CHECK(window.document().path == samples[1]);

    window.editor().selectSegment(window.document().show->rundown.back().id);
    FrameRequests reload;
    reload.reload = true;
    CHECK(window.apply(reload));
    CHECK(window.document().path == samples[1]);
    CHECK(window.editor().selectedSegmentId() == window.document().show->rundown.back().id);

    FrameRequests quit;
    quit.quit = true;
    CHECK_FALSE(window.apply(quit));
}

TEST_CASE("a view asking for glyphs of new text gets them in the atlas by the next frame") {
    FontManager fonts;
    HeadlessImGui imgui(fonts);
    MainWindow window(fonts, {});
    FrameRequests requests;
    requests.requestGlyphs("龘");  // typed into a field, in no document
    CHECK(window.apply(requests));
    CHECK(fonts.rebuildPending());
    imgui.frame([] {});
    if (fonts.cjkLoaded()) {
        CHECK(fonts.font(FontRole::Body)->FindGlyphNoFallback(static_cast<ImWchar>(0x9F98)) !=
              nullptr);
    }
}

namespace {

// Every column of every table drawn last frame whose content ran past its cell: "Start: 20:14:3".
std::vector<std::string> clippedColumns(ImGuiContext& g) {
    std::vector<std::string> clipped;
    for (int n = 0; n < g.Tables.GetMapSize(); ++n) {
        ImGuiTable* table = g.Tables.TryGetMapData(n);
        if (table == nullptr || table->LastFrameActive != g.FrameCount) continue;
        for (int c = 0; c < table->ColumnsCount; ++c) {
            const ImGuiTableColumn& column = table->Columns[c];
            if (!column.IsEnabled || (column.Flags & ImGuiTableColumnFlags_WidthStretch)) continue;
            const char* name = ImGui::TableGetColumnName(table, c);
            const float contentEnd = std::max({column.ContentMaxXFrozen, column.ContentMaxXUnfrozen,
                                               column.ContentMaxXHeadersIdeal});
            if (contentEnd > column.WorkMaxX + 0.5f) {
                clipped.push_back(std::string(name ? name : "?") + " needs " +
                                  std::to_string(contentEnd - column.WorkMinX) + " px, has " +
                                  std::to_string(column.WorkMaxX - column.WorkMinX));
            }
        }
    }
    return clipped;
}

// The child window whose name ends with `id` ("##totals"), drawn last frame.
ImGuiWindow* childWindow(ImGuiContext& g, const std::string& id) {
    for (ImGuiWindow* w : g.Windows) {
        const std::string name = w->Name;
        if (w->Active && name.find("/" + id) != std::string::npos) return w;
    }
    return nullptr;
}

// How much wider the content of a window is than the window shows (0 when it fits).
float overflow(const ImGuiWindow& w) { return std::max(0.0f, w.ContentSize.x - w.ContentRegionRect.GetWidth()); }

// A show whose start has seconds, so every start and end shows them, and whose hard out note
// is long: the texts that were cut.
Show showWithSeconds() {
    Show show = loadSample("enterprise-meetup.json");
    show.meta.startTime = 20 * 3600 + 14 * 60 + 30;
    show.meta.hardOut = 22 * 3600 + 35 * 60;
    show.rundown[6].fixedStart = 20 * 3600 + 44 * 60 + 30;
    return show;
}

}  // namespace

TEST_CASE("the editor's columns fit their widest text, at 1024x700 and at 1400x900") {
    for (const ImVec2 size : {ImVec2(1024, 700), ImVec2(1400, 900)}) {
        CAPTURE(size.x);
        FontManager fonts;
        HeadlessImGui imgui(fonts, size);
        MainWindow window(fonts, {});
        window.setDocument(documentFor(showWithSeconds()));
        drawMainWindow(window, imgui, 4);
        ImGuiContext& g = *imgui.context();
        CHECK(clippedColumns(g) == std::vector<std::string>{});

        // The totals (beside the inspector, or one of its pages in a narrow window) wrap
        // instead of running past the edge: "hard out 22:35" is whole.
        if (size.x < 1100) window.editor().state().showPage = InspectorPage::Totals;
        drawMainWindow(window, imgui, 6);  // the page appears, then its scrollbar: widths settle
        ImGuiWindow* totals = childWindow(g, size.x < 1100 ? "##page" : "##totals");
        REQUIRE(totals != nullptr);
        CHECK_MESSAGE(overflow(*totals) == 0.0f, std::string(totals->Name));
    }
}

TEST_CASE("the read-only rundown table's columns fit their widest text") {
    FontManager fonts;
    HeadlessImGui imgui(fonts, ImVec2(1024, 700));
    const Document doc = documentFor(showWithSeconds());
    UiState ui;
    for (int frame = 0; frame < 3; ++frame) {
        FrameRequests requests;
        const std::string unbalanced = imgui.frame([&] {
            ImGui::SetNextWindowPos(ImVec2(0, 0));
            ImGui::SetNextWindowSize(ImVec2(1024, 700));
            ImGui::Begin("##rundown-only");
            ViewContext ctx{doc, ui, fonts, requests};
            drawRundownView(ctx);
            ImGui::End();
        });
        CHECK(unbalanced.empty());
    }
    CHECK(clippedColumns(*imgui.context()) == std::vector<std::string>{});
}
