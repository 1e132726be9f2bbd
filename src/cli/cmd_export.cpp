// `pycast export`: a session or an audio file to a loudness-normalized, tagged, chaptered file
// with show notes beside it (main thread runs the export; Ctrl-C cancels it).
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <ostream>
#include <set>
#include <string>

#include "cli/commands.hpp"
#include "core/duration.hpp"
#include "core/text.hpp"
#include "live/export_plan.hpp"
#include "media/exporter.hpp"
#include "media/ffmpeg.hpp"

namespace pycast::cli {

using namespace pycast::media;

namespace {

namespace fs = std::filesystem;

const char* kExportHelp =
    "usage: pycast export SESSION_DIR|AUDIO_FILE [options]\n\n"
    "Mixes a session's tracks (or reads any audio file FFmpeg reads), normalizes it to a\n"
    "loudness target with one linear gain (and a true-peak limiter only where peaks would\n"
    "pass the ceiling), encodes it with chapters, tags and cover art, and checks the file\n"
    "it wrote: loudness and true peak measured on the decoded output, chapters, tags and\n"
    "art read back. Beside the audio: NAME.chapters.json (Podcasting 2.0 chapters 1.2.0),\n"
    "NAME.show-notes.md (YouTube's 0:00 chapter list, guests, questions answered,\n"
    "follow-ups) and NAME.persons.xml (<podcast:person> lines for the feed).\n\n"
    "  --preset NAME       podcast-stereo (-16 LUFS, -1 dBTP; default), podcast-mono (-19 LUFS),\n"
    "                      ebu-r128 (-23 LUFS), or custom with --lufs and --true-peak\n"
    "  --lufs X            integrated loudness target, LUFS (implies custom)\n"
    "  --true-peak X       true-peak ceiling, dBTP (implies custom)\n"
    "  --format F          mp3 (default), m4a, opus, flac, wav\n"
    "  --bitrate N[k]      kb/s for mp3/m4a/opus (default: 128, opus 96)\n"
    "  --vbr Q             MP3 VBR quality V0..V9 instead of CBR\n"
    "  --rate HZ           44100 or 48000 (default 48000; Opus is always 48000)\n"
    "  --mono | --stereo   channels (default: the preset's)\n"
    "  --id3v2 3|4         MP3 tag version (default 3, the widest player support)\n"
    "  --art FILE          cover art, JPEG or PNG, square, 1400-3000 px\n"
    "  --title T  --show S  --episode N  --date YYYY-MM-DD  --description TEXT\n"
    "                      metadata (a session's defaults come from its show)\n"
    "  --chapters FILE     the chapters to use instead: YouTube's \"0:00 Title\" lines (edit\n"
    "                      what `pycast chapters SESSION --format youtube` prints) or\n"
    "                      Podcasting 2.0 chapters JSON; times on the source's timeline\n"
    "  --trim-head T       leave out the first T (mm:ss or h:mm:ss)\n"
    "  --trim-tail T       leave out the last T\n"
    "  --cut FROM-TO       leave out a region of the source (mm:ss-mm:ss); repeatable\n"
    "  --drop-segment T    leave out every stretch where the segment titled T was on air\n"
    "  --intro FILE  --outro FILE   audio before and after the programme\n"
    "  --gain TRACK=DB  --pan TRACK=-1..1  --mute TRACK   mix (TRACK: its name or number)\n"
    "  --out DIR           where the files go (default: SESSION_DIR/exports, or the file's folder)\n"
    "  --name NAME         file name without extension\n"
    "  --check             only print the checks before export, write nothing\n"
    "Exit 0 when the export passed every check, 1 when a check failed (files kept) or the\n"
    "export could not run (nothing written), 2 on usage errors.\n";

const std::set<std::string> kValueOptions = {
    "--preset", "--lufs", "--true-peak", "--format", "--bitrate", "--vbr", "--rate", "--id3v2", "--art",
    "--title", "--show", "--episode", "--date", "--description", "--chapters", "--trim-head", "--trim-tail",
    "--cut", "--drop-segment", "--intro", "--outro", "--gain", "--pan", "--mute", "--out", "--name"};

std::atomic<bool> g_cancel{false};
void onInterrupt(int) { g_cancel = true; }

std::optional<std::int64_t> parseMs(const std::string& text) {
    const DurationParse d = parseDuration(text);
    if (!d.ok()) return std::nullopt;
    return d.seconds * 1000;
}

std::optional<double> parseNumber(const std::string& text) {
    try {
        std::size_t used = 0;
        const double v = std::stod(text, &used);
        if (used != text.size() || !std::isfinite(v)) return std::nullopt;
        return v;
    } catch (...) {
        return std::nullopt;
    }
}

const char* mark(ExportCheck::Level level) {
    switch (level) {
        case ExportCheck::Level::Ok: return "ok  ";
        case ExportCheck::Level::Warning: return "warn";
        case ExportCheck::Level::Error: return "FAIL";
    }
    return "";
}

void printChecks(const std::vector<ExportCheck>& checks, std::ostream& out) {
    for (const auto& c : checks) out << "  " << mark(c.level) << "  " << c.topic << ": " << c.text << "\n";
}

std::string lufs(double v, const char* unit) {
    if (!std::isfinite(v)) return std::string("-inf ") + unit;
    char text[32];
    std::snprintf(text, sizeof text, "%.1f %s", v, unit);
    return text;
}

}  // namespace

int runExportCommand(const Args& args, std::ostream& out, std::ostream& err) {
    if (wantsHelp(args)) {
        out << kExportHelp;
        return 0;
    }
    av_log_set_level(AV_LOG_QUIET);  // FFmpeg's own lines would break the progress bar; errors come back as ours
    auto usage = [&](const std::string& what) {
        err << "pycast export: " << what << "\n(see pycast export --help)\n";
        return 2;
    };
    if (args.empty()) return usage("name a session folder or an audio file");
    const fs::path input = args[0];
    std::error_code ec;
    if (!fs::exists(input, ec)) {
        err << "pycast export: " << input.string() << ": no such file or folder\n";
        return 1;
    }
    ExportPlan plan;
    if (fs::is_directory(input, ec)) {
        auto p = planForSession(input);
        if (!p) {
            err << "pycast export: " << p.error().message() << "\n";
            return 1;
        }
        plan = std::move(*p);
    } else {
        plan = planForFile(input);
    }
    const std::vector<Chapter> recordedChapters = plan.chapters;  // --drop-segment reads these
    plan.loudness = *findLoudnessPreset("podcast-stereo");
    plan.encode.channels = plan.loudness.channels;
    bool check = false, channelsGiven = false, custom = false, bitrateGiven = false;
    std::vector<std::string> dropSegments;
    auto trackIndex = [&](const std::string& name) -> std::optional<std::size_t> {
        for (std::size_t i = 0; i < plan.tracks.size(); ++i)
            if (foldKey(plan.tracks[i].name) == foldKey(name) || plan.tracks[i].personId == name ||
                std::to_string(i + 1) == name)
                return i;
        return std::nullopt;
    };
    auto trackNames = [&] {
        std::string names;
        for (std::size_t i = 0; i < plan.tracks.size(); ++i)
            names += (i ? ", " : "") + std::to_string(i + 1) + " \"" + plan.tracks[i].name + "\"";
        return names.empty() ? std::string("none: not a session") : names;
    };
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> std::optional<std::string> {
            if (i + 1 >= args.size()) return std::nullopt;
            return args[++i];
        };
        auto needValue = [&](std::optional<std::string>& v) {
            v = value();
            return v.has_value();
        };
        std::optional<std::string> v;
        if (a == "--check") {
            check = true;
        } else if (a == "--mono" || a == "--stereo") {
            plan.encode.channels = a == "--mono" ? 1 : 2;
            channelsGiven = true;
        } else if (!kValueOptions.contains(a)) {
            return usage(a.rfind("-", 0) == 0 ? "unknown option '" + a + "'" : "unexpected argument '" + a + "'");
        } else if (!needValue(v)) {
            return usage(a + " needs a value");
        } else if (a == "--preset") {
            auto p = findLoudnessPreset(*v);
            if (!p) return usage("unknown preset '" + *v + "' (podcast-stereo, podcast-mono, ebu-r128, custom)");
            plan.loudness = *p;
        } else if (a == "--lufs" || a == "--true-peak") {
            auto n = parseNumber(*v);
            if (!n) return usage(a + " needs a number, not '" + *v + "'");
            (a == "--lufs" ? plan.loudness.integratedLufs : plan.loudness.truePeakDbtp) = *n;
            custom = true;
        } else if (a == "--format") {
            auto f = parseExportFormat(*v);
            if (!f) return usage("unknown format '" + *v + "' (mp3, m4a, opus, flac, wav)");
            plan.encode.format = *f;
        } else if (a == "--bitrate") {
            std::string t = lowerAscii(*v);
            if (!t.empty() && t.back() == 'k') t.pop_back();
            auto n = parseNumber(t);
            if (!n || *n != std::floor(*n)) return usage("--bitrate needs kb/s such as 128k, not '" + *v + "'");
            plan.encode.bitrateKbps = static_cast<int>(*n);
            bitrateGiven = true;
        } else if (a == "--vbr") {
            std::string t = *v;
            if (!t.empty() && (t[0] == 'V' || t[0] == 'v')) t.erase(0, 1);
            auto n = parseNumber(t);
            if (!n || *n < 0 || *n > 9 || *n != std::floor(*n)) return usage("--vbr needs 0..9 (V0 best)");
            plan.encode.vbr = true;
            plan.encode.vbrQuality = static_cast<int>(*n);
        } else if (a == "--rate") {
            if (*v != "44100" && *v != "48000") return usage("--rate must be 44100 or 48000");
            plan.encode.sampleRate = std::stoi(*v);
        } else if (a == "--id3v2") {
            if (*v != "3" && *v != "4") return usage("--id3v2 must be 3 or 4");
            plan.encode.id3v2Version = std::stoi(*v);
        } else if (a == "--art") {
            plan.meta.cover = *v;
        } else if (a == "--title") {
            plan.meta.title = *v;
        } else if (a == "--show") {
            plan.meta.show = *v;
        } else if (a == "--episode") {
            auto n = parseNumber(*v);
            if (!n || *n < 0 || *n > 1e6 || *n != std::floor(*n)) return usage("--episode needs a whole number");
            plan.meta.episode = static_cast<int>(*n);
        } else if (a == "--date") {
            plan.meta.date = *v;
        } else if (a == "--description") {
            plan.meta.description = *v;
        } else if (a == "--trim-head" || a == "--trim-tail") {
            auto ms = parseMs(*v);
            if (!ms) return usage(a + " needs a length such as 0:30, not '" + *v + "'");
            (a == "--trim-head" ? plan.trimHeadMs : plan.trimTailMs) = *ms;
        } else if (a == "--cut") {
            const auto dash = v->find('-');
            auto from = dash == std::string::npos ? std::nullopt : parseMs(v->substr(0, dash));
            auto to = dash == std::string::npos ? std::nullopt : parseMs(v->substr(dash + 1));
            if (!from || !to || *to <= *from) return usage("--cut needs FROM-TO such as 12:00-14:30, not '" + *v + "'");
            plan.cuts.push_back({*from, *to, "Cut " + *v});
        } else if (a == "--chapters") {
            std::ifstream f(*v, std::ios::binary);
            if (!f) {
                err << "pycast export: " << *v << ": cannot read the chapter list\n";
                return 1;
            }
            const std::string text((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
            auto list = parseChapterList(text);
            if (!list) {
                Error e = list.error();
                e.where = *v + ": " + e.where;
                err << "pycast export: " << e.message() << "\n";
                return 1;
            }
            plan.chapters = std::move(*list);
        } else if (a == "--drop-segment") {
            dropSegments.push_back(*v);
        } else if (a == "--intro") {
            plan.intro = *v;
        } else if (a == "--outro") {
            plan.outro = *v;
        } else if (a == "--gain" || a == "--pan") {
            const auto eq = v->rfind('=');
            auto n = eq == std::string::npos ? std::nullopt : parseNumber(v->substr(eq + 1));
            auto t = eq == std::string::npos ? std::nullopt : trackIndex(v->substr(0, eq));
            if (!n || !t)
                return usage(a + " needs TRACK=" + (a == "--gain" ? "DB" : "-1..1") + " with a track of the session (" +
                             trackNames() + ")");
            if (a == "--pan" && (*n < -1 || *n > 1)) return usage("--pan takes -1 (left) .. 1 (right)");
            (a == "--gain" ? plan.tracks[*t].gainDb : plan.tracks[*t].pan) = *n;
        } else if (a == "--mute") {
            auto t = trackIndex(*v);
            if (!t) return usage("--mute: no track '" + *v + "' in the session (" + trackNames() + ")");
            plan.tracks[*t].muted = true;
        } else if (a == "--out") {
            plan.outDir = *v;
        } else if (a == "--name") {
            plan.baseName = slugify(*v, SlugLetters::Unicode, "export", 120);
        } else {
            return usage("unknown option '" + a + "'");
        }
    }
    if (custom) plan.loudness.preset = "custom";
    if (!channelsGiven) plan.encode.channels = plan.loudness.channels;
    if (!bitrateGiven && formatInfo(plan.encode.format).lossy)
        plan.encode.bitrateKbps = formatInfo(plan.encode.format).defaultKbps;
    for (const std::string& title : dropSegments) {
        auto cuts = segmentCuts(recordedChapters, title, plan.sourceMs);
        if (cuts.empty()) return usage("--drop-segment: no segment titled '" + title + "' was on air in the recording");
        plan.cuts.insert(plan.cuts.end(), cuts.begin(), cuts.end());
    }

    auto prepared = prepareExport(plan);
    if (!prepared) {
        err << "pycast export: " << prepared.error().message() << "\n";
        return 1;
    }
    out << "checks before export:\n";
    printChecks(prepared->checks, out);
    if (check) return hasErrors(prepared->checks) ? 1 : 0;
    if (hasErrors(prepared->checks)) {
        err << "pycast export: a check failed (FAIL above); nothing was written\n";
        return 1;
    }

    // Ctrl-C, a terminal closed (SIGHUP) and a polite kill (SIGTERM) all cancel: the export
    // removes its temporary files and exits 1, leaving nothing at the destination.
    struct sigaction sa {}, oldInt {}, oldTerm {}, oldHup {};
    sa.sa_handler = onInterrupt;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &oldInt);
    sigaction(SIGTERM, &sa, &oldTerm);
    sigaction(SIGHUP, &sa, &oldHup);
    g_cancel = false;
    const bool tty = ::isatty(STDERR_FILENO) == 1;
    int lastPercent = -1;
    ExportProgress::Phase lastPhase = ExportProgress::Phase::Preparing;
    auto onProgress = [&](const ExportProgress& p) {
        const int percent = static_cast<int>(p.fraction * 100);
        if (tty) {
            const int width = 30, filled = percent * width / 100;
            std::string eta = p.etaMs >= 0 ? formatDurationMs(p.etaMs) + " left" : "";
            err << "\r" << phaseName(p.phase) << " [" << std::string(static_cast<std::size_t>(filled), '#')
                << std::string(static_cast<std::size_t>(width - filled), '-') << "] " << percent << "% " << eta
                << "     " << std::flush;
        } else if (p.phase != lastPhase || percent / 10 != lastPercent / 10) {
            err << phaseName(p.phase) << " " << percent << "%\n";
        }
        lastPercent = percent;
        lastPhase = p.phase;
    };
    auto result = pycast::media::runExport(plan, onProgress, g_cancel);
    sigaction(SIGINT, &oldInt, nullptr);
    sigaction(SIGTERM, &oldTerm, nullptr);
    sigaction(SIGHUP, &oldHup, nullptr);
    if (tty) err << "\n";
    if (!result) {
        err << "pycast export: " << result.error().message() << "\n";
        return 1;
    }
    const ExportResult& r = *result;
    out << "before: " << lufs(r.before.integratedLufs, "LUFS") << ", LRA " << lufs(r.before.loudnessRangeLu, "LU")
        << ", sample peak " << lufs(r.before.samplePeakDbfs, "dBFS") << "\n";
    out << "gain:   " << lufs(r.gainDb, "dB");
    if (r.limited) out << ", limiter reduced peaks by up to " << lufs(r.maxReductionDb, "dB");
    else out << ", limiter not needed";
    out << "\n";
    out << "after:  " << lufs(r.after.integratedLufs, "LUFS") << ", LRA " << lufs(r.after.loudnessRangeLu, "LU")
        << ", true peak " << lufs(r.after.truePeakDbtp, "dBTP") << " (measured on the decoded file)\n";
    out << "checks after export:\n";
    std::vector<ExportCheck> after(r.checks.begin() + static_cast<std::ptrdiff_t>(r.firstAfterCheck), r.checks.end());
    printChecks(after, out);
    out << "wrote " << r.audio.string() << " (" << formatDurationMs(r.outputMs) << ", "
        << (plan.encode.format == ExportFormat::Wav ? std::string("no chapters: WAV has none players read")
                                                    : std::to_string(r.chapters.size()) + " chapters")
        << ")\n";
    for (const auto& s : r.sidecars) out << "wrote " << s.string() << "\n";
    if (hasErrors(r.checks)) {
        err << "pycast export: a check after export failed (FAIL above); the files are kept for a look\n";
        return 1;
    }
    return 0;
}

}  // namespace pycast::cli
