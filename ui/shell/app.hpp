// The studio application: OS window, ImGui context, fonts, main loop (UI thread).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "widgets/fonts.hpp"
#include "shell/frame_pacer.hpp"
#include "views/live/live_controller.hpp"
#include "views/live/live_demo.hpp"
#include "views/live/live_digits.hpp"
#include "shell/live_gl.hpp"
#include "views/live/live_view.hpp"
#include "views/live/recorder_demo.hpp"
#include "shell/main_window.hpp"
#include "shell/options.hpp"
#include "shell/presenter_window.hpp"

struct GLFWwindow;

namespace pycast::ui {

class App {
public:
    App(AppOptions options, std::filesystem::path exeDir);
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    // Opens the window and runs until it is closed. Returns the process exit code: 0 on a
    // normal close or a written screenshot, 1 when the window or the screenshot failed.
    int run();

    // Any thread: draw a frame soon (a worker finished, a message arrived). Thread-safe.
    void wake();
    // For services started later: a callable that wakes this loop from their threads.
    std::function<void()> waker() {
        return [this] { wake(); };
    }

    MainWindow& mainWindow() { return *m_mainWindow; }
    LiveController& live() { return *m_live; }

private:
    bool openWindow();
    void closeWindow();
    void loadInitialDocument();
    void waitForNextFrame();
    void rebuildFontsIfNeeded();
    bool renderFrame(FrameRequests& requests);  // false when the picture did not change
    int finishScreenshot();
    void printExportLines();  // screenshot mode, the Export dialog open: its source and checks
    void updateTitle();
    void reopenSessionSource();
    void releaseDeferredKeys();

    // The live session (live_controller.hpp) and the presenter window.
    bool setupLive();          // false: a session asked for on the command line failed
    void afterFrame();         // new session, presenter open/close, quit decisions
    bool mayClose();           // false: the show is on air and the host was asked first
    void syncPresenter();
    void renderPresenter(const std::filesystem::path* png, std::string* error);
    // The recorder behind the Live tab's Recorder panel: its feed before each frame, the
    // panel's request after it (app_live.cpp).
    void feedRecorder();
    RecorderFeed serviceFeed();  // the session's media::RecorderService, as the panel sees it
    void startDemoRecorder();
    void carryOutRecorder(const RecorderRequest& request);
    void printLiveLines();  // screenshot mode: session, phase, "segment: <index> <id>", countdown, api
    void shutdownLive();

    static void onInput(GLFWwindow* window);
    static void onCursorPos(GLFWwindow* window, double x, double y);
    static void onMouseButton(GLFWwindow* window, int button, int action, int mods);
    static void onScroll(GLFWwindow* window, double dx, double dy);
    static void onKey(GLFWwindow* window, int key, int scancode, int action, int mods);
    static void onChar(GLFWwindow* window, unsigned int c);
    static void onFocus(GLFWwindow* window, int focused);
    static void onCursorEnter(GLFWwindow* window, int entered);
    static void onResize(GLFWwindow* window, int width, int height);
    static void onRefresh(GLFWwindow* window);
    static void onContentScale(GLFWwindow* window, float xs, float ys);
    static void onDrop(GLFWwindow* window, int count, const char** paths);

    AppOptions m_options;
    std::filesystem::path m_exeDir;
    std::vector<std::filesystem::path> m_showDirs;
    FontManager m_fonts;
    std::unique_ptr<MainWindow> m_mainWindow;
    FramePacer m_pacer;

    std::unique_ptr<LiveDemo> m_demo;  // --live-demo's clocks and folder; outlives m_live
    std::unique_ptr<DemoRecorder> m_demoRecorder;  // --demo-recorder; on m_demo's clock
    // A soundcheck listening in the background (it takes seconds; the frames go on).
    struct SoundcheckResult {
        std::vector<media::SoundcheckFinding> findings;
        std::string error;
    };
    std::future<SoundcheckResult> m_soundcheck;
    // The last take's setup and figures, shown after Stop until the next start (the service
    // that had them is gone).
    struct LastTake {
        media::RecorderSetup setup;
        media::RecorderStatus status;
    };
    std::optional<LastTake> m_lastTake;
    std::unique_ptr<LiveController> m_live;
    std::unique_ptr<LiveContext> m_liveContext;
    std::unique_ptr<PresenterWindow> m_presenter;
    DigitFont m_hostDigits;            // the Live tab's big countdown
    AtlasTexture m_hostDigitTexture;
    int m_liveGeneration = 0;
    double m_startTime = 0.0;

    GLFWwindow* m_window = nullptr;
    bool m_glfwReady = false;
    bool m_imguiReady = false;
    bool m_fontTextureReady = false;  // the GL backend made its device objects
    bool m_forceRender = true;        // the window was exposed: redraw even if unchanged
    std::uint64_t m_lastDrawHash = 0;
    float m_scale = 1.0f;
    bool m_scaleChanged = false;
    std::string m_iniPath;
    std::string m_title;
    std::optional<std::filesystem::path> m_dropped;

    struct DeferredKey {
        int key;
        int scancode;
        int mods;
    };
    bool m_unseenPress = false;  // a key went down after the last frame began
    std::vector<DeferredKey> m_deferredReleases;
};

}  // namespace pycast::ui
