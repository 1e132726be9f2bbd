// The recorder as a live service: takes, repairs, journaled status and the sample stamp (owner
// thread; the recorder's own threads are behind media::Recorder).
#include "media/recorder_service.hpp"

#include <algorithm>
#include <chrono>
#include <system_error>
#include <utility>

#include "core/text.hpp"
#include "live/recording_repair.hpp"

namespace pycast::media {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// How long a dropout stays on the host's screen after it happened.
constexpr auto kDropoutShown = std::chrono::seconds(10);

std::string relativeTo(const fs::path& dir, const fs::path& file) {
    std::error_code ec;
    fs::path rel = fs::relative(file, dir, ec);
    return (ec || rel.empty() ? file : rel).generic_string();
}

}  // namespace

struct RecorderService::Impl {
    RecorderSetup setup;
    Recorder recorder;
    Session* session = nullptr;
    ServiceInfo info;
    bool takeOpen = false;  // recorder-start journaled, recorder-stop not yet
    std::string stopReason; // why we stop it ("show ended", "stopped"); "" when it stopped itself
    struct Shown {
        RecorderEvent event;
        std::chrono::steady_clock::time_point at;
    };
    std::vector<Shown> warnings;
    std::vector<HostLine> lines;

    // Journals a recorder event; a failure is kept as the service's note (the journal's own
    // error already says what to do).
    void journal(Session& s, const char* type, const json& fields,
                 std::optional<SampleCount> sample = std::nullopt) {
        SessionActionResult r = s.appendEvent(type, fields, sample);
        if (!r) info.notes.push_back("could not journal " + std::string(type) + ": " +
                                     r.error.message());
    }

    void handle(Session& s, RecorderEvent e) {
        namespace ev = recorder_event;
        if (e.kind == RecorderEvent::Kind::Dropout)
            lines.push_back({HostLine::Kind::Warning,
                             "dropout (" + e.dropout.kind + ") at sample " +
                                 std::to_string(e.dropout.at.value) +
                                 (e.dropout.frames > 0 ? ", " + std::to_string(e.dropout.frames) + " frames lost"
                                                       : std::string())});
        else if (e.kind == RecorderEvent::Kind::Warning)
            lines.push_back({HostLine::Kind::Warning, e.text});   // it names the track
        else if (e.kind == RecorderEvent::Kind::Error)
            lines.push_back({HostLine::Kind::Error, e.text});
        switch (e.kind) {
            case RecorderEvent::Kind::Dropout:
                journal(s, ev::kDropout,
                        {{"take", setup.take}, {"kind", e.dropout.kind}, {"frames", e.dropout.frames}},
                        e.dropout.at);
                warnings.push_back({std::move(e), std::chrono::steady_clock::now()});
                break;
            case RecorderEvent::Kind::Warning: {
                json f = {{"code", e.code}, {"text", e.text}};
                if (e.track >= 0) f["track"] = e.track;
                journal(s, ev::kWarning, f);
                std::erase_if(warnings, [&](const Shown& w) {
                    return w.event.kind == RecorderEvent::Kind::Warning && w.event.code == e.code &&
                           w.event.track == e.track;
                });
                warnings.push_back({std::move(e), std::chrono::steady_clock::now()});
                break;
            }
            case RecorderEvent::Kind::WarningCleared: {
                json f = {{"code", e.code}};
                if (e.track >= 0) f["track"] = e.track;
                journal(s, ev::kWarningCleared, f);
                std::erase_if(warnings, [&](const Shown& w) {
                    return w.event.kind == RecorderEvent::Kind::Warning && w.event.code == e.code &&
                           w.event.track == e.track;
                });
                break;
            }
            case RecorderEvent::Kind::Error:
                journal(s, ev::kError, {{"code", e.code}, {"text", e.text}});
                info.error = e.text;
                warnings.push_back({std::move(e), std::chrono::steady_clock::now()});
                break;
            case RecorderEvent::Kind::Stopped:
                closeTake(s, !stopReason.empty() ? stopReason : e.text.empty() ? e.code : e.text);
                break;
        }
    }

    void closeTake(Session& s, const std::string& reason) {
        if (!takeOpen) return;
        takeOpen = false;
        s.setSampleSource(nullptr);
        // The live detector's talk time per recorded track: the report adds these up instead of
        // reading every file again at the end of the show.
        const RecorderStatus st = recorder.status();
        json talk = json::array();
        for (std::size_t i = 0; i < setup.tracks.size() && i < st.tracks.size(); ++i)
            if (setup.tracks[i].armed) talk.push_back(st.tracks[i].talkMs);
        journal(s, recorder_event::kStop,
                {{"take", setup.take},
                 {"frames", st.framesWritten},
                 {"reason", reason},
                 {"talk_ms", talk}});
        info.running = false;
        lines.push_back({HostLine::Kind::Info, "recording take " + std::to_string(setup.take) +
                                                   " stopped (" + reason + ")"});
    }

