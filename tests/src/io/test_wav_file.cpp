// Track files: the 24-bit writer, its header kept current, RF64, reading back, crash repair —
// each checked against the bytes, and against ffprobe, sox and python's wave module.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cmath>
#include <csignal>
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

    // A BW64 file (ITU-R BS.2088, the same layout) is repaired and keeps its name.
    auto bw = a;
    std::memcpy(bw.data(), "BW64", 4);
    bw.push_back(0);
    bw.push_back(0);
    bw.push_back(0);
    writeBytes(p, bw);
    auto r2 = repairWav(p);
    REQUIRE(r2.ok());
    CHECK(r2->changed);
    CHECK(r2->after.frames() == 2501);
    CHECK(test::readFile(p).substr(0, 4) == "BW64");
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
    // Not a structured binding: clang 14 cannot capture one in doctest's message lambda.
    const std::pair<int, std::string> py = shell(
        "python3 -c \"import struct,sys; open(sys.argv[1],'wb').write("
        "struct.pack('<4f',0.5,-0.25,-0.75,0.125)*100)\" " +
        quote(raw));
    REQUIRE_MESSAGE(py.first == 0, py.second);
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
        const std::pair<int, std::string> sox =
            shell("sox -D -t f32 -r 44100 -c 2 " + quote(raw) + " " + c.soxArgs + " " + quote(p));
        REQUIRE_MESSAGE(sox.first == 0, sox.second);
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

TEST_CASE("wav: a real write refusal from the kernel (a file size limit) keeps the track valid") {
    // RLIMIT_FSIZE makes write() fail with EFBIG once the file would pass the limit, partway
    // through a block as a full disk does; a child process takes the limit so this one keeps none.
    TempDir tmp;
    const auto p = tmp / "t.wav";
    const auto report = tmp / "error.txt";
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        ::signal(SIGXFSZ, SIG_IGN);
        const rlimit limit{100'000, 100'000};
        ::setrlimit(RLIMIT_FSIZE, &limit);
        auto w = WavWriter::create(p);
        if (!w.ok()) ::_exit(3);
        const std::vector<float> block = sine(4801);  // 14 403 bytes: the limit falls mid-block
        Status s = ok();
        int blocks = 0;
        while (s.ok() && blocks < 100) {
            s = w->append(block);
            blocks += s.ok() ? 1 : 0;
            if (s.ok() && blocks % 2 == 0) s = w->refreshHeader();
        }
        if (s.ok()) ::_exit(4);
        const std::string text = std::to_string(w->frames()) + "\n" + s.error().message();
        const int fd = ::open(report.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd < 0 || ::write(fd, text.data(), text.size()) != static_cast<ssize_t>(text.size()))
            ::_exit(5);
        ::_exit(0);
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    const std::string text = test::readFile(report);
    const std::size_t newline = text.find('\n');
    REQUIRE(newline != std::string::npos);
    const std::uint64_t frames = std::stoull(text.substr(0, newline));
    const std::string message = text.substr(newline + 1);
    CHECK(frames == 6 * 4801);  // the 7th block would pass 100 000 bytes
    CHECK(contains(message, p.string()));
    CHECK(contains(message, "the disk is full"));
    CHECK(contains(message, "free space"));
    auto info = readWavInfo(p);
    REQUIRE(info.ok());
    CHECK(info->fileBytes == kWavHeaderBytes + frames * 3);  // no partial block left behind
    CHECK(info->frames() == frames);                         // and the header covers it all
    CHECK(ffprobeSamples(p) == std::to_string(frames));
    CHECK_FALSE(repairWav(p)->changed);
}

