// Benchmark: CPU cost of a Live tab frame with the Questions panel, with 0, 300 and 3000
// questions in the session (the issue wants the studio's frame time unchanged while 150
// phones submit), and of a frame right after a question arrived (the panel's lists rebuilt).
#include <stdlib.h>

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>
#include <cstdio>
#include <string>
#include <vector>

#include "bench_timing.hpp"
#include "../ui/ui_test_support.hpp"
#include "core/clock.hpp"
#include "editing/document.hpp"
#include "io/show_io.hpp"
#include "live/live_command.hpp"
#include "server/audience_api.hpp"
#include "shell/headless.hpp"
#include "shell/main_window.hpp"
#include "views/live/live_view.hpp"
#include "widgets/fonts.hpp"

using namespace pycast;
using namespace pycast::ui;
using pycast::bench::Figures;
using pycast::bench::millisecondsSince;
using pycast::bench::summarize;
using Wall = pycast::bench::Wall;

namespace {




const char* kTexts[] = {
    "Python 3.13 的 free-threading，你們團隊會在正式環境用嗎？",
    "How do you review pull requests from juniors without slowing them down?",
    "新人進團隊的第一個月，通常會做些什麼？",
    "What was the hardest bug you shipped to production, and how did you find it?",
    "公司有遠端工作的選項嗎？面試流程大概多久？",
};

}  // namespace

