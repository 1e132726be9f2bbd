// The capture callback's body (audio thread) and the track writer's drain (writer thread);
// see recorder_core.hpp for which function runs where.
#include "media/recorder_core.hpp"

#include <ebur128.h>
#include <sys/statvfs.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <thread>

#include "core/airtime.hpp"
#include "core/text.hpp"
#include "io/wav_file.hpp"

namespace pycast::media {
namespace {

constexpr double kSilentDbfs = -60.0;
constexpr double kNoSignalDbfs = -90.0;
constexpr double kHoldSeconds = 2.0;
constexpr double kRmsSeconds = 0.3;
constexpr std::size_t kBlockFrames = 4096;  // frames the writer handles at once
constexpr std::size_t kDropoutRecords = 4096;

float toDbfs(double amplitude) {
    if (amplitude <= 1e-6) return -120.f;
    return static_cast<float>(std::max(-120.0, 20.0 * std::log10(amplitude)));
}

double fromDbfs(double db) { return std::pow(10.0, db / 20.0); }

// "1:02:03.456" / "2:03.456": where on the take's timeline something happened.
std::string timecode(std::int64_t frames, int rate) {
    const std::int64_t ms = rate > 0 ? frames * 1000 / rate : 0;
    const std::int64_t h = ms / 3'600'000, m = ms / 60'000 % 60, s = ms / 1000 % 60, r = ms % 1000;
    char buf[48];
    if (h > 0)
        std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld.%03lld", static_cast<long long>(h),
                      static_cast<long long>(m), static_cast<long long>(s),
                      static_cast<long long>(r));
    else
        std::snprintf(buf, sizeof buf, "%lld:%02lld.%03lld", static_cast<long long>(m),
                      static_cast<long long>(s), static_cast<long long>(r));
    return buf;
}

std::string minutesText(double seconds) {
    if (seconds < 120) return std::to_string(static_cast<long long>(seconds)) + " s";
    if (seconds < 7200) return std::to_string(static_cast<long long>(seconds / 60)) + " min";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f h", seconds / 3600);
    return buf;
}

std::int64_t statvfsFree(const std::filesystem::path& folder) {
    struct statvfs st {};
    if (::statvfs(folder.c_str(), &st) != 0) return -1;
    return static_cast<std::int64_t>(st.f_bavail) * static_cast<std::int64_t>(st.f_frsize);
}

}  // namespace

std::string trackFileName(std::size_t index, const std::string& name, int take) {
    char num[16];
    std::snprintf(num, sizeof num, "%02zu", index + 1);
    std::string out = std::string(num) + "-" + slugify(name, SlugLetters::Unicode, "track");
    if (take > 1) out += "-take" + std::to_string(take);
    return out + ".wav";
}

struct CaptureCore::TrackState {
    TrackSetup setup;
    std::optional<WavWriter> writer;
    std::filesystem::path path;
    // RMS over the last 300 ms: a circle of squared samples and their running sum.
    std::vector<float> squares;
    std::size_t squareAt = 0;
    double squareSum = 0;
    double rms = 0;
    // Peak hold (audio seconds).
    float holdDbfs = -120.f;
    double holdAt = -1e9;
    double lastClipAt = -1e9;
    std::uint32_t clips = 0;
    bool clipping = false;
    std::int64_t quietFrames = 0;  // below -60 dBFS
    std::int64_t zeroFrames = 0;   // below -90 dBFS (digital silence: a pulled cable)
    bool silentWarned = false;
    bool noSignalWarned = false;
    float maxPeak = 0;          // loudest sample since start (soundcheck)
    std::size_t armedSlot = 0;  // index among the armed tracks (airtime, planar block)
    float peakSinceStatus = 0;
};

struct CaptureCore::Loudness {
    ebur128_state* state = nullptr;
    ~Loudness() {
        if (state) ebur128_destroy(&state);
    }
};

