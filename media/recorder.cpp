// The recorder: a PortAudio input stream driving CaptureCore, its writer thread, the
// soundcheck and the remembered setup (owner thread, except the callback and writerLoop).
#include "media/recorder.hpp"

#include <portaudio.h>
#include <sys/statvfs.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "core/text.hpp"
#include "io/atomic_file.hpp"
#include "io/json_read.hpp"
#include "io/workspace.hpp"
#include "media/media_info.hpp"
#include "media/recorder_core.hpp"

namespace pycast::media {
namespace {

double nowSeconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

bool containsNoCase(const std::string& haystack, const std::string& needle) {
    return lowerAscii(haystack).find(lowerAscii(needle)) != std::string::npos;
}

// Runs on PortAudio's real-time thread: only CaptureCore::onInput (no lock, allocation, I/O).
int captureCallback(const void* input, void*, unsigned long frames, const PaStreamCallbackTimeInfo*,
                    PaStreamCallbackFlags flags, void* user) {
    static_cast<CaptureCore*>(user)->onInput(static_cast<const float*>(input), frames,
                                             (flags & paInputOverflow) != 0);
    return paContinue;
}

struct FoundDevice {
    PaDeviceIndex index = paNoDevice;
    const PaDeviceInfo* info = nullptr;
    std::string hostApi;
};

// The setup's device: by name (exact, else the one whose name contains it) within the host API
// (its name containing setup.hostApi: "jack", "ALSA"), or the host API's default input.
Result<FoundDevice> findInputDevice(const RecorderSetup& setup) {
    const int count = Pa_GetDeviceCount();
    if (count < 0)
        return Error{std::string("PortAudio could not list devices: ") + Pa_GetErrorText(count), "",
                     ""};
    std::vector<FoundDevice> inputs;
    for (int i = 0; i < count; ++i) {
        const PaDeviceInfo* info = Pa_GetDeviceInfo(i);
        if (!info || info->maxInputChannels <= 0) continue;
        const PaHostApiInfo* api = Pa_GetHostApiInfo(info->hostApi);
        inputs.push_back({i, info, api && api->name ? api->name : "?"});
    }
    if (inputs.empty()) return Error{kNoInputDeviceText, "", ""};
    std::vector<FoundDevice> inApi;
    for (const auto& d : inputs)
        if (setup.hostApi.empty() || containsNoCase(d.hostApi, setup.hostApi)) inApi.push_back(d);
    if (inApi.empty())
        return Error{"no input device in a host API named \"" + setup.hostApi + "\"", "",
                     "`pycast devices` lists the host APIs and their devices"};
    if (setup.device.empty()) {
        PaHostApiIndex api = Pa_GetDefaultHostApi();
        if (!setup.hostApi.empty()) api = inApi.front().info->hostApi;
        const PaHostApiInfo* info = Pa_GetHostApiInfo(api);
        if (info && info->defaultInputDevice != paNoDevice)
            for (const auto& d : inApi)
                if (d.index == info->defaultInputDevice) return d;
        return inApi.front();
    }
    for (const auto& d : inApi)
        if (d.info->name && setup.device == d.info->name) return d;
    std::vector<FoundDevice> partial;
    for (const auto& d : inApi)
        if (d.info->name && containsNoCase(d.info->name, setup.device)) partial.push_back(d);
    if (partial.size() == 1) return partial.front();
    if (partial.size() > 1) {
        std::string names;
        for (const auto& d : partial)
            names += (names.empty() ? "\"" : ", \"") + std::string(d.info->name) + "\"";
        return Error{"more than one input device matches \"" + setup.device + "\": " + names, "",
                     "give the whole name (or --host-api)"};
    }
    return Error{"no input device named \"" + setup.device + "\"" +
                     (setup.hostApi.empty() ? "" : " in host API \"" + setup.hostApi + "\""),
                 "", "`pycast devices` lists them"};
}

// Finds the setup's device and checks that it takes the setup's channels and rate.
Result<FoundDevice> checkInputDevice(const RecorderSetup& setup) {
    auto found = findInputDevice(setup);
    if (!found) return found.error();
    const FoundDevice device = found.value();
    const std::string name = device.info->name ? device.info->name : "?";
    if (setup.channels > device.info->maxInputChannels)
        return Error{
            "the device \"" + name + "\" has " + std::to_string(device.info->maxInputChannels) +
                " input channels, " + std::to_string(setup.channels) + " were asked for",
            "", "open at most " + std::to_string(device.info->maxInputChannels) + " channels"};
    PaStreamParameters in{};
    in.device = device.index;
    in.channelCount = setup.channels;
    in.sampleFormat = paFloat32;
    in.suggestedLatency = device.info->defaultHighInputLatency;
    const PaError supported = Pa_IsFormatSupported(&in, nullptr, setup.sampleRate);
    if (supported != paFormatIsSupported) {
        std::string what = "the device \"" + name + "\" does not take " +
                           std::to_string(setup.sampleRate) + " Hz with " +
                           std::to_string(setup.channels) + " channels (" +
                           Pa_GetErrorText(supported) + ")";
        return Error{what, "",
                     "its default rate is " +
                         std::to_string(static_cast<long long>(device.info->defaultSampleRate)) +
                         " Hz: record at that rate"};
    }
    return device;
}

// Opens (does not start) an input stream on the setup's device feeding `core`.
Result<PaStream*> openInputStream(const RecorderSetup& setup, CaptureCore* core,
                                  FoundDevice& device) {
    auto checked = checkInputDevice(setup);
    if (!checked) return checked.error();
    device = checked.value();
    const std::string name = device.info->name ? device.info->name : "?";
    PaStreamParameters in{};
    in.device = device.index;
    in.channelCount = setup.channels;
    in.sampleFormat = paFloat32;
    in.suggestedLatency = device.info->defaultHighInputLatency;
    PaStream* stream = nullptr;
    const PaError e = Pa_OpenStream(&stream, &in, nullptr, setup.sampleRate,
                                    paFramesPerBufferUnspecified, paNoFlag, &captureCallback, core);
    if (e != paNoError)
        return Error{
            std::string("could not open the device \"") + name + "\": " + Pa_GetErrorText(e), "",
            "check that no other program holds it exclusively"};
    return stream;
}

std::int64_t freeBytesAt(std::filesystem::path folder) {
    // The folder may not exist yet: ask about its nearest existing parent.
    std::error_code ec;
    while (!folder.empty() && !std::filesystem::exists(folder, ec)) folder = folder.parent_path();
    if (folder.empty()) folder = ".";
    struct statvfs st {};
    if (::statvfs(folder.c_str(), &st) != 0) return -1;
    return static_cast<std::int64_t>(st.f_bavail) * static_cast<std::int64_t>(st.f_frsize);
}

std::string durationText(double seconds) {
    const auto s = static_cast<long long>(seconds);
    if (s < 120) return std::to_string(s) + " s";
    if (s < 7200) return std::to_string(s / 60) + " min";
    return std::to_string(s / 3600) + " h " + std::to_string(s / 60 % 60) + " min";
}

// What a dead stream may still point at, kept for the life of the process. When the JACK
// server dies, PortAudio can neither stop nor close the stream (pa_jack.c asserts in
// CleanUpStream, aborting the program), nor be terminated (Pa_Terminate closes open streams):
// the stream, its PortAudio session and the CaptureCore its callback was given stay — the
// callback thread libjack started may still exist, so the core must never be freed under it.
// Reachable from here, none of it is a leak (no LeakSanitizer suppression needed).
struct AbandonedStreams {
    std::mutex mutex;
    std::vector<std::unique_ptr<PortAudioInit>> sessions;
    std::vector<std::unique_ptr<CaptureCore>> cores;
};
AbandonedStreams& abandonedStreams() {
    static AbandonedStreams* kept = new AbandonedStreams();  // never destroyed, on purpose
    return *kept;
}

}  // namespace

struct Recorder::Impl {
    std::unique_ptr<PortAudioInit> pa;
    PaStream* stream = nullptr;
    std::unique_ptr<CaptureCore> core;
    std::thread writer;
    std::atomic<bool> stopWriter{false};
    std::atomic<bool> streamDied{false};  // set by the writer; read by stop() after the join
    std::vector<std::filesystem::path> lastFiles;
    SampleCount lastPosition{0};
    bool coreAbandoned = false;  // a dead stream's callback still points at `core`

