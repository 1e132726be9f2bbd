// The export's encoder on real files: every format encoded from a synthesized signal with chapters
// (one Chinese), tags and a PNG cover, then read back three ways — our FFmpeg probe, ffprobe's
// JSON and mutagen (tests/media/read_tags.py) — plus the tapped packets decoded, and the errors.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <numbers>
#include <string>
#include <vector>

#include "media/encoder.hpp"
#include "media/file_probe.hpp"
#include "media/image_probe.hpp"
#include "media/mp3_tag.hpp"

using namespace pycast;
using namespace pycast::media;
using nlohmann::json;

namespace {

constexpr const char* kChineseTitle = "Q: 你們怎麼招募新人？";
constexpr std::int64_t kLengthMs = 4000;

struct TempDir {
    std::filesystem::path path;
    TempDir() {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "pycast-encoder-XXXXXX").string();
        path = ::mkdtemp(pattern.data());
    }
    ~TempDir() {
        if (std::getenv("PYCAST_KEEP_TEMP")) return;
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    std::filesystem::path operator/(const std::string& name) const { return path / name; }
};

std::string run(const std::string& cmd) {
    std::string out;
    FILE* pipe = ::popen(cmd.c_str(), "r");
    if (!pipe) return out;
    std::array<char, 4096> buf{};
    std::size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
    ::pclose(pipe);
    return out;
}

std::filesystem::path readTagsScript() {
    if (const char* dir = std::getenv("PYCAST_SOURCE_DIR")) {
        return std::filesystem::path(dir) / "tests" / "media" / "read_tags.py";
    }
    return std::filesystem::absolute(std::filesystem::path(__FILE__).parent_path() /
                                     "read_tags.py");
}

json ffprobe(const std::filesystem::path& file) {
    const std::string out =
        run("ffprobe -v error -of json -show_chapters -show_format -show_streams '" +
            file.string() + "'");
    return json::parse(out, nullptr, false);
}

json mutagen(const std::filesystem::path& file) {
    const std::string out =
        run("/usr/bin/python3 '" + readTagsScript().string() + "' '" + file.string() + "'");
    return json::parse(out, nullptr, false);
}

// A tag of a JSON "tags" object whatever the case of its key (Vorbis comments are upper-case).
std::string jsonTag(const json& tags, const std::string& key) {
    if (!tags.is_object()) return {};
    for (const auto& [k, v] : tags.items()) {
        std::string lower = k;
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (lower == key && v.is_string()) return v.get<std::string>();
    }
    return {};
}

// 1 kHz at −6 dBFS for 2.5 s, 0.5 s of silence, 1 s of 1 kHz again (all channels alike).
std::vector<float> synth(int rate, int channels) {
    const auto frames = static_cast<std::size_t>(rate) * kLengthMs / 1000;
    std::vector<float> out(frames * static_cast<std::size_t>(channels));
    for (std::size_t i = 0; i < frames; ++i) {
        const double t = static_cast<double>(i) / rate;
        const bool silent = t >= 2.5 && t < 3.0;
        const float v =
            silent ? 0.0f : static_cast<float>(0.5 * std::sin(2 * std::numbers::pi * 1000 * t));
        for (int c = 0; c < channels; ++c)
            out[i * static_cast<std::size_t>(channels) + static_cast<std::size_t>(c)] = v;
    }
    return out;
}

// A square image made by FFmpeg's PNG or MJPEG encoder: coloured tiles (a few KB), RGB24 or
// RGBA for PNG, full-range YUV for JPEG.
void writeImage(const std::filesystem::path& path, int size, AVCodecID codecId = AV_CODEC_ID_PNG,
                AVPixelFormat pixels = AV_PIX_FMT_RGB24) {
    const AVCodec* codec = avcodec_find_encoder(codecId);
    REQUIRE(codec);
    ff::CodecContext cc(avcodec_alloc_context3(codec));
    cc->width = size;
    cc->height = size;
    cc->pix_fmt = codecId == AV_CODEC_ID_MJPEG ? AV_PIX_FMT_YUVJ420P : pixels;
    cc->time_base = AVRational{1, 25};
    REQUIRE(avcodec_open2(cc.get(), codec, nullptr) >= 0);
    ff::Frame frame(av_frame_alloc());
    frame->width = size;
    frame->height = size;
    frame->format = cc->pix_fmt;
    REQUIRE(av_frame_get_buffer(frame.get(), 0) >= 0);
    const int planes = cc->pix_fmt == AV_PIX_FMT_YUVJ420P ? 3 : 1;
    for (int plane = 0; plane < planes; ++plane) {
        const int h = plane == 0 ? size : size / 2;
        for (int y = 0; y < h; ++y) {
            std::uint8_t* row = frame->data[plane] + y * frame->linesize[plane];
            for (int x = 0; x < frame->linesize[plane]; ++x) {
                row[x] = static_cast<std::uint8_t>(((x / 200) * 36 + (y / 200) * 20 + plane * 50) &
                                                   0xFF);
            }
        }
    }
    frame->pts = 0;
    REQUIRE(avcodec_send_frame(cc.get(), frame.get()) >= 0);
    REQUIRE(avcodec_send_frame(cc.get(), nullptr) >= 0);
    ff::Packet packet(av_packet_alloc());
    REQUIRE(avcodec_receive_packet(cc.get(), packet.get()) >= 0);
    std::ofstream(path, std::ios::binary)
        .write(reinterpret_cast<const char*>(packet->data), packet->size);
}
void writePng(const std::filesystem::path& path, int size) { writeImage(path, size); }

EncoderOptions intent(ExportFormat format, const std::filesystem::path& cover) {
    EncoderOptions o;
    o.settings.format = format;
    o.settings.sampleRate = 48000;
    o.settings.channels = 2;
    o.settings.bitrateKbps = format == ExportFormat::Opus ? 96 : 128;
    o.meta.title = "Episode 12: 招募的祕密";
    o.meta.show = "PyCast Weekly";
    o.meta.episode = 12;
    o.meta.date = "2026-12-01";
    o.meta.description = "我們談招募。 We talk about hiring.";
    o.meta.language = "zh-TW";
    o.meta.people = {{"Ann Lee", "host", "", ""}, {"Bo Chen", "guest", "Acme", ""}};
    o.meta.cover = cover;
    o.chapters = {{0, 1500, "Intro"}, {1500, 3000, kChineseTitle}, {3000, kLengthMs, "Outro"}};
    return o;
}

struct Encoded {
    std::vector<ff::Packet> packets;
    AVCodecParameters* params = nullptr;
    ~Encoded() { avcodec_parameters_free(&params); }
};

// Encodes synth() in odd-sized blocks (re-blocking is the encoder's job).
void encode(const std::filesystem::path& path, const EncoderOptions& options,
            Encoded* tapped = nullptr) {
    auto enc = AudioEncoder::open(path, options);
    REQUIRE_MESSAGE(enc.ok(), (enc.ok() ? "" : enc.error().message()));
    if (tapped) {
        (*enc)->setPacketTap([tapped](ff::Packet p) { tapped->packets.push_back(std::move(p)); });
        tapped->params = avcodec_parameters_alloc();
        avcodec_parameters_copy(tapped->params, &(*enc)->codecParameters());
    }
    const auto samples = synth(options.settings.sampleRate, options.settings.channels);
    const std::size_t block = 1001 * static_cast<std::size_t>(options.settings.channels);
    for (std::size_t at = 0; at < samples.size(); at += block) {
        const std::size_t n = std::min(block, samples.size() - at);
        const Status st = (*enc)->write(std::span<const float>(samples.data() + at, n));
        REQUIRE_MESSAGE(st.ok(), (st.ok() ? "" : st.error().message()));
    }
    const Status st = (*enc)->finish();
    REQUIRE_MESSAGE(st.ok(), (st.ok() ? "" : st.error().message()));
}

// Our own probe: the file as intended, and compareWithIntended finds nothing wrong.
ProbedAudio checkWithOurProbe(const std::filesystem::path& file, const EncoderOptions& o,
                              const char* codec) {
    auto probed = probeAudioFile(file);
    REQUIRE_MESSAGE(probed.ok(), (probed.ok() ? "" : probed.error().message()));
    CHECK(probed->codec == codec);
    CHECK(probed->channels == o.settings.channels);
    for (const ExportCheck& check : compareWithIntended(*probed, o, kLengthMs)) {
        INFO(check.topic << ": " << check.text);
        CHECK(check.level == ExportCheck::Level::Ok);
    }
    return *probed;
}

// ffprobe: the audio stream, the chapters to the ms with their titles, the tags, the cover.
void checkWithFfprobe(const std::filesystem::path& file, const EncoderOptions& o, const char* codec,
                      bool chapters, bool cover) {
    const json j = ffprobe(file);
    REQUIRE(j.is_object());
    bool sawAudio = false, sawCover = false;
    for (const json& s : j["streams"]) {
        if (s["codec_type"] == "audio") {
            sawAudio = true;
            CHECK(s["codec_name"] == codec);
        }
        if (s.contains("disposition") && s["disposition"].value("attached_pic", 0) == 1) {
            sawCover = true;
            CHECK(s["width"] == 1400);
            CHECK(s["height"] == 1400);
        }
    }
    CHECK(sawAudio);
    CHECK(sawCover == cover);
    // Ogg keeps the comments on the stream; the others on the container.
    json tags = j["format"].value("tags", json::object());
    for (const json& s : j["streams"]) {
        if (s["codec_type"] == "audio" && s.contains("tags")) tags.update(s["tags"]);
    }
    CHECK(jsonTag(tags, "title") == o.meta.title);
    CHECK(jsonTag(tags, "album") == o.meta.show);
    CHECK(jsonTag(tags, "date") == o.meta.date);
    CHECK(jsonTag(tags, "artist") == "Ann Lee, Bo Chen (Acme)");
    const std::string description = jsonTag(tags, "description").empty()
                                        ? jsonTag(tags, "comment")
                                        : jsonTag(tags, "description");
    CHECK(description == o.meta.description);
    const auto& list = j["chapters"];
    if (!chapters) {
        CHECK(list.empty());
        return;
    }
    REQUIRE(list.size() == o.chapters.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
        const double start = std::stod(list[i]["start_time"].get<std::string>());
        CHECK(std::llround(start * 1000) == o.chapters[i].startMs);
        CHECK(jsonTag(list[i]["tags"], "title") == o.chapters[i].title);
    }
}

}  // namespace

