// Shared by the session's own files (folder, replay, verbs); not for other folders (owner thread).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "live/session.hpp"

namespace pycast::session_detail {

// The show snapshot and the token of a session folder.
struct SessionFiles {
    Show show;
    std::string token;
    std::filesystem::path source;
    std::string audiencePin;
    std::string created;  // ISO UTC, as session.json says
};
// Warnings (no token in session.json) are added to `warnings`.
Result<SessionFiles> loadSessionFiles(const std::filesystem::path& dir,
                                      std::vector<std::string>& warnings);

// The domains' state and session facts rebuilt from a journal (session_replay.cpp).
struct Replayed {
    LiveState live;
    bool haveSessionStart = false;
    std::int64_t wallStartMs = 0;
    std::optional<std::int64_t> startTodMs;
    std::string startDate;
    std::int64_t lastEventMs = 0;
    bool ended = false;
};
Replayed replay(const Show& show, const std::vector<JournalEvent>& events,
                std::vector<std::string>& warnings);

// The session-start event's fields for a session that starts at `wallStartMs`.
nlohmann::json sessionStartFields(std::int64_t wallStartMs, const LocalDateTime& local);

}  // namespace pycast::session_detail
