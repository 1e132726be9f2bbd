// TruePeakLimiter: peaks over the ceiling come out under it as libebur128 measures true peak,
// everything else passes bit-exact, lengths are kept, and blocks of any size give the same result.
#include <doctest/doctest.h>
#include <ebur128.h>

#include <cmath>
#include <cstring>
#include <numbers>
#include <random>
#include <vector>

#include "media/limiter.hpp"

using pycast::media::TruePeakLimiter;

namespace {

constexpr int kRate = 48000;

std::vector<float> sine(double hz, double amplitude, double seconds, int channels,
                        double phaseDeg = 0) {
    std::vector<float> out;
    const auto frames = static_cast<std::size_t>(seconds * kRate);
    for (std::size_t n = 0; n < frames; ++n) {
        const double v =
            amplitude * std::sin(2 * std::numbers::pi * hz * static_cast<double>(n) / kRate +
                                 phaseDeg * std::numbers::pi / 180);
        for (int c = 0; c < channels; ++c) out.push_back(static_cast<float>(v));
    }
    return out;
}

// Quiet noise (-26 dBFS peak) with a different seed per channel.
std::vector<float> noise(double seconds, int channels, unsigned seed = 7) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> d(-0.05f, 0.05f);
    std::vector<float> out(static_cast<std::size_t>(seconds * kRate) *
                           static_cast<std::size_t>(channels));
    for (auto& v : out) v = d(rng);
    return out;
}

std::vector<float> limit(TruePeakLimiter& limiter, const std::vector<float>& in,
                         std::size_t block = 1024, int channels = 2) {
    std::vector<float> out;
    const std::size_t step = block * static_cast<std::size_t>(channels);
    for (std::size_t at = 0; at < in.size(); at += step)
        limiter.process(std::span<const float>(in.data() + at, std::min(step, in.size() - at)),
                        out);
    limiter.flush(out);
    return out;
}

struct Peaks {
    double truePeakDbtp;
    double samplePeakDbfs;
};

// libebur128's own true peak, not LoudnessMeter's (which uses the limiter's detector): the
// limiter is judged by an independent meter.
Peaks figures(const std::vector<float>& audio, int channels) {
    ebur128_state* st = ebur128_init(static_cast<unsigned>(channels), kRate,
                                     EBUR128_MODE_TRUE_PEAK | EBUR128_MODE_SAMPLE_PEAK);
    REQUIRE(st != nullptr);
    ebur128_add_frames_float(st, audio.data(), audio.size() / static_cast<std::size_t>(channels));
    double tp = 0, sp = 0;
    for (unsigned c = 0; c < static_cast<unsigned>(channels); ++c) {
        double v = 0;
        ebur128_true_peak(st, c, &v);
        tp = std::max(tp, v);
        ebur128_sample_peak(st, c, &v);
        sp = std::max(sp, v);
    }
    ebur128_destroy(&st);
    auto db = [](double x) { return x > 0 ? 20 * std::log10(x) : -HUGE_VAL; };
    return {db(tp), db(sp)};
}

}  // namespace

TEST_CASE("Limiter: a sine at +3 dBTP comes out at no more than -1 dBTP, as long as it went in") {
    const double amplitude = std::pow(10.0, 3.0 / 20.0);
    const auto in = sine(997, amplitude, 3.0, 2);
    REQUIRE(figures(in, 2).truePeakDbtp > 2.9);
    TruePeakLimiter limiter(2, kRate, -1.0, 2.0, 80.0);
    const auto out = limit(limiter, in);
    REQUIRE(out.size() == in.size());
    const auto f = figures(out, 2);
    INFO("true peak after: " << f.truePeakDbtp);
    CHECK(f.truePeakDbtp <= -1.0 + 0.05);
    CHECK(f.truePeakDbtp >= -1.5);  // limited to the ceiling, not far below it
    CHECK(limiter.limitedFrames() > 3 * kRate * 9 / 10);
    CHECK(limiter.maxReductionDb() >= 4.0);
    CHECK(limiter.maxReductionDb() <= 4.5);
}

