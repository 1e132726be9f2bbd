// CSV → segments: header mapping, kind/length/speaker parsing per row, and applying a clean preview.
#include "io/csv_import.hpp"

#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

#include "io/csv.hpp"
#include "core/duration.hpp"
#include "core/text.hpp"

namespace pycast {
namespace {

const char* const kFullWidthSpace = "\xE3\x80\x80";

// Header cells: case folded, a trailing "(mm:ss)" / "（分鐘）" / ":" annotation removed.
std::string headerKey(const std::string& cell) {
    std::string s = foldKey(cell);
    for (const char* open : {"(", "\xEF\xBC\x88"}) {   // ( and （
        size_t at = s.find(open);
        if (at != std::string::npos && at > 0) s = trimSpaces(s.substr(0, at));
    }
    for (const char* colon : {":", "\xEF\xBC\x9A"}) {  // : and ：
        const std::string c = colon;
        if (s.size() > c.size() && s.compare(s.size() - c.size(), c.size(), c) == 0)
            s = trimSpaces(s.substr(0, s.size() - c.size()));
    }
    return s;
}

const std::vector<std::string> kTitleNames{"title", "segment", "segment title", "topic",
                                           "標題", "段落", "單元", "題目", "主題", "段落名稱", "單元名稱"};
const std::vector<std::string> kKindNames{"kind", "type", "category", "segment kind", "segment type",
                                          "類型", "種類", "類別", "形式"};
const std::vector<std::string> kDurationNames{"duration", "planned", "length", "minutes", "mins", "min",
                                              "planned length", "時長", "長度", "分鐘", "預計時長", "時間長度"};
// A "time" column holds a length in a producer's sheet but a time of day in our own export,
// which also has "duration"; so these count only when no column above is present.
const std::vector<std::string> kDurationFallbackNames{"time", "時間"};
const std::vector<std::string> kSpeakerNames{"speakers", "speaker", "people", "hosts", "講者", "來賓",
                                             "主講", "主講人", "與談人", "講者們"};
const std::vector<std::string> kFixedStartNames{"fixed_start", "fixed start", "fixed", "pinned", "pinned start",
                                                "固定開始", "固定時間", "固定開始時間"};
const std::vector<std::string> kNoteNames{"notes", "note", "comment", "comments", "remarks",
                                          "備註", "說明", "附註"};

bool isOneOf(const std::string& key, const std::vector<std::string>& names) {
    for (const auto& n : names)
        if (key == n) return true;
    return false;
}

int findColumn(const std::vector<std::string>& keys, const std::vector<std::string>& names) {
    for (size_t i = 0; i < keys.size(); ++i)
        if (isOneOf(keys[i], names)) return static_cast<int>(i);
    return -1;
}

std::string joinNames(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

// Kind aliases compared with case, spaces, '-' and '_' ignored.
std::string kindKey(const std::string& s) {
    std::string out;
    for (char c : lowerAscii(replaceAll(trimSpaces(s), kFullWidthSpace, "")))
        if (c != ' ' && c != '-' && c != '_') out += c;
    return out;
}

const std::vector<std::pair<SegmentKind, std::vector<std::string>>>& kindAliases() {
    static const std::vector<std::pair<SegmentKind, std::vector<std::string>>> table{
        {SegmentKind::Intro, {"intro", "introduction", "opening", "開場", "開場白", "開頭"}},
        {SegmentKind::GuestIntro, {"guestintro", "guestintroduction", "來賓介紹", "來賓自我介紹", "講者介紹"}},
        {SegmentKind::Tech, {"tech", "technical", "technology", "techtalk", "技術", "技術分享", "技術深談"}},
        {SegmentKind::Experience, {"experience", "sharing", "story", "career", "經驗", "分享", "經驗分享", "職涯"}},
        {SegmentKind::Jobs, {"jobs", "job", "hiring", "recruiting", "徵才", "招募", "徵才時間"}},
        {SegmentKind::Lightning, {"lightning", "lightningtalk", "lt", "閃電講", "閃電秀", "閃電演講"}},
        {SegmentKind::Panel, {"panel", "paneldiscussion", "座談", "座談會", "與談"}},
        {SegmentKind::Qa, {"qa", "q&a", "q＆a", "ama", "問答", "觀眾問答", "現場問答"}},
        {SegmentKind::Sponsor, {"sponsor", "sponsors", "贊助", "贊助商", "贊助商致謝"}},
        {SegmentKind::Break, {"break", "intermission", "休息", "中場休息"}},
        {SegmentKind::Outro, {"outro", "closing", "ending", "結尾", "結語", "結束"}},
    };
    return table;
}

enum class LengthError { None, Empty, Negative, NotALength, SecondsOutOfRange, TooLong };
struct LengthParse {
    Seconds seconds = 0;
    LengthError error = LengthError::None;
};

// A unit word after a number: seconds it stands for, 0 when not a unit.
Seconds unitSeconds(const std::string& unit) {
    static const std::map<std::string, Seconds> units{
        {"h", 3600},  {"hr", 3600},   {"hrs", 3600},   {"hour", 3600},    {"hours", 3600},  {"小時", 3600},
        {"m", 60},    {"min", 60},    {"mins", 60},    {"minute", 60},    {"minutes", 60},  {"分", 60},
        {"分鐘", 60}, {"分钟", 60},   {"s", 1},        {"sec", 1},        {"secs", 1},      {"second", 1},
        {"seconds", 1}, {"秒", 1},    {"秒鐘", 1}};
    auto it = units.find(unit);
    return it == units.end() ? 0 : it->second;
}

// `decimalComma`: "2,5" is 2.5, as a spreadsheet in a comma-decimal locale (one that writes
// ';'-separated CSV) types it.
LengthParse parseLength(const std::string& raw, bool decimalComma) {
    LengthParse r;
    std::string text = lowerAscii(trimSpaces(asciiDigits(raw)));
    if (decimalComma) text = replaceAll(text, ",", ".");
    if (text.empty()) {
        r.error = LengthError::Empty;
        return r;
    }
    if (text.find(':') != std::string::npos) {
        DurationParse d = parseDuration(text);
        if (d.ok()) r.seconds = d.seconds;
        else if (d.error == DurationError::Negative) r.error = LengthError::Negative;
        else if (d.error == DurationError::SecondsOutOfRange) r.error = LengthError::SecondsOutOfRange;
        else if (d.error == DurationError::TooLong) r.error = LengthError::TooLong;
        else r.error = LengthError::NotALength;
        return r;
    }
    // "5", "2.5", "5 min", "5分鐘", "1h 30m", "5分30秒": numbers each followed by an optional unit.
    size_t i = 0;
    bool negative = false;
    if (text[0] == '-') {
        negative = true;
        i = 1;
    }
    double total = 0;
    int parts = 0;
    bool bareNumber = false;   // a number without a unit means minutes, and only on its own
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ') ++i;
        if (i >= text.size()) break;
        size_t start = i;
        int digits = 0;
        while (i < text.size() && ((text[i] >= '0' && text[i] <= '9') || text[i] == '.')) {
            if (text[i] != '.') ++digits;
            ++i;
        }
        const std::string number = text.substr(start, i - start);
        if (digits == 0 || digits > 7 || number.find('.') != number.rfind('.')) {
            r.error = LengthError::NotALength;
            return r;
        }
        while (i < text.size() && text[i] == ' ') ++i;
        size_t unitStart = i;
        while (i < text.size() && text[i] != ' ' && !(text[i] >= '0' && text[i] <= '9')) ++i;
        const std::string unit = text.substr(unitStart, i - unitStart);
        const Seconds per = unit.empty() ? 60 : unitSeconds(unit);
        if (unit.empty()) bareNumber = true;
        if (per == 0 || (bareNumber && parts > 0)) {
            r.error = LengthError::NotALength;
            return r;
        }
        total += std::stod(number) * static_cast<double>(per);
        ++parts;
    }
    if (parts == 0) {
        r.error = LengthError::NotALength;
        return r;
    }
    if (total > static_cast<double>(kMaxDurationSeconds)) {
        r.error = LengthError::TooLong;   // "9999999h" would save a file that cannot be opened
        return r;
    }
    r.seconds = static_cast<Seconds>(std::llround(total));
    if (negative && r.seconds != 0) r.error = LengthError::Negative;
    return r;
}

// Matches speaker names to people: id, exact name, name in any case, then part of a name
// ("陳冠宇" or "Kuan-Yu Chen" for "陳冠宇 Kuan-Yu Chen"). Indexed, so a match costs the same
// whether the show has five people or an import has added twenty thousand.
class PersonIndex {
public:
    explicit PersonIndex(const std::vector<Person>& people) {
        for (const auto& p : people) add(p);
    }

