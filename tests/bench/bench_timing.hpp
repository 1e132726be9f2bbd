// Timing helpers the benchmarks share: a stopwatch in ms and median / p95 (and mean) of samples
// (main thread of each benchmark).
#pragma once

#include <algorithm>
#include <chrono>
#include <numeric>
#include <vector>

namespace pycast::bench {

using Wall = std::chrono::steady_clock;

inline double millisecondsSince(Wall::time_point start) {
    return std::chrono::duration<double, std::milli>(Wall::now() - start).count();
}

struct Figures {
    double mean = 0;
    double median = 0;
    double p95 = 0;
};

// `samples` must not be empty.
inline Figures summarize(std::vector<double> samples) {
    std::sort(samples.begin(), samples.end());
    const double sum = std::accumulate(samples.begin(), samples.end(), 0.0);
    return {sum / static_cast<double>(samples.size()), samples[samples.size() / 2],
            samples[samples.size() * 95 / 100]};
}

}  // namespace pycast::bench
