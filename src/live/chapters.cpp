// Chapters of a session, and the chapter formats podcast apps and YouTube read (any one thread).
#include "live/chapters.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "core/duration.hpp"

namespace pycast {

namespace {


bool isSegmentChange(const std::string& type) {
    return type == definitionOf(LiveCommand::Start).journalType ||
           type == definitionOf(LiveCommand::Next).journalType ||
           type == definitionOf(LiveCommand::Previous).journalType ||
           type == definitionOf(LiveCommand::Goto).journalType;
}

}  // namespace

std::vector<Chapter> sessionChapters(const SessionSnapshot& session) {
    const RecordingLog& recording = session.recording;
    const bool recorded = !recording.takes.empty();
    const int rate = recorded ? recording.takes.front().sampleRate : 48000;
    std::optional<std::int64_t> showStartMs;
    LiveState state(session.show);
    std::vector<Chapter> out;
    int lastSegment = -1;
    for (const JournalEvent& e : session.events) {
        const ReplayOutcome r = replayJournalEvent(state, e, e.at);
        if (r.kind != ReplayOutcome::Kind::Applied) continue;
        if (!showStartMs && e.type == definitionOf(LiveCommand::Start).journalType)
            showStartMs = e.at.value;
        auto at = [&](Chapter c) {
            if (recorded) {
                c.sample = e.sample;
                c.startMs = e.sample ? e.sample->value * 1000 / rate : 0;
            } else {
                c.startMs = std::max<std::int64_t>(0, e.at.value - showStartMs.value_or(e.at.value));
            }
            out.push_back(std::move(c));
        };
        if (isSegmentChange(e.type)) {
            const int index = state.runner.currentIndex();
            if (index < 0 || index == lastSegment ||
                static_cast<std::size_t>(index) >= session.show.rundown.size())
                continue;
            lastSegment = index;
            at({Chapter::Kind::Segment, 0, {}, session.show.rundown[static_cast<std::size_t>(index)].title});
        } else if (e.type == definitionOf(LiveCommand::QuestionAnswered).journalType) {
            const auto id = e.fields.find("question");
            if (id == e.fields.end() || !id->is_string()) continue;
            const LiveQuestion* q = session.questions.find(id->get<std::string>());
            if (!q) continue;
            at({Chapter::Kind::Question, 0, {}, "Q: " + q->text});
        } else if (e.type == definitionOf(LiveCommand::Marker).journalType) {
            const auto label = e.fields.find("label");
            at({Chapter::Kind::Marker, 0, {},
                label != e.fields.end() && label->is_string() && !label->get<std::string>().empty()
                    ? label->get<std::string>()
                    : std::string("Marker")});
        }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Chapter& a, const Chapter& b) { return a.startMs < b.startMs; });
    return out;
}

std::string podcastingChaptersJson(const std::vector<Chapter>& chapters) {
    nlohmann::ordered_json doc;
    doc["version"] = "1.2.0";
    doc["chapters"] = nlohmann::ordered_json::array();
    for (const Chapter& c : chapters) {
        nlohmann::ordered_json j;
        // Seconds with ms precision, as a number (the spec's startTime is a float).
        j["startTime"] = static_cast<double>(c.startMs) / 1000.0;
        j["title"] = c.title;
        doc["chapters"].push_back(std::move(j));
    }
    return doc.dump(2) + "\n";
}

std::string youtubeChapterList(const std::vector<Chapter>& chapters, std::string* warning) {
    std::vector<Chapter> kept;
    for (const Chapter& c : chapters) {
        if (!kept.empty() && c.startMs - kept.back().startMs < kYoutubeMinChapterMs) {
            const std::int64_t start = kept.back().startMs;
            kept.back() = c;
            kept.back().startMs = start;
            continue;
        }
        kept.push_back(c);
    }
    if (!kept.empty()) kept.front().startMs = 0;
    std::string out;
    for (const Chapter& c : kept) {
        std::string line = c.title;
        std::replace(line.begin(), line.end(), '\n', ' ');
        out += formatTimecode(c.startMs, false) + " " + line + "\n";
    }
    if (warning)
        *warning = kept.size() < 3 ? "YouTube shows chapters only when there are at least three, "
                                     "each at least 10 s long; this session has " +
                                         std::to_string(kept.size())
                                   : std::string();
    return out;
}

}  // namespace pycast
