// The live session controller shared by the GUI, `pycast live` and the HTTP API (owner thread).
#include "live/session.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <utility>

#include "live/report.hpp"
#include "io/show_io.hpp"

namespace pycast {

namespace {

const Clock& defaultClock() {
    static const SteadyClock clock;
    return clock;
}

const WallClock& defaultWall() {
    static const SystemWallClock wall;
    return wall;
}

SessionOptions withDefaults(SessionOptions o) {
    if (!o.clock) o.clock = &defaultClock();
    if (!o.wall) o.wall = &defaultWall();
    return o;
}

SessionActionResult failure(std::string error, RunnerError code = RunnerError::None) {
    SessionActionResult r;
    r.ok = false;
    r.code = code;
    r.error = std::move(error);
    return r;
}

// 128 random bits as 32 lowercase hex digits.
std::string newControlToken() {
    std::random_device rd;
    std::string out;
    for (int i = 0; i < 4; ++i) {
        char buf[9];
        std::snprintf(buf, sizeof buf, "%08x", static_cast<unsigned>(rd()));
        out += buf;
    }
    return out;
}

std::string sessionInfoText(const std::string& createdIso, const std::string& token,
                            const std::filesystem::path& source) {
    nlohmann::ordered_json j;
    j["version"] = kSessionFormatVersion;
    j["created"] = createdIso;
    j["control_token"] = token;
    if (!source.empty()) j["source"] = source.string();
    return j.dump(2) + "\n";
}

std::filesystem::path sourceOf(const SessionOptions& options) {
    if (options.sourceFile.empty()) return {};
    std::error_code ec;
    std::filesystem::path abs = std::filesystem::absolute(options.sourceFile, ec);
    return ec ? options.sourceFile : abs;
}

bool isRunnerType(const std::string& type) {
    namespace ev = journal_event;
    for (const char* t : {ev::kSessionStart, ev::kStart, ev::kPause, ev::kResume, ev::kNext,
                          ev::kPrevious, ev::kGoto, ev::kExtend, ev::kMessage,
                          ev::kQuestionAnswered, ev::kEnd})
        if (type == t) return true;
    return false;
}


// The show snapshot and the token of a session folder.
struct SessionFiles {
    Show show;
    std::string token;
    std::filesystem::path source;
};

std::optional<SessionFiles> loadSessionFiles(const std::filesystem::path& dir, std::string& error,
                                             std::vector<std::string>& warnings) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
        error = dir.string() + ": no such session folder.";
        return std::nullopt;
    }
    const auto showFile = dir / kSessionShowFile;
    LoadResult loaded = loadShowFile(showFile);
    if (!loaded.ok()) {
        error = showFile.string() + ": the session's show cannot be read";
        if (!loaded.problems.empty())
            error += ": " + formatProblem(showFile.string(), loaded.problems.front());
        else
            error += ".";
        return std::nullopt;
    }
    SessionFiles out{std::move(*loaded.show), {}, {}};
    const auto infoFile = dir / kSessionInfoFile;
    std::ifstream in(infoFile, std::ios::binary);
    if (in) {
        std::stringstream ss;
        ss << in.rdbuf();
        const auto j = nlohmann::json::parse(ss.str(), nullptr, false);
        if (j.is_object() && j.contains("control_token") && j["control_token"].is_string())
            out.token = j["control_token"].get<std::string>();
        else
            warnings.push_back(infoFile.string() + ": no control token in it.");
        if (j.is_object() && j.contains("source") && j["source"].is_string())
            out.source = j["source"].get<std::string>();
    }
    return out;
}

// The runner and session facts rebuilt from a journal.
struct Replayed {
    ShowRunner runner;
    bool haveSessionStart = false;
    std::int64_t wallStartMs = 0;
    std::optional<std::int64_t> startTodMs;
    std::string startDate;
    std::optional<ProducerMessage> lastMessage;
    std::int64_t lastEventMs = 0;
    bool ended = false;
};

