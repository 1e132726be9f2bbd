// The live session: show snapshot, journal and the domains' state, in one folder (owner thread).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/clock.hpp"
#include "io/journal.hpp"
#include "core/show.hpp"
#include "core/show_runner.hpp"
#include "core/error.hpp"
#include "live/live_command.hpp"
#include "live/live_state.hpp"
#include "live/report.hpp"

namespace pycast {

inline constexpr int kSessionFormatVersion = 1;
inline constexpr const char* kSessionShowFile = "show.json";       // the show as it started
inline constexpr const char* kSessionJournalFile = "journal.jsonl";
inline constexpr const char* kSessionInfoFile = "session.json";    // version, created, token
inline constexpr const char* kSessionReportMarkdown = "report.md";
inline constexpr const char* kSessionReportCsv = "report.csv";

// Where sessions go unless told otherwise: $PYCAST_SESSIONS_DIR when set, else
// HOME/PyCast/sessions (`home` defaults to $HOME; a relative "PyCast/sessions" without one).
std::filesystem::path defaultSessionsRoot(const char* home = nullptr);

// "pycast-live-ep3" from series + episode, else from the title, else from the series;
// lowercase ASCII letters and digits joined by '-'. "session" when nothing usable is left.
std::string sessionSlug(const Show& show);

// What a view shows: the runner's state plus the session around it.
struct SessionState {
    RunnerState runner;
    std::optional<ProducerMessage> message;   // the latest one
    const QuestionQueue* questions = nullptr; // the session's; valid while it lives
    const PollBoard* polls = nullptr;         // the session's; valid while it lives
    std::filesystem::path dir;
    std::string controlToken;
    std::int64_t sessionMs = 0;
};

// The outcome of one action. On a refusal nothing was journaled and nothing changed; `refusal`
// says which kind (the HTTP side picks the status from it), `code` the domain's stable name.
struct SessionActionResult {
    bool ok = true;
    LiveRefusal refusal = LiveRefusal::None;
    std::string code;                    // "not-started", "no-such-segment" … when refused
    Error error;                         // what, where, what to do; empty when ok
    std::int64_t seq = 0;                // journal seq of the event written
    std::string id;                      // the question or segment acted on (submit: the new id)
    std::vector<std::string> warnings;   // done, but something on the side failed (report)
    explicit operator bool() const { return ok; }
};

// Clocks a session reads; null means the real ones. They must outlive the session.
struct SessionOptions {
    const Clock* clock = nullptr;        // monotonic session time (SteadyClock)
    const WallClock* wall = nullptr;     // journal stamps, folder date, time of day
    // The show file the session was started from (create only). Kept in session.json so a
    // resumed session can reopen it for editing; show.json stays the snapshot.
    std::filesystem::path sourceFile;
};

class Session;

// One line for the "resume an interrupted session?" offer.
struct InterruptedSession {
    std::filesystem::path dir;
    std::string title;                   // the show's title, or the folder name
    std::int64_t lastEventMs = 0;        // session ms of the last event
    std::string lastWall;                // ISO-8601 UTC of the last event
    std::size_t events = 0;
};

// How replaying one journal event went.
struct ReplayOutcome {
    enum class Kind { Applied, Ignored, Rejected };
    Kind kind = Kind::Applied;
    std::string why;                     // for Rejected
};
// Replays one journal event into the domain that owns its type (session_replay.cpp); events of
// types no domain knows are Ignored (kept in the journal for other readers).
ReplayOutcome replayJournalEvent(LiveState& state, const JournalEvent& event, SessionMs at);

// A session read without touching it (for `pycast report`, the exporter, the resume offer):
// the show snapshot, every journal event and the runner replayed to the last event.
struct SessionSnapshot {
    std::filesystem::path dir;
    Show show;
    std::string controlToken;
    std::vector<JournalEvent> events;
    ShowRunner runner;
    std::int64_t wallStartMs = 0;        // epoch ms at session ms 0
    std::optional<std::int64_t> startTodMs;   // local ms after midnight at session ms 0
    std::string startDate;               // local YYYY-MM-DD the session started
    std::optional<ProducerMessage> lastMessage;
    QuestionQueue questions;             // replayed to the last event
    std::vector<Marker> markers;         // the plain markers, in order
    RecordingLog recording;              // takes, their files, dropouts
    PollBoard polls;                     // replayed to the last event
    AudienceLog audience;                // devices that opened the audience page
    std::string audiencePin;
    std::int64_t lastEventMs = 0;
    bool ended = false;
};
// Errors name the folder and what to do ("not a session folder: no journal.jsonl"); damaged
// journal lines are warnings.
Result<SessionSnapshot> loadSessionSnapshot(const std::filesystem::path& dir);

// The live session: a show snapshot, its journal and a runner, in one folder. Every action
// first appends its event to the journal (fdatasync'ed), then applies it, so a crash loses
// nothing that was acknowledged and `open` rebuilds the same state.
//
// Session time (ms) starts at 0 when the session is created and follows the monotonic
// clock; a resumed session continues from the wall clock (now - wall start), because the
// show went on in the room while the app was down.
//
// Thread: owned by one thread (the UI's, or the CLI's main loop). The HTTP server posts
// requests to that thread; it never calls a Session directly. Not copyable.
class Session {
public:
    // A new folder SESSIONS_ROOT/<YYYY-MM-DD>-<slug>[-2, -3 …] (local date of the wall clock).
    static Result<std::unique_ptr<Session>> create(const Show& show,
                                                   const std::filesystem::path& sessionsRoot,
                                                   SessionOptions options = {});
    // A new session in DIR (created if missing; refused if it already holds a journal).
    static Result<std::unique_ptr<Session>> createAt(const Show& show,
                                                     const std::filesystem::path& dir,
                                                     SessionOptions options = {});
    // Resumes the session in DIR: loads show.json, replays journal.jsonl. Damaged journal
    // lines come back as warnings, never as a refusal.
    static Result<std::unique_ptr<Session>> open(const std::filesystem::path& dir,
                                                 SessionOptions options = {});
    // Sessions under SESSIONS_ROOT whose journal has no "end", newest first.
    static std::vector<InterruptedSession> findInterrupted(
        const std::filesystem::path& sessionsRoot);

