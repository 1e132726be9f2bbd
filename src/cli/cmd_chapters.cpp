// `pycast chapters`: a session's chapters — segments, answered questions, markers — on the
// recording's timeline, for YouTube or a podcast host (main thread).
#include <cstdio>
#include <filesystem>
#include <ostream>
#include <string>

#include "cli/commands.hpp"
#include "core/duration.hpp"
#include "live/chapters.hpp"
#include "live/session.hpp"

namespace pycast::cli {

namespace {

const char* kChaptersHelp =
    "usage: pycast chapters [--format text|youtube|json] [--] SESSION_DIR\n\n"
    "Prints the chapters of a session: where each segment began, each answered question\n"
    "(\"Q: …\") and each plain marker, on the recording's timeline (the recorder's sample of each\n"
    "event; without a recording, from the show's start). The folder is only read.\n"
    "  --format text     one line per chapter: time, kind, sample, title (default)\n"
    "  --format youtube  \"0:00 Title\" lines for a YouTube description (first at 0:00, each at\n"
    "                    least 10 s; a warning when fewer than three are left)\n"
    "  --format json     Podcasting 2.0 chapters (version 1.2.0)\n"
    "Exit 0 ok, 1 when the session cannot be read, 2 on usage errors.\n";

const char* kindName(Chapter::Kind kind) {
    switch (kind) {
        case Chapter::Kind::Segment: return "segment";
        case Chapter::Kind::Question: return "question";
        case Chapter::Kind::Marker: return "marker";
    }
    return "";
}

}  // namespace

int runChapters(const Args& args, std::ostream& out, std::ostream& err) {
    if (wantsHelp(args)) {
        out << kChaptersHelp;
        return 0;
    }
    std::string dir;
    std::string format = "text";
    bool optionsEnded = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (!optionsEnded && a == "--") {
            optionsEnded = true;
        } else if (!optionsEnded && a == "--format") {
            if (i + 1 >= args.size()) {
                err << "pycast chapters: --format needs a value (text, youtube or json)\n";
                return 2;
            }
            format = args[++i];
        } else if (!optionsEnded && a.size() > 1 && a[0] == '-') {
            err << "pycast chapters: unknown option " << a << "\n" << kChaptersHelp;
            return 2;
        } else if (dir.empty()) {
            dir = a;
        } else {
            err << "pycast chapters: one session at a time (got " << dir << " and " << a << ")\n";
            return 2;
        }
    }
    if (dir.empty()) {
        err << "pycast chapters: no session folder given\n" << kChaptersHelp;
        return 2;
    }
    if (format != "text" && format != "youtube" && format != "json") {
        err << "pycast chapters: unknown format \"" << format << "\" (use text, youtube or json)\n";
        return 2;
    }
    Result<SessionSnapshot> loaded = loadSessionSnapshot(dir);
    for (const auto& w : loaded.warnings) err << "warning: " << w << "\n";
    if (!loaded) {
        err << "error: " << loaded.error().message() << "\n";
        return 1;
    }
    const std::vector<Chapter> chapters = sessionChapters(*loaded);
    if (format == "json") {
        out << podcastingChaptersJson(chapters);
    } else if (format == "youtube") {
        std::string warning;
        out << youtubeChapterList(chapters, &warning);
        if (!warning.empty()) err << "warning: " << warning << "\n";
    } else {
        for (const Chapter& c : chapters) {
            out << formatTimecode(c.startMs, true) << "  " << kindName(c.kind) << "  "
                << (c.sample ? "sample " + std::to_string(c.sample->value) : std::string("-"))
                << "  " << c.title << "\n";
        }
        if (chapters.empty()) out << "no chapters: the show never started\n";
    }
    return 0;
}

}  // namespace pycast::cli
