// A session's folder: creating it, opening it again, finding interrupted ones (owner thread).
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

#include "core/text.hpp"
#include "io/atomic_file.hpp"
#include "io/json_read.hpp"
#include "io/show_io.hpp"
#include "live/session.hpp"
#include "live/session_detail.hpp"

namespace pycast {

namespace {

namespace fs = std::filesystem;

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
                            const fs::path& source, const std::string& audiencePin = {}) {
    nlohmann::ordered_json j;
    j["version"] = kSessionFormatVersion;
    j["created"] = createdIso;
    j["control_token"] = token;
    if (!source.empty()) j["source"] = source.string();
    if (!audiencePin.empty()) j["audience_pin"] = audiencePin;
    try {
        return j.dump(2) + "\n";
    } catch (const nlohmann::json::exception&) {
        // A show path that is not UTF-8 (a Latin-1 file name) cannot be JSON text; written
        // replaced it would name another file, so the session keeps no source (the studio
        // then does not reopen one on resume).
        j.erase("source");
        return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    }
}

fs::path sourceOf(const SessionOptions& options) {
    if (options.sourceFile.empty()) return {};
    std::error_code ec;
    fs::path abs = fs::absolute(options.sourceFile, ec);
    return ec ? options.sourceFile : abs;
}

Result<std::unique_ptr<Session>> withWarnings(Result<std::unique_ptr<Session>> r,
                                              std::vector<std::string> warnings) {
    for (auto& w : r.warnings) warnings.push_back(std::move(w));
    r.warnings = std::move(warnings);
    return r;
}

}  // namespace

namespace session_detail {

Result<SessionFiles> loadSessionFiles(const fs::path& dir, std::vector<std::string>& warnings) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        return Error{"no such session folder", dir.string(),
                     "give the folder a session was started in (pycast live … --session DIR)"};
    const auto showFile = dir / kSessionShowFile;
    if (!fs::exists(showFile, ec) && !fs::exists(dir / kSessionJournalFile, ec))
        return Error{std::string("is not a session folder (it has no ") + kSessionShowFile +
                         " and no " + kSessionJournalFile + ")",
                     dir.string(),
                     "give the folder a session was started in (pycast live SHOW.json --session "
                     "DIR makes one)"};
    LoadResult loaded = loadShowFile(showFile);
    if (!loaded.ok()) {
        std::string what = "the session's show cannot be read";
        if (!loaded.problems.empty())
            what += ": " + formatProblem(showFile.string(), loaded.problems.front());
        return Error{what, showFile.string(), {}};
    }
    SessionFiles out{std::move(*loaded.show), {}, {}, {}, {}};
    const auto infoFile = dir / kSessionInfoFile;
    std::ifstream in(infoFile, std::ios::binary);
    if (in) {
        std::stringstream ss;
        ss << in.rdbuf();
        // Strict and never throwing: a damaged session.json costs the token, not the session.
        Result<nlohmann::json> read = parseJsonFile(ss.str(), infoFile.string());
        if (!read) warnings.push_back(read.error().message());
        const nlohmann::json j = read ? std::move(*read) : nlohmann::json();
        if (j.is_object() && j.contains("control_token") && j["control_token"].is_string())
            out.token = j["control_token"].get<std::string>();
        else
            warnings.push_back(infoFile.string() + ": no control token in it.");
        if (j.is_object() && j.contains("source") && j["source"].is_string())
            out.source = j["source"].get<std::string>();
        if (j.is_object() && j.contains("audience_pin") && j["audience_pin"].is_string())
            out.audiencePin = j["audience_pin"].get<std::string>();
        if (j.is_object() && j.contains("created") && j["created"].is_string())
            out.created = j["created"].get<std::string>();
    }
    return out;
}

nlohmann::json sessionStartFields(std::int64_t wallStartMs, const LocalDateTime& local) {
    return {{"wall_start_ms", wallStartMs},
            {"start_tod_s", static_cast<double>(local.msOfDay) / 1000.0},
            {"start_date", local.date()}};
}

}  // namespace session_detail

fs::path defaultSessionsRoot(const char* home) {
    if (!home) {
        if (const char* env = std::getenv("PYCAST_SESSIONS_DIR"); env && *env) return env;
        home = std::getenv("HOME");
    }
    if (!home || !*home) return fs::path("PyCast") / "sessions";
    return fs::path(home) / "PyCast" / "sessions";
}