    const std::vector<Person>& people() const { return m_people; }
    size_t size() const { return m_people.size(); }

    void add(const Person& p) {
        const size_t i = m_people.size();
        m_people.push_back(p);
        std::vector<std::pair<int, std::string>> keys{{0, p.id}, {1, p.name}, {2, foldKey(p.name)}};
        const std::string full = foldKey(p.name);
        std::set<std::string> parts;
        for (size_t at : {full.find(' '), full.rfind(' ')}) {
            if (at == std::string::npos) continue;
            parts.insert(full.substr(0, at));
            parts.insert(full.substr(at + 1));
        }
        for (const auto& part : parts) keys.emplace_back(3, part);
        for (const auto& [level, key] : keys) m_index[static_cast<size_t>(level)][key].push_back(i);
        m_keys.push_back(std::move(keys));
    }

    // Drops the people added after the first `n` (the new guests of a row that turned out bad).
    void truncate(size_t n) {
        while (m_people.size() > n) {
            for (const auto& [level, key] : m_keys.back()) {
                auto& map = m_index[static_cast<size_t>(level)];
                auto it = map.find(key);
                it->second.pop_back();
                if (it->second.empty()) map.erase(it);
            }
            m_keys.pop_back();
            m_people.pop_back();
        }
    }

    // Indices of the people the text names at the best level that names anyone.
    std::vector<size_t> match(const std::string& text) const {
        const std::string name = trimSpaces(text);
        const std::string key = foldKey(name);
        if (key.empty()) return {};
        const std::string* lookFor[4] = {&name, &name, &key, &key};
        for (size_t level = 0; level < 4; ++level) {
            auto it = m_index[level].find(*lookFor[level]);
            if (it != m_index[level].end()) return it->second;
        }
        return {};
    }

private:
    std::vector<Person> m_people;
    std::vector<std::vector<std::pair<int, std::string>>> m_keys;   // what each person is indexed under
    std::unordered_map<std::string, std::vector<size_t>> m_index[4];
};

const std::vector<std::string> kMainSeparators{";", "\xEF\xBC\x9B"};   // ; ；
const std::vector<std::string> kOtherSeparators{"\xE3\x80\x81", "/", "\xEF\xBC\x8F", ",",
                                                "\xEF\xBC\x8C"};       // 、 / ／ , ，

std::string kindList() {
    std::string out;
    for (SegmentKind k : allSegmentKinds()) out += (out.empty() ? "" : ", ") + std::string(toName(k));
    return out;
}

// Everything needed while turning rows into segments; people and ids grow as rows are read.
struct RowReader {
    const ImportOptions& options;
    ImportPreview& preview;
    IdSpace ids;                     // the show's ids plus the ones handed out so far
    PersonIndex people;              // the show's people, then the new guests
    size_t showPeople = 0;           // how many of `people` are the show's own

