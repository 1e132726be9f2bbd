// Topic polls' state machine and rules (owner thread; pure).
#include "core/poll_board.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <utility>

#include "core/text.hpp"

namespace pycast {

namespace {

constexpr const char* kStateNames[] = {"draft", "open", "closed"};

std::string quote(std::string_view s) { return "'" + std::string(s) + "'"; }

bool isAsciiWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Whether `needle` occurs in `hay` not inside an ASCII word ("Line" is not in "online"); both
// folded. Chinese names match anywhere (no spaces between words).
bool containsAsWord(const std::string& hay, const std::string& needle) {
    if (needle.empty()) return false;
    for (std::size_t at = hay.find(needle); at != std::string::npos;
         at = hay.find(needle, at + 1)) {
        const bool leftOk = at == 0 || !isAsciiWordChar(hay[at - 1]) ||
                            !isAsciiWordChar(needle.front());
        const std::size_t end = at + needle.size();
        const bool rightOk =
            end >= hay.size() || !isAsciiWordChar(hay[end]) || !isAsciiWordChar(needle.back());
        if (leftOk && rightOk) return true;
    }
    return false;
}

std::optional<std::string> textProblem(std::string_view text, const char* what,
                                       std::size_t limit) {
    if (auto bad = invalidUtf8At(text))
        return std::string(what) + " is not valid UTF-8 (byte " + std::to_string(*bad + 1) +
               "); send it as UTF-8 text";
    if (auto c = controlCharacterAt(text); c || text.find_first_of("\t\r\n") != std::string::npos)
        return std::string(what) + " must be one line of text without control characters";
    if (foldKey(text).empty()) return std::string(what) + " is empty; write it";
    if (const std::size_t n = codePointCount(text); n > limit)
        return std::string(what) + " is " + std::to_string(n) + " characters long; the limit is " +
               std::to_string(limit) + ", so shorten it";
    return std::nullopt;
}

}  // namespace

const char* toName(PollState s) { return kStateNames[static_cast<int>(s)]; }

std::optional<PollState> pollStateFromString(std::string_view s) {
    for (int i = 0; i < 3; ++i)
        if (s == kStateNames[i]) return static_cast<PollState>(i);
    return std::nullopt;
}

const char* toName(PollError e) {
    switch (e) {
        case PollError::None:
            return "";
        case PollError::NoSuchPoll:
            return "no-such-poll";
        case PollError::WrongState:
            return "wrong-state";
        case PollError::UnknownOption:
            return "unknown-option";
        case PollError::Invalid:
            return "invalid";
        case PollError::DuplicateId:
            return "duplicate-id";
    }
    return "";
}

std::vector<int> LivePoll::counts() const {
    std::vector<int> out(options.size(), 0);
    for (const PollBallot& b : ballots)
        if (b.option >= 0 && static_cast<std::size_t>(b.option) < out.size())
            ++out[static_cast<std::size_t>(b.option)];
    return out;
}

const PollBallot* LivePoll::ballotOf(std::string_view device) const {
    const auto it = std::lower_bound(
        ballots.begin(), ballots.end(), device,
        [](const PollBallot& b, std::string_view d) { return b.device < d; });
    return it != ballots.end() && it->device == device ? &*it : nullptr;
}

std::optional<int> LivePoll::optionIndex(std::string_view label) const {
    for (std::size_t i = 0; i < options.size(); ++i)
        if (options[i] == label) return static_cast<int>(i);
    const std::string key = foldKey(label);
    if (key.empty()) return std::nullopt;
    for (std::size_t i = 0; i < options.size(); ++i)
        if (foldKey(options[i]) == key) return static_cast<int>(i);
    return std::nullopt;
}

std::optional<std::string> pollQuestionProblem(std::string_view question) {
    return textProblem(question, "the poll's question", kMaxPollQuestionChars);
}

std::optional<PollOptionsProblem> pollOptionsProblem(const std::vector<std::string>& options) {
    if (options.size() < kMinPollOptions || options.size() > kMaxPollOptions)
        return PollOptionsProblem{std::nullopt, "a poll has " + std::to_string(kMinPollOptions) +
                                                    " to " + std::to_string(kMaxPollOptions) +
                                                    " options, not " +
                                                    std::to_string(options.size())};
    std::set<std::string> seen;
    for (std::size_t i = 0; i < options.size(); ++i) {
        const std::string what = "option " + std::to_string(i + 1);
        if (auto p = textProblem(options[i], what.c_str(), kMaxPollOptionChars))
            return PollOptionsProblem{i, *p};
        if (!seen.insert(foldKey(options[i])).second)
            return PollOptionsProblem{
                i, what + " (" + quote(options[i]) + ") repeats another option; keep one"};
    }
    return std::nullopt;
}

std::optional<std::string> pollProblem(std::string_view question,
                                       const std::vector<std::string>& options) {
    if (auto p = pollQuestionProblem(question)) return p;
    if (auto p = pollOptionsProblem(options)) return p->message;
    return std::nullopt;
}

namespace {

bool isAsciiText(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; });
}

