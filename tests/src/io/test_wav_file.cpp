// Track files: the 24-bit writer, its header kept current, RF64, reading back, crash repair —
// each checked against the bytes, and against ffprobe, sox and python's wave module.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
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
    auto [code, out] = shell(
        "ffprobe -v error -select_streams a:0 -show_entries stream=duration_ts "
        "-of default=nw=1:nk=1 " +
        quote(p));
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

TEST_CASE(
    "wav: the writer stores 24-bit little-endian PCM, rounded and clipped, in an 80-byte header") {
    TempDir tmp;
    const auto p = tmp / "t.wav";
    auto w = WavWriter::create(p);
    REQUIRE(w.ok());
    const std::vector<float> samples{
        0.0f, 0.5f, -0.5f, 1.0f, 2.0f, -1.0f, -3.0f, 1.0f / 8388608.0f, std::nanf("")};
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
        "[int.from_bytes(d[i:i+3],'little',signed=True) for i in range(0,9,3)])\" " +
        quote(p));
    CHECK(pyCode == 0);
    const auto s = sine(3);
    const auto q = [](float x) { return std::to_string(std::lrint(x * 8388608.0)); };
    CHECK(pyOut == std::to_string(frames) + " 3 48000 [" + q(s[0]) + ", " + q(s[1]) + ", " +
                       q(s[2]) + "]\n");
    // And our own reader gives back the floats to within half a 24-bit step.
    const auto back = readAll(p);
    const auto want = sine(frames);
    REQUIRE(back.size() == frames);
    float worst = 0;
    for (std::size_t i = 0; i < frames; ++i) worst = std::max(worst, std::fabs(back[i] - want[i]));
    CHECK(worst <= 0.5f / 8388608.0f + 1e-9f);
}

