// The recorder's capture core without PortAudio: frames fed through the callback's body, the
// writer drained by hand, the files read back byte by byte.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <functional>
#include <thread>
#include <vector>

#include "../test_support.hpp"
#include "io/wav_file.hpp"
#include "media/recorder.hpp"
#include "media/recorder_core.hpp"
#include "media/recorder_service.hpp"

using namespace pycast;
using namespace pycast::media;
using pycast::test::TempDir;

namespace {

RecorderSetup twoTracks(const std::filesystem::path& folder) {
    RecorderSetup s;
    s.sampleRate = 48000;
    s.channels = 2;
    s.tracks = {{0, "Host", "p-host", true}, {1, "Guest 1", "p-guest", true}};
    s.folder = folder;
    return s;
}

// Feeds `frames` frames made by gen(frame, channel) in `buffer`-frame callbacks; drains every
// `drainEvery` callbacks (0: never) with a clock that advances by the audio fed.
CaptureOptions optionsFor(const RecorderSetup& s) {
    CaptureOptions o;
    o.setup = s;
    return o;
}

struct Feeder {
    Feeder(CaptureCore& c, int ch, int r) : core(c), channels(ch), rate(r) {}
    CaptureCore& core;
    int channels;
    int rate;
    std::int64_t fed = 0;
    std::vector<float> buf;

    void feed(std::int64_t frames, const std::function<float(std::int64_t, int)>& gen,
              std::size_t buffer = 256, int drainEvery = 4) {
        int calls = 0;
        while (frames > 0) {
            const auto n = static_cast<std::size_t>(
                std::min<std::int64_t>(frames, static_cast<std::int64_t>(buffer)));
            buf.resize(n * static_cast<std::size_t>(channels));
            for (std::size_t f = 0; f < n; ++f)
                for (int c = 0; c < channels; ++c)
                    buf[f * static_cast<std::size_t>(channels) + static_cast<std::size_t>(c)] =
                        gen(fed + static_cast<std::int64_t>(f), c);
            core.onInput(buf.data(), n, false);
            fed += static_cast<std::int64_t>(n);
            frames -= static_cast<std::int64_t>(n);
            if (drainEvery > 0 && ++calls % drainEvery == 0) core.drain(now());
        }
    }
    double now() const { return static_cast<double>(fed) / rate; }
};

// The 24-bit samples of a track file, as integers.
std::vector<std::int32_t> readPcm24(const std::filesystem::path& file) {
    auto info = readWavInfo(file);
    REQUIRE_MESSAGE(info.ok(), info.error().message());
    REQUIRE(info->bitsPerSample == 24);
    REQUIRE(info->channels == 1);
    std::ifstream in(file, std::ios::binary);
    in.seekg(static_cast<std::streamoff>(info->dataOffset));
    std::vector<std::int32_t> out(info->frames());
    for (auto& v : out) {
        unsigned char b[3];
        in.read(reinterpret_cast<char*>(b), 3);
        std::int32_t x = b[0] | (b[1] << 8) | (b[2] << 16);
        if (x & 0x800000) x -= 0x1000000;
        v = x;
    }
    return out;
}

// What a float sample becomes in the file (WavWriter: ×8388608, rounded to nearest, clipped).
std::int32_t to24(float x) {
    const double v = std::nearbyint(static_cast<double>(x) * 8388608.0);
    return static_cast<std::int32_t>(std::clamp(v, -8388608.0, 8388607.0));
}

std::vector<RecorderEvent> eventsOf(const std::vector<RecorderEvent>& all, RecorderEvent::Kind kind,
                                    const std::string& code = "") {
    std::vector<RecorderEvent> out;
    for (const auto& e : all)
        if (e.kind == kind && (code.empty() || e.code == code)) out.push_back(e);
    return out;
}

float noise(std::int64_t i, int c) {
    // A deterministic, sample-unique signal below full scale.
    const auto h =
        static_cast<std::uint32_t>(i * 2654435761u + static_cast<std::uint32_t>(c) * 40503u);
    return (static_cast<float>(h % 2000001u) - 1000000.f) / 1100000.f;
}

}  // namespace

