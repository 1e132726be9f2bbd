// The live session's state as JSON for the control API and scripts (owner thread; pure function).
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "live/session.hpp"
#include "core/show.hpp"

namespace pycast {

// Bumped when a field changes meaning or disappears; new fields may appear without a bump.
inline constexpr int kSessionStateJsonVersion = 1;

// The state a controller (Companion, Stream Deck, a script) reads. Times are integers in
// milliseconds; *_ms fields without "at"/"start"/"end" in their name are durations, the others
// are session ms (0 = when the session was created). Times of day are local "HH:MM:SS" strings,
// null when the session does not know the time of day. Never contains the control token.
//
// {
//   "version": 1,
//   "phase": "not-started" | "running" | "paused" | "ended",
//   "running": bool, "paused": bool, "ended": bool,    // "running" is false while paused
//   "session_ms": int,                     // now
//   "segment": null | {                    // the one on air (null before start and after end)
//     "index": int, "number": int (1-based), "id", "title", "kind",
//     "elapsed_ms", "remaining_ms", "overrun_ms", "planned_ms",   // planned = effective plan
//     "must_end_by_ms": int|null, "must_end_by": "HH:MM:SS"|null, "cannot_fit": bool
//   },
//   "next": null | {"index", "id", "title", "kind"},  // what Next/Start puts on air
//   "qa": null | {"answered", "pace_ms", "default_pace": bool, "questions_left"},
//                                          // only while a Q&A segment is on air
//   "message": null | {"text", "at_ms"},   // the producer's latest message
//   "questions": {"on_air": null | QUESTION, "pending", "approved", "answered", "dismissed",
//                 "oldest_pending_ms": int|null},   // counts; QUESTION as questionJson
//   "polls": [POLL …],                     // Session overload only; POLL as pollJson
//   "show": {
//     "title", "series", "episode": int|null,
//     "started_at_ms": int|null, "ended_at_ms": int|null,
//     "elapsed_ms", "paused_ms",           // since start (holds included) / held in total
//     "planned_total_ms", "actual_total_ms",
//     "over_under_ms": int,                // + over, - under so far
//     "projected_end_ms": int, "projected_end": "HH:MM:SS"|null,
//     "time_of_day_estimated": bool,       // mapped from the show's start time, not the wall clock
//     "hard_out": "HH:MM:SS"|null, "hard_out_ms": int|null,
//     "hard_out_remaining_ms": int|null,   // null without a hard out; negative once past it
//     "hard_out_margin_ms": int|null,      // hard out - projected end
//     "ends_after_hard_out": bool
//   },
//   "segments": [ {                        // the whole rundown, in order
//     "index", "id", "title", "kind", "status": "upcoming"|"current"|"done"|"skipped",
//     "planned_ms", "extension_ms", "effective_planned_ms", "actual_ms", "difference_ms",
//     "visits", "elastic": bool,
//     "projected_start_ms": int|null, "projected_start": "HH:MM:SS"|null,   // upcoming only
//     "backtimed_start_ms": int|null, "backtimed_start": "HH:MM:SS"|null,   // latest it may start
//     "fixed_start_ms": int|null, "cannot_fit": bool
//   } ]
// }
nlohmann::json sessionStateJson(const SessionState& state, const Show& show);
nlohmann::json sessionStateJson(const Session& session);

// One question for the producer (GET /api/moderation) and scripts:
// {"id", "text", "name", "source": "show"|"import"|"web"|"producer",
//  "state": "pending"|"approved"|"on-air"|"answered"|"dismissed"|"merged",
//  "submitted_ms", "votes" (merged ones included), "own_votes", "topics": [..],
//  "for": person id|"", "for_name": the person's name|"", "segment": id|"",
//  "held_for": [blocked words matched], "original_text": text before the producer's edit|null,
//  "merged_into": id|null, "merged": [ids], "on_air_ms": int|null, "answered_ms": int|null,
//  "answered_segment": id|""}. Never contains the device ids.
nlohmann::json questionJson(const QuestionQueue& queue, const LiveQuestion& q, const Show& show);
// GET /api/moderation: {"counts": {"pending", "approved", "on_air", "answered", "dismissed",
// "merged"}, "oldest_pending_ms": int|null, "topics": [..], "questions": [QUESTION …]} in
// submission order.
nlohmann::json moderationJson(const QuestionQueue& queue, const Show& show);

// One poll for the producer (GET /api/polls, the poll commands' replies), with live counts
// whatever the audience sees: {"id", "question", "state": "draft"|"open"|"closed",
// "live_results": bool, "from_show": bool, "options": [{"label", "votes"}] in the poll's order,
// "votes": total (one per device), "opened_ms": int|null (the last opening), "closed_ms":
// int|null (the last closing)}. Never contains the device ids.
nlohmann::json pollJson(const LivePoll& poll);
// GET /api/polls: {"polls": [POLL …]} in creation order (the show's own first).
nlohmann::json pollsJson(const PollBoard& board);

// "20:37:05" for local ms after midnight (wraps past 24 h; whole seconds, rounded down).
std::string formatTimeOfDayMs(std::int64_t todMs);

}  // namespace pycast
