// The HTTP control API and its live service: routes from the command table, auth, status codes
// (pool threads).
#include "server/control_api.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <utility>

#include "live/live_command.hpp"
#include "live/session.hpp"
#include "live/session_json.hpp"

namespace pycast {

namespace {

using nlohmann::json;

constexpr const char* kApiPrefix = "/api/";
constexpr const char* kStatePath = "/api/state";
constexpr const char* kModerationPath = "/api/moderation";
constexpr const char* kPollsPath = "/api/polls";  // GET lists; POST creates (poll-create's route)

// Splits "questions/q3/approve" at '/'.
std::vector<std::string> pathParts(const std::string& path) {
    std::vector<std::string> out;
    std::size_t from = 0;
    while (true) {
        const std::size_t slash = path.find('/', from);
        out.push_back(path.substr(from, slash - from));
        if (slash == std::string::npos) break;
        from = slash + 1;
    }
    return out;
}

// Whether `path` (under /api/) matches a route pattern such as "questions/{id}/approve"; the
// {id} part goes to `id`.
bool matchRoute(const std::string& pattern, const std::string& path, std::string& id) {
    const std::vector<std::string> want = pathParts(pattern);
    const std::vector<std::string> got = pathParts(path);
    if (want.size() != got.size()) return false;
    std::string found;
    for (std::size_t i = 0; i < want.size(); ++i) {
        if (want[i] == "{id}") {
            if (got[i].empty()) return false;
            found = got[i];
        } else if (want[i] != got[i]) {
            return false;
        }
    }
    id = std::move(found);
    return true;
}

bool startsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// An Error as one sentence for a JSON body: capitalised, ending in a full stop.
std::string sentence(const Error& e) {
    std::string s = e.message();
    if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    if (!s.empty() && s.back() != '.' && s.back() != ')' && s.back() != '?') s += '.';
    return s;
}

// What the owner thread hands back for one command: the domain's result and the new state.
struct Outcome {
    SessionActionResult result;
    json state;             // the session's state, plus "question" / "poll" for theirs
    bool created = false;   // a new question or poll: 201
};

// The session's state as the control API serves it: sessionStateJson plus "polls".
json stateOf(const Session& s) {
    json state = sessionStateJson(s);
    state["polls"] = std::move(pollsJson(s.polls())["polls"]);
    return state;
}

HttpReply replyFor(const Outcome& o) {
    const SessionActionResult& r = o.result;
    if (r.ok) {
        HttpReply reply{o.created ? 201 : 200, o.state, {}};
        if (!r.warnings.empty()) reply.body["warnings"] = r.warnings;
        return reply;
    }
    HttpReply reply = errorReply(httpStatusFor(r.refusal), sentence(r.error));
    if (!r.code.empty()) reply.body["code"] = r.code;
    return reply;
}

}  // namespace

bool tokensMatch(std::string_view expected, std::string_view given) {
    unsigned diff = expected.size() == given.size() ? 0u : 1u;
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const auto g = static_cast<unsigned char>(i < given.size() ? given[i] : 0);
        diff |= static_cast<unsigned char>(expected[i]) ^ g;
    }
    return diff == 0 && !expected.empty();
}

struct ControlApi::Impl {
    OwnerQueue& queue;
    std::string token;
    ControlApiOptions options;
    HttpListener listener;

    Impl(OwnerQueue& q, std::string t, ControlApiOptions o)
        : queue(q),
          token(std::move(t)),
          options(o),
          listener([this](const HttpRequest& req) { return handle(req); }, o.listener) {}

    template <typename R>
    std::optional<HttpReply> unlessDone(const OwnerReply<R>& reply) {
        switch (reply.status) {
            case OwnerCallStatus::Done:
                return std::nullopt;
            case OwnerCallStatus::Busy: {
                const auto secs = static_cast<long long>(options.replyTimeout.count() + 999) / 1000;
                return errorReply(503, "The app is busy and did not answer within " +
                                           std::to_string(secs) +
                                           " s; nothing was changed. Try again.");
            }
            case OwnerCallStatus::Closed:
                return errorReply(503, reply.why);
            case OwnerCallStatus::Failed:
                return errorReply(500, reply.why);
        }
        return errorReply(500, "Internal error.");
    }

    // Runs one live command on the owner thread and answers with its outcome.
    HttpReply perform(LiveRequest request) {
        OwnerReply<Outcome> reply = queue.call<Outcome>(
            [request = std::move(request)](Session& s) {
                Outcome o{s.perform(request), json(), false};
                if (!o.result.ok) return o;
                o.state = stateOf(s);
                if (definitionOf(request.command).domain == LiveDomain::Questions)
                    if (const LiveQuestion* q = s.questions().find(o.result.id))
                        o.state["question"] = questionJson(s.questions(), *q, s.show());
                if (definitionOf(request.command).domain == LiveDomain::Polls)
                    if (const LivePoll* p = s.polls().find(o.result.id))
                        o.state["poll"] = pollJson(*p);
                if (request.command == LiveCommand::PollCreate) o.state["id"] = o.result.id;
                o.created = request.command == LiveCommand::QuestionSubmit ||
                            request.command == LiveCommand::PollCreate;
                return o;
            },
            options.replyTimeout);
        if (auto other = unlessDone(reply)) return *other;
        return replyFor(*reply.value);
    }