TEST_CASE("recorder core: frames in, one mono 24-bit file per armed track out, sample for sample") {
    TempDir dir;
    RecorderSetup s = twoTracks(dir.path() / "tracks");
    s.channels = 3;
    s.tracks.push_back({2, "Guest 2", "", false});  // disarmed: no file
    auto core = CaptureCore::create(optionsFor(s));
    REQUIRE_MESSAGE(core.ok(), core.error().message());
    Feeder feeder{**core, 3, 48000};
    const std::int64_t total = 48000 * 2 + 77;
    feeder.feed(total, noise, 256, 3);
    REQUIRE((*core)->finish(feeder.now()).ok());

    const auto files = (*core)->files();
    REQUIRE(files.size() == 2);
    CHECK(files[0].filename() == "01-host.wav");
    CHECK(files[1].filename() == "02-guest-1.wav");
    CHECK_FALSE(std::filesystem::exists(dir.path() / "tracks" / "03-guest-2.wav"));
    for (int c = 0; c < 2; ++c) {
        const auto pcm = readPcm24(files[static_cast<std::size_t>(c)]);
        REQUIRE(pcm.size() == static_cast<std::size_t>(total));
        std::size_t mismatches = 0;
        for (std::int64_t i = 0; i < total; ++i)
            mismatches += pcm[static_cast<std::size_t>(i)] != to24(noise(i, c)) ? 1 : 0;
        CHECK(mismatches == 0);
    }
    const auto st = (*core)->status();
    CHECK_FALSE(st.recording);
    CHECK(st.framesWritten == total);
    CHECK(st.position == SampleCount(total));
    CHECK(st.dropouts == 0);
    const auto stopped = eventsOf((*core)->takeEvents(), RecorderEvent::Kind::Stopped);
    CHECK(stopped.size() == 1);
}

TEST_CASE("recorder core: take 2 names its files and starts on the shared timeline") {
    TempDir dir;
    RecorderSetup s = twoTracks(dir.path());
    s.take = 2;
    s.startSample = SampleCount(480000);
    auto core = CaptureCore::create(optionsFor(s));
    REQUIRE(core.ok());
    CHECK((*core)->files()[0].filename() == "01-host-take2.wav");
    CHECK((*core)->position() == SampleCount(480000));
    Feeder feeder{**core, 2, 48000};
    feeder.feed(1000, noise);
    CHECK((*core)->position() == SampleCount(481000));
    CHECK(trackFileName(11, "客人 Guest", 1) == "12-客人-guest.wav");
}

TEST_CASE(
    "recorder core: a full ring is a dropout at its position, and silence keeps later samples in "
    "place") {
    TempDir dir;
    CaptureOptions o = optionsFor(twoTracks(dir.path()));
    o.ringSeconds = 0.1;  // 4800 frames
    auto core = CaptureCore::create(o);
    REQUIRE(core.ok());
    Feeder feeder{**core, 2, 48000};
    // 10 callbacks of 1024 frames with a stalled writer: 4 fit (4096 <= 4800), 6 are lost.
    feeder.feed(10 * 1024, noise, 1024, 0);
    CHECK((*core)->framesCaptured() == 10 * 1024);
    // Then the writer catches up and more frames arrive.
    (*core)->drain(1.0);
    feeder.feed(5000, noise, 1000, 1);
    // An input overflow reported by the device: a dropout of unknown length, no gap.
    std::vector<float> one(2 * 100, 0.25f);
    (*core)->onInput(one.data(), 100, true);
    feeder.fed += 100;
    REQUIRE((*core)->finish(2.0).ok());

    const auto events = (*core)->takeEvents();
    const auto drops = eventsOf(events, RecorderEvent::Kind::Dropout);
    REQUIRE(drops.size() == 2);
    CHECK(drops[0].dropout.kind == "ring-overrun");
    CHECK(drops[0].dropout.at == SampleCount(4096));
    CHECK(drops[0].dropout.frames == 6 * 1024);
    CHECK(drops[0].text.find("6144 frames lost") != std::string::npos);
    CHECK(drops[1].dropout.kind == "input-overflow");
    CHECK(drops[1].dropout.at == SampleCount(10 * 1024 + 5000));
    CHECK(drops[1].dropout.frames == 0);
    const auto st = (*core)->status();
    CHECK(st.dropouts == 2);
    CHECK(st.droppedFrames == 6 * 1024);
    CHECK(st.ringHighWater == 4096);
    CHECK(st.ringCapacity == 4800);

    const auto pcm = readPcm24((*core)->files()[1]);
    REQUIRE(pcm.size() == static_cast<std::size_t>(10 * 1024 + 5000 + 100));
    std::size_t wrong = 0;
    for (std::int64_t i = 0; i < 10 * 1024 + 5000; ++i) {
        const bool gap = i >= 4096 && i < 10 * 1024;
        const std::int32_t want = gap ? 0 : to24(noise(i, 1));
        wrong += pcm[static_cast<std::size_t>(i)] != want ? 1 : 0;
    }
    CHECK(wrong == 0);
    CHECK(pcm.back() == to24(0.25f));
}