CaptureCore::CaptureCore(CaptureOptions options)
    : m_opt(std::move(options)),
      m_channels(std::max(1, m_opt.setup.channels)),
      m_rate(std::max(1, m_opt.setup.sampleRate)),
      m_ring(static_cast<std::size_t>(std::ceil(m_opt.ringSeconds * m_rate)) *
             static_cast<std::size_t>(m_channels)),
      m_dropoutRing(kDropoutRecords),
      m_peaks(new std::atomic<float>[static_cast<std::size_t>(m_channels)]),
      m_clips(new std::atomic<std::uint32_t>[static_cast<std::size_t>(m_channels)]) {
    for (int c = 0; c < m_channels; ++c) {
        m_peaks[static_cast<std::size_t>(c)].store(0.f, std::memory_order_relaxed);
        m_clips[static_cast<std::size_t>(c)].store(0, std::memory_order_relaxed);
    }
}

CaptureCore::~CaptureCore() = default;

Result<std::unique_ptr<CaptureCore>> CaptureCore::create(CaptureOptions options) {
    const RecorderSetup& s = options.setup;
    if (s.sampleRate < 8000 || s.sampleRate > 384000)
        return Error{"sample rate " + std::to_string(s.sampleRate) + " Hz is out of range",
                     "recorder setup", "use 44100 or 48000"};
    if (s.channels < 1 || s.channels > 256)
        return Error{std::to_string(s.channels) + " channels is out of range", "recorder setup",
                     "open between 1 and 256 channels"};
    if (s.tracks.empty())
        return Error{"no tracks", "recorder setup", "map at least one input channel to a track"};
    for (const auto& t : s.tracks)
        if (t.channel < 0 || t.channel >= s.channels)
            return Error{
                "track \"" + t.name + "\" uses input channel " + std::to_string(t.channel + 1) +
                    " but only " + std::to_string(s.channels) + " are open",
                "recorder setup", "pick a channel from 1 to " + std::to_string(s.channels)};
    if (options.ringSeconds <= 0) options.ringSeconds = 8.0;
    // Never overwrite a recording: a second `pycast record` into the same folder (or a take
    // whose files are already there) is refused before any file is opened.
    if (options.writeFiles) {
        std::string existing;
        for (std::size_t i = 0; i < s.tracks.size(); ++i) {
            if (!s.tracks[i].armed) continue;
            const std::filesystem::path path =
                s.folder / trackFileName(i, s.tracks[i].name, s.take);
            std::error_code ec;
            if (std::filesystem::exists(std::filesystem::symlink_status(path, ec)))
                existing += (existing.empty() ? "" : ", ") + path.filename().string();
        }
        if (!existing.empty())
            return Error{"a recording is already there (" + existing + ")", s.folder.string(),
                         "record into another folder, or move the earlier files away first"};
    }

    std::unique_ptr<CaptureCore> core(new CaptureCore(std::move(options)));
    const RecorderSetup& setup = core->m_opt.setup;
    const auto windowSamples = static_cast<std::size_t>(std::max(1.0, kRmsSeconds * core->m_rate));
    if (core->m_opt.writeFiles) {
        std::error_code ec;
        std::filesystem::create_directories(setup.folder, ec);
        if (ec)
            return Error{"cannot create the folder: " + ec.message(), setup.folder.string(),
                         "check the path and its permissions"};
    }
    for (std::size_t i = 0; i < setup.tracks.size(); ++i) {
        auto t = std::make_unique<TrackState>();
        t->setup = setup.tracks[i];
        t->squares.assign(windowSamples, 0.f);
        if (t->setup.armed) {
            t->armedSlot = core->m_armedIndex.size();
            core->m_armedIndex.push_back(i);
        }
        if (t->setup.armed && core->m_opt.writeFiles) {
            t->path = setup.folder / trackFileName(i, t->setup.name, setup.take);
            WavWriterOptions wo;
            wo.sampleRate = setup.sampleRate;
            wo.failAfterBytes = core->m_opt.failAfterBytes;
            auto w = WavWriter::create(t->path, wo);
            if (!w) return w.error();
            t->writer.emplace(std::move(w.value()));
        }
        core->m_tracks.push_back(std::move(t));
    }
    core->m_block.resize(kBlockFrames * static_cast<std::size_t>(core->m_channels));
    core->m_mono.resize(kBlockFrames);
    core->m_programme.resize(kBlockFrames);
    core->m_planar.resize(kBlockFrames * core->m_armedIndex.size());
    if (!core->m_armedIndex.empty()) {
        core->m_airtime = std::make_unique<AirtimeDetector>(
            static_cast<int>(core->m_armedIndex.size()), setup.sampleRate);
        core->m_airFrame.resize(static_cast<std::size_t>(core->m_airtime->samplesPerFrame()) *
                                core->m_armedIndex.size());
    }
    core->m_loudness = std::make_unique<Loudness>();
    // HISTOGRAM keeps the integrated loudness O(1) in memory and time over a long take.
    core->m_loudness->state =
        ebur128_init(1, static_cast<unsigned long>(setup.sampleRate),
                     EBUR128_MODE_M | EBUR128_MODE_S | EBUR128_MODE_I | EBUR128_MODE_HISTOGRAM);
    if (!core->m_loudness->state)
        return Error{"libebur128 could not start", "recorder", "check the sample rate"};
    core->m_status.sampleRate = setup.sampleRate;
    core->m_status.recording = true;
    core->m_status.position = setup.startSample;
    core->m_status.ringCapacity =
        core->m_ring.capacity() / static_cast<std::size_t>(core->m_channels);
    for (const auto& t : core->m_tracks)
        core->m_status.tracks.push_back({t->setup.name, t->setup.armed});
    return core;
}

