// The Live menu, the Go-live panel and the live session's dialogs (UI thread).
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

#include "core/clock.hpp"
#include "editing/document.hpp"
#include "core/duration.hpp"
#include "widgets/fonts.hpp"
#include "server/lan_address.hpp"
#include "views/live/live_view.hpp"
#include "widgets/theme.hpp"
#include "views/views.hpp"
#include "widgets/widgets.hpp"

namespace pycast::ui {

namespace {

constexpr const char* kStartDialog = "Start a live session";
constexpr const char* kEndDialog = "End the show?";
constexpr const char* kResumeDialog = "Resume the interrupted session?";
constexpr const char* kQuitDialog = "The show is live";

void centreNextWindow() {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
}

bool escapePressed() { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false); }

std::string interruptedLabel(const InterruptedSession& s) {
    std::string label = s.title;
    if (!s.lastWall.empty()) label += "  ·  last event " + localTimeOfStamp(s.lastWall);
    return label;
}

// Posted: the session changes after the frame, never while a dialog is being drawn.
void resume(LiveContext& live, const std::filesystem::path& dir) {
    live.controller.post([&live, dir](LiveController& c) {
        if (c.resumeSession(dir)) live.refreshInterrupted();
    });
}

void startDialog(LiveContext& live, const Document& document, const FontManager& fonts) {
    if (live.view.startDialogRequested) {
        ImGui::OpenPopup(kStartDialog);
        live.view.startDialogRequested = false;
        live.refreshInterrupted();
    }
    centreNextWindow();
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 44, 0), ImGuiCond_Appearing);
    if (!ImGui::BeginPopupModal(kStartDialog, nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
    drawGoLivePanel(live, document, fonts, true);
    ImGui::Spacing();
    if (ImGui::Button("Cancel", ImVec2(ImGui::GetFontSize() * 6, 0)) || escapePressed() ||
        live.controller.hasSession()) {
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void endDialog(LiveContext& live) {
    if (live.view.endConfirmRequested) {
        ImGui::OpenPopup(kEndDialog);
        live.view.endConfirmRequested = false;
    }
    centreNextWindow();
    if (!ImGui::BeginPopupModal(
            kEndDialog, nullptr,
            ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        return;
    }
    ImGui::TextUnformatted("Ending stops the clock for good and writes the report");
    textColoured("(report.md and report.csv in the session folder).", colours::kTextDim);
    ImGui::Spacing();
    const float w = ImGui::GetFontSize() * 8;
    ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(150, 42, 38, 255));
    const bool end = ImGui::Button("End the show", ImVec2(w, 0));
    ImGui::PopStyleColor();
    ImGui::SameLine();
    if (end) {
        live.controller.post(LiveAction::End);
        ImGui::CloseCurrentPopup();
    } else if (ImGui::Button("Keep going", ImVec2(w, 0)) || escapePressed()) {
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void resumeOfferDialog(LiveContext& live) {
    if (live.view.resumeOfferRequested) {
        ImGui::OpenPopup(kResumeDialog);
        live.view.resumeOfferRequested = false;
    }
    centreNextWindow();
    if (!ImGui::BeginPopupModal(
            kResumeDialog, nullptr,
            ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        return;
    }
    if (!live.view.resumeOffer) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    const InterruptedSession& s = *live.view.resumeOffer;
    ImGui::TextUnformatted("An interrupted session was found:");
    ImGui::PushFont(ImGui::GetFont());
    textColoured(s.title + (s.lastWall.empty() ? std::string()
                                               : ", last event " + localTimeOfStamp(s.lastWall)),
                 colours::kText);
    ImGui::PopFont();
    textColoured(s.dir.string(), colours::kTextDim);
    if (live.view.moreInterrupted > 0) {
        textColoured(
            "(" + std::to_string(live.view.moreInterrupted) + " more in Live ▸ Resume session)",
            colours::kTextDim);
    }
    ImGui::TextUnformatted(
        "Resume it? Its position, times and messages come back from the journal.");
    ImGui::Spacing();
    const float w = ImGui::GetFontSize() * 7;
    ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(38, 122, 58, 255));
    const bool yes = ImGui::Button("Resume", ImVec2(w, 0));
    ImGui::PopStyleColor();
    ImGui::SameLine();
    if (yes) {
        const std::filesystem::path dir = s.dir;
        live.view.resumeOffer.reset();
        resume(live, dir);
        ImGui::CloseCurrentPopup();
    } else if (ImGui::Button("Not now", ImVec2(w, 0)) || escapePressed()) {
        live.view.resumeOffer.reset();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void quitDialog(LiveContext& live) {
    if (live.view.quitPromptRequested) {
        ImGui::OpenPopup(kQuitDialog);
        live.view.quitPromptRequested = false;
    }
    centreNextWindow();
    if (!ImGui::BeginPopupModal(
            kQuitDialog, nullptr,
            ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        return;
    }
    ImGui::TextUnformatted("The studio is closing while the show is on air.");
    textColoured("Keeping it resumable loses nothing: the journal already has every event.",
                 colours::kTextDim);
    ImGui::Spacing();
    const float w = ImGui::GetFontSize() * 9;
    ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(150, 42, 38, 255));
    const bool end = ImGui::Button("End the show", ImVec2(w, 0));
    ImGui::PopStyleColor();
    ImGui::SameLine();
    const bool keep = ImGui::Button("Keep it resumable", ImVec2(w, 0));
    ImGui::SameLine();
    const bool cancel = ImGui::Button("Cancel", ImVec2(w * 0.7f, 0)) || escapePressed();
    if (end || keep || cancel) {
        live.view.quitDecision = end    ? QuitDecision::EndShow
                                 : keep ? QuitDecision::KeepResumable
                                        : QuitDecision::Cancel;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace

float MessageFlash::update(const std::optional<ProducerMessage>& message, double now) {
    if (!m_initialized) {
        m_initialized = true;
        m_seen = message;
        return 0.0f;
    }
    if (message != m_seen) {
        m_seen = message;
        m_since = message ? now : -1e9;  // a cleared message is not news
    }
    const double t = now - m_since;
    if (t < 0.0 || t >= kSeconds) return 0.0f;
    const double fade = 1.0 - t / kSeconds;
    const double wave = 0.5 + 0.5 * std::cos(2.0 * 3.14159265358979 * 1.2 * t);
    return static_cast<float>(fade * wave);
}

void LiveContext::refreshInterrupted() {
    view.interrupted = controller.interruptedSessions();
    view.interruptedListed = true;
}

std::string localTimeOfStamp(const std::string& iso) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    if (std::sscanf(iso.c_str(), "%d-%d-%dT%d:%d:%d", &y, &mo, &d, &h, &mi, &s) != 6) return iso;
    std::tm tm{};
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = s;
    const std::time_t t = timegm(&tm);
    if (t == static_cast<std::time_t>(-1)) return iso;
    const LocalDateTime local = SystemWallClock().toLocal(static_cast<std::int64_t>(t) * 1000);
    const std::int64_t minutes = local.msOfDay / 60'000;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s %02lld:%02lld", local.date().c_str(),
                  static_cast<long long>(minutes / 60), static_cast<long long>(minutes % 60));
    return buf;
}

void drawGoLivePanel(LiveContext& live, const Document& document, const FontManager& fonts,
                     bool inDialog) {
    LiveController& c = live.controller;
    LiveSettings& settings = c.settings();
    const float f = ImGui::GetFontSize();
    if (!live.view.interruptedListed) live.refreshInterrupted();

    if (!inDialog) {
        ImGui::PushFont(fonts.font(FontRole::Heading));
        ImGui::TextUnformatted("Go live");
        ImGui::PopFont();
    }
    if (document.show) {
        const Show& show = *document.show;
        ImGui::PushFont(fonts.font(FontRole::Bold));
        textColoured(show.meta.title.empty() ? std::string("(untitled show)") : show.meta.title,
                     colours::kText);
        ImGui::PopFont();
        std::string facts = std::to_string(show.rundown.size()) + " segments · " +
                            formatDuration(show.plannedTotal()) + " planned";
        if (show.meta.hardOut) facts += " · hard out " + formatTimeOfDay(*show.meta.hardOut);
        textColoured(facts, colours::kTextDim);
    } else {
        textColoured("Open a show (File ▸ Open) to start a session for it.", colours::kTextDim);
    }
    ImGui::Spacing();

    if (live.view.sessionsRootDraft.empty())
        live.view.sessionsRootDraft = settings.sessionsRoot.string();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Sessions folder");
    ImGui::SameLine(f * 9);
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, f * 34));
    ImGui::InputText("##sessions-root", &live.view.sessionsRootDraft);
    if (ImGui::IsItemDeactivatedAfterEdit()) {
        settings.sessionsRoot = live.view.sessionsRootDraft;
        live.refreshInterrupted();
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Amber from");
    ImGui::SameLine(f * 9);
    int warnSeconds = static_cast<int>(settings.warningMs / 1000);
    ImGui::SetNextItemWidth(f * 8);
    if (ImGui::InputInt("##warning", &warnSeconds, 15, 60)) {
        settings.warningMs = std::int64_t{std::clamp(warnSeconds, 0, 3600)} * 1000;
    }
    ImGui::SameLine();
    textColoured("seconds before a segment's end", colours::kTextDim);
    ImGui::PushTextWrapPos(0.0f);
    textColoured(
        "Each session gets a folder of its own in the sessions folder: the show as it "
        "started, the journal, the report.",
        colours::kTextDim);
    ImGui::PopTextWrapPos();
    ImGui::Spacing();

    ImGui::PushFont(fonts.font(FontRole::Bold));
    ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(38, 122, 58, 255));
    ImGui::BeginDisabled(!document.show || c.isLive());
    if (ImGui::Button("Start session", ImVec2(f * 12, f * 2.4f))) {
        settings.sessionsRoot = live.view.sessionsRootDraft;
        c.post([show = *document.show, path = document.path](LiveController& lc) {
            lc.startSession(show, path);
        });
    }
    ImGui::EndDisabled();
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    textColoured("The clock starts when you press Start.", colours::kTextDim);
    if (!c.lastError().empty()) textColoured("⚠ " + c.lastError(), colours::kBad);

    if (!live.view.interrupted.empty()) {
        ImGui::Spacing();
        sectionHeader("INTERRUPTED SESSIONS");
        for (const InterruptedSession& s : live.view.interrupted) {
            ImGui::PushID(s.dir.string().c_str());
            ImGui::BeginDisabled(c.isLive());
            const bool pressed = ImGui::SmallButton("Resume");
            ImGui::EndDisabled();
            ImGui::SameLine();
            textColoured(interruptedLabel(s), colours::kText);
            ImGui::SameLine();
            textColoured(s.dir.string(), colours::kTextDim);
            ImGui::PopID();
            if (pressed) {
                resume(live, s.dir);
                break;  // the list changed under the loop
            }
        }
    }
}

void drawPresenterMenuItem(LiveContext& live) {
    ImGui::Separator();
    ImGui::MenuItem("Presenter window", nullptr, &live.view.presenterOpen);
}

// The audience page's switch, its address and PIN (the service: server/audience_api, made by
// the shell).
static void audienceMenu(LiveContext& live) {
    LiveController& c = live.controller;
    const AudienceInfo& a = c.audience();
    if (!a.available) {
        ImGui::MenuItem("Audience questions (not in this build)", nullptr, false, false);
        return;
    }
    bool on = a.on;
    if (ImGui::MenuItem("Audience questions", nullptr, &on, c.isLive())) {
        c.post([on](LiveController& lc) { lc.setAudienceOn(on); });
    }
    if (ImGui::BeginMenu("Audience address", c.isLive())) {
        // Read when the menu opens: getifaddrs every frame would be wasted work.
        if (ImGui::IsWindowAppearing() || !live.view.lanListed) {
            const Result<std::vector<NetInterface>> found = listNetInterfaces();
            live.view.lanAddresses =
                rankLanAddresses(found ? *found : std::vector<NetInterface>{});
            live.view.lanListed = true;
        }
        const std::string current = a.host.empty() ? std::string("127.0.0.1") : a.host;
        std::vector<NetInterface> choices = live.view.lanAddresses;
        choices.push_back(NetInterface{"lo", "127.0.0.1", true, true});
        for (const NetInterface& n : choices) {
            const std::string label = n.address + "   (" + n.name + ")";
            if (ImGui::MenuItem(label.c_str(), nullptr, current == n.address)) {
                c.post([address = n.address](LiveController& lc) { lc.setAudienceHost(address); });
            }
        }
        ImGui::Separator();
        // The page listens on every interface; the port is chosen before it is switched on.
        int port = a.port;
        ImGui::BeginDisabled(a.on);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7.0f);
        if (ImGui::InputInt("port", &port, 0, 0) && port > 0 && port < 65536)
            c.post([port](LiveController& lc) { lc.setAudiencePort(port); });
        ImGui::EndDisabled();
        ImGui::EndMenu();
    }
    if (a.on) {
        ImGui::MenuItem(("PIN " + a.pin).c_str(), nullptr, false, false);
        bool qr = a.qrOnPresenter;
        if (ImGui::MenuItem("Show QR on presenter", nullptr, &qr)) {
            c.post([qr, &live](LiveController& lc) {
                lc.setQrOnPresenter(qr);
                if (qr) live.view.presenterOpen = true;
            });
        }
    } else if (!a.error.empty()) {
        ImGui::MenuItem(a.error.c_str(), nullptr, false, false);
    }
}

void drawLiveMenu(LiveContext& live, const Document& document) {
    if (!ImGui::BeginMenu("Live")) return;
    LiveController& c = live.controller;
    if (ImGui::IsWindowAppearing()) live.refreshInterrupted();
    if (ImGui::MenuItem("Start session…", nullptr, false, document.hasShow() && !c.isLive())) {
        live.view.startDialogRequested = true;
    }
    if (ImGui::BeginMenu("Resume session", !c.isLive() && !live.view.interrupted.empty())) {
        for (const InterruptedSession& s : live.view.interrupted) {
            ImGui::PushID(s.dir.string().c_str());
            if (ImGui::MenuItem(interruptedLabel(s).c_str())) {
                const std::filesystem::path dir = s.dir;
                ImGui::PopID();
                resume(live, dir);
                break;
            }
            ImGui::PopID();
        }
        ImGui::EndMenu();
    }
    ImGui::Separator();
    if (ImGui::MenuItem("End show…", nullptr, false, c.isOnAir()))
        live.view.endConfirmRequested = true;
    ImGui::MenuItem("Presenter window", nullptr, &live.view.presenterOpen);
    ImGui::Separator();
    audienceMenu(live);
    ImGui::EndMenu();
}

void drawLiveDialogs(LiveContext& live, const Document& document, const FontManager& fonts,
                     FrameRequests& requests) {
    // Titles and folders of other sessions are in no open document.
    for (const InterruptedSession& s : live.view.interrupted) {
        requests.requestGlyphs(s.title);
        requests.requestGlyphs(s.dir.string());
    }
    if (live.view.resumeOffer) requests.requestGlyphs(live.view.resumeOffer->title);
    startDialog(live, document, fonts);
    endDialog(live);
    resumeOfferDialog(live);
    quitDialog(live);
}

}  // namespace pycast::ui
