// What a session (and a series of them) achieved: time, balance, audience and a summary, as plain
// values for the CLI's files and the studio's Report view (pure functions, any thread; load*
// and write* read and write files on the caller's thread).
//
// Every figure is what is shown, so HTML, Markdown, CSV and the studio agree to the character:
// - times are whole seconds (core/display_time.hpp: elapsed amounts rounded down; a total is
//   the sum of its rows; a difference is the shown actual minus the shown planned), kept in
//   ms fields that are multiples of 1000 (names end in Ms);
// - percentages are rounded to one decimal (half away from zero) when built, kept in fields
//   named ...Percent, and every limit check reads the rounded value, so "40.0%" is never
//   called over a 40% limit;
// - the renderers print them with formatInsightPercent and formatDurationMs, nothing else.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/show.hpp"
#include "live/report.hpp"

namespace pycast {

struct SessionSnapshot;
class Session;

// The one percentage rule: one decimal, half away from zero (33.35 → 33.4).
double roundPercent(double value);
// "46.2%": the one way a percentage is printed (CSV cells hold the bare number, "46.2").
std::string formatInsightPercent(double percent);

// --- Time -------------------------------------------------------------------------------------

struct TimeInsights {
    // Per segment: buildReport's rows as they are (planned, actual, difference in whole
    // seconds; status Done/Skipped/Upcoming).
    std::vector<SegmentReportRow> segments;
    std::vector<bool> segmentTechnical;      // per segment (same order): isTechnical
    std::int64_t plannedTotalMs = 0;         // sum of the rows
    std::int64_t actualTotalMs = 0;          // sum of the rows: time on air, holds excluded
    std::int64_t differenceMs = 0;           // over (+) / under (-) at the end: actual - planned
    std::int64_t pausedMs = 0;               // time on hold
    bool started = false;                    // false: never went on air (no start journaled)
    bool ended = false;                      // false: interrupted, as of its last event
    std::optional<std::int64_t> startTodMs;  // local ms after midnight, whole seconds
    std::optional<std::int64_t> endTodMs;
    // The hard out (show.meta.hardOut, moved with the schedule when the show started far from
    // its planned start, as the runner does). Empty when the show has none or the time of day
    // is unknown.
    std::optional<std::int64_t> hardOutTodMs;  // local ms after midnight, whole seconds
    // hard out - actual end, whole seconds toward zero: >= 0 kept (with that margin), < 0
    // missed by that much. Empty with hardOutTodMs, and for a session that did not end (its
    // end, so whether it kept the hard out, is not known).
    std::optional<std::int64_t> hardOutMarginMs;
    // The show file's own hard out (show.meta.hardOut, local ms after midnight), as planned,
    // whether or not the show went on air; empty when the show has none.
    std::optional<std::int64_t> plannedHardOutTodMs;
    // How far the runner moved the schedule (and the hard out) with the start: > 0 a late
    // start, < 0 an early one, 0 none.
    std::int64_t scheduleShiftMs = 0;
    bool hardOutKept() const { return hardOutMarginMs && *hardOutMarginMs >= 0; }
    // The hard out used differs from the show file's (moved with the start).
    bool hardOutMoved() const {
        return hardOutTodMs && plannedHardOutTodMs && *hardOutTodMs != *plannedHardOutTodMs;
    }
};

// --- Balance ----------------------------------------------------------------------------------

// Where "actual airtime" comes from. Measured: the recorded tracks' voice activity
// (live/recorded_airtime.hpp, TalkReport). PlanOnActualTimes: no recording, so each segment's
// actual time (the runner's) is shared equally by its planned speakers: an estimate from the
// plan, never to be read as a measurement (every output says so).
enum class BalanceSource { Measured, PlanOnActualTimes };
const char* toName(BalanceSource s);  // "measured", "plan-on-actual-times"

struct AirtimeInsightRow {
    std::string key;  // person id (or a track's name), or the company name
    std::string name;
    std::string company;         // speakers: their company ("" when none)
    Role role = Role::Guest;     // speakers only (an unbound track: Guest)
    std::int64_t plannedMs = 0;  // whole seconds
    std::int64_t actualMs = 0;   // whole seconds (measured or plan-based, per source)
    // Speakers: percent of all speakers' planned / actual. Companies: of guests' (the limit's
    // base: hosts and moderators run the show and are nobody's advert).
    double plannedPercent = 0;
    double actualPercent = 0;
    bool overLimit = false;  // companies: over maxCompanySharePercent (rounded share)
};

struct BalanceInsights {
    BalanceSource source = BalanceSource::PlanOnActualTimes;
    std::vector<AirtimeInsightRow> speakers;   // in the show's order (then unbound tracks)
    std::vector<AirtimeInsightRow> companies;  // guests' companies, most actual airtime first
    std::int64_t speakersActualMs = 0;         // the speakers' base (measured: all talk)
    std::int64_t guestsActualMs = 0;           // the companies' base
    double maxCompanySharePercent = 0;         // the show's limit
    // Technical share: actual time of the technical segments (isTechnical) / actual content
    // time (every segment but breaks), from the runner's segment times (whole seconds) — the
    // recording says who talked, not about what, so this is the same with or without tracks.
    std::int64_t technicalActualMs = 0;
    std::int64_t contentActualMs = 0;
    double technicalActualPercent = 0;
    double technicalPlannedPercent = 0;  // the plan's (core/rundown analyzeRundown)
    double techShareMinPercent = 0;      // the show's range (guidelines)
    double techShareMaxPercent = 0;
    bool technicalOutside() const {
        return contentActualMs > 0 && (technicalActualPercent < techShareMinPercent ||
                                       technicalActualPercent > techShareMaxPercent);
    }
    const AirtimeInsightRow* companyOverLimit() const;  // the largest over the limit, or null
    // The companies sharing the top (rounded) actual share, most airtime first: one, or every
    // tied leader; none when no guest spoke (guestsActualMs == 0).
    std::vector<const AirtimeInsightRow*> topCompanies() const;
    // Their names joined with " / " ("Acme / Beta"); "" for none.
    std::string topCompanyNames() const;
};

// --- Audience ---------------------------------------------------------------------------------

struct PollOptionInsight {
    std::string label;
    int votes = 0;
    double percent = 0;   // of the poll's votes, one decimal
    bool winner = false;  // most votes (all tied leaders; none without votes)
};

struct PollInsight {
    std::string id;
    std::string question;
    std::string state;                       // "draft", "open", "closed"
    bool fromShow = false;                   // prepared in the show file (else added live)
    std::vector<PollOptionInsight> options;  // in the poll's order
    int totalVotes = 0;
    // The winning option's label; ties joined with " / "; "" without votes.
    std::string winner;
};

struct AudienceInsights {
    // Distinct devices that opened the audience page: those whose visit was recorded, and
    // every device that asked or voted (it had the page open, even if its visit was not
    // recorded), so never fewer than devicesAsked or devicesVoted.
    int devicesOpened = 0;
    int devicesAsked = 0;               // distinct devices that submitted a question
    int devicesVoted = 0;               // distinct devices that voted on a question or a poll
    QuestionTally questions;            // all sources (QuestionsReport::total)
    std::vector<QuestionTally> topics;  // QuestionsReport::topics
    std::vector<QuestionTally> guests;  // QuestionsReport::guests
    int answeredInShow = 0;             // answered before the show ended (all, if it did not)
    int leftOver = 0;                   // approved (or on air) and not answered
    // Median wait from submission to answer over the answered questions asked during the
    // session (the page's and the producer's; the show file's and imports were waiting
    // before it began), whole seconds; empty when none was answered.
    std::optional<std::int64_t> medianWaitMs;
    int waitedQuestions = 0;  // how many the median is over
    // The polls that were run (opened at least once), in the board's order; drafts that were
    // never opened are no results and are left out.
    std::vector<PollInsight> polls;
};

// --- One session ------------------------------------------------------------------------------

struct SessionInsights {
    std::filesystem::path dir;  // the session folder
    std::string title;
    std::string series;
    std::optional<int> episode;
    std::string date;  // local YYYY-MM-DD the session started
    ShowKind kind = ShowKind::Episode;
    TimeInsights time;
    BalanceInsights balance;
    AudienceInsights audience;
    std::string summaryZh;  // one paragraph, Traditional Chinese
    std::string summaryEn;  // the same in English
};

// `measured`: talk per track (measureRecordedTalk); null or empty: the plan-based balance.
// A snapshot (a folder read from disk) is reported as of its last journal event.
SessionInsights buildSessionInsights(const SessionSnapshot& snapshot,
                                     const std::vector<TrackTalk>* measured);
// The live session as it stands now (the studio's Report view; the Session's owner thread).
SessionInsights buildSessionInsights(const Session& session,
                                     const std::vector<TrackTalk>* measured);

// "PyCast EP3: Title" (or the folder name when the show has no name).
std::string insightsHeading(const SessionInsights& s);

std::string renderInsightsMarkdown(const SessionInsights& s);
// One self-contained page (inline CSS and SVG, no script, nothing fetched), lang="zh-Hant".
std::string renderInsightsHtml(const SessionInsights& s);

// One CSV table (UTF-8 BOM, CsvWriter's safe cells, CRLF).
struct InsightsTable {
    std::string fileName;  // "insights-time.csv"
    std::string text;
};
// insights-time.csv, insights-airtime.csv, insights-questions.csv, insights-polls.csv,
// insights-summary.csv (docs/insights.md lists their columns).
std::vector<InsightsTable> renderInsightsCsv(const SessionInsights& s);

// insights.html, insights.md and the CSV tables in DIR (created if missing), each written
// atomically. Returns the paths written, or the Error of the first that failed.
Result<std::vector<std::filesystem::path>> writeInsightsFiles(const std::filesystem::path& dir,
                                                              const SessionInsights& s);

// Reads the session in DIR (read-only), measures its recording and builds its insights.
// Damaged journal lines and unreadable takes are warnings; a folder that is no session is the
// Error (what, where, what to do).
Result<SessionInsights> loadSessionInsights(const std::filesystem::path& dir);

// --- A series ---------------------------------------------------------------------------------

// A session that could not be read: its folder and why.
struct SeriesFailure {
    std::filesystem::path dir;
    std::string reason;
};

struct SeriesCompany {
    std::string name;
    int rank = 0;               // 1 = most airtime so far (ties share a rank)
    std::int64_t actualMs = 0;  // summed over the sessions (whole seconds)
    double percent = 0;         // of all guests' airtime in the series
    // Per session, in the series' order: that session's share (percent of its guests'
    // airtime; empty when the company was not on that session's stage).
    std::vector<std::optional<double>> sessionPercent;
    std::vector<std::int64_t> sessionMs;
};

struct SeriesInsights {
    std::vector<SessionInsights> sessions;  // by date, then folder name
    std::vector<SeriesFailure> failures;    // in the order given
    std::vector<SeriesCompany> companies;   // most airtime first (ties share rank 1)
    std::int64_t guestsActualMs = 0;
    bool mixedSources = false;  // some sessions measured, some plan-based
    std::string summaryZh;
    std::string summaryEn;
};

SeriesInsights buildSeriesInsights(std::vector<SessionInsights> sessions,
                                   std::vector<SeriesFailure> failures);

// The subfolder each session's own files go in beside the series' files: its folder's name,
// "-2", "-3" … on a clash (and "session" for a name that is none), in the series' order.
std::vector<std::string> seriesSessionFolders(const SeriesInsights& s);
// Each session's label in the series' charts and tables, in the series' order: short
// ("2026-11-25 EP3") or long ("2026-11-25 PyCast EP3: Title"), with its subfolder
// (seriesSessionFolders) added in parentheses when two sessions would read the same.
std::vector<std::string> seriesSessionLabels(const SeriesInsights& s, bool longForm);

std::string renderSeriesMarkdown(const SeriesInsights& s);
// The episodes table links each session to <its subfolder>/insights.html (seriesSessionFolders),
// where `pycast insights` writes it.
std::string renderSeriesHtml(const SeriesInsights& s);
// series-episodes.csv, series-companies.csv, series-audience.csv, series-polls.csv,
// series-failures.csv.
std::vector<InsightsTable> renderSeriesCsv(const SeriesInsights& s);
// series.html, series.md and the series CSV tables in DIR.
Result<std::vector<std::filesystem::path>> writeSeriesFiles(const std::filesystem::path& dir,
                                                            const SeriesInsights& s);

}  // namespace pycast
