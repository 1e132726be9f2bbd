// The Export dialog: the plan as an editor changes it, the checks re-run a moment after each
// change on a helper thread, and the shell's ExportJob drawn from its progress (UI thread).
#include "dialogs/export_dialog.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <regex>
#include <system_error>
#include <thread>

#include "core/duration.hpp"
#include "io/show_read.hpp"
#include "live/session.hpp"  // kSessionShowFile
#include "media/image_probe.hpp"
#include "widgets/theme.hpp"
#include "widgets/widgets.hpp"

namespace pycast::ui {

namespace fs = std::filesystem;

namespace {

// The rates offered for lossy formats; each format keeps those its encoder takes.
constexpr int kBitrates[] = {32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320};
constexpr const char* kRoles[] = {"host", "guest", "cohost", "producer", "editor"};

std::string fixed(double value, int decimals) {
    if (std::isnan(value)) return "—";  // not measured (the exporter leaves it NaN)
    if (!std::isfinite(value)) return value < 0 ? "−∞" : "∞";
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

std::string signedFixed(double value, int decimals) {
    if (!std::isfinite(value)) return fixed(value, decimals);
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%+.*f", decimals, value);
    return buffer;
}

std::string presetLabel(const LoudnessTarget& t) {
    std::string name = t.preset == "podcast-stereo" ? "Podcast stereo"
                       : t.preset == "podcast-mono" ? "Podcast mono"
                       : t.preset == "ebu-r128"     ? "EBU R128"
                                                    : t.preset;
    return name + " (" + fixed(t.integratedLufs, 0) + " LUFS, " + fixed(t.truePeakDbtp, 0) +
           " dBTP, " + (t.channels == 1 ? "mono" : "stereo") + ")";
}

ImU32 levelColour(ExportCheck::Level level) {
    switch (level) {
        case ExportCheck::Level::Ok:
            return colours::kGood;
        case ExportCheck::Level::Warning:
            return colours::kWarning;
        case ExportCheck::Level::Error:
            return colours::kBad;
    }
    return colours::kText;
}

// The takes of a session, from its track files ("01-host-take2.wav"): 1 with any track file.
int countTakes(const fs::path& sessionDir) {
    static const std::regex take(R"(-take([0-9]+)\.wav$)", std::regex::icase);
    int takes = 0;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(sessionDir / "tracks", ec)) {
        const std::string name = entry.path().filename().string();
        std::smatch m;
        if (std::regex_search(name, m, take)) {
            takes = std::max(takes, std::stoi(m[1].str()));
        } else if (entry.path().extension() == ".wav") {
            takes = std::max(takes, 1);
        }
    }
    return takes;
}

// The text a frame may draw that the fonts must hold (titles in Chinese, names, paths).
std::string planText(const ExportPlan& plan) {
    std::string text = plan.meta.title + plan.meta.show + plan.meta.description + plan.meta.date +
                       plan.input.string() + plan.outDir.string() + plan.baseName +
                       plan.meta.cover.string() + plan.intro.string() + plan.outro.string();
    for (const EpisodePerson& p : plan.meta.people) text += p.name + p.company + p.role;
    for (const TrackMix& t : plan.tracks) text += t.name + t.personId;  // names: see openPlan
    for (const Chapter& c : plan.chapters) text += c.title;
    return text;
}

bool enterPressed() {
    return ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
           ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false);
}

// A labelled row in a two-column form table.
void formLabel(const char* label) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::AlignTextToFramePadding();
    textColoured(label, colours::kTextDim);
    ImGui::TableSetColumnIndex(1);
    ImGui::SetNextItemWidth(-1.0f);
}

bool beginForm(const char* id) {
    if (!ImGui::BeginTable(id, 2, ImGuiTableFlags_SizingStretchProp)) return false;
    ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 9.0f);
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
    return true;
}

}  // namespace

// ---- Times ---------------------------------------------------------------------------------


std::optional<std::int64_t> parseChapterTime(const std::string& text) {
    std::string t = asciiDigits(text);
    const auto notSpace = [](unsigned char c) { return !std::isspace(c); };
    t.erase(t.begin(), std::find_if(t.begin(), t.end(), notSpace));
    t.erase(std::find_if(t.rbegin(), t.rend(), notSpace).base(), t.end());
    if (t.empty()) return std::nullopt;
    std::int64_t milli = 0;
    if (const auto dot = t.find('.'); dot != std::string::npos) {
        const std::string fraction = t.substr(dot + 1);
        if (fraction.empty() || fraction.size() > 3 ||
            !std::all_of(fraction.begin(), fraction.end(),
                         [](unsigned char c) { return std::isdigit(c); }))
            return std::nullopt;
        milli = std::stoll(fraction) * (fraction.size() == 1 ? 100 : fraction.size() == 2 ? 10 : 1);
        t.resize(dot);
    }
    std::int64_t seconds = 0;
    if (t.find(':') == std::string::npos) {
        if (t.empty() || t.size() > 9 ||
            !std::all_of(t.begin(), t.end(), [](unsigned char c) { return std::isdigit(c); }))
            return std::nullopt;
        seconds = std::stoll(t);
    } else {
        const DurationParse d = parseDuration(t);
        if (!d.ok()) return std::nullopt;
        seconds = d.seconds;
    }
    return seconds * 1000 + milli;
}

// ---- State ---------------------------------------------------------------------------------

ExportDialog::~ExportDialog() {
    if (m_checkThread.joinable()) m_checkThread.join();
}

void ExportDialog::reset() {
    if (m_checkThread.joinable()) m_checkThread.join();
    m_checking = {};
    m_prepared.reset();
    m_cover.reset();
    m_checkedRevision = -1;
    m_checkingRevision = -1;
    m_sourceError.clear();
    m_sourceSummary.clear();
    m_sourceChapters.clear();
    m_baseCuts.clear();
    m_segmentTitles.clear();
    m_droppedSegments.clear();
    m_addNote.clear();
    m_copiedNote.clear();
    m_cancelRequested = false;
    m_checkRuns = 0;
}

