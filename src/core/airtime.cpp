// Actual airtime: the energy-and-dominance detector over 10 ms frames (pure; any one thread per
// detector).
#include "core/airtime.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace pycast {

namespace {

constexpr std::int64_t kBridgeFrames = kAirtimeBridgeMs / kAirtimeFrameMs;
constexpr std::int64_t kMinBurstFrames = kAirtimeMinBurstMs / kAirtimeFrameMs;
constexpr int kFramesPerSubWindow = kAirtimeFloorWindowMs / kAirtimeFrameMs / 6;  // 6 = kFloorSubWindows

}  // namespace

AirtimeDetector::AirtimeDetector(int tracks, int sampleRate)
    : m_state(static_cast<std::size_t>(std::max(tracks, 1))),
      m_levels(m_state.size()),
      m_active(m_state.size()),
      m_samplesPerFrame(std::max(sampleRate, 100) * kAirtimeFrameMs / 1000) {
    for (Track& t : m_state) t.subMinDb.fill(kNoLevelDb);
    m_pending.assign(m_state.size() * static_cast<std::size_t>(m_samplesPerFrame), 0.0f);
    const double rate = std::max(sampleRate, 100);
    const double w0 = 2.0 * std::numbers::pi * std::min(kAirtimeHighPassHz, rate / 4.0) / rate;
    const double alpha = std::sin(w0) / std::numbers::sqrt2;  // sin(w0) / (2 Q), Q = 1/sqrt 2
    const double c = std::cos(w0);
    const double a0 = 1.0 + alpha;
    m_b0 = (1.0 + c) / 2.0 / a0;
    m_b1 = -(1.0 + c) / a0;
    m_b2 = m_b0;
    m_a1 = -2.0 * c / a0;
    m_a2 = (1.0 - alpha) / a0;
}

double AirtimeDetector::levelDb(Track& t, std::span<const float> samples) const {
    double sum = 0.0;
    bool digitalSilence = true;
    for (float s : samples) {
        digitalSilence = digitalSilence && s == 0.0f;
        const double x = s;
        double y = m_b0 * x + m_b1 * t.x1 + m_b2 * t.x2 - m_a1 * t.y1 - m_a2 * t.y2;
        if (std::abs(y) < 1e-20) y = 0.0;  // a decaying tail in digital silence: no denormals
        t.x2 = t.x1;
        t.x1 = x;
        t.y2 = t.y1;
        t.y1 = y;
        sum += y * y;
    }
    // Judged on the input: the filter's decaying tail after a dropout starts is no room noise.
    if (digitalSilence) return kAirtimeSilenceDbfs;
    const double meanSquare = sum / static_cast<double>(samples.size());
    static const double silencePower = std::pow(10.0, kAirtimeSilenceDbfs / 10.0);
    return 10.0 * std::log10(std::max(meanSquare, silencePower));
}

void AirtimeDetector::addFrame(std::span<const float> planar) {
    const std::size_t perTrack = planar.size() / m_state.size();
    if (perTrack == 0) return;

    double loudest = kAirtimeSilenceDbfs;
    bool anyActive = false;
    for (std::size_t i = 0; i < m_state.size(); ++i) {
        Track& t = m_state[i];
        const double level = levelDb(t, planar.subspan(i * perTrack, perTrack));
        m_levels[i] = level;
        m_active[i] = t.floorKnown && level > kAirtimeFloorDbfs && level >= floorDb(t) + kAirtimeOverNoiseDb;
        if (m_active[i]) {
            anyActive = true;
            loudest = std::max(loudest, level);
        }
        // The floor learns after the decision, so a word's onset is judged against the floor
        // before it.
        if (level > kAirtimeSilenceDbfs) learnFloor(t, level);
    }

    const std::int64_t now = m_frames++;
    for (std::size_t i = 0; i < m_state.size(); ++i) {
        Track& t = m_state[i];
        const bool speaking = anyActive && m_active[i] && m_levels[i] >= loudest - kAirtimeDominanceDb;
        if (speaking) {
            if (t.burstStart >= 0 && now - t.lastSpeaking > kBridgeFrames) closeBurst(t);
            if (t.burstStart < 0) t.burstStart = now;
            t.lastSpeaking = now;
        } else if (t.burstStart >= 0 && now - t.lastSpeaking > kBridgeFrames) {
            closeBurst(t);
        }
    }
}

