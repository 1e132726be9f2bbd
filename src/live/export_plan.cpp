// What an export makes, as plain values (any one thread; pure but for reading the session).
#include "live/export_plan.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "core/duration.hpp"
#include "core/text.hpp"
#include "io/markdown.hpp"
#include "io/wav_file.hpp"
#include "live/report.hpp"

namespace pycast {

namespace {

constexpr std::uint64_t kId3TagWarnBytes = 300 * 1024;

std::string podcastRole(Role role) {
    switch (role) {
        case Role::Host:
        case Role::Moderator: return "host";
        case Role::Producer: return "producer";
        case Role::Guest: break;
    }
    return "guest";
}

std::string xmlEscape(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default: out += c;
        }
    }
    return out;
}

// Output chapters as plain chapters, for the formats live/chapters writes.
std::vector<Chapter> asChapters(const std::vector<OutputChapter>& chapters) {
    std::vector<Chapter> list;
    for (const auto& c : chapters) list.push_back({Chapter::Kind::Marker, c.startMs, {}, c.title});
    return list;
}

// Where a source ms lands in the output: the intro, then the kept regions one after another; a
// time in a cut (or the trimmed head) lands where the next kept region begins.
std::int64_t toOutputMs(const std::vector<KeptRegion>& kept, std::int64_t introMs, std::int64_t t) {
    std::int64_t out = introMs;
    for (const KeptRegion& k : kept) {
        if (t >= k.endMs) out += k.endMs - k.startMs;
        else if (t > k.startMs) out += t - k.startMs;
    }
    return out;
}

}  // namespace

const std::vector<ExportFormatInfo>& exportFormats() {
    static const std::vector<ExportFormatInfo> formats = {
        {ExportFormat::Mp3, "mp3", "MP3 (LAME)", true, 128, 64, 320},
        {ExportFormat::M4a, "m4a", "AAC in M4A", true, 128, 64, 320},
        {ExportFormat::Opus, "opus", "Opus in Ogg", true, 96, 32, 256},
        {ExportFormat::Flac, "flac", "FLAC (lossless)", false, 0, 0, 0},
        {ExportFormat::Wav, "wav", "WAV 24-bit PCM", false, 0, 0, 0},
    };
    return formats;
}

const ExportFormatInfo& formatInfo(ExportFormat format) {
    for (const auto& f : exportFormats())
        if (f.format == format) return f;
    return exportFormats().front();
}

std::optional<ExportFormat> parseExportFormat(std::string_view name) {
    const std::string lower = lowerAscii(name);
    for (const auto& f : exportFormats())
        if (f.name == lower) return f.format;
    if (lower == "aac" || lower == "mp4") return ExportFormat::M4a;
    if (lower == "ogg") return ExportFormat::Opus;
    return std::nullopt;
}

const std::vector<LoudnessTarget>& loudnessPresets() {
    static const std::vector<LoudnessTarget> presets = {
        {"podcast-stereo", -16.0, -1.0, 2},
        {"podcast-mono", -19.0, -1.0, 1},
        {"ebu-r128", -23.0, -1.0, 2},
        {"custom", -16.0, -1.0, 2},
    };
    return presets;
}

std::optional<LoudnessTarget> findLoudnessPreset(std::string_view name) {
    for (const auto& p : loudnessPresets())
        if (p.preset == name) return p;
    return std::nullopt;
}

