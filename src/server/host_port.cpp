// HOST:PORT as people type it, and the URL and reach of an address (any thread; pure functions).
#include "server/host_port.hpp"

namespace pycast {

namespace {

constexpr const char* kForm = "use HOST:PORT such as 127.0.0.1:8765 (port 0 picks a free one)";

}  // namespace

Result<HostPort> parseHostPort(const std::string& text) {
    std::string host;
    std::string portText;
    if (!text.empty() && text.front() == '[') {
        const auto close = text.find(']');
        if (close == std::string::npos || close + 1 >= text.size() || text[close + 1] != ':')
            return Error{"\"" + text + "\" is not HOST:PORT", {}, kForm};
        host = text.substr(1, close - 1);
        portText = text.substr(close + 2);
    } else {
        const auto colon = text.rfind(':');
        if (colon == std::string::npos || text.find(':') != colon)
            return Error{"\"" + text + "\" is not HOST:PORT",
                         {},
                         std::string(kForm) + " (IPv6 addresses go in brackets: [::1]:8765)"};
        host = text.substr(0, colon);
        portText = text.substr(colon + 1);
    }
    if (host.empty()) return Error{"\"" + text + "\" has no host", {}, kForm};
    if (portText.empty() || portText.size() > 5 ||
        portText.find_first_not_of("0123456789") != std::string::npos ||
        std::stoi(portText) > 65535)
        return Error{"\"" + portText + "\" is not a port number (0 to 65535)", {}, kForm};
    return HostPort{host, std::stoi(portText)};
}

std::string httpUrl(const std::string& host, int port) {
    const bool v6 = host.find(':') != std::string::npos;
    return "http://" + (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

bool isLoopbackHost(const std::string& host) {
    return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

}  // namespace pycast
