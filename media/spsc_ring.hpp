// A lock-free single-producer / single-consumer ring of trivially copyable items: the audio
// callback (producer) hands captured frames to the track writer (consumer).
//
// Threads: exactly one thread calls the producer side (writable, write, writeWithin) and exactly
// one thread calls the consumer side (readable, read, peek, discard). Either may call capacity
// and highWater. Debian's PortAudio does not ship pa_ringbuffer, so this is our own, shaped like
// Audacity's RingBuffer (audacity/audacity:libraries/lib-audio-io/RingBuffer.h): two
// monotonically increasing indices, each written by one side only, padded onto their own cache
// lines so the two threads do not false-share.
//
// Memory order (the whole protocol):
//   - m_end (written by the producer only): the producer loads its own m_end relaxed, copies the
//     items, then stores the new m_end with release — the items are published before the index.
//     The consumer loads m_end with acquire, so every item below it is visible.
//   - m_start (written by the consumer only): the consumer loads its own m_start relaxed, copies
//     the items out, then stores the new m_start with release — the slots are handed back only
//     after the copy finished. The producer loads m_start with acquire before it overwrites.
//   - m_highWater: relaxed; a statistic, written by the producer only.
// No operation locks, allocates, or waits: safe in a real-time callback. Construction allocates
// (do it before the stream starts).
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <span>
#include <type_traits>

namespace pycast::media {

template <typename T>
class SpscRing {
    static_assert(std::is_trivially_copyable_v<T>, "the ring copies items with memcpy");

public:
    // Holds up to `capacity` items (> 0). Allocates once, here.
    explicit SpscRing(std::size_t capacity)
        : m_capacity(capacity == 0 ? 1 : capacity), m_items(std::make_unique<T[]>(m_capacity)) {}
    SpscRing(const SpscRing&) = delete;
    SpscRing& operator=(const SpscRing&) = delete;

    std::size_t capacity() const { return m_capacity; }

    // --- producer side -------------------------------------------------------------------------
    // How many items write() would take now.
    std::size_t writable() const {
        const std::uint64_t end = m_end.load(std::memory_order_relaxed);
        const std::uint64_t start = m_start.load(std::memory_order_acquire);
        return m_capacity - static_cast<std::size_t>(end - start);
    }
    // Copies all of `items` in, or nothing when they do not fit (a frame is never split across a
    // dropout). Returns whether they were written.
    bool write(std::span<const T> items) {
        if (items.size() > writable()) return false;
        copyIn(items);
        return true;
    }
    // Copies in as many items as fit; returns how many.
    std::size_t writeSome(std::span<const T> items) {
        const std::size_t n = std::min(items.size(), writable());
        copyIn(items.first(n));
        return n;
    }
    // The most items ever held at once since construction.
    std::size_t highWater() const { return m_highWater.load(std::memory_order_relaxed); }

    // --- consumer side -------------------------------------------------------------------------
    // How many items read() could take now.
    std::size_t readable() const {
        const std::uint64_t end = m_end.load(std::memory_order_acquire);
        const std::uint64_t start = m_start.load(std::memory_order_relaxed);
        return static_cast<std::size_t>(end - start);
    }
    // Copies up to out.size() items out and frees their slots; returns how many.
    std::size_t read(std::span<T> out) {
        const std::size_t n = peek(out);
        discard(n);
        return n;
    }
    // Copies up to out.size() items out without freeing them.
    std::size_t peek(std::span<T> out) const {
        const std::size_t n = std::min(out.size(), readable());
        if (n == 0) return 0;  // out.data() may be null; memcpy must not see it
        const std::uint64_t start = m_start.load(std::memory_order_relaxed);
        const std::size_t at = static_cast<std::size_t>(start % m_capacity);
        const std::size_t first = std::min(n, m_capacity - at);
        std::memcpy(out.data(), m_items.get() + at, first * sizeof(T));
        std::memcpy(out.data() + first, m_items.get(), (n - first) * sizeof(T));
        return n;
    }
    // Frees up to n items already peeked; returns how many.
    std::size_t discard(std::size_t n) {
        n = std::min(n, readable());
        const std::uint64_t start = m_start.load(std::memory_order_relaxed);
        m_start.store(start + n, std::memory_order_release);
        return n;
    }

private:
    void copyIn(std::span<const T> items) {
        const std::size_t n = items.size();
        if (n == 0) return;  // items.data() may be null; memcpy must not see it
        const std::uint64_t end = m_end.load(std::memory_order_relaxed);
        const std::size_t at = static_cast<std::size_t>(end % m_capacity);
        const std::size_t first = std::min(n, m_capacity - at);
        std::memcpy(m_items.get() + at, items.data(), first * sizeof(T));
        std::memcpy(m_items.get(), items.data() + first, (n - first) * sizeof(T));
        m_end.store(end + n, std::memory_order_release);
        const std::uint64_t start = m_start.load(std::memory_order_relaxed);
        const auto held = static_cast<std::size_t>(end + n - start);
        if (held > m_highWater.load(std::memory_order_relaxed))
            m_highWater.store(held, std::memory_order_relaxed);
    }

    // std::hardware_destructive_interference_size is not stable across GCC versions; 64 bytes is
    // the line size of every x86-64 and most ARM64 cores this runs on.
    static constexpr std::size_t kLine = 64;

    const std::size_t m_capacity;
    const std::unique_ptr<T[]> m_items;
    alignas(kLine) std::atomic<std::uint64_t> m_end{0};    // producer writes
    alignas(kLine) std::atomic<std::uint64_t> m_start{0};  // consumer writes
    alignas(kLine) std::atomic<std::size_t> m_highWater{0};
};

}  // namespace pycast::media
