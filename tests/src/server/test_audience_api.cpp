// Tests for the audience API over real HTTP on 127.0.0.1; the session's owner loop is the test
// thread.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>

#include "live/owner_queue.hpp"
#include "server/audience_api.hpp"
#include "test_support.hpp"

using namespace pycast;
using nlohmann::json;
using namespace std::chrono_literals;

namespace {

constexpr const char* kPin = "482913";
constexpr const char* kDeviceA = "device-aaaaaaaaaaaaaaaaaaaaaa";
constexpr const char* kDeviceB = "device-bbbbbbbbbbbbbbbbbbbbbb";

struct Reply {
    int status = 0;  // 0: no HTTP answer at all
    std::string text;
    json body;
    httplib::Headers headers;
    std::string header(const std::string& name) const {
        auto it = headers.find(name);
        return it == headers.end() ? std::string() : it->second;
    }
    std::string code() const {
        return body.is_object() && body.contains("code") ? body["code"].get<std::string>()
                                                         : std::string();
    }
};

Reply toReply(const httplib::Result& res) {
    Reply out;
    if (!res) return out;
    out.status = res->status;
    out.text = res->body;
    out.body = json::parse(res->body, nullptr, false);
    out.headers = res->headers;
    return out;
}

AudienceQuestion question(std::string id, std::string text, int votes,
                          std::vector<std::string> voters = {}) {
    AudienceQuestion q;
    q.id = std::move(id);
    q.text = std::move(text);
    q.votes = votes;
    q.voters = std::move(voters);
    return q;
}

// A server with no session behind it: for what never reaches the owner thread.
struct Board {
    OwnerQueue queue;
    AudienceApi server;
    int port = 0;

    explicit Board(AudienceApiOptions options = {}) : server(queue, kPin, std::move(options)) {
        const Result<int> started = server.start("127.0.0.1", 0);
        REQUIRE_MESSAGE(started.ok(), started.error().message());
        port = *started;
    }
    httplib::Client client() const {
        httplib::Client c("127.0.0.1", port);
        c.set_read_timeout(10, 0);
        return c;
    }
    Reply get(const std::string& path, httplib::Headers headers = {}) {
        return toReply(client().Get(path.c_str(), headers));
    }
    Reply post(const std::string& path, const std::string& body) {
        return toReply(client().Post(path.c_str(), body, "application/json"));
    }
};

}  // namespace

TEST_CASE("audience API: without the right PIN nothing is read (403 wrong-pin)") {
    Board b;
    AudienceView view;
    view.title = "EP12";
    view.questions = {question("q1", "secret question", 3)};
    b.server.board().publish(view);
    for (const std::string path :
         {"/api/questions", "/api/questions?pin=", "/api/questions?pin=482914",
          "/api/questions?pin=4829130", "/api/questions?pin=48291"}) {
        const Reply r = b.get(path);
        CHECK_MESSAGE(r.status == 403, path);
        CHECK(r.code() == "wrong-pin");
        CHECK(r.body["error"].is_string());
        CHECK(r.text.find("secret") == std::string::npos);
    }
    const Reply right = b.get(std::string("/api/questions?pin=") + kPin);
    CHECK(right.status == 200);
    CHECK(right.body["questions"][0]["text"] == "secret question");
    // Without the PIN a POST is refused before anything in it is looked at.
    const Reply submit =
        b.post("/api/questions", R"({"pin":"000000","text":"hello","device":"x"})");
    CHECK(submit.status == 403);
    CHECK(submit.code() == "wrong-pin");
    CHECK(b.queue.pending() == 0);
    const Reply vote = b.post("/api/questions/q1/vote", R"({"device":"device-aaaaaaaa"})");
    CHECK(vote.status == 403);
    CHECK(b.queue.pending() == 0);
}

TEST_CASE("audience API: wrong PINs from one address are limited, then even the right one waits") {
    AudienceApiOptions options;
    options.limits.wrongPinsPerAddress = {0.01, 3};
    Board b(options);
    for (int i = 0; i < 3; ++i) CHECK(b.get("/api/questions?pin=111111").status == 403);
    const Reply limited = b.get(std::string("/api/questions?pin=") + kPin);
    CHECK(limited.status == 429);
    CHECK(limited.code() == "rate-limited");
    CHECK(std::stoi(limited.header("Retry-After")) >= 1);
}

