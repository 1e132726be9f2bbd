// Topic polls of a live session: a pure state machine over session ms (owner thread; no I/O).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/question_queue.hpp"  // Apply, isValidDeviceId
#include "core/show.hpp"

namespace pycast {

// draft (prepared, not shown) → open (on the audience page, taking votes) → closed (results
// final, shown to the audience). A closed poll can be opened again (the producer closed it too
// early); its votes stay.
enum class PollState { Draft, Open, Closed };
const char* toName(PollState s);  // "draft", "open", "closed"
std::optional<PollState> pollStateFromString(std::string_view s);

// Limits, in Unicode code points: a poll fits a phone screen and the presenter's bars.
inline constexpr std::size_t kMinPollOptions = 2;
inline constexpr std::size_t kMaxPollOptions = 8;
inline constexpr std::size_t kMaxPollQuestionChars = 200;
inline constexpr std::size_t kMaxPollOptionChars = 60;

// One device's vote: the option's index into LivePoll::options. A device has at most one per
// poll; voting again changes it.
struct PollBallot {
    std::string device;
    int option = 0;
    std::int64_t atMs = 0;  // session ms of its last change
    bool operator==(const PollBallot&) const = default;
};

struct LivePoll {
    std::string id;
    std::string question;
    std::vector<std::string> options;
    PollState state = PollState::Draft;
    bool liveResults = false;   // counts visible to the audience while open (always once closed)
    bool fromShow = false;      // prepared in the show file (else added live)
    std::int64_t createdMs = 0; // session ms (0 for the show's own)
    std::optional<std::int64_t> openedMs;  // the last time it opened
    std::optional<std::int64_t> closedMs;  // the last time it closed
    std::vector<PollBallot> ballots;       // sorted by device, one per device
    bool operator==(const LivePoll&) const = default;

    // Votes per option, in the order of `options`.
    std::vector<int> counts() const;
    int totalVotes() const { return static_cast<int>(ballots.size()); }
    const PollBallot* ballotOf(std::string_view device) const;
    // The option named `label` exactly, else the one whose foldKey matches (case and spacing
    // typed differently on a phone); none when neither.
    std::optional<int> optionIndex(std::string_view label) const;
    // Whether the audience sees the counts now.
    bool resultsPublic() const { return state == PollState::Closed || liveResults; }
};

// What a new poll carries. The board picks its id when `id` is empty ("poll1", "poll2", …).
struct NewPoll {
    std::string id;
    std::string question;
    std::vector<std::string> options;
    bool liveResults = false;
    bool fromShow = false;
};

enum class PollError {
    None,
    NoSuchPoll,     // no poll with that id
    WrongState,     // vote on a draft or closed poll, close a draft, open an open one
    UnknownOption,  // the vote names no option of the poll
    Invalid,        // question/options out of limits, bad device id
    DuplicateId,    // an id already in use (a damaged journal)
};
const char* toName(PollError e);  // "no-such-poll", "poll-closed", "unknown-option", …

struct PollResult {
    PollError error = PollError::None;
    std::string message;  // a sentence: what, and what to do
    std::string id;       // the poll acted on (create: the new id)
    // PollError::WrongState on a vote: "poll-closed" or "poll-not-open" for the API's code.
    std::string code;
    explicit operator bool() const { return error == PollError::None; }
};

// The polls of one live session. Built from the show (its polls enter as drafts, in file
// order), then changed only by the operations below, each at a session ms the caller gives —
// like QuestionQueue, it reads no clock, so a replayed journal rebuilds identical counts.
// Thread: one owner; not shared.
class PollBoard {
public:
    PollBoard() = default;
    explicit PollBoard(const Show& show);

    // Question and options within the limits (pollProblem); ids unique across the show's ids.
    PollResult create(NewPoll poll, std::int64_t atMs, Apply mode = Apply::Commit);
    PollResult open(const std::string& id, std::int64_t atMs, Apply mode = Apply::Commit);
    PollResult close(const std::string& id, std::int64_t atMs, Apply mode = Apply::Commit);
    // One vote per device while the poll is open; a second vote from the device replaces its
    // first (the same option again changes nothing and succeeds).
    PollResult vote(const std::string& id, const std::string& device, std::string_view option,
                    std::int64_t atMs, Apply mode = Apply::Commit);
    // Whether the audience sees the counts while it is open.
    PollResult setLiveResults(const std::string& id, bool live, Apply mode = Apply::Commit);

    const std::vector<LivePoll>& all() const { return m_polls; }  // in creation order
    const LivePoll* find(std::string_view id) const;
    // Bumped by every change; the public one by changes the audience page shows (all but a
    // new draft: a vote shows as the device's own choice even while counts are hidden).
    std::uint64_t revision() const { return m_revision; }
    std::uint64_t publicRevision() const { return m_publicRevision; }
    bool operator==(const PollBoard& o) const { return m_polls == o.m_polls; }

private:
    LivePoll* findMutable(std::string_view id);
    PollResult fail(PollError e, std::string message, std::string id = {},
                    std::string code = {}) const;
    std::string freshId() const;
    void touch(bool isPublic);

    std::vector<LivePoll> m_polls;
    std::unordered_map<std::string, std::size_t> m_index;
    std::vector<std::string> m_takenIds;  // the show's other ids, sorted
    std::uint64_t m_revision = 0;
    std::uint64_t m_publicRevision = 0;
};

// What is wrong with a poll's question and options (limits, blanks, repeats, UTF-8, control
// characters), as one sentence; none when it is fine. Shared by the board, the show file's
// validation and the API layers.
std::optional<std::string> pollProblem(std::string_view question,
                                       const std::vector<std::string>& options);
// Its two halves, for a show file's paths (/polls/I/question, /polls/I/options[/J]).
std::optional<std::string> pollQuestionProblem(std::string_view question);
struct PollOptionsProblem {
    std::optional<std::size_t> option;  // the option at fault; none: the count is wrong
    std::string message;
};
std::optional<PollOptionsProblem> pollOptionsProblem(const std::vector<std::string>& options);

// "Vote on topics, never on companies": each option that names one of the show's companies
// (the company's folded name appears in the option's folded text), as a warning with the
// option's JSON path in the show file (/polls/I/options/J). Pure.
struct PollWarning {
    std::string path;
    std::string message;
};
std::vector<PollWarning> pollCompanyWarnings(const Show& show);
// The same rule for one poll (the studio's and the API's live polls); the messages only.
std::vector<std::string> companyNamedOptions(const Show& show,
                                             const std::vector<std::string>& options);

}  // namespace pycast
