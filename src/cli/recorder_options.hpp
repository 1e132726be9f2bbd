// The recorder's command-line options, shared by `pycast record` and `pycast live --record`
// (main thread).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "media/recorder.hpp"

namespace pycast::cli {

// --device NAME, --host-api NAME, --channels N, --rate HZ, --tracks A,B,...
struct RecorderOptions {
    media::RecorderSetup setup;        // device, host API, rate
    std::vector<std::string> names;    // --tracks, in channel order
    int channels = 0;                  // 0: one per track (record: else 2)
};

// Reads the option at args[i] when it is one of the recorder's (advancing i past its value).
// Returns false when args[i] is not a recorder option; sets `error` ("--rate must be …") when
// it is one but its value is missing or wrong.
bool readRecorderOption(const Args& args, std::size_t& i, RecorderOptions& options,
                        std::string& error);

// The usage lines for those options.
extern const char* const kRecorderOptionsHelp;

}  // namespace pycast::cli