// ---------------------------------------------------------------------------------------------
// Audio thread.

void CaptureCore::onInput(const float* interleaved, std::size_t frames,
                          bool inputOverflow) noexcept {
    const auto t0 = std::chrono::steady_clock::now();
    const std::int64_t pos = m_captured.load(std::memory_order_relaxed);
    const auto channels = static_cast<std::size_t>(m_channels);
    if (inputOverflow) {
        m_overflows.fetch_add(1, std::memory_order_relaxed);
        // frames 0: how much the device lost is unknown, so no silence can stand in for it. A
        // full dropout ring only loses the report, never a position.
        const DropoutRecord r{pos, 0, 1};
        m_dropoutRing.write(std::span<const DropoutRecord>(&r, 1));
    }
    if (interleaved && frames > 0) {
        for (std::size_t c = 0; c < channels; ++c) {
            float peak = 0.f;
            std::uint32_t clips = 0;
            for (std::size_t f = 0; f < frames; ++f) {
                const float x = std::fabs(interleaved[f * channels + c]);
                peak = std::max(peak, x);
                clips += x >= 1.f ? 1u : 0u;
            }
            if (peak > m_peaks[c].load(std::memory_order_relaxed))
                m_peaks[c].store(peak, std::memory_order_relaxed);
            if (clips) m_clips[c].fetch_add(clips, std::memory_order_relaxed);
        }
        const std::span<const float> items(interleaved, frames * channels);
        // A gap still open (the ring was full) is recorded before any later frame goes in, so
        // the writer puts its silence at the right place.
        if (m_pendingGapAt >= 0 && m_ring.writable() >= items.size()) {
            const DropoutRecord r{m_pendingGapAt, m_pendingGapFrames, 0};
            if (m_dropoutRing.write(std::span<const DropoutRecord>(&r, 1))) m_pendingGapAt = -1;
        }
        if (m_pendingGapAt >= 0 || !m_ring.write(items)) {
            if (m_pendingGapAt < 0) {
                m_pendingGapAt = pos;
                m_pendingGapFrames = 0;
            }
            m_pendingGapFrames += static_cast<std::int64_t>(frames);
            m_droppedFrames.fetch_add(static_cast<std::int64_t>(frames), std::memory_order_relaxed);
        }
        m_captured.store(pos + static_cast<std::int64_t>(frames), std::memory_order_release);
    }
    const auto ns =
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - t0)
            .count();
    if (ns > m_worstCallbackNs.load(std::memory_order_relaxed))
        m_worstCallbackNs.store(static_cast<std::int64_t>(ns), std::memory_order_relaxed);
}

// ---------------------------------------------------------------------------------------------
// Writer thread.

void CaptureCore::push(RecorderEvent event) {
    std::lock_guard lock(m_mutex);
    m_events.push_back(std::move(event));
}

void CaptureCore::warn(bool on, bool& state, const std::string& code, int track,
                       const std::string& text) {
    if (on == state) return;
    state = on;
    RecorderEvent e;
    e.kind = on ? RecorderEvent::Kind::Warning : RecorderEvent::Kind::WarningCleared;
    e.code = code;
    e.track = track;
    e.text = text;
    push(std::move(e));
}

