// What a session achieved, built from its snapshot and measured talk: time, balance, audience,
// and the summary paragraph in Traditional Chinese and English (pure; any thread).
#include "live/insights.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "core/display_time.hpp"
#include "core/duration.hpp"
#include "core/poll_board.hpp"
#include "core/rundown.hpp"
#include "core/text.hpp"
#include "live/recorded_airtime.hpp"
#include "live/session.hpp"

namespace pycast {

double roundPercent(double value) {
    if (!std::isfinite(value)) return 0;
    return std::round(value * 10.0) / 10.0;  // std::round: half away from zero
}

std::string formatInsightPercent(double percent) { return formatPercent(roundPercent(percent), 1); }

const char* toName(BalanceSource s) {
    return s == BalanceSource::Measured ? "measured" : "plan-on-actual-times";
}

const AirtimeInsightRow* BalanceInsights::companyOverLimit() const {
    for (const auto& c : companies)  // most airtime first: the first over is the largest
        if (c.overLimit) return &c;
    return nullptr;
}

std::vector<const AirtimeInsightRow*> BalanceInsights::topCompanies() const {
    std::vector<const AirtimeInsightRow*> out;
    if (guestsActualMs <= 0 || companies.empty()) return out;
    // Ties are by the share as shown: two companies printed at 33.3% are both the top.
    const double top = companies.front().actualPercent;
    for (const auto& c : companies)
        if (c.actualPercent == top) out.push_back(&c);
    return out;
}

std::string BalanceInsights::topCompanyNames() const {
    std::string out;
    for (const AirtimeInsightRow* c : topCompanies()) out += (out.empty() ? "" : " / ") + c->name;
    return out;
}

std::string insightsHeading(const SessionInsights& s) {
    std::string heading = s.series;
    if (s.episode) heading += (heading.empty() ? "Episode " : " EP") + std::to_string(*s.episode);
    if (!s.title.empty()) heading += (heading.empty() ? "" : ": ") + s.title;
    if (heading.empty()) heading = s.dir.filename().string();
    if (heading.empty()) heading = "(untitled show)";
    return heading;
}

namespace {

double percentOf(std::int64_t part, std::int64_t whole) {
    return whole > 0 ? roundPercent(100.0 * static_cast<double>(part) / static_cast<double>(whole))
                     : 0.0;
}

TimeInsights timeInsights(const Show& show, const SessionReport& report, const RunnerState& state) {
    TimeInsights t;
    t.segments = report.segments;
    for (const SegmentReportRow& row : report.segments) {
        const auto i = static_cast<std::size_t>(row.number - 1);
        t.segmentTechnical.push_back(i < show.rundown.size() && isTechnical(show.rundown[i]));
    }
    if (show.meta.hardOut) t.plannedHardOutTodMs = shownMs(*show.meta.hardOut * 1000LL);
    t.scheduleShiftMs = state.scheduleShiftMs;
    t.plannedTotalMs = report.plannedTotalMs;
    t.actualTotalMs = report.actualTotalMs;
    t.differenceMs = report.differenceMs;
    t.pausedMs = report.pausedMs;
    t.ended = report.ended;
    t.started = state.startedAtMs.has_value();
    if (report.startTodMs) t.startTodMs = shownMs(*report.startTodMs);
    if (report.endTodMs) t.endTodMs = shownMs(*report.endTodMs);
    // The runner places the hard out (with any schedule shift) in session ms; the show's end
    // is when it ended, or its last event for an interrupted one.
    if (state.hardOutMs && state.startedAtMs) {
        const std::int64_t endMs = state.endedAtMs ? *state.endedAtMs : state.nowMs;
        t.hardOutMarginMs = shownMs(*state.hardOutMs - endMs);
        if (auto tod = state.toTimeOfDayMs(*state.hardOutMs))
            t.hardOutTodMs = shownMs(*tod);
        else
            t.hardOutMarginMs.reset();
        // An interrupted session has no end: whether it kept the hard out is not known.
        if (!t.ended) t.hardOutMarginMs.reset();
    }
    return t;
}

BalanceInsights balanceInsights(const Show& show, const SessionReport& report) {
    BalanceInsights b;
    b.maxCompanySharePercent = show.guidelines.maxCompanyShare;
    b.techShareMinPercent = show.guidelines.techShareMin;
    b.techShareMaxPercent = show.guidelines.techShareMax;
    auto roleOf = [&](const std::string& id) {
        const Person* p = show.findPerson(id);
        return p ? p->role : Role::Guest;
    };
    auto isGuest = [&](const std::string& id) {
        const Person* p = show.findPerson(id);
        return p && p->role == Role::Guest;
    };

    if (report.talk) {
        // Measured: TalkReport's rows and shares, cut to what is shown.
        b.source = BalanceSource::Measured;
        for (const TalkReportRow& r : report.talk->speakers) {
            AirtimeInsightRow row;
            row.key = r.key;
            row.name = r.name;
            row.company = r.company;
            row.role = roleOf(r.key);
            row.plannedMs = shownMs(r.plannedMs);
            row.actualMs = shownMs(r.talkMs);
            row.plannedPercent = roundPercent(r.plannedShare);
            row.actualPercent = roundPercent(r.share);
            b.speakersActualMs += row.actualMs;
            if (isGuest(r.key)) b.guestsActualMs += row.actualMs;
            b.speakers.push_back(std::move(row));
        }
        for (const TalkReportRow& c : report.talk->companies) {
            AirtimeInsightRow row;
            row.key = c.key;
            row.name = c.name;
            row.plannedMs = shownMs(c.plannedMs);
            row.actualMs = shownMs(c.talkMs);
            row.plannedPercent = roundPercent(c.plannedShare);
            row.actualPercent = roundPercent(c.share);
            b.companies.push_back(std::move(row));
        }
    } else {
        // Plan-based: the runner's actual segment times shared equally by the planned speakers
        // (buildReport's speaker rows), cut to whole seconds.
        b.source = BalanceSource::PlanOnActualTimes;
        std::int64_t plannedAll = 0;
        std::int64_t guestsPlanned = 0;
        for (const SpeakerReportRow& s : report.speakers) {
            AirtimeInsightRow row;
            row.key = s.personId;
            row.name = s.name;
            row.company = s.company;
            row.role = s.role;
            row.plannedMs = shownMs(s.plannedMs);
            row.actualMs = shownMs(s.actualMs);
            plannedAll += row.plannedMs;
            b.speakersActualMs += row.actualMs;
            if (isGuest(s.personId)) {
                b.guestsActualMs += row.actualMs;
                guestsPlanned += row.plannedMs;
            }
            b.speakers.push_back(std::move(row));
        }
        for (AirtimeInsightRow& row : b.speakers) {
            row.plannedPercent = percentOf(row.plannedMs, plannedAll);
            row.actualPercent = percentOf(row.actualMs, b.speakersActualMs);
        }
        for (const AirtimeInsightRow& s : b.speakers) {
            if (!isGuest(s.key) || s.company.empty()) continue;
            auto it = std::find_if(b.companies.begin(), b.companies.end(),
                                   [&](const AirtimeInsightRow& c) { return c.key == s.company; });
            if (it == b.companies.end()) {
                AirtimeInsightRow c;
                c.key = c.name = s.company;
                b.companies.push_back(std::move(c));
                it = b.companies.end() - 1;
            }
            it->plannedMs += s.plannedMs;
            it->actualMs += s.actualMs;
        }
        for (AirtimeInsightRow& c : b.companies) {
            c.plannedPercent = percentOf(c.plannedMs, guestsPlanned);
            c.actualPercent = percentOf(c.actualMs, b.guestsActualMs);
        }
        std::stable_sort(b.companies.begin(), b.companies.end(),
                         [](const AirtimeInsightRow& x, const AirtimeInsightRow& y) {
                             return x.actualMs > y.actualMs;
                         });
    }
    for (AirtimeInsightRow& c : b.companies)
        c.overLimit = companyOverLimit(c.actualPercent, b.companies.size(), show.guidelines);

    for (const SegmentReportRow& row : report.segments) {
        const auto i = static_cast<std::size_t>(row.number - 1);
        if (i >= show.rundown.size() || row.kind == SegmentKind::Break) continue;
        b.contentActualMs += row.actualMs;
        if (isTechnical(show.rundown[i])) b.technicalActualMs += row.actualMs;
    }
    b.technicalActualPercent = percentOf(b.technicalActualMs, b.contentActualMs);
    b.technicalPlannedPercent = roundPercent(analyzeRundown(show).technicalShare);
    return b;
}

PollInsight pollInsight(const LivePoll& poll) {
    PollInsight p;
    p.id = poll.id;
    p.question = poll.question;
    p.state = toName(poll.state);
    p.fromShow = poll.fromShow;
    p.totalVotes = poll.totalVotes();
    const std::vector<int> counts = poll.counts();
    int best = 0;
    for (int c : counts) best = std::max(best, c);
    for (std::size_t i = 0; i < poll.options.size(); ++i) {
        PollOptionInsight o;
        o.label = poll.options[i];
        o.votes = i < counts.size() ? counts[i] : 0;
        o.percent = percentOf(o.votes, p.totalVotes);
        o.winner = best > 0 && o.votes == best;
        if (o.winner) p.winner += (p.winner.empty() ? "" : " / ") + o.label;
        p.options.push_back(std::move(o));
    }
    return p;
}

// What a session is made of, from a snapshot read from disk or from the live Session.
struct SessionParts {
    const std::filesystem::path& dir;
    const Show& show;
    const RunnerState& state;
    const std::string& date;
    const QuestionQueue& questions;
    const PollBoard& polls;
    const AudienceLog& audience;
};

AudienceInsights audienceInsights(const SessionParts& snap, const RunnerState& state) {
    AudienceInsights a;
    const QuestionsReport q = buildQuestionsReport(snap.show, state, snap.questions);
    a.questions = q.total;
    a.topics = q.topics;
    a.guests = q.guests;
    a.leftOver = q.total.approved - q.total.answered;

    std::set<std::string> asked;
    std::set<std::string> voted;
    std::vector<std::int64_t> waits;
    for (const LiveQuestion& lq : snap.questions.all()) {
        if (!lq.device.empty()) asked.insert(lq.device);
        voted.insert(lq.voters.begin(), lq.voters.end());
        if (lq.state != QuestionState::Answered || !lq.answeredMs) continue;
        if (!state.endedAtMs || *lq.answeredMs <= *state.endedAtMs) ++a.answeredInShow;
        if (lq.source == QuestionSource::Web || lq.source == QuestionSource::Producer)
            waits.push_back(std::max<std::int64_t>(0, *lq.answeredMs - lq.submittedMs));
    }
    // Poll ballots are one per device per poll; a device that voted in a poll and on a
    // question counts once.
    // A draft never reached a phone: it is no result.
    for (const LivePoll& poll : snap.polls.all()) {
        if (poll.state == PollState::Draft) continue;
        for (const PollBallot& b : poll.ballots) voted.insert(b.device);
        a.polls.push_back(pollInsight(poll));
    }
    // A device that asked or voted had the page open, even when its visit was not recorded.
    std::set<std::string> opened = asked;
    opened.insert(voted.begin(), voted.end());
    for (const AudienceVisit& v : snap.audience.visits) opened.insert(v.device);
    a.devicesOpened = static_cast<int>(opened.size());
    a.devicesAsked = static_cast<int>(asked.size());
    a.devicesVoted = static_cast<int>(voted.size());
    a.waitedQuestions = static_cast<int>(waits.size());
    if (!waits.empty()) {
        std::sort(waits.begin(), waits.end());
        const std::size_t n = waits.size();
        const std::int64_t median = n % 2 ? waits[n / 2] : (waits[n / 2 - 1] + waits[n / 2]) / 2;
        a.medianWaitMs = shownMs(median);
    }
    return a;
}

// --- The summary --------------------------------------------------------------------------

std::string pct(double v) { return formatInsightPercent(v); }
std::string dur(std::int64_t ms) { return formatDurationMs(ms < 0 ? -ms : ms); }
std::string tod(std::int64_t ms) { return formatTimeOfDay(ms / 1000); }

// " (21:00 in the show, moved with the late start)" when the runner moved the hard out.
std::string movedEn(const TimeInsights& t) {
    if (!t.hardOutMoved()) return "";
    return " (" + tod(*t.plannedHardOutTodMs) + " in the show, moved with the " +
           (t.scheduleShiftMs < 0 ? "early" : "late") + " start)";
}

// Ends with the space that follows the time in the sentence when there is no note.
std::string movedZh(const TimeInsights& t) {
    if (!t.hardOutMoved()) return " ";
    return "（節目原訂 " + tod(*t.plannedHardOutTodMs) + "，隨" +
           (t.scheduleShiftMs < 0 ? "提早" : "延後") + "開始而調整）";
}

// "the show ran 03:10 over its 40:00 plan (43:10 on air) and missed the 20:05 hard out by 08:10."
std::string timeSentenceEn(const TimeInsights& t) {
    std::string out =
        t.ended ? "the show " : "the session did not end; as of its last event the show ";
    const std::string word = overUnderWord(t.differenceMs);
    if (word == "over")
        out += "ran " + dur(t.differenceMs) + " over its " + dur(t.plannedTotalMs) + " plan";
    else if (word == "under")
        out += "ran " + dur(t.differenceMs) + " under its " + dur(t.plannedTotalMs) + " plan";
    else
        out += "ran to its " + dur(t.plannedTotalMs) + " plan";
    out += " (" + dur(t.actualTotalMs) + " on air";
    if (t.pausedMs > 0) out += ", " + dur(t.pausedMs) + " on hold";
    out += ")";
    if (t.hardOutTodMs && t.hardOutMarginMs) {
        if (t.hardOutKept())
            out += " and kept the " + tod(*t.hardOutTodMs) + " hard out" + movedEn(t) + " with " +
                   dur(*t.hardOutMarginMs) + " to spare";
        else
            out += " and missed the " + tod(*t.hardOutTodMs) + " hard out" + movedEn(t) + " by " +
                   dur(*t.hardOutMarginMs);
    } else if (t.hardOutTodMs) {
        out += "; the " + tod(*t.hardOutTodMs) + " hard out" + movedEn(t) +
               " is not known: the session did not end";
    }
    return out + ".";
}

std::string timeSentenceZh(const TimeInsights& t) {
    std::string out = t.ended ? "" : "場次未正常結束，以最後一筆紀錄為準，";
    out += "節目原訂 " + dur(t.plannedTotalMs) + "，實際播出 " + dur(t.actualTotalMs);
    const std::string word = overUnderWord(t.differenceMs);
    if (word == "over")
        out += "，超時 " + dur(t.differenceMs);
    else if (word == "under")
        out += "，提早 " + dur(t.differenceMs) + " 結束";
    else
        out += "，準時";
    if (t.pausedMs > 0) out += "（另暫停 " + dur(t.pausedMs) + "）";
    if (t.hardOutTodMs && t.hardOutMarginMs) {
        if (t.hardOutKept())
            out += "，在最晚結束時間 " + tod(*t.hardOutTodMs) + movedZh(t) + "前收播（尚餘 " +
                   dur(*t.hardOutMarginMs) + "）";
        else
            out += "，超過最晚結束時間 " + tod(*t.hardOutTodMs) + movedZh(t) + "共 " +
                   dur(*t.hardOutMarginMs);
    } else if (t.hardOutTodMs) {
        out +=
            "；最晚結束時間 " + tod(*t.hardOutTodMs) + movedZh(t) + "是否守住無法得知：場次未結束";
    }
    return out + "。";
}

// A session that never went on air: what was planned and who opened the page, nothing about
// shares, limits, over/under or questions (none of it happened).
std::string neverOnAirEn(const SessionInsights& s) {
    const TimeInsights& t = s.time;
    const AudienceInsights& a = s.audience;
    std::string out =
        "the show never went on air in this session (" + dur(t.plannedTotalMs) + " planned" +
        (t.plannedHardOutTodMs ? ", hard out " + tod(*t.plannedHardOutTodMs) : "") + "); " +
        std::to_string(a.devicesOpened) + (a.devicesOpened == 1 ? " device" : " devices") +
        " opened the audience page, " + std::to_string(a.devicesAsked) + " asked and " +
        std::to_string(a.devicesVoted) + " voted.";
    return out;
}

std::string neverOnAirZh(const SessionInsights& s) {
    const TimeInsights& t = s.time;
    const AudienceInsights& a = s.audience;
    return "本場次節目未曾開播（原訂 " + dur(t.plannedTotalMs) +
           (t.plannedHardOutTodMs ? "，最晚結束時間 " + tod(*t.plannedHardOutTodMs) : "") + "）；" +
           std::to_string(a.devicesOpened) + " 個裝置開啟了觀眾頁面，" +
           std::to_string(a.devicesAsked) + " 個提問、" + std::to_string(a.devicesVoted) +
           " 個投票。";
}

std::string pollSentencesEn(const AudienceInsights& a) {
    std::string out;
    for (const PollInsight& p : a.polls) {
        if (p.totalVotes == 0) continue;
        const auto win = std::find_if(p.options.begin(), p.options.end(),
                                      [](const PollOptionInsight& o) { return o.winner; });
        out += " In the poll \"" + p.question + "\"" +
               (p.state == "closed" ? "" : " (still " + p.state + ")") + ", \"" + p.winner + "\" ";
        out += p.winner.find(" / ") != std::string::npos ? "tied with " : "won with ";
        out += pct(win->percent) + " of " + std::to_string(p.totalVotes) +
               (p.totalVotes == 1 ? " vote." : " votes.");
    }
    return out;
}

std::string pollSentencesZh(const AudienceInsights& a) {
    std::string out;
    for (const PollInsight& p : a.polls) {
        if (p.totalVotes == 0) continue;
        const auto win = std::find_if(p.options.begin(), p.options.end(),
                                      [](const PollOptionInsight& o) { return o.winner; });
        out += "投票「" + p.question + "」" + (p.state == "closed" ? "" : "（仍在進行）");
        out += p.winner.find(" / ") != std::string::npos ? "由「" + p.winner + "」並列最高"
                                                         : "由「" + p.winner + "」勝出";
        out += "，得票 " + pct(win->percent) + "（共 " + std::to_string(p.totalVotes) + " 票）。";
    }
    return out;
}

std::string summaryEnglish(const SessionInsights& s) {
    std::string out = insightsHeading(s) + (s.date.empty() ? "" : " (" + s.date + ")") + ": ";
    if (!s.time.started) return out + neverOnAirEn(s) + pollSentencesEn(s.audience);
    out += timeSentenceEn(s.time);
    const BalanceInsights& b = s.balance;
    const std::string how =
        b.source == BalanceSource::Measured
            ? "measured from the recording"
            : "estimated from the plan on the actual segment times, not measured";
    const std::vector<const AirtimeInsightRow*> leaders = b.topCompanies();
    if (!b.companies.empty() && leaders.empty()) {
        out += " No guest spoke, so no company had a share of the guests' airtime.";
    } else if (leaders.size() > 1) {
        const AirtimeInsightRow& top = *leaders.front();
        out += " " + b.topCompanyNames() + " tied at " + pct(top.actualPercent) +
               " each of the guests' airtime (" + how + "), ";
        out += top.overLimit ? "over the " + pct(b.maxCompanySharePercent) + " limit."
                             : "within the " + pct(b.maxCompanySharePercent) + " limit.";
    } else if (!leaders.empty()) {
        const AirtimeInsightRow& top = *leaders.front();
        out += " " + top.name + " had " + pct(top.actualPercent) + " of the guests' airtime (" +
               how + "; planned " + pct(top.plannedPercent) + "), ";
        if (top.overLimit)
            out += "over the " + pct(b.maxCompanySharePercent) + " limit.";
        else if (b.companies.size() == 1)
            out += "the only company on the stage.";
        else
            out += "within the " + pct(b.maxCompanySharePercent) + " limit.";
    } else if (!b.speakers.empty()) {
        out += " No guest spoke for a company (airtime " + how + ").";
    }
    if (b.contentActualMs > 0) {
        out += " Technical content took " + pct(b.technicalActualPercent) +
               " of the content time (planned " + pct(b.technicalPlannedPercent) + "), ";
        if (b.technicalActualPercent < b.techShareMinPercent)
            out += "below";
        else if (b.technicalActualPercent > b.techShareMaxPercent)
            out += "above";
        else
            out += "within";
        out += " the show's " + pct(b.techShareMinPercent) + "–" + pct(b.techShareMaxPercent) +
               " range.";
    }

    const AudienceInsights& a = s.audience;
    out += " " + std::to_string(a.devicesOpened) + (a.devicesOpened == 1 ? " device" : " devices") +
           " opened the audience page, " + std::to_string(a.devicesAsked) + " asked and " +
           std::to_string(a.devicesVoted) + " voted. ";
    out += std::to_string(a.questions.asked) +
           (a.questions.asked == 1 ? " question was" : " questions were") + " asked, " +
           std::to_string(a.questions.approved) + " approved, " + std::to_string(a.answeredInShow) +
           " answered during the show and " + std::to_string(a.leftOver) + " approved left over";
    if (a.medianWaitMs) out += "; the median wait for an answer was " + dur(*a.medianWaitMs);
    out += ".";
    return out + pollSentencesEn(a);
}

std::string summaryChinese(const SessionInsights& s) {
    std::string out = insightsHeading(s) + (s.date.empty() ? "" : "（" + s.date + "）") + "：";
    if (!s.time.started) return out + neverOnAirZh(s) + pollSentencesZh(s.audience);
    out += timeSentenceZh(s.time);
    const BalanceInsights& b = s.balance;
    const std::string how =
        b.source == BalanceSource::Measured ? "依錄音測得" : "依企劃按實際段落時間估算，非實測";
    const std::vector<const AirtimeInsightRow*> leaders = b.topCompanies();
    if (!b.companies.empty() && leaders.empty()) {
        out += "沒有來賓發言，因此沒有公司發言占比。";
    } else if (leaders.size() > 1) {
        const AirtimeInsightRow& top = *leaders.front();
        out += b.topCompanyNames() + " 並列最高，各佔來賓發言時間 " + pct(top.actualPercent) +
               "（" + how + "），";
        out += top.overLimit ? "超過 " + pct(b.maxCompanySharePercent) + " 上限。"
                             : "未超過 " + pct(b.maxCompanySharePercent) + " 上限。";
    } else if (!leaders.empty()) {
        const AirtimeInsightRow& top = *leaders.front();
        out += top.name + " 佔來賓發言時間 " + pct(top.actualPercent) + "（" + how + "；原訂 " +
               pct(top.plannedPercent) + "），";
        if (top.overLimit)
            out += "超過 " + pct(b.maxCompanySharePercent) + " 上限。";
        else if (b.companies.size() == 1)
            out += "是台上唯一的公司。";
        else
            out += "未超過 " + pct(b.maxCompanySharePercent) + " 上限。";
    } else if (!b.speakers.empty()) {
        out += "沒有代表公司發言的來賓（發言時間" + how + "）。";
    }
    if (b.contentActualMs > 0) {
        out += "技術內容佔內容時間 " + pct(b.technicalActualPercent) + "（原訂 " +
               pct(b.technicalPlannedPercent) + "），";
        const std::string range = pct(b.techShareMinPercent) + "–" + pct(b.techShareMaxPercent);
        if (b.technicalActualPercent < b.techShareMinPercent)
            out += "低於節目設定的 " + range + " 範圍。";
        else if (b.technicalActualPercent > b.techShareMaxPercent)
            out += "高於節目設定的 " + range + " 範圍。";
        else
            out += "在節目設定的 " + range + " 範圍內。";
    }

    const AudienceInsights& a = s.audience;
    out += std::to_string(a.devicesOpened) + " 個裝置開啟了觀眾頁面，" +
           std::to_string(a.devicesAsked) + " 個提問、" + std::to_string(a.devicesVoted) +
           " 個投票。";
    out += "共收到 " + std::to_string(a.questions.asked) + " 個問題，核准 " +
           std::to_string(a.questions.approved) + " 個，節目中回答 " +
           std::to_string(a.answeredInShow) + " 個，已核准未回答 " + std::to_string(a.leftOver) +
           " 個";
    if (a.medianWaitMs) out += "；從提問到回答的等候時間中位數為 " + dur(*a.medianWaitMs);
    out += "。";
    return out + pollSentencesZh(a);
}

SessionInsights buildFrom(const SessionParts& parts, const std::vector<TrackTalk>* measured) {
    SessionInsights s;
    const RunnerState& state = parts.state;
    const SessionReport report = buildReport(parts.show, state, parts.date, nullptr, measured);
    s.dir = parts.dir;
    s.title = report.title;
    s.series = report.series;
    s.episode = report.episode;
    s.date = report.date;
    s.kind = parts.show.meta.kind;
    s.time = timeInsights(parts.show, report, state);
    s.balance = balanceInsights(parts.show, report);
    s.audience = audienceInsights(parts, state);
    s.summaryEn = summaryEnglish(s);
    s.summaryZh = summaryChinese(s);
    return s;
}

}  // namespace

SessionInsights buildSessionInsights(const SessionSnapshot& snap,
                                     const std::vector<TrackTalk>* measured) {
    const RunnerState state = snap.runner.state(snap.lastEventMs);
    return buildFrom(
        {snap.dir, snap.show, state, snap.startDate, snap.questions, snap.polls, snap.audience},
        measured);
}

SessionInsights buildSessionInsights(const Session& session,
                                     const std::vector<TrackTalk>* measured) {
    const RunnerState state = session.runner().state(session.sessionMs());
    return buildFrom({session.dir(), session.show(), state, session.startDate(),
                      session.questions(), session.polls(), session.audience()},
                     measured);
}

Result<SessionInsights> loadSessionInsights(const std::filesystem::path& dir) {
    Result<SessionSnapshot> loaded = loadSessionSnapshot(dir);
    std::vector<std::string> warnings = loaded.warnings;
    if (!loaded) {
        Result<SessionInsights> failed(loaded.error());
        failed.warnings = std::move(warnings);
        return failed;
    }
    Result<std::vector<TrackTalk>> talk = measureRecordedTalk(loaded->dir, loaded->recording);
    warnings.insert(warnings.end(), talk.warnings.begin(), talk.warnings.end());
    if (!talk)
        warnings.push_back("the measured airtime was left out (" + talk.error().message() +
                           "); the balance is estimated from the plan");
    const std::vector<TrackTalk> none;
    Result<SessionInsights> out = buildSessionInsights(*loaded, talk ? &*talk : &none);
    out.warnings = std::move(warnings);
    return out;
}

}  // namespace pycast
