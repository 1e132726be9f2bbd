// The planned-vs-actual report of a session: per segment and per speaker, Markdown and CSV.
#include "live/report.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ostream>

#include "core/display_time.hpp"
#include "core/duration.hpp"
#include "io/csv.hpp"
#include "io/markdown.hpp"
#include "live/session.hpp"

namespace pycast {

namespace {

// "+01:30", "-00:45", "00:00" (whole seconds, toward zero).
std::string signedDuration(std::int64_t ms) {
    if (ms / 1000 == 0) return formatDurationMs(0);
    return (ms > 0 ? "+" : "-") + formatDurationMs(ms < 0 ? -ms : ms);
}

// Seconds with milliseconds for the CSV: "-12.345".
std::string csvSeconds(std::int64_t ms) {
    const std::int64_t a = ms < 0 ? -ms : ms;
    char buf[48];
    std::snprintf(buf, sizeof buf, "%s%lld.%03lld", ms < 0 ? "-" : "",
                  static_cast<long long>(a / 1000), static_cast<long long>(a % 1000));
    return buf;
}


std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
    return out;
}

// `total` split over `n` shares that add up exactly: the first total % n get one ms more.
std::int64_t shareOf(std::int64_t total, std::size_t n, std::size_t i) {
    const auto k = static_cast<std::int64_t>(n);
    const std::int64_t base = total / k;
    const std::int64_t rest = total % k;
    return base + (static_cast<std::int64_t>(i) < rest ? 1 : 0);
}

std::string statusWord(const SegmentReportRow& row) {
    if (row.status == SegmentStatus::Skipped) return "skipped";
    if (row.status == SegmentStatus::Upcoming) return "not run";
    return overUnderWord(row.differenceMs);
}

}  // namespace

const char* overUnderWord(std::int64_t differenceMs) {
    if (differenceMs >= kOnTimeToleranceMs) return "over";
    if (differenceMs <= -kOnTimeToleranceMs) return "under";
    return "on time";
}

SessionReport buildReport(const Show& show, const RunnerState& state, const std::string& date) {
    SessionReport r;
    r.title = show.meta.title;
    r.series = show.meta.series;
    r.episode = show.meta.episode;
    r.date = date.empty() ? show.meta.date : date;
    r.ended = state.phase == RunPhase::Ended;
    // Every figure is in whole seconds as shown (core/display_time.hpp), and the totals are
    // the sums of the rows, so what the report shows adds up in every renderer.
    r.pausedMs = shownMs(state.pausedMs);
    r.showElapsedMs = shownMs(state.showElapsedMs);
    if (state.startedAtMs && state.todAtZeroMs) {
        r.startTodMs = *state.todAtZeroMs + *state.startedAtMs;
        r.endTodMs = *state.todAtZeroMs + (state.endedAtMs ? *state.endedAtMs : state.nowMs);
    }

    struct Airtime {
        std::int64_t planned = 0;
        std::int64_t actual = 0;
        bool speaks = false;
    };
    std::vector<Airtime> airtime(show.people.size());
    std::vector<SpeakerReportRow> strangers;   // speaker ids with no person in the show

    for (std::size_t i = 0; i < show.rundown.size() && i < state.segments.size(); ++i) {
        const Segment& seg = show.rundown[i];
        const SegmentState& s = state.segments[i];
        SegmentReportRow row;
        row.number = static_cast<int>(i) + 1;
        row.id = seg.id;
        row.title = seg.title;
        row.kind = seg.kind;
        row.plannedMs = shownMs(s.plannedMs);
        row.extensionMs = shownMs(s.extensionMs);
        row.actualMs = shownMs(s.actualMs);
        row.differenceMs = row.actualMs - row.plannedMs;
        r.plannedTotalMs += row.plannedMs;
        r.actualTotalMs += row.actualMs;
        row.visits = s.visits;
        row.status = s.status;
        for (std::size_t k = 0; k < seg.speakers.size(); ++k) {
            const std::string& pid = seg.speakers[k];
            const std::int64_t planned = shareOf(row.plannedMs, seg.speakers.size(), k);
            const std::int64_t actual = shareOf(row.actualMs, seg.speakers.size(), k);
            const Person* p = show.findPerson(pid);
            row.speakers.push_back(p ? p->name : pid);
            if (p) {
                Airtime& a = airtime[static_cast<std::size_t>(p - show.people.data())];
                a.planned += planned;
                a.actual += actual;
                a.speaks = true;
            } else {
                auto it =
                    std::find_if(strangers.begin(), strangers.end(),
                                 [&](const SpeakerReportRow& x) { return x.personId == pid; });
                if (it == strangers.end()) {
                    strangers.push_back({pid, pid, {}, Role::Guest, 0, 0, 0});
                    it = strangers.end() - 1;
                }
                it->plannedMs += planned;
                it->actualMs += actual;
            }
        }
        r.segments.push_back(std::move(row));
    }
    for (std::size_t i = 0; i < show.people.size(); ++i) {
        if (!airtime[i].speaks) continue;
        const Person& p = show.people[i];
        r.speakers.push_back({p.id, p.name, p.company, p.role, airtime[i].planned,
                              airtime[i].actual, airtime[i].actual - airtime[i].planned});
    }
    for (auto& s : strangers) {
        s.differenceMs = s.actualMs - s.plannedMs;
        r.speakers.push_back(std::move(s));
    }
    r.differenceMs = r.actualTotalMs - r.plannedTotalMs;
    return r;
}