Result<ExportPlan> planForSession(const std::filesystem::path& sessionDir) {
    auto snapshot = loadSessionSnapshot(sessionDir);
    if (!snapshot) return snapshot.error();
    const SessionSnapshot& s = *snapshot;
    if (s.recording.takes.empty() || s.recording.takes.front().tracks.empty())
        return Error{"has no recording to export", sessionDir.string(),
                     "record the session (Live ▸ Recorder, or pycast live --record), or export "
                     "an audio file instead"};
    ExportPlan plan;
    plan.input = sessionDir;
    plan.isSession = true;
    for (const RecordedTrack& t : s.recording.takes.front().tracks)
        plan.tracks.push_back({t.name, t.person, 0.0, 0.0, false});
    // The source's length: the last take's end on the timeline, from its log or its files.
    const RecordingTake& last = s.recording.takes.back();
    std::int64_t frames = last.frames.value_or(0);
    if (!last.frames) {
        for (const RecordedTrack& t : last.tracks) {
            auto info = readWavInfo(sessionDir / t.file);
            if (info) frames = std::max<std::int64_t>(frames, static_cast<std::int64_t>(info->frames()));
        }
    }
    const int rate = s.recording.takes.front().sampleRate;
    plan.sourceMs = (last.startSample.value + frames) * 1000 / rate;
    plan.chapters = sessionChapters(s);

    const ShowMeta& m = s.show.meta;
    plan.meta.title = m.title;
    plan.meta.show = m.series;
    plan.meta.episode = m.episode;
    plan.meta.date = m.date.empty() ? s.startDate : m.date;
    plan.meta.language = m.language;
    if (auto d = m.extra.find("description"); d != m.extra.end() && d->is_string())
        plan.meta.description = d->get<std::string>();
    for (const Person& p : s.show.people) {
        if (p.role == Role::Producer) continue;
        EpisodePerson person{p.name, podcastRole(p.role), p.company, {}};
        if (auto h = p.extra.find("url"); h != p.extra.end() && h->is_string()) person.href = h->get<std::string>();
        plan.meta.people.push_back(std::move(person));
    }
    plan.outDir = sessionDir / "exports";
    plan.baseName = slugify(m.title, SlugLetters::Unicode, "episode", 120);
    if (m.episode) plan.baseName = "ep" + std::to_string(*m.episode) + "-" + plan.baseName;
    return plan;
}

ExportPlan planForFile(const std::filesystem::path& file) {
    ExportPlan plan;
    plan.input = file;
    plan.meta.title = file.stem().string();
    plan.outDir = file.parent_path().empty() ? std::filesystem::path(".") : file.parent_path();
    plan.baseName = slugify(file.stem().string(), SlugLetters::Unicode, "export") + "-export";
    return plan;
}

Result<std::vector<Chapter>> parseChapterList(std::string_view text) {
    std::vector<Chapter> out;
    const std::string trimmed = trimSpaces(text);
    if (!trimmed.empty() && trimmed.front() == '{') {
        nlohmann::json doc = nlohmann::json::parse(trimmed, nullptr, false);
        if (doc.is_discarded() || !doc.is_object() || !doc.contains("chapters") || !doc["chapters"].is_array())
            return Error{"is not Podcasting 2.0 chapters JSON", "chapters", "give {\"version\": \"1.2.0\", \"chapters\": [...]}"};
        std::size_t i = 0;
        for (const auto& c : doc["chapters"]) {
            ++i;
            const std::string where = "chapters[" + std::to_string(i - 1) + "]";
            if (!c.is_object() || !c.contains("startTime") || !c["startTime"].is_number())
                return Error{"has no startTime (seconds)", where, "give each chapter a startTime in seconds"};
            const double t = c["startTime"].get<double>();
            if (!std::isfinite(t) || t < 0 || t > 1e7)
                return Error{"startTime is out of range", where, "give seconds from the start"};
            std::string title = c.contains("title") && c["title"].is_string() ? c["title"].get<std::string>() : "";
            out.push_back({Chapter::Kind::Marker, static_cast<std::int64_t>(std::llround(t * 1000)), {}, title});
        }
    } else {
        std::size_t line = 0;
        std::string_view body = text;
        if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);  // a BOM, as Notepad saves
        for (std::string raw : splitOn(body, {"\n"})) {
            ++line;
            std::erase(raw, '\r');
            const std::string l = trimSpaces(raw);
            if (l.empty() || l.front() == '#') continue;
            // A title goes into chapters JSON and the file's tags, which hold UTF-8 only.
            if (const auto bad = invalidUtf8At(l))
                return Error{"is not UTF-8 text (byte " + std::to_string(*bad + 1) + " of the line)",
                             "line " + std::to_string(line),
                             "save the chapter list as UTF-8 (most editors: Save As… → Encoding)"};
            const auto space = l.find_first_of(" \t");
            const std::string stampText = l.substr(0, space);
            const DurationParse d = parseDuration(stampText);
            if (space == std::string::npos || !d.ok())
                return Error{"is not \"m:ss Title\" (\"" + l.substr(0, 40) + "\")", "line " + std::to_string(line),
                             "start each line with its time, then the title: 12:34 Q&A"};
            // "0:00 - Intro", "0:00 – Intro", "0:00 | Intro": the separator is not the title.
            std::string title = trimSpaces(l.substr(space + 1));
            for (std::string_view sep : {"-", "–", "—", "|", ":", "·"})
                if (title.rfind(sep, 0) == 0 && title.size() > sep.size() &&
                    (title[sep.size()] == ' ' || title[sep.size()] == '\t')) {
                    title = trimSpaces(std::string_view(title).substr(sep.size()));
                    break;
                }
            out.push_back({Chapter::Kind::Marker, d.seconds * 1000, {}, std::move(title)});
        }
    }
    for (std::size_t i = 1; i < out.size(); ++i)
        if (out[i].startMs < out[i - 1].startMs)
            return Error{"goes back in time (" + formatTimecode(out[i].startMs, false) + " after " + formatTimecode(out[i - 1].startMs, false) + ")",
                         "chapter " + std::to_string(i + 1), "list the chapters in time order"};
    return out;
}