std::string sessionSlug(const Show& show) {
    auto slugify = [](const std::string& text) {
        return pycast::slugify(text, SlugLetters::Ascii, "");
    };
    std::string slug;
    if (!show.meta.series.empty() && show.meta.episode)
        slug = slugify(show.meta.series + " ep" + std::to_string(*show.meta.episode));
    if (slug.empty()) slug = slugify(show.meta.title);
    if (slug.empty()) slug = slugify(show.meta.series);
    return slug.empty() ? "session" : slug;
}

Session::Session(Key, SessionOptions options) : m_clock(options.clock), m_wall(options.wall) {}

Session::~Session() = default;

Result<std::unique_ptr<Session>> Session::create(const Show& show, const fs::path& sessionsRoot,
                                                 SessionOptions options) {
    options = withDefaults(options);
    std::error_code ec;
    fs::create_directories(sessionsRoot, ec);
    if (ec)
        return Error{"cannot create the sessions folder (" + ec.message() + ")",
                     sessionsRoot.string(), "pick a sessions folder you can write to"};
    const std::string base =
        options.wall->toLocal(options.wall->nowEpochMs()).date() + "-" + sessionSlug(show);
    for (int n = 1; n < 1000; ++n) {
        const auto dir = sessionsRoot / (n == 1 ? base : base + "-" + std::to_string(n));
        // create_directory is the atomic claim: false when the folder already exists.
        if (fs::create_directory(dir, ec)) return createAt(show, dir, options);
        if (ec)
            return Error{"cannot create the session folder (" + ec.message() + ")", dir.string(),
                         "pick a sessions folder you can write to"};
    }
    return Error{"too many sessions named " + base + " already", sessionsRoot.string(),
                 "move old sessions elsewhere"};
}

Result<std::unique_ptr<Session>> Session::createAt(const Show& show, const fs::path& dir,
                                                   SessionOptions options) {
    options = withDefaults(options);
    std::error_code ec;
    const auto journalFile = dir / kSessionJournalFile;
    if (fs::exists(journalFile, ec))
        return Error{"this folder already holds a session", dir.string(),
                     "open it to resume, or choose another folder"};
    fs::create_directories(dir, ec);
    if (ec)
        return Error{"cannot create the session folder (" + ec.message() + ")", dir.string(),
                     "pick a folder you can write to"};
    if (Status saved = writeFileAtomically(dir / kSessionShowFile, serializeShow(show), false);
        !saved.ok())
        return saved.error();
    const std::int64_t wallStart = options.wall->nowEpochMs();
    const LocalDateTime local = options.wall->toLocal(wallStart);
    const std::string token = newControlToken();
    if (Status saved = writeFileAtomically(
            dir / kSessionInfoFile,
            sessionInfoText(formatIsoUtc(wallStart), token, sourceOf(options)), false);
        !saved.ok())
        return saved.error();
    Result<OpenedJournal> jo = Journal::open(journalFile);
    if (!jo) return jo.error();

    auto s = std::make_unique<Session>(Key{}, options);
    s->m_dir = dir;
    s->m_token = token;
    s->m_created = formatIsoUtc(wallStart);
    s->m_sourceFile = sourceOf(options);
    s->m_journal = std::move(jo->journal);
    s->m_live = LiveState(show);
    s->m_live.runner.setTimeOfDayAtZeroMs(local.msOfDay);
    s->m_wallStartMs = wallStart;
    s->m_startDate = local.date();
    s->m_live.runner.setDateAtZero(s->m_startDate);
    s->m_clockOriginMs = options.clock->nowMs();
    Result<JournalEvent> a =
        s->m_journal->append(journal_event::kSessionStart, SessionMs(0), EpochMs(wallStart),
                             session_detail::sessionStartFields(wallStart, local));
    if (!a) return a.error();
    s->m_events.push_back(std::move(*a));
    Result<std::unique_ptr<Session>> out(std::move(s));
    out.warnings = std::move(jo.warnings);
    return out;
}

