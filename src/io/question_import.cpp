// CSV → audience questions: header mapping (detected, chosen by hand), per-row checks, duplicates,
// and applying a clean preview to a show.
#include "io/question_import.hpp"

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>
#include <unordered_map>

#include "core/duration.hpp"
#include "core/question_queue.hpp"
#include "core/text.hpp"
#include "io/csv.hpp"

namespace pycast {
namespace {

// Header cells: folded, an annotation in brackets ("(選填)", "（可匿名）") and a trailing
// ":" / "?" (full-width too) removed, so Google Forms' question titles still match.
std::string headerKey(const std::string& cell) {
    std::string s = foldKey(cell);
    for (const char* open : {"(", "\xEF\xBC\x88"}) {  // ( （
        const size_t at = s.find(open);
        if (at != std::string::npos && at > 0) s = trimSpaces(s.substr(0, at));
    }
    for (bool again = true; again;) {
        again = false;
        for (const char* tail : {":", "\xEF\xBC\x9A", "?", "\xEF\xBC\x9F"}) {  // : ： ? ？
            const std::string t = tail;
            if (s.size() > t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0) {
                s = trimSpaces(s.substr(0, s.size() - t.size()));
                again = true;
            }
        }
    }
    return s;
}

const std::vector<std::string> kTextNames{
    "question", "questions", "your question", "question text", "text",
    "ask",      "問題",      "您的問題",      "你的問題",      "想問的問題",
    "提問",     "提問內容",  "問題內容",      "我的問題",      "題目"};
const std::vector<std::string> kNameNames{
    "name",     "your name", "asker",    "from",     "nickname", "asked by",
    "姓名",     "名字",      "暱稱",     "稱呼",     "提問者",   "提問人",
    "您的名字", "你的名字",  "您的姓名", "你的姓名", "您的暱稱", "你的暱稱"};
const std::vector<std::string> kTopicNames{"topic",    "topics",   "category", "tag",
                                           "tags",     "主題",     "類別",     "分類",
                                           "問題類別", "問題主題", "問題分類", "標籤"};
const std::vector<std::string> kForNames{
    "for",    "to",   "for whom", "addressed to", "guest",      "speaker", "提問對象", "對象",
    "想問誰", "問誰", "發問對象", "想問的講者",   "想問的來賓", "講者",    "來賓"};
const std::vector<std::string> kVoteNames{"votes",  "vote", "upvotes", "likes", "票數",
                                          "投票數", "得票", "得票數",  "按讚數"};
const std::vector<std::string> kTimestampNames{
    "timestamp", "time stamp", "submitted", "submitted at", "date",    "time",
    "時間戳記",  "時間",       "提交時間",  "填寫時間",     "填答時間"};
// Words a "for" cell holds when the question is for no one in particular.
const std::vector<std::string> kAnyoneWords{
    "anyone", "everyone", "all",    "any",  "none", "n/a", "-",      "不限",
    "不指定", "所有人",   "都可以", "大家", "皆可", "無",  "任何人", "全部"};

bool isOneOf(const std::string& key, const std::vector<std::string>& names) {
    for (const auto& n : names)
        if (key == n) return true;
    return false;
}

int findColumn(const std::vector<std::string>& keys, const std::vector<std::string>& names,
               const std::set<int>& taken) {
    for (size_t i = 0; i < keys.size(); ++i)
        if (!taken.count(static_cast<int>(i)) && isOneOf(keys[i], names))
            return static_cast<int>(i);
    return -1;
}

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

std::string joinNames(const std::vector<std::string>& names, const char* sep = ", ") {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : sep) + n;
    return out;
}

// ; ； 、 , ， / ／ and line breaks: how a form's checkbox answers ("職涯, 技術") and people
// list several things in one cell.
const std::vector<std::string> kListSeparators{
    ";", "\xEF\xBC\x9B", "\xE3\x80\x81", ",", "\xEF\xBC\x8C", "/", "\xEF\xBC\x8F", "\n"};

// The words of a label or name ("職涯 Career" → "職涯", "career") and its halves around the
// first and last space ("陳冠宇 Kuan-Yu Chen" → "陳冠宇", "kuan-yu chen").
std::set<std::string> partsOf(const std::string& text) {
    const std::string full = foldKey(text);
    std::set<std::string> parts;
    for (size_t at : {full.find(' '), full.rfind(' ')}) {
        if (at == std::string::npos) continue;
        parts.insert(full.substr(0, at));
        parts.insert(full.substr(at + 1));
    }
    std::istringstream words(full);
    for (std::string w; words >> w;) parts.insert(w);
    return parts;
}

// The indices of `labels` that `text` names: exactly, in any case and spacing, or by a part;
// the first level that names any wins.
std::vector<size_t> matchLabels(const std::vector<std::string>& labels, const std::string& text) {
    const std::string key = foldKey(text);
    if (key.empty()) return {};
    std::vector<size_t> found;
    for (size_t i = 0; i < labels.size(); ++i)
        if (labels[i] == text) found.push_back(i);
    if (!found.empty()) return found;
    for (size_t i = 0; i < labels.size(); ++i)
        if (foldKey(labels[i]) == key) found.push_back(i);
    if (!found.empty()) return found;
    for (size_t i = 0; i < labels.size(); ++i)
        if (partsOf(labels[i]).count(key)) found.push_back(i);
    return found;
}

// "A" → 0, "AA" → 26; nullopt for anything but 1–3 ASCII letters.
std::optional<int> columnFromLetters(const std::string& s) {
    if (s.empty() || s.size() > 3) return std::nullopt;
    int n = 0;
    for (char c : s) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (c < 'A' || c > 'Z') return std::nullopt;
        n = n * 26 + (c - 'A' + 1);
    }
    return n - 1;
}

