// Atomic file writes and an owned file descriptor: the one way a file we make reaches disk
// (show files, session files, reports, workspace, autosaves). Any thread; blocking I/O.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <utility>

#include "core/error.hpp"

namespace pycast {

// Owns a POSIX file descriptor and closes it once (no lambda clean-ups of raw descriptors).
class UniqueFd {
public:
    UniqueFd() = default;
    explicit UniqueFd(int fd) : m_fd(fd) {}
    ~UniqueFd() { reset(); }
    UniqueFd(UniqueFd&& o) noexcept : m_fd(std::exchange(o.m_fd, -1)) {}
    UniqueFd& operator=(UniqueFd&& o) noexcept {
        if (this != &o) { reset(); m_fd = std::exchange(o.m_fd, -1); }
        return *this;
    }
    UniqueFd(const UniqueFd&) = delete;
    UniqueFd& operator=(const UniqueFd&) = delete;

    int get() const { return m_fd; }
    explicit operator bool() const { return m_fd >= 0; }
    int release() { return std::exchange(m_fd, -1); }
    // Closes now; returns close()'s result (0, or -1 with errno) so a writer can check it.
    int reset();

private:
    int m_fd = -1;
};

// Writes FILE.tmp-XXXX beside the target, fsyncs it, (keepBackup) hard-links the old FILE as
// FILE.bak, renames the temp file over FILE and fsyncs the folder. On any failure the original
// is untouched, no temp file is left, and the Error says which step failed, the errno text,
// and what to do (free space, check permissions, save elsewhere). New files are 0644.
Status writeFileAtomically(const std::filesystem::path& file, const std::string& bytes,
                           bool keepBackup);

// fsync of a folder, so a rename or a new file in it survives a power cut. False (errno set)
// when the folder could not be opened or synced.
bool syncFolder(const std::filesystem::path& dir);

// Tests replace the low-level write to inject failures (disk full, I/O error): return false
// with errno set to fail that write.
using WriteHook = std::function<bool(int fd, const char* data, std::size_t size)>;
void setWriteHookForTesting(WriteHook hook);

}  // namespace pycast
