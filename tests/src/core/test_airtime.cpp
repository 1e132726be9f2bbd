// Actual airtime: the energy-and-dominance detector on synthetic mics (tone bursts as voices,
// white noise as the room, the other mic's voice 20 dB down as bleed).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <vector>

#include "core/airtime.hpp"

using namespace pycast;

namespace {

constexpr int kRate = 48000;

struct Mics {
    explicit Mics(int tracks, double seconds)
        : samples(static_cast<std::size_t>(tracks),
                  std::vector<float>(static_cast<std::size_t>(seconds * kRate), 0.0f)) {}
    std::vector<std::vector<float>> samples;
};

std::size_t at(double seconds) { return static_cast<std::size_t>(std::llround(seconds * kRate)); }

// A sine whose peak is `peakDbfs` from `start` for `length` seconds (a "voice").
void tone(std::vector<float>& track, double start, double length, double hz, double peakDbfs) {
    const double amplitude = std::pow(10.0, peakDbfs / 20.0);
    for (std::size_t i = at(start); i < at(start + length) && i < track.size(); ++i)
        track[i] += static_cast<float>(amplitude * std::sin(2.0 * std::numbers::pi * hz *
                                                            static_cast<double>(i) / kRate));
}

// Uniform white noise with RMS `rmsDbfs` from `start` for `length` seconds (the room).
void noise(std::vector<float>& track, double start, double length, double rmsDbfs, std::uint32_t seed) {
    const double amplitude = std::pow(10.0, rmsDbfs / 20.0) * std::sqrt(3.0);
    for (std::size_t i = at(start); i < at(start + length) && i < track.size(); ++i) {
        seed = seed * 1664525u + 1013904223u;
        const double u = static_cast<double>(seed >> 8) / static_cast<double>(1u << 24) * 2.0 - 1.0;
        track[i] += static_cast<float>(amplitude * u);
    }
}

// Rumble (white noise through a leaky integrator: brown noise, most of it below 100 Hz, with
// levels that wander by 15 dB from one 10 ms frame to the next) at RMS `rmsDbfs`.
void rumble(std::vector<float>& track, double rmsDbfs, std::uint32_t seed) {
    std::vector<double> y(track.size());
    double state = 0.0, sum = 0.0;
    for (double& v : y) {
        seed = seed * 1664525u + 1013904223u;
        state = 0.999 * state + (static_cast<double>(seed >> 8) / static_cast<double>(1u << 24) * 2.0 - 1.0);
        v = state;
        sum += v * v;
    }
    const double gain = std::pow(10.0, rmsDbfs / 20.0) / std::sqrt(sum / static_cast<double>(y.size()));
    for (std::size_t i = 0; i < y.size(); ++i) track[i] += static_cast<float>(gain * y[i]);
}

// A voice in its own mic at `peakDbfs` and in every other mic 20 dB lower.
void voice(Mics& m, int speaker, double start, double length, double hz, double peakDbfs = -12.0) {
    for (std::size_t t = 0; t < m.samples.size(); ++t)
        tone(m.samples[t], start, length, hz, static_cast<int>(t) == speaker ? peakDbfs : peakDbfs - 20.0);
}

void roomNoise(Mics& m, double rmsDbfs = -70.0) {
    for (std::size_t t = 0; t < m.samples.size(); ++t)
        noise(m.samples[t], 0.0, 1e9, rmsDbfs, static_cast<std::uint32_t>(7 + t));
}

std::vector<std::int64_t> run(const Mics& m, AirtimeDetector* keep = nullptr) {
    AirtimeDetector local(static_cast<int>(m.samples.size()), kRate);
    AirtimeDetector& d = keep ? *keep : local;
    const std::size_t n = static_cast<std::size_t>(d.samplesPerFrame());
    std::vector<float> planar(n * m.samples.size());
    for (std::size_t start = 0; start + n <= m.samples[0].size(); start += n) {
        for (std::size_t t = 0; t < m.samples.size(); ++t)
            std::copy_n(m.samples[t].begin() + static_cast<std::ptrdiff_t>(start), n,
                        planar.begin() + static_cast<std::ptrdiff_t>(t * n));
        d.addFrame(planar);
    }
    d.finish();
    return d.talkMs();
}

}  // namespace

