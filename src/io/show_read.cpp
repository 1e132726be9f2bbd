// Show files in: strict JSON, each field read at its JSON path, every problem once, in order.
#include "io/show_read.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <limits>
#include <map>
#include <set>
#include <sstream>

#include "core/duration.hpp"
#include "io/show_validate.hpp"

namespace pycast {

using nlohmann::json;

namespace {

const char* typeName(const json& v) {
    switch (v.type()) {
        case json::value_t::null:
            return "null";
        case json::value_t::boolean:
            return "true/false";
        case json::value_t::string:
            return "text";
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
        case json::value_t::number_float:
            return "a number";
        case json::value_t::array:
            return "a list";
        case json::value_t::object:
            return "an object";
        default:
            return "something else";
    }
}

// The value as JSON writes it (control characters escaped, so a NUL prints as \u0000).
std::string quoted(const json& v) { return v.dump(-1, ' ', false, json::error_handler_t::replace); }

template <typename E>
std::string choices(const std::vector<E>& all) {
    std::string out;
    for (const auto& e : all) {
        if (!out.empty()) out += ", ";
        out += toName(e);
    }
    return out;
}

// Reads one JSON object's fields, records a problem per bad field, and keeps unknown keys.
class ObjectReader {
public:
    ObjectReader(const json& obj, std::string path, std::vector<Problem>& problems)
        : m_obj(obj), m_path(std::move(path)), m_problems(problems) {}

    std::string pathOf(const std::string& key) const { return m_path + "/" + key; }
    // One message per place: a value the strict reader already refused (a number too large to
    // keep, say) is not reported again for what it was read as.
    void problem(const std::string& key, const std::string& message) {
        const std::string path = pathOf(key);
        for (const Problem& p : m_problems)
            if (p.path == path) return;
        m_problems.push_back({path, message, 0, 0});
    }

    // The field, or nullptr when it is absent or null (an optional field may be written null).
    const json* field(const std::string& key) {
        m_known.insert(key);
        auto it = m_obj.find(key);
        if (it == m_obj.end() || it->is_null()) return nullptr;
        return &*it;
    }
    bool isNull(const std::string& key) const {
        auto it = m_obj.find(key);
        return it != m_obj.end() && it->is_null();
    }
    // A required field that is absent, or written as null: "missing; add X" / "is null; write X
    // instead".
    void missing(const std::string& key, const std::string& what) {
        problem(key, isNull(key) ? "is null; write " + what + " instead" : "missing; add " + what);
    }

    std::string text(const std::string& key, bool required, const std::string& what) {
        const json* v = field(key);
        if (!v) {
            if (required) missing(key, what);
            return {};
        }
        if (!v->is_string()) {
            problem(key, std::string("expected text, found ") + typeName(*v));
            return {};
        }
        std::string s = v->get<std::string>();
        if (s.find('\0') != std::string::npos) {
            // Every C string, terminal and most widgets would cut the text short here.
            problem(key, quoted(*v) + " holds a NUL character (\\u0000); remove it");
            return {};
        }
        return s;
    }

    // A whole number that must fit [lo, hi]; refused rather than narrowed.
    std::optional<std::int64_t> integer(const std::string& key, std::int64_t lo, std::int64_t hi,
                                        const std::string& what) {
        const json* v = field(key);
        if (!v) return std::nullopt;
        if (!v->is_number_integer()) {
            problem(key, std::string("expected a whole number, found ") + typeName(*v));
            return std::nullopt;
        }
        const bool aboveInt64 =
            v->is_number_unsigned() &&
            v->get<std::uint64_t>() >
                static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
        const std::int64_t n = aboveInt64 ? 0 : v->get<std::int64_t>();
        if (aboveInt64 || n > hi) {
            problem(key, quoted(*v) + " is too large; " + what + " go up to " + std::to_string(hi));
            return std::nullopt;
        }
        if (n < lo) {
            problem(key, quoted(*v) + " is negative; " + what + " start at " + std::to_string(lo));
            return std::nullopt;
        }
        return n;
    }

    std::optional<double> number(const std::string& key) {
        const json* v = field(key);
        if (!v) return std::nullopt;
        if (!v->is_number()) {
            problem(key, std::string("expected a number, found ") + typeName(*v));
            return std::nullopt;
        }
        return v->get<double>();
    }