Replayed replay(const Show& show, const std::vector<JournalEvent>& events,
                std::vector<std::string>& warnings) {
    Replayed out;
    out.runner = ShowRunner(show);
    for (const JournalEvent& e : events) {
        const std::int64_t at = std::max(e.tMs, out.lastEventMs);
        out.lastEventMs = at;
        if (e.type == journal_event::kSessionStart) {
            if (out.haveSessionStart) continue;
            out.haveSessionStart = true;
            const auto& f = e.fields;
            if (f.contains("wall_start_ms") && f["wall_start_ms"].is_number())
                out.wallStartMs = f["wall_start_ms"].get<std::int64_t>();
            if (f.contains("start_tod_s") && f["start_tod_s"].is_number())
                out.startTodMs = std::llround(f["start_tod_s"].get<double>() * 1000.0);
            if (f.contains("start_date") && f["start_date"].is_string())
                out.startDate = f["start_date"].get<std::string>();
            continue;
        }
        if (e.type == journal_event::kMessage) {
            const auto& f = e.fields;
            std::string text =
                (f.contains("text") && f["text"].is_string()) ? f["text"].get<std::string>() : "";
            if (text.empty())
                out.lastMessage.reset();
            else
                out.lastMessage = ProducerMessage{std::move(text), at};
            continue;
        }
        const ReplayOutcome r = applyJournalEvent(out.runner, e, at);
        if (r.kind == ReplayOutcome::Kind::Rejected)
            warnings.push_back(std::string(kSessionJournalFile) + " line " +
                               std::to_string(e.line) + " (seq " + std::to_string(e.seq) +
                               ", '" + e.type + "'): could not be replayed (" + r.why +
                               "); skipped it.");
        if (r.kind == ReplayOutcome::Kind::Applied && e.type == journal_event::kEnd)
            out.ended = true;
    }
    out.runner.setTimeOfDayAtZeroMs(out.startTodMs);
    out.runner.setDateAtZero(out.startDate);
    return out;
}

}  // namespace

std::filesystem::path defaultSessionsRoot(const char* home) {
    if (!home) {
        if (const char* env = std::getenv("PYCAST_SESSIONS_DIR"); env && *env) return env;
        home = std::getenv("HOME");
    }
    if (!home || !*home) return std::filesystem::path("PyCast") / "sessions";
    return std::filesystem::path(home) / "PyCast" / "sessions";
}

std::string sessionSlug(const Show& show) {
    auto slugify = [](const std::string& text) { return pycast::slugify(text, SlugLetters::Ascii, ""); };
    std::string slug;
    if (!show.meta.series.empty() && show.meta.episode)
        slug = slugify(show.meta.series + " ep" + std::to_string(*show.meta.episode));
    if (slug.empty()) slug = slugify(show.meta.title);
    if (slug.empty()) slug = slugify(show.meta.series);
    return slug.empty() ? "session" : slug;
}

