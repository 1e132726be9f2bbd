// TruePeakLimiter: 4× polyphase detector, sliding minimum, linear attack, one-pole release
// (the caller's thread).
#include "media/limiter.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numbers>

namespace pycast::media {

namespace {

constexpr int kTaps = 12;   // per phase
constexpr int kPhases = 4;  // 4× oversampling

// The interpolator: BS.1770-4 Annex 2's structure (order 48, four phases of 12 taps) with the
// coefficients libebur128 uses for its own true peak — a Hann-windowed sinc, cut off at the
// input's Nyquist frequency. The Annex's printed filter rolls off from about 16 kHz at 48 kHz
// and reads noise near Nyquist up to 0.4 dB under libebur128 and ffmpeg; with libebur128's
// filter the limiter and the meter that verifies the export see the same peaks.
struct Interpolator {
    float phase[kPhases][kTaps] = {};
    Interpolator() {
        constexpr int prototype = kPhases * kTaps + 1;  // 49 taps, symmetric around 24
        for (int j = 0; j < prototype; ++j) {
            const double m = j - (prototype - 1) / 2.0;
            double c = 1.0;
            if (std::fabs(m) > 1e-9)
                c = std::sin(m * std::numbers::pi / kPhases) / (m * std::numbers::pi / kPhases);
            c *= 0.5 * (1.0 - std::cos(2.0 * std::numbers::pi * j / (prototype - 1)));
            if (j / kPhases < kTaps) phase[j % kPhases][j / kPhases] = static_cast<float>(c);
        }
    }
};
const Interpolator& interpolator() {
    static const Interpolator instance;
    return instance;
}
constexpr int kHistory = kTaps - 1;
// The detector aims this far under the ceiling: ffmpeg's ebur128 filter oversamples with
// libswresample and reads a few hundredths of a dB differently.
constexpr double kMarginDb = 0.1;
constexpr std::size_t kBlock = 4096;   // frames per detector pass
constexpr std::size_t kStretch = 256;  // frames the filter runs on or skips at once

double overshootLinear() {
    double worst = 0;
    for (const auto& phase : interpolator().phase) {
        double sum = 0;
        for (float h : phase) sum += std::fabs(static_cast<double>(h));
        worst = std::max(worst, sum);
    }
    return std::max(worst, 1.0);
}

// For samples x[kHistory + from, kHistory + to) (x holds kHistory samples of history before
// them): peak[i] = max(peak[i], |each interpolated point between x[i − 7] and x[i − 6]|).
// Phase 0 is the sample x[i − 6] itself and is left to the caller's sample peak. Loops over
// i innermost so the compiler vectorizes them.
void interpolatedPeaks(const float* x, std::size_t from, std::size_t to, float* scratch,
                       float* peak) {
    const auto& phases = interpolator().phase;
    for (int p = 1; p < kPhases; ++p) {
        const float* h = phases[p];
        std::fill(scratch + from, scratch + to, 0.0f);
        for (int k = 0; k < kTaps; ++k) {
            const float hk = h[k];
            const float* src = x + kHistory - k;
            for (std::size_t i = from; i < to; ++i) scratch[i] += hk * src[i];
        }
        for (std::size_t i = from; i < to; ++i) peak[i] = std::max(peak[i], std::fabs(scratch[i]));
    }
}

}  // namespace

double TruePeakLimiter::overshootBoundDb() {
    return 20.0 * std::log10(overshootLinear()) + kMarginDb;
}

TruePeakLimiter::TruePeakLimiter(int channels, int sampleRate, double ceilingDbtp,
                                 double lookaheadMs, double releaseMs)
    : m_channels(std::clamp(channels, 1, 64)),
      m_ceiling(std::pow(10.0, (ceilingDbtp - kMarginDb) / 20.0)),
      m_window(std::max<std::int64_t>(
          1, std::llround(std::max(lookaheadMs, 0.1) * std::max(sampleRate, 1) / 1000.0))),
      m_latency(m_window + kTaps - 2),
      m_releaseCoef(std::exp(-1000.0 / (std::max(releaseMs, 1.0) * std::max(sampleRate, 1)))) {
    m_history.assign(static_cast<std::size_t>(m_channels), std::vector<float>(kHistory, 0.0f));
    m_ring.assign(static_cast<std::size_t>(m_window), 1.0);
    m_ringSum = static_cast<double>(m_window);
}

double TruePeakLimiter::maxReductionDb() const {
    return m_minGain < 1.0 ? -20.0 * std::log10(m_minGain) : 0.0;
}

void TruePeakLimiter::reset() {
    m_input.clear();
    m_required.clear();
    m_bufStart = m_received = m_realFrames = m_next = 0;
    for (auto& h : m_history) std::fill(h.begin(), h.end(), 0.0f);
    m_minQueue.clear();
    m_queued = 0;
    std::fill(m_ring.begin(), m_ring.end(), 1.0);
    m_ringPos = 0;
    m_ringSum = static_cast<double>(m_window);
    m_ringBelowOne = 0;
    m_gain = 1.0;
}

void TruePeakLimiter::process(std::span<const float> in, std::vector<float>& out) {
    const auto ch = static_cast<std::size_t>(m_channels);
    const std::size_t frames = in.size() / ch;
    for (std::size_t done = 0; done < frames;) {
        const std::size_t n = std::min(kBlock, frames - done);
        m_realFrames += static_cast<std::int64_t>(n);
        push(in.data() + done * ch, n, out);
        done += n;
    }
}

void TruePeakLimiter::flush(std::vector<float>& out) {
    // Silence after the end lets the detector see the last samples' ringing and the gain
    // settle; only real frames are output.
    const std::vector<float> silence(
        static_cast<std::size_t>(m_latency) * static_cast<std::size_t>(m_channels), 0.0f);
    push(silence.data(), static_cast<std::size_t>(m_latency), out);
    reset();
}

void TruePeakLimiter::push(const float* in, std::size_t frames, std::vector<float>& out) {
    const auto ch = static_cast<std::size_t>(m_channels);
    m_input.insert(m_input.end(), in, in + frames * ch);
    m_required.insert(m_required.end(), frames, 1.0f);
    detect(in, frames);
    m_received += static_cast<std::int64_t>(frames);
    // Frame j is final once the detector has seen j + W − 1 + 11.
    release(std::min(m_realFrames, m_received - m_latency), out);
    // Drop what was output.
    const auto drop = static_cast<std::size_t>(m_next - m_bufStart);
    if (drop > 0) {
        m_input.erase(m_input.begin(), m_input.begin() + static_cast<std::ptrdiff_t>(drop * ch));
        m_required.erase(m_required.begin(),
                         m_required.begin() + static_cast<std::ptrdiff_t>(drop));
        m_bufStart = m_next;
    }
}

void TruePeakLimiter::detect(const float* in, std::size_t frames) {
    const auto ch = static_cast<std::size_t>(m_channels);
    const std::size_t span = kHistory + frames;
    m_planar.resize(span);
    m_phase.resize(frames);
    m_peak.assign(frames, 0.0f);
    bool anyOver = false;
    const auto threshold = static_cast<float>(m_ceiling / overshootLinear());
    for (std::size_t c = 0; c < ch; ++c) {
        std::vector<float>& hist = m_history[c];
        float* x = m_planar.data();
        std::memcpy(x, hist.data(), kHistory * sizeof(float));
        float samplePeak = 0;
        for (std::size_t i = 0; i < kHistory; ++i)
            samplePeak = std::max(samplePeak, std::fabs(x[i]));
        for (std::size_t i = 0; i < frames; ++i) {
            x[kHistory + i] = in[i * ch + c];
            samplePeak = std::max(samplePeak, std::fabs(x[kHistory + i]));
        }
        std::memcpy(hist.data(), x + frames, kHistory * sizeof(float));
        // No interpolated value can pass the ceiling when every sample it is made of is under
        // ceiling / Σ|taps|: most of a programme costs one pass of fabs, and the filter runs
        // only on the 256-frame stretches around loud samples.
        if (samplePeak <= threshold) continue;
        float* peak = m_peak.data();
        for (std::size_t from = 0; from < frames; from += kStretch) {
            const std::size_t to = std::min(frames, from + kStretch);
            float loudest = 0;
            for (std::size_t i = from; i < to + kHistory; ++i)
                loudest = std::max(loudest, std::fabs(x[i]));
            if (loudest <= threshold) continue;
            anyOver = true;
            for (std::size_t i = from; i < to; ++i)
                peak[i] = std::max(peak[i], std::fabs(x[kHistory + i]));
            interpolatedPeaks(x, from, to, m_phase.data(), peak);
        }
    }
    if (!anyOver) return;
    // A peak found at detector position n is made of samples n − 11 … n: all of them get at
    // most ceiling / peak, so the interpolated peak scales by no more than that.
    const auto ceiling = static_cast<float>(m_ceiling);
    for (std::size_t i = 0; i < frames; ++i) {
        if (m_peak[i] <= ceiling) continue;
        const float g = ceiling / m_peak[i];
        const std::int64_t n = m_received + static_cast<std::int64_t>(i);
        const std::int64_t from = std::max({n - kHistory, m_bufStart, m_next});
        for (std::int64_t j = from; j <= n; ++j) {
            float& r = m_required[static_cast<std::size_t>(j - m_bufStart)];
            r = std::min(r, g);
        }
    }
}

void TruePeakLimiter::release(std::int64_t upTo, std::vector<float>& out) {
    if (upTo <= m_next) return;
    const auto ch = static_cast<std::size_t>(m_channels);
    const std::size_t begin = out.size();
    out.resize(begin + static_cast<std::size_t>(upTo - m_next) * ch);
    float* dst = out.data() + begin;
    const std::int64_t lastKnown = m_received - 1;
    while (m_next < upTo) {
        // Idle: no reduction pending anywhere in reach — copy until the next required one.
        if (m_gain == 1.0 && m_ringBelowOne == 0 && m_minQueue.empty()) {
            std::int64_t k = m_queued;  // frames before it were offered: all free
            while (k <= lastKnown && m_required[static_cast<std::size_t>(k - m_bufStart)] >= 1.0f)
                ++k;
            // Frames j with j + W − 1 < k see no reduction.
            const std::int64_t runEnd = std::min(upTo, k - m_window + 1);
            if (runEnd > m_next) {
                const auto n = static_cast<std::size_t>(runEnd - m_next);
                std::memcpy(dst,
                            m_input.data() + static_cast<std::size_t>(m_next - m_bufStart) * ch,
                            n * ch * sizeof(float));
                dst += n * ch;
                m_next = runEnd;
                m_queued = std::max(m_queued, runEnd + m_window - 1);
                continue;
            }
        }
        const std::int64_t j = m_next;
        for (; m_queued <= j + m_window - 1; ++m_queued) {
            const float r = m_required[static_cast<std::size_t>(m_queued - m_bufStart)];
            if (r >= 1.0f) continue;
            while (!m_minQueue.empty() && m_minQueue.back().gain >= r) m_minQueue.pop_back();
            m_minQueue.push_back({m_queued, r});
        }
        while (!m_minQueue.empty() && m_minQueue.front().frame < j) m_minQueue.pop_front();
        const double minimum = m_minQueue.empty() ? 1.0 : m_minQueue.front().gain;
        // The average of the last W minima: reaches each minimum exactly when its frames come,
        // never above any frame's own requirement.
        double& slot = m_ring[m_ringPos];
        m_ringBelowOne += (minimum < 1.0) - (slot < 1.0);
        m_ringSum += minimum - slot;
        slot = minimum;
        m_ringPos = (m_ringPos + 1) % m_ring.size();
        double target = 1.0;
        if (m_ringBelowOne > 0) {
            target = std::min(1.0, m_ringSum / static_cast<double>(m_window));
            // The first W frames of a stream have no past to spread the attack over: a peak
            // there gets its reduction at once.
            if (j < m_window - 1) target = std::min(target, minimum);
        } else {
            m_ringSum = static_cast<double>(m_window);  // no drift carried into the next peak
        }
        if (target <= m_gain) {
            m_gain = target;
        } else {
            m_gain = target - (target - m_gain) * m_releaseCoef;
            if (target - m_gain < 1e-6) m_gain = target;  // back to exactly 1 after a peak
        }
        const float* src = m_input.data() + static_cast<std::size_t>(j - m_bufStart) * ch;
        if (m_gain < 1.0) {
            const auto g = static_cast<float>(m_gain);
            for (std::size_t c = 0; c < ch; ++c) dst[c] = src[c] * g;
            ++m_limitedFrames;
            m_minGain = std::min(m_minGain, m_gain);
        } else {
            std::memcpy(dst, src, ch * sizeof(float));
        }
        dst += ch;
        ++m_next;
    }
}

TruePeakMeter::TruePeakMeter(int channels)
    : m_channels(std::clamp(channels, 1, 64)),
      m_history(static_cast<std::size_t>(m_channels), std::vector<float>(kHistory, 0.0f)) {}

void TruePeakMeter::add(std::span<const float> interleaved) {
    const auto ch = static_cast<std::size_t>(m_channels);
    const std::size_t frames = interleaved.size() / ch;
    const auto bound = static_cast<float>(overshootLinear());
    for (std::size_t done = 0; done < frames;) {
        const std::size_t n = std::min(kBlock, frames - done);
        const float* in = interleaved.data() + done * ch;
        m_planar.resize(kHistory + n);
        m_phase.resize(n);
        m_peak.resize(n);
        for (std::size_t c = 0; c < ch; ++c) {
            float* x = m_planar.data();
            std::memcpy(x, m_history[c].data(), kHistory * sizeof(float));
            float samplePeak = 0, withHistory = 0;
            for (std::size_t i = 0; i < kHistory; ++i)
                withHistory = std::max(withHistory, std::fabs(x[i]));
            for (std::size_t i = 0; i < n; ++i) {
                x[kHistory + i] = in[i * ch + c];
                samplePeak = std::max(samplePeak, std::fabs(x[kHistory + i]));
            }
            std::memcpy(m_history[c].data(), x + n, kHistory * sizeof(float));
            m_samplePeak = std::max(m_samplePeak, samplePeak);
            m_truePeak = std::max(m_truePeak, samplePeak);
            // A block whose samples cannot interpolate past the loudest point so far changes
            // nothing: after the first loud passage most blocks cost one pass of fabs.
            if (std::max(samplePeak, withHistory) * bound <= m_truePeak) continue;
            std::fill(m_peak.begin(), m_peak.end(), 0.0f);
            interpolatedPeaks(x, 0, n, m_phase.data(), m_peak.data());
            for (std::size_t i = 0; i < n; ++i) m_truePeak = std::max(m_truePeak, m_peak[i]);
        }
        done += n;
    }
}

}  // namespace pycast::media
