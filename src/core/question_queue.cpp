// The audience question queue's state machine (owner thread; pure).
#include "core/question_queue.hpp"

#include <algorithm>
#include <cctype>

#include "core/text.hpp"

namespace pycast {

namespace {

constexpr const char* kStateNames[] = {"pending",  "approved",  "on-air",
                                       "answered", "dismissed", "merged"};
constexpr const char* kSourceNames[] = {"show", "import", "web", "producer"};

std::string quote(std::string_view s) { return "'" + std::string(s) + "'"; }

// "on air" for messages.
std::string spoken(QuestionState s) {
    std::string n = toName(s);
    std::replace(n.begin(), n.end(), '-', ' ');
    return n;
}

}  // namespace

const char* toName(QuestionState s) { return kStateNames[static_cast<int>(s)]; }
const char* toName(QuestionSource s) { return kSourceNames[static_cast<int>(s)]; }

std::optional<QuestionState> questionStateFromString(std::string_view s) {
    for (int i = 0; i < 6; ++i)
        if (s == kStateNames[i]) return static_cast<QuestionState>(i);
    return std::nullopt;
}

std::optional<QuestionSource> questionSourceFromString(std::string_view s) {
    for (int i = 0; i < 4; ++i)
        if (s == kSourceNames[i]) return static_cast<QuestionSource>(i);
    return std::nullopt;
}

const char* toName(QuestionError e) {
    switch (e) {
        case QuestionError::None:
            return "";
        case QuestionError::NoSuchQuestion:
            return "no-such-question";
        case QuestionError::WrongState:
            return "wrong-state";
        case QuestionError::AlreadyVoted:
            return "already-voted";
        case QuestionError::Invalid:
            return "invalid";
        case QuestionError::UnknownTopic:
            return "unknown-topic";
        case QuestionError::UnknownPerson:
            return "unknown-person";
        case QuestionError::DuplicateId:
            return "duplicate-id";
    }
    return "";
}

bool isValidDeviceId(std::string_view device) {
    if (device.size() < kMinDeviceIdChars || device.size() > kMaxDeviceIdChars) return false;
    return std::all_of(device.begin(), device.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
    });
}

std::optional<std::string> questionTextProblem(std::string_view text) {
    if (auto bad = invalidUtf8At(text))
        return "the question is not valid UTF-8 (byte " + std::to_string(*bad + 1) +
               "); send it as UTF-8 text";
    if (auto c = controlCharacterAt(text))
        return "the question holds a control character (" + describeCodePointAt(text, *c) +
               ") at byte " + std::to_string(*c + 1) + "; remove it";
    if (text.find_first_not_of(" \t\n") == std::string_view::npos ||
        stripControlCharacters(text).find_first_not_of(" \t\n") == std::string::npos)
        return "the question is empty; write a question";
    // Ideographic spaces only (U+3000) are empty too.
    std::string_view rest = text;
    bool onlySpaces = true;
    while (!rest.empty() && onlySpaces) {
        if (rest.substr(0, 3) == "\xE3\x80\x80")
            rest.remove_prefix(3);
        else if (rest.front() == ' ' || rest.front() == '\t' || rest.front() == '\n')
            rest.remove_prefix(1);
        else
            onlySpaces = false;
    }
    if (onlySpaces) return "the question is empty; write a question";
    if (const std::size_t n = codePointCount(text); n > kMaxQuestionChars)
        return "the question is " + std::to_string(n) + " characters long; the limit is " +
               std::to_string(kMaxQuestionChars) + ", so shorten it";
    return std::nullopt;
}

std::optional<std::string> askerNameProblem(std::string_view name) {
    if (auto bad = invalidUtf8At(name))
        return "the name is not valid UTF-8 (byte " + std::to_string(*bad + 1) +
               "); send it as UTF-8 text";
    if (auto c = controlCharacterAt(name, false))
        return "the name holds a control character (" + describeCodePointAt(name, *c) +
               ") at byte " + std::to_string(*c + 1) + "; a name is one line of text";
    if (const std::size_t n = codePointCount(name); n > kMaxAskerNameChars)
        return "the name is " + std::to_string(n) + " characters long; the limit is " +
               std::to_string(kMaxAskerNameChars) + ", so shorten it (or leave it empty)";
    return std::nullopt;
}

