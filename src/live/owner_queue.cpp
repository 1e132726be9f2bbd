// Commands from service threads to the session's owner thread, and their results (any thread).
#include "live/owner_queue.hpp"

#include "live/session.hpp"

#include <exception>
#include <utility>
#include <vector>

namespace pycast {

OwnerQueue::~OwnerQueue() { close("The app is shutting down."); }

void OwnerQueue::setWakeCallback(std::function<void()> wake) {
    std::lock_guard lock(m_mutex);
    m_wake = std::move(wake);
}

void OwnerQueue::push(const std::shared_ptr<Item>& item) {
    std::function<void()> wake;
    {
        std::lock_guard lock(m_mutex);
        if (m_closed) {
            item->state = kAnswered;
            item->refuse(OwnerCallStatus::Closed, m_closedReason);
            return;
        }
        m_items.push_back(item);
        wake = m_wake;
    }
    m_cv.notify_all();
    if (wake) wake();
}

std::size_t OwnerQueue::drain(Session& session, const std::function<void()>& beforeReplies) {
    std::deque<std::shared_ptr<Item>> batch;
    {
        std::lock_guard lock(m_mutex);
        batch.swap(m_items);
    }
    std::size_t ran = 0;
    std::vector<Item*> done;  // ran; their results wait for the journal's sync
    session.deferJournalSync(true);
    for (auto& item : batch) {
        if (!item->claim(kRunning)) continue;  // withdrawn by a poster that stopped waiting
        ++ran;
        try {
            item->run(session);
            done.push_back(item.get());
            continue;
        } catch (const std::exception& e) {
            item->refuse(OwnerCallStatus::Failed, std::string("Internal error: ") + e.what());
        } catch (...) {
            item->refuse(OwnerCallStatus::Failed, "Internal error.");
        }
        item->state = kAnswered;
    }
    session.deferJournalSync(false);
    const Status synced = session.syncJournal();
    if (ran > 0 && beforeReplies) beforeReplies();
    for (Item* item : done) {
        if (synced.ok())
            item->deliver();
        else
            item->refuse(OwnerCallStatus::Failed, synced.error().message());
        item->state = kAnswered;
    }
    return ran;
}

bool OwnerQueue::waitForWork(std::chrono::milliseconds timeout) {
    std::unique_lock lock(m_mutex);
    m_cv.wait_for(lock, timeout, [this] { return !m_items.empty() || m_closed; });
    return !m_items.empty();
}

void OwnerQueue::close(const std::string& reason) {
    std::deque<std::shared_ptr<Item>> refused;
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_closedReason = reason;
        refused.swap(m_items);
    }
    m_cv.notify_all();
    for (auto& item : refused)
        if (item->claim(kAnswered)) item->refuse(OwnerCallStatus::Closed, reason);
}

bool OwnerQueue::closed() const {
    std::lock_guard lock(m_mutex);
    return m_closed;
}

std::size_t OwnerQueue::pending() const {
    std::lock_guard lock(m_mutex);
    return m_items.size();
}

}  // namespace pycast
