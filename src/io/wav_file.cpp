// Track files: the 24-bit WAV writer, the header reader, the reader of samples and the crash
// repair (writer: the track writer thread; the rest: any one thread per file).
#include "io/wav_file.hpp"

#include "core/duration.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace pycast {

namespace {

constexpr std::uint32_t kNoSize32 = 0xFFFFFFFFu;   // RF64: "the size is in ds64"
constexpr std::uint64_t kDs64Body = 28;            // riff 8 + data 8 + sampleCount 8 + table 4
constexpr std::uint64_t kHeadScanBytes = 1 << 16;  // chunks before "data" must fit in this
constexpr std::uint64_t kRiffMaxDataBytes = 0xFFFFFFFFull - kWavHeaderBytes;

// Offsets in the header WavWriter writes (see kWavHeaderBytes).
constexpr std::size_t kJunkAt = 12;
constexpr std::size_t kFmtAt = 48;
constexpr std::size_t kDataHeaderAt = 72;

void put16(std::uint8_t* p, std::uint16_t v) {
    p[0] = static_cast<std::uint8_t>(v);
    p[1] = static_cast<std::uint8_t>(v >> 8);
}
void put32(std::uint8_t* p, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) p[i] = static_cast<std::uint8_t>(v >> (8 * i));
}
void put64(std::uint8_t* p, std::uint64_t v) {
    for (int i = 0; i < 8; ++i) p[i] = static_cast<std::uint8_t>(v >> (8 * i));
}
std::uint16_t get16(const std::uint8_t* p) {
    return static_cast<std::uint16_t>(p[0] | (p[1] << 8));
}
std::uint32_t get32(const std::uint8_t* p) {
    return static_cast<std::uint32_t>(p[0]) | (static_cast<std::uint32_t>(p[1]) << 8) |
           (static_cast<std::uint32_t>(p[2]) << 16) | (static_cast<std::uint32_t>(p[3]) << 24);
}
std::uint64_t get64(const std::uint8_t* p) {
    return static_cast<std::uint64_t>(get32(p)) | (static_cast<std::uint64_t>(get32(p + 4)) << 32);
}
bool idIs(const std::uint8_t* p, const char* id) { return std::memcmp(p, id, 4) == 0; }

// A four-byte id as a person can read it: "RIFF", "ID3\x03".
std::string showId(const std::uint8_t* p, std::size_t n) {
    static const char* hex = "0123456789abcdef";
    std::string out = "\"";
    for (std::size_t i = 0; i < n; ++i) {
        if (p[i] >= 0x20 && p[i] < 0x7F && p[i] != '"' && p[i] != '\\') {
            out += static_cast<char>(p[i]);
        } else {
            out += "\\x";
            out += hex[p[i] >> 4];
            out += hex[p[i] & 15];
        }
    }
    return out + "\"";
}

std::string errnoText(int err) { return std::strerror(err); }

}  // namespace

std::string formatSampleTime(std::uint64_t frames, int rate) {
    if (rate <= 0) return std::to_string(frames) + " samples";
    return formatTimecode(static_cast<std::int64_t>(frames * 1000 / static_cast<std::uint64_t>(rate)), true);
}

