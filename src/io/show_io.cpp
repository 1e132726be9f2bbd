// Show files: parse + validate (every problem, with its JSON path), serialize, atomic save.
#include "io/show_io.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/duration.hpp"

namespace pycast {

using nlohmann::json;
using nlohmann::ordered_json;

std::string formatProblem(const std::string& file, const Problem& p) {
    std::string out = file;
    if (p.line > 0) out += ":" + std::to_string(p.line) + ":" + std::to_string(p.column);
    out += ": ";
    if (!p.path.empty()) out += p.path + ": ";
    out += p.message;
    return out;
}

namespace {

const char* typeName(const json& v) {
    switch (v.type()) {
        case json::value_t::null: return "null";
        case json::value_t::boolean: return "true/false";
        case json::value_t::string: return "text";
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
        case json::value_t::number_float: return "a number";
        case json::value_t::array: return "a list";
        case json::value_t::object: return "an object";
        default: return "something else";
    }
}

std::string quoted(const json& v) {
    if (v.is_string()) return "\"" + v.get<std::string>() + "\"";
    return v.dump();
}

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
    void problem(const std::string& key, const std::string& message) {
        m_problems.push_back({pathOf(key), message, 0, 0});
    }

    const json* field(const std::string& key) {
        m_known.insert(key);
        auto it = m_obj.find(key);
        if (it == m_obj.end() || it->is_null()) return nullptr;
        return &*it;
    }

    std::string text(const std::string& key, bool required, const std::string& what) {
        const json* v = field(key);
        if (!v) {
            if (required) problem(key, "missing; add " + what);
            return {};
        }
        if (!v->is_string()) {
            problem(key, std::string("expected text, found ") + typeName(*v));
            return {};
        }
        return v->get<std::string>();
    }

    std::optional<std::int64_t> integer(const std::string& key) {
        const json* v = field(key);
        if (!v) return std::nullopt;
        if (!v->is_number_integer()) {
            problem(key, std::string("expected a whole number, found ") + typeName(*v));
            return std::nullopt;
        }
        return v->get<std::int64_t>();
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
            if (required) problem(key, "missing; add a length such as \"05:00\" (mm:ss)");
            return std::nullopt;
        }
        if (!v->is_string()) {
            problem(key, quoted(*v) + " is not a duration (use mm:ss or h:mm:ss, in quotes)");
            return std::nullopt;
        }
        DurationParse d = parseDuration(v->get<std::string>());
        switch (d.error) {
            case DurationError::None: return d.seconds;
            case DurationError::Negative:
                problem(key, quoted(*v) + " is negative; a length must be zero or more");
                return d.seconds;
            case DurationError::SecondsOutOfRange:
                problem(key, quoted(*v) + " has 60 or more seconds or minutes in a field (use mm:ss)");
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
        if (!t) problem(key, quoted(*v) + " is not a time of day (use HH:MM, 24-hour, e.g. \"19:30\")");
        return t;
    }

