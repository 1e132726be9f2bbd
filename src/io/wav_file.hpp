// Track files: mono 24-bit PCM WAV written in whole blocks with the header kept current, RF64
// past 4 GiB, reading back, and repair after a crash (writer: the track writer thread; the rest:
// any one thread per file).
//
// Formats: RIFF/WAVE with a 16-byte PCM "fmt " chunk (WAVE_FORMAT_PCM, 1 channel, 24 bits,
// block align 3) and a 28-byte "JUNK" chunk reserved before "data", which becomes the "ds64"
// chunk when the file passes 4 GiB (EBU Tech 3306, RF64: "RF64" with RIFF and data sizes
// 0xFFFFFFFF, the real 64-bit sizes in ds64). Readers also take 16- and 32-bit integer PCM and
// 32-bit float, mono or not, and WAVE_FORMAT_EXTENSIBLE of those.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "io/atomic_file.hpp"

namespace pycast {

inline constexpr std::uint64_t kWavHeaderBytes = 80;  // RIFF 12 + fmt 24 + JUNK/ds64 36 + data 8

struct WavWriterOptions {
    int sampleRate = 48000;  // Hz
    // The data size past which the header becomes RF64 (default: what a RIFF size can hold).
    // Tests lower it to check the RF64 switch without writing 4 GiB.
    std::uint64_t rf64AfterBytes = 0xFFFFFFFFull - kWavHeaderBytes;
    // Tests only: writes fail with ENOSPC once the file would pass this many bytes (0 = never).
    // `pycast record` reads PYCAST_TEST_DISK_LIMIT_BYTES into it.
    std::uint64_t failAfterBytes = 0;
};

// Writes one mono 24-bit PCM track. Samples are appended in whole blocks (no partial sample is
// ever written by a successful call); refreshHeader() writes the current sizes and fdatasyncs,
// so after a crash the file is valid up to the last refresh, and repairWav() recovers what was
// written after it.
// Thread: one thread (the track writer). Errors name the file and what to do (ENOSPC: "the
// disk is full"); after an error the file stays valid up to the last refresh.
class WavWriter {
public:
    // Creates (or truncates) `path` and writes a header for 0 samples, fsync'ing the folder.
    static Result<WavWriter> create(const std::filesystem::path& path,
                                    WavWriterOptions options = {});
    WavWriter(WavWriter&&) noexcept;
    WavWriter& operator=(WavWriter&&) noexcept;
    ~WavWriter();  // closes without refreshing: call finish() for a final header

    // Appends samples as signed 24-bit little-endian. `samples`: mono float, full scale ±1.0
    // (clipped to the 24-bit range, rounded to nearest; no dither).
    Status append(std::span<const float> samples);
    // Appends `frames` digital-silence samples (a dropout's gap, so later samples keep their
    // place on the timeline).
    Status appendSilence(std::uint64_t frames);
    // Rewrites the RIFF/RF64 and data sizes for what was appended, then fdatasync.
    Status refreshHeader();
    // refreshHeader() and close.
    Status finish();

    std::uint64_t frames() const { return m_frames; }  // samples appended so far
    const std::filesystem::path& path() const { return m_path; }
    bool isRf64() const { return m_rf64; }

private:
    WavWriter() = default;
    Status writeAll(const void* data, std::size_t bytes);
    std::filesystem::path m_path;
    WavWriterOptions m_options;
    UniqueFd m_fd;
    std::uint64_t m_frames = 0;
    std::uint64_t m_bytesWritten = 0;  // whole file, header included
    bool m_rf64 = false;
    std::vector<std::uint8_t> m_buffer;
};

// What a WAV header says.
struct WavInfo {
    int sampleRate = 0;  // Hz
    int channels = 0;
    int bitsPerSample = 0;  // 16, 24, 32
    bool isFloat = false;
    bool isRf64 = false;
    std::uint64_t dataOffset = 0;       // bytes from the start of the file to the first sample
    std::uint64_t dataBytes = 0;        // as the header says (RF64: from ds64)
    std::uint64_t fileBytes = 0;        // the file's length on disk
    std::uint64_t riffBytes = 0;        // the RIFF size as the header says (RF64: from ds64)
    std::uint64_t ds64Offset = 0;       // where a JUNK or ds64 chunk can hold RF64 sizes (0: none)
    std::uint64_t factOffset = 0;       // a "fact" chunk before the data, whose sample count a
                                        // repair keeps current (0: none)
    std::uint64_t frames() const;       // whole frames the data holds, limited to the file
    std::uint64_t blockAlign() const {  // bytes per frame
        return static_cast<std::uint64_t>(channels) * static_cast<std::uint64_t>(bitsPerSample / 8);
    }
};

// The header checks of readWavInfo on the file's first bytes (up to 64 KiB, or all of a shorter
// file) and its length; a pure function, for tests and fuzzing. Errors have no `where`.
Result<WavInfo> parseWavHeader(std::span<const std::uint8_t> head, std::uint64_t fileBytes);

// Reads and checks the header. Errors say what is wrong and where ("not a WAV file: starts
// with …", "no data chunk"). A header whose sizes are short of the file's length (a crash) is
// read as it stands; repairWav() fixes it.
Result<WavInfo> readWavInfo(const std::filesystem::path& path);

// What repairWav did.
struct WavRepair {
    WavInfo before;
    WavInfo after;
    std::uint64_t framesRecovered = 0;  // frames that were in the file but not in the header
    std::uint64_t bytesDropped = 0;     // a torn last sample frame, cut off
    bool changed = false;
};

// Repairs a track after a crash: the header's sizes from the file's length (RF64 when past
// 4 GiB), a torn last sample frame dropped (truncated), then fdatasync. A file already
// consistent is left untouched. Errors name the file.
Result<WavRepair> repairWav(const std::filesystem::path& path);

// A sample count at `sampleRate` as a person reads a track's length: "12:03.456",
// "1:02:03.456" (milliseconds rounded down).
std::string formatSampleTime(std::uint64_t frames, int sampleRate);

// Reads a WAV's samples in blocks as mono float (channels averaged), full scale ±1.0.
// Thread: one at a time.
class WavReader {
public:
    static Result<WavReader> open(const std::filesystem::path& path);
    WavReader(WavReader&&) noexcept;
    WavReader& operator=(WavReader&&) noexcept;
    ~WavReader();
    const WavInfo& info() const { return m_info; }
    // Reads up to out.size() frames; 0 at the end. Errors name the file.
    Result<std::size_t> read(std::span<float> out);

private:
    WavReader() = default;
    WavInfo m_info;
    std::filesystem::path m_path;
    UniqueFd m_fd;
    std::uint64_t m_offset = 0;  // file offset of the next frame
    std::uint64_t m_framesLeft = 0;
    std::vector<std::uint8_t> m_raw;
};

}  // namespace pycast
