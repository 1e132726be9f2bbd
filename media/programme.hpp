// The programme an export reads — intro, the kept regions of a session's mix or of an audio
// file, outro — as interleaved float at the export's rate and channels (one thread at a time:
// the export worker's).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <vector>

#include "core/error.hpp"
#include "live/export_plan.hpp"

namespace pycast::media {

class TruePeakLimiter;

inline constexpr std::size_t kProgrammeBlockFrames = 4096;  // frames per block pump() reads

class Programme {
public:
    virtual ~Programme() = default;
    // Opens the plan's input (a session: each take's tracks mixed with the plan's gain, pan —
    // constant power, −3 dB each side at centre — and mute at the recording's rate, resampled
    // with libswresample when `sampleRate` differs; a file: decoded by FFmpeg) and its intro and
    // outro. Cut audio is read and dropped — no seeking, so any input cuts on the exact frame.
    // Errors: an unreadable track, file, intro or outro (named), takes at different rates.
    static Result<std::unique_ptr<Programme>> open(const ExportPlan& plan, int sampleRate, int channels);
    // Interleaved frames into `out` (a whole number of frames); returns frames, 0 at the end.
    virtual Result<std::size_t> read(std::span<float> out) = 0;
};

// Reads `programme` to its end in blocks of kProgrammeBlockFrames: each is multiplied by `gain`
// (linear), shown to `seen` with its first frame's position, passed through `limiter` when there
// is one (flushed at the end), and handed to `sink`. Stops early when `stop` is set or `sink`
// returns false. Errors: the programme's read errors.
Status pump(Programme& programme, int channels, float gain, TruePeakLimiter* limiter,
            const std::atomic<bool>& stop, const std::function<void(std::span<const float>, std::int64_t)>& seen,
            const std::function<bool(std::vector<float>)>& sink);

}  // namespace pycast::media
