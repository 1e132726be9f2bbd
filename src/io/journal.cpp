// The session journal: append-only journal.jsonl, one fdatasync'ed event a line (owner thread).
#include "io/journal.hpp"
#include "io/atomic_file.hpp"

#include "core/clock.hpp"
#include "io/json_read.hpp"
#include "io/show_io.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <limits>
#include <optional>
#include <sstream>
#include <system_error>

namespace pycast {

namespace {

bool isStandardKey(const std::string& key) {
    return key == "seq" || key == "t_ms" || key == "wall" || key == "type" || key == "sample";
}

std::string dumpValue(const nlohmann::json& v) {
    // Text from people may hold broken UTF-8; never let that throw mid-show.
    return v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string serializeLine(const JournalEvent& e) {
    std::string s = "{\"seq\":" + std::to_string(e.seq) + ",\"t_ms\":" + std::to_string(e.at.value) +
                    ",\"wall\":" + dumpValue(e.wall) + ",\"type\":" + dumpValue(e.type);
    if (e.sample) s += ",\"sample\":" + std::to_string(e.sample->value);
    if (e.fields.is_object()) {
        for (const auto& [key, value] : e.fields.items()) {
            if (isStandardKey(key)) continue;
            s += ',';
            s += dumpValue(key);
            s += ':';
            s += dumpValue(value);
        }
    }
    s += "}\n";
    return s;
}

bool isBlank(const std::string& s) {
    for (char c : s)
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return false;
    return true;
}

// The value of a whole number that fits in 64 signed bits, or nothing: get<std::int64_t>
// would wrap 18446744073709551615 into -1 and the warning would name a number nobody wrote.
std::optional<std::int64_t> signed64(const nlohmann::json& v) {
    if (v.is_number_unsigned()) {
        const auto u = v.get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            return std::nullopt;
        return static_cast<std::int64_t>(u);
    }
    if (v.is_number_integer()) return v.get<std::int64_t>();
    return std::nullopt;
}

// Parses one line into an event, or says what is wrong with it. Nothing the JSON library
// throws escapes: a number too large to hold (1e400), a key twice or a value out of range
// makes a damaged line, never a crash.
bool parseEvent(const std::string& text, JournalEvent& out, std::string& why) {
    if (const auto at = jsonNestedTooDeepAt(text, 64)) {
        why = "nested too deep (at byte " + std::to_string(*at) + ")";
        return false;
    }
    std::vector<Problem> problems;
    std::optional<nlohmann::json> doc = parseJsonDocument(text, problems, 64);
    if (!problems.empty() || !doc) {
        if (problems.empty()) {
            why = "not valid JSON";
        } else {
            const Problem& p = problems.front();
            // Without the advice for show files' authors ("; write it in quotes …"): nobody
            // edits a journal, the line is skipped.
            std::string message = p.message;
            if (const auto advice = message.rfind("; "); advice != std::string::npos)
                message.resize(advice);
            why = (p.path.empty() ? std::string() : p.path + ": ") + message;
            if (p.line > 0) why += ", at column " + std::to_string(p.column);
        }
        return false;
    }
    const nlohmann::json& j = *doc;
    if (!j.is_object()) {
        why = "not a JSON object";
        return false;
    }
    auto seq = j.find("seq");
    auto t = j.find("t_ms");
    auto type = j.find("type");
    if (seq == j.end() || !seq->is_number_integer()) {
        why = "no integer \"seq\"";
        return false;
    }
    if (t == j.end() || !t->is_number_integer()) {
        why = "no integer \"t_ms\"";
        return false;
    }
    if (type == j.end() || !type->is_string() || type->get<std::string>().empty()) {
        why = "no \"type\"";
        return false;
    }
    const std::optional<std::int64_t> seqValue = signed64(*seq);
    if (!seqValue || *seqValue < 1 || *seqValue > kMaxJournalSeq) {
        why = "seq " + seq->dump() + " is not a line number (1 to " +
              std::to_string(kMaxJournalSeq) + ")";
        return false;
    }
    const std::optional<std::int64_t> tValue = signed64(*t);
    if (!tValue) {
        why = "t_ms " + t->dump() + " is not a session time";
        return false;
    }
    out.seq = *seqValue;
    out.at = SessionMs(*tValue);
    out.type = type->get<std::string>();
    auto wall = j.find("wall");
    out.wall = (wall != j.end() && wall->is_string()) ? wall->get<std::string>() : std::string{};
    out.sample.reset();
    if (auto sample = j.find("sample"); sample != j.end()) {
        const std::optional<std::int64_t> frames = signed64(*sample);
        if (!frames || *frames < 0) {
            why = "\"sample\" " + sample->dump() + " is not a sample position";
            return false;
        }
        out.sample = SampleCount(*frames);
    }
    out.fields = nlohmann::json::object();
    for (auto& [key, value] : j.items())
        if (!isStandardKey(key)) out.fields[key] = value;
    return true;
}

std::string errnoText(int err) { return std::error_code(err, std::generic_category()).message(); }


}  // namespace

nlohmann::json JournalEvent::toJson() const {
    nlohmann::json j = fields.is_object() ? fields : nlohmann::json::object();
    j["seq"] = seq;
    j["t_ms"] = at.value;
    j["wall"] = wall;
    j["type"] = type;
    if (sample) j["sample"] = sample->value;
    return j;
}

std::string formatIsoUtc(std::int64_t epochMs) {
    const auto [t, ms] = splitEpochMs(epochMs);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[96];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                  static_cast<int>(ms));
    return buf;
}

Result<JournalContents> readJournal(const std::filesystem::path& file) {
    JournalContents out;
    std::vector<std::string> warnings;
    const std::string name = file.filename().string();
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return Error{"cannot read the journal (" + errnoText(errno) + ")", file.string(),
                     "check the file exists and is readable"};
    std::ostringstream buf;
    buf << in.rdbuf();
    if (in.bad()) return Error{"reading the journal failed partway", file.string(), {}};
    const std::string text = buf.str();

    struct Bad {
        int line;
        std::string why;
    };
    std::vector<Bad> bad;
    std::size_t pos = 0;
    int lineNo = 0;
    int lastContentLine = 0;
    while (pos < text.size()) {
        const std::size_t nl = text.find('\n', pos);
        ++lineNo;
        if (nl == std::string::npos) {
            // Unterminated tail: every line we write ends in '\n', so this is a write that
            // did not finish. Keep it only if it happens to be a whole event.
            const std::string tail = text.substr(pos);
            JournalEvent e;
            std::string why;
            if (isBlank(tail)) {
                out.incompleteTail = true;
            } else if (parseEvent(tail, e, why)) {
                e.line = lineNo;
                out.events.push_back(std::move(e));
            } else {
                out.incompleteTail = true;
                warnings.push_back(name + " line " + std::to_string(lineNo) +
                                       ": the last line is incomplete (the app stopped while "
                                       "writing it); dropped it.");
            }
            break;
        }
        const std::string line = text.substr(pos, nl - pos);
        pos = nl + 1;
        out.intactBytes = pos;
        if (isBlank(line)) continue;
        lastContentLine = lineNo;
        JournalEvent e;
        std::string why;
        if (parseEvent(line, e, why)) {
            e.line = lineNo;
            out.events.push_back(std::move(e));
        } else {
            bad.push_back({lineNo, why});
        }
    }
    // Sane order: seq strictly rising, t_ms never going back and within a session's reach.
    {
        std::vector<JournalEvent> kept;
        kept.reserve(out.events.size());
        std::int64_t lastSeq = 0;
        std::int64_t lastMs = 0;
        for (JournalEvent& e : out.events) {
            std::string why;
            if (e.seq <= lastSeq)
                why = "seq " + std::to_string(e.seq) + " was already seen (the line is there twice?)";
            else if (e.at.value < 0 || e.at.value > kMaxJournalMs)
                why = "t_ms " + std::to_string(e.at.value) + " is not a session time";
            else if (e.at.value < lastMs)
                why = "t_ms " + std::to_string(e.at.value) + " goes back before " +
                      std::to_string(lastMs) + " of the line before";
            if (!why.empty()) {
                warnings.push_back(name + " line " + std::to_string(e.line) + " ('" + e.type +
                                       "'): " + why + "; skipped it and kept the rest.");
                continue;
            }
            lastSeq = e.seq;
            lastMs = e.at.value;
            kept.push_back(std::move(e));
        }
        out.events = std::move(kept);
    }
    for (const Bad& b : bad) {
        const bool atEnd = b.line == lastContentLine && !out.incompleteTail &&
                           (out.events.empty() || out.events.back().line < b.line);
        if (atEnd)
            warnings.push_back(name + " line " + std::to_string(b.line) +
                                   ": the last line is incomplete or damaged (" + b.why +
                                   "); dropped it.");
        else
            warnings.push_back(name + " line " + std::to_string(b.line) +
                                   ": damaged line (" + b.why +
                                   "); skipped it and kept the rest.");
    }
    Result<JournalContents> result(std::move(out));
    result.warnings = std::move(warnings);
    return result;
}

Journal::Journal(Key, std::filesystem::path file, UniqueFd fd, std::int64_t lastSeq,
                 std::uintmax_t size)
    : m_file(std::move(file)), m_fd(std::move(fd)), m_lastSeq(lastSeq), m_size(size) {}

Journal::~Journal() = default;

Result<OpenedJournal> Journal::open(const std::filesystem::path& file) {
    std::vector<std::string> warnings;
    std::error_code ec;
    const bool existed = std::filesystem::exists(file, ec);
    UniqueFd fd(::open(file.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644));
    if (!fd)
        return Error{"cannot open the journal for writing (" + errnoText(errno) + ")",
                     file.string(), "check the folder exists and is writable"};
    // One writer per session: a second program appending (or cutting a torn tail the first is
    // still writing) would interleave seqs and lose events. The lock is advisory, held for as
    // long as the descriptor is open, and released by the kernel when the process dies, so a
    // crashed session can be resumed at once. Taken before anything is read or repaired.
    int locked;
    do {
        locked = ::flock(fd.get(), LOCK_EX | LOCK_NB);
    } while (locked != 0 && errno == EINTR);
    if (locked != 0) {
        if (errno == EWOULDBLOCK)
            return Error{"the session is live in another program (pycast live or the studio)",
                         file.string(),
                         "use that program, or stop it first (Ctrl-C in pycast live; End or "
                         "close the session in the studio)"};
        return Error{"cannot lock the journal (" + errnoText(errno) + ")", file.string(),
                     "check the file system supports locks (a local disk does)"};
    }
    JournalContents read;
    if (existed) {
        Result<JournalContents> got = readJournal(file);
        if (!got) return got.error();
        read = std::move(*got);
        for (auto& w : got.warnings) warnings.push_back(std::move(w));
    }
    if (!existed && !syncFolder(file.parent_path())) {
        // The file exists; only its durability across a power cut is in doubt.
        warnings.push_back(file.string() + ": could not sync the session folder.");
    }
    struct stat sb {};
    if (::fstat(fd.get(), &sb) != 0)
        return Error{"cannot stat the journal (" + errnoText(errno) + ")", file.string(), {}};
    auto size = static_cast<std::uintmax_t>(sb.st_size);
    if (existed && size > read.intactBytes) {
        if (read.incompleteTail) {
            // Cut the torn line off so the next event starts on a line of its own.
            if (::ftruncate(fd.get(), static_cast<off_t>(read.intactBytes)) != 0 ||
                ::fdatasync(fd.get()) != 0)
                return Error{"cannot remove the incomplete last line (" + errnoText(errno) + ")",
                             file.string(), "check the disk has space and is writable"};
            size = read.intactBytes;
        } else {
            // A whole event without its newline: finish the line.
            if (::write(fd.get(), "\n", 1) != 1 || ::fdatasync(fd.get()) != 0)
                return Error{"cannot finish the last line (" + errnoText(errno) + ")",
                             file.string(), "check the disk has space and is writable"};
            size += 1;
        }
    }
    std::int64_t lastSeq = 0;
    for (const JournalEvent& e : read.events) lastSeq = std::max(lastSeq, e.seq);
    Result<OpenedJournal> out(OpenedJournal{
        std::make_unique<Journal>(Key{}, file, std::move(fd), lastSeq, size),
        std::move(read.events)});
    out.warnings = std::move(warnings);
    return out;
}

Result<JournalEvent> Journal::append(const std::string& type, SessionMs at, EpochMs wall,
                                     const nlohmann::json& fields,
                                     std::optional<SampleCount> sample) {
    if (m_lastSeq >= kMaxJournalSeq)  // the reader keeps no seq beyond it; never overflow
        return Error{"could not record the '" + type + "' event: the journal's line numbers are "
                     "used up",
                     m_file.string(), "start a new session for the rest of the show"};
    JournalEvent event;
    event.seq = m_lastSeq + 1;
    event.at = at;
    event.wall = formatIsoUtc(wall);
    event.type = type;
    event.sample = sample;
    event.fields = nlohmann::json::object();
    if (fields.is_object())
        for (const auto& [key, value] : fields.items())
            if (!isStandardKey(key)) event.fields[key] = value;

    const std::string line = serializeLine(event);
    const int fd = m_fd.get();
    ssize_t written;
    do {
        written = ::write(fd, line.data(), line.size());
    } while (written < 0 && errno == EINTR);
    if (written != static_cast<ssize_t>(line.size())) {
        const int err = written < 0 ? errno : ENOSPC;
        // Take back a partial line so the journal stays one event a line.
        if (written > 0 && ::ftruncate(fd, static_cast<off_t>(m_size)) != 0) {
            // Left torn; the reader drops or skips it with a warning.
        }
        return Error{"could not write the '" + type + "' event (" + errnoText(err) +
                         "); it was not recorded",
                     m_file.string(), "free some disk space or check the disk, then try again"};
    }
    if (m_deferSync) {
        m_unsynced = true;
    } else if (::fdatasync(fd) != 0) {
        const int err = errno;
        if (::ftruncate(fd, static_cast<off_t>(m_size)) != 0) {
            // Could not take it back either; reading will show whether it landed.
        }
        return Error{"could not flush the '" + type + "' event to disk (" + errnoText(err) +
                         "); it was not recorded",
                     m_file.string(), "free some disk space or check the disk, then try again"};
    }
    m_size += line.size();
    m_lastSeq = event.seq;
    event.line = 0;
    return event;
}

void Journal::deferSync(bool defer) { m_deferSync = defer; }

Status Journal::sync() {
    if (!m_unsynced) return ok();
    if (::fdatasync(m_fd.get()) != 0) {
        const int err = errno;
        return Error{"could not flush the journal to disk (" + errnoText(err) +
                         "); the last events were written but may not survive a power cut",
                     m_file.string(), "free some disk space or check the disk"};
    }
    m_unsynced = false;
    return ok();
}

}  // namespace pycast
