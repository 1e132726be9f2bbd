// `pycast import-csv`: preview segments from a spreadsheet's CSV and, with --write, add them to a show.
#include <algorithm>
#include <charconv>
#include <ostream>

#include "cli/commands.hpp"
#include "io/csv_import.hpp"
#include "core/duration.hpp"
#include "io/rundown_export.hpp"
#include "io/show_io.hpp"

namespace pycast::cli {
namespace {

std::string pad(const std::string& s, int width) {
    const int w = displayWidth(s);
    return w >= width ? s + "  " : s + std::string(static_cast<size_t>(width - w), ' ');
}

std::string speakerNames(const Show& show, const ImportPreview& preview, const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) {
        out += out.empty() ? "" : ", ";
        if (const Person* p = show.findPerson(id)) {
            out += p->name;
            continue;
        }
        std::string name = id;
        for (const auto& p : preview.newPeople)
            if (p.id == id) name = p.name + " (new)";
        out += name;
    }
    return out;
}

// The title's first line, for a one-line listing.
std::string firstLine(const std::string& s) {
    const size_t nl = s.find('\n');
    return nl == std::string::npos ? s : s.substr(0, nl) + " ...";
}

}  // namespace

int runImportCsv(const Args& args, std::ostream& out, std::ostream& err) {
    const char* help =
        "usage: pycast import-csv FILE.csv --into SHOW.json [--write] [--at N] [--add-people]\n"
        "       pycast import-csv --into SHOW.json [OPTIONS] -- FILE.csv   (after --, no options)\n\n"
        "Reads segments from a spreadsheet saved as CSV (UTF-8; comma, semicolon or tab) and shows\n"
        "what would be added to the show: the column mapping, each segment (title, kind, length,\n"
        "speakers) and every bad row with its row number. Nothing is written without --write.\n"
        "Columns are found by name, in English or Chinese: title (標題, 段落, 單元), kind (類型),\n"
        "duration (時長, 長度; mm:ss, h:mm:ss or minutes), speakers (講者, 來賓; separated by\n"
        "; 、 / or ,) and notes (備註). `pycast rundown --format csv` output imports as is.\n"
        "  --into SHOW.json  the show to add to (required)\n"
        "  --write           save the show (atomically, keeping SHOW.json.bak); refused if any row is bad\n"
        "  --at N            insert so the first new segment becomes segment N (default: at the end)\n"
        "  --add-people      add unknown speakers to the show as new guests instead of failing\n"
        "Exit 0 when every row imports, 1 when a row or the show has problems, 2 on usage errors.\n";
    if (wantsHelp(args)) {
        out << help;
        return 0;
    }
    std::string csvFile, showFile, atText;
    bool write = false, addPeople = false;
    bool optionsEnded = false;   // after "--" every argument is a file name, even "-x.csv"
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (!optionsEnded && a == "--") {
            optionsEnded = true;
            continue;
        }
        if (optionsEnded) {
            if (!csvFile.empty()) {
                err << "pycast import-csv: one CSV file at a time (got " << csvFile << " and " << a << ")\n";
                return 2;
            }
            csvFile = a;
            continue;
        }
        auto value = [&](const char* name, std::string& target) {
            const std::string prefix = std::string(name) + "=";
            if (a.rfind(prefix, 0) == 0) {
                target = a.substr(prefix.size());
                return true;
            }
            if (a != name) return false;
            if (i + 1 >= args.size()) {
                target.clear();
                return true;
            }
            target = args[++i];
            return true;
        };
        if (value("--into", showFile)) {
            if (showFile.empty()) {
                err << "pycast import-csv: --into needs a show file\n";
                return 2;
            }
        } else if (value("--at", atText)) {
            if (atText.empty()) {
                err << "pycast import-csv: --at needs a segment number\n";
                return 2;
            }
        } else if (a == "--write") {
            write = true;
        } else if (a == "--add-people") {
            addPeople = true;
        } else if (a.size() > 1 && a[0] == '-') {
            err << "pycast import-csv: unknown option " << a << "\n" << help;
            return 2;
        } else if (csvFile.empty()) {
            csvFile = a;
        } else {
            err << "pycast import-csv: one CSV file at a time (got " << csvFile << " and " << a << ")\n";
            return 2;
        }
    }
    if (csvFile.empty() || showFile.empty()) {
        err << "pycast import-csv: " << (csvFile.empty() ? "no CSV file given" : "no show given; add --into SHOW.json")
            << "\n" << help;
        return 2;
    }
    int at = 0;   // 1-based; 0 means the end
    if (!atText.empty()) {
        auto [end, ec] = std::from_chars(atText.data(), atText.data() + atText.size(), at);
        if (ec != std::errc() || end != atText.data() + atText.size() || at < 1) {
            err << "pycast import-csv: --at wants a segment number from 1, not \"" << atText << "\"\n";
            return 2;
        }
    }

    LoadResult loaded = loadShowFile(showFile);
    if (!loaded.ok()) {
        for (const auto& p : loaded.problems) err << formatProblem(showFile, p) << "\n";
        err << "pycast import-csv: " << showFile << " has problems; fix them (see `pycast validate`)\n";
        return 1;
    }
    Show show = std::move(*loaded.show);
    const int count = static_cast<int>(show.rundown.size());
    if (at > count + 1) {
        err << "pycast import-csv: --at " << at << " is past the end; " << showFile << " has " << count
            << " segments, so use 1 to " << count + 1 << "\n";
        return 2;
    }

    ImportOptions options;
    options.addUnknownPeople = addPeople;
    ImportPreview preview = previewCsvImportFile(show, csvFile, options);
    if (!preview.fileError.empty()) {
        err << csvFile << ": " << preview.fileError << "\n";
        return 1;
    }

    out << "columns: " << describeMapping(preview.mapping, preview.headers) << "\n";
    const int insertAt = at == 0 ? -1 : at - 1;
    const std::string where = at == 0 || at == count + 1 ? "at the end" : "before segment " + std::to_string(at);
    out << (write && preview.canApply() ? "adding " : "would add ") << preview.segments.size()
        << (preview.segments.size() == 1 ? " segment " : " segments ") << where << ":\n";
    // Columns as wide as their widest cell (display width), so the listing stays aligned.
    int titleWidth = 8;
    int rowWidth = 9;
    int lengthWidth = 9;
    for (int row : preview.segmentRows)
        rowWidth = std::max(rowWidth, displayWidth("row " + std::to_string(row)) + 2);
    for (const auto& s : preview.segments) {
        titleWidth = std::max(titleWidth, std::min(50, displayWidth(firstLine(s.title))));
        lengthWidth = std::max(lengthWidth, displayWidth(formatDuration(s.planned)) + 2);
    }
    for (size_t i = 0; i < preview.segments.size(); ++i) {
        const Segment& s = preview.segments[i];
        out << "  " << pad("row " + std::to_string(preview.segmentRows[i]), rowWidth)
            << pad(firstLine(s.title), titleWidth + 2) << pad(toName(s.kind), 12)
            << pad(formatDuration(s.planned), lengthWidth)
            << (s.speakers.empty() ? "-" : speakerNames(show, preview, s.speakers)) << "\n";
    }
    if (!preview.newPeople.empty()) {
        out << (write && preview.canApply() ? "adding " : "would add ") << preview.newPeople.size()
            << (preview.newPeople.size() == 1 ? " new guest: " : " new guests: ");
        for (size_t i = 0; i < preview.newPeople.size(); ++i)
            out << (i ? ", " : "") << preview.newPeople[i].name;
        out << "\n";
    }

    if (!preview.badRows.empty()) {
        bool unknownSpeakers = false;
        for (const auto& bad : preview.badRows) {
            err << csvFile << ": " << formatRowProblem(bad) << "\n";
            std::string raw;
            for (char c : bad.raw)
                if (c != '\r') raw += c;
            for (size_t nl = raw.find('\n'); nl != std::string::npos; nl = raw.find('\n', nl + 1))
                raw.insert(nl + 1, "    | ");
            err << "    | " << raw << "\n";
            unknownSpeakers = unknownSpeakers || !bad.unknownSpeakers.empty();
        }
        if (unknownSpeakers)
            err << "unknown speakers: add them to the show first, or run with --add-people to add them as guests\n";
        err << csvFile << ": " << preview.badRows.size() << (preview.badRows.size() == 1 ? " bad row" : " bad rows")
            << "; nothing " << (write ? "written" : "would be written") << ". Fix the rows and run again.\n";
        return 1;
    }
    // What the show would be after the import, checked the same way in a dry run as with
    // --write: a dry run that says ok must not be refused when written.
    Show imported = show;
    applyImport(imported, preview, insertAt);
    if (auto problems = validateShow(imported); !problems.empty()) {
        for (const auto& p : problems) err << formatProblem(showFile, p) << "\n";
        err << "pycast import-csv: the show would not be valid after the import; nothing "
            << (write ? "written" : "would be written") << "\n";
        return 1;
    }
    if (!write) {
        out << "dry run: " << showFile << " not changed; add --write to save\n";
        return 0;
    }
    if (preview.segments.empty()) {
        // Saving would change nothing but would replace SHOW.json.bak, the one copy of the
        // version before the last save.
        out << "nothing to add: " << csvFile << " has no rows under its header; " << showFile
            << " not changed (its .bak kept)\n";
        return 0;
    }

    show = std::move(imported);
    Status saved = saveShowFile(show, showFile);
    if (!saved.ok()) {
        err << "pycast import-csv: " << saved.error().message() << "\n";
        return 1;
    }
    out << "wrote " << showFile << ": " << preview.segments.size()
        << (preview.segments.size() == 1 ? " segment" : " segments") << " added";
    if (!preview.newPeople.empty()) out << ", " << preview.newPeople.size() << " new guest(s)";
    out << " (" << show.rundown.size() << " in all, planned " << formatDuration(show.plannedTotal())
        << "); the previous version is " << showFile << ".bak\n";
    return 0;
}

}  // namespace pycast::cli
