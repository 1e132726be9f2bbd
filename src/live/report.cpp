// The planned-vs-actual report of a session: per segment and per speaker, Markdown and CSV.
#include "live/report.hpp"

#include <algorithm>
#include <map>
#include <cstdio>
#include <cstdlib>
#include <ostream>

#include "core/display_time.hpp"
#include "core/duration.hpp"
#include "core/rundown.hpp"
#include "core/text.hpp"
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

// "0:12:34": the time into the show, always with hours (whole seconds, rounded down).
std::string intoShow(std::int64_t ms) {
    const std::int64_t sec = shownSeconds(ms < 0 ? 0 : ms);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", static_cast<long long>(sec / 3600),
                  static_cast<long long>(sec / 60 % 60), static_cast<long long>(sec % 60));
    return buf;
}

void count(QuestionTally& t, QuestionState state) {
    ++t.asked;
    switch (state) {
        case QuestionState::Pending: ++t.pending; break;
        case QuestionState::Approved:
        case QuestionState::OnAir: ++t.approved; break;
        case QuestionState::Answered:
            ++t.approved;
            ++t.answered;
            break;
        case QuestionState::Dismissed: ++t.dismissed; break;
        case QuestionState::Merged: ++t.merged; break;
    }
}

QuestionReportRow questionRow(const Show& show, const QuestionQueue& queue, const LiveQuestion& q) {
    QuestionReportRow row;
    row.id = q.id;
    row.text = q.text;
    row.asker = q.name;
    row.forId = q.forPerson;
    if (!q.forPerson.empty()) {
        const Person* p = show.findPerson(q.forPerson);
        row.forName = p ? p->name : q.forPerson;
    }
    row.topics = q.topics;
    row.source = q.source;
    row.state = q.state;
    row.votes = queue.votes(q);
    return row;
}

std::string statusWord(const SegmentReportRow& row) {
    if (row.status == SegmentStatus::Skipped) return "skipped";
    if (row.status == SegmentStatus::Upcoming) return "not run";
    return overUnderWord(row.differenceMs);
}

std::string tallyCells(const QuestionTally& t, bool bold) {
    std::string out;
    for (int n : {t.asked, t.pending, t.approved, t.answered, t.dismissed, t.merged})
        out += " " + (bold ? "**" + std::to_string(n) + "**" : std::to_string(n)) + " |";
    return out;
}

std::string renderQuestionsMarkdown(const QuestionsReport& q) {
    std::string md = "\n## Questions\n\n";
    md += "| Source | Asked | Pending | Approved | Answered | Dismissed | Merged |\n";
    md += "|---|---:|---:|---:|---:|---:|---:|\n";
    for (const auto& t : q.sources) md += "| " + t.label + " |" + tallyCells(t, false) + "\n";
    md += "| **Total** |" + tallyCells(q.total, true) + "\n\n";
    md += "Approved counts every question that passed moderation: approved, on air or answered. "
          "Merged ones joined another question, and their votes count there.\n";

    md += "\n### Answered\n\n";
    if (q.answered.empty()) {
        md += "No question was answered.\n";
    } else {
        md += "| # | Into the show | Segment | Question | Asked by | For | Votes |\n";
        md += "|---:|---:|---|---|---|---|---:|\n";
        for (const auto& a : q.answered)
            md += "| " + std::to_string(a.number) + " | " +
                  (a.intoShowMs ? intoShow(*a.intoShowMs) : std::string()) + " | " +
                  markdownCell(a.segmentTitle) + " | " + markdownCell(a.text) + " | " +
                  markdownCell(a.asker) + " | " + markdownCell(a.forName) + " | " +
                  std::to_string(a.votes) + " |\n";
    }

    md += "\n### Follow-ups: top unanswered by votes\n\n";
    if (q.followUps.empty()) {
        md += "No approved question is left unanswered.\n";
    } else {
        md += "| # | Votes | Question | Asked by | For | Topics |\n";
        md += "|---:|---:|---|---|---|---|\n";
        for (const auto& f : q.followUps)
            md += "| " + std::to_string(f.number) + " | " + std::to_string(f.votes) + " | " +
                  markdownCell(f.text) + " | " + markdownCell(f.asker) + " | " +
                  markdownCell(f.forName) + " | " + markdownCell(joined(f.topics)) + " |\n";
    }
    if (q.unmoderated > 0)
        md += "\n" + std::to_string(q.unmoderated) +
              (q.unmoderated == 1 ? " question was" : " questions were") +
              " still waiting for moderation and " + (q.unmoderated == 1 ? "is" : "are") +
              " not listed.\n";

    if (!q.topics.empty()) {
        md += "\n### Per topic\n\n| Topic | Asked | Answered |\n|---|---:|---:|\n";
        for (const auto& t : q.topics)
            md += "| " + markdownCell(t.label) + " | " + std::to_string(t.asked) + " | " +
                  std::to_string(t.answered) + " |\n";
    }
    if (!q.guests.empty()) {
        md += "\n### Per guest\n\n| For | Asked | Answered |\n|---|---:|---:|\n";
        for (const auto& t : q.guests)
            md += "| " + markdownCell(t.label) + " | " + std::to_string(t.asked) + " | " +
                  std::to_string(t.answered) + " |\n";
    }
    return md;
}

}  // namespace

