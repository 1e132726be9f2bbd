// The embedded HTTP control API (cpp-httplib): its own listener and pool threads, never the model.
#include "server/control_server.hpp"

#include <netdb.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <thread>
#include <utility>

#include <httplib.h>

#include "live/session.hpp"
#include "live/session_json.hpp"

namespace pycast {

namespace {

using nlohmann::json;

constexpr const char* kApiPrefix = "/api/";
constexpr const char* kGotoPrefix = "/api/goto/";
// A live extend/shorten beyond a day is a typo, and keeps seconds * 1000 far from overflow.
constexpr std::int64_t kMaxExtendSeconds = 24 * 3600;

ControlReply errorReply(int status, std::string message) {
    return {status, {{"error", std::move(message)}}};
}

// The session's answer to an action: the new state, or why it was refused.
ControlReply actionReply(Session& session, const SessionActionResult& r) {
    if (r.ok) {
        json body = sessionStateJson(session);
        if (!r.warnings.empty()) body["warnings"] = r.warnings;
        return {200, std::move(body)};
    }
    if (r.code == RunnerError::NoSuchSegment) return errorReply(404, r.error);
    if (r.code == RunnerError::None) return errorReply(500, r.error);   // e.g. the journal failed
    ControlReply reply = errorReply(409, r.error);
    reply.body["code"] = toName(r.code);
    return reply;
}

// The request body as a JSON object, or a 400 that says what to send instead.
std::optional<json> parseObjectBody(const std::string& body, const std::string& example,
                                    ControlReply& problem) {
    if (body.find_first_not_of(" \t\r\n") == std::string::npos) {
        problem = errorReply(400, "This endpoint needs a JSON body, for example " + example + ".");
        return std::nullopt;
    }
    json j = json::parse(body, nullptr, false);
    if (j.is_discarded()) {
        problem = errorReply(400, "The body is not valid JSON; send an object such as " +
                                      example + ".");
        return std::nullopt;
    }
    if (!j.is_object()) {
        problem = errorReply(400, "The body must be a JSON object such as " + example + ".");
        return std::nullopt;
    }
    return j;
}

// Which endpoint a path names; the method is checked separately (405 vs 404).
enum class Endpoint { None, State, Start, Pause, Resume, Next, Previous, End, Goto, Extend,
                      Message, QuestionAnswered };

struct Route {
    const char* path;
    Endpoint endpoint;
    const char* method;
};

constexpr Route kRoutes[] = {
    {"/api/state", Endpoint::State, "GET"},
    {"/api/start", Endpoint::Start, "POST"},
    {"/api/pause", Endpoint::Pause, "POST"},
    {"/api/resume", Endpoint::Resume, "POST"},
    {"/api/next", Endpoint::Next, "POST"},
    {"/api/previous", Endpoint::Previous, "POST"},
    {"/api/end", Endpoint::End, "POST"},
    {"/api/extend", Endpoint::Extend, "POST"},
    {"/api/message", Endpoint::Message, "POST"},
    {"/api/question-answered", Endpoint::QuestionAnswered, "POST"},
};

bool startsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

std::string bindFailure(const std::string& host, int port) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE;
    addrinfo* found = nullptr;
    const std::string service = std::to_string(port);
    const std::string where = controlUrl(host, port);
    if (const int rc = ::getaddrinfo(host.c_str(), service.c_str(), &hints, &found); rc != 0)
        return "Cannot listen on " + where + ": the host \"" + host + "\" is unknown (" +
               ::gai_strerror(rc) + "); use an address such as 127.0.0.1.";
    int error = 0;
    for (addrinfo* a = found; a && error == 0; a = a->ai_next) {
        const int fd = ::socket(a->ai_family, a->ai_socktype, a->ai_protocol);
        if (fd < 0) {
            error = errno;
            continue;
        }
        const int yes = 1;
        ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        if (::bind(fd, a->ai_addr, a->ai_addrlen) != 0 || ::listen(fd, 1) != 0) error = errno;
        ::close(fd);
    }
    ::freeaddrinfo(found);
    switch (error) {
        case EADDRINUSE:
            return "Port " + std::to_string(port) + " on " + host +
                   " is already in use (another pycast live or app?); pick another port.";
        case EACCES:
            return "Port " + std::to_string(port) +
                   " needs administrator rights; pick one above 1023.";
        case EADDRNOTAVAIL:
            return "Cannot listen on " + where + ": " + host +
                   " is not an address of this machine; use 127.0.0.1.";
        case 0:
            return "Cannot listen on " + where + "; try again or pick another port.";
        default:
            return "Cannot listen on " + where + ": " + std::strerror(error) + ".";
    }
}

// For replies httplib makes before our handler sees the request.
std::string httpErrorSentence(int status) {
    switch (status) {
        case 400: return "The request is not valid HTTP.";
        case 413: return "The request body is too large for this API.";
        case 414: return "The request path is too long.";
        case 416: return "The requested range cannot be served.";
        default: return "HTTP error " + std::to_string(status) + ".";
    }
}

void ignoreSigpipeOnce() {
    struct sigaction current {};
    if (::sigaction(SIGPIPE, nullptr, &current) == 0 && current.sa_handler == SIG_DFL) {
        struct sigaction ignore {};
        ignore.sa_handler = SIG_IGN;
        sigemptyset(&ignore.sa_mask);
        ::sigaction(SIGPIPE, &ignore, nullptr);
    }
}

}  // namespace