bool LiveQuestion::hasOwnVote(std::string_view voter) const {
    return std::binary_search(voters.begin(), voters.end(), voter,
                              [](std::string_view a, std::string_view b) { return a < b; });
}

QuestionQueue::QuestionQueue(const Show& show)
    : m_topics(show.topics), m_blocked(show.guidelines.blockedWords) {
    for (const Person& p : show.people) m_people.push_back(p.id);
    for (const Person& p : show.people) m_takenIds.push_back(p.id);
    for (const Segment& s : show.rundown) m_takenIds.push_back(s.id);
    std::sort(m_takenIds.begin(), m_takenIds.end());
    for (const Question& q : show.questions) {
        if (q.id.empty() || m_index.count(q.id)) continue;  // validation reports these
        LiveQuestion lq;
        lq.id = q.id;
        lq.text = q.text;
        lq.name = q.from;
        lq.source = QuestionSource::Show;
        lq.topics = q.topics;
        if (!q.forPeople.empty()) lq.forPerson = q.forPeople.front();
        lq.state = QuestionState::Approved;
        lq.baseVotes = std::max(q.votes, 0);
        m_index.emplace(lq.id, m_questions.size());
        m_questions.push_back(std::move(lq));
    }
}

const LiveQuestion* QuestionQueue::find(std::string_view id) const {
    const auto it = m_index.find(std::string(id));
    return it == m_index.end() ? nullptr : &m_questions[it->second];
}

LiveQuestion* QuestionQueue::findMutable(std::string_view id) {
    const auto it = m_index.find(std::string(id));
    return it == m_index.end() ? nullptr : &m_questions[it->second];
}

int QuestionQueue::votes(const LiveQuestion& q) const {
    if (q.merged.empty()) return q.ownVotes();
    int base = q.baseVotes;
    std::vector<std::string_view> devices(q.voters.begin(), q.voters.end());
    for (const std::string& id : q.merged)
        if (const LiveQuestion* m = find(id)) {
            base += m->baseVotes;
            devices.insert(devices.end(), m->voters.begin(), m->voters.end());
        }
    std::sort(devices.begin(), devices.end());
    devices.erase(std::unique(devices.begin(), devices.end()), devices.end());
    return base + static_cast<int>(devices.size());
}

bool QuestionQueue::hasVoted(const LiveQuestion& q, std::string_view device) const {
    if (q.hasOwnVote(device)) return true;
    for (const std::string& id : q.merged)
        if (const LiveQuestion* m = find(id); m && m->hasOwnVote(device)) return true;
    return false;
}

const LiveQuestion* QuestionQueue::onAir() const {
    for (const LiveQuestion& q : m_questions)
        if (q.state == QuestionState::OnAir) return &q;
    return nullptr;
}

std::size_t QuestionQueue::count(QuestionState s) const {
    return static_cast<std::size_t>(std::count_if(
        m_questions.begin(), m_questions.end(), [s](const LiveQuestion& q) { return q.state == s; }));
}

std::optional<std::int64_t> QuestionQueue::oldestPendingMs() const {
    std::optional<std::int64_t> oldest;
    for (const LiveQuestion& q : m_questions)
        if (q.state == QuestionState::Pending && (!oldest || q.submittedMs < *oldest))
            oldest = q.submittedMs;
    return oldest;
}

std::vector<std::string> QuestionQueue::blockedWordsIn(std::string_view text) const {
    std::vector<std::string> hits;
    const std::string hay = lowerAscii(text);
    for (const std::string& w : m_blocked) {
        const std::string needle = lowerAscii(w);
        if (!needle.empty() && hay.find(needle) != std::string::npos) hits.push_back(w);
    }
    return hits;
}

QuestionResult QuestionQueue::fail(QuestionError e, std::string message, std::string id) const {
    return QuestionResult{e, std::move(message), std::move(id)};
}

QuestionResult QuestionQueue::checkTopics(const std::vector<std::string>& topics) const {
    for (const std::string& t : topics)
        if (std::find(m_topics.begin(), m_topics.end(), t) == m_topics.end()) {
            std::string known;
            for (const std::string& k : m_topics) known += (known.empty() ? "" : ", ") + k;
            return fail(QuestionError::UnknownTopic,
                        quote(t) + " is not one of the show's topics" +
                            (known.empty() ? std::string("; this show has no topics")
                                           : "; use one of: " + known));
        }
    return {};
}

