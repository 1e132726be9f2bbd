// The audience HTTP server for the phones in the room, its public view and its live service
// (pool threads; start/stop and publishing: owner).
#include "server/audience_api.hpp"

#include <httplib.h>
#include <sys/random.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <climits>
#include <cstdint>
#include <cstring>
#include <thread>
#include <unordered_set>
#include <utility>
#include <variant>

#include "core/question_queue.hpp"
#include "core/text.hpp"
#include "live/live_command.hpp"
#include "live/session.hpp"
#include "server/audience_page.hpp"
#include "server/audience_text.hpp"
#include "server/control_api.hpp"
#include "server/lan_address.hpp"

namespace pycast {

namespace {

using nlohmann::json;

constexpr std::string_view kQuestionsPath = "/api/questions";
constexpr std::string_view kPollsPath = "/api/polls";
constexpr std::string_view kVoteSuffix = "/vote";

// The ID in BASE/ID/SUFFIX ("/api/polls/poll1/vote"), or none.
std::optional<std::string> idBefore(const std::string& path, std::string_view base,
                                    std::string_view suffix) {
    const std::size_t head = base.size() + 1;
    if (path.size() <= head + suffix.size() || path.compare(0, base.size(), base) != 0 ||
        path[base.size()] != '/' ||
        path.compare(path.size() - suffix.size(), suffix.size(), suffix) != 0)
        return std::nullopt;
    std::string id = path.substr(head, path.size() - head - suffix.size());
    if (id.find('/') != std::string::npos) return std::nullopt;
    return id;
}

// An Error as one sentence for a JSON body: capitalised, ending in a full stop.
std::string sentence(const Error& e) {
    std::string s = e.message();
    if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    if (!s.empty() && s.back() != '.' && s.back() != ')' && s.back() != '?') s += '.';
    return s;
}

HttpReply refuse(const AudienceProblem& p) {
    return errorReply(p.status, sentence(p.error), p.code);
}

HttpReply refuse(int status, std::string code, std::string what, std::string remedy = {}) {
    return refuse(
        AudienceProblem{status, std::move(code), Error{std::move(what), {}, std::move(remedy)}});
}

HttpReply tooMany(std::chrono::seconds wait, std::string_view who) {
    HttpReply r = refuse(429, "rate-limited", "too many requests from this " + std::string(who),
                         "wait " + std::to_string(wait.count()) + " s and try again");
    r.headers.emplace_back("Retry-After", std::to_string(wait.count()));
    return r;
}

HttpReply wrongMethod(std::string_view path, const char* allowed) {
    HttpReply r =
        refuse(405, "wrong-method", "use " + std::string(allowed) + " for " + std::string(path));
    r.headers.emplace_back("Allow", allowed);
    return r;
}

void appendJsonString(std::string& out, std::string_view text) {
    out += json(std::string(text)).dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string publicQuestionJson(const AudienceQuestion& q) {
    // "for" is a C++ keyword; the rest of the names are the contract's.
    json j = {{"id", q.id},         {"text", q.text},     {"name", q.name},
              {"topics", q.topics}, {"for", q.forPerson}, {"votes", q.votes}};
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::vector<std::string> sortedVoters(std::vector<std::string> voters) {
    std::sort(voters.begin(), voters.end());
    return voters;
}

// The option DEVICE chose in POLL, or none.
std::optional<int> choiceOf(const AudiencePoll& poll, std::string_view device) {
    if (device.empty()) return std::nullopt;
    const auto it = std::lower_bound(
        poll.ballots.begin(), poll.ballots.end(), device,
        [](const std::pair<std::string, int>& b, std::string_view d) { return b.first < d; });
    if (it == poll.ballots.end() || it->first != device) return std::nullopt;
    return it->second;
}

json votedJson(const AudiencePoll& poll, std::string_view device) {
    const std::optional<int> choice = choiceOf(poll, device);
    if (!choice || *choice < 0 || static_cast<std::size_t>(*choice) >= poll.options.size())
        return nullptr;
    return poll.options[static_cast<std::size_t>(*choice)];
}

}  // namespace

json publicPollJson(const AudiencePoll& poll, std::string_view device) {
    json options = json::array();
    int total = 0;
    for (std::size_t i = 0; i < poll.options.size(); ++i) {
        json votes = nullptr;
        if (poll.votes) {
            const int n = i < poll.votes->size() ? (*poll.votes)[i] : 0;
            votes = n;
            total += n;
        }
        options.push_back({{"label", poll.options[i]}, {"votes", std::move(votes)}});
    }
    return {{"id", poll.id},
            {"question", poll.question},
            {"state", poll.open ? "open" : "closed"},
            {"options", std::move(options)},
            {"votes", poll.votes ? json(total) : json(nullptr)},
            {"voted", votedJson(poll, device)}};
}

AudiencePoll audiencePollOf(const LivePoll& poll) {
    AudiencePoll out;
    out.id = poll.id;
    out.question = poll.question;
    out.open = poll.state == PollState::Open;
    out.options = poll.options;
    if (poll.resultsPublic()) out.votes = poll.counts();
    out.ballots.reserve(poll.ballots.size());
    for (const PollBallot& b : poll.ballots) out.ballots.emplace_back(b.device, b.option);
    std::sort(out.ballots.begin(), out.ballots.end());  // the board keeps them so already
    return out;
}

// ---------------------------------------------------------------------------------------------
// The snapshot

AudienceSnapshot::AudienceSnapshot(const AudienceView& view)
    : m_revision(view.revision), m_topics(view.topics) {
    std::string head = "\"title\":";
    appendJsonString(head, view.title);
    head += ",\"topics\":";
    head += nlohmann::json(view.topics).dump(-1, ' ', false, json::error_handler_t::replace);
    head += ",\"on_air\":";
    head += view.onAir ? publicQuestionJson(*view.onAir) : "null";
    head += ",\"answered\":" + std::to_string(view.answered);
    head += ",\"revision\":" + std::to_string(view.revision);
    m_head = std::move(head);
    if (view.onAir) m_onAir = Item{view.onAir->id, {}, sortedVoters(view.onAir->voters)};
    m_items.reserve(view.questions.size());
    for (const AudienceQuestion& q : view.questions) {
        std::string j = publicQuestionJson(q);
        j.pop_back();  // the closing brace: "voted" goes in per request
        m_items.push_back(Item{q.id, std::move(j), sortedVoters(q.voters)});
    }
    m_pollsRevision = view.pollsRevision;
    m_polls.reserve(view.polls.size());
    for (const AudiencePoll& p : view.polls) {
        PollItem item{p, {}};
        std::sort(item.poll.ballots.begin(), item.poll.ballots.end());
        json j = publicPollJson(item.poll, {});
        j.erase("voted");
        item.json = j.dump(-1, ' ', false, json::error_handler_t::replace);
        item.json.pop_back();  // the closing brace: "voted" goes in per request
        m_polls.push_back(std::move(item));
    }
}

const AudiencePoll* AudienceSnapshot::poll(std::string_view id) const {
    for (const PollItem& item : m_polls)
        if (item.poll.id == id) return &item.poll;
    return nullptr;
}

void AudienceSnapshot::appendPolls(std::string& out, std::string_view device) const {
    out += "\"polls\":[";
    bool first = true;
    for (const PollItem& item : m_polls) {
        if (!first) out += ',';
        first = false;
        out += item.json;
        out += ",\"voted\":";
        out += votedJson(item.poll, device).dump(-1, ' ', false, json::error_handler_t::replace);
        out += '}';
    }
    out += ']';
}

std::string AudienceSnapshot::pollsBody(std::string_view device) const {
    std::string out = "{";
    appendPolls(out, device);
    out += ",\"revision\":" + std::to_string(m_pollsRevision) + "}\n";
    return out;
}

const AudienceSnapshot::Item* AudienceSnapshot::find(std::string_view id) const {
    if (m_onAir && m_onAir->id == id) return &*m_onAir;
    for (const Item& item : m_items)
        if (item.id == id) return &item;
    return nullptr;
}

bool AudienceSnapshot::votable(std::string_view id) const { return find(id) != nullptr; }

bool AudienceSnapshot::hasVoted(std::string_view id, std::string_view device) const {
    const Item* item = find(id);
    return item && !device.empty() &&
           std::binary_search(item->voters.begin(), item->voters.end(), device);
}

bool AudienceSnapshot::knowsTopic(std::string_view topic) const {
    return std::find(m_topics.begin(), m_topics.end(), topic) != m_topics.end();
}

std::string AudienceSnapshot::body(std::string_view device, bool accepting) const {
    std::string out;
    out.reserve(m_head.size() + 64 + m_items.size() * 200);
    out += "{\"accepting\":";
    out += accepting ? "true" : "false";
    out += ',';
    out += m_head;
    out += ",\"questions\":[";
    bool first = true;
    for (const Item& item : m_items) {
        if (!first) out += ',';
        first = false;
        out += item.json;
        const bool voted =
            !device.empty() && std::binary_search(item.voters.begin(), item.voters.end(), device);
        out += voted ? ",\"voted\":true}" : ",\"voted\":false}";
    }
    out += "],";
    appendPolls(out, device);
    out += ",\"polls_revision\":" + std::to_string(m_pollsRevision) + "}\n";
    return out;
}

AudienceBoard::AudienceBoard()
    : m_current(std::make_shared<const AudienceSnapshot>(AudienceView{})) {}

void AudienceBoard::publish(const AudienceView& view) {
    publish(std::make_shared<const AudienceSnapshot>(view));
}

void AudienceBoard::publish(std::shared_ptr<const AudienceSnapshot> next) {
    if (!next) return;
    std::shared_ptr<const AudienceSnapshot> old;
    {
        std::lock_guard lock(m_mutex);
        old = std::exchange(m_current, std::move(next));
    }
    // `old` is freed here, outside the lock (or later by the last GET still holding it).
}

std::shared_ptr<const AudienceSnapshot> AudienceBoard::current() const {
    std::lock_guard lock(m_mutex);
    return m_current;
}

// ---------------------------------------------------------------------------------------------
// The server

struct AudienceApi::Impl {
    OwnerQueue& queue;
    std::string pin;
    AudienceApiOptions options;
    AudienceBoard board;
    std::atomic<bool> accepting{false};
    RateLimiter readsPerAddress;
    RateLimiter readsPerDevice;
    RateLimiter writesPerAddress;
    RateLimiter submitsPerDevice;
    RateLimiter votesPerDevice;
    RateLimiter pollVotesPerDevice;
    RateLimiter wrongPinsPerAddress;
    // Devices whose visit was posted (or counted before a resume), at most
    // kMaxRememberedVisitors.
    std::mutex visitorsMutex;
    std::unordered_set<std::string> visitors;
    HttpListener listener;

    Impl(OwnerQueue& q, std::string p, AudienceApiOptions o)
        : queue(q),
          pin(std::move(p)),
          options(std::move(o)),
          readsPerAddress(options.limits.readsPerAddress),
          readsPerDevice(options.limits.readsPerDevice),
          writesPerAddress(options.limits.writesPerAddress),
          submitsPerDevice(options.limits.submitsPerDevice),
          votesPerDevice(options.limits.votesPerDevice),
          pollVotesPerDevice(options.limits.pollVotesPerDevice),
          wrongPinsPerAddress(options.limits.wrongPinsPerAddress),
          listener([this](const HttpRequest& req) { return handle(req); }, options.listener) {}

    static std::string param(const HttpRequest& req, const char* name) {
        return req.param(name).value_or(std::string());
    }
    static std::string address(const HttpRequest& req) { return req.remote(); }

    // 403 or 429 unless GIVEN is the PIN. Wrong guesses are counted per address; while an
    // address has used them up, even the right PIN gets 429, so guessing learns nothing.
    std::optional<HttpReply> refusePin(const std::string& given, const std::string& from,
                                       RateLimiter::Clock::time_point now) {
        if (auto wait = wrongPinsPerAddress.wouldRefuse(from, now))
            return tooMany(*wait, "address after wrong PINs");
        if (tokensMatch(pin, given)) return std::nullopt;
        wrongPinsPerAddress.take(from, now);
        return refuse(403, "wrong-pin",
                      given.empty() ? "this needs the session's PIN" : "the PIN is wrong",
                      "open the link or QR code shown in the room, or type the PIN shown there");
    }

    HttpReply page(const HttpRequest& req) {
        const std::string lang = pickAudienceLanguage(req.header("Accept-Language"));
        HttpReply r;
        r.contentType = "text/html; charset=utf-8";
        r.text = audiencePage(lang);
        r.headers = {{"Content-Language", lang},
                     {"Vary", "Accept-Language"},
                     {"X-Content-Type-Options", "nosniff"},
                     {"Referrer-Policy", "no-referrer"},
                     {"Content-Security-Policy",
                      "default-src 'none'; script-src 'unsafe-inline'; style-src "
                      "'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri "
                      "'none'; form-action 'none'; frame-ancestors 'none'"}};
        return r;
    }

    // A device that opened the page: counted once, by the owner, without waiting for it (a
    // GET never waits on the owner thread). Refused "already-counted" is fine.
    void noteVisit(const std::string& device) {
        {
            std::lock_guard lock(visitorsMutex);
            if (visitors.size() >= kMaxRememberedVisitors || !visitors.insert(device).second)
                return;
        }
        LiveRequest request = LiveRequest(LiveCommand::AudienceVisit).withDevice(device);
        queue.post<bool>(
            [request = std::move(request)](Session& s) { return s.perform(request).ok; });
    }

    // The checks every GET shares (PIN, device id, rate limits), or the refusal. DEVICE is
    // the query's device id ("" for none).
    std::optional<HttpReply> refuseRead(const HttpRequest& req, std::string& device) {
        const auto now = RateLimiter::Clock::now();
        const std::string from = address(req);
        if (auto refused = refusePin(param(req, "pin"), from, now)) return refused;
        // The device first, as for writes: one phone's flood is refused on its own bucket and
        // does not use up the room's.
        device = param(req, "device");
        if (!device.empty()) {
            if (auto problem = checkDevice(device)) return refuse(*problem);
            if (auto wait = readsPerDevice.take(device, now)) return tooMany(*wait, "device");
        }
        if (auto wait = readsPerAddress.take(from, now)) return tooMany(*wait, "address");
        if (!device.empty()) noteVisit(device);
        return std::nullopt;
    }

    static HttpReply jsonText(std::string text) {
        HttpReply r;
        r.contentType = "application/json; charset=utf-8";
        r.text = std::move(text);
        r.headers = {{"X-Content-Type-Options", "nosniff"}};
        return r;
    }

    HttpReply questions(const HttpRequest& req) {
        std::string device;
        if (auto refused = refuseRead(req, device)) return *refused;
        return jsonText(board.current()->body(device, accepting.load()));
    }

    HttpReply polls(const HttpRequest& req) {
        std::string device;
        if (auto refused = refuseRead(req, device)) return *refused;
        return jsonText(board.current()->pollsBody(device));
    }

    // The body as a JSON object after the checks every POST shares, or the refusal.
    std::variant<json, HttpReply> readPost(const HttpRequest& req, const char* example,
                                           RateLimiter::Clock::time_point now) {
        if (!accepting.load())
            return refuse(503, "not-accepting", "questions are not being taken right now",
                          "wait until the host's team opens them again");
        const std::string from = address(req);
        const std::string queryPin = param(req, "pin");
        if (!queryPin.empty())
            if (auto refused = refusePin(queryPin, from, now)) return *refused;
        if (auto problem = checkUtf8(req.body, "the body")) return refuse(*problem);
        Result<json> body = parseJsonObjectBody(req.body, example);
        if (!body) return refuse(400, "bad-json", body.error().what, body.error().remedy);
        json j = std::move(*body);
        std::string bodyPin;
        if (j.contains("pin")) {
            if (j["pin"].is_string())
                bodyPin = j["pin"].get<std::string>();
            else if (j["pin"].is_number_unsigned())
                bodyPin = std::to_string(j["pin"].get<std::uint64_t>());
        }
        if (queryPin.empty() || !bodyPin.empty())
            if (auto refused = refusePin(bodyPin, from, now)) return *refused;
        return j;
    }

    // A string field: absent or null is "", another type is a 400.
    static std::optional<HttpReply> stringField(const json& j, const char* name, std::string& out) {
        if (!j.contains(name) || j[name].is_null()) return std::nullopt;
        if (!j[name].is_string())
            return refuse(400, "bad-json", std::string("\"") + name + "\" must be a string");
        out = j[name].get<std::string>();
        return std::nullopt;
    }

    std::optional<HttpReply> limitDevice(RateLimiter& perDevice, const std::string& device,
                                         const HttpRequest& req,
                                         RateLimiter::Clock::time_point now) {
        // The device first: one phone's flood is refused on its own bucket and does not use up
        // the room's.
        if (!device.empty())
            if (auto wait = perDevice.take(device, now)) return tooMany(*wait, "device");
        if (auto wait = writesPerAddress.take(address(req), now)) return tooMany(*wait, "address");
        return std::nullopt;
    }

    HttpReply submit(const HttpRequest& req) {
        const auto now = RateLimiter::Clock::now();
        auto read = readPost(req, R"({"pin": "123456", "text": "Your question"})", now);
        if (auto* refused = std::get_if<HttpReply>(&read)) return std::move(*refused);
        const json& j = std::get<json>(read);
        std::string text, name, topic, device;
        if (!j.contains("text"))
            return refuse(400, "empty-question", "the question is empty", "type a question first");
        if (auto bad = stringField(j, "text", text)) return *bad;
        if (auto bad = stringField(j, "name", name)) return *bad;
        if (auto bad = stringField(j, "topic", topic)) return *bad;
        if (auto bad = stringField(j, "device", device)) return *bad;
        if (!device.empty())
            if (auto problem = checkDevice(device)) return refuse(*problem);
        if (auto limited = limitDevice(submitsPerDevice, device, req, now)) return *limited;
        if (auto problem = cleanQuestionText(text)) return refuse(*problem);
        if (auto problem = cleanName(name)) return refuse(*problem);
        topic = trimSpaces(stripControlCharacters(topic, false));
        if (!topic.empty() && !board.current()->knowsTopic(topic))
            return refuse(400, "unknown-topic",
                          "\"" + topic + "\" is not one of this show's topics",
                          "pick one from the list, or none");
        return submitToOwner(std::move(text), std::move(name), std::move(topic), std::move(device));
    }

    HttpReply vote(const HttpRequest& req, const std::string& id) {
        const auto now = RateLimiter::Clock::now();
        auto read = readPost(req, R"({"pin": "123456", "device": "your-device-id"})", now);
        if (auto* refused = std::get_if<HttpReply>(&read)) return std::move(*refused);
        const json& j = std::get<json>(read);
        std::string device;
        if (auto bad = stringField(j, "device", device)) return *bad;
        if (auto problem = checkDevice(device)) return refuse(*problem);
        if (auto limited = limitDevice(votesPerDevice, device, req, now)) return *limited;
        // The board is what the room sees: a question it does not show cannot be voted for,
        // and a vote it already counts is answered here without bothering the owner.
        const auto snapshot = board.current();
        if (!snapshot->votable(id))
            return refuse(404, "no-such-question", "there is no approved question " + id,
                          "reload the list of questions");
        if (snapshot->hasVoted(id, device))
            return refuse(409, "already-voted", "this device has voted for " + id + " already");
        return voteToOwner(id, std::move(device));
    }

    HttpReply pollVote(const HttpRequest& req, const std::string& id) {
        const auto now = RateLimiter::Clock::now();
        auto read = readPost(
            req, R"({"pin": "123456", "device": "your-device-id", "option": "AI"})", now);
        if (auto* refused = std::get_if<HttpReply>(&read)) return std::move(*refused);
        const json& j = std::get<json>(read);
        std::string device, option;
        if (auto bad = stringField(j, "device", device)) return *bad;
        if (auto bad = stringField(j, "option", option)) return *bad;
        if (auto problem = checkDevice(device)) return refuse(*problem);
        if (auto limited = limitDevice(pollVotesPerDevice, device, req, now)) return *limited;
        // The board is what the room sees: a draft, or a poll it does not show, does not
        // exist for it; a closed one is final.
        const auto snapshot = board.current();
        const AudiencePoll* poll = snapshot->poll(id);
        if (!poll)
            return refuse(404, "no-such-poll", "there is no poll " + id + " to vote in",
                          "reload the page");
        if (!poll->open)
            return refuse(409, "poll-closed", "the poll has closed; votes are final");
        LivePoll shape;  // for its label matching (case and spacing as typed on a phone)
        shape.options = poll->options;
        const std::optional<int> index = shape.optionIndex(option);
        if (!index) {
            std::string known;
            for (const std::string& o : poll->options) known += (known.empty() ? "" : ", ") + o;
            return refuse(400, "unknown-option",
                          "\"" + option + "\" is not an option of this poll",
                          "choose one of: " + known);
        }
        // The same choice again: already journaled, nothing to change.
        if (choiceOf(*poll, device) == index) {
            HttpReply r;
            r.body = publicPollJson(*poll, device);
            return r;
        }
        return pollVoteToOwner(id, std::move(device), poll->options[static_cast<std::size_t>(*index)]);
    }

    HttpReply handle(const HttpRequest& req) {
        const std::string& path = req.path;
        if (path == "/" || path == "/index.html") {
            if (req.method != "GET") return wrongMethod(path, "GET");
            return page(req);
        }
        if (path == "/favicon.ico") {
            HttpReply r;
            r.status = 204;
            r.contentType = "image/x-icon";
            return r;
        }
        if (path == kQuestionsPath) {
            if (req.method == "GET") return questions(req);
            if (req.method == "POST") return submit(req);
            return wrongMethod(path, "GET, POST");
        }
        if (path == kPollsPath) {
            if (req.method == "GET") return polls(req);
            return wrongMethod(path, "GET");
        }
        if (auto id = idBefore(path, kPollsPath, kVoteSuffix)) {
            if (req.method != "POST") return wrongMethod(path, "POST");
            return pollVote(req, *id);
        }
        const std::string prefix = std::string(kQuestionsPath) + "/";
        if (path.rfind(prefix, 0) == 0 && path.size() > prefix.size() + kVoteSuffix.size() &&
            path.compare(path.size() - kVoteSuffix.size(), kVoteSuffix.size(), kVoteSuffix) == 0) {
            const std::string id =
                path.substr(prefix.size(), path.size() - prefix.size() - kVoteSuffix.size());
            if (id.find('/') == std::string::npos) {
                if (req.method != "POST") return wrongMethod(path, "POST");
                return vote(req, id);
            }
        }
        return refuse(404, "not-found", "there is nothing at " + path,
                      "open the link or QR code shown in the room");
    }

    HttpReply submitToOwner(std::string text, std::string name, std::string topic,
                            std::string device);
    HttpReply voteToOwner(const std::string& id, std::string device);
    HttpReply pollVoteToOwner(const std::string& id, std::string device, std::string option);
};

AudienceApi::AudienceApi(OwnerQueue& queue, std::string pin, AudienceApiOptions options)
    : m_impl(std::make_unique<Impl>(queue, std::move(pin), std::move(options))) {}

AudienceApi::~AudienceApi() { stop(); }

Result<int> AudienceApi::start(const std::string& host, int port) {
    if (m_impl->pin.empty()) return Error{"the audience page needs a PIN; none was given", {}, {}};
    Result<int> started = m_impl->listener.start(host, port);
    if (started) m_impl->accepting = true;
    return started;
}

void AudienceApi::stop() {
    m_impl->accepting = false;
    m_impl->listener.stop();
}

AudienceBoard& AudienceApi::board() { return m_impl->board; }

HttpReply AudienceApi::handle(const HttpRequest& request) { return m_impl->handle(request); }

void AudienceApi::setAccepting(bool accepting) { m_impl->accepting = accepting; }

void AudienceApi::rememberVisitors(const std::vector<std::string>& devices) {
    std::lock_guard lock(m_impl->visitorsMutex);
    for (const std::string& d : devices) {
        if (m_impl->visitors.size() >= kMaxRememberedVisitors) break;
        m_impl->visitors.insert(d);
    }
}
bool AudienceApi::running() const { return m_impl->listener.running(); }
int AudienceApi::port() const { return m_impl->listener.port(); }
const std::string& AudienceApi::host() const { return m_impl->listener.host(); }
std::string AudienceApi::url() const { return m_impl->listener.url(); }

// ---------------------------------------------------------------------------------------------
// Submissions and votes on the owner thread

namespace {

// What the owner thread hands back for one submission or vote.
struct Outcome {
    SessionActionResult result;
    std::string state;  // submit: the new question's state
    int votes = 0;      // vote: the question's votes after it
};

HttpReply refusalReply(const SessionActionResult& r, bool isVote) {
    // For a vote, a question that left the room's view since the page last looked (answered,
    // dismissed, merged) is the contract's 404, whatever state it is in now.
    if (isVote && r.code != "already-voted" &&
        (r.refusal == LiveRefusal::NotFound || r.refusal == LiveRefusal::Refused))
        return refuse(404, "no-such-question", sentence(r.error));
    if (r.refusal == LiveRefusal::Failed)
        return refuse(500, "not-saved", sentence(r.error),
                      "nothing was kept; tell the host's team");
    std::string code = r.code;
    if (code.empty()) code = r.refusal == LiveRefusal::Invalid ? "bad-request" : "refused";
    return errorReply(httpStatusFor(r.refusal), sentence(r.error), code);
}

// A reply for an owner call that did not run (or threw), or nothing when it ran.
template <typename R>
std::optional<HttpReply> unlessDone(const OwnerReply<R>& reply, std::chrono::milliseconds timeout) {
    switch (reply.status) {
        case OwnerCallStatus::Done:
            return std::nullopt;
        case OwnerCallStatus::Busy: {
            const auto secs = static_cast<long long>(timeout.count() + 999) / 1000;
            HttpReply r = refuse(503, "busy",
                                 "the show's computer did not answer within " +
                                     std::to_string(secs) + " s; nothing was sent",
                                 "try again in a moment");
            r.headers.emplace_back("Retry-After", "2");
            return r;
        }
        case OwnerCallStatus::Closed:
            return refuse(503, "not-accepting", "questions are not being taken right now",
                          "wait until the host's team opens them again");
        case OwnerCallStatus::Failed:
            return refuse(500, "internal-error", reply.why);
    }
    return refuse(500, "internal-error", "internal error");
}

}  // namespace

HttpReply AudienceApi::Impl::submitToOwner(std::string text, std::string name, std::string topic,
                                           std::string device) {
    std::vector<std::string> topics;
    if (!topic.empty()) topics.push_back(std::move(topic));
    LiveRequest request = LiveRequest(LiveCommand::QuestionSubmit)
                              .withText(std::move(text))
                              .withName(std::move(name))
                              .withTopics(std::move(topics))
                              .withDevice(std::move(device))
                              .withSource(QuestionSource::Web);
    // Session::perform journals before it applies, and the owner queue hands the outcome back
    // only after the journal's fdatasync (one per drain: group commit): the 201 below is sent
    // only for a question that survives a crash.
    OwnerReply<Outcome> reply = queue.call<Outcome>(
        [request = std::move(request)](Session& s) {
            Outcome o{s.perform(request), {}, 0};
            if (o.result.ok)
                if (const LiveQuestion* q = s.questions().find(o.result.id))
                    o.state = toName(q->state);
            return o;
        },
        options.replyTimeout);
    if (auto other = unlessDone(reply, options.replyTimeout)) return *other;
    const Outcome& o = *reply.value;
    if (!o.result.ok) return refusalReply(o.result, false);
    HttpReply r;
    r.status = 201;
    r.body = {{"id", o.result.id}, {"state", o.state}};
    return r;
}

HttpReply AudienceApi::Impl::voteToOwner(const std::string& id, std::string device) {
    LiveRequest request =
        LiveRequest(LiveCommand::QuestionVote).withId(id).withDevice(std::move(device));
    OwnerReply<Outcome> reply = queue.call<Outcome>(
        [request = std::move(request)](Session& s) {
            Outcome o{s.perform(request), {}, 0};
            if (o.result.ok)
                if (const LiveQuestion* q = s.questions().find(request.id))
                    o.votes = s.questions().votes(*q);
            return o;
        },
        options.replyTimeout);
    if (auto other = unlessDone(reply, options.replyTimeout)) return *other;
    const Outcome& o = *reply.value;
    if (!o.result.ok) return refusalReply(o.result, true);
    HttpReply r;
    r.body = {{"id", id}, {"votes", o.votes}};
    return r;
}

HttpReply AudienceApi::Impl::pollVoteToOwner(const std::string& id, std::string device,
                                             std::string option) {
    struct PollOutcome {
        SessionActionResult result;
        std::optional<AudiencePoll> poll;  // after the vote
    };
    const std::string voter = device;
    LiveRequest request = LiveRequest(LiveCommand::PollVote)
                              .withId(id)
                              .withDevice(std::move(device))
                              .withOption(std::move(option));
    // Answered after the journal's fdatasync, like a question vote: a 200 survives a crash.
    OwnerReply<PollOutcome> reply = queue.call<PollOutcome>(
        [request = std::move(request)](Session& s) {
            PollOutcome o{s.perform(request), std::nullopt};
            if (o.result.ok)
                if (const LivePoll* p = s.polls().find(request.id)) o.poll = audiencePollOf(*p);
            return o;
        },
        options.replyTimeout);
    if (auto other = unlessDone(reply, options.replyTimeout)) return *other;
    const PollOutcome& o = *reply.value;
    if (!o.result.ok) return refusalReply(o.result, false);
    HttpReply r;
    r.body = o.poll ? publicPollJson(*o.poll, voter) : json{{"id", id}};
    return r;
}

// ---------------------------------------------------------------------------------------------
// The public view

namespace {

// Q's voters and those of every question merged into it (a device once).
void collectVoters(const QuestionQueue& queue, const LiveQuestion& q, std::vector<std::string>& out,
                   int depth = 0) {
    out.insert(out.end(), q.voters.begin(), q.voters.end());
    if (depth > 16) return;  // merges do not nest that deep; a damaged journal cannot loop us
    for (const std::string& id : q.merged)
        if (const LiveQuestion* m = queue.find(id)) collectVoters(queue, *m, out, depth + 1);
}

AudienceQuestion publicQuestion(const Session& session, const LiveQuestion& q) {
    const QuestionQueue& queue = session.questions();
    AudienceQuestion out;
    out.id = q.id;
    out.text = q.text;
    out.name = q.name;
    out.topics = q.topics;
    if (!q.forPerson.empty()) {
        out.forPerson = q.forPerson;
        for (const Person& p : session.show().people)
            if (p.id == q.forPerson) out.forPerson = p.name;
    }
    out.votes = queue.votes(q);
    collectVoters(queue, q, out.voters);
    std::sort(out.voters.begin(), out.voters.end());
    out.voters.erase(std::unique(out.voters.begin(), out.voters.end()), out.voters.end());
    return out;
}

}  // namespace

AudienceView audienceViewOf(const Session& session) {
    const QuestionQueue& queue = session.questions();
    AudienceView view;
    view.title = session.show().meta.title;
    view.topics = queue.topics();
    view.revision = queue.publicRevision();
    view.answered = static_cast<int>(queue.count(QuestionState::Answered));
    std::vector<const LiveQuestion*> approved;
    for (const LiveQuestion& q : queue.all()) {
        if (q.state == QuestionState::OnAir) view.onAir = publicQuestion(session, q);
        if (q.state == QuestionState::Approved) approved.push_back(&q);
    }
    // Most votes first, then oldest first (all() is in submission order; the sort is stable).
    std::vector<std::pair<int, const LiveQuestion*>> ranked;
    ranked.reserve(approved.size());
    for (const LiveQuestion* q : approved) ranked.emplace_back(queue.votes(*q), q);
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        if (a.first != b.first) return a.first > b.first;
        return a.second->submittedMs < b.second->submittedMs;
    });
    view.questions.reserve(ranked.size());
    for (const auto& [votes, q] : ranked) view.questions.push_back(publicQuestion(session, *q));
    const PollBoard& polls = session.polls();
    view.pollsRevision = polls.publicRevision();
    std::vector<const LivePoll*> closed;
    for (const LivePoll& p : polls.all()) {
        if (p.state == PollState::Open) view.polls.push_back(audiencePollOf(p));
        if (p.state == PollState::Closed) closed.push_back(&p);
    }
    std::stable_sort(closed.begin(), closed.end(), [](const LivePoll* a, const LivePoll* b) {
        return a->closedMs.value_or(0) > b->closedMs.value_or(0);
    });
    for (const LivePoll* p : closed) view.polls.push_back(audiencePollOf(*p));
    return view;
}

// ---------------------------------------------------------------------------------------------
// The live service

std::string newAudiencePin() {
    // 100000–999999 (no leading zero a spreadsheet or a JSON number would drop), uniformly: a
    // 32-bit draw above the last whole multiple of 900000 is drawn again.
    constexpr std::uint32_t kRange = 900'000;
    constexpr std::uint32_t kLimit = UINT32_MAX - UINT32_MAX % kRange;
    for (;;) {
        std::uint32_t draw = 0;
        const ssize_t got = ::getrandom(&draw, sizeof draw, 0);
        if (got != static_cast<ssize_t>(sizeof draw)) continue;  // interrupted: draw again
        if (draw < kLimit) return std::to_string(100'000 + draw % kRange);
    }
}

bool validAudiencePin(std::string_view pin) {
    if (pin.size() < 4 || pin.size() > 32) return false;
    return std::all_of(pin.begin(), pin.end(), [](char ch) {
        return (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
    });
}

namespace {

// The host phones should use for a listener on HOST: the best LAN address for 0.0.0.0 / ::
// (every interface), HOST itself otherwise.
std::string reachableHost(const std::string& host) {
    if (host != "0.0.0.0" && host != "::" && host != "[::]") return host;
    Result<std::vector<NetInterface>> interfaces = listNetInterfaces();
    return interfaces ? pickLanAddress(*interfaces) : std::string("127.0.0.1");
}

class AudienceService final : public LiveService {
public:
    explicit AudienceService(AudienceServiceOptions options) : m_options(std::move(options)) {
        m_info.name = kAudienceServiceName;
    }

    Status start(const ServiceContext& context) override {
        stop();
        m_info = ServiceInfo{};
        m_info.name = kAudienceServiceName;
        Session* session = context.session;
        std::string pin = m_options.pin ? *m_options.pin : std::string();
        if (pin.empty() && session) pin = session->audiencePin();
        if (pin.empty()) pin = newAudiencePin();
        if (!validAudiencePin(pin)) {
            m_info.error = "the audience PIN must be 4 to 32 letters or digits";
            return Error{m_info.error, {}, "pick another PIN"};
        }
        // Kept in session.json, so a resumed session (and its QR code) keeps the PIN.
        if (session && session->audiencePin() != pin)
            if (Status kept = session->setAudiencePin(pin); !kept)
                m_info.notes.push_back("The PIN could not be kept in session.json (" +
                                       kept.error().message() +
                                       "); after a resume the page will need a new one.");
        m_pin = pin;
        m_queue = &context.queue;
        m_session = session;
        m_api = std::make_unique<AudienceApi>(context.queue, pin, m_options.api);
        if (session) {
            m_api->board().publish(audienceViewOf(*session));
            m_revision = session->questions().publicRevision();
            m_pollsRevision = session->polls().publicRevision();
            // A resumed session's visitors are counted already.
            std::vector<std::string> seen;
            seen.reserve(session->audience().visits.size());
            for (const AudienceVisit& v : session->audience().visits) seen.push_back(v.device);
            m_api->rememberVisitors(seen);
        }
        const HostPort& want = m_options.address;
        Result<int> started = m_api->start(want.host, want.port);
        if (!started) {
            m_info.error = started.error().message();
            if (!m_options.addressHint.empty()) m_info.error += "; " + m_options.addressHint;
            m_api.reset();
            return Error{m_info.error, {}, {}};
        }
        m_info.running = true;
        m_info.url = audienceUrl(reachableHost(want.host), *started, pin);
        if (isLoopbackHost(want.host))
            m_info.notes.push_back("The audience page listens on " + want.host +
                                   ": only this machine can open it. For phones, listen on the "
                                   "Wi-Fi's address (or 0.0.0.0).");
        return ok();
    }

    // Switching off: the port closes at once and new submissions get 503. The pool winds
    // down on a helper thread while this (owner) thread keeps answering what phones already
    // queued, so a submission in flight gets its 201 instead of waiting out the reply timeout
    // for an owner that is busy joining threads. Returns once the last connection closed: at
    // most the keep-alive timeout for a phone that holds an idle one.
    void stop() override {
        if (m_api) {
            std::atomic<bool> stopped{false};
            std::thread closer([&] {
                m_api->stop();
                stopped = true;
            });
            while (!stopped.load()) {
                if (m_queue && m_session && !m_queue->closed()) {
                    m_queue->waitForWork(std::chrono::milliseconds(5));
                    m_queue->drain(*m_session);
                } else {  // closed: nothing more can be queued (and waiting returns at once)
                    std::this_thread::sleep_for(std::chrono::milliseconds(5));
                }
            }
            closer.join();
        }
        m_api.reset();
        m_queue = nullptr;
        m_session = nullptr;
        m_info.running = false;
    }

    ServiceInfo info() const override { return m_info; }

    void sessionChanged(const Session& session) override {
        if (!m_api) return;
        const std::uint64_t revision = session.questions().publicRevision();
        const std::uint64_t pollsRevision = session.polls().publicRevision();
        if (revision == m_revision && pollsRevision == m_pollsRevision) return;
        m_revision = revision;
        m_pollsRevision = pollsRevision;
        m_api->board().publish(audienceViewOf(session));
    }

    std::vector<std::string> describe() const override {
        if (!m_info.running) return {};
        return {"audience page on " + m_info.url + " (PIN " + m_pin + ")",
                "  phones on the same network open it; questions wait for approval"};
    }

private:
    AudienceServiceOptions m_options;
    std::unique_ptr<AudienceApi> m_api;
    ServiceInfo m_info;
    std::string m_pin;
    std::uint64_t m_revision = 0;
    std::uint64_t m_pollsRevision = 0;
    // Both outlive the service's run (the LiveHost stops its services before it drops them);
    // stop() drains the queue while the listener winds down.
    OwnerQueue* m_queue = nullptr;
    Session* m_session = nullptr;
};

}  // namespace

std::unique_ptr<LiveService> makeAudienceService(AudienceServiceOptions options) {
    return std::make_unique<AudienceService>(std::move(options));
}

}  // namespace pycast
