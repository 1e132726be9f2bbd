// Planned timing and balance of a rundown (start offsets, technical share, airtime).
#include "core/rundown.hpp"

#include "core/poll_board.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "core/duration.hpp"
#include "core/show_time.hpp"
#include "core/text.hpp"

namespace pycast {
namespace {

void sortByAirtime(std::vector<Airtime>& list) {
    std::stable_sort(list.begin(), list.end(),
                     [](const Airtime& a, const Airtime& b) { return a.seconds > b.seconds; });
}

}  // namespace

bool companyOverLimit(double share, std::size_t companies, const Guidelines& guidelines) {
    return companies > 1 && share > guidelines.maxCompanyShare + 1e-9;
}

RundownAnalysis analyzeRundown(const Show& show) {
    RundownAnalysis a;
    a.target = show.meta.target;

    std::map<std::string, double> speakerSeconds;   // fractional: a segment is shared equally
    std::map<std::string, double> companySeconds;
    std::vector<std::string> speakerOrder, companyOrder;
    double guestSeconds = 0;

    const ShowTimes times = placeTimesOfDay(show);
    const PlannedSchedule plan = planSchedule(show, times);
    for (std::size_t i = 0; i < show.rundown.size(); ++i) {
        const Segment& s = show.rundown[i];
        SegmentTiming t;
        t.id = s.id;
        t.startOffset = plan.startOffsets[i];
        t.planned = s.planned;
        t.fixedStartMissed = plan.fixedStartMissed[i];
        t.fixedStartOffset = times.fixedStartOffsets[i];
        if (show.meta.startTime) t.startTimeOfDay = *show.meta.startTime + t.startOffset;
        a.segments.push_back(t);

        if (isTechnical(s)) a.technicalSeconds += s.planned;
        if (s.kind != SegmentKind::Break) a.contentSeconds += s.planned;

        if (s.speakers.empty() || s.planned <= 0) continue;
        const double share = static_cast<double>(s.planned) / static_cast<double>(s.speakers.size());
        for (const auto& id : s.speakers) {
            if (!speakerSeconds.count(id)) speakerOrder.push_back(id);
            speakerSeconds[id] += share;
            const Person* p = show.findPerson(id);
            if (!p || p->role != Role::Guest) continue;
            guestSeconds += share;
            const std::string company = p->company.empty() ? "(no company)" : p->company;
            if (!companySeconds.count(company)) companyOrder.push_back(company);
            companySeconds[company] += share;
        }
    }
    a.plannedTotal = plan.end;
    a.overUnder = a.plannedTotal - a.target;
    if (show.meta.startTime) {
        a.plannedEnd = *show.meta.startTime + a.plannedTotal;
        if (times.hardOutOffset) {
            a.hardOutOffset = times.hardOutOffset;
            a.hardOutMargin = *times.hardOutOffset - a.plannedTotal;
        }
    }
    a.technicalShare = a.contentSeconds > 0 ? 100.0 * static_cast<double>(a.technicalSeconds) /
                                                  static_cast<double>(a.contentSeconds)
                                            : 0.0;
    const auto& g = show.guidelines;
    a.technicalShareOutside = a.contentSeconds > 0 &&
                              (a.technicalShare < g.techShareMin - 1e-9 || a.technicalShare > g.techShareMax + 1e-9);
    a.guestAirtime = static_cast<Seconds>(std::llround(guestSeconds));

    double speakerTotal = 0;
    for (const auto& [id, secs] : speakerSeconds) speakerTotal += secs;
    for (const auto& id : speakerOrder) {
        Airtime at;
        at.key = id;
        const Person* p = show.findPerson(id);
        at.label = p ? p->name : id;
        at.seconds = static_cast<Seconds>(std::llround(speakerSeconds[id]));
        at.share = speakerTotal > 0 ? 100.0 * speakerSeconds[id] / speakerTotal : 0.0;
        a.perSpeaker.push_back(at);
    }
    for (const auto& company : companyOrder) {
        Airtime at;
        at.key = company;
        at.label = company;
        at.seconds = static_cast<Seconds>(std::llround(companySeconds[company]));
        at.share = guestSeconds > 0 ? 100.0 * companySeconds[company] / guestSeconds : 0.0;
        at.overLimit = companyOverLimit(at.share, companyOrder.size(), g);
        a.perCompany.push_back(at);
    }
    sortByAirtime(a.perSpeaker);
    sortByAirtime(a.perCompany);

    auto warn = [&](std::string m) { a.findings.push_back({Severity::Warning, std::move(m)}); };
    // The plan's length includes any wait for a fixed start; say so, since shortening a
    // segment does not shorten a wait.
    const Seconds waiting = a.plannedTotal - show.plannedTotal();
    const std::string planned = "Planned " + formatDuration(a.plannedTotal) +
                                (waiting > 0 ? " (" + formatDuration(waiting) + " of it waiting for fixed starts)" : "");
    if (a.target > 0 && a.overUnder > 0)
        warn(planned + " is " + formatDuration(a.overUnder) + " over the " + formatDuration(a.target) +
             " target; " + (waiting >= a.overUnder ? "move a fixed start earlier, or shorten or cut a segment before it."
                                                   : "shorten or cut a segment."));
    else if (a.target > 0 && a.overUnder < 0)
        a.findings.push_back({Severity::Info, planned + " is " + formatDuration(-a.overUnder) + " under the " +
                                                  formatDuration(a.target) + " target."});
    if (a.hardOutMargin && *a.hardOutMargin < 0)
        warn("The plan ends at " + formatTimeOfDay(*a.plannedEnd) + ", " +
             formatDuration(-*a.hardOutMargin) + " after the hard out at " +
             formatTimeOfDay(*show.meta.hardOut) + ".");
    if (a.technicalShareOutside)
        warn("Technical share is " + formatPercent(a.technicalShare, 0) + ", outside the show's " +
             formatPercent(g.techShareMin, 0) + "–" + formatPercent(g.techShareMax, 0) + " range.");
    for (const auto& c : a.perCompany)
        if (c.overLimit)
            warn(c.label + " has " + formatPercent(c.share, 0) + " of the guests' airtime, above the show's " +
                 formatPercent(g.maxCompanyShare, 0) + " limit per company.");
    for (const Poll& poll : show.polls)
        for (const std::string& m : companyNamedOptions(show, poll.options))
            warn("Poll \"" + poll.question + "\": " + m + ".");
    for (size_t i = 0; i < a.segments.size(); ++i)
        if (a.segments[i].fixedStartMissed)
            warn("\"" + show.rundown[i].title + "\" is fixed at " +
                 formatTimeOfDay(*show.rundown[i].fixedStart) + " but the segments before it run until " +
                 formatTimeOfDay(*a.segments[i].startTimeOfDay) + " (" +
                 formatDuration(a.segments[i].startOffset - *a.segments[i].fixedStartOffset) + " late).");
    return a;
}

}  // namespace pycast