Result<std::unique_ptr<Session>> Session::open(const fs::path& dir, SessionOptions options) {
    options = withDefaults(options);
    std::vector<std::string> warnings;
    Result<session_detail::SessionFiles> files = session_detail::loadSessionFiles(dir, warnings);
    if (!files) return files.error();
    if (files->created.empty()) files->created = formatIsoUtc(options.wall->nowEpochMs());
    if (files->token.empty()) {
        files->token = newControlToken();
        Status saved = writeFileAtomically(
            dir / kSessionInfoFile,
            sessionInfoText(files->created, files->token, files->source, files->audiencePin),
            false);
        warnings.push_back(saved.ok() ? dir.string() +
                                            ": the session had no control token; made a new one."
                                      : saved.error().message());
    }
    Result<OpenedJournal> jo = Journal::open(dir / kSessionJournalFile);
    if (!jo) return jo.error();
    for (auto& w : jo.warnings) warnings.push_back(std::move(w));
    session_detail::Replayed rep = session_detail::replay(files->show, jo->events, warnings);

    auto s = std::make_unique<Session>(Key{}, options);
    s->m_dir = dir;
    s->m_token = std::move(files->token);
    s->m_audiencePin = std::move(files->audiencePin);
    s->m_created = std::move(files->created);
    s->m_sourceFile = std::move(files->source);
    s->m_journal = std::move(jo->journal);
    s->m_live = std::move(rep.live);
    s->m_events = std::move(jo->events);
    s->m_lastEventMs = rep.lastEventMs;
    const std::int64_t wallNow = options.wall->nowEpochMs();
    if (rep.haveSessionStart) {
        s->m_wallStartMs = rep.wallStartMs;
        s->m_startDate = rep.startDate;
        if (!rep.startTodMs)
            s->m_live.runner.setTimeOfDayAtZeroMs(options.wall->toLocal(rep.wallStartMs).msOfDay);
    } else {
        // Created but never stamped (or the first line is lost): start the clock now.
        s->m_wallStartMs = wallNow - rep.lastEventMs;
        const LocalDateTime local = options.wall->toLocal(s->m_wallStartMs);
        s->m_startDate = local.date();
        s->m_live.runner.setTimeOfDayAtZeroMs(local.msOfDay);
        if (s->m_events.empty()) {
            Result<JournalEvent> a = s->m_journal->append(
                journal_event::kSessionStart, SessionMs(0), EpochMs(s->m_wallStartMs),
                session_detail::sessionStartFields(s->m_wallStartMs, local));
            if (!a) return a.error();
            s->m_events.push_back(std::move(*a));
        } else {
            warnings.push_back(dir.string() +
                               ": the journal has no session-start; session time goes on from "
                               "the last event.");
        }
    }
    if (s->m_startDate.empty()) s->m_startDate = s->show().meta.date;
    s->m_live.runner.setDateAtZero(s->m_startDate);
    // The show went on in the room while the app was down: continue from the wall clock.
    std::int64_t nowSessionMs = std::max(wallNow - s->m_wallStartMs, s->m_lastEventMs);
    if (nowSessionMs > kMaxJournalMs) {
        // Not a believable start (a damaged session-start without its wall time, a clock set
        // years off): the next event would carry a session time no reader keeps (found by the
        // session_folder fuzz target). Go on from the last event instead.
        warnings.push_back(dir.string() + ": the session's start time (" +
                           formatIsoUtc(s->m_wallStartMs) +
                           ") is not believable; session time goes on from the last event.");
        nowSessionMs = s->m_lastEventMs;
        s->m_wallStartMs = wallNow - nowSessionMs;
    }
    s->m_clockOriginMs = options.clock->nowMs() - nowSessionMs;
    return withWarnings(Result<std::unique_ptr<Session>>(std::move(s)), std::move(warnings));
}

std::vector<InterruptedSession> Session::findInterrupted(const fs::path& sessionsRoot) {
    std::vector<InterruptedSession> out;
    const std::string endType = definitionOf(LiveCommand::End).journalType;
    std::error_code ec;
    fs::directory_iterator it(sessionsRoot, ec), endIt;
    for (; !ec && it != endIt; it.increment(ec)) {
        std::error_code entryEc;  // a bad entry is skipped; it must not end the listing
        if (!it->is_directory(entryEc)) continue;
        const auto journalFile = it->path() / kSessionJournalFile;
        if (!fs::exists(journalFile, entryEc)) continue;
        Result<JournalContents> read = readJournal(journalFile);
        if (!read) continue;
        const bool ended = std::any_of(read->events.begin(), read->events.end(),
                                       [&](const JournalEvent& e) { return e.type == endType; });
        if (ended) continue;
        InterruptedSession s;
        s.dir = it->path();
        s.events = read->events.size();
        if (!read->events.empty()) {
            s.lastEventMs = read->events.back().at.value;
            s.lastWall = read->events.back().wall;
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

Status Session::setAudiencePin(const std::string& pin) {
    if (pin == m_audiencePin) return ok();
    if (Status saved = writeFileAtomically(m_dir / kSessionInfoFile,
                                           sessionInfoText(m_created, m_token, m_sourceFile, pin),
                                           false);
        !saved.ok())
        return saved;
    m_audiencePin = pin;
    return ok();
}

}  // namespace pycast
