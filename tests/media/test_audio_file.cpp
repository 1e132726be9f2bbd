// AudioFileReader on files Debian's ffmpeg makes here: WAV 16/24-bit mono and stereo, MP3, FLAC,
// read at their own rate, resampled 44.1 → 48 kHz and remixed stereo → mono; bad files give
// clear errors.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "../temp_dir.hpp"
#include "media/audio_file.hpp"
#include "media/loudness.hpp"

using pycast::media::AudioFileReader;

namespace {

// ffmpeg renders `source` (an aevalsrc expression list, one per channel) for `seconds` at
// `rate` into `file` with the given codec options.
std::filesystem::path make(const pycast::test::TempDir& dir, const std::string& name,
                           const std::string& source, int rate, double seconds,
                           const std::string& codec) {
    const auto path = dir / name;
    const std::string cmd = "ffmpeg -nostdin -v error -y -f lavfi -i 'aevalsrc=" + source +
                            ":s=" + std::to_string(rate) + ":d=" + std::to_string(seconds) + "' " +
                            codec + " '" + path.string() + "'";
    REQUIRE_MESSAGE(std::system(cmd.c_str()) == 0, cmd);
    return path;
}

const std::string kMono = "0.5*sin(2*PI*1000*t)";
const std::string kStereo = kMono + "|" + kMono;

struct Decoded {
    std::vector<float> samples;
    std::size_t frames = 0;
    int channels = 0;
};

Decoded readAll(AudioFileReader& r, std::size_t block = 1000) {
    Decoded d;
    d.channels = r.channels();
    std::vector<float> buffer(block * static_cast<std::size_t>(r.channels()));
    for (;;) {
        auto got = r.read(buffer);
        REQUIRE(got.ok());
        if (*got == 0) break;
        d.samples.insert(d.samples.end(), buffer.begin(),
                         buffer.begin() + static_cast<std::ptrdiff_t>(
                                              *got * static_cast<std::size_t>(r.channels())));
        d.frames += *got;
    }
    return d;
}

// The largest |sample| away from the first and last 10 ms (resampler and codec edges).
float middlePeak(const Decoded& d, int rate) {
    const auto skip = static_cast<std::size_t>(rate / 100) * static_cast<std::size_t>(d.channels);
    float peak = 0;
    for (std::size_t i = skip; i + skip < d.samples.size(); ++i)
        peak = std::max(peak, std::fabs(d.samples[i]));
    return peak;
}

}  // namespace

TEST_CASE("AudioFileReader: 16-bit mono WAV comes out whole, at its rate, at its level") {
    pycast::test::TempDir dir;
    const auto wav = make(dir, "mono16.wav", kMono, 48000, 2.0, "-c:a pcm_s16le");
    auto r = AudioFileReader::open(wav);
    REQUIRE(r.ok());
    CHECK((*r)->sampleRate() == 48000);
    CHECK((*r)->channels() == 1);
    CHECK((*r)->durationMs() == 2000);
    const Decoded d = readAll(**r, 777);
    CHECK(d.frames == 96000u);
    CHECK(std::fabs(middlePeak(d, 48000) - 0.5f) < 0.001f);
    CHECK((*r)->framesRead() == 96000);
}

TEST_CASE("AudioFileReader: 24-bit stereo WAV at 44.1 kHz, as it is and resampled to 48 kHz") {
    pycast::test::TempDir dir;
    const auto wav = make(dir, "stereo24.wav", kStereo, 44100, 2.0, "-c:a pcm_s24le");
    auto same = AudioFileReader::open(wav);
    REQUIRE(same.ok());
    CHECK((*same)->sampleRate() == 44100);
    CHECK((*same)->channels() == 2);
    const Decoded d = readAll(**same);
    CHECK(d.frames == 88200u);
    CHECK(std::fabs(middlePeak(d, 44100) - 0.5f) < 0.0005f);

    auto up = AudioFileReader::open(wav, 48000);
    REQUIRE(up.ok());
    CHECK((*up)->sampleRate() == 48000);
    CHECK((*up)->fileSampleRate() == 44100);
    const Decoded u = readAll(**up);
    CHECK(u.frames >= 96000u - 2);
    CHECK(u.frames <= 96000u + 2);
    CHECK(std::fabs(middlePeak(u, 48000) - 0.5f) < 0.005f);
}

TEST_CASE("AudioFileReader: stereo to mono is the average of the channels, not louder") {
    pycast::test::TempDir dir;
    const auto wav = make(dir, "stereo16.wav", kStereo, 48000, 1.0, "-c:a pcm_s16le");
    auto r = AudioFileReader::open(wav, 0, 1);
    REQUIRE(r.ok());
    CHECK((*r)->channels() == 1);
    CHECK((*r)->fileChannels() == 2);
    const Decoded d = readAll(**r);
    CHECK(d.frames == 48000u);
    CHECK(std::fabs(middlePeak(d, 48000) - 0.5f) < 0.001f);
}

