// Shared by the HTTP fuzz targets: requests from text, a session with an owner thread that
// drains the queue, and the checks every reply must pass (libFuzzer's thread; the owner's).
#pragma once
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "fuzz_support.hpp"
#include "live/owner_queue.hpp"
#include "live/session.hpp"
#include "server/listener.hpp"

namespace fuzz {

// One request as text, much as it travels:
//   METHOD PATH[?QUERY]
//   Name: value          (headers, up to an empty line)
//
//   body
// The query is split at '&' and '=' (not percent-decoded: the listener decodes before us).
inline pycast::HttpRequest parseRequest(const std::string& text, const std::string& remote) {
    pycast::HttpRequest req;
    req.remoteAddress = remote;
    std::size_t pos = text.find('\n');
    const std::string first = text.substr(0, pos);
    const std::size_t space = first.find(' ');
    req.method = first.substr(0, space);
    if (req.method == "HEAD") req.method = "GET";  // as the listener reports it
    std::string target = space == std::string::npos ? std::string("/") : first.substr(space + 1);
    if (const std::size_t q = target.find('?'); q != std::string::npos) {
        std::string query = target.substr(q + 1);
        target.resize(q);
        std::size_t at = 0;
        while (at <= query.size()) {
            std::size_t amp = query.find('&', at);
            if (amp == std::string::npos) amp = query.size();
            const std::string pair = query.substr(at, amp - at);
            const std::size_t eq = pair.find('=');
            if (!pair.empty())
                req.params.emplace_back(pair.substr(0, eq), eq == std::string::npos
                                                                ? std::string()
                                                                : pair.substr(eq + 1));
            at = amp + 1;
        }
    }
    req.path = target;
    while (pos != std::string::npos) {
        const std::size_t start = pos + 1;
        pos = text.find('\n', start);
        const std::string line =
            text.substr(start, pos == std::string::npos ? std::string::npos : pos - start);
        if (line.empty() || line == "\r") {
            if (pos != std::string::npos) req.body = text.substr(pos + 1);
            break;
        }
        const std::size_t colon = line.find(':');
        if (colon == std::string::npos) continue;
        std::string value = line.substr(colon + 1);
        const std::size_t from = value.find_first_not_of(' ');
        value = from == std::string::npos ? std::string() : value.substr(from);
        req.headers.emplace_back(line.substr(0, colon), value);
    }
    return req;
}

// A fresh session of the sample show in the scratch folder, with an owner thread that drains
// the queue (and runs `afterDrain` before replies go back) until destroyed. The session is
// touched only by the owner thread while it runs.
class OwnedSession {
public:
    OwnedSession(pycast::OwnerQueue& queue, std::function<void(pycast::Session&)> afterDrain)
        : m_queue(queue), m_afterDrain(std::move(afterDrain)) {
        const std::filesystem::path dir = scratch() / "session";
        std::filesystem::remove_all(dir);
        pycast::Result<std::unique_ptr<pycast::Session>> made =
            pycast::Session::createAt(sampleShow(), dir);
        if (!made) fail("cannot make a session: " + made.error().message());
        m_session = std::move(*made);
        if (m_afterDrain) m_afterDrain(*m_session);
        m_thread = std::thread([this] {
            while (!m_stop.load()) {
                if (m_queue.waitForWork(std::chrono::milliseconds(5)))
                    m_queue.drain(*m_session, [this] {
                        if (m_afterDrain) m_afterDrain(*m_session);
                    });
            }
        });
    }
    ~OwnedSession() { stop(); }
    // Stops the owner thread (once); afterwards this thread may read the session.
    void stop() {
        m_stop = true;
        // Wakes the owner at once (instead of at its next 5 ms poll); each input has its own
        // queue, so closing it costs nothing. A fire-and-forget post not drained yet (an
        // audience visit) comes out Closed.
        m_queue.close("the fuzz input is done");
        if (m_thread.joinable()) m_thread.join();
    }
    OwnedSession(const OwnedSession&) = delete;
    OwnedSession& operator=(const OwnedSession&) = delete;
    // Only after stop() (or from the owner thread).
    pycast::Session& session() { return *m_session; }

private:
    pycast::OwnerQueue& m_queue;
    std::function<void(pycast::Session&)> m_afterDrain;
    std::unique_ptr<pycast::Session> m_session;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

// Every reply: a status from `allowed`; errors are JSON objects with a non-empty "error" (and
// a "code" when `codes`); a JSON text reply parses; serialising never throws.
inline void checkReply(const pycast::HttpReply& reply, const std::set<int>& allowed, bool codes,
                       const std::string& what) {
    FUZZ_CHECK(allowed.count(reply.status) == 1,
               what + ": status " + std::to_string(reply.status) + " " +
                   reply.body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    if (!reply.contentType.empty()) {
        FUZZ_CHECK(reply.status < 400, what + ": an error that is not JSON");
        if (reply.contentType.rfind("application/json", 0) == 0)
            FUZZ_CHECK(!nlohmann::json::parse(reply.text, nullptr, false).is_discarded(),
                       what + ": a JSON reply that does not parse");
        return;
    }
    FUZZ_CHECK(reply.body.is_object(), what + ": the body is not an object");
    (void)reply.body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (reply.status >= 400) {
        const auto error = reply.body.find("error");
        FUZZ_CHECK(
            error != reply.body.end() && error->is_string() && !error->get<std::string>().empty(),
            what + ": an error without \"error\"");
        if (codes)
            FUZZ_CHECK(reply.body.contains("code") && reply.body["code"].is_string(),
                       what + ": an error without \"code\"");
    }
}

inline bool hasHeader(const pycast::HttpReply& reply, const std::string& name) {
    for (const auto& [key, value] : reply.headers)
        if (key == name && !value.empty()) return true;
    return false;
}

}  // namespace fuzz
