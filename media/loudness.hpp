// Loudness measurement per ITU-R BS.1770-4 / EBU Tech 3341–3342 through libebur128: a meter fed
// interleaved float audio, and one file measured whole. A meter is used by one thread at a time.
#pragma once

#include <ebur128.h>  // ebur128_state is an anonymous struct: it cannot be forward-declared

#include <cmath>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <span>
#include <vector>

#include "core/error.hpp"

namespace pycast::media {

// A level change in dB as a linear factor (+6.02 dB → 2).
inline double dbToGain(double db) { return std::pow(10.0, db / 20.0); }

// Loudness as measured (ITU-R BS.1770-4 / EBU Tech 3341–3342 via libebur128).
struct LoudnessFigures {
    double integratedLufs = 0;   // LUFS (−inf for silence: -HUGE_VAL)
    double loudnessRangeLu = 0;  // LU (EBU Tech 3342)
    double truePeakDbtp = 0;     // dBTP (4× oversampled, BS.1770 Annex 2)
    double samplePeakDbfs = 0;   // dBFS
};

class TruePeakMeter;

// One programme's loudness. Channels are weighted as BS.1770 says: 1 → one front channel
// (weight 1, not the dual-mono 2×), 2 → L R, 5 → L R C Ls Rs, 6 → L R C LFE Ls Rs (LFE left
// out); other counts as libebur128's default map. Move-only.
class LoudnessMeter {
public:
    struct Modes {
        // 4× oversampled true peak, read as libebur128 reads it but by TruePeakMeter
        // (media/limiter.hpp), several times faster than libebur128's own.
        bool truePeak = true;
        bool range = true;  // loudness range (EBU Tech 3342)
    };
    // Any thread; creations are serialized (libebur128's init rewrites constants all states
    // share, so create the meters before their threads start feeding them).
    // Errors: a channel count outside 1…64, a sample rate outside 8 kHz…384 kHz, libebur128
    // unable to allocate.
    static Result<LoudnessMeter> create(int channels, int sampleRate, Modes modes);
    static Result<LoudnessMeter> create(int channels, int sampleRate) {
        return create(channels, sampleRate, Modes{});
    }

    LoudnessMeter(LoudnessMeter&&) noexcept;
    LoudnessMeter& operator=(LoudnessMeter&&) noexcept;
    ~LoudnessMeter();

    int channels() const { return m_channels; }
    int sampleRate() const { return m_sampleRate; }

    // Interleaved float, full scale ±1.0; a trailing partial frame is ignored.
    void add(std::span<const float> interleaved);

    // Integrated LUFS, LRA LU, true peak dBTP, sample peak dBFS so far. −HUGE_VAL for the
    // integrated loudness when nothing passed the gates (silence, < 400 ms) and for peaks of
    // pure silence; the loudness range is 0 when too little audio was measured; true peak or
    // range not measured (Modes off) are NaN.
    LoudnessFigures figures() const;
    // The last 400 ms (momentary) and 3 s (short-term) windows, LUFS (−HUGE_VAL for silence).
    double momentaryLufs() const;
    double shortTermLufs() const;

    // Integrated loudness of several meters' audio taken together (gating over all of their
    // blocks), LUFS: a programme measured in pieces, on several threads, gives the whole's
    // figure. Meters must share channel count and rate, and none may be fed meanwhile; an empty
    // list gives −HUGE_VAL.
    static double integratedOf(const std::vector<const LoudnessMeter*>& meters);
    // Loudness range (EBU Tech 3342) of several meters' audio taken together
    // (ebur128_loudness_range_multiple); NaN when none measures range. Same rules as integratedOf.
    static double rangeOf(const std::vector<const LoudnessMeter*>& meters);

private:
    struct StateDeleter {
        void operator()(ebur128_state* state) const;
    };
    LoudnessMeter(std::unique_ptr<ebur128_state, StateDeleter> state, int channels, int sampleRate,
                  Modes modes);

    std::unique_ptr<ebur128_state, StateDeleter> m_state;
    std::unique_ptr<TruePeakMeter> m_truePeak;  // null when Modes::truePeak is off
    int m_channels = 0;
    int m_sampleRate = 0;
    Modes m_modes;
};

// Decodes the whole file at its own rate and channel count and measures it (true peak and
// range on). Errors: those of AudioFileReader::open and read.
Result<LoudnessFigures> measureFile(const std::filesystem::path& path);

}  // namespace pycast::media
