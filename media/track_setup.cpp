// The tracks of a recorder setup: defaults from the show's people, fitting to a device's
// channels, binding named tracks to people (any one thread; pure).
#include <algorithm>

#include "core/text.hpp"
#include "media/recorder.hpp"

namespace pycast::media {

std::vector<TrackSetup> defaultTracks(const Show& show, int channels) {
    std::vector<const Person*> order;
    for (Role role : {Role::Host, Role::Moderator, Role::Guest})
        for (const Person& p : show.people)
            if (p.role == role) order.push_back(&p);
    int hosts = 0, moderators = 0, guests = 0;
    for (const Person* p : order) {
        if (p->role == Role::Host) ++hosts;
        if (p->role == Role::Moderator) ++moderators;
    }
    int host = 0, moderator = 0;
    std::vector<TrackSetup> out;
    for (int ch = 0; ch < std::max(channels, 0); ++ch) {
        TrackSetup t;
        t.channel = ch;
        t.armed = true;
        if (static_cast<std::size_t>(ch) < order.size()) {
            const Person& p = *order[static_cast<std::size_t>(ch)];
            t.person = p.id;
            switch (p.role) {
                case Role::Host:
                    ++host;
                    t.name = hosts > 1 ? "Host " + std::to_string(host) : "Host";
                    break;
                case Role::Moderator:
                    ++moderator;
                    t.name =
                        moderators > 1 ? "Moderator " + std::to_string(moderator) : "Moderator";
                    break;
                default:
                    t.name = "Guest " + std::to_string(++guests);
                    break;
            }
        } else {
            t.name = "Input " + std::to_string(ch + 1);
        }
        out.push_back(std::move(t));
    }
    return out;
}

void fitTracks(RecorderSetup& setup, const Show& show, int channels) {
    channels = std::max(channels, 1);
    setup.channels = channels;
    const std::vector<TrackSetup> defaults = defaultTracks(show, channels);
    std::vector<TrackSetup> kept;
    for (TrackSetup t : setup.tracks) {
        if (t.channel < 0 || t.channel >= channels) continue;
        if (std::any_of(kept.begin(), kept.end(),
                        [&](const TrackSetup& k) { return k.channel == t.channel; }))
            continue;
        if (!t.person.empty() && show.findPerson(t.person) == nullptr) t.person.clear();
        kept.push_back(std::move(t));
    }
    for (const TrackSetup& d : defaults)
        if (std::none_of(kept.begin(), kept.end(),
                         [&](const TrackSetup& k) { return k.channel == d.channel; }))
            kept.push_back(d);
    std::sort(kept.begin(), kept.end(), [](const TrackSetup& a, const TrackSetup& b) {
        return a.channel < b.channel;
    });
    setup.tracks = std::move(kept);
}

void bindTracksToPeople(RecorderSetup& setup, const Show& show) {
    int withMic = 0;   // hosts, moderators and guests: producers have no mic
    for (const Person& p : show.people)
        if (p.role == Role::Host || p.role == Role::Moderator || p.role == Role::Guest) ++withMic;
    const std::vector<TrackSetup> defaults = defaultTracks(show, withMic);
    if (setup.tracks.empty()) {
        setup.tracks = defaults;
    } else {
        for (TrackSetup& t : setup.tracks) {
            if (!t.person.empty()) continue;
            const std::string key = lowerAscii(t.name);
            for (const Person& p : show.people) {
                if (lowerAscii(p.id) != key && lowerAscii(p.name) != key) continue;
                t.person = p.id;
                // Named by id ("p-host"): the track takes that person's usual name ("Host").
                if (lowerAscii(p.id) == key)
                    for (const TrackSetup& d : defaults)
                        if (d.person == p.id) t.name = d.name;
                break;
            }
            if (!t.person.empty()) continue;
            // `--tracks host,guest` as `pycast record --help` shows it: the only person of that
            // role, so the talk time still counts for a person and a company.
            const Person* only = nullptr;
            int count = 0;
            for (const Person& p : show.people)
                if (lowerAscii(toName(p.role)) == key) {
                    only = &p;
                    ++count;
                }
            if (count == 1) t.person = only->id;
        }
    }
    for (const TrackSetup& t : setup.tracks) setup.channels = std::max(setup.channels, t.channel + 1);
}

}  // namespace pycast::media
