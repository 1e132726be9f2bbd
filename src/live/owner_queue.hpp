// Commands from service threads (HTTP pools) to the session's owner thread, and their results (any
// thread).
#pragma once

#include <atomic>
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

namespace pycast {

class Session;

// How a posted command came out. Only Done carries the command's own (domain) result; the
// service that posted it turns the rest into its own answers (HTTP: 503, 500).
enum class OwnerCallStatus {
    Done,    // it ran exactly once
    Busy,    // the owner did not take it in time; it was withdrawn and never runs
    Closed,  // the queue closed (shutdown) before it ran; it never runs
    Failed,  // it threw on the owner thread; `why` says what
};

template <typename R>
struct OwnerReply {
    OwnerCallStatus status = OwnerCallStatus::Done;
    std::optional<R> value;  // set when Done
    std::string why;         // for Closed and Failed
};

// A mailbox from many posting threads to one owner. Posters never touch the session: they
// hand over a command and wait on its future. The owner calls drain() each loop or frame.
//
// Threads: post/call/close from any thread; drain and waitForWork on the owner thread only.
// The wake callback runs on the posting thread (glfwPostEmptyEvent is safe there).
class OwnerQueue {
public:
    OwnerQueue() = default;
    OwnerQueue(const OwnerQueue&) = delete;
    OwnerQueue& operator=(const OwnerQueue&) = delete;
    ~OwnerQueue();  // pending commands come out Closed

    // Called after each post, outside the lock, e.g. glfwPostEmptyEvent for the GUI.
    void setWakeCallback(std::function<void()> wake);

    // Queues `command`; the future is ready once the owner ran it or the queue closed.
    template <typename R>
    std::future<OwnerReply<R>> post(std::function<R(Session&)> command) {
        return enqueue<R>(std::move(command), nullptr);
    }

    // Posts and waits up to `timeout`. If the owner has not started the command by then it is
    // withdrawn and never runs (Busy); a command already running is waited for, so Done means
    // "it happened exactly once".
    template <typename R>
    OwnerReply<R> call(std::function<R(Session&)> command, std::chrono::milliseconds timeout) {
        std::shared_ptr<Item> item;
        std::future<OwnerReply<R>> future = enqueue<R>(std::move(command), &item);
        if (future.wait_for(timeout) == std::future_status::ready) return future.get();
        if (item->claim(kWithdrawn)) return OwnerReply<R>{OwnerCallStatus::Busy, std::nullopt, {}};
        // The owner is running it right now (or just answered): its result is moments away.
        return future.get();
    }

    // Owner thread: runs every queued command in order; returns how many ran. Group commit:
    // the session's journal is synced once after the batch and only then are the commands'
    // results handed back, so an acknowledged event is on disk and a flood costs one
    // fdatasync per drain, not one per event. A failed sync answers the batch Failed.
    // `beforeReplies` runs after the sync and before any result is handed back (when any
    // command ran): services republish there, so a poster never reads a view older than its
    // own acknowledged change.
    std::size_t drain(Session& session, const std::function<void()>& beforeReplies = {});

    // Owner thread: sleeps until something is queued or the timeout passes (true: work queued).
    bool waitForWork(std::chrono::milliseconds timeout);

    // Refuses new commands and answers queued ones Closed with `reason`. For shutdown: no
    // request waits for an owner that stopped draining.
    void close(const std::string& reason);
    bool closed() const;

    std::size_t pending() const;

private:
    enum ItemState : int { kPending, kRunning, kWithdrawn, kAnswered };

    // One queued command. The state decides, atomically, who owns it: the owner thread (runs
    // it) or a poster that gave up waiting (withdraws it). Exactly one of them wins.
    struct Item {
        std::function<void(Session&)> run;   // runs the command, keeps its result
        std::function<void()> deliver;       // hands the kept result to the poster
        std::function<void(OwnerCallStatus, const std::string&)> refuse;
        std::atomic<int> state{kPending};
        bool claim(int to) {
            int expected = kPending;
            return state.compare_exchange_strong(expected, to);
        }
    };

    template <typename R>
    std::future<OwnerReply<R>> enqueue(std::function<R(Session&)> command,
                                       std::shared_ptr<Item>* keep) {
        auto promise = std::make_shared<std::promise<OwnerReply<R>>>();
        std::future<OwnerReply<R>> future = promise->get_future();
        auto item = std::make_shared<Item>();
        auto result = std::make_shared<std::optional<R>>();
        item->run = [result, command = std::move(command)](Session& s) {
            result->emplace(command(s));
        };
        item->deliver = [promise, result] {
            promise->set_value(OwnerReply<R>{OwnerCallStatus::Done, std::move(*result), {}});
        };
        item->refuse = [promise](OwnerCallStatus status, const std::string& why) {
            promise->set_value(OwnerReply<R>{status, std::nullopt, why});
        };
        push(item);
        if (keep) *keep = std::move(item);
        return future;
    }
    void push(const std::shared_ptr<Item>& item);

    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    std::deque<std::shared_ptr<Item>> m_items;
    std::function<void()> m_wake;
    bool m_closed = false;
    std::string m_closedReason;
};

}  // namespace pycast
