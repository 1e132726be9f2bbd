// The table of `pycast` subcommands and shared argument helpers.
#include "cli/commands.hpp"

namespace pycast::cli {

const std::vector<Command>& commands() {
    static const std::vector<Command> all{
        {"validate", "check show files and print every problem", runValidate},
        {"rundown", "print a show's rundown with timings and balance (text, md, csv, json)", runRundown},
        {"import-csv", "add segments from a spreadsheet's CSV to a show (dry run unless --write)", runImportCsv},
        {"questions", "import audience questions from a form's CSV, or list a show's or session's",
         runQuestions},
        {"live", "run a show without a window, driven over the HTTP control API", runLive},
        {"report", "print a session's planned-vs-actual report (md or csv)", runReport},
        {"insights", "write what a session or a series achieved: HTML with charts, Markdown, CSV", runInsights},
        {"chapters", "print a session's chapters (segments, answered questions, markers)", runChapters},
        {"export", "mix, normalize, encode and tag an episode with chapters and show notes", runExportCommand},
        {"recover", "repair the track files of an interrupted recording", runRecover},
        {"airtime", "measure each speaker's actual talk time in a recording's track files", runAirtime},
        {"loudness", "measure files' loudness: integrated LUFS, range, true peak, sample peak", runLoudness},
        {"devices", "list the audio inputs PortAudio sees (host API, name, channels, rate)", runDevices},
        {"record", "record one WAV per input channel into a folder, with meters on the terminal", runRecord},
        {"version", "print the version and the media libraries in use", runVersion},
    };
    return all;
}

bool wantsHelp(const Args& args) {
    for (const auto& a : args) {
        if (a == "--") return false;   // what follows is file names, even "--help"
        if (a == "-h" || a == "--help") return true;
    }
    return false;
}

}  // namespace pycast::cli
