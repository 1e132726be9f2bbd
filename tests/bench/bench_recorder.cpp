// The recorder under load: 8 tracks x 10 minutes at 48 kHz fed through the capture callback's
// body in 256-frame buffers at 20x real time (real time around a simulated 2-second disk stall),
// with `stress-ng --cpu 2` alongside when installed. Prints dropped frames (goal 0), the ring's
// high-water mark, the callback's worst duration (goal < 1 ms) and the writer's CPU use per
// second of audio (goal < 5% of a core). Asserts nothing; exits 1 only when it cannot run.
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <random>
#include <thread>
#include <vector>

#include "media/recorder_core.hpp"

extern char** environ;

using namespace pycast;
using namespace pycast::media;
namespace fs = std::filesystem;

namespace {

constexpr int kRate = 48000;
constexpr int kTracks = 8;
constexpr std::int64_t kSeconds = 600;
constexpr std::size_t kBuffer = 256;
constexpr double kSpeed = 20.0;
constexpr std::int64_t kStallAtSecond = 300;
constexpr int kStallMs = 2000;

double threadCpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

bool onPath(const char* program) {
    const char* path = std::getenv("PATH");
    if (!path) return false;
    std::string p = path;
    std::size_t start = 0;
    while (start <= p.size()) {
        const std::size_t end = std::min(p.find(':', start), p.size());
        if (::access((p.substr(start, end - start) + "/" + program).c_str(), X_OK) == 0)
            return true;
        start = end + 1;
    }
    return false;
}

}  // namespace

int main() {
    const fs::path dir =
        fs::temp_directory_path() / ("pycast-bench-recorder-" + std::to_string(::getpid()));
    RecorderSetup setup;
    setup.sampleRate = kRate;
    setup.channels = kTracks;
    for (int c = 0; c < kTracks; ++c)
        setup.tracks.push_back({c, "Track " + std::to_string(c + 1), "", true});
    setup.folder = dir;
    setup.silenceSeconds = 30;
    CaptureOptions options;
    options.setup = setup;
    options.ringSeconds = 8.0;
    options.stallMs = kStallMs;
    options.stallAtFrame = kStallAtSecond * kRate;
    auto created = CaptureCore::create(options);
    if (!created) {
        std::fprintf(stderr, "bench_recorder: %s\n", created.error().message().c_str());
        return 1;
    }
    CaptureCore& core = **created;

    pid_t stress = -1;
    if (onPath("stress-ng")) {
        char a0[] = "stress-ng", a1[] = "--cpu", a2[] = "2", a3[] = "--quiet";
        char* argv[] = {a0, a1, a2, a3, nullptr};
        if (posix_spawnp(&stress, "stress-ng", nullptr, nullptr, argv, environ) != 0) stress = -1;
    }

    // The writer: Recorder's loop (sleep 20 ms, drain), timing its own CPU.
    std::atomic<bool> stop{false};
    double writerCpu = 0;
    std::thread writer([&] {
        const double cpu0 = threadCpuSeconds();
        while (!stop.load(std::memory_order_acquire)) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            core.drain(
                std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
                    .count());
        }
        core.finish(
            std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
                .count());
        writerCpu = threadCpuSeconds() - cpu0;
    });

    // The "audio thread": real-time priority when allowed (root, rtprio), like PortAudio's.
    double lateMsWorst = 0;
    bool realtime = false;
    std::thread feeder([&] {
        sched_param sp{};
        sp.sched_priority = 70;
        realtime = pthread_setschedparam(pthread_self(), SCHED_FIFO, &sp) == 0;
        std::vector<float> buf(kBuffer * kTracks);
        std::mt19937 rng(7);
        std::normal_distribution<float> voice(0.f, 0.05f);
        const std::int64_t total = kSeconds * kRate;
        const std::int64_t slowFrom = (kStallAtSecond - 1) * kRate,
                           slowTo = (kStallAtSecond + 4) * kRate;
        auto next = std::chrono::steady_clock::now();
        for (std::int64_t at = 0; at < total; at += static_cast<std::int64_t>(kBuffer)) {
            for (std::size_t i = 0; i < buf.size(); ++i) buf[i] = voice(rng);
            const double speed = at >= slowFrom && at < slowTo ? 1.0 : kSpeed;
            next +=
                std::chrono::nanoseconds(static_cast<std::int64_t>(1e9 * kBuffer / kRate / speed));
            std::this_thread::sleep_until(next);
            const double late =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - next)
                    .count();
            lateMsWorst = std::max(lateMsWorst, late);
            core.onInput(buf.data(), kBuffer, false);
        }
    });
    const auto t0 = std::chrono::steady_clock::now();
    feeder.join();
    stop.store(true, std::memory_order_release);
    writer.join();
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (stress > 0) {
        ::kill(stress, SIGTERM);
        ::waitpid(stress, nullptr, 0);
    }

    const RecorderStatus st = core.status();
    const double audio = static_cast<double>(kSeconds);
    std::printf(
        "  %d tracks x %lld s at %d Hz in %zu-frame buffers, fed at %.0fx real time (1x around the "
        "stall)\n",
        kTracks, static_cast<long long>(kSeconds), kRate, kBuffer, kSpeed);
    std::printf("  load: %s; feeder thread %s; simulated disk stall %d ms at %lld s; wall %.1f s\n",
                stress > 0 ? "stress-ng --cpu 2" : "none (stress-ng not installed)",
                realtime ? "SCHED_FIFO" : "normal priority", kStallMs,
                static_cast<long long>(kStallAtSecond), wall);
    std::printf("  dropped frames          %lld (dropouts %lld)   goal 0\n",
                static_cast<long long>(st.droppedFrames), static_cast<long long>(st.dropouts));
    std::printf("  frames written          %lld of %lld\n",
                static_cast<long long>(st.framesWritten), static_cast<long long>(kSeconds * kRate));
    std::printf("  ring high-water mark    %zu frames = %.2f s of %zu frames = %.2f s\n",
                st.ringHighWater, static_cast<double>(st.ringHighWater) / kRate, st.ringCapacity,
                static_cast<double>(st.ringCapacity) / kRate);
    std::printf("  callback worst          %.1f us   goal < 1000 us\n",
                st.callbackWorstMs * 1000.0);
    std::printf("  feeder latest wake-up   %.2f ms (scheduling, not the callback)\n", lateMsWorst);
    std::printf(
        "  writer CPU              %.2f s for %.0f s of audio = %.2f%% of a core in real time   "
        "goal < 5%%\n",
        writerCpu, audio, 100.0 * writerCpu / audio);
    std::error_code ec;
    fs::remove_all(dir, ec);
    return 0;
}