TEST_CASE("audience API: GET /api/questions serves the published view with this device's votes") {
    Board b;
    AudienceView view;
    view.title = "PyCast EP12 職涯";
    view.topics = {"職涯 Career", "技術 Tech"};
    AudienceQuestion onAir = question("q7", "on air now", 12, {kDeviceA});
    onAir.name = "Amy";
    onAir.forPerson = "陳冠宇";
    onAir.topics = {"技術 Tech"};
    view.onAir = onAir;
    view.questions = {question("q3", "most votes", 5, {kDeviceB, kDeviceA}),
                      question("q4", "fewer", 1, {kDeviceB})};
    view.answered = 3;
    view.revision = 42;
    b.server.board().publish(view);
    // The owner queue is never drained here: a GET does not wait for the owner thread.
    const std::string base = std::string("/api/questions?pin=") + kPin;
    const Reply a = b.get(base + "&device=" + kDeviceA);
    REQUIRE(a.status == 200);
    CHECK(a.header("Content-Type").find("application/json") != std::string::npos);
    CHECK(a.body["title"] == "PyCast EP12 職涯");
    CHECK(a.body["accepting"] == true);
    CHECK(a.body["topics"] == json({"職涯 Career", "技術 Tech"}));
    CHECK(a.body["on_air"] == json({{"id", "q7"},
                                    {"text", "on air now"},
                                    {"name", "Amy"},
                                    {"topics", {"技術 Tech"}},
                                    {"for", "陳冠宇"},
                                    {"votes", 12}}));
    CHECK(a.body["answered"] == 3);
    CHECK(a.body["revision"] == 42);
    REQUIRE(a.body["questions"].size() == 2);
    CHECK(a.body["questions"][0]["id"] == "q3");
    CHECK(a.body["questions"][0]["voted"] == true);
    CHECK(a.body["questions"][1]["voted"] == false);
    CHECK(a.text.find(kDeviceB) == std::string::npos);  // voters are never sent
    const Reply anyone = b.get(base);
    CHECK(anyone.body["questions"][0]["voted"] == false);
    CHECK(anyone.body["questions"][1]["voted"] == false);
    CHECK(b.get(base + "&device=" + kDeviceB).body["questions"][1]["voted"] == true);
    CHECK(b.get(base + "&device=no").code() == "bad-device");
    CHECK(b.queue.pending() == 0);

    // A new view replaces it for the next request.
    view.questions[1].votes = 2;
    view.questions[1].voters.push_back(kDeviceA);
    view.revision = 43;
    b.server.board().publish(view);
    const Reply after = b.get(base + "&device=" + kDeviceA);
    CHECK(after.body["revision"] == 43);
    CHECK(after.body["questions"][1]["voted"] == true);
}

TEST_CASE("audience API: the page is HTML in the reader's language; other paths are 404") {
    Board b;
    const Reply en = b.get("/?pin=482913", {{"Accept-Language", "en-US,en;q=0.9"}});
    CHECK(en.status == 200);
    CHECK(en.header("Content-Type").find("text/html") != std::string::npos);
    CHECK(en.text.find("lang=\"en\"") != std::string::npos);
    const Reply zh = b.get("/", {{"Accept-Language", "zh-TW,zh;q=0.9,en;q=0.8"}});
    CHECK(zh.text.find("lang=\"zh-Hant\"") != std::string::npos);
    CHECK(zh.header("Content-Security-Policy").find("default-src 'none'") != std::string::npos);
    CHECK(b.get("/favicon.ico").status == 204);
    const Reply missing = b.get("/etc/passwd");
    CHECK(missing.status == 404);
    CHECK(missing.code() == "not-found");
    CHECK(b.get("/api/state").status == 404);
    const Reply wrong = toReply(b.client().Delete("/api/questions"));
    CHECK(wrong.status == 405);
    CHECK(wrong.header("Allow") == "GET, POST");
}

TEST_CASE("audience API: bodies over 8 KB are refused with 413 too-large, 2 MB of garbage too") {
    Board b;
    std::string big = R"({"pin":"482913","text":")" + std::string(9000, 'x') + "\"}";
    const Reply over = b.post("/api/questions", big);
    CHECK(over.status == 413);
    CHECK(over.code() == "too-large");
    CHECK(over.body["error"].get<std::string>().find("8 KiB") != std::string::npos);
    std::string garbage(2 * 1024 * 1024, '\0');
    for (std::size_t i = 0; i < garbage.size(); ++i)
        garbage[i] = static_cast<char>((i * 2654435761u) >> 13);
    const Reply junk = b.post("/api/questions", garbage);
    CHECK(junk.status == 413);
    CHECK(junk.code() == "too-large");
    CHECK(b.queue.pending() == 0);
    // The server still answers everyone else.
    CHECK(b.get(std::string("/api/questions?pin=") + kPin).status == 200);
}

