// The live show runner: a state machine over session milliseconds (owner thread; no clock inside).
#include "core/show_runner.hpp"

#include "core/show_time.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace pycast {

namespace {

constexpr std::int64_t kNoTime = std::numeric_limits<std::int64_t>::min();

RunnerResult fail(RunnerError e, std::string message) { return {e, std::move(message)}; }

}  // namespace

const char* toName(RunPhase phase) {
    switch (phase) {
        case RunPhase::NotStarted: return "not-started";
        case RunPhase::Running: return "running";
        case RunPhase::Paused: return "paused";
        case RunPhase::Ended: return "ended";
    }
    return "unknown";
}

const char* toName(RunnerError e) {
    switch (e) {
        case RunnerError::None: return "none";
        case RunnerError::EmptyRundown: return "empty-rundown";
        case RunnerError::AlreadyStarted: return "already-started";
        case RunnerError::NotStarted: return "not-started";
        case RunnerError::Ended: return "ended";
        case RunnerError::NotPaused: return "not-paused";
        case RunnerError::AlreadyPaused: return "already-paused";
        case RunnerError::NoNextSegment: return "no-next-segment";
        case RunnerError::NoPreviousSegment: return "no-previous-segment";
        case RunnerError::NoSuchSegment: return "no-such-segment";
        case RunnerError::TimeWentBackwards: return "time-went-backwards";
    }
    return "unknown";
}

const char* toName(SegmentStatus s) {
    switch (s) {
        case SegmentStatus::Upcoming: return "upcoming";
        case SegmentStatus::Current: return "current";
        case SegmentStatus::Done: return "done";
        case SegmentStatus::Skipped: return "skipped";
    }
    return "unknown";
}

ShowRunner::ShowRunner(Show show) : m_show(std::move(show)), m_runs(m_show.rundown.size()) {
    for (std::size_t i = 0; i < m_show.rundown.size(); ++i) {
        if (m_show.rundown[i].elastic) {
            m_elastic = static_cast<int>(i);
            break;
        }
    }
}

void ShowRunner::setTimeOfDayAtZero(double secondsAfterMidnight) {
    m_todAtZeroMs = static_cast<std::int64_t>(std::llround(secondsAfterMidnight * 1000.0));
}

RunnerResult ShowRunner::check(std::int64_t atMs, bool needStarted) const {
    if (m_phase == RunPhase::Ended)
        return fail(RunnerError::Ended, "The show has ended; nothing can change it now.");
    if (needStarted && m_phase == RunPhase::NotStarted)
        return fail(RunnerError::NotStarted, "The show has not started yet; press Start first.");
    if (m_lastMs != kNoTime && atMs < m_lastMs)
        return fail(RunnerError::TimeWentBackwards,
                    "This action is stamped " + std::to_string(m_lastMs - atMs) +
                        " ms before the previous one; session time must not go backwards.");
    return {};
}

void ShowRunner::closeChunk(std::int64_t atMs) {
    const std::int64_t d = atMs - m_chunkSinceMs;
    if (m_current >= 0) {
        Run& run = m_runs[static_cast<std::size_t>(m_current)];
        if (m_phase == RunPhase::Running) {
            run.actualMs += d;
        } else if (m_phase == RunPhase::Paused) {
            run.pausedMs += d;
            m_pausedTotalMs += d;
        }
    }
    m_chunkSinceMs = atMs;
}

void ShowRunner::enter(int index, std::int64_t atMs) {
    closeChunk(atMs);
    m_current = index;
    m_runs[static_cast<std::size_t>(index)].visits += 1;
}

RunnerResult ShowRunner::start(std::int64_t atMs) {
    if (m_phase == RunPhase::Ended) return check(atMs, false);
    if (m_phase != RunPhase::NotStarted)
        return fail(RunnerError::AlreadyStarted, "The show is already running.");
    if (m_runs.empty())
        return fail(RunnerError::EmptyRundown, "The rundown has no segments; add one first.");
    if (auto r = check(atMs, false); !r) return r;
    m_phase = RunPhase::Running;
    m_startedAtMs = atMs;
    m_chunkSinceMs = atMs;
    m_current = 0;
    m_runs[0].visits = 1;
    m_lastMs = atMs;
    return {};
}

RunnerResult ShowRunner::pause(std::int64_t atMs) {
    if (auto r = check(atMs, true); !r) return r;
    if (m_phase == RunPhase::Paused)
        return fail(RunnerError::AlreadyPaused, "The show is already on hold.");
    closeChunk(atMs);
    m_phase = RunPhase::Paused;
    m_lastMs = atMs;
    return {};
}

