// A look-ahead true-peak limiter (one gain for all channels, lowered smoothly before a peak of
// the 4x oversampled signal over the ceiling, raised again after it, bit-exact where nothing is
// over) and the true-peak meter built on its detector. Each instance is used by one thread at a
// time (any thread).
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <span>
#include <vector>

namespace pycast::media {

class TruePeakLimiter {
public:
    static constexpr double kDefaultLookaheadMs = 2.0;  // the attack: long enough to be clean
    static constexpr double kDefaultReleaseMs = 80.0;   // one-pole release time constant

    // `ceilingDbtp` (e.g. −1.0); `lookaheadMs` is the attack time, the gain reaching each
    // peak's reduction over that span before the peak (≥ 0.1 ms, 2 ms is a good default);
    // `releaseMs` the time constant of the recovery after it. Channels 1…64, rate > 0.
    TruePeakLimiter(int channels, int sampleRate, double ceilingDbtp,
                    double lookaheadMs = kDefaultLookaheadMs, double releaseMs = kDefaultReleaseMs);

    // Appends to `out` the processed audio (interleaved float), delayed by latencyFrames():
    // the first call appends less than it is given, flush() appends the rest, so everything
    // appended equals the input in length. The detector (libebur128's interpolator) aims
    // 0.1 dB under the ceiling: ffmpeg's ebur128 filter oversamples otherwise and reads a few
    // hundredths differently. Where no sample and no point of the 4× oversampled signal passes
    // that, nor lies within the look-ahead before or the release after one that does, samples
    // pass unchanged (bit-exact): the gain moves nowhere else. A trailing partial frame is
    // ignored.
    void process(std::span<const float> in, std::vector<float>& out);
    // Appends what is still held back and ends the stream; the next process() starts a new one.
    void flush(std::vector<float>& out);

    std::int64_t latencyFrames() const { return m_latency; }
    std::int64_t limitedFrames() const { return m_limitedFrames; }  // frames whose gain was < 1
    double maxReductionDb() const;                                  // ≥ 0

    // How far a true peak can exceed the sample peak for this limiter's detector, dB: the
    // largest sum of |taps| of the interpolator's phases (+5.5 dB; only a full-scale pattern of
    // alternating signs near Nyquist gets there) plus the detector's 0.1 dB margin. When
    // samplePeak + gain + this stays under the ceiling, the limiter would leave every sample
    // unchanged and can be skipped.
    static double overshootBoundDb();

private:
    void push(const float* in, std::size_t frames, std::vector<float>& out);
    void detect(const float* in, std::size_t frames);          // lowers m_required for new frames
    void release(std::int64_t upTo, std::vector<float>& out);  // outputs frames < upTo
    void reset();

    int m_channels;
    double m_ceiling;        // linear, with the detector's safety margin taken off
    std::int64_t m_window;   // look-ahead frames W (the attack)
    std::int64_t m_latency;  // W + the interpolator's 12 taps − 2
    double m_releaseCoef;    // per frame

    // Frames [m_bufStart, m_received): input not yet output, and the gain each frame may have
    // at most (1 = free) as the detector found so far.
    std::vector<float> m_input;
    std::vector<float> m_required;
    std::int64_t m_bufStart = 0;
    std::int64_t m_received = 0;    // frames through the detector (real and flush padding)
    std::int64_t m_realFrames = 0;  // frames given to process() in this stream
    std::int64_t m_next = 0;        // the next frame to output

    std::vector<std::vector<float>> m_history;     // per channel: the last 11 samples (planar)
    std::vector<float> m_planar, m_phase, m_peak;  // detector scratch

    // Sliding minimum of m_required over [j, j + W − 1] (only values < 1 are queued), then
    // the average of the last W minima (the attack ramp), then the one-pole release.
    struct Entry {
        std::int64_t frame;
        float gain;
    };
    std::deque<Entry> m_minQueue;
    std::int64_t m_queued = 0;   // the next frame to offer to m_minQueue
    std::vector<double> m_ring;  // the last W minima
    std::size_t m_ringPos = 0;
    double m_ringSum = 0;
    std::int64_t m_ringBelowOne = 0;
    double m_gain = 1.0;  // after release

    std::int64_t m_limitedFrames = 0;
    double m_minGain = 1.0;
};

// The true peak (and sample peak) of a stream with the limiter's detector: 4× oversampled with
// the interpolator libebur128 uses, so it reads what libebur128's true peak reads (to float
// rounding) at a fraction of the cost — blocks that cannot beat the loudest point so far are
// skipped, the rest run vectorized. Always 4× (libebur128 oversamples 2× at 96 kHz and not
// at all from 192 kHz). LoudnessMeter uses it. One thread at a time.
class TruePeakMeter {
public:
    explicit TruePeakMeter(int channels);
    // Interleaved float, ±1.0 full scale; a trailing partial frame is ignored.
    void add(std::span<const float> interleaved);
    double truePeak() const { return m_truePeak; }      // linear, max over channels, ≥ samplePeak
    double samplePeak() const { return m_samplePeak; }  // linear

private:
    int m_channels;
    std::vector<std::vector<float>> m_history;  // per channel: the last 11 samples
    std::vector<float> m_planar, m_phase, m_peak;
    float m_truePeak = 0, m_samplePeak = 0;
};

}  // namespace pycast::media
