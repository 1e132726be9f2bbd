// The presenter's OS window, GL context and ImGui context (UI thread).
#include "shell/presenter_window.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cfloat>
#include <climits>

#include "shell/draw_hash.hpp"
#include "shell/screenshot.hpp"
#include "widgets/theme.hpp"
#include "views/views.hpp"

namespace pycast::ui {

namespace {

PresenterWindow* presenterOf(GLFWwindow* window) {
    return static_cast<PresenterWindow*>(glfwGetWindowUserPointer(window));
}

// Makes a window's GL context and an ImGui context current; puts back the previous ones.
class ContextScope {
public:
    ContextScope(GLFWwindow* window, ImGuiContext* context)
        : m_gl(glfwGetCurrentContext()), m_imgui(ImGui::GetCurrentContext()) {
        glfwMakeContextCurrent(window);
        ImGui::SetCurrentContext(context);
    }
    ~ContextScope() {
        ImGui::SetCurrentContext(m_imgui);
        glfwMakeContextCurrent(m_gl);
    }
    ContextScope(const ContextScope&) = delete;
    ContextScope& operator=(const ContextScope&) = delete;

private:
    GLFWwindow* m_gl;
    ImGuiContext* m_imgui;
};

// The monitor holding most of the window: its centre decides.
GLFWmonitor* monitorOf(GLFWwindow* window) {
    int x = 0, y = 0, w = 0, h = 0;
    glfwGetWindowPos(window, &x, &y);
    glfwGetWindowSize(window, &w, &h);
    const int cx = x + w / 2;
    const int cy = y + h / 2;
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    for (int i = 0; i < count; ++i) {
        int mx = 0, my = 0;
        glfwGetMonitorPos(monitors[i], &mx, &my);
        const GLFWvidmode* mode = glfwGetVideoMode(monitors[i]);
        if (mode == nullptr) continue;
        if (cx >= mx && cx < mx + mode->width && cy >= my && cy < my + mode->height)
            return monitors[i];
    }
    return glfwGetPrimaryMonitor();
}

// Centres `window` on a monitor other than the one `studio` is on, when there is one.
void placeAwayFrom(GLFWwindow* window, GLFWwindow* studio) {
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    if (count < 2) return;  // one screen: where it goes is the window manager's call
    GLFWmonitor* busy = monitorOf(studio);
    for (int i = 0; i < count; ++i) {
        if (monitors[i] == busy) continue;
        int x = 0, y = 0, w = 0, h = 0;
        glfwGetMonitorWorkarea(monitors[i], &x, &y, &w, &h);
        int ww = 0, wh = 0;
        glfwGetWindowSize(window, &ww, &wh);
        glfwSetWindowPos(window, x + std::max(0, (w - ww) / 2), y + std::max(0, (h - wh) / 2));
        return;
    }
}

}  // namespace

PresenterWindow::PresenterWindow() = default;

PresenterWindow::~PresenterWindow() { close(); }

bool PresenterWindow::open(int width, int height, GLFWwindow* studio,
                           std::function<void()> onEvent) {
    if (m_window != nullptr) return true;
    m_onEvent = std::move(onEvent);
    m_error.clear();
    m_closeRequested = false;
    m_fullScreen = false;

    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    // The host's keyboard stays with the studio window; the presenter only shows.
    glfwWindowHint(GLFW_FOCUS_ON_SHOW, GLFW_FALSE);
    m_window = glfwCreateWindow(width, height, "PyCast Studio — Presenter", nullptr, nullptr);
    glfwWindowHint(GLFW_FOCUS_ON_SHOW, GLFW_TRUE);
    if (m_window == nullptr) {
        m_error = "The presenter window could not be opened (no OpenGL 3.0 window).";
        return false;
    }
    if (studio != nullptr) placeAwayFrom(m_window, studio);
    glfwSetWindowUserPointer(m_window, this);
    glfwSetKeyCallback(m_window, onKey);
    glfwSetWindowCloseCallback(m_window, onClose);
    glfwSetWindowRefreshCallback(m_window, onRefresh);
    glfwSetFramebufferSizeCallback(m_window, onResize);

    ImGuiContext* previous = ImGui::GetCurrentContext();
    m_context = ImGui::CreateContext();
    ImGui::SetCurrentContext(previous);
    {
        ContextScope scope(m_window, m_context);
        glfwSwapInterval(0);  // the studio window already waits for the display
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
        applyTheme(ImGui::GetStyle(), 1.0f);
        m_backendReady = ImGui_ImplOpenGL3_Init("#version 130");
        if (!m_backendReady) m_error = "The presenter window's OpenGL renderer did not start.";
    }
    if (!m_backendReady) {
        close();
        return false;
    }
    m_fontScale = 0.0f;
    m_deviceReady = false;
    m_forceRender = true;
    m_lastTime = glfwGetTime();
    return true;
}

void PresenterWindow::close() {
    if (m_window == nullptr) return;
    {
        ContextScope scope(m_window, m_context);
        m_digitTexture.release();
        if (m_backendReady) ImGui_ImplOpenGL3_Shutdown();
        m_backendReady = false;
    }
    {
        ImGuiContext* previous = ImGui::GetCurrentContext();
        ImGui::DestroyContext(m_context);
        ImGui::SetCurrentContext(previous == m_context ? nullptr : previous);
    }
    m_context = nullptr;
    glfwDestroyWindow(m_window);
    m_window = nullptr;
    m_deviceReady = false;
    m_state = PresenterState{};
}

void PresenterWindow::framebufferSize(int& width, int& height) const {
    width = height = 0;
    if (m_window != nullptr) glfwGetFramebufferSize(m_window, &width, &height);
}

void PresenterWindow::toggleFullScreen() {
    if (m_window == nullptr) return;
    if (!m_fullScreen) {
        glfwGetWindowPos(m_window, &m_windowedX, &m_windowedY);
        glfwGetWindowSize(m_window, &m_windowedW, &m_windowedH);
        GLFWmonitor* monitor = monitorOf(m_window);
        const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
        if (mode == nullptr) return;
        glfwSetWindowMonitor(m_window, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
        m_fullScreen = true;
    } else {
        glfwSetWindowMonitor(m_window, nullptr, m_windowedX, m_windowedY,
                             std::max(m_windowedW, 320), std::max(m_windowedH, 240), 0);
        m_fullScreen = false;
    }
    m_forceRender = true;
}

std::string PresenterWindow::render(const LiveController& controller, const std::string& idleTitle,
                                    bool force, const std::filesystem::path* png,
                                    std::vector<PresenterWarning> warnings) {
    if (m_window == nullptr) return "the presenter window is not open";
    if (m_toggleRequested) {
        m_toggleRequested = false;
        toggleFullScreen();
    }
    ContextScope scope(m_window, m_context);
    ImGuiIO& io = ImGui::GetIO();
    int w = 0, h = 0, fbw = 0, fbh = 0;
    glfwGetWindowSize(m_window, &w, &h);
    glfwGetFramebufferSize(m_window, &fbw, &fbh);
    if (w <= 0 || h <= 0) return {};  // minimized
    io.DisplaySize = ImVec2(static_cast<float>(w), static_cast<float>(h));
    io.DisplayFramebufferScale = ImVec2(static_cast<float>(fbw) / static_cast<float>(w),
                                        static_cast<float>(fbh) / static_cast<float>(h));
    const double now = glfwGetTime();
    io.DeltaTime = static_cast<float>(std::max(now - m_lastTime, 1e-4));
    m_lastTime = now;

    // Fonts: text large enough for across the room, digits as big as the window allows.
    m_fonts.addText(presenterText(controller));
    m_fonts.addText(idleTitle);
    for (const PresenterWarning& warning : warnings) m_fonts.addText(warning.text);
    const float scale = presenterFontScale(io.DisplaySize);
    if (scale != m_fontScale || m_fonts.rebuildPending()) {
        m_fonts.build(*io.Fonts, scale);
        m_fontScale = scale;
        if (m_deviceReady) {
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }
        m_forceRender = true;
    }
    if (m_digits.ensureSize(presenterDigitPixels(io.DisplaySize, m_digits))) m_forceRender = true;
    m_digitTexture.upload(m_digits.atlas(), m_digits.generation());

    ImGui_ImplOpenGL3_NewFrame();
    m_deviceReady = true;
    ImGui::NewFrame();
    FrameRequests requests;
    m_state.warnings = std::move(warnings);
    PresenterContext ctx{controller, m_state, m_fonts, m_digits, idleTitle};
    drawPresenterView(ctx, requests);
    ImGui::Render();
    m_frameRate = requests.frameRate;
    if (!requests.glyphText.empty()) m_fonts.addText(requests.glyphText);

    const std::uint64_t hash = hashDrawData(*ImGui::GetDrawData());
    if (!force && !m_forceRender && png == nullptr && hash == m_lastHash) return {};
    m_lastHash = hash;
    m_forceRender = false;
    glViewport(0, 0, fbw, fbh);
    glClearColor(0.04f, 0.043f, 0.05f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    std::string error;
    if (png != nullptr) {
        const RgbImage image = captureFramebuffer(fbw, fbh);
        error = writePng(*png, image);
    }
    glfwSwapBuffers(m_window);
    return error;
}

void PresenterWindow::notify() {
    if (m_onEvent) m_onEvent();
}

void PresenterWindow::onKey(GLFWwindow* window, int key, int, int action, int) {
    PresenterWindow* self = presenterOf(window);
    if (self == nullptr || action != GLFW_PRESS) return;
    if (key == GLFW_KEY_F11 || key == GLFW_KEY_F ||
        (key == GLFW_KEY_ESCAPE && self->m_fullScreen)) {
        // Acted on at the next frame, outside GLFW's event processing.
        self->m_toggleRequested = true;
        self->notify();
    }
}

void PresenterWindow::onClose(GLFWwindow* window) {
    if (PresenterWindow* self = presenterOf(window)) {
        self->m_closeRequested = true;
        glfwSetWindowShouldClose(window, GLFW_FALSE);  // the App closes it, and unticks the menu
        self->notify();
    }
}

void PresenterWindow::onRefresh(GLFWwindow* window) {
    if (PresenterWindow* self = presenterOf(window)) {
        self->m_forceRender = true;
        self->notify();
    }
}

void PresenterWindow::onResize(GLFWwindow* window, int, int) { onRefresh(window); }

}  // namespace pycast::ui
