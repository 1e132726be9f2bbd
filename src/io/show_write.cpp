// Show files out: the model as versioned JSON with unknown fields kept, written atomically.
#include "io/show_write.hpp"

#include "core/duration.hpp"
#include "io/atomic_file.hpp"
#include "io/show_read.hpp"

namespace pycast {

using nlohmann::json;
using nlohmann::ordered_json;

namespace {
// Kept fields came from a parsed file, so they are valid UTF-8; replace rather than throw anyway.
ordered_json ordered(const json& j) {
    return ordered_json::parse(j.dump(-1, ' ', false, json::error_handler_t::replace));
}

void mergeExtra(ordered_json& out, const json& extra) {
    for (auto& [k, v] : extra.items())
        if (!out.contains(k)) out[k] = ordered(v);
}
}  // namespace

ordered_json toJson(const Show& show) {
    ordered_json root;
    root["format"] = "pycast-show";
    root["version"] = kShowFormatVersion;
    const ShowMeta& m = show.meta;
    ordered_json meta;
    if (!m.series.empty()) meta["series"] = m.series;
    meta["title"] = m.title;
    meta["kind"] = toName(m.kind);
    if (m.episode) meta["episode"] = *m.episode;
    if (!m.date.empty()) meta["date"] = m.date;
    meta["language"] = m.language;
    meta["target"] = formatDuration(m.target);
    if (m.startTime) meta["start"] = formatTimeOfDay(*m.startTime);
    if (m.hardOut) meta["hard_out"] = formatTimeOfDay(*m.hardOut);
    mergeExtra(meta, m.extra);
    root["show"] = meta;

    ordered_json g;
    g["technical_share"] = {{"min", show.guidelines.techShareMin},
                            {"max", show.guidelines.techShareMax}};
    if (auto it = show.guidelines.extra.find("technical_share");
        it != show.guidelines.extra.end() && it->is_object())
        mergeExtra(g["technical_share"], *it);
    g["max_company_share"] = show.guidelines.maxCompanyShare;
    if (!show.guidelines.blockedWords.empty()) g["blocked_words"] = show.guidelines.blockedWords;
    for (auto& [k, v] : show.guidelines.extra.items())
        if (k != "technical_share" && !g.contains(k)) g[k] = ordered(v);
    root["guidelines"] = g;

    root["people"] = ordered_json::array();
    for (const auto& p : show.people) {
        ordered_json o{{"id", p.id}, {"name", p.name}, {"role", toName(p.role)}};
        if (!p.company.empty()) o["company"] = p.company;
        mergeExtra(o, p.extra);
        root["people"].push_back(o);
    }
    root["rundown"] = ordered_json::array();
    for (const auto& s : show.rundown) {
        ordered_json o{{"id", s.id},
                       {"title", s.title},
                       {"kind", toName(s.kind)},
                       {"planned", formatDuration(s.planned)},
                       {"speakers", s.speakers}};
        if (!s.notes.empty()) o["notes"] = s.notes;
        if (s.fixedStart) o["fixed_start"] = formatTimeOfDay(*s.fixedStart);
        if (s.elastic) o["elastic"] = true;
        if (s.technical) o["technical"] = *s.technical;
        mergeExtra(o, s.extra);
        root["rundown"].push_back(o);
    }
    if (!show.topics.empty()) root["topics"] = show.topics;
    root["questions"] = ordered_json::array();
    for (const auto& q : show.questions) {
        ordered_json o{{"id", q.id}, {"text", q.text}};
        if (!q.from.empty()) o["from"] = q.from;
        if (!q.forPeople.empty()) o["for"] = q.forPeople;
        if (q.votes != 0) o["votes"] = q.votes;
        if (!q.topics.empty()) o["topics"] = q.topics;
        mergeExtra(o, q.extra);
        root["questions"].push_back(o);
    }
    if (!show.polls.empty()) {
        root["polls"] = ordered_json::array();
        for (const auto& p : show.polls) {
            ordered_json o{{"id", p.id}, {"question", p.question}, {"options", p.options}};
            if (p.liveResults) o["live_results"] = true;
            mergeExtra(o, p.extra);
            root["polls"].push_back(o);
        }
    }
    mergeExtra(root, show.extra);
    return root;
}

std::string serializeShow(const Show& show) {
    // Text that is not UTF-8 cannot be written as JSON; it shows as U+FFFD rather than throwing
    // (saveShowFile refuses it instead, so nothing is changed on disk behind the user's back).
    return toJson(show).dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

Status saveShowFile(const Show& show, const std::filesystem::path& file) {
    std::string text;
    try {
        text = toJson(show).dump(2) + "\n";
    } catch (const std::exception&) {
        return Error{
            "holds text that is not UTF-8, which a show file cannot keep exactly", file.string(),
            "retype the text that shows odd characters, then save again; the file was not changed"};
    }
    return writeFileAtomically(file, text, true);
}

}  // namespace pycast
