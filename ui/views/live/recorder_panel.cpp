// The Live tab's recorder: setup, soundcheck, Record / Stop, meters, loudness, warnings band
// (UI thread; ImGui only).
#include "views/live/recorder_panel.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // the line's text offset, for the REC light
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>

#include "core/duration.hpp"
#include "views/live/airtime_panel.hpp"
#include "views/live/live_panels.hpp"
#include "views/live/live_view.hpp"
#include "views/views.hpp"
#include "widgets/meter.hpp"
#include "widgets/theme.hpp"
#include "widgets/widgets.hpp"

namespace pycast::ui {

namespace fs = std::filesystem;

WarningTone warningTone(const std::string& code) {
    if (code == "dropout" || code == "no-signal" || code == "disk-full" || code == "write-failed" ||
        code == "stream-error")
        return WarningTone::Red;
    return WarningTone::Amber;
}

std::vector<media::AudioDevice> inputDevices(const std::vector<media::AudioDevice>& devices) {
    std::vector<media::AudioDevice> out;
    for (const media::AudioDevice& d : devices)
        if (d.maxInputChannels > 0) out.push_back(d);
    return out;
}

std::vector<std::string> inputHostApis(const std::vector<media::AudioDevice>& devices) {
    std::vector<std::string> out;
    for (const media::AudioDevice& d : devices)
        if (d.maxInputChannels > 0 && std::find(out.begin(), out.end(), d.hostApi) == out.end())
            out.push_back(d.hostApi);
    return out;
}

std::string takeTimeText(std::int64_t frames, int rate) {
    // The app's one way of writing a length (core/duration.hpp).
    return formatDuration(rate > 0 ? std::max<std::int64_t>(frames, 0) / rate : 0);
}

std::string diskTimeText(double seconds) {
    if (seconds < 0 || !std::isfinite(seconds)) return "disk: unknown";
    const auto s = static_cast<long long>(seconds);
    if (s >= 3600)
        return std::to_string(s / 3600) + " h " + std::to_string(s / 60 % 60) + " min left";
    if (s >= 60) return std::to_string(s / 60) + " min left";
    return std::to_string(s) + " s left";
}

std::string lufsText(double lufs) {
    if (!(lufs > -120.0)) return "—";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.1f", lufs);
    return buf;
}

std::string warningText(const media::RecorderEvent& event, const media::RecorderStatus& status) {
    if (!event.text.empty()) return event.text;
    std::string text = event.code;
    if (event.track >= 0 && static_cast<std::size_t>(event.track) < status.tracks.size())
        text += " on " + status.tracks[static_cast<std::size_t>(event.track)].name;
    return text;
}

std::vector<PresenterWarning> presenterWarnings(const RecorderFeed& feed) {
    std::vector<PresenterWarning> out;
    if (!feed.available) return out;
    const auto trackName = [&](int track) -> std::string {
        if (track >= 0 && static_cast<std::size_t>(track) < feed.status.tracks.size())
            return feed.status.tracks[static_cast<std::size_t>(track)].name;
        if (track >= 0 && static_cast<std::size_t>(track) < feed.setup.tracks.size())
            return feed.setup.tracks[static_cast<std::size_t>(track)].name;
        return {};
    };
    for (const media::RecorderEvent& e : feed.warnings) {
        std::string text;
        bool red = true;
        if (e.code == "dropout") {
            text = "DROPOUT";
        } else if (e.code == "no-signal") {
            text = "NO SIGNAL";
        } else if (e.code == "silent") {
            text = "MIC SILENT";
            red = false;
        } else {
            continue;
        }
        const std::string name = trackName(e.track);
        if (!name.empty()) text += " · " + name;
        // One line per kind and track: a second dropout says nothing new to the host.
        const PresenterWarning w{text, red};
        if (std::find(out.begin(), out.end(), w) == out.end()) out.push_back(w);
    }
    // The lost signal first: it costs the take.
    std::stable_partition(out.begin(), out.end(), [](const PresenterWarning& w) { return w.red; });
    if (out.size() > 3) out.resize(3);
    return out;
}

namespace {

// From this width (font sizes) the meters and the airtime sit side by side.
constexpr float kRecorderColumnsEm = 60.0f;
constexpr ImU32 kDarkText = IM_COL32(20, 22, 26, 255);
constexpr ImU32 kRecRed = IM_COL32(230, 40, 40, 255);

// A rounded coloured line across `width`, text in `textColour`.
void warningLine(const std::string& text, ImU32 fill, ImU32 textColour, float width) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetFrameHeight();
    const float pad = ImGui::GetStyle().FramePadding.x;
    dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), fill, h * 0.2f);
    dl->PushClipRect(p, ImVec2(p.x + width - pad, p.y + h), true);
    dl->AddText(ImVec2(p.x + pad, p.y + ImGui::GetStyle().FramePadding.y), textColour,
                text.c_str());
    dl->PopClipRect();
    ImGui::Dummy(ImVec2(width, h));
}

