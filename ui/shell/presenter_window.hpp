// The presenter's OS window: its own GLFW window, GL context and ImGui context (UI thread).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "widgets/fonts.hpp"
#include "views/live/live_digits.hpp"
#include "shell/live_gl.hpp"
#include "views/presenter/presenter_view.hpp"

struct GLFWwindow;
struct ImGuiContext;

namespace pycast::ui {

// A second top-level window for the host's screen: movable to another monitor, full screen
// on F11 / F (Esc leaves full screen). Dear ImGui 1.86 has no multi-viewport on master and its
// GLFW backend serves one window per context through callbacks, so this window has an ImGui
// context of its own, fed by hand (it needs no mouse and only three keys), its own GL context
// and OpenGL3 backend instance, and its own fonts built large.
//
// Every call leaves the caller's GL and ImGui contexts current as they were.
class PresenterWindow {
public:
    PresenterWindow();
    ~PresenterWindow();
    PresenterWindow(const PresenterWindow&) = delete;
    PresenterWindow& operator=(const PresenterWindow&) = delete;

    // onEvent runs on the UI thread when the window gets input or needs a redraw (the App
    // notes it so its loop wakes up). With more than one monitor it opens on one that `studio`
    // (the studio's window) is not on: the host's screen is rarely the producer's. Returns
    // false with error() set when the window or its GL context could not be made.
    bool open(int width, int height, GLFWwindow* studio, std::function<void()> onEvent);
    void close();
    bool isOpen() const { return m_window != nullptr; }
    // The user closed it with the window's close button.
    bool closeRequested() const { return m_closeRequested; }
    const std::string& error() const { return m_error; }

    // Draws a frame (skipped when nothing changed unless `force`), then, if `png` is given,
    // writes it there before showing it. Returns an error message, empty when all went well.
    // `warnings`: the recorder's, for the warning band (views/live/recorder_panel.hpp).
    std::string render(const LiveController& controller, const std::string& idleTitle, bool force,
                       const std::filesystem::path* png = nullptr,
                       std::vector<PresenterWarning> warnings = {});

    // The frame rate the last frame asked for (0: none; the flash of a new message asks more).
    double requestedFrameRate() const { return m_frameRate; }
    bool fullScreen() const { return m_fullScreen; }
    void toggleFullScreen();
    void framebufferSize(int& width, int& height) const;

private:
    static void onKey(GLFWwindow* window, int key, int scancode, int action, int mods);
    static void onClose(GLFWwindow* window);
    static void onRefresh(GLFWwindow* window);
    static void onResize(GLFWwindow* window, int width, int height);
    void notify();

    GLFWwindow* m_window = nullptr;
    ImGuiContext* m_context = nullptr;
    bool m_backendReady = false;
    bool m_deviceReady = false;  // the GL backend made its font texture
    FontManager m_fonts;
    float m_fontScale = 0.0f;
    DigitFont m_digits;
    AtlasTexture m_digitTexture;
    PresenterState m_state;
    std::function<void()> m_onEvent;
    std::uint64_t m_lastHash = 0;
    bool m_forceRender = true;
    bool m_closeRequested = false;
    bool m_toggleRequested = false;
    bool m_fullScreen = false;
    int m_windowedX = 0, m_windowedY = 0, m_windowedW = 0, m_windowedH = 0;
    double m_lastTime = 0.0;
    double m_frameRate = 0.0;
    std::string m_error;
};

}  // namespace pycast::ui
