// `pycast report`: prints a session's planned-vs-actual report, read without touching it (main
// thread).
#include <filesystem>
#include <ostream>
#include <string>

#include "cli/commands.hpp"
#include "live/report.hpp"
#include "live/recorded_airtime.hpp"
#include "live/session.hpp"

namespace pycast::cli {

namespace {

const char* kReportHelp =
    "usage: pycast report [--format md|csv] [--] SESSION_DIR\n\n"
    "Prints the planned-vs-actual report of a session: per segment and per speaker, and the\n"
    "audience's questions (per source, answered with the time into the show, the top\n"
    "unanswered by votes, per topic and per guest). A session still live or interrupted is\n"
    "reported as of its last journal event; the folder is only read.\n"
    "  --format F   md (Markdown, default) or csv (printed without the BOM report.csv has)\n"
    "  --           ends the options: a folder named like an option follows\n"
    "Exit 0 ok, 1 when the session cannot be read, 2 on usage errors.\n";

}  // namespace

int runReportCommand(const std::filesystem::path& dir, std::ostream& out, std::ostream& err,
                     bool csv) {
    Result<SessionSnapshot> loaded = loadSessionSnapshot(dir);
    for (const auto& w : loaded.warnings) err << "warning: " << w << "\n";
    if (!loaded) {
        err << "error: " << loaded.error().message() << "\n";
        return 1;
    }
    const SessionSnapshot& s = *loaded;
    // The measured airtime of every take (a take cut off by a crash reads up to its last
    // refreshed header; `pycast recover` gives it back the rest).
    Result<std::vector<TrackTalk>> talk = measureRecordedTalk(s.dir, s.recording);
    for (const auto& w : talk.warnings) err << "warning: " << w << "\n";
    if (!talk) err << "warning: the airtime was left out: " << talk.error().message() << "\n";
    const std::vector<TrackTalk> measured = talk ? *talk : std::vector<TrackTalk>{};
    const SessionReport report =
        buildReport(s.show, s.runner.state(s.lastEventMs), s.startDate, &s.questions, &measured);
    // Printed, CSV has no BOM (as `pycast rundown --format csv`); report.csv on disk keeps it.
    out << (csv ? renderReportCsv(report, false) : renderReportMarkdown(report));
    return 0;
}

int runReport(const Args& args, std::ostream& out, std::ostream& err) {
    if (wantsHelp(args)) {
        out << kReportHelp;
        return 0;
    }
    std::string dir;
    std::string format = "md";
    bool optionsEnded = false;  // after "--" every argument is a folder, even "-x"
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (!optionsEnded && a == "--") {
            optionsEnded = true;
        } else if (!optionsEnded && (a == "--format" || a.rfind("--format=", 0) == 0)) {
            if (a == "--format") {
                if (i + 1 >= args.size()) {
                    err << "pycast report: --format needs a value (md or csv)\n";
                    return 2;
                }
                format = args[++i];
            } else {
                format = a.substr(9);
            }
        } else if (!optionsEnded && a.size() > 1 && a[0] == '-') {
            err << "pycast report: unknown option " << a << "\n" << kReportHelp;
            return 2;
        } else if (dir.empty()) {
            dir = a;
        } else {
            err << "pycast report: one session at a time (got " << dir << " and " << a << ")\n";
            return 2;
        }
    }
    if (dir.empty()) {
        err << "pycast report: no session folder given\n" << kReportHelp;
        return 2;
    }
    if (format == "md" || format == "markdown") return runReportCommand(dir, out, err);
    if (format == "csv") return runReportCommand(dir, out, err, true);
    err << "pycast report: unknown format \"" << format << "\" (use md or csv)\n";
    return 2;
}

}  // namespace pycast::cli