QuestionResult QuestionQueue::checkPerson(const std::string& personId) const {
    if (personId.empty() ||
        std::find(m_people.begin(), m_people.end(), personId) != m_people.end())
        return {};
    return fail(QuestionError::UnknownPerson,
                "there is no person with id " + quote(personId) + " in this show");
}

void QuestionQueue::touch(bool isPublic) {
    ++m_revision;
    if (isPublic) ++m_publicRevision;
}

std::string QuestionQueue::freshId() const {
    for (std::uint64_t n = m_nextNumber;; ++n) {
        std::string id = "q" + std::to_string(n);
        if (!m_index.count(id) && !std::binary_search(m_takenIds.begin(), m_takenIds.end(), id))
            return id;
    }
}

QuestionResult QuestionQueue::submit(NewQuestion q, std::int64_t atMs, Apply mode) {
    if (auto p = questionTextProblem(q.text)) return fail(QuestionError::Invalid, *p);
    if (auto p = askerNameProblem(q.name)) return fail(QuestionError::Invalid, *p);
    if (!q.device.empty() && !isValidDeviceId(q.device))
        return fail(QuestionError::Invalid,
                    "the device id must be 8 to 64 letters, digits, '-' or '_'");
    if (q.votes < 0) return fail(QuestionError::Invalid, "votes start at 0");
    if (auto r = checkTopics(q.topics); !r) return r;
    if (auto r = checkPerson(q.forPerson); !r) return r;
    if (!q.id.empty() &&
        (m_index.count(q.id) || std::binary_search(m_takenIds.begin(), m_takenIds.end(), q.id)))
        return fail(QuestionError::DuplicateId, "the id " + quote(q.id) + " is already in use",
                    q.id);
    const std::string id = q.id.empty() ? freshId() : q.id;
    if (mode == Apply::Check) return done(id);

    LiveQuestion lq;
    lq.id = id;
    lq.text = std::move(q.text);
    lq.name = std::move(q.name);
    lq.source = q.source;
    lq.submittedMs = atMs;
    lq.topics = std::move(q.topics);
    lq.forPerson = std::move(q.forPerson);
    lq.segmentId = std::move(q.segmentId);
    lq.baseVotes = q.votes;
    lq.device = std::move(q.device);
    // Only the audience's own words wait for a person to read them.
    lq.state = q.source == QuestionSource::Web ? QuestionState::Pending : QuestionState::Approved;
    if (q.source == QuestionSource::Web) {
        lq.heldFor = blockedWordsIn(lq.text);
        for (std::string& w : blockedWordsIn(lq.name))
            if (std::find(lq.heldFor.begin(), lq.heldFor.end(), w) == lq.heldFor.end())
                lq.heldFor.push_back(std::move(w));
    }
    // Ids the queue hands out count up from the highest "qN" it has seen, so a replayed
    // journal and a live session agree.
    if (id.size() > 1 && id[0] == 'q' &&
        std::all_of(id.begin() + 1, id.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
        id.size() < 19)
        m_nextNumber = std::max<std::uint64_t>(m_nextNumber, std::stoull(id.substr(1)) + 1);
    const bool visible = lq.isPublic();
    m_index.emplace(id, m_questions.size());
    m_questions.push_back(std::move(lq));
    touch(visible);
    return done(id);
}

QuestionResult QuestionQueue::vote(const std::string& id, const std::string& device,
                                   std::int64_t, Apply mode) {
    if (!isValidDeviceId(device))
        return fail(QuestionError::Invalid,
                    "a vote needs the device id: 8 to 64 letters, digits, '-' or '_'", id);
    LiveQuestion* q = findMutable(id);
    if (!q || !q->isPublic())
        return fail(QuestionError::NoSuchQuestion,
                    "there is no question " + quote(id) + " to vote for (only approved "
                    "questions take votes)", id);
    if (hasVoted(*q, device))
        return fail(QuestionError::AlreadyVoted,
                    "this device has already voted for question " + quote(id), id);
    if (mode == Apply::Check) return done(id);
    q->voters.insert(std::lower_bound(q->voters.begin(), q->voters.end(), device), device);
    touch(true);
    return done(id);
}

namespace {

// "Question 'q3' is answered; only a pending question can be approved".
std::string wrongState(const LiveQuestion& q, const std::string& need) {
    return "question " + quote(q.id) + " is " + spoken(q.state) + "; " + need;
}

}  // namespace

LiveQuestion* QuestionQueue::inState(const std::string& id,
                                     std::initializer_list<QuestionState> from, const char* need,
                                     QuestionResult& refusal) {
    LiveQuestion* q = findMutable(id);
    if (!q) {
        refusal = fail(QuestionError::NoSuchQuestion,
                       "there is no question " + quote(id) + " in this session", id);
        return nullptr;
    }
    if (from.size() != 0 && std::find(from.begin(), from.end(), q->state) == from.end()) {
        refusal = fail(QuestionError::WrongState, wrongState(*q, need), id);
        return nullptr;
    }
    return q;
}

QuestionResult QuestionQueue::move(const std::string& id, QuestionState from, QuestionState to,
                                   const char* need, Apply mode) {
    QuestionResult refusal;
    LiveQuestion* q = inState(id, {from}, need, refusal);
    if (!q) return refusal;
    if (mode == Apply::Commit) {
        q->state = to;
        touch(true);
    }
    return done(id);
}

QuestionResult QuestionQueue::approve(const std::string& id, Apply mode) {
    return move(id, QuestionState::Pending, QuestionState::Approved,
                "only a pending question can be approved", mode);
}

QuestionResult QuestionQueue::unapprove(const std::string& id, Apply mode) {
    return move(id, QuestionState::Approved, QuestionState::Pending,
                "only an approved question can go back to the inbox", mode);
}

QuestionResult QuestionQueue::takeOffAir(const std::string& id, Apply mode) {
    return move(id, QuestionState::OnAir, QuestionState::Approved, "it is not on air", mode);
}

QuestionResult QuestionQueue::dismiss(const std::string& id, Apply mode) {
    QuestionResult refusal;
    LiveQuestion* q =
        inState(id, {QuestionState::Pending, QuestionState::Approved, QuestionState::OnAir},
                "only a pending, approved or on-air question can be dismissed", refusal);
    if (!q) return refusal;
    if (mode == Apply::Commit) {
        const bool wasPublic = q->isPublic();
        // Restoring never puts a question straight back on air: the host decides that.
        q->stateBeforeDismiss =
            q->state == QuestionState::OnAir ? QuestionState::Approved : q->state;
        q->state = QuestionState::Dismissed;
        touch(wasPublic);
    }
    return done(id);
}

QuestionResult QuestionQueue::restore(const std::string& id, Apply mode) {
    QuestionResult refusal;
    LiveQuestion* q = inState(id, {QuestionState::Dismissed},
                              "only a dismissed question can be restored", refusal);
    if (!q) return refusal;
    if (mode == Apply::Commit) {
        q->state = q->stateBeforeDismiss;
        touch(q->isPublic());
    }
    return done(id);
}

QuestionResult QuestionQueue::putOnAir(const std::string& id, std::int64_t atMs, Apply mode) {
    QuestionResult refusal;
    const LiveQuestion* pending = find(id);
    LiveQuestion* q = inState(id, {QuestionState::Approved, QuestionState::Answered},
                              pending && pending->state == QuestionState::Pending
                                  ? "approve it first"
                                  : "only an approved or answered question can go on air",
                              refusal);
    if (!q) return refusal;
    if (mode == Apply::Commit) {
        for (LiveQuestion& other : m_questions)
            if (other.state == QuestionState::OnAir) other.state = QuestionState::Approved;
        q->state = QuestionState::OnAir;
        q->onAirMs = atMs;
        touch(true);
    }
    return done(id);
}

QuestionResult QuestionQueue::answer(const std::string& id, std::int64_t atMs,
                                     const std::string& segmentId, Apply mode) {
    const std::string target = id.empty() && onAir() ? onAir()->id : id;
    if (target.empty())
        return fail(QuestionError::NoSuchQuestion,
                    "no question is on air; name the question that was answered");
    QuestionResult refusal;
    LiveQuestion* q = inState(target, {QuestionState::OnAir, QuestionState::Approved},
                              "only an approved or on-air question can be answered", refusal);
    if (!q) return refusal;
    if (mode == Apply::Commit) {
        q->state = QuestionState::Answered;
        q->answeredMs = atMs;
        q->answeredSegmentId = segmentId;
        touch(true);
    }
    return done(target);
}

QuestionResult QuestionQueue::reopen(const std::string& id, Apply mode) {
    QuestionResult refusal;
    LiveQuestion* q = inState(id, {QuestionState::Answered},
                              "only an answered question can be reopened", refusal);
    if (!q) return refusal;
    if (mode == Apply::Commit) {
        q->state = QuestionState::Approved;
        q->answeredMs.reset();
        q->answeredSegmentId.clear();
        touch(true);
    }
    return done(id);
}

QuestionResult QuestionQueue::edit(const std::string& id, const std::string& text, Apply mode) {
    QuestionResult refusal;
    LiveQuestion* q = inState(id, {QuestionState::Pending, QuestionState::Approved},
                              "only a pending or approved question can be edited", refusal);
    if (!q) return refusal;
    if (auto p = questionTextProblem(text)) return fail(QuestionError::Invalid, *p, id);
    if (mode == Apply::Commit && text != q->text) {
        if (q->originalText.empty()) q->originalText = q->text;
        if (text == q->originalText) q->originalText.clear();  // edited back: not edited
        q->text = text;
        touch(q->isPublic());
    }
    return done(id);
}

QuestionResult QuestionQueue::merge(const std::string& into, const std::vector<std::string>& ids,
                                    Apply mode) {
    QuestionResult refusal;
    LiveQuestion* target =
        inState(into,
                {QuestionState::Pending, QuestionState::Approved, QuestionState::OnAir,
                 QuestionState::Answered},
                "merge into a question that is still in the queue", refusal);
    if (!target) return refusal;
    if (ids.empty()) return fail(QuestionError::Invalid, "name the questions to merge", into);
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const std::string& id = ids[i];
        if (id == into)
            return fail(QuestionError::Invalid,
                        "question " + quote(id) + " cannot be merged into itself", id);
        if (std::find(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(i), id) !=
            ids.begin() + static_cast<std::ptrdiff_t>(i))
            return fail(QuestionError::Invalid, "question " + quote(id) + " is listed twice", id);
        const LiveQuestion* q =
            inState(id, {QuestionState::Pending, QuestionState::Approved, QuestionState::Dismissed},
                    "only a pending, approved or dismissed question can be merged", refusal);
        if (!q) return refusal;
        if (!q->merged.empty())
            return fail(QuestionError::WrongState,
                        "question " + quote(id) + " has questions merged into it; merge into " +
                            quote(id) + " instead, or unmerge those first",
                        id);
    }
    if (mode == Apply::Check) return done(into);
    bool visible = target->isPublic();
    for (const std::string& id : ids) {
        LiveQuestion* q = findMutable(id);
        visible = visible || q->isPublic();
        q->stateBeforeDismiss = q->state;  // where unmerge returns it
        q->state = QuestionState::Merged;
        q->mergedInto = into;
        target->merged.push_back(id);
    }
    touch(visible);
    return done(into);
}