TEST_CASE(
    "encoder: MP3 CBR gets one ID3v2.3 tag with COMM, front-cover APIC and CHAP/CTOC that FFmpeg, "
    "ffprobe and mutagen agree on") {
    TempDir dir;
    writePng(dir / "cover.png", 1400);
    const auto o = intent(ExportFormat::Mp3, dir / "cover.png");
    encode(dir / "out.mp3", o);

    const ProbedAudio p = checkWithOurProbe(dir / "out.mp3", o, "mp3");
    CHECK(p.sampleRate == 48000);
    CHECK(p.bitRate > 100000);
    CHECK(p.bitRate < 160000);
    CHECK(p.hasCover);
    CHECK(p.coverCodec == "png");
    checkWithFfprobe(dir / "out.mp3", o, "mp3", true, true);

    const json m = mutagen(dir / "out.mp3");
    REQUIRE(m.is_object());
    CHECK(m["kind"] == "id3");
    CHECK(m["version"] == json::array({2, 3, 0}));
    CHECK(m["TIT2"] == o.meta.title);
    CHECK(m["TALB"] == o.meta.show);
    CHECK(m["TRCK"] == "12");
    CHECK(m["TYER"] == "2026");  // ID3v2.3 has no TDRC
    CHECK(m["TDAT"] == "0112");  // DDMM
    CHECK(m["TPE1"] == "Ann Lee, Bo Chen (Acme)");
    REQUIRE(m["COMM"].size() == 1);
    CHECK(m["COMM"][0]["lang"] == "chi");
    CHECK(m["COMM"][0]["text"] == o.meta.description);
    CHECK(m["TXXX"].empty());
    REQUIRE(m["APIC"].size() == 1);
    CHECK(m["APIC"][0]["type"] == 3);
    CHECK(m["APIC"][0]["mime"] == "image/png");
    REQUIRE(m["CHAP"].size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(m["CHAP"][i]["id"] == "chp" + std::to_string(i));
        CHECK(m["CHAP"][i]["start"] == o.chapters[i].startMs);
        CHECK(m["CHAP"][i]["end"] == o.chapters[i].endMs);
        CHECK(m["CHAP"][i]["title"] == o.chapters[i].title);
    }
    REQUIRE(m["CTOC"].size() == 1);
    CHECK(m["CTOC"][0]["flags"] == 3);  // top-level | ordered
    CHECK(m["CTOC"][0]["children"] == json::array({"chp0", "chp1", "chp2"}));

    // The Xing/Info header survived the tag: mutagen finds it behind the tag ("Info" = CBR) and
    // takes the length from its frame count (168 frames of 1152 samples, as for ffmpeg's own).
    CHECK(m["bitrate_mode"] == "BitrateMode.CBR");
    CHECK(std::llround(m["length"].get<double>() * 1000) == 4032);
    CHECK(p.durationMs == 4032);
}

