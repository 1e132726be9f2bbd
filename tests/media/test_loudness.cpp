// LoudnessMeter against the minimum-requirement signals of EBU Tech 3341 (cases 1–6, 9, 12,
// 15–19) and Tech 3342 (cases 1–4), synthesized here at 48 kHz as the 2023 texts describe them;
// the tolerances are theirs (±0.1 LU, true peak +0.2/−0.4 dB, LRA ±1 LU). Cases 7, 8 (3342: 5,
// 6) are recordings; 10, 11, 13, 14 (maxima over separate files / live meters) and 20–23
// (synthesized at 4·fs and filtered down with a filter the text leaves open) are left out.
#include <doctest/doctest.h>
#include <ebur128.h>

#include <cmath>
#include <functional>
#include <numbers>
#include <random>
#include <vector>

#include "media/loudness.hpp"

using pycast::media::LoudnessFigures;
using pycast::media::LoudnessMeter;

namespace {

constexpr int kRate = 48000;

struct Tone {
    double dbfs;  // per-channel peak level
    double seconds;
};

// A 1 kHz sine (phase continuous across the tones), the same in every channel unless
// `channelDb` gives each channel's own offset from the tone's level.
std::vector<float> tones(const std::vector<Tone>& sequence, int channels,
                         const std::vector<double>& channelDb = {}) {
    std::vector<float> out;
    std::int64_t n = 0;
    for (const Tone& t : sequence) {
        const auto frames = static_cast<std::int64_t>(std::llround(t.seconds * kRate));
        for (std::int64_t i = 0; i < frames; ++i, ++n) {
            const double s =
                std::sin(2 * std::numbers::pi * 1000.0 * static_cast<double>(n) / kRate);
            for (int c = 0; c < channels; ++c) {
                const double db =
                    t.dbfs + (channelDb.empty() ? 0.0 : channelDb[static_cast<std::size_t>(c)]);
                out.push_back(static_cast<float>(std::pow(10.0, db / 20.0) * s));
            }
        }
    }
    return out;
}

LoudnessMeter meter(int channels) {
    auto m = LoudnessMeter::create(channels, kRate);
    REQUIRE(m.ok());
    return std::move(*m);
}

LoudnessFigures measure(const std::vector<float>& audio, int channels) {
    LoudnessMeter m = meter(channels);
    m.add(audio);
    return m.figures();
}

// Feeds `audio` 10 ms at a time and calls `check(seconds so far, meter)` after each step.
void stepThrough(const std::vector<float>& audio, int channels,
                 const std::function<void(double, const LoudnessMeter&)>& check) {
    LoudnessMeter m = meter(channels);
    const std::size_t step = kRate / 100 * static_cast<std::size_t>(channels);
    for (std::size_t at = 0; at < audio.size(); at += step) {
        const std::size_t n = std::min(step, audio.size() - at);
        m.add(std::span<const float>(audio.data() + at, n));
        check(static_cast<double>(at + n) / channels / kRate, m);
    }
}

// Tech 3341 cases 15–19: a stereo sine at fs/`divisor`, `amplitude` of full scale, starting
// at `phaseDeg`, 2 s with 10 ms fades in and out.
double truePeakOfSine(int divisor, double amplitude, double phaseDeg) {
    const int frames = 2 * kRate;
    const int fade = kRate / 100;
    std::vector<float> audio;
    for (int n = 0; n < frames; ++n) {
        double env = 1.0;
        if (n < fade) env = static_cast<double>(n) / fade;
        if (frames - 1 - n < fade) env = static_cast<double>(frames - 1 - n) / fade;
        const double v =
            amplitude * env *
            std::sin(2 * std::numbers::pi * n / divisor + phaseDeg * std::numbers::pi / 180);
        audio.push_back(static_cast<float>(v));
        audio.push_back(static_cast<float>(v));
    }
    return measure(audio, 2).truePeakDbtp;
}

}  // namespace

TEST_CASE("EBU Tech 3341 case 1: stereo 1 kHz at -23 dBFS for 20 s reads -23.0 LUFS (M, S, I)") {
    LoudnessMeter m = meter(2);
    m.add(tones({{-23, 20}}, 2));
    CHECK(std::fabs(m.figures().integratedLufs + 23.0) <= 0.1);
    CHECK(std::fabs(m.momentaryLufs() + 23.0) <= 0.1);
    CHECK(std::fabs(m.shortTermLufs() + 23.0) <= 0.1);
}

TEST_CASE("EBU Tech 3341 case 2: stereo 1 kHz at -33 dBFS reads -33.0 LUFS (M, S, I)") {
    LoudnessMeter m = meter(2);
    m.add(tones({{-33, 20}}, 2));
    CHECK(std::fabs(m.figures().integratedLufs + 33.0) <= 0.1);
    CHECK(std::fabs(m.momentaryLufs() + 33.0) <= 0.1);
    CHECK(std::fabs(m.shortTermLufs() + 33.0) <= 0.1);
}