    bool boolean(const std::string& key) {
        const json* v = field(key);
        if (!v) return false;
        if (!v->is_boolean()) {
            problem(key, std::string("expected true or false, found ") + typeName(*v));
            return false;
        }
        return v->get<bool>();
    }

    // Durations are "mm:ss" or "h:mm:ss"; negative ones are reported as such.
    std::optional<Seconds> duration(const std::string& key, bool required) {
        const json* v = field(key);
        if (!v) {
            if (required) missing(key, "a length such as \"05:00\" (mm:ss)");
            return std::nullopt;
        }
        if (!v->is_string()) {
            problem(key, quoted(*v) + " is not a duration (use mm:ss or h:mm:ss, in quotes)");
            return std::nullopt;
        }
        DurationParse d = parseDuration(v->get<std::string>());
        switch (d.error) {
            case DurationError::None:
                return d.seconds;
            case DurationError::Negative:
                problem(key, quoted(*v) + " is negative; a length must be zero or more");
                return d.seconds;
            case DurationError::SecondsOutOfRange:
                problem(key,
                        quoted(*v) + " has 60 or more seconds or minutes in a field (use mm:ss)");
                return std::nullopt;
            case DurationError::TooLong:
                problem(key, quoted(*v) + " is longer than " + formatDuration(kMaxDurationSeconds) +
                                 ", the longest length a show file can hold; shorten it");
                return std::nullopt;
            default:
                problem(key, quoted(*v) + " is not a duration (use mm:ss)");
                return std::nullopt;
        }
    }

    std::optional<Seconds> timeOfDay(const std::string& key) {
        const json* v = field(key);
        if (!v) return std::nullopt;
        std::optional<std::int64_t> t;
        if (v->is_string()) t = parseTimeOfDay(v->get<std::string>());
        if (!t)
            problem(key, quoted(*v) + " is not a time of day (use HH:MM, 24-hour, e.g. \"19:30\")");
        return t;
    }

    std::vector<std::string> idList(const std::string& key) {
        return textList(key, "person id");
    }

    // A list of strings; `what` names one item in messages ("person id", "topic").
    std::vector<std::string> textList(const std::string& key, const std::string& what) {
        std::vector<std::string> out;
        const json* v = field(key);
        if (!v) return out;
        if (!v->is_array()) {
            problem(key, "expected a list of " + what + "s, found " + typeName(*v));
            return out;
        }
        for (size_t i = 0; i < v->size(); ++i) {
            const json& item = (*v)[i];
            const std::string itemPath = pathOf(key) + "/" + std::to_string(i);
            if (!item.is_string()) {
                m_problems.push_back(
                    {itemPath, "expected a " + what + " (text), found " + typeName(item), 0, 0});
                out.emplace_back();
            } else if (item.get<std::string>().find('\0') != std::string::npos) {
                m_problems.push_back(
                    {itemPath, quoted(item) + " holds a NUL character (\\u0000); remove it", 0, 0});
                out.emplace_back();
            } else {
                out.push_back(item.get<std::string>());
            }
        }
        return out;
    }

