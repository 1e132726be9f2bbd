// `pycast questions import|list`: audience questions from a form's CSV into a show or a session,
// and the questions of either as text, Markdown, CSV or JSON (main thread).
#include <algorithm>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "core/question_queue.hpp"
#include "core/text.hpp"
#include "io/csv.hpp"
#include "io/markdown.hpp"
#include "io/question_import.hpp"
#include "io/rundown_export.hpp"
#include "io/show_io.hpp"
#include "live/session.hpp"
#include "live/session_json.hpp"

namespace pycast::cli {
namespace {

const char* kQuestionsHelp =
    "usage: pycast questions import FILE.csv (--session DIR | --show SHOW.json) [--write]\n"
    "                               [--map FIELD=COLUMN,...]\n"
    "       pycast questions list (--session DIR | --show SHOW.json) [--state S]\n"
    "                             [--format text|md|csv|json]\n\n"
    "Audience questions collected before the show (a Google Form, an Excel sheet) and those of\n"
    "a session. See docs/questions.md.\n"
    "Run `pycast questions import --help` or `pycast questions list --help` for the options.\n";

const char* kImportHelp =
    "usage: pycast questions import FILE.csv (--session DIR | --show SHOW.json) [--write]\n"
    "                               [--map FIELD=COLUMN,...]\n"
    "       pycast questions import (--session DIR | --show SHOW.json) [OPTIONS] -- FILE.csv\n\n"
    "Reads questions from a form's or a spreadsheet's CSV (UTF-8, with or without a BOM) and\n"
    "shows what would be imported: the column mapping, each question, every bad row with its\n"
    "row number, and questions that are already there. Nothing is written without --write.\n"
    "Columns are found by name, in English or Chinese: the question (Question, 問題, 您的問題,\n"
    "想問的問題), who asked (Name, 姓名, 名字, 暱稱), topic (Topic, 主題; one of the show's\n"
    "topics), for (For, 提問對象; a person of the show), votes (Votes, 票數) and the form's\n"
    "time stamp (Timestamp, 時間戳記; kept as text in the show file). E-mail and other columns\n"
    "are not imported.\n"
    "  --show SHOW.json  add them to the show's pre-submitted questions (they enter a session's\n"
    "                    queue as approved); written atomically, keeping SHOW.json.bak\n"
    "  --session DIR     add them to a session's queue as approved, source \"import\"; the "
    "session\n"
    "                    must not have ended, and must not be open in pycast live or the studio\n"
    "                    (import from that program, or stop it first)\n"
    "  --write           import; refused if any row is bad\n"
    "  --map F=C,...     choose columns by hand: F is text, name, topic, for, votes or timestamp;\n"
    "                    C is a header, a column letter (A, B, …), a number (1, 2, …) or none\n"
    "Exit 0 when every row imports, 1 when a row, the file or the target has problems (then\n"
    "nothing is written), 2 on usage errors.\n";

const char* kListHelp =
    "usage: pycast questions list (--session DIR | --show SHOW.json) [--state S]\n"
    "                             [--format text|md|csv|json]\n\n"
    "Prints the questions of a show file (as they enter a session: approved) or of a session,\n"
    "read without touching it, so it works while the show is live. Votes include those of the\n"
    "questions merged into one.\n"
    "  --state S    only questions in state S: pending, approved, on-air, answered, dismissed\n"
    "               or merged\n"
    "  --format F   text (an aligned table, default), md (Markdown), csv (with the UTF-8 BOM a\n"
    "               spreadsheet needs) or json (the control API's GET /api/moderation shape)\n"
    "Exit 0 ok, 1 when the show or session cannot be read, 2 on usage errors.\n";

std::string pad(const std::string& s, int width) {
    const int w = displayWidth(s);
    return w >= width ? s + "  " : s + std::string(static_cast<size_t>(width - w), ' ');
}

// The first line of a text, cut to `width` terminal columns with "…" when longer.
std::string oneLine(const std::string& text, int width) {
    const size_t nl = text.find('\n');
    std::string line = nl == std::string::npos ? text : text.substr(0, nl);
    bool cut = nl != std::string::npos;
    if (displayWidth(line) > width) {
        std::string kept;
        for (size_t i = 0; i < line.size();) {
            size_t n = 1;
            const auto c = static_cast<unsigned char>(line[i]);
            if (c >= 0xF0)
                n = 4;
            else if (c >= 0xE0)
                n = 3;
            else if (c >= 0xC0)
                n = 2;
            const std::string next = line.substr(i, n);
            if (displayWidth(kept + next) > width - 1) break;
            kept += next;
            i += n;
        }
        line = kept;
        cut = true;
    }
    return cut ? line + "…" : line;
}

std::string joined(const std::vector<std::string>& items, const char* sep = ", ") {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : sep) + s;
    return out;
}

std::string personName(const Show& show, const std::string& id) {
    if (id.empty()) return {};
    const Person* p = show.findPerson(id);
    return p ? p->name : id;
}

// "--name VALUE" or "--name=VALUE"; sets `missing` when the value is absent.
bool optionValue(const Args& args, size_t& i, const char* name, std::string& target,
                 bool& missing) {
    const std::string& a = args[i];
    const std::string prefix = std::string(name) + "=";
    if (a.rfind(prefix, 0) == 0) {
        target = a.substr(prefix.size());
        missing = target.empty();
        return true;
    }
    if (a != name) return false;
    if (i + 1 >= args.size()) {
        missing = true;
        return true;
    }
    target = args[++i];
    missing = target.empty();
    return true;
}

// Where questions come from or go: a show file or a session folder.
struct TargetArgs {
    std::string show;
    std::string session;
};

// The show and the questions a target holds; `ended` for a session that has ended.
struct LoadedTarget {
    Show show;
    QuestionQueue queue;
    bool ended = false;
};

std::optional<LoadedTarget> loadTarget(const TargetArgs& t, const char* command,
                                       std::ostream& err) {
    LoadedTarget out;
    if (!t.show.empty()) {
        LoadResult loaded = loadShowFile(t.show);
        if (!loaded.ok()) {
            for (const auto& p : loaded.problems) err << formatProblem(t.show, p) << "\n";
            err << "pycast questions " << command << ": " << t.show
                << " has problems; fix them (see `pycast validate`)\n";
            return std::nullopt;
        }
        out.show = std::move(*loaded.show);
        out.queue = QuestionQueue(out.show);
        return out;
    }
    Result<SessionSnapshot> snap = loadSessionSnapshot(t.session);
    for (const auto& w : snap.warnings) err << "warning: " << w << "\n";
    if (!snap) {
        err << "pycast questions " << command << ": " << snap.error().message() << "\n";
        return std::nullopt;
    }
    out.show = std::move(snap->show);
    out.queue = std::move(snap->questions);
    out.ended = snap->ended;
    return out;
}

void printEnded(const std::string& dir, std::ostream& err) {
    err << "pycast questions import: " << dir
        << ": the session has ended; its questions can no longer change. Import into the show "
           "file for the next session instead (--show SHOW.json)\n";
}

void printPreview(const QuestionImportPreview& preview, const Show& show, bool writing,
                  const std::string& into, std::ostream& out) {
    out << "columns: " << describeQuestionMapping(preview.mapping, preview.headers) << "\n";
    out << (writing ? "importing " : "would import ") << preview.questions.size()
        << (preview.questions.size() == 1 ? " question" : " questions") << " into " << into
        << (preview.questions.empty() ? "\n" : ":\n");
    int rowWidth = 8, nameWidth = 6, topicWidth = 6, forWidth = 4, voteWidth = 6;
    for (const auto& q : preview.questions) {
        rowWidth = std::max(rowWidth, displayWidth("row " + std::to_string(q.row)) + 2);
        nameWidth =
            std::max(nameWidth, std::min(20, displayWidth(q.name.empty() ? "-" : q.name)) + 2);
        topicWidth = std::max(topicWidth, std::min(24, displayWidth(joined(q.topics))) + 2);
        forWidth =
            std::max(forWidth, std::min(20, displayWidth(personName(show, q.forPerson))) + 2);
        voteWidth = std::max(voteWidth, displayWidth(std::to_string(q.votes)) + 2);
    }
    for (const auto& q : preview.questions) {
        out << "  " << pad("row " + std::to_string(q.row), rowWidth)
            << pad(oneLine(q.name.empty() ? "-" : q.name, 20), nameWidth)
            << pad(q.topics.empty() ? "-" : oneLine(joined(q.topics), 24), topicWidth)
            << pad(q.forPerson.empty() ? "-" : oneLine(personName(show, q.forPerson), 20), forWidth)
            << pad(std::to_string(q.votes), voteWidth) << oneLine(q.text, 60) << "\n";
    }
}

// Bad rows and warnings, as import-csv prints them: the reasons, then the row as written.
void printRowProblems(const std::string& csvFile, const QuestionImportPreview& preview,
                      std::ostream& err) {
    for (const auto& w : preview.warnings)
        err << csvFile << ": row " << w.row << ": warning: " << w.message << "\n";
    for (const auto& bad : preview.badRows) {
        err << csvFile << ": " << formatRowProblem(bad) << "\n";
        std::string raw;
        for (char c : bad.raw)
            if (c != '\r') raw += c;
        for (size_t nl = raw.find('\n'); nl != std::string::npos; nl = raw.find('\n', nl + 1))
            raw.insert(nl + 1, "    | ");
        err << "    | " << raw << "\n";
    }
}

int importIntoShow(const std::string& csvFile, const std::string& showFile,
                   const QuestionImportOptions& options, bool write, std::ostream& out,
                   std::ostream& err) {
    TargetArgs t;
    t.show = showFile;
    std::optional<LoadedTarget> target = loadTarget(t, "import", err);
    if (!target) return 1;
    Show& show = target->show;
    const QuestionImportPreview preview = previewQuestionImportFile(show, csvFile, options);
    if (!preview.fileError.empty()) {
        err << csvFile << ": " << preview.fileError << "\n";
        return 1;
    }
    printPreview(preview, show, write && preview.canApply(), showFile, out);
    printRowProblems(csvFile, preview, err);
    if (!preview.badRows.empty()) {
        err << csvFile << ": " << preview.badRows.size()
            << (preview.badRows.size() == 1 ? " bad row" : " bad rows") << "; nothing "
            << (write ? "written" : "would be written") << ". Fix the rows and run again.\n";
        return 1;
    }
    // Checked the same way in a dry run as with --write, so a dry run that says ok is not
    // refused when written.
    Show imported = show;
    const std::vector<std::string> ids = applyQuestionImport(imported, preview);
    if (auto problems = validateShow(imported); !problems.empty()) {
        for (const auto& p : problems) err << formatProblem(showFile, p) << "\n";
        err << "pycast questions import: the show would not be valid after the import; nothing "
            << (write ? "written" : "would be written") << "\n";
        return 1;
    }
    if (!write) {
        out << "dry run: " << showFile << " not changed; add --write to import\n";
        return 0;
    }
    if (ids.empty()) {
        // Saving would change nothing but would replace SHOW.json.bak.
        out << "nothing to import: " << csvFile << " has no questions under its header; "
            << showFile << " not changed (its .bak kept)\n";
        return 0;
    }
    if (Status saved = saveShowFile(imported, showFile); !saved.ok()) {
        err << "pycast questions import: " << saved.error().message() << "\n";
        return 1;
    }
    out << "wrote " << showFile << ": " << ids.size()
        << (ids.size() == 1 ? " question" : " questions") << " added (" << ids.front()
        << (ids.size() > 1 ? " … " + ids.back() : std::string()) << "; "
        << imported.questions.size() << " in all); the previous version is " << showFile
        << ".bak\n";
    return 0;
}

int importIntoSession(const std::string& csvFile, const std::string& dir,
                      QuestionImportOptions options, bool write, std::ostream& out,
                      std::ostream& err) {
    if (!write) {
        TargetArgs t;
        t.session = dir;
        std::optional<LoadedTarget> target = loadTarget(t, "import", err);
        if (!target) return 1;
        if (target->ended) {
            printEnded(dir, err);
            return 1;
        }
        for (const LiveQuestion& q : target->queue.all())
            options.existing.emplace_back(q.id, q.text);
        const QuestionImportPreview preview =
            previewQuestionImportFile(target->show, csvFile, options);
        if (!preview.fileError.empty()) {
            err << csvFile << ": " << preview.fileError << "\n";
            return 1;
        }
        printPreview(preview, target->show, false, dir, out);
        printRowProblems(csvFile, preview, err);
        if (!preview.badRows.empty()) {
            err << csvFile << ": " << preview.badRows.size()
                << (preview.badRows.size() == 1 ? " bad row" : " bad rows")
                << "; nothing would be written. Fix the rows and run again.\n";
            return 1;
        }
        out << "dry run: " << dir << " not changed; add --write to import\n";
        return 0;
    }

    // An ended session is refused as such, even while a program still holds it open.
    {
        Result<SessionSnapshot> snap = loadSessionSnapshot(dir);
        if (snap && snap->ended) {
            printEnded(dir, err);
            return 1;
        }
    }
    // Opening takes the journal's lock: a session live in pycast live or the studio is refused
    // here, and nobody else can add to it while these rows go in.
    Result<std::unique_ptr<Session>> opened = Session::open(dir);
    for (const auto& w : opened.warnings) err << "warning: " << w << "\n";
    if (!opened) {
        err << "pycast questions import: " << opened.error().message() << "\n";
        return 1;
    }
    Session& session = **opened;
    if (session.runner().phase() == RunPhase::Ended) {
        printEnded(dir, err);
        return 1;
    }
    for (const LiveQuestion& q : session.questions().all())
        options.existing.emplace_back(q.id, q.text);
    const QuestionImportPreview preview =
        previewQuestionImportFile(session.show(), csvFile, options);
    if (!preview.fileError.empty()) {
        err << csvFile << ": " << preview.fileError << "\n";
        return 1;
    }
    printPreview(preview, session.show(), preview.canApply(), dir, out);
    printRowProblems(csvFile, preview, err);
    if (!preview.badRows.empty()) {
        err << csvFile << ": " << preview.badRows.size()
            << (preview.badRows.size() == 1 ? " bad row" : " bad rows")
            << "; nothing written. Fix the rows and run again.\n";
        return 1;
    }
    std::vector<std::string> ids;
    for (const ImportedQuestion& q : preview.questions) {
        LiveRequest request = LiveRequest(LiveCommand::QuestionSubmit)
                                  .withText(q.text)
                                  .withName(q.name)
                                  .withTopics(q.topics)
                                  .withPerson(q.forPerson)
                                  .withSource(QuestionSource::Import);
        request.votes = q.votes;
        const SessionActionResult r = session.perform(std::move(request));
        for (const auto& w : r.warnings) err << "warning: " << w << "\n";
        if (!r) {
            // Checked row by row above against the same show, so this is the disk or the
            // session refusing; what went in stays in (each is journaled).
            err << csvFile << ": row " << q.row << ": " << r.error.message() << "\n"
                << "pycast questions import: " << ids.size() << " of " << preview.questions.size()
                << " questions imported before row " << q.row
                << (ids.empty() ? std::string() : " (" + joined(ids) + ")")
                << "; fix the problem and import the rest\n";
            return 1;
        }
        ids.push_back(r.id);
    }
    if (ids.empty()) {
        out << "nothing to import: " << csvFile << " has no questions under its header\n";
        return 0;
    }
    out << "imported " << ids.size() << (ids.size() == 1 ? " question" : " questions") << " into "
        << dir << " as approved (" << joined(ids) << ")\n";
    return 0;
}

int runImport(const Args& args, std::ostream& out, std::ostream& err) {
    if (wantsHelp(args)) {
        out << kImportHelp;
        return 0;
    }
    std::string csvFile;
    TargetArgs target;
    bool write = false;
    std::vector<ColumnChoice> choices;
    bool optionsEnded = false;  // after "--" every argument is a file name, even "-x.csv"
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (!optionsEnded && a == "--") {
            optionsEnded = true;
            continue;
        }
        std::string value;
        bool missing = false;
        if (!optionsEnded && optionValue(args, i, "--show", value, missing)) {
            if (missing) {
                err << "pycast questions import: --show needs a show file\n";
                return 2;
            }
            target.show = value;
        } else if (!optionsEnded && optionValue(args, i, "--session", value, missing)) {
            if (missing) {
                err << "pycast questions import: --session needs a session folder\n";
                return 2;
            }
            target.session = value;
        } else if (!optionsEnded && optionValue(args, i, "--map", value, missing)) {
            if (missing) {
                err << "pycast questions import: --map needs FIELD=COLUMN (e.g. text=C)\n";
                return 2;
            }
            Result<std::vector<ColumnChoice>> parsed = parseColumnChoices(value);
            if (!parsed) {
                err << "pycast questions import: " << parsed.error().message() << "\n";
                return 2;
            }
            choices.insert(choices.end(), parsed->begin(), parsed->end());
        } else if (!optionsEnded && a == "--write") {
            write = true;
        } else if (!optionsEnded && a.size() > 1 && a[0] == '-') {
            err << "pycast questions import: unknown option " << a << "\n" << kImportHelp;
            return 2;
        } else if (csvFile.empty()) {
            csvFile = a;
        } else {
            err << "pycast questions import: one CSV file at a time (got " << csvFile << " and "
                << a << ")\n";
            return 2;
        }
    }
    if (csvFile.empty()) {
        err << "pycast questions import: no CSV file given\n" << kImportHelp;
        return 2;
    }
    if (target.show.empty() == target.session.empty()) {
        err << "pycast questions import: "
            << (target.show.empty() ? "say where the questions go: --show SHOW.json or "
                                      "--session DIR"
                                    : "--show and --session together; pick one")
            << "\n";
        return 2;
    }
    QuestionImportOptions options;
    options.choices = std::move(choices);
    if (!target.show.empty()) return importIntoShow(csvFile, target.show, options, write, out, err);
    return importIntoSession(csvFile, target.session, std::move(options), write, out, err);
}