TEST_CASE("Limiter: audio whose true peak stays under the ceiling passes bit-exact") {
    auto in = noise(4.0, 2);
    const auto tone = sine(440, 0.7, 4.0, 2);  // -3.1 dBFS + noise: under -1 dBTP
    for (std::size_t i = 0; i < in.size(); ++i) in[i] += tone[i];
    REQUIRE(figures(in, 2).truePeakDbtp < -1.1);
    TruePeakLimiter limiter(2, kRate, -1.0);
    const auto out = limit(limiter, in, 333);
    REQUIRE(out.size() == in.size());
    CHECK(std::memcmp(out.data(), in.data(), in.size() * sizeof(float)) == 0);
    CHECK(limiter.limitedFrames() == 0);
    CHECK(limiter.maxReductionDb() == 0.0);
}

TEST_CASE(
    "Limiter: an inter-sample peak between samples under the ceiling is caught, the rest "
    "untouched") {
    // 1 s of fs/4 at 45°: every sample is at ±0.707 (-3 dBFS, under the -1 ceiling), the
    // waveform between them reaches 0 dBTP. Quiet noise before and after.
    const auto before = noise(2.0, 2, 1);
    const auto burst = sine(kRate / 4.0, 1.0, 1.0, 2, 45.0);
    const auto after = noise(3.0, 2, 2);
    std::vector<float> in = before;
    in.insert(in.end(), burst.begin(), burst.end());
    in.insert(in.end(), after.begin(), after.end());
    REQUIRE(figures(in, 2).samplePeakDbfs < -2.9);
    REQUIRE(figures(in, 2).truePeakDbtp > -0.2);

    TruePeakLimiter limiter(2, kRate, -1.0, 2.0, 50.0);
    const auto out = limit(limiter, in, 4096);
    REQUIRE(out.size() == in.size());
    const auto f = figures(out, 2);
    INFO("true peak after: " << f.truePeakDbtp);
    CHECK(f.truePeakDbtp <= -1.0 + 0.05);
    // The gain moves only around the burst: the look-ahead before it, the release after it.
    const std::size_t lead = before.size() - 2 * static_cast<std::size_t>(limiter.latencyFrames());
    CHECK(std::memcmp(out.data(), in.data(), lead * sizeof(float)) == 0);
    const std::size_t tail = before.size() + burst.size() + 2 * kRate * 2;  // 2 s after the burst
    CHECK(std::memcmp(out.data() + tail, in.data() + tail, (in.size() - tail) * sizeof(float)) ==
          0);
    CHECK(limiter.limitedFrames() >= kRate);
    CHECK(limiter.limitedFrames() < 2 * kRate);
}

TEST_CASE("Limiter: the output is the same whatever the block sizes, delayed by latencyFrames") {
    auto in = sine(3000, 1.3, 2.0, 2);
    const auto n = noise(2.0, 2, 3);
    for (std::size_t i = 0; i < in.size(); ++i) in[i] += n[i];
    TruePeakLimiter a(2, kRate, -1.0), b(2, kRate, -1.0);
    const auto whole = limit(a, in, in.size());
    const auto pieces = limit(b, in, 77);
    REQUIRE(whole.size() == in.size());
    CHECK(pieces == whole);

    TruePeakLimiter c(2, kRate, -1.0, 2.0, 80.0);
    CHECK(c.latencyFrames() == 96 + 10);  // 2 ms at 48 kHz + the interpolator's span
    std::vector<float> out;
    c.process(std::span<const float>(in.data(), 2 * 1000), out);
    CHECK(out.size() == 2 * static_cast<std::size_t>(1000 - c.latencyFrames()));
    c.flush(out);
    CHECK(out.size() == 2 * 1000u);
    // A stream shorter than the latency comes out whole at flush.
    std::vector<float> shortOut;
    c.process(std::span<const float>(in.data(), 2 * 10), shortOut);
    CHECK(shortOut.empty());
    c.flush(shortOut);
    CHECK(shortOut.size() == 20u);
}