std::vector<CutRegion> segmentCuts(const std::vector<Chapter>& chapters, std::string_view title,
                                   std::int64_t sourceMs) {
    std::vector<CutRegion> out;
    for (std::size_t i = 0; i < chapters.size(); ++i) {
        const Chapter& c = chapters[i];
        if (c.kind != Chapter::Kind::Segment || c.title != title) continue;
        std::int64_t end = sourceMs;
        for (std::size_t j = i + 1; j < chapters.size(); ++j)
            if (chapters[j].kind == Chapter::Kind::Segment) {
                end = chapters[j].startMs;
                break;
            }
        if (end > c.startMs) out.push_back({c.startMs, end, "Segment: " + c.title});
    }
    return out;
}

std::vector<KeptRegion> keptRegions(const ExportPlan& plan) {
    const std::int64_t start = std::max<std::int64_t>(0, plan.trimHeadMs);
    const std::int64_t end = plan.sourceMs - std::max<std::int64_t>(0, plan.trimTailMs);
    std::vector<CutRegion> cuts = plan.cuts;
    std::sort(cuts.begin(), cuts.end(),
              [](const CutRegion& a, const CutRegion& b) { return a.startMs < b.startMs; });
    std::vector<KeptRegion> kept;
    std::int64_t at = start;
    for (const CutRegion& c : cuts) {
        if (c.endMs <= c.startMs) continue;
        if (c.startMs > at) kept.push_back({at, std::min(c.startMs, end)});
        at = std::max(at, c.endMs);
        if (at >= end) break;
    }
    if (at < end) kept.push_back({at, end});
    std::erase_if(kept, [](const KeptRegion& k) { return k.endMs <= k.startMs; });
    return kept;
}

std::vector<OutputChapter> outputChapters(const ExportPlan& plan, std::int64_t introMs,
                                          std::int64_t outputMs) {
    const std::vector<KeptRegion> kept = keptRegions(plan);
    const std::int64_t programmeEnd = kept.empty() ? 0 : kept.back().endMs;
    std::vector<OutputChapter> out;
    for (const Chapter& c : plan.chapters) {
        std::string title = trimSpaces(c.title);
        std::replace(title.begin(), title.end(), '\n', ' ');
        if (title.empty() || c.startMs >= programmeEnd) continue;
        out.push_back({toOutputMs(kept, introMs, c.startMs), 0, std::move(title)});
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const OutputChapter& a, const OutputChapter& b) { return a.startMs < b.startMs; });
    std::vector<OutputChapter> merged;
    for (auto& c : out) {
        if (!merged.empty() && merged.back().startMs == c.startMs) merged.back() = std::move(c);
        else merged.push_back(std::move(c));
    }
    if (!merged.empty()) merged.front().startMs = 0;
    for (std::size_t i = 0; i < merged.size(); ++i)
        merged[i].endMs = i + 1 < merged.size() ? merged[i + 1].startMs : outputMs;
    std::erase_if(merged, [](const OutputChapter& c) { return c.endMs <= c.startMs; });
    return merged;
}

