// The show model's lookups, enum names and id generation.
#include "core/show.hpp"

#include <array>
#include <random>

namespace pycast {
namespace {

constexpr std::array<std::pair<ShowKind, const char*>, 3> kShowKinds{{
    {ShowKind::Episode, "episode"}, {ShowKind::Ama, "ama"}, {ShowKind::Meetup, "meetup"}}};
constexpr std::array<std::pair<Role, const char*>, 4> kRoles{{
    {Role::Host, "host"}, {Role::Guest, "guest"}, {Role::Moderator, "moderator"},
    {Role::Producer, "producer"}}};
constexpr std::array<std::pair<SegmentKind, const char*>, 11> kSegmentKinds{{
    {SegmentKind::Intro, "intro"}, {SegmentKind::GuestIntro, "guest-intro"},
    {SegmentKind::Tech, "tech"}, {SegmentKind::Experience, "experience"},
    {SegmentKind::Jobs, "jobs"}, {SegmentKind::Lightning, "lightning"},
    {SegmentKind::Panel, "panel"}, {SegmentKind::Qa, "qa"}, {SegmentKind::Sponsor, "sponsor"},
    {SegmentKind::Break, "break"}, {SegmentKind::Outro, "outro"}}};

template <typename E, size_t N>
const char* nameOf(const std::array<std::pair<E, const char*>, N>& table, E value) {
    for (const auto& [v, name] : table)
        if (v == value) return name;
    return "?";
}

template <typename E, size_t N>
std::optional<E> valueOf(const std::array<std::pair<E, const char*>, N>& table,
                         const std::string& s) {
    for (const auto& [v, name] : table)
        if (s == name) return v;
    return std::nullopt;
}

template <typename E, size_t N>
std::vector<E> valuesOf(const std::array<std::pair<E, const char*>, N>& table) {
    std::vector<E> out;
    for (const auto& entry : table) out.push_back(entry.first);
    return out;
}

}  // namespace

const char* toName(ShowKind k) { return nameOf(kShowKinds, k); }
const char* toName(Role r) { return nameOf(kRoles, r); }
const char* toName(SegmentKind k) { return nameOf(kSegmentKinds, k); }
std::optional<ShowKind> showKindFromString(const std::string& s) { return valueOf(kShowKinds, s); }
std::optional<Role> roleFromString(const std::string& s) { return valueOf(kRoles, s); }
std::optional<SegmentKind> segmentKindFromString(const std::string& s) {
    return valueOf(kSegmentKinds, s);
}
const std::vector<SegmentKind>& allSegmentKinds() {
    static const std::vector<SegmentKind> all = valuesOf(kSegmentKinds);
    return all;
}
const std::vector<Role>& allRoles() {
    static const std::vector<Role> all = valuesOf(kRoles);
    return all;
}
const std::vector<ShowKind>& allShowKinds() {
    static const std::vector<ShowKind> all = valuesOf(kShowKinds);
    return all;
}

const Person* Show::findPerson(const std::string& id) const {
    for (const auto& p : people)
        if (p.id == id) return &p;
    return nullptr;
}

const Segment* Show::findSegment(const std::string& id) const {
    int i = segmentIndex(id);
    return i < 0 ? nullptr : &rundown[static_cast<size_t>(i)];
}

int Show::segmentIndex(const std::string& id) const {
    for (size_t i = 0; i < rundown.size(); ++i)
        if (rundown[i].id == id) return static_cast<int>(i);
    return -1;
}

bool isTechnical(const Segment& s) { return s.technical.value_or(s.kind == SegmentKind::Tech); }

Seconds Show::plannedTotal() const {
    Seconds total = 0;
    for (const auto& s : rundown) total += s.planned;
    return total;
}

IdSpace::IdSpace(const Show& show) {
    m_used.reserve(show.people.size() + show.rundown.size() + show.questions.size());
    for (const auto& p : show.people) m_used.insert(p.id);
    for (const auto& s : show.rundown) m_used.insert(s.id);
    for (const auto& q : show.questions) m_used.insert(q.id);
    for (const auto& p : show.polls) m_used.insert(p.id);
}

std::string IdSpace::fresh(const std::string& prefix) {
    // Random rather than sequential so ids made on two machines rarely collide when merged.
    static thread_local std::mt19937 rng{std::random_device{}()};
    static const char* hex = "0123456789abcdef";
    for (;;) {
        std::string id = prefix + "-";
        for (int i = 0; i < 6; ++i) id += hex[rng() % 16];
        if (m_used.insert(id).second) return id;
    }
}

std::string newId(const Show& show, const std::string& prefix) { return IdSpace(show).fresh(prefix); }

}  // namespace pycast