void CaptureCore::abort(const std::string& code, const std::string& text) {
    fail(Error{text, "", ""}, "", code);
}

void CaptureCore::fail(const Error& error, const std::string& file, const std::string& code) {
    if (failed()) return;
    // The block being written when it failed is not in every file: the take ends before it.
    m_keptFrames = m_written;
    const std::string msg = error.message();
    const bool full = code.empty() && (msg.find("full") != std::string::npos ||
                                       msg.find("ENOSPC") != std::string::npos ||
                                       msg.find("No space") != std::string::npos);
    // The other files get a current header so each stays valid up to the same moment.
    for (auto& t : m_tracks)
        if (t->writer && t->path != file) (void)t->writer->finish();
    // WavWriter's errors already say which file, how far it is kept, and what to do.
    m_error = code.empty() ? "recording stopped at " + timecode(m_written, m_rate) + ": " + msg +
                                 (full ? "; then record a new take" : "")
                           : msg;
    RecorderEvent e;
    e.kind = RecorderEvent::Kind::Error;
    e.code = !code.empty() ? code : full ? "disk-full" : "write-failed";
    e.text = m_error;
    push(std::move(e));
    RecorderEvent stopped;
    stopped.kind = RecorderEvent::Kind::Stopped;
    stopped.code = e.code;
    stopped.text = "recording stopped: " + std::string(!code.empty() ? "the stream failed"
                                                       : full        ? "the disk is full"
                                                                     : "a write failed");
    push(std::move(stopped));
    m_failed.store(true, std::memory_order_release);
}

void CaptureCore::writeSilence(std::int64_t frames) {
    if (frames <= 0) return;
    for (std::size_t i = 0; i < m_tracks.size() && !failed(); ++i) {
        auto& t = *m_tracks[i];
        if (!t.writer) continue;
        auto st = t.writer->appendSilence(static_cast<std::uint64_t>(frames));
        if (!st) fail(st.error(), t.path.string());
    }
    m_written += frames;
    // The silence counts as audio for the meters' time base but not for the warnings: a gap is
    // reported as a dropout, not as a dead mic. The airtime detector hears it too, so its
    // frames stay on the files' timeline (a talk burst across the gap is judged as the files
    // will be measured later).
    if (m_airtime) {
        const std::size_t armed = m_armedIndex.size();
        const auto spf = static_cast<std::size_t>(m_airtime->samplesPerFrame());
        for (std::int64_t f = 0; f < frames; ++f) {
            for (std::size_t a = 0; a < armed; ++a) m_airFrame[a * spf + m_airFill] = 0.f;
            if (++m_airFill == spf) {
                m_airtime->addFrame(m_airFrame);
                m_airFill = 0;
            }
        }
    }
}