// The list's rows in each format ------------------------------------------------------------

std::string renderText(const QuestionQueue& queue, const std::vector<const LiveQuestion*>& rows,
                       const Show& show) {
    struct Line {
        std::string id, state, votes, topics, name, forName, text;
    };
    std::vector<Line> lines;
    lines.push_back({"ID", "STATE", "VOTES", "TOPICS", "NAME", "FOR", "QUESTION"});
    for (const LiveQuestion* q : rows)
        lines.push_back({q->id, toName(q->state), std::to_string(queue.votes(*q)),
                         q->topics.empty() ? "-" : oneLine(joined(q->topics), 30),
                         q->name.empty() ? "-" : oneLine(q->name, 20),
                         q->forPerson.empty() ? "-" : oneLine(personName(show, q->forPerson), 20),
                         oneLine(q->text, 60)});
    int w[6] = {0, 0, 0, 0, 0, 0};
    for (const Line& l : lines) {
        const std::string* cells[6] = {&l.id, &l.state, &l.votes, &l.topics, &l.name, &l.forName};
        for (int i = 0; i < 6; ++i) w[i] = std::max(w[i], displayWidth(*cells[i]) + 2);
    }
    std::string out;
    for (const Line& l : lines) {
        const int votePad = w[2] - 2 - displayWidth(l.votes);  // numbers right-aligned
        out += pad(l.id, w[0]) + pad(l.state, w[1]) +
               std::string(static_cast<size_t>(std::max(0, votePad)), ' ') + l.votes + "  " +
               pad(l.topics, w[3]) + pad(l.name, w[4]) + pad(l.forName, w[5]) + l.text + "\n";
    }
    if (rows.empty()) out += "(no questions)\n";
    return out;
}

