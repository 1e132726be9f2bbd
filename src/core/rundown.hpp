// Planned timing and balance of a rundown: start offsets, totals, technical share, airtime.
#pragma once

#include <string>
#include <vector>

#include "core/show.hpp"

namespace pycast {

struct SegmentTiming {
    std::string id;
    Seconds startOffset = 0;             // from the show's start
    Seconds planned = 0;
    // When the show has a start time: start + startOffset, seconds after midnight of the show's
    // day (past 86400 on the next day; formatTimeOfDay wraps it).
    std::optional<Seconds> startTimeOfDay;
    std::optional<Seconds> fixedStartOffset;   // its fixed start, placed (core/show_time.hpp)
    bool fixedStartMissed = false;       // planned start falls after its fixed start
};

struct Airtime {
    std::string key;                     // person id, or company name
    std::string label;                   // display name
    Seconds seconds = 0;
    double share = 0.0;                  // percent of the relevant total
    bool overLimit = false;
};

enum class Severity { Info, Warning };
struct Finding {
    Severity severity = Severity::Info;
    std::string message;
};

struct RundownAnalysis {
    std::vector<SegmentTiming> segments;
    Seconds plannedTotal = 0;            // where the plan ends: lengths plus any wait for a fixed start
    Seconds target = 0;
    Seconds overUnder = 0;               // plannedTotal - target; positive means over
    std::optional<Seconds> plannedEnd;   // start + plannedTotal (may pass 86400), when the show has a start time
    std::optional<Seconds> hardOutOffset;    // the hard out placed after the start (core/show_time.hpp)
    std::optional<Seconds> hardOutMargin;    // hardOutOffset - plannedTotal; negative means late
    Seconds technicalSeconds = 0;
    Seconds contentSeconds = 0;          // everything except breaks
    double technicalShare = 0.0;         // percent of contentSeconds
    bool technicalShareOutside = false;
    std::vector<Airtime> perSpeaker;     // every speaker, most airtime first
    std::vector<Airtime> perCompany;     // guests' companies, most airtime first
    Seconds guestAirtime = 0;
    std::vector<Finding> findings;       // warnings a producer should see
};

// Airtime: a segment's planned length is shared equally by its speakers. Company shares count
// guests only (hosts, moderators and producers run the show; they are not anyone's advert).
// Technical share: technical segments (isTechnical) over all segments except breaks.
RundownAnalysis analyzeRundown(const Show& show);

// The balance rule, for the plan and for measured airtime alike: a company is over when its
// share (percent of the guests' airtime) passes Guidelines::maxCompanyShare and it shares the
// stage with at least one other company — one company alone cannot be "balanced".
bool companyOverLimit(double share, std::size_t companies, const Guidelines& guidelines);

}  // namespace pycast