    std::vector<std::string> idList(const std::string& key) {
        std::vector<std::string> out;
        const json* v = field(key);
        if (!v) return out;
        if (!v->is_array()) {
            problem(key, std::string("expected a list of person ids, found ") + typeName(*v));
            return out;
        }
        for (size_t i = 0; i < v->size(); ++i) {
            const json& item = (*v)[i];
            if (!item.is_string()) {
                m_problems.push_back({pathOf(key) + "/" + std::to_string(i),
                                      std::string("expected a person id (text), found ") + typeName(item), 0, 0});
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
        if (required) problems.push_back({"/" + key, "missing; add a list (it may be empty: [])", 0, 0});
        return;
    }
    if (!it->is_array()) {
        problems.push_back({"/" + key, std::string("expected a list, found ") + typeName(*it), 0, 0});
        return;
    }
    for (size_t i = 0; i < it->size(); ++i) {
        const std::string path = "/" + key + "/" + std::to_string(i);
        const json& item = (*it)[i];
        if (!item.is_object()) {
            problems.push_back({path, std::string("expected an object, found ") + typeName(item), 0, 0});
            // Keep an empty item so later indices still match the file; its fields need no messages.
            const size_t before = problems.size();
            readItem(json::object(), path, false);
            problems.resize(before);
            continue;
        }
        readItem(item, path, true);
    }
}

void lineAndColumn(const std::string& text, size_t byte, int& line, int& column) {
    line = 1;
    column = 1;
    for (size_t i = 0; i < text.size() && i + 1 < byte; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;   // count characters, not UTF-8 continuation bytes
        }
    }
}

// Orders problems as they appear in the document: sections, then numeric indices.
int sectionRank(const std::string& token) {
    static const std::map<std::string, int> rank{{"", 0},        {"format", 1}, {"version", 2},
                                                 {"show", 3},    {"guidelines", 4}, {"people", 5},
                                                 {"rundown", 6}, {"questions", 7}};
    auto it = rank.find(token);
    return it == rank.end() ? 8 : it->second;
}

std::vector<std::string> tokens(const std::string& path) {
    std::vector<std::string> out;
    std::stringstream ss(path);
    std::string t;
    while (std::getline(ss, t, '/'))
        if (!t.empty()) out.push_back(t);
    return out;
}

bool documentOrder(const Problem& a, const Problem& b) {
    auto ta = tokens(a.path), tb = tokens(b.path);
    int ra = sectionRank(ta.empty() ? "" : ta[0]), rb = sectionRank(tb.empty() ? "" : tb[0]);
    if (ra != rb) return ra < rb;
    for (size_t i = 1; i < std::min(ta.size(), tb.size()); ++i) {
        const bool na = !ta[i].empty() && std::all_of(ta[i].begin(), ta[i].end(), ::isdigit);
        const bool nb = !tb[i].empty() && std::all_of(tb[i].begin(), tb[i].end(), ::isdigit);
        if (na && nb) {
            long ia = std::stol(ta[i]), ib = std::stol(tb[i]);
            if (ia != ib) return ia < ib;
        } else if (ta[i] != tb[i]) {
            return false;   // same item, different fields: keep the order they were found in
        }
    }
    return ta.size() < tb.size();
}


}  // namespace

std::optional<size_t> jsonNestedTooDeepAt(const std::string& text, int maxDepth) {
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > maxDepth) return i + 1;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return std::nullopt;
}

