// The programme an export reads: intro, the kept regions of a session's mix or of an audio file,
// outro (the export worker's thread; one reader per thread).
#include "media/programme.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "io/wav_file.hpp"
#include "live/session.hpp"
#include "media/audio_file.hpp"
#include "media/ffmpeg.hpp"
#include "media/limiter.hpp"
#include "media/loudness.hpp"

namespace pycast::media {

namespace {

// ---- the programme: intro, the kept regions of the source, outro -------------------------

// The source as interleaved float at the output's rate and channels, from frame 0 of its
// timeline. A session: each take's tracks mixed (gain, pan, mute) at the recording's rate, then
// resampled when the export's rate differs. A file: decoded by FFmpeg.
class SourceReader {
public:
    virtual ~SourceReader() = default;
    virtual Result<std::size_t> read(std::span<float> out) = 0;  // frames; 0 at the end
};

class FileSource final : public SourceReader {
public:
    explicit FileSource(std::unique_ptr<AudioFileReader> reader) : m_reader(std::move(reader)) {}
    Result<std::size_t> read(std::span<float> out) override { return m_reader->read(out); }

private:
    std::unique_ptr<AudioFileReader> m_reader;
};

class SessionSource final : public SourceReader {
public:
    static Result<std::unique_ptr<SessionSource>> open(const ExportPlan& plan, const RecordingLog& log,
                                                       int outRate, int outChannels) {
        auto s = std::unique_ptr<SessionSource>(new SessionSource());
        s->m_channels = outChannels;
        s->m_rate = log.takes.front().sampleRate;
        for (const RecordingTake& t : log.takes)
            if (t.sampleRate != s->m_rate)
                return Error{"its takes were recorded at different sample rates (" + std::to_string(s->m_rate) +
                                 " and " + std::to_string(t.sampleRate) + " Hz)",
                             plan.input.string(), "export each take's files on their own"};
        // Per-track gains: constant-power pan (−3 dB each side at centre), mute as 0.
        for (const TrackMix& m : plan.tracks) {
            const double g = m.muted ? 0.0 : dbToGain(m.gainDb);
            const double angle = (std::clamp(m.pan, -1.0, 1.0) + 1.0) * M_PI / 4.0;
            s->m_gains.push_back(outChannels == 1 ? std::array<float, 2>{static_cast<float>(g), 0.f}
                                                  : std::array<float, 2>{static_cast<float>(g * std::cos(angle)),
                                                                         static_cast<float>(g * std::sin(angle))});
        }
        for (const RecordingTake& t : log.takes) {
            Take take;
            take.start = t.startSample.value;
            for (std::size_t i = 0; i < t.tracks.size() && i < plan.tracks.size(); ++i) {
                auto r = WavReader::open(plan.input / t.tracks[i].file);
                if (!r) return r.error();
                take.frames = std::max<std::int64_t>(take.frames, static_cast<std::int64_t>(r->info().frames()));
                take.readers.push_back(std::make_unique<WavReader>(std::move(*r)));
            }
            if (t.frames) take.frames = std::min(take.frames, *t.frames);
            s->m_takes.push_back(std::move(take));
        }
        if (outRate != s->m_rate) {
            AVChannelLayout layout;
            av_channel_layout_default(&layout, outChannels);
            SwrContext* swr = nullptr;
            int rc = swr_alloc_set_opts2(&swr, &layout, AV_SAMPLE_FMT_FLT, outRate, &layout, AV_SAMPLE_FMT_FLT,
                                         s->m_rate, 0, nullptr);
            if (rc >= 0) rc = swr_init(swr);
            s->m_swr.reset(swr);
            if (rc < 0) return ff::error(rc, "cannot set up the resampler", plan.input.string());
        }
        return s;
    }