TEST_CASE("wav: a damaged or foreign header is refused with what is wrong") {
    // A minimal header: RIFF, WAVE, then the given chunks.
    auto riff = [](const std::string& chunks, const char* magic = "RIFF") {
        std::string h = std::string(magic, 4) + std::string("\0\0\0\0", 4) + "WAVE" + chunks;
        std::vector<std::uint8_t> b(h.begin(), h.end());
        return b;
    };
    auto chunk = [](const char* id, const std::string& body) {
        std::string size(4, '\0');
        for (std::size_t i = 0; i < 4; ++i)
            size[i] = static_cast<char>((body.size() >> (8 * i)) & 0xFF);
        return std::string(id, 4) + size + body + (body.size() % 2 ? std::string(1, '\0') : "");
    };
    // fmt body: tag, channels, rate, byte rate, block align, bits.
    auto fmt = [](std::uint16_t tag, std::uint16_t channels, std::uint32_t rate,
                  std::uint16_t align, std::uint16_t bits) {
        std::string b(16, '\0');
        auto put = [&](std::size_t at, std::uint32_t v, std::size_t n) {
            for (std::size_t i = 0; i < n; ++i)
                b[at + i] = static_cast<char>((v >> (8 * i)) & 0xFF);
        };
        put(0, tag, 2);
        put(2, channels, 2);
        put(4, rate, 4);
        put(8, rate * align, 4);
        put(12, align, 2);
        put(14, bits, 2);
        return b;
    };
    const std::string data = chunk("data", std::string(6, '\0'));
    struct Case {
        std::vector<std::uint8_t> bytes;
        std::string says;
    };
    const std::vector<Case> cases{
        {riff(data), "no fmt chunk before the data chunk"},
        {riff(chunk("fmt ", fmt(1, 1, 48000, 3, 24))), "no data chunk"},
        {riff(chunk("fmt ", fmt(1, 1, 48000, 1, 8)) + data), "8-bit PCM"},
        {riff(chunk("fmt ", fmt(3, 1, 48000, 2, 16)) + data), "16-bit float"},
        {riff(chunk("fmt ", fmt(2, 1, 48000, 3, 24)) + data), "format tag 2"},
        {riff(chunk("fmt ", fmt(1, 2, 48000, 3, 24)) + data),
         "block align 3 does not match 2 channels"},
        {riff(chunk("fmt ", fmt(1, 0, 48000, 0, 24)) + data), "bad channel count 0"},
        {riff(chunk("fmt ", fmt(1, 1, 0, 3, 24)) + data), "bad sample rate 0 Hz"},
        {riff(chunk("fmt ", std::string(10, '\0')) + data),
         "the fmt chunk is too short (10 bytes)"},
        {riff(chunk("fmt ", fmt(0xFFFE, 1, 48000, 3, 24)) + data),
         "the extensible fmt chunk is too short"},
        {riff(chunk("fmt ", fmt(1, 1, 48000, 3, 24)) + chunk("data", ""), "RF64"),
         ""},  // an RF64 whose data size is a real 32-bit one reads as it says
        {[&] {
             auto b = riff(chunk("fmt ", fmt(1, 1, 48000, 3, 24)) + chunk("data", ""), "RF64");
             b[b.size() - 4] = b[b.size() - 3] = b[b.size() - 2] = b[b.size() - 1] = 0xFF;
             return b;
         }(),
         "an RF64 file without its ds64 chunk"},
        {riff(chunk("fmt ", fmt(1, 1, 48000, 3, 24)) + data, "RIFX"), "starts with \"RIFX\""},
    };
    for (const Case& c : cases) {
        CAPTURE(c.says);
        auto r = parseWavHeader(c.bytes, c.bytes.size());
        if (c.says.empty()) {
            CHECK(r.ok());
            continue;
        }
        REQUIRE_FALSE(r.ok());
        CHECK(contains(r.error().what, c.says));
        CHECK_FALSE(r.error().remedy.empty());
    }
    // Not a WAVE, and a file too short to say anything.
    std::vector<std::uint8_t> avi = riff(data);
    std::memcpy(avi.data() + 8, "AVI ", 4);
    CHECK(contains(parseWavHeader(avi, avi.size()).error().what, "a RIFF file of type \"AVI \""));
    const std::vector<std::uint8_t> two{'R', 'I'};
    CHECK(contains(parseWavHeader(two, 2).error().what, "only 2 bytes long"));
}

