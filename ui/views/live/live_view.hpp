// What the live views share: the controller, their UI-only state, the drawing entry points
// (UI thread; ImGui calls only, no GLFW, so tests draw them headless).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "views/live/live_controller.hpp"
#include "views/live/live_digits.hpp"
#include "server/lan_address.hpp"
#include "views/live/polls_panel.hpp"
#include "views/live/questions_panel.hpp"
#include "views/live/recorder_panel.hpp"
#include "widgets/text_wrap.hpp"

namespace pycast { struct Document; }  // editing/document.hpp

namespace pycast::ui {

struct FrameRequests;
class FontManager;

// When the producer's message changes, the views pulse it for a few seconds. The first
// message seen (say, after a resume) is shown without a pulse: it is not news.
class MessageFlash {
public:
    static constexpr double kSeconds = 6.0;

    // Notes the message on screen at `now` (seconds, ImGui::GetTime()) and returns the pulse
    // strength, 0 (none) to 1.
    float update(const std::optional<ProducerMessage>& message, double now);
    bool active(double now) const { return now - m_since < kSeconds; }

private:
    bool m_initialized = false;
    std::optional<ProducerMessage> m_seen;
    double m_since = -1e9;
};

// What the user chose when closing the studio with a show live.
enum class QuitDecision { None, EndShow, KeepResumable, Cancel };

// UI-only state of the live views (Tracy's ViewData): nothing here is journaled.
struct LiveViewState {
    std::string messageDraft;
    bool helpRequested = false;
    bool presenterOpen = false;  // the presenter OS window is wanted (View menu, --presenter)
    bool startDialogRequested = false;
    bool endConfirmRequested = false;
    bool quitPromptRequested = false;
    QuitDecision quitDecision = QuitDecision::None;
    // The start-up offer to resume an interrupted session.
    std::optional<InterruptedSession> resumeOffer;
    std::size_t moreInterrupted = 0;  // others beside the one offered
    bool resumeOfferRequested = false;
    std::vector<InterruptedSession> interrupted;  // for the Live menu and the Go-live panel
    bool interruptedListed = false;
    std::string sessionsRootDraft;  // the settings field, committed on edit end
    MessageFlash flash;
    int followedIndex = -2;  // the rundown scrolls to a new segment on air
    std::string copiedNote;  // "Token copied", shown briefly
    double copiedAt = -1e9;
    // Set by the Live tab each frame it shows a live show: Space and the arrows are its
    // shortcuts then, so the shell turns ImGui's keyboard navigation off (which would otherwise
    // move a focus ring with the arrows and "press" it with Space). The shell clears it before
    // each frame.
    bool ownsKeyboard = false;
    // This frame, the Live tab has the keyboard (its window or none focused, no popup): the
    // Questions panel's keys are live then too.
    bool liveKeysOurs = false;
    // The Questions panel took the keys last frame: Ctrl+Z undoes a question, not a rundown
    // edit. The main window reads and clears it before each frame's shortcuts.
    bool questionKeys = false;
    QuestionsViewState questions;
    PollsViewState polls;
    // The Polls tab is the one chosen beside the questions (and the recorder).
    bool pollsTab = false;
    RecorderViewState recorder;  // the shell sets recorder.feed before each frame
    // The Live menu's audience addresses, read when the menu opens.
    std::vector<NetInterface> lanAddresses;
    bool lanListed = false;
    // Which of the rundown and the questions shows under the controls in a narrow window.
    bool narrowShowsQuestions = false;
    bool selectLowerTab = false;  // select narrowShowsQuestions' tab next frame
    // The producer's message as the Live tab last laid it out (size, lines, cut or not).
    FittedText messageShown;
    float controlsHeight = 0.0f;  // the controls' height last frame, for the layout
    // Where the message box started in the clock panel last frame, and how tall it would be
    // with the message at its full size: the layout makes room for it when the window has it.
    float messageTop = 0.0f;
    float messageWantedHeight = 0.0f;
};

struct LiveContext {
    LiveController& controller;
    LiveViewState view;
    DigitFont* hostDigits = nullptr;  // the live view's big countdown; null: the heading font

    explicit LiveContext(LiveController& c) : controller(c) {}
    // Re-reads the interrupted sessions (at start-up, when a menu opens, after a change).
    void refreshInterrupted();
};

// The Live tab itself is drawLiveView (views.hpp, live_view.cpp, one file per panel: live_panels.hpp);
// it reads ViewContext::live.

// The Live menu, the View menu's presenter item and the live modals (live_dialogs.cpp), drawn
// by the main window.
void drawLiveMenu(LiveContext& live, const Document& document);
void drawPresenterMenuItem(LiveContext& live);
void drawLiveDialogs(LiveContext& live, const Document& document, const FontManager& fonts,
                     FrameRequests& requests);

// "Go live": the sessions folder, the show, Start session and the interrupted sessions
// (live_dialogs.cpp; the Live tab shows it when there is no session).
void drawGoLivePanel(LiveContext& live, const Document& document, const FontManager& fonts,
                     bool inDialog);

// "2026-11-25 19:31" in local time for a journal's ISO-8601 UTC stamp; the stamp as given when
// it does not parse.
std::string localTimeOfStamp(const std::string& isoUtc);

}  // namespace pycast::ui
