// Token buckets keyed by device id or client address, with bounded memory (any thread;
// thread-safe).
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace pycast {

// A bucket holds up to `burst` tokens and gains `perSecond` tokens a second; each request takes
// one. So `burst` requests may come at once, then `perSecond` a second on average.
struct RateLimit {
    double perSecond = 1.0;
    double burst = 10.0;
    bool operator==(const RateLimit&) const = default;
};

// One limit applied to many keys, each with its own bucket. Memory stays bounded: a bucket that
// has refilled to full is the same as none and is dropped when the map grows; past `maxKeys`
// the least recently used half goes too (a flood of made-up keys then forgets old ones rather
// than growing without end).
//
// Threads: every member may be called from any thread (one mutex; a take is a hash look-up).
class RateLimiter {
public:
    using Clock = std::chrono::steady_clock;

    explicit RateLimiter(RateLimit limit, std::size_t maxKeys = 100'000);

    // Takes a token from KEY's bucket at NOW. Nothing when the request may go on; otherwise the
    // whole seconds (at least 1) after which a retry will find a token — the Retry-After.
    std::optional<std::chrono::seconds> take(std::string_view key, Clock::time_point now);

    // Whether KEY's bucket is empty at NOW, without taking anything (seconds as for take).
    std::optional<std::chrono::seconds> wouldRefuse(std::string_view key,
                                                    Clock::time_point now) const;

    std::size_t keys() const;
    const RateLimit& limit() const { return m_limit; }

private:
    struct Bucket {
        double tokens = 0;
        Clock::time_point last;
    };
    double refilled(const Bucket& b, Clock::time_point now) const;
    std::chrono::seconds waitFor(double tokens) const;
    void makeRoomLocked(Clock::time_point now);

    const RateLimit m_limit;
    const std::size_t m_maxKeys;
    mutable std::mutex m_mutex;
    std::unordered_map<std::string, Bucket> m_buckets;
    std::size_t m_sweepAt = 1024;  // map size at which idle buckets are dropped next
};

}  // namespace pycast
