// Writes and removes autosave files off the UI thread, in the order asked (worker thread).
#pragma once

#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "core/show.hpp"

namespace pycast {

// One worker thread with a queue: the UI thread hands over a copy of the show and returns at
// once, so an fsync on a slow disk never stalls a frame. Writes and removals run in the order
// they were queued, so a removal after a save cannot be overtaken by an earlier write.
class AutosaveWriter {
public:
    AutosaveWriter();
    ~AutosaveWriter();  // finishes what is queued, then joins
    AutosaveWriter(const AutosaveWriter&) = delete;
    AutosaveWriter& operator=(const AutosaveWriter&) = delete;

    // UI thread.
    void write(Show show, std::filesystem::path original, std::filesystem::path path);
    void discard(std::filesystem::path path);
    void flush();  // waits until the queue is empty (tests, shutdown)
    // The last write's error, or empty when it succeeded.
    std::string lastError() const;

private:
    void run();

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_idle;
    std::deque<std::function<void()>> m_jobs;
    bool m_busy = false;
    bool m_stop = false;
    std::string m_lastError;
    std::thread m_thread;  // last: starts after the members it uses exist
};

}  // namespace pycast