    json extra() const {
        json out = json::object();
        for (auto it = m_obj.begin(); it != m_obj.end(); ++it)
            if (!m_known.count(it.key())) out[it.key()] = it.value();
        return out;
    }

private:
    const json& m_obj;
    std::string m_path;
    std::vector<Problem>& m_problems;
    std::set<std::string> m_known;
};

// Items of a top-level list, each required to be an object.
template <typename Fn>
void readList(const json& root, const std::string& key, std::vector<Problem>& problems,
              bool required, Fn&& readItem) {
    auto it = root.find(key);
    if (it == root.end() || it->is_null()) {
        if (required)
            problems.push_back({"/" + key,
                                it == root.end()
                                    ? "missing; add a list (it may be empty: [])"
                                    : "is null; write a list instead (it may be empty: [])",
                                0, 0});
        return;
    }
    if (!it->is_array()) {
        problems.push_back(
            {"/" + key, std::string("expected a list, found ") + typeName(*it), 0, 0});
        return;
    }
    for (size_t i = 0; i < it->size(); ++i) {
        const std::string path = "/" + key + "/" + std::to_string(i);
        const json& item = (*it)[i];
        if (!item.is_object()) {
            problems.push_back(
                {path, std::string("expected an object, found ") + typeName(item), 0, 0});
            // Keep an empty item so later indices still match the file; its fields need no
            // messages.
            const size_t before = problems.size();
            readItem(json::object(), path, false);
            problems.resize(before);
            continue;
        }
        readItem(item, path, true);
    }
}

// Orders problems as they appear in the document: sections, then numeric indices.
int sectionRank(const std::string& token) {
    static const std::map<std::string, int> rank{{"", 0},        {"format", 1},     {"version", 2},
                                                 {"show", 3},    {"guidelines", 4}, {"people", 5},
                                                 {"rundown", 6}, {"topics", 7},
                                                 {"questions", 8}, {"polls", 9}};
    auto it = rank.find(token);
    return it == rank.end() ? 10 : it->second;
}

std::vector<std::string> tokens(const std::string& path) {
    std::vector<std::string> out;
    std::stringstream ss(path);
    std::string t;
    while (std::getline(ss, t, '/'))
        if (!t.empty()) out.push_back(t);
    return out;
}

bool allDigits(const std::string& s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool documentOrder(const Problem& a, const Problem& b) {
    auto ta = tokens(a.path), tb = tokens(b.path);
    int ra = sectionRank(ta.empty() ? "" : ta[0]), rb = sectionRank(tb.empty() ? "" : tb[0]);
    if (ra != rb) return ra < rb;
    for (size_t i = 1; i < std::min(ta.size(), tb.size()); ++i) {
        if (allDigits(ta[i]) && allDigits(tb[i])) {
            // Compared as numbers without converting: a key of 30 digits must not throw.
            if (ta[i].size() != tb[i].size()) return ta[i].size() < tb[i].size();
            if (ta[i] != tb[i]) return ta[i] < tb[i];
        } else if (ta[i] != tb[i]) {
            return false;  // same item, different fields: keep the order they were found in
        }
    }
    return ta.size() < tb.size();
}

constexpr std::int64_t kMaxInt = std::numeric_limits<int>::max();

void readShow(const json& root, Show& show, std::vector<Problem>& problems);

}  // namespace

LoadResult parseShow(const std::string& text) {
    LoadResult result;
    auto& problems = result.problems;
    std::optional<json> root = parseJsonDocument(text, problems);
    // A problem of the document's root value (a number too large at the top, a root that is not
    // an object) has no JSON path: it is placed where that value starts, after a BOM and blanks.
    auto placeAtRoot = [&text](Problem& p) {
        std::size_t at = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
        while (at < text.size() &&
               (text[at] == ' ' || text[at] == '\t' || text[at] == '\n' || text[at] == '\r'))
            ++at;
        lineAndColumn(text, at + 1, p.line, p.column);
    };
    for (Problem& p : problems)
        if (p.path.empty() && p.line == 0) placeAtRoot(p);
    if (!root) return result;
    if (!root->is_object()) {
        Problem p{"", std::string("a show file is a JSON object, found ") + typeName(*root), 0, 0};
        placeAtRoot(p);
        problems.push_back(std::move(p));
        return result;
    }
    Show show;
    try {
        readShow(*root, show, problems);
    } catch (const std::exception& e) {
        // Every field is type-checked before it is read, so this is a defect; still, a file
        // must never take the program down.
        problems.push_back({"", std::string("could not be read: ") + e.what(), 0, 0});
    }
    if (problems.empty()) result.show = std::move(show);
    return result;
}

namespace {

void readShow(const json& root, Show& show, std::vector<Problem>& problems) {
    ObjectReader top(root, "", problems);
    if (const json* format = top.field("format");
        format && (!format->is_string() || format->get<std::string>() != "pycast-show")) {
        top.problem("format",
                    quoted(*format) + " is not a PyCast show file (expected \"pycast-show\")");
    }
    if (const json* version = top.field("version"); !version) {
        top.missing("version", "\"version\": 1");
    } else if (!version->is_number_integer() ||
               (!version->is_number_unsigned() && version->get<std::int64_t>() < 1) ||
               (version->is_number_unsigned() && version->get<std::uint64_t>() < 1)) {
        top.problem("version", quoted(*version) + " is not a format version (expected 1)");
    } else if (version->get<std::uint64_t>() > static_cast<std::uint64_t>(kShowFormatVersion)) {
        top.problem("version",
                    "this file uses show format version " + quoted(*version) +
                        ", written by a newer PyCast Studio; this one reads up to version " +
                        std::to_string(kShowFormatVersion) + ". Update PyCast Studio to open it.");
        return;  // a newer format may mean anything; don't second-guess its fields
    }
    // show metadata
    if (const json* meta = top.field("show"); !meta) {
        top.missing("show", "the show's metadata (title, kind, target, ...)");
    } else if (!meta->is_object()) {
        top.problem("show", std::string("expected an object, found ") + typeName(*meta));
    } else {
        ObjectReader r(*meta, "/show", problems);
        ShowMeta& m = show.meta;
        m.series = r.text("series", false, "");
        m.title = r.text("title", true, "the show's title");
        std::string kind = r.text("kind", true, "the kind: episode, ama or meetup");
        if (!kind.empty()) {
            if (auto k = showKindFromString(kind))
                m.kind = *k;
            else
                r.problem("kind", "\"" + kind + "\" is not a show kind (use one of: " +
                                      choices(allShowKinds()) + ")");
        }
        if (auto ep = r.integer("episode", 0, kMaxInt, "episode numbers"))
            m.episode = static_cast<int>(*ep);
        m.date = r.text("date", false, "");  // checked against the calendar by validateShow
        if (r.field("language")) m.language = r.text("language", false, "");
        if (auto t = r.duration("target", true)) m.target = *t;
        m.startTime = r.timeOfDay("start");
        m.hardOut = r.timeOfDay("hard_out");
        m.extra = r.extra();
    }

    // guidelines
    if (const json* g = top.field("guidelines"); g) {
        if (!g->is_object()) {
            top.problem("guidelines", std::string("expected an object, found ") + typeName(*g));
        } else {
            ObjectReader r(*g, "/guidelines", problems);
            if (const json* tech = r.field("technical_share"); tech) {
                if (!tech->is_object()) {
                    r.problem("technical_share", "expected {\"min\": 20, \"max\": 30} (percent)");
                } else {
                    ObjectReader t(*tech, "/guidelines/technical_share", problems);
                    if (auto v = t.number("min")) show.guidelines.techShareMin = *v;
                    if (auto v = t.number("max")) show.guidelines.techShareMax = *v;
                    if (!t.extra().empty()) show.guidelines.extra["technical_share"] = t.extra();
                }
            }
            if (auto v = r.number("max_company_share")) show.guidelines.maxCompanyShare = *v;
            show.guidelines.blockedWords = r.textList("blocked_words", "blocked word");
            const json rest = r.extra();
            for (auto& [k, v] : rest.items()) show.guidelines.extra[k] = v;
        }
    }

    readList(root, "people", problems, true, [&](const json& item, const std::string& path, bool) {
        ObjectReader r(item, path, problems);
        Person p;
        p.id = r.text("id", false, "");
        p.name = r.text("name", false, "");
        std::string role = r.text("role", true, "a role: host, guest, moderator or producer");
        if (!role.empty()) {
            if (auto v = roleFromString(role))
                p.role = *v;
            else
                r.problem("role", "\"" + role +
                                      "\" is not a role (use one of: " + choices(allRoles()) + ")");
        }
        p.company = r.text("company", false, "");
        p.extra = r.extra();
        show.people.push_back(std::move(p));
    });
    top.field("people");

    readList(root, "rundown", problems, true, [&](const json& item, const std::string& path, bool) {
        ObjectReader r(item, path, problems);
        Segment s;
        s.id = r.text("id", false, "");
        s.title = r.text("title", false, "");
        std::string kind = r.text("kind", true, "a segment kind");
        if (!kind.empty()) {
            if (auto v = segmentKindFromString(kind))
                s.kind = *v;
            else
                r.problem("kind", "\"" + kind + "\" is not a segment kind (use one of: " +
                                      choices(allSegmentKinds()) + ")");
        }
        if (auto d = r.duration("planned", true)) s.planned = *d;
        s.speakers = r.idList("speakers");
        s.notes = r.text("notes", false, "");
        s.fixedStart = r.timeOfDay("fixed_start");
        s.elastic = r.boolean("elastic");
        if (r.field("technical")) s.technical = r.boolean("technical");
        s.extra = r.extra();
        show.rundown.push_back(std::move(s));
    });
    top.field("rundown");

    readList(root, "questions", problems, false,
             [&](const json& item, const std::string& path, bool) {
                 ObjectReader r(item, path, problems);
                 Question q;
                 q.id = r.text("id", false, "");
                 q.text = r.text("text", false, "");
                 q.from = r.text("from", false, "");
                 q.forPeople = r.idList("for");
                 if (auto v = r.integer("votes", 0, kMaxInt, "votes"))
                     q.votes = static_cast<int>(*v);
                 q.topics = r.textList("topics", "topic");
                 q.extra = r.extra();
                 show.questions.push_back(std::move(q));
             });
    top.field("questions");
    readList(root, "polls", problems, false,
             [&](const json& item, const std::string& path, bool) {
                 ObjectReader r(item, path, problems);
                 Poll p;
                 p.id = r.text("id", false, "");
                 p.question = r.text("question", false, "");
                 p.options = r.textList("options", "option");
                 p.liveResults = r.boolean("live_results");
                 p.extra = r.extra();
                 show.polls.push_back(std::move(p));
             });
    top.field("polls");
    if (top.field("topics")) show.topics = top.textList("topics", "topic");
    show.extra = top.extra();

    // Model-level rules; one message per path (the first, most specific one wins).
    // A whole item that is not an object already has its problem; its empty fields need none.
    std::set<std::string> seen;
    for (const auto& p : problems) seen.insert(p.path);
    auto covered = [&](const std::string& path) {
        if (seen.count(path)) return true;
        for (size_t slash = path.find('/', 1); slash != std::string::npos;
             slash = path.find('/', slash + 1))
            if (seen.count(path.substr(0, slash))) return true;
        return false;
    };
    for (auto& p : validateShow(show))
        if (!covered(p.path)) {
            seen.insert(p.path);
            problems.push_back(std::move(p));
        }
    std::stable_sort(problems.begin(), problems.end(), documentOrder);
}

}  // namespace

LoadResult loadShowFile(const std::filesystem::path& file) {
    std::error_code dirEc;
    std::ifstream in(file, std::ios::binary);
    if (!in || std::filesystem::is_directory(file, dirEc)) {
        LoadResult r;
        std::error_code ec;
        std::string why = !std::filesystem::exists(file, ec) ? "no such file; check the path"
                          : std::filesystem::is_directory(file, ec)
                              ? "is a folder, not a show file"
                              : std::string("cannot be read: ") + std::strerror(errno);
        r.problems.push_back({"", why, 0, 0});
        return r;
    }
    // A show file is a few kilobytes; a device, a pipe or a huge file is not one (and reading
    // /dev/zero would never end).
    std::error_code sizeEc;
    const auto status = std::filesystem::status(file, sizeEc);
    if (!sizeEc && !std::filesystem::is_regular_file(status)) {
        LoadResult r;
        r.problems.push_back({"", "is not a regular file (a device or a pipe?); pick a show file (.json)", 0, 0});
        return r;
    }
    const auto bytes = std::filesystem::file_size(file, sizeEc);
    if (!sizeEc && bytes > kMaxShowFileBytes) {
        LoadResult r;
        r.problems.push_back({"", "is " + std::to_string(bytes / (1024 * 1024)) +
                                      " MiB; a show file is at most " +
                                      std::to_string(kMaxShowFileBytes / (1024 * 1024)) +
                                      " MiB, so this is not one (check that the right file was picked)",
                              0, 0});
        return r;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    if (in.bad()) {
        LoadResult r;
        r.problems.push_back({"", std::string("cannot be read: ") + std::strerror(errno), 0, 0});
        return r;
    }
    return parseShow(ss.str());
}

Result<Show> loadShow(const std::filesystem::path& file) {
    LoadResult r = loadShowFile(file);
    if (r.ok()) return std::move(*r.show);
    if (r.problems.empty()) return Error{"could not be loaded", file.string(), ""};
    Error e = toError(file.string(), r.problems.front());
    const std::size_t more = r.problems.size() - 1;
    e.remedy = more == 0 ? "fix it and try again"
                       : "fix it and the " + std::to_string(more) + " other problem" +
                             (more == 1 ? "" : "s") + " (`pycast validate " + file.string() +
                             "` lists them all)";
    return e;
}

}  // namespace pycast
