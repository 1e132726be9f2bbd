// Shared helpers for core tests: temp folders, file reading, running the real CLI.
#pragma once

#include <unistd.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

namespace pycast::test {

inline std::filesystem::path sourceDir() { return PYCAST_SOURCE_DIR; }
inline std::filesystem::path showsDir() { return sourceDir() / "shows"; }
inline std::filesystem::path dataDir() { return sourceDir() / "tests" / "data"; }

inline std::string readFile(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline void writeFile(const std::filesystem::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
}

// A fresh folder under the system temp dir, removed when the test ends.
class TempDir {
public:
    TempDir() {
        std::random_device rd;
        m_path = std::filesystem::temp_directory_path() /
                 ("pycast-test-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
        std::filesystem::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }
    std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

struct CommandResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};

// Runs the real `pycast` binary with a shell command line; stdout and stderr captured apart.
inline CommandResult runCli(const std::string& args) {
    TempDir tmp;
    const auto errFile = tmp / "stderr";
    std::string cmd = std::string("\"") + PYCAST_CLI + "\" " + args + " 2>\"" + errFile.string() + "\"";
    CommandResult r;
    FILE* pipe = ::popen(cmd.c_str(), "r");
    if (!pipe) return r;
    std::array<char, 4096> buf{};
    size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
    int status = ::pclose(pipe);
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.err = readFile(errFile);
    return r;
}

}  // namespace pycast::test
