// The rules of a show: unique ids, known references, real texts and dates, lengths that fit.
#include "io/show_validate.hpp"

#include "core/show_time.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

#include "core/duration.hpp"
#include "core/poll_board.hpp"

namespace pycast {

bool isBlankText(const std::string& text) {
    static const std::string ideographicSpace = "\xE3\x80\x80";
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
            ++i;
        } else if (text.compare(i, 3, ideographicSpace) == 0) {
            i += 3;
        } else {
            return false;
        }
    }
    return true;
}

std::string dateProblem(const std::string& date) {
    const std::string bad = "\"" + date + "\" is not a date (use YYYY-MM-DD, e.g. \"2027-03-14\")";
    if (date.size() != 10 || date[4] != '-' || date[7] != '-') return bad;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (date[i] < '0' || date[i] > '9') return bad;
    const int y = std::stoi(date.substr(0, 4));
    const int m = std::stoi(date.substr(5, 2));
    const int d = std::stoi(date.substr(8, 2));
    if (m < 1 || m > 12 || d < 1) return bad;
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    const int inMonth = m == 2 && leap ? 29 : days[m - 1];
    if (d > inMonth) {
        static const char* names[] = {"January",   "February", "March",    "April",
                                      "May",       "June",     "July",     "August",
                                      "September", "October",  "November", "December"};
        return "\"" + date + "\" is not a day of the calendar: " + names[m - 1] + " " +
               date.substr(0, 4) + " has " + std::to_string(inMonth) + " days";
    }
    return {};
}

