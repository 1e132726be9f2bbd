// `pycast`: the command-line front of PyCast Studio; dispatches to one subcommand.
#include <iostream>

#include "cli/commands.hpp"

namespace {

void usage(std::ostream& out) {
    out << "pycast — PyCast Studio on the command line\n\n"
           "usage: pycast COMMAND [ARGS...]\n"
           "       pycast COMMAND --help\n\ncommands:\n";
    for (const auto& c : pycast::cli::commands()) {
        std::string name = c.name;
        out << "  " << name << std::string(name.size() < 12 ? 12 - name.size() : 1, ' ') << c.summary << "\n";
    }
}

}  // namespace

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    pycast::cli::Args args(argv + 1, argv + argc);
    if (args.empty()) {
        usage(std::cerr);
        return 2;
    }
    if (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
        usage(std::cout);
        return 0;
    }
    for (const auto& c : pycast::cli::commands()) {
        if (args[0] == c.name) {
            pycast::cli::Args rest(args.begin() + 1, args.end());
            int code = c.run(rest, std::cout, std::cerr);
            std::cout.flush();
            return code;
        }
    }
    std::cerr << "pycast: unknown command \"" << args[0] << "\"; run `pycast --help` for the list\n";
    return 2;
}