std::optional<HostPort> parseHostPort(const std::string& text, std::string& error) {
    const std::string example = "use HOST:PORT such as 127.0.0.1:8765 (port 0 picks a free one)";
    std::string host;
    std::string portText;
    if (!text.empty() && text.front() == '[') {
        const auto close = text.find(']');
        if (close == std::string::npos || close + 1 >= text.size() || text[close + 1] != ':') {
            error = "\"" + text + "\" is not HOST:PORT; " + example + ".";
            return std::nullopt;
        }
        host = text.substr(1, close - 1);
        portText = text.substr(close + 2);
    } else {
        const auto colon = text.rfind(':');
        if (colon == std::string::npos || text.find(':') != colon) {
            error = "\"" + text + "\" is not HOST:PORT; " + example +
                    " (IPv6 addresses go in brackets: [::1]:8765).";
            return std::nullopt;
        }
        host = text.substr(0, colon);
        portText = text.substr(colon + 1);
    }
    if (host.empty()) {
        error = "\"" + text + "\" has no host; " + example + ".";
        return std::nullopt;
    }
    if (portText.empty() || portText.size() > 5 ||
        portText.find_first_not_of("0123456789") != std::string::npos ||
        std::stoi(portText) > 65535) {
        error = "\"" + portText + "\" is not a port number (0 to 65535); " + example + ".";
        return std::nullopt;
    }
    return HostPort{host, std::stoi(portText)};
}