ReplayOutcome applyJournalEvent(ShowRunner& runner, const JournalEvent& event, std::int64_t atMs) {
    namespace ev = journal_event;
    const std::string& type = event.type;
    const auto& f = event.fields;
    RunnerResult r;
    if (type == ev::kStart) {
        r = runner.start(atMs);
    } else if (type == ev::kPause) {
        r = runner.pause(atMs);
    } else if (type == ev::kResume) {
        r = runner.resume(atMs);
    } else if (type == ev::kNext) {
        r = runner.next(atMs);
    } else if (type == ev::kPrevious) {
        r = runner.previous(atMs);
    } else if (type == ev::kGoto) {
        int index = -1;
        if (f.contains("segment") && f["segment"].is_string())
            index = runner.show().segmentIndex(f["segment"].get<std::string>());
        if (index < 0 && f.contains("index") && f["index"].is_number_integer()) {
            // get<int> would wrap a damaged 4294967297 into segment 1; range-check first.
            const nlohmann::json& wanted = f["index"];
            const auto count = static_cast<std::int64_t>(runner.show().rundown.size());
            if (wanted.is_number_unsigned() && wanted.get<std::uint64_t>() <
                                                   static_cast<std::uint64_t>(count))
                index = wanted.get<int>();
        }
        if (index < 0) return {ReplayOutcome::Kind::Rejected, "no known segment id or index"};
        r = runner.gotoSegment(atMs, index);
    } else if (type == ev::kExtend) {
        if (!f.contains("seconds") || !f["seconds"].is_number_integer())
            return {ReplayOutcome::Kind::Rejected, "no whole \"seconds\""};
        // The API and the keys extend by at most a day at a time; a larger value is damage,
        // and seconds * 1000 would overflow.
        constexpr Seconds kMaxExtend = 24 * 3600;
        const nlohmann::json& secs = f["seconds"];
        const bool inRange = secs.is_number_unsigned()
                                 ? secs.get<std::uint64_t>() <= static_cast<std::uint64_t>(kMaxExtend)
                                 : secs.get<Seconds>() >= -kMaxExtend && secs.get<Seconds>() <= kMaxExtend;
        if (!inRange) return {ReplayOutcome::Kind::Rejected, "\"seconds\" beyond a day"};
        r = runner.extend(atMs, secs.get<Seconds>());
    } else if (type == ev::kQuestionAnswered) {
        r = runner.noteQuestionAnswered(atMs);
    } else if (type == ev::kEnd) {
        r = runner.end(atMs);
    } else {
        return {ReplayOutcome::Kind::Ignored, {}};
    }
    if (!r) return {ReplayOutcome::Kind::Rejected, r.message};
    return {};
}

SnapshotResult loadSessionSnapshot(const std::filesystem::path& dir) {
    SnapshotResult out;
    auto files = loadSessionFiles(dir, out.error, out.warnings);
    if (!files) return out;
    JournalReadResult read = readJournal(dir / kSessionJournalFile);
    if (!read.ok()) {
        out.error = read.error;
        return out;
    }
    for (auto& w : read.warnings) out.warnings.push_back(std::move(w));
    Replayed rep = replay(files->show, read.events, out.warnings);
    SessionSnapshot s;
    s.dir = dir;
    s.show = std::move(files->show);
    s.controlToken = std::move(files->token);
    s.events = std::move(read.events);
    s.runner = std::move(rep.runner);
    s.wallStartMs = rep.wallStartMs;
    s.startTodMs = rep.startTodMs;
    s.startDate = rep.startDate.empty() ? s.show.meta.date : rep.startDate;
    s.lastMessage = std::move(rep.lastMessage);
    s.lastEventMs = rep.lastEventMs;
    s.ended = rep.ended;
    out.snapshot = std::move(s);
    return out;
}

Session::Session(Key, SessionOptions options)
    : m_clock(options.clock), m_wall(options.wall) {}

Session::~Session() = default;

SessionResult Session::create(const Show& show, const std::filesystem::path& sessionsRoot,
                              SessionOptions options) {
    options = withDefaults(options);
    SessionResult out;
    std::error_code ec;
    std::filesystem::create_directories(sessionsRoot, ec);
    if (ec) {
        out.error = sessionsRoot.string() + ": cannot create the sessions folder (" +
                    ec.message() + ").";
        return out;
    }
    const std::string base =
        options.wall->toLocal(options.wall->nowEpochMs()).date() + "-" + sessionSlug(show);
    for (int n = 1; n < 1000; ++n) {
        const auto dir = sessionsRoot / (n == 1 ? base : base + "-" + std::to_string(n));
        // create_directory is the atomic claim: false when the folder already exists.
        if (std::filesystem::create_directory(dir, ec)) return createAt(show, dir, options);
        if (ec) {
            out.error = dir.string() + ": cannot create the session folder (" + ec.message() + ").";
            return out;
        }
    }
    out.error = sessionsRoot.string() + ": too many sessions named " + base + " already.";
    return out;
}