TEST_CASE("recorder core: peak, peak hold, RMS, clips and programme loudness") {
    TempDir dir;
    RecorderSetup s = twoTracks(dir.path());
    auto core = CaptureCore::create(optionsFor(s));
    REQUIRE(core.ok());
    Feeder feeder{**core, 2, 48000};
    const double pi = std::acos(-1.0);
    // Host: a 1 kHz sine at 0.1 (-20 dBFS peak, -23 dBFS RMS); guest: nothing.
    auto sine = [&](std::int64_t i, int c) {
        return c == 0 ? static_cast<float>(
                            0.1 * std::sin(2 * pi * 1000.0 * static_cast<double>(i) / 48000.0))
                      : 0.f;
    };
    feeder.feed(48000 * 4, sine);
    (*core)->drain(feeder.now());
    auto st = (*core)->status();
    CHECK(st.tracks[0].peakDbfs == doctest::Approx(-20.0).epsilon(0.01));
    CHECK(st.tracks[0].rmsDbfs == doctest::Approx(-23.01).epsilon(0.01));
    CHECK(st.tracks[0].peakHoldDbfs == doctest::Approx(-20.0).epsilon(0.01));
    CHECK(st.tracks[1].peakDbfs == -120.f);
    // A 1 kHz sine at -23 dBFS RMS in one channel is -23 LUFS (K-weighting ~+0.7 dB at 1 kHz,
    // less the -0.691 dB offset of BS.1770).
    CHECK(st.momentaryLufs == doctest::Approx(-23.0).epsilon(0.02));
    CHECK(st.shortTermLufs == doctest::Approx(-23.0).epsilon(0.02));
    CHECK(st.integratedLufs == doctest::Approx(-23.0).epsilon(0.02));

    // A loud burst, then quieter: the hold stays 2 s, then falls.
    feeder.feed(480,
                [](std::int64_t, int c) { return c == 0 ? 1.0f : 0.f; });  // 480 clipped samples
    feeder.feed(48000, sine);
    (*core)->drain(feeder.now());
    st = (*core)->status();
    CHECK(st.tracks[0].clips == 480);
    CHECK(st.tracks[0].clipping);
    CHECK(st.tracks[0].peakHoldDbfs == doctest::Approx(0.0));
    feeder.feed(48000 * 2, sine);
    (*core)->drain(feeder.now());
    st = (*core)->status();
    CHECK(st.tracks[0].peakHoldDbfs == doctest::Approx(-20.0).epsilon(0.01));
    CHECK_FALSE(st.tracks[0].clipping);
    const auto events = (*core)->takeEvents();
    CHECK(eventsOf(events, RecorderEvent::Kind::Warning, "clipping").size() == 1);
    CHECK(eventsOf(events, RecorderEvent::Kind::WarningCleared, "clipping").size() == 1);
}

