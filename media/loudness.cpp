// LoudnessMeter over libebur128, and a whole file measured (the caller's thread).
#include "media/loudness.hpp"

#include <ebur128.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <mutex>

#include "media/audio_file.hpp"
#include "media/limiter.hpp"

namespace pycast::media {

namespace {

double toDb(double linear) { return linear > 0 ? 20.0 * std::log10(linear) : -HUGE_VAL; }

}  // namespace

void LoudnessMeter::StateDeleter::operator()(ebur128_state* state) const {
    ebur128_destroy(&state);
}

LoudnessMeter::LoudnessMeter(std::unique_ptr<ebur128_state, StateDeleter> state, int channels,
                             int sampleRate, Modes modes)
    : m_state(std::move(state)),
      m_truePeak(modes.truePeak ? std::make_unique<TruePeakMeter>(channels) : nullptr),
      m_channels(channels),
      m_sampleRate(sampleRate),
      m_modes(modes) {}
LoudnessMeter::LoudnessMeter(LoudnessMeter&&) noexcept = default;
LoudnessMeter& LoudnessMeter::operator=(LoudnessMeter&&) noexcept = default;
LoudnessMeter::~LoudnessMeter() = default;

Result<LoudnessMeter> LoudnessMeter::create(int channels, int sampleRate, Modes modes) {
    if (channels < 1 || channels > 64)
        return Error{"cannot measure " + std::to_string(channels) + " channels", "loudness meter",
                     "give 1–64 channels"};
    if (sampleRate < 8000 || sampleRate > 384000)
        return Error{"cannot measure at " + std::to_string(sampleRate) + " Hz", "loudness meter",
                     "give a sample rate of 8–384 kHz"};
    // Without EBUR128_MODE_HISTOGRAM: its bins read up to 0.04 LU off, and keeping every block
    // costs about 1 MB per hour.
    int mode = EBUR128_MODE_I | EBUR128_MODE_S | EBUR128_MODE_SAMPLE_PEAK;
    if (modes.range) mode |= EBUR128_MODE_LRA;
    // ebur128_init rewrites constants shared by every state (the gate factors): one at a time.
    static std::mutex initMutex;
    std::unique_lock lock(initMutex);
    std::unique_ptr<ebur128_state, StateDeleter> state(ebur128_init(
        static_cast<unsigned>(channels), static_cast<unsigned long>(sampleRate), mode));
    lock.unlock();
    if (!state) return Error{"libebur128 could not start (out of memory)", "loudness meter", ""};
    // libebur128's default map reads channel 3 as LFE; 5 channels are L R C Ls Rs (EBU Tech
    // 3341 case 6). One channel is one front channel, as BS.1770 weighs it.
    if (channels == 5) {
        ebur128_set_channel(state.get(), 3, EBUR128_LEFT_SURROUND);
        ebur128_set_channel(state.get(), 4, EBUR128_RIGHT_SURROUND);
    } else if (channels == 1) {
        ebur128_set_channel(state.get(), 0, EBUR128_LEFT);
    }
    return LoudnessMeter(std::move(state), channels, sampleRate, modes);
}

void LoudnessMeter::add(std::span<const float> interleaved) {
    const std::size_t frames = interleaved.size() / static_cast<std::size_t>(m_channels);
    if (frames == 0) return;
    ebur128_add_frames_float(m_state.get(), interleaved.data(), frames);
    if (m_truePeak) m_truePeak->add(interleaved);
}

LoudnessFigures LoudnessMeter::figures() const {
    LoudnessFigures f;
    ebur128_state* st = m_state.get();
    if (ebur128_loudness_global(st, &f.integratedLufs) != EBUR128_SUCCESS)
        f.integratedLufs = -HUGE_VAL;
    if (m_modes.range) {
        if (ebur128_loudness_range(st, &f.loudnessRangeLu) != EBUR128_SUCCESS)
            f.loudnessRangeLu = 0;
    } else {
        f.loudnessRangeLu = std::numeric_limits<double>::quiet_NaN();
    }
    double sample = 0;
    for (unsigned c = 0; c < static_cast<unsigned>(m_channels); ++c) {
        double v = 0;
        if (ebur128_sample_peak(st, c, &v) == EBUR128_SUCCESS) sample = std::max(sample, v);
    }
    f.samplePeakDbfs = toDb(sample);
    f.truePeakDbtp = m_truePeak ? toDb(std::max(m_truePeak->truePeak(), sample))
                                : std::numeric_limits<double>::quiet_NaN();
    return f;
}

double LoudnessMeter::momentaryLufs() const {
    double v = -HUGE_VAL;
    if (ebur128_loudness_momentary(m_state.get(), &v) != EBUR128_SUCCESS) return -HUGE_VAL;
    return v;
}

double LoudnessMeter::shortTermLufs() const {
    double v = -HUGE_VAL;
    if (ebur128_loudness_shortterm(m_state.get(), &v) != EBUR128_SUCCESS) return -HUGE_VAL;
    return v;
}

double LoudnessMeter::integratedOf(const std::vector<const LoudnessMeter*>& meters) {
    std::vector<ebur128_state*> states;
    states.reserve(meters.size());
    for (const LoudnessMeter* m : meters)
        if (m != nullptr && m->m_state) states.push_back(m->m_state.get());
    if (states.empty()) return -HUGE_VAL;
    double out = -HUGE_VAL;
    if (ebur128_loudness_global_multiple(states.data(), states.size(), &out) != EBUR128_SUCCESS)
        return -HUGE_VAL;
    return out;
}

double LoudnessMeter::rangeOf(const std::vector<const LoudnessMeter*>& meters) {
    std::vector<ebur128_state*> states;
    for (const LoudnessMeter* m : meters)
        if (m != nullptr && m->m_state && m->m_modes.range) states.push_back(m->m_state.get());
    if (states.empty()) return std::numeric_limits<double>::quiet_NaN();
    double out = 0;
    if (ebur128_loudness_range_multiple(states.data(), states.size(), &out) != EBUR128_SUCCESS) return 0;
    return out;
}

Result<LoudnessFigures> measureFile(const std::filesystem::path& path) {
    auto reader = AudioFileReader::open(path);
    if (!reader) return reader.error();
    AudioFileReader& r = **reader;
    auto meter = LoudnessMeter::create(r.channels(), r.sampleRate());
    if (!meter) return Error{meter.error().what, path.string(), meter.error().remedy};
    std::vector<float> block(static_cast<std::size_t>(r.channels()) * 8192);
    for (;;) {
        auto got = r.read(block);
        if (!got) return got.error();
        if (*got == 0) break;
        meter->add(
            std::span<const float>(block.data(), *got * static_cast<std::size_t>(r.channels())));
    }
    return meter->figures();
}

}  // namespace pycast::media
