// The live show runner: a state machine over session milliseconds (owner thread; no clock inside).
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "core/show.hpp"

namespace pycast {

// Before any question is answered, a Q&A segment assumes this many ms per question.
inline constexpr std::int64_t kDefaultQaPaceMs = 3 * 60 * 1000;
// A faster measured pace is treated as this one: two quick answers right at the start of a
// Q&A would otherwise promise dozens more questions.
inline constexpr std::int64_t kMinQaPaceMs = 30 * 1000;

enum class RunPhase { NotStarted, Running, Paused, Ended };
const char* toName(RunPhase phase);   // "not-started", "running", "paused", "ended"

enum class RunnerError {
    None,
    EmptyRundown,       // start: the show has no segments
    AlreadyStarted,     // start twice
    NotStarted,         // anything but start before start
    Ended,              // anything after end
    NotPaused,          // resume while running
    AlreadyPaused,      // pause while paused
    NoNextSegment,      // next on the last segment (use end)
    NoPreviousSegment,  // previous on the first segment
    NoSuchSegment,      // goto an index outside the rundown
    TimeWentBackwards,  // an operation stamped earlier than the one before it
};
const char* toName(RunnerError e);   // "not-started", ... (stable, for APIs)

// What an operation did: ok, or why not (the state is then unchanged).
struct RunnerResult {
    RunnerError error = RunnerError::None;
    std::string message;                 // a sentence for the host; empty when ok
    bool ok() const { return error == RunnerError::None; }
    explicit operator bool() const { return ok(); }
};

enum class SegmentStatus {
    Upcoming,   // after the current segment (or everything, before start)
    Current,
    Done,       // before the current segment (or any, after end) and run at least once
    Skipped,    // before the current segment (or any, after end) and never run
};
const char* toName(SegmentStatus s);

// Q&A budget while a SegmentKind::Qa segment is current.
struct QaBudget {
    int answered = 0;                    // questions answered in this segment (all visits)
    std::int64_t paceMs = 0;             // elapsed / answered, or kDefaultQaPaceMs before any
    bool defaultPace = true;             // no question answered yet
    std::int64_t questionsLeft = 0;      // floor(remaining / pace), >= 0: "about N more"
    bool operator==(const QaBudget&) const = default;
};

// The segment on air.
struct CurrentSegment {
    int index = 0;
    std::string id;
    std::int64_t elapsedMs = 0;          // run time so far (all visits); frozen while paused
    std::int64_t plannedMs = 0;          // == segments[index].effectivePlannedMs
    std::int64_t remainingMs = 0;        // max(0, planned - elapsed)
    std::int64_t overrunMs = 0;          // max(0, elapsed - planned): counts up past zero
    // Latest session ms it may end so the rest still fits (hard out / later fixed starts);
    // the elastic segment counts as shrinkable to nothing. Empty when nothing constrains it.
    std::optional<std::int64_t> mustEndByMs;
    bool cannotFit = false;              // it will end after mustEndByMs at the planned length
    std::optional<QaBudget> qa;          // only for SegmentKind::Qa
    bool operator==(const CurrentSegment&) const = default;
};

// One rundown segment: plan, history and (for upcoming ones) projection.
struct SegmentState {
    int index = 0;
    std::string id;
    SegmentStatus status = SegmentStatus::Upcoming;
    std::int64_t plannedMs = 0;          // as in the show
    std::int64_t extensionMs = 0;        // sum of extend/shorten; plannedMs + extensionMs >= 0
    // What the runner counts on: plannedMs + extensionMs, and for the elastic segment minus the
    // over/under of the segments before it (clamped to >= 0), so the show still ends on time.
    std::int64_t effectivePlannedMs = 0;
    std::int64_t actualMs = 0;           // time on air, accumulated across visits; pauses excluded
    std::int64_t pausedMs = 0;           // time held while this was the current segment
    std::int64_t differenceMs = 0;       // actualMs - plannedMs
    int visits = 0;                      // how many times it became current
    int questionsAnswered = 0;
    bool elastic = false;                // the runner's elastic segment (the first flagged one)
    // Projection, for upcoming segments only:
    std::optional<std::int64_t> projectedStartMs;   // session ms, pinned to a fixed start
    // Backtime: the latest session ms it may start and still end by the hard out (and let
    // later fixed starts happen); the elastic segment counts as shrinkable to nothing.
    std::optional<std::int64_t> backtimedStartMs;
    std::optional<std::int64_t> fixedStartMs;       // its fixed start in session ms
    bool cannotFit = false;              // projected start is after its backtimed/fixed start
    bool operator==(const SegmentState&) const = default;
};

// Everything a view needs at one instant. Times are session ms unless named *TodMs, which are
// milliseconds after local midnight (may pass 24 h for a show that crosses midnight).
struct RunnerState {
    std::int64_t nowMs = 0;
    RunPhase phase = RunPhase::NotStarted;
    int currentIndex = -1;               // -1 before start; the last current one after end
    std::optional<CurrentSegment> current;   // while running or paused
    std::vector<SegmentState> segments;  // the whole rundown, in order
    int elasticIndex = -1;               // -1 when the show has no elastic segment