// The red REC light and "REC", or a grey "STOPPED".
void recLight(bool recording) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    const float r = h * 0.36f;
    // On a line aligned to frame padding the text sits lower: so does the light.
    const float base = ImGui::GetCurrentWindow()->DC.CurrLineTextBaseOffset;
    dl->AddCircleFilled(ImVec2(p.x + r, p.y + base + h * 0.5f), r,
                        recording ? kRecRed : colours::kTrack);
    ImGui::Dummy(ImVec2(r * 2.0f + h * 0.3f, h));
    ImGui::SameLine(0, 0);
    textColoured(recording ? "REC" : "STOPPED", recording ? kRecRed : colours::kTextDim);
}

std::int64_t takeFrames(const RecorderFeed& feed) {
    return std::max<std::int64_t>(feed.status.position.value - feed.setup.startSample.value, 0);
}

std::string personName(const Show& show, const std::string& id) {
    if (id.empty()) return "(nobody)";
    const Person* p = show.findPerson(id);
    return p ? p->name : id + "?";
}

// The loudness numbers and a short bar for the momentary value (-50..0 LUFS, the podcast
// target band -19..-14 LUFS shaded).
void loudnessRow(const media::RecorderStatus& s, float width) {
    const float f = ImGui::GetFontSize();
    textColoured("Loudness", colours::kTextDim);
    ImGui::SameLine();
    const auto value = [&](const char* label, double v) {
        textColoured(label, colours::kTextDim);
        ImGui::SameLine(0, f * 0.25f);
        textColoured(lufsText(v), colours::kText);
        ImGui::SameLine();
    };
    value("M", s.momentaryLufs);
    value("S", s.shortTermLufs);
    value("I", s.integratedLufs);
    textColoured("LUFS", colours::kTextDim);
    ImGui::SameLine();
    const float barWidth = std::max(ImGui::GetContentRegionAvail().x, std::min(width, f * 4.0f));
    const auto frac = [](double lufs) {
        return static_cast<float>(std::clamp((lufs + 50.0) / 50.0, 0.0, 1.0));
    };
    BarStyle style;
    style.fill = s.momentaryLufs > -9.0 ? colours::kBad : colours::kAccent;
    style.bandFrom = frac(-19.0);
    style.bandTo = frac(-14.0);
    style.markerFraction = s.integratedLufs > -120.0 ? frac(s.integratedLufs) : -1.0f;
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (ImGui::GetTextLineHeight() - f * 0.45f) * 0.5f);
    bar(s.momentaryLufs > -120.0 ? frac(s.momentaryLufs) : 0.0f, barWidth, style);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            "Momentary loudness; green band: -19 to -14 LUFS (podcast target -16); "
            "tick: integrated");
}

// A track's state after its meter: what matters most first.
void trackState(const media::TrackMeter& t) {
    if (!t.armed) {
        textColoured("off", colours::kTextDim);
    } else if (t.noSignal) {
        textColoured("NO SIGNAL", colours::kBad);
    } else if (t.silentSeconds >= 5.0) {
        textColoured("silent " + std::to_string(static_cast<int>(t.silentSeconds)) + " s",
                     colours::kWarning);
    } else {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%.0f dB", std::max(t.peakHoldDbfs, -99.0f));
        textColoured(buf, t.peakHoldDbfs >= kMeterRedDbfs ? colours::kBad : colours::kTextDim);
    }
}

