// The embedded HTTP control API (cpp-httplib): its own listener and pool threads, never the model.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "live/control_queue.hpp"

namespace pycast {

inline constexpr const char* kDefaultControlHost = "127.0.0.1";
inline constexpr int kDefaultControlPort = 8765;

struct ControlServerOptions {
    // How long a request waits for the owner thread before answering 503 "the app is busy".
    std::chrono::milliseconds replyTimeout{3000};
    std::size_t maxBodyBytes = 64 * 1024;     // larger bodies get 413
    std::size_t maxMessageBytes = 2000;       // a producer message longer than this gets 413
};

struct ServerStartResult {
    bool ok = false;
    int port = 0;                        // the bound port (the one picked, when asked for 0)
    std::string error;                   // what failed and what to do, when !ok
    explicit operator bool() const { return ok; }
};

// HOST:PORT as typed on a command line or in settings: "127.0.0.1:8765", "localhost:0",
// "[::1]:8765", "0.0.0.0:9000". Port 0 means "any free port".
struct HostPort {
    std::string host;
    int port = 0;
};
std::optional<HostPort> parseHostPort(const std::string& text, std::string& error);
// "http://127.0.0.1:8765", "http://[::1]:8765"
std::string controlUrl(const std::string& host, int port);
// True for addresses only this machine can reach (127.x, ::1, localhost).
bool isLoopbackHost(const std::string& host);

// Compares a presented token with the expected one in time that depends only on the expected
// token's length, so response times do not reveal how much of a guess was right.
bool tokensMatch(std::string_view expected, std::string_view given);

// The control API: every /api/ endpoint needs "Authorization: Bearer TOKEN". Requests are
// parsed and validated on the pool threads, then run as commands on the session's owner
// thread through the ControlQueue; a handler never touches a Session itself. See
// docs/control-api.md for the endpoints and the JSON they return.
//
// start() ignores SIGPIPE for the process if it still has the default action: a client that
// hangs up mid-reply must not kill the app (this httplib build sends without MSG_NOSIGNAL).
//
// Threads: construct, start and stop on one thread (the owner's); the queue must outlive it.
class ControlServer {
public:
    ControlServer(ControlQueue& queue, std::string token, ControlServerOptions options = {});
    ~ControlServer();   // stops
    ControlServer(const ControlServer&) = delete;
    ControlServer& operator=(const ControlServer&) = delete;

    // Binds HOST:PORT and starts listening on a thread of its own. Once it returns ok, clients
    // can connect. A second start while running is refused.
    ServerStartResult start(const std::string& host = kDefaultControlHost,
                            int port = kDefaultControlPort);
    // Stops accepting, lets requests in flight finish writing their replies, joins the threads.
    void stop();

    bool running() const;
    int port() const;                    // 0 until started
    const std::string& host() const;
    std::string url() const;             // controlUrl(host, port)

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace pycast