    std::optional<std::int64_t> startedAtMs;
    std::optional<std::int64_t> endedAtMs;
    std::int64_t showElapsedMs = 0;      // since start (to end, once ended); includes pauses
    std::int64_t pausedMs = 0;           // total held time
    // Over (+) / under (-) so far, against the show's planned lengths: done and skipped
    // segments count actual - planned; the current (and any later, revisited) segment counts
    // only its overage, never its unused time. Pauses are not in it (see pausedMs).
    std::int64_t overUnderMs = 0;
    std::int64_t plannedTotalMs = 0;     // sum of the show's planned lengths
    std::int64_t actualTotalMs = 0;      // sum of actualMs

    // Where the show ends if everything left runs to its effective planned length.
    std::int64_t projectedEndMs = 0;

    // Time-of-day mapping: the local time at session ms 0. Known when the session's start time
    // was set; otherwise estimated from the show's meta.startTime (the start is taken to be at
    // that time of day), otherwise empty and every *TodMs and hard-out field is empty too.
    std::optional<std::int64_t> todAtZeroMs;
    bool todEstimated = false;
    std::optional<std::int64_t> projectedEndTodMs;
    // A show that starts far from its planned start (a recorded episode taped in the
    // afternoon, a rehearsal) keeps its schedule relative to the real start: fixed starts and
    // the hard out move by this much. 0 when it starts within kScheduleShiftThresholdMs.
    std::int64_t scheduleShiftMs = 0;

    // The show's planned start in session ms (shift included): its date and start time, placed
    // by core/show_time.hpp. Empty when the time of day is unknown.
    std::optional<std::int64_t> plannedStartMs;
    // Schedule offset: how far behind (+) or ahead (-) of its planned schedule the show is,
    // holds and a late start included — where the show is against where the plan says it
    // should be now. Not the over/under, which sums the segments' own over- and underruns and
    // leaves holds out. 0 before the start unless the planned start has passed.
    std::int64_t scheduleOffsetMs = 0;

    // Hard out (meta.hardOut); empty when the show has none or the time of day is unknown.
    std::optional<std::int64_t> hardOutMs;          // in session ms
    std::optional<std::int64_t> timeLeftToHardOutMs;  // hardOutMs - nowMs (negative when past)
    std::optional<std::int64_t> hardOutMarginMs;    // hardOutMs - projectedEndMs
    bool endsAfterHardOut = false;                  // projected end is after the hard out