SessionResult Session::createAt(const Show& show, const std::filesystem::path& dir,
                                SessionOptions options) {
    options = withDefaults(options);
    SessionResult out;
    std::error_code ec;
    const auto journalFile = dir / kSessionJournalFile;
    if (std::filesystem::exists(journalFile, ec)) {
        out.error = dir.string() + ": this folder already holds a session; open it to resume, "
                                   "or choose another folder.";
        return out;
    }
    std::filesystem::create_directories(dir, ec);
    if (ec) {
        out.error = dir.string() + ": cannot create the session folder (" + ec.message() + ").";
        return out;
    }
    if (Status saved = writeFileAtomically(dir / kSessionShowFile, serializeShow(show), false);
        !saved.ok()) {
        out.error = saved.error().message();
        return out;
    }
    const std::int64_t wallStart = options.wall->nowEpochMs();
    const LocalDateTime local = options.wall->toLocal(wallStart);
    const std::string token = newControlToken();
    if (Status saved = writeFileAtomically(dir / kSessionInfoFile,
                                               sessionInfoText(formatIsoUtc(wallStart), token,
                                                               sourceOf(options)),
                                               false);
        !saved.ok()) {
        out.error = saved.error().message();
        return out;
    }
    JournalOpenResult jo = Journal::open(journalFile);
    if (!jo.journal) {
        out.error = jo.error;
        return out;
    }
    out.warnings = std::move(jo.warnings);

    auto s = std::make_unique<Session>(Key{}, options);
    s->m_dir = dir;
    s->m_token = token;
    s->m_sourceFile = sourceOf(options);
    s->m_journal = std::move(jo.journal);
    s->m_runner = ShowRunner(show);
    s->m_runner.setTimeOfDayAtZeroMs(local.msOfDay);
    s->m_wallStartMs = wallStart;
    s->m_startDate = local.date();
    s->m_runner.setDateAtZero(s->m_startDate);
    s->m_clockOriginMs = options.clock->nowMs();
    nlohmann::json fields = {{"wall_start_ms", wallStart},
                             {"start_tod_s", static_cast<double>(local.msOfDay) / 1000.0},
                             {"start_date", local.date()}};
    JournalAppendResult a =
        s->m_journal->append(journal_event::kSessionStart, 0, wallStart, fields);
    if (!a) {
        out.error = a.error;
        return out;
    }
    s->m_events.push_back(std::move(a.event));
    out.session = std::move(s);
    return out;
}

