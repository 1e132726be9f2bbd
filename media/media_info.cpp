// Library versions and PortAudio's device list. Runs on the calling (UI/CLI) thread.
#include "media/media_info.hpp"

#include <alsa/asoundlib.h>
#include <ebur128.h>
#include <jack/jack.h>
#include <pa_jack.h>
#include <portaudio.h>

#include <algorithm>
#include <cstdlib>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavfilter/avfilter.h>
#include <libavformat/avformat.h>
#include <libavutil/avutil.h>
#include <libswresample/swresample.h>
}

namespace pycast::media {
namespace {

// ALSA prints ~60 lines when PortAudio probes a machine without a sound card; none of them
// helps a user (PortAudio's own errors are reported), so they go nowhere.
void quietAlsa(const char*, int, const char*, int, const char*, ...) {}
// libjack prints "Cannot connect to server socket …" for every probe when no JACK server runs;
// PortAudio then simply has no JACK host API, which `pycast devices` shows.
void quietJack(const char*) {}

std::string ffmpegVersion(unsigned v) {
    return std::to_string(AV_VERSION_MAJOR(v)) + "." + std::to_string(AV_VERSION_MINOR(v)) + "." +
           std::to_string(AV_VERSION_MICRO(v));
}

}  // namespace

std::vector<LibraryVersion> libraryVersions() {
    int major = 0, minor = 0, patch = 0;
    ebur128_get_version(&major, &minor, &patch);
    return {
        {"PortAudio", Pa_GetVersionText()},
        {"libebur128",
         std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch)},
        {"libavcodec", ffmpegVersion(avcodec_version())},
        {"libavformat", ffmpegVersion(avformat_version())},
        {"libavfilter", ffmpegVersion(avfilter_version())},
        {"libswresample", ffmpegVersion(swresample_version())},
        {"libavutil", ffmpegVersion(avutil_version())},
    };
}

PortAudioInit::PortAudioInit() {
    snd_lib_error_set_handler(&quietAlsa);
    jack_set_error_function(&quietJack);
    jack_set_info_function(&quietJack);
    // Probing must not start a JACK server of its own (libjack would, with the default driver).
    ::setenv("JACK_NO_START_SERVER", "1", 0);
    PaJack_SetClientName("pycast");
    const PaError e = Pa_Initialize();
    if (e != paNoError) m_error = std::string("PortAudio could not start: ") + Pa_GetErrorText(e);
}

PortAudioInit::~PortAudioInit() {
    if (m_error.empty()) Pa_Terminate();
}

std::vector<AudioDevice> listAudioDevices(std::string& error, std::string* noInputs) {
    std::vector<AudioDevice> out;
    PortAudioInit pa;
    if (!pa.ok()) {
        error = pa.error();
        return out;
    }
    const int count = Pa_GetDeviceCount();
    if (count < 0)
        error = std::string("PortAudio could not list devices: ") + Pa_GetErrorText(count);
    for (int i = 0; i < count; ++i) {
        const PaDeviceInfo* info = Pa_GetDeviceInfo(i);
        if (!info) continue;
        const PaHostApiInfo* api = Pa_GetHostApiInfo(info->hostApi);
        out.push_back({i, info->name ? info->name : "?", api && api->name ? api->name : "?",
                       info->maxInputChannels, info->maxOutputChannels, info->defaultSampleRate});
    }
    if (noInputs && std::none_of(out.begin(), out.end(),
                                 [](const AudioDevice& d) { return d.maxInputChannels > 0; }))
        *noInputs = kNoInputDeviceText;
    return out;
}

}  // namespace pycast::media