RunnerResult ShowRunner::resume(std::int64_t atMs) {
    if (auto r = check(atMs, true); !r) return r;
    if (m_phase != RunPhase::Paused)
        return fail(RunnerError::NotPaused, "The show is not on hold; there is nothing to resume.");
    closeChunk(atMs);
    m_phase = RunPhase::Running;
    m_lastMs = atMs;
    return {};
}

RunnerResult ShowRunner::next(std::int64_t atMs) {
    if (auto r = check(atMs, true); !r) return r;
    if (m_current + 1 >= static_cast<int>(m_runs.size()))
        return fail(RunnerError::NoNextSegment,
                    "This is the last segment; use End to finish the show.");
    enter(m_current + 1, atMs);
    m_lastMs = atMs;
    return {};
}

RunnerResult ShowRunner::previous(std::int64_t atMs) {
    if (auto r = check(atMs, true); !r) return r;
    if (m_current <= 0)
        return fail(RunnerError::NoPreviousSegment, "This is the first segment.");
    enter(m_current - 1, atMs);
    m_lastMs = atMs;
    return {};
}

RunnerResult ShowRunner::gotoSegment(std::int64_t atMs, int index) {
    if (auto r = check(atMs, true); !r) return r;
    if (index < 0 || index >= static_cast<int>(m_runs.size()))
        return fail(RunnerError::NoSuchSegment,
                    "There is no segment " + std::to_string(index + 1) + " (the rundown has " +
                        std::to_string(m_runs.size()) + ").");
    if (index != m_current) enter(index, atMs);
    m_lastMs = atMs;
    return {};
}

RunnerResult ShowRunner::extend(std::int64_t atMs, Seconds deltaSeconds) {
    if (auto r = check(atMs, true); !r) return r;
    const auto i = static_cast<std::size_t>(m_current);
    const std::int64_t plannedMs = m_show.rundown[i].planned * 1000;
    m_runs[i].extensionMs = std::max(m_runs[i].extensionMs + deltaSeconds * 1000, -plannedMs);
    m_lastMs = atMs;
    return {};
}

RunnerResult ShowRunner::noteQuestionAnswered(std::int64_t atMs) {
    if (auto r = check(atMs, true); !r) return r;
    m_runs[static_cast<std::size_t>(m_current)].questions += 1;
    m_lastMs = atMs;
    return {};
}

RunnerResult ShowRunner::retractQuestionAnswered(std::int64_t atMs, int index) {
    if (auto r = check(atMs, false); !r) return r;
    if (index >= 0 && index < static_cast<int>(m_runs.size())) {
        int& n = m_runs[static_cast<std::size_t>(index)].questions;
        n = std::max(n - 1, 0);
    }
    m_lastMs = atMs;
    return {};
}

RunnerResult ShowRunner::end(std::int64_t atMs) {
    if (auto r = check(atMs, true); !r) return r;
    closeChunk(atMs);
    m_phase = RunPhase::Ended;
    m_endedAtMs = atMs;
    m_lastMs = atMs;
    return {};
}

