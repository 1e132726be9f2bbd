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
};

struct ParsedOptions {
    AppOptions options;
    std::string error;  // non-empty: a usage error to print with usage()
    bool ok() const { return error.empty(); }
};

ParsedOptions parseCommandLine(int argc, const char* const* argv);
std::string usage(const std::string& program);

}  // namespace pycast::ui