SessionResult Session::open(const std::filesystem::path& dir, SessionOptions options) {
    options = withDefaults(options);
    SessionResult out;
    auto files = loadSessionFiles(dir, out.error, out.warnings);
    if (!files) return out;
    if (files->token.empty()) {
        files->token = newControlToken();
        const std::string created = formatIsoUtc(options.wall->nowEpochMs());
        Status saved = writeFileAtomically(dir / kSessionInfoFile,
                                               sessionInfoText(created, files->token, files->source),
                                               false);
        out.warnings.push_back(saved.ok() ? dir.string() + ": the session had no control token; "
                                                         "made a new one."
                                        : saved.error().message());
    }
    JournalOpenResult jo = Journal::open(dir / kSessionJournalFile);
    if (!jo.journal) {
        out.error = jo.error;
        return out;
    }
    for (auto& w : jo.warnings) out.warnings.push_back(std::move(w));
    Replayed rep = replay(files->show, jo.events, out.warnings);

    auto s = std::make_unique<Session>(Key{}, options);
    s->m_dir = dir;
    s->m_token = std::move(files->token);
    s->m_sourceFile = std::move(files->source);
    s->m_journal = std::move(jo.journal);
    s->m_runner = std::move(rep.runner);
    s->m_events = std::move(jo.events);
    s->m_lastMessage = std::move(rep.lastMessage);
    s->m_lastEventMs = rep.lastEventMs;
    const std::int64_t wallNow = options.wall->nowEpochMs();
    if (rep.haveSessionStart) {
        s->m_wallStartMs = rep.wallStartMs;
        s->m_startDate = rep.startDate;
        if (!rep.startTodMs)
            s->m_runner.setTimeOfDayAtZeroMs(options.wall->toLocal(rep.wallStartMs).msOfDay);
    } else {
        // Created but never stamped (or the first line is lost): start the clock now.
        s->m_wallStartMs = wallNow - rep.lastEventMs;
        const LocalDateTime local = options.wall->toLocal(s->m_wallStartMs);
        s->m_startDate = local.date();
        s->m_runner.setTimeOfDayAtZeroMs(local.msOfDay);
        if (s->m_events.empty()) {
            nlohmann::json fields = {{"wall_start_ms", s->m_wallStartMs},
                                     {"start_tod_s", static_cast<double>(local.msOfDay) / 1000.0},
                                     {"start_date", local.date()}};
            JournalAppendResult a = s->m_journal->append(journal_event::kSessionStart, 0,
                                                         s->m_wallStartMs, fields);
            if (!a) {
                out.error = a.error;
                return out;
            }
            s->m_events.push_back(std::move(a.event));
        } else {
            out.warnings.push_back(dir.string() +
                                   ": the journal has no session-start; session time goes on "
                                   "from the last event.");
        }
    }
    if (s->m_startDate.empty()) s->m_startDate = s->show().meta.date;
    s->m_runner.setDateAtZero(s->m_startDate);
    // The show went on in the room while the app was down: continue from the wall clock.
    const std::int64_t nowSessionMs = std::max(wallNow - s->m_wallStartMs, s->m_lastEventMs);
    s->m_clockOriginMs = options.clock->nowMs() - nowSessionMs;
    out.session = std::move(s);
    return out;
}

std::vector<InterruptedSession> Session::findInterrupted(
    const std::filesystem::path& sessionsRoot) {
    std::vector<InterruptedSession> out;
    std::error_code ec;
    std::filesystem::directory_iterator it(sessionsRoot, ec), endIt;
    for (; !ec && it != endIt; it.increment(ec)) {
        std::error_code entryEc;   // a bad entry is skipped; it must not end the listing
        if (!it->is_directory(entryEc)) continue;
        const auto journalFile = it->path() / kSessionJournalFile;
        if (!std::filesystem::exists(journalFile, entryEc)) continue;
        JournalReadResult read = readJournal(journalFile);
        if (!read.ok()) continue;
        const bool ended =
            std::any_of(read.events.begin(), read.events.end(),
                        [](const JournalEvent& e) { return e.type == journal_event::kEnd; });
        if (ended) continue;
        InterruptedSession s;
        s.dir = it->path();
        s.events = read.events.size();
        if (!read.events.empty()) {
            s.lastEventMs = read.events.back().tMs;
            s.lastWall = read.events.back().wall;
        }
        LoadResult show = loadShowFile(it->path() / kSessionShowFile);
        s.title = (show.ok() && !show.show->meta.title.empty()) ? show.show->meta.title
                                                                 : it->path().filename().string();
        out.push_back(std::move(s));
    }
    std::sort(out.begin(), out.end(), [](const InterruptedSession& a, const InterruptedSession& b) {
        if (a.lastWall != b.lastWall) return a.lastWall > b.lastWall;
        return a.dir.filename() > b.dir.filename();
    });
    return out;
}

std::int64_t Session::sessionMs() const {
    return std::max(m_clock->nowMs() - m_clockOriginMs, m_lastEventMs);
}

template <typename Op>
SessionActionResult Session::act(const char* type, const nlohmann::json& fields, Op op) {
    const std::int64_t t = sessionMs();
    // Try it on a copy first: a refused action must leave no trace in the journal.
    ShowRunner trial = m_runner;
    if (RunnerResult r = op(trial, t); !r) return failure(r.message, r.error);
    JournalAppendResult a = m_journal->append(type, t, m_wall->nowEpochMs(), fields);
    if (!a) return failure(a.error + " Nothing changed; try again.");
    m_runner = std::move(trial);
    m_lastEventMs = t;
    SessionActionResult out;
    out.seq = a.event.seq;
    m_events.push_back(std::move(a.event));
    return out;
}