    void addSpeaker(const std::string& name, std::vector<std::string>& speakerIds, std::vector<std::string>& reasons,
                    std::vector<std::string>& unknown) {
        std::vector<size_t> found = people.match(name);
        if (found.size() > 1) {
            std::vector<std::string> names;
            for (size_t i : found) names.push_back(people.people()[i].name);
            reasons.push_back("speaker " + quoted(name) + " could be any of " + joinNames(names) +
                              "; write the full name or the id");
            return;
        }
        std::string id;
        if (found.size() == 1) {
            id = people.people()[found[0]].id;
        } else if (options.addUnknownPeople) {
            Person p;
            p.id = ids.fresh("p");
            p.name = name;
            p.role = Role::Guest;
            people.add(p);
            id = p.id;
        } else {
            reasons.push_back("speaker " + quoted(name) + " is not in the show's people");
            unknown.push_back(name);
            return;
        }
        for (const auto& existing : speakerIds)
            if (existing == id) return;
        speakerIds.push_back(id);
    }

    std::vector<std::string> speakers(const std::string& cell, std::vector<std::string>& reasons,
                                      std::vector<std::string>& unknown) {
        std::vector<std::string> speakerIds;
        for (const auto& piece : splitOn(cell, kMainSeparators)) {
            // A whole piece that names someone wins, so "Liu, Daniel"-style names survive.
            std::vector<std::string> names = splitOn(piece, kOtherSeparators);
            if (names.size() > 1 && people.match(piece).size() == 1) names = {piece};
            for (const auto& name : names) addSpeaker(name, speakerIds, reasons, unknown);
        }
        return speakerIds;
    }

