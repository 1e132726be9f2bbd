// The one live host: a session and the services around it, for the studio and `pycast live` (owner
// thread).
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "live/live_command.hpp"
#include "live/live_service.hpp"
#include "live/owner_queue.hpp"
#include "live/session.hpp"

namespace pycast {

// A line the host reports; both front ends print it (and the studio shows notes and warnings
// in the Live tab). The text never repeats the kind ("note: " is the printer's).
struct HostLine {
    enum class Kind { Info, Note, Warning, Error };
    Kind kind = Kind::Info;
    std::string text;
    bool operator==(const HostLine&) const = default;
};

// "note: …", "warning: …", "error: …" or the text itself, as a terminal shows it.
std::string formatHostLine(const HostLine& line);

struct LiveHostOptions {
    SessionOptions clocks;
    // `pycast live`: a service that cannot start keeps the session off the air (its new folder
    // is removed again). The studio goes on without it and says so.
    bool servicesRequired = false;
    // The studio opens an ended session to show its report; `pycast live` refuses it.
    bool openEndedSessions = true;
    // The program, first on the start-up line: "pycast live: \"Title\", 8 segments, …".
    std::string program = "pycast live";
    // The command that continues an interrupted session; "%s" is the session folder.
    std::string resumeCommand = "pycast live --resume --session %s";
};

// Owns the live session and the services that run beside it. A session is created for a show
// or resumed from its folder; the services start with it and stop when it ends or closes.
// Every change goes through Session::perform, so the journal has it before any screen does.
// Requests from service threads arrive through the owner queue and run in drain().
//
// Thread: the owner thread (the UI frame, or the CLI's loop). The wake callback is called from
// service threads.
class LiveHost {
public:
    using ServiceFactory = std::function<std::unique_ptr<LiveService>()>;

    explicit LiveHost(LiveHostOptions options = {});
    ~LiveHost();  // closes the session (kept resumable) and stops the services
    LiveHost(const LiveHost&) = delete;
    LiveHost& operator=(const LiveHost&) = delete;

    // A service made for each session (the control API, plugged by the front end).
    void addService(ServiceFactory factory);
    void clearServices();
    // Called from a service thread when a request is queued: wake the owner's loop.
    void setWakeCallback(std::function<void()> wake);

    // A new session in SESSIONS_ROOT/<date>-<slug> or in DIR. Refused while a show is live.
    // `source`: the file the show came from, kept for a later resume.
    Status startSession(const Show& show, const std::filesystem::path& sessionsRoot,
                        const std::filesystem::path& source = {});
    Status startSessionAt(const Show& show, const std::filesystem::path& dir,
                          const std::filesystem::path& source = {});
    // Resumes the session in DIR: position, elapsed times and messages come back from the
    // journal; damaged lines become warnings.
    Status resumeSession(const std::filesystem::path& dir);

    Session* session() { return m_session.get(); }
    const Session* session() const { return m_session.get(); }
    bool wasResumed() const { return m_resumed; }
    bool isLive() const;   // a session that has not ended
    bool isOnAir() const;  // started and not ended: the clock runs or is held
    RunPhase phase() const;

    // A live command from the host's own hands (button, key). Refusals come back with a
    // sentence; nothing changed then.
    SessionActionResult perform(LiveRequest request);

    // Runs the services' queued requests on this thread; returns how many ran.
    std::size_t drain();
    // Sleeps until a service queued something or the timeout passes (the CLI's loop).
    bool waitForWork(std::chrono::milliseconds timeout);

    std::vector<ServiceInfo> services() const;
    // The running service of that name (its info().name), or null; valid until it stops.
    LiveService* findService(const std::string& name);
    // A service switched on during the session (the audience page): started now, stopped with
    // the session or by stopService. A running service of the same name is replaced. The
    // service must say its name in info() before start.
    Status startService(std::unique_ptr<LiveService> service);
    // Stops and drops the services of that name (its port closes before this returns).
    void stopService(const std::string& name);

    // The lines the host reported since the last call (start-up banner, warnings, refusals,
    // shutdown), in order.
    std::vector<HostLine> takeLines();
    // One line per change of what is on air since the last call ("[0:02:13] on air 2/8 …",
    // held, resumed, a message, the end); the terminal's running log.
    std::vector<std::string> statusLines();

    // The end of a live run: closes the queue (waiting requests get an answer), ends the show
    // if it is on air and `endShow` (journal "end", report written), stops the services and
    // drops the session. Reports each step as lines. Returns false when the show could not be
    // ended (it stays resumable; the lines say how to go on).
    bool shutdown(bool endShow, const std::string& why = {});

    // Drops the session without ending it (it stays resumable) and stops the services.
    void closeSession();

    // Lines that say how to continue the session in DIR later.
    std::string resumeCommand(const std::filesystem::path& dir) const;

private:
    Status adopt(Result<std::unique_ptr<Session>> result, bool resumed, bool madeDir,
                 const std::filesystem::path& newDir);
    Status refuseWhileLive(const char* verb) const;
    void startServices();
    void stopServices();
    void notifyServices();  // LiveService::sessionChanged, after the session changed
    void say(HostLine::Kind kind, std::string text);
    void bannerLines();

    struct Seen {
        RunPhase phase = RunPhase::NotStarted;
        int index = -1;
        std::optional<ProducerMessage> message;
    };

    LiveHostOptions m_options;
    std::vector<ServiceFactory> m_factories;
    std::function<void()> m_wake;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<OwnerQueue> m_queue;
    std::vector<std::unique_ptr<LiveService>> m_services;
    std::vector<HostLine> m_lines;
    Seen m_seen;
    bool m_resumed = false;
};

}  // namespace pycast