TEST_CASE("EBU Tech 3341 case 3: -36/-23/-36 dBFS (10/60/10 s) gates to -23.0 LUFS") {
    CHECK(std::fabs(measure(tones({{-36, 10}, {-23, 60}, {-36, 10}}, 2), 2).integratedLufs +
                    23.0) <= 0.1);
}

TEST_CASE("EBU Tech 3341 case 4: -72/-36/-23/-36/-72 dBFS gates to -23.0 LUFS") {
    const auto audio = tones({{-72, 10}, {-36, 10}, {-23, 60}, {-36, 10}, {-72, 10}}, 2);
    CHECK(std::fabs(measure(audio, 2).integratedLufs + 23.0) <= 0.1);
}

TEST_CASE("EBU Tech 3341 case 5: -26/-20/-26 dBFS (20/20.1/20 s) reads -23.0 LUFS") {
    CHECK(std::fabs(measure(tones({{-26, 20}, {-20, 20.1}, {-26, 20}}, 2), 2).integratedLufs +
                    23.0) <= 0.1);
}

TEST_CASE(
    "EBU Tech 3341 case 6: 5.0 channels L R C Ls Rs at -28/-28/-24/-30/-30 dBFS read -23.0 LUFS") {
    const auto audio = tones({{0, 20}}, 5, {-28, -28, -24, -30, -30});
    CHECK(std::fabs(measure(audio, 5).integratedLufs + 23.0) <= 0.1);
}

TEST_CASE(
    "EBU Tech 3341 case 9: 1.34 s at -20 / 1.66 s at -30 dBFS x5 holds short-term at -23.0 after 3 "
    "s") {
    std::vector<Tone> seq;
    for (int i = 0; i < 5; ++i) seq.insert(seq.end(), {{-20, 1.34}, {-30, 1.66}});
    int checked = 0;
    stepThrough(tones(seq, 2), 2, [&](double t, const LoudnessMeter& m) {
        if (t < 3.0) return;
        ++checked;
        INFO("at " << t << " s");
        CHECK(std::fabs(m.shortTermLufs() + 23.0) <= 0.1);
    });
    CHECK(checked == 1201);
}

TEST_CASE(
    "EBU Tech 3341 case 12: 0.18 s at -20 / 0.22 s at -30 dBFS x25 holds momentary at -23.0 after "
    "1 s") {
    std::vector<Tone> seq;
    for (int i = 0; i < 25; ++i) seq.insert(seq.end(), {{-20, 0.18}, {-30, 0.22}});
    int checked = 0;
    stepThrough(tones(seq, 2), 2, [&](double t, const LoudnessMeter& m) {
        if (t < 1.0) return;
        ++checked;
        INFO("at " << t << " s");
        CHECK(std::fabs(m.momentaryLufs() + 23.0) <= 0.1);
    });
    CHECK(checked == 901);
}

TEST_CASE("EBU Tech 3341 cases 15-19: true peak of sines at fs/4, fs/6, fs/8 with phase offsets") {
    auto within = [](double measured, double expected) {
        INFO("measured " << measured << " dBTP, expected " << expected);
        CHECK(measured <= expected + 0.2);
        CHECK(measured >= expected - 0.4);
    };
    within(truePeakOfSine(4, 0.50, 0.0), -6.0);   // 15
    within(truePeakOfSine(4, 0.50, 45.0), -6.0);  // 16: samples at ±0.354, -9 dBFS
    within(truePeakOfSine(6, 0.50, 60.0), -6.0);  // 17
    within(truePeakOfSine(8, 0.50, 67.5), -6.0);  // 18
    within(truePeakOfSine(4, 1.41, 45.0), 3.0);   // 19: samples just under full scale
}

TEST_CASE("EBU Tech 3342 cases 1-4: loudness range of tone steps") {
    auto lra = [](std::vector<Tone> seq) { return measure(tones(seq, 2), 2).loudnessRangeLu; };
    CHECK(std::fabs(lra({{-20, 20}, {-30, 20}}) - 10.0) <= 1.0);
    CHECK(std::fabs(lra({{-20, 20}, {-15, 20}}) - 5.0) <= 1.0);
    CHECK(std::fabs(lra({{-40, 20}, {-20, 20}}) - 20.0) <= 1.0);
    CHECK(std::fabs(lra({{-50, 20}, {-35, 20}, {-20, 20}, {-35, 20}, {-50, 20}}) - 15.0) <= 1.0);
}

