// Command-line options of pycast-studio (main thread, before the window opens).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace pycast::ui {

struct AppOptions {
    std::optional<std::filesystem::path> file;        // the show to open; none: the sample
    std::optional<std::filesystem::path> screenshot;  // render, save this PNG, exit
    int frames = 3;                                   // frames to render before the screenshot
    int width = 1400;
    int height = 900;
    bool help = false;

    // Live sessions.
    std::optional<std::filesystem::path> sessionsRoot;  // --sessions DIR (default: defaultSessionsRoot())
    std::optional<std::filesystem::path> resume;        // --resume DIR: reopen that session
    bool live = false;                                  // --live: a new session for FILE at start-up
    std::optional<std::string> api;                     // --api HOST:PORT, or "off"
    bool presenter = false;                             // --presenter: open the presenter window
    int presenterWidth = 1280;                          // --presenter-size WxH
    int presenterHeight = 720;
    std::optional<std::filesystem::path> presenterScreenshot;  // --screenshot-presenter FILE.png
    double screenshotDelay = 0.0;                       // --screenshot-delay SECONDS (runs live meanwhile)
    std::optional<int> liveDemoSeconds;                 // --live-demo SECONDS
    bool demoQuestions = false;                         // --demo-questions: the demo has questions
    bool demoRecorder = false;                          // --demo-recorder: a synthetic recorder runs
    bool demoPoll = false;                              // --demo-poll: an open poll with votes
    bool demoAudience = false;                          // --demo-audience: its page on, QR on presenter
    // --report SESSION_DIR: the Report tab open on that session's insights at start-up.
    std::optional<std::filesystem::path> reportSession;
    // --export SESSION_DIR|AUDIO: the Export dialog open on it at start-up (a screenshot waits
    // for its checks).
    std::optional<std::filesystem::path> exportSource;

    // Any screenshot asked for: the studio renders, saves and exits.
    bool screenshotMode() const { return screenshot.has_value() || presenterScreenshot.has_value(); }
};

struct ParsedOptions {
    AppOptions options;
    std::string error;  // non-empty: a usage error to print with usage()
    bool ok() const { return error.empty(); }
};

ParsedOptions parseCommandLine(int argc, const char* const* argv);
std::string usage(const std::string& program);

}  // namespace pycast::ui
