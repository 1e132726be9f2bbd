// Commands from the HTTP threads to the session's owner thread, and their replies (any thread).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace pycast {

class Session;

// What the owner thread answers: an HTTP status and a JSON body.
struct ControlReply {
    int status = 200;
    nlohmann::json body = nlohmann::json::object();
};

// Runs on the owner thread, with the session; the only code that touches it for a request.
using ControlCommand = std::function<ControlReply(Session&)>;

// A mailbox from many posting threads to one owner. Posters never touch the session: they
// hand over a command and wait on its future. The owner calls drain() each loop or frame.
//
// Threads: post/call/close from any thread; drain and waitForWork on the owner thread only.
// The wake callback runs on the posting thread (glfwPostEmptyEvent is safe there).
class ControlQueue {
public:
    ControlQueue() = default;
    ControlQueue(const ControlQueue&) = delete;
    ControlQueue& operator=(const ControlQueue&) = delete;
    ~ControlQueue();   // pending commands get a 503 reply

    // Called after each post, outside the lock, e.g. glfwPostEmptyEvent for the GUI.
    void setWakeCallback(std::function<void()> wake);

    // Queues a command; the future is ready once the owner ran it (or the queue closed: 503).
    std::future<ControlReply> post(ControlCommand command);

    // Posts and waits up to `timeout`. If the owner has not started the command by then it is
    // withdrawn and never runs, and the result is empty (the caller answers "busy"); a command
    // already running is waited for, so a reply always means "it happened exactly once".
    std::optional<ControlReply> call(ControlCommand command, std::chrono::milliseconds timeout);

    // Owner thread: runs every queued command in order; returns how many ran.
    std::size_t drain(Session& session);

    // Owner thread: sleeps until something is queued or the timeout passes (true: work queued).
    bool waitForWork(std::chrono::milliseconds timeout);

    // Refuses new commands and answers queued ones with 503 {"error": reason}. For shutdown:
    // no request waits for an owner that stopped draining.
    void close(const std::string& reason);
    bool closed() const;

    std::size_t pending() const;

private:
    struct Item;
    std::future<ControlReply> enqueue(ControlCommand command, std::shared_ptr<Item>* keep);

    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    std::deque<std::shared_ptr<Item>> m_items;
    std::function<void()> m_wake;
    bool m_closed = false;
    std::string m_closedReason;
};

}  // namespace pycast
