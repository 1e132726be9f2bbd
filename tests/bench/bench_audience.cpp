// The audience server under a room's load: 150 phones on loopback submitting and voting against a
// real session, the owner loop draining like `pycast live`. Prints figures; asserts nothing.
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "live/live_host.hpp"
#include "server/audience_api.hpp"

using namespace pycast;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kPhones = 150;
constexpr int kSubmissionsPerPhone = 40;
constexpr int kApproved = 20;  // each phone votes once for each
constexpr const char* kPin = "424242";

Show benchShow() {
    Show show;
    show.meta.title = "Bench 壓力測試";
    show.topics = {"職涯 Career", "技術 Tech"};
    for (int i = 0; i < 4; ++i) {
        Segment s;
        s.id = "s-" + std::to_string(i);
        s.title = "Segment " + std::to_string(i);
        s.planned = 600;
        show.rundown.push_back(s);
    }
    return show;
}

double percentile(std::vector<double>& ms, double p) {
    if (ms.empty()) return 0;
    std::sort(ms.begin(), ms.end());
    const auto at = static_cast<std::size_t>(p * static_cast<double>(ms.size() - 1));
    return ms[at];
}

std::string deviceOf(int phone) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "bench-phone-%04d-xyz", phone);
    return buf;
}

}  // namespace

int main() {
    const fs::path dir =
        fs::temp_directory_path() / ("pycast-bench-audience-" + std::to_string(::getpid()));
    fs::remove_all(dir);

    // One address (loopback) stands for the whole room here, and each phone sends far more
    // than a person would: both limits are raised so the figures measure the server, not the
    // rate limiter. The defaults are printed beside them.
    AudienceServiceOptions options;
    options.address = {"127.0.0.1", 0};
    options.pin = kPin;
    const AudienceLimits defaults;
    options.api.limits.writesPerAddress = {1e6, 1e6};
    options.api.limits.submitsPerDevice = {1e6, 1e6};
    options.api.limits.votesPerDevice = {1e6, 1e6};

    LiveHostOptions hostOptions;
    hostOptions.servicesRequired = true;
    LiveHost host(hostOptions);
    host.addService([options] { return makeAudienceService(options); });
    if (Status started = host.startSessionAt(benchShow(), dir); !started) {
        std::fprintf(stderr, "bench_audience: %s\n", started.error().message().c_str());
        return 1;
    }
    host.takeLines();
    int port = 0;
    for (const ServiceInfo& s : host.services())
        if (s.name == "audience page" && s.running) {
            const auto colon = s.url.rfind(':');
            port = std::stoi(s.url.substr(colon + 1));
        }
    if (port == 0) {
        std::fprintf(stderr, "bench_audience: the audience page did not start\n");
        return 1;
    }

    // Questions to vote for: submitted and approved on the owner thread before the phones start.
    std::vector<std::string> approved;
    for (int i = 0; i < kApproved; ++i) {
        SessionActionResult r = host.perform(LiveRequest(LiveCommand::QuestionSubmit)
                                                 .withText("Approved question " + std::to_string(i))
                                                 .withSource(QuestionSource::Producer));
        if (!r.ok) {
            std::fprintf(stderr, "bench_audience: %s\n", r.error.message().c_str());
            return 1;
        }
        approved.push_back(r.id);
    }

    std::atomic<int> running{kPhones};
    std::atomic<int> accepted{0}, refused{0}, failed{0}, votesAccepted{0};
    std::vector<std::vector<double>> submitMs(kPhones), voteMs(kPhones);
    std::vector<std::thread> phones;
    const auto t0 = Clock::now();
    for (int p = 0; p < kPhones; ++p)
        phones.emplace_back([&, p] {
            httplib::Client client("127.0.0.1", port);
            client.set_keep_alive(true);
            client.set_read_timeout(30, 0);
            const std::string device = deviceOf(p);
            for (int i = 0; i < kSubmissionsPerPhone; ++i) {
                const std::string body = std::string("{\"pin\":\"") + kPin +
                                         "\",\"text\":\"我想問 question " + std::to_string(i) +
                                         " from phone " + std::to_string(p) +
                                         "\",\"name\":\"Phone " + std::to_string(p) +
                                         "\",\"topic\":\"技術 Tech\",\"device\":\"" + device + "\"}";
                auto s0 = Clock::now();
                auto res = client.Post("/api/questions", body, "application/json");
                submitMs[static_cast<std::size_t>(p)].push_back(
                    std::chrono::duration<double, std::milli>(Clock::now() - s0).count());
                if (!res)
                    ++failed;
                else if (res->status == 201)
                    ++accepted;
                else
                    ++refused;
                if (i < kApproved) {
                    const std::string& id = approved[static_cast<std::size_t>((i + p) % kApproved)];
                    const std::string vote =
                        std::string("{\"pin\":\"") + kPin + "\",\"device\":\"" + device + "\"}";
                    auto v0 = Clock::now();
                    auto vr = client.Post(("/api/questions/" + id + "/vote").c_str(), vote,
                                          "application/json");
                    voteMs[static_cast<std::size_t>(p)].push_back(
                        std::chrono::duration<double, std::milli>(Clock::now() - v0).count());
                    if (vr && vr->status == 200) ++votesAccepted;
                }
            }
            --running;
        });

    // The owner loop, as `pycast live` runs it.
    while (running.load() > 0) {
        host.waitForWork(std::chrono::milliseconds(100));
        host.drain();
    }
    for (auto& t : phones) t.join();
    const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    host.shutdown(true);

    std::vector<double> all, votes;
    for (auto& v : submitMs) all.insert(all.end(), v.begin(), v.end());
    for (auto& v : voteMs) votes.insert(votes.end(), v.begin(), v.end());
    std::printf("audience server: %d phones on loopback, keep-alive, each %d submissions and %d votes,\n"
                "  every one journaled (fdatasync) before its 201/200\n",
                kPhones, kSubmissionsPerPhone, kApproved);
    std::printf("  limits raised for the benchmark (one loopback address is the whole room): "
                "per address %.0f/s (default %.0f/s, burst %.0f), per device %.0f/s (default "
                "%.2f/s, burst %.0f)\n",
                options.api.limits.writesPerAddress.perSecond, defaults.writesPerAddress.perSecond,
                defaults.writesPerAddress.burst, options.api.limits.submitsPerDevice.perSecond,
                defaults.submitsPerDevice.perSecond, defaults.submitsPerDevice.burst);
    std::printf("  accepted submissions   %d of %d (refused %d, no answer %d), votes %d\n",
                accepted.load(), kPhones * kSubmissionsPerPhone, refused.load(), failed.load(),
                votesAccepted.load());
    std::printf("  wall time              %.2f s\n", seconds);
    std::printf("  accepted submissions/s %.0f   (goal >= 1000)\n",
                static_cast<double>(accepted.load()) / seconds);
    std::printf("  writes (submit+vote)/s %.0f\n",
                static_cast<double>(accepted.load() + votesAccepted.load()) / seconds);
    std::printf("  submit latency         p50 %.2f ms   p99 %.2f ms   (goal p99 < 20 ms)\n",
                percentile(all, 0.50), percentile(all, 0.99));
    std::printf("  vote latency           p50 %.2f ms   p99 %.2f ms\n", percentile(votes, 0.50),
                percentile(votes, 0.99));
    fs::remove_all(dir);
    return 0;
}