TEST_CASE(
    "wav: refreshHeader makes what was appended so far readable, later appends wait for the next") {
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

TEST_CASE(
    "wav: repair after a crash before the first refresh: sizes 0, a torn last sample dropped") {
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

TEST_CASE(
    "wav: past rf64AfterBytes the header becomes RF64 with ds64 in place of JUNK, and readers "
    "agree") {
    TempDir tmp;
    const auto p = tmp / "t.wav";
    WavWriterOptions o;
    o.rf64AfterBytes = 3000;  // 1000 samples
    auto w = WavWriter::create(p, o);
    REQUIRE(w.ok());
    REQUIRE(w->append(sine(1000)).ok());
    REQUIRE(w->refreshHeader().ok());
    CHECK_FALSE(w->isRf64());  // exactly at the limit is still a RIFF file
    CHECK(test::readFile(p).substr(0, 4) == "RIFF");
    REQUIRE(w->append(sine(1)).ok());
    REQUIRE(w->refreshHeader().ok());
    CHECK(w->isRf64());
    const std::size_t frames = 48000 + 1001;
    REQUIRE(w->append(sine(48000)).ok());
    REQUIRE(w->finish().ok());
    const auto b = bytesOf(p);
    REQUIRE(b.size() == kWavHeaderBytes + frames * 3);
    CHECK(std::string(b.begin(), b.begin() + 4) == "RF64");
    CHECK(le32(b, 4) == 0xFFFFFFFFu);
    CHECK(std::string(b.begin() + 8, b.begin() + 16) == "WAVEds64");
    CHECK(le32(b, 16) == 28);
    CHECK(le64(b, 20) == b.size() - 8);  // RIFF size
    CHECK(le64(b, 28) == frames * 3);    // data size
    CHECK(le64(b, 36) == frames);        // sample count
    CHECK(le32(b, 44) == 0);             // no table
    CHECK(le32(b, 76) == 0xFFFFFFFFu);
    auto info = readWavInfo(p);
    REQUIRE(info.ok());
    CHECK(info->isRf64);
    CHECK(info->dataBytes == frames * 3);
    CHECK(info->frames() == frames);
    CHECK(ffprobeSamples(p) == std::to_string(frames));
    auto [soxCode, soxOut] = shell("soxi -s " + quote(p));
    CHECK(soxCode == 0);
    CHECK(soxOut == std::to_string(frames) + "\n");
    CHECK(readAll(p).size() == frames);
    // Already whole: repair leaves it alone.
    auto r = repairWav(p);
    REQUIRE(r.ok());
    CHECK_FALSE(r->changed);
}

TEST_CASE(
    "wav: repair recovers the samples written after the last refresh (sizes short of the file)") {
    TempDir tmp;
    const auto p = tmp / "t.wav";
    {
        auto w = WavWriter::create(p);
        REQUIRE(w.ok());
        REQUIRE(w->append(sine(4800)).ok());
        REQUIRE(w->refreshHeader().ok());
        REQUIRE(w->append(sine(100)).ok());
        // The process dies here: no finish().
    }
    CHECK(ffprobeSamples(p) == "4800");
    auto r = repairWav(p);
    REQUIRE(r.ok());
    CHECK(r->changed);
    CHECK(r->before.frames() == 4800);
    CHECK(r->after.frames() == 4900);
    CHECK(r->framesRecovered == 100);
    CHECK(r->bytesDropped == 0);
    CHECK(ffprobeSamples(p) == "4900");
    // The samples themselves are untouched.
    const auto back = readAll(p);
    REQUIRE(back.size() == 4900);
    CHECK(std::fabs(back[4899] - sine(100)[99]) < 1e-6f);
}

TEST_CASE("wav: repair shortens sizes that claim more than a cut-off copy of the file holds") {
    TempDir tmp;
    const auto p = tmp / "t.wav";
    writeTrack(p, 3000);
    REQUIRE(::truncate(p.c_str(), static_cast<off_t>(kWavHeaderBytes + 1000 * 3 + 1)) == 0);
    auto r = repairWav(p);
    REQUIRE(r.ok());
    CHECK(r->changed);
    CHECK(r->before.dataBytes == 3000 * 3);
    CHECK(r->before.frames() == 1000);  // what is there, whatever the header says
    CHECK(r->after.dataBytes == 1000 * 3);
    CHECK(r->framesRecovered == 0);
    CHECK(r->bytesDropped == 1);
    CHECK(ffprobeSamples(p) == "1000");
}

TEST_CASE("wav: repair drops a torn last sample of 1 or 2 bytes") {
    for (std::size_t torn : {1u, 2u}) {
        CAPTURE(torn);
        TempDir tmp;
        const auto p = tmp / "t.wav";
        writeTrack(p, 1000);
        const auto good = bytesOf(p);
        auto b = good;
        for (std::size_t i = 0; i < torn; ++i) b.push_back(0x7F);
        writeBytes(p, b);
        auto r = repairWav(p);
        REQUIRE(r.ok());
        CHECK(r->changed);
        CHECK(r->bytesDropped == torn);
        CHECK(r->framesRecovered == 0);
        CHECK(bytesOf(p) == good);
    }
}

TEST_CASE("wav: repair of an RF64 track whose ds64 sizes are stale") {
    TempDir tmp;
    const auto p = tmp / "t.wav";
    WavWriterOptions o;
    o.rf64AfterBytes = 300;
    {
        auto w = WavWriter::create(p, o);
        REQUIRE(w.ok());
        REQUIRE(w->append(sine(2000)).ok());
        REQUIRE(w->refreshHeader().ok());
        REQUIRE(w->append(sine(500)).ok());
    }
    auto b = bytesOf(p);
    b.push_back(1);  // and a torn byte
    writeBytes(p, b);
    CHECK(ffprobeSamples(p) == "2000");
    auto r = repairWav(p);
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message()));
    CHECK(r->changed);
    CHECK(r->after.isRf64);
    CHECK(r->after.frames() == 2500);
    CHECK(r->framesRecovered == 500);
    CHECK(r->bytesDropped == 1);
    const auto a = bytesOf(p);
    CHECK(le64(a, 28) == 2500 * 3);
    CHECK(le64(a, 36) == 2500);
    CHECK(ffprobeSamples(p) == "2500");
}