TEST_CASE("encoder: MP3 VBR at 44.1 kHz mono writes ID3v2.4 when asked") {
    TempDir dir;
    auto o = intent(ExportFormat::Mp3, {});
    o.settings.vbr = true;
    o.settings.vbrQuality = 4;
    o.settings.sampleRate = 44100;
    o.settings.channels = 1;
    o.settings.id3v2Version = 4;
    encode(dir / "out.mp3", o);
    const ProbedAudio p = checkWithOurProbe(dir / "out.mp3", o, "mp3");
    CHECK(p.sampleRate == 44100);
    CHECK_FALSE(p.hasCover);
    checkWithFfprobe(dir / "out.mp3", o, "mp3", true, false);
    const json m = mutagen(dir / "out.mp3");
    CHECK(m["version"] == json::array({2, 4, 0}));
    CHECK(m["bitrate_mode"] == "BitrateMode.VBR");
    CHECK(m["TDRC"] == "2026-12-01");
    CHECK(m["CHAP"].size() == 3);
    CHECK(m["CHAP"][1]["title"] == kChineseTitle);
    CHECK(m["APIC"].empty());
}

TEST_CASE("encoder: M4A (AAC-LC) carries tags, covr and chapters") {
    TempDir dir;
    writePng(dir / "cover.png", 1400);
    const auto o = intent(ExportFormat::M4a, dir / "cover.png");
    encode(dir / "out.m4a", o);
    const ProbedAudio p = checkWithOurProbe(dir / "out.m4a", o, "aac");
    CHECK(p.hasCover);
    checkWithFfprobe(dir / "out.m4a", o, "aac", true, true);
    const json m = mutagen(dir / "out.m4a");
    CHECK(m["kind"] == "mp4");
    CHECK(m["\xc2\xa9nam"] == o.meta.title);
    CHECK(m["\xc2\xa9"
            "alb"] == o.meta.show);
    CHECK(m["desc"] == o.meta.description);
    CHECK(m["trkn"][0] == 12);
    REQUIRE(m["covr"].size() == 1);
    CHECK(m["covr"][0]["format"] == 14);  // MP4Cover.FORMAT_PNG
    REQUIRE(m["chapters"].size() == 3);
    CHECK(m["chapters"][1]["title"] == kChineseTitle);
    CHECK(std::llround(m["chapters"][1]["start"].get<double>() * 1000) == 1500);
}

