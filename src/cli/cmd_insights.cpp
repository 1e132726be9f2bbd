// `pycast insights`: what a session (or a series of them) achieved, written as HTML, Markdown and
// CSV; the sessions are only read (main thread).
#include <algorithm>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "live/insights.hpp"
#include "live/session.hpp"

namespace pycast::cli {

namespace {

namespace fs = std::filesystem;

const char* kInsightsHelp =
    "usage: pycast insights --out DIR [--] SESSION_DIR...\n"
    "       pycast insights --out DIR [--] SESSIONS_FOLDER\n\n"
    "Writes what a show achieved, from its journal and recorded tracks alone: time (planned vs\n"
    "actual per segment, over/under, the hard out kept or missed), balance (airtime per company\n"
    "and speaker against the plan and the show's limit, measured from the recording or, without\n"
    "one, estimated from the plan on the actual segment times and labelled so; the technical\n"
    "share against the show's range), audience (devices that opened the page, asked, voted;\n"
    "questions per state, topic and guest; median wait; polls) and a summary paragraph in\n"
    "Traditional Chinese and English. The session folders are only read.\n\n"
    "One SESSION_DIR: DIR gets insights.html (one self-contained page with its charts, ready to\n"
    "print), insights.md (for HackMD) and insights-time.csv, insights-airtime.csv,\n"
    "insights-questions.csv, insights-polls.csv, insights-summary.csv (UTF-8 with a BOM).\n\n"
    "Several SESSION_DIRs, or a folder holding session folders: a series. DIR gets series.html,\n"
    "series.md and series-episodes.csv, series-companies.csv, series-audience.csv,\n"
    "series-polls.csv, series-failures.csv (episodes side by side, each company's airtime so far,\n"
    "audience per event, polls over time), and each session's own files in DIR/<its folder "
    "name>/.\n"
    "A session that cannot be read is named with the reason (on stderr and in the files) and the\n"
    "rest are still reported.\n\n"
    "  --out DIR   the folder to write to (created if missing; not one of the sessions)\n"
    "  --          ends the options: folders named like an option follow\n"
    "Prints the files written and the summary.\n"
    "Exit 0 when every session was read and every file written; 1 when a session could not be\n"
    "read (the others are still written), none could, or a file could not be written; 2 on usage\n"
    "errors.\n";

bool isSessionFolder(const fs::path& dir) {
    std::error_code ec;
    for (const char* f : {kSessionJournalFile, kSessionShowFile, kSessionInfoFile})
        if (fs::exists(dir / f, ec)) return true;
    return false;
}

// The session folders directly inside `dir`, sorted by name (folder names start with the date).
std::vector<fs::path> sessionsIn(const fs::path& dir) {
    std::vector<fs::path> found;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_directory(ec) && isSessionFolder(it->path())) found.push_back(it->path());
    std::sort(found.begin(), found.end());
    return found;
}

void printWritten(const Result<std::vector<fs::path>>& written, std::ostream& out,
                  std::ostream& err, bool& failed) {
    if (!written) {
        err << "error: " << written.error().message() << "\n";
        failed = true;
        return;
    }
    for (const fs::path& p : *written) out << "wrote " << p.string() << "\n";
}

}  // namespace

int runInsights(const Args& args, std::ostream& out, std::ostream& err) {
    if (wantsHelp(args)) {
        out << kInsightsHelp;
        return 0;
    }
    std::string outDir;
    std::vector<std::string> inputs;
    bool optionsEnded = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (!optionsEnded && a == "--") {
            optionsEnded = true;
        } else if (!optionsEnded && (a == "--out" || a.rfind("--out=", 0) == 0)) {
            if (a == "--out") {
                if (i + 1 >= args.size()) {
                    err << "pycast insights: --out needs a folder\n";
                    return 2;
                }
                outDir = args[++i];
            } else {
                outDir = a.substr(6);
            }
            if (outDir.empty()) {
                err << "pycast insights: --out needs a folder\n";
                return 2;
            }
        } else if (!optionsEnded && a.size() > 1 && a[0] == '-') {
            err << "pycast insights: unknown option " << a << "\n" << kInsightsHelp;
            return 2;
        } else {
            inputs.push_back(a);
        }
    }
    if (inputs.empty()) {
        err << "pycast insights: no session folder given\n" << kInsightsHelp;
        return 2;
    }
    if (outDir.empty()) {
        err << "pycast insights: say where to write with --out DIR\n" << kInsightsHelp;
        return 2;
    }

    // A folder that is no session but holds session folders is a series of them.
    std::vector<fs::path> dirs;
    bool series = inputs.size() > 1;
    for (const std::string& in : inputs) {
        std::error_code ec;
        if (fs::is_directory(in, ec) && !isSessionFolder(in)) {
            std::vector<fs::path> inside = sessionsIn(in);
            if (!inside.empty()) {
                series = true;
                dirs.insert(dirs.end(), inside.begin(), inside.end());
                continue;
            }
        }
        dirs.emplace_back(in);
    }

    // The sessions are only read: their folders are not a place to write into.
    {
        std::error_code ec;
        const fs::path target = fs::weakly_canonical(outDir, ec);
        for (const fs::path& dir : dirs) {
            std::error_code ec2;
            if (!ec && target == fs::weakly_canonical(dir, ec2) && !ec2) {
                err << "pycast insights: --out " << outDir << " is a session folder given to read; "
                    << "pick another folder to write to\n";
                return 2;
            }
        }
    }

    std::vector<SessionInsights> read;
    std::vector<SeriesFailure> failures;
    for (const fs::path& dir : dirs) {
        Result<SessionInsights> loaded = loadSessionInsights(dir);
        for (const std::string& w : loaded.warnings)
            err << "warning: " << dir.string() << ": " << w << "\n";
        if (!loaded) {
            err << "error: " << loaded.error().message() << "\n";
            failures.push_back({dir, loaded.error().message()});
            continue;
        }
        read.push_back(std::move(*loaded));
    }

    bool failed = !failures.empty();
    const fs::path target(outDir);
    if (!series) {
        if (read.empty()) return 1;
        printWritten(writeInsightsFiles(target, read.front()), out, err, failed);
        // The summary is what the files say: a run that wrote nothing prints only its error.
        if (failed) return 1;
        out << "\n" << read.front().summaryZh << "\n\n" << read.front().summaryEn << "\n";
        return 0;
    }

    // Each session's own files in a subfolder named after its session folder (the series page
    // links to them there).
    const SeriesInsights all = buildSeriesInsights(std::move(read), std::move(failures));
    const std::vector<std::string> folders = seriesSessionFolders(all);
    for (std::size_t i = 0; i < all.sessions.size(); ++i)
        printWritten(writeInsightsFiles(target / folders[i], all.sessions[i]), out, err, failed);
    bool writeFailed = false;
    printWritten(writeSeriesFiles(target, all), out, err, writeFailed);
    if (all.sessions.empty()) err << "error: no session could be read\n";
    if (writeFailed) return 1;
    out << "\n" << all.summaryZh << "\n\n" << all.summaryEn << "\n";
    return failed ? 1 : 0;
}

}  // namespace pycast::cli
