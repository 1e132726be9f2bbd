// The audience question queue: a pure state machine over session ms (owner thread; no I/O).
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/show.hpp"

namespace pycast {

// pending → approved → on air → answered; dismissed (restorable) from any of the first three;
// merged into another question (restorable with unmerge). Each step has its inverse, so every
// producer change can be undone by performing another event (the journal stays append-only).
enum class QuestionState { Pending, Approved, OnAir, Answered, Dismissed, Merged };
// Where a question came from: pre-submitted in the show file, a CSV import, the audience page,
// or typed by the producer (e.g. from the live chat).
enum class QuestionSource { Show, Import, Web, Producer };

const char* toName(QuestionState s);   // "pending", "approved", "on-air", "answered", …
const char* toName(QuestionSource s);  // "show", "import", "web", "producer"
std::optional<QuestionState> questionStateFromString(std::string_view s);
std::optional<QuestionSource> questionSourceFromString(std::string_view s);

// Limits, in Unicode code points (not bytes): a question fits a phone screen, a name a badge.
inline constexpr std::size_t kMaxQuestionChars = 500;
inline constexpr std::size_t kMaxAskerNameChars = 60;
// A device id is what the audience page keeps in localStorage: 8–64 of [A-Za-z0-9_-].
inline constexpr std::size_t kMinDeviceIdChars = 8;
inline constexpr std::size_t kMaxDeviceIdChars = 64;
bool isValidDeviceId(std::string_view device);

struct LiveQuestion {
    std::string id;
    std::string text;
    std::string name;                    // who asked; "" when anonymous
    QuestionSource source = QuestionSource::Web;
    std::int64_t submittedMs = 0;        // session ms (0 for the show's own questions)
    std::vector<std::string> topics;     // labels from Show::topics
    std::string forPerson;               // person id it is addressed to; "" when anyone
    std::string segmentId;               // the segment on air when it was asked ("" before)
    QuestionState state = QuestionState::Pending;
    QuestionState stateBeforeDismiss = QuestionState::Pending;  // where restore returns it
    int baseVotes = 0;                   // votes without a device: show file, import
    std::vector<std::string> voters;     // device ids, sorted, unique
    std::vector<std::string> heldFor;    // blocked words it matched (marked for review)
    std::string originalText;            // the submitted text, once the producer edited it
    std::string mergedInto;              // when Merged
    std::vector<std::string> merged;     // ids merged into this one, in merge order
    std::optional<std::int64_t> onAirMs;     // session ms it last went on air
    std::optional<std::int64_t> answeredMs;  // session ms it was answered
    std::string answeredSegmentId;
    std::string device;                  // the asker's device, when from the page
    bool operator==(const LiveQuestion&) const = default;

    // Its own votes only; QuestionQueue::votes adds those of the questions merged into it.
    int ownVotes() const { return baseVotes + static_cast<int>(voters.size()); }
    bool hasOwnVote(std::string_view voter) const;
    // Shown to the room (page, presenter): approved or on air. Nothing else ever is.
    bool isPublic() const {
        return state == QuestionState::Approved || state == QuestionState::OnAir;
    }
};

// What a new question carries. The queue picks its id when `id` is empty ("q1", "q2", …, never
// one in use) and returns it; replay passes the journaled id back.
struct NewQuestion {
    std::string id;
    std::string text;
    std::string name;
    QuestionSource source = QuestionSource::Web;
    std::vector<std::string> topics;
    std::string forPerson;
    std::string segmentId;
    std::string device;                  // the asker's device ("" when not from a phone); kept
                                         // for the insights (distinct devices that asked)
    int votes = 0;                       // an import's vote count
};

enum class QuestionError {
    None,
    NoSuchQuestion,  // no question with that id
    WrongState,      // e.g. approve an answered one, on air a pending one
    AlreadyVoted,    // this device voted for it before
    Invalid,         // text empty or too long, bad device id, merge into itself …
    UnknownTopic,    // not one of the show's topics
    UnknownPerson,   // not a person of the show
    DuplicateId,     // a submitted id already in use (a damaged journal)
};
const char* toName(QuestionError e);  // "no-such-question", "wrong-state", "already-voted", …

// The outcome of one operation. On an error nothing changed.
struct QuestionResult {
    QuestionError error = QuestionError::None;
    std::string message;                 // a sentence: what, and what to do
    std::string id;                      // the question acted on (submit: the new id)
    explicit operator bool() const { return error == QuestionError::None; }
};

// Whether an operation only checks (nothing changes) or is carried out. The session checks,
// journals, then commits, so a refused request leaves no trace and an accepted one is written
// before anyone sees it; both modes run the same checks.
enum class Apply { Check, Commit };

// The queue of one live session. Built from the show (its pre-submitted questions enter as
// approved, in file order; its topics, people and blocked words are the rules), then changed
// only by the operations below, each at a session ms the caller gives — like ShowRunner, it
// reads no clock, so replaying a journal rebuilds the identical queue.
//
// Lookups by id are O(1); a vote is O(log voters + voters). Thread: one owner; not shared.
class QuestionQueue {
public:
    QuestionQueue() = default;
    explicit QuestionQueue(const Show& show);

