// The audience server under a room's load: 150 phones on loopback submitting and voting against a
// real session, the owner loop draining like `pycast live`. Prints figures; asserts nothing.
#include <httplib.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "live/live_host.hpp"
#include "server/audience_api.hpp"

using namespace pycast;
namespace fs = std::filesystem;
using Steady = std::chrono::steady_clock;

namespace {

constexpr int kPhones = 150;
constexpr int kApproved = 20;  // questions to vote for; each phone votes once for each
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

double msSince(Steady::time_point t) {
    return std::chrono::duration<double, std::milli>(Steady::now() - t).count();
}

double percentile(std::vector<double> ms, double p) {
    if (ms.empty()) return 0;
    std::sort(ms.begin(), ms.end());
    return ms[static_cast<std::size_t>(p * static_cast<double>(ms.size() - 1))];
}

std::string deviceOf(int phone) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "bench-phone-%04d-xyz", phone);
    return buf;
}

std::string submission(int phone, int i) {
    return std::string("{\"pin\":\"") + kPin + "\",\"text\":\"我想問 question " +
           std::to_string(i) + " from phone " + std::to_string(phone) + "\",\"name\":\"Phone " +
           std::to_string(phone) + "\",\"topic\":\"技術 Tech\",\"device\":\"" + deviceOf(phone) +
           "\"}";
}

// What the phones of one phase saw.
struct Tally {
    std::mutex mutex;
    std::vector<double> submitMs, voteMs;
    int accepted = 0, votes = 0, refused = 0;
    std::map<std::string, int> noAnswer;  // httplib's error name → count

    void add(const httplib::Result& res, double ms, bool isVote) {
        std::lock_guard lock(mutex);
        (isVote ? voteMs : submitMs).push_back(ms);
        if (!res)
            ++noAnswer[httplib::to_string(res.error())];
        else if (res->status == (isVote ? 200 : 201))
            ++(isVote ? votes : accepted);
        else
            ++refused;
    }
    void print(double seconds) const {
        std::printf("    accepted submissions %d, votes %d, refused %d, in %.2f s\n", accepted,
                    votes, refused, seconds);
        std::printf("    accepted submissions/s %.0f, writes (submissions + votes)/s %.0f\n",
                    accepted / seconds, (accepted + votes) / seconds);
        std::printf("    submit latency p50 %.2f ms  p99 %.2f ms\n", percentile(submitMs, 0.5),
                    percentile(submitMs, 0.99));
        if (!voteMs.empty())
            std::printf("    vote latency   p50 %.2f ms  p99 %.2f ms\n", percentile(voteMs, 0.5),
                        percentile(voteMs, 0.99));
        for (const auto& [what, n] : noAnswer)
            std::printf("    no answer: %d x %s\n", n, what.c_str());
    }
};

// Runs one thread per phone while this thread is the owner loop, as in `pycast live`; says how
// busy the owner was.
double runPhones(LiveHost& host, const std::function<void(int)>& phone) {
    std::atomic<int> running{kPhones};
    std::vector<std::thread> phones;
    const auto t0 = Steady::now();
    for (int p = 0; p < kPhones; ++p)
        phones.emplace_back([&, p] {
            phone(p);
            --running;
        });
    double busyMs = 0;
    std::size_t ran = 0, drains = 0;
    while (running.load() > 0) {
        host.waitForWork(std::chrono::milliseconds(100));
        const auto d0 = Steady::now();
        const std::size_t n = host.drain();
        if (n > 0) {
            busyMs += msSince(d0);
            ran += n;
            ++drains;
        }
    }
    for (auto& t : phones) t.join();
    const double seconds = msSince(t0) / 1000.0;
    std::printf(
        "    the owner thread: busy %.0f%% of the time, %.3f ms an event, %.1f events a "
        "drain\n",
        busyMs / 10.0 / seconds, ran ? busyMs / static_cast<double>(ran) : 0.0,
        drains ? static_cast<double>(ran) / static_cast<double>(drains) : 0.0);
    return seconds;
}

httplib::Client phoneClient(int port) {
    httplib::Client client("127.0.0.1", port);
    client.set_keep_alive(true);
    client.set_tcp_nodelay(true);  // as browsers do
    client.set_read_timeout(30, 0);
    return client;
}

}  // namespace

