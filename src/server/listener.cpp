// The HTTP listener under every API: bind, pool, timeouts, body limits, JSON bodies (its own
// threads).
#include "server/listener.hpp"

#include <httplib.h>
#include <netdb.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include "io/atomic_file.hpp"
#include "io/json_read.hpp"
#include "server/host_port.hpp"

namespace pycast {

namespace {

using nlohmann::json;

// Why a bind failed, in words: tries it ourselves to learn the errno httplib keeps to itself.
Error bindFailure(const std::string& host, int port) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE;
    addrinfo* found = nullptr;
    const std::string service = std::to_string(port);
    const std::string where = httpUrl(host, port);
    if (const int rc = ::getaddrinfo(host.c_str(), service.c_str(), &hints, &found); rc != 0)
        return Error{
            "cannot listen: the host \"" + host + "\" is unknown (" + ::gai_strerror(rc) + ")",
            where, "use an address such as 127.0.0.1"};
    int error = 0;
    for (addrinfo* a = found; a && error == 0; a = a->ai_next) {
        UniqueFd fd(::socket(a->ai_family, a->ai_socktype, a->ai_protocol));
        if (!fd) {
            error = errno;
            continue;
        }
        const int yes = 1;
        ::setsockopt(fd.get(), SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        if (::bind(fd.get(), a->ai_addr, a->ai_addrlen) != 0 || ::listen(fd.get(), 1) != 0)
            error = errno;
    }
    ::freeaddrinfo(found);
    switch (error) {
        case EADDRINUSE:
            return Error{"port " + std::to_string(port) + " on " + host +
                             " is already in use (another pycast live or app?)",
                         {},
                         "pick another port"};
        case EACCES:
            return Error{"port " + std::to_string(port) + " needs administrator rights",
                         {},
                         "pick one above 1023"};
        case EADDRNOTAVAIL:
            return Error{"cannot listen: " + host + " is not an address of this machine", where,
                         "use 127.0.0.1"};
        case 0:
            return Error{"cannot listen", where, "try again or pick another port"};
        default:
            return Error{std::string("cannot listen: ") + std::strerror(error), where, {}};
    }
}

// "8 KiB", "64 KiB", "1000 bytes"
std::string sizeText(std::size_t bytes) {
    if (bytes >= 1024 && bytes % 1024 == 0) return std::to_string(bytes / 1024) + " KiB";
    return std::to_string(bytes) + " bytes";
}

// For replies httplib makes before our handler sees the request.
std::string httpErrorSentence(int status, std::size_t maxBodyBytes) {
    switch (status) {
        case 400:
            return "The request is not valid HTTP.";
        case 413:
            return "The request body is too large for this API (" + sizeText(maxBodyBytes) +
                   " at most).";
        case 414:
            return "The request path is too long.";
        case 416:
            return "The requested range cannot be served.";
        default:
            return "HTTP error " + std::to_string(status) + ".";
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

void send(httplib::Response& res, const HttpReply& reply) {
    res.status = reply.status;
    res.set_header("Cache-Control", "no-store");
    for (const auto& [name, value] : reply.headers) res.set_header(name.c_str(), value);
    if (!reply.contentType.empty()) {
        res.set_content(reply.text, reply.contentType.c_str());
        return;
    }
    res.set_content(reply.body.dump(-1, ' ', false, json::error_handler_t::replace) + "\n",
                    "application/json; charset=utf-8");
}

// The stable code of an error the listener makes itself.
std::string httpErrorCode(int status) { return status == 413 ? "too-large" : std::string(); }

}  // namespace

std::string HttpRequest::header(const std::string& name) const {
    if (raw) return raw->get_header_value(name.c_str());
    for (const auto& [key, value] : headers)
        if (key.size() == name.size() &&
            std::equal(key.begin(), key.end(), name.begin(), [](char a, char b) {
                return std::tolower(static_cast<unsigned char>(a)) ==
                       std::tolower(static_cast<unsigned char>(b));
            }))
            return value;
    return {};
}

std::optional<std::string> HttpRequest::param(const std::string& name) const {
    if (raw) {
        if (!raw->has_param(name.c_str())) return std::nullopt;
        return raw->get_param_value(name.c_str());
    }
    for (const auto& [key, value] : params)
        if (key == name) return value;
    return std::nullopt;
}

std::string HttpRequest::remote() const { return raw ? raw->remote_addr : remoteAddress; }

int httpStatusFor(LiveRefusal refusal) {
    switch (refusal) {
        case LiveRefusal::None:
            return 200;
        case LiveRefusal::Invalid:
            return 400;
        case LiveRefusal::TooLarge:
            return 413;
        case LiveRefusal::NotFound:
            return 404;
        case LiveRefusal::Refused:
            return 409;
        case LiveRefusal::Failed:
            return 500;
    }
    return 500;
}

HttpReply errorReply(int status, std::string sentence, std::string code) {
    HttpReply r;
    r.status = status;
    r.body = {{"error", std::move(sentence)}};
    if (!code.empty()) r.body["code"] = std::move(code);
    return r;
}

Result<json> parseJsonObjectBody(const std::string& body, const std::string& example,
                                 bool emptyIsObject) {
    if (body.find_first_not_of(" \t\r\n") == std::string::npos) {
        if (emptyIsObject) return json::object();
        return Error{"This endpoint needs a JSON body", {}, "for example " + example};
    }
    // Read as strictly as a show file (io/json_read): nothing thrown escapes, a key given twice
    // is refused (the last would silently win), numbers too large to hold are named.
    std::vector<Problem> problems;
    std::optional<json> doc = parseJsonDocument(body, problems, kMaxJsonNesting);
    if (!problems.empty()) {
        const Problem& p = problems.front();
        // "The body: /seconds: appears twice …", "The body: the number 1e400 is too large …"
        std::string what = "The body: ";
        if (!p.path.empty()) what += p.path + ": ";
        what += p.message;
        if (p.line > 0)
            what +=
                " (line " + std::to_string(p.line) + ", column " + std::to_string(p.column) + ")";
        return Error{what, {}, "send an object such as " + example};
    }
    if (!doc) return Error{"The body is not valid JSON", {}, "send an object such as " + example};
    json j = std::move(*doc);
    if (!j.is_object()) return Error{"The body must be a JSON object", {}, "such as " + example};
    return j;
}

struct HttpListener::Impl {
    Handler handler;
    ListenerOptions options;
    httplib::Server server;
    std::thread thread;
    std::atomic<bool> done{false};
    std::string host;
    int port = 0;
    int listenFd = -1;

    void serve(const httplib::Request& req, httplib::Response& res, std::string body) {
        HttpRequest r;
        r.method = req.method == "HEAD" ? "GET" : req.method;
        r.path = req.path;
        r.body = std::move(body);
        r.raw = &req;
        send(res, handler(r));
    }
};

namespace {

// httplib's task queue with a pool that grows while every worker is busy: each connection
// holds its worker until it closes or times out, so a fixed pool lets a few stalled clients
// keep every other request waiting. Workers started to meet a burst stay for the next one.
class ElasticPool final : public httplib::TaskQueue {
public:
    ElasticPool(std::size_t ready, std::size_t max) : m_max(max) {
        std::lock_guard lock(m_mutex);
        for (std::size_t i = 0; i < ready; ++i) spawnLocked();
    }
    ~ElasticPool() override { shutdown(); }

    void enqueue(std::function<void()> job) override {
        {
            std::lock_guard lock(m_mutex);
            m_jobs.push_back(std::move(job));
            // Every idle worker already has a job waiting for it: start another.
            if (!m_stopping && m_jobs.size() > m_idle && m_workers.size() < m_max) spawnLocked();
        }
        m_wake.notify_one();
    }

    void shutdown() override {
        {
            std::lock_guard lock(m_mutex);
            if (m_stopping) return;
            m_stopping = true;
        }
        m_wake.notify_all();
        for (auto& worker : m_workers) worker.join();
    }

private:
    void spawnLocked() { m_workers.emplace_back([this] { work(); }); }

    void work() {
        for (;;) {
            std::function<void()> job;
            {
                std::unique_lock lock(m_mutex);
                ++m_idle;
                m_wake.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
                --m_idle;
                if (m_jobs.empty()) return;  // stopping, and nothing left to serve
                job = std::move(m_jobs.front());
                m_jobs.pop_front();
            }
            job();
        }
    }

    const std::size_t m_max;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_jobs;
    std::vector<std::thread> m_workers;  // only grows; joined on shutdown
    std::size_t m_idle = 0;
    bool m_stopping = false;
};

}  // namespace

HttpListener::HttpListener(Handler handler, ListenerOptions options)
    : m_impl(std::make_unique<Impl>()) {
    Impl& impl = *m_impl;
    impl.handler = std::move(handler);
    impl.options = options;
    httplib::Server& s = impl.server;
    const std::size_t threads = options.threads > 0 ? options.threads : 1;
    const std::size_t maxThreads = std::max(threads, options.maxThreads);
    s.new_task_queue = [threads, maxThreads] { return new ElasticPool(threads, maxThreads); };
    const auto plain = [&impl](const httplib::Request& req, httplib::Response& res) {
        impl.serve(req, res, req.body);
    };
    // Bodies are read through a content reader: the body is JSON whatever the Content-Type
    // says, and httplib's own parsing of form bodies (refused above 8 KB) never runs.
    const auto withBody = [&impl](const httplib::Request& req, httplib::Response& res,
                                  const httplib::ContentReader& reader) {
        if (req.is_multipart_form_data()) {
            send(res, errorReply(415, "Send the body as JSON, not as a multipart form."));
            return;
        }
        std::string body;
        const std::size_t max = impl.options.maxBodyBytes;
        bool tooLarge = false;
        const bool read = reader([&](const char* data, std::size_t n) {
            if (body.size() + n > max) {
                tooLarge = true;
                return false;
            }
            body.append(data, n);
            return true;
        });
        // httplib refuses a Content-Length over the limit before reading any of it.
        const std::string length = req.get_header_value("Content-Length");
        if (!length.empty() && length.find_first_not_of("0123456789") == std::string::npos &&
            (length.size() > 18 || std::stoull(length) > max))
            tooLarge = true;
        if (!read && !tooLarge) {
            send(res, errorReply(400, "The request body could not be read in full."));
            return;
        }
        if (tooLarge) {
            send(res, errorReply(413, httpErrorSentence(413, max), httpErrorCode(413)));
            return;
        }
        impl.serve(req, res, std::move(body));
    };
    // One catch-all per method: routing is the API's, so a known path with the wrong method
    // can be a 405.
    s.Get(".*", plain);
    s.Delete(".*", plain);
    s.Options(".*", plain);
    s.Post(".*", withBody);
    s.Put(".*", withBody);
    s.Patch(".*", withBody);
    // A POST without Content-Length has no body (RFC 9112, 6.3), but this httplib would wait
    // for one until the connection closes; `curl -X POST URL` sends exactly that.
    s.set_pre_routing_handler([&impl](const httplib::Request& req, httplib::Response& res) {
        if (req.method == "GET" || req.method == "HEAD" || req.has_header("Content-Length") ||
            req.has_header("Transfer-Encoding"))
            return httplib::Server::HandlerResponse::Unhandled;
        impl.serve(req, res, {});
        return httplib::Server::HandlerResponse::Handled;
    });
    s.set_error_handler(
        httplib::Server::HandlerWithResponse([&impl](const httplib::Request&,
                                                     httplib::Response& res) {
            if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
            send(res, errorReply(res.status,
                                 httpErrorSentence(res.status, impl.options.maxBodyBytes),
                                 httpErrorCode(res.status)));
            return httplib::Server::HandlerResponse::Handled;
        }));
    s.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
            std::string what = "unknown error";
            try {
                if (ep) std::rethrow_exception(ep);
            } catch (const std::exception& e) {
                what = e.what();
            } catch (...) {
            }
            send(res, errorReply(500, "Internal error: " + what));
        });
    s.set_socket_options([&impl](socket_t sock) {
        const int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        impl.listenFd = sock;  // the last one set up is the one bound
    });
    // Replies go out as header and body in separate writes; with Nagle's algorithm the body
    // waits for the client's delayed ACK, 40 ms on Linux, on every request. Accepted sockets
    // inherit the listening socket's TCP_NODELAY.
    s.set_tcp_nodelay(true);
    s.set_payload_max_length(options.maxBodyBytes);
    s.set_read_timeout(options.readTimeout);
    s.set_write_timeout(options.writeTimeout);
    s.set_keep_alive_timeout(static_cast<time_t>(options.keepAliveTimeout.count()));
    s.set_keep_alive_max_count(100);
}

HttpListener::~HttpListener() { stop(); }

Result<int> HttpListener::start(const std::string& host, int port) {
    Impl& impl = *m_impl;
    if (impl.thread.joinable()) return Error{"already listening", url(), {}};
    if (port < 0 || port > 65535)
        return Error{std::to_string(port) + " is not a port number (0 to 65535)", {}, {}};
    ignoreSigpipeOnce();
    int bound = -1;
    if (port == 0)
        bound = impl.server.bind_to_any_port(host);
    else if (impl.server.bind_to_port(host, port))
        bound = port;
    if (bound <= 0) return bindFailure(host, port);
    // httplib listens with a backlog of 5: a room of phones connecting at once (everyone votes
    // when a question appears) would overflow it, and each dropped SYN costs a phone a second's
    // retransmit or a reset. Listening again on the bound socket raises the backlog (Linux).
    if (impl.listenFd >= 0) ::listen(impl.listenFd, SOMAXCONN);
    impl.host = host;
    impl.port = bound;
    impl.done = false;
    impl.thread = std::thread([&impl] {
        impl.server.listen_after_bind();
        impl.done = true;
    });
    // httplib's stop() does nothing until the accept loop runs; wait for it, so that a stop()
    // right after start() is not lost.
    while (!impl.server.is_running() && !impl.done)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return bound;
}

void HttpListener::stop() {
    Impl& impl = *m_impl;
    if (!impl.thread.joinable()) return;
    impl.server.stop();
    impl.thread.join();
}

bool HttpListener::running() const { return m_impl->thread.joinable(); }
int HttpListener::port() const { return m_impl->port; }
const std::string& HttpListener::host() const { return m_impl->host; }
std::string HttpListener::url() const { return httpUrl(m_impl->host, m_impl->port); }

}  // namespace pycast
