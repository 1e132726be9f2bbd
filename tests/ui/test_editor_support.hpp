// Helpers for the editor tests: a headless studio that can type and press keys, and the names
// of the modals that are open (private folders and sample documents: editing_test_support.hpp).
#pragma once

#include <imgui.h>
#include <imgui_internal.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "../src/editing/editing_test_support.hpp"
#include "editing/document.hpp"
#include "shell/headless.hpp"
#include "shell/main_window.hpp"
#include "io/show_io.hpp"
#include "ui_test_support.hpp"

namespace pycast::uitest {

using test::Bench;
using test::documentOf;
using test::leaveAutosave;
using test::loadSample;
using test::PrivateWorkspace;
using ui::FontManager;
using ui::FrameRequests;
using ui::HeadlessImGui;
using ui::MainWindow;

// GLFW's key codes, which the studio's backend uses as ImGui key indices.
namespace keys {
constexpr int Tab = 258, Enter = 257, Escape = 256, Backspace = 259, Delete = 261, Insert = 260,
              Up = 265, Down = 264, Home = 268, End = 269, KeypadEnter = 335, Left = 263,
              Right = 262, PageUp = 266, PageDown = 267, Space = 32;
}

// Maps ImGui's named keys to GLFW codes, as the GLFW backend does.
inline void mapKeys(ImGuiIO& io) {
    io.KeyMap[ImGuiKey_Tab] = keys::Tab;
    io.KeyMap[ImGuiKey_LeftArrow] = keys::Left;
    io.KeyMap[ImGuiKey_RightArrow] = keys::Right;
    io.KeyMap[ImGuiKey_UpArrow] = keys::Up;
    io.KeyMap[ImGuiKey_DownArrow] = keys::Down;
    io.KeyMap[ImGuiKey_PageUp] = keys::PageUp;
    io.KeyMap[ImGuiKey_PageDown] = keys::PageDown;
    io.KeyMap[ImGuiKey_Home] = keys::Home;
    io.KeyMap[ImGuiKey_End] = keys::End;
    io.KeyMap[ImGuiKey_Insert] = keys::Insert;
    io.KeyMap[ImGuiKey_Delete] = keys::Delete;
    io.KeyMap[ImGuiKey_Backspace] = keys::Backspace;
    io.KeyMap[ImGuiKey_Space] = keys::Space;
    io.KeyMap[ImGuiKey_Enter] = keys::Enter;
    io.KeyMap[ImGuiKey_Escape] = keys::Escape;
    io.KeyMap[ImGuiKey_KeyPadEnter] = keys::KeypadEnter;
    io.KeyMap[ImGuiKey_A] = 'A';
    io.KeyMap[ImGuiKey_C] = 'C';
    io.KeyMap[ImGuiKey_V] = 'V';
    io.KeyMap[ImGuiKey_X] = 'X';
    io.KeyMap[ImGuiKey_Y] = 'Y';
    io.KeyMap[ImGuiKey_Z] = 'Z';
}

// The whole studio, headless, with a keyboard.
class Studio {
public:
    explicit Studio(ImVec2 size = ImVec2(1400, 900))
        : imgui(fonts, size), window(fonts, {sourceDir() / "shows"}) {
        mapKeys(imgui.io());
    }
    // A test's edits are not work to keep: no autosave is left behind unless a test asks.
    ~Studio() {
        if (!keepAutosaveOnExit) window.editor().discardChangesOnExit();
    }
    Studio(const Studio&) = delete;
    Studio& operator=(const Studio&) = delete;

    // One frame; returns what the frame left unbalanced (empty when all is well).
    std::string frame() {
        FrameRequests requests;
        const std::string unbalanced = imgui.frame([&] { window.draw(requests); });
        window.apply(requests);
        lastRequests = requests;
        return unbalanced;
    }
    void frames(int n) {
        for (int i = 0; i < n; ++i) frame();
    }
    // Presses and releases a key (with modifiers) over two frames.
    void press(int key, bool ctrl = false, bool shift = false, bool alt = false) {
        ImGuiIO& io = imgui.io();
        io.KeyCtrl = ctrl;
        io.KeyShift = shift;
        io.KeyAlt = alt;
        io.KeysDown[key] = true;
        frame();
        io.KeysDown[key] = false;
        io.KeyCtrl = io.KeyShift = io.KeyAlt = false;
        frame();
    }
    void type(const std::string& utf8) {
        imgui.io().AddInputCharactersUTF8(utf8.c_str());
        frame();
    }
    // The window names of the open popups ("Unsaved changes###unsaved-changes", ...).
    std::vector<std::string> openPopups() const {
        std::vector<std::string> names;
        const ImGuiContext& g = *imgui.context();
        for (const ImGuiPopupData& p : g.OpenPopupStack) {
            if (p.Window) names.emplace_back(p.Window->Name);
        }
        return names;
    }
    // By full name, or by id alone ("###file-dialog": one window whose title changes).
    bool popupOpen(const std::string& name) const {
        for (const auto& n : openPopups()) {
            if (n == name) return true;
            if (name.rfind("###", 0) == 0 && n.size() >= name.size() &&
                n.compare(n.size() - name.size(), name.size(), name) == 0) {
                return true;
            }
        }
        return false;
    }

    FontManager fonts;
    HeadlessImGui imgui;
    MainWindow window;
    FrameRequests lastRequests;
    bool keepAutosaveOnExit = false;
};

}  // namespace pycast::uitest
