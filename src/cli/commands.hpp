// The `pycast` subcommands. Each returns the process exit code: 0 ok, 1 problems found, 2 usage.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

namespace pycast::cli {

using Args = std::vector<std::string>;

struct Command {
    const char* name;
    const char* summary;
    int (*run)(const Args& args, std::ostream& out, std::ostream& err);
};

// Every command, in the order `pycast --help` lists them.
const std::vector<Command>& commands();

int runValidate(const Args& args, std::ostream& out, std::ostream& err);
int runRundown(const Args& args, std::ostream& out, std::ostream& err);
int runVersion(const Args& args, std::ostream& out, std::ostream& err);
int runDevices(const Args& args, std::ostream& out, std::ostream& err);
// `pycast record --out DIR …` (cmd_record.cpp): 0 recorded and stopped cleanly, 1 the device
// or a write failed, 2 usage.
int runRecord(const Args& args, std::ostream& out, std::ostream& err);
int runImportCsv(const Args&, std::ostream&, std::ostream&);
// `pycast questions import|list` (cmd_questions.cpp).
int runQuestions(const Args& args, std::ostream& out, std::ostream& err);
int runLive(const Args& args, std::ostream& out, std::ostream& err);
int runReport(const Args& args, std::ostream& out, std::ostream& err);
// `pycast insights --out DIR SESSION_DIR...` (cmd_insights.cpp).
int runInsights(const Args& args, std::ostream& out, std::ostream& err);
// `pycast chapters [--format text|youtube|json] SESSION_DIR` (cmd_chapters.cpp).
int runChapters(const Args& args, std::ostream& out, std::ostream& err);
// `pycast export SESSION_OR_FILE [options]` (cmd_export.cpp).
int runExportCommand(const Args& args, std::ostream& out, std::ostream& err);
// `pycast recover SESSION_DIR|FOLDER|FILE.wav` (cmd_recover.cpp).
int runRecover(const Args& args, std::ostream& out, std::ostream& err);
// `pycast airtime FILE.wav... [--names a,b] [--json]` (cmd_airtime.cpp).
int runAirtime(const Args& args, std::ostream& out, std::ostream& err);
// `pycast loudness FILE... [--json]` (cmd_loudness.cpp).
int runLoudness(const Args& args, std::ostream& out, std::ostream& err);
// The report of the session in DIR (Markdown, or CSV when `csv`) to `out`; warnings and errors
// to `err`. 0 ok, 1 when DIR is not a readable session.
int runReportCommand(const std::filesystem::path& dir, std::ostream& out, std::ostream& err,
                     bool csv = false);

// True when args hold -h/--help before any "--" (then the caller prints its help and returns 0).
bool wantsHelp(const Args& args);

}  // namespace pycast::cli