    ~Impl() { retireCore(); }

    // Drops the core, or keeps it for good when a dead stream may still call into it.
    void retireCore() {
        if (core && coreAbandoned) {
            AbandonedStreams& kept = abandonedStreams();
            std::lock_guard<std::mutex> lock(kept.mutex);
            kept.cores.push_back(std::move(core));
        }
        core.reset();
        coreAbandoned = false;
    }

    void writerLoop() {
        // Every ~20 ms: short enough for a 10 Hz momentary loudness and a 256-frame period's
        // worth of ring, long enough to write in whole blocks. Sleep, no condition variable:
        // the callback must not signal.
        double lastStreamCheck = nowSeconds();
        while (!stopWriter.load(std::memory_order_acquire)) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            const double now = nowSeconds();
            core->drain(now);
            if (now - lastStreamCheck >= 0.5 && !core->failed()) {
                lastStreamCheck = now;
                // A stream that stopped by itself: the device went away or the JACK server died.
                if (Pa_IsStreamActive(stream) == 0 && !stopWriter.load(std::memory_order_acquire)) {
                    streamDied.store(true, std::memory_order_release);
                    core->abort(
                        "stream-error",
                        "the audio device stopped delivering input (unplugged, or the JACK server "
                        "stopped) — the files are valid up to here; reconnect and record a new "
                        "take");
                }
            }
        }
    }

