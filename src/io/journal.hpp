// The session journal: append-only journal.jsonl, one fdatasync'ed event a line (owner thread).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace pycast {

// Event types written today. The set is open: other parts (recorder, question queue) add
// their own; readers keep events of unknown types and the runner's replay skips them.
namespace journal_event {
// session-start: wall_start_ms (epoch ms at session ms 0), start_tod_s (local seconds after
// midnight then, with ms), start_date (local YYYY-MM-DD).
inline constexpr const char* kSessionStart = "session-start";
inline constexpr const char* kStart = "start";
inline constexpr const char* kPause = "pause";
inline constexpr const char* kResume = "resume";
inline constexpr const char* kNext = "next";
inline constexpr const char* kPrevious = "previous";
inline constexpr const char* kGoto = "goto";                    // segment (id), index
inline constexpr const char* kExtend = "extend";                // seconds (negative shortens)
inline constexpr const char* kMessage = "message";              // text
inline constexpr const char* kQuestionAnswered = "question-answered";  // question (id), optional
inline constexpr const char* kEnd = "end";
}  // namespace journal_event

// One line of the journal: {"seq":3,"t_ms":61000,"wall":"2026-11-25T11:31:01.000Z",
// "type":"next", ...type-specific fields}.
struct JournalEvent {
    std::int64_t seq = 0;                // 1, 2, 3 … in file order
    std::int64_t tMs = 0;                // session ms
    std::string wall;                    // ISO-8601 UTC with ms, "2026-11-25T11:31:01.000Z"
    std::string type;
    nlohmann::json fields = nlohmann::json::object();   // everything else on the line
    int line = 0;                        // 1-based line it was read from; 0 if never read

    nlohmann::json toJson() const;       // the line's object (seq, t_ms, wall, type first)
};

// "2026-11-25T11:31:01.234Z" for epoch ms.
std::string formatIsoUtc(std::int64_t epochMs);

// What reading a journal found. Damage never makes reading fail: an incomplete last line
// (the app stopped mid-write) is dropped, a corrupt line elsewhere is skipped, and each gets
// a warning naming the file and line. Only an unreadable file is an error.
struct JournalReadResult {
    std::vector<JournalEvent> events;
    std::vector<std::string> warnings;   // for the UI/CLI to show
    std::string error;                   // set when the file could not be read at all
    bool incompleteTail = false;         // the file ends in an unterminated, unusable line
    std::uintmax_t intactBytes = 0;      // bytes up to the last newline-terminated line
    bool ok() const { return error.empty(); }
};
JournalReadResult readJournal(const std::filesystem::path& file);

struct JournalAppendResult {
    bool ok = true;
    std::string error;                   // what failed; the event is then not in the journal
    JournalEvent event;                  // as written (seq and wall filled in)
    explicit operator bool() const { return ok; }
};

class Journal;
struct JournalOpenResult {
    std::unique_ptr<Journal> journal;    // null on error
    std::vector<JournalEvent> events;    // what was already there
    std::vector<std::string> warnings;
    std::string error;
};

// The writer. Each append is one write() of one line, then fdatasync, before it returns: an
// event that append reported as written survives a crash of the process (or the machine).
// Owned by one thread; not copyable.
class Journal {
public:
    // Opens FILE for appending, creating it (and syncing its folder) when missing. Reads what
    // is there first. An unterminated damaged last line is cut off so appends start clean.
    static JournalOpenResult open(const std::filesystem::path& file);

    ~Journal();
    Journal(const Journal&) = delete;
    Journal& operator=(const Journal&) = delete;

    // Appends {"seq","t_ms","wall","type", ...fields}. `fields` must be an object (or null);
    // keys named like the four standard ones are ignored.
    JournalAppendResult append(const std::string& type, std::int64_t tMs,
                               std::int64_t wallEpochMs,
                               const nlohmann::json& fields = nlohmann::json::object());

    std::int64_t lastSeq() const { return m_lastSeq; }
    const std::filesystem::path& file() const { return m_file; }

private:
    struct Key {};                       // only open() constructs

public:
    Journal(Key, std::filesystem::path file, int fd, std::int64_t lastSeq, std::uintmax_t size);

private:

    std::filesystem::path m_file;
    int m_fd = -1;
    std::int64_t m_lastSeq = 0;
    std::uintmax_t m_size = 0;           // bytes known to be whole lines
};

}  // namespace pycast
