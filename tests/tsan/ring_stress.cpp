// ThreadSanitizer stress of the SPSC ring (built with -fsanitize=thread; ctest: tsan.ring_stress):
// a producer thread writes a counting sequence in odd-sized blocks, a consumer thread checks
// every item in order. TSan reports any access the ring's memory order does not make safe.
#include <doctest/doctest.h>

#include <atomic>
#include <cstdint>
#include <thread>
#include <vector>

#include "media/spsc_ring.hpp"

using pycast::media::SpscRing;

namespace {

// A frame of the size the recorder moves (two channels of float), numbered in both halves so a
// torn copy shows.
struct Item {
    std::uint32_t a;
    std::uint32_t b;
};

struct Outcome {
    std::uint64_t received = 0;
    std::uint64_t wrong = 0;  // items out of order or torn
    std::uint64_t firstWrongAt = 0;
    std::size_t highWater = 0;
};

// `allOrNothing`: the producer uses write() (the audio callback's call) or writeSome(); the
// consumer alternates read() and peek()+discard().
Outcome run(std::size_t capacity, std::uint64_t items, bool allOrNothing) {
    SpscRing<Item> ring(capacity);
    std::thread producer([&] {
        std::vector<Item> block(251);
        std::uint64_t next = 0;
        std::size_t size = 0;
        static constexpr std::size_t kSizes[] = {1, 3, 7, 13, 31, 61, 127, 251, 5, 17};
        while (next < items) {
            const std::size_t want = kSizes[size++ % std::size(kSizes)];
            const std::size_t n =
                static_cast<std::size_t>(std::min<std::uint64_t>(want, items - next));
            for (std::size_t i = 0; i < n; ++i) {
                const auto v = static_cast<std::uint32_t>(next + i);
                block[i] = Item{v, ~v};
            }
            std::span<const Item> pending(block.data(), n);
            if (allOrNothing) {
                while (!ring.write(pending)) std::this_thread::yield();
            } else {
                while (!pending.empty()) {
                    const std::size_t put = ring.writeSome(pending);
                    pending = pending.subspan(put);
                    if (put == 0) std::this_thread::yield();
                }
            }
            next += n;
        }
    });
    Outcome o;
    std::vector<Item> out(199);
    std::uint64_t turn = 0;
    while (o.received < items) {
        const std::size_t want = 1 + (turn * 37) % out.size();
        std::span<Item> dst(out.data(), want);
        std::size_t n;
        if (turn++ % 2 == 0) {
            n = ring.read(dst);
        } else {
            n = ring.peek(dst);
            // Free a little less than was peeked sometimes: the rest is read again next turn.
            const std::size_t keep = n > 2 && turn % 3 == 0 ? 2 : 0;
            ring.discard(n - keep);
            n -= keep;
        }
        if (n == 0) std::this_thread::yield();
        for (std::size_t i = 0; i < n; ++i) {
            const auto v = static_cast<std::uint32_t>(o.received);
            if (out[i].a != v || out[i].b != ~v) {
                if (o.wrong++ == 0) o.firstWrongAt = o.received;
            }
            ++o.received;
        }
    }
    producer.join();
    o.highWater = ring.highWater();
    return o;
}

}  // namespace

TEST_CASE(
    "tsan ring stress: millions of items through write() and read()/peek+discard arrive in order") {
    const Outcome o = run(1021, 3'000'000, true);
    CHECK(o.received == 3'000'000);
    CHECK_MESSAGE(o.wrong == 0, "first wrong item at " << o.firstWrongAt);
    CHECK(o.highWater <= 1021);
    CHECK(o.highWater >= 1);
}

TEST_CASE("tsan ring stress: a small ring with writeSome wraps hundreds of thousands of times") {
    const Outcome o = run(61, 2'000'000, false);
    CHECK(o.received == 2'000'000);
    CHECK_MESSAGE(o.wrong == 0, "first wrong item at " << o.firstWrongAt);
    CHECK(o.highWater <= 61);
}