std::string columnName(const std::vector<std::string>& headers, int column) {
    const std::string letter = "column " + columnLetter(column);
    if (column < 0 || static_cast<size_t>(column) >= headers.size() ||
        headers[static_cast<size_t>(column)].empty())
        return letter;
    return quoted(headers[static_cast<size_t>(column)]) + " (" + letter + ")";
}

std::string headerList(const std::vector<std::string>& headers) {
    std::vector<std::string> names;
    for (size_t i = 0; i < headers.size(); ++i)
        names.push_back(columnLetter(static_cast<int>(i)) + " " +
                        (headers[i].empty() ? std::string("(no name)") : quoted(headers[i])));
    return names.empty() ? std::string("no columns") : joinNames(names);
}

int& fieldOf(QuestionColumns& m, QuestionField f) {
    switch (f) {
        case QuestionField::Text:
            return m.text;
        case QuestionField::Name:
            return m.name;
        case QuestionField::Topic:
            return m.topic;
        case QuestionField::For:
            return m.forPerson;
        case QuestionField::Votes:
            return m.votes;
        case QuestionField::Timestamp:
            return m.timestamp;
    }
    return m.text;
}

int fieldOf(const QuestionColumns& m, QuestionField f) {
    QuestionColumns copy = m;
    return fieldOf(copy, f);
}

constexpr QuestionField kAllFields[] = {QuestionField::Text,  QuestionField::Name,
                                        QuestionField::Topic, QuestionField::For,
                                        QuestionField::Votes, QuestionField::Timestamp};

std::optional<QuestionField> fieldFromName(const std::string& raw) {
    const std::string n = lowerAscii(trimSpaces(raw));
    if (n == "text" || n == "question") return QuestionField::Text;
    if (n == "name" || n == "from") return QuestionField::Name;
    if (n == "topic" || n == "topics") return QuestionField::Topic;
    if (n == "for" || n == "person") return QuestionField::For;
    if (n == "votes" || n == "vote") return QuestionField::Votes;
    if (n == "timestamp" || n == "time") return QuestionField::Timestamp;
    return std::nullopt;
}