    void closeStream() {
        if (!stream) return;
        if (streamDied.load(std::memory_order_acquire)) {
            // The device or the JACK server is gone. PortAudio's JACK host then waits in
            // Pa_StopStream and asserts in CleanUpStream (pa_jack.c: "err == 0"), which would
            // abort the whole program mid-show; so the stream is left unclosed and its session
            // and core are kept (abandonedStreams). The memory is the price of staying up.
            stream = nullptr;
            {
                AbandonedStreams& kept = abandonedStreams();
                std::lock_guard<std::mutex> lock(kept.mutex);
                kept.sessions.push_back(std::move(pa));
            }
            coreAbandoned = true;
            return;
        }
        Pa_StopStream(stream);  // returns after the last callback finished
        Pa_CloseStream(stream);
        stream = nullptr;
    }
};

Recorder::Recorder() : m_impl(std::make_unique<Impl>()) {}

Recorder::~Recorder() { (void)stop(); }

Status Recorder::start(const RecorderSetup& setup) {
    if (recording()) return Error{"already recording", "recorder", "stop first"};
    (void)stop();
    auto& d = *m_impl;
    d.retireCore();
    d.pa = std::make_unique<PortAudioInit>();
    if (!d.pa->ok()) {
        Error e{d.pa->error(), "", "check the audio setup"};
        d.pa.reset();
        return e;
    }
    // Files are created only once the device is known to take the setup, so a bad setup (no
    // such device, too many channels, a rate it refuses) leaves no empty WAVs behind.
    {
        auto found = checkInputDevice(setup);
        if (!found) {
            d.pa.reset();
            return found.error();
        }
    }
    CaptureOptions options;
    options.setup = setup;
    if (const char* limit = std::getenv("PYCAST_TEST_DISK_LIMIT_BYTES"))
        options.failAfterBytes = std::strtoull(limit, nullptr, 10);
    auto core = CaptureCore::create(std::move(options));
    if (!core) {
        d.pa.reset();
        return core.error();
    }
    d.core = std::move(core.value());
    FoundDevice device;
    auto stream = openInputStream(setup, d.core.get(), device);
    if (!stream) {
        (void)d.core->finish(nowSeconds(), "stream-error");
        d.core.reset();
        d.pa.reset();
        return stream.error();
    }
    d.stream = stream.value();
    const PaError e = Pa_StartStream(d.stream);
    if (e != paNoError) {
        Pa_CloseStream(d.stream);
        d.stream = nullptr;
        (void)d.core->finish(nowSeconds(), "stream-error");
        d.core.reset();
        d.pa.reset();
        return Error{std::string("could not start the device: ") + Pa_GetErrorText(e), "",
                     "check the audio setup"};
    }
    d.stopWriter.store(false, std::memory_order_release);
    d.streamDied.store(false, std::memory_order_release);
    d.writer = std::thread([&d] { d.writerLoop(); });
    return ok();
}

Status Recorder::stop() {
    auto& d = *m_impl;
    if (!d.core) return ok();
    // The writer first (it asks PortAudio whether the stream is alive), then the stream; the
    // ring holds what arrives in between, and finish() drains it.
    if (d.writer.joinable()) {
        d.stopWriter.store(true, std::memory_order_release);
        d.writer.join();
    }
    d.closeStream();
    Status result = d.core->finish(nowSeconds());
    d.lastFiles = d.core->files();
    d.lastPosition = d.core->position();
    d.pa.reset();
    // The core stays for status() and takeEvents() until the next start.
    return result;
}

bool Recorder::recording() const {
    return m_impl->stream && m_impl->core && !m_impl->core->failed();
}

