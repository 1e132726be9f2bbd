// Chapters of a session: where each segment began, each answered question and each plain
// marker, on the recording's timeline (any one thread; reads nothing but what it is given).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/units.hpp"
#include "live/session.hpp"

namespace pycast {

struct Chapter {
    enum class Kind { Segment, Question, Marker };
    Kind kind = Kind::Segment;
    std::int64_t startMs = 0;            // on the recording's timeline (or from the show's start)
    std::optional<SampleCount> sample;   // the recorder's timeline sample, when recorded
    std::string title;                   // the segment's title; "Q: " + the question; the label
    bool operator==(const Chapter&) const = default;
};

// The chapters of a session, in time order:
//   - a segment chapter at every segment change (start, next, previous, goto) to the segment
//     then on air, titled with its title (a change back to the same segment adds none);
//   - a question chapter "Q: <text as the queue has it>" at every question-answered that names a
//     question;
//   - a marker chapter at every plain marker, titled with its label ("Marker" without one).
// Time: with a recording, the event's timeline sample at the first take's rate, and events
// before the recording began at 0; without one, session ms from the show's start. Events are
// replayed with the session's own domains (replayJournalEvent), so what a chapter says is what
// the session showed.
std::vector<Chapter> sessionChapters(const SessionSnapshot& session);

// Podcasting 2.0 chapters (github.com/Podcastindex-org/podcast-namespace, chapters 1.2.0):
// {"version": "1.2.0", "chapters": [{"startTime": seconds (3 decimals), "title"}]}, pretty.
std::string podcastingChaptersJson(const std::vector<Chapter>& chapters);

// YouTube makes chapters from a description only when each lasts at least this long, ms.
inline constexpr std::int64_t kYoutubeMinChapterMs = 10'000;

// The chapter list YouTube reads from a description: "0:00 Title" lines ("1:02:03" past an
// hour), ascending. YouTube needs the first at 0:00, at least three, each at least 10 s long:
// the first is moved to 0:00, a chapter starting less than 10 s after the one before replaces
// it (the later title wins: a marker right after a segment change is the more specific). Fewer
// than three left: returns them anyway, and `warning` says YouTube will ignore them.
std::string youtubeChapterList(const std::vector<Chapter>& chapters, std::string* warning = nullptr);

}  // namespace pycast
