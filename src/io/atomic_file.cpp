// Atomic file writes (temp + fsync + .bak link + rename + folder fsync); any thread.
#include "io/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace pycast {

namespace {

WriteHook& writeHook() {
    static WriteHook hook;
    return hook;
}

}  // namespace

int UniqueFd::reset() {
    if (m_fd < 0) return 0;
    return ::close(std::exchange(m_fd, -1));
}

void setWriteHookForTesting(WriteHook hook) { writeHook() = std::move(hook); }

bool syncFolder(const std::filesystem::path& dir) {
    UniqueFd dfd(::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    return dfd && ::fsync(dfd.get()) == 0;
}

Status writeFileAtomically(const std::filesystem::path& file, const std::string& bytes,
                           bool keepBackup) {
    namespace fs = std::filesystem;
    auto fail = [&](const std::string& step, int err) -> Status {
        return Error{"could not save: " + step + ": " + std::strerror(err) +
                         "; the original file is unchanged",
                     file.string(), "free some space, check the folder's permissions, or save elsewhere"};
    };
    const fs::path dir = file.parent_path().empty() ? fs::path(".") : file.parent_path();
    const std::string tmpl = (dir / ("." + file.filename().string() + ".tmp-XXXXXX")).string();
    std::vector<char> name(tmpl.begin(), tmpl.end());
    name.push_back('\0');
    UniqueFd fd(::mkstemp(name.data()));
    if (!fd) return fail("creating a temporary file in " + dir.string(), errno);
    const std::string tmp(name.data());
    auto abandon = [&](const std::string& step, int err) {
        fd.reset();
        ::unlink(tmp.c_str());
        return fail(step, err);
    };
    // mkstemp creates 0600; a show file should be readable like any document.
    ::fchmod(fd.get(), 0644);
    std::size_t written = 0;
    while (written < bytes.size()) {
        const char* data = bytes.data() + written;
        const std::size_t size = bytes.size() - written;
        if (writeHook()) {
            errno = 0;
            if (!writeHook()(fd.get(), data, size)) return abandon("writing the temporary file", errno ? errno : EIO);
            written += size;
            continue;
        }
        const ssize_t n = ::write(fd.get(), data, size);
        if (n < 0) {
            if (errno == EINTR) continue;
            return abandon("writing the temporary file", errno);
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd.get()) != 0) return abandon("flushing the temporary file to disk", errno);
    if (fd.reset() != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        return fail("closing the temporary file", err);
    }
    std::error_code ec;
    if (keepBackup && fs::exists(file, ec)) {
        // Hard-link the current version as FILE.bak so FILE always exists, even mid-save.
        fs::path bak = file;
        bak += ".bak";
        ::unlink(bak.c_str());
        if (::link(file.c_str(), bak.c_str()) != 0) {
            fs::copy_file(file, bak, fs::copy_options::overwrite_existing, ec);
            if (ec) {
                ::unlink(tmp.c_str());
                return fail("keeping the previous version as " + bak.string(), ec.value());
            }
        }
    }
    if (::rename(tmp.c_str(), file.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        return fail("replacing the file", err);
    }
    syncFolder(dir);  // best effort: the data itself is already on disk
    return ok();
}

}  // namespace pycast
