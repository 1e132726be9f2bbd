// The machine's IPv4 addresses and the one phones on the same network can reach, for the
// audience page URL (any thread; listNetInterfaces reads the kernel, the rest are pure).
#pragma once

#include <string>
#include <vector>

#include "core/error.hpp"

namespace pycast {

// One IPv4 address of one network interface ("wlp2s0", "192.168.1.20").
struct NetInterface {
    std::string name;
    std::string address;  // dotted IPv4
    bool loopback = false;
    bool up = false;  // IFF_UP and IFF_RUNNING: configured and with a link
    bool operator==(const NetInterface&) const = default;
};

// Every IPv4 address of every interface, in the kernel's order. The Error (getifaddrs failed)
// says why; the caller can still offer 127.0.0.1.
Result<std::vector<NetInterface>> listNetInterfaces();

// True for 10/8, 172.16/12 and 192.168/16: the addresses of a home, office or venue network.
bool isPrivateIpv4(const std::string& address);

// True for interfaces of containers, virtual machines and VPNs (docker0, veth…, br-…, virbr0,
// vboxnet0, tun0, wg0, tailscale0…): phones on the Wi-Fi cannot reach their addresses.
bool isVirtualInterface(const std::string& name);

// The interfaces that are up and not loopback, best for phones first: private addresses of
// real interfaces, then other addresses of real interfaces (link-local 169.254 after the
// rest), then virtual interfaces. Ties keep the input order. For the producer's address picker.
std::vector<NetInterface> rankLanAddresses(const std::vector<NetInterface>& interfaces);

// The first of rankLanAddresses, or "127.0.0.1" when there is none.
std::string pickLanAddress(const std::vector<NetInterface>& interfaces);

// "http://HOST:PORT/?pin=PIN". An IPv6 host goes in brackets (its zone's '%' written %25); the
// PIN is percent-encoded except for letters, digits and -._~.
std::string audienceUrl(const std::string& host, int port, const std::string& pin);

}  // namespace pycast
