// The SPSC ring on one thread: order across the wrap, all-or-nothing writes, partial writes,
// peek/discard and the high-water mark (the two-thread stress test is tests/tsan/ring_stress.cpp).
#include <doctest/doctest.h>

#include <numeric>
#include <thread>
#include <vector>

#include "media/spsc_ring.hpp"

using pycast::media::SpscRing;

namespace {
std::vector<int> iota(int from, std::size_t n) {
    std::vector<int> v(n);
    std::iota(v.begin(), v.end(), from);
    return v;
}
}  // namespace

TEST_CASE("spsc ring: a fresh ring is empty and a capacity of 0 holds one item") {
    SpscRing<int> ring(8);
    CHECK(ring.capacity() == 8);
    CHECK(ring.readable() == 0);
    CHECK(ring.writable() == 8);
    CHECK(ring.highWater() == 0);
    std::vector<int> out(4, -1);
    CHECK(ring.read(out) == 0);
    CHECK(out == std::vector<int>(4, -1));
    SpscRing<int> tiny(0);
    CHECK(tiny.capacity() == 1);
    CHECK(tiny.write(std::vector<int>{7}));
    CHECK_FALSE(tiny.write(std::vector<int>{8}));
}

TEST_CASE("spsc ring: items come out in order across the wrap, again and again") {
    SpscRing<int> ring(5);
    int next = 0;
    int expect = 0;
    // Chunks of 3 and 4 in a ring of 5 land on every offset and split across the end.
    for (int round = 0; round < 50; ++round) {
        const std::size_t n = round % 2 == 0 ? 3 : 4;
        REQUIRE(ring.write(iota(next, n)));
        next += static_cast<int>(n);
        std::vector<int> out(n);
        REQUIRE(ring.read(out) == n);
        CHECK(out == iota(expect, n));
        expect += static_cast<int>(n);
    }
    CHECK(ring.readable() == 0);
    CHECK(ring.writable() == 5);
}

TEST_CASE("spsc ring: write takes all of a block or none of it, writeSome takes what fits") {
    SpscRing<int> ring(4);
    REQUIRE(ring.write(iota(0, 3)));
    CHECK_FALSE(ring.write(iota(3, 2)));  // a frame is never split across a dropout
    CHECK(ring.readable() == 3);
    CHECK(ring.writable() == 1);
    CHECK_FALSE(ring.write(iota(0, 5)));  // bigger than the ring: never fits
    CHECK(ring.writeSome(iota(3, 2)) == 1);
    CHECK(ring.writable() == 0);
    CHECK(ring.writeSome(iota(9, 2)) == 0);
    CHECK(ring.write(std::vector<int>{}));  // nothing always fits
    std::vector<int> out(10);
    REQUIRE(ring.read(out) == 4);
    out.resize(4);
    CHECK(out == iota(0, 4));
}

TEST_CASE("spsc ring: peek copies without freeing, discard frees up to what is there") {
    SpscRing<int> ring(6);
    REQUIRE(ring.write(iota(10, 5)));
    std::vector<int> out(3);
    CHECK(ring.peek(out) == 3);
    CHECK(out == iota(10, 3));
    CHECK(ring.readable() == 5);  // still all there
    CHECK(ring.peek(out) == 3);
    CHECK(out == iota(10, 3));
    CHECK(ring.discard(2) == 2);
    CHECK(ring.readable() == 3);
    CHECK(ring.writable() == 3);
    CHECK(ring.peek(out) == 3);
    CHECK(out == iota(12, 3));
    CHECK(ring.discard(100) == 3);
    CHECK(ring.readable() == 0);
    CHECK(ring.discard(1) == 0);
    // Peek across the wrap: 4 written at offset 5 → 5, 0, 1, 2.
    REQUIRE(ring.write(iota(20, 4)));
    std::vector<int> all(4);
    CHECK(ring.peek(all) == 4);
    CHECK(all == iota(20, 4));
}

TEST_CASE("spsc ring: the high-water mark keeps the most items ever held") {
    SpscRing<int> ring(10);
    REQUIRE(ring.write(iota(0, 4)));
    CHECK(ring.highWater() == 4);
    std::vector<int> out(3);
    ring.read(out);
    CHECK(ring.highWater() == 4);
    REQUIRE(ring.write(iota(0, 2)));  // holds 3
    CHECK(ring.highWater() == 4);
    REQUIRE(ring.write(iota(0, 7)));  // holds 10
    CHECK(ring.highWater() == 10);
    std::vector<int> all(10);
    ring.read(all);
    CHECK(ring.highWater() == 10);
}

TEST_CASE("spsc ring: frames of several channels are copied whole") {
    struct Frame {
        float left;
        float right;
    };
    SpscRing<Frame> ring(3);
    const std::vector<Frame> in{{0.5f, -0.5f}, {0.25f, -0.25f}};
    REQUIRE(ring.write(in));
    CHECK_FALSE(ring.write(in));  // no room for the second block
    CHECK(ring.writeSome(in) == 1);
    std::vector<Frame> out(3);
    CHECK(ring.read(out) == 3);
    CHECK(out[2].left == 0.5f);
    CHECK(out[2].right == -0.5f);
}

TEST_CASE("spsc ring: a producer and a consumer thread pass a counting sequence intact") {
    SpscRing<std::uint32_t> ring(1000);
    constexpr std::uint32_t kItems = 2'000'000;
    std::thread producer([&] {
        std::vector<std::uint32_t> block(97);
        std::uint32_t next = 0;
        std::size_t size = 1;
        while (next < kItems) {
            size = size % 97 + 1;
            block.resize(std::min<std::size_t>(size, kItems - next));
            for (auto& x : block) x = next++;
            while (!ring.write(block)) std::this_thread::yield();
        }
    });
    std::vector<std::uint32_t> out(61);
    std::uint32_t expect = 0;
    bool inOrder = true;
    while (expect < kItems) {
        const std::size_t n = ring.read(out);
        if (n == 0) std::this_thread::yield();
        for (std::size_t i = 0; i < n; ++i) inOrder = inOrder && out[i] == expect++;
    }
    producer.join();
    CHECK(inOrder);
    CHECK(expect == kItems);
    CHECK(ring.readable() == 0);
    CHECK(ring.highWater() <= 1000);
}