TEST_CASE(
    "recorder core: a silent mic and a pulled cable are warned after their seconds of audio, and "
    "cleared") {
    TempDir dir;
    RecorderSetup s = twoTracks(dir.path());
    s.silenceSeconds = 3;
    s.noSignalSeconds = 1;
    auto core = CaptureCore::create(optionsFor(s));
    REQUIRE(core.ok());
    Feeder feeder{**core, 2, 48000};
    // Host: room noise at -70 dBFS (quiet, not dead); guest: digital zero (a pulled cable).
    auto quiet = [](std::int64_t i, int c) {
        return c == 0 ? 0.000316f * (i % 2 ? 1.f : -1.f) : 0.f;
    };
    feeder.feed(48000 * 9 / 10, quiet);
    (*core)->drain(feeder.now());
    CHECK((*core)->takeEvents().empty());
    feeder.feed(48000 / 5, quiet);  // 1.1 s
    (*core)->drain(feeder.now());
    auto events = (*core)->takeEvents();
    auto noSignal = eventsOf(events, RecorderEvent::Kind::Warning, "no-signal");
    REQUIRE(noSignal.size() == 1);
    CHECK(noSignal[0].track == 1);
    CHECK(noSignal[0].text.find("Guest 1") != std::string::npos);
    CHECK(eventsOf(events, RecorderEvent::Kind::Warning, "silent").empty());
    CHECK((*core)->status().tracks[1].noSignal);
    CHECK_FALSE((*core)->status().tracks[0].noSignal);

    feeder.feed(48000 * 2, quiet);  // 3.1 s: both below -60 dBFS for 3 s
    (*core)->drain(feeder.now());
    events = (*core)->takeEvents();
    auto silent = eventsOf(events, RecorderEvent::Kind::Warning, "silent");
    REQUIRE(silent.size() == 2);
    CHECK(silent[0].text.find("silent") != std::string::npos);
    CHECK((*core)->status().tracks[0].silentSeconds >= 3.0);

    // The guest's cable goes back in: the warnings clear.
    feeder.feed(4800, [](std::int64_t i, int) { return i % 2 ? 0.2f : -0.2f; });
    (*core)->drain(feeder.now());
    events = (*core)->takeEvents();
    CHECK(eventsOf(events, RecorderEvent::Kind::WarningCleared, "no-signal").size() == 1);
    CHECK(eventsOf(events, RecorderEvent::Kind::WarningCleared, "silent").size() == 2);
}

TEST_CASE("recorder core: a full disk stops the recording cleanly and the files stay valid") {
    TempDir dir;
    CaptureOptions o = optionsFor(twoTracks(dir.path()));
    o.failAfterBytes = 48000 * 3 * 2;  // ~2 s of one track
    auto core = CaptureCore::create(o);
    REQUIRE(core.ok());
    Feeder feeder{**core, 2, 48000};
    feeder.feed(48000 * 4, noise, 256, 8);
    (*core)->drain(feeder.now());
    CHECK((*core)->failed());
    const auto st = (*core)->status();
    CHECK_FALSE(st.recording);
    CHECK(st.error.find("the disk is full") != std::string::npos);
    CHECK(st.error.find("new take") != std::string::npos);
    const auto events = (*core)->takeEvents();
    const auto errors = eventsOf(events, RecorderEvent::Kind::Error, "disk-full");
    REQUIRE(errors.size() == 1);
    CHECK(eventsOf(events, RecorderEvent::Kind::Stopped).size() == 1);
    CHECK_FALSE((*core)->finish(feeder.now()).ok());
    // The take's length (journaled as recorder-stop's frames, where the next take starts on
    // the timeline) is what every file holds, not the 4 s fed after the disk filled up.
    std::int64_t shortest = 48000 * 4;
    for (const auto& f : (*core)->files())
        if (auto info = readWavInfo(f))
            shortest = std::min(shortest, static_cast<std::int64_t>(info->frames()));
    CHECK((*core)->status().framesWritten == shortest);
    for (const auto& f : (*core)->files()) {
        CAPTURE(f);
        auto info = readWavInfo(f);
        REQUIRE(info.ok());
        // Valid up to the last refresh: whole seconds of audio, all of it readable.
        CHECK(info->frames() >= 48000);
        CHECK(info->frames() <= 2 * 48000);
        CHECK(info->dataOffset + info->dataBytes <= info->fileBytes);
        const auto pcm = readPcm24(f);
        const int c = f.filename() == "01-host.wav" ? 0 : 1;
        std::size_t wrong = 0;
        for (std::size_t i = 0; i < pcm.size(); ++i)
            wrong += pcm[i] != to24(noise(static_cast<std::int64_t>(i), c)) ? 1 : 0;
        CHECK(wrong == 0);
    }
}

