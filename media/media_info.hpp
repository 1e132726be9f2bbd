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
// PortAudio around the scan; call it from the UI/CLI thread, not while recording.
// On failure returns an empty list and sets error to a readable reason.
std::vector<AudioDevice> listAudioDevices(std::string& error);

}  // namespace pycast::media