const char* overUnderWord(std::int64_t differenceMs) {
    if (differenceMs >= kOnTimeToleranceMs) return "over";
    if (differenceMs <= -kOnTimeToleranceMs) return "under";
    return "on time";
}

QuestionsReport buildQuestionsReport(const Show& show, const RunnerState& state,
                                     const QuestionQueue& queue) {
    QuestionsReport r;
    for (QuestionSource src : {QuestionSource::Show, QuestionSource::Import, QuestionSource::Web,
                               QuestionSource::Producer}) {
        QuestionTally t;
        t.id = t.label = toName(src);
        r.sources.push_back(std::move(t));
    }
    r.total.label = "total";
    for (const std::string& topic : queue.topics()) r.topics.push_back({{}, topic});
    QuestionTally noTopic{{}, "(no topic)"};
    std::vector<QuestionTally> people(show.people.size());
    for (std::size_t i = 0; i < show.people.size(); ++i)
        people[i] = {show.people[i].id, show.people[i].name};
    std::vector<QuestionTally> strangers;   // for a person id the show does not have
    QuestionTally anyone{{}, "(anyone)"};

    std::vector<const LiveQuestion*> answered;
    std::vector<const LiveQuestion*> open;
    for (const LiveQuestion& q : queue.all()) {
        count(r.sources[static_cast<std::size_t>(q.source)], q.state);
        count(r.total, q.state);
        bool labelled = false;
        for (const std::string& topic : q.topics)
            for (QuestionTally& t : r.topics)
                if (t.label == topic) {
                    count(t, q.state);
                    labelled = true;
                }
        if (!labelled) count(noTopic, q.state);
        if (q.forPerson.empty()) {
            count(anyone, q.state);
        } else if (const Person* p = show.findPerson(q.forPerson)) {
            count(people[static_cast<std::size_t>(p - show.people.data())], q.state);
        } else {
            auto it = std::find_if(strangers.begin(), strangers.end(),
                                   [&](const QuestionTally& t) { return t.id == q.forPerson; });
            if (it == strangers.end()) {
                strangers.push_back({q.forPerson, q.forPerson});
                it = strangers.end() - 1;
            }
            count(*it, q.state);
        }
        if (q.state == QuestionState::Answered) answered.push_back(&q);
        if (q.state == QuestionState::Approved || q.state == QuestionState::OnAir)
            open.push_back(&q);
        if (q.state == QuestionState::Pending) ++r.unmoderated;
    }
    if (noTopic.asked > 0) r.topics.push_back(std::move(noTopic));
    for (std::size_t i = 0; i < show.people.size(); ++i)
        if (show.people[i].role == Role::Guest || people[i].asked > 0)
            r.guests.push_back(std::move(people[i]));
    for (auto& t : strangers) r.guests.push_back(std::move(t));
    if (anyone.asked > 0) r.guests.push_back(std::move(anyone));

    std::stable_sort(answered.begin(), answered.end(), [](const LiveQuestion* a, const LiveQuestion* b) {
        return a->answeredMs.value_or(0) < b->answeredMs.value_or(0);
    });
    const std::int64_t startMs = state.startedAtMs.value_or(0);
    for (const LiveQuestion* q : answered) {
        QuestionReportRow row = questionRow(show, queue, *q);
        row.number = static_cast<int>(r.answered.size()) + 1;
        if (q->answeredMs) row.intoShowMs = shownMs(*q->answeredMs - startMs);
        row.segmentId = q->answeredSegmentId;
        if (const Segment* seg = show.findSegment(q->answeredSegmentId)) row.segmentTitle = seg->title;
        else row.segmentTitle = q->answeredSegmentId;
        r.answered.push_back(std::move(row));
    }

    std::vector<QuestionReportRow> followUps;
    for (const LiveQuestion* q : open) followUps.push_back(questionRow(show, queue, *q));
    std::stable_sort(followUps.begin(), followUps.end(),
                     [](const QuestionReportRow& a, const QuestionReportRow& b) { return a.votes > b.votes; });
    if (followUps.size() > kMaxFollowUps) followUps.resize(kMaxFollowUps);
    for (std::size_t i = 0; i < followUps.size(); ++i) followUps[i].number = static_cast<int>(i) + 1;
    r.followUps = std::move(followUps);
    return r;
}

