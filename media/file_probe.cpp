// An exported file opened again with FFmpeg, and compared with what was intended (any thread).
#include "media/file_probe.hpp"

#include "core/duration.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>

#include "media/ffmpeg.hpp"

namespace pycast::media {
namespace {

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::int64_t toMs(std::int64_t value, AVRational timeBase) {
    return av_rescale_q(value, timeBase, AVRational{1, 1000});
}

// "HH:MM:SS.mmm" (also "MM:SS", fewer decimals) → ms, or -1. A file's tags say anything:
// seconds of 1e300 (or inf, nan) cast to an integer is undefined behaviour, so a field out of
// its range is no time at all.
std::int64_t parseVorbisTime(const std::string& text) {
    int h = 0, m = 0;
    double seconds = 0;
    const auto msOf = [](std::int64_t minutes, double s) -> std::int64_t {
        if (minutes < 0 || !(s >= 0.0 && s < 60.0)) return -1;
        return minutes * 60000 + static_cast<std::int64_t>(s * 1000.0 + 0.5);
    };
    if (std::sscanf(text.c_str(), "%d:%d:%lf", &h, &m, &seconds) == 3)
        return h < 0 || m < 0 || m > 59 ? -1 : msOf(static_cast<std::int64_t>(h) * 60 + m, seconds);
    if (std::sscanf(text.c_str(), "%d:%lf", &m, &seconds) == 2) return msOf(m, seconds);
    return -1;
}

// CHAPTERnnn / CHAPTERnnnNAME comments (keys already lower-case), in number order.
std::vector<OutputChapter> vorbisChapters(const std::map<std::string, std::string>& tags,
                                          std::int64_t durationMs) {
    std::map<int, OutputChapter> byNumber;
    for (const auto& [key, value] : tags) {
        if (key.size() < 10 || key.compare(0, 7, "chapter") != 0) continue;
        const std::string digits = key.substr(7, 3);
        if (!std::all_of(digits.begin(), digits.end(),
                         [](unsigned char c) { return std::isdigit(c); }))
            continue;
        const int number = std::atoi(digits.c_str());
        const std::string rest = key.substr(10);
        if (rest.empty()) {
            const std::int64_t ms = parseVorbisTime(value);
            if (ms >= 0) byNumber[number].startMs = ms;
        } else if (rest == "name") {
            byNumber[number].title = value;
        }
    }
    std::vector<OutputChapter> out;
    for (auto& [number, chapter] : byNumber) out.push_back(chapter);
    for (std::size_t i = 0; i < out.size(); ++i) {
        out[i].endMs = i + 1 < out.size() ? out[i + 1].startMs : durationMs;
    }
    return out;
}

// The codec's frame in ms: what its padding may add to or take from the length.
std::int64_t codecFrameMs(const std::string& codec, int sampleRate) {
    if (sampleRate <= 0) return 0;
    int frame = 0;
    if (codec == "mp3")
        frame = 1152;
    else if (codec == "aac")
        frame = 1024;
    else if (codec == "opus")
        frame = 960;
    else if (codec == "flac")
        frame = 4608;
    return static_cast<std::int64_t>(frame) * 1000 / sampleRate + 1;
}

ExportCheck error(std::string topic, std::string text) {
    return ExportCheck{ExportCheck::Level::Error, std::move(topic), std::move(text)};
}
ExportCheck fine(std::string topic, std::string text) {
    return ExportCheck{ExportCheck::Level::Ok, std::move(topic), std::move(text)};
}

std::string quoted(const std::string& text) { return "\u201c" + text + "\u201d"; }

std::string tagOf(const ProbedAudio& file, std::initializer_list<const char*> keys) {
    for (const char* key : keys) {
        if (auto it = file.tags.find(key); it != file.tags.end()) return it->second;
    }
    return {};
}

}  // namespace


Result<ProbedAudio> probeAudioFile(const std::filesystem::path& path) {
    const std::string where = path.string();
    AVFormatContext* raw = nullptr;
    int e = avformat_open_input(&raw, path.c_str(), nullptr, nullptr);
    if (e < 0) return ff::error(e, "cannot open the exported file", where);
    ff::InputContext input(raw);
    e = avformat_find_stream_info(input.get(), nullptr);
    if (e < 0) return ff::error(e, "cannot read the exported file", where);
    const int audioIndex = av_find_best_stream(input.get(), AVMEDIA_TYPE_AUDIO, -1, -1, nullptr, 0);
    if (audioIndex < 0) return ff::error(audioIndex, "has no audio stream", where);
    const AVStream* audio = input->streams[audioIndex];

    ProbedAudio out;
    out.sampleRate = audio->codecpar->sample_rate;
    out.channels = audio->codecpar->ch_layout.nb_channels;
    out.codec = avcodec_get_name(audio->codecpar->codec_id);
    // The audio's own rate when the stream knows it: the container's includes the cover art.
    out.bitRate = audio->codecpar->bit_rate > 0 ? audio->codecpar->bit_rate : input->bit_rate;
    if (audio->duration != AV_NOPTS_VALUE && audio->duration > 0) {
        out.durationMs = toMs(audio->duration, audio->time_base);
    } else if (input->duration != AV_NOPTS_VALUE) {
        out.durationMs = toMs(input->duration, AVRational{1, AV_TIME_BASE});
    }

    auto collect = [&out](const AVDictionary* dict) {
        const AVDictionaryEntry* entry = nullptr;
        while ((entry = av_dict_get(dict, "", entry, AV_DICT_IGNORE_SUFFIX))) {
            std::string key = lower(entry->key);
            if (key == "metadata_block_picture") continue;  // FFmpeg shows it as a picture stream
            out.tags.emplace(std::move(key), entry->value);
        }
    };
    collect(input->metadata);
    collect(audio->metadata);

    for (unsigned i = 0; i < input->nb_chapters; ++i) {
        const AVChapter* c = input->chapters[i];
        const AVDictionaryEntry* title = av_dict_get(c->metadata, "title", nullptr, 0);
        out.chapters.push_back(OutputChapter{
            toMs(c->start, c->time_base), toMs(c->end, c->time_base), title ? title->value : ""});
    }
    if (out.chapters.empty()) out.chapters = vorbisChapters(out.tags, out.durationMs);

    for (unsigned i = 0; i < input->nb_streams; ++i) {
        const AVStream* st = input->streams[i];
        if (st->disposition & AV_DISPOSITION_ATTACHED_PIC) {
            out.hasCover = true;
            out.coverWidth = st->codecpar->width;
            out.coverHeight = st->codecpar->height;
            out.coverCodec = avcodec_get_name(st->codecpar->codec_id);
            break;
        }
    }
    return out;
}

std::vector<ExportCheck> compareWithIntended(const ProbedAudio& file,
                                             const EncoderOptions& intended,
                                             std::int64_t intendedMs) {
    std::vector<ExportCheck> checks;
    const ExportFormat format = intended.settings.format;

    // Duration.
    const std::int64_t tolerance = 50 + codecFrameMs(file.codec, file.sampleRate);
    const std::int64_t off = file.durationMs - intendedMs;
    if (std::llabs(off) > tolerance) {
        checks.push_back(error("Duration", "the file lasts " + formatTimecode(file.durationMs, true) +
                                               ", intended " + formatTimecode(intendedMs, true) +
                                               " (" + std::to_string(off) + " ms off; ±" +
                                               std::to_string(tolerance) + " ms allowed)"));
    } else {
        checks.push_back(fine(
            "Duration", "the file lasts " + formatTimecode(file.durationMs, true) + " as intended"));
    }

    // Chapters (WAV carries none).
    if (format != ExportFormat::Wav) {
        const std::size_t before = checks.size();
        const auto& want = intended.chapters;
        const auto& got = file.chapters;
        if (got.size() != want.size()) {
            checks.push_back(error("Chapters", "the file has " + std::to_string(got.size()) +
                                                   " chapters, intended " +
                                                   std::to_string(want.size())));
        }
        for (std::size_t i = 0; i < std::min(got.size(), want.size()); ++i) {
            const std::string name = "chapter " + std::to_string(i + 1);
            if (got[i].startMs != want[i].startMs) {
                checks.push_back(
                    error("Chapters", name + " starts at " + formatTimecode(got[i].startMs, true) +
                                          ", intended " + formatTimecode(want[i].startMs, true)));
            }
            if (got[i].title != want[i].title) {
                checks.push_back(error(
                    "Chapters", name + " (" + formatTimecode(want[i].startMs, true) + ") is titled " +
                                    quoted(got[i].title) + ", intended " + quoted(want[i].title)));
            }
        }
        if (checks.size() == before) {
            checks.push_back(fine("Chapters", std::to_string(want.size()) +
                                                  " chapters, times and titles as intended"));
        }
    }

    // Tags.
    {
        const std::size_t before = checks.size();
        const EpisodeMeta& meta = intended.meta;
        auto compare = [&](const char* label, const std::string& want, const std::string& got) {
            if (want.empty() || got == want) return;
            checks.push_back(
                error("Tags", std::string("the ") + label + " tag is " +
                                  (got.empty() ? std::string("missing") : quoted(got)) +
                                  ", intended " + quoted(want)));
        };
        compare("title", meta.title, tagOf(file, {"title"}));
        compare("show (album)", meta.show, tagOf(file, {"album"}));
        if (meta.episode) {
            // "3" or "3/12": the episode is the number before any slash.
            std::string track = tagOf(file, {"track", "tracknumber"});
            track = track.substr(0, track.find('/'));
            compare("episode (track)", std::to_string(*meta.episode), track);
        }
        compare("date", meta.date, tagOf(file, {"date"}));
        compare("description", meta.description, tagOf(file, {"description", "comment"}));
        if (checks.size() == before)
            checks.push_back(
                fine("Tags", "title, show, episode, date and description as intended"));
    }

    // Cover art (WAV carries none).
    if (!intended.meta.cover.empty() && format != ExportFormat::Wav) {
        if (!file.hasCover) {
            checks.push_back(error("Cover art", "the file has no cover art, intended " +
                                                    intended.meta.cover.filename().string()));
        } else {
            checks.push_back(fine("Cover art", "cover art " + std::to_string(file.coverWidth) +
                                                   "×" + std::to_string(file.coverHeight) + " " +
                                                   file.coverCodec + " in the file"));
        }
    }
    return checks;
}

}  // namespace pycast::media
