// Benchmark: CPU cost of one editor frame (table, inspector, totals) at 300 segments, idle and
// while a length is being dragged (an edit, the analysis and the font text every frame); peak RSS.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <numeric>
#include <vector>

#include "bench_timing.hpp"
#include "../ui/ui_test_support.hpp"
#include "editing/document.hpp"
#include "editing/rundown_editor.hpp"
#include "widgets/fonts.hpp"
#include "shell/headless.hpp"
#include "shell/main_window.hpp"

using namespace pycast;
using namespace pycast::ui;
using Clock = pycast::bench::Wall;
using pycast::bench::Figures;
using pycast::bench::millisecondsSince;
using pycast::bench::summarize;

namespace {



long peakRssKb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;  // kilobytes on Linux
}

// Draws `frames` frames of the whole studio, `before` running ahead of each; returns per-frame
// milliseconds after a warm-up of 10 frames (atlas, table sizing).
std::vector<double> timeFrames(HeadlessImGui& imgui, MainWindow& window, int frames,
                               const std::function<void(int)>& before) {
    std::vector<double> ms;
    for (int i = 0; i < frames + 10; ++i) {
        before(i);
        FrameRequests requests;
        const auto start = Clock::now();
        imgui.frame([&] { window.draw(requests); });
        window.apply(requests);
        const double elapsed = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        if (i >= 10) ms.push_back(elapsed);
    }
    return ms;
}

void print(const char* what, int segments, const Figures& f, int vertices) {
    std::printf("%-44s %4d segments: mean %.3f ms, median %.3f ms, p95 %.3f ms, %d vertices\n", what,
                segments, f.mean, f.median, f.p95, vertices);
}

}  // namespace

int main() {
    for (int segments : {300, 3000}) {
        FontManager fonts;
        HeadlessImGui imgui(fonts, ImVec2(1400, 900));
        MainWindow window(fonts, {});
        Document doc;
        doc.path = "/tmp/bench-editor.json";
        doc.show = uitest::makeLongShow(segments);
        doc.refreshAnalysis();
        window.setDocument(std::move(doc));
        RundownEditor& editor = window.editor();
        editor.selectSegment("s-" + std::to_string(segments / 2));

        const auto idle = timeFrames(imgui, window, 200, [](int) {});
        print("editor frame, idle, 1400x900:", segments, summarize(idle), imgui.drawData()->TotalVtxCount);

        // A drag on the selected segment's length: one merged edit per frame, the analysis and
        // the glyph text recomputed each time.
        const std::string id = editor.selectedSegmentId();
        const Seconds base = window.document().show->findSegment(id)->planned;
        const auto dragging = timeFrames(imgui, window, 200, [&](int i) {
            editor.post([id, base, i](RundownEditor& e) { e.setSegmentPlanned(id, base + i); });
        });
        editor.endGesture();
        print("editor frame, dragging a length (edit/frame):", segments, summarize(dragging),
              imgui.drawData()->TotalVtxCount);
        editor.discardChangesOnExit();  // a benchmark's edits are not work to keep
    }
    std::printf("peak RSS: %.1f MB\n", static_cast<double>(peakRssKb()) / 1024.0);
    return 0;
}
