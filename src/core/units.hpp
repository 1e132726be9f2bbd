// Named units for time and audio positions, so a session ms is never added to a sample count
// (any thread; plain values).
#pragma once

#include <compare>
#include <cstdint>

namespace pycast {

// A 64-bit count in one unit. Same-unit arithmetic and comparison only; .value for the number.
template <typename Tag>
struct Quantity {
    std::int64_t value = 0;

    constexpr Quantity() = default;
    constexpr explicit Quantity(std::int64_t v) : value(v) {}
    constexpr auto operator<=>(const Quantity&) const = default;
    constexpr Quantity operator+(Quantity o) const { return Quantity(value + o.value); }
    constexpr Quantity operator-(Quantity o) const { return Quantity(value - o.value); }
    constexpr Quantity& operator+=(Quantity o) { value += o.value; return *this; }
    constexpr Quantity& operator-=(Quantity o) { value -= o.value; return *this; }
};

// Milliseconds of session time: monotonic, from the session's start (ARCHITECTURE.md "Time").
using SessionMs = Quantity<struct SessionMsTag>;
// Milliseconds since 1970-01-01 UTC (journal stamps, wall time of a marker).
using EpochMs = Quantity<struct EpochMsTag>;
// Frames of audio at the recorder's sample rate since the recording started: where a marker
// lands in the tracks (one frame = one sample per channel).
using SampleCount = Quantity<struct SampleCountTag>;

}  // namespace pycast