TEST_CASE("airtime: a voice counts for its own mic, not for the mic that hears it 20 dB down") {
    Mics m(2, 7.0);
    roomNoise(m);
    // Track A talks: 1.0 s, a 200 ms word gap (bridged), 0.8 s, a 500 ms pause (not bridged),
    // 2.0 s, a pause, 0.4 s.  Talk = (1.0 + 0.2 + 0.8) + 2.0 + 0.4 = 4.4 s.
    voice(m, 0, 0.5, 1.0, 440.0);
    voice(m, 0, 1.7, 0.8, 440.0);
    voice(m, 0, 3.0, 2.0, 440.0);
    voice(m, 0, 5.5, 0.4, 440.0);
    const auto ms = run(m);
    REQUIRE(ms.size() == 2);
    // Each burst's edges may move by a frame (the high-pass rings for a moment after a tone
    // that starts or stops at full level).
    CHECK(ms[0] >= 4360);
    CHECK(ms[0] <= 4440);
    CHECK(ms[1] == 0);

    // The same with the roles swapped: only B counts.
    Mics swapped(2, 7.0);
    roomNoise(swapped);
    voice(swapped, 1, 0.5, 1.0, 440.0);
    voice(swapped, 1, 3.0, 2.0, 440.0);
    const auto ms2 = run(swapped);
    CHECK(ms2[0] == 0);
    CHECK(ms2[1] >= 2980);
    CHECK(ms2[1] <= 3020);
}

TEST_CASE("airtime: double talk at equal levels counts for both speakers") {
    Mics m(3, 5.0);
    roomNoise(m);
    voice(m, 0, 0.5, 2.0, 440.0);  // A 0.5–2.5
    voice(m, 1, 1.0, 2.0, 660.0);  // B 1.0–3.0, over A for 1.5 s
    const auto ms = run(m);
    CHECK(ms[0] >= 1980);
    CHECK(ms[0] <= 2020);
    CHECK(ms[1] >= 1980);
    CHECK(ms[1] <= 2020);
    CHECK(ms[2] == 0);  // the third mic hears both 20 dB down
}

TEST_CASE("airtime: a softer voice talking over a louder one still counts within the dominance margin") {
    Mics m(2, 4.0);
    roomNoise(m);
    voice(m, 0, 0.5, 2.0, 440.0, -12.0);
    voice(m, 1, 0.5, 2.0, 660.0, -18.0);  // 6 dB softer than A, in its own mic
    const auto ms = run(m);
    CHECK(ms[0] >= 1980);
    CHECK(ms[1] >= 1980);
}

TEST_CASE("airtime: silence and a constant noise floor count for nobody") {
    Mics silent(2, 5.0);
    CHECK(run(silent) == std::vector<std::int64_t>{0, 0});

    Mics fan(2, 10.0);
    roomNoise(fan, -40.0);  // loud, but steady from the start
    CHECK(run(fan) == std::vector<std::int64_t>{0, 0});

    Mics rumbling(2, 10.0);
    rumble(rumbling.samples[0], -30.0, 3);  // traffic or an air conditioner, loud
    rumble(rumbling.samples[1], -40.0, 4);
    CHECK(run(rumbling) == std::vector<std::int64_t>{0, 0});
    voice(rumbling, 1, 4.0, 2.0, 440.0);  // and a voice over it counts
    const auto withVoice = run(rumbling);
    CHECK(withVoice[0] == 0);
    CHECK(withVoice[1] >= 1980);
    CHECK(withVoice[1] <= 2020);

    Mics quiet(2, 5.0);
    roomNoise(quiet, -100.0);
    voice(quiet, 0, 1.0, 2.0, 440.0, -62.0);  // 40 dB over the floor, but below -55 dBFS
    CHECK(run(quiet) == std::vector<std::int64_t>{0, 0});
}

TEST_CASE("airtime: a noise that starts mid-recording is learnt within the floor window") {
    Mics m(1, 12.0);
    roomNoise(m, -75.0);
    noise(m.samples[0], 1.0, 11.0, -40.0, 99);  // a fan switched on at 1 s
    const auto ms = run(m);
    CHECK(ms[0] <= kAirtimeFloorWindowMs + 500);
    // Speech over the fan still counts once the fan is the floor.
    Mics talk(1, 12.0);
    roomNoise(talk, -75.0);
    noise(talk.samples[0], 1.0, 11.0, -40.0, 99);
    tone(talk.samples[0], 8.0, 2.0, 440.0, -12.0);
    const auto ms2 = run(talk);
    CHECK(ms2[0] >= ms[0] + 1980);
}

TEST_CASE("airtime: a 50 ms click does not count — a short word does") {
    Mics m(2, 4.0);
    roomNoise(m);
    voice(m, 0, 1.0, 0.05, 2000.0, -3.0);  // click, loud
    voice(m, 1, 2.0, 0.15, 440.0);         // "yes"
    const auto ms = run(m);
    CHECK(ms[0] == 0);
    CHECK(ms[1] >= 140);
    CHECK(ms[1] <= 160);
}

TEST_CASE("airtime: word gaps under 300 ms are bridged, longer pauses are not") {
    Mics m(2, 6.0);
    roomNoise(m);
    voice(m, 0, 0.5, 0.5, 440.0);
    voice(m, 0, 1.25, 0.5, 440.0);  // 250 ms gap: counted
    voice(m, 1, 3.0, 0.5, 440.0);
    voice(m, 1, 3.85, 0.5, 440.0);  // 350 ms gap: not counted
    const auto ms = run(m);
    CHECK(ms[0] >= 1230);
    CHECK(ms[0] <= 1270);
    CHECK(ms[1] >= 980);
    CHECK(ms[1] <= 1020);
}

