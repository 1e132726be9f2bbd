// The planned-vs-actual report of a session: per segment and per speaker, Markdown and CSV.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/question_queue.hpp"
#include "core/show.hpp"
#include "io/show_io.hpp"
#include "core/show_runner.hpp"

namespace pycast {

// A difference within this counts as "on time" (the report shows whole seconds).
inline constexpr std::int64_t kOnTimeToleranceMs = 1000;

struct SegmentReportRow {
    int number = 0;                      // 1-based rundown position
    std::string id;
    std::string title;
    SegmentKind kind = SegmentKind::Experience;
    std::vector<std::string> speakers;   // display names
    std::int64_t plannedMs = 0;          // as in the show
    std::int64_t extensionMs = 0;        // extended (+) or shortened (-) live
    std::int64_t actualMs = 0;
    std::int64_t differenceMs = 0;       // actual - planned
    int visits = 0;
    SegmentStatus status = SegmentStatus::Upcoming;
};

// Airtime: a segment's planned and actual time shared equally by its speakers.
struct SpeakerReportRow {
    std::string personId;
    std::string name;
    std::string company;
    Role role = Role::Guest;
    std::int64_t plannedMs = 0;
    std::int64_t actualMs = 0;
    std::int64_t differenceMs = 0;
};

// Measured talk time of one recorded track (summed over the takes), from the voice activity of
// the recording (live/recorded_airtime.hpp); `person` is the show's person id ("" when the track
// was bound to nobody).
struct TrackTalk {
    std::string person;
    std::string name;                    // the track's name ("Host", "Guest 1")
    std::int64_t talkMs = 0;
    bool operator==(const TrackTalk&) const = default;
};

// One row of the measured airtime: a speaker (or an unbound track) or a company.
struct TalkReportRow {
    std::string key;                     // person id, track name, or company name
    std::string name;
    std::string company;                 // speakers only
    std::int64_t plannedMs = 0;          // the plan's airtime (each segment shared equally)
    double plannedShare = 0;             // percent of the plan's total (companies: of guests')
    std::int64_t talkMs = 0;             // measured
    double share = 0;                    // percent of all measured talk (companies: of guests')
    bool overLimit = false;              // companies: over the show's maxCompanyShare
};

struct TalkReport {
    std::vector<TalkReportRow> speakers; // in the show's order of people, then unbound tracks
    std::vector<TalkReportRow> companies;// guests' companies, most measured talk first
    std::int64_t totalTalkMs = 0;
    double maxCompanyShare = 0;          // the show's limit, percent
};

// How many questions are in each state, for one source, topic or guest (or all of them).
// Approved counts every question that passed moderation and is still in the queue: approved,
// on air or answered; so asked = pending + approved + dismissed + merged.
struct QuestionTally {
    std::string id;      // the person's id (per guest), the source's name (per source), else ""
    std::string label;   // "web", "技術 Tech", a guest's name, "(no topic)", "(anyone)", "total"
    int asked = 0;
    int pending = 0;
    int approved = 0;
    int answered = 0;
    int dismissed = 0;
    int merged = 0;
    bool operator==(const QuestionTally&) const = default;
};

// One question in the report's lists.
struct QuestionReportRow {
    int number = 0;                      // 1-based within its list
    std::string id;
    std::string text;
    std::string asker;                   // "" when anonymous
    std::string forId;                   // person id, "" for anyone
    std::string forName;
    std::vector<std::string> topics;
    QuestionSource source = QuestionSource::Web;
    QuestionState state = QuestionState::Pending;
    int votes = 0;                       // merged ones included
    // Answered: the time into the show (from the show's start, rounded down to whole seconds
    // as every elapsed time shown) and the segment on air then.
    std::optional<std::int64_t> intoShowMs;
    std::string segmentId;
    std::string segmentTitle;
};

inline constexpr std::size_t kMaxFollowUps = 10;

struct QuestionsReport {
    std::vector<QuestionTally> sources;       // show, import, web, producer (all four)
    QuestionTally total;                      // their sum
    std::vector<QuestionReportRow> answered;  // in the order they were answered
    // Follow-ups: the approved (or on air) questions not answered, most votes first (ties in
    // submission order), at most kMaxFollowUps. Pending ones were never moderated, so they are
    // only counted (`unmoderated`): a report is shared, and nothing unapproved is shown.
    std::vector<QuestionReportRow> followUps;
    int unmoderated = 0;
    // Per topic: the show's topics in its order (zeros too), then "(no topic)" when any has
    // none. A question with two topics counts in both.
    std::vector<QuestionTally> topics;
    // Per guest: the show's guests (zeros too) and anyone else a question was for, in the show's
    // order of people, then "(anyone)" when any question was for no one in particular.
    std::vector<QuestionTally> guests;
};

// Segment rows and totals are whole seconds as shown (core/display_time.hpp: actual times
// rounded down), and each total is the sum of its rows, so the figures add up wherever they are
// shown. Speakers' airtime splits those seconds to the millisecond; shown, a speaker's
// difference is its shown actual minus its shown planned.
struct SessionReport {
    std::string title;
    std::string series;
    std::optional<int> episode;
    std::string date;                    // the session's local date (YYYY-MM-DD)
    bool ended = false;                  // false: an interrupted session, as of its last event
    std::int64_t plannedTotalMs = 0;
    std::int64_t actualTotalMs = 0;      // time on air (sum of segments)
    std::int64_t differenceMs = 0;       // actual - planned
    std::int64_t pausedMs = 0;           // time on hold
    std::int64_t showElapsedMs = 0;      // start to end, holds included
    std::optional<std::int64_t> startTodMs;   // local ms after midnight
    std::optional<std::int64_t> endTodMs;
    std::vector<SegmentReportRow> segments;
    std::vector<SpeakerReportRow> speakers;   // in the show's order of people
    // The audience's questions; set when the session had any.
    std::optional<QuestionsReport> questions;
    // Measured from the recorded tracks; set when the session recorded any.
    std::optional<TalkReport> talk;
};

// "over", "under", "on time" for a difference.
const char* overUnderWord(std::int64_t differenceMs);

// `questions`: the session's question queue (Session::questions(), SessionSnapshot::questions);
// null or empty leaves the report without its questions.
// `talk`: measured talk time per track (recorded_airtime.hpp); null or empty leaves the report
// without its measured airtime.
SessionReport buildReport(const Show& show, const RunnerState& state, const std::string& date,
                          const QuestionQueue* questions = nullptr,
                          const std::vector<TrackTalk>* talk = nullptr);
// Planned vs measured airtime per speaker and per guest company (core/rundown's plan: each
// segment shared equally by its speakers; companies count guests only, against the show's
// maxCompanyShare).
TalkReport buildTalkReport(const Show& show, const std::vector<TrackTalk>& talk);
// The same counts for a queue on its own (the show's start and segments place answered ones).
QuestionsReport buildQuestionsReport(const Show& show, const RunnerState& state,
                                     const QuestionQueue& questions);
// Markdown: heading, facts, segments, speakers, then "## Questions" (per source, answered,
// follow-ups, per topic, per guest) when there are any. Every text from a person is escaped
// (io/markdown).
std::string renderReportMarkdown(const SessionReport& report);
// One table: section (segment/speaker/total), then plan and actual in seconds with ms; the
// question sections (question-source, question-total, question-answered, question-follow-up,
// question-topic, question-guest) fill the columns after "status": text, asker, for, topics,
// source, votes, into_show_s, segment_id, segment and the counts asked … merged. Rows of one
// kind leave the others' columns empty.
// `bom`: start with the UTF-8 BOM a spreadsheet needs (report.csv); leave it out for a terminal.
std::string renderReportCsv(const SessionReport& report, bool bom = true);
// report.md and report.csv in DIR, each written atomically.
Status writeReportFiles(const std::filesystem::path& dir, const SessionReport& report);

}  // namespace pycast