TEST_CASE("Loudness: mono is one front channel, 3 LU under the same tone in both stereo channels") {
    const auto mono = measure(tones({{-20, 20}}, 1), 1);
    const auto stereo = measure(tones({{-20, 20}}, 2), 2);
    CHECK(std::fabs(mono.integratedLufs + 23.0) <= 0.05);
    CHECK(std::fabs(stereo.integratedLufs + 20.0) <= 0.05);
    CHECK(std::fabs(mono.samplePeakDbfs + 20.0) <= 0.01);
}

TEST_CASE("Loudness: a programme measured in two pieces gives the whole's integrated loudness") {
    // Stereo -20 dBFS then -30 dBFS, 20 s each: -20 and -30 LUFS alone, -22.6 LUFS together.
    const auto audio = tones({{-20, 20}, {-30, 20}}, 2);
    const std::size_t cut = 2 * (20 * kRate + 12345);  // off the 100 ms block grid
    LoudnessMeter a = meter(2), b = meter(2);
    a.add(std::span<const float>(audio.data(), cut));
    b.add(std::span<const float>(audio.data() + cut, audio.size() - cut));
    const double whole = measure(audio, 2).integratedLufs;
    CHECK(std::fabs(whole + 22.6) <= 0.1);
    CHECK(std::fabs(LoudnessMeter::integratedOf({&a, &b}) - whole) <= 0.05);
    CHECK(std::fabs(LoudnessMeter::integratedOf({&a}) - a.figures().integratedLufs) < 1e-9);
    CHECK(LoudnessMeter::integratedOf({}) == -HUGE_VAL);
}

TEST_CASE(
    "Loudness: silence has no integrated loudness and no peaks, and modes left off read NaN") {
    std::vector<float> silence(2 * kRate * 5, 0.0f);
    const auto f = measure(silence, 2);
    CHECK(f.integratedLufs == -HUGE_VAL);
    CHECK(f.samplePeakDbfs == -HUGE_VAL);
    CHECK(f.truePeakDbtp == -HUGE_VAL);
    CHECK(f.loudnessRangeLu == 0.0);

    auto lean = LoudnessMeter::create(2, kRate, {.truePeak = false, .range = false});
    REQUIRE(lean.ok());
    lean->add(tones({{-23, 5}}, 2));
    CHECK(std::isnan(lean->figures().truePeakDbtp));
    CHECK(std::isnan(lean->figures().loudnessRangeLu));
    CHECK(std::fabs(lean->figures().integratedLufs + 23.0) <= 0.1);
}

TEST_CASE("Loudness: a meter refuses impossible channel counts and rates with a message") {
    auto none = LoudnessMeter::create(0, kRate);
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().message().find("0 channels") != std::string::npos);
    auto slow = LoudnessMeter::create(2, 100);
    REQUIRE_FALSE(slow.ok());
    CHECK(slow.error().message().find("100 Hz") != std::string::npos);
}

TEST_CASE("Loudness: the true peak reads what libebur128's own true peak reads") {
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> u(0, 1);
    for (int round = 0; round < 6; ++round) {
        const int channels = 1 + round % 2;
        std::vector<float> audio(static_cast<std::size_t>(kRate * 3 * channels));
        const double hz = 100 + u(rng) * 20000;
        for (std::size_t i = 0; i < audio.size(); ++i)
            audio[i] = static_cast<float>(
                0.4 *
                    std::sin(2 * std::numbers::pi * hz *
                             static_cast<double>(i / static_cast<std::size_t>(channels)) / kRate) +
                0.3 * (u(rng) - 0.5) * std::fabs(std::sin(static_cast<double>(i) * 3e-5)));
        for (int k = 0; k < 5; ++k)
            audio[static_cast<std::size_t>(u(rng) * static_cast<double>(audio.size()))] =
                static_cast<float>(u(rng) * 1.5 - 0.75);

        LoudnessMeter ours = meter(channels);
        ebur128_state* theirs =
            ebur128_init(static_cast<unsigned>(channels), kRate, EBUR128_MODE_TRUE_PEAK);
        REQUIRE(theirs != nullptr);
        for (std::size_t at = 0; at < audio.size();) {  // uneven pieces
            const std::size_t n =
                std::min(audio.size() - at, static_cast<std::size_t>(1 + u(rng) * 7000) *
                                                static_cast<std::size_t>(channels));
            ours.add(std::span<const float>(audio.data() + at, n));
            ebur128_add_frames_float(theirs, audio.data() + at,
                                     n / static_cast<std::size_t>(channels));
            at += n;
        }
        double expected = 0;
        for (unsigned c = 0; c < static_cast<unsigned>(channels); ++c) {
            double v = 0;
            ebur128_true_peak(theirs, c, &v);
            expected = std::max(expected, v);
        }
        ebur128_destroy(&theirs);
        INFO("round " << round << ", " << hz << " Hz");
        CHECK(std::fabs(ours.figures().truePeakDbtp - 20 * std::log10(expected)) < 0.01);
    }
}