TEST_CASE(
    "encoder: Opus in Ogg from 44.1 kHz is resampled to 48 kHz and carries CHAPTERnnn and "
    "METADATA_BLOCK_PICTURE") {
    TempDir dir;
    writePng(dir / "cover.png", 1400);
    auto o = intent(ExportFormat::Opus, dir / "cover.png");
    o.settings.sampleRate = 44100;
    encode(dir / "out.opus", o);
    const ProbedAudio p = checkWithOurProbe(dir / "out.opus", o, "opus");
    CHECK(p.sampleRate == 48000);
    CHECK(p.hasCover);
    checkWithFfprobe(dir / "out.opus", o, "opus", true, true);
    const json m = mutagen(dir / "out.opus");
    CHECK(m["kind"] == "opus");
    const json& c = m["comments"];
    CHECK(c["title"][0] == o.meta.title);
    CHECK(c["chapter001"][0] == "00:00:00.000");
    CHECK(c["chapter002name"][0] == kChineseTitle);
    CHECK(c["chapter002"][0] == "00:00:01.500");
    REQUIRE(m["pictures"].size() == 1);
    CHECK(m["pictures"][0]["type"] == 3);
    CHECK(m["pictures"][0]["width"] == 1400);
}

TEST_CASE("encoder: FLAC carries our CHAPTERnnn comments and a front-cover PICTURE from a JPEG") {
    TempDir dir;
    writeImage(dir / "cover.jpg", 1400, AV_CODEC_ID_MJPEG);
    const auto o = intent(ExportFormat::Flac, dir / "cover.jpg");
    encode(dir / "out.flac", o);
    const ProbedAudio p = checkWithOurProbe(dir / "out.flac", o, "flac");
    CHECK(p.hasCover);
    checkWithFfprobe(dir / "out.flac", o, "flac", true, true);
    const json m = mutagen(dir / "out.flac");
    CHECK(m["kind"] == "flac");
    const json& c = m["comments"];
    CHECK(c["chapter001"][0] == "00:00:00.000");
    CHECK(c["chapter002"][0] == "00:00:01.500");
    CHECK(c["chapter002name"][0] == kChineseTitle);
    CHECK(c["chapter003name"][0] == "Outro");
    REQUIRE(m["pictures"].size() == 1);
    CHECK(m["pictures"][0]["type"] == 3);
    CHECK(m["pictures"][0]["mime"] == "image/jpeg");
    CHECK(p.coverCodec == "mjpeg");
}

