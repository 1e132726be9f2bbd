// Commands from the HTTP threads to the session's owner thread, and their replies (any thread).
#include "live/control_queue.hpp"

#include <atomic>
#include <exception>
#include <utility>

namespace pycast {

namespace {

enum ItemState : int { kPending, kRunning, kWithdrawn, kAnswered };

ControlReply errorReply(int status, const std::string& message) {
    return {status, {{"error", message}}};
}

}  // namespace

// One queued command. The state decides, atomically, who owns it: the owner thread (runs it)
// or a poster that gave up waiting (withdraws it). Exactly one of them wins.
struct ControlQueue::Item {
    ControlCommand command;
    std::promise<ControlReply> promise;
    std::atomic<int> state{kPending};

    bool claim(int to) {
        int expected = kPending;
        return state.compare_exchange_strong(expected, to);
    }
};

ControlQueue::~ControlQueue() { close("The app is shutting down."); }

void ControlQueue::setWakeCallback(std::function<void()> wake) {
    std::lock_guard lock(m_mutex);
    m_wake = std::move(wake);
}

std::future<ControlReply> ControlQueue::enqueue(ControlCommand command,
                                                std::shared_ptr<Item>* keep) {
    auto item = std::make_shared<Item>();
    item->command = std::move(command);
    std::future<ControlReply> future = item->promise.get_future();
    std::function<void()> wake;
    {
        std::lock_guard lock(m_mutex);
        if (m_closed) {
            item->state = kAnswered;
            item->promise.set_value(errorReply(503, m_closedReason));
            if (keep) *keep = std::move(item);
            return future;
        }
        m_items.push_back(item);
        wake = m_wake;
    }
    m_cv.notify_all();
    if (wake) wake();
    if (keep) *keep = std::move(item);
    return future;
}

std::future<ControlReply> ControlQueue::post(ControlCommand command) {
    return enqueue(std::move(command), nullptr);
}

std::optional<ControlReply> ControlQueue::call(ControlCommand command,
                                               std::chrono::milliseconds timeout) {
    std::shared_ptr<Item> item;
    std::future<ControlReply> future = enqueue(std::move(command), &item);
    if (future.wait_for(timeout) == std::future_status::ready) return future.get();
    if (item->claim(kWithdrawn)) return std::nullopt;
    // The owner is running it right now (or just answered): its reply is moments away.
    return future.get();
}

std::size_t ControlQueue::drain(Session& session) {
    std::deque<std::shared_ptr<Item>> batch;
    {
        std::lock_guard lock(m_mutex);
        batch.swap(m_items);
    }
    std::size_t ran = 0;
    for (auto& item : batch) {
        if (!item->claim(kRunning)) continue;   // withdrawn by a poster that stopped waiting
        ControlReply reply;
        try {
            reply = item->command(session);
        } catch (const std::exception& e) {
            reply = errorReply(500, std::string("Internal error: ") + e.what());
        } catch (...) {
            reply = errorReply(500, "Internal error.");
        }
        item->state = kAnswered;
        item->promise.set_value(std::move(reply));
        ++ran;
    }
    return ran;
}

bool ControlQueue::waitForWork(std::chrono::milliseconds timeout) {
    std::unique_lock lock(m_mutex);
    m_cv.wait_for(lock, timeout, [this] { return !m_items.empty() || m_closed; });
    return !m_items.empty();
}

void ControlQueue::close(const std::string& reason) {
    std::deque<std::shared_ptr<Item>> refused;
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_closedReason = reason;
        refused.swap(m_items);
    }
    m_cv.notify_all();
    for (auto& item : refused)
        if (item->claim(kAnswered)) item->promise.set_value(errorReply(503, reason));
}

bool ControlQueue::closed() const {
    std::lock_guard lock(m_mutex);
    return m_closed;
}

std::size_t ControlQueue::pending() const {
    std::lock_guard lock(m_mutex);
    return m_items.size();
}

}  // namespace pycast