    HttpReply state() {
        OwnerReply<json> reply =
            queue.call<json>([](Session& s) { return stateOf(s); }, options.replyTimeout);
        if (auto other = unlessDone(reply)) return *other;
        return HttpReply{200, std::move(*reply.value), {}};
    }

    HttpReply moderation() {
        OwnerReply<json> reply = queue.call<json>(
            [](Session& s) { return moderationJson(s.questions(), s.show()); },
            options.replyTimeout);
        if (auto other = unlessDone(reply)) return *other;
        return HttpReply{200, std::move(*reply.value), {}};
    }

    HttpReply polls() {
        OwnerReply<json> reply = queue.call<json>([](Session& s) { return pollsJson(s.polls()); },
                                                  options.replyTimeout);
        if (auto other = unlessDone(reply)) return *other;
        return HttpReply{200, std::move(*reply.value), {}};
    }

    // Why a request may not use the API, or nothing when its bearer token is right.
    std::optional<HttpReply> refuseAuth(const HttpRequest& req) const {
        const std::string header = req.header("Authorization");
        std::string_view value = header;
        const std::size_t space = value.find(' ');
        const std::string_view scheme = value.substr(0, space);
        const bool bearer = space != std::string_view::npos && scheme.size() == 6 &&
                            std::equal(scheme.begin(), scheme.end(), "bearer", [](char a, char b) {
                                return std::tolower(static_cast<unsigned char>(a)) == b;
                            });
        if (!bearer) {
            HttpReply r = errorReply(401,
                                     "This API needs the control token: send the header "
                                     "'Authorization: Bearer TOKEN' (pycast live prints the token "
                                     "when it starts; it is also in the session's session.json).");
            r.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"pycast\"");
            return r;
        }
        std::string_view given = value.substr(space + 1);
        while (!given.empty() && given.front() == ' ') given.remove_prefix(1);
        while (!given.empty() && given.back() == ' ') given.remove_suffix(1);
        if (!tokensMatch(token, given)) {
            HttpReply r = errorReply(401,
                                     "The control token is wrong; use the one pycast live "
                                     "printed when it started.");
            r.headers.emplace_back("WWW-Authenticate",
                                   "Bearer realm=\"pycast\", error=\"invalid_token\"");
            return r;
        }
        return std::nullopt;
    }

    static HttpReply wrongMethod(const std::string& path, const char* allowed) {
        HttpReply r = errorReply(405, std::string("Use ") + allowed + " for " + path + ".");
        r.headers.emplace_back("Allow", allowed);
        return r;
    }

    // A command's request from the body (and the id from the path), typed by its definition.
    HttpReply command(const LiveCommandDef& def, const HttpRequest& req, const std::string& id) {
        json fields = json::object();
        if (def.field != LiveField::None && def.field != LiveField::SegmentId) {
            // The id in the path is the whole request for these.
            const bool optional = def.field == LiveField::AnsweredQuestion ||
                                  def.field == LiveField::MarkerLabel ||
                                  ((def.field == LiveField::QuestionId ||
                                    def.field == LiveField::PollId) &&
                                   !id.empty());
            Result<json> body = parseJsonObjectBody(req.body, def.example, optional);
            if (!body) return errorReply(400, sentence(body.error()), "bad-json");
            fields = std::move(*body);
        }
        if (def.field == LiveField::SegmentId) fields = {{"segment", id}};
        else if (!id.empty()) fields[def.domain == LiveDomain::Polls ? "poll" : "question"] = id;
        LiveProblem problem;
        std::optional<LiveRequest> request =
            parseLiveRequest(def, fields, LiveSource::Api, problem);
        if (!request) {
            // Every refusal names its kind, as the domains' do ("bad-poll", "too-large").
            std::string code = problem.code;
            if (code.empty())
                code = problem.refusal == LiveRefusal::TooLarge ? "too-large" : "bad-request";
            return errorReply(httpStatusFor(problem.refusal), sentence(problem.error), code);
        }
        return perform(std::move(*request));
    }

    HttpReply handle(const HttpRequest& req) {
        const std::string& path = req.path;
        if (!startsWith(path, kApiPrefix))
            return errorReply(404, "Nothing at " + path +
                                       "; the control API lives under /api/ (try GET /api/state).");
        if (auto refused = refuseAuth(req)) return *refused;
        if (path == kStatePath) {
            if (req.method != "GET") return wrongMethod(path, "GET");
            return state();
        }
        if (path == kModerationPath) {
            if (req.method != "GET") return wrongMethod(path, "GET");
            return moderation();
        }
        if (path == kPollsPath) {
            if (req.method == "GET") return polls();
            if (req.method != "POST") return wrongMethod(path, "GET, POST");
        }
        const std::string name = path.substr(std::strlen(kApiPrefix));
        // Routes of their own: "questions/{id}/approve" …
        for (const LiveCommandDef& d : liveCommands()) {
            std::string id;
            if (!*d.route || std::strcmp(d.route, "-") == 0 || !matchRoute(d.route, name, id))
                continue;
            if (req.method != "POST") return wrongMethod(path, "POST");
            return command(d, req, id);
        }
        const auto slash = name.find('/');
        const std::string head = name.substr(0, slash);
        const LiveCommandDef* def = findLiveCommand(head);
        // The API's names are the definitions' names and aliases (not journal-only types), and
        // not the commands that come only from the audience page.
        if (def && head != def->name && head != def->alias) def = nullptr;
        if (def && std::strcmp(def->route, "-") == 0) def = nullptr;
        if (def && def->field == LiveField::SegmentId) {
            const std::string id = slash == std::string::npos ? "" : name.substr(slash + 1);
            if (id.empty() || id.find('/') != std::string::npos)
                return errorReply(404, std::string("Name one segment: ") + def->example +
                                           " (the ids are in GET /api/state under \"segments\").");
            if (req.method != "POST") return wrongMethod(path, "POST");
            return command(*def, req, id);
        }
        if (def && slash == std::string::npos) {
            if (req.method != "POST") return wrongMethod(path, "POST");
            return command(*def, req, {});
        }
        return errorReply(404, "There is no endpoint " + path +
                                   "; see docs/control-api.md (GET /api/state, POST /api/start, "
                                   "/api/next, …).");
    }
};

