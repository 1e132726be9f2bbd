// Actual airtime beside the plan: talk time per speaker and per company from the recorder's
// voice activity (TrackMeter::talkMs), against the rundown's plan and the show's company limit
// (UI thread; the table is a pure function for the tests).
#pragma once

#include <imgui.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/rundown.hpp"
#include "media/recorder.hpp"

namespace pycast::ui {

struct AirtimeRow {
    std::string key;                // person id, or company name
    std::string label;              // the person's name, or the company
    std::int64_t actualMs = 0;      // measured talk time
    Seconds plannedSeconds = 0;     // the rundown's plan
    double actualShare = 0.0;       // percent: of all talk (speakers), of guests' talk (companies)
    double plannedShare = 0.0;      // percent, as core/rundown computes it
    bool overLimit = false;         // a company over Guidelines::maxCompanyShare, measured
    bool plannedOverLimit = false;  // … in the plan (RundownAnalysis's own finding)
};

struct AirtimeTable {
    std::vector<AirtimeRow> speakers;   // most actual talk first (ties: plan order)
    std::vector<AirtimeRow> companies;  // guests' companies, most actual talk first
    std::int64_t totalMs = 0;           // all mapped tracks' talk
    std::int64_t guestMs = 0;           // guests' talk (what company shares divide)
    std::int64_t unmappedMs = 0;        // talk on tracks bound to no person of the show
    double limit = 0.0;                 // the show's max company share, percent
};

// Tracks are matched to people by `setup.tracks[i].person` for `status.tracks[i]` (tracks of
// the same person add up). Every planned speaker and company appears, measured or not; a
// person measured but not planned appears too. Company shares count guests only, as the plan's
// do (core/rundown.hpp).
AirtimeTable airtimeTable(const Show& show, const RundownAnalysis& plan,
                          const media::RecorderSetup& setup, const media::RecorderStatus& status);

// "12:34" of a talk time in ms (whole seconds, rounded down); "h:mm:ss" past an hour.
std::string talkTimeText(std::int64_t ms);

// Draws the tables: companies, then speakers, each row the actual time, the plan, the share as a
// bar with the plan's share marked, and "over limit" in red for a company past the limit.
void airtimePanel(const AirtimeTable& table, float width);

}  // namespace pycast::ui