std::vector<Problem> validateShow(const Show& show) {
    std::vector<Problem> out;
    auto add = [&](std::string path, std::string message) {
        out.push_back({std::move(path), std::move(message), 0, 0});
    };
    // A text of only spaces looks empty on every screen and in every export: say so.
    auto blank = [](const std::string& text, const std::string& remedy) {
        return (text.empty() ? "is empty; " : "is only spaces; ") + remedy;
    };
    if (isBlankText(show.meta.title))
        add("/show/title", blank(show.meta.title, "give the show a title"));
    if (!show.meta.date.empty())
        if (std::string why = dateProblem(show.meta.date); !why.empty()) add("/show/date", why);
    if (show.meta.episode && *show.meta.episode < 0)
        add("/show/episode", "is negative; episode numbers start at 0 or 1");
    if (show.meta.target < 0) add("/show/target", "is negative; a length must be zero or more");
    const std::string tooLong = " is longer than " + formatDuration(kMaxDurationSeconds) +
                                ", the longest length a show file can hold; shorten it";
    if (show.meta.target > kMaxDurationSeconds)
        add("/show/target", "\"" + formatDuration(show.meta.target) + "\"" + tooLong);
    const auto& g = show.guidelines;
    if (g.techShareMin < 0 || g.techShareMin > 100)
        add("/guidelines/technical_share/min", "must be a percentage between 0 and 100");
    if (g.techShareMax < 0 || g.techShareMax > 100)
        add("/guidelines/technical_share/max", "must be a percentage between 0 and 100");
    else if (g.techShareMax < g.techShareMin)
        add("/guidelines/technical_share/max",
            "is below min; the range must go from min up to max");
    if (g.maxCompanyShare <= 0 || g.maxCompanyShare > 100)
        add("/guidelines/max_company_share", "must be a percentage above 0 and at most 100");

    // Ids are unique across people, segments and questions, so a reference is never ambiguous.
    std::map<std::string, std::string> firstUse;
    auto checkId = [&](const std::string& id, const std::string& path, const char* what) {
        if (isBlankText(id)) {
            add(path + "/id",
                blank(id, std::string("give the ") + what + " a unique id such as \"" +
                              (std::string_view(what) == "person"    ? "p-ada"
                               : std::string_view(what) == "segment" ? "s-intro"
                               : std::string_view(what) == "poll"    ? "poll-topics"
                                                                     : "q-1") +
                              "\""));
            return;
        }
        auto [it, inserted] = firstUse.emplace(id, path);
        if (!inserted)
            add(path + "/id",
                "\"" + id + "\" is already used by " + it->second + "; ids must be unique");
    };
    for (size_t i = 0; i < show.people.size(); ++i) {
        const auto& p = show.people[i];
        const std::string path = "/people/" + std::to_string(i);
        checkId(p.id, path, "person");
        if (isBlankText(p.name)) add(path + "/name", blank(p.name, "write the person's name"));
    }
    std::set<std::string> personIds;
    for (const auto& p : show.people) personIds.insert(p.id);
    auto checkRefs = [&](const std::vector<std::string>& ids, const std::string& path) {
        std::set<std::string> inList;
        for (size_t k = 0; k < ids.size(); ++k) {
            const std::string itemPath = path + "/" + std::to_string(k);
            if (!personIds.count(ids[k]))
                add(itemPath,
                    "\"" + ids[k] + "\" is not anyone in /people; add them there or fix the id");
            else if (!inList.insert(ids[k]).second)
                add(itemPath, "\"" + ids[k] + "\" is listed twice");
        }
    };
    int elastic = 0;
    for (size_t i = 0; i < show.rundown.size(); ++i) {
        const auto& s = show.rundown[i];
        const std::string path = "/rundown/" + std::to_string(i);
        checkId(s.id, path, "segment");
        if (isBlankText(s.title)) add(path + "/title", blank(s.title, "give the segment a title"));
        if (s.planned < 0)
            add(path + "/planned",
                "\"" + formatDuration(s.planned) + "\" is negative; a length must be zero or more");
        if (s.planned > kMaxDurationSeconds)
            add(path + "/planned", "\"" + formatDuration(s.planned) + "\"" + tooLong);
        checkRefs(s.speakers, path + "/speakers");
        if (s.elastic && ++elastic > 1)
            add(path + "/elastic",
                "only one segment can be elastic; it absorbs the others' over- and underruns");
    }
    for (size_t i = 0; i < g.blockedWords.size(); ++i)
        if (isBlankText(g.blockedWords[i]))
            add("/guidelines/blocked_words/" + std::to_string(i),
                blank(g.blockedWords[i], "write the word, or remove the entry"));
    for (size_t i = 0; i < show.topics.size(); ++i) {
        const std::string path = "/topics/" + std::to_string(i);
        if (isBlankText(show.topics[i])) {
            add(path, blank(show.topics[i], "name the topic, or remove the entry"));
            continue;
        }
        for (size_t j = 0; j < i; ++j)
            if (show.topics[j] == show.topics[i]) {
                add(path, "\"" + show.topics[i] + "\" is listed twice; keep one");
                break;
            }
    }
    for (size_t i = 0; i < show.questions.size(); ++i) {
        const auto& q = show.questions[i];
        const std::string path = "/questions/" + std::to_string(i);
        checkId(q.id, path, "question");
        if (isBlankText(q.text)) add(path + "/text", blank(q.text, "write the question"));
        if (q.votes < 0) add(path + "/votes", "is negative; votes start at 0");
        checkRefs(q.forPeople, path + "/for");
        for (size_t t = 0; t < q.topics.size(); ++t)
            if (std::find(show.topics.begin(), show.topics.end(), q.topics[t]) ==
                show.topics.end())
                add(path + "/topics/" + std::to_string(t),
                    "\"" + q.topics[t] + "\" is not one of the show's topics; add it to \"topics\" "
                    "or use one of them");
    }
    for (size_t i = 0; i < show.polls.size(); ++i) {
        const auto& poll = show.polls[i];
        const std::string path = "/polls/" + std::to_string(i);
        checkId(poll.id, path, "poll");
        if (isBlankText(poll.question))
            add(path + "/question", blank(poll.question, "write the poll's question"));
        else if (auto p = pollQuestionProblem(poll.question))
            add(path + "/question", *p);
        if (auto p = pollOptionsProblem(poll.options))
            add(path + "/options" + (p->option ? "/" + std::to_string(*p->option) : std::string()),
                p->message);
    }
    // Times of day as instants: a show of at most a day, a hard out it can reach
    // (core/show_time.hpp, the placement the planner and the runner use).
    for (auto& p : showTimeProblems(show)) add(std::move(p.path), std::move(p.message));
    return out;
}

}  // namespace pycast