void AirtimeDetector::addInterleaved(std::span<const float> interleaved, int channels,
                                     std::span<const int> channelOfTrack) {
    if (channels <= 0) return;
    const auto width = static_cast<std::size_t>(channels);
    const std::size_t perFrame = static_cast<std::size_t>(m_samplesPerFrame);
    const std::size_t frames = interleaved.size() / width;
    for (std::size_t f = 0; f < frames; ++f) {
        const float* frame = interleaved.data() + f * width;
        for (std::size_t t = 0; t < m_state.size(); ++t) {
            const int ch = t < channelOfTrack.size() ? channelOfTrack[t] : -1;
            m_pending[t * perFrame + m_pendingSamples] = ch >= 0 && ch < channels ? frame[ch] : 0.0f;
        }
        if (++m_pendingSamples == perFrame) {
            addFrame(m_pending);
            m_pendingSamples = 0;
        }
    }
}

void AirtimeDetector::addSilence(std::int64_t frames) {
    const std::size_t perFrame = static_cast<std::size_t>(m_samplesPerFrame);
    while (frames > 0) {
        const std::size_t take =
            std::min(perFrame - m_pendingSamples, static_cast<std::size_t>(std::min<std::int64_t>(frames, m_samplesPerFrame)));
        for (std::size_t t = 0; t < m_state.size(); ++t)
            std::fill_n(m_pending.begin() + static_cast<std::ptrdiff_t>(t * perFrame + m_pendingSamples), take, 0.0f);
        m_pendingSamples += take;
        frames -= static_cast<std::int64_t>(take);
        if (m_pendingSamples == perFrame) {
            addFrame(m_pending);
            m_pendingSamples = 0;
        }
    }
}

double AirtimeDetector::floorDb(const Track& t) {
    double floor = t.currentMinDb;
    for (double m : t.subMinDb) floor = std::min(floor, m);
    return floor;
}

void AirtimeDetector::learnFloor(Track& t, double levelDb) {
    t.floorKnown = true;
    t.currentMinDb = std::min(t.currentMinDb, levelDb);
    if (++t.currentFrames < kFramesPerSubWindow) return;
    t.subMinDb[t.subNext] = t.currentMinDb;
    t.subNext = (t.subNext + 1) % kFloorSubWindows;
    t.currentMinDb = kNoLevelDb;
    t.currentFrames = 0;
}

void AirtimeDetector::closeBurst(Track& t) {
    const std::int64_t length = t.lastSpeaking - t.burstStart + 1;
    if (length >= kMinBurstFrames) t.countedFrames += length;
    t.burstStart = -1;
    t.lastSpeaking = -1;
}

void AirtimeDetector::finish() {
    m_pendingSamples = 0;
    for (Track& t : m_state)
        if (t.burstStart >= 0) closeBurst(t);
}

std::vector<std::int64_t> AirtimeDetector::talkMs() const {
    std::vector<std::int64_t> out;
    out.reserve(m_state.size());
    for (const Track& t : m_state) {
        std::int64_t frames = t.countedFrames;
        if (t.burstStart >= 0) {
            const std::int64_t length = t.lastSpeaking - t.burstStart + 1;
            if (length >= kMinBurstFrames) frames += length;
        }
        out.push_back(frames * kAirtimeFrameMs);
    }
    return out;
}

bool AirtimeDetector::isTalking(int track) const {
    if (track < 0 || track >= tracks()) return false;
    const Track& t = m_state[static_cast<std::size_t>(track)];
    return t.burstStart >= 0 && t.lastSpeaking - t.burstStart + 1 >= kMinBurstFrames &&
           m_frames - 1 - t.lastSpeaking <= kBridgeFrames;
}

}  // namespace pycast
