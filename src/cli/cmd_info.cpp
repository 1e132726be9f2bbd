// `pycast version`: what this build links.
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

}  // namespace pycast::cli