// The column a choice names: a header (as written, any case), a letter, a number, or none (-1).
std::optional<int> resolveColumn(const ColumnChoice& choice,
                                 const std::vector<std::string>& headers, std::string& error) {
    const std::string spec = trimSpaces(choice.column);
    const std::string what = std::string(toName(choice.field)) + "=" + spec;
    const std::string lower = lowerAscii(spec);
    if (lower == "none" || lower == "-") return -1;
    for (size_t i = 0; i < headers.size(); ++i)
        if (foldKey(headers[i]) == foldKey(spec)) return static_cast<int>(i);
    std::optional<int> column;
    int number = 0;
    const auto [end, ec] = std::from_chars(spec.data(), spec.data() + spec.size(), number);
    if (!spec.empty() && ec == std::errc() && end == spec.data() + spec.size())
        column = number - 1;
    else
        column = columnFromLetters(spec);
    if (!column) {
        error = "the column chosen for " + what + " is not in the file: no header is named " +
                quoted(spec) + ". The columns are " + headerList(headers) +
                "; name one by its header, letter (A, B, …) or number (1, 2, …), or none";
        return std::nullopt;
    }
    if (*column < 0 || static_cast<size_t>(*column) >= headers.size()) {
        error = "the column chosen for " + what + " is past the last column; the file has " +
                std::to_string(headers.size()) + " (" + headerList(headers) + ")";
        return std::nullopt;
    }
    return column;
}

// Everything needed while turning rows into questions.
struct RowReader {
    const Show& show;
    QuestionImportPreview& preview;
    std::vector<std::string> personLabels;  // each person's name, for matchLabels
    // Duplicate keys → "row 3" or "q-1a2b3c (already in the show)".
    std::unordered_map<std::string, std::string> seen;

    std::string topicList() const {
        std::vector<std::string> q;
        for (const auto& t : show.topics) q.push_back(quoted(t));
        return joinNames(q);
    }

    void readTopics(const std::string& cell, ImportedQuestion& out,
                    std::vector<std::string>& reasons) {
        if (cell.empty()) return;
        if (show.topics.empty()) {
            reasons.push_back("topic " + quoted(cell) +
                              ": the show has no topics; add them to the show's \"topics\" or "
                              "leave the topic column out (--map topic=none)");
            return;
        }
        std::vector<std::string> pieces{cell};
        if (matchLabels(show.topics, cell).size() != 1) pieces = splitOn(cell, kListSeparators);
        for (const auto& piece : pieces) {
            const std::vector<size_t> found = matchLabels(show.topics, piece);
            if (found.size() == 1) {
                const std::string& label = show.topics[found[0]];
                bool dup = false;
                for (const auto& t : out.topics) dup = dup || t == label;
                if (!dup) out.topics.push_back(label);
            } else if (found.empty()) {
                reasons.push_back("topic " + quoted(piece) + " is not one of the show's topics (" +
                                  topicList() + ")");
            } else {
                std::vector<std::string> names;
                for (size_t i : found) names.push_back(quoted(show.topics[i]));
                reasons.push_back("topic " + quoted(piece) + " could be any of " +
                                  joinNames(names) + "; write the whole topic");
            }
        }
    }

    std::vector<size_t> matchPerson(const std::string& text) const {
        for (size_t i = 0; i < show.people.size(); ++i)
            if (show.people[i].id == text) return {i};
        return matchLabels(personLabels, text);
    }