RecorderStatus Recorder::status() const {
    if (!m_impl->core) return {};
    RecorderStatus s = m_impl->core->status();
    if (m_impl->stream) s.callbackLoad = Pa_GetStreamCpuLoad(m_impl->stream);
    return s;
}

std::vector<RecorderEvent> Recorder::takeEvents() {
    return m_impl->core ? m_impl->core->takeEvents() : std::vector<RecorderEvent>{};
}

SampleCount Recorder::position() const {
    return m_impl->core ? m_impl->core->position() : m_impl->lastPosition;
}

std::vector<std::filesystem::path> Recorder::files() const {
    return m_impl->core ? m_impl->core->files() : m_impl->lastFiles;
}

std::vector<SoundcheckFinding> soundcheck(const RecorderSetup& setup, double seconds,
                                          std::string& error) {
    std::vector<SoundcheckFinding> findings;
    PortAudioInit pa;
    if (!pa.ok()) {
        error = pa.error();
        return findings;
    }
    CaptureOptions options;
    options.setup = setup;
    options.writeFiles = false;
    auto core = CaptureCore::create(std::move(options));
    if (!core) {
        error = core.error().message();
        return findings;
    }
    FoundDevice device;
    auto stream = openInputStream(setup, core->get(), device);
    if (!stream) {
        error = stream.error().message();
        return findings;
    }
    if (device.info->defaultSampleRate > 0 &&
        std::lround(device.info->defaultSampleRate) != setup.sampleRate)
        findings.push_back(
            {"rate-mismatch", -1,
             "the device runs at " + std::to_string(std::lround(device.info->defaultSampleRate)) +
                 " Hz by default, the setup records at " + std::to_string(setup.sampleRate) +
                 " Hz — the system will resample; set both to the same rate"});
    if (const PaError e = Pa_StartStream(stream.value()); e != paNoError) {
        Pa_CloseStream(stream.value());
        error = std::string("could not start the device: ") + Pa_GetErrorText(e);
        return findings;
    }
    const double until = nowSeconds() + std::max(0.1, seconds);
    while (nowSeconds() < until) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        (*core)->drain(nowSeconds());
    }
    Pa_StopStream(stream.value());
    Pa_CloseStream(stream.value());
    (void)(*core)->finish(nowSeconds());
    const auto peaks = (*core)->maxPeakDbfs();
    const RecorderStatus st = (*core)->status();
    for (std::size_t i = 0; i < setup.tracks.size(); ++i) {
        const auto& t = setup.tracks[i];
        if (!t.armed) continue;
        if (peaks[i] < -90.f)
            findings.push_back({"no-signal", static_cast<int>(i),
                                "no signal on " + t.name + " (input channel " +
                                    std::to_string(t.channel + 1) +
                                    ") — check the cable, the connection and the gain"});
        if (st.tracks[i].clips > 0)
            findings.push_back({"clipping", static_cast<int>(i),
                                t.name + " clipped " + std::to_string(st.tracks[i].clips) +
                                    " samples — turn its gain down"});
    }
    std::size_t armed = 0;
    for (const auto& t : setup.tracks) armed += t.armed ? 1 : 0;
    const std::int64_t free =
        freeBytesAt(setup.folder.empty() ? std::filesystem::path(".") : setup.folder);
    if (free >= 0 && armed > 0) {
        const double left =
            static_cast<double>(free) / (static_cast<double>(armed) * setup.sampleRate * 3.0);
        const double needed = std::max<double>(600.0, static_cast<double>(setup.plannedSeconds));
        if (left < needed)
            findings.push_back(
                {"disk-low", -1,
                 "the disk holds " + durationText(left) + " of recording" +
                     (setup.plannedSeconds > 0
                          ? "; the show is planned for " +
                                durationText(static_cast<double>(setup.plannedSeconds))
                          : "") +
                     " — free some space or record to another disk"});
    }
    return findings;
}

// --- the remembered setup -----------------------------------------------------------------------

