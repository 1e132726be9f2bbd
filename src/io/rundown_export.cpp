// Renders a rundown and its totals as text, Markdown, CSV and JSON.
#include "io/rundown_export.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/duration.hpp"
#include "io/csv.hpp"
#include "io/markdown.hpp"

namespace pycast {
namespace {

std::string overUnderText(Seconds d) {
    if (d == 0) return "on target";
    return formatDuration(d > 0 ? d : -d) + (d > 0 ? " over" : " under");
}

std::string kindName(const Show& show) {
    switch (show.meta.kind) {
        case ShowKind::Episode: return "Episode";
        case ShowKind::Ama: return "AMA";
        case ShowKind::Meetup: return "Enterprise Meetup";
    }
    return "";
}

std::string headline(const Show& show) {
    std::string h = show.meta.series.empty() ? "" : show.meta.series + " ";
    if (show.meta.episode) h += "#" + std::to_string(*show.meta.episode) + " ";
    if (!h.empty()) h += "— ";
    return h + show.meta.title;
}

std::string startColumn(const SegmentTiming& t) {
    return t.startTimeOfDay ? formatTimeOfDay(*t.startTimeOfDay) : "";
}

std::string mdCell(const std::string& s) { return markdownCell(s); }

// A plain-text table cell: one line, so every row stays one row.
std::string oneLine(const std::string& s) {
    std::string out;
    for (char c : s) out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    return out;
}

std::string padRight(const std::string& s, int width) {
    int w = displayWidth(s);
    return w >= width ? s + "  " : s + std::string(static_cast<size_t>(width - w), ' ');
}

// The width of a column: at least `least` (the widths the table always had), and wide enough
// for its heading and its widest cell plus two spaces between columns.
int columnWidth(const std::string& heading, const std::vector<std::string>& cells, int least) {
    int w = displayWidth(heading);
    for (const auto& c : cells) w = std::max(w, displayWidth(c));
    return std::max(least, w + 2);
}

}  // namespace

std::optional<RundownFormat> rundownFormatFromString(const std::string& s) {
    if (s == "text" || s == "txt") return RundownFormat::Text;
    if (s == "md" || s == "markdown") return RundownFormat::Markdown;
    if (s == "csv") return RundownFormat::Csv;
    if (s == "json") return RundownFormat::Json;
    return std::nullopt;
}

int displayWidth(const std::string& utf8) {
    int width = 0;
    for (size_t i = 0; i < utf8.size();) {
        unsigned char c = static_cast<unsigned char>(utf8[i]);
        char32_t cp = c;
        size_t len = 1;
        if (c >= 0xF0) { cp = c & 0x07; len = 4; }
        else if (c >= 0xE0) { cp = c & 0x0F; len = 3; }
        else if (c >= 0xC0) { cp = c & 0x1F; len = 2; }
        for (size_t k = 1; k < len && i + k < utf8.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
        i += len;
        // Combining marks, zero-width joiners and variation selectors (the U+FE0F of "🎙️") take
        // no column of their own.
        const bool zero = (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) ||
                          (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF);
        const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                          (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                          (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                          (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
                          (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
        width += zero ? 0 : wide ? 2 : 1;
    }
    return width;
}

std::string csvField(const std::string& s) { return csvCell(s); }

std::string speakerList(const Show& show, const std::vector<std::string>& ids, bool withCompany) {
    std::string out;
    for (const auto& id : ids) {
        if (!out.empty()) out += ", ";
        const Person* p = show.findPerson(id);
        if (!p) {
            out += id;
            continue;
        }
        out += p->name;
        if (withCompany && !p->company.empty()) out += " (" + p->company + ")";
    }
    return out;
}

std::string renderRundownText(const Show& show, const RundownAnalysis& a) {
    std::ostringstream o;
    o << headline(show) << "\n";
    o << kindName(show);
    if (!show.meta.date.empty()) o << " · " << show.meta.date;
    if (show.meta.startTime) o << " · starts " << formatTimeOfDay(*show.meta.startTime);
    if (show.meta.hardOut) o << " · hard out " << formatTimeOfDay(*show.meta.hardOut);
    o << "\n\n";

    const bool clock = show.meta.startTime.has_value();
    // Every column as wide as its widest cell (display width: CJK takes two), so times with
    // seconds and long or Chinese titles keep the table aligned.
    std::vector<std::string> numbers, starts, times, titles, kinds, lengths;
    for (size_t i = 0; i < show.rundown.size(); ++i) {
        const auto& s = show.rundown[i];
        const auto& t = a.segments[i];
        numbers.push_back(std::to_string(i + 1));
        starts.push_back(formatDuration(t.startOffset));
        times.push_back(startColumn(t));
        titles.push_back(oneLine(s.title));
        kinds.push_back(toName(s.kind));
        lengths.push_back(formatDuration(s.planned));
    }
    const int numberW = columnWidth("#", numbers, 4), startW = columnWidth("START", starts, 9),
              timeW = columnWidth("TIME", times, 7), titleW = columnWidth("SEGMENT", titles, 9),
              kindW = columnWidth("KIND", kinds, 12), lengthW = columnWidth("LENGTH", lengths, 9);
    o << padRight("#", numberW) << padRight("START", startW) << (clock ? padRight("TIME", timeW) : "")
      << padRight("SEGMENT", titleW) << padRight("KIND", kindW) << padRight("LENGTH", lengthW) << "SPEAKERS\n";
    for (size_t i = 0; i < show.rundown.size(); ++i) {
        const auto& s = show.rundown[i];
        const auto& t = a.segments[i];
        std::string marks;
        if (s.fixedStart) marks += " [fixed " + formatTimeOfDay(*s.fixedStart) + (t.fixedStartMissed ? ", MISSED]" : "]");
        if (s.elastic) marks += " [elastic]";
        o << padRight(numbers[i], numberW) << padRight(starts[i], startW) << (clock ? padRight(times[i], timeW) : "")
          << padRight(titles[i], titleW) << padRight(kinds[i], kindW) << padRight(lengths[i], lengthW)
          << oneLine(speakerList(show, s.speakers, true)) << marks << "\n";
    }
    o << "\nPlanned " << formatDuration(a.plannedTotal) << " vs target " << formatDuration(a.target) << ": "
      << overUnderText(a.overUnder) << "\n";
    if (a.plannedEnd) {
        o << "Planned end " << formatTimeOfDay(*a.plannedEnd);
        if (a.hardOutMargin)
            o << ", hard out " << formatTimeOfDay(*show.meta.hardOut) << " ("
              << (*a.hardOutMargin >= 0 ? formatDuration(*a.hardOutMargin) + " to spare"
                                        : formatDuration(-*a.hardOutMargin) + " too late")
              << ")";
        o << "\n";
    }
    o << "Technical share " << formatPercent(a.technicalShare, 1) << " (" << formatDuration(a.technicalSeconds)
      << " of " << formatDuration(a.contentSeconds) << "; range " << formatPercent(show.guidelines.techShareMin, 1)
      << "–" << formatPercent(show.guidelines.techShareMax, 1) << ")" << (a.technicalShareOutside ? "  WARNING: outside range" : "")
      << "\n";
    int labelWidth = 20;
    int secondsWidth = 9;
    for (const auto* list : {&a.perSpeaker, &a.perCompany})
        for (const auto& x : *list) {
            labelWidth = std::max(labelWidth, displayWidth(oneLine(x.label)) + 2);
            secondsWidth = std::max(secondsWidth, displayWidth(formatDuration(x.seconds)) + 2);
        }
    if (!a.perCompany.empty()) {
        o << "\nAirtime per company (guests, limit " << formatPercent(show.guidelines.maxCompanyShare, 1) << "):\n";
        for (const auto& c : a.perCompany)
            o << "  " << padRight(oneLine(c.label), labelWidth) << padRight(formatDuration(c.seconds), secondsWidth)
              << formatPercent(c.share, 1)
              << (c.overLimit ? "  WARNING: above limit" : "") << "\n";
    }
    if (!a.perSpeaker.empty()) {
        o << "\nAirtime per speaker:\n";
        for (const auto& s : a.perSpeaker)
            o << "  " << padRight(oneLine(s.label), labelWidth) << padRight(formatDuration(s.seconds), secondsWidth)
              << formatPercent(s.share, 1) << "\n";
    }
    bool anyWarning = false;
    for (const auto& f : a.findings)
        if (f.severity == Severity::Warning) {
            if (!anyWarning) o << "\n";
            anyWarning = true;
            o << "WARNING: " << f.message << "\n";
        }
    return o.str();
}

std::string renderRundownMarkdown(const Show& show, const RundownAnalysis& a) {
    std::ostringstream o;
    o << "# " << markdownLine(headline(show)) << "\n\n";
    o << "- **Kind:** " << kindName(show) << "\n";
    if (!show.meta.date.empty()) o << "- **Date:** " << show.meta.date << "\n";
    if (show.meta.startTime) o << "- **Start:** " << formatTimeOfDay(*show.meta.startTime) << "\n";
    if (show.meta.hardOut) o << "- **Hard out:** " << formatTimeOfDay(*show.meta.hardOut) << "\n";
    o << "- **Target length:** " << formatDuration(a.target) << " (planned " << formatDuration(a.plannedTotal)
      << ", " << overUnderText(a.overUnder) << ")\n";
    o << "- **Language:** " << mdCell(show.meta.language) << "\n";
    if (!show.people.empty()) {
        o << "\n## People\n\n";
        for (const auto& p : show.people) {
            o << "- **" << mdCell(p.name) << "** — " << toName(p.role);
            if (!p.company.empty()) o << ", " << mdCell(p.company);
            o << "\n";
        }
    }
    o << "\n## Rundown\n\n";
    const bool clock = show.meta.startTime.has_value();
    o << "| # | Start |" << (clock ? " Time |" : "") << " Segment | Kind | Length | Speakers | Notes |\n";
    o << "|--:|--:|" << (clock ? "--:|" : "") << "---|---|--:|---|---|\n";
    for (size_t i = 0; i < show.rundown.size(); ++i) {
        const auto& s = show.rundown[i];
        const auto& t = a.segments[i];
        std::string title = mdCell(s.title);
        if (s.fixedStart) title += " 📌 " + formatTimeOfDay(*s.fixedStart);
        if (s.elastic) title += " *(elastic)*";
        o << "| " << i + 1 << " | " << formatDuration(t.startOffset) << " |"
          << (clock ? " " + startColumn(t) + " |" : "") << " " << title << " | " << toName(s.kind) << " | "
          << formatDuration(s.planned) << " | " << mdCell(speakerList(show, s.speakers, true)) << " | "
          << mdCell(s.notes) << " |\n";
    }
    o << "\n**Total:** " << formatDuration(a.plannedTotal);
    if (a.plannedEnd) o << ", ends " << formatTimeOfDay(*a.plannedEnd);
    o << ". **Technical share:** " << formatPercent(a.technicalShare, 1) << " (guideline "
      << formatPercent(show.guidelines.techShareMin, 1) << "–" << formatPercent(show.guidelines.techShareMax, 1) << ").\n";
    if (!show.questions.empty()) {
        o << "\n## Pre-submitted questions\n\n";
        for (const auto& q : show.questions) {
            o << "- " << mdCell(q.text);
            if (!q.from.empty()) o << " — *" << mdCell(q.from) << "*";
            if (!q.forPeople.empty()) o << " → " << mdCell(speakerList(show, q.forPeople, false));
            o << "\n";
        }
    }
    return o.str();
}

std::string renderRundownCsv(const Show& show, const RundownAnalysis& a, bool bom) {
    CsvWriter csv(bom);
    csv.row({"index", "start", "time", "title", "kind", "duration", "speakers", "notes", "id", "fixed_start"});
    for (size_t i = 0; i < show.rundown.size(); ++i) {
        const auto& s = show.rundown[i];
        const auto& t = a.segments[i];
        std::string speakers;
        for (const auto& id : s.speakers) {
            const Person* p = show.findPerson(id);
            speakers += (speakers.empty() ? "" : "; ") + (p ? p->name : id);
        }
        csv.row({std::to_string(i + 1), formatDuration(t.startOffset), startColumn(t), s.title, toName(s.kind),
                 formatDuration(s.planned), speakers, s.notes, s.id,
                 s.fixedStart ? formatTimeOfDay(*s.fixedStart) : std::string()});
    }
    return csv.text();
}

std::string renderRundownJson(const Show& show, const RundownAnalysis& a) {
    nlohmann::ordered_json j;
    j["title"] = show.meta.title;
    j["segments"] = nlohmann::ordered_json::array();
    for (size_t i = 0; i < show.rundown.size(); ++i) {
        const auto& s = show.rundown[i];
        const auto& t = a.segments[i];
        nlohmann::ordered_json seg{{"id", s.id},           {"title", s.title},
                                   {"kind", toName(s.kind)}, {"start_s", t.startOffset},
                                   {"planned_s", s.planned},   {"speakers", s.speakers}};
        if (t.startTimeOfDay) seg["start_time"] = formatTimeOfDay(*t.startTimeOfDay);
        if (s.fixedStart) seg["fixed_start_missed"] = t.fixedStartMissed;
        j["segments"].push_back(seg);
    }
    j["planned_s"] = a.plannedTotal;
    j["target_s"] = a.target;
    j["over_under_s"] = a.overUnder;
    if (a.plannedEnd) j["planned_end"] = formatTimeOfDay(*a.plannedEnd);
    if (a.hardOutMargin) j["hard_out_margin_s"] = *a.hardOutMargin;
    j["technical_share"] = {{"percent", a.technicalShare},
                            {"min", show.guidelines.techShareMin},
                            {"max", show.guidelines.techShareMax},
                            {"outside", a.technicalShareOutside}};
    auto airtime = [](const std::vector<Airtime>& list) {
        nlohmann::ordered_json arr = nlohmann::ordered_json::array();
        for (const auto& x : list)
            arr.push_back({{"key", x.key}, {"label", x.label}, {"seconds", x.seconds},
                           {"percent", x.share}, {"over_limit", x.overLimit}});
        return arr;
    };
    j["per_company"] = airtime(a.perCompany);
    j["per_speaker"] = airtime(a.perSpeaker);
    j["warnings"] = nlohmann::ordered_json::array();
    for (const auto& f : a.findings)
        if (f.severity == Severity::Warning) j["warnings"].push_back(f.message);
    return j.dump(2) + "\n";
}

std::string renderRundown(const Show& show, RundownFormat format, bool csvBom) {
    RundownAnalysis a = analyzeRundown(show);
    switch (format) {
        case RundownFormat::Text: return renderRundownText(show, a);
        case RundownFormat::Markdown: return renderRundownMarkdown(show, a);
        case RundownFormat::Csv: return renderRundownCsv(show, a, csvBom);
        case RundownFormat::Json: return renderRundownJson(show, a);
    }
    return {};
}

}  // namespace pycast