void ExportDialog::open(const fs::path& sessionOrFile) {
    std::error_code ec;
    if (fs::is_directory(sessionOrFile, ec)) {
        Result<ExportPlan> plan = planForSession(sessionOrFile);
        if (!plan) {
            reset();
            m_plan = ExportPlan{};
            m_plan.input = sessionOrFile;
            m_plan.isSession = true;
            m_sourceError = plan.error().message();
            rebuildRows();
            m_open = true;
            m_openRequested = true;
            m_glyphsPending = true;
            return;
        }
        openPlan(std::move(plan.value()));
        return;
    }
    openPlan(planForFile(sessionOrFile));
}

void ExportDialog::openPlan(ExportPlan plan) {
    reset();
    m_plan = std::move(plan);
    m_sourceChapters = m_plan.chapters;
    m_baseCuts = m_plan.cuts;
    for (const Chapter& c : m_sourceChapters) {
        if (c.kind != Chapter::Kind::Segment || c.title.empty()) continue;
        if (std::find(m_segmentTitles.begin(), m_segmentTitles.end(), c.title) ==
            m_segmentTitles.end())
            m_segmentTitles.push_back(c.title);
    }
    std::string summary;
    m_personNames.clear();
    if (m_plan.isSession) {
        // The tracks name their person by id; the session's show says who that is.
        if (const LoadResult show = loadShowFile(m_plan.input / kSessionShowFile); show.show) {
            for (const TrackMix& t : m_plan.tracks) {
                const Person* p = t.personId.empty() ? nullptr : show.show->findPerson(t.personId);
                m_personNames.push_back(p != nullptr ? p->name : t.personId);
            }
        }
        const int takes = countTakes(m_plan.input);
        summary = std::to_string(m_plan.tracks.size()) +
                  (m_plan.tracks.size() == 1 ? " track · " : " tracks · ") + std::to_string(takes) +
                  (takes == 1 ? " take" : " takes");
    }
    if (m_plan.sourceMs > 0)
        summary += (summary.empty() ? "" : " · ") + formatDurationMs(m_plan.sourceMs);
    m_sourceSummary = summary;
    rebuildRows();
    m_open = true;
    m_openRequested = true;
    m_glyphsPending = true;
    for (const std::string& name : m_personNames) m_typedText += name;
    // The first checks run at once: nothing was typed yet to wait for.
    ++m_revision;
    m_checkNow = true;
}

void ExportDialog::close() {
    m_open = false;
    m_openRequested = false;
}

void ExportDialog::stopChecks() {
    if (m_checkThread.joinable()) m_checkThread.join();
    m_checking = {};
    m_checkingRevision = -1;
}

void ExportDialog::rebuildRows() {
    m_chapterRows.clear();
    for (const Chapter& c : m_plan.chapters)
        m_chapterRows.push_back({m_nextId++, formatTimecode(c.startMs, true), c.title, false});
    m_personIds.clear();
    for (std::size_t i = 0; i < m_plan.meta.people.size(); ++i) m_personIds.push_back(m_nextId++);
    m_trimHeadDraft = formatDuration(m_plan.trimHeadMs / 1000);
    m_trimTailDraft = formatDuration(m_plan.trimTailMs / 1000);
    m_episodeDraft = m_plan.meta.episode ? std::to_string(*m_plan.meta.episode) : std::string();
}

void ExportDialog::planChanged() {
    ++m_revision;
    m_changedAt = ImGui::GetCurrentContext() ? ImGui::GetTime() : 0.0;
    m_glyphsPending = true;
}

bool ExportDialog::segmentDropped(const std::string& title) const {
    return std::find(m_droppedSegments.begin(), m_droppedSegments.end(), title) !=
           m_droppedSegments.end();
}

void ExportDialog::setSegmentDropped(const std::string& title, bool dropped) {
    if (dropped == segmentDropped(title)) return;
    if (dropped) {
        m_droppedSegments.push_back(title);
    } else {
        m_droppedSegments.erase(
            std::remove(m_droppedSegments.begin(), m_droppedSegments.end(), title),
            m_droppedSegments.end());
    }
    applyCuts();
}

void ExportDialog::applyCuts() {
    m_plan.cuts = m_baseCuts;
    for (const std::string& title : m_droppedSegments) {
        const std::vector<CutRegion> cuts = segmentCuts(m_sourceChapters, title, m_plan.sourceMs);
        m_plan.cuts.insert(m_plan.cuts.end(), cuts.begin(), cuts.end());
    }
    planChanged();
}

void ExportDialog::sortChapters() {
    std::vector<std::size_t> order(m_plan.chapters.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return m_plan.chapters[a].startMs < m_plan.chapters[b].startMs;
    });
    std::vector<Chapter> chapters;
    std::vector<ChapterRow> rows;
    for (std::size_t i : order) {
        chapters.push_back(std::move(m_plan.chapters[i]));
        rows.push_back(std::move(m_chapterRows[i]));
    }
    m_plan.chapters = std::move(chapters);
    m_chapterRows = std::move(rows);
}

// ---- Checks --------------------------------------------------------------------------------

void ExportDialog::startChecks() {
    if (m_checkThread.joinable()) return;
    std::promise<CheckOutcome> promise;
    m_checking = promise.get_future();
    m_checkingRevision = m_revision;
    m_checkNow = false;
    ++m_checkRuns;
    // The future is ready before the wake: the frame it causes sees the result.
    m_checkThread = std::thread([plan = m_plan, wake = m_wake, p = std::move(promise)]() mutable {
        std::optional<Result<CoverInfo>> cover;
        if (!plan.meta.cover.empty()) cover = media::probeCoverImage(plan.meta.cover);
        p.set_value(CheckOutcome{media::prepareExport(plan), std::move(cover)});
        if (wake) wake();
    });
}