    // Session ms -> local ms after midnight, when the mapping is known.
    std::optional<std::int64_t> toTimeOfDayMs(std::int64_t sessionMs) const {
        if (!todAtZeroMs) return std::nullopt;
        return *todAtZeroMs + sessionMs;
    }
    bool operator==(const RunnerState&) const = default;
};

// The runner. Every operation takes the session time it happens at (`atMs`, monotonic,
// non-decreasing), so the same calls replayed from the journal give the same state to the
// millisecond. An invalid operation returns an error and changes nothing; nothing throws.
//
// Navigation (next/previous/goto) while paused changes the segment and stays paused.
// Revisiting a segment adds to its actual time. Held time counts as paused, never as actual,
// so at any instant: sum of actualMs + pausedMs == showElapsedMs.
//
// Not thread-safe: owned by one thread (the session's owner). Copyable (a value).
// Beyond this distance from meta.startTime, the real start shifts the whole schedule.
inline constexpr std::int64_t kScheduleShiftThresholdMs = 2 * 60 * 60 * 1000;

class ShowRunner {
public:
    ShowRunner() = default;
    explicit ShowRunner(Show show);

    // The local time of day at session ms 0, in ms after midnight (or seconds, as a double).
    // Set by whoever starts the session from the wall clock; enables backtiming to the hard
    // out and fixed starts. May be set at any time; it changes projections only.
    void setTimeOfDayAtZeroMs(std::optional<std::int64_t> todMs) { m_todAtZeroMs = todMs; }
    void setTimeOfDayAtZero(double secondsAfterMidnight);
    std::optional<std::int64_t> timeOfDayAtZeroMs() const { return m_todAtZeroMs; }
    // The local date (YYYY-MM-DD) at session ms 0: with the show's date, it places the planned
    // start on the right day (core/show_time.hpp plannedStartSessionMs). Empty: not known.
    void setDateAtZero(std::string date) { m_dateAtZero = std::move(date); }
    const std::string& dateAtZero() const { return m_dateAtZero; }

    RunnerResult start(std::int64_t atMs);            // segment 0 on air
    RunnerResult pause(std::int64_t atMs);            // hold: elapsed freezes
    RunnerResult resume(std::int64_t atMs);
    RunnerResult next(std::int64_t atMs);             // error on the last segment
    RunnerResult previous(std::int64_t atMs);
    RunnerResult gotoSegment(std::int64_t atMs, int index);   // same index: ok, no change
    // Lengthens (> 0) or shortens (< 0) the current segment's planned time; the planned time
    // never goes below zero (a larger cut stops there).
    RunnerResult extend(std::int64_t atMs, Seconds deltaSeconds);
    RunnerResult noteQuestionAnswered(std::int64_t atMs);  // counts for the current segment
    // Undoes one count of segment `index` (an answered question reopened); refused once ended.
    RunnerResult retractQuestionAnswered(std::int64_t atMs, int index);
    RunnerResult end(std::int64_t atMs);

    // The state at nowMs. A nowMs before the last operation is read as that operation's time.
    RunnerState state(std::int64_t nowMs) const;

    RunPhase phase() const { return m_phase; }
    int currentIndex() const { return m_current; }
    std::int64_t lastOperationMs() const { return m_lastMs; }
    const Show& show() const { return m_show; }

private:
    struct Run {
        std::int64_t actualMs = 0;
        std::int64_t pausedMs = 0;
        std::int64_t extensionMs = 0;
        int visits = 0;
        int questions = 0;
    };

    RunnerResult check(std::int64_t atMs, bool needStarted) const;
    void closeChunk(std::int64_t atMs);
    void enter(int index, std::int64_t atMs);

    Show m_show;
    std::vector<Run> m_runs;
    RunPhase m_phase = RunPhase::NotStarted;
    int m_current = -1;
    int m_elastic = -1;
    std::int64_t m_chunkSinceMs = 0;     // start of the current running or paused stretch
    std::int64_t m_startedAtMs = 0;
    std::int64_t m_endedAtMs = 0;
    std::int64_t m_lastMs = std::numeric_limits<std::int64_t>::min();   // none yet
    std::int64_t m_pausedTotalMs = 0;
    std::optional<std::int64_t> m_todAtZeroMs;
    std::string m_dateAtZero;
};

}  // namespace pycast