TEST_CASE("wav: repair turns a RIFF track that outgrew 4 GiB into RF64 (a sparse 4.5 GiB file)") {
    TempDir tmp;
    const auto p = tmp / "t.wav";
    {
        auto w = WavWriter::create(p);
        REQUIRE(w.ok());
        REQUIRE(w->append(sine(480)).ok());
        REQUIRE(w->refreshHeader().ok());
    }
    const std::uint64_t frames = 1'610'612'736;  // 4.5 GiB of 24-bit samples
    REQUIRE(::truncate(p.c_str(), static_cast<off_t>(kWavHeaderBytes + frames * 3 + 2)) == 0);
    auto r = repairWav(p);
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message()));
    CHECK(r->after.isRf64);
    CHECK(r->after.frames() == frames);
    CHECK(r->bytesDropped == 2);
    CHECK(ffprobeSamples(p) == std::to_string(frames));
    auto again = repairWav(p);
    REQUIRE(again.ok());
    CHECK_FALSE(again->changed);
}

TEST_CASE("wav: repair refuses a file that is not a WAV, and leaves it as it was") {
    TempDir tmp;
    const auto p = tmp / "notes.wav";
    test::writeFile(p, "ID3\x03 this is an mp3, really");
    auto r = repairWav(p);
    REQUIRE_FALSE(r.ok());
    CHECK(contains(r.error().what, "not a WAV file"));
    CHECK(contains(r.error().what, "starts with \"ID3\\x03\""));
    CHECK(r.error().where == p.string());
    CHECK_FALSE(r.error().remedy.empty());
    CHECK(test::readFile(p) == "ID3\x03 this is an mp3, really");
    const auto missing = repairWav(tmp / "nope.wav");
    REQUIRE_FALSE(missing.ok());
    CHECK(contains(missing.error().what, "could not open"));
}

TEST_CASE("wav: repair leaves a good file untouched, also one with chunks after its data") {
    TempDir tmp;
    const auto p = tmp / "t.wav";
    writeTrack(p, 1001);  // odd data size
    auto b = bytesOf(p);
    // A LIST chunk after the data, as some editors write: pad byte, then the chunk.
    const std::string list = std::string("\0LIST\x06\0\0\0INFOab", 15);
    b.insert(b.end(), list.begin(), list.end());
    setLe32(b, 4, static_cast<std::uint32_t>(b.size() - 8));
    writeBytes(p, b);
    struct stat before {};
    REQUIRE(::stat(p.c_str(), &before) == 0);
    auto r = repairWav(p);
    REQUIRE(r.ok());
    CHECK_FALSE(r->changed);
    CHECK(r->framesRecovered == 0);
    CHECK(bytesOf(p) == b);
    struct stat after {};
    REQUIRE(::stat(p.c_str(), &after) == 0);
    CHECK(after.st_mtim.tv_nsec == before.st_mtim.tv_nsec);
    CHECK(after.st_mtim.tv_sec == before.st_mtim.tv_sec);
}

TEST_CASE("wav: a full disk stops the track with a clear Error and the file stays valid") {
    TempDir tmp;
    const auto p = tmp / "t.wav";
    WavWriterOptions o;
    o.failAfterBytes = kWavHeaderBytes + 3000 * 3 + 100;
    auto w = WavWriter::create(p, o);
    REQUIRE(w.ok());
    REQUIRE(w->append(sine(2000)).ok());
    REQUIRE(w->refreshHeader().ok());
    const Status s = w->append(sine(2000));
    REQUIRE_FALSE(s.ok());
    CHECK(contains(s.error().what, "the disk is full"));
    CHECK(contains(s.error().what, "0:00.041"));  // where the track stopped
    CHECK(s.error().where == p.string());
    CHECK(contains(s.error().remedy, "free space"));
    CHECK(w->frames() == 2000);
    // A failed call leaves no partial block, and the header already covers what is there.
    auto info = readWavInfo(p);
    REQUIRE(info.ok());
    CHECK(info->fileBytes == kWavHeaderBytes + 2000 * 3);
    CHECK(info->frames() == 2000);
    CHECK(ffprobeSamples(p) == "2000");
    CHECK_FALSE(w->appendSilence(48000).ok());
    CHECK(readWavInfo(p)->frames() == 2000);
    auto r = repairWav(p);
    REQUIRE(r.ok());
    CHECK_FALSE(r->changed);
    // Creating a track on a disk with no room for the header is refused too.
    o.failAfterBytes = 10;
    auto none = WavWriter::create(tmp / "u.wav", o);
    REQUIRE_FALSE(none.ok());
    CHECK(contains(none.error().what, "the disk is full"));
}

