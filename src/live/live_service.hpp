// A service that runs beside a live session (control API today; audience server, recorder next)
// (owner thread).
#pragma once

#include <string>
#include <vector>

#include "core/error.hpp"
#include "live/owner_queue.hpp"
#include "live/session.hpp"

namespace pycast {

// What a service gets when a session goes live: the queue its threads post commands to (they
// run on the owner thread, the only one that touches the session), and the session's token.
struct ServiceContext {
    OwnerQueue& queue;
    std::string token;
    // The session, for start() only (owner thread): e.g. to read or keep the audience PIN.
    Session* session = nullptr;
};

// How a service stands, for the start-up lines and the Live tab.
struct ServiceInfo {
    std::string name;  // "control API"
    bool running = false;
    std::string url;                 // where to reach it, once running
    std::string error;               // why it is not running
    std::vector<std::string> notes;  // e.g. it took another port; it can be reached from the LAN
};

// Live depends on this interface only; server/ implements it (the layers stay one-way) and the
// front ends plug it into the LiveHost. start/stop/info run on the owner thread; the service's
// own threads only post to the queue.
class LiveService {
public:
    virtual ~LiveService() = default;
    // Starts serving the session. The Error says what failed and what to do; warnings become
    // notes ("port 8765 was taken; using 41234").
    virtual Status start(const ServiceContext& context) = 0;
    // Stops accepting, lets work in flight finish, joins its threads. Safe to call twice.
    virtual void stop() = 0;
    virtual ServiceInfo info() const = 0;
    // The session changed (an action ran, from the host or a queued request): republish what
    // the service serves without asking the owner, e.g. the audience's public view. Owner
    // thread; keep it cheap — compare a revision first.
    virtual void sessionChanged(const Session& session) { (void)session; }
    // Called on the owner thread at every LiveHost::drain() (each UI frame, each turn of the
    // CLI's loop, at least every 100 ms): a service with its own status to journal (the
    // recorder's dropouts and warnings) does it here, through the session.
    virtual void poll(Session& session) { (void)session; }
    // Lines that tell a person how to reach it once running: "control API on URL (token T)",
    // then examples ("  curl …").
    virtual std::vector<std::string> describe() const = 0;
};

}  // namespace pycast
