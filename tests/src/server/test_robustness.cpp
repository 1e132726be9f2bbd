// Regression tests for the hardening findings (issue 12) at the HTTP boundary: deeply nested and
// overflowing JSON bodies sent to the real control and audience APIs on 127.0.0.1.
#include <doctest/doctest.h>
#include <httplib.h>

#include <string>

#include "core/clock.hpp"
#include "live/owner_queue.hpp"
#include "live/session.hpp"
#include "server/audience_api.hpp"
#include "server/control_api.hpp"
#include "server/listener.hpp"
#include "test_support.hpp"

using namespace pycast;
using nlohmann::json;

namespace {

constexpr const char* kToken = "0123456789abcdef0123456789abcdef";
constexpr const char* kPin = "482913";

struct Reply {
    int status = 0;  // 0: no HTTP answer at all
    json body;
    std::string error() const {
        return body.is_object() && body.contains("error") && body["error"].is_string()
                   ? body["error"].get<std::string>()
                   : std::string();
    }
};

Reply post(int port, const std::string& path, const std::string& body,
           const httplib::Headers& headers = {}) {
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(10, 0);
    httplib::Result res = client.Post(path.c_str(), headers, body, "application/json");
    Reply out;
    if (!res) return out;
    out.status = res->status;
    out.body = json::parse(res->body, nullptr, false);
    return out;
}

bool has(const std::string& text, const std::string& needle) {
    return text.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("robustness: an API body nested 100000 levels deep is a clear 400 message, no stack overflow") {
    Result<json> deep = parseJsonObjectBody(std::string(100000, '['), R"({"seconds": 60})");
    REQUIRE_FALSE(deep.ok());
    CHECK(has(deep.error().message(), "The body: "));
    CHECK(has(deep.error().message(), "nested more than 100 levels"));
    CHECK(has(deep.error().message(), "(line 1, column 101)"));
    CHECK(has(deep.error().message(), "send an object such as {\"seconds\": 60}"));

    Result<json> objects = parseJsonObjectBody("{\"a\":" + std::string(100000, '{'), "{}");
    REQUIRE_FALSE(objects.ok());
    CHECK(has(objects.error().message(), "nested more than 100 levels"));
    // 1e400 and a NUL followed by garbage, each named.
    Result<json> huge = parseJsonObjectBody(R"({"seconds": 1e400})", "{}");
    REQUIRE_FALSE(huge.ok());
    CHECK(has(huge.error().message(), "The body: the number 1e400 is too large to hold"));
    CHECK(has(huge.error().message(), "(line 1, column 13)"));
    Result<json> nul = parseJsonObjectBody(std::string("{\"seconds\": 60}\0garbage", 23), "{}");
    REQUIRE_FALSE(nul.ok());
    CHECK(has(nul.error().message(), "NUL byte"));
    CHECK(has(nul.error().message(), "(line 1, column 16)"));
}

TEST_CASE("robustness: the control API answers deeply nested and overflowing bodies with 400") {
    pycast::test::TempDir tmp;
    ManualClock clock(0);
    ManualWallClock wall(1'795'636'800'000, 0);
    auto session = Session::createAt(pycast::test::hostShow({"s-1"}), tmp / "s", {&clock, &wall, {}});
    REQUIRE_MESSAGE(session.ok(), session.error().message());
    OwnerQueue queue;
    ControlApi api(queue, kToken);
    const Result<int> port = api.start("127.0.0.1", 0);
    REQUIRE_MESSAGE(port.ok(), port.error().message());
    const httplib::Headers auth{{"Authorization", std::string("Bearer ") + kToken}};
    const std::size_t before = (*session)->events().size();

    // 60000 brackets fit under the 64 KiB body limit, so the JSON reader sees them; the
    // answer comes from the pool thread, before anything reaches the owner.
    const Reply deep = post(*port, "/api/extend", std::string(60000, '['), auth);
    CHECK(deep.status == 400);
    CHECK(has(deep.error(), "nested more than 100 levels"));
    CHECK(has(deep.error(), "(line 1, column 101)"));
    // 100000 brackets are over the limit: 413, still a JSON answer.
    const Reply over = post(*port, "/api/extend", std::string(100000, '['), auth);
    CHECK(over.status == 413);
    CHECK_FALSE(over.error().empty());
    const Reply seconds = post(*port, "/api/extend", R"({"seconds":[1.5e+9999]})", auth);
    CHECK(seconds.status == 400);
    CHECK(has(seconds.error(), "the number 1.5e+9999 is too large to hold"));
    CHECK((*session)->events().size() == before);  // nothing reached the session
    api.stop();
}

TEST_CASE("robustness: the audience API answers a deeply nested body with 400, not a crash") {
    OwnerQueue queue;
    AudienceApi api(queue, kPin);
    const Result<int> port = api.start("127.0.0.1", 0);
    REQUIRE_MESSAGE(port.ok(), port.error().message());
    // Its bodies are limited to 8 KB; 8000 brackets are under it.
    const Reply deep = post(*port, "/api/questions", std::string(8000, '['));
    CHECK(deep.status == 400);
    CHECK(has(deep.error(), "nested more than 100 levels"));
    const Reply huge = post(*port, "/api/questions", R"({"pin":"482913","votes":1e400})");
    CHECK(huge.status == 400);
    CHECK(has(huge.error(), "1e400 is too large to hold"));
    api.stop();
}
