// The studio window and main loop: GLFW + OpenGL3, idle throttling, input (UI thread).
#include "shell/app.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <atomic>
#include <cfloat>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <system_error>

#include "shell/draw_hash.hpp"
#include "dialogs/export_dialog.hpp"
#include "shell/screenshot.hpp"
#include "widgets/theme.hpp"
#include "io/workspace.hpp"  // configDir()

namespace pycast::ui {

namespace fs = std::filesystem;

namespace {

std::string g_glfwError;  // last GLFW error; GLFW reports them on the thread that called it

void onGlfwError(int code, const char* description) {
    g_glfwError = std::string(description ? description : "unknown error") + " (GLFW error " +
                  std::to_string(code) + ")";
}

// Ctrl+C or SIGTERM closes the window like the close button does (ImGui settings get saved).
std::atomic<bool> g_stopRequested{false};
static_assert(std::atomic<bool>::is_always_lock_free, "set from a signal handler");

extern "C" void onStopSignal(int) { g_stopRequested.store(true); }

void installStopSignals() {
    struct sigaction action {};
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

App* appOf(GLFWwindow* window) { return static_cast<App*>(glfwGetWindowUserPointer(window)); }

// Where ImGui keeps table column widths between runs: the studio's config folder.
std::string iniPath() {
    std::error_code ec;
    const fs::path dir = configDir();
    fs::create_directories(dir, ec);
    if (ec) return {};
    return (dir / "imgui.ini").string();
}

}  // namespace

App::App(AppOptions options, fs::path exeDir)
    : m_options(std::move(options)), m_exeDir(std::move(exeDir)) {
    m_showDirs = sampleShowDirs(m_exeDir, std::getenv("PYCAST_SHOWS_DIR"));
    m_mainWindow = std::make_unique<MainWindow>(m_fonts, m_showDirs);
    // File > Open Recent; a screenshot run leaves the user's list alone (as it does imgui.ini).
    if (!m_options.screenshotMode()) m_mainWindow->useRecentFiles(configDir() / "recent.json");
    m_mainWindow->setWaker(waker());
}

App::~App() {
    m_mainWindow->stopExport();  // its threads call wake(), which needs m_pacer
    shutdownLive();
    closeWindow();
}

void App::wake() {
    m_pacer.wake();
    if (m_glfwReady) glfwPostEmptyEvent();
}

bool App::openWindow() {
    glfwSetErrorCallback(onGlfwError);
    if (glfwInit() == GLFW_FALSE) {
        std::cerr << "pycast-studio: cannot open a window: " << g_glfwError
                  << "\n  Is DISPLAY set? Without a screen, run it under xvfb-run.\n";
        return false;
    }
    m_glfwReady = true;

    // OpenGL 3.0 + GLSL 130, as Dear ImGui's GLFW example does on Linux.
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    m_window =
        glfwCreateWindow(m_options.width, m_options.height, "PyCast Studio", nullptr, nullptr);
    if (m_window == nullptr) {
        std::cerr << "pycast-studio: cannot create an OpenGL 3.0 window: " << g_glfwError << "\n";
        return false;
    }
    glfwMakeContextCurrent(m_window);
    glfwSwapInterval(m_options.screenshot ? 0 : 1);
    glfwSetWindowUserPointer(m_window, this);

    float xs = 1.0f;
    float ys = 1.0f;
    glfwGetWindowContentScale(m_window, &xs, &ys);
    m_scale = std::clamp(xs, 1.0f, 4.0f);

    // Our callbacks first: the ImGui backend chains to them, so we see every event and can
    // keep the loop at full rate while the user is active.
    glfwSetCursorPosCallback(m_window, onCursorPos);
    glfwSetMouseButtonCallback(m_window, onMouseButton);
    glfwSetScrollCallback(m_window, onScroll);
    glfwSetCharCallback(m_window, onChar);
    glfwSetWindowFocusCallback(m_window, onFocus);
    glfwSetCursorEnterCallback(m_window, onCursorEnter);
    glfwSetFramebufferSizeCallback(m_window, onResize);
    glfwSetWindowRefreshCallback(m_window, onRefresh);
    glfwSetWindowContentScaleCallback(m_window, onContentScale);
    glfwSetDropCallback(m_window, onDrop);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    m_imguiReady = true;
    ImGuiIO& io = ImGui::GetIO();
    if (m_options.screenshot) {
        io.IniFilename = nullptr;  // screenshots look the same whatever the user resized
    } else {
        m_iniPath = iniPath();
        io.IniFilename = m_iniPath.empty() ? nullptr : m_iniPath.c_str();
    }
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    applyTheme(ImGui::GetStyle(), m_scale);

    ImGui_ImplGlfw_InitForOpenGL(m_window, true);
    // Keys go through us first (see onKey), then to the backend's handler.
    glfwSetKeyCallback(m_window, onKey);
    ImGui_ImplOpenGL3_Init("#version 130");
    return true;
}

void App::closeWindow() {
    if (m_window != nullptr) {
        glfwMakeContextCurrent(m_window);
        m_hostDigitTexture.release();
    }
    if (m_imguiReady) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
        m_imguiReady = false;
    }
    if (m_window != nullptr) {
        glfwDestroyWindow(m_window);
        m_window = nullptr;
    }
    if (m_glfwReady) {
        glfwTerminate();
        m_glfwReady = false;
    }
}

void App::loadInitialDocument() {
    if (m_options.file) {
        m_mainWindow->open(*m_options.file);
    } else if (const auto sample = findSampleEpisode(m_showDirs)) {
        m_mainWindow->open(*sample);
    } else {
        m_mainWindow->setDocument(sampleNotFoundDocument(m_showDirs));
    }
}

void App::rebuildFontsIfNeeded() {
    // The Live tab's countdown: about 150 px at scale 1, in an atlas of its own.
    if (m_hostDigits.ensureSize(150.0f * m_scale)) m_forceRender = true;
    m_hostDigitTexture.upload(m_hostDigits.atlas(), m_hostDigits.generation());
    if (!m_fonts.rebuildPending() && !m_scaleChanged) return;
    if (m_scaleChanged) {
        applyTheme(ImGui::GetStyle(), m_scale);
        m_scaleChanged = false;
    }
    m_fonts.build(*ImGui::GetIO().Fonts, m_scale);
    m_forceRender = true;
    // Between frames only: the old texture is not in use by any pending draw data.
    if (m_fontTextureReady) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
}

void App::waitForNextFrame() {
    // Sleep until the next frame is due; input or wake() ends the sleep early. While the user
    // is active the interval is a 60 Hz frame, so a burst of mouse events is not a burst of frames.
    while (!g_stopRequested.load()) {
        const double wait = m_pacer.waitSeconds(glfwGetTime());
        if (wait <= 0.0) break;
        glfwWaitEventsTimeout(wait);
    }
    glfwPollEvents();
    m_pacer.consumeWake();
}

bool App::renderFrame(FrameRequests& requests) {
    m_pacer.beginFrame(glfwGetTime());
    rebuildFontsIfNeeded();

    ImGui_ImplOpenGL3_NewFrame();
    m_fontTextureReady = true;
    ImGui_ImplGlfw_NewFrame();
    if (m_liveContext) {
        // The Live tab's shortcuts (Space, arrows) and ImGui's keyboard navigation would both
        // act on the same key; while the tab shows a live show, its shortcuts win.
        ImGuiIO& io = ImGui::GetIO();
        if (m_liveContext->view.ownsKeyboard) {
            io.ConfigFlags &= ~ImGuiConfigFlags_NavEnableKeyboard;
        } else {
            io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        }
        m_liveContext->view.ownsKeyboard = false;
    }
    if (m_options.screenshot) {
        // Wherever the pointer happens to be must not leave hover highlights in the picture.
        ImGui::GetIO().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    }
    ImGui::NewFrame();
    m_mainWindow->draw(requests);
    // A caret blinks while a text field has focus.
    if (ImGui::GetIO().WantTextInput) requests.requestFrameRate(10.0);
    ImGui::Render();
    m_unseenPress = false;
    if (!m_deferredReleases.empty()) {
        releaseDeferredKeys();
        m_pacer.noteInput(glfwGetTime());  // the next frame must come soon to see them
    }

    // An unchanged picture is not rasterized again: with a software GL (Xvfb, remote desktops)
    // that is most of an idle frame's cost.
    const std::uint64_t hash = hashDrawData(*ImGui::GetDrawData());
    if (!m_forceRender && !m_options.screenshot && hash == m_lastDrawHash) return false;
    m_lastDrawHash = hash;
    m_forceRender = false;

    int width = 0;
    int height = 0;
    glfwGetFramebufferSize(m_window, &width, &height);
    glViewport(0, 0, width, height);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    return true;
}

void App::updateTitle() {
    std::string title = m_mainWindow->windowTitle();
    if (title != m_title) {
        glfwSetWindowTitle(m_window, title.c_str());
        m_title = std::move(title);
    }
}

int App::run() {
    if (!openWindow()) {
        closeWindow();
        return 1;
    }
    loadInitialDocument();
    m_pacer.noteInput(glfwGetTime());  // start at full rate while the first frames settle
    m_startTime = glfwGetTime();

    installStopSignals();

    const bool liveOk = setupLive();
    afterFrame();
    if (m_options.exportSource) m_mainWindow->openEpisodeExport(*m_options.exportSource);
    if (m_options.reportSession) m_mainWindow->openReport(*m_options.reportSession);  // a session from the command line: its tab and its address, before frame one
    const bool shooting = m_options.screenshotMode();
    if (!liveOk && shooting) {
        // A picture of a session that did not open would be a picture of something else.
        shutdownLive();
        closeWindow();
        return 1;
    }
    // A delayed screenshot runs the normal, paced loop (the API and the clock work meanwhile).
    const bool fastShots = shooting && m_options.screenshotDelay <= 0.0;

    int exitCode = 0;
    int frame = 0;
    while (!g_stopRequested.load()) {
        if (fastShots) {
            glfwPollEvents();
        } else {
            waitForNextFrame();
        }
        if (glfwWindowShouldClose(m_window) && mayClose()) break;
        if (m_dropped) {
            m_mainWindow->open(*m_dropped);
            m_dropped.reset();
        }
        // Requests from the control API run here, on the thread that owns the session.
        m_live->drain();
        reopenSessionSource();
        syncPresenter();
        updateTitle();

        feedRecorder();
        FrameRequests requests;
        m_live->freeze();  // both windows show the same instant
        const bool drawn = renderFrame(requests);
        ++frame;
        // A picture of the Export dialog shows its checks, not "checking…" (they read files).
        const bool exportSettled = !m_mainWindow->episodeExport().isOpen() ||
                                   !m_mainWindow->episodeExport().checksPending() ||
                                   glfwGetTime() - m_startTime > 60.0;
        // … and a picture of the Report tab its charts, not "reading…" or "?" for glyphs the
        // atlas gets a frame later.
        const ReportViewState& report = m_mainWindow->ui().report;
        const bool reportSettled =
            (!report.wanted && !report.pending.valid() && report.settleFrames == 0) ||
            glfwGetTime() - m_startTime > 60.0;
        const bool due = shooting && frame >= m_options.frames && exportSettled && reportSettled &&
                         glfwGetTime() - m_startTime >= m_options.screenshotDelay;
        if (due) {
            if (m_options.screenshot) exitCode = finishScreenshot();
            if (m_options.presenterScreenshot) {
                std::string error = "the presenter window is not open";
                if (m_presenter) renderPresenter(&*m_options.presenterScreenshot, &error);
                int pw = 0;
                int ph = 0;
                if (m_presenter) m_presenter->framebufferSize(pw, ph);
                if (!error.empty()) {
                    std::cerr << "pycast-studio: presenter screenshot failed: " << error << "\n";
                    exitCode = 1;
                } else {
                    std::cout << "presenter screenshot: " << m_options.presenterScreenshot->string()
                              << " (" << pw << "x" << ph << ")\n";
                }
            }
            printLiveLines();
            break;
        }
        if (drawn) glfwSwapBuffers(m_window);
        renderPresenter(nullptr, nullptr);
        double rate = requests.frameRate;
        m_live->thaw();
        if (m_presenter) rate = std::max(rate, m_presenter->requestedFrameRate());
        if (shooting) rate = std::max(rate, 10.0);  // look at the clock for a delayed screenshot
        m_pacer.requestFrameRate(rate);
        if (!m_mainWindow->apply(requests)) glfwSetWindowShouldClose(m_window, GLFW_TRUE);
        if (requests.recorder) carryOutRecorder(*requests.recorder);
        // What the views posted while drawing runs now, between frames.
        m_live->runPosted();
        afterFrame();
    }
    shutdownLive();
    closeWindow();
    return exitCode;
}

void App::onInput(GLFWwindow* window) {
    if (App* app = appOf(window)) app->m_pacer.noteInput(glfwGetTime());
}
void App::onCursorPos(GLFWwindow* window, double, double) { onInput(window); }
void App::onMouseButton(GLFWwindow* window, int, int, int) { onInput(window); }
void App::onScroll(GLFWwindow* window, double, double) { onInput(window); }
void App::onKey(GLFWwindow* window, int key, int scancode, int action, int mods) {
    App* app = appOf(window);
    if (app == nullptr) return;
    app->m_pacer.noteInput(glfwGetTime());
    // Dear ImGui 1.86 reads keys as "down now" once a frame: a press and release arriving
    // between two frames (a macro pad, a stream deck, xdotool) would never be seen, nor Ctrl+O
    // whose Ctrl is let go before the next frame. While a press is unseen, releases wait until
    // a frame has seen the keys down together.
    if (action == GLFW_RELEASE && (app->m_unseenPress || !app->m_deferredReleases.empty())) {
        app->m_deferredReleases.push_back({key, scancode, mods});
        return;
    }
    if (action == GLFW_PRESS) app->m_unseenPress = true;
    ImGui_ImplGlfw_KeyCallback(window, key, scancode, action, mods);
}

void App::releaseDeferredKeys() {
    m_unseenPress = false;
    for (const DeferredKey& k : m_deferredReleases) {
        ImGui_ImplGlfw_KeyCallback(m_window, k.key, k.scancode, GLFW_RELEASE, k.mods);
    }
    m_deferredReleases.clear();
}

void App::onChar(GLFWwindow* window, unsigned int) { onInput(window); }
void App::onFocus(GLFWwindow* window, int) { onInput(window); }
void App::onCursorEnter(GLFWwindow* window, int) { onInput(window); }
void App::onResize(GLFWwindow* window, int, int) { onRefresh(window); }

void App::onRefresh(GLFWwindow* window) {
    if (App* app = appOf(window)) {
        app->m_forceRender = true;
        app->m_pacer.noteInput(glfwGetTime());
    }
}

void App::onContentScale(GLFWwindow* window, float xs, float) {
    if (App* app = appOf(window)) {
        app->m_scale = std::clamp(xs, 1.0f, 4.0f);
        app->m_scaleChanged = true;
        app->m_pacer.noteInput(glfwGetTime());
    }
}

void App::onDrop(GLFWwindow* window, int count, const char** paths) {
    if (App* app = appOf(window); app && count > 0 && paths[0] != nullptr) {
        app->m_dropped = fs::path(paths[0]);
        app->m_pacer.noteInput(glfwGetTime());
    }
}

}  // namespace pycast::ui
