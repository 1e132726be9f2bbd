// The HTTP listener under every API: bind, pool, timeouts, body limits, JSON bodies (its own
// threads).
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "live/live_command.hpp"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace pycast {

struct ListenerOptions {
    // Worker threads, sized here: Debian's cpp-httplib 0.11 fixes its default at 8, and 8 clients
    // that connect and say nothing would block every other request until they time out. The
    // pool keeps `threads` ready and grows to `maxThreads` while every worker is busy (a
    // connection holds its worker until it closes or times out), so stalled clients cost one
    // worker each and never keep another request waiting; past maxThreads, connections wait
    // for a worker in order.
    std::size_t threads = 32;
    std::size_t maxThreads = 512;
    // A connection that sends nothing (or half a request) for this long is dropped, so a slow
    // or idle client holds a worker for at most this long.
    std::chrono::milliseconds readTimeout{2000};
    std::chrono::milliseconds writeTimeout{5000};
    std::chrono::seconds keepAliveTimeout{2};  // idle between requests on one connection
    std::size_t maxBodyBytes = 64 * 1024;      // larger bodies get 413
};

// One request as the API sees it: the body is read whatever the Content-Type says.
struct HttpRequest {
    std::string method;  // "HEAD" is reported as "GET"
    std::string path;
    std::string body;
    const httplib::Request* raw = nullptr;  // headers, query, address: the listener's
    // Without `raw` (a request built by hand, for a handler called without a socket: tests,
    // tests/fuzz), these are read instead. Header names match in any case.
    std::vector<std::pair<std::string, std::string>> headers;
    std::vector<std::pair<std::string, std::string>> params;  // the query's, decoded
    std::string remoteAddress;
    std::string header(const std::string& name) const;
    std::optional<std::string> param(const std::string& name) const;  // nullopt when absent
    std::string remote() const;  // the client's address ("" when unknown)
};

struct HttpReply {
    int status = 200;
    nlohmann::json body = nlohmann::json::object();
    std::vector<std::pair<std::string, std::string>> headers;  // e.g. Allow, WWW-Authenticate
    // When set, `text` is sent as it is with this Content-Type and `body` is ignored: a page,
    // or JSON serialised once and served to many.
    std::string contentType = {};
    std::string text = {};
};

// The status for a domain's refusal: Invalid 400, TooLarge 413, NotFound 404, Refused 409,
// Failed 500 (None 200). Every API over the live session answers with these.
int httpStatusFor(LiveRefusal refusal);

// {"error": sentence} with a status, and {"code": code} when one is given (a stable name
// clients can test, such as "too-large").
HttpReply errorReply(int status, std::string sentence, std::string code = {});

// The body as a JSON object, or a 400 that says what to send instead (`example`). An empty
// body is an empty object when `emptyIsObject`.
Result<nlohmann::json> parseJsonObjectBody(const std::string& body, const std::string& example,
                                           bool emptyIsObject = false);

// Listens on HOST:PORT and hands each request to one handler on a pool thread. Binds with
// SO_REUSEADDR only (SO_REUSEPORT would let a second app take half the requests), ignores
// SIGPIPE for the process (a client that hangs up mid-reply must not kill the app), and
// answers every error it makes itself (413, 400) with a JSON body too.
//
// Threads: construct, start and stop on one thread; the handler runs on the pool threads.
class HttpListener {
public:
    using Handler = std::function<HttpReply(const HttpRequest&)>;

    HttpListener(Handler handler, ListenerOptions options = {});
    ~HttpListener();  // stops
    HttpListener(const HttpListener&) = delete;
    HttpListener& operator=(const HttpListener&) = delete;

    // Binds and starts accepting on a thread of its own; the bound port (the one picked, when
    // asked for 0). Once it returns, clients can connect. The Error says why not and what to do.
    Result<int> start(const std::string& host, int port);
    // Stops accepting, lets requests in flight finish writing their replies, joins the threads.
    void stop();

    bool running() const;
    int port() const;  // 0 until started
    const std::string& host() const;
    std::string url() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace pycast