int main() {
    // The journal's fdatasync per event is the live path's cost, not the frame's: the setup
    // writes to memory when it can.
    std::error_code ec;
    if (std::filesystem::is_directory("/dev/shm", ec)) setenv("TMPDIR", "/dev/shm", 1);
    LoadResult loaded = loadShowFile(uitest::sourceDir() / "shows" / "pycast-ama.json");
    if (!loaded.ok()) {
        std::fprintf(stderr, "bench_questions_frame: shows/pycast-ama.json does not load\n");
        return 1;
    }
    const Show show = *loaded.show;
    for (int count : {0, 300, 3000}) {
        uitest::TempDir tmp;
        ManualClock clock{0};
        ManualWallClock wall{1'795'606'200'000, 8 * 60};
        LiveSettings settings;
        settings.sessionsRoot = tmp / "sessions";
        LiveController controller(settings, SessionOptions{&clock, &wall, {}});
        if (!controller.startSessionAt(show, tmp / "s")) {
            std::fprintf(stderr, "bench_questions_frame: %s\n", controller.lastError().c_str());
            return 1;
        }
        controller.perform(LiveAction::Start);
        // A room's worth: most approved with votes, a tenth waiting, some answered.
        const auto setupStart = Wall::now();
        for (int i = 0; i < count; ++i) {
            clock.advance(200);
            wall.advance(200);
            const SessionActionResult r = controller.perform(LiveAction::command(
                LiveRequest(LiveCommand::QuestionSubmit)
                    .withText(std::string(kTexts[i % 5]) + " #" + std::to_string(i))
                    .withName(i % 3 ? "Guest " + std::to_string(i) : std::string())
                    .withDevice("bench-device-" + std::to_string(i))
                    .withSource(QuestionSource::Web)));
            if (!r) continue;
            if (i % 10 == 0) continue;  // waits in the inbox
            controller.perform(
                LiveAction::command(LiveRequest(LiveCommand::QuestionApprove).withId(r.id)));
            for (int v = 0; v < i % 7; ++v)
                controller.perform(
                    LiveAction::command(LiveRequest(LiveCommand::QuestionVote)
                                            .withId(r.id)
                                            .withDevice("bench-voter-" + std::to_string(v))));
        }
        const double setupMs = millisecondsSince(setupStart);

        FontManager fonts;
        HeadlessImGui imgui(fonts, ImVec2(1400, 900));
        MainWindow window(fonts, {});
        LiveContext live(controller);
        window.setLive(&live);
        Document doc;
        doc.path = uitest::sourceDir() / "shows" / "pycast-ama.json";
        doc.show = show;
        doc.refreshAnalysis();
        window.setDocument(std::move(doc));
        window.selectView("live");
        live.view.narrowShowsQuestions = true;
        live.view.selectLowerTab = true;
        live.view.questions.list = QuestionList::Queue;

        auto frame = [&] {
            FrameRequests requests;
            controller.freeze();
            imgui.frame([&] { window.draw(requests); });
            controller.thaw();
            window.apply(requests);
            controller.runPosted();
        };
        // The same Live tab showing the rundown instead: what the panel adds.
        live.view.narrowShowsQuestions = false;
        live.view.selectLowerTab = true;
        std::vector<double> rundown;
        for (int i = 0; i < 210; ++i) {
            const auto start = Wall::now();
            frame();
            if (i >= 10) rundown.push_back(millisecondsSince(start));  // warm-up: atlas, sizing
        }
        live.view.narrowShowsQuestions = true;
        live.view.selectLowerTab = true;
        std::vector<double> steady;
        for (int i = 0; i < 210; ++i) {
            const auto start = Wall::now();
            frame();
            if (i >= 10) steady.push_back(millisecondsSince(start));
        }
        // A question arrives before each frame: the lists are found again every time.
        std::vector<double> arriving;
        for (int i = 0; i < 50; ++i) {
            clock.advance(100);
            wall.advance(100);
            controller.perform(
                LiveAction::command(LiveRequest(LiveCommand::QuestionSubmit)
                                        .withText("Arriving question " + std::to_string(i))
                                        .withDevice("bench-late-" + std::to_string(i))
                                        .withSource(QuestionSource::Web)));
            const auto start = Wall::now();
            frame();
            arriving.push_back(millisecondsSince(start));
        }
        const Figures r = summarize(rundown);
        std::printf(
            "Live tab + rundown (no panel),     %4d questions, 1400x900: median %.3f ms, p95 %.3f "
            "ms per frame\n",
            count, r.median, r.p95);
        const Figures f = summarize(steady);
        const Figures a = summarize(arriving);
        std::printf(
            "Live tab + Questions (queue list), %4d questions, 1400x900: median %.3f ms, p95 %.3f "
            "ms "
            "per frame; with a new question each frame: median %.3f ms, p95 %.3f ms "
            "(%d vertices; views: %s; setup %.0f ms, journaled)\n",
            count, f.median, f.p95, a.median, a.p95, imgui.drawData()->TotalVtxCount,
            window.drawnViews().empty() ? "none" : window.drawnViews().front().c_str(), setupMs);

        // The room at once: the real audience page on 127.0.0.1 and 150 phones, each sending a
        // question every 150 ms (1000 a second in all), while the studio draws and drains its
        // owner queue each frame as it does live (journal, group commit, republish included).
        if (count != 300) continue;
        controller.setAudienceFactory([](const HostPort& address, const std::string& pin) {
            AudienceServiceOptions o;
            o.address = address;
            if (!pin.empty()) o.pin = pin;
            // One loopback address stands for the whole room; the per-device limit stays.
            o.api.limits.writesPerAddress = {1e6, 1e6};
            o.api.limits.readsPerAddress = {1e6, 1e6};
            o.api.limits.submitsPerDevice = {1e6, 1e6};
            return makeAudienceService(std::move(o));
        });
        controller.setAudienceHost("127.0.0.1");
        controller.setAudiencePort(0);
        if (!controller.setAudienceOn(true)) {
            std::fprintf(stderr, "bench_questions_frame: audience page: %s\n",
                         controller.audience().error.c_str());
            return 1;
        }
        const std::string url = controller.audience().url;
        const int port = std::stoi(url.substr(url.rfind(':') + 1));
        const std::string pin = controller.audience().pin;
        std::atomic<bool> stop{false};
        std::atomic<int> accepted{0};
        std::vector<std::thread> phones;
        for (int p = 0; p < 150; ++p)
            phones.emplace_back([&, p] {
                httplib::Client client("127.0.0.1", port);
                client.set_keep_alive(true);
                const std::string device = "bench-phone-" + std::to_string(1000 + p);
                auto next = Wall::now();
                for (int n = 0; !stop.load(); ++n) {
                    nlohmann::json body{{"pin", pin},
                                        {"device", device},
                                        {"text", std::string(kTexts[n % 5]) + " (" + device + ")"}};
                    auto res = client.Post("/api/questions", body.dump(), "application/json");
                    if (res && res->status == 201) accepted.fetch_add(1);
                    next += std::chrono::milliseconds(150);
                    std::this_thread::sleep_until(next);
                }
            });
        std::vector<double> flood;
        std::vector<double> floodDraw;
        const auto floodStart = Wall::now();
        while (millisecondsSince(floodStart) < 3000) {
            const auto start = Wall::now();
            controller.drain();
            const auto drawStart = Wall::now();
            frame();
            floodDraw.push_back(millisecondsSince(drawStart));
            flood.push_back(millisecondsSince(start));
            // A 60 Hz display: the loop waits for the next frame (or a wake) like the studio's.
            std::this_thread::sleep_until(start + std::chrono::microseconds(16'667));
        }
        const double floodSeconds = millisecondsSince(floodStart) / 1000.0;
        stop = true;
        for (auto& t : phones) t.join();
        controller.drain();
        const Figures fl = summarize(flood);
        const Figures fd = summarize(floodDraw);
        std::printf(
            "Live tab + Questions (queue list) while 150 phones submit through the audience page "
            "(%.0f accepted/s, 60 Hz): draw median %.3f ms, p95 %.3f ms; drain (journal, one "
            "fdatasync, republish) + draw median %.3f ms, p95 %.3f ms; %zu frames\n",
            accepted.load() / floodSeconds, fd.median, fd.p95, fl.median, fl.p95, flood.size());
        controller.setAudienceOn(false);
    }
    return 0;
}