TalkReport buildTalkReport(const Show& show, const std::vector<TrackTalk>& talk) {
    TalkReport out;
    out.maxCompanyShare = show.guidelines.maxCompanyShare;
    const RundownAnalysis plan = analyzeRundown(show);
    Seconds plannedTotal = 0;
    for (const Airtime& a : plan.perSpeaker) plannedTotal += a.seconds;
    std::map<std::string, std::int64_t> byPerson;
    std::vector<const TrackTalk*> unbound;
    for (const TrackTalk& t : talk) {
        out.totalTalkMs += t.talkMs;
        if (t.person.empty() || !show.findPerson(t.person)) unbound.push_back(&t);
        else byPerson[t.person] += t.talkMs;
    }
    auto pct = [](double part, double whole) { return whole > 0 ? 100.0 * part / whole : 0.0; };
    std::map<std::string, TalkReportRow> companies;
    std::int64_t guestTalk = 0;
    Seconds guestPlanned = 0;
    for (const Person& p : show.people) {
        const auto measured = byPerson.find(p.id);
        const auto planned = std::find_if(plan.perSpeaker.begin(), plan.perSpeaker.end(),
                                          [&](const Airtime& a) { return a.key == p.id; });
        if (measured == byPerson.end() && planned == plan.perSpeaker.end()) continue;
        TalkReportRow row;
        row.key = p.id;
        row.name = p.name;
        row.company = p.company;
        row.plannedMs = planned == plan.perSpeaker.end() ? 0 : planned->seconds * 1000;
        row.talkMs = measured == byPerson.end() ? 0 : measured->second;
        out.speakers.push_back(row);
        if (p.role == Role::Guest && !p.company.empty()) {
            TalkReportRow& c = companies[p.company];
            c.key = c.name = p.company;
            c.plannedMs += row.plannedMs;
            c.talkMs += row.talkMs;
        }
        if (p.role == Role::Guest) {
            guestTalk += row.talkMs;
            guestPlanned += row.plannedMs / 1000;
        }
    }
    for (const TrackTalk* t : unbound) {
        TalkReportRow row;
        row.key = row.name = t->name;
        row.talkMs = t->talkMs;
        out.speakers.push_back(row);
    }
    for (TalkReportRow& row : out.speakers) {
        row.plannedShare = pct(static_cast<double>(row.plannedMs), static_cast<double>(plannedTotal) * 1000.0);
        row.share = pct(static_cast<double>(row.talkMs), static_cast<double>(out.totalTalkMs));
    }
    for (auto& [name, c] : companies) {
        c.plannedShare = pct(static_cast<double>(c.plannedMs), static_cast<double>(guestPlanned) * 1000.0);
        c.share = pct(static_cast<double>(c.talkMs), static_cast<double>(guestTalk));
        c.overLimit = companyOverLimit(c.share, companies.size(), show.guidelines);
        out.companies.push_back(c);
    }
    std::stable_sort(out.companies.begin(), out.companies.end(),
                     [](const TalkReportRow& a, const TalkReportRow& b) { return a.talkMs > b.talkMs; });
    return out;
}

