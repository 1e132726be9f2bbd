// Token buckets keyed by device id or client address, with bounded memory (any thread;
// thread-safe).
#include "server/rate_limit.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace pycast {

RateLimiter::RateLimiter(RateLimit limit, std::size_t maxKeys)
    : m_limit{std::max(limit.perSecond, 1e-6), std::max(limit.burst, 1.0)},
      m_maxKeys(std::max<std::size_t>(maxKeys, 2)) {
    m_sweepAt = std::min(m_sweepAt, m_maxKeys);
}

double RateLimiter::refilled(const Bucket& b, Clock::time_point now) const {
    const double seconds = std::chrono::duration<double>(now - b.last).count();
    if (seconds <= 0) return b.tokens;  // a clock read a moment earlier on another thread
    return std::min(m_limit.burst, b.tokens + seconds * m_limit.perSecond);
}

std::chrono::seconds RateLimiter::waitFor(double tokens) const {
    const double missing = 1.0 - tokens;
    const double seconds = std::ceil(missing / m_limit.perSecond);
    return std::chrono::seconds(std::max<long long>(1, static_cast<long long>(seconds)));
}

void RateLimiter::makeRoomLocked(Clock::time_point now) {
    // Full buckets first: forgetting them changes no answer.
    for (auto it = m_buckets.begin(); it != m_buckets.end();) {
        if (refilled(it->second, now) >= m_limit.burst)
            it = m_buckets.erase(it);
        else
            ++it;
    }
    if (m_buckets.size() >= m_maxKeys) {
        // Still full: a flood of keys. Forget the least recently used half.
        std::vector<Clock::time_point> lasts;
        lasts.reserve(m_buckets.size());
        for (const auto& [key, b] : m_buckets) lasts.push_back(b.last);
        auto middle = lasts.begin() + static_cast<std::ptrdiff_t>(lasts.size() / 2);
        std::nth_element(lasts.begin(), middle, lasts.end());
        const Clock::time_point cut = *middle;
        for (auto it = m_buckets.begin(); it != m_buckets.end();) {
            if (it->second.last <= cut)
                it = m_buckets.erase(it);
            else
                ++it;
        }
    }
    // The next sweep when the map has doubled, so sweeping stays O(1) a request on average.
    m_sweepAt = std::min(m_maxKeys, std::max<std::size_t>(1024, m_buckets.size() * 2));
}

std::optional<std::chrono::seconds> RateLimiter::take(std::string_view key, Clock::time_point now) {
    std::lock_guard lock(m_mutex);
    auto it = m_buckets.find(std::string(key));
    if (it == m_buckets.end()) {
        if (m_buckets.size() >= m_sweepAt) makeRoomLocked(now);
        it = m_buckets.emplace(std::string(key), Bucket{m_limit.burst, now}).first;
    }
    Bucket& b = it->second;
    b.tokens = refilled(b, now);
    b.last = std::max(b.last, now);
    if (b.tokens < 1.0) return waitFor(b.tokens);
    b.tokens -= 1.0;
    return std::nullopt;
}

std::optional<std::chrono::seconds> RateLimiter::wouldRefuse(std::string_view key,
                                                             Clock::time_point now) const {
    std::lock_guard lock(m_mutex);
    const auto it = m_buckets.find(std::string(key));
    if (it == m_buckets.end()) return std::nullopt;
    const double tokens = refilled(it->second, now);
    if (tokens < 1.0) return waitFor(tokens);
    return std::nullopt;
}

std::size_t RateLimiter::keys() const {
    std::lock_guard lock(m_mutex);
    return m_buckets.size();
}

}  // namespace pycast
