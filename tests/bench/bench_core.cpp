// Core figures: loading a long show, rundown analysis, the runner's state, journaled actions
// (each one fdatasync'ed) and resuming a long session. Prints medians; asserts nothing.
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <vector>

#include "core/clock.hpp"
#include "core/rundown.hpp"
#include "live/session.hpp"
#include "io/show_io.hpp"
#include "core/show_runner.hpp"

using namespace pycast;
namespace fs = std::filesystem;

namespace {

struct Stats {
    double median = 0, p95 = 0;
};

Stats measure(int runs, const std::function<void()>& fn) {
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        auto t0 = std::chrono::steady_clock::now();
        fn();
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 95 / 100)]};
}

Show longShow(int segments) {
    Show show;
    show.meta.title = "長節目 Long show";
    show.meta.target = segments * 120;
    show.meta.startTime = 9 * 3600;
    show.meta.hardOut = 9 * 3600 + segments * 120;
    for (int p = 0; p < 12; ++p)
        show.people.push_back({"p-" + std::to_string(p), "講者 Speaker " + std::to_string(p),
                               p == 0 ? Role::Host : Role::Guest, "公司 Company " + std::to_string(p % 4), {}});
    for (int i = 0; i < segments; ++i) {
        Segment s;
        s.id = "s-" + std::to_string(i);
        s.title = "段落 Segment " + std::to_string(i);
        s.kind = allSegmentKinds()[static_cast<size_t>(i) % allSegmentKinds().size()];
        s.planned = 120;
        s.speakers = {"p-0", "p-" + std::to_string(1 + i % 11)};
        s.notes = "備註 notes for segment " + std::to_string(i);
        show.rundown.push_back(s);
    }
    return show;
}

}  // namespace

int main() {
    const Show show = longShow(300);
    const std::string text = serializeShow(show);

    Stats load = measure(50, [&] { (void)parseShow(text); });
    std::printf("parse + validate, 300 segments (%zu KB): median %.3f ms, p95 %.3f ms\n", text.size() / 1024,
                load.median, load.p95);

    Stats analysis = measure(200, [&] { (void)analyzeRundown(show); });
    std::printf("rundown analysis, 300 segments: median %.3f ms, p95 %.3f ms\n", analysis.median, analysis.p95);

    ShowRunner runner(show);
    runner.setTimeOfDayAtZero(9 * 3600);
    runner.start(0);
    for (int i = 0; i < 150; ++i) runner.next((i + 1) * 100'000);
    Stats state = measure(500, [&] { (void)runner.state(15'100'000); });
    std::printf("runner state, 300 segments, 150 done: median %.3f ms, p95 %.3f ms\n", state.median, state.p95);

    const fs::path dir = fs::temp_directory_path() / ("pycast-bench-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    ManualClock clock;
    SessionOptions options;
    options.clock = &clock;
    auto created = Session::createAt(show, dir, options);
    if (!created) {
        std::fprintf(stderr, "bench_core: %s\n", created.error().message().c_str());
        return 1;
    }
    Session& session = **created;
    session.perform(LiveRequest(LiveCommand::Start));
    int step = 0;
    Stats action = measure(200, [&] {
        clock.advance(1000);
        if (++step % 2)
            session.perform(LiveRequest(LiveCommand::Message).withText("訊息 message " + std::to_string(step)));
        else
            session.perform(LiveRequest(LiveCommand::Extend).withSeconds(1));
    });
    std::printf("journaled action (write + fdatasync) on %s: median %.3f ms, p95 %.3f ms\n",
                dir.parent_path().c_str(), action.median, action.p95);
    for (int i = 0; i < 290; ++i) {
        clock.advance(1000);
        session.perform(LiveRequest(LiveCommand::Next));
    }
    (*created).reset();
    Stats resume = measure(10, [&] { (void)Session::open(dir, options); });
    std::printf("resume a session of ~500 journal events: median %.3f ms, p95 %.3f ms\n", resume.median,
                resume.p95);
    fs::remove_all(dir);

    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    std::printf("peak RSS: %.1f MB\n", static_cast<double>(ru.ru_maxrss) / 1024.0);
    return 0;
}