SessionActionResult Session::start() {
    return act(journal_event::kStart, nlohmann::json::object(),
               [](ShowRunner& r, std::int64_t t) { return r.start(t); });
}

SessionActionResult Session::pause() {
    return act(journal_event::kPause, nlohmann::json::object(),
               [](ShowRunner& r, std::int64_t t) { return r.pause(t); });
}

SessionActionResult Session::resume() {
    return act(journal_event::kResume, nlohmann::json::object(),
               [](ShowRunner& r, std::int64_t t) { return r.resume(t); });
}

SessionActionResult Session::next() {
    return act(journal_event::kNext, nlohmann::json::object(),
               [](ShowRunner& r, std::int64_t t) { return r.next(t); });
}

SessionActionResult Session::previous() {
    return act(journal_event::kPrevious, nlohmann::json::object(),
               [](ShowRunner& r, std::int64_t t) { return r.previous(t); });
}

SessionActionResult Session::gotoSegment(const std::string& segmentId) {
    const int index = show().segmentIndex(segmentId);
    if (index < 0)
        return failure("There is no segment with id '" + segmentId + "' in this show.",
                       RunnerError::NoSuchSegment);
    return act(journal_event::kGoto, {{"segment", segmentId}, {"index", index}},
               [index](ShowRunner& r, std::int64_t t) { return r.gotoSegment(t, index); });
}

SessionActionResult Session::extend(Seconds deltaSeconds) {
    return act(journal_event::kExtend, {{"seconds", deltaSeconds}},
               [deltaSeconds](ShowRunner& r, std::int64_t t) { return r.extend(t, deltaSeconds); });
}

SessionActionResult Session::message(const std::string& text) {
    SessionActionResult r = act(journal_event::kMessage, {{"text", text}},
                                [](ShowRunner&, std::int64_t) { return RunnerResult{}; });
    if (r) {
        if (text.empty())
            m_lastMessage.reset();
        else
            m_lastMessage = ProducerMessage{text, m_lastEventMs};
    }
    return r;
}

SessionActionResult Session::questionAnswered(const std::string& questionId) {
    nlohmann::json fields = nlohmann::json::object();
    if (!questionId.empty()) fields["question"] = questionId;
    return act(journal_event::kQuestionAnswered, fields,
               [](ShowRunner& r, std::int64_t t) { return r.noteQuestionAnswered(t); });
}

SessionActionResult Session::end() {
    SessionActionResult r = act(journal_event::kEnd, nlohmann::json::object(),
                                [](ShowRunner& run, std::int64_t t) { return run.end(t); });
    if (!r) return r;
    const SessionReport report = buildReport(show(), m_runner.state(m_lastEventMs), m_startDate);
    if (Status saved = writeReportFiles(m_dir, report); !saved.ok())
        r.warnings.push_back("The show ended, but the report could not be written: " +
                             saved.error().message());
    return r;
}

SessionActionResult Session::appendEvent(const std::string& type, const nlohmann::json& fields) {
    if (type.empty()) return failure("An event needs a type.");
    if (isRunnerType(type))
        return failure("'" + type + "' events are written by the session's own actions.");
    return act(type.c_str(), fields, [](ShowRunner&, std::int64_t) { return RunnerResult{}; });
}

SessionState Session::state() const {
    SessionState st;
    st.sessionMs = sessionMs();
    st.runner = m_runner.state(st.sessionMs);
    st.message = m_lastMessage;
    st.dir = m_dir;
    st.controlToken = m_token;
    return st;
}

bool Session::checkToken(const std::string& token) const {
    if (token.size() != m_token.size() || m_token.empty()) return false;
    unsigned char diff = 0;
    for (std::size_t i = 0; i < token.size(); ++i)
        diff = static_cast<unsigned char>(diff | (token[i] ^ m_token[i]));
    return diff == 0;
}

}  // namespace pycast