    void readPerson(const std::string& cell, ImportedQuestion& out,
                    std::vector<std::string>& reasons) {
        if (cell.empty() || isOneOf(foldKey(cell), kAnyoneWords)) return;
        const std::vector<size_t> found = matchPerson(cell);
        if (found.size() == 1) {
            out.forPerson = show.people[found[0]].id;
            return;
        }
        std::vector<std::string> names;
        if (found.size() > 1) {
            for (size_t i : found) names.push_back(show.people[i].name);
            reasons.push_back("\"for\" " + quoted(cell) + " could be any of " + joinNames(names) +
                              "; write the full name or the id");
            return;
        }
        // "陳冠宇、Alice": several people in one cell.
        std::set<size_t> people;
        for (const auto& piece : splitOn(cell, kListSeparators))
            if (const std::vector<size_t> one = matchPerson(piece); one.size() == 1)
                people.insert(one[0]);
        if (people.size() > 1) {
            reasons.push_back("\"for\" " + quoted(cell) + " names " +
                              std::to_string(people.size()) +
                              " people; a question is for one person (or for anyone: leave it "
                              "empty)");
            return;
        }
        for (const auto& p : show.people) names.push_back(p.name);
        reasons.push_back("\"for\" " + quoted(cell) + " is not one of the show's people (" +
                          (names.empty() ? std::string("the show has none") : joinNames(names)) +
                          "); write a name or id from the show, or leave it empty");
    }

    void readVotes(const std::string& cell, ImportedQuestion& out,
                   std::vector<std::string>& reasons) {
        const std::string v = trimSpaces(asciiDigits(cell));
        if (v.empty()) return;
        if (v.find_first_not_of("0123456789") != std::string::npos) {
            reasons.push_back("votes " + quoted(cell) +
                              " is not a whole number of 0 or more (write 0, 1, 2 …)");
            return;
        }
        int n = 0;
        const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
        if (ec != std::errc() || end != v.data() + v.size()) {
            reasons.push_back("votes " + quoted(cell) + " is more than " +
                              std::to_string(std::numeric_limits<int>::max()) + "; check the cell");
            return;
        }
        out.votes = n;
    }

    void read(const CsvRecord& rec) {
        if (isBlankCsvRecord(rec)) return;

        const QuestionColumns& m = preview.mapping;
        auto cell = [&](int column) { return csvCellAt(rec, column); };
        std::vector<std::string> reasons;
        ImportedQuestion q;
        q.row = rec.row;
        q.text = cell(m.text);
        if (auto problem = questionTextProblem(q.text)) reasons.push_back(*problem);
        q.name = cell(m.name);
        if (auto problem = askerNameProblem(q.name)) reasons.push_back(*problem);
        readTopics(cell(m.topic), q, reasons);
        readPerson(cell(m.forPerson), q, reasons);
        readVotes(cell(m.votes), q, reasons);
        q.submittedAt = stripControlCharacters(cell(m.timestamp), false);

        if (rec.fields.size() > preview.headers.size()) {
            bool extra = false;
            for (size_t i = preview.headers.size(); i < rec.fields.size(); ++i)
                if (!trimSpaces(rec.fields[i]).empty()) extra = true;
            if (extra) {
                const std::string delim =
                    preview.delimiter == '\t' ? "tab" : quoted(std::string(1, preview.delimiter));
                reasons.push_back("has " + std::to_string(rec.fields.size()) +
                                  " cells but the header has " +
                                  std::to_string(preview.headers.size()) +
                                  "; put a cell holding a " + delim + " in double quotes");
            }
        }
        if (!reasons.empty()) {
            preview.badRows.push_back(RowProblem{rec.row, std::move(reasons), rec.raw, {}});
            return;
        }
        const std::string key = foldKey(q.text);
        if (auto it = seen.find(key); it != seen.end())
            preview.warnings.push_back(
                {q.row, "the same question as " + it->second +
                            "; both are imported (merge them in the queue, or delete a row)"});
        else
            seen.emplace(key, "row " + std::to_string(q.row));
        preview.questions.push_back(std::move(q));
    }
};

std::string missingTextError(const std::vector<std::string>& headers) {
    return "no question column: the header has " + headerList(headers) +
           ". Name the question's column Question or 問題, or pick it by hand "
           "(pycast questions import --map text=C)";
}