std::vector<ExportCheck> checksBeforeExport(const ExportPlan& plan,
                                            const std::vector<OutputChapter>& chapters,
                                            std::int64_t outputMs,
                                            const std::optional<Result<CoverInfo>>& cover) {
    using L = ExportCheck::Level;
    std::vector<ExportCheck> out;
    auto add = [&](L level, std::string topic, std::string text) {
        out.push_back({level, std::move(topic), std::move(text)});
    };

    // Loudness target.
    const LoudnessTarget& t = plan.loudness;
    if (!std::isfinite(t.integratedLufs) || t.integratedLufs < -40 || t.integratedLufs > -5)
    {
        char text[160];
        std::snprintf(text, sizeof text, "target %.1f LUFS is outside −40…−5 LUFS; pick a preset or a value in range",
                      t.integratedLufs);
        add(L::Error, "Loudness", text);
    }
    else if (!std::isfinite(t.truePeakDbtp) || t.truePeakDbtp > 0 || t.truePeakDbtp < -10)
        add(L::Error, "Loudness", "true-peak ceiling must be between −10 and 0 dBTP");
    else {
        char text[160];
        std::snprintf(text, sizeof text, "%.1f LUFS integrated, true peak under %.1f dBTP (%s)",
                      t.integratedLufs, t.truePeakDbtp, t.preset.c_str());
        add(L::Ok, "Loudness", text);
    }
    if (outputMs <= 0) add(L::Error, "Audio", "nothing to export: the cuts and trims leave no audio");

    // Chapters: in order, inside the audio, with titles.
    if (chapters.empty()) {
        add(L::Warning, "Chapters", "no chapters: players show none and YouTube makes none");
    } else {
        bool fine = true;
        for (std::size_t i = 0; i < chapters.size(); ++i) {
            const auto& c = chapters[i];
            const std::string name = "chapter " + std::to_string(i + 1) + " \"" + c.title + "\"";
            if (i > 0 && c.startMs <= chapters[i - 1].startMs) {
                add(L::Error, "Chapters", name + " at " + formatTimecode(c.startMs, true) + " is not after the one before it");
                fine = false;
            }
            if (c.startMs >= outputMs || c.startMs < 0) {
                add(L::Error, "Chapters", name + " at " + formatTimecode(c.startMs, true) + " is outside the audio (" +
                                              formatTimecode(outputMs, true) + " long)");
                fine = false;
            }
            if (trimSpaces(c.title).empty()) {
                add(L::Error, "Chapters", "chapter " + std::to_string(i + 1) + " has no title");
                fine = false;
            }
        }
        if (fine)
            add(L::Ok, "Chapters", std::to_string(chapters.size()) + " chapters, in order, inside the audio, titled");

        // YouTube's rules, each breach named.
        bool youtube = true;
        if (chapters.front().startMs != 0) {
            add(L::Warning, "YouTube", "the first chapter starts at " + formatTimecode(chapters.front().startMs, false) +
                                           ", not 0:00");
            youtube = false;
        }
        if (chapters.size() < 3) {
            add(L::Warning, "YouTube", "only " + std::to_string(chapters.size()) +
                                           " chapters; YouTube needs at least 3");
            youtube = false;
        }
        for (std::size_t i = 0; i < chapters.size(); ++i) {
            const auto& c = chapters[i];
            if (c.endMs - c.startMs < kYoutubeMinChapterMs) {
                add(L::Warning, "YouTube", "chapter " + std::to_string(i + 1) + " \"" + c.title + "\" at " +
                                               formatTimecode(c.startMs, false) + " lasts " +
                                               std::to_string((c.endMs - c.startMs) / 1000) +
                                               " s; YouTube needs at least 10 s (the list merges it into the next)");
                youtube = false;
            }
        }
        if (youtube) add(L::Ok, "YouTube", "chapter list follows YouTube's rules (0:00 first, ≥ 3, each ≥ 10 s)");
        // What the show notes' list will hold once short chapters are merged.
        std::string merged;
        youtubeChapterList(asChapters(chapters), &merged);
        if (!merged.empty() && chapters.size() >= 3)
            add(L::Warning, "YouTube", "once the short chapters are merged, " + merged.substr(merged.rfind(' ') + 1) +
                                           " are left for the show notes' list; YouTube ignores fewer than 3");
    }
    // Chapters the output cannot hold: past the end of the kept audio.
    {
        const std::vector<KeptRegion> kept = keptRegions(plan);
        const std::int64_t end = kept.empty() ? 0 : kept.back().endMs;
        for (const Chapter& c : plan.chapters)
            if (c.startMs >= end && !trimSpaces(c.title).empty())
                add(L::Warning, "Chapters", "\"" + c.title + "\" at " + formatTimecode(c.startMs, false) +
                                                " is after the end of the audio kept (" + formatTimecode(end, false) +
                                                ") and is left out");
    }

    // Cover art.
    if (!cover) {
        add(L::Warning, "Cover art", "no cover art: podcast apps show a blank square");
    } else if (!*cover) {
        add(L::Error, "Cover art", cover->error().message());
    } else {
        const CoverInfo& c = cover->value();
        bool fine = true;
        if (c.codec != "mjpeg" && c.codec != "png") {
            add(L::Error, "Cover art", "is " + c.codec + "; use a JPEG or PNG");
            fine = false;
        }
        if (c.width != c.height) {
            add(L::Error, "Cover art", std::to_string(c.width) + "×" + std::to_string(c.height) +
                                           " is not square; crop it to 1:1");
            fine = false;
        }
        if (std::max(c.width, c.height) < 1400 || std::max(c.width, c.height) > 3000) {
            add(L::Error, "Cover art", std::to_string(c.width) + "×" + std::to_string(c.height) +
                                           " px; podcast directories need 1400–3000 px");
            fine = false;
        }
        if (c.hasAlpha) {
            add(L::Error, "Cover art", "has an alpha channel (transparency); save it as RGB without alpha");
            fine = false;
        } else if (!c.isRgb) {
            add(L::Error, "Cover art", "is not RGB (grayscale, CMYK or palette); save it as RGB");
            fine = false;
        }
        if (plan.encode.format != ExportFormat::Mp3 && plan.encode.format != ExportFormat::Wav && c.bytes > 1024 * 1024)
            add(L::Warning, "Cover art", std::to_string(c.bytes / 1024) +
                                             " KB of cover art goes into every copy of the file; podcast apps "
                                             "ask for under 500 KB — compress the image");
        if (plan.encode.format == ExportFormat::Mp3 && c.bytes > kId3TagWarnBytes)
            add(L::Warning, "Cover art", std::to_string(c.bytes / 1024) +
                                             " KB makes the MP3's ID3 tag pass 300 KB; some players skip it — "
                                             "compress the image");
        if (fine)
            add(L::Ok, "Cover art", std::to_string(c.width) + "×" + std::to_string(c.height) + " " +
                                        (c.codec == "png" ? "PNG" : "JPEG") + ", RGB");
    }

    // Bitrate for the format.
    const ExportFormatInfo& f = formatInfo(plan.encode.format);
    const int channels = plan.encode.channels;
    if (f.lossy && !(plan.encode.format == ExportFormat::Mp3 && plan.encode.vbr)) {
        const int kbps = plan.encode.bitrateKbps;
        if (kbps < f.minKbps || kbps > f.maxKbps)
            add(L::Error, "Bitrate", std::to_string(kbps) + " kb/s is outside " + std::string(f.name) + "'s " +
                                         std::to_string(f.minKbps) + "–" + std::to_string(f.maxKbps) + " kb/s");
        else if (plan.encode.format != ExportFormat::Opus && kbps < (channels == 1 ? 48 : 64))
            add(L::Warning, "Bitrate", std::to_string(kbps) + " kb/s is low for " +
                                           (channels == 1 ? "mono" : "stereo") + " speech");
        else
            add(L::Ok, "Bitrate", std::to_string(kbps) + " kb/s " + std::string(f.name) + ", " +
                                      (channels == 1 ? "mono" : "stereo"));
    } else if (plan.encode.format == ExportFormat::Mp3) {
        if (plan.encode.vbrQuality < 0 || plan.encode.vbrQuality > 9)
            add(L::Error, "Bitrate", "VBR quality must be V0…V9");
        else
            add(L::Ok, "Bitrate", "VBR V" + std::to_string(plan.encode.vbrQuality));
    } else {
        add(L::Ok, "Bitrate", std::string(f.label));
    }
    if (plan.encode.sampleRate != 44100 && plan.encode.sampleRate != 48000)
        add(L::Error, "Format", "sample rate " + std::to_string(plan.encode.sampleRate) + " Hz; use 44100 or 48000");
    if (plan.encode.format == ExportFormat::Opus && plan.encode.sampleRate != 48000)
        add(L::Warning, "Format", "Opus always decodes at 48 kHz; the file is encoded at 48 kHz");
    if (channels != 1 && channels != 2) add(L::Error, "Format", "channels must be 1 (mono) or 2 (stereo)");
    if (plan.encode.format == ExportFormat::Mp3 && plan.encode.id3v2Version != 3 && plan.encode.id3v2Version != 4)
        add(L::Error, "Format", "ID3v2 version must be 3 or 4");
    if (plan.meta.title.empty()) add(L::Warning, "Tags", "no title: players show the file name");
    return out;
}

