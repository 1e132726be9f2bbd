// The HTTP control API for Companion, a Stream Deck or scripts, and its live service (pool threads;
// start/stop: owner).
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "live/live_service.hpp"
#include "live/owner_queue.hpp"
#include "server/host_port.hpp"
#include "server/listener.hpp"

namespace pycast {

inline constexpr const char* kDefaultControlHost = "127.0.0.1";
inline constexpr int kDefaultControlPort = 8765;

struct ControlApiOptions {
    // How long a request waits for the owner thread before answering 503 "the app is busy".
    std::chrono::milliseconds replyTimeout{3000};
    ListenerOptions listener;
};

// Compares a presented token with the expected one in time that depends only on the expected
// token's length, so response times do not reveal how much of a guess was right.
bool tokensMatch(std::string_view expected, std::string_view given);

// The control API: every /api/ endpoint needs "Authorization: Bearer TOKEN". Its routes come
// from the live command table (POST /api/NAME, the aliases, /api/goto/ID) plus GET /api/state.
// Requests are parsed and validated on the pool threads, then run as commands on the
// session's owner thread through the OwnerQueue; the session's result picks the status code
// here. See docs/control-api.md.
//
// Threads: construct, start and stop on one thread (the owner's); the queue must outlive it.
class ControlApi {
public:
    ControlApi(OwnerQueue& queue, std::string token, ControlApiOptions options = {});
    ~ControlApi();
    ControlApi(const ControlApi&) = delete;
    ControlApi& operator=(const ControlApi&) = delete;

    // Binds HOST:PORT; the bound port. Refused while running, or without a token.
    Result<int> start(const std::string& host = kDefaultControlHost,
                      int port = kDefaultControlPort);
    void stop();
    // One request as the listener hands it over, answered without a socket (tests, the fuzz
    // targets of tests/fuzz): a HttpRequest without `raw` carries its headers itself. Commands
    // wait for the queue's owner to drain it, as over HTTP (so someone must). Any thread. The
    // body limit (413) is the listener's, not here.
    HttpReply handle(const HttpRequest& request);

    bool running() const;
    int port() const;
    const std::string& host() const;
    std::string url() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// The control API as a service of the LiveHost.
struct ControlApiServiceOptions {
    HostPort address{kDefaultControlHost, kDefaultControlPort};
    std::optional<std::string> token;  // default: the session's own
    // The studio: when the port is taken, any free one beats no API (with a note).
    bool fallBackToFreePort = false;
    // How the person sets the address in this front end, added to a failure to start:
    // "set the address with --api HOST:PORT (port 0 picks a free one)".
    std::string addressHint;
    ControlApiOptions api;
};
std::unique_ptr<LiveService> makeControlApiService(ControlApiServiceOptions options);

}  // namespace pycast
