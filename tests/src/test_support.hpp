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
#include <vector>

#include <nlohmann/json.hpp>

#include "../temp_dir.hpp"
#include "core/show.hpp"

namespace pycast::test {

// A show with one host (p-host, "Host") speaking in one 10-minute segment per id, titled
// "Title of ID": for tests that need a session and nothing particular in it.
inline Show hostShow(const std::vector<std::string>& segmentIds, const std::string& title = "Test") {
    Show show;
    show.meta.title = title;
    Person host;
    host.id = "p-host";
    host.name = "Host";
    host.role = Role::Host;
    show.people = {host};
    for (const std::string& id : segmentIds) {
        Segment seg;
        seg.id = id;
        seg.title = "Title of " + id;
        seg.planned = 600;
        seg.speakers = {"p-host"};
        show.rundown.push_back(seg);
    }
    return show;
}

inline std::filesystem::path sourceDir() { return PYCAST_SOURCE_DIR; }
inline std::filesystem::path showsDir() { return sourceDir() / "shows"; }
inline std::filesystem::path dataDir() { return sourceDir() / "tests" / "data"; }

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