bool hasErrors(const std::vector<ExportCheck>& checks) {
    return std::any_of(checks.begin(), checks.end(),
                       [](const ExportCheck& c) { return c.level == ExportCheck::Level::Error; });
}

std::string showNotesMarkdown(const ExportPlan& plan, const std::vector<OutputChapter>& chapters,
                              std::int64_t introMs, const SessionSnapshot* session) {
    const EpisodeMeta& m = plan.meta;
    std::string out = "# " + markdownLine(m.title.empty() ? plan.baseName : m.title) + "\n\n";
    std::string facts;
    if (!m.show.empty()) facts += markdownLine(m.show);
    if (m.episode) facts += (facts.empty() ? "" : " · ") + std::string("EP") + std::to_string(*m.episode);
    if (!m.date.empty()) facts += (facts.empty() ? "" : " · ") + m.date;
    if (!facts.empty()) out += facts + "\n\n";
    if (!m.description.empty()) {
        // A paragraph per paragraph, each line as written (markdownLine keeps it from becoming
        // a heading, a list or HTML).
        for (std::string line : splitOn(m.description, {"\n"})) {
            std::erase(line, '\r');
            out += markdownLine(line) + "\n";
        }
        out += "\n";
    }

    if (!chapters.empty()) {
        // YouTube reads "0:00 Title" lines from a description as they are: no Markdown here.
        out += "## Chapters\n\n" + youtubeChapterList(asChapters(chapters)) + "\n";
    }

    std::vector<const EpisodePerson*> guests;
    for (const auto& p : m.people)
        if (p.role == "guest") guests.push_back(&p);
    if (!guests.empty()) {
        out += "## Guests\n\n";
        for (const auto* p : guests)
            out += "- " + markdownCell(p->name) + (p->company.empty() ? "" : " — " + markdownCell(p->company)) + "\n";
        out += "\n";
    }

    const std::vector<KeptRegion> kept = keptRegions(plan);
    std::string answered;
    for (const Chapter& c : plan.chapters) {
        if (c.kind != Chapter::Kind::Question) continue;
        if (kept.empty() || c.startMs >= kept.back().endMs) continue;
        std::string text = c.title.rfind("Q: ", 0) == 0 ? c.title.substr(3) : c.title;
        answered += "- " + formatTimecode(toOutputMs(kept, introMs, c.startMs), false) + " " + markdownCell(text) + "\n";
    }
    if (!answered.empty()) out += "## Questions answered\n\n" + answered + "\n";

    if (session) {
        const QuestionsReport q = buildQuestionsReport(session->show, session->runner.state(session->lastEventMs),
                                                       session->questions);
        if (!q.followUps.empty()) {
            out += "## Follow-up questions\n\nAsked but not answered on the show, most votes first:\n\n";
            std::size_t n = 0;
            for (const auto& row : q.followUps) {
                if (++n > 5) break;
                out += "- " + markdownCell(row.text) + " (" + std::to_string(row.votes) + " votes" +
                       (row.forName.empty() ? "" : ", for " + markdownCell(row.forName)) + ")\n";
            }
            out += "\n";
        }
    }
    return out;
}

std::string outputChaptersJson(const std::vector<OutputChapter>& chapters) {
    return podcastingChaptersJson(asChapters(chapters));
}

std::string podcastPersonXml(const EpisodeMeta& meta) {
    std::string out;
    for (const auto& p : meta.people) {
        out += "<podcast:person role=\"" + xmlEscape(p.role) + "\"";
        if (!p.href.empty()) out += " href=\"" + xmlEscape(p.href) + "\"";
        out += ">" + xmlEscape(p.name) + "</podcast:person>";
        // An XML comment holds text as it is (entities are not decoded there); only "--" may
        // not appear in it.
        if (!p.company.empty()) out += "<!-- " + replaceAll(replaceAll(p.company, "--", "- -"), "--", "- -") + " -->";
        out += "\n";
    }
    return out;
}

}  // namespace pycast