TEST_CASE("audience API: malformed bodies get 400 with their own code, nothing reaches the owner") {
    Board b;
    AudienceView view;
    view.topics = {"技術 Tech"};
    b.server.board().publish(view);
    const auto code = [&](const std::string& body) {
        const Reply r = b.post("/api/questions", body);
        CHECK_MESSAGE(r.status == (r.code() == "wrong-pin" ? 403 : 400), body);
        CHECK(r.body["error"].is_string());
        return r.code();
    };
    CHECK(code("{not json") == "bad-json");
    CHECK(code("[1,2]") == "bad-json");
    CHECK(code("") == "bad-json");
    CHECK(code("\"just a string\"") == "bad-json");
    CHECK(code(std::string(R"({"pin":"482913","text":"caf)") + "\xE9\"}") == "bad-utf8");
    CHECK(code("{\"pin\":\"482913\",\"text\":\"\xC0\xAF\"}") == "bad-utf8");
    CHECK(code(R"({"pin":"482913","text":"\ud800"})") == "bad-json");  // lone surrogate
    CHECK(code(R"({"pin":"482913","pin":"482913","text":"x"})") == "bad-json");
    CHECK(code(R"({"pin":"482913"})") == "empty-question");
    CHECK(code(R"({"pin":"482913","text":"   \n\t "})") == "empty-question");
    CHECK(code(R"({"pin":"482913","text":42})") == "bad-json");
    std::string long501 = R"({"pin":"482913","text":")";
    for (int i = 0; i < 501; ++i) long501 += "問";
    CHECK(code(long501 + "\"}") == "question-too-long");
    CHECK(code(R"({"pin":"482913","text":"ok","name":")" + std::string(61, 'n') + "\"}") ==
          "name-too-long");
    CHECK(code(R"({"pin":"482913","text":"ok","topic":"Sports"})") == "unknown-topic");
    CHECK(code(R"({"pin":"482913","text":"ok","device":"short"})") == "bad-device");
    CHECK(code(R"({"pin":"482913","text":"ok","device":"../../etc/passwd"})") == "bad-device");
    CHECK(code(R"({"text":"ok"})") == "wrong-pin");
    const Reply vote = b.post("/api/questions/q1/vote", R"({"pin":"482913"})");
    CHECK(vote.status == 400);
    CHECK(vote.code() == "bad-device");
    CHECK(b.queue.pending() == 0);
}

TEST_CASE("audience API: votes for a question the room cannot see are 404, repeats 409") {
    Board b;
    AudienceView view;
    view.questions = {question("q3", "approved", 1, {kDeviceA})};
    b.server.board().publish(view);
    const Reply none = b.post("/api/questions/q99/vote",
                              std::string(R"({"pin":"482913","device":")") + kDeviceA + "\"}");
    CHECK(none.status == 404);
    CHECK(none.code() == "no-such-question");
    const Reply again = b.post("/api/questions/q3/vote",
                               std::string(R"({"pin":"482913","device":")") + kDeviceA + "\"}");
    CHECK(again.status == 409);
    CHECK(again.code() == "already-voted");
    CHECK(b.queue.pending() == 0);
}

TEST_CASE("audience API: reads are limited per device and per address with Retry-After") {
    AudienceApiOptions options;
    options.limits.readsPerDevice = {0.01, 5};
    options.limits.readsPerAddress = {0.01, 12};
    Board b(options);
    const std::string base = std::string("/api/questions?pin=") + kPin + "&device=";
    for (int i = 0; i < 5; ++i) CHECK(b.get(base + kDeviceA).status == 200);
    const Reply limited = b.get(base + kDeviceA);
    CHECK(limited.status == 429);
    CHECK(limited.code() == "rate-limited");
    CHECK(std::stoi(limited.header("Retry-After")) >= 1);
    // Another phone at the same address still reads (the refused read above used none of the
    // address's), until the address's own limit: 12 reads.
    for (int i = 0; i < 5; ++i) CHECK(b.get(base + kDeviceB).status == 200);
    CHECK(b.get(base + "device-cccccccccc").status == 200);
    CHECK(b.get(base + "device-dddddddddd").status == 200);
    const Reply room = b.get(base + "device-eeeeeeeeee");
    CHECK(room.status == 429);
    CHECK(room.body["error"].get<std::string>().find("address") != std::string::npos);
}

TEST_CASE("audience API: stopping closes the port at once") {
    Board b;
    CHECK(b.get(std::string("/api/questions?pin=") + kPin).status == 200);
    const auto t0 = std::chrono::steady_clock::now();
    b.server.stop();
    CHECK(std::chrono::steady_clock::now() - t0 < 3s);
    CHECK_FALSE(b.server.running());
    CHECK(b.get(std::string("/api/questions?pin=") + kPin).status == 0);  // nothing listens
}