std::string renderMarkdown(const QuestionQueue& queue, const std::vector<const LiveQuestion*>& rows,
                           const Show& show) {
    std::string md =
        "| ID | State | Votes | Topics | Asked by | For | Question |\n"
        "|---|---|---:|---|---|---|---|\n";
    for (const LiveQuestion* q : rows)
        md += "| " + markdownCell(q->id) + " | " + toName(q->state) + " | " +
              std::to_string(queue.votes(*q)) + " | " + markdownCell(joined(q->topics)) + " | " +
              markdownCell(q->name) + " | " + markdownCell(personName(show, q->forPerson)) + " | " +
              markdownCell(q->text) + " |\n";
    return md;
}

std::string renderCsv(const QuestionQueue& queue, const std::vector<const LiveQuestion*>& rows,
                      const Show& show) {
    CsvWriter csv(true);
    csv.row({"id", "state", "votes", "topics", "name", "for", "for_name", "text", "source",
             "submitted_ms", "answered_ms", "answered_segment", "merged_into"});
    for (const LiveQuestion* q : rows)
        csv.row({q->id, toName(q->state), std::to_string(queue.votes(*q)), joined(q->topics, "; "),
                 q->name, q->forPerson, personName(show, q->forPerson), q->text, toName(q->source),
                 std::to_string(q->submittedMs),
                 q->answeredMs ? std::to_string(*q->answeredMs) : std::string(),
                 q->answeredSegmentId, q->mergedInto});
    return csv.text();
}

