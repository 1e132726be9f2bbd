// `pycast recover`: repairs the track files of an interrupted recording in place (main thread).
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "io/atomic_file.hpp"
#include "io/wav_file.hpp"

namespace pycast::cli {

namespace {

namespace fs = std::filesystem;

const char* kRecoverHelp =
    "usage: pycast recover [--] SESSION_DIR | FOLDER | FILE.wav\n\n"
    "Repairs the track files of a recording that was interrupted (a crash, kill -9, a power\n"
    "cut): each header gets the sizes of what the file really holds, and a last sample cut\n"
    "in half is dropped. Files already whole are left untouched. Repairs every .wav under\n"
    "SESSION_DIR/tracks, or every .wav in a plain FOLDER, or one FILE.wav.\n"
    "A session that is live in another program (its journal is locked) is refused: stop\n"
    "that program first.\n"
    "  --   ends the options: a folder named like an option follows\n"
    "Exit 0 when every file is whole or repaired, 1 when a file could not be repaired or the\n"
    "folder holds no tracks, 2 on usage errors.\n";

// 34713600 → "34 713 600".
std::string groupDigits(std::uint64_t n) {
    std::string digits = std::to_string(n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ' ';
        out += digits[i];
    }
    return out;
}

bool isWavName(const fs::path& p) {
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".wav";
}

// The line for one repaired or whole file.
std::string describe(const WavRepair& r) {
    const int rate = r.after.sampleRate;
    const std::uint64_t frames = r.after.frames();
    if (!r.changed) return "ok, " + formatSampleTime(frames, rate);
    std::string line = "repaired — header said " + formatSampleTime(r.before.frames(), rate) +
                       ", file holds " + formatSampleTime(frames, rate) + " (" +
                       groupDigits(frames) + " samples)";
    if (r.after.isRf64 && !r.before.isRf64) line += ", now RF64";
    if (r.bytesDropped > 0)
        line += "; dropped " + std::to_string(r.bytesDropped) + " torn byte" +
                (r.bytesDropped == 1 ? "" : "s");
    return line;
}

}  // namespace

int runRecover(const Args& args, std::ostream& out, std::ostream& err) {
    if (wantsHelp(args)) {
        out << kRecoverHelp;
        return 0;
    }
    std::string target;
    bool optionsEnded = false;
    for (const std::string& a : args) {
        if (!optionsEnded && a == "--") {
            optionsEnded = true;
        } else if (!optionsEnded && a.size() > 1 && a[0] == '-') {
            err << "pycast recover: unknown option " << a << "\n" << kRecoverHelp;
            return 2;
        } else if (target.empty()) {
            target = a;
        } else {
            err << "pycast recover: one session, folder or file at a time (got " << target
                << " and " << a << ")\n";
            return 2;
        }
    }
    if (target.empty()) {
        err << "pycast recover: no session folder given\n" << kRecoverHelp;
        return 2;
    }

    const fs::path root(target);
    std::error_code ec;
    const fs::file_status status = fs::status(root, ec);
    if (!fs::exists(status)) {
        err << "error: " << root.string() << ": no such folder or file; give the session folder "
            << "(the one holding journal.jsonl and tracks/), a folder of WAV files or a .wav "
               "file\n";
        return 1;
    }

    // The files to repair, each with the name it is shown by.
    std::vector<std::pair<fs::path, std::string>> files;
    fs::path lockFile;
    if (fs::is_directory(status)) {
        const bool isSession = fs::exists(root / "journal.jsonl", ec);
        if (isSession) lockFile = root / "journal.jsonl";
        // A session's tracks (takes may sit in subfolders); a plain folder's own WAVs.
        const bool hasTracks = fs::is_directory(root / "tracks", ec);
        const fs::path folder = hasTracks ? root / "tracks" : root;
        auto take = [&](const fs::directory_entry& entry) {
            std::error_code typeEc;
            if (isWavName(entry.path()) && entry.is_regular_file(typeEc))
                files.emplace_back(entry.path(), entry.path().lexically_relative(root).string());
        };
        if (hasTracks) {
            for (fs::recursive_directory_iterator it(folder, ec), end; !ec && it != end;
                 it.increment(ec))
                take(*it);
        } else {
            for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
                take(*it);
        }
        if (ec) {
            err << "error: " << folder.string() << ": cannot list the folder (" << ec.message()
                << "); check its permissions\n";
            return 1;
        }
        std::sort(files.begin(), files.end());
        if (files.empty()) {
            err << "error: " << folder.string() << ": no .wav files to recover"
                << (isSession ? " (this session recorded no tracks)" : "")
                << "; give the session folder of a recording\n";
            return 1;
        }
    } else {
        files.emplace_back(root, root.string());
    }

    // A live session's recorder is writing these files: repairing under it would fight it. The
    // journal's lock says whether one is live; we hold it while we repair, so no session
    // starts on the folder meanwhile.
    UniqueFd lock;
    if (!lockFile.empty()) {
        lock = UniqueFd(::open(lockFile.c_str(), O_RDONLY | O_CLOEXEC));
        int locked = -1;
        if (lock) {
            do {
                locked = ::flock(lock.get(), LOCK_EX | LOCK_NB);
            } while (locked != 0 && errno == EINTR);
        }
        if (locked != 0) {
            if (errno == EWOULDBLOCK) {
                err << "error: " << root.string()
                    << ": the session is live in another program (pycast live or the studio); "
                       "stop it first, then run pycast recover again. Nothing was changed.\n";
            } else {
                err << "error: " << lockFile.string() << ": cannot lock the journal ("
                    << std::strerror(errno) << "); check the file system supports locks\n";
            }
            return 1;
        }
    }

    int repaired = 0;
    int whole = 0;
    int failed = 0;
    for (const auto& [path, name] : files) {
        Result<WavRepair> r = repairWav(path);
        if (!r) {
            ++failed;
            Error e = r.error();
            e.where = name;
            err << "error: " << e.message() << "\n";
            continue;
        }
        (r->changed ? repaired : whole) += 1;
        out << name << ": " << describe(*r) << "\n";
    }
    const auto count = [](int n, const char* what) { return std::to_string(n) + " " + what; };
    out << count(static_cast<int>(files.size()), files.size() == 1 ? "file" : "files") << ": "
        << count(repaired, "repaired") << ", " << count(whole, "already whole");
    if (failed > 0) out << ", " << count(failed, "could not be repaired (see above)");
    out << "\n";
    return failed > 0 ? 1 : 0;
}

}  // namespace pycast::cli
