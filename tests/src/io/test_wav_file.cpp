// Track files: the 24-bit writer, its header kept current, RF64, reading back, crash repair —
// each checked against the bytes, and against ffprobe, sox and python's wave module.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <vector>

#include "io/wav_file.hpp"
#include "test_support.hpp"

using namespace pycast;
using pycast::test::TempDir;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// Runs a shell command; its stdout (stderr joins it) and exit code.
std::pair<int, std::string> shell(const std::string& cmd) {
    std::string out;
    FILE* pipe = ::popen((cmd + " 2>&1").c_str(), "r");
    if (!pipe) return {-1, out};
    std::array<char, 4096> buf{};
    std::size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
    const int status = ::pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

std::string quote(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

// ffprobe's stream duration_ts: the number of samples it reads from the header.
std::string ffprobeSamples(const std::filesystem::path& p) {
    auto [code, out] = shell("ffprobe -v error -select_streams a:0 -show_entries stream=duration_ts "
                             "-of default=nw=1:nk=1 " + quote(p));
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return code == 0 ? out : "ffprobe failed: " + out;
}

std::vector<std::uint8_t> bytesOf(const std::filesystem::path& p) {
    const std::string s = test::readFile(p);
    return {s.begin(), s.end()};
}

void writeBytes(const std::filesystem::path& p, const std::vector<std::uint8_t>& b) {
    test::writeFile(p, std::string(b.begin(), b.end()));
}

std::uint32_t le32(const std::vector<std::uint8_t>& b, std::size_t at) {
    return static_cast<std::uint32_t>(b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) |
           (static_cast<std::uint32_t>(b[at + 3]) << 24);
}
std::uint64_t le64(const std::vector<std::uint8_t>& b, std::size_t at) {
    return le32(b, at) | (static_cast<std::uint64_t>(le32(b, at + 4)) << 32);
}
void setLe32(std::vector<std::uint8_t>& b, std::size_t at, std::uint32_t v) {
    for (std::size_t i = 0; i < 4; ++i) b.at(at + i) = static_cast<std::uint8_t>(v >> (8 * i));
}

// A sine of `frames` samples at 48 kHz, -6 dBFS.
std::vector<float> sine(std::size_t frames, double hz = 440.0) {
    std::vector<float> v(frames);
    for (std::size_t i = 0; i < frames; ++i)
        v[i] = static_cast<float>(0.5 * std::sin(2 * M_PI * hz * static_cast<double>(i) / 48000.0));
    return v;
}

// Writes `frames` of sine into a finished track.
void writeTrack(const std::filesystem::path& p, std::size_t frames, WavWriterOptions o = {}) {
    auto w = WavWriter::create(p, o);
    REQUIRE(w.ok());
    REQUIRE(w->append(sine(frames)).ok());
    REQUIRE(w->finish().ok());
}

std::vector<float> readAll(const std::filesystem::path& p) {
    auto r = WavReader::open(p);
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message()));
    std::vector<float> all;
    std::vector<float> block(1000);
    for (;;) {
        auto n = r->read(block);
        REQUIRE(n.ok());
        if (*n == 0) break;
        all.insert(all.end(), block.begin(), block.begin() + static_cast<std::ptrdiff_t>(*n));
    }
    return all;
}

}  // namespace

TEST_CASE("wav: the writer stores 24-bit little-endian PCM, rounded and clipped, in an 80-byte header") {
    TempDir tmp;
    const auto p = tmp / "t.wav";
    auto w = WavWriter::create(p);
    REQUIRE(w.ok());
    const std::vector<float> samples{0.0f, 0.5f, -0.5f, 1.0f, 2.0f, -1.0f, -3.0f,
                                     1.0f / 8388608.0f, std::nanf("")};
    REQUIRE(w->append(samples).ok());
    CHECK(w->frames() == samples.size());
    REQUIRE(w->finish().ok());
    const auto b = bytesOf(p);
    REQUIRE(b.size() == kWavHeaderBytes + samples.size() * 3);
    CHECK(std::string(b.begin(), b.begin() + 4) == "RIFF");
    CHECK(le32(b, 4) == b.size() - 8);
    CHECK(std::string(b.begin() + 8, b.begin() + 16) == "WAVEJUNK");
    CHECK(std::string(b.begin() + 48, b.begin() + 52) == "fmt ");
    CHECK(std::string(b.begin() + 72, b.begin() + 76) == "data");
    CHECK(le32(b, 76) == samples.size() * 3);
    auto sample = [&](std::size_t i) {
        const std::size_t at = kWavHeaderBytes + i * 3;
        return static_cast<std::uint32_t>(b[at] | (b[at + 1] << 8) | (b[at + 2] << 16));
    };
    CHECK(sample(0) == 0x000000);
    CHECK(sample(1) == 0x400000);
    CHECK(sample(2) == 0xC00000);
    CHECK(sample(3) == 0x7FFFFF);  // +1.0 does not fit: the largest positive sample
    CHECK(sample(4) == 0x7FFFFF);
    CHECK(sample(5) == 0x800000);
    CHECK(sample(6) == 0x800000);
    CHECK(sample(7) == 0x000001);
    CHECK(sample(8) == 0x000000);  // NaN is silence

    auto info = readWavInfo(p);
    REQUIRE(info.ok());
    CHECK(info->sampleRate == 48000);
    CHECK(info->channels == 1);
    CHECK(info->bitsPerSample == 24);
    CHECK_FALSE(info->isFloat);
    CHECK_FALSE(info->isRf64);
    CHECK(info->dataOffset == kWavHeaderBytes);
    CHECK(info->frames() == samples.size());
}