int main() {
    const fs::path dir =
        fs::temp_directory_path() / ("pycast-bench-audience-" + std::to_string(::getpid()));
    fs::remove_all(dir);

    // One address (loopback) stands for the whole room here, and each phone sends far more
    // than a person would: the limits are raised so the figures measure the server, not the
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
        if (s.name == kAudienceServiceName && s.running)
            port = std::stoi(s.url.substr(s.url.rfind(':') + 1));
    if (port == 0) {
        std::fprintf(stderr, "bench_audience: the audience page did not start\n");
        return 1;
    }

    std::printf(
        "audience server: %d phones on loopback (keep-alive), a real session in %s;\n"
        "  every submission and vote is journaled (one write each, one fdatasync per drain of "
        "the owner's queue) before its 201/200\n",
        kPhones, dir.c_str());
    std::printf(
        "  limits raised for the benchmark (one loopback address is the whole room): "
        "per address %.0f/s (default %.0f/s, burst %.0f), per device %.0f/s (default "
        "%.2f/s, burst %.0f)\n",
        options.api.limits.writesPerAddress.perSecond, defaults.writesPerAddress.perSecond,
        defaults.writesPerAddress.burst, options.api.limits.submitsPerDevice.perSecond,
        defaults.submitsPerDevice.perSecond, defaults.submitsPerDevice.burst);

    // 0. The owner alone: what one journaled event costs without HTTP.
    {
        constexpr int kEvents = 500;
        const auto t0 = Steady::now();
        for (int i = 0; i < kEvents; ++i)
            host.perform(LiveRequest(LiveCommand::QuestionSubmit)
                             .withText("owner alone " + std::to_string(i))
                             .withSource(QuestionSource::Web));
        const double ms = msSince(t0);
        std::printf(
            "  the owner alone, one event at a time (check, journal + fdatasync, apply): %.3f "
            "ms an event, "
            "at most %.0f events/s\n",
            ms / kEvents, kEvents * 1000.0 / ms);
    }

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

    // 1. Saturation: every phone sends its next request the moment the last is answered.
    {
        constexpr int kEach = 40;
        std::printf(
            "  1. saturation: each phone sends %d submissions and %d votes back to back "
            "(latency is mostly the wait in the owner's queue: %d requests in flight)\n",
            kEach, kApproved, kPhones);
        Tally tally;
        const double seconds = runPhones(host, [&](int p) {
            httplib::Client client = phoneClient(port);
            const std::string vote =
                std::string("{\"pin\":\"") + kPin + "\",\"device\":\"" + deviceOf(p) + "\"}";
            for (int i = 0; i < kEach; ++i) {
                auto s0 = Steady::now();
                auto res = client.Post("/api/questions", submission(p, i), "application/json");
                tally.add(res, msSince(s0), false);
                if (i < kApproved) {
                    const std::string& id = approved[static_cast<std::size_t>((i + p) % kApproved)];
                    auto v0 = Steady::now();
                    auto vr = client.Post(("/api/questions/" + id + "/vote").c_str(), vote,
                                          "application/json");
                    tally.add(vr, msSince(v0), true);
                }
            }
        });
        tally.print(seconds);
    }

    // 2. Paced: the room sends a steady number of submissions a second in all (each phone one
    // every period, the phones spread over it); latency counts from when each was due, so
    // falling behind shows.
    int phase = 2;
    for (const int periodMs : {150, 75}) {
        constexpr int kEach = 30;
        const auto period = std::chrono::milliseconds(periodMs);
        std::printf(
            "  %d. paced: %d submissions/s offered in all (each phone one every %d ms) for "
            "%.2f s  (goal: >= 1000 accepted/s with p99 < 20 ms)\n",
            phase, kPhones * 1000 / periodMs, periodMs, kEach * periodMs / 1000.0);
        Tally tally;
        const auto start = Steady::now() + std::chrono::milliseconds(200);
        const double seconds = runPhones(host, [&](int p) {
            httplib::Client client = phoneClient(port);
            const auto offset = period * p / kPhones;
            for (int i = 0; i < kEach; ++i) {
                const auto due = start + offset + period * i;
                std::this_thread::sleep_until(due);
                auto res = client.Post("/api/questions", submission(p, 1000 * phase + i),
                                       "application/json");
                tally.add(res, msSince(due), false);
            }
        });
        tally.print(seconds - 0.2);
        ++phase;
    }

    host.shutdown(true);
    fs::remove_all(dir);
    return 0;
}