    Result<std::size_t> read(std::span<float> out) override {
        const std::size_t want = out.size() / static_cast<std::size_t>(m_channels);
        if (!m_swr) return mix(out.data(), want);
        // Resampled: mix a block at the recording's rate, then convert.
        while (true) {
            const int ready = static_cast<int>(want);
            const std::size_t mixFrames = m_ended ? 0 : want;
            m_mixed.resize(mixFrames * static_cast<std::size_t>(m_channels));
            std::size_t got = 0;
            if (mixFrames > 0) {
                auto r = mix(m_mixed.data(), mixFrames);
                if (!r) return r.error();
                got = *r;
                if (got == 0) m_ended = true;
            }
            const std::uint8_t* in[1] = {reinterpret_cast<const std::uint8_t*>(m_mixed.data())};
            std::uint8_t* o[1] = {reinterpret_cast<std::uint8_t*>(out.data())};
            const int n = swr_convert(m_swr.get(), o, ready, got > 0 ? in : nullptr, static_cast<int>(got));
            if (n < 0) return ff::error(n, "cannot resample the mix", "export");
            if (n > 0 || m_ended) return static_cast<std::size_t>(n);
        }
    }

private:
    struct Take {
        std::int64_t start = 0;   // timeline frame of its first frame
        std::int64_t frames = 0;
        std::vector<std::unique_ptr<WavReader>> readers;
        std::int64_t readAt = 0;  // frames read so far
    };
    SessionSource() = default;

    // `frames` frames of the mix at the recording's rate from the timeline position on. Gaps
    // between takes (none by construction) and tracks missing in a take are silence.
    Result<std::size_t> mix(float* out, std::size_t frames) {
        const std::size_t ch = static_cast<std::size_t>(m_channels);
        std::fill(out, out + frames * ch, 0.f);
        std::size_t done = 0;
        while (done < frames && m_take < m_takes.size()) {
            Take& t = m_takes[m_take];
            const std::int64_t left = t.frames - t.readAt;
            if (left <= 0) {
                ++m_take;
                continue;
            }
            const std::size_t n = std::min<std::size_t>(frames - done, static_cast<std::size_t>(left));
            for (std::size_t i = 0; i < t.readers.size(); ++i) {
                m_track.assign(n, 0.f);
                auto got = t.readers[i]->read(m_track);
                if (!got) return got.error();
                const auto g = m_gains[i];
                float* o = out + done * ch;
                if (ch == 1) {
                    for (std::size_t f = 0; f < *got; ++f) o[f] += g[0] * m_track[f];
                } else {
                    for (std::size_t f = 0; f < *got; ++f) {
                        o[2 * f] += g[0] * m_track[f];
                        o[2 * f + 1] += g[1] * m_track[f];
                    }
                }
            }
            t.readAt += static_cast<std::int64_t>(n);
            done += n;
        }
        return done;
    }

    int m_channels = 2;
    int m_rate = 48000;
    std::vector<std::array<float, 2>> m_gains;
    std::vector<Take> m_takes;
    std::size_t m_take = 0;
    std::vector<float> m_track, m_mixed;
    ff::Resampler m_swr;
    bool m_ended = false;
};

// Intro + the kept regions of the source + outro, read in order, sequentially (cut audio is
// read and dropped: no seeking, so any input works and cuts land on the exact frame).
class ProgrammeReader final : public Programme {
public:
    static Result<std::unique_ptr<Programme>> open(const ExportPlan& plan, int rate, int channels) {
        auto p = std::unique_ptr<ProgrammeReader>(new ProgrammeReader());
        p->m_rate = rate;
        p->m_channels = channels;
        if (!plan.intro.empty()) {
            auto r = AudioFileReader::open(plan.intro, rate, channels);
            if (!r) return r.error();
            p->m_intro = std::move(*r);
        }
        if (!plan.outro.empty()) {
            auto r = AudioFileReader::open(plan.outro, rate, channels);
            if (!r) return r.error();
            p->m_outro = std::move(*r);
        }
        if (plan.isSession) {
            auto snapshot = loadSessionSnapshot(plan.input);
            if (!snapshot) return snapshot.error();
            if (snapshot->recording.takes.empty())
                return Error{"has no recording to export", plan.input.string(), "record the session first"};
            auto s = SessionSource::open(plan, snapshot->recording, rate, channels);
            if (!s) return s.error();
            p->m_source = std::move(*s);
        } else {
            auto r = AudioFileReader::open(plan.input, rate, channels);
            if (!r) return r.error();
            p->m_source = std::make_unique<FileSource>(std::move(*r));
        }
        // Kept regions in frames at the output rate.
        for (const KeptRegion& k : keptRegions(plan))
            p->m_kept.push_back({k.startMs * rate / 1000, k.endMs * rate / 1000});
        return std::unique_ptr<Programme>(std::move(p));
    }