// Words of a company's name too common to say an option names the company ("Taiwan" in
// "樂天 Rakuten Taiwan", "Tech" in "Acme Tech").
bool isGenericWord(const std::string& folded) {
    static const char* kGeneric[] = {
        "taiwan", "tech",     "technology", "technologies", "cloud",   "group",  "inc",
        "corp",   "company",  "limited",    "ltd",          "labs",    "lab",    "studio",
        "digital", "data",    "software",   "systems",      "solutions", "global", "asia",
        "international", "co", "the",       "and",          "python",  "ai",     "web",
        "devops", "bank",     "fintech",    "financial",    "holdings"};
    for (const char* g : kGeneric)
        if (folded == g) return true;
    return false;
}

// The ways a room would write a company: its whole name ("蝦拍電商 ShopPie"), each part in one
// script ("蝦拍電商", "ShopPie", "Yushan FinTech") and each distinctive Latin word ("Yushan"),
// all folded. Parts shorter than 2 code points (Chinese) or 3 letters (Latin) are left out.
std::vector<std::string> companyNames(const std::string& company) {
    std::vector<std::string> out;
    const auto add = [&](const std::string& name) {
        const std::string f = foldKey(name);
        const bool latin = isAsciiText(f);
        if ((latin && f.size() < 3) || (!latin && codePointCount(f) < 2)) return;
        if (latin && isGenericWord(f)) return;
        if (std::find(out.begin(), out.end(), f) == out.end()) out.push_back(f);
    };
    add(company);
    // Runs of the same script, split at the change between Latin and the rest.
    const std::string folded = foldKey(company);
    std::string run;
    int runLatin = -1;
    std::vector<std::string> latinWords;
    std::string word;
    for (std::size_t i = 0; i < folded.size();) {
        const auto b = static_cast<unsigned char>(folded[i]);
        const std::size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        const std::string cp = folded.substr(i, len);
        i += len;
        if (cp == " ") {
            if (!word.empty()) latinWords.push_back(std::exchange(word, {}));
            if (runLatin == 1) run += cp;
            continue;
        }
        const int latin = len == 1 ? 1 : 0;
        if (latin != runLatin && !run.empty()) {
            add(run);
            run.clear();
        }
        runLatin = latin;
        run += cp;
        if (latin && std::isalnum(static_cast<unsigned char>(cp[0])))
            word += cp;
        else if (!word.empty())
            latinWords.push_back(std::exchange(word, {}));
    }
    if (!run.empty()) add(run);
    if (!word.empty()) latinWords.push_back(word);
    if (latinWords.size() > 1)
        for (const std::string& w : latinWords) add(w);
    return out;
}

}  // namespace