void ExportDialog::pollChecks() {
    if (!m_checking.valid()) return;
    if (m_checking.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
    CheckOutcome outcome = m_checking.get();
    m_prepared = std::move(outcome.prepared);
    m_cover = std::move(outcome.cover);
    m_checkThread.join();
    m_checkedRevision = m_checkingRevision;
    m_glyphsPending = true;
}

bool ExportDialog::checksPending() const {
    return m_sourceError.empty() && (m_revision != m_checkedRevision || m_checking.valid());
}

void ExportDialog::waitForChecks() {
    if (!m_sourceError.empty()) return;
    for (int round = 0; round < 2 && checksPending(); ++round) {
        if (!m_checking.valid()) startChecks();
        m_checking.wait();
        pollChecks();
    }
}

std::string ExportDialog::blockedReason(const media::ExportJob* job) const {
    if (!m_sourceError.empty()) return "The source could not be opened.";
    if (job != nullptr && !job->finished()) return "An export is running.";
    if (checksPending()) return "Checking…";
    if (!m_prepared) return "Checking…";
    if (!m_prepared->ok()) return m_prepared->error().what;
    for (const ExportCheck& c : m_prepared->value().checks) {
        if (c.level == ExportCheck::Level::Error) return c.topic + ": " + c.text;
    }
    return {};
}

// ---- Drawing -------------------------------------------------------------------------------

ExportDialogFrame ExportDialog::draw(FontManager& fonts, const media::ExportJob* job) {
    ExportDialogFrame frame;
    if (!m_open) return frame;
    pollChecks();
    const double now = ImGui::GetTime();
    if (m_sourceError.empty() && m_revision != m_checkedRevision && !m_checking.valid() &&
        (m_checkNow || now - m_changedAt >= kCheckDelaySeconds)) {
        startChecks();
    }
    if (checksPending()) frame.frameRate = 10.0;  // the delay must run out without input
    if (job != nullptr && !job->finished()) frame.frameRate = std::max(frame.frameRate, 4.0);

    if (m_glyphsPending) {
        std::string text = planText(m_plan) + m_sourceError;
        if (m_prepared && m_prepared->ok()) {
            for (const ExportCheck& c : m_prepared->value().checks) text += c.topic + c.text;
            for (const OutputChapter& c : m_prepared->value().chapters) text += c.title;
        } else if (m_prepared) {
            text += m_prepared->error().message();
        }
        if (m_cover && !m_cover->ok()) text += m_cover->error().message();
        text += "×≤±−∞…●";
        fonts.addText(text);
        m_glyphsPending = false;
    }
    if (!m_typedText.empty()) {
        fonts.addText(m_typedText);
        m_typedText.clear();
    }

    if (m_openRequested) {
        ImGui::OpenPopup(kExportPopup);
        m_openRequested = false;
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x * 0.94f, viewport->WorkSize.y * 0.92f),
                             ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(kExportPopup, nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        // Closed by ImGui (it never is while modal, but a lost popup must not keep m_open).
        m_open = false;
        frame.closed = true;
        return frame;
    }
    const bool running = job != nullptr && !job->finished();

    drawSource();
    ImGui::Separator();

    const ImGuiStyle& style = ImGui::GetStyle();
    const float footer = ImGui::GetFrameHeightWithSpacing() + style.ItemSpacing.y;
    const float sideWidth =
        std::max(ImGui::GetFontSize() * 24.0f, ImGui::GetContentRegionAvail().x * 0.38f);
    const float settingsWidth = ImGui::GetContentRegionAvail().x - sideWidth - style.ItemSpacing.x;

    ImGui::BeginChild("##settings", ImVec2(settingsWidth, -footer), false);
    // The tabs stay browsable while an export runs; what is in them is locked.
    const bool locked = running || !m_sourceError.empty();
    if (ImGui::BeginTabBar("##export-tabs")) {
        const auto tab = [&](const char* label, void (ExportDialog::*body)()) {
            if (!ImGui::BeginTabItem(label)) return;
            ImGui::BeginDisabled(locked);
            (this->*body)();
            ImGui::EndDisabled();
            ImGui::EndTabItem();
        };
        tab("Format", &ExportDialog::drawFormatTab);
        tab("Mix & cuts", &ExportDialog::drawMixTab);
        tab("Metadata", &ExportDialog::drawMetadataTab);
        const std::string chapters =
            "Chapters (" + std::to_string(m_plan.chapters.size()) + ")###chapters";
        tab(chapters.c_str(), &ExportDialog::drawChaptersTab);
        ImGui::EndTabBar();
    }
    ImGui::EndChild();

    ImGui::SameLine();
    ImGui::BeginChild("##side", ImVec2(0, -footer), true);
    if (running) {
        drawRunning(*job, frame);
    } else if (job != nullptr) {
        drawFinished(*job);
    } else {
        drawChecks();
    }
    ImGui::EndChild();

    // Footer: Export (with the reason it is off beside it) and Close.
    const std::string blocked = blockedReason(job);
    const bool canExport = blocked.empty();
    ImGui::BeginDisabled(!canExport);
    const char* exportLabel = job != nullptr ? "Export again" : "Export";
    bool exportPressed = ImGui::Button(exportLabel, ImVec2(ImGui::GetFontSize() * 8.0f, 0));
    ImGui::EndDisabled();
    if (canExport && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("Ctrl+Enter");
    if (canExport && ImGui::GetIO().KeyCtrl && enterPressed()) exportPressed = true;
    if (!canExport) {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        const bool red = m_prepared &&
                         (!m_prepared->ok() || hasErrors(m_prepared->value().checks)) &&
                         !checksPending() && !running;
        textTruncated(blocked, red || !m_sourceError.empty() ? colours::kBad : colours::kTextDim,
                      ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 8.0f);
    }
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::GetFontSize() * 6.0f);
    ImGui::BeginDisabled(running);
    // Escape closes the dialog, not an open combo or the field being typed in.
    const bool escape = !running && !ImGui::GetIO().WantTextInput &&
                        ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) &&
                        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
    const bool closePressed =
        ImGui::Button("Close", ImVec2(ImGui::GetFontSize() * 6.0f, 0)) || escape;
    ImGui::EndDisabled();

    if (exportPressed && canExport) {
        frame.start = m_plan;
        m_cancelRequested = false;
    }
    if (closePressed && !running) {
        ImGui::CloseCurrentPopup();
        m_open = false;
        frame.closed = true;
    }
    ImGui::EndPopup();
    return frame;
}

