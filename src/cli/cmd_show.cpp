// `pycast validate` and `pycast rundown`: read show files and report on them.
#include <ostream>

#include "cli/commands.hpp"
#include "core/poll_board.hpp"
#include "io/rundown_export.hpp"
#include "io/show_io.hpp"

namespace pycast::cli {

int runValidate(const Args& args, std::ostream& out, std::ostream& err) {
    const char* help =
        "usage: pycast validate [--] FILE...\n\n"
        "Checks each show file and prints every problem with its JSON path (and line:column\n"
        "for syntax errors). Warnings (a poll option naming one of the show's companies: vote\n"
        "on topics, not companies) go to stderr and do not fail the file. Exit 0 when all files\n"
        "are valid, 1 when any has a problem, 2 on usage errors.\n";
    if (wantsHelp(args)) {
        out << help;
        return 0;
    }
    if (args.empty()) {
        err << "pycast validate: no file given\n" << help;
        return 2;
    }
    std::vector<std::string> files;
    bool optionsEnded = false;   // after "--" every argument is a file, even "-x.json"
    for (const auto& a : args) {
        if (!optionsEnded && a == "--") {
            optionsEnded = true;
        } else if (!optionsEnded && a.size() > 1 && a[0] == '-') {
            err << "pycast validate: unknown option " << a << "\n" << help;
            return 2;
        } else {
            files.push_back(a);
        }
    }
    if (files.empty()) {
        err << "pycast validate: no file given\n" << help;
        return 2;
    }
    int bad = 0;
    for (const auto& file : files) {
        LoadResult r = loadShowFile(file);
        if (r.ok()) {
            const std::size_t segments = r.show->rundown.size(), people = r.show->people.size();
            out << file << ": ok (" << segments << (segments == 1 ? " segment, " : " segments, ") << people
                << (people == 1 ? " person)\n" : " people)\n");
            // Valid, but against the organisers' rules: said, without failing the file.
            for (const auto& w : pollCompanyWarnings(*r.show))
                err << file << ": warning: " << w.path << ": " << w.message << "\n";
            continue;
        }
        ++bad;
        for (const auto& p : r.problems) err << formatProblem(file, p) << "\n";
        err << file << ": " << r.problems.size() << (r.problems.size() == 1 ? " problem" : " problems") << "\n";
    }
    return bad ? 1 : 0;
}

int runRundown(const Args& args, std::ostream& out, std::ostream& err) {
    const char* help =
        "usage: pycast rundown FILE [--format text|md|csv|json]\n"
        "       pycast rundown [--format F] -- FILE   (after --, FILE may start with -)\n\n"
        "Prints each segment's start offset, planned length and speakers, then the totals:\n"
        "planned vs target, the technical share against the show's range, and planned airtime\n"
        "per company and per speaker, with a warning above the show's limit.\n"
        "  --format F   text (default), md (Markdown for HackMD), csv, json\n";
    if (wantsHelp(args)) {
        out << help;
        return 0;
    }
    std::string file;
    RundownFormat format = RundownFormat::Text;
    bool optionsEnded = false;   // after "--" every argument is the file, even "-x.json"
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        std::string value;
        if (optionsEnded || a.empty() || a[0] != '-' || a == "-") {
            if (!file.empty()) {
                err << "pycast rundown: one file at a time (got " << file << " and " << a << ")\n";
                return 2;
            }
            file = a;
            continue;
        }
        if (a == "--") {
            optionsEnded = true;
            continue;
        }
        if (a == "--format" || a == "-f") {
            if (i + 1 >= args.size()) {
                err << "pycast rundown: --format needs a value (text, md, csv or json)\n";
                return 2;
            }
            value = args[++i];
        } else if (a.rfind("--format=", 0) == 0) {
            value = a.substr(9);
        } else {
            err << "pycast rundown: unknown option " << a << "\n" << help;
            return 2;
        }
        auto f = rundownFormatFromString(value);
        if (!f) {
            err << "pycast rundown: unknown format \"" << value << "\" (use text, md, csv or json)\n";
            return 2;
        }
        format = *f;
    }
    if (file.empty()) {
        err << "pycast rundown: no file given\n" << help;
        return 2;
    }
    LoadResult r = loadShowFile(file);
    if (!r.ok()) {
        for (const auto& p : r.problems) err << formatProblem(file, p) << "\n";
        err << "pycast rundown: " << file << " has problems; fix them (see `pycast validate`)\n";
        return 1;
    }
    // A terminal or a pipe gets CSV without the BOM that files for spreadsheets start with.
    out << renderRundown(*r.show, format, false);
    return 0;
}

}  // namespace pycast::cli