TEST_CASE("encoder: WAV is 24-bit PCM with tags and neither chapters nor cover") {
    TempDir dir;
    writePng(dir / "cover.png", 1400);
    const auto o = intent(ExportFormat::Wav, dir / "cover.png");
    encode(dir / "out.wav", o);
    const ProbedAudio p = checkWithOurProbe(dir / "out.wav", o, "pcm_s24le");
    CHECK(p.durationMs == kLengthMs);
    CHECK_FALSE(p.hasCover);
    CHECK(p.chapters.empty());
    checkWithFfprobe(dir / "out.wav", o, "pcm_s24le", false, false);
}

TEST_CASE("encoder: the tapped packets decode to the input's length and the sine's level") {
    for (ExportFormat format :
         {ExportFormat::Mp3, ExportFormat::M4a, ExportFormat::Opus, ExportFormat::Flac}) {
        TempDir dir;
        auto o = intent(format, {});
        CAPTURE(static_cast<int>(format));
        Encoded tapped;
        encode(dir / "out", o, &tapped);
        REQUIRE_FALSE(tapped.packets.empty());
        auto decoder = PacketDecoder::open(*tapped.params);
        REQUIRE_MESSAGE(decoder.ok(), (decoder.ok() ? "" : decoder.error().message()));
        std::vector<float> decoded;
        auto collect = [&decoded](std::span<const float> s) {
            decoded.insert(decoded.end(), s.begin(), s.end());
        };
        for (const ff::Packet& packet : tapped.packets) {
            const Status st = (*decoder)->decode(packet.get(), collect);
            REQUIRE_MESSAGE(st.ok(), (st.ok() ? "" : st.error().message()));
        }
        REQUIRE((*decoder)->decode(nullptr, collect).ok());
        REQUIRE((*decoder)->channels() == 2);
        const int rate = (*decoder)->sampleRate();
        const auto frames = static_cast<std::int64_t>(decoded.size() / 2);
        const std::int64_t expected = static_cast<std::int64_t>(rate) * kLengthMs / 1000;
        // The decoder keeps the encoder's priming and the last frame's padding.
        const std::int64_t slack =
            tapped.params->initial_padding + 2 * std::max(tapped.params->frame_size, 1152);
        CHECK(frames >= expected);
        CHECK(frames <= expected + slack);
        // RMS of the sine's steady part (0.5–2.0 s) against −6 dBFS sine's 0.5/√2.
        double sum = 0;
        const auto from = static_cast<std::size_t>(rate / 2),
                   to = static_cast<std::size_t>(rate * 2);
        for (std::size_t i = from; i < to; ++i)
            sum += static_cast<double>(decoded[2 * i]) * decoded[2 * i];
        const double rmsDb = 10 * std::log10(sum / static_cast<double>(to - from));
        CHECK(std::abs(rmsDb - 20 * std::log10(0.5 / std::sqrt(2.0))) < 0.5);
    }
}