void CaptureCore::writeFrames(const float* interleaved, std::size_t frames) {
    const auto channels = static_cast<std::size_t>(m_channels);
    if (m_opt.stallMs > 0 && !m_stallDone &&
        m_written + static_cast<std::int64_t>(frames) > m_opt.stallAtFrame) {
        m_stallDone = true;
        std::this_thread::sleep_for(std::chrono::milliseconds(m_opt.stallMs));
    }
    std::fill_n(m_programme.begin(), frames, 0.f);
    const double audioStart = static_cast<double>(m_written) / m_rate;
    const double audioEnd =
        static_cast<double>(m_written + static_cast<std::int64_t>(frames)) / m_rate;
    const double quietMs = fromDbfs(kSilentDbfs) * fromDbfs(kSilentDbfs);
    const double zeroPeak = fromDbfs(kNoSignalDbfs);
    for (std::size_t i = 0; i < m_tracks.size(); ++i) {
        auto& t = *m_tracks[i];
        const auto ch = static_cast<std::size_t>(t.setup.channel);
        float peak = 0;
        double sumSq = 0;
        bool clipped = false;
        for (std::size_t f = 0; f < frames; ++f) {
            const float x = interleaved[f * channels + ch];
            m_mono[f] = x;
            const float a = std::fabs(x);
            peak = std::max(peak, a);
            clipped = clipped || a >= 1.f;
            const float sq = x * x;
            sumSq += sq;
            t.squareSum += static_cast<double>(sq) - t.squares[t.squareAt];
            t.squares[t.squareAt] = sq;
            if (++t.squareAt == t.squares.size()) {
                t.squareAt = 0;
                // Re-add from scratch once per window so rounding never accumulates.
                double exact = 0;
                for (float v : t.squares) exact += v;
                t.squareSum = exact;
            }
        }
        t.rms = std::sqrt(std::max(0.0, t.squareSum) / static_cast<double>(t.squares.size()));
        t.maxPeak = std::max(t.maxPeak, peak);
        t.peakSinceStatus = std::max(t.peakSinceStatus, peak);
        const float peakDb = toDbfs(peak);
        if (peakDb >= t.holdDbfs || audioEnd - t.holdAt > kHoldSeconds) {
            t.holdDbfs = peakDb;
            t.holdAt = audioEnd;
        }
        if (!t.setup.armed) continue;
        std::copy_n(m_mono.begin(), frames,
                    m_planar.begin() + static_cast<std::ptrdiff_t>(t.armedSlot * kBlockFrames));
        if (t.writer && !failed()) {
            auto st = t.writer->append(std::span<const float>(m_mono.data(), frames));
            if (!st) fail(st.error(), t.path.string());
        }
        for (std::size_t f = 0; f < frames; ++f) m_programme[f] += m_mono[f];

        // Warnings, on audio time.
        const double meanSq = frames ? sumSq / static_cast<double>(frames) : 0;
        t.quietFrames = meanSq < quietMs ? t.quietFrames + static_cast<std::int64_t>(frames) : 0;
        t.zeroFrames = peak < zeroPeak ? t.zeroFrames + static_cast<std::int64_t>(frames) : 0;
        const int index = static_cast<int>(i);
        const double quietSeconds = static_cast<double>(t.quietFrames) / m_rate;
        warn(m_opt.setup.silenceSeconds > 0 && quietSeconds >= m_opt.setup.silenceSeconds,
             t.silentWarned, "silent", index,
             t.silentWarned ? t.setup.name + "'s mic is back"
                            : t.setup.name + "'s mic has been silent (below -60 dBFS) for " +
                                  std::to_string(static_cast<long long>(quietSeconds)) + " s");
        const double zeroSeconds = static_cast<double>(t.zeroFrames) / m_rate;
        warn(m_opt.setup.noSignalSeconds > 0 && zeroSeconds >= m_opt.setup.noSignalSeconds,
             t.noSignalWarned, "no-signal", index,
             t.noSignalWarned ? t.setup.name + " has a signal again"
                              : "no signal on " + t.setup.name + " (input channel " +
                                    std::to_string(t.setup.channel + 1) + ") for " +
                                    std::to_string(static_cast<long long>(zeroSeconds)) +
                                    " s — check the cable and the connection");
        if (clipped) t.lastClipAt = audioStart;
        const bool clipNow = audioEnd - t.lastClipAt <= kHoldSeconds;
        warn(clipNow, t.clipping, "clipping", index,
             clipNow ? t.setup.name + " is clipping — turn the gain down"
                     : t.setup.name + " stopped clipping");
    }
    ebur128_add_frames_float(m_loudness->state, m_programme.data(), frames);
    // Airtime: 10 ms planar frames of the armed tracks, carried over between blocks.
    if (m_airtime) {
        const std::size_t armed = m_armedIndex.size();
        const auto spf = static_cast<std::size_t>(m_airtime->samplesPerFrame());
        for (std::size_t f = 0; f < frames; ++f) {
            for (std::size_t a = 0; a < armed; ++a)
                m_airFrame[a * spf + m_airFill] = m_planar[a * kBlockFrames + f];
            if (++m_airFill == spf) {
                m_airtime->addFrame(m_airFrame);
                m_airFill = 0;
            }
        }
    }
    m_written += static_cast<std::int64_t>(frames);
}

std::vector<float> CaptureCore::maxPeakDbfs() const {
    std::vector<float> out;
    for (const auto& t : m_tracks) out.push_back(toDbfs(t->maxPeak));
    return out;
}