LoadResult parseShow(const std::string& text) {
    LoadResult result;
    auto& problems = result.problems;
    json root;
    constexpr int kMaxNesting = 100;
    if (const auto at = jsonNestedTooDeepAt(text, kMaxNesting)) {
        Problem p;
        lineAndColumn(text, *at, p.line, p.column);
        p.message = "nested more than " + std::to_string(kMaxNesting) +
                    " levels deep here; a show file is a few levels deep, so this is not one "
                    "(check that the right file was picked)";
        problems.push_back(p);
        return result;
    }
    try {
        root = json::parse(text);
    } catch (const json::parse_error& e) {
        Problem p;
        lineAndColumn(text, e.byte, p.line, p.column);
        std::string what = e.what();
        // nlohmann's message starts with "[json.exception.parse_error.101] parse error at line..."
        auto colon = what.find(": ", what.find("parse error"));
        p.message = "not valid JSON: " + (colon == std::string::npos ? what : what.substr(colon + 2)) +
                    "; fix the syntax at this line and column";
        problems.push_back(p);
        return result;
    }
    if (!root.is_object()) {
        problems.push_back({"", std::string("a show file is a JSON object, found ") + typeName(root), 0, 0});
        return result;
    }

    Show show;
    ObjectReader top(root, "", problems);
    if (const json* format = top.field("format");
        format && (!format->is_string() || format->get<std::string>() != "pycast-show")) {
        top.problem("format", quoted(*format) + " is not a PyCast show file (expected \"pycast-show\")");
    }
    if (const json* version = top.field("version"); !version) {
        top.problem("version", "missing; add \"version\": 1");
    } else if (!version->is_number_integer() || version->get<std::int64_t>() < 1) {
        top.problem("version", quoted(*version) + " is not a format version (expected 1)");
    } else if (version->get<std::int64_t>() > kShowFormatVersion) {
        top.problem("version", "this file uses show format version " +
                                   std::to_string(version->get<std::int64_t>()) +
                                   ", written by a newer PyCast Studio; this one reads up to version " +
                                   std::to_string(kShowFormatVersion) + ". Update PyCast Studio to open it.");
        return result;   // a newer format may mean anything; don't second-guess its fields
    }

    // show metadata
    if (const json* meta = top.field("show"); !meta) {
        top.problem("show", "missing; add the show's metadata (title, kind, target, ...)");
    } else if (!meta->is_object()) {
        top.problem("show", std::string("expected an object, found ") + typeName(*meta));
    } else {
        ObjectReader r(*meta, "/show", problems);
        ShowMeta& m = show.meta;
        m.series = r.text("series", false, "");
        m.title = r.text("title", true, "the show's title");
        std::string kind = r.text("kind", true, "the kind: episode, ama or meetup");
        if (!kind.empty()) {
            if (auto k = showKindFromString(kind)) m.kind = *k;
            else r.problem("kind", "\"" + kind + "\" is not a show kind (use one of: " + choices(allShowKinds()) + ")");
        }
        if (auto ep = r.integer("episode")) {
            if (*ep < 0) r.problem("episode", "is negative; episode numbers start at 0 or 1");
            else m.episode = static_cast<int>(*ep);
        }
        m.date = r.text("date", false, "");
        if (!m.date.empty()) {
            int y = 0, mo = 0, d = 0;
            char tail = 0;
            if (std::sscanf(m.date.c_str(), "%4d-%2d-%2d%c", &y, &mo, &d, &tail) != 3 || mo < 1 ||
                mo > 12 || d < 1 || d > 31 || m.date.size() != 10)
                r.problem("date", "\"" + m.date + "\" is not a date (use YYYY-MM-DD)");
        }
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
            if (auto v = roleFromString(role)) p.role = *v;
            else r.problem("role", "\"" + role + "\" is not a role (use one of: " + choices(allRoles()) + ")");
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
            if (auto v = segmentKindFromString(kind)) s.kind = *v;
            else r.problem("kind", "\"" + kind + "\" is not a segment kind (use one of: " + choices(allSegmentKinds()) + ")");
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

    readList(root, "questions", problems, false, [&](const json& item, const std::string& path, bool) {
        ObjectReader r(item, path, problems);
        Question q;
        q.id = r.text("id", false, "");
        q.text = r.text("text", false, "");
        q.from = r.text("from", false, "");
        q.forPeople = r.idList("for");
        if (auto v = r.integer("votes")) q.votes = static_cast<int>(*v);
        q.extra = r.extra();
        show.questions.push_back(std::move(q));
    });
    top.field("questions");
    show.extra = top.extra();

    // Model-level rules; one message per path (the first, most specific one wins).
    // A whole item that is not an object already has its problem; its empty fields need none.
    std::set<std::string> seen;
    for (const auto& p : problems) seen.insert(p.path);
    auto covered = [&](const std::string& path) {
        if (seen.count(path)) return true;
        for (size_t slash = path.find('/', 1); slash != std::string::npos; slash = path.find('/', slash + 1))
            if (seen.count(path.substr(0, slash))) return true;
        return false;
    };
    for (auto& p : validateShow(show))
        if (!covered(p.path)) {
            seen.insert(p.path);
            problems.push_back(std::move(p));
        }
    std::stable_sort(problems.begin(), problems.end(), documentOrder);

    if (problems.empty()) result.show = std::move(show);
    return result;
}

std::vector<Problem> validateShow(const Show& show) {
    std::vector<Problem> out;
    auto add = [&](std::string path, std::string message) {
        out.push_back({std::move(path), std::move(message), 0, 0});
    };
    if (show.meta.title.empty()) add("/show/title", "is empty; give the show a title");
    if (show.meta.target < 0) add("/show/target", "is negative; a length must be zero or more");
    const std::string tooLong = " is longer than " + formatDuration(kMaxDurationSeconds) +
                                ", the longest length a show file can hold; shorten it";
    if (show.meta.target > kMaxDurationSeconds)
        add("/show/target", "\"" + formatDuration(show.meta.target) + "\"" + tooLong);
    const auto& g = show.guidelines;
    if (g.techShareMin < 0 || g.techShareMin > 100)
        add("/guidelines/technical_share/min", "must be a percentage between 0 and 100");
    if (g.techShareMax < 0 || g.techShareMax > 100)
        add("/guidelines/technical_share/max", "must be a percentage between 0 and 100");
    else if (g.techShareMax < g.techShareMin)
        add("/guidelines/technical_share/max", "is below min; the range must go from min up to max");
    if (g.maxCompanyShare <= 0 || g.maxCompanyShare > 100)
        add("/guidelines/max_company_share", "must be a percentage above 0 and at most 100");

    // Ids are unique across people, segments and questions, so a reference is never ambiguous.
    std::map<std::string, std::string> firstUse;
    auto checkId = [&](const std::string& id, const std::string& path, const char* what) {
        if (id.empty()) {
            add(path + "/id", std::string("is empty; give the ") + what + " a unique id such as \"" +
                                  (what[0] == 'p' ? "p-ada" : what[0] == 's' ? "s-intro" : "q-1") + "\"");
            return;
        }
        auto [it, inserted] = firstUse.emplace(id, path);
        if (!inserted) add(path + "/id", "\"" + id + "\" is already used by " + it->second + "; ids must be unique");
    };
    for (size_t i = 0; i < show.people.size(); ++i) {
        const auto& p = show.people[i];
        const std::string path = "/people/" + std::to_string(i);
        checkId(p.id, path, "person");
        if (p.name.empty()) add(path + "/name", "is empty; write the person's name");
    }
    std::set<std::string> personIds;
    for (const auto& p : show.people) personIds.insert(p.id);
    auto checkRefs = [&](const std::vector<std::string>& ids, const std::string& path) {
        std::set<std::string> inList;
        for (size_t k = 0; k < ids.size(); ++k) {
            const std::string itemPath = path + "/" + std::to_string(k);
            if (!personIds.count(ids[k]))
                add(itemPath, "\"" + ids[k] + "\" is not anyone in /people; add them there or fix the id");
            else if (!inList.insert(ids[k]).second)
                add(itemPath, "\"" + ids[k] + "\" is listed twice");
        }
    };
    int elastic = 0;
    for (size_t i = 0; i < show.rundown.size(); ++i) {
        const auto& s = show.rundown[i];
        const std::string path = "/rundown/" + std::to_string(i);
        checkId(s.id, path, "segment");
        if (s.title.empty()) add(path + "/title", "is empty; give the segment a title");
        if (s.planned < 0) add(path + "/planned", "\"" + formatDuration(s.planned) + "\" is negative; a length must be zero or more");
        if (s.planned > kMaxDurationSeconds)
            add(path + "/planned", "\"" + formatDuration(s.planned) + "\"" + tooLong);
        checkRefs(s.speakers, path + "/speakers");
        if (s.elastic && ++elastic > 1)
            add(path + "/elastic", "only one segment can be elastic; it absorbs the others' over- and underruns");
    }
    for (size_t i = 0; i < show.questions.size(); ++i) {
        const auto& q = show.questions[i];
        const std::string path = "/questions/" + std::to_string(i);
        checkId(q.id, path, "question");
        if (q.text.empty()) add(path + "/text", "is empty; write the question");
        if (q.votes < 0) add(path + "/votes", "is negative; votes start at 0");
        checkRefs(q.forPeople, path + "/for");
    }
    return out;
}

LoadResult loadShowFile(const std::filesystem::path& file) {
    std::error_code dirEc;
    std::ifstream in(file, std::ios::binary);
    if (!in || std::filesystem::is_directory(file, dirEc)) {
        LoadResult r;
        std::error_code ec;
        std::string why = !std::filesystem::exists(file, ec) ? "no such file; check the path"
                          : std::filesystem::is_directory(file, ec) ? "is a folder, not a show file"
                                                                    : std::string("cannot be read: ") + std::strerror(errno);
        r.problems.push_back({"", why, 0, 0});
        return r;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    return parseShow(ss.str());
}

namespace {
ordered_json ordered(const json& j) { return ordered_json::parse(j.dump()); }

void mergeExtra(ordered_json& out, const json& extra) {
    for (auto& [k, v] : extra.items())
        if (!out.contains(k)) out[k] = ordered(v);
}
}  // namespace

ordered_json toJson(const Show& show) {
    ordered_json root;
    root["format"] = "pycast-show";
    root["version"] = kShowFormatVersion;
    const ShowMeta& m = show.meta;
    ordered_json meta;
    if (!m.series.empty()) meta["series"] = m.series;
    meta["title"] = m.title;
    meta["kind"] = toName(m.kind);
    if (m.episode) meta["episode"] = *m.episode;
    if (!m.date.empty()) meta["date"] = m.date;
    meta["language"] = m.language;
    meta["target"] = formatDuration(m.target);
    if (m.startTime) meta["start"] = formatTimeOfDay(*m.startTime);
    if (m.hardOut) meta["hard_out"] = formatTimeOfDay(*m.hardOut);
    mergeExtra(meta, m.extra);
    root["show"] = meta;

    ordered_json g;
    g["technical_share"] = {{"min", show.guidelines.techShareMin}, {"max", show.guidelines.techShareMax}};
    if (auto it = show.guidelines.extra.find("technical_share");
        it != show.guidelines.extra.end() && it->is_object())
        mergeExtra(g["technical_share"], *it);
    g["max_company_share"] = show.guidelines.maxCompanyShare;
    for (auto& [k, v] : show.guidelines.extra.items())
        if (k != "technical_share" && !g.contains(k)) g[k] = ordered(v);
    root["guidelines"] = g;

    root["people"] = ordered_json::array();
    for (const auto& p : show.people) {
        ordered_json o{{"id", p.id}, {"name", p.name}, {"role", toName(p.role)}};
        if (!p.company.empty()) o["company"] = p.company;
        mergeExtra(o, p.extra);
        root["people"].push_back(o);
    }
    root["rundown"] = ordered_json::array();
    for (const auto& s : show.rundown) {
        ordered_json o{{"id", s.id}, {"title", s.title}, {"kind", toName(s.kind)},
                       {"planned", formatDuration(s.planned)}, {"speakers", s.speakers}};
        if (!s.notes.empty()) o["notes"] = s.notes;
        if (s.fixedStart) o["fixed_start"] = formatTimeOfDay(*s.fixedStart);
        if (s.elastic) o["elastic"] = true;
        if (s.technical) o["technical"] = *s.technical;
        mergeExtra(o, s.extra);
        root["rundown"].push_back(o);
    }
    root["questions"] = ordered_json::array();
    for (const auto& q : show.questions) {
        ordered_json o{{"id", q.id}, {"text", q.text}};
        if (!q.from.empty()) o["from"] = q.from;
        if (!q.forPeople.empty()) o["for"] = q.forPeople;
        if (q.votes != 0) o["votes"] = q.votes;
        mergeExtra(o, q.extra);
        root["questions"].push_back(o);
    }
    mergeExtra(root, show.extra);
    return root;
}

std::string serializeShow(const Show& show) { return toJson(show).dump(2) + "\n"; }

Status saveShowFile(const Show& show, const std::filesystem::path& file) {
    return writeFileAtomically(file, serializeShow(show), true);
}

}  // namespace pycast
