// Tests for the HTTP listener and HOST:PORT parsing, over real sockets on 127.0.0.1.
#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>

#include "io/atomic_file.hpp"
#include "server/control_api.hpp"
#include "server/host_port.hpp"
#include "server/listener.hpp"

using namespace pycast;
using nlohmann::json;

namespace {

constexpr const char* kToken = "0123456789abcdef0123456789abcdef";

// A listener that answers with the size of the body it read.
HttpReply echoSize(const HttpRequest& req) {
    return HttpReply{200, {{"bytes", req.body.size()}, {"method", req.method}}, {}};
}

}  // namespace

TEST_CASE("HttpListener: a port in use is refused with a message that says so") {
    OwnerQueue queue;
    ControlApi first(queue, kToken);
    const Result<int> a = first.start("127.0.0.1", 0);
    REQUIRE(a.ok());
    ControlApi second(queue, kToken);
    const Result<int> b = second.start("127.0.0.1", *a);
    CHECK_FALSE(b.ok());
    CHECK(b.error().message().find("already in use") != std::string::npos);
    CHECK(b.error().message().find(std::to_string(*a)) != std::string::npos);

    ControlApi noToken(queue, "");
    CHECK_FALSE(noToken.start("127.0.0.1", 0).ok());

    // stop() is quick and the port is free again afterwards.
    first.stop();
    CHECK_FALSE(first.running());
    ControlApi third(queue, kToken);
    CHECK(third.start("127.0.0.1", *a).ok());
}

TEST_CASE("tokensMatch and parseHostPort") {
    CHECK(tokensMatch("abc", "abc"));
    CHECK_FALSE(tokensMatch("abc", "abd"));
    CHECK_FALSE(tokensMatch("abc", "ab"));
    CHECK_FALSE(tokensMatch("abc", "abcd"));
    CHECK_FALSE(tokensMatch("", ""));

    auto hp = parseHostPort("127.0.0.1:8765");
    REQUIRE(hp.ok());
    CHECK(hp->host == "127.0.0.1");
    CHECK(hp->port == 8765);
    hp = parseHostPort("[::1]:0");
    REQUIRE(hp.ok());
    CHECK(hp->host == "::1");
    CHECK(hp->port == 0);
    CHECK(httpUrl("::1", 80) == "http://[::1]:80");
    for (const char* bad : {"8765", "127.0.0.1", ":8765", "127.0.0.1:", "127.0.0.1:99999",
                            "127.0.0.1:-1", "127.0.0.1:http", "::1:8765", "[::1]8765"}) {
        CAPTURE(bad);
        const auto r = parseHostPort(bad);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message().find("HOST:PORT") != std::string::npos);
    }
    CHECK(isLoopbackHost("127.0.0.1"));
    CHECK(isLoopbackHost("localhost"));
    CHECK_FALSE(isLoopbackHost("0.0.0.0"));
}

TEST_CASE("HttpListener: the body is read whatever the Content-Type, up to 64 KiB, 413 above") {
    HttpListener listener(echoSize);
    const Result<int> port = listener.start("127.0.0.1", 0);
    REQUIRE(port.ok());
    httplib::Client client("127.0.0.1", *port);
    client.set_read_timeout(10, 0);
    // curl -d sends application/x-www-form-urlencoded; httplib alone refuses those above 8 KB.
    for (const char* type :
         {"application/x-www-form-urlencoded", "application/json", "text/plain"}) {
        CAPTURE(type);
        const std::string body(60 * 1024, 'x');
        auto res = client.Post("/api/message", body, type);
        REQUIRE(res);
        CHECK(res->status == 200);
        CHECK(json::parse(res->body)["bytes"] == body.size());
    }
    const std::string limit(64 * 1024, 'x');
    auto atLimit = client.Post("/x", limit, "application/x-www-form-urlencoded");
    REQUIRE(atLimit);
    CHECK(atLimit->status == 200);
    auto over = client.Post("/x", limit + "x", "application/x-www-form-urlencoded");
    REQUIRE(over);
    CHECK(over->status == 413);
    CHECK(json::parse(over->body)["error"].get<std::string>().find("64 KiB") != std::string::npos);
}

TEST_CASE("HttpListener: its pool is sized by the server, not httplib's fixed 8 threads") {
    ListenerOptions options;
    CHECK(options.threads > 12);
    CHECK(options.readTimeout.count() > 0);
    CHECK(options.keepAliveTimeout.count() > 0);
}