std::string renderReportMarkdown(const SessionReport& r) {
    std::string md;
    std::string heading = r.series;
    if (r.episode) heading += (heading.empty() ? "Episode " : " EP") + std::to_string(*r.episode);
    if (!r.title.empty()) heading += (heading.empty() ? "" : ": ") + r.title;
    md += "# Planned vs actual: " + (heading.empty() ? std::string("(untitled show)") : markdownLine(heading)) +
          "\n\n";
    if (!r.date.empty()) md += "- Date: " + r.date + "\n";
    if (r.startTodMs && r.endTodMs)
        md += "- On air: " + formatTimeOfDay(*r.startTodMs / 1000) + " to " +
              formatTimeOfDay(*r.endTodMs / 1000) + "\n";
    md += "- Planned: " + formatDurationMs(r.plannedTotalMs) +
          ", actual: " + formatDurationMs(r.actualTotalMs) + ", difference: " +
          signedDuration(r.differenceMs) + " (" + overUnderWord(r.differenceMs) + ")\n";
    if (r.pausedMs > 0)
        md += "- On hold: " + formatDurationMs(r.pausedMs) + " (not counted as actual time)\n";
    if (!r.ended)
        md += "- **The session did not end** (interrupted); times are as of its last event.\n";

    md += "\n## Segments\n\n";
    md += "| # | Segment | Kind | Speakers | Planned | Actual | Difference | |\n";
    md += "|---:|---|---|---|---:|---:|---:|---|\n";
    for (const auto& row : r.segments) {
        std::string planned = formatDurationMs(row.plannedMs);
        if (row.extensionMs != 0)
            planned += " (" + signedDuration(row.extensionMs) + " live)";
        md += "| " + std::to_string(row.number) + " | " + markdownCell(row.title) + " | " +
              toName(row.kind) + " | " + markdownCell(joined(row.speakers)) + " | " + planned +
              " | " + formatDurationMs(row.actualMs) + " | " + signedDuration(row.differenceMs) +
              " | " + statusWord(row) + " |\n";
    }
    md += "| | **Total** | | | **" + formatDurationMs(r.plannedTotalMs) + "** | **" +
          formatDurationMs(r.actualTotalMs) + "** | **" + signedDuration(r.differenceMs) +
          "** | " + overUnderWord(r.differenceMs) + " |\n";

    if (!r.speakers.empty()) {
        md += "\n## Speakers\n\n";
        md += "Airtime: each segment's time is shared equally by its speakers.\n\n";
        md += "| Speaker | Company | Role | Planned | Actual | Difference | |\n";
        md += "|---|---|---|---:|---:|---:|---|\n";
        for (const auto& s : r.speakers)
            md += "| " + markdownCell(s.name) + " | " + markdownCell(s.company) + " | " + toName(s.role) +
                  " | " + formatDurationMs(s.plannedMs) + " | " + formatDurationMs(s.actualMs) +
                  " | " + signedDuration(shownDifferenceMs(s.actualMs, s.plannedMs)) + " | " +
                  overUnderWord(shownDifferenceMs(s.actualMs, s.plannedMs)) +
                  " |\n";
    }
    return md;
}

std::string renderReportCsv(const SessionReport& r, bool bom) {
    // For spreadsheets: UTF-8 BOM (unless printed), cells quoted and formula-neutralized by the
    // shared writer; seconds such as "-12.345" are plain numbers and stay numbers.
    CsvWriter csv(bom, "\n");
    csv.row({"section", "number", "id", "name", "kind", "company", "role", "planned_s", "extension_s",
             "actual_s", "difference_s", "status"});
    for (const auto& row : r.segments)
        csv.row({"segment", std::to_string(row.number), row.id, row.title, toName(row.kind), "", "",
                 csvSeconds(row.plannedMs), csvSeconds(row.extensionMs), csvSeconds(row.actualMs),
                 csvSeconds(row.differenceMs), statusWord(row)});
    for (const auto& s : r.speakers)
        csv.row({"speaker", "", s.personId, s.name, "", s.company, toName(s.role), csvSeconds(s.plannedMs), "",
                 csvSeconds(s.actualMs), csvSeconds(s.differenceMs), overUnderWord(s.differenceMs)});
    csv.row({"total", "", "", r.title, "", "", "", csvSeconds(r.plannedTotalMs), "", csvSeconds(r.actualTotalMs),
             csvSeconds(r.differenceMs), overUnderWord(r.differenceMs)});
    return csv.text();
}

Status writeReportFiles(const std::filesystem::path& dir, const SessionReport& report) {
    Status md = writeFileAtomically(dir / kSessionReportMarkdown,
                                        renderReportMarkdown(report), false);
    if (!md.ok()) return md;
    return writeFileAtomically(dir / kSessionReportCsv, renderReportCsv(report), false);
}

}  // namespace pycast
