// What an export makes, as plain values: the format and loudness presets, the mix of a session's
// tracks, the cuts, the episode's metadata and chapters, where the chapters land in the output,
// the checks before export, and the files beside the audio (show notes, chapters JSON,
// podcast:person). No FFmpeg here: media/exporter runs the plan (any one thread; pure).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "live/chapters.hpp"

namespace pycast {

enum class ExportFormat { Mp3, M4a, Opus, Flac, Wav };

struct ExportFormatInfo {
    ExportFormat format;
    std::string_view name;       // "mp3" — the CLI's --format, the file's extension
    std::string_view label;      // "MP3 (LAME)" for the dialog
    bool lossy;                  // has a bitrate
    int defaultKbps;             // 0 for lossless
    int minKbps, maxKbps;        // what the encoder takes (0 for lossless)
};
const std::vector<ExportFormatInfo>& exportFormats();
const ExportFormatInfo& formatInfo(ExportFormat format);
std::optional<ExportFormat> parseExportFormat(std::string_view name);  // "mp3", "m4a", …

// A loudness target. Presets: podcast-stereo (−16 LUFS, −1 dBTP, 2 channels), podcast-mono
// (−19 LUFS, −1 dBTP, 1 channel), ebu-r128 (−23 LUFS, −1 dBTP, 2 channels — EBU R 128), and
// custom (the values given). Integrated loudness per ITU-R BS.1770-4; true peak in dBTP.
struct LoudnessTarget {
    std::string preset = "podcast-stereo";
    double integratedLufs = -16.0;  // LUFS
    double truePeakDbtp = -1.0;     // dBTP, the ceiling
    int channels = 2;               // 1 mono, 2 stereo
    bool operator==(const LoudnessTarget&) const = default;
};
const std::vector<LoudnessTarget>& loudnessPresets();
std::optional<LoudnessTarget> findLoudnessPreset(std::string_view name);

struct EncodeSettings {
    ExportFormat format = ExportFormat::Mp3;
    int sampleRate = 48000;  // Hz: 44100 or 48000
    int channels = 2;        // 1 or 2 (from the loudness preset unless changed)
    int bitrateKbps = 128;   // lossy formats: the CBR rate (kb/s)
    bool vbr = false;        // MP3 only: LAME VBR with `vbrQuality`
    int vbrQuality = 2;      // LAME -V 0 (best) … 9
    int id3v2Version = 3;    // MP3: 3 (ID3v2.3, the widest player support) or 4
    bool operator==(const EncodeSettings&) const = default;
};

// A person named in the tags, the show notes and the feed (podcast:person).
struct EpisodePerson {
    std::string name;
    std::string role;     // podcast:person role: "host", "guest"
    std::string company;  // "" for none
    std::string href;     // optional: their page
    bool operator==(const EpisodePerson&) const = default;
};

struct EpisodeMeta {
    std::string title;        // the episode's title
    std::string show;         // the podcast's name (album)
    std::optional<int> episode;
    std::string date;         // YYYY-MM-DD
    std::string description;  // one paragraph (COMM in MP3, "description" elsewhere)
    std::string language = "zh-TW";
    std::vector<EpisodePerson> people;  // hosts and guests, in the show's order
    std::filesystem::path cover;        // JPEG or PNG; empty: none
    bool operator==(const EpisodeMeta&) const = default;
};

// One track of the mix: a session's armed track across its takes (same index), or one file.
struct TrackMix {
    std::string name;        // "Host", "Guest 1"
    std::string personId;    // the show's person, or ""
    double gainDb = 0.0;     // dB
    double pan = 0.0;        // −1 left … 0 centre … +1 right (constant-power); mono export ignores
    bool muted = false;
    bool operator==(const TrackMix&) const = default;
};

// A region of the source timeline (ms) left out of the output; markers inside it move to its
// end, later ones move earlier by its length.
struct CutRegion {
    std::int64_t startMs = 0;
    std::int64_t endMs = 0;
    std::string label;  // "Segment: Break", "Marked region"
    bool operator==(const CutRegion&) const = default;
};

struct ExportPlan {
    std::filesystem::path input;       // a session folder or an audio file
    bool isSession = false;
    std::vector<TrackMix> tracks;      // a session's tracks (take 1's order)
    std::int64_t sourceMs = 0;         // the source's length, ms (0: unknown until opened)
    std::int64_t trimHeadMs = 0;       // left out at the start, ms
    std::int64_t trimTailMs = 0;       // left out at the end, ms
    std::vector<CutRegion> cuts;       // source timeline, any order, may overlap
    std::filesystem::path intro;       // optional audio played before the programme
    std::filesystem::path outro;       // … and after it
    std::vector<Chapter> chapters;     // source timeline (startMs), editable
    LoudnessTarget loudness;
    EncodeSettings encode;
    EpisodeMeta meta;
    std::filesystem::path outDir;
    std::string baseName;              // file name without extension ("pycast-ep12-…")
};

// The plan for a session: its tracks at unity and centred, its chapters, the show's people and
// metadata, the base name from the show's title; outDir = <session>/exports. Errors: the
// session cannot be read, or it has no recorded take.
Result<ExportPlan> planForSession(const std::filesystem::path& sessionDir);
// The plan for one audio file (no chapters, title from the file name).
ExportPlan planForFile(const std::filesystem::path& file);

// Chapters an editor wrote: YouTube's list ("0:00 Title", "1:02:03 Title", one per line; blank
// lines and lines starting with '#' skipped) or Podcasting 2.0 chapters JSON (startTime in
// seconds, title). Times must not go backwards. Errors name the line ("line 3: …") and what
// to write instead (a line that is not UTF-8 too).
Result<std::vector<Chapter>> parseChapterList(std::string_view text);

// The cut regions of whole segments: every stretch on the recording's timeline during which
// segment titled `title` was on air (from its segment chapters; to the next segment or the end).
std::vector<CutRegion> segmentCuts(const std::vector<Chapter>& chapters, std::string_view title,
                                   std::int64_t sourceMs);

// The kept regions of the source timeline (ms), in order: [trimHead, source − trimTail] minus
// the cuts (merged). Empty when nothing is kept.
struct KeptRegion {
    std::int64_t startMs, endMs;
};
std::vector<KeptRegion> keptRegions(const ExportPlan& plan);

// A chapter of the output file: ms from the output's start; the end is the next chapter's start
// (the last one's is the output's end).
struct OutputChapter {
    std::int64_t startMs = 0;
    std::int64_t endMs = 0;
    std::string title;
    bool operator==(const OutputChapter&) const = default;
};
// The plan's chapters on the output timeline: shifted by the intro (`introMs`), cut regions
// removed (a chapter inside a cut moves to where the cut was; of chapters landing on the same
// ms the last wins), those in the trimmed head moved to 0, the first starting at 0, titles
// trimmed, empty titles dropped. `outputMs`: the output's length (the last chapter's end).
std::vector<OutputChapter> outputChapters(const ExportPlan& plan, std::int64_t introMs,
                                          std::int64_t outputMs);

// What media/ found out about the cover image (media/image_probe.hpp fills it).
struct CoverInfo {
    std::string codec;       // "mjpeg", "png" — anything else is refused
    int width = 0, height = 0;
    bool hasAlpha = false;
    bool isRgb = true;       // false: grayscale, CMYK or palette
    std::uint64_t bytes = 0;
};

// One line of the check list: green, amber or red, about what, and why.
struct ExportCheck {
    enum class Level { Ok, Warning, Error };
    Level level = Level::Ok;
    std::string topic;    // "Loudness", "Chapters", "YouTube", "Cover art", "Bitrate"
    std::string text;     // what holds or what breaks which rule, and where
    bool operator==(const ExportCheck&) const = default;
};
// The checks before export. `cover` is what was read of the plan's cover (nullopt when it has
// none, or an Error when it could not be read). YouTube: first at 0:00, at least 3 chapters,
// each at least 10 s (each chapter that breaks a rule is named). Cover art: JPEG or PNG, square,
// 1400–3000 px, RGB without alpha; a warning when the MP3's ID3 tag would pass 300 KB.
// Bitrate: within the format's range; below 64 kb/s stereo / 48 kb/s mono is a warning.
std::vector<ExportCheck> checksBeforeExport(const ExportPlan& plan,
                                            const std::vector<OutputChapter>& chapters,
                                            std::int64_t outputMs,
                                            const std::optional<Result<CoverInfo>>& cover);
bool hasErrors(const std::vector<ExportCheck>& checks);

// Show notes in Markdown: the title, the description, "## Chapters" as YouTube's list
// ("0:00 Title"), "## Guests" (name — company), "## Questions answered" (time and question),
// "## Follow-up questions" (the top unanswered approved ones by votes, at most 5).
// Answered questions are the plan's question chapters, placed on the output timeline (after an
// intro of `introMs`). `session`: the follow-ups come from it (nullptr for a file export).
std::string showNotesMarkdown(const ExportPlan& plan, const std::vector<OutputChapter>& chapters,
                              std::int64_t introMs, const SessionSnapshot* session);
// Podcasting 2.0 chapters JSON (1.2.0) of the output chapters.
std::string outputChaptersJson(const std::vector<OutputChapter>& chapters);
// One <podcast:person> element per person (role, href when known), for the feed.
std::string podcastPersonXml(const EpisodeMeta& meta);

}  // namespace pycast
