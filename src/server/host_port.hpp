// HOST:PORT as people type it, and the URL and reach of an address (any thread; pure functions).
#pragma once

#include <string>

#include "core/error.hpp"

namespace pycast {

// HOST:PORT as typed on a command line or in settings: "127.0.0.1:8765", "localhost:0",
// "[::1]:8765", "0.0.0.0:9000". Port 0 means "any free port".
struct HostPort {
    std::string host;
    int port = 0;
    bool operator==(const HostPort&) const = default;
};
// The Error says what is wrong with TEXT and shows the form to use.
Result<HostPort> parseHostPort(const std::string& text);
// "http://127.0.0.1:8765", "http://[::1]:8765"
std::string httpUrl(const std::string& host, int port);
// True for addresses only this machine can reach (127.x, ::1, localhost).
bool isLoopbackHost(const std::string& host);

}  // namespace pycast