    // Every live command (live/live_command.hpp): checked, journaled (fdatasync'ed), then
    // applied by its domain. End also writes report.md and report.csv (a failure there is a
    // warning).
    SessionActionResult perform(LiveRequest request);
    // Journals an event of another kind (recorder status, markers, question states). No
    // domain replays it yet; it is kept in events(). Refused for the live commands' types.
    SessionActionResult appendEvent(const std::string& type, const nlohmann::json& fields,
                                    std::optional<SampleCount> sample = std::nullopt);

    // Writes report.md and report.csv (atomically) for the session as it stands, with the
    // airtime measured from the recorded tracks when no take is running (a take that runs is
    // measured once the recorder stopped it: the recorder service calls this again). Returns
    // warnings (a take whose files could not be read), or the Error of the write.
    Result<std::vector<std::string>> writeReport();
    // The report writeReport() last built (null before the first): what report.md holds.
    const SessionReport* report() const { return m_report ? &*m_report : nullptr; }
    // The recorder's timeline sample now: while set, every event journaled without a sample of
    // its own is stamped with it (segment changes, answered questions, markers land on the exact
    // sample). Null clears it (the recorder stopped). Owner thread; the source must be cheap
    // (an atomic load).
    void setSampleSource(std::function<std::optional<SampleCount>()> source);
    // Group commit for the owner queue's drain: actions journal their lines but one
    // fdatasync (syncJournal) covers the batch, before any of it is acknowledged.
    void deferJournalSync(bool defer);
    Status syncJournal();

    SessionState state() const;
    std::int64_t sessionMs() const;      // now, never before the last journaled event
    bool checkToken(const std::string& token) const;   // constant-time comparison

    const Show& show() const { return m_live.runner.show(); }
    const ShowRunner& runner() const { return m_live.runner; }
    const QuestionQueue& questions() const { return m_live.questions; }
    const std::vector<Marker>& markers() const { return m_live.markers; }
    const RecordingLog& recording() const { return m_live.recording; }
    const PollBoard& polls() const { return m_live.polls; }
    const AudienceLog& audience() const { return m_live.audience; }
    // The audience page's PIN, kept in session.json ("" until one is set).
    const std::string& audiencePin() const { return m_audiencePin; }
    // Sets and keeps it (session.json rewritten atomically); the Error says why not.
    Status setAudiencePin(const std::string& pin);
    const std::filesystem::path& dir() const { return m_dir; }
    const std::string& controlToken() const { return m_token; }
    // The show file it was started from, when known (absolute); may no longer exist.
    const std::filesystem::path& sourceFile() const { return m_sourceFile; }
    const std::vector<JournalEvent>& events() const { return m_events; }
    std::int64_t wallStartMs() const { return m_wallStartMs; }
    const std::string& startDate() const { return m_startDate; }

    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

private:
    struct Key {};

public:
    Session(Key, SessionOptions options);   // use create/createAt/open

private:
    // Appends one event at `at` (fdatasync'ed); changes no domain.
    SessionActionResult journal(const std::string& type, const nlohmann::json& fields,
                                std::optional<SampleCount> sample, SessionMs at);

    const Clock* m_clock = nullptr;
    const WallClock* m_wall = nullptr;
    std::filesystem::path m_dir;
    std::string m_token;
    std::string m_audiencePin;
    std::string m_created;               // session.json's "created", kept when it is rewritten
    std::filesystem::path m_sourceFile;
    std::unique_ptr<Journal> m_journal;
    std::function<std::optional<SampleCount>()> m_sampleSource;
    std::optional<SessionReport> m_report;
    LiveState m_live;
    std::vector<JournalEvent> m_events;
    std::int64_t m_clockOriginMs = 0;    // clock ms at session ms 0
    std::int64_t m_wallStartMs = 0;
    std::int64_t m_lastEventMs = 0;
    std::string m_startDate;
};

}  // namespace pycast