ControlApi::ControlApi(OwnerQueue& queue, std::string token, ControlApiOptions options)
    : m_impl(std::make_unique<Impl>(queue, std::move(token), options)) {}

ControlApi::~ControlApi() { stop(); }

Result<int> ControlApi::start(const std::string& host, int port) {
    if (m_impl->token.empty())
        return Error{"the control API needs a token; none was given", {}, {}};
    return m_impl->listener.start(host, port);
}

void ControlApi::stop() { m_impl->listener.stop(); }
HttpReply ControlApi::handle(const HttpRequest& request) { return m_impl->handle(request); }
bool ControlApi::running() const { return m_impl->listener.running(); }
int ControlApi::port() const { return m_impl->listener.port(); }
const std::string& ControlApi::host() const { return m_impl->listener.host(); }
std::string ControlApi::url() const { return m_impl->listener.url(); }

namespace {

std::string shellQuote(const std::string& s) {
    std::string out = "'";
    for (char ch : s) {
        if (ch == '\'')
            out += "'\\''";
        else
            out += ch;
    }
    return out + "'";
}

class ControlApiService final : public LiveService {
public:
    explicit ControlApiService(ControlApiServiceOptions options) : m_options(std::move(options)) {}

    Status start(const ServiceContext& context) override {
        stop();
        m_info = ServiceInfo{};
        m_info.name = "control API";
        m_token = m_options.token ? *m_options.token : context.token;
        m_api = std::make_unique<ControlApi>(context.queue, m_token, m_options.api);
        const HostPort& want = m_options.address;
        Result<int> started = m_api->start(want.host, want.port);
        if (!started && want.port != 0 && m_options.fallBackToFreePort) {
            const std::string why = started.error().message();
            started = m_api->start(want.host, 0);
            if (started)
                m_info.notes.push_back("Port " + std::to_string(want.port) + " was taken (" + why +
                                       "); the control API is on port " + std::to_string(*started) +
                                       " instead. Point your controller there.");
        }
        if (!started) {
            m_info.error = started.error().message();
            if (!m_options.addressHint.empty()) m_info.error += "; " + m_options.addressHint;
            m_api.reset();
            return started.error();
        }
        m_info.running = true;
        m_info.url = m_api->url();
        if (!isLoopbackHost(want.host))
            m_info.notes.push_back(want.host +
                                   " can be reached from other machines: anyone with the token "
                                   "can run the show.");
        return ok();
    }

    void stop() override {
        if (m_api) m_api->stop();
        m_api.reset();
        m_info.running = false;
    }

    ServiceInfo info() const override { return m_info; }

    std::vector<std::string> describe() const override {
        if (!m_info.running) return {};
        const std::string auth = shellQuote("Authorization: Bearer " + m_token);
        return {"control API on " + m_info.url + " (token " + m_token + ")",
                "  curl -s -H " + auth + " " + m_info.url + "/api/state",
                "  curl -s -X POST -H " + auth + " " + m_info.url + "/api/start"};
    }

private:
    ControlApiServiceOptions m_options;
    std::unique_ptr<ControlApi> m_api;
    ServiceInfo m_info;
    std::string m_token;
};

}  // namespace

std::unique_ptr<LiveService> makeControlApiService(ControlApiServiceOptions options) {
    return std::make_unique<ControlApiService>(std::move(options));
}

}  // namespace pycast
