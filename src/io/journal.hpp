// The session journal: append-only journal.jsonl, one fdatasync'ed event a line (owner thread).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/units.hpp"
#include "io/atomic_file.hpp"

namespace pycast {

// The session's own event; the live commands' events are defined in live/live_command.hpp.
// The set is open: readers keep events of unknown types and replay skips them.
namespace journal_event {
// session-start: wall_start_ms (epoch ms at session ms 0), start_tod_s (local seconds after
// midnight then, with ms), start_date (local YYYY-MM-DD).
inline constexpr const char* kSessionStart = "session-start";
}  // namespace journal_event

// One line of the journal: {"seq":3,"t_ms":61000,"wall":"2026-11-25T11:31:01.000Z",
// "type":"next", ...type-specific fields}; "sample" (the recorder's position) when one ran.
struct JournalEvent {
    std::int64_t seq = 0;                // 1, 2, 3 … in file order
    SessionMs at;                        // session ms ("t_ms" on disk)
    std::string wall;                    // ISO-8601 UTC with ms, "2026-11-25T11:31:01.000Z"
    std::string type;
    std::optional<SampleCount> sample;   // frames since the recording started (markers)
    nlohmann::json fields = nlohmann::json::object();   // everything else on the line
    int line = 0;                        // 1-based line it was read from; 0 if never read

    nlohmann::json toJson() const;       // the line's object (seq, t_ms, wall, type first)
};

// "2026-11-25T11:31:01.234Z" for epoch ms.
std::string formatIsoUtc(std::int64_t epochMs);
inline std::string formatIsoUtc(EpochMs at) { return formatIsoUtc(at.value); }

// A t_ms beyond this is damage (2^63-1 would print as 2562047788015:12:37): a session is one
// show, and even one resumed weeks later stays far below a year.
inline constexpr std::int64_t kMaxJournalMs = 366LL * 24 * 3600 * 1000;
// A seq outside 1..kMaxJournalSeq is damage too: the writer numbers lines from 1, and a journal
// ending at 2^63-1 would overflow on its next append (found by the `journal` fuzz target's
// review). 2^53-1 is the largest integer every JSON reader (JavaScript's too) keeps exactly.
inline constexpr std::int64_t kMaxJournalSeq = (1LL << 53) - 1;

// What reading a journal found. Damage never makes reading fail: an incomplete last line
// (the app stopped mid-write) is dropped, a corrupt line elsewhere is skipped, and each gets
// a warning naming the file and line. The journal is trusted only as far as it is sane: a
// line whose seq was already seen (replayed twice), whose t_ms goes back before the line
// before it, whose t_ms is negative or beyond kMaxJournalMs, or whose seq is not within
// 1..kMaxJournalSeq is skipped with a warning too. Only an unreadable file is an error.
struct JournalContents {
    std::vector<JournalEvent> events;
    bool incompleteTail = false;         // the file ends in an unterminated, unusable line
    std::uintmax_t intactBytes = 0;      // bytes up to the last newline-terminated line
};
// Damaged and insane lines are the Result's warnings, for the UI/CLI to show.
Result<JournalContents> readJournal(const std::filesystem::path& file);

class Journal;
// A journal open for appending and what was already in it.
struct OpenedJournal {
    std::unique_ptr<Journal> journal;
    std::vector<JournalEvent> events;
};

// The writer. Each append is one write() of one line, then fdatasync, before it returns: an
// event that append reported as written survives a crash of the process (or the machine).
// Owned by one thread; not copyable.
class Journal {
public:
    // Opens FILE for appending, creating it (and syncing its folder) when missing. Reads what
    // is there first. An unterminated damaged last line is cut off so appends start clean.
    // Warnings (damaged lines skipped, folder not synced) ride on the Result.
    // One writer at a time: the journal holds an advisory lock (flock, LOCK_EX) while it is
    // open; opening one that another Journal holds — another process, or this one — is an
    // Error ("the session is live in another program"). The kernel drops the lock when the
    // holder exits, however it exits.
    static Result<OpenedJournal> open(const std::filesystem::path& file);

    ~Journal();
    Journal(const Journal&) = delete;
    Journal& operator=(const Journal&) = delete;

    // Appends {"seq","t_ms","wall","type"[,"sample"], ...fields} and returns the event as
    // written (seq and wall filled in). `fields` must be an object (or null); keys named like
    // the standard ones are ignored. On an error the event is not in the journal.
    Result<JournalEvent> append(const std::string& type, SessionMs at, EpochMs wall,
                                const nlohmann::json& fields = nlohmann::json::object(),
                                std::optional<SampleCount> sample = std::nullopt);

    // Group commit: while deferred, append writes its line (one write(), so a crash of the
    // process loses nothing written) but leaves the fdatasync to sync(), which the owner calls
    // once for a whole batch before it acknowledges any event of it. Power loss before sync()
    // can lose the batch — nothing of which was acknowledged yet.
    void deferSync(bool defer);
    // fdatasync if anything was appended since the last one; the Error says what to do.
    Status sync();

    std::int64_t lastSeq() const { return m_lastSeq; }
    const std::filesystem::path& file() const { return m_file; }

private:
    struct Key {};                       // only open() constructs

public:
    Journal(Key, std::filesystem::path file, UniqueFd fd, std::int64_t lastSeq,
            std::uintmax_t size);

private:
    std::filesystem::path m_file;
    UniqueFd m_fd;
    std::int64_t m_lastSeq = 0;
    std::uintmax_t m_size = 0;           // bytes known to be whole lines
    bool m_deferSync = false;
    bool m_unsynced = false;             // appended since the last fdatasync
};

}  // namespace pycast