void ExportDialog::drawSource() {
    textColoured(m_plan.isSession ? "SESSION" : "AUDIO FILE", colours::kTextDim);
    ImGui::SameLine();
    const std::string title =
        m_plan.meta.title.empty() ? m_plan.input.filename().string() : m_plan.meta.title;
    ImGui::TextUnformatted(title.c_str());
    if (!m_sourceSummary.empty()) {
        ImGui::SameLine();
        textColoured(m_sourceSummary, colours::kTextDim);
    }
    ImGui::SameLine();
    textTruncated(m_plan.input.string(), colours::kTextDim);
    if (!m_sourceError.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        textColoured("● " + m_sourceError, colours::kBad);
        ImGui::PopTextWrapPos();
    }
}

void ExportDialog::drawFormatTab() {
    bool changed = false;
    if (!beginForm("##format-form")) return;

    // Loudness preset; Custom shows its two numbers.
    formLabel("Loudness");
    const auto& presets = loudnessPresets();
    const bool custom = std::none_of(presets.begin(), presets.end(), [&](const LoudnessTarget& p) {
        return p.preset == m_plan.loudness.preset;
    });
    const std::string current = custom ? std::string("Custom") : presetLabel(m_plan.loudness);
    if (ImGui::BeginCombo("##preset", current.c_str())) {
        for (const LoudnessTarget& p : presets) {
            if (ImGui::Selectable(presetLabel(p).c_str(),
                                  !custom && p.preset == m_plan.loudness.preset)) {
                m_plan.loudness = p;
                m_plan.encode.channels = p.channels;
                changed = true;
            }
        }
        if (ImGui::Selectable("Custom", custom)) {
            m_plan.loudness.preset = "custom";
            changed = true;
        }
        ImGui::EndCombo();
    }
    if (custom || m_plan.loudness.preset == "custom") {
        formLabel("Target (LUFS)");
        changed |= ImGui::InputDouble("##lufs", &m_plan.loudness.integratedLufs, 0.5, 1.0, "%.1f");
        m_plan.loudness.integratedLufs = std::clamp(m_plan.loudness.integratedLufs, -40.0, -5.0);
        formLabel("Ceiling (dBTP)");
        changed |= ImGui::InputDouble("##dbtp", &m_plan.loudness.truePeakDbtp, 0.1, 0.5, "%.1f");
        m_plan.loudness.truePeakDbtp = std::clamp(m_plan.loudness.truePeakDbtp, -9.0, 0.0);
    }

    formLabel("Format");
    const ExportFormatInfo& info = formatInfo(m_plan.encode.format);
    if (ImGui::BeginCombo("##format", std::string(info.label).c_str())) {
        for (const ExportFormatInfo& f : exportFormats()) {
            if (ImGui::Selectable(std::string(f.label).c_str(), f.format == m_plan.encode.format)) {
                m_plan.encode.format = f.format;
                if (f.lossy) m_plan.encode.bitrateKbps = f.defaultKbps;
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    const ExportFormatInfo& chosen = formatInfo(m_plan.encode.format);
    const bool mp3 = m_plan.encode.format == ExportFormat::Mp3;
    if (mp3) {
        formLabel("Rate control");
        if (ImGui::RadioButton("CBR", !m_plan.encode.vbr)) {
            m_plan.encode.vbr = false;
            changed = true;
        }
        ImGui::SameLine();
        if (ImGui::RadioButton("VBR", m_plan.encode.vbr)) {
            m_plan.encode.vbr = true;
            changed = true;
        }
    }
    if (mp3 && m_plan.encode.vbr) {
        formLabel("VBR quality");
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12.0f);
        changed |= ImGui::SliderInt("##vbrq", &m_plan.encode.vbrQuality, 0, 9, "V%d (0 best)");
        m_plan.encode.vbrQuality = std::clamp(m_plan.encode.vbrQuality, 0, 9);
    } else if (chosen.lossy) {
        formLabel("Bitrate");
        const std::string rate = std::to_string(m_plan.encode.bitrateKbps) + " kb/s";
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12.0f);
        if (ImGui::BeginCombo("##bitrate", rate.c_str())) {
            for (int kbps : kBitrates) {
                if (kbps < chosen.minKbps || kbps > chosen.maxKbps) continue;
                const std::string item = std::to_string(kbps) + " kb/s";
                if (ImGui::Selectable(item.c_str(), kbps == m_plan.encode.bitrateKbps)) {
                    m_plan.encode.bitrateKbps = kbps;
                    changed = true;
                }
            }
            ImGui::EndCombo();
        }
    }

    formLabel("Sample rate");
    if (ImGui::RadioButton("44.1 kHz", m_plan.encode.sampleRate == 44100)) {
        m_plan.encode.sampleRate = 44100;
        changed = true;
    }
    ImGui::SameLine();
    if (ImGui::RadioButton("48 kHz", m_plan.encode.sampleRate == 48000)) {
        m_plan.encode.sampleRate = 48000;
        changed = true;
    }
    formLabel("Channels");
    if (ImGui::RadioButton("Mono", m_plan.encode.channels == 1)) {
        m_plan.encode.channels = 1;
        changed = true;
    }
    ImGui::SameLine();
    if (ImGui::RadioButton("Stereo", m_plan.encode.channels == 2)) {
        m_plan.encode.channels = 2;
        changed = true;
    }
    if (mp3) {
        formLabel("ID3 tag");
        if (ImGui::RadioButton("ID3v2.3 (most players)", m_plan.encode.id3v2Version == 3)) {
            m_plan.encode.id3v2Version = 3;
            changed = true;
        }
        ImGui::SameLine();
        if (ImGui::RadioButton("ID3v2.4", m_plan.encode.id3v2Version == 4)) {
            m_plan.encode.id3v2Version = 4;
            changed = true;
        }
    }

    formLabel("Folder");
    std::string outDir = m_plan.outDir.string();
    if (ImGui::InputText("##outdir", &outDir)) {
        m_plan.outDir = outDir;
        changed = true;
    }
    formLabel("File name");
    changed |= ImGui::InputText("##basename", &m_plan.baseName);
    formLabel("");
    textColoured(m_plan.baseName + "." + std::string(chosen.name) + ", " + m_plan.baseName +
                     ".chapters.json, show notes beside it",
                 colours::kTextDim);
    ImGui::EndTable();
    if (changed) planChanged();
}

void ExportDialog::drawMixTab() {
    bool changed = false;
    textColoured("MIX", colours::kTextDim);
    if (m_plan.tracks.empty()) {
        textColoured("One audio file: nothing to mix.", colours::kTextDim);
    } else if (ImGui::BeginTable("##mix", 5,
                                 ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        const float em = ImGui::GetFontSize();
        ImGui::TableSetupColumn("Track", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("Person", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("Gain", ImGuiTableColumnFlags_WidthFixed, em * 8.0f);
        ImGui::TableSetupColumn("Pan", ImGuiTableColumnFlags_WidthFixed, em * 8.0f);
        ImGui::TableSetupColumn("Mute", ImGuiTableColumnFlags_WidthFixed, em * 3.0f);
        ImGui::TableHeadersRow();
        for (std::size_t i = 0; i < m_plan.tracks.size(); ++i) {
            TrackMix& t = m_plan.tracks[i];
            // The tracks of a session never change order: the track's number is its identity.
            ImGui::PushID(static_cast<int>(i));
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::AlignTextToFramePadding();
            textTruncated(t.name, t.muted ? colours::kTextDim : colours::kText);
            ImGui::TableSetColumnIndex(1);
            const std::string& person = i < m_personNames.size() ? m_personNames[i] : t.personId;
            textTruncated(person.empty() ? std::string("—") : person, colours::kTextDim);
            ImGui::TableSetColumnIndex(2);
            float gain = static_cast<float>(t.gainDb);
            ImGui::SetNextItemWidth(-1.0f);
            if (ImGui::DragFloat("##gain", &gain, 0.1f, -30.0f, 20.0f, "%+.1f dB")) {
                t.gainDb = std::clamp(static_cast<double>(gain), -30.0, 20.0);
                changed = true;
            }
            ImGui::TableSetColumnIndex(3);
            float pan = static_cast<float>(t.pan);
            ImGui::SetNextItemWidth(-1.0f);
            ImGui::BeginDisabled(m_plan.encode.channels == 1);
            if (ImGui::SliderFloat("##pan", &pan, -1.0f, 1.0f,
                                   std::fabs(pan) < 0.005f ? "centre"
                                   : pan < 0               ? "L %.2f"
                                                           : "R %.2f")) {
                t.pan = std::clamp(static_cast<double>(pan), -1.0, 1.0);
                changed = true;
            }
            ImGui::EndDisabled();
            ImGui::TableSetColumnIndex(4);
            changed |= ImGui::Checkbox("##mute", &t.muted);
            ImGui::PopID();
        }
        ImGui::EndTable();
    }

    ImGui::Spacing();
    textColoured("CUTS", colours::kTextDim);
    if (beginForm("##cuts-form")) {
        formLabel("Trim head (mm:ss)");
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.0f);
        ImGui::InputText("##trimhead", &m_trimHeadDraft);
        if (ImGui::IsItemDeactivatedAfterEdit()) {
            const DurationParse d = parseDuration(m_trimHeadDraft);
            if (d.ok()) {
                m_plan.trimHeadMs = d.seconds * 1000;
                changed = true;
            }
            m_trimHeadDraft = formatDuration(m_plan.trimHeadMs / 1000);
        }
        formLabel("Trim tail (mm:ss)");
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.0f);
        ImGui::InputText("##trimtail", &m_trimTailDraft);
        if (ImGui::IsItemDeactivatedAfterEdit()) {
            const DurationParse d = parseDuration(m_trimTailDraft);
            if (d.ok()) {
                m_plan.trimTailMs = d.seconds * 1000;
                changed = true;
            }
            m_trimTailDraft = formatDuration(m_plan.trimTailMs / 1000);
        }
        formLabel("Intro file");
        std::string intro = m_plan.intro.string();
        if (ImGui::InputTextWithHint("##intro", "none: an audio file played before the programme",
                                     &intro)) {
            m_plan.intro = intro;
            changed = true;
        }
        formLabel("Outro file");
        std::string outro = m_plan.outro.string();
        if (ImGui::InputTextWithHint("##outro", "none: an audio file played after it", &outro)) {
            m_plan.outro = outro;
            changed = true;
        }
        ImGui::EndTable();
    }
    if (!m_segmentTitles.empty()) {
        ImGui::Spacing();
        textColoured("Leave out whole segments (every stretch each was on air):",
                     colours::kTextDim);
        for (const std::string& title : m_segmentTitles) {
            ImGui::PushID(title.c_str());
            bool dropped = segmentDropped(title);
            if (ImGui::Checkbox(title.c_str(), &dropped)) setSegmentDropped(title, dropped);
            ImGui::PopID();
        }
    }
    if (changed) planChanged();
}

void ExportDialog::drawMetadataTab() {
    bool changed = false;
    EpisodeMeta& meta = m_plan.meta;
    if (beginForm("##meta-form")) {
        formLabel("Title");
        changed |= ImGui::InputText("##title", &meta.title);
        formLabel("Show");
        changed |= ImGui::InputText("##show", &meta.show);
        formLabel("Episode");
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.0f);
        ImGui::InputTextWithHint("##episode", "none", &m_episodeDraft,
                                 ImGuiInputTextFlags_CharsDecimal);
        if (ImGui::IsItemDeactivatedAfterEdit()) {
            if (m_episodeDraft.empty()) {
                meta.episode.reset();
            } else if (m_episodeDraft.size() <= 6 &&
                       std::all_of(m_episodeDraft.begin(), m_episodeDraft.end(),
                                   [](unsigned char c) { return std::isdigit(c); })) {
                meta.episode = std::stoi(m_episodeDraft);
            }
            m_episodeDraft = meta.episode ? std::to_string(*meta.episode) : std::string();
            changed = true;
        }
        formLabel("Date");
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.0f);
        changed |= ImGui::InputTextWithHint("##date", "YYYY-MM-DD", &meta.date);
        formLabel("Language");
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.0f);
        changed |= ImGui::InputText("##language", &meta.language);
        formLabel("Description");
        changed |= ImGui::InputTextMultiline("##description", &meta.description,
                                             ImVec2(-1.0f, ImGui::GetTextLineHeight() * 5.0f));
        formLabel("Cover art");
        std::string cover = meta.cover.string();
        if (ImGui::InputTextWithHint("##cover", "none: a square JPEG or PNG, 1400–3000 px",
                                     &cover)) {
            meta.cover = cover;
            changed = true;
        }
        formLabel("");
        // What the probe found, then what the checks make of it.
        if (m_cover && !meta.cover.empty()) {
            if (m_cover->ok()) {
                const CoverInfo& ci = m_cover->value();
                std::string found =
                    (ci.codec == "mjpeg" ? std::string("JPEG")
                     : ci.codec == "png" ? std::string("PNG")
                                         : ci.codec) +
                    " " + std::to_string(ci.width) + " × " + std::to_string(ci.height) + " px · " +
                    (ci.isRgb ? "RGB" : "not RGB") + (ci.hasAlpha ? " with alpha" : "") + " · " +
                    std::to_string((ci.bytes + 1023) / 1024) + " KB";
                textColoured(found, colours::kText);
            } else {
                ImGui::PushTextWrapPos(0.0f);
                textColoured(m_cover->error().message(), colours::kBad);
                ImGui::PopTextWrapPos();
            }
        }
        bool any = false;
        if (m_prepared && m_prepared->ok()) {
            for (const ExportCheck& c : m_prepared->value().checks) {
                if (c.topic != "Cover art") continue;
                ImGui::PushTextWrapPos(0.0f);
                textColoured("● " + c.text, levelColour(c.level));
                ImGui::PopTextWrapPos();
                any = true;
            }
        }
        if (!any)
            textColoured(meta.cover.empty() ? "No cover art." : "Checking the image…",
                         colours::kTextDim);
        ImGui::EndTable();
    }

    ImGui::Spacing();
    textColoured("PEOPLE", colours::kTextDim);
    if (ImGui::BeginTable("##people", 4,
                          ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        const float em = ImGui::GetFontSize();
        ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("Company", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("Role", ImGuiTableColumnFlags_WidthFixed, em * 7.0f);
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, em * 5.0f);
        ImGui::TableHeadersRow();
        std::optional<std::size_t> remove;
        for (std::size_t i = 0; i < meta.people.size(); ++i) {
            EpisodePerson& p = meta.people[i];
            ImGui::PushID(m_personIds[i]);
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::SetNextItemWidth(-1.0f);
            changed |= ImGui::InputText("##name", &p.name);
            ImGui::TableSetColumnIndex(1);
            ImGui::SetNextItemWidth(-1.0f);
            changed |= ImGui::InputTextWithHint("##company", "none", &p.company);
            ImGui::TableSetColumnIndex(2);
            ImGui::SetNextItemWidth(-1.0f);
            if (ImGui::BeginCombo("##role", p.role.c_str())) {
                for (const char* role : kRoles) {
                    if (ImGui::Selectable(role, p.role == role)) {
                        p.role = role;
                        changed = true;
                    }
                }
                ImGui::EndCombo();
            }
            ImGui::TableSetColumnIndex(3);
            if (ImGui::SmallButton("Remove")) remove = i;
            ImGui::PopID();
        }
        ImGui::EndTable();
        if (remove) {
            meta.people.erase(meta.people.begin() + static_cast<std::ptrdiff_t>(*remove));
            m_personIds.erase(m_personIds.begin() + static_cast<std::ptrdiff_t>(*remove));
            changed = true;
        }
    }
    if (ImGui::SmallButton("Add person")) {
        meta.people.push_back({"", "guest", "", ""});
        m_personIds.push_back(m_nextId++);
        changed = true;
    }
    if (changed) planChanged();
}

