// Test helper shared by core and UI tests: writes gray pixels as a PGM and reads QR codes in it
// with the real zbarimg (zbar-tools).
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "temp_dir.hpp"

namespace pycast::test {

// A binary PGM (P5) of width × height 8-bit gray pixels, row-major.
inline void writePgm(const std::filesystem::path& file, const std::vector<std::uint8_t>& pixels,
                     int width, int height) {
    std::string data = "P5\n" + std::to_string(width) + " " + std::to_string(height) + "\n255\n";
    data.append(pixels.begin(), pixels.end());
    writeFile(file, data);
}

// What zbarimg reads in the image (one trailing newline removed), or "exit N: STDERR" when it
// finds nothing. --raw gives the code's bytes without charset conversion.
inline std::string zbarDecode(const std::filesystem::path& file) {
    const std::filesystem::path errFile = file.string() + ".stderr";
    const std::string cmd =
        "zbarimg --raw -q --nodbus \"" + file.string() + "\" 2>\"" + errFile.string() + "\"";
    FILE* pipe = ::popen(cmd.c_str(), "r");
    if (!pipe) return "exit -1: popen failed";
    std::string out;
    std::array<char, 4096> buf{};
    std::size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
    const int status = ::pclose(pipe);
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (code != 0) return "exit " + std::to_string(code) + ": " + readFile(errFile);
    if (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

}  // namespace pycast::test
