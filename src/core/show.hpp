// The show model: metadata, people, rundown segments, questions, guidelines. Value types only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

namespace pycast {

// Planned lengths and offsets are whole seconds; the live runner works in milliseconds.
using Seconds = std::int64_t;

enum class ShowKind { Episode, Ama, Meetup };
enum class Role { Host, Guest, Moderator, Producer };
enum class SegmentKind {
    Intro, GuestIntro, Tech, Experience, Jobs, Lightning, Panel, Qa, Sponsor, Break, Outro
};

struct ShowMeta {
    std::string series;
    std::string title;
    ShowKind kind = ShowKind::Episode;
    std::optional<int> episode;
    std::string date;                    // YYYY-MM-DD, may be empty while planning
    std::string language = "zh-TW";
    Seconds target = 0;                  // planned total length
    std::optional<Seconds> startTime;    // time of day the show starts, seconds after midnight
    std::optional<Seconds> hardOut;      // time of day the show must end
    nlohmann::json extra = nlohmann::json::object();  // unknown fields, kept for round trips
    bool operator==(const ShowMeta&) const = default;
};

struct Person {
    std::string id;
    std::string name;
    Role role = Role::Guest;
    std::string company;                 // empty when none
    nlohmann::json extra = nlohmann::json::object();
    bool operator==(const Person&) const = default;
};

struct Segment {
    std::string id;
    std::string title;
    SegmentKind kind = SegmentKind::Experience;
    Seconds planned = 0;
    std::vector<std::string> speakers;   // person ids
    std::string notes;
    std::optional<Seconds> fixedStart;   // time of day this segment must start
    bool elastic = false;                // absorbs earlier over/underruns (e.g. the AMA's Q&A)
    std::optional<bool> technical;       // counts toward the technical share; default: kind == tech
    nlohmann::json extra = nlohmann::json::object();
    bool operator==(const Segment&) const = default;
};

struct Question {
    std::string id;
    std::string text;
    std::string from;                    // who asked (free text, may be empty)
    std::vector<std::string> forPeople;  // person ids it is addressed to
    int votes = 0;
    std::vector<std::string> topics;     // labels from Show::topics
    nlohmann::json extra = nlohmann::json::object();
    bool operator==(const Question&) const = default;
};

// A topic poll the producer prepares ("下次想聽什麼主題？" AI / Web / DevOps …): the audience votes
// on topics, never on companies (core/poll_board.hpp warns when an option names one).
struct Poll {
    std::string id;
    std::string question;
    std::vector<std::string> options;    // 2 to 8 labels, each unique
    bool liveResults = false;            // the audience sees the counts while it is open
    nlohmann::json extra = nlohmann::json::object();
    bool operator==(const Poll&) const = default;
};

struct Guidelines {
    double techShareMin = 20.0;          // percent of planned content time
    double techShareMax = 30.0;
    double maxCompanyShare = 40.0;       // percent of guests' airtime any one company may take
    // Words that hold an audience submission for review and mark it (case-insensitive
    // substring match; empty by default). See core/question_queue.hpp.
    std::vector<std::string> blockedWords;
    nlohmann::json extra = nlohmann::json::object();
    bool operator==(const Guidelines&) const = default;
};

struct Show {
    int version = 1;
    ShowMeta meta;
    Guidelines guidelines;
    std::vector<Person> people;
    std::vector<Segment> rundown;
    // The show's question topics, as labels ("職涯 Career", "技術 Tech"): the audience picks
    // one, the producer labels questions with them, reports count per topic.
    std::vector<std::string> topics;
    std::vector<Question> questions;
    std::vector<Poll> polls;             // prepared topic polls, opened live by the producer
    nlohmann::json extra = nlohmann::json::object();
    bool operator==(const Show&) const = default;

    const Person* findPerson(const std::string& id) const;
    const Segment* findSegment(const std::string& id) const;
    int segmentIndex(const std::string& id) const;   // -1 when absent
    Seconds plannedTotal() const;
};

// Whether a segment counts as technical content (a lightning talk may or may not be).
bool isTechnical(const Segment& s);

// Names as they appear in the file ("guest-intro"), and back; *FromString return nullopt on
// unknown names. (Not called toString: doctest finds toString by ADL for its messages.)
const char* toName(ShowKind k);
const char* toName(Role r);
const char* toName(SegmentKind k);
std::optional<ShowKind> showKindFromString(const std::string& s);
std::optional<Role> roleFromString(const std::string& s);
std::optional<SegmentKind> segmentKindFromString(const std::string& s);
const std::vector<SegmentKind>& allSegmentKinds();
const std::vector<Role>& allRoles();
const std::vector<ShowKind>& allShowKinds();

// A fresh id not used by any segment/person/question of the show, e.g. "s-7f3a12".
std::string newId(const Show& show, const std::string& prefix);

// The ids in use across a show's people, segments and questions, for handing out many fresh
// ones: each fresh() costs O(1), where newId() reads the whole show (an import of 20 000 rows).
class IdSpace {
public:
    explicit IdSpace(const Show& show);
    std::string fresh(const std::string& prefix);   // a new random id, from now on taken
    bool taken(const std::string& id) const { return m_used.count(id) != 0; }
    void take(const std::string& id) { m_used.insert(id); }

private:
    std::unordered_set<std::string> m_used;
};

}  // namespace pycast
