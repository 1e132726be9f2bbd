// Tests for the token-bucket rate limiter: bursts, refill, Retry-After, keys apart, memory bound.
#include <doctest/doctest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "server/rate_limit.hpp"

using namespace pycast;
using namespace std::chrono_literals;

namespace {
const RateLimiter::Clock::time_point t0{};
}

TEST_CASE("rate limit: a burst passes, the next request waits for a token") {
    RateLimiter limiter({0.5, 3});  // 3 at once, then one every 2 s
    CHECK_FALSE(limiter.take("dev-a", t0));
    CHECK_FALSE(limiter.take("dev-a", t0));
    CHECK_FALSE(limiter.take("dev-a", t0));
    const auto wait = limiter.take("dev-a", t0);
    REQUIRE(wait);
    CHECK(*wait == 2s);
    // Half a token later: one more second to go.
    const auto later = limiter.take("dev-a", t0 + 1s);
    REQUIRE(later);
    CHECK(*later == 1s);
    CHECK_FALSE(limiter.take("dev-a", t0 + 2s));
    CHECK(limiter.take("dev-a", t0 + 2s));
}

TEST_CASE("rate limit: Retry-After is whole seconds and at least 1") {
    RateLimiter fast({10, 1});
    CHECK_FALSE(fast.take("k", t0));
    const auto wait = fast.take("k", t0);
    REQUIRE(wait);
    CHECK(*wait == 1s);  // 0.1 s rounds up to 1
    RateLimiter slow({0.1, 1});
    CHECK_FALSE(slow.take("k", t0));
    CHECK(*slow.take("k", t0) == 10s);
    CHECK(*slow.take("k", t0 + 2500ms) == 8s);  // 7.5 s left, rounded up
}

TEST_CASE("rate limit: each key has its own bucket, and refilling stops at the burst") {
    RateLimiter limiter({1, 2});
    CHECK_FALSE(limiter.take("a", t0));
    CHECK_FALSE(limiter.take("a", t0));
    CHECK(limiter.take("a", t0));
    CHECK_FALSE(limiter.take("b", t0));  // another device is not affected
    // An hour idle gives back the burst, not 3600 tokens.
    const auto later = t0 + 1h;
    CHECK_FALSE(limiter.take("a", later));
    CHECK_FALSE(limiter.take("a", later));
    CHECK(limiter.take("a", later));
}

TEST_CASE("rate limit: wouldRefuse looks without taking") {
    RateLimiter limiter({1, 1});
    CHECK_FALSE(limiter.wouldRefuse("a", t0));
    CHECK_FALSE(limiter.wouldRefuse("a", t0));
    CHECK_FALSE(limiter.take("a", t0));
    CHECK(limiter.wouldRefuse("a", t0));
    CHECK_FALSE(limiter.wouldRefuse("a", t0 + 1s));
}

TEST_CASE("rate limit: idle keys are forgotten and a flood of keys stays bounded") {
    RateLimiter limiter({1, 5}, 4000);
    // 3000 keys used once: all refill within 5 s.
    for (int i = 0; i < 3000; ++i) limiter.take("idle-" + std::to_string(i), t0);
    CHECK(limiter.keys() == 3000);
    // Later, new keys arrive: the idle ones are dropped on the way, so the map stays small.
    for (int i = 0; i < 2000; ++i) limiter.take("new-" + std::to_string(i), t0 + 10s);
    CHECK(limiter.keys() <= 2000 + 1024);
    // A flood of fresh keys within the same second never grows past the bound.
    for (int i = 0; i < 50'000; ++i) limiter.take("flood-" + std::to_string(i), t0 + 11s);
    CHECK(limiter.keys() <= 4000);
    // An empty bucket that was used recently survives a sweep: its refusal still holds.
    RateLimiter strict({0.01, 1}, 3000);
    CHECK_FALSE(strict.take("abuser", t0));
    for (int i = 0; i < 2000; ++i) strict.take("other-" + std::to_string(i), t0 + 1s);
    CHECK(strict.take("abuser", t0 + 2s));
}

TEST_CASE("rate limit: many threads on one key get exactly the burst") {
    RateLimiter limiter({0.001, 100});
    std::atomic<int> allowed{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < 50; ++i)
                if (!limiter.take("nat", t0)) ++allowed;
        });
    for (auto& th : threads) th.join();
    CHECK(allowed.load() == 100);
}