QuestionImportPreview previewOrThrow(const Show& show, const std::string& csvBytes,
                                     const QuestionImportOptions& options) {
    QuestionImportPreview preview;
    Result<CsvTable> csv = parseCsv(csvBytes);
    if (!csv.ok()) {
        preview.fileError = csv.error().message();
        return preview;
    }
    const CsvTable& table = *csv;
    preview.delimiter = table.delimiter;
    for (const auto& h : table.header.fields) preview.headers.push_back(trimSpaces(h));
    QuestionColumns m = options.mapping ? *options.mapping : detectQuestionColumns(preview.headers);
    std::set<QuestionField> chosen;
    for (const ColumnChoice& choice : options.choices) {
        std::string error;
        const std::optional<int> column = resolveColumn(choice, preview.headers, error);
        if (!column) {
            preview.fileError = error;
            return preview;
        }
        for (QuestionField other : kAllFields) {
            if (other == choice.field || *column < 0 || fieldOf(m, other) != *column) continue;
            if (chosen.count(other)) {
                preview.fileError = columnName(preview.headers, *column) + " is chosen for both " +
                                    toName(other) + " and " + toName(choice.field) +
                                    "; a column feeds one field";
                return preview;
            }
            fieldOf(m, other) = -1;  // detected there; the choice by hand wins
        }
        fieldOf(m, choice.field) = *column;
        chosen.insert(choice.field);
    }
    preview.mapping = m;

    const int columns = static_cast<int>(preview.headers.size());
    for (QuestionField f : kAllFields)
        if (const int c = fieldOf(m, f); c < -1 || c >= columns) {
            preview.fileError = std::string(toName(f)) + " is mapped to column " +
                                std::to_string(c + 1) + " but the header has only " +
                                std::to_string(columns) + " columns";
            return preview;
        }
    if (m.text < 0) {
        preview.fileError = missingTextError(preview.headers);
        return preview;
    }

    RowReader reader{show, preview, {}, {}};
    for (const Person& p : show.people) reader.personLabels.push_back(p.name);
    for (const Question& q : show.questions)
        reader.seen.emplace(foldKey(q.text), q.id + " (already in the show)");
    for (const auto& [id, text] : options.existing)
        reader.seen.emplace(foldKey(text), id + " (already in the session)");
    for (const auto& rec : table.records) reader.read(rec);
    return preview;
}

}  // namespace

const char* toName(QuestionField f) {
    switch (f) {
        case QuestionField::Text:
            return "text";
        case QuestionField::Name:
            return "name";
        case QuestionField::Topic:
            return "topic";
        case QuestionField::For:
            return "for";
        case QuestionField::Votes:
            return "votes";
        case QuestionField::Timestamp:
            return "timestamp";
    }
    return "";
}

std::string columnLetter(int column) {
    if (column < 0) return "?";
    std::string out;
    for (int n = column + 1; n > 0; n = (n - 1) / 26)
        out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
    return out;
}

Result<std::vector<ColumnChoice>> parseColumnChoices(const std::string& spec) {
    std::vector<ColumnChoice> out;
    for (const std::string& piece : splitOn(spec, {","})) {
        const size_t eq = piece.find('=');
        if (eq == std::string::npos || trimSpaces(piece.substr(eq + 1)).empty())
            return Error{quoted(piece) + " is not FIELD=COLUMN", "--map",
                         "write e.g. text=C,name=姓名 (fields: text, name, topic, for, votes, "
                         "timestamp; columns by header, letter or number, or none)"};
        const auto field = fieldFromName(piece.substr(0, eq));
        if (!field)
            return Error{quoted(trimSpaces(piece.substr(0, eq))) + " is not a field of a question",
                         "--map", "use text, name, topic, for, votes or timestamp"};
        out.push_back({*field, trimSpaces(piece.substr(eq + 1))});
    }
    if (out.empty()) return Error{"no column chosen", "--map", "write e.g. --map text=C,name=B"};
    return out;
}