QuestionResult QuestionQueue::unmerge(const std::string& id, Apply mode) {
    QuestionResult refusal;
    LiveQuestion* q = inState(id, {QuestionState::Merged}, "it is not merged", refusal);
    if (!q) return refusal;
    if (mode == Apply::Commit) {
        if (LiveQuestion* target = findMutable(q->mergedInto)) {
            auto& m = target->merged;
            m.erase(std::remove(m.begin(), m.end(), id), m.end());
        }
        q->state = q->stateBeforeDismiss;
        q->stateBeforeDismiss = QuestionState::Pending;
        q->mergedInto.clear();
        touch(true);
    }
    return done(id);
}

QuestionResult QuestionQueue::label(const std::string& id, const std::vector<std::string>& topics,
                                    Apply mode) {
    QuestionResult refusal;
    LiveQuestion* q = inState(id, {}, "", refusal);
    if (!q) return refusal;
    if (auto r = checkTopics(topics); !r) {
        r.id = id;
        return r;
    }
    if (mode == Apply::Commit && q->topics != topics) {
        q->topics = topics;
        touch(q->isPublic());
    }
    return done(id);
}

QuestionResult QuestionQueue::assign(const std::string& id, const std::string& personId,
                                     Apply mode) {
    QuestionResult refusal;
    LiveQuestion* q = inState(id, {}, "", refusal);
    if (!q) return refusal;
    if (auto r = checkPerson(personId); !r) {
        r.id = id;
        return r;
    }
    if (mode == Apply::Commit && q->forPerson != personId) {
        q->forPerson = personId;
        touch(q->isPublic());
    }
    return done(id);
}

}  // namespace pycast
