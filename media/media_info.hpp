// What the media stack is built on: library versions and the audio devices PortAudio sees.
#pragma once

#include <string>
#include <vector>

namespace pycast::media {

struct LibraryVersion {
    std::string name;
    std::string version;
};

// PortAudio, libebur128 and each FFmpeg library, as linked at run time.
std::vector<LibraryVersion> libraryVersions();

struct AudioDevice {
    int index = -1;
    std::string name;
    std::string hostApi;
    int maxInputChannels = 0;
    int maxOutputChannels = 0;
    double defaultSampleRate = 0;
};

// Every device of every host API (JACK, ALSA, PulseAudio...). Initializes and terminates
// PortAudio around the scan (PortAudio fixes its device list at initialization: this is the
// rescan); call it from the UI/CLI thread. On failure returns an empty list and sets error to a
// readable reason; with no device that has inputs, `noInputs` (when given) is set to
// kNoInputDeviceText.
std::vector<AudioDevice> listAudioDevices(std::string& error, std::string* noInputs = nullptr);

// What the app says when PortAudio sees no input at all (a laptop without a sound card, a server).
inline constexpr const char* kNoInputDeviceText =
    "no audio input device found — connect a microphone or start JACK; `pycast devices` lists what "
    "PortAudio sees";

// PortAudio for the lifetime of this object: ALSA's stderr noise silenced
// (snd_lib_error_set_handler) and the JACK client named "pycast" (ports pycast:in_0, in_1 …)
// before Pa_Initialize; Pa_Terminate when destroyed. PortAudio counts initializations, so
// several may live at once. Owner (UI/CLI) thread.
class PortAudioInit {
public:
    PortAudioInit();
    ~PortAudioInit();
    PortAudioInit(const PortAudioInit&) = delete;
    PortAudioInit& operator=(const PortAudioInit&) = delete;
    bool ok() const { return m_error.empty(); }
    const std::string& error() const { return m_error; }  // "PortAudio could not start: …"

private:
    std::string m_error;
};

}  // namespace pycast::media