void metersTable(RecorderViewState& rv, const media::RecorderStatus& s) {
    const float f = ImGui::GetFontSize();
    rv.clipLatched.resize(s.tracks.size(), false);
    float nameWidth = ImGui::CalcTextSize("Guest 1").x;
    for (const media::TrackMeter& t : s.tracks)
        nameWidth = std::max(nameWidth, std::min(ImGui::CalcTextSize(t.name.c_str()).x, f * 9.0f));
    nameWidth = std::ceil(nameWidth + f * 0.25f);  // textTruncated cuts what only just fits
    const float stateWidth = widestText({"NO SIGNAL", "silent 999 s", "-99 dB"});
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float meterWidth =
        std::max(ImGui::GetContentRegionAvail().x - nameWidth - stateWidth - spacing * 2, f * 6.0f);
    const float h = std::max(std::floor(f * 0.8f), 6.0f);
    for (std::size_t i = 0; i < s.tracks.size(); ++i) {
        const media::TrackMeter& t = s.tracks[i];
        if (t.clipping) rv.clipLatched[i] = true;
        const float rowTop = ImGui::GetCursorPosY();
        textTruncated(t.name, t.armed ? colours::kText : colours::kTextDim, nameWidth);
        ImGui::SameLine(nameWidth + spacing + ImGui::GetStyle().WindowPadding.x * 0.0f);
        ImGui::SetCursorPosY(rowTop + (ImGui::GetTextLineHeight() - h) * 0.5f);
        MeterLevels levels{t.peakDbfs, t.peakHoldDbfs, t.rmsDbfs, rv.clipLatched[i], !t.armed};
        const std::string id = "meter" + std::to_string(i);
        if (levelMeter(id.c_str(), levels, ImVec2(meterWidth, h))) rv.clipLatched[i] = false;
        ImGui::SameLine();
        ImGui::SetCursorPosY(rowTop);
        trackState(t);
    }
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + nameWidth + spacing);
    ImGui::PushStyleColor(ImGuiCol_Text, colours::kTextDim);
    meterScale(meterWidth, h);
    ImGui::PopStyleColor();
}