TEST_CASE(
    "recorder core: disk time left from the free space, warned under 10 minutes or the planned "
    "rest") {
    TempDir dir;
    CaptureOptions o = optionsFor(twoTracks(dir.path()));
    std::int64_t free = 2LL * 48000 * 3 * 3600;  // an hour for two tracks
    o.freeBytes = [&](const std::filesystem::path&) { return free; };
    o.setup.plannedSeconds = 2 * 3600;
    auto core = CaptureCore::create(o);
    REQUIRE(core.ok());
    Feeder feeder{**core, 2, 48000};
    feeder.feed(4800, noise);
    (*core)->drain(10.0);
    CHECK((*core)->status().diskSecondsLeft == doctest::Approx(3600.0));
    auto events = eventsOf((*core)->takeEvents(), RecorderEvent::Kind::Warning, "disk-low");
    REQUIRE(events.size() == 1);
    CHECK(events[0].text.find("60 min") != std::string::npos);
    free *= 3;  // space freed: 3 h left
    (*core)->drain(12.0);
    CHECK(eventsOf((*core)->takeEvents(), RecorderEvent::Kind::WarningCleared, "disk-low").size() ==
          1);
}

TEST_CASE("recorder core: a setup with a track on a channel that is not open is refused") {
    TempDir dir;
    RecorderSetup s = twoTracks(dir.path());
    s.tracks[1].channel = 2;
    auto core = CaptureCore::create(optionsFor(s));
    REQUIRE_FALSE(core.ok());
    CHECK(core.error().message().find("Guest 1") != std::string::npos);
    CHECK(std::filesystem::is_empty(dir.path()));
}

TEST_CASE("recorder core: a take whose files are already there is refused, the files untouched") {
    TempDir dir;
    RecorderSetup s = twoTracks(dir.path());
    {
        auto first = CaptureCore::create(optionsFor(s));
        REQUIRE(first.ok());
        Feeder feeder{**first, 2, 48000};
        feeder.feed(4800, noise);
        REQUIRE((*first)->finish(1.0).ok());
    }
    const auto host = dir.path() / "01-host.wav";
    const auto size = std::filesystem::file_size(host);
    auto again = CaptureCore::create(optionsFor(s));
    REQUIRE_FALSE(again.ok());
    const std::string message = again.error().message();
    CHECK(message.find("a recording is already there (01-host.wav, 02-guest-1.wav)") !=
          std::string::npos);
    CHECK(message.find("another folder") != std::string::npos);
    CHECK(std::filesystem::file_size(host) == size);
    s.take = 2;  // the next take has its own names
    CHECK(CaptureCore::create(optionsFor(s)).ok());
}

TEST_CASE("recorder setup: saved and loaded, strict about a bad file") {
    TempDir dir;
    RecorderSetup s = twoTracks(dir.path());
    s.hostApi = "JACK";
    s.device = "system";
    s.sampleRate = 44100;
    s.tracks[1].armed = false;
    REQUIRE(writeRecorderSetupFile(dir / "cfg" / "recorder.json", s).ok());
    auto back = readRecorderSetupFile(dir / "cfg" / "recorder.json");
    REQUIRE(back.ok());
    CHECK(back->hostApi == "JACK");
    CHECK(back->device == "system");
    CHECK(back->sampleRate == 44100);
    REQUIRE(back->tracks.size() == 2);
    CHECK(back->tracks[1].name == "Guest 1");
    CHECK(back->tracks[1].person == "p-guest");
    CHECK_FALSE(back->tracks[1].armed);
    CHECK(readRecorderSetupFile(dir / "missing.json").ok());

    test::writeFile(dir / "bad.json",
                    R"({"channels": 2, "tracks": [{"channel": 5, "name": "Host"}]})");
    auto bad = readRecorderSetupFile(dir / "bad.json");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message().find("/tracks/0/channel") != std::string::npos);
    test::writeFile(dir / "typo.json", R"({"sample_rat": 48000})");
    CHECK(readRecorderSetupFile(dir / "typo.json").error().message().find("sample_rat") !=
          std::string::npos);
    test::writeFile(dir / "broken.json", "{");
    CHECK_FALSE(readRecorderSetupFile(dir / "broken.json").ok());

    ::setenv("PYCAST_CONFIG_DIR", (dir / "cfg2").c_str(), 1);
    REQUIRE(saveRecorderSetup(s).ok());
    CHECK(loadRecorderSetup().device == "system");
    test::writeFile(dir / "cfg2" / "recorder.json", R"({"channels": "two"})");
    std::string warning;
    CHECK(loadRecorderSetup(&warning).device.empty());
    CHECK(warning.find("channels") != std::string::npos);
    ::unsetenv("PYCAST_CONFIG_DIR");
}

