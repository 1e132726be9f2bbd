// The recorder as a live service: records the session's tracks, stamps every journaled event
// with the recorder's timeline sample, and journals the recorder's status (owner thread).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "live/live_host.hpp"
#include "live/live_service.hpp"
#include "media/recorder.hpp"

namespace pycast::media {

inline constexpr const char* kRecorderServiceName = "recorder";

// Journal events (docs/recorder.md): recorder-start {take, rate, start_sample, tracks:[{channel,
// name, person, file}]}, recorder-stop {take, frames, reason}, recorder-dropout {take, kind,
// frames} (sample = where), recorder-warning {code, track?, text}, recorder-warning-cleared
// {code, track?}, recorder-error {code, text}, recorder-repair {file, frames_recovered,
// bytes_dropped}.
// Binds the setup's tracks to the show's people. With no tracks: one armed track per person who
// speaks in the rundown (else every person), in the show's order, on channels 0, 1, …, named
// after them. Tracks already named are bound to the person whose id or name matches (ignoring
// case; a track named by id takes the person's name), else to the only person of the role it
// is named after ("host", "guest"), else left to nobody (start() then says so in a note). Channels grow to hold the highest track channel.
void bindTracksToPeople(RecorderSetup& setup, const Show& show);

class RecorderService : public LiveService {
public:
    // `setup`: device and tracks; its folder, take and startSample are chosen at start() from
    // the session (tracks/ of the session; the next take after the journal's; the earlier
    // takes' frames, after repairing their files).
    explicit RecorderService(RecorderSetup setup);
    ~RecorderService() override;

    Status start(const ServiceContext& context) override;
    void stop() override;
    ServiceInfo info() const override;
    void poll(Session& session) override;
    std::vector<std::string> describe() const override;

    // For the Live tab and the presenter (owner thread).
    RecorderStatus status() const;
    // Warnings in force now (a dropout stays for 10 s; silence, no signal, disk low, clipping
    // while they last), newest first.
    std::vector<RecorderEvent> activeWarnings() const;
    const RecorderSetup& setup() const;
    // Lines for a terminal since the last call: dropouts, warnings begun, errors, the take's
    // start and stop ("warning: Guest 1: no signal for 2 s — check the cable").
    std::vector<HostLine> takeLines();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace pycast::media