SessionReport buildReport(const Show& show, const RunnerState& state, const std::string& date,
                          const QuestionQueue* questions, const std::vector<TrackTalk>* talk) {
    SessionReport r;
    if (questions && !questions->all().empty())
        r.questions = buildQuestionsReport(show, state, *questions);
    if (talk && !talk->empty()) r.talk = buildTalkReport(show, *talk);
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

    struct OnAir {
        std::int64_t planned = 0;
        std::int64_t actual = 0;
        bool speaks = false;
    };
    std::vector<OnAir> airtime(show.people.size());
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
                OnAir& a = airtime[static_cast<std::size_t>(p - show.people.data())];
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

std::string renderTalkMarkdown(const TalkReport& t) {
    auto percent = [](double v) { return formatPercent(v, 0); };
    std::string md = "\n## Airtime measured from the recording\n\n";
    md += "Talk time from each microphone's voice activity; a voice heard in another mic (bleed) "
          "counts only for the loudest. Plan: each segment's time shared equally by its speakers.\n\n";
    md += "| Speaker | Company | Planned | Share planned | Talked | Share |\n";
    md += "|---|---|---:|---:|---:|---:|\n";
    for (const auto& s : t.speakers)
        md += "| " + markdownCell(s.name) + " | " + markdownCell(s.company) + " | " +
              formatDurationMs(s.plannedMs) + " | " + percent(s.plannedShare) + " | " +
              formatDurationMs(shownMs(s.talkMs)) + " | " + percent(s.share) + " |\n";
    md += "| **Total talk** | | | | **" + formatDurationMs(shownMs(t.totalTalkMs)) + "** | |\n";
    if (!t.companies.empty()) {
        md += "\nCompanies (guests only; limit " + percent(t.maxCompanyShare) +
              " of guests' talk):\n\n";
        md += "| Company | Share planned | Talked | Share | |\n|---|---:|---:|---:|---|\n";
        for (const auto& c : t.companies)
            md += "| " + markdownCell(c.name) + " | " + percent(c.plannedShare) + " | " +
                  formatDurationMs(shownMs(c.talkMs)) + " | " + percent(c.share) + " | " +
                  (c.overLimit ? "**over the limit**" : "within the limit") + " |\n";
    }
    return md;
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
    if (r.talk) md += renderTalkMarkdown(*r.talk);
    if (r.questions) md += renderQuestionsMarkdown(*r.questions);
    return md;
}

std::string renderReportCsv(const SessionReport& r, bool bom) {
    // For spreadsheets: UTF-8 BOM (unless printed), cells quoted and formula-neutralized by the
    // shared writer; seconds such as "-12.345" are plain numbers and stay numbers.
    CsvWriter csv(bom, "\n");
    // The timing columns, then the questions' (empty on timing rows, and the other way round).
    constexpr std::size_t kTimingColumns = 12;
    std::vector<std::string> header{"section", "number", "id", "name", "kind", "company", "role",
                                    "planned_s", "extension_s", "actual_s", "difference_s", "status",
                                    "text", "asker", "for", "topics", "source", "votes",
                                    "into_show_s", "segment_id", "segment", "asked", "pending",
                                    "approved", "answered", "dismissed", "merged"};
    const std::size_t width = header.size();
    csv.row(header);
    auto timing = [&](std::vector<std::string> cells) {
        cells.resize(width);
        csv.row(cells);
    };
    for (const auto& row : r.segments)
        timing({"segment", std::to_string(row.number), row.id, row.title, toName(row.kind), "", "",
                csvSeconds(row.plannedMs), csvSeconds(row.extensionMs), csvSeconds(row.actualMs),
                csvSeconds(row.differenceMs), statusWord(row)});
    for (const auto& s : r.speakers)
        timing({"speaker", "", s.personId, s.name, "", s.company, toName(s.role), csvSeconds(s.plannedMs), "",
                csvSeconds(s.actualMs), csvSeconds(s.differenceMs), overUnderWord(s.differenceMs)});
    if (r.talk) {
        for (const auto& s : r.talk->speakers)
            timing({"talk-speaker", "", s.key, s.name, "", s.company, "", csvSeconds(s.plannedMs), "",
                    csvSeconds(s.talkMs), csvSeconds(s.talkMs - s.plannedMs), ""});
        for (const auto& c : r.talk->companies)
            timing({"talk-company", "", c.key, c.name, "", c.name, "", csvSeconds(c.plannedMs), "",
                    csvSeconds(c.talkMs), csvSeconds(c.talkMs - c.plannedMs),
                    c.overLimit ? "over-limit" : "within-limit"});
    }
    timing({"total", "", "", r.title, "", "", "", csvSeconds(r.plannedTotalMs), "", csvSeconds(r.actualTotalMs),
            csvSeconds(r.differenceMs), overUnderWord(r.differenceMs)});
    if (!r.questions) return csv.text();

    const QuestionsReport& q = *r.questions;
    auto tally = [&](const char* section, const QuestionTally& t) {
        std::vector<std::string> cells(width);
        cells[0] = section;
        cells[2] = t.id;
        cells[3] = t.label;
        std::size_t at = width - 6;
        for (int n : {t.asked, t.pending, t.approved, t.answered, t.dismissed, t.merged})
            cells[at++] = std::to_string(n);
        csv.row(cells);
    };
    auto question = [&](const char* section, const QuestionReportRow& row) {
        std::vector<std::string> cells(width);
        cells[0] = section;
        cells[1] = std::to_string(row.number);
        cells[2] = row.id;
        cells[11] = toName(row.state);
        std::size_t at = kTimingColumns;
        for (std::string v : {row.text, row.asker, row.forName, joined(row.topics),
                              std::string(toName(row.source)), std::to_string(row.votes),
                              row.intoShowMs ? csvSeconds(*row.intoShowMs) : std::string(),
                              row.segmentId, row.segmentTitle})
            cells[at++] = std::move(v);
        csv.row(cells);
    };
    for (const auto& t : q.sources) tally("question-source", t);
    tally("question-total", q.total);
    for (const auto& a : q.answered) question("question-answered", a);
    for (const auto& f : q.followUps) question("question-follow-up", f);
    for (const auto& t : q.topics) tally("question-topic", t);
    for (const auto& t : q.guests) tally("question-guest", t);
    return csv.text();
}

Status writeReportFiles(const std::filesystem::path& dir, const SessionReport& report) {
    Status md = writeFileAtomically(dir / kSessionReportMarkdown,
                                        renderReportMarkdown(report), false);
    if (!md.ok()) return md;
    return writeFileAtomically(dir / kSessionReportCsv, renderReportCsv(report), false);
}

}  // namespace pycast