QuestionColumns detectQuestionColumns(const std::vector<std::string>& headers) {
    std::vector<std::string> keys;
    for (const auto& h : headers) keys.push_back(headerKey(h));
    QuestionColumns m;
    std::set<int> taken;
    auto find = [&](int& field, const std::vector<std::string>& names) {
        field = findColumn(keys, names, taken);
        if (field >= 0) taken.insert(field);
    };
    find(m.text, kTextNames);
    find(m.name, kNameNames);
    find(m.topic, kTopicNames);
    find(m.forPerson, kForNames);
    find(m.votes, kVoteNames);
    find(m.timestamp, kTimestampNames);
    if (m.text < 0) {
        // A form's question title: "你想問講者什麼問題？", "Your question for the panel".
        for (size_t i = 0; i < keys.size() && m.text < 0; ++i)
            if (!taken.count(static_cast<int>(i)) &&
                (keys[i].find("question") != std::string::npos ||
                 keys[i].find("問題") != std::string::npos))
                m.text = static_cast<int>(i);
    }
    return m;
}

QuestionImportPreview previewQuestionImport(const Show& show, const std::string& csvBytes,
                                            const QuestionImportOptions& options) {
    try {
        return previewOrThrow(show, csvBytes, options);
    } catch (const std::exception& e) {
        // Every cell is checked before it is converted; still, a file never takes the program down.
        QuestionImportPreview preview;
        preview.fileError = std::string("could not be read: ") + e.what();
        return preview;
    }
}

QuestionImportPreview previewQuestionImportFile(const Show& show, const std::filesystem::path& file,
                                                const QuestionImportOptions& options) {
    QuestionImportPreview preview;
    if (std::error_code ec; std::filesystem::is_directory(file, ec)) {
        preview.fileError =
            file.string() + " is a folder, not a CSV file; pick the .csv file in it";
        return preview;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        preview.fileError = "cannot open " + file.string() + ": " + std::strerror(errno);
        return preview;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    if (in.bad()) {
        preview.fileError = "cannot read " + file.string() + ": " + std::strerror(errno);
        return preview;
    }
    return previewQuestionImport(show, ss.str(), options);
}

std::vector<std::string> applyQuestionImport(Show& show, const QuestionImportPreview& preview) {
    std::vector<std::string> ids;
    if (!preview.canApply()) return ids;
    IdSpace space(show);
    show.questions.reserve(show.questions.size() + preview.questions.size());
    for (const ImportedQuestion& in : preview.questions) {
        Question q;
        q.id = space.fresh("q");
        q.text = in.text;
        q.from = in.name;
        if (!in.forPerson.empty()) q.forPeople = {in.forPerson};
        q.votes = in.votes;
        q.topics = in.topics;
        if (!in.submittedAt.empty()) q.extra["submitted_at"] = in.submittedAt;
        ids.push_back(q.id);
        show.questions.push_back(std::move(q));
    }
    return ids;
}

std::string describeQuestionMapping(const QuestionColumns& m,
                                    const std::vector<std::string>& headers) {
    std::string out;
    for (QuestionField f : kAllFields) {
        const int c = fieldOf(m, f);
        out += (out.empty() ? "" : ", ") + std::string(toName(f)) + " <- " +
               (c < 0 ? std::string("(none)") : columnName(headers, c));
    }
    std::vector<std::string> ignored;
    for (size_t i = 0; i < headers.size(); ++i) {
        bool used = false;
        for (QuestionField f : kAllFields) used = used || fieldOf(m, f) == static_cast<int>(i);
        if (!used) ignored.push_back(columnName(headers, static_cast<int>(i)));
    }
    if (!ignored.empty()) out += "; not imported: " + joinNames(ignored);
    return out;
}

}  // namespace pycast