    void drainEvents(Session& s) {
        for (RecorderEvent& e : recorder.takeEvents()) handle(s, std::move(e));
    }
};

RecorderService::RecorderService(RecorderSetup setup) : m_impl(std::make_unique<Impl>()) {
    m_impl->setup = std::move(setup);
    m_impl->info.name = kRecorderServiceName;
}

RecorderService::~RecorderService() { stop(); }

Status RecorderService::start(const ServiceContext& context) {
    Impl& m = *m_impl;
    if (!context.session)
        return Error{"the recorder needs a live session", {}, "start a session first"};
    Session& s = *context.session;
    m.session = &s;
    m.info.error.clear();
    m.info.notes.clear();
    // Takes that never journaled their stop (the program died): repaired, so they are readable
    // and their length known; the new take starts after them on the timeline.
    for (auto& line : repairInterruptedTakes(s)) m.info.notes.push_back(std::move(line));
    bindTracksToPeople(m.setup, s.show());
    for (const TrackSetup& t : m.setup.tracks) {
        if (!t.person.empty() || !t.armed) continue;
        std::string ids;
        for (const Person& p : s.show().people) ids += (ids.empty() ? "" : ", ") + p.id;
        m.info.notes.push_back("track \"" + t.name +
                               "\" is no person of the show: its talk time counts for nobody's "
                               "airtime or company; name the track by a person's id (" +
                               ids + "), name or role");
    }
    m.setup.folder = s.dir() / "tracks";
    m.stopReason.clear();
    m.setup.take = s.recording().nextTake();
    m.setup.startSample = s.recording().nextStartSample();
    if (Status started = m.recorder.start(m.setup); !started.ok()) {
        m.info.error = started.error().message();
        m.info.running = false;
        m.journal(s, recorder_event::kError, {{"code", "start-failed"}, {"text", m.info.error}});
        return started;
    }
    json tracks = json::array();
    const std::vector<fs::path> files = m.recorder.files();
    std::size_t f = 0;
    for (const TrackSetup& t : m.setup.tracks) {
        if (!t.armed) continue;
        tracks.push_back({{"channel", t.channel},
                          {"name", t.name},
                          {"person", t.person},
                          {"file", f < files.size() ? relativeTo(s.dir(), files[f]) : ""}});
        ++f;
    }
    m.journal(s, recorder_event::kStart,
              {{"take", m.setup.take},
               {"rate", m.setup.sampleRate},
               {"start_sample", m.setup.startSample.value},
               {"device", m.setup.device},
               {"tracks", tracks}},
              m.setup.startSample);
    m.takeOpen = true;
    Recorder* recorder = &m.recorder;
    s.setSampleSource([recorder] { return std::optional<SampleCount>(recorder->position()); });
    m.info.running = true;
    m.info.url = (s.dir() / "tracks").string();
    return Done{};
}

void RecorderService::stop() {
    Impl& m = *m_impl;
    if (!m.session) return;
    Session& s = *m.session;
    m.stopReason = "stopped";
    const Status stopped = m.recorder.stop();
    m.drainEvents(s);
    m.closeTake(s, stopped.ok() ? "stopped" : stopped.error().message());
    m.session = nullptr;
}

ServiceInfo RecorderService::info() const { return m_impl->info; }

void RecorderService::poll(Session& session) {
    Impl& m = *m_impl;
    if (!m.session) return;
    m.drainEvents(session);
    // The show's end stops the take (the report then measures complete files).
    if (m.takeOpen && session.runner().phase() == RunPhase::Ended) {
        m.stopReason = "show ended";
        (void)m.recorder.stop();
        m.drainEvents(session);
        m.closeTake(session, "show ended");
        (void)session.writeReport();
    }
    const auto now = std::chrono::steady_clock::now();
    std::erase_if(m.warnings, [&](const Impl::Shown& w) {
        return w.event.kind == RecorderEvent::Kind::Dropout && now - w.at > kDropoutShown;
    });
}

std::vector<std::string> RecorderService::describe() const {
    const Impl& m = *m_impl;
    if (!m.info.running) return {};
    std::vector<std::string> lines;
    std::string tracks;
    for (const TrackSetup& t : m.setup.tracks)
        if (t.armed) tracks += (tracks.empty() ? "" : ", ") + t.name;
    lines.push_back("recording take " + std::to_string(m.setup.take) + " at " +
                    std::to_string(m.setup.sampleRate) + " Hz into " + m.info.url + " (" +
                    tracks + ")");
    return lines;
}

RecorderStatus RecorderService::status() const { return m_impl->recorder.status(); }

std::vector<RecorderEvent> RecorderService::activeWarnings() const {
    std::vector<RecorderEvent> out;
    for (auto it = m_impl->warnings.rbegin(); it != m_impl->warnings.rend(); ++it)
        out.push_back(it->event);
    return out;
}

const RecorderSetup& RecorderService::setup() const { return m_impl->setup; }

std::vector<HostLine> RecorderService::takeLines() { return std::exchange(m_impl->lines, {}); }

}  // namespace pycast::media
