// The machine's IPv4 addresses and the one phones can reach (any thread; getifaddrs and pure
// functions).
#include "server/lan_address.hpp"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <memory>
#include <string_view>

namespace pycast {

namespace {

struct IfAddrsFree {
    void operator()(ifaddrs* list) const { freeifaddrs(list); }
};

// The address as four octets, or false when it is not dotted IPv4.
bool octets(const std::string& address, std::array<unsigned char, 4>& out) {
    in_addr parsed{};
    if (inet_pton(AF_INET, address.c_str(), &parsed) != 1) return false;
    std::memcpy(out.data(), &parsed.s_addr, 4);  // network order: out[0] is the first octet
    return true;
}

bool isLinkLocalIpv4(const std::string& address) {
    std::array<unsigned char, 4> o{};
    return octets(address, o) && o[0] == 169 && o[1] == 254;
}

// Lower is better; rankLanAddresses leaves out what is down or loopback.
int rank(const NetInterface& i) {
    if (isVirtualInterface(i.name)) return 3;
    if (isPrivateIpv4(i.address)) return 0;
    if (isLinkLocalIpv4(i.address)) return 2;
    return 1;
}

}  // namespace

Result<std::vector<NetInterface>> listNetInterfaces() {
    ifaddrs* raw = nullptr;
    if (getifaddrs(&raw) != 0) {
        const int why = errno;
        return Error{std::string("could not list the network interfaces: ") + std::strerror(why),
                     "getifaddrs", "type the address phones should use, or use 127.0.0.1 to test"};
    }
    const std::unique_ptr<ifaddrs, IfAddrsFree> list(raw);
    std::vector<NetInterface> out;
    for (const ifaddrs* a = list.get(); a; a = a->ifa_next) {
        if (!a->ifa_addr || a->ifa_addr->sa_family != AF_INET) continue;
        sockaddr_in address{};
        std::memcpy(&address, a->ifa_addr, sizeof address);
        std::array<char, INET_ADDRSTRLEN> text{};
        if (!inet_ntop(AF_INET, &address.sin_addr, text.data(), text.size())) continue;
        NetInterface i;
        i.name = a->ifa_name ? a->ifa_name : "";
        i.address = text.data();
        i.loopback = (a->ifa_flags & IFF_LOOPBACK) != 0;
        i.up = (a->ifa_flags & IFF_UP) != 0 && (a->ifa_flags & IFF_RUNNING) != 0;
        out.push_back(std::move(i));
    }
    return out;
}

bool isPrivateIpv4(const std::string& address) {
    std::array<unsigned char, 4> o{};
    if (!octets(address, o)) return false;
    return o[0] == 10 || (o[0] == 172 && o[1] >= 16 && o[1] <= 31) || (o[0] == 192 && o[1] == 168);
}

bool isVirtualInterface(const std::string& name) {
    static constexpr std::array<std::string_view, 17> kPrefixes = {
        "docker", "veth",    "br-",  "virbr", "vboxnet", "vmnet", "lxcbr",     "lxdbr", "podman",
        "cni",    "flannel", "cali", "tun",   "tap",     "wg",    "tailscale", "zt"};
    return std::any_of(kPrefixes.begin(), kPrefixes.end(),
                       [&](std::string_view p) { return name.rfind(p, 0) == 0; });
}

std::vector<NetInterface> rankLanAddresses(const std::vector<NetInterface>& interfaces) {
    std::vector<NetInterface> usable;
    for (const NetInterface& i : interfaces) {
        std::array<unsigned char, 4> o{};
        if (i.up && !i.loopback && octets(i.address, o) && o[0] != 127 && o[0] != 0)
            usable.push_back(i);
    }
    std::stable_sort(
        usable.begin(), usable.end(),
        [](const NetInterface& a, const NetInterface& b) { return rank(a) < rank(b); });
    return usable;
}

std::string pickLanAddress(const std::vector<NetInterface>& interfaces) {
    const std::vector<NetInterface> ranked = rankLanAddresses(interfaces);
    return ranked.empty() ? std::string("127.0.0.1") : ranked.front().address;
}

std::string audienceUrl(const std::string& host, int port, const std::string& pin) {
    std::string hostPart;
    if (host.find(':') != std::string::npos) {
        hostPart = "[";
        for (char c : host) hostPart += c == '%' ? std::string("%25") : std::string(1, c);
        hostPart += "]";
    } else {
        hostPart = host;
    }
    std::string pinPart;
    static constexpr char kHex[] = "0123456789ABCDEF";
    for (char c : pin) {
        const auto u = static_cast<unsigned char>(c);
        if ((u >= '0' && u <= '9') || (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') ||
            u == '-' || u == '.' || u == '_' || u == '~') {
            pinPart += c;
        } else {
            pinPart += '%';
            pinPart += kHex[u >> 4];
            pinPart += kHex[u & 15];
        }
    }
    return "http://" + hostPart + ":" + std::to_string(port) + "/?pin=" + pinPart;
}

}  // namespace pycast