int runList(const Args& args, std::ostream& out, std::ostream& err) {
    if (wantsHelp(args)) {
        out << kListHelp;
        return 0;
    }
    TargetArgs target;
    std::string format = "text";
    std::string stateText;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        std::string value;
        bool missing = false;
        if (optionValue(args, i, "--show", value, missing)) {
            if (missing) {
                err << "pycast questions list: --show needs a show file\n";
                return 2;
            }
            target.show = value;
        } else if (optionValue(args, i, "--session", value, missing)) {
            if (missing) {
                err << "pycast questions list: --session needs a session folder\n";
                return 2;
            }
            target.session = value;
        } else if (optionValue(args, i, "--format", value, missing)) {
            if (missing) {
                err << "pycast questions list: --format needs text, md, csv or json\n";
                return 2;
            }
            format = value;
        } else if (optionValue(args, i, "--state", value, missing)) {
            if (missing) {
                err << "pycast questions list: --state needs a state (pending, approved, "
                       "on-air, answered, dismissed or merged)\n";
                return 2;
            }
            stateText = value;
        } else {
            err << "pycast questions list: unexpected "
                << (a.size() > 1 && a[0] == '-' ? "option " : "argument ") << a << "\n"
                << kListHelp;
            return 2;
        }
    }
    if (target.show.empty() == target.session.empty()) {
        err << "pycast questions list: "
            << (target.show.empty() ? "say whose questions: --show SHOW.json or --session DIR"
                                    : "--show and --session together; pick one")
            << "\n";
        return 2;
    }
    if (format == "markdown") format = "md";
    if (format != "text" && format != "md" && format != "csv" && format != "json") {
        err << "pycast questions list: unknown format \"" << format
            << "\" (use text, md, csv or json)\n";
        return 2;
    }
    std::optional<QuestionState> state;
    if (!stateText.empty()) {
        std::string s = stateText;
        std::replace(s.begin(), s.end(), '_', '-');
        std::replace(s.begin(), s.end(), ' ', '-');
        state = questionStateFromString(s);
        if (!state) {
            err << "pycast questions list: unknown state \"" << stateText
                << "\" (use pending, approved, on-air, answered, dismissed or merged)\n";
            return 2;
        }
    }
    std::optional<LoadedTarget> loaded = loadTarget(target, "list", err);
    if (!loaded) return 1;
    const QuestionQueue& queue = loaded->queue;
    std::vector<const LiveQuestion*> rows;
    for (const LiveQuestion& q : queue.all())
        if (!state || q.state == *state) rows.push_back(&q);

    if (format == "json") {
        nlohmann::json j = moderationJson(queue, loaded->show);
        if (state) {
            nlohmann::json kept = nlohmann::json::array();
            for (auto& q : j["questions"])
                if (q["state"] == toName(*state)) kept.push_back(q);
            j["questions"] = std::move(kept);
        }
        out << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    } else if (format == "md") {
        out << renderMarkdown(queue, rows, loaded->show);
    } else if (format == "csv") {
        out << renderCsv(queue, rows, loaded->show);
    } else {
        out << renderText(queue, rows, loaded->show);
    }
    return 0;
}

}  // namespace

int runQuestions(const Args& args, std::ostream& out, std::ostream& err) {
    if (args.empty()) {
        err << "pycast questions: say import or list\n" << kQuestionsHelp;
        return 2;
    }
    const Args rest(args.begin() + 1, args.end());
    if (args[0] == "import") return runImport(rest, out, err);
    if (args[0] == "list") return runList(rest, out, err);
    if (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
        out << kQuestionsHelp;
        return 0;
    }
    err << "pycast questions: unknown subcommand \"" << args[0] << "\" (use import or list)\n"
        << kQuestionsHelp;
    return 2;
}

}  // namespace pycast::cli