TEST_CASE("wav: a real full disk (a 256 KiB tmpfs) stops the track with whole samples kept") {
    // The child mounts the tmpfs in a mount namespace of its own, so nothing outlives it;
    // it copies the track out before it exits. Where namespaces are not allowed the test says so.
    TempDir tmp;
    const auto disk = tmp / "disk";
    std::filesystem::create_directories(disk);
    const auto copy = tmp / "copy.wav";
    const auto report = tmp / "report.txt";
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        const uid_t uid = ::geteuid();
        const gid_t gid = ::getegid();
        if (uid == 0) {
            if (::unshare(CLONE_NEWNS) != 0) ::_exit(77);
        } else {
            if (::unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0) ::_exit(77);
            test::writeFile("/proc/self/setgroups", "deny");
            test::writeFile("/proc/self/uid_map", "0 " + std::to_string(uid) + " 1");
            test::writeFile("/proc/self/gid_map", "0 " + std::to_string(gid) + " 1");
        }
        if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) ::_exit(77);
        if (::mount("tmpfs", disk.c_str(), "tmpfs", 0, "size=256k") != 0) ::_exit(77);
        const auto p = disk / "t.wav";
        auto w = WavWriter::create(p);
        if (!w.ok()) ::_exit(3);
        const std::vector<float> block = sine(4801);
        Status s = ok();
        for (int blocks = 0; s.ok() && blocks < 1000; ++blocks) {
            s = w->append(block);
            if (s.ok() && blocks % 2 == 1) s = w->refreshHeader();
        }
        if (s.ok()) ::_exit(4);
        // Repair needs no space: it rewrites header fields in place.
        auto r = repairWav(p);
        const std::string text =
            std::to_string(w->frames()) + "\n" +
            (r.ok() ? (r->changed ? "changed" : "whole") : r.error().message()) + "\n" +
            s.error().message();
        std::error_code ec;
        std::filesystem::copy_file(p, copy, ec);
        test::writeFile(report, text);
        ::_exit(ec ? 5 : 0);
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    if (WEXITSTATUS(status) == 77) {
        MESSAGE("skipped: no mount namespace for a tmpfs here (the injected and RLIMIT cases ran)");
        return;
    }
    REQUIRE(WEXITSTATUS(status) == 0);
    const std::string text = test::readFile(report);
    const std::size_t a = text.find('\n');
    const std::size_t b = text.find('\n', a + 1);
    REQUIRE(b != std::string::npos);
    const std::uint64_t frames = std::stoull(text.substr(0, a));
    CHECK(text.substr(a + 1, b - a - 1) == "whole");
    const std::string message = text.substr(b + 1);
    CHECK(contains(message, "the disk is full"));
    CHECK(contains(message, "No space left on device"));
    CHECK(frames > 40000);  // most of 256 KiB (85 000 samples) was used
    CHECK(frames % 4801 == 0);
    auto info = readWavInfo(copy);
    REQUIRE(info.ok());
    CHECK(info->fileBytes == kWavHeaderBytes + frames * 3);
    CHECK(info->frames() == frames);
    CHECK(ffprobeSamples(copy) == std::to_string(frames));
}

TEST_CASE(
    "wav: kill -9 of a process that is writing: readers get the last refresh, repair gets every "
    "whole sample") {
    // Sample i is (i mod 4096 - 2048) / 4096, exact in 24 bits, so every sample is checked.
    auto value = [](std::uint64_t i) {
        return static_cast<float>(static_cast<int>(i % 4096) - 2048) / 4096.0f;
    };
    TempDir tmp;
    const auto p = tmp / "t.wav";
    const auto started = tmp / "started";
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        auto w = WavWriter::create(p);
        if (!w.ok()) ::_exit(3);
        std::vector<float> block(7001);  // odd, so blocks end at every byte offset mod 3
        std::uint64_t next = 0;
        for (int n = 0;; ++n) {
            for (float& x : block) x = value(next++);
            if (!w->append(block).ok()) ::_exit(4);
            if (n % 10 == 9 && !w->refreshHeader().ok()) ::_exit(5);
            if (n == 30) test::writeFile(started, "");
        }
    }
    for (int i = 0; i < 500 && !std::filesystem::exists(started); ++i) ::usleep(10'000);
    REQUIRE(std::filesystem::exists(started));
    ::usleep(50'000);
    ::kill(child, SIGKILL);
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(WIFSIGNALED(status));

    auto before = readWavInfo(p);
    REQUIRE(before.ok());
    CHECK(before->frames() >= 30 * 7001);  // at least the refresh after block 29
    CHECK(before->frames() % (10 * 7001) == 0);
    CHECK(ffprobeSamples(p) == std::to_string(before->frames()));
    auto r = repairWav(p);
    REQUIRE(r.ok());
    CHECK(r->after.frames() >= before->frames());
    CHECK(r->after.frames() * 3 + kWavHeaderBytes == r->after.fileBytes);
    CHECK(ffprobeSamples(p) == std::to_string(r->after.frames()));
    const auto back = readAll(p);
    REQUIRE(back.size() == r->after.frames());
    std::uint64_t wrong = 0;
    for (std::uint64_t i = 0; i < back.size(); ++i) wrong += back[i] != value(i) ? 1 : 0;
    CHECK(wrong == 0);
}