TEST_CASE("Limiter: the overshoot bound covers the worst signal for the detector, and mono works") {
    const double bound = TruePeakLimiter::overshootBoundDb();
    CHECK(bound > 5.0);
    CHECK(bound < 7.0);
    // Samples with the signs of the interpolator's middle phase, repeated: the largest
    // inter-sample overshoot this detector can see. libebur128 must agree it stays in the bound.
    const float signs[12] = {-1, 1, -1, 1, -1, 1, 1, -1, 1, -1, 1, -1};
    std::vector<float> in;
    for (int rep = 0; rep < kRate; ++rep) in.push_back(0.25f * signs[rep % 12]);
    const auto f = figures(in, 1);
    INFO("sample peak " << f.samplePeakDbfs << ", true peak " << f.truePeakDbtp);
    CHECK(f.truePeakDbtp - f.samplePeakDbfs <= bound);
    // Just under the bound the limiter is idle (the exporter's test for skipping it).
    const double level = std::pow(10.0, (-1.0 - bound - 0.01) / 20.0);
    std::vector<float> quiet;
    for (float v : in) quiet.push_back(static_cast<float>(v / 0.25 * level));
    TruePeakLimiter idle(1, kRate, -1.0);
    const auto untouched = limit(idle, quiet, 500, 1);
    REQUIRE(untouched.size() == quiet.size());
    CHECK(std::memcmp(untouched.data(), quiet.data(), quiet.size() * sizeof(float)) == 0);
    // And the limiter holds it under the ceiling.
    TruePeakLimiter limiter(1, kRate, -12.0 - 1.0);
    const auto out = limit(limiter, in, 500, 1);
    REQUIRE(out.size() == in.size());
    CHECK(figures(out, 1).truePeakDbtp <= -13.0 + 0.05);
}

TEST_CASE("Limiter: a click in the first frames of a stream is held under the ceiling too") {
    for (std::size_t at : {0u, 5u, 60u, 200u}) {
        std::vector<float> in(2 * 4800, 0.0f);
        in[2 * at] = in[2 * at + 1] = 1.5f;
        TruePeakLimiter limiter(2, kRate, -1.0);
        const auto out = limit(limiter, in, 4800);
        REQUIRE(out.size() == in.size());
        const auto f = figures(out, 2);
        INFO("click at frame " << at << ": true peak after " << f.truePeakDbtp);
        CHECK(f.truePeakDbtp <= -1.0 + 0.05);
        CHECK(f.samplePeakDbfs > -2.0);
    }
}

TEST_CASE("Limiter: tones, noise and clicks in random blocks stay under random ceilings") {
    for (unsigned seed = 1; seed <= 16; ++seed) {
        std::mt19937 rng(seed);
        std::uniform_real_distribution<double> u(0, 1);
        const int channels = 1 + static_cast<int>(seed % 2);
        const std::size_t frames = 2 * kRate;
        std::vector<float> in(frames * static_cast<std::size_t>(channels));
        const double hz = 50 + u(rng) * 20000, amplitude = 0.3 + u(rng) * 1.5;
        for (std::size_t n = 0; n < frames; ++n) {
            const double env = std::fabs(std::sin(static_cast<double>(n) * 1e-4));
            for (int c = 0; c < channels; ++c)
                in[n * static_cast<std::size_t>(channels) + static_cast<std::size_t>(c)] =
                    static_cast<float>(
                        amplitude * env *
                            std::sin(2 * std::numbers::pi * hz * static_cast<double>(n) / kRate +
                                     c) +
                        0.2 * (u(rng) - 0.5));
        }
        for (int k = 0; k < 20; ++k)
            in[static_cast<std::size_t>(u(rng) * static_cast<double>(in.size()))] =
                static_cast<float>((u(rng) - 0.5) * 4);
        const double ceiling = -1 - u(rng) * 6;
        TruePeakLimiter limiter(channels, kRate, ceiling, 0.5 + u(rng) * 4, 10 + u(rng) * 200);
        std::vector<float> out;
        for (std::size_t at = 0; at < in.size();) {
            const std::size_t n =
                std::min(in.size() - at, (1 + static_cast<std::size_t>(u(rng) * 3000)) *
                                             static_cast<std::size_t>(channels));
            limiter.process(std::span<const float>(in.data() + at, n), out);
            at += n;
        }
        limiter.flush(out);
        REQUIRE(out.size() == in.size());
        const double truePeak = figures(out, channels).truePeakDbtp;
        INFO("seed " << seed << ": " << hz << " Hz, ceiling " << ceiling << " dBTP, out "
                     << truePeak << " dBTP");
        CHECK(truePeak <= ceiling + 0.05);
        CHECK(truePeak >= ceiling - 0.5);
    }
}