void CaptureCore::checkDisk(double nowSeconds) {
    if (nowSeconds - m_lastDiskCheck < 1.0 || !m_opt.writeFiles) return;
    m_lastDiskCheck = nowSeconds;
    const std::int64_t free =
        m_opt.freeBytes ? m_opt.freeBytes(m_opt.setup.folder) : statvfsFree(m_opt.setup.folder);
    std::size_t armed = 0;
    for (const auto& t : m_tracks) armed += t->writer ? 1 : 0;
    if (free < 0 || armed == 0) {
        m_diskSecondsLeft = -1;
        return;
    }
    const double bytesPerSecond = static_cast<double>(armed) * m_rate * 3.0;
    m_diskSecondsLeft = static_cast<double>(free) / bytesPerSecond;
    const double elapsed = static_cast<double>(m_written) / m_rate;
    const double needed =
        std::max(600.0, static_cast<double>(m_opt.setup.plannedSeconds) - elapsed);
    warn(m_diskSecondsLeft < needed, m_diskLow, "disk-low", -1,
         m_diskSecondsLeft < needed
             ? "the disk holds only " + minutesText(m_diskSecondsLeft) +
                   " more of recording — free some space"
             : "disk space is fine again (" + minutesText(m_diskSecondsLeft) + " left)");
}

void CaptureCore::publish(double nowSeconds) {
    // Loudness: momentary and short-term every drain (>= 10 Hz at the writer's 20 ms pace);
    // integrated once a second (it scans the histogram).
    double v = -HUGE_VAL;
    if (ebur128_loudness_momentary(m_loudness->state, &v) == EBUR128_SUCCESS)
        m_momentary = std::isfinite(v) ? std::max(-120.0, v) : -120;
    if (ebur128_loudness_shortterm(m_loudness->state, &v) == EBUR128_SUCCESS)
        m_shortTerm = std::isfinite(v) ? std::max(-120.0, v) : -120;
    if (nowSeconds - m_lastIntegrated >= 1.0 || m_finished) {
        m_lastIntegrated = nowSeconds;
        if (ebur128_loudness_global(m_loudness->state, &v) == EBUR128_SUCCESS)
            m_integrated = std::isfinite(v) ? std::max(-120.0, v) : -120;
    }
    std::lock_guard lock(m_mutex);
    RecorderStatus& s = m_status;
    s.recording = !failed() && !m_finished;
    s.error = m_error;
    s.position = m_opt.setup.startSample + SampleCount(framesCaptured());
    s.framesWritten = m_keptFrames >= 0 ? m_keptFrames : m_written;
    for (std::size_t i = 0; i < m_tracks.size(); ++i) {
        auto& t = *m_tracks[i];
        auto& m = s.tracks[i];
        const auto ch = static_cast<std::size_t>(t.setup.channel);
        const float cbPeak = m_peaks[ch].exchange(0.f, std::memory_order_relaxed);
        m.peakDbfs = toDbfs(std::max(cbPeak, t.peakSinceStatus));
        t.peakSinceStatus = 0;
        m.peakHoldDbfs = t.holdDbfs;
        m.rmsDbfs = toDbfs(t.rms);
        m.clips = m_clips[ch].load(std::memory_order_relaxed);
        m.clipping = t.clipping;
        m.silentSeconds = static_cast<double>(t.quietFrames) / m_rate;
        m.noSignal = t.noSignalWarned;
    }
    if (m_airtime) {
        const auto talk = m_airtime->talkMs();
        for (std::size_t a = 0; a < m_armedIndex.size() && a < talk.size(); ++a)
            s.tracks[m_armedIndex[a]].talkMs = talk[a];
    }
    s.momentaryLufs = m_momentary;
    s.shortTermLufs = m_shortTerm;
    s.integratedLufs = m_integrated;
    s.dropouts = m_dropouts;
    s.droppedFrames = m_droppedFrames.load(std::memory_order_relaxed);
    s.diskSecondsLeft = m_diskSecondsLeft;
    s.ringHighWater = m_ring.highWater() / static_cast<std::size_t>(m_channels);
    s.callbackWorstMs =
        static_cast<double>(m_worstCallbackNs.load(std::memory_order_relaxed)) / 1e6;
}

