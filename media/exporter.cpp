// The export pipeline (threads: runExport's caller is the export worker — it reads and mixes
// the programme and applies gain and limiter; one encoder thread; one verify thread decoding the
// encoder's own packets and measuring them. Blocks cross threads through bounded queues).
#include "media/exporter.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <deque>
#include <limits>

#include "io/atomic_file.hpp"
#include "live/session.hpp"
#include "media/audio_file.hpp"
#include "media/encoder.hpp"
#include "media/ffmpeg.hpp"
#include "media/file_probe.hpp"
#include "media/image_probe.hpp"
#include "media/limiter.hpp"
#include "media/loudness.hpp"
#include "media/programme.hpp"

namespace pycast::media {

namespace {

using SteadyClock = std::chrono::steady_clock;
constexpr std::size_t kBlockFrames = kProgrammeBlockFrames;
// A lossy codec's decoder can put a peak a little above what went in (MP3 and AAC most): the
// limiter aims this far under the ceiling, and an export whose decoded output still passes the
// ceiling is redone once with the margin widened by what it missed by.
constexpr double kLossyMarginDb = 0.5;
// The loudness check after export: the decoded output within this of the target.
constexpr double kLoudnessToleranceLu = 0.5;
// An encode whose decoded output misses the loudness target by more than this is redone once
// with the gain corrected (a codec's low-pass takes loudness off bright material).
constexpr double kRetryLoudnessLu = 0.3;
// The excerpts kept from pass 1 (kExcerpts of kExcerptMs each, spread evenly), and how much of
// them is encoded once to learn what the codec takes off the loudness.
constexpr int kExcerpts = 12;
constexpr std::int64_t kExcerptMs = 10'000;
constexpr std::int64_t kProbeMs = 60'000;
// Pass 1's two meters take turns by stretches this long, ms.
constexpr std::int64_t kMeterChunkMs = 30'000;

// A bounded queue between two threads; close() ends it (pop returns nullopt once empty).
template <typename T>
class BlockQueue {
public:
    explicit BlockQueue(std::size_t capacity) : m_capacity(capacity) {}
    // False when the queue was closed (the consumer gave up).
    bool push(T item) {
        std::unique_lock lock(m_mutex);
        m_space.wait(lock, [&] { return m_items.size() < m_capacity || m_closed; });
        if (m_closed) return false;
        m_items.push_back(std::move(item));
        m_ready.notify_one();
        return true;
    }
    std::optional<T> pop() {
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [&] { return !m_items.empty() || m_closed; });
        if (m_items.empty()) return std::nullopt;
        T item = std::move(m_items.front());
        m_items.pop_front();
        m_space.notify_one();
        return item;
    }
    void close() {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_ready.notify_all();
        m_space.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_ready, m_space;
    std::deque<T> m_items;
    std::size_t m_capacity;
    bool m_closed = false;
};

std::int64_t fileMs(const std::filesystem::path& path, std::vector<ExportCheck>& checks, const char* what) {
    if (path.empty()) return 0;
    auto r = AudioFileReader::open(path);
    if (!r) {
        checks.push_back({ExportCheck::Level::Error, what, r.error().message()});
        return 0;
    }
    return std::max<std::int64_t>(0, (*r)->durationMs());
}

std::string figure(double value, const char* unit) {
    if (!std::isfinite(value)) return std::string("−∞ ") + unit;
    char text[48];
    std::snprintf(text, sizeof text, "%.1f %s", value, unit);
    return text;
}

// Hidden temporary names beside the destination, removed unless published.
class TempFiles {
public:
    std::filesystem::path make(const std::filesystem::path& dest) {
        auto p = dest.parent_path() / ("." + dest.filename().string() + ".partial-" + std::to_string(::getpid()));
        m_paths.push_back(p);
        return p;
    }
    void published(const std::filesystem::path& p) { std::erase(m_paths, p); }
    ~TempFiles() {
        for (const auto& p : m_paths) {
            std::error_code ec;
            std::filesystem::remove(p, ec);
        }
    }

private:
    std::vector<std::filesystem::path> m_paths;
};

struct EncodePass {
    LoudnessFigures after;
    bool limited = false;
    double maxReductionDb = 0;
};

}  // namespace

const char* phaseName(ExportProgress::Phase phase) {
    switch (phase) {
        case ExportProgress::Phase::Preparing: return "preparing";
        case ExportProgress::Phase::Measuring: return "measuring";
        case ExportProgress::Phase::Encoding: return "encoding";
        case ExportProgress::Phase::Verifying: return "verifying";
        case ExportProgress::Phase::Finished: return "finished";
    }
    return "";
}

Result<PreparedExport> prepareExport(const ExportPlan& planIn) {
    ExportPlan plan = planIn;
    PreparedExport out;
    if (!plan.isSession && plan.sourceMs <= 0) {
        auto r = AudioFileReader::open(plan.input);
        if (!r) return r.error();
        plan.sourceMs = std::max<std::int64_t>(0, (*r)->durationMs());
    }
    out.sourceMs = plan.sourceMs;
    if (plan.isSession && plan.tracks.empty())
        return Error{"has no tracks to export", plan.input.string(), "record the session first"};
    std::vector<ExportCheck> fileChecks;
    out.introMs = fileMs(plan.intro, fileChecks, "Intro");
    out.outroMs = fileMs(plan.outro, fileChecks, "Outro");
    std::int64_t keptMs = 0;
    for (const KeptRegion& k : keptRegions(plan)) keptMs += k.endMs - k.startMs;
    out.outputMs = keptMs > 0 ? out.introMs + keptMs + out.outroMs : 0;
    out.chapters = outputChapters(plan, out.introMs, out.outputMs);
    std::optional<Result<CoverInfo>> cover;
    if (!plan.meta.cover.empty()) cover = probeCoverImage(plan.meta.cover);
    out.checks = checksBeforeExport(plan, out.chapters, out.outputMs, cover);
    out.checks.insert(out.checks.end(), fileChecks.begin(), fileChecks.end());
    if (plan.isSession && std::none_of(plan.tracks.begin(), plan.tracks.end(), [](const TrackMix& t) { return !t.muted; }))
        out.checks.push_back({ExportCheck::Level::Error, "Mix", "every track is muted: the export would be silent"});
    return out;
}

Result<ExportResult> runExport(const ExportPlan& planIn,
                               const std::function<void(const ExportProgress&)>& progress,
                               const std::atomic<bool>& cancel) {
    using L = ExportCheck::Level;
    const auto started = SteadyClock::now();
    ExportPlan plan = planIn;
    const ExportFormatInfo& format = formatInfo(plan.encode.format);
    const int rate = plan.encode.format == ExportFormat::Opus ? 48000 : plan.encode.sampleRate;
    const int channels = plan.encode.channels;
    const Error cancelled{"export cancelled", plan.outDir.string(), "nothing was written; start it again"};

    ExportProgress p;
    auto report = [&](ExportProgress::Phase phase, double fraction) {
        p.phase = phase;
        p.fraction = std::clamp(fraction, 0.0, 1.0);
        const double elapsed = std::chrono::duration<double, std::milli>(SteadyClock::now() - started).count();
        p.etaMs = p.fraction > 0.02 ? static_cast<std::int64_t>(elapsed / p.fraction * (1.0 - p.fraction)) : -1;
        if (progress) progress(p);
    };
    report(ExportProgress::Phase::Preparing, 0);

    auto prepared = prepareExport(plan);
    if (!prepared) return prepared.error();
    plan.sourceMs = prepared->sourceMs;
    ExportResult result;
    result.chapters = prepared->chapters;
    result.checks = prepared->checks;
    if (hasErrors(prepared->checks)) {
        for (const auto& c : prepared->checks)
            if (c.level == L::Error)
                return Error{"cannot export: " + c.topic + ": " + c.text, plan.input.string(),
                             "fix what the checks say and export again"};
    }
    std::error_code ec;
    std::filesystem::create_directories(plan.outDir, ec);
    if (ec)
        return Error{"cannot create the export folder (" + ec.message() + ")", plan.outDir.string(),
                     "choose a folder you can write to (--out)"};
    {
        // Find out now, not after the measuring pass, that the folder takes no files.
        const auto probe = plan.outDir / (".pycast-write-test-" + std::to_string(::getpid()));
        std::FILE* f = std::fopen(probe.c_str(), "wb");
        if (!f)
            return Error{std::string("cannot write in the export folder (") + std::strerror(errno) + ")",
                         plan.outDir.string(), "choose a folder you can write to (--out), or free some space"};
        std::fclose(f);
        std::filesystem::remove(probe, ec);
    }
    const double expectedFrames = static_cast<double>(prepared->outputMs) * rate / 1000.0;

    // ---- measuring: the programme read through a gain (and the limiter, when given) here,
    // measured on a second thread.
    struct Measured {
        LoudnessFigures figures;
        double samplePeak = 0;  // linear, of what was measured
        std::int64_t frames = 0;
    };
    // The excerpts: kExcerpts stretches of kExcerptMs spread evenly over the programme (all of a
    // programme no longer than they are together), kept from pass 1 to learn on them, cheaply,
    // what the limiter and the codec will take off the loudness.
    std::vector<std::pair<std::int64_t, std::int64_t>> windows;  // frames [start, end)
    {
        const std::int64_t total = static_cast<std::int64_t>(expectedFrames);
        const std::int64_t len = kExcerptMs * rate / 1000;
        if (total <= len * kExcerpts) {
            windows.push_back({0, std::numeric_limits<std::int64_t>::max()});
        } else {
            for (int k = 0; k < kExcerpts; ++k) {
                const std::int64_t mid = total * (2 * k + 1) / (2 * kExcerpts);
                windows.push_back({mid - len / 2, mid - len / 2 + len});
            }
        }
    }
    std::vector<float> excerpt;
    auto measure = [&](std::vector<float>& keep) -> Result<Measured> {
        Measured m;
        // Two meters on two threads take turns by the chunk (kMeterChunkMs), each queue deep
        // enough to hold a whole chunk, so both work while the reader runs ahead; their figures
        // are pooled (the chunk joins move a few gating blocks by hundredths of an LU at most).
        std::vector<LoudnessMeter> meters;
        for (int i = 0; i < 2; ++i) {
            auto meter = LoudnessMeter::create(channels, rate, {false, true});
            if (!meter) return meter.error();
            meters.push_back(std::move(*meter));
        }
        auto programme = Programme::open(plan, rate, channels);
        if (!programme) return programme.error();
        const std::size_t chunkBlocks = static_cast<std::size_t>(kMeterChunkMs * rate / 1000) / kBlockFrames + 8;
        BlockQueue<std::vector<float>> queues[2] = {BlockQueue<std::vector<float>>(chunkBlocks),
                                                   BlockQueue<std::vector<float>>(chunkBlocks)};
        std::thread measurers[2];
        for (int i = 0; i < 2; ++i)
            measurers[i] = std::thread([&, i] {
                while (auto block = queues[i].pop()) meters[static_cast<std::size_t>(i)].add(*block);
            });
        auto seen = [&](std::span<const float> block, std::int64_t at) {
            const std::int64_t n = static_cast<std::int64_t>(block.size()) / channels;
            for (float v : block) m.samplePeak = std::max(m.samplePeak, static_cast<double>(std::fabs(v)));
            for (const auto& [ws, we] : windows) {
                if (at + n <= ws || at >= we) continue;
                const std::int64_t a = std::max<std::int64_t>(0, ws - at);
                const std::int64_t b = std::min<std::int64_t>(n, we - at);
                // A short fade at each end of a window, so the joins make no clicks.
                const std::size_t first = keep.size();
                keep.insert(keep.end(), block.begin() + a * channels, block.begin() + b * channels);
                const std::int64_t fade = rate / 100;
                for (std::int64_t f = 0; f < b - a && we != std::numeric_limits<std::int64_t>::max(); ++f) {
                    const std::int64_t edge = std::min(at + a + f - ws, we - (at + a + f) - 1);
                    if (edge >= fade) continue;
                    const float w = static_cast<float>(edge) / static_cast<float>(fade);
                    for (int c = 0; c < channels; ++c) keep[first + static_cast<std::size_t>(f * channels + c)] *= w;
                }
            }
            m.frames = at + n;
            if ((m.frames / static_cast<std::int64_t>(kBlockFrames)) % 64 == 0)
                report(ExportProgress::Phase::Measuring, 0.1 * static_cast<double>(m.frames) / std::max(1.0, expectedFrames));
        };
        // The stretches are whole multiples of the 100 ms gating hop (a block split at a
        // stretch's end), so each meter's 400 ms gating blocks lie on the grid a single meter
        // would use: only the few blocks across each join differ. (Off the grid, a metronome's
        // clicks fell in or out of the relative gate and moved the figure by 0.3 LU.)
        const std::int64_t stretch = kMeterChunkMs * rate / 1000 / (rate / 10) * (rate / 10);
        std::int64_t position = 0;
        Status read = pump(**programme, channels, 1.0f, nullptr, cancel, seen, [&](std::vector<float> block) {
            const std::int64_t n = static_cast<std::int64_t>(block.size()) / channels;
            const std::int64_t room = stretch - position % stretch;
            const int meter = static_cast<int>((position / stretch) % 2);
            position += n;
            if (n <= room) return queues[meter].push(std::move(block));
            std::vector<float> rest(block.begin() + room * channels, block.end());
            block.resize(static_cast<std::size_t>(room * channels));
            return queues[meter].push(std::move(block)) && queues[1 - meter].push(std::move(rest));
        });
        for (auto& q : queues) q.close();
        for (auto& t : measurers) t.join();
        if (cancel) return cancelled;
        if (!read) return read.error();
        const std::vector<const LoudnessMeter*> pooled = {&meters[0], &meters[1]};
        m.figures.integratedLufs = LoudnessMeter::integratedOf(pooled);
        m.figures.loudnessRangeLu = LoudnessMeter::rangeOf(pooled);
        return m;
    };

    // The integrated loudness of `audio` once encoded with the export's settings and decoded
    // again (a hidden temporary file in the destination, removed).
    auto decodedLoudness = [&](std::span<const float> audio) -> Result<double> {
        TempFiles probeTemp;
        const auto path = probeTemp.make(plan.outDir / (plan.baseName + ".probe." + std::string(format.name)));
        EncoderOptions probeOptions;
        probeOptions.settings = plan.encode;
        probeOptions.settings.sampleRate = rate;
        auto encoder = AudioEncoder::open(path, probeOptions);
        if (!encoder) return encoder.error();
        auto decoder = PacketDecoder::open((*encoder)->codecParameters());
        if (!decoder) return decoder.error();
        auto after = LoudnessMeter::create((*decoder)->channels(), (*decoder)->sampleRate(), {false, false});
        if (!after) return after.error();
        Status decoded = ok();
        auto add = [&](std::span<const float> pcm) { after->add(pcm); };
        (*encoder)->setPacketTap([&](ff::Packet packet) {
            if (decoded) decoded = (*decoder)->decode(packet.get(), add);
        });
        Status w = (*encoder)->write(audio);
        if (w) w = (*encoder)->finish();
        if (!w) return w.error();
        if (decoded) decoded = (*decoder)->decode(nullptr, add);
        if (!decoded) return decoded.error();
        return after->figures().integratedLufs;
    };

    // Pass 1: the programme as it is.
    report(ExportProgress::Phase::Measuring, 0);
    auto first = measure(excerpt);
    if (!first) return first.error();
    result.before = first->figures;
    result.before.samplePeakDbfs = first->samplePeak > 0 ? 20 * std::log10(first->samplePeak) : -HUGE_VAL;
    const std::int64_t frames = first->frames;
    result.outputMs = frames * 1000 / rate;
    result.chapters = outputChapters(plan, prepared->introMs, result.outputMs);  // the real length
    if (!std::isfinite(result.before.integratedLufs))
        return Error{"is silent: there is no loudness to normalize", plan.input.string(),
                     "check the mix (muted tracks?) and the input files"};
    result.gainDb = plan.loudness.integratedLufs - result.before.integratedLufs;

    // The limiter takes a little loudness off where it works hard (speech with sharp peaks and a
    // big gain), and a lossy codec some more (LAME at 128 kb/s up to half an LU on bright or
    // sharp material). Both are learnt on the excerpts — the whole programme when it is short —
    // and the gain raised by what they take: still one constant gain for the whole file. The
    // decoded output is measured anyway, and an export that misses is encoded once more.
    const double ceiling = plan.loudness.truePeakDbtp - (format.lossy ? kLossyMarginDb : 0.0);
    auto needsLimiter = [&](double gainDb) {
        return result.before.samplePeakDbfs + gainDb + TruePeakLimiter::overshootBoundDb() > ceiling;
    };
    auto shape = [&](double gainDb, bool limit) {
        std::vector<float> out(excerpt);
        const float g = static_cast<float>(dbToGain(gainDb));
        for (float& v : out) v *= g;
        if (limit) {
            TruePeakLimiter limiter(channels, rate, ceiling);
            std::vector<float> limited;
            limiter.process(out, limited);
            limiter.flush(limited);
            out = std::move(limited);
        }
        return out;
    };
    auto loudnessOf = [&](std::span<const float> audio) -> Result<double> {
        auto m = LoudnessMeter::create(channels, rate, {false, false});
        if (!m) return m.error();
        m->add(audio);
        return m->figures().integratedLufs;
    };
    if (!excerpt.empty() && needsLimiter(result.gainDb)) {
        report(ExportProgress::Phase::Measuring, 0.12);
        auto plain = loudnessOf(excerpt);
        if (!plain) return plain.error();
        // Fixed point of gain = first gain + what the limiter takes at that gain.
        const double firstGain = result.gainDb;
        for (int step = 0; step < 3 && !cancel; ++step) {
            auto limited = loudnessOf(shape(result.gainDb, true));
            if (!limited) return limited.error();
            const double lost = *plain + result.gainDb - *limited;
            if (!std::isfinite(lost) || lost < 0 || lost > 6) break;
            const double next = firstGain + lost;
            const bool settled = std::fabs(next - result.gainDb) < 0.02;
            result.gainDb = next;
            if (settled) break;
        }
    }
    if (format.lossy && !excerpt.empty() && !cancel) {
        report(ExportProgress::Phase::Measuring, 0.15);
        const std::vector<float> shaped = shape(result.gainDb, needsLimiter(result.gainDb));
        const std::size_t probeSamples = static_cast<std::size_t>(kProbeMs * rate / 1000) * static_cast<std::size_t>(channels);
        const std::span<const float> probe(shaped.data(), std::min(shaped.size(), probeSamples));
        auto plain = loudnessOf(probe);
        if (!plain) return plain.error();
        auto decoded = decodedLoudness(probe);
        if (!decoded) return decoded.error();
        const double loss = *plain - *decoded;
        if (std::isfinite(loss) && loss > 0 && loss < 3) result.gainDb += loss;
    }
    excerpt.clear();
    excerpt.shrink_to_fit();

    // ---- pass 2: gain → limiter → encode (its own thread) → decode and measure (another) -----
    const std::filesystem::path dest = plan.outDir / (plan.baseName + "." + std::string(format.name));
    TempFiles temps;
    const std::filesystem::path temp = temps.make(dest);
    EncoderOptions options{plan.encode, plan.meta, result.chapters};
    options.settings.sampleRate = rate;

    auto encodePass = [&](double ceilingDbtp) -> Result<EncodePass> {
        EncodePass pass;
        const float gain = static_cast<float>(dbToGain(result.gainDb));
        auto encoder = AudioEncoder::open(temp, options);
        if (!encoder) return encoder.error();
        auto decoder = PacketDecoder::open((*encoder)->codecParameters());
        if (!decoder) return decoder.error();
        auto afterMeter = LoudnessMeter::create((*decoder)->channels(), (*decoder)->sampleRate(), {true, true});
        if (!afterMeter) return afterMeter.error();
        auto programme = Programme::open(plan, rate, channels);
        if (!programme) return programme.error();

        BlockQueue<std::vector<float>> toEncoder(16);
        BlockQueue<ff::Packet> toVerify(256);
        (*encoder)->setPacketTap([&](ff::Packet packet) { toVerify.push(std::move(packet)); });
        Status encodeStatus = ok(), verifyStatus = ok();  // each written by its own thread
        std::atomic<bool> encodeFailed{false};
        std::thread encoding([&] {
            while (auto block = toEncoder.pop()) {
                if (!encodeStatus) continue;  // drain so the producer never blocks
                encodeStatus = (*encoder)->write(*block);
                if (!encodeStatus) encodeFailed = true;
            }
            if (encodeStatus && !cancel) encodeStatus = (*encoder)->finish();
            toVerify.close();
        });
        std::thread verifying([&] {
            auto meterDecoded = [&](std::span<const float> pcm) { afterMeter->add(pcm); };
            while (auto packet = toVerify.pop())
                if (verifyStatus) verifyStatus = (*decoder)->decode(packet->get(), meterDecoded);
            if (verifyStatus) verifyStatus = (*decoder)->decode(nullptr, meterDecoded);
        });

        // The limiter runs only when the gained programme could pass the ceiling somewhere.
        std::optional<TruePeakLimiter> limiter;
        if (needsLimiter(result.gainDb) || ceilingDbtp < ceiling) limiter.emplace(channels, rate, ceilingDbtp);
        auto seen = [&](std::span<const float> block, std::int64_t at) {
            const std::int64_t done = at + static_cast<std::int64_t>(block.size()) / channels;
            if ((done / static_cast<std::int64_t>(kBlockFrames)) % 32 == 0)
                report(ExportProgress::Phase::Encoding,
                       0.2 + 0.77 * static_cast<double>(done) / std::max(1.0, static_cast<double>(frames)));
        };
        Status readStatus = pump(**programme, channels, gain, limiter ? &*limiter : nullptr, cancel, seen,
                                 [&](std::vector<float> block) { return !encodeFailed && toEncoder.push(std::move(block)); });
        if (limiter) {
            pass.limited = limiter->limitedFrames() > 0;
            pass.maxReductionDb = limiter->maxReductionDb();
        }
        toEncoder.close();
        encoding.join();
        verifying.join();
        if (cancel) return cancelled;
        if (!readStatus) return readStatus.error();
        if (!encodeStatus) return encodeStatus.error();
        if (!verifyStatus) return verifyStatus.error();
        pass.after = afterMeter->figures();
        return pass;
    };

    std::optional<ExportCheck> retryNote;
    auto pass = encodePass(ceiling);
    if (!pass) return pass.error();
    const double peakMiss = pass->after.truePeakDbtp - plan.loudness.truePeakDbtp;
    const double loudnessMiss = plan.loudness.integratedLufs - pass->after.integratedLufs;
    if (peakMiss > 0 || (std::isfinite(loudnessMiss) && std::fabs(loudnessMiss) > kRetryLoudnessLu)) {
        // The codec moved the peaks over the ceiling or the loudness off target: once more, with
        // the gain corrected by the loudness miss and the limiter lower by the peak miss.
        std::string why;
        double newCeiling = ceiling;
        if (peakMiss > 0) {
            newCeiling = ceiling - peakMiss - 0.1;
            why = "peaked at " + figure(pass->after.truePeakDbtp, "dBTP");
        }
        if (std::isfinite(loudnessMiss) && std::fabs(loudnessMiss) > kRetryLoudnessLu) {
            result.gainDb += loudnessMiss;
            why += (why.empty() ? "" : " and ") + std::string("measured ") + figure(pass->after.integratedLufs, "LUFS");
        }
        retryNote = ExportCheck{L::Ok, "Encoded twice", "the first encode " + why + " once decoded; encoded again with the gain at " +
                                                          figure(result.gainDb, "dB") + " and the limiter at " +
                                                          figure(newCeiling, "dBTP")};
        auto again = encodePass(newCeiling);
        if (!again) return again.error();
        pass = std::move(again);
    }
    result.after = pass->after;
    result.limited = pass->limited;
    result.maxReductionDb = pass->maxReductionDb;

    // ---- after: the file opened again, compared with what was intended ---------------------
    report(ExportProgress::Phase::Verifying, 0.97);
    auto probed = probeAudioFile(temp);
    if (!probed) return probed.error();
    std::vector<ExportCheck> after = compareWithIntended(*probed, options, result.outputMs);
    if (retryNote) after.insert(after.begin(), *retryNote);
    const double missLu = result.after.integratedLufs - plan.loudness.integratedLufs;
    const bool loudnessOk = std::isfinite(missLu) && std::fabs(missLu) <= kLoudnessToleranceLu;
    const std::string target = figure(plan.loudness.integratedLufs, "LUFS");
    after.push_back({loudnessOk ? L::Ok : L::Error, "Loudness after",
                     loudnessOk ? figure(result.after.integratedLufs, "LUFS") + " measured on the decoded file (target " + target + ")"
                                : "the decoded file measures " + figure(result.after.integratedLufs, "LUFS") + ", target " +
                                      target + " (more than 0.5 LU off)"});
    const bool peakOk = !(result.after.truePeakDbtp > plan.loudness.truePeakDbtp);
    const std::string ceilingText = figure(plan.loudness.truePeakDbtp, "dBTP");
    after.push_back({peakOk ? L::Ok : L::Error, "True peak after",
                     peakOk ? figure(result.after.truePeakDbtp, "dBTP") + " measured on the decoded file (ceiling " + ceilingText + ")"
                            : "the decoded file peaks at " + figure(result.after.truePeakDbtp, "dBTP") + ", over the " +
                                  ceilingText + " ceiling"});
    result.firstAfterCheck = result.checks.size();
    result.checks.insert(result.checks.end(), after.begin(), after.end());
    if (cancel) return cancelled;

    // ---- publish: the sidecars, then the audio renamed into place --------------------------
    std::optional<SessionSnapshot> session;
    if (plan.isSession)
        if (auto s = loadSessionSnapshot(plan.input)) session = std::move(*s);
    const std::vector<std::pair<std::string, std::string>> sidecars = {
        {plan.baseName + ".chapters.json", outputChaptersJson(result.chapters)},
        {plan.baseName + ".show-notes.md",
         showNotesMarkdown(plan, result.chapters, prepared->introMs, session ? &*session : nullptr)},
        {plan.baseName + ".persons.xml", podcastPersonXml(plan.meta)},
    };
    for (const auto& [name, text] : sidecars) {
        Status w = writeFileAtomically(plan.outDir / name, text, false);
        if (!w) return w.error();
        result.sidecars.push_back(plan.outDir / name);
    }
    std::filesystem::rename(temp, dest, ec);
    if (ec)
        return Error{"cannot move the finished file into place (" + ec.message() + ")", dest.string(),
                     "check the folder's permissions and free space"};
    temps.published(temp);
    result.audio = dest;
    report(ExportProgress::Phase::Finished, 1.0);
    return result;
}

ExportJob::ExportJob(ExportPlan plan, std::function<void()> wake) : m_wake(std::move(wake)) {
    m_worker = std::thread([this, plan = std::move(plan)] {
        auto onProgress = [this](const ExportProgress& p) {
            {
                std::lock_guard lock(m_mutex);
                m_progress = p;
            }
            if (m_wake) m_wake();
        };
        Result<ExportResult> r = runExport(plan, onProgress, m_cancel);
        {
            std::lock_guard lock(m_mutex);
            m_result = std::move(r);
            m_progress.phase = ExportProgress::Phase::Finished;
        }
        m_finished = true;
        if (m_wake) m_wake();
    });
}

ExportJob::~ExportJob() {
    m_cancel = true;
    if (m_worker.joinable()) m_worker.join();
}

ExportProgress ExportJob::progress() const {
    std::lock_guard lock(m_mutex);
    return m_progress;
}

bool ExportJob::finished() const { return m_finished; }

void ExportJob::cancel() { m_cancel = true; }

const Result<ExportResult>& ExportJob::result() const {
    std::lock_guard lock(m_mutex);
    return *m_result;
}

}  // namespace pycast::media
