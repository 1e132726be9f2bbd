// `pycast version` and `pycast devices`: what this build links and which audio devices it sees.
#include <ostream>

#include "cli/commands.hpp"
#include "media/media_info.hpp"

namespace pycast::cli {

int runVersion(const Args& args, std::ostream& out, std::ostream& err) {
    if (wantsHelp(args)) {
        out << "usage: pycast version\n\nPrints PyCast Studio's version and the media libraries it runs on.\n";
        return 0;
    }
    if (!args.empty()) {
        err << "pycast version: takes no arguments\n";
        return 2;
    }
    out << "PyCast Studio " << PYCAST_VERSION << "\n";
    for (const auto& lib : media::libraryVersions()) out << "  " << lib.name << " " << lib.version << "\n";
    return 0;
}

int runDevices(const Args& args, std::ostream& out, std::ostream& err) {
    if (wantsHelp(args)) {
        out << "usage: pycast devices\n\nLists the audio devices PortAudio sees (every host API: JACK, ALSA, ...)\n"
               "with their input/output channel counts. Exit 1 when PortAudio cannot start.\n";
        return 0;
    }
    if (!args.empty()) {
        err << "pycast devices: takes no arguments\n";
        return 2;
    }
    std::string error;
    auto devices = media::listAudioDevices(error);
    if (!error.empty()) {
        err << "pycast devices: " << error << "\n";
        return 1;
    }
    if (devices.empty()) out << "no audio devices found\n";
    for (const auto& d : devices)
        out << d.index << "  " << d.name << "  [" << d.hostApi << "]  in " << d.maxInputChannels << ", out "
            << d.maxOutputChannels << ", " << d.defaultSampleRate << " Hz\n";
    return 0;
}

}  // namespace pycast::cli