TEST_CASE("encoder: a text file named .png is refused as cover art") {
    TempDir dir;
    std::ofstream(dir / "cover.png") << "this is not a picture\n";
    auto probe = probeCoverImage(dir / "cover.png");
    REQUIRE_FALSE(probe.ok());
    CHECK(probe.error().where == (dir / "cover.png").string());
    auto enc = AudioEncoder::open(dir / "out.mp3", intent(ExportFormat::Mp3, dir / "cover.png"));
    REQUIRE_FALSE(enc.ok());
    CHECK(enc.error().where == (dir / "cover.png").string());
    CHECK_FALSE(enc.error().remedy.empty());
    CHECK_FALSE(std::filesystem::exists(dir / "out.mp3"));
}

TEST_CASE("encoder: an unwritable destination is an error") {
    TempDir dir;
    std::filesystem::create_directory(dir / "locked");
    std::filesystem::permissions(
        dir / "locked", std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
    for (const auto& target : {dir / "locked" / "out.mp3", dir / "missing" / "out.m4a"}) {
        auto o = intent(target.extension() == ".mp3" ? ExportFormat::Mp3 : ExportFormat::M4a, {});
        auto enc = AudioEncoder::open(target, o);
        if (::geteuid() == 0 && target.parent_path() == dir / "locked")
            continue;  // root writes anywhere
        REQUIRE_FALSE(enc.ok());
        CHECK(enc.error().what.find("cannot create the file") != std::string::npos);
        CHECK(enc.error().where == target.string());
    }
    std::filesystem::permissions(dir / "locked", std::filesystem::perms::owner_all);
}

TEST_CASE("encoder: settings the codec cannot take are refused with the reason") {
    TempDir dir;
    auto o = intent(ExportFormat::Mp3, {});
    o.settings.bitrateKbps = 32;
    auto enc = AudioEncoder::open(dir / "a.mp3", o);
    REQUIRE_FALSE(enc.ok());
    CHECK(enc.error().what == "32 kb/s is outside what MP3 takes (64–320 kb/s)");
    o.settings.bitrateKbps = 128;
    o.settings.sampleRate = 22050;
    enc = AudioEncoder::open(dir / "a.mp3", o);
    REQUIRE_FALSE(enc.ok());
    CHECK(enc.error().what == "22050 Hz is not an export rate");
    o.settings.sampleRate = 48000;
    o.settings.channels = 6;
    enc = AudioEncoder::open(dir / "a.mp3", o);
    REQUIRE_FALSE(enc.ok());
    CHECK(enc.error().what == "6 channels cannot be exported");
}

TEST_CASE(
    "compareWithIntended names a changed chapter title, a moved chapter, a missing tag and cover") {
    TempDir dir;
    writePng(dir / "cover.png", 1400);
    const auto o = intent(ExportFormat::M4a, dir / "cover.png");
    auto changed = o;
    changed.chapters[1].title = "Q: 你們怎麼招募人？";
    changed.chapters[2].startMs = 3010;
    changed.meta.title.clear();
    changed.meta.cover.clear();
    encode(dir / "out.m4a", changed);
    auto probed = probeAudioFile(dir / "out.m4a");
    REQUIRE(probed.ok());
    std::vector<std::string> errors;
    for (const ExportCheck& c : compareWithIntended(*probed, o, kLengthMs)) {
        if (c.level == ExportCheck::Level::Error) errors.push_back(c.topic + ": " + c.text);
    }
    REQUIRE(errors.size() == 4);
    CHECK(errors[0] ==
          "Chapters: chapter 2 (0:01.500) is titled \u201cQ: 你們怎麼招募人？\u201d, intended "
          "\u201cQ: 你們怎麼招募新人？\u201d");
    CHECK(errors[1] == "Chapters: chapter 3 starts at 0:03.010, intended 0:03.000");
    CHECK(errors[2] ==
          "Tags: the title tag is missing, intended \u201cEpisode 12: 招募的祕密\u201d");
    CHECK(errors[3] == "Cover art: the file has no cover art, intended cover.png");
}

TEST_CASE("probeCoverImage reads a PNG's codec, size and colour") {
    TempDir dir;
    writePng(dir / "cover.png", 1400);
    auto info = probeCoverImage(dir / "cover.png");
    REQUIRE(info.ok());
    CHECK(info->codec == "png");
    CHECK(info->width == 1400);
    CHECK(info->height == 1400);
    CHECK_FALSE(info->hasAlpha);
    CHECK(info->isRgb);
    CHECK(info->bytes == std::filesystem::file_size(dir / "cover.png"));
    CHECK(peopleCredit({{"A", "host", "", ""}, {"B", "guest", "X Co", ""}}) == "A, B (X Co)");
    CHECK(iso639Language("zh-TW") == "chi");
    CHECK(iso639Language("en-US") == "eng");
    CHECK(formatChapterTime(723456) == "12:03.456");
    CHECK(formatChapterTime(3723456) == "1:02:03.456");
}

TEST_CASE("probeCoverImage reads a JPEG as colour and an RGBA PNG as having alpha") {
    TempDir dir;
    writeImage(dir / "cover.jpg", 1600, AV_CODEC_ID_MJPEG);
    auto jpeg = probeCoverImage(dir / "cover.jpg");
    REQUIRE(jpeg.ok());
    CHECK(jpeg->codec == "mjpeg");
    CHECK(jpeg->width == 1600);
    CHECK(jpeg->isRgb);
    CHECK_FALSE(jpeg->hasAlpha);
    writeImage(dir / "alpha.png", 1400, AV_CODEC_ID_PNG, AV_PIX_FMT_RGBA);
    auto rgba = probeCoverImage(dir / "alpha.png");
    REQUIRE(rgba.ok());
    CHECK(rgba->hasAlpha);
    CHECK(rgba->isRgb);
    writeImage(dir / "gray.png", 1400, AV_CODEC_ID_PNG, AV_PIX_FMT_GRAY8);
    auto gray = probeCoverImage(dir / "gray.png");
    REQUIRE(gray.ok());
    CHECK_FALSE(gray->isRgb);
    CHECK_FALSE(probeCoverImage(dir / "missing.png").ok());
}

TEST_CASE(
    "encoder: destroyed without finish, it closes and leaves the partial file to its caller") {
    TempDir dir;
    const auto o = intent(ExportFormat::M4a, {});
    {
        auto enc = AudioEncoder::open(dir / "partial.m4a", o);
        REQUIRE(enc.ok());
        const auto samples = synth(48000, 2);
        REQUIRE((*enc)->write(samples).ok());
        CHECK((*enc)->samplesWritten() == 48000 * kLengthMs / 1000);
    }
    CHECK(std::filesystem::exists(dir / "partial.m4a"));
    auto enc = AudioEncoder::open(dir / "twice.wav", intent(ExportFormat::Wav, {}));
    REQUIRE(enc.ok());
    REQUIRE((*enc)->finish().ok());
    CHECK_FALSE((*enc)->finish().ok());
    const std::vector<float> more(2, 0.0f);
    CHECK_FALSE((*enc)->write(more).ok());
    const std::vector<float> odd(3, 0.0f);
    auto stereo = AudioEncoder::open(dir / "odd.wav", intent(ExportFormat::Wav, {}));
    REQUIRE(stereo.ok());
    CHECK_FALSE((*stereo)->write(odd).ok());
}