    // Text: not blank, at most kMaxQuestionChars; name at most kMaxAskerNameChars; no control
    // characters but newline (in text); valid UTF-8. Web submissions start pending (and are
    // marked when a blocked word matches); the producer's, imports and the show's start
    // approved. A device id, when given, must be valid.
    QuestionResult submit(NewQuestion q, std::int64_t atMs, Apply mode = Apply::Commit);
    // One vote per device, for a public question (approved or on air).
    QuestionResult vote(const std::string& id, const std::string& device, std::int64_t atMs,
                        Apply mode = Apply::Commit);
    QuestionResult approve(const std::string& id, Apply mode = Apply::Commit);    // pending →
    QuestionResult unapprove(const std::string& id, Apply mode = Apply::Commit);  // → pending
    QuestionResult dismiss(const std::string& id, Apply mode = Apply::Commit);
    QuestionResult restore(const std::string& id, Apply mode = Apply::Commit);
    // Approved (or answered, to take it again) → on air; the question on air before goes back
    // to approved. One question is on air at a time.
    QuestionResult putOnAir(const std::string& id, std::int64_t atMs, Apply mode = Apply::Commit);
    QuestionResult takeOffAir(const std::string& id, Apply mode = Apply::Commit);  // → approved
    // On air or approved → answered at atMs in `segmentId`. An empty id means the one on air.
    QuestionResult answer(const std::string& id, std::int64_t atMs, const std::string& segmentId,
                          Apply mode = Apply::Commit);
    QuestionResult reopen(const std::string& id, Apply mode = Apply::Commit);  // answered →
    // approved
    // Pending or approved only: once on air the room has seen the words.
    QuestionResult edit(const std::string& id, const std::string& text,
                        Apply mode = Apply::Commit);
    // Each of `ids` becomes merged into `into`: its voters and base votes join `into`'s (a
    // device counts once), its text stays visible as merged. `into` must not be merged or
    // dismissed; an id may not be `into`, repeated, merged already or answered.
    QuestionResult merge(const std::string& into, const std::vector<std::string>& ids,
                         Apply mode = Apply::Commit);
    // Takes a merged question out of its target again (the target loses what it brought).
    QuestionResult unmerge(const std::string& id, Apply mode = Apply::Commit);
    QuestionResult label(const std::string& id, const std::vector<std::string>& topics,
                         Apply mode = Apply::Commit);
    QuestionResult assign(const std::string& id, const std::string& personId,
                          Apply mode = Apply::Commit);

    const std::vector<LiveQuestion>& all() const { return m_questions; }  // in submission order
    const LiveQuestion* find(std::string_view id) const;
    const LiveQuestion* onAir() const;
    // The votes a question shows: its own plus those of every question merged into it, a
    // device that voted for several of them counted once.
    int votes(const LiveQuestion& q) const;
    // Whether `device` voted for q or for a question merged into it.
    bool hasVoted(const LiveQuestion& q, std::string_view device) const;
    std::size_t count(QuestionState s) const;
    // Session ms of the oldest pending question's submission, if any wait.
    std::optional<std::int64_t> oldestPendingMs() const;
    const std::vector<std::string>& topics() const { return m_topics; }
    const std::vector<std::string>& blockedWords() const { return m_blocked; }

    // Bumped by every change, and by changes the audience can see (a pending question
    // arriving changes only the first). Services republish when these move.
    std::uint64_t revision() const { return m_revision; }
    std::uint64_t publicRevision() const { return m_publicRevision; }

    // Blocked words that occur in `text` (case-insensitive for ASCII letters; as written
    // otherwise), in the order of the list.
    std::vector<std::string> blockedWordsIn(std::string_view text) const;

    bool operator==(const QuestionQueue& o) const { return m_questions == o.m_questions; }

private:
    LiveQuestion* findMutable(std::string_view id);
    // The question `id` when its state is one of `from` (any, when empty); otherwise null, with
    // `refusal` saying why ("question 'q3' is answered; " + need).
    LiveQuestion* inState(const std::string& id, std::initializer_list<QuestionState> from,
                          const char* need, QuestionResult& refusal);
    // A plain step from one state to another.
    QuestionResult move(const std::string& id, QuestionState from, QuestionState to,
                        const char* need, Apply mode);
    static QuestionResult done(std::string id) {
        return QuestionResult{QuestionError::None, {}, std::move(id)};
    }
    QuestionResult fail(QuestionError e, std::string message, std::string id = {}) const;
    QuestionResult checkTopics(const std::vector<std::string>& topics) const;
    QuestionResult checkPerson(const std::string& personId) const;
    void touch(bool isPublic);
    std::string freshId() const;

    std::vector<LiveQuestion> m_questions;
    std::unordered_map<std::string, std::size_t> m_index;  // id → position
    std::vector<std::string> m_topics;
    std::vector<std::string> m_blocked;
    std::vector<std::string> m_people;   // person ids
    std::vector<std::string> m_takenIds; // segment and person ids: never a question's
    std::uint64_t m_revision = 0;
    std::uint64_t m_publicRevision = 0;
    std::uint64_t m_nextNumber = 1;
};

// Checks a question's text and an asker's name against the limits above: an Error message or
// nothing. Shared by the queue, the API layers and the CSV import.
std::optional<std::string> questionTextProblem(std::string_view text);
std::optional<std::string> askerNameProblem(std::string_view name);

}  // namespace pycast