namespace {

bool pwriteAll(int fd, const void* data, std::size_t bytes, std::uint64_t at) {
    const auto* p = static_cast<const std::uint8_t*>(data);
    while (bytes > 0) {
        const ssize_t n = ::pwrite(fd, p, bytes, static_cast<off_t>(at));
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        p += n;
        at += static_cast<std::uint64_t>(n);
        bytes -= static_cast<std::size_t>(n);
    }
    return true;
}

// Reads up to `bytes` at `at`; returns how many were read (short at the end of the file), or
// -1 with errno.
ssize_t preadAll(int fd, void* data, std::size_t bytes, std::uint64_t at) {
    auto* p = static_cast<std::uint8_t*>(data);
    std::size_t got = 0;
    while (got < bytes) {
        const ssize_t n = ::pread(fd, p + got, bytes - got, static_cast<off_t>(at + got));
        if (n < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    return static_cast<ssize_t>(got);
}

// The RIFF/RF64 header for a mono 24-bit file holding `dataBytes`.
std::array<std::uint8_t, kWavHeaderBytes> makeHeader(int sampleRate, std::uint64_t dataBytes,
                                                     bool rf64) {
    std::array<std::uint8_t, kWavHeaderBytes> h{};
    std::uint8_t* p = h.data();
    const std::uint64_t riffBytes = kWavHeaderBytes - 8 + dataBytes;
    std::memcpy(p, rf64 ? "RF64" : "RIFF", 4);
    put32(p + 4, rf64 ? kNoSize32 : static_cast<std::uint32_t>(riffBytes));
    std::memcpy(p + 8, "WAVE", 4);
    std::memcpy(p + kJunkAt, rf64 ? "ds64" : "JUNK", 4);
    put32(p + kJunkAt + 4, static_cast<std::uint32_t>(kDs64Body));
    if (rf64) {
        put64(p + kJunkAt + 8, riffBytes);
        put64(p + kJunkAt + 16, dataBytes);
        put64(p + kJunkAt + 24, dataBytes / 3);
        put32(p + kJunkAt + 32, 0);  // no table of other chunk sizes
    }
    std::memcpy(p + kFmtAt, "fmt ", 4);
    put32(p + kFmtAt + 4, 16);
    put16(p + kFmtAt + 8, 1);  // WAVE_FORMAT_PCM
    put16(p + kFmtAt + 10, 1);
    put32(p + kFmtAt + 12, static_cast<std::uint32_t>(sampleRate));
    put32(p + kFmtAt + 16, static_cast<std::uint32_t>(sampleRate) * 3u);
    put16(p + kFmtAt + 20, 3);
    put16(p + kFmtAt + 22, 24);
    std::memcpy(p + kDataHeaderAt, "data", 4);
    put32(p + kDataHeaderAt + 4, rf64 ? kNoSize32 : static_cast<std::uint32_t>(dataBytes));
    return h;
}

std::uint64_t fileLength(int fd) {
    struct stat st {};
    if (::fstat(fd, &st) != 0) return 0;
    return static_cast<std::uint64_t>(st.st_size);
}

// Whether the bytes from `at` to the end of the file are whole RIFF chunks (a LIST or id3
// chunk some editors write after the data), so a file with them is not mistaken for one whose
// data outgrew its header.
bool chunksTileToEnd(int fd, std::uint64_t at, std::uint64_t fileBytes) {
    for (int i = 0; i < 64 && at < fileBytes; ++i) {
        std::uint8_t head[8];
        if (fileBytes - at < 8 || preadAll(fd, head, 8, at) != 8) return false;
        for (int k = 0; k < 4; ++k)
            if (head[k] < 0x20 || head[k] >= 0x7F) return false;
        const std::uint64_t size = get32(head + 4);
        at += 8 + size + (size & 1);
        if (at == fileBytes + 1 && (size & 1)) return true;  // pad byte left off at the end
    }
    return at == fileBytes;
}

}  // namespace

// --- header ------------------------------------------------------------------------------------

std::uint64_t WavInfo::frames() const {
    const std::uint64_t align = blockAlign();
    if (align == 0 || fileBytes < dataOffset) return 0;
    return std::min(dataBytes, fileBytes - dataOffset) / align;
}

Result<WavInfo> parseWavHeader(std::span<const std::uint8_t> head, std::uint64_t fileBytes) {
    const std::uint8_t* p = head.data();
    const std::uint64_t n = head.size();
    auto tooShort = [&] {
        return Error{"not a WAV file: only " + std::to_string(fileBytes) + " bytes long", "",
                     "pick a .wav track file"};
    };
    if (n < 4) return tooShort();
    WavInfo info;
    info.fileBytes = fileBytes;
    if (idIs(p, "RF64") || idIs(p, "BW64")) {
        info.isRf64 = true;
    } else if (!idIs(p, "RIFF")) {
        return Error{"not a WAV file: starts with " + showId(p, 4) + ", not \"RIFF\"", "",
                     "pick a .wav track file"};
    }
    if (n < 12) return tooShort();
    if (!idIs(p + 8, "WAVE"))
        return Error{"not a WAV file: a RIFF file of type " + showId(p + 8, 4) + ", not \"WAVE\"",
                     "", "pick a .wav track file"};
    info.riffBytes = get32(p + 4);
    std::uint64_t ds64Data = 0;
    bool haveDs64 = false;
    bool haveFmt = false;
    std::uint16_t formatTag = 0;
    std::uint16_t blockAlign = 0;
    std::uint64_t at = 12;
    for (;;) {
        if (at + 8 > n) {
            if (at + 8 > fileBytes)
                return Error{"no data chunk: the file ends after " + std::to_string(fileBytes) +
                                 " bytes, inside the header",
                             "",
                             "the file was cut off before any audio; it holds nothing to recover"};
            return Error{"no data chunk in the first " + std::to_string(n) + " bytes", "",
                         "this is not a track file we can read"};
        }
        const std::uint8_t* c = p + at;
        const std::uint64_t size = get32(c + 4);
        if (idIs(c, "data")) {
            if (!haveFmt)
                return Error{"no fmt chunk before the data chunk", "",
                             "this is not a track file we can read"};
            info.dataOffset = at + 8;
            if (info.isRf64 && size == kNoSize32) {
                if (!haveDs64)
                    return Error{"an RF64 file without its ds64 chunk", "",
                                 "this is not a track file we can read"};
                info.dataBytes = ds64Data;
            } else if (!info.isRf64 && size == kNoSize32) {
                // Streaming writers put "unknown" here; the data runs to the end of the file.
                info.dataBytes = fileBytes > info.dataOffset ? fileBytes - info.dataOffset : 0;
            } else {
                info.dataBytes = size;
            }
            break;
        }
        if (idIs(c, "ds64") || idIs(c, "JUNK")) {
            if (size >= kDs64Body && at + 8 + kDs64Body <= n) {
                info.ds64Offset = at;
                // Its sizes count only in an RF64/BW64 file (EBU Tech 3306); in a RIFF file
                // the RIFF sizes do, and a ds64 chunk is room, as JUNK is: read it as the sizes
                // and a repair would write RIFF sizes no later read believes, again each time.
                if (idIs(c, "ds64") && info.isRf64) {
                    haveDs64 = true;
                    info.riffBytes = get64(c + 8);
                    ds64Data = get64(c + 16);
                }
            }
        } else if (idIs(c, "fact")) {
            if (size >= 4 && at + 12 <= n) info.factOffset = at;
        } else if (idIs(c, "fmt ")) {
            if (size < 16 || at + 8 + 16 > n)
                return Error{"the fmt chunk is too short (" + std::to_string(size) + " bytes)", "",
                             "this is not a track file we can read"};
            formatTag = get16(c + 8);
            info.channels = get16(c + 10);
            info.sampleRate = static_cast<int>(get32(c + 12));
            blockAlign = get16(c + 20);
            info.bitsPerSample = get16(c + 22);
            if (formatTag == 0xFFFE) {  // WAVE_FORMAT_EXTENSIBLE: the real tag opens the GUID
                if (size < 40 || at + 8 + 40 > n)
                    return Error{"the extensible fmt chunk is too short (" + std::to_string(size) +
                                     " bytes)",
                                 "", "this is not a track file we can read"};
                formatTag = get16(c + 8 + 24);
            }
            haveFmt = true;
        }
        at += 8 + size + (size & 1);
    }
    if (formatTag != 1 && formatTag != 3)
        return Error{"unsupported sample format (format tag " + std::to_string(formatTag) +
                         "; PCM and 32-bit float are read)",
                     "", "convert it to PCM WAV first (sox in.wav -b 24 out.wav)"};
    info.isFloat = formatTag == 3;
    const bool bitsOk = info.isFloat ? (info.bitsPerSample == 32 || info.bitsPerSample == 64)
                                     : (info.bitsPerSample == 16 || info.bitsPerSample == 24 ||
                                        info.bitsPerSample == 32);
    if (!bitsOk)
        return Error{"unsupported sample format: " + std::to_string(info.bitsPerSample) + "-bit " +
                         (info.isFloat ? "float" : "PCM") +
                         " (16-, 24-, 32-bit PCM and float are read)",
                     "", "convert it first (sox in.wav -b 24 out.wav)"};
    if (info.channels < 1 || info.channels > 256)
        return Error{"bad channel count " + std::to_string(info.channels) + " in the fmt chunk", "",
                     "this is not a track file we can read"};
    if (info.sampleRate < 1000 || info.sampleRate > 1'000'000)
        return Error{"bad sample rate " + std::to_string(info.sampleRate) + " Hz in the fmt chunk",
                     "", "this is not a track file we can read"};
    if (blockAlign != info.blockAlign())
        return Error{"block align " + std::to_string(blockAlign) + " does not match " +
                         std::to_string(info.channels) + " channels of " +
                         std::to_string(info.bitsPerSample) + " bits",
                     "", "this is not a track file we can read"};
    return info;
}

Result<WavInfo> readWavInfo(const std::filesystem::path& path) {
    UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd)
        return Error{"could not open: " + errnoText(errno), path.string(),
                     "check that the file exists and is readable"};
    const std::uint64_t fileBytes = fileLength(fd.get());
    std::vector<std::uint8_t> head(static_cast<std::size_t>(std::min(fileBytes, kHeadScanBytes)));
    const ssize_t got = preadAll(fd.get(), head.data(), head.size(), 0);
    if (got < 0)
        return Error{"could not read: " + errnoText(errno), path.string(), "check the disk"};
    head.resize(static_cast<std::size_t>(got));
    auto info = parseWavHeader(head, fileBytes);
    if (!info.ok()) {
        Error e = info.error();
        e.where = path.string();
        return e;
    }
    return info;
}

// --- writer ------------------------------------------------------------------------------------

WavWriter::WavWriter(WavWriter&&) noexcept = default;
WavWriter& WavWriter::operator=(WavWriter&&) noexcept = default;
WavWriter::~WavWriter() = default;

Result<WavWriter> WavWriter::create(const std::filesystem::path& path, WavWriterOptions options) {
    if (options.sampleRate < 1000 || options.sampleRate > 1'000'000)
        return Error{"bad sample rate " + std::to_string(options.sampleRate) + " Hz", path.string(),
                     "record at 44100 or 48000 Hz"};
    WavWriter w;
    w.m_path = path;
    w.m_options = options;
    w.m_fd = UniqueFd(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
    if (!w.m_fd)
        return Error{"could not create the track file: " + errnoText(errno), path.string(),
                     "check that the folder exists and is writable, and that the disk has space"};
    const auto header = makeHeader(options.sampleRate, 0, false);
    if (Status s = w.writeAll(header.data(), header.size()); !s.ok()) return s.error();
    if (::fdatasync(w.m_fd.get()) != 0)
        return Error{"could not flush the new track file to disk: " + errnoText(errno),
                     path.string(), "check the disk"};
    const std::filesystem::path dir = path.parent_path();
    syncFolder(dir.empty() ? std::filesystem::path(".") : dir);  // best effort, as atomic files
    return w;
}

Status WavWriter::writeAll(const void* data, std::size_t bytes) {
    std::size_t allowed = bytes;
    bool injectedFull = false;
    if (m_options.failAfterBytes != 0 && m_bytesWritten + bytes > m_options.failAfterBytes) {
        allowed = m_options.failAfterBytes > m_bytesWritten
                      ? static_cast<std::size_t>(m_options.failAfterBytes - m_bytesWritten)
                      : 0;
        injectedFull = true;
    }
    int err = 0;
    // A full disk usually takes part of a write before it refuses; so does the injected one.
    if (!pwriteAll(m_fd.get(), data, allowed, m_bytesWritten))
        err = errno;
    else if (injectedFull)
        err = ENOSPC;
    if (err == 0) {
        m_bytesWritten += bytes;
        return ok();
    }
    // Keep the file ending on a whole sample and its header covering all of it: a partial
    // block is cut off, the sizes are rewritten in place (a full disk still takes that).
    if (::ftruncate(m_fd.get(), static_cast<off_t>(m_bytesWritten)) == 0 &&
        m_bytesWritten >= kWavHeaderBytes)
        refreshHeader();
    const std::string kept = formatSampleTime(m_frames, m_options.sampleRate);
    if (err == ENOSPC || err == EDQUOT || err == EFBIG)
        return Error{"the disk is full: the track stopped at " + kept + " (" + errnoText(err) + ")",
                     m_path.string(),
                     "free space on that disk or record to another one; everything up to " + kept +
                         " is kept in the file"};
    return Error{"could not write the track at " + kept + ": " + errnoText(err), m_path.string(),
                 "check the disk; everything up to " + kept + " is kept in the file"};
}

Status WavWriter::append(std::span<const float> samples) {
    if (!m_fd) return Error{"the track file is closed", m_path.string(), "start a new take"};
    if (samples.empty()) return ok();
    m_buffer.resize(samples.size() * 3);
    std::uint8_t* out = m_buffer.data();
    for (const float x : samples) {
        long v = 0;
        if (x >= 1.0f)
            v = 8388607;
        else if (x <= -1.0f)
            v = -8388608;
        else if (x == x)  // NaN is written as silence
            v = std::min(std::lrint(static_cast<double>(x) * 8388608.0), 8388607L);
        const auto u = static_cast<std::uint32_t>(v);
        out[0] = static_cast<std::uint8_t>(u);
        out[1] = static_cast<std::uint8_t>(u >> 8);
        out[2] = static_cast<std::uint8_t>(u >> 16);
        out += 3;
    }
    if (Status s = writeAll(m_buffer.data(), m_buffer.size()); !s.ok()) return s;
    m_frames += samples.size();
    return ok();
}

Status WavWriter::appendSilence(std::uint64_t frames) {
    if (!m_fd) return Error{"the track file is closed", m_path.string(), "start a new take"};
    constexpr std::uint64_t kBlockFrames = 16384;
    m_buffer.assign(static_cast<std::size_t>(std::min(frames, kBlockFrames) * 3), 0);
    while (frames > 0) {
        const std::uint64_t n = std::min(frames, kBlockFrames);
        if (Status s = writeAll(m_buffer.data(), static_cast<std::size_t>(n * 3)); !s.ok())
            return s;
        m_frames += n;
        frames -= n;
    }
    return ok();
}

Status WavWriter::refreshHeader() {
    if (!m_fd) return Error{"the track file is closed", m_path.string(), "start a new take"};
    const std::uint64_t dataBytes = m_frames * 3;
    // Past what a 32-bit RIFF size holds the header must be RF64, whatever the option says.
    if (dataBytes > std::min(m_options.rf64AfterBytes, kRiffMaxDataBytes)) m_rf64 = true;
    const auto header = makeHeader(m_options.sampleRate, dataBytes, m_rf64);
    // The header's blocks already exist, so rewriting them takes no space even on a full disk.
    if (!pwriteAll(m_fd.get(), header.data(), header.size(), 0))
        return Error{"could not update the track's header: " + errnoText(errno), m_path.string(),
                     "check the disk; `pycast recover` repairs the file afterwards"};
    if (::fdatasync(m_fd.get()) != 0) {
        const int err = errno;
        // With delayed allocation a full disk can show first here, not at the write.
        if (err == ENOSPC || err == EDQUOT)
            return Error{
                "the disk is full: the last second of the track may not have reached it (" +
                    errnoText(err) + ")",
                m_path.string(),
                "free space on that disk or record to another one, then run `pycast "
                "recover` on the session"};
        return Error{"could not flush the track to disk: " + errnoText(err), m_path.string(),
                     "check the disk; `pycast recover` repairs the file afterwards"};
    }
    return ok();
}

Status WavWriter::finish() {
    if (!m_fd) return ok();
    Status s = refreshHeader();
    if (m_fd.reset() != 0 && s.ok())
        return Error{"could not close the track file: " + errnoText(errno), m_path.string(),
                     "check the disk; `pycast recover` repairs the file afterwards"};
    return s;
}

// --- repair ------------------------------------------------------------------------------------

Result<WavRepair> repairWav(const std::filesystem::path& path) {
    auto before = readWavInfo(path);
    if (!before.ok()) return before.error();
    WavRepair repair;
    repair.before = *before;
    repair.after = *before;
    const WavInfo& b = *before;
    const std::uint64_t align = b.blockAlign();
    const std::uint64_t present = b.fileBytes - b.dataOffset;  // parse checked dataOffset <= file
    UniqueFd fd(::open(path.c_str(), O_RDWR | O_CLOEXEC));
    if (!fd)
        return Error{"could not open for repair: " + errnoText(errno), path.string(),
                     "check that the file is writable (or copy it somewhere writable)"};
    if (b.dataBytes <= present) {
        const std::uint64_t dataEnd = b.dataOffset + b.dataBytes;
        const std::uint64_t riffWanted = b.fileBytes - 8;
        const bool riffOk = b.riffBytes == riffWanted || (!b.isRf64 && b.riffBytes == kNoSize32);
        // Already whole: data to the end of the file (or chunks after it, as editors write).
        if (b.dataBytes % align == 0 &&
            ((b.dataBytes == present && riffOk) ||
             (b.dataBytes < present && b.dataBytes > 0 &&
              chunksTileToEnd(fd.get(), dataEnd + (b.dataBytes & 1), b.fileBytes))))
            return repair;
    }
    const std::uint64_t torn = present % align;
    const std::uint64_t dataBytes = present - torn;
    const std::uint64_t newFileBytes = b.dataOffset + dataBytes;
    const std::uint64_t riffBytes = newFileBytes - 8;
    const bool rf64 = b.isRf64 || riffBytes > kNoSize32 - 1;
    if (rf64 && b.ds64Offset == 0)
        return Error{"holds " + std::to_string(dataBytes) +
                         " bytes of audio, too many for a RIFF header, and has no room for an "
                         "RF64 one (no JUNK chunk)",
                     path.string(), "open it with a tool that reads raw PCM (sox -t raw)"};
    auto fail = [&](const std::string& step) -> Error {
        return Error{"could not repair: " + step + ": " + errnoText(errno), path.string(),
                     "check that the disk has space and the file is writable"};
    };
    if (torn != 0 && ::ftruncate(fd.get(), static_cast<off_t>(newFileBytes)) != 0)
        return fail("cutting off the torn last sample");
    std::uint8_t field[4];
    if (rf64) {
        std::uint8_t ds64[8 + kDs64Body]{};
        std::memcpy(ds64, "ds64", 4);
        put32(ds64 + 4, static_cast<std::uint32_t>(kDs64Body));
        put64(ds64 + 8, riffBytes);
        put64(ds64 + 16, dataBytes);
        put64(ds64 + 24, dataBytes / align);
        // The table length stays 0: this header lists no other chunk sizes. A longer JUNK chunk
        // keeps its length; ds64's readers skip what follows the table.
        if (preadAll(fd.get(), ds64 + 4, 4, b.ds64Offset + 4) != 4) return fail("reading ds64");
        if (!pwriteAll(fd.get(), ds64, sizeof ds64, b.ds64Offset)) return fail("writing ds64");
        // A BW64 file (ITU-R BS.2088) keeps its name; a RIFF one becomes RF64.
        if (!b.isRf64 && !pwriteAll(fd.get(), "RF64", 4, 0)) return fail("writing the header");
        put32(field, kNoSize32);
        if (!pwriteAll(fd.get(), field, 4, 4)) return fail("writing the header");
        if (!pwriteAll(fd.get(), field, 4, b.dataOffset - 4)) return fail("writing the header");
    } else {
        put32(field, static_cast<std::uint32_t>(riffBytes));
        if (!pwriteAll(fd.get(), field, 4, 4)) return fail("writing the header");
        put32(field, static_cast<std::uint32_t>(dataBytes));
        if (!pwriteAll(fd.get(), field, 4, b.dataOffset - 4)) return fail("writing the header");
    }
    if (b.factOffset != 0) {  // float and some PCM writers (sox) also keep the count here
        put32(field, rf64 || dataBytes / align > kNoSize32
                         ? kNoSize32
                         : static_cast<std::uint32_t>(dataBytes / align));
        if (!pwriteAll(fd.get(), field, 4, b.factOffset + 8)) return fail("writing the fact chunk");
    }
    if (::fdatasync(fd.get()) != 0) return fail("flushing to disk");
    fd.reset();
    auto after = readWavInfo(path);
    if (!after.ok()) return after.error();
    repair.after = *after;
    repair.bytesDropped = torn;
    const std::uint64_t framesBefore = b.frames();
    repair.framesRecovered = after->frames() > framesBefore ? after->frames() - framesBefore : 0;
    repair.changed = true;
    return repair;
}

// --- reader ------------------------------------------------------------------------------------

WavReader::WavReader(WavReader&&) noexcept = default;
WavReader& WavReader::operator=(WavReader&&) noexcept = default;
WavReader::~WavReader() = default;

Result<WavReader> WavReader::open(const std::filesystem::path& path) {
    auto info = readWavInfo(path);
    if (!info.ok()) return info.error();
    WavReader r;
    r.m_info = *info;
    r.m_path = path;
    r.m_fd = UniqueFd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!r.m_fd)
        return Error{"could not open: " + errnoText(errno), path.string(),
                     "check that the file exists and is readable"};
    r.m_framesLeft = r.m_info.frames();
    r.m_offset = r.m_info.dataOffset;
    return r;
}

Result<std::size_t> WavReader::read(std::span<float> out) {
    const std::size_t n =
        static_cast<std::size_t>(std::min<std::uint64_t>(out.size(), m_framesLeft));
    if (n == 0) return std::size_t{0};
    const std::size_t align = static_cast<std::size_t>(m_info.blockAlign());
    m_raw.resize(n * align);
    const ssize_t got = preadAll(m_fd.get(), m_raw.data(), m_raw.size(), m_offset);
    if (got < 0)
        return Error{"could not read the samples: " + errnoText(errno), m_path.string(),
                     "check the disk"};
    if (static_cast<std::size_t>(got) < m_raw.size())
        return Error{"the file became shorter while it was read", m_path.string(),
                     "read it again when nothing is writing it"};
    const int channels = m_info.channels;
    const int bytesPer = m_info.bitsPerSample / 8;
    const float scale = 1.0f / static_cast<float>(channels);
    const std::uint8_t* p = m_raw.data();
    for (std::size_t i = 0; i < n; ++i) {
        double sum = 0;
        for (int c = 0; c < channels; ++c, p += bytesPer) {
            if (m_info.isFloat) {
                if (bytesPer == 4) {
                    const std::uint32_t u = get32(p);
                    float f;
                    std::memcpy(&f, &u, 4);
                    sum += f;
                } else {
                    const std::uint64_t u = get64(p);
                    double d;
                    std::memcpy(&d, &u, 8);
                    sum += d;
                }
            } else if (bytesPer == 2) {
                sum += static_cast<std::int16_t>(get16(p)) / 32768.0;
            } else if (bytesPer == 3) {
                const std::uint32_t u = static_cast<std::uint32_t>(p[0]) |
                                        (static_cast<std::uint32_t>(p[1]) << 8) |
                                        (static_cast<std::uint32_t>(p[2]) << 16);
                const std::int32_t v = static_cast<std::int32_t>(u << 8) >> 8;
                sum += v / 8388608.0;
            } else {
                sum += static_cast<std::int32_t>(get32(p)) / 2147483648.0;
            }
        }
        out[i] = static_cast<float>(sum) * scale;
    }
    m_offset += m_raw.size();
    m_framesLeft -= n;
    return n;
}

}  // namespace pycast
