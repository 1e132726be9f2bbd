// Benchmark: CPU cost of a studio frame (up to 3000 segments), the font atlas, fingerprints.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "bench_timing.hpp"
#include "../ui/ui_test_support.hpp"
#include "editing/document.hpp"
#include "shell/draw_hash.hpp"
#include "widgets/fonts.hpp"
#include "shell/headless.hpp"
#include "shell/main_window.hpp"

using namespace pycast;
using namespace pycast::ui;
using Clock = pycast::bench::Wall;
using pycast::bench::Figures;
using pycast::bench::millisecondsSince;
using pycast::bench::summarize;


int main() {
    // Font atlas: the sample episode's text, as at start-up.
    std::vector<double> atlas;
    for (int i = 0; i < 5; ++i) {
        FontManager fonts;
        fonts.addText(
            documentText(openDocument(uitest::sourceDir() / "shows" / "pycast-episode.json")));
        ImGuiContext* ctx = ImGui::CreateContext();
        const auto start = Clock::now();
        fonts.build(*ImGui::GetIO().Fonts);
        atlas.push_back(millisecondsSince(start));
        ImGui::DestroyContext(ctx);
    }
    const Figures atlasFigures = summarize(atlas);
    std::printf("font atlas build (sample episode text): median %.1f ms, p95 %.1f ms\n",
                atlasFigures.median, atlasFigures.p95);

    for (int segments : {30, 300, 3000}) {
        FontManager fonts;
        HeadlessImGui imgui(fonts);
        MainWindow window(fonts, {});
        Document doc;
        doc.path = "/tmp/generated.json";
        doc.show = uitest::makeLongShow(segments);
        doc.refreshAnalysis();
        window.setDocument(std::move(doc));

        std::vector<double> frames;
        std::vector<double> hashes;
        for (int i = 0; i < 200; ++i) {
            FrameRequests requests;
            const auto start = Clock::now();
            imgui.frame([&] { window.draw(requests); });
            frames.push_back(millisecondsSince(start));
            const auto hashStart = Clock::now();
            volatile std::uint64_t h = hashDrawData(*imgui.drawData());
            (void)h;
            hashes.push_back(millisecondsSince(hashStart));
        }
        frames.erase(frames.begin(), frames.begin() + 10);  // warm-up: atlas, table sizing
        const Figures f = summarize(frames);
        const Figures h = summarize(hashes);
        std::printf(
            "frame, %4d segments, 1400x900: median %.3f ms, p95 %.3f ms, %d vertices; "
            "fingerprint median %.3f ms\n",
            segments, f.median, f.p95, imgui.drawData()->TotalVtxCount, h.median);
    }
    return 0;
}
