// The audience HTTP server for the phones in the room, its public view and its live service
// (pool threads; start/stop and publishing: owner).
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/poll_board.hpp"
#include "live/live_service.hpp"
#include "live/owner_queue.hpp"
#include "server/host_port.hpp"
#include "server/listener.hpp"
#include "server/rate_limit.hpp"

namespace pycast {

class Session;

inline constexpr int kDefaultAudiencePort = 8766;
inline constexpr const char* kAudienceServiceName = "audience page";  // ServiceInfo::name
inline constexpr std::size_t kMaxAudienceBodyBytes = 8 * 1024;
// How many devices' visits the listener remembers; past it, new devices are not counted.
inline constexpr std::size_t kMaxRememberedVisitors = 20'000;

// How fast one phone and one address may go. Devices are what the page keeps in
// localStorage; an address may be a whole room behind one NAT (150 phones polling every
// 2.5 s, a burst of votes when a question appears), so its limits are far wider.
struct AudienceLimits {
    RateLimit readsPerAddress{200, 1000};  // GET /api/questions and /api/polls
    RateLimit readsPerDevice{4, 20};
    RateLimit writesPerAddress{60, 600};  // submissions and votes together
    RateLimit submitsPerDevice{0.1, 5};   // 5 at once, then one every 10 s
    RateLimit votesPerDevice{2, 40};
    // Poll votes, a change of mind included: 10 at once, then one a second.
    RateLimit pollVotesPerDevice{1, 10};
    // Wrong PINs from one address: 20, then one every 5 s, so guessing a 6-digit PIN takes
    // weeks. While they are used up, that address gets 429 whatever PIN it sends.
    RateLimit wrongPinsPerAddress{0.2, 20};
};

struct AudienceApiOptions {
    // How long a submission or vote waits for the owner thread before 503.
    std::chrono::milliseconds replyTimeout{5000};
    AudienceLimits limits;
    ListenerOptions listener = [] {
        ListenerOptions o;
        o.maxBodyBytes = kMaxAudienceBodyBytes;
        // Phones poll every 2.5 s, so a longer keep-alive would not be reused between polls;
        // it only holds a worker, and delays switching off by as long for an idle phone.
        o.keepAliveTimeout = std::chrono::seconds(1);
        return o;
    }();
};

// One question as the room sees it.
struct AudienceQuestion {
    std::string id;
    std::string text;
    std::string name;  // "" when anonymous
    std::vector<std::string> topics;
    std::string forPerson;  // the guest it is for, by name; ""
    int votes = 0;
    std::vector<std::string> voters;  // device ids; never sent, they make "voted"
    bool operator==(const AudienceQuestion&) const = default;
};

// One poll as the room sees it: open or closed, never a draft.
struct AudiencePoll {
    std::string id;
    std::string question;
    bool open = false;  // else closed
    std::vector<std::string> options;
    // Votes per option (in the order of `options`) when the audience may see them
    // (LivePoll::resultsPublic: closed, or live results); none while they are hidden.
    std::optional<std::vector<int>> votes;
    // Each device's choice: {device id, option index}, sorted by device. Never sent; it
    // makes the device's own "voted".
    std::vector<std::pair<std::string, int>> ballots;
    bool operator==(const AudiencePoll&) const = default;
};

// What the audience page shows: built on the owner thread from the session.
struct AudienceView {
    std::string title;
    std::vector<std::string> topics;  // the show's topics; a submission's topic is one of them
    std::optional<AudienceQuestion> onAir;
    std::vector<AudienceQuestion> questions;  // approved, not on air; most votes, then oldest
    int answered = 0;
    // Increases whenever any of the above changes (the queue's public revision, which a
    // resumed session replays to the same number).
    std::uint64_t revision = 0;
    // Open polls in creation order, then closed ones, the latest closed first.
    std::vector<AudiencePoll> polls;
    std::uint64_t pollsRevision = 0;  // the poll board's public revision
    // Field by field (a caller that keeps a snapshot of a view can tell it still holds).
    bool operator==(const AudienceView&) const = default;
};

// The public JSON of one poll for DEVICE: {"id", "question", "state": "open"|"closed",
// "options": [{"label", "votes": int|null}], "votes": total|null, "voted": label|null}.
// "votes" are null while the audience may not see them. Any thread; pure.
nlohmann::json publicPollJson(const AudiencePoll& poll, std::string_view device);
// The room's view of one poll of the session (owner thread; pure).
AudiencePoll audiencePollOf(const LivePoll& poll);

// The public view as published: immutable, shared by every GET. The JSON is serialised once;
// a request only adds "accepting" and each question's "voted" for its device.
class AudienceSnapshot {
public:
    explicit AudienceSnapshot(const AudienceView& view);