std::string controlUrl(const std::string& host, int port) {
    const bool v6 = host.find(':') != std::string::npos;
    return "http://" + (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

bool isLoopbackHost(const std::string& host) {
    return host == "localhost" || host == "::1" || startsWith(host, "127.");
}

bool tokensMatch(std::string_view expected, std::string_view given) {
    unsigned diff = expected.size() == given.size() ? 0u : 1u;
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const auto g = static_cast<unsigned char>(i < given.size() ? given[i] : 0);
        diff |= static_cast<unsigned char>(expected[i]) ^ g;
    }
    return diff == 0 && !expected.empty();
}

struct ControlServer::Impl {
    ControlQueue& queue;
    std::string token;
    ControlServerOptions options;
    httplib::Server server;
    std::thread listener;
    std::atomic<bool> listenerDone{false};
    std::string host;
    int port = 0;

    Impl(ControlQueue& q, std::string t, ControlServerOptions o)
        : queue(q), token(std::move(t)), options(o) {}

    static void send(httplib::Response& res, const ControlReply& reply) {
        res.status = reply.status;
        res.set_header("Cache-Control", "no-store");
        res.set_content(reply.body.dump(-1, ' ', false, json::error_handler_t::replace) + "\n",
                        "application/json; charset=utf-8");
    }

    // Runs `command` on the owner thread and waits for its reply.
    ControlReply onOwner(ControlCommand command) {
        std::optional<ControlReply> reply = queue.call(std::move(command), options.replyTimeout);
        if (reply) return std::move(*reply);
        const auto secs = static_cast<long long>(options.replyTimeout.count() + 999) / 1000;
        return errorReply(503, "The app is busy and did not answer within " +
                                   std::to_string(secs) + " s; nothing was changed. Try again.");
    }

    // Why a request may not use the API, or nothing when its bearer token is right.
    std::optional<ControlReply> refuseAuth(const httplib::Request& req, httplib::Response& res) {
        const std::string header = req.get_header_value("Authorization");
        std::string_view value = header;
        const std::size_t space = value.find(' ');
        const std::string_view scheme = value.substr(0, space);
        const bool bearer = space != std::string_view::npos && scheme.size() == 6 &&
                            std::equal(scheme.begin(), scheme.end(), "bearer",
                                       [](char a, char b) {
                                           return std::tolower(static_cast<unsigned char>(a)) == b;
                                       });
        if (!bearer) {
            res.set_header("WWW-Authenticate", "Bearer realm=\"pycast\"");
            return errorReply(401,
                              "This API needs the control token: send the header "
                              "'Authorization: Bearer TOKEN' (pycast live prints the token "
                              "when it starts; it is also in the session's session.json).");
        }
        std::string_view given = value.substr(space + 1);
        while (!given.empty() && given.front() == ' ') given.remove_prefix(1);
        while (!given.empty() && given.back() == ' ') given.remove_suffix(1);
        if (!tokensMatch(token, given)) {
            res.set_header("WWW-Authenticate", "Bearer realm=\"pycast\", error=\"invalid_token\"");
            return errorReply(401, "The control token is wrong; use the one pycast live printed "
                                   "when it started.");
        }
        return std::nullopt;
    }

    ControlReply extendCommand(const std::string& body) {
        const std::string example = "{\"seconds\": 60} (negative shortens: {\"seconds\": -30})";
        ControlReply problem;
        const auto j = parseObjectBody(body, example, problem);
        if (!j) return problem;
        if (!j->contains("seconds"))
            return errorReply(400, "The body has no \"seconds\"; send " + example + ".");
        const json& s = (*j)["seconds"];
        if (!s.is_number_integer())
            return errorReply(400, "\"seconds\" must be a whole number of seconds, not " +
                                       s.dump() + "; send " + example + ".");
        const bool inRange =
            s.is_number_unsigned()
                ? s.get<std::uint64_t>() <= static_cast<std::uint64_t>(kMaxExtendSeconds)
                : (s.get<std::int64_t>() >= -kMaxExtendSeconds &&
                   s.get<std::int64_t>() <= kMaxExtendSeconds);
        if (!inRange)
            return errorReply(400, "\"seconds\" must be between -" +
                                       std::to_string(kMaxExtendSeconds) + " and " +
                                       std::to_string(kMaxExtendSeconds) + ", not " + s.dump() +
                                       ".");
        const Seconds seconds = s.get<std::int64_t>();
        return onOwner([seconds](Session& session) {
            return actionReply(session, session.extend(seconds));
        });
    }

    ControlReply messageCommand(const std::string& body) {
        const std::string example = "{\"text\": \"wrap up in 2 minutes\"}";
        ControlReply problem;
        const auto j = parseObjectBody(body, example, problem);
        if (!j) return problem;
        if (!j->contains("text") || !(*j)["text"].is_string())
            return errorReply(400, "The body needs \"text\" as a string; send " + example + ".");
        std::string text = (*j)["text"].get<std::string>();
        if (text.find_first_not_of(" \t\r\n") == std::string::npos)
            return errorReply(400, "\"text\" is empty; send " + example + ".");
        if (text.size() > options.maxMessageBytes)
            return errorReply(413, "The message is " + std::to_string(text.size()) +
                                       " bytes; keep it under " +
                                       std::to_string(options.maxMessageBytes) + ".");
        return onOwner([text = std::move(text)](Session& session) {
            return actionReply(session, session.message(text));
        });
    }

    ControlReply questionAnsweredCommand(const std::string& body) {
        std::string question;
        if (body.find_first_not_of(" \t\r\n") != std::string::npos) {
            const std::string example = "{\"question\": \"q-1\"} (or no body)";
            ControlReply problem;
            const auto j = parseObjectBody(body, example, problem);
            if (!j) return problem;
            if (j->contains("question")) {
                if (!(*j)["question"].is_string())
                    return errorReply(400, "\"question\" must be a question id string; send " +
                                               example + ".");
                question = (*j)["question"].get<std::string>();
            }
        }
        return onOwner([question = std::move(question)](Session& session) {
            return actionReply(session, session.questionAnswered(question));
        });
    }

    ControlReply run(Endpoint endpoint, const httplib::Request& req) {
        using SessionAction = SessionActionResult (Session::*)();
        SessionAction action = nullptr;
        switch (endpoint) {
            case Endpoint::State:
                return onOwner([](Session& s) { return ControlReply{200, sessionStateJson(s)}; });
            case Endpoint::Extend: return extendCommand(req.body);
            case Endpoint::Message: return messageCommand(req.body);
            case Endpoint::QuestionAnswered: return questionAnsweredCommand(req.body);
            case Endpoint::Start: action = &Session::start; break;
            case Endpoint::Pause: action = &Session::pause; break;
            case Endpoint::Resume: action = &Session::resume; break;
            case Endpoint::Next: action = &Session::next; break;
            case Endpoint::Previous: action = &Session::previous; break;
            case Endpoint::End: action = &Session::end; break;
            case Endpoint::Goto:
            case Endpoint::None: break;
        }
        if (!action) return errorReply(500, "Internal error: no handler for " + req.path + ".");
        return onOwner([action](Session& s) { return actionReply(s, (s.*action)()); });
    }

    ControlReply gotoCommand(const std::string& id) {
        return onOwner([id](Session& s) {
            if (s.show().segmentIndex(id) < 0)
                return errorReply(404, "There is no segment with id '" + id +
                                           "' in this show; GET /api/state lists the ids under "
                                           "\"segments\".");
            return actionReply(s, s.gotoSegment(id));
        });
    }

    void handle(const httplib::Request& req, httplib::Response& res) {
        const std::string& path = req.path;
        const std::string method = req.method == "HEAD" ? "GET" : req.method;
        if (!startsWith(path, kApiPrefix)) {
            send(res, errorReply(404, "Nothing at " + path +
                                          "; the control API lives under /api/ (try GET "
                                          "/api/state)."));
            return;
        }
        if (auto refused = refuseAuth(req, res)) {
            send(res, *refused);
            return;
        }
        if (startsWith(path, kGotoPrefix)) {
            const std::string id = path.substr(std::strlen(kGotoPrefix));
            if (id.empty() || id.find('/') != std::string::npos) {
                send(res, errorReply(404, "Name one segment: POST /api/goto/SEGMENT_ID (the ids "
                                          "are in GET /api/state under \"segments\")."));
                return;
            }
            if (method != "POST") {
                res.set_header("Allow", "POST");
                send(res, errorReply(405, "Use POST for " + path + "."));
                return;
            }
            send(res, gotoCommand(id));
            return;
        }
        for (const Route& route : kRoutes) {
            if (path != route.path) continue;
            if (method != route.method) {
                res.set_header("Allow", route.method);
                send(res, errorReply(405, std::string("Use ") + route.method + " for " + path +
                                              "."));
                return;
            }
            send(res, run(route.endpoint, req));
            return;
        }
        send(res, errorReply(404, "There is no endpoint " + path +
                                      "; see docs/control-api.md (GET /api/state, POST "
                                      "/api/start, /api/next, …)."));
    }
};

ControlServer::ControlServer(ControlQueue& queue, std::string token, ControlServerOptions options)
    : m_impl(std::make_unique<Impl>(queue, std::move(token), options)) {
    Impl& impl = *m_impl;
    httplib::Server& s = impl.server;
    const auto handler = [&impl](const httplib::Request& req, httplib::Response& res) {
        impl.handle(req, res);
    };
    // One catch-all per method: routing is ours, so a known path with the wrong method is a 405.
    s.Get(".*", handler);
    s.Post(".*", handler);
    s.Put(".*", handler);
    s.Patch(".*", handler);
    s.Delete(".*", handler);
    s.Options(".*", handler);
    // A POST without Content-Length has no body (RFC 9112, 6.3), but this httplib answers it
    // 400 while reading the body; `curl -X POST URL` sends exactly that. Handle it before.
    s.set_pre_routing_handler([&impl](const httplib::Request& req, httplib::Response& res) {
        if (req.method == "GET" || req.method == "HEAD" || req.has_header("Content-Length") ||
            req.has_header("Transfer-Encoding"))
            return httplib::Server::HandlerResponse::Unhandled;
        impl.handle(req, res);
        return httplib::Server::HandlerResponse::Handled;
    });
    // Replies httplib makes itself (413, 400 on a malformed request …) get a JSON body too.
    s.set_error_handler(httplib::Server::HandlerWithResponse(
        [](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        Impl::send(res, errorReply(res.status, httpErrorSentence(res.status)));
        return httplib::Server::HandlerResponse::Handled;
    }));
    s.set_exception_handler([](const httplib::Request&, httplib::Response& res,
                               std::exception_ptr ep) {
        std::string what = "unknown error";
        try {
            if (ep) std::rethrow_exception(ep);
        } catch (const std::exception& e) {
            what = e.what();
        } catch (...) {
        }
        Impl::send(res, errorReply(500, "Internal error: " + what));
    });
    // httplib's default sets SO_REUSEPORT, which lets a second app bind the same port and take
    // half of the requests. SO_REUSEADDR alone still allows a quick restart after TIME_WAIT.
    s.set_socket_options([](socket_t sock) {
        const int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    s.set_payload_max_length(impl.options.maxBodyBytes);
    s.set_keep_alive_max_count(100);
}

ControlServer::~ControlServer() { stop(); }

ServerStartResult ControlServer::start(const std::string& host, int port) {
    ServerStartResult out;
    Impl& impl = *m_impl;
    if (impl.listener.joinable()) {
        out.error = "The control API is already listening on " + url() + ".";
        return out;
    }
    if (impl.token.empty()) {
        out.error = "The control API needs a token; none was given.";
        return out;
    }
    if (port < 0 || port > 65535) {
        out.error = std::to_string(port) + " is not a port number (0 to 65535).";
        return out;
    }
    ignoreSigpipeOnce();
    int bound = -1;
    if (port == 0)
        bound = impl.server.bind_to_any_port(host);
    else if (impl.server.bind_to_port(host, port))
        bound = port;
    if (bound <= 0) {
        out.error = bindFailure(host, port);
        return out;
    }
    impl.host = host;
    impl.port = bound;
    impl.listenerDone = false;
    impl.listener = std::thread([&impl] {
        impl.server.listen_after_bind();
        impl.listenerDone = true;
    });
    // httplib's stop() does nothing until the accept loop runs; wait for it, so that a stop()
    // right after start() is not lost.
    while (!impl.server.is_running() && !impl.listenerDone)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    out.ok = true;
    out.port = bound;
    return out;
}

void ControlServer::stop() {
    Impl& impl = *m_impl;
    if (!impl.listener.joinable()) return;
    impl.server.stop();
    impl.listener.join();
}

bool ControlServer::running() const { return m_impl->listener.joinable(); }
int ControlServer::port() const { return m_impl->port; }
const std::string& ControlServer::host() const { return m_impl->host; }
std::string ControlServer::url() const { return controlUrl(m_impl->host, m_impl->port); }

}  // namespace pycast