TEST_CASE("wav: WavReader reads sox's 16-bit stereo, 32-bit float and 32-bit PCM as mono float") {
    TempDir tmp;
    // Left 0.5, right -0.25, then left -0.75, right 0.125: all exact in 16 bits.
    const auto raw = tmp / "in.f32";
    auto [pyCode, pyOut] = shell(
        "python3 -c \"import struct,sys; open(sys.argv[1],'wb').write("
        "struct.pack('<4f',0.5,-0.25,-0.75,0.125)*100)\" " +
        quote(raw));
    REQUIRE_MESSAGE(pyCode == 0, pyOut);
    struct Case {
        std::string soxArgs;
        int bits;
        bool isFloat;
    };
    for (const Case& c :
         {Case{"-e signed -b 16", 16, false}, Case{"-e floating-point -b 32", 32, true},
          Case{"-e signed -b 32", 32, false}, Case{"-e signed -b 24", 24, false}}) {
        CAPTURE(c.soxArgs);
        const auto p = tmp / "x.wav";
        auto [code, out] =
            shell("sox -D -t f32 -r 44100 -c 2 " + quote(raw) + " " + c.soxArgs + " " + quote(p));
        REQUIRE_MESSAGE(code == 0, out);
        auto info = readWavInfo(p);
        REQUIRE_MESSAGE(info.ok(), (info.ok() ? "" : info.error().message()));
        CHECK(info->channels == 2);
        CHECK(info->sampleRate == 44100);
        CHECK(info->bitsPerSample == c.bits);
        CHECK(info->isFloat == c.isFloat);
        CHECK(info->frames() == 200);
        const auto back = readAll(p);
        REQUIRE(back.size() == 200);
        CHECK(back[0] == doctest::Approx(0.125).epsilon(1e-6));
        CHECK(back[1] == doctest::Approx(-0.3125).epsilon(1e-6));
        CHECK(back[199] == doctest::Approx(-0.3125).epsilon(1e-6));
    }
}

TEST_CASE(
    "wav: parseWavHeader answers every truncation and byte flip of a header without crashing") {
    TempDir tmp;
    const auto p = tmp / "t.wav";
    writeTrack(p, 10);
    const auto good = bytesOf(p);
    REQUIRE(parseWavHeader(good, good.size()).ok());
    for (std::size_t n = 0; n < kWavHeaderBytes; ++n) {
        const std::span<const std::uint8_t> head(good.data(), n);
        auto r = parseWavHeader(head, n);
        CHECK_FALSE(r.ok());  // every prefix shorter than the whole header lacks its data chunk
    }
    std::uint32_t seed = 12345;
    for (int i = 0; i < 20000; ++i) {
        auto b = good;
        seed = seed * 1664525u + 1013904223u;
        const std::size_t at = (seed >> 8) % kWavHeaderBytes;
        b[at] = static_cast<std::uint8_t>(seed >> 24);
        auto r = parseWavHeader(b, b.size());
        if (r.ok()) {
            CHECK(r->dataOffset <= b.size());
            CHECK(r->frames() * r->blockAlign() <= b.size() - r->dataOffset);
        } else {
            CHECK_FALSE(r.error().what.empty());
        }
    }
}
