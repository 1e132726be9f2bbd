// Tests for choosing the LAN address phones reach and writing the audience URL.
#include <doctest/doctest.h>

#include "server/lan_address.hpp"

using namespace pycast;

namespace {

NetInterface iface(std::string name, std::string address, bool up = true, bool loopback = false) {
    return NetInterface{std::move(name), std::move(address), loopback, up};
}

}  // namespace

TEST_CASE("pickLanAddress: the Wi-Fi's private address, not loopback or Docker's bridge") {
    const std::vector<NetInterface> list = {
        iface("lo", "127.0.0.1", true, true), iface("docker0", "172.17.0.1"),
        iface("br-5f2a", "172.18.0.1"),       iface("veth12ab", "169.254.10.2"),
        iface("wlp2s0", "192.168.1.20"),
    };
    CHECK(pickLanAddress(list) == "192.168.1.20");
}

TEST_CASE("pickLanAddress: every private range counts, in the kernel's order") {
    CHECK(pickLanAddress({iface("eth0", "10.1.2.3"), iface("wlan0", "192.168.0.9")}) == "10.1.2.3");
    CHECK(pickLanAddress({iface("eth0", "172.31.255.1")}) == "172.31.255.1");
    // 172.32/16 is public; the private 192.168 address comes first.
    CHECK(pickLanAddress({iface("eth0", "172.32.0.1"), iface("wlan0", "192.168.0.9")}) ==
          "192.168.0.9");
    CHECK(pickLanAddress({iface("eth0", "172.15.0.1"), iface("wlan0", "10.0.0.2")}) == "10.0.0.2");
}

TEST_CASE("pickLanAddress: an interface that is down is never chosen") {
    CHECK(pickLanAddress({iface("wlan0", "192.168.1.5", false), iface("eth0", "10.0.0.7")}) ==
          "10.0.0.7");
}

TEST_CASE("pickLanAddress: a public address beats link-local, and both beat virtual interfaces") {
    CHECK(pickLanAddress({iface("docker0", "172.17.0.1"), iface("eth0", "169.254.3.4"),
                          iface("eth1", "203.0.113.7")}) == "203.0.113.7");
    CHECK(pickLanAddress({iface("docker0", "172.17.0.1"), iface("eth0", "169.254.3.4")}) ==
          "169.254.3.4");
    CHECK(pickLanAddress({iface("lo", "127.0.0.1", true, true), iface("docker0", "172.17.0.1")}) ==
          "172.17.0.1");
}

TEST_CASE("pickLanAddress: 127.0.0.1 when nothing else is up") {
    CHECK(pickLanAddress({}) == "127.0.0.1");
    CHECK(pickLanAddress({iface("lo", "127.0.0.1", true, true),
                          iface("wlan0", "192.168.1.5", false)}) == "127.0.0.1");
}

TEST_CASE("rankLanAddresses: best first for the producer's picker, loopback and down left out") {
    const std::vector<NetInterface> ranked = rankLanAddresses({
        iface("lo", "127.0.0.1", true, true),
        iface("tailscale0", "100.101.102.103"),
        iface("virbr0", "192.168.122.1"),
        iface("enp3s0", "10.20.0.4"),
        iface("wlp2s0", "192.168.1.20"),
        iface("wlan1", "192.168.7.7", false),
    });
    REQUIRE(ranked.size() == 4);
    CHECK(ranked[0].name == "enp3s0");
    CHECK(ranked[1].name == "wlp2s0");
    CHECK(ranked[2].name == "tailscale0");
    CHECK(ranked[3].name == "virbr0");
}

TEST_CASE("isPrivateIpv4 and isVirtualInterface") {
    CHECK(isPrivateIpv4("10.0.0.1"));
    CHECK(isPrivateIpv4("172.16.0.1"));
    CHECK(isPrivateIpv4("192.168.255.255"));
    CHECK_FALSE(isPrivateIpv4("192.169.0.1"));
    CHECK_FALSE(isPrivateIpv4("8.8.8.8"));
    CHECK_FALSE(isPrivateIpv4("not an address"));
    CHECK_FALSE(isPrivateIpv4("10.0.0.1.5"));
    CHECK(isVirtualInterface("docker0"));
    CHECK(isVirtualInterface("br-0a1b2c"));
    CHECK(isVirtualInterface("vethb2f1"));
    CHECK_FALSE(isVirtualInterface("wlp2s0"));
    CHECK_FALSE(isVirtualInterface("eth0"));
    CHECK_FALSE(isVirtualInterface("br0"));  // a bridge someone made for the real LAN
}

TEST_CASE("audienceUrl: host, port and PIN in the page's URL") {
    CHECK(audienceUrl("192.168.1.20", 8766, "482913") == "http://192.168.1.20:8766/?pin=482913");
    CHECK(audienceUrl("::1", 8766, "1234") == "http://[::1]:8766/?pin=1234");
    CHECK(audienceUrl("fe80::1%eth0", 80, "1") == "http://[fe80::1%25eth0]:80/?pin=1");
    CHECK(audienceUrl("127.0.0.1", 1, "a b&c") == "http://127.0.0.1:1/?pin=a%20b%26c");
}

TEST_CASE("listNetInterfaces: this machine's loopback is listed and up") {
    const Result<std::vector<NetInterface>> list = listNetInterfaces();
    REQUIRE(list.ok());
    bool loopback = false;
    for (const NetInterface& i : *list) {
        CHECK_FALSE(i.address.empty());
        if (i.loopback && i.address == "127.0.0.1") loopback = i.up;
    }
    CHECK(loopback);
    // Whatever the machine has, the pick is one of its addresses or the fallback.
    const std::string picked = pickLanAddress(*list);
    bool known = picked == "127.0.0.1";
    for (const NetInterface& i : *list) known = known || i.address == picked;
    CHECK(known);
}
