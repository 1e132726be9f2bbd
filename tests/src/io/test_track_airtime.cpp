// Actual airtime of track files: 24-bit WAVs written by the recorder's WavWriter, read back in
// blocks through the detector; a shorter track, and files that cannot be measured.
#include <doctest/doctest.h>

#include <cmath>
#include <numbers>
#include <vector>

#include "io/track_airtime.hpp"
#include "io/wav_file.hpp"
#include "test_support.hpp"

using namespace pycast;
using pycast::test::TempDir;

namespace {

constexpr int kRate = 48000;

// A mic's samples: -70 dBFS room noise, and tones (voices) at [start, start+length) seconds.
struct Voice {
    double start, length, peakDbfs;
};

std::vector<float> mic(double seconds, const std::vector<Voice>& voices, std::uint32_t seed) {
    std::vector<float> s(static_cast<std::size_t>(seconds * kRate));
    const double noise = std::pow(10.0, -70.0 / 20.0) * std::sqrt(3.0);
    for (float& v : s) {
        seed = seed * 1664525u + 1013904223u;
        v = static_cast<float>(noise * (static_cast<double>(seed >> 8) / static_cast<double>(1u << 24) * 2.0 - 1.0));
    }
    for (const Voice& voice : voices) {
        const double a = std::pow(10.0, voice.peakDbfs / 20.0);
        for (auto i = static_cast<std::size_t>(voice.start * kRate);
             i < static_cast<std::size_t>((voice.start + voice.length) * kRate) && i < s.size(); ++i)
            s[i] += static_cast<float>(a * std::sin(2.0 * std::numbers::pi * 440.0 * static_cast<double>(i) / kRate));
    }
    return s;
}

std::filesystem::path writeTrack(const std::filesystem::path& path, const std::vector<float>& samples,
                                 int rate = kRate) {
    auto w = WavWriter::create(path, {.sampleRate = rate});
    REQUIRE(w.ok());
    REQUIRE(w->append(samples).ok());
    REQUIRE(w->finish().ok());
    return path;
}

}  // namespace

TEST_CASE("track airtime: each mic's own voice counts, its neighbour's bleed does not") {
    TempDir tmp;
    // Host talks 1–3 s and 6–7.5 s; the guest 3.5–5.5 s; each heard 20 dB down in the other mic.
    const auto host = writeTrack(tmp / "host.wav", mic(9.0, {{1, 2, -12}, {6, 1.5, -12}, {3.5, 2, -32}}, 1));
    const auto guest = writeTrack(tmp / "guest.wav", mic(9.0, {{3.5, 2, -12}, {1, 2, -32}, {6, 1.5, -32}}, 2));
    auto r = measureAirtime({host, guest});
    REQUIRE(r.ok());
    REQUIRE(r->talkMs.size() == 2);
    CHECK(r->talkMs[0] >= 3480);
    CHECK(r->talkMs[0] <= 3520);
    CHECK(r->talkMs[1] >= 1980);
    CHECK(r->talkMs[1] <= 2020);
    CHECK(r->recordedMs == 9000);
    CHECK(r->sampleRate == kRate);
}

TEST_CASE("track airtime: a shorter track is silence after its end, and the longest sets the length") {
    TempDir tmp;
    // The guest's file stops at 4 s (its recorder was stopped); the host goes on talking.
    const auto host = writeTrack(tmp / "host.wav", mic(10.3, {{1, 2, -12}, {6, 2, -12}}, 1));
    const auto guest = writeTrack(tmp / "guest.wav", mic(4.0, {{1, 2, -32}}, 2));
    auto r = measureAirtime({guest, host});
    REQUIRE(r.ok());
    CHECK(r->talkMs[0] == 0);
    CHECK(r->talkMs[1] >= 3980);
    CHECK(r->talkMs[1] <= 4020);
    CHECK(r->recordedMs == 10300);

    // One track alone, a length that is no whole number of blocks or frames.
    const auto odd = writeTrack(tmp / "odd.wav", mic(2.0055, {{0.5, 1.0, -12}}, 3));
    auto one = measureAirtime({odd});
    REQUIRE(one.ok());
    CHECK(one->talkMs[0] >= 980);
    CHECK(one->talkMs[0] <= 1020);
    CHECK(one->recordedMs == 2005);
}

TEST_CASE("track airtime: files that cannot be measured are named") {
    TempDir tmp;
    const auto host = writeTrack(tmp / "host.wav", mic(1.0, {}, 1));
    const auto cd = writeTrack(tmp / "cd.wav", mic(1.0, {}, 2), 44100);

    auto mixed = measureAirtime({host, cd});
    REQUIRE_FALSE(mixed.ok());
    CHECK(mixed.error().where == cd.string());
    CHECK(mixed.error().what.find("44100 Hz") != std::string::npos);
    CHECK(mixed.error().what.find(host.string()) != std::string::npos);

    auto missing = measureAirtime({host, tmp / "nope.wav"});
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message().find("nope.wav") != std::string::npos);

    test::writeFile(tmp / "notes.wav", "these are notes, not audio");
    auto text = measureAirtime({tmp / "notes.wav"});
    REQUIRE_FALSE(text.ok());
    CHECK(text.error().message().find("notes.wav") != std::string::npos);

    auto none = measureAirtime({});
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().what == "no track files given");
}
