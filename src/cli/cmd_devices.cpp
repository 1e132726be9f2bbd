// `pycast devices`: the audio inputs PortAudio sees, as a table (CLI thread).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ostream>

#include "cli/commands.hpp"
#include "media/media_info.hpp"

namespace pycast::cli {

int runDevices(const Args& args, std::ostream& out, std::ostream& err) {
    if (wantsHelp(args)) {
        out << "usage: pycast devices\n\n"
               "Lists the audio inputs PortAudio sees, in every host API (JACK, ALSA, PulseAudio "
               "...):\n"
               "host API, device name, input channels and default sample rate. Give the name to\n"
               "`pycast record --device NAME` (and the host API to --host-api). With JACK running, "
               "JACK\n"
               "is a host API and its `system` device holds the server's capture ports.\n"
               "Exit 0 (also when there are no inputs: it says so), 1 when PortAudio cannot "
               "start.\n";
        return 0;
    }
    if (!args.empty()) {
        err << "pycast devices: takes no arguments\n";
        return 2;
    }
    std::string error;
    std::string noInputs;
    const auto devices = media::listAudioDevices(error, &noInputs);
    if (!error.empty()) {
        err << "pycast devices: " << error << "\n";
        return 1;
    }
    if (!noInputs.empty()) {
        out << noInputs << "\n";
        return 0;
    }
    std::size_t apiWidth = 8, nameWidth = 6;
    for (const auto& d : devices) {
        if (d.maxInputChannels <= 0) continue;
        apiWidth = std::max(apiWidth, d.hostApi.size());
        nameWidth = std::max(nameWidth, d.name.size());
    }
    auto pad = [](const std::string& s, std::size_t w) {
        return s + std::string(w > s.size() ? w - s.size() : 0, ' ');
    };
    out << pad("HOST API", apiWidth) << "  " << pad("DEVICE", nameWidth)
        << "  CHANNELS  DEFAULT RATE\n";
    for (const auto& d : devices) {
        if (d.maxInputChannels <= 0) continue;
        char rate[32];
        std::snprintf(rate, sizeof rate, "%ld Hz", std::lround(d.defaultSampleRate));
        char ch[16];
        std::snprintf(ch, sizeof ch, "%8d", d.maxInputChannels);
        out << pad(d.hostApi, apiWidth) << "  " << pad(d.name, nameWidth) << "  " << ch << "  "
            << rate << "\n";
    }
    return 0;
}

}  // namespace pycast::cli