void setupSection(ViewContext& ctx, RecorderViewState& rv, const Show& show) {
    const float f = ImGui::GetFontSize();
    media::RecorderSetup& setup = rv.setup;
    ImGui::SetNextItemOpen(rv.setupOpen, ImGuiCond_Always);
    rv.setupOpen = ImGui::CollapsingHeader("Setup");
    if (!rv.setupOpen) return;

    const std::vector<media::AudioDevice> inputs = inputDevices(rv.devices);
    if (rv.scanned && inputs.empty()) {
        warningLine("No audio input device found", colours::kWarning, kDarkText,
                    ImGui::GetContentRegionAvail().x);
        ImGui::TextWrapped("%s", ("Connect a microphone or an interface (or start JACK), then "
                                  "press Rescan. The rest of the Live tab works without one." +
                                  (rv.deviceError.empty() ? std::string() : "\n" + rv.deviceError))
                                     .c_str());
    }
    // Two lines: where the sound comes from, then its format.
    const std::vector<std::string> apis = inputHostApis(rv.devices);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Host API");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(f * 11.0f);
    if (ImGui::BeginCombo("##hostapi", setup.hostApi.empty() ? "Default" : setup.hostApi.c_str())) {
        if (ImGui::Selectable("Default", setup.hostApi.empty())) setup.hostApi.clear();
        for (const std::string& api : apis)
            if (ImGui::Selectable(api.c_str(), api == setup.hostApi)) {
                setup.hostApi = api;
                setup.device.clear();
            }
        ImGui::EndCombo();
    }
    ImGui::SameLine(0, f);
    ImGui::TextUnformatted("Device");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(f * 20.0f);
    const media::AudioDevice* chosen = nullptr;
    for (const media::AudioDevice& d : inputs)
        if (d.name == setup.device && (setup.hostApi.empty() || d.hostApi == setup.hostApi))
            chosen = &d;
    if (ImGui::BeginCombo("##device",
                          setup.device.empty() ? "Default input" : setup.device.c_str())) {
        if (ImGui::Selectable("Default input", setup.device.empty())) setup.device.clear();
        for (const media::AudioDevice& d : inputs) {
            if (!setup.hostApi.empty() && d.hostApi != setup.hostApi) continue;
            const std::string label = d.name + "  (" + std::to_string(d.maxInputChannels) +
                                      " in, " +
                                      std::to_string(static_cast<int>(d.defaultSampleRate)) +
                                      " Hz)##" + std::to_string(d.index);
            if (ImGui::Selectable(label.c_str(), d.name == setup.device)) {
                setup.device = d.name;
                if (setup.hostApi.empty()) setup.hostApi = d.hostApi;
                if (setup.channels > d.maxInputChannels) fitTracks(setup, show, d.maxInputChannels);
            }
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(rv.scanning || rv.soundchecking);  // one PortAudio user at a time
    if (ImGui::Button(rv.scanned ? "Rescan" : "Scan devices"))
        ctx.requests.recorder = RecorderRequest{RecorderRequest::Kind::Rescan, {}};
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            "Lists the audio devices again (a device plugged in since, JACK started)");

    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Rate");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(f * 7.0f);
    const char* rateLabel = setup.sampleRate == 44100 ? "44.1 kHz" : "48 kHz";
    if (ImGui::BeginCombo("##rate", rateLabel)) {
        if (ImGui::Selectable("48 kHz", setup.sampleRate == 48000)) setup.sampleRate = 48000;
        if (ImGui::Selectable("44.1 kHz", setup.sampleRate == 44100)) setup.sampleRate = 44100;
        ImGui::EndCombo();
    }
    ImGui::SameLine(0, f);
    ImGui::TextUnformatted("Channels");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(f * 7.0f);
    int channels = setup.channels;
    const int maxChannels = chosen ? chosen->maxInputChannels : 64;
    if (ImGui::InputInt("##channels", &channels, 1, 1))
        fitTracks(setup, show, std::clamp(channels, 1, std::max(maxChannels, 1)));
    if (chosen && chosen->defaultSampleRate > 0 &&
        static_cast<int>(chosen->defaultSampleRate) != setup.sampleRate) {
        ImGui::SameLine(0, f);
        textColoured("the device runs at " +
                         std::to_string(static_cast<int>(chosen->defaultSampleRate)) + " Hz",
                     colours::kWarning);
    }

    // Tracks: input → name, person, armed.
    const ImGuiTableFlags flags = ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_NoHostExtendX;
    if (ImGui::BeginTable("##tracks", 4, flags,
                          ImVec2(std::min(ImGui::GetContentRegionAvail().x, f * 52.0f), 0))) {
        ImGui::TableSetupColumn("Input", ImGuiTableColumnFlags_WidthFixed,
                                widestText({"Input", "In 16"}));
        ImGui::TableSetupColumn("Track name", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("Person", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("Armed", ImGuiTableColumnFlags_WidthFixed, widestText({"Armed"}));
        ImGui::TableHeadersRow();
        for (std::size_t i = 0; i < setup.tracks.size(); ++i) {
            media::TrackSetup& t = setup.tracks[i];
            ImGui::PushID(static_cast<int>(i));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::AlignTextToFramePadding();
            ImGui::Text("In %d", t.channel + 1);
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-FLT_MIN);
            ImGui::InputText("##name", &t.name);
            if (ImGui::IsItemDeactivatedAfterEdit() && t.name.empty())
                t.name = "Input " + std::to_string(t.channel + 1);
            ImGui::TableNextColumn();
            ImGui::SetNextItemWidth(-FLT_MIN);
            if (ImGui::BeginCombo("##person", personName(show, t.person).c_str())) {
                if (ImGui::Selectable("(nobody)", t.person.empty())) t.person.clear();
                for (const Person& p : show.people) {
                    const std::string label = p.name + "  · " + roleLabel(p.role) + "##" + p.id;
                    if (ImGui::Selectable(label.c_str(), p.id == t.person)) t.person = p.id;
                }
                ImGui::EndCombo();
            }
            ImGui::TableNextColumn();
            ImGui::Checkbox("##armed", &t.armed);
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
}

void findingsList(const RecorderViewState& rv) {
    if (rv.soundchecking) {
        textColoured("Soundcheck: listening…", colours::kAccent);
        return;
    }
    if (!rv.soundcheckError.empty()) {
        textColoured("Soundcheck failed: " + rv.soundcheckError, colours::kBad);
        return;
    }
    if (!rv.findings) return;
    if (rv.findings->empty()) {
        textColoured("Soundcheck: every armed track has signal, no clipping, disk is fine.",
                     colours::kGood);
        return;
    }
    for (const media::SoundcheckFinding& f : *rv.findings)
        textColoured("• " + f.text,
                     warningTone(f.code) == WarningTone::Red ? colours::kBad : colours::kWarning);
}

}  // namespace

void recorderBand(ViewContext& ctx) {
    if (ctx.live == nullptr) return;
    RecorderViewState& rv = ctx.live->view.recorder;
    const RecorderFeed& feed = rv.feed;
    if (!feed.available) return;
    const media::RecorderStatus& s = feed.status;
    const bool stoppedByItself = !s.recording && !s.error.empty();
    if (!s.recording && feed.warnings.empty() && !stoppedByItself) return;
    const float width = ImGui::GetContentRegionAvail().x;
    const float f = ImGui::GetFontSize();
    if (s.recording) {
        ctx.requests.requestFrameRate(15.0);  // the meters and the take time move
        ImGui::AlignTextToFramePadding();
        recLight(true);
        ImGui::SameLine();
        textColoured(takeTimeText(takeFrames(feed), s.sampleRate), colours::kText);
        ImGui::SameLine();
        smallDim(ctx, "take " + std::to_string(feed.setup.take));
        ImGui::SameLine(0, f);
        textColoured("dropouts " + std::to_string(s.dropouts),
                     s.dropouts > 0 ? colours::kBad : colours::kTextDim);
        ImGui::SameLine(0, f);
        textColoured(diskTimeText(s.diskSecondsLeft),
                     s.diskSecondsLeft >= 0 && s.diskSecondsLeft < 15 * 60 ? colours::kWarning
                                                                           : colours::kTextDim);
        ImGui::SameLine(0, f);
        textColoured("M " + lufsText(s.momentaryLufs) + " LUFS", colours::kTextDim);
        if (const Session* session = ctx.live->controller.session()) {
            ImGui::SameLine(0, f);
            textColoured("markers " + std::to_string(session->markers().size()), colours::kTextDim);
        }
        if (!rv.showRecorder) {
            ImGui::SameLine(0, f);
            if (ImGui::SmallButton("Meters")) {
                rv.showRecorder = true;
                rv.selectRecorderTab = true;
            }
        }
    }
    if (stoppedByItself)
        warningLine("Recording stopped: " + s.error, colours::kBad, IM_COL32(255, 255, 255, 255),
                    width);
    for (const media::RecorderEvent& e : feed.warnings) {
        const bool red = warningTone(e.code) == WarningTone::Red;
        warningLine(warningText(e, s), red ? colours::kBad : colours::kWarning,
                    red ? IM_COL32(255, 255, 255, 255) : kDarkText, width);
    }
}

void recorderPanel(ViewContext& ctx, ImVec2 size) {
    if (ctx.live == nullptr || !ctx.live->controller.hasSession()) return;
    LiveContext& live = *ctx.live;
    RecorderViewState& rv = live.view.recorder;
    const RecorderFeed& feed = rv.feed;
    const Show& show = live.controller.session()->show();
    const float f = ImGui::GetFontSize();
    ImGui::BeginChild("##recorder", size, false);
    if (!feed.available) {
        textColoured("This studio was built without a recorder.", colours::kTextDim);
        ImGui::EndChild();
        return;
    }
    const bool recording = feed.status.recording;
    if (recording && !rv.wasRecording) rv.setupOpen = false;  // collapsed while recording
    if (!recording && rv.wasRecording) rv.setupOpen = true;
    rv.wasRecording = recording;
    if (rv.setup.tracks.empty()) fitTracks(rv.setup, show, rv.setup.channels);
    // The devices once, when the panel is first seen; after that only on Rescan.
    if (!rv.scanned && !rv.scanning && !ctx.requests.recorder)
        ctx.requests.recorder = RecorderRequest{RecorderRequest::Kind::Rescan, {}};

    // Record / Stop, Soundcheck.
    const bool haveInput = !rv.scanned || !inputDevices(rv.devices).empty();
    if (recording) {
        // The band above says REC, the time and the take; here the Stop and what is in use.
        if (actionButton("■ Stop recording", ImVec2(0, 0), colours::kTrack))
            ctx.requests.recorder = RecorderRequest{RecorderRequest::Kind::Stop, {}};
        ImGui::SameLine();
        if (ImGui::Button("Marker (M)"))
            live.controller.post(LiveAction::command(LiveRequest(LiveCommand::Marker)));
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip(
                "A marker at this sample of the recording, in the journal and the "
                "chapters. Key M.");
        ImGui::SameLine(0, f);
        ImGui::AlignTextToFramePadding();
        const media::RecorderSetup& used = feed.setup;
        smallDim(ctx, (used.device.empty() ? std::string("default input") : used.device) + " · " +
                          (used.sampleRate == 44100 ? std::string("44.1")
                                                    : std::to_string(used.sampleRate / 1000)) +
                          " kHz · " + std::to_string(used.channels) + " ch · take " +
                          std::to_string(used.take));
    } else {
        ImGui::BeginDisabled(rv.soundchecking || !haveInput);
        if (ImGui::Button("Soundcheck"))
            ctx.requests.recorder = RecorderRequest{RecorderRequest::Kind::Soundcheck, rv.setup};
        ImGui::SameLine();
        if (actionButton("● Record", ImVec2(0, 0), IM_COL32(170, 30, 30, 255))) {
            if (rv.findings && !rv.findings->empty())
                rv.confirmRecord = true;
            else
                ctx.requests.recorder = RecorderRequest{RecorderRequest::Kind::Start, rv.setup};
        }
        ImGui::EndDisabled();
        if (!rv.findings && !rv.soundchecking) {
            ImGui::SameLine();
            smallDim(ctx, "A soundcheck first catches a dead mic.");
        }
    }
    if (!rv.startError.empty()) textColoured(rv.startError, colours::kBad);
    if (!recording) findingsList(rv);
    if (rv.confirmRecord) {
        ImGui::OpenPopup("Soundcheck found problems");
        rv.confirmRecord = false;
    }
    if (ImGui::BeginPopupModal("Soundcheck found problems", nullptr,
                               ImGuiWindowFlags_AlwaysAutoResize)) {
        findingsList(rv);
        ImGui::TextUnformatted("Fix them and run the soundcheck again, or go ahead as it is.");
        ImGui::Spacing();
        if (actionButton("Record anyway", ImVec2(0, 0), IM_COL32(170, 30, 30, 255))) {
            ctx.requests.recorder = RecorderRequest{RecorderRequest::Kind::Start, rv.setup};
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }

    if (!recording) setupSection(ctx, rv, show);

    // Meters and airtime side by side when the panel is wide, else one under the other.
    const bool metered = feed.running || recording || !feed.status.tracks.empty();
    const bool columns = metered && ImGui::GetContentRegionAvail().x >= f * kRecorderColumnsEm;
    if (columns) {
        ImGui::BeginTable("##recorder-columns", 2, ImGuiTableFlags_SizingStretchProp);
        ImGui::TableSetupColumn("meters", ImGuiTableColumnFlags_WidthStretch, 0.55f);
        ImGui::TableSetupColumn("airtime", ImGuiTableColumnFlags_WidthStretch, 0.45f);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
    }
    // Meters and figures, whenever a recorder runs or ran in this session.
    if (metered) {
        ImGui::Spacing();
        sectionHeader("Meters");
        metersTable(rv, feed.status);
        loudnessRow(feed.status, ImGui::GetContentRegionAvail().x);
        const media::RecorderStatus& s = feed.status;
        textColoured(diskTimeText(s.diskSecondsLeft),
                     s.diskSecondsLeft >= 0 && s.diskSecondsLeft < 15 * 60 ? colours::kWarning
                                                                           : colours::kTextDim);
        ImGui::SameLine(0, f);
        textColoured("dropouts " + std::to_string(s.dropouts) +
                         (s.droppedFrames > 0 ? " (" + std::to_string(s.droppedFrames) + " frames)"
                                              : std::string()),
                     s.dropouts > 0 ? colours::kBad : colours::kTextDim);
        if (s.ringCapacity > 0) {
            ImGui::SameLine(0, f);
            const int used = static_cast<int>(100.0 * static_cast<double>(s.ringHighWater) /
                                              static_cast<double>(s.ringCapacity));
            smallDim(ctx, "buffer peak " + std::to_string(used) + "%");
        }
    }

    // Actual airtime beside the plan.
    if (columns) ImGui::TableNextColumn();
    ImGui::Spacing();
    sectionHeader("Airtime");
    if (rv.planGeneration != live.controller.generation()) {
        rv.plan = analyzeRundown(show);
        rv.planGeneration = live.controller.generation();
    }
    const media::RecorderSetup& mapping = feed.running ? feed.setup : rv.setup;
    airtimePanel(airtimeTable(show, rv.plan, mapping, feed.status),
                 ImGui::GetContentRegionAvail().x);
    if (columns) ImGui::EndTable();
    ImGui::EndChild();
}

}  // namespace pycast::ui
