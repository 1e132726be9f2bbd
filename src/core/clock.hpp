// Injected clocks: monotonic ms for session time, wall time for stamps (read on the owner thread).
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <string>

namespace pycast {

// Monotonic milliseconds from an arbitrary origin (Chromium's TickClock). Only differences
// mean anything. Code that needs "now" takes a Clock so tests can drive time by hand.
class Clock {
public:
    virtual ~Clock() = default;
    virtual std::int64_t nowMs() const = 0;
};

// std::chrono::steady_clock: never jumps when the wall clock is set.
class SteadyClock final : public Clock {
public:
    std::int64_t nowMs() const override {
        using namespace std::chrono;
        return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
    }
};

// A clock that moves only when told to; a 90-minute show runs in microseconds.
class ManualClock final : public Clock {
public:
    explicit ManualClock(std::int64_t startMs = 0) : m_nowMs(startMs) {}
    std::int64_t nowMs() const override { return m_nowMs; }
    void set(std::int64_t ms) { m_nowMs = ms; }
    void advance(std::int64_t deltaMs) { m_nowMs += deltaMs; }

private:
    std::int64_t m_nowMs;
};

// A wall-clock instant broken down in the local time zone.
struct LocalDateTime {
    int year = 1970;
    int month = 1;                       // 1..12
    int day = 1;                         // 1..31
    std::int64_t msOfDay = 0;            // milliseconds after local midnight

    // "2026-11-25"
    std::string date() const {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year % 10000, month % 100, day % 100);
        return buf;
    }
};

// Epoch ms as whole seconds and a 0..999 ms remainder (floor division, also before 1970).
struct EpochParts {
    std::time_t seconds;
    int ms;
};
inline EpochParts splitEpochMs(std::int64_t epochMs) {
    std::int64_t secs = epochMs / 1000;
    std::int64_t ms = epochMs % 1000;
    if (ms < 0) {
        ms += 1000;
        secs -= 1;
    }
    return {static_cast<std::time_t>(secs), static_cast<int>(ms)};
}

// Wall time (milliseconds since the Unix epoch, UTC) and its local calendar reading. Used for
// journal stamps, folder names and the time of day a session started; never for durations.
class WallClock {
public:
    virtual ~WallClock() = default;
    virtual std::int64_t nowEpochMs() const = 0;
    virtual LocalDateTime toLocal(std::int64_t epochMs) const = 0;
};

// The system clock and the process's time zone (TZ / /etc/localtime).
class SystemWallClock final : public WallClock {
public:
    std::int64_t nowEpochMs() const override {
        using namespace std::chrono;
        return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    }
    LocalDateTime toLocal(std::int64_t epochMs) const override {
        const auto [t, ms] = splitEpochMs(epochMs);
        std::tm tm{};
        localtime_r(&t, &tm);
        LocalDateTime out;
        out.year = tm.tm_year + 1900;
        out.month = tm.tm_mon + 1;
        out.day = tm.tm_mday;
        out.msOfDay = (std::int64_t{tm.tm_hour} * 3600 + tm.tm_min * 60 + tm.tm_sec) * 1000 + ms;
        return out;
    }
};

// A wall clock for tests: a settable instant and a fixed offset from UTC.
class ManualWallClock final : public WallClock {
public:
    explicit ManualWallClock(std::int64_t epochMs = 0, int utcOffsetMinutes = 0)
        : m_epochMs(epochMs), m_offsetMs(std::int64_t{utcOffsetMinutes} * 60'000) {}
    std::int64_t nowEpochMs() const override { return m_epochMs; }
    void set(std::int64_t epochMs) { m_epochMs = epochMs; }
    void advance(std::int64_t deltaMs) { m_epochMs += deltaMs; }

    LocalDateTime toLocal(std::int64_t epochMs) const override {
        using namespace std::chrono;
        constexpr std::int64_t kDayMs = 86'400'000;
        const std::int64_t local = epochMs + m_offsetMs;
        std::int64_t days = local / kDayMs;
        std::int64_t msOfDay = local % kDayMs;
        if (msOfDay < 0) {
            msOfDay += kDayMs;
            days -= 1;
        }
        const year_month_day ymd{sys_days{std::chrono::days{days}}};
        LocalDateTime out;
        out.year = static_cast<int>(ymd.year());
        out.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
        out.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
        out.msOfDay = msOfDay;
        return out;
    }

private:
    std::int64_t m_epochMs;
    std::int64_t m_offsetMs;
};

}  // namespace pycast
