// The studio's screenshot harness: the picture and the lines that describe it (UI thread).
#include "shell/app.hpp"

#include <GLFW/glfw3.h>

#include <iostream>
#include <system_error>

#include "dialogs/export_dialog.hpp"
#include "shell/screenshot.hpp"
#include "views/live/live_format.hpp"

namespace pycast::ui {

namespace fs = std::filesystem;

int App::finishScreenshot() {
    int width = 0;
    int height = 0;
    glfwGetFramebufferSize(m_window, &width, &height);
    const RgbImage image = captureFramebuffer(width, height);
    const std::string error = writePng(*m_options.screenshot, image);
    if (!error.empty()) {
        std::cerr << "pycast-studio: screenshot failed: " << error << "\n";
        return 1;
    }
    const Document& doc = m_mainWindow->document();
    std::string views;
    for (const auto& id : m_mainWindow->drawnViews()) views += (views.empty() ? "" : " ") + id;
    std::cout << "file: " << (doc.path.empty() ? std::string("(none)") : doc.path.string())
              << "\nshow: " << doc.title()
              << "\nsegments: " << (doc.show ? doc.show->rundown.size() : 0)
              << "\nproblems: " << doc.problems.size() << "\nviews: " << views
              << "\nfonts: " << m_fonts.description()
              << (m_fonts.warning().empty() ? "" : "\nfont warning: " + m_fonts.warning())
              << "\nscreenshot: " << m_options.screenshot->string() << " (" << width << "x"
              << height << ")\n";
    printExportLines();
    return 0;
}

void App::printExportLines() {
    const ExportDialog& dialog = m_mainWindow->episodeExport();
    if (!dialog.isOpen()) return;
    std::cout << "export: " << dialog.plan().input.string() << "\n";
    if (!dialog.sourceError().empty()) std::cout << "export error: " << dialog.sourceError() << "\n";
    if (const auto& prepared = dialog.prepared()) {
        if (!prepared->ok()) {
            std::cout << "export error: " << prepared->error().message() << "\n";
        } else {
            int counts[3] = {0, 0, 0};
            for (const ExportCheck& c : prepared->value().checks) ++counts[static_cast<int>(c.level)];
            std::cout << "export checks: " << counts[0] << " ok, " << counts[1] << " warnings, "
                      << counts[2] << " errors\n";
            for (const ExportCheck& c : prepared->value().checks) {
                if (c.level != ExportCheck::Level::Ok)
                    std::cout << "export check: " << c.topic << ": " << c.text << "\n";
            }
        }
    }
    const std::string blocked = dialog.blockedReason(m_mainWindow->exportJob());
    std::cout << "export button: " << (blocked.empty() ? std::string("enabled") : "disabled (" + blocked + ")")
              << "\n";
}

void App::printLiveLines() {
    const Session* session = m_live->session();
    if (session == nullptr) return;
    const SessionState st = m_live->state();
    std::cout << "session: " << session->dir().string() << "\nphase: " << toName(st.runner.phase)
              << "\n";
    if (st.runner.current) {
        std::cout << "segment: " << st.runner.current->index << " " << st.runner.current->id << "\n";
        std::cout << "countdown: " << countdownFor(st.runner, m_live->settings().warningMs).text << "\n";
    } else {
        std::cout << "segment: none\n";
    }
    std::cout << "api: " << (m_live->api().running ? m_live->api().url : std::string("off")) << "\n";
}

}  // namespace pycast::ui