TEST_CASE("AudioFileReader: MP3 and FLAC decode to the length they were made with") {
    pycast::test::TempDir dir;
    const auto mp3 = make(dir, "tone.mp3", kStereo, 44100, 3.0, "-c:a libmp3lame -b:a 128k");
    auto m = AudioFileReader::open(mp3);
    REQUIRE(m.ok());
    CHECK((*m)->sampleRate() == 44100);
    CHECK((*m)->channels() == 2);
    CHECK(std::abs((*m)->durationMs() - 3000) <= 30);
    const Decoded md = readAll(**m);
    INFO("mp3 frames: " << md.frames);
    CHECK(std::llabs(static_cast<long long>(md.frames) - 132300) <= 1152);  // one MP3 frame
    CHECK(std::fabs(middlePeak(md, 44100) - 0.5f) < 0.05f);                 // lossy

    const auto flac = make(dir, "tone.flac", kMono, 48000, 3.0, "-c:a flac -sample_fmt s32");
    auto f = AudioFileReader::open(flac, 48000, 2);
    REQUIRE(f.ok());
    CHECK((*f)->channels() == 2);
    const Decoded fd = readAll(**f);
    CHECK(fd.frames == 144000u);
    // Mono to stereo: the same samples, at the same level, in both channels.
    for (std::size_t i = 0; i < fd.samples.size(); i += 2 * 997)
        CHECK(fd.samples[i] == fd.samples[i + 1]);
    CHECK(std::fabs(middlePeak(fd, 48000) - 0.5f) < 0.0005f);
}

TEST_CASE("AudioFileReader: a text file, a picture-less path and a folder are clear errors") {
    pycast::test::TempDir dir;
    const auto text = dir / "notes.txt";
    pycast::test::writeFile(text, "These are show notes, not audio.\n");
    auto t = AudioFileReader::open(text);
    REQUIRE_FALSE(t.ok());
    CHECK(t.error().where == text.string());
    CHECK_FALSE(t.error().what.empty());
    CHECK_FALSE(t.error().remedy.empty());

    auto missing = AudioFileReader::open(dir / "nope.wav");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().what == "file not found");
    CHECK(missing.error().where == (dir / "nope.wav").string());

    auto folder = AudioFileReader::open(dir.path());
    REQUIRE_FALSE(folder.ok());
    CHECK(folder.error().what.find("folder") != std::string::npos);

    // A PNG is a file FFmpeg reads, with no audio in it.
    const auto png = dir / "cover.png";
    const std::string cmd =
        "ffmpeg -nostdin -v error -y -f lavfi -i color=c=red:s=16x16 -frames:v 1 '" + png.string() +
        "'";
    REQUIRE(std::system(cmd.c_str()) == 0);
    auto picture = AudioFileReader::open(png);
    REQUIRE_FALSE(picture.ok());
    CHECK(picture.error().what == "no audio stream in cover.png");
}

TEST_CASE("AudioFileReader: a FLAC damaged in the middle fails naming the file and where") {
    pycast::test::TempDir dir;
    const auto flac = make(dir, "damaged.flac", kMono, 48000, 10.0, "-c:a flac");
    {
        std::string bytes = pycast::test::readFile(flac);
        std::uint32_t x = 12345;
        for (std::size_t i = bytes.size() / 2; i < bytes.size() / 2 + 20000; ++i) {
            x = x * 1664525u + 1013904223u;
            bytes[i] = static_cast<char>(x >> 24);
        }
        pycast::test::writeFile(flac, bytes);
    }
    auto r = AudioFileReader::open(flac);
    REQUIRE(r.ok());
    std::vector<float> buffer(4096);
    std::optional<pycast::Error> failure;
    for (;;) {
        auto got = (*r)->read(buffer);
        if (!got) {
            failure = got.error();
            break;
        }
        if (*got == 0) break;
    }
    REQUIRE(failure.has_value());
    CHECK(failure->where == flac.string());
    INFO(failure->message());
    // Damage from the middle of the file on: the position is somewhere in the middle.
    const auto at = failure->what.find(" at ");
    REQUIRE(at != std::string::npos);
    const long ms = std::stol(failure->what.substr(at + 4));
    CHECK(ms > 2000);
    CHECK(ms < 8000);
    CHECK(failure->what.find(" ms") != std::string::npos);
}

TEST_CASE("measureFile: a mono 1 kHz sine at -20 dBFS in a WAV reads -23.0 LUFS") {
    pycast::test::TempDir dir;
    const auto wav = make(dir, "m20.wav", "0.1*sin(2*PI*1000*t)", 48000, 20.0, "-c:a pcm_s24le");
    auto f = pycast::media::measureFile(wav);
    REQUIRE(f.ok());
    CHECK(std::fabs(f->integratedLufs + 23.0) <= 0.1);
    CHECK(std::fabs(f->samplePeakDbfs + 20.0) <= 0.05);
    CHECK(std::fabs(f->truePeakDbtp + 20.0) <= 0.1);
    CHECK(f->loudnessRangeLu < 0.5);
    auto bad = pycast::media::measureFile(dir / "missing.flac");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().where == (dir / "missing.flac").string());
}