void ExportDialog::drawChaptersTab() {
    bool changed = false;
    bool resort = false;
    textColoured("Times on the recording's timeline; the checks show where they land in the file.",
                 colours::kTextDim);
    const float em = ImGui::GetFontSize();
    const float tableHeight =
        std::max(ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing() * 3.0f,
                 ImGui::GetFrameHeight() * 4.0f);
    std::optional<std::size_t> remove;
    if (ImGui::BeginTable(
            "##chapters", 4,
            ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp,
            ImVec2(0, tableHeight))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Time", ImGuiTableColumnFlags_WidthFixed, em * 7.0f);
        ImGui::TableSetupColumn("Title", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("From", ImGuiTableColumnFlags_WidthFixed, em * 5.0f);
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, em * 5.0f);
        ImGui::TableHeadersRow();
        for (std::size_t i = 0; i < m_plan.chapters.size(); ++i) {
            Chapter& c = m_plan.chapters[i];
            ChapterRow& row = m_chapterRows[i];
            ImGui::PushID(row.id);
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::SetNextItemWidth(-1.0f);
            if (row.timeBad) ImGui::PushStyleColor(ImGuiCol_Text, colours::kBad);
            ImGui::InputText("##time", &row.timeDraft);
            if (row.timeBad) ImGui::PopStyleColor();
            // Applied when the field is left, not on every key: a half-typed time would move the
            // chapter around the table under the cursor.
            if (ImGui::IsItemDeactivatedAfterEdit()) {
                if (const auto ms = parseChapterTime(row.timeDraft)) {
                    c.startMs = *ms;
                    c.sample.reset();
                    row.timeDraft = formatTimecode(c.startMs, true);
                    row.timeBad = false;
                    changed = resort = true;
                } else {
                    row.timeBad = true;
                }
            }
            if (row.timeBad && ImGui::IsItemHovered())
                ImGui::SetTooltip("Write mm:ss.mmm, as 12:34.500");
            ImGui::TableSetColumnIndex(1);
            ImGui::SetNextItemWidth(-1.0f);
            if (ImGui::InputTextWithHint("##title", "(no title: left out)", &row.titleDraft))
                fontsPending(row.titleDraft);
            if (ImGui::IsItemDeactivatedAfterEdit()) {
                c.title = row.titleDraft;
                changed = true;
            }
            ImGui::TableSetColumnIndex(2);
            ImGui::AlignTextToFramePadding();
            textColoured(c.kind == Chapter::Kind::Segment    ? "segment"
                         : c.kind == Chapter::Kind::Question ? "question"
                                                             : "marker",
                         colours::kTextDim);
            ImGui::TableSetColumnIndex(3);
            if (ImGui::SmallButton("Remove")) remove = i;
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (remove) {
        m_plan.chapters.erase(m_plan.chapters.begin() + static_cast<std::ptrdiff_t>(*remove));
        m_chapterRows.erase(m_chapterRows.begin() + static_cast<std::ptrdiff_t>(*remove));
        changed = true;
    }

    // A new chapter at a time.
    ImGui::SetNextItemWidth(em * 7.0f);
    ImGui::InputText("##add-time", &m_addTimeDraft);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(std::max(em * 10.0f, ImGui::GetContentRegionAvail().x - em * 9.0f));
    if (ImGui::InputTextWithHint("##add-title", "title of the new chapter", &m_addTitleDraft))
        fontsPending(m_addTitleDraft);
    ImGui::SameLine();
    if (ImGui::Button("Add chapter")) {
        const auto ms = parseChapterTime(m_addTimeDraft);
        if (!ms) {
            m_addNote = "\"" + m_addTimeDraft + "\" is not a time: write mm:ss.mmm, as 12:34.500";
        } else if (m_addTitleDraft.empty()) {
            m_addNote = "A chapter needs a title.";
        } else {
            Chapter c;
            c.kind = Chapter::Kind::Marker;
            c.startMs = *ms;
            c.title = m_addTitleDraft;
            m_plan.chapters.push_back(c);
            m_chapterRows.push_back({m_nextId++, formatTimecode(c.startMs, true), c.title, false});
            m_addTitleDraft.clear();
            m_addNote.clear();
            changed = resort = true;
        }
    }
    // An editor's own list (YouTube's "0:00 Title" lines or chapters JSON) replaces the table.
    if (ImGui::Button("Replace with the list on the clipboard")) {
        const char* clip = ImGui::GetClipboardText();
        const Result<std::vector<Chapter>> list = parseChapterList(clip != nullptr ? clip : "");
        if (!list) {
            m_addNote = "Clipboard: " + list.error().message();
        } else if (list->empty()) {
            m_addNote = "The clipboard holds no chapters.";
        } else {
            m_plan.chapters = list.value();
            m_chapterRows.clear();
            for (const Chapter& ch : m_plan.chapters)
                m_chapterRows.push_back(
                    {m_nextId++, formatTimecode(ch.startMs, true), ch.title, false});
            m_addNote.clear();
            changed = resort = true;
        }
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            "YouTube's \"0:00 Title\" lines or Podcasting 2.0 chapters JSON, times on the "
            "recording");
    if (!m_addNote.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        textColoured(m_addNote, colours::kWarning);
        ImGui::PopTextWrapPos();
        fontsPending(m_addNote);
    }
    if (resort) sortChapters();
    if (changed) planChanged();
}

void ExportDialog::fontsPending(const std::string& typed) { m_typedText += typed; }

void ExportDialog::drawCheckList(const std::vector<ExportCheck>& checks) {
    ImGui::PushTextWrapPos(0.0f);
    for (std::size_t i = 0; i < checks.size(); ++i) {
        const ExportCheck& c = checks[i];
        textColoured("●", levelColour(c.level));
        ImGui::SameLine();
        textColoured(c.topic, colours::kTextDim);
        ImGui::SameLine();
        textColoured(c.text,
                     c.level == ExportCheck::Level::Ok ? colours::kText : levelColour(c.level));
    }
    ImGui::PopTextWrapPos();
}

void ExportDialog::drawChecks() {
    textColoured("CHECKS", colours::kTextDim);
    if (checksPending()) {
        ImGui::SameLine();
        textColoured("checking…", colours::kTextDim);
    }
    if (!m_sourceError.empty()) {
        textColoured("Nothing to check: the source did not open.", colours::kTextDim);
        return;
    }
    if (!m_prepared) return;
    if (!m_prepared->ok()) {
        ImGui::PushTextWrapPos(0.0f);
        textColoured("● " + m_prepared->error().message(), colours::kBad);
        ImGui::PopTextWrapPos();
        return;
    }
    const media::PreparedExport& p = m_prepared->value();
    drawCheckList(p.checks);
    ImGui::Spacing();
    std::string length = "Output: " + formatDurationMs(p.outputMs);
    if (p.introMs > 0) length += " (intro " + formatDurationMs(p.introMs) + ")";
    if (p.outroMs > 0) length += " (outro " + formatDurationMs(p.outroMs) + ")";
    textColoured(length + " · " + std::to_string(p.chapters.size()) + " chapters in the file",
                 colours::kTextDim);
    for (const OutputChapter& c : p.chapters) {
        textColoured(formatDurationMs(c.startMs), colours::kTextDim);
        ImGui::SameLine();
        textTruncated(c.title);
    }
}

void ExportDialog::drawRunning(const media::ExportJob& job, ExportDialogFrame& frame) {
    const media::ExportProgress p = job.progress();
    textColoured("EXPORTING", colours::kTextDim);
    char overlay[64];
    std::snprintf(overlay, sizeof overlay, "%s %d%%", media::phaseName(p.phase),
                  static_cast<int>(std::lround(std::clamp(p.fraction, 0.0, 1.0) * 100.0)));
    ImGui::ProgressBar(static_cast<float>(std::clamp(p.fraction, 0.0, 1.0)), ImVec2(-1.0f, 0.0f),
                       overlay);
    textColoured(p.etaMs < 0 ? std::string("Working out how long it takes…")
                             : "About " + formatDuration((p.etaMs + 999) / 1000) + " left",
                 colours::kTextDim);
    ImGui::Spacing();
    if (m_cancelRequested) {
        textColoured("Cancelling: no file is left at the destination.", colours::kWarning);
    } else if (ImGui::Button("Cancel export")) {
        frame.cancel = true;
        m_cancelRequested = true;
    }
}

void ExportDialog::drawFinished(const media::ExportJob& job) {
    const Result<media::ExportResult>& result = job.result();
    if (!result.ok()) {
        textColoured(m_cancelRequested ? "CANCELLED" : "EXPORT FAILED",
                     m_cancelRequested ? colours::kWarning : colours::kBad);
        ImGui::PushTextWrapPos(0.0f);
        textColoured(result.error().message(),
                     m_cancelRequested ? colours::kTextDim : colours::kBad);
        ImGui::PopTextWrapPos();
        textColoured("No file was left at the destination.", colours::kTextDim);
        ImGui::Spacing();
        drawChecks();
        return;
    }
    const media::ExportResult& r = result.value();
    const bool failed = hasErrors(r.checks);
    textColoured(failed ? "EXPORTED — A CHECK FAILED" : "EXPORTED",
                 failed ? colours::kBad : colours::kGood);
    if (ImGui::BeginTable("##loudness", 4,
                          ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg)) {
        ImGui::TableSetupColumn("");
        ImGui::TableSetupColumn("Before");
        ImGui::TableSetupColumn("After");
        ImGui::TableSetupColumn("Target");
        ImGui::TableHeadersRow();
        const auto row = [](const char* label, double before, double after,
                            const std::string& target) {
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            textColoured(label, colours::kTextDim);
            ImGui::TableSetColumnIndex(1);
            ImGui::TextUnformatted(fixed(before, 1).c_str());
            ImGui::TableSetColumnIndex(2);
            ImGui::TextUnformatted(fixed(after, 1).c_str());
            ImGui::TableSetColumnIndex(3);
            textColoured(target, colours::kTextDim);
        };
        row("Integrated (LUFS)", r.before.integratedLufs, r.after.integratedLufs,
            fixed(m_plan.loudness.integratedLufs, 1) + " ±0.5");
        row("Range (LU)", r.before.loudnessRangeLu, r.after.loudnessRangeLu, "");
        row("True peak (dBTP)", r.before.truePeakDbtp, r.after.truePeakDbtp,
            "≤ " + fixed(m_plan.loudness.truePeakDbtp, 1));
        row("Sample peak (dBFS)", r.before.samplePeakDbfs, r.after.samplePeakDbfs, "");
        ImGui::EndTable();
    }
    std::string gain = "Gain " + signedFixed(r.gainDb, 1) + " dB";
    gain += r.limited
                ? " · limiter: up to " + fixed(r.maxReductionDb, 1) + " dB on the loudest peaks"
                : " · no limiting needed";
    textColoured(gain, colours::kText);
    textColoured("Length " + formatDurationMs(r.outputMs) + " · " +
                     std::to_string(r.chapters.size()) + " chapters",
                 colours::kTextDim);

    ImGui::Spacing();
    textColoured("FILES", colours::kTextDim);
    ImGui::SameLine();
    textTruncated("in " + r.audio.parent_path().string(), colours::kTextDim);
    std::vector<fs::path> files{r.audio};
    files.insert(files.end(), r.sidecars.begin(), r.sidecars.end());
    for (const fs::path& file : files) {
        ImGui::PushID(file.string().c_str());
        const float button = ImGui::CalcTextSize("Copy path").x +
                             ImGui::GetStyle().FramePadding.x * 2.0f +
                             ImGui::GetStyle().ItemSpacing.x;
        textTruncated(
            file.filename().string(), colours::kText,
            std::max(ImGui::GetFontSize() * 4.0f, ImGui::GetContentRegionAvail().x - button));
        ImGui::SameLine();
        if (ImGui::SmallButton("Copy path")) {
            ImGui::SetClipboardText(file.string().c_str());
            m_copiedNote = "Copied " + file.string();
        }
        ImGui::PopID();
    }
    if (!m_copiedNote.empty()) textColoured(m_copiedNote, colours::kGood);

    // The checks after export are read from the file itself: they come first, they are news.
    const std::size_t split = std::min(r.firstAfterCheck, r.checks.size());
    ImGui::Spacing();
    textColoured("AFTER EXPORT (read back from the file)", colours::kTextDim);
    drawCheckList({r.checks.begin() + static_cast<std::ptrdiff_t>(split), r.checks.end()});
    ImGui::Spacing();
    textColoured("BEFORE EXPORT", colours::kTextDim);
    drawCheckList({r.checks.begin(), r.checks.begin() + static_cast<std::ptrdiff_t>(split)});
}

}  // namespace pycast::ui