    Result<std::size_t> read(std::span<float> out) override {
        const std::size_t ch = static_cast<std::size_t>(m_channels);
        while (true) {
            if (m_stage == 0) {
                if (m_intro) {
                    auto r = m_intro->read(out);
                    if (!r) return r.error();
                    if (*r > 0) return r;
                }
                m_stage = 1;
            }
            if (m_stage == 1) {
                if (m_region >= m_kept.size()) {
                    m_stage = 2;
                    continue;
                }
                // Read the source; keep what falls in the current kept region.
                m_buffer.resize(out.size());
                auto r = m_source->read(m_buffer);
                if (!r) return r.error();
                if (*r == 0) {
                    m_stage = 2;
                    continue;
                }
                const std::int64_t from = m_at, to = m_at + static_cast<std::int64_t>(*r);
                m_at = to;
                std::size_t written = 0;
                for (std::size_t k = m_region; k < m_kept.size(); ++k) {
                    const auto [ks, ke] = m_kept[k];
                    if (ke <= from) {
                        if (k == m_region) ++m_region;
                        continue;
                    }
                    if (ks >= to) break;
                    const std::int64_t s = std::max(ks, from), e = std::min(ke, to);
                    std::copy(m_buffer.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(s - from) * ch),
                              m_buffer.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(e - from) * ch),
                              out.begin() + static_cast<std::ptrdiff_t>(written * ch));
                    written += static_cast<std::size_t>(e - s);
                }
                while (m_region < m_kept.size() && m_kept[m_region].second <= m_at) ++m_region;
                if (written > 0) return written;
                continue;
            }
            if (m_stage == 2) {
                if (m_outro) {
                    auto r = m_outro->read(out);
                    if (!r) return r.error();
                    if (*r > 0) return r;
                }
                m_stage = 3;
            }
            return std::size_t{0};
        }
    }

private:
    ProgrammeReader() = default;
    int m_rate = 48000, m_channels = 2;
    std::unique_ptr<AudioFileReader> m_intro, m_outro;
    std::unique_ptr<SourceReader> m_source;
    std::vector<std::pair<std::int64_t, std::int64_t>> m_kept;
    std::size_t m_region = 0;
    std::int64_t m_at = 0;  // source frames read
    int m_stage = 0;        // 0 intro, 1 source, 2 outro, 3 end
    std::vector<float> m_buffer;
};

}  // namespace

Result<std::unique_ptr<Programme>> Programme::open(const ExportPlan& plan, int sampleRate, int channels) {
    return ProgrammeReader::open(plan, sampleRate, channels);
}

Status pump(Programme& programme, int channels, float gain, TruePeakLimiter* limiter,
            const std::atomic<bool>& stop, const std::function<void(std::span<const float>, std::int64_t)>& seen,
            const std::function<bool(std::vector<float>)>& sink) {
    std::vector<float> block;
    std::int64_t at = 0;
    while (!stop) {
        block.resize(kProgrammeBlockFrames * static_cast<std::size_t>(channels));
        auto n = programme.read(block);
        if (!n) return n.error();
        if (*n == 0) break;
        block.resize(*n * static_cast<std::size_t>(channels));
        if (gain != 1.0f)
            for (float& v : block) v *= gain;
        seen(block, at);
        at += static_cast<std::int64_t>(*n);
        std::vector<float> out;
        if (limiter) limiter->process(block, out);
        else out = block;
        if (!out.empty() && !sink(std::move(out))) return ok();
    }
    if (limiter && !stop) {
        std::vector<float> out;
        limiter->flush(out);
        if (!out.empty()) sink(std::move(out));
    }
    return ok();
}


}  // namespace pycast::media
