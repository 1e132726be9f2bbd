// Strict JSON reading: a SAX pass that builds the document, tracks paths, finds duplicate keys.
#include "io/json_read.hpp"

#include "core/text.hpp"

#include <set>

namespace pycast {

using nlohmann::json;

std::string formatProblem(const std::string& file, const Problem& p) {
    std::string out = file;
    if (p.line > 0) out += ":" + std::to_string(p.line) + ":" + std::to_string(p.column);
    out += ": ";
    if (!p.path.empty()) out += p.path + ": ";
    out += p.message;
    return out;
}

Error toError(const std::string& file, const Problem& p) {
    std::string where = file;
    if (p.line > 0) where += ":" + std::to_string(p.line) + ":" + std::to_string(p.column);
    if (!p.path.empty()) where += (where.empty() ? "" : ": ") + p.path;
    return Error{p.message, where, ""};
}

std::string jsonPointerToken(const std::string& key) {
    std::string out;
    for (char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

void lineAndColumn(const std::string& text, std::size_t byte, int& line, int& column) {
    line = 1;
    column = 1;
    for (std::size_t i = 0; i < text.size() && i + 1 < byte; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;  // count characters, not UTF-8 continuation bytes
        }
    }
}

std::optional<std::size_t> jsonNestedTooDeepAt(const std::string& text, int maxDepth) {
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
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

namespace {

// Forwards every event to nlohmann's own DOM builder (exceptions off) and keeps, beside it, the
// JSON path of the value being read and the keys each open object has seen.
class StrictSax {
public:
    StrictSax(json& root, std::vector<Problem>& problems)
        : m_dom(root, false), m_problems(problems) {}

    bool null() { return scalar(m_dom.null()); }
    bool boolean(bool v) { return scalar(m_dom.boolean(v)); }
    bool number_integer(json::number_integer_t v) { return scalar(m_dom.number_integer(v)); }
    bool number_unsigned(json::number_unsigned_t v) { return scalar(m_dom.number_unsigned(v)); }
    bool number_float(json::number_float_t v, const json::string_t& s) {
        // A whole number beyond 64 bits is read as a double and would be written back rounded.
        if (s.find_first_of(".eE") == std::string::npos)
            m_problems.push_back(
                {path(),
                 s + " is a whole number too large to keep exactly (the largest is "
                     "18446744073709551615); write it in quotes as text",
                 0, 0});
        return scalar(m_dom.number_float(v, s));
    }
    bool string(json::string_t& v) { return scalar(m_dom.string(v)); }
    bool binary(json::binary_t& v) { return scalar(m_dom.binary(v)); }

    bool start_object(std::size_t n) {
        m_frames.push_back(Frame{false, 0, {}, {}});
        return m_dom.start_object(n);
    }
    bool key(json::string_t& k) {
        Frame& f = m_frames.back();
        f.key = jsonPointerToken(k);
        if (!f.keys.insert(k).second)
            m_problems.push_back(
                {path(),
                 "appears twice in the same object; keep one (otherwise the last would "
                 "silently replace the first)",
                 0, 0});
        return m_dom.key(k);
    }
    bool end_object() {
        m_frames.pop_back();
        return scalar(m_dom.end_object());
    }
    bool start_array(std::size_t n) {
        m_frames.push_back(Frame{true, 0, {}, {}});
        return m_dom.start_array(n);
    }
    bool end_array() {
        m_frames.pop_back();
        return scalar(m_dom.end_array());
    }

    template <class Exception>
    bool parse_error(std::size_t position, const std::string& token, const Exception& ex) {
        m_errorByte = position;
        m_errorToken = token;
        m_errorWhat = ex.what();
        m_errorId = ex.id;
        return m_dom.parse_error(position, token, ex);
    }

    std::optional<std::size_t> m_errorByte;
    std::string m_errorToken;
    std::string m_errorWhat;
    int m_errorId = 0;

private:
    struct Frame {
        bool array;
        std::size_t index;
        std::string key;
        std::set<std::string> keys;
    };

    std::string path() const {
        std::string out;
        for (const auto& f : m_frames) out += "/" + (f.array ? std::to_string(f.index) : f.key);
        return out;
    }
    // A value is complete: the enclosing list moves on to its next index.
    bool scalar(bool ok) {
        if (!m_frames.empty() && m_frames.back().array) ++m_frames.back().index;
        return ok;
    }

    nlohmann::detail::json_sax_dom_parser<json> m_dom;
    std::vector<Problem>& m_problems;
    std::vector<Frame> m_frames;
};

// nlohmann's message without its "[json.exception.parse_error.101] parse error at line 1,
// column 5: " prefix (we give the line and column ourselves).
std::string libraryMessage(const std::string& what) {
    std::string out = what;
    if (auto close = out.find("] ");
        out.rfind("[json.exception", 0) == 0 && close != std::string::npos)
        out = out.substr(close + 2);
    if (auto colon = out.find(": "); out.rfind("parse error", 0) == 0 && colon != std::string::npos)
        out = out.substr(colon + 2);
    return out;
}

}  // namespace

std::optional<json> parseJsonDocument(const std::string& text, std::vector<Problem>& problems,
                                      int maxDepth) {
    auto problemAt = [&](std::size_t byte, std::string message) {
        Problem p;
        lineAndColumn(text, byte, p.line, p.column);
        p.message = std::move(message);
        problems.push_back(std::move(p));
    };
    if (const auto at = jsonNestedTooDeepAt(text, maxDepth)) {
        problemAt(*at,
                  "nested more than " + std::to_string(maxDepth) +
                      " levels deep here; a show file is a few levels deep, so this is not one "
                      "(check that the right file was picked)");
        return std::nullopt;
    }
    // nlohmann stops reading at a NUL byte as if the file ended there, so a valid document
    // followed by a NUL and garbage would load and the garbage vanish at the next save. A NUL
    // can never be part of JSON text (inside a string it is written \u0000).
    if (looksLikeUtf16(text)) {
        problemAt(0, "the file is UTF-16, not UTF-8; save it as UTF-8 (in most editors: Save As, "
                     "encoding UTF-8) and open that");
        return std::nullopt;
    }
    if (const auto nul = text.find('\0'); nul != std::string::npos) {
        problemAt(nul + 1,
                  "a NUL byte (0x00) here; JSON text cannot hold one, so the file is damaged or is "
                  "not a text file. Remove it and everything after the document's closing }");
        return std::nullopt;
    }
    json root;
    const std::size_t before = problems.size();
    StrictSax sax(root, problems);
    bool ok = false;
    try {
        ok = json::sax_parse(text, &sax);
    } catch (const std::exception& e) {
        // The DOM builder can still throw (e.g. an excessive size); nothing leaves this function.
        problemAt(sax.m_errorByte.value_or(0),
                  std::string("could not be read: ") + libraryMessage(e.what()));
        return std::nullopt;
    }
    if (ok) return root;
    if (!sax.m_errorByte) {
        problemAt(0, "could not be read as JSON");
        return std::nullopt;
    }
    problems.resize(before);  // a document that does not parse has no duplicate keys worth a word
    if (sax.m_errorId == 406) {
        // out_of_range 406: a number such as 1e400 that no double holds.
        const std::size_t start = *sax.m_errorByte >= sax.m_errorToken.size()
                                      ? *sax.m_errorByte - sax.m_errorToken.size() + 1
                                      : *sax.m_errorByte;
        problemAt(
            start,
            "the number " + sax.m_errorToken +
                " is too large to hold; write a smaller number (or put it in quotes as text)");
    } else {
        problemAt(*sax.m_errorByte, "not valid JSON: " + libraryMessage(sax.m_errorWhat) +
                                        "; fix the syntax at this line and column");
    }
    return std::nullopt;
}

Result<json> parseJsonFile(const std::string& text, const std::string& file) {
    std::vector<Problem> problems;
    std::optional<json> doc = parseJsonDocument(text, problems);
    if (!problems.empty()) return toError(file, problems.front());
    if (!doc) return Error{"could not be read as JSON", file, ""};
    return std::move(*doc);
}

}  // namespace pycast