namespace {

nlohmann::json setupToJson(const RecorderSetup& s) {
    nlohmann::json tracks = nlohmann::json::array();
    for (const auto& t : s.tracks)
        tracks.push_back(
            {{"channel", t.channel}, {"name", t.name}, {"person", t.person}, {"armed", t.armed}});
    return {{"version", 1},
            {"host_api", s.hostApi},
            {"device", s.device},
            {"sample_rate", s.sampleRate},
            {"channels", s.channels},
            {"silence_seconds", s.silenceSeconds},
            {"no_signal_seconds", s.noSignalSeconds},
            {"tracks", tracks}};
}

Result<RecorderSetup> setupFromJson(const nlohmann::json& j, const std::string& file) {
    auto bad = [&](const std::string& where, const std::string& what) {
        return Error{what, file + ": " + where,
                     "fix or delete the file; the recorder starts from defaults without it"};
    };
    if (!j.is_object()) return bad("/", "is not a JSON object");
    RecorderSetup s;
    auto str = [&](const char* key, std::string& out) -> std::optional<Error> {
        if (!j.contains(key)) return std::nullopt;
        if (!j[key].is_string()) return bad(std::string("/") + key, "must be a string");
        out = j[key].get<std::string>();
        return std::nullopt;
    };
    auto num = [&](const char* key, int& out, int lo, int hi) -> std::optional<Error> {
        if (!j.contains(key)) return std::nullopt;
        if (!j[key].is_number_integer())
            return bad(std::string("/") + key, "must be a whole number");
        const auto v = j[key].get<std::int64_t>();
        if (v < lo || v > hi)
            return bad(std::string("/") + key,
                       "must be between " + std::to_string(lo) + " and " + std::to_string(hi));
        out = static_cast<int>(v);
        return std::nullopt;
    };
    for (const auto& [key, value] : j.items()) {
        (void)value;
        static const std::vector<std::string> known{
            "version",         "host_api",          "device", "sample_rate", "channels",
            "silence_seconds", "no_signal_seconds", "tracks"};
        if (std::find(known.begin(), known.end(), key) == known.end())
            return bad("/" + key, "is not a recorder setting");
    }
    if (auto e = str("host_api", s.hostApi)) return *e;
    if (auto e = str("device", s.device)) return *e;
    if (auto e = num("sample_rate", s.sampleRate, 8000, 384000)) return *e;
    if (auto e = num("channels", s.channels, 1, 256)) return *e;
    if (auto e = num("silence_seconds", s.silenceSeconds, 0, 86400)) return *e;
    if (auto e = num("no_signal_seconds", s.noSignalSeconds, 0, 86400)) return *e;
    if (j.contains("tracks")) {
        if (!j["tracks"].is_array()) return bad("/tracks", "must be a list");
        for (std::size_t i = 0; i < j["tracks"].size(); ++i) {
            const auto& t = j["tracks"][i];
            const std::string at = "/tracks/" + std::to_string(i);
            if (!t.is_object()) return bad(at, "must be an object");
            TrackSetup ts;
            if (!t.contains("channel") || !t["channel"].is_number_integer())
                return bad(at + "/channel", "must be a whole number (0-based input channel)");
            ts.channel = t["channel"].get<int>();
            if (ts.channel < 0 || ts.channel >= s.channels)
                return bad(at + "/channel",
                           "must be below channels (" + std::to_string(s.channels) + ")");
            if (!t.contains("name") || !t["name"].is_string() ||
                t["name"].get<std::string>().empty())
                return bad(at + "/name", "must be a track name");
            ts.name = t["name"].get<std::string>();
            if (t.contains("person")) {
                if (!t["person"].is_string()) return bad(at + "/person", "must be a string");
                ts.person = t["person"].get<std::string>();
            }
            if (t.contains("armed")) {
                if (!t["armed"].is_boolean()) return bad(at + "/armed", "must be true or false");
                ts.armed = t["armed"].get<bool>();
            }
            s.tracks.push_back(ts);
        }
    }
    return s;
}

}  // namespace

Result<RecorderSetup> readRecorderSetupFile(const std::filesystem::path& file) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return RecorderSetup{};
    std::string text;
    {
        std::FILE* f = std::fopen(file.c_str(), "rb");
        if (!f) return Error{"cannot be read", file.string(), "check its permissions"};
        char buf[4096];
        std::size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, n);
        std::fclose(f);
    }
    auto j = parseJsonFile(text, file.string());
    if (!j) return j.error();
    return setupFromJson(j.value(), file.string());
}

Status writeRecorderSetupFile(const std::filesystem::path& file, const RecorderSetup& setup) {
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    return writeFileAtomically(file, setupToJson(setup).dump(2) + "\n", false);
}

RecorderSetup loadRecorderSetup(std::string* warning) {
    auto r = readRecorderSetupFile(configDir() / "recorder.json");
    if (r) return r.value();
    if (warning) *warning = r.error().message();
    return RecorderSetup{};
}

Status saveRecorderSetup(const RecorderSetup& setup) {
    return writeRecorderSetupFile(configDir() / "recorder.json", setup);
}

}  // namespace pycast::media
