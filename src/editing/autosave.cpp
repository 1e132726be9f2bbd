// The autosave worker: writes queued by the UI thread, done on this file's own thread.
#include "editing/autosave.hpp"

#include "io/workspace.hpp"

namespace pycast {

AutosaveWriter::AutosaveWriter() : m_thread([this] { run(); }) {}

AutosaveWriter::~AutosaveWriter() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void AutosaveWriter::write(Show show, std::filesystem::path original, std::filesystem::path path) {
    {
        std::lock_guard lock(m_mutex);
        m_jobs.push_back([this, show = std::move(show), original = std::move(original),
                          path = std::move(path)] {
            const Status written = writeAutosave(show, original, path);
            std::lock_guard inner(m_mutex);
            m_lastError = written.ok() ? std::string() : written.error().message();
        });
    }
    m_wake.notify_all();
}

void AutosaveWriter::discard(std::filesystem::path path) {
    {
        std::lock_guard lock(m_mutex);
        m_jobs.push_back([path = std::move(path)] { discardAutosave(path); });
    }
    m_wake.notify_all();
}

void AutosaveWriter::flush() {
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return m_jobs.empty() && !m_busy; });
}

std::string AutosaveWriter::lastError() const {
    std::lock_guard lock(m_mutex);
    return m_lastError;
}

void AutosaveWriter::run() {
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stop || !m_jobs.empty(); });
        if (m_jobs.empty()) {
            if (m_stop) return;  // stop only once everything queued is on disk
            continue;
        }
        std::function<void()> job = std::move(m_jobs.front());
        m_jobs.pop_front();
        m_busy = true;
        lock.unlock();
        job();
        lock.lock();
        m_busy = false;
        if (m_jobs.empty()) m_idle.notify_all();
    }
}

}  // namespace pycast