TEST_CASE("airtime: a dropout's digital silence does not lower the floor under a steady noise") {
    Mics m(1, 9.0);
    noise(m.samples[0], 0.0, 3.0, -40.0, 5);
    noise(m.samples[0], 5.0, 4.0, -40.0, 6);  // 3–5 s digital zero, then the same room again
    const auto ms = run(m);
    CHECK(ms[0] == 0);
}

TEST_CASE("airtime: talk so far, the talking light, and odd frames") {
    Mics m(2, 3.0);
    roomNoise(m);
    voice(m, 0, 0.5, 1.0, 440.0);
    AirtimeDetector d(2, kRate);
    CHECK(d.samplesPerFrame() == 480);
    CHECK(d.tracks() == 2);
    const std::size_t n = 480;
    std::vector<float> planar(2 * n);
    for (std::size_t start = 0; start + n <= at(1.0); start += n) {
        for (std::size_t t = 0; t < 2; ++t)
            std::copy_n(m.samples[t].begin() + static_cast<std::ptrdiff_t>(start), n,
                        planar.begin() + static_cast<std::ptrdiff_t>(t * n));
        d.addFrame(planar);
    }
    CHECK(d.framesSeen() == 100);
    CHECK(d.isTalking(0));
    CHECK_FALSE(d.isTalking(1));
    CHECK_FALSE(d.isTalking(7));
    CHECK(d.talkMs()[0] == 500);  // open burst, counted up to now
    d.addFrame({});               // ignored
    CHECK(d.framesSeen() == 100);
    d.finish();
    d.finish();
    CHECK(d.talkMs()[0] == 500);
    CHECK_FALSE(d.isTalking(0));

    AirtimeDetector odd(0, 0);  // clamped: one track, 1 sample per frame
    CHECK(odd.tracks() == 1);
    CHECK(odd.samplesPerFrame() == 1);
}

TEST_CASE("airtime: interleaved input in any block size, with a dropout's silence, counts as the planar frames do") {
    Mics m(2, 6.0);
    roomNoise(m);
    voice(m, 0, 0.5, 1.5, 440.0);
    voice(m, 1, 3.0, 1.0, 660.0);
    // The gap a dropout leaves: digital zero on both tracks, 2.5–2.8 s.
    for (auto& track : m.samples) std::fill(track.begin() + static_cast<std::ptrdiff_t>(at(2.5)),
                                            track.begin() + static_cast<std::ptrdiff_t>(at(2.8)), 0.0f);
    const auto planar = run(m);

    // A 3-channel device: channel 2 is track 0's mic, channel 0 track 1's, channel 1 unused.
    const std::size_t frames = m.samples[0].size();
    std::vector<float> interleaved(frames * 3);
    for (std::size_t f = 0; f < frames; ++f) {
        interleaved[f * 3 + 2] = m.samples[0][f];
        interleaved[f * 3 + 0] = m.samples[1][f];
        interleaved[f * 3 + 1] = 0.9f;  // something loud that belongs to nobody
    }
    AirtimeDetector d(2, kRate);
    const std::vector<int> channelOfTrack{2, 0};
    const std::size_t sizes[] = {37, 1000, 1, 479, 4096, 256};
    std::size_t f = 0;
    for (std::size_t k = 0; f < at(2.5); ++k) {
        const std::size_t n = std::min(sizes[k % 6], at(2.5) - f);
        d.addInterleaved(std::span<const float>(interleaved).subspan(f * 3, n * 3), 3, channelOfTrack);
        f += n;
    }
    d.addSilence(static_cast<std::int64_t>(at(2.8) - at(2.5)));
    f = at(2.8);
    for (std::size_t k = 0; f < frames; ++k) {
        const std::size_t n = std::min(sizes[k % 6], frames - f);
        d.addInterleaved(std::span<const float>(interleaved).subspan(f * 3, n * 3), 3, channelOfTrack);
        f += n;
    }
    CHECK(d.framesSeen() == static_cast<std::int64_t>(frames / 480));
    d.finish();
    CHECK(d.talkMs() == planar);
    CHECK(planar[0] >= 1480);
    CHECK(planar[1] >= 980);

    // A channel the device does not have reads as silence.
    AirtimeDetector missing(2, kRate);
    const std::vector<int> outOfRange{2, 7};
    missing.addInterleaved(interleaved, 3, outOfRange);
    missing.finish();
    CHECK(missing.talkMs()[1] == 0);
    // With the guest's mic gone, the guest heard in the host's mic is the loudest voice left.
    CHECK(missing.talkMs()[0] >= planar[0] + planar[1] - 20);
}