std::vector<std::string> companyNamedOptions(const Show& show,
                                             const std::vector<std::string>& options) {
    std::vector<std::string> out;
    std::vector<std::string> companies;
    for (const Person& p : show.people)
        if (!p.company.empty() &&
            std::find(companies.begin(), companies.end(), p.company) == companies.end())
            companies.push_back(p.company);
    for (const std::string& option : options) {
        const std::string folded = foldKey(option);
        bool warned = false;
        for (const std::string& company : companies) {
            for (const std::string& name : companyNames(company))
                if (containsAsWord(folded, name)) {
                    out.push_back("option " + quote(option) + " names the company " +
                                  quote(company) +
                                  "; vote on topics, not companies (no company should become "
                                  "the show's protagonist)");
                    warned = true;
                    break;
                }
            if (warned) break;
        }
    }
    return out;
}

std::vector<PollWarning> pollCompanyWarnings(const Show& show) {
    std::vector<PollWarning> out;
    for (std::size_t i = 0; i < show.polls.size(); ++i) {
        const auto& options = show.polls[i].options;
        for (std::size_t j = 0; j < options.size(); ++j)
            for (std::string& m : companyNamedOptions(show, {options[j]}))
                out.push_back({"/polls/" + std::to_string(i) + "/options/" + std::to_string(j),
                               std::move(m)});
    }
    return out;
}

PollBoard::PollBoard(const Show& show) {
    for (const auto& p : show.people) m_takenIds.push_back(p.id);
    for (const auto& s : show.rundown) m_takenIds.push_back(s.id);
    for (const auto& q : show.questions) m_takenIds.push_back(q.id);
    std::sort(m_takenIds.begin(), m_takenIds.end());
    for (const Poll& p : show.polls) {
        // A show that does not validate is never started; a broken poll is left out rather
        // than taking the session down.
        if (p.id.empty() || m_index.count(p.id) || pollProblem(p.question, p.options)) continue;
        LivePoll lp;
        lp.id = p.id;
        lp.question = p.question;
        lp.options = p.options;
        lp.liveResults = p.liveResults;
        lp.fromShow = true;
        m_index.emplace(lp.id, m_polls.size());
        m_polls.push_back(std::move(lp));
    }
}

LivePoll* PollBoard::findMutable(std::string_view id) {
    const auto it = m_index.find(std::string(id));
    return it == m_index.end() ? nullptr : &m_polls[it->second];
}

const LivePoll* PollBoard::find(std::string_view id) const {
    const auto it = m_index.find(std::string(id));
    return it == m_index.end() ? nullptr : &m_polls[it->second];
}

PollResult PollBoard::fail(PollError e, std::string message, std::string id,
                           std::string code) const {
    if (code.empty()) code = toName(e);
    return PollResult{e, std::move(message), std::move(id), std::move(code)};
}

std::string PollBoard::freshId() const {
    for (std::size_t n = m_polls.size() + 1;; ++n) {
        std::string id = "poll" + std::to_string(n);
        if (!m_index.count(id) && !std::binary_search(m_takenIds.begin(), m_takenIds.end(), id))
            return id;
    }
}

void PollBoard::touch(bool isPublic) {
    ++m_revision;
    if (isPublic) ++m_publicRevision;
}

PollResult PollBoard::create(NewPoll poll, std::int64_t atMs, Apply mode) {
    if (auto p = pollProblem(poll.question, poll.options)) return fail(PollError::Invalid, *p);
    if (!poll.id.empty() && (m_index.count(poll.id) || std::binary_search(m_takenIds.begin(),
                                                                          m_takenIds.end(),
                                                                          poll.id)))
        return fail(PollError::DuplicateId, "the id " + quote(poll.id) + " is already in use",
                    poll.id);
    const std::string id = poll.id.empty() ? freshId() : poll.id;
    if (mode == Apply::Check) return PollResult{PollError::None, {}, id, {}};
    LivePoll lp;
    lp.id = id;
    lp.question = std::move(poll.question);
    lp.options = std::move(poll.options);
    lp.liveResults = poll.liveResults;
    lp.fromShow = poll.fromShow;
    lp.createdMs = atMs;
    m_index.emplace(id, m_polls.size());
    m_polls.push_back(std::move(lp));
    touch(false);  // a draft is not on the page yet
    return PollResult{PollError::None, {}, id, {}};
}

