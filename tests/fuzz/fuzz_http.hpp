// Shared by the HTTP fuzz targets: requests from text, the session and owner thread the requests
// meet, and the checks every reply must pass (libFuzzer's thread; the owner's).
#pragma once
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "fuzz_support.hpp"
#include "io/journal.hpp"
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

// The session the requests meet and the owner thread that drains their queue, one of each for
// the whole process, lent to one input at a time (docs/fuzzing.md, "Speed"). Every input starts
// from a pristine session of the sample show: one that an earlier input changed (it journaled
// an event) is replaced by a new one first, so each input meets exactly what a fresh session
// would be and a finding replays alone — while an input that changes nothing (most: refused,
// malformed, read-only) costs no new session, no new thread and no show serialised to disk.
// The session's clocks are manual and set to the same instant before every input, so its age
// and stamps do not depend on how long the run has been going.
// Threads: begin/end on libFuzzer's thread; the session is touched by the owner thread while
// an input runs, and by libFuzzer's thread only between inputs (under m_mutex).
class SessionHost {
public:
    // Never destroyed: libFuzzer ends a run with exit() or _Exit(), and a static destructor
    // that joined a thread blocked in waitForWork would only slow that down.
    static SessionHost& instance() {
        static SessionHost* host = new SessionHost();
        return *host;
    }

    pycast::OwnerQueue& queue() { return m_queue; }

    // Starts an input on a pristine session. `afterChange` runs on the owner thread now and
    // after each drain that journaled something, before the replies go back (a service
    // republishing its view, as the live host does).
    void begin(std::function<void(pycast::Session&)> afterChange) {
        std::lock_guard<std::mutex> lock(m_mutex);
        // Time stands still at the same instant for every input: a kept session is as old,
        // and its stamps as dated, as a new one would be.
        m_clock.set(kSessionClockMs);
        m_wall.set(kSessionEpochMs);
        if (!m_session || m_session->events().size() != m_pristineEvents) fresh();
        m_afterChange = std::move(afterChange);
        m_seenEvents = m_session->events().size();
        if (m_afterChange) m_afterChange(*m_session);
    }

    // Ends the input: waits until everything it posted has run (the queue is first in, first
    // out, so a command posted now runs after all of them — a phone's fire-and-forget visit
    // included) and returns how many events the input journaled.
    std::size_t end() {
        const pycast::OwnerReply<std::size_t> reply = m_queue.call<std::size_t>(
            [](pycast::Session& s) { return s.events().size(); }, std::chrono::seconds(20));
        if (reply.status != pycast::OwnerCallStatus::Done || !reply.value)
            fail("the owner did not answer the end of the input: " + reply.why);
        std::lock_guard<std::mutex> lock(m_mutex);
        m_afterChange = {};
        return *reply.value - m_pristineEvents;
    }

    std::filesystem::path journalFile() const { return dir() / pycast::kSessionJournalFile; }
    // Between inputs only: the events of the session as it is now.
    std::size_t eventCount() {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_session->events().size();
    }

private:
    SessionHost() {
        m_thread = std::thread([this] {
            for (;;) {
                if (!m_queue.waitForWork(std::chrono::milliseconds(50))) continue;
                std::lock_guard<std::mutex> lock(m_mutex);
                m_queue.drain(*m_session, [this] {
                    if (m_session->events().size() == m_seenEvents) return;
                    m_seenEvents = m_session->events().size();
                    if (m_afterChange) m_afterChange(*m_session);
                });
            }
        });
        m_thread.detach();
    }

    static std::filesystem::path dir() { return scratch() / "session"; }

    // Under m_mutex, with the owner idle.
    void fresh() {
        m_session.reset();  // closes its journal (and drops the journal's lock) first
        std::filesystem::remove_all(dir());
        pycast::SessionOptions options;
        options.clock = &m_clock;
        options.wall = &m_wall;
        pycast::Result<std::unique_ptr<pycast::Session>> made =
            pycast::Session::createAt(sampleShow(), dir(), options);
        if (!made) fail("cannot make a session: " + made.error().message());
        m_session = std::move(*made);
        m_pristineEvents = m_session->events().size();
    }

    pycast::ManualClock m_clock{kSessionClockMs};
    pycast::ManualWallClock m_wall{kSessionEpochMs, kSessionUtcOffsetMinutes};
    pycast::OwnerQueue m_queue;
    std::mutex m_mutex;
    std::unique_ptr<pycast::Session> m_session;
    std::size_t m_pristineEvents = 0;
    std::size_t m_seenEvents = 0;
    std::function<void(pycast::Session&)> m_afterChange;
    std::thread m_thread;
};

// The journal on disk holds what the session holds, whole (checked after an input that
// journaled something; an input that journaled nothing left the file as it was).
inline void checkJournalReadsBack(SessionHost& host) {
    const pycast::Result<pycast::JournalContents> read = pycast::readJournal(host.journalFile());
    FUZZ_CHECK(read.ok() && read.warnings.empty(),
               "the session's journal does not read back whole");
    const std::size_t events = host.eventCount();
    FUZZ_CHECK(read->events.size() == events, "the journal holds " +
                                                  std::to_string(read->events.size()) +
                                                  " events, the session " + std::to_string(events));
}

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