RunnerState ShowRunner::state(std::int64_t nowMs) const {
    RunnerState st;
    const bool started = m_phase != RunPhase::NotStarted;
    const bool ended = m_phase == RunPhase::Ended;
    const bool live = started && !ended;
    std::int64_t now = (m_lastMs != kNoTime) ? std::max(nowMs, m_lastMs) : nowMs;
    if (ended) now = std::max(now, m_endedAtMs);
    st.nowMs = now;
    st.phase = m_phase;
    st.currentIndex = m_current;
    st.elasticIndex = m_elastic;

    // History with the open stretch (running or held) closed at `now`.
    std::vector<Run> runs = m_runs;
    std::int64_t pausedTotal = m_pausedTotalMs;
    if (live) {
        Run& run = runs[static_cast<std::size_t>(m_current)];
        const std::int64_t d = now - m_chunkSinceMs;
        if (m_phase == RunPhase::Running) {
            run.actualMs += d;
        } else {
            run.pausedMs += d;
            pausedTotal += d;
        }
    }
    if (started) st.startedAtMs = m_startedAtMs;
    if (ended) st.endedAtMs = m_endedAtMs;
    st.showElapsedMs = started ? (ended ? m_endedAtMs : now) - m_startedAtMs : 0;
    st.pausedMs = pausedTotal;

    // Plan, status and over/under.
    const int n = static_cast<int>(runs.size());
    std::vector<std::int64_t> dev(runs.size(), 0);
    st.segments.resize(runs.size());
    for (int i = 0; i < n; ++i) {
        const auto u = static_cast<std::size_t>(i);
        const Segment& seg = m_show.rundown[u];
        SegmentState& s = st.segments[u];
        s.index = i;
        s.id = seg.id;
        s.plannedMs = seg.planned * 1000;
        s.extensionMs = runs[u].extensionMs;
        s.effectivePlannedMs = std::max<std::int64_t>(0, s.plannedMs + s.extensionMs);
        s.actualMs = runs[u].actualMs;
        s.pausedMs = runs[u].pausedMs;
        s.differenceMs = s.actualMs - s.plannedMs;
        s.visits = runs[u].visits;
        s.questionsAnswered = runs[u].questions;
        s.elastic = (i == m_elastic);
        if (!started) {
            s.status = SegmentStatus::Upcoming;
        } else if (ended || i < m_current) {
            s.status = s.visits > 0 ? SegmentStatus::Done : SegmentStatus::Skipped;
        } else if (i == m_current) {
            s.status = SegmentStatus::Current;
        } else {
            s.status = SegmentStatus::Upcoming;
        }
        const bool closed = s.status == SegmentStatus::Done || s.status == SegmentStatus::Skipped;
        dev[u] = closed ? s.differenceMs : std::max<std::int64_t>(0, s.differenceMs);
        st.overUnderMs += dev[u];
        st.plannedTotalMs += s.plannedMs;
        st.actualTotalMs += s.actualMs;
    }
    if (m_elastic >= 0) {
        std::int64_t before = 0;
        for (int i = 0; i < m_elastic; ++i) before += dev[static_cast<std::size_t>(i)];
        SegmentState& e = st.segments[static_cast<std::size_t>(m_elastic)];
        e.effectivePlannedMs = std::max<std::int64_t>(0, e.plannedMs + e.extensionMs - before);
    }
    // What an upcoming or current segment still needs (a revisited one has used some).
    auto leftOf = [&](int i) {
        const SegmentState& s = st.segments[static_cast<std::size_t>(i)];
        return std::max<std::int64_t>(0, s.effectivePlannedMs - s.actualMs);
    };

    if (live) {
        const SegmentState& s = st.segments[static_cast<std::size_t>(m_current)];
        CurrentSegment c;
        c.index = m_current;
        c.id = s.id;
        c.elapsedMs = s.actualMs;
        c.plannedMs = s.effectivePlannedMs;
        c.remainingMs = std::max<std::int64_t>(0, c.plannedMs - c.elapsedMs);
        c.overrunMs = std::max<std::int64_t>(0, c.elapsedMs - c.plannedMs);
        if (m_show.rundown[static_cast<std::size_t>(m_current)].kind == SegmentKind::Qa) {
            QaBudget qa;
            qa.answered = s.questionsAnswered;
            if (qa.answered > 0) {
                qa.defaultPace = false;
                qa.paceMs = std::max(c.elapsedMs / qa.answered, kMinQaPaceMs);
            } else {
                qa.paceMs = kDefaultQaPaceMs;
            }
            qa.questionsLeft = c.remainingMs / qa.paceMs;
            c.qa = qa;
        }
        st.current = c;
    }

    // Time of day: where the show's times fall in session ms. The show's times are placed
    // on its own timeline once (core/show_time.hpp); here that timeline is pinned to session ms.
    const std::int64_t realStart = started ? m_startedAtMs : now;
    if (m_todAtZeroMs) {
        st.todAtZeroMs = m_todAtZeroMs;
    } else if (m_show.meta.startTime) {
        st.todAtZeroMs = *m_show.meta.startTime * 1000 - realStart;
        st.todEstimated = true;
    }
    std::optional<std::int64_t> plannedStart;   // session ms of the planned start, unshifted
    std::optional<Seconds> anchorTod;           // without a start time: the real start's
    if (st.todAtZeroMs) {
        if (m_show.meta.startTime && !st.todEstimated) {
            plannedStart = plannedStartSessionMs(m_show, m_dateAtZero, *st.todAtZeroMs);
        } else if (m_show.meta.startTime) {
            plannedStart = realStart;
        } else {
            const std::int64_t tod = *st.todAtZeroMs + realStart;
            const std::int64_t subSecond = ((tod % 1000) + 1000) % 1000;
            plannedStart = realStart - subSecond;
            anchorTod = ((tod - subSecond) / 1000 % 86'400 + 86'400) % 86'400;
        }
    }
    if (plannedStart && m_show.meta.startTime && !st.todEstimated) {
        // Far from the planned start (a taped episode, a rehearsal): the schedule moves with
        // the real start. Before the start only lateness counts: a session opened hours early
        // still waits for the planned start.
        const std::int64_t late = realStart - *plannedStart;
        if (late > kScheduleShiftThresholdMs || (started && late < -kScheduleShiftThresholdMs))
            st.scheduleShiftMs = late;
    }
    std::vector<Seconds> plannedOffsets;        // each segment's planned start, s from the start
    Seconds plannedEnd = 0;
    {
        const ShowTimes times = placeTimesOfDay(m_show, anchorTod);
        const PlannedSchedule plan = planSchedule(m_show, times);
        plannedOffsets = plan.startOffsets;
        plannedEnd = plan.end;
        if (plannedStart) {
            const std::int64_t base = *plannedStart + st.scheduleShiftMs;
            // Without a start time the show's start is the real one: not known before it (the
            // times of day are placed from its whole second, the start itself is exact).
            if (m_show.meta.startTime) st.plannedStartMs = base;
            else if (started) st.plannedStartMs = m_startedAtMs;
            for (int i = 0; i < n; ++i) {
                const auto& off = times.fixedStartOffsets[static_cast<std::size_t>(i)];
                if (off) st.segments[static_cast<std::size_t>(i)].fixedStartMs = base + *off * 1000;
            }
            if (times.hardOutOffset) st.hardOutMs = base + *times.hardOutOffset * 1000;
        }
    }

    // Schedule offset: how late (+) or early (-) the show is against its planned schedule,
    // holds included (Ontime's "offset"). The planned position is where the plan would be now:
    // the current segment's planned start plus its run time so far, at most its planned length.
    {
        const std::optional<std::int64_t> base =
            st.plannedStartMs ? st.plannedStartMs : (started ? std::optional<std::int64_t>(m_startedAtMs) : std::nullopt);
        if (base && ended) {
            st.scheduleOffsetMs = m_endedAtMs - (*base + plannedEnd * 1000);
        } else if (base && st.current) {
            const auto cur = static_cast<std::size_t>(m_current);
            const std::int64_t into = std::min(st.current->elapsedMs, st.segments[cur].plannedMs);
            st.scheduleOffsetMs = now - (*base + plannedOffsets[cur] * 1000 + std::max<std::int64_t>(0, into));
        } else if (base && !started) {
            st.scheduleOffsetMs = std::max<std::int64_t>(0, now - *base);
        }
    }

    // Projection forward from now: what is left of the current segment, then every upcoming
    // one at its effective length, each pinned to its fixed start.
    const int firstUpcoming = started ? m_current + 1 : 0;
    if (ended) {
        st.projectedEndMs = m_endedAtMs;
    } else {
        std::int64_t t = now;
        if (st.current) {
            t += st.current->remainingMs;
        } else if (st.plannedStartMs && m_show.meta.startTime && !st.todEstimated) {
            // Before start, the show begins at its start time, not earlier.
            t = std::max(t, *st.plannedStartMs);
        }
        for (int j = firstUpcoming; j < n; ++j) {
            SegmentState& s = st.segments[static_cast<std::size_t>(j)];
            if (s.fixedStartMs) t = std::max(t, *s.fixedStartMs);
            s.projectedStartMs = t;
            t += leftOf(j);
        }
        st.projectedEndMs = t;

        // Backtime from the hard out (and fixed starts) towards now.
        std::optional<std::int64_t> latestEnd = st.hardOutMs;
        for (int j = n - 1; j >= firstUpcoming; --j) {
            SegmentState& s = st.segments[static_cast<std::size_t>(j)];
            const std::int64_t len = (j == m_elastic) ? 0 : leftOf(j);
            std::optional<std::int64_t> latestStart;
            if (latestEnd) latestStart = *latestEnd - len;
            if (s.fixedStartMs)
                latestStart =
                    latestStart ? std::min(*latestStart, *s.fixedStartMs) : *s.fixedStartMs;
            s.backtimedStartMs = latestStart;
            s.cannotFit = latestStart && *s.projectedStartMs > *latestStart;
            latestEnd = latestStart;
        }
        if (st.current) {
            st.current->mustEndByMs = latestEnd;
            const std::int64_t earliestEnd =
                (m_current == m_elastic) ? now : now + st.current->remainingMs;
            st.current->cannotFit = latestEnd && earliestEnd > *latestEnd;
        }
    }
    if (st.todAtZeroMs) st.projectedEndTodMs = *st.todAtZeroMs + st.projectedEndMs;
    if (st.hardOutMs) {
        st.timeLeftToHardOutMs = *st.hardOutMs - now;
        st.hardOutMarginMs = *st.hardOutMs - st.projectedEndMs;
        st.endsAfterHardOut = st.projectedEndMs > *st.hardOutMs;
    }
    return st;
}

}  // namespace pycast