PollResult PollBoard::open(const std::string& id, std::int64_t atMs, Apply mode) {
    LivePoll* p = findMutable(id);
    if (!p) return fail(PollError::NoSuchPoll, "there is no poll " + quote(id), id);
    if (p->state == PollState::Open)
        return fail(PollError::WrongState, "poll " + quote(id) + " is open already", id);
    if (mode == Apply::Check) return PollResult{PollError::None, {}, id, {}};
    p->state = PollState::Open;
    p->openedMs = atMs;
    touch(true);
    return PollResult{PollError::None, {}, id, {}};
}

PollResult PollBoard::close(const std::string& id, std::int64_t atMs, Apply mode) {
    LivePoll* p = findMutable(id);
    if (!p) return fail(PollError::NoSuchPoll, "there is no poll " + quote(id), id);
    if (p->state != PollState::Open)
        return fail(PollError::WrongState,
                    "poll " + quote(id) + " is " + toName(p->state) + "; only an open poll closes",
                    id);
    if (mode == Apply::Check) return PollResult{PollError::None, {}, id, {}};
    p->state = PollState::Closed;
    p->closedMs = atMs;
    touch(true);
    return PollResult{PollError::None, {}, id, {}};
}

PollResult PollBoard::vote(const std::string& id, const std::string& device,
                           std::string_view option, std::int64_t atMs, Apply mode) {
    if (!isValidDeviceId(device))
        return fail(PollError::Invalid,
                    "a vote needs the device id: 8 to 64 letters, digits, '-' or '_'", id,
                    "bad-device");
    LivePoll* p = findMutable(id);
    // A draft is invisible to the audience: to them it does not exist.
    if (!p || p->state == PollState::Draft)
        return fail(PollError::NoSuchPoll, "there is no poll " + quote(id) + " to vote in", id);
    if (p->state == PollState::Closed)
        return fail(PollError::WrongState, "poll " + quote(id) + " has closed; votes are final",
                    id, "poll-closed");
    const std::optional<int> index = p->optionIndex(option);
    if (!index) {
        std::string known;
        for (const std::string& o : p->options) known += (known.empty() ? "" : ", ") + o;
        return fail(PollError::UnknownOption,
                    quote(option) + " is not an option of poll " + quote(id) + "; choose one of: " +
                        known,
                    id);
    }
    if (mode == Apply::Check) return PollResult{PollError::None, {}, id, {}};
    auto it = std::lower_bound(p->ballots.begin(), p->ballots.end(), device,
                               [](const PollBallot& b, const std::string& d) { return b.device < d; });
    if (it != p->ballots.end() && it->device == device) {
        if (it->option == *index) return PollResult{PollError::None, {}, id, {}};
        it->option = *index;
        it->atMs = atMs;
    } else {
        p->ballots.insert(it, PollBallot{device, *index, atMs});
    }
    touch(true);  // the device's own choice shows on its page
    return PollResult{PollError::None, {}, id, {}};
}

PollResult PollBoard::setLiveResults(const std::string& id, bool live, Apply mode) {
    LivePoll* p = findMutable(id);
    if (!p) return fail(PollError::NoSuchPoll, "there is no poll " + quote(id), id);
    if (mode == Apply::Check) return PollResult{PollError::None, {}, id, {}};
    if (p->liveResults != live) {
        p->liveResults = live;
        touch(true);
    }
    return PollResult{PollError::None, {}, id, {}};
}

}  // namespace pycast
