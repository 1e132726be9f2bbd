// The recorder's domain: takes, their track files, dropouts and errors, as journaled by the
// recorder service and replayed on resume (owner thread).
#include <algorithm>
#include <limits>

#include "live/live_state.hpp"

namespace pycast {

namespace {

using nlohmann::json;

bool readInt(const json& f, const char* key, std::int64_t& out) {
    const auto it = f.find(key);
    if (it == f.end() || !it->is_number_integer()) return false;
    if (it->is_number_unsigned() &&
        it->get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        return false;
    out = it->get<std::int64_t>();
    return true;
}

std::string readText(const json& f, const char* key) {
    const auto it = f.find(key);
    return it != f.end() && it->is_string() ? it->get<std::string>() : std::string();
}

RecordingTake* findTake(RecordingLog& log, std::int64_t take) {
    for (auto& t : log.takes)
        if (t.take == take) return &t;
    return nullptr;
}

}  // namespace

SampleCount RecordingLog::nextStartSample() const {
    if (takes.empty()) return SampleCount(0);
    const RecordingTake& last = takes.back();
    return SampleCount(last.startSample.value + last.frames.value_or(0));
}

RecorderApply applyRecorderEvent(RecordingLog& log, const std::string& type, const json& fields,
                                 std::optional<SampleCount> sample, SessionMs at,
                                 std::string& why) {
    namespace ev = recorder_event;
    if (type.rfind("recorder-", 0) != 0) return RecorderApply::Ignored;
    if (!fields.is_object()) {
        why = "the event's fields are not an object";
        return RecorderApply::Rejected;
    }
    std::int64_t take = 0;
    if (type == ev::kStart) {
        std::int64_t rate = 0, start = 0;
        if (!readInt(fields, "take", take) || take < 1 || take > 10'000 ||
            !readInt(fields, "rate", rate) || rate < 8000 || rate > 768'000 ||
            !readInt(fields, "start_sample", start) || start < 0) {
            why = "recorder-start needs \"take\" (1…), \"rate\" (Hz) and \"start_sample\"";
            return RecorderApply::Rejected;
        }
        RecordingTake t;
        t.take = static_cast<int>(take);
        t.sampleRate = static_cast<int>(rate);
        t.startSample = SampleCount(start);
        t.startedMs = at.value;
        if (auto tracks = fields.find("tracks"); tracks != fields.end() && tracks->is_array()) {
            for (const json& j : *tracks) {
                if (!j.is_object()) continue;
                RecordedTrack track;
                std::int64_t channel = 0;
                if (readInt(j, "channel", channel) && channel >= 0 && channel < 1024)
                    track.channel = static_cast<int>(channel);
                track.name = readText(j, "name");
                track.person = readText(j, "person");
                track.file = readText(j, "file");
                t.tracks.push_back(std::move(track));
            }
        }
        // A start while a take seems to run: the earlier one ended without its stop (a crash).
        if (!log.takes.empty() && !log.takes.back().stoppedMs) {
            log.takes.back().stoppedMs = at.value;
            if (log.takes.back().stopReason.empty()) log.takes.back().stopReason = "interrupted";
        }
        log.takes.push_back(std::move(t));
        return RecorderApply::Applied;
    }
    if (type == ev::kStop || type == ev::kRepair) {
        if (!readInt(fields, "take", take)) {
            why = type + " needs \"take\"";
            return RecorderApply::Rejected;
        }
        RecordingTake* t = findTake(log, take);
        if (!t) {
            why = "take " + std::to_string(take) + " was never started";
            return RecorderApply::Rejected;
        }
        std::int64_t frames = 0;
        if (readInt(fields, "frames", frames) && frames >= 0)
            t->frames = std::max(frames, t->frames.value_or(0));
        if (type == ev::kStop) {
            t->stoppedMs = at.value;
            t->stopReason = readText(fields, "reason");
            t->talkMs.clear();
            if (auto talk = fields.find("talk_ms"); talk != fields.end() && talk->is_array())
                for (const json& ms : *talk)
                    t->talkMs.push_back(ms.is_number_integer() ? std::max<std::int64_t>(0, ms.get<std::int64_t>()) : 0);
        } else if (!t->stoppedMs) {
            t->stoppedMs = at.value;
            t->stopReason = "recovered";
        }
        return RecorderApply::Applied;
    }
    if (type == ev::kDropout) {
        RecordedDropout d;
        if (readInt(fields, "take", take)) d.take = static_cast<int>(take);
        std::int64_t frames = 0;
        if (readInt(fields, "frames", frames) && frames >= 0) d.frames = frames;
        d.kind = readText(fields, "kind");
        d.at = sample.value_or(SampleCount(0));
        d.atMs = at.value;
        log.dropouts.push_back(std::move(d));
        return RecorderApply::Applied;
    }
    if (type == ev::kError) {
        log.errors.push_back(readText(fields, "text"));
        return RecorderApply::Applied;
    }
    if (type == ev::kWarning || type == ev::kWarningCleared) return RecorderApply::Applied;
    return RecorderApply::Ignored;
}

}  // namespace pycast