TEST_CASE("wav: ffprobe, sox and python's wave read the writer's track, sample for sample") {
    TempDir tmp;
    const auto p = tmp / "t.wav";
    const std::size_t frames = 48000 * 2 + 17;
    writeTrack(p, frames);
    CHECK(ffprobeSamples(p) == std::to_string(frames));
    auto [soxCode, soxOut] = shell("soxi -s " + quote(p));
    CHECK(soxCode == 0);
    CHECK(soxOut == std::to_string(frames) + "\n");
    // python's wave: the frame count, and the first samples as integers.
    auto [pyCode, pyOut] = shell(
        "python3 -c \"import wave,sys; w=wave.open(sys.argv[1]); d=w.readframes(3); "
        "print(w.getnframes(), w.getsampwidth(), w.getframerate(), "
        "[int.from_bytes(d[i:i+3],'little',signed=True) for i in range(0,9,3)])\" " + quote(p));
    CHECK(pyCode == 0);
    const auto s = sine(3);
    const auto q = [](float x) { return std::to_string(std::lrint(x * 8388608.0)); };
    CHECK(pyOut == std::to_string(frames) + " 3 48000 [" + q(s[0]) + ", " + q(s[1]) + ", " + q(s[2]) +
                       "]\n");
    // And our own reader gives back the floats to within half a 24-bit step.
    const auto back = readAll(p);
    const auto want = sine(frames);
    REQUIRE(back.size() == frames);
    float worst = 0;
    for (std::size_t i = 0; i < frames; ++i) worst = std::max(worst, std::fabs(back[i] - want[i]));
    CHECK(worst <= 0.5f / 8388608.0f + 1e-9f);
}

TEST_CASE("wav: refreshHeader makes what was appended so far readable; later appends wait for the next") {
    TempDir tmp;
    const auto p = tmp / "t.wav";
    auto w = WavWriter::create(p);
    REQUIRE(w.ok());
    auto info = readWavInfo(p);
    REQUIRE(info.ok());
    CHECK(info->frames() == 0);
    CHECK(ffprobeSamples(p) == "N/A");  // ffprobe reads the empty track (and says so)
    REQUIRE(w->append(sine(4800)).ok());
    REQUIRE(w->refreshHeader().ok());
    CHECK(ffprobeSamples(p) == "4800");
    REQUIRE(w->append(sine(100)).ok());
    info = readWavInfo(p);
    REQUIRE(info.ok());
    CHECK(info->dataBytes == 4800 * 3);  // the header still says what the last refresh wrote
    CHECK(info->fileBytes == kWavHeaderBytes + 4900 * 3);
    CHECK(info->frames() == 4800);
    REQUIRE(w->refreshHeader().ok());
    CHECK(readWavInfo(p)->frames() == 4900);
}

TEST_CASE("wav: appendSilence writes digital silence so later samples keep their place") {
    TempDir tmp;
    const auto p = tmp / "t.wav";
    auto w = WavWriter::create(p);
    REQUIRE(w.ok());
    REQUIRE(w->append(std::vector<float>{0.25f}).ok());
    REQUIRE(w->appendSilence(40000).ok());
    REQUIRE(w->append(std::vector<float>{-0.25f}).ok());
    CHECK(w->frames() == 40002);
    REQUIRE(w->finish().ok());
    const auto back = readAll(p);
    REQUIRE(back.size() == 40002);
    CHECK(back.front() == 0.25f);
    CHECK(back.back() == -0.25f);
    CHECK(std::all_of(back.begin() + 1, back.end() - 1, [](float x) { return x == 0.0f; }));
}

TEST_CASE("wav: repair after a crash before the first refresh: sizes 0, a torn last sample dropped") {
    TempDir tmp;
    const auto p = tmp / "t.wav";
    const std::size_t frames = 48000 + 5;
    writeTrack(p, frames);
    const auto good = bytesOf(p);
    auto b = good;
    setLe32(b, 4, 0);
    setLe32(b, 76, 0);
    b.push_back(0x12);
    b.push_back(0x34);  // two bytes of a sample that never finished
    writeBytes(p, b);
    CHECK(readWavInfo(p)->frames() == 0);

    auto r = repairWav(p);
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message()));
    CHECK(r->changed);
    CHECK(r->before.dataBytes == 0);
    CHECK(r->after.frames() == frames);
    CHECK(r->framesRecovered == frames);
    CHECK(r->bytesDropped == 2);
    CHECK(bytesOf(p) == good);  // exactly the file the writer finished
    CHECK(ffprobeSamples(p) == std::to_string(frames));
    CHECK(le64(good, 0) != 0);
    CHECK(contains(formatSampleTime(frames, 48000), "0:01.000"));
}