bool CaptureCore::drain(double nowSeconds) {
    if (m_finished) return !failed();
    const auto channels = static_cast<std::size_t>(m_channels);
    // The frame count first, then the dropout records: a record is published before any frame
    // that follows its gap, so every record whose gap lies inside these frames is visible now.
    std::size_t avail = m_ring.readable() / channels;
    while (true) {
        DropoutRecord r{};
        const bool haveRecord = m_dropoutRing.peek(std::span<DropoutRecord>(&r, 1)) == 1;
        std::size_t take = avail;
        if (haveRecord && r.frames > 0)
            take = static_cast<std::size_t>(
                std::clamp<std::int64_t>(r.at - m_written, 0, static_cast<std::int64_t>(avail)));
        if (haveRecord && r.frames == 0) take = 0;
        while (take > 0) {
            const std::size_t n = std::min(take, kBlockFrames);
            m_ring.read(std::span<float>(m_block.data(), n * channels));
            if (!failed())
                writeFrames(m_block.data(), n);
            else
                m_written += static_cast<std::int64_t>(n);
            take -= n;
            avail -= n;
        }
        if (!haveRecord) break;
        if (r.frames > 0 && m_written != r.at) break;  // its gap lies beyond the frames seen
        m_dropoutRing.discard(1);
        ++m_dropouts;
        RecorderEvent e;
        e.kind = RecorderEvent::Kind::Dropout;
        e.code = "dropout";
        e.dropout.at = m_opt.setup.startSample + SampleCount(r.at);
        e.dropout.frames = r.frames;
        e.dropout.kind = r.kind == 0 ? "ring-overrun" : "input-overflow";
        if (r.kind == 0) {
            writeSilence(r.frames);
            e.text = "dropout at " + timecode(r.at, m_rate) + ": " + std::to_string(r.frames) +
                     " frames lost (the writer fell behind; the gap is silence in the files)";
        } else {
            e.text =
                "dropout at " + timecode(r.at, m_rate) +
                ": the audio device lost input (an overflow; how much is unknown) — close other "
                "programs or use a larger buffer";
        }
        push(std::move(e));
    }
    if (!failed()) {
        if (nowSeconds - m_lastRefresh >= m_opt.headerRefreshSeconds) {
            m_lastRefresh = nowSeconds;
            for (auto& t : m_tracks) {
                if (!t->writer || failed()) continue;
                auto st = t->writer->refreshHeader();
                if (!st) fail(st.error(), t->path.string());
            }
        }
        checkDisk(nowSeconds);
    }
    publish(nowSeconds);
    return !failed();
}

Status CaptureCore::finish(double nowSeconds, const std::string& reason) {
    if (m_finished) return ok();
    drain(nowSeconds);
    // The stream has stopped (its thread joined), so the callback's open gap is ours to read.
    if (m_pendingGapAt >= 0 && !failed()) {
        const DropoutRecord r{m_pendingGapAt, m_pendingGapFrames, 0};
        m_pendingGapAt = -1;
        m_dropoutRing.write(std::span<const DropoutRecord>(&r, 1));
        drain(nowSeconds);
    }
    if (m_airtime) m_airtime->finish();
    Status result = ok();
    if (!failed()) {
        for (auto& t : m_tracks) {
            if (!t->writer) continue;
            auto st = t->writer->finish();
            if (!st && result) result = st.error();
        }
        if (!result) fail(result.error(), "");
    }
    m_finished = true;
    if (!failed()) {
        RecorderEvent e;
        e.kind = RecorderEvent::Kind::Stopped;
        e.code = reason;
        e.text = "recording stopped after " + timecode(m_written, m_rate);
        push(std::move(e));
    }
    publish(nowSeconds);
    return failed() ? Status(Error{m_error, "", ""}) : result;
}

RecorderStatus CaptureCore::status() const {
    std::lock_guard lock(m_mutex);
    return m_status;
}

std::vector<RecorderEvent> CaptureCore::takeEvents() {
    std::lock_guard lock(m_mutex);
    std::vector<RecorderEvent> out;
    out.swap(m_events);
    return out;
}

SampleCount CaptureCore::position() const {
    return m_opt.setup.startSample + SampleCount(framesCaptured());
}

std::vector<std::filesystem::path> CaptureCore::files() const {
    std::vector<std::filesystem::path> out;
    for (const auto& t : m_tracks)
        if (t->writer) out.push_back(t->path);
    return out;
}

}  // namespace pycast::media
