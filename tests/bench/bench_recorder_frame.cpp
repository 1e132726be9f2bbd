// Benchmark: CPU cost of a Live tab frame with the Recorder tab metering 8 tracks (meters,
// loudness, warnings band, airtime table against the plan), against the same tab showing the
// rundown, at 1400x900 and 1920x1080 (UI thread, headless).
#include <stdlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "bench_timing.hpp"
#include "../ui/ui_test_support.hpp"
#include "core/clock.hpp"
#include "editing/document.hpp"
#include "io/show_io.hpp"
#include "shell/headless.hpp"
#include "shell/main_window.hpp"
#include "views/live/live_view.hpp"
#include "views/live/recorder_demo.hpp"
#include "widgets/fonts.hpp"

using namespace pycast;
using namespace pycast::ui;
using pycast::bench::Figures;
using pycast::bench::millisecondsSince;
using pycast::bench::summarize;
using Wall = pycast::bench::Wall;


int main() {
    std::error_code ec;
    if (std::filesystem::is_directory("/dev/shm", ec)) setenv("TMPDIR", "/dev/shm", 1);
    LoadResult loaded = loadShowFile(uitest::sourceDir() / "shows" / "enterprise-meetup.json");
    if (!loaded.ok()) {
        std::fprintf(stderr, "bench_recorder_frame: shows/enterprise-meetup.json does not load\n");
        return 1;
    }
    const Show show = *loaded.show;
    for (const ImVec2 size : {ImVec2(1400, 900), ImVec2(1920, 1080)}) {
        uitest::TempDir tmp;
        ManualClock clock{0};
        ManualWallClock wall{1'795'606'200'000, 8 * 60};
        LiveSettings settings;
        settings.sessionsRoot = tmp / "sessions";
        LiveController controller(settings, SessionOptions{&clock, &wall, {}});
        if (!controller.startSessionAt(show, tmp / "s")) {
            std::fprintf(stderr, "bench_recorder_frame: %s\n", controller.lastError().c_str());
            return 1;
        }
        controller.perform(LiveAction::Start);

        FontManager fonts;
        HeadlessImGui imgui(fonts, size);
        MainWindow window(fonts, {});
        LiveContext live(controller);
        window.setLive(&live);
        Document doc;
        doc.path = uitest::sourceDir() / "shows" / "enterprise-meetup.json";
        doc.show = show;
        doc.refreshAnalysis();
        window.setDocument(std::move(doc));
        window.selectView("live");

        // Eight tracks: the show's six people and two spare inputs, all armed.
        DemoRecorder recorder(clock);
        RecorderViewState& rv = live.view.recorder;
        rv.devices = recorder.devices();
        rv.scanned = true;
        fitTracks(rv.setup, show, 8);
        recorder.start(rv.setup, 0);
        clock.advance(600'000);
        wall.advance(600'000);

        auto frame = [&] {
            clock.advance(33);  // the meters move every frame
            wall.advance(33);
            rv.feed = recorder.feed();
            FrameRequests requests;
            controller.freeze();
            imgui.frame([&] { window.draw(requests); });
            controller.thaw();
            window.apply(requests);
            controller.runPosted();
            fonts.addText(requests.glyphText);
        };
        auto measure = [&](bool recorderTab) {
            rv.showRecorder = recorderTab;
            rv.selectRecorderTab = recorderTab;
            live.view.narrowShowsQuestions = false;
            live.view.selectLowerTab = !recorderTab;
            std::vector<double> samples;
            for (int i = 0; i < 310; ++i) {
                const auto start = Wall::now();
                frame();
                if (i >= 10) samples.push_back(millisecondsSince(start));  // warm-up: atlas
            }
            return summarize(samples);
        };
        const Figures rundown = measure(false);
        const int rundownVertices = imgui.drawData()->TotalVtxCount;
        const Figures meters = measure(true);
        std::printf(
            "Live tab + rundown, recorder band (8 tracks), %4.0fx%-4.0f: median %.3f ms, p95 %.3f "
            "ms per frame (%d vertices)\n",
            size.x, size.y, rundown.median, rundown.p95, rundownVertices);
        std::printf(
            "Live tab + Recorder tab (8 meters, loudness, airtime), %4.0fx%-4.0f: median %.3f ms, "
            "p95 %.3f ms per frame (%d vertices)\n",
            size.x, size.y, meters.median, meters.p95, imgui.drawData()->TotalVtxCount);
    }
    return 0;
}
