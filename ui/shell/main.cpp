// pycast-studio's entry point: parses the command line and runs the App (main thread).
#include <iostream>

#include "shell/app.hpp"
#include "editing/document.hpp"
#include "shell/options.hpp"
#include "media/ffmpeg.hpp"

int main(int argc, char** argv) {
    // FFmpeg's own log lines would land on the terminal the studio was started from; its errors
    // come back as ours (the export dialog shows them).
    av_log_set_level(AV_LOG_QUIET);
    using namespace pycast::ui;
    const ParsedOptions parsed = parseCommandLine(argc, argv);
    if (!parsed.ok()) {
        std::cerr << "pycast-studio: " << parsed.error << "\n\n" << usage("pycast-studio");
        return 2;
    }
    if (parsed.options.help) {
        std::cout << usage("pycast-studio");
        return 0;
    }
    App app(parsed.options, pycast::executableDir(argc > 0 ? argv[0] : nullptr));
    return app.run();
}