    // The body of GET /api/questions for DEVICE ("" for none); it carries "polls" too, as
    // pollsBody does, so the page needs one request.
    std::string body(std::string_view device, bool accepting) const;
    // The body of GET /api/polls for DEVICE: {"polls": [POLL …], "revision": R}.
    std::string pollsBody(std::string_view device) const;
    std::uint64_t revision() const { return m_revision; }
    // A poll the room sees (open or closed), or null.
    const AudiencePoll* poll(std::string_view id) const;
    // Whether the audience can vote for ID (approved or on air).
    bool votable(std::string_view id) const;
    bool hasVoted(std::string_view id, std::string_view device) const;
    // Whether TOPIC is one of the show's topics.
    bool knowsTopic(std::string_view topic) const;

private:
    struct Item {
        std::string id;
        std::string json;                 // {"id":…,"votes":N  — without "voted" and "}"
        std::vector<std::string> voters;  // sorted
    };
    const Item* find(std::string_view id) const;

    std::uint64_t m_revision = 0;
    std::string m_head;  // "title":…,"topics":…,"on_air":…,"answered":N,"revision":R
    std::vector<Item> m_items;
    std::optional<Item> m_onAir;
    std::vector<std::string> m_topics;
    struct PollItem {
        AudiencePoll poll;
        std::string json;  // publicPollJson without "voted" and "}"
    };
    void appendPolls(std::string& out, std::string_view device) const;
    std::vector<PollItem> m_polls;
    std::uint64_t m_pollsRevision = 0;
};

// Where the owner publishes the public view and the pool threads read it. GETs never touch the
// owner thread: they take the current snapshot (a shared_ptr copy under a short lock).
//
// Threads: publish on the owner thread; current from any thread.
class AudienceBoard {
public:
    AudienceBoard();
    // Replaces what GETs serve (serialised here, on the caller's thread, outside the lock).
    void publish(const AudienceView& view);
    // Replaces what GETs serve with a snapshot made earlier (one view served by several boards
    // is serialised once). A null SNAPSHOT is ignored: GETs keep what they had.
    void publish(std::shared_ptr<const AudienceSnapshot> snapshot);
    std::shared_ptr<const AudienceSnapshot> current() const;

private:
    mutable std::mutex m_mutex;
    std::shared_ptr<const AudienceSnapshot> m_current;
};

// The audience API (docs: the contract in the issue; every refusal is
// {"error": sentence, "code": name}). GET / is the page, GET /api/questions the public view,
// POST /api/questions a submission, POST /api/questions/ID/vote a vote, GET /api/polls the
// open and closed polls, POST /api/polls/ID/vote a poll vote (docs/audience.md). Nothing is
// read or accepted without the PIN. Submissions and votes run on the owner thread as live
// commands, answered only once journaled; GETs read the board. A GET with a device id the
// listener has not seen posts an audience-visit to the owner (fire-and-forget) — the first
// kMaxRememberedVisitors devices only.
//
// Threads: construct, start and stop on the owner thread; the queue must outlive it.
class AudienceApi {
public:
    AudienceApi(OwnerQueue& queue, std::string pin, AudienceApiOptions options = {});
    ~AudienceApi();
    AudienceApi(const AudienceApi&) = delete;
    AudienceApi& operator=(const AudienceApi&) = delete;

    // Binds HOST:PORT; the bound port. Refused without a PIN.
    Result<int> start(const std::string& host, int port);
    // Refuses new submissions (503 not-accepting), closes the port, lets replies in flight
    // finish.
    void stop();

    AudienceBoard& board();
    // One request as the listener hands it over, answered without a socket (tests, the fuzz
    // targets of tests/fuzz): a HttpRequest without `raw` carries its headers, query and
    // address itself. Submissions and votes wait for the queue's owner to drain it, as over
    // HTTP (so someone must). Any thread. The body limit (413) is the listener's, not here.
    HttpReply handle(const HttpRequest& request);
    // Whether submissions are taken: start() sets it and stop() clears it; without a listener
    // (handle() alone) it is set here.
    void setAccepting(bool accepting);
    // Devices whose visit is counted already (a resumed session's): never posted again.
    void rememberVisitors(const std::vector<std::string>& devices);
    bool running() const;
    int port() const;
    const std::string& host() const;
    std::string url() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// A fresh 6-digit PIN (100000–999999) from the kernel's CSPRNG (getrandom).
std::string newAudiencePin();
// 4 to 32 ASCII letters or digits: a PIN fits a URL's query and a person can type it.
bool validAudiencePin(std::string_view pin);

// The public view of a session's questions (owner thread).
AudienceView audienceViewOf(const Session& session);

// The audience API as a service of the LiveHost: starts with the session, stops (port closed)
// with it or when the producer switches submissions off (LiveHost::stopService with
// kAudienceServiceName). Its info().url is the page's URL with the PIN (for a listener on
// 0.0.0.0, on the LAN address phones can reach: server/lan_address.hpp).
struct AudienceServiceOptions {
    HostPort address{"0.0.0.0", kDefaultAudiencePort};
    std::optional<std::string> pin;  // default: the session's own (session.json)
    // How the person sets the address in this front end, added to a failure to start.
    std::string addressHint;
    AudienceApiOptions api;
};
std::unique_ptr<LiveService> makeAudienceService(AudienceServiceOptions options);

}  // namespace pycast