    void read(const CsvRecord& rec) {
        if (isBlankCsvRecord(rec)) return;

        const ColumnMapping& m = preview.mapping;
        auto cell = [&](int column) { return csvCellAt(rec, column); };
        std::vector<std::string> reasons;
        Segment s;
        s.title = cell(m.title);
        if (s.title.empty()) reasons.push_back("title is empty");

        const std::string kind = cell(m.kind);
        if (!kind.empty()) {
            if (auto k = segmentKindFromAlias(kind)) s.kind = *k;
            else reasons.push_back("kind " + quoted(kind) + " is not a segment kind (use " + kindList() +
                                   ", or a Chinese name such as 技術 or 問答)");
        }

        const std::string length = cell(m.duration);
        LengthParse d = parseLength(length, preview.delimiter != ',');
        switch (d.error) {
            case LengthError::None: s.planned = d.seconds; break;
            case LengthError::Empty: reasons.push_back("duration is empty (use mm:ss or minutes)"); break;
            case LengthError::Negative:
                reasons.push_back("duration " + quoted(length) + " is negative; a length must be zero or more");
                break;
            case LengthError::SecondsOutOfRange:
                reasons.push_back("duration " + quoted(length) + " has seconds or minutes above 59 (use mm:ss)");
                break;
            case LengthError::NotALength:
                reasons.push_back("duration " + quoted(length) + " is not a length (use mm:ss or minutes)");
                break;
            case LengthError::TooLong:
                reasons.push_back("duration " + quoted(length) + " is longer than " +
                                  formatDuration(kMaxDurationSeconds) + "; check the cell");
                break;
        }

        if (const std::string fixed = cell(m.fixedStart); !fixed.empty()) {
            if (auto t = parseTimeOfDay(asciiDigits(fixed))) s.fixedStart = *t;
            else reasons.push_back("fixed start " + quoted(fixed) + " is not a time of day (use HH:MM, 24-hour)");
        }

        const size_t peopleBefore = people.size();
        std::vector<std::string> unknown;
        s.speakers = speakers(cell(m.speakers), reasons, unknown);
        s.notes = cell(m.notes);

        if (rec.fields.size() > preview.headers.size()) {
            bool extra = false;
            for (size_t i = preview.headers.size(); i < rec.fields.size(); ++i)
                if (!trimSpaces(rec.fields[i]).empty()) extra = true;
            if (extra) {
                const std::string delim = preview.delimiter == '\t' ? "tab" : quoted(std::string(1, preview.delimiter));
                reasons.push_back("has " + std::to_string(rec.fields.size()) + " cells but the header has " +
                                  std::to_string(preview.headers.size()) + "; put a cell holding a " + delim +
                                  " in double quotes");
            }
        }

        if (!reasons.empty()) {
            people.truncate(peopleBefore);   // the row's new guests go with it (their ids stay used)
            preview.badRows.push_back(RowProblem{rec.row, std::move(reasons), rec.raw, std::move(unknown)});
            return;
        }
        s.id = ids.fresh("s");
        for (size_t i = peopleBefore; i < people.size(); ++i) preview.newPeople.push_back(people.people()[i]);
        preview.segments.push_back(std::move(s));
        preview.segmentRows.push_back(rec.row);
    }
};

std::string mappingError(const ColumnMapping& m, const std::vector<std::string>& headers) {
    std::vector<std::string> missing;
    if (m.title < 0) missing.push_back("a title column (title, segment, 標題, 段落 or 單元)");
    if (m.duration < 0) missing.push_back("a duration column (duration, planned, length, 時長, 長度 or 時間)");
    std::vector<std::string> found;
    for (const auto& h : headers) found.push_back(quoted(h));
    std::string text = "missing ";
    for (size_t i = 0; i < missing.size(); ++i) text += (i ? " and " : "") + missing[i];
    return text + "; the header has " + (found.empty() ? std::string("no names") : joinNames(found)) +
           ". Rename the columns, or pick them by hand";
}

}  // namespace

ColumnMapping detectColumns(const std::vector<std::string>& headers) {
    std::vector<std::string> keys;
    for (const auto& h : headers) keys.push_back(headerKey(h));
    ColumnMapping m;
    m.title = findColumn(keys, kTitleNames);
    m.kind = findColumn(keys, kKindNames);
    m.duration = findColumn(keys, kDurationNames);
    if (m.duration < 0) m.duration = findColumn(keys, kDurationFallbackNames);
    m.speakers = findColumn(keys, kSpeakerNames);
    m.notes = findColumn(keys, kNoteNames);
    m.fixedStart = findColumn(keys, kFixedStartNames);
    return m;
}

std::optional<SegmentKind> segmentKindFromAlias(const std::string& text) {
    const std::string key = kindKey(text);
    if (key.empty()) return std::nullopt;
    for (const auto& [kind, names] : kindAliases())
        for (const auto& n : names)
            if (key == kindKey(n)) return kind;
    return std::nullopt;
}

std::optional<Seconds> parsePlannedLength(const std::string& text, bool decimalComma) {
    LengthParse r = parseLength(text, decimalComma);
    if (r.error != LengthError::None) return std::nullopt;
    return r.seconds;
}

namespace {

ImportPreview previewOrThrow(const Show& show, const std::string& csvBytes, const ImportOptions& options) {
    ImportPreview preview;
    Result<CsvTable> csv = parseCsv(csvBytes);
    if (!csv.ok()) {
        preview.fileError = csv.error().message();
        return preview;
    }
    const CsvTable& table = *csv;
    preview.delimiter = table.delimiter;
    for (const auto& h : table.header.fields) preview.headers.push_back(trimSpaces(h));
    preview.mapping = options.mapping ? *options.mapping : detectColumns(preview.headers);

    const int columns = static_cast<int>(preview.headers.size());
    const ColumnMapping& m = preview.mapping;
    for (int column : {m.title, m.kind, m.duration, m.speakers, m.notes, m.fixedStart})
        if (column < -1 || column >= columns) {
            preview.fileError = "column " + std::to_string(column + 1) + " is mapped but the header has only " +
                                std::to_string(columns) + " columns";
            return preview;
        }
    if (m.title < 0 || m.duration < 0) {
        preview.fileError = mappingError(m, preview.headers);
        return preview;
    }

    RowReader reader{options, preview, IdSpace(show), PersonIndex(show.people), show.people.size()};
    for (const auto& rec : table.records) reader.read(rec);
    return preview;
}

}  // namespace

ImportPreview previewCsvImport(const Show& show, const std::string& csvBytes, const ImportOptions& options) {
    try {
        return previewOrThrow(show, csvBytes, options);
    } catch (const std::exception& e) {
        // Every cell is checked before it is converted; still, a file never takes the program down.
        ImportPreview preview;
        preview.fileError = std::string("could not be read: ") + e.what();
        return preview;
    }
}

ImportPreview previewCsvImportFile(const Show& show, const std::filesystem::path& file,
                                   const ImportOptions& options) {
    // A folder opens as an ifstream on Linux and reads as empty: say what it really is.
    if (std::error_code ec; std::filesystem::is_directory(file, ec)) {
        ImportPreview preview;
        preview.fileError = file.string() + " is a folder, not a CSV file; pick the .csv file in it";
        return preview;
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        ImportPreview preview;
        preview.fileError = "cannot open " + file.string() + ": " + std::strerror(errno);
        return preview;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    if (in.bad()) {
        ImportPreview preview;
        preview.fileError = "cannot read " + file.string() + ": " + std::strerror(errno);
        return preview;
    }
    return previewCsvImport(show, ss.str(), options);
}

ImportApplied applyImport(Show& show, const ImportPreview& preview, int insertAt) {
    ImportApplied applied;
    if (!preview.canApply()) return applied;
    IdSpace used(show);
    auto unique = [&used](const std::string& id) {
        std::string out = id;
        for (int n = 2; used.taken(out); ++n) out = id + "-" + std::to_string(n);
        used.take(out);
        return out;
    };

    std::unordered_map<std::string, std::string> personIds;   // preview id → id in the show
    for (const auto& p : preview.newPeople) personIds[p.id] = unique(p.id);
    std::vector<Segment> segments = preview.segments;
    show.people.reserve(show.people.size() + preview.newPeople.size());
    for (auto& s : segments) {
        s.id = unique(s.id);
        for (auto& speaker : s.speakers) {
            auto it = personIds.find(speaker);
            if (it != personIds.end()) speaker = it->second;
        }
        applied.segmentIds.push_back(s.id);
    }
    for (Person p : preview.newPeople) {
        p.id = personIds[p.id];
        applied.personIds.push_back(p.id);
        show.people.push_back(std::move(p));
    }
    const auto size = static_cast<int>(show.rundown.size());
    applied.at = insertAt < 0 || insertAt > size ? size : insertAt;
    show.rundown.insert(show.rundown.begin() + applied.at, segments.begin(), segments.end());
    return applied;
}

std::string formatRowProblem(const RowProblem& p) {
    std::string out = "row " + std::to_string(p.row) + ": ";
    for (size_t i = 0; i < p.reasons.size(); ++i) out += (i ? "; " : "") + p.reasons[i];
    return out;
}

std::string describeMapping(const ColumnMapping& m, const std::vector<std::string>& headers) {
    auto one = [&headers](const char* field, int column, const char* none) {
        std::string out = std::string(field) + " <- ";
        if (column < 0 || static_cast<size_t>(column) >= headers.size()) return out + none;
        return out + quoted(headers[static_cast<size_t>(column)]) + " (column " + std::to_string(column + 1) + ")";
    };
    std::string out = one("title", m.title, "(none)") + ", " + one("kind", m.kind, "(none: experience)") + ", " +
                      one("duration", m.duration, "(none)") + ", " + one("speakers", m.speakers, "(none)") + ", " +
                      one("notes", m.notes, "(none)");
    if (m.fixedStart >= 0) out += ", " + one("fixed start", m.fixedStart, "(none)");
    std::vector<std::string> ignored;
    for (size_t i = 0; i < headers.size(); ++i) {
        const int c = static_cast<int>(i);
        if (c != m.title && c != m.kind && c != m.duration && c != m.speakers && c != m.notes && c != m.fixedStart)
            ignored.push_back(headers[i].empty() ? "(column " + std::to_string(c + 1) + ")" : quoted(headers[i]));
    }
    if (!ignored.empty()) out += "; ignored: " + joinNames(ignored);
    return out;
}

}  // namespace pycast