TEST_CASE(
    "recorder core: a fast feeder and a slow writer on their own threads — every frame in its "
    "place or in a gap") {
    TempDir dir;
    CaptureOptions o = optionsFor(twoTracks(dir.path()));
    o.ringSeconds = 0.05;  // 2400 frames: the writer's naps overrun it again and again
    auto core = CaptureCore::create(o);
    REQUIRE(core.ok());
    const std::int64_t total = 256 * 560;  // ~3 s in whole buffers
    std::atomic<bool> done{false};
    std::thread writer([&] {
        int n = 0;
        while (!done.load(std::memory_order_acquire)) {
            std::this_thread::sleep_for(std::chrono::microseconds(n++ % 7 == 0 ? 30000 : 200));
            (*core)->drain(n * 0.01);
        }
    });
    std::thread feeder([&] {
        Feeder f(**core, 2, 48000);
        for (std::int64_t at = 0; at < total; at += 256) {
            f.feed(256, noise, 256, 0);
            if ((at / 256) % 16 == 0) std::this_thread::sleep_for(std::chrono::microseconds(500));
        }
    });
    feeder.join();
    done.store(true, std::memory_order_release);
    writer.join();
    REQUIRE((*core)->finish(1000.0).ok());

    const auto st = (*core)->status();
    const auto drops = eventsOf((*core)->takeEvents(), RecorderEvent::Kind::Dropout);
    CHECK(st.droppedFrames > 0);  // the test is about gaps: it must have made some
    std::vector<bool> inGap(static_cast<std::size_t>(total), false);
    std::int64_t gapFrames = 0, lastEnd = 0;
    for (const auto& d : drops) {
        CHECK(d.dropout.kind == "ring-overrun");
        CHECK(d.dropout.at.value >= lastEnd);  // in order, not overlapping
        lastEnd = d.dropout.at.value + d.dropout.frames;
        gapFrames += d.dropout.frames;
        for (std::int64_t i = d.dropout.at.value; i < lastEnd && i < total; ++i)
            inGap[static_cast<std::size_t>(i)] = true;
    }
    CHECK(gapFrames == st.droppedFrames);
    CHECK(static_cast<std::int64_t>(drops.size()) == st.dropouts);
    for (int c = 0; c < 2; ++c) {
        const auto pcm = readPcm24((*core)->files()[static_cast<std::size_t>(c)]);
        REQUIRE(pcm.size() == static_cast<std::size_t>(total));
        std::size_t wrong = 0;
        for (std::int64_t i = 0; i < total; ++i) {
            const auto k = static_cast<std::size_t>(i);
            wrong += pcm[k] != (inGap[k] ? 0 : to24(noise(i, c))) ? 1 : 0;
        }
        CHECK(wrong == 0);
    }
}

TEST_CASE("recorder service: tracks named by id, name or the only person of a role are bound") {
    Show show;
    show.people = {{"p-host", "林雅婷 Ya-Ting Lin", Role::Host, "PyCon Taiwan", {}},
                   {"p-g1", "Guest One", Role::Guest, "A Corp", {}},
                   {"p-g2", "Guest Two", Role::Guest, "B Corp", {}},
                   {"p-prod", "Producer", Role::Producer, "", {}}};
    RecorderSetup s;
    s.tracks = {{0, "HOST", "", true},
                {1, "guest", "", true},
                {2, "p-g2", "", true},
                {3, "guest one", "", true},
                {4, "nobody", "", true}};
    bindTracksToPeople(s, show);
    CHECK(s.tracks[0].person == "p-host");  // the only host, by role
    CHECK(s.tracks[1].person.empty());      // two guests: "guest" names neither
    CHECK(s.tracks[2].person == "p-g2");
    CHECK(s.tracks[2].name == "Guest 2");  // named by id: the default name of that person
    CHECK(s.tracks[3].person == "p-g1");
    CHECK(s.tracks[4].person.empty());
    CHECK(s.channels == 5);
}
