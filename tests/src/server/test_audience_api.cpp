// Tests for the audience API over real HTTP on 127.0.0.1; the session's owner loop is the test
// thread.
#include <doctest/doctest.h>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <future>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "live/live_host.hpp"
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
    // Only each new device's visit is posted, and never waited for.
    CHECK(b.queue.pending() == 2);

    // A new view replaces it for the next request.
    view.questions[1].votes = 2;
    view.questions[1].voters.push_back(kDeviceA);
    view.revision = 43;
    b.server.board().publish(view);
    const Reply after = b.get(base + "&device=" + kDeviceA);
    CHECK(after.body["revision"] == 43);
    CHECK(after.body["questions"][1]["voted"] == true);
}

TEST_CASE("audience board: one snapshot serves several boards, and a null one changes nothing") {
    AudienceView view;
    view.title = "EP12";
    view.questions = {question("q1", "shared", 2, {kDeviceA})};
    view.revision = 7;
    AudienceView same = view;
    CHECK(same == view);
    same.questions[0].voters.push_back(kDeviceB);  // never sent, yet a different view
    CHECK_FALSE(same == view);

    const auto snapshot = std::make_shared<const AudienceSnapshot>(view);
    AudienceBoard first;
    AudienceBoard second;
    first.publish(snapshot);
    second.publish(snapshot);
    CHECK(first.current() == snapshot);
    CHECK(second.current() == snapshot);
    CHECK(json::parse(second.current()->body(kDeviceA, true))["questions"][0]["voted"] == true);
    second.publish(std::shared_ptr<const AudienceSnapshot>());
    CHECK(second.current() == snapshot);
    first.publish(AudienceView{});  // the view overload still makes its own snapshot
    CHECK(first.current() != snapshot);
    CHECK(first.current()->revision() == 0);
}

TEST_CASE("audience API: the page is HTML in the reader's language — other paths are 404") {
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

// ---------------------------------------------------------------------------------------------
// With a real session: the audience service on a LiveHost, the test thread as its owner loop.

namespace {

Show roomShow() {
    Show show;
    show.meta.title = "PyCast EP12";
    show.topics = {"職涯 Career", "技術 Tech"};
    Person guest;
    guest.id = "p-chen";
    guest.name = "陳冠宇";
    guest.role = Role::Guest;
    show.people = {guest};
    Segment s;
    s.id = "s-qa";
    s.title = "Q&A";
    s.planned = 600;
    show.rundown = {s};
    Poll poll;
    poll.id = "poll-next";
    poll.question = "下次想聽什麼主題？";
    poll.options = {"AI", "Web", "DevOps", "Data", "職涯"};
    show.polls = {poll};
    return show;
}

struct Room {
    pycast::test::TempDir tmp;
    LiveHost host;
    int port = 0;
    std::string url;

    explicit Room(std::optional<std::string> pin = std::string(kPin), AudienceApiOptions api = {}) {
        AudienceServiceOptions options;
        options.address = {"127.0.0.1", 0};
        options.pin = std::move(pin);
        options.api = std::move(api);
        host.addService([options] { return makeAudienceService(options); });
        const Status started = host.startSessionAt(roomShow(), tmp / "s");
        REQUIRE_MESSAGE(started.ok(), started.error().message());
        findPort();
    }
    void findPort() {
        port = 0;
        for (const ServiceInfo& s : host.services())
            if (s.name == kAudienceServiceName && s.running) {
                url = s.url;
                const auto colon = url.rfind(':');
                port = std::stoi(url.substr(colon + 1));
            }
        REQUIRE(port > 0);
    }
    // Sends one request from a helper thread while this thread drains the owner queue.
    Reply send(const std::string& method, const std::string& path, const std::string& body = "") {
        const int p = port;
        auto future = std::async(std::launch::async, [=] {
            httplib::Client client("127.0.0.1", p);
            client.set_read_timeout(10, 0);
            return toReply(method == "GET" ? client.Get(path.c_str())
                                           : client.Post(path.c_str(), body, "application/json"));
        });
        while (future.wait_for(1ms) != std::future_status::ready) {
            host.waitForWork(5ms);
            host.drain();
        }
        return future.get();
    }
    Reply submit(const std::string& fields) {
        return send("POST", "/api/questions",
                    std::string(R"({"pin":")") + kPin + "\"," + fields + "}");
    }
    Reply vote(const std::string& id, const std::string& device) {
        return send("POST", "/api/questions/" + id + "/vote",
                    std::string(R"({"pin":")") + kPin + R"(","device":")" + device + "\"}");
    }
    Reply list(const std::string& device = "") {
        return send("GET", std::string("/api/questions?pin=") + kPin +
                               (device.empty() ? "" : "&device=" + device));
    }
    void approve(const std::string& id) {
        REQUIRE(host.perform(LiveRequest(LiveCommand::QuestionApprove).withId(id)).ok);
    }
    std::string journal() const { return pycast::test::readFile(tmp / "s" / "journal.jsonl"); }
};

}  // namespace

TEST_CASE("audience API: a submission is journaled before its 201 and waits for approval") {
    Room room;
    const Reply sent =
        room.submit(R"("text":"怎麼開始寫 Python？","name":"Amy","topic":"技術 Tech","device":")" +
                    std::string(kDeviceA) + "\"");
    REQUIRE(sent.status == 201);
    const std::string id = sent.body["id"];
    CHECK(sent.body["state"] == "pending");
    // On disk already when the 201 arrived.
    const std::string journal = room.journal();
    CHECK(journal.find("\"question-submit\"") != std::string::npos);
    CHECK(journal.find(id) != std::string::npos);
    CHECK(journal.find("怎麼開始寫 Python？") != std::string::npos);
    const LiveQuestion* q = room.host.session()->questions().find(id);
    REQUIRE(q);
    CHECK(q->source == QuestionSource::Web);
    CHECK(q->device == kDeviceA);
    CHECK(q->topics == std::vector<std::string>{"技術 Tech"});

    // Nothing from the audience is shown before approval.
    const Reply before = room.list();
    CHECK(before.body["questions"].empty());
    CHECK(before.body["title"] == "PyCast EP12");
    CHECK(before.body["topics"] == json({"職涯 Career", "技術 Tech"}));
    CHECK(room.vote(id, kDeviceB).code() == "no-such-question");

    room.approve(id);
    const Reply after = room.list(kDeviceA);
    REQUIRE(after.body["questions"].size() == 1);
    CHECK(after.body["questions"][0]["text"] == "怎麼開始寫 Python？");
    CHECK(after.body["questions"][0]["name"] == "Amy");
    CHECK(after.body["questions"][0]["voted"] == false);
    CHECK(after.body["revision"].get<int>() > before.body["revision"].get<int>());
}

TEST_CASE("audience API: one vote per device, journaled, counted and flagged for that device") {
    Room room;
    const std::string id = room.submit(R"("text":"first")").body["id"];
    const std::string other = room.submit(R"("text":"second")").body["id"];
    room.approve(id);
    room.approve(other);
    const Reply v1 = room.vote(id, kDeviceA);
    CHECK(v1.status == 200);
    CHECK(v1.body == json({{"id", id}, {"votes", 1}}));
    CHECK(room.journal().find("\"question-vote\"") != std::string::npos);
    const Reply again = room.vote(id, kDeviceA);
    CHECK(again.status == 409);
    CHECK(again.code() == "already-voted");
    CHECK(room.vote(id, kDeviceB).body["votes"] == 2);
    const Reply listA = room.list(kDeviceA);
    REQUIRE(listA.body["questions"].size() == 2);
    CHECK(listA.body["questions"][0]["id"] == id);  // most votes first
    CHECK(listA.body["questions"][0]["votes"] == 2);
    CHECK(listA.body["questions"][0]["voted"] == true);
    CHECK(listA.body["questions"][1]["voted"] == false);

    // On air: shown apart, still votable; answered: gone from the room's list, and a vote 404.
    REQUIRE(room.host.perform(LiveRequest(LiveCommand::QuestionOnAir).withId(other)).ok);
    const Reply onAir = room.list();
    CHECK(onAir.body["on_air"]["id"] == other);
    CHECK(onAir.body["questions"].size() == 1);
    CHECK(room.vote(other, kDeviceA).status == 200);
    REQUIRE(room.host.perform(LiveRequest(LiveCommand::Start)).ok);
    REQUIRE(room.host.perform(LiveRequest(LiveCommand::QuestionAnswered).withId(other)).ok);
    const Reply answered = room.list();
    CHECK(answered.body["on_air"].is_null());
    CHECK(answered.body["answered"] == 1);
    CHECK(room.vote(other, kDeviceB).code() == "no-such-question");
}

TEST_CASE("audience API: <script> is kept and returned as JSON text, control characters stripped") {
    Room room;
    const Reply sent = room.submit(
        R"("text":"<script>alert(1)</script>\u0007\r\nline two\u009b","name":"<b>Bob</b>\n\u001b[2J")");
    REQUIRE(sent.status == 201);
    room.approve(sent.body["id"]);
    const Reply list = room.list();
    CHECK(list.header("Content-Type").find("application/json") != std::string::npos);
    CHECK(list.header("X-Content-Type-Options") == "nosniff");
    REQUIRE(list.body["questions"].size() == 1);
    CHECK(list.body["questions"][0]["text"] == "<script>alert(1)</script>\nline two");
    CHECK(list.body["questions"][0]["name"] == "<b>Bob</b> [2J");
}

TEST_CASE("audience API: a flood from one device gets 429 with Retry-After, another still 201") {
    Room room;
    int accepted = 0;
    Reply limited;
    for (int i = 0; i < 20; ++i) {
        const Reply r = room.submit(R"("text":"flood )" + std::to_string(i) + R"(","device":")" +
                                    kDeviceA + "\"");
        if (r.status == 201) ++accepted;
        if (r.status == 429) limited = r;
    }
    const AudienceLimits defaults;
    CHECK(accepted == static_cast<int>(defaults.submitsPerDevice.burst));
    CHECK(limited.code() == "rate-limited");
    CHECK(std::stoi(limited.header("Retry-After")) >= 1);
    const Reply other =
        room.submit(R"("text":"I am someone else","device":")" + std::string(kDeviceB) + "\"");
    CHECK(other.status == 201);
    CHECK(room.host.session()->questions().all().size() == static_cast<std::size_t>(accepted + 1));
}

TEST_CASE("audience API: when the owner does not answer in time nothing is kept (503 busy)") {
    AudienceApiOptions api;
    api.replyTimeout = 200ms;
    Room room(std::string(kPin), api);
    httplib::Client client("127.0.0.1", room.port);
    client.set_read_timeout(10, 0);
    // Nobody drains the owner queue here.
    const Reply r = toReply(client.Post(
        "/api/questions", std::string(R"({"pin":")") + kPin + R"(","text":"anyone there?"})",
        "application/json"));
    CHECK(r.status == 503);
    CHECK(r.code() == "busy");
    room.host.drain();
    CHECK(room.host.session()->questions().all().empty());
    CHECK(room.journal().find("question-submit") == std::string::npos);
}

TEST_CASE("audience API: a generated PIN is 6 digits, kept in session.json and after a resume") {
    std::string pin;
    pycast::test::TempDir keep;
    std::filesystem::path dir;
    {
        Room room(std::nullopt);
        pin = room.host.session()->audiencePin();
        CHECK(pin.size() == 6);
        CHECK(pin.find_first_not_of("0123456789") == std::string::npos);
        CHECK(pin[0] != '0');
        CHECK(room.url.find("?pin=" + pin) != std::string::npos);
        CHECK(pycast::test::readFile(room.tmp / "s" / "session.json").find(pin) !=
              std::string::npos);
        // The page takes it; another is refused.
        const Reply r = room.send("GET", "/api/questions?pin=" + pin);
        CHECK(r.status == 200);
        dir = keep / "copy";
        room.host.closeSession();
        std::filesystem::copy(room.tmp / "s", dir, std::filesystem::copy_options::recursive);
    }
    LiveHost resumed;
    AudienceServiceOptions options;
    options.address = {"127.0.0.1", 0};
    resumed.addService([options] { return makeAudienceService(options); });
    REQUIRE(resumed.resumeSession(dir).ok());
    CHECK(resumed.session()->audiencePin() == pin);
    bool found = false;
    for (const ServiceInfo& s : resumed.services())
        if (s.name == kAudienceServiceName) found = s.url.find("?pin=" + pin) != std::string::npos;
    CHECK(found);
    // Many fresh PINs are all 6 digits and not all the same.
    std::set<std::string> pins;
    for (int i = 0; i < 50; ++i) {
        const std::string p = newAudiencePin();
        CHECK(p.size() == 6);
        CHECK(validAudiencePin(p));
        pins.insert(p);
    }
    CHECK(pins.size() > 40);
}

TEST_CASE("audience API: switching the service off closes the port at once") {
    Room room;
    CHECK(room.list().status == 200);
    room.host.stopService(kAudienceServiceName);
    httplib::Client client("127.0.0.1", room.port);
    client.set_connection_timeout(1, 0);
    CHECK_FALSE(client.Get("/api/questions"));
    // Switched on again: a new port, the same PIN, the same questions.
    AudienceServiceOptions options;
    options.address = {"127.0.0.1", 0};
    REQUIRE(room.host.startService(makeAudienceService(options)).ok());
    room.findPort();
    CHECK(room.list().status == 200);
}

TEST_CASE("audience API: switching off answers a submission in flight and refuses new ones") {
    Room room;
    // A phone that keeps its connection open between polls.
    httplib::Client idle("127.0.0.1", room.port);
    idle.set_keep_alive(true);
    REQUIRE(idle.Get((std::string("/api/questions?pin=") + kPin).c_str()));
    // A submission queued for the owner, which is not draining yet.
    const int port = room.port;
    auto inFlight = std::async(std::launch::async, [port] {
        httplib::Client client("127.0.0.1", port);
        client.set_read_timeout(10, 0);
        return toReply(client.Post(
            "/api/questions", std::string(R"({"pin":")") + kPin + R"(","text":"just in time"})",
            "application/json"));
    });
    while (!room.host.waitForWork(5ms)) {
    }
    room.host.stopService(kAudienceServiceName);
    const Reply answered = inFlight.get();
    CHECK(answered.status == 201);
    CHECK(room.journal().find("just in time") != std::string::npos);
    httplib::Client late("127.0.0.1", room.port);
    late.set_connection_timeout(1, 0);
    CHECK_FALSE(late.Post("/api/questions", R"({"text":"too late"})", "application/json"));
}

TEST_CASE("audience API: a merged question's votes and voters count for the one it joined") {
    Room room;
    const std::string into = room.submit(R"("text":"How do you hire?")").body["id"];
    const std::string dup = room.submit(R"("text":"Are you hiring?")").body["id"];
    room.approve(into);
    room.approve(dup);
    CHECK(room.vote(dup, kDeviceA).status == 200);
    CHECK(room.vote(into, kDeviceB).status == 200);
    REQUIRE(
        room.host.perform(LiveRequest(LiveCommand::QuestionMerge).withId(into).withIds({dup})).ok);
    const Reply list = room.list(kDeviceA);
    REQUIRE(list.body["questions"].size() == 1);  // the merged one left the room's list
    CHECK(list.body["questions"][0]["id"] == into);
    CHECK(list.body["questions"][0]["votes"] == 2);
    CHECK(list.body["questions"][0]["voted"] == true);  // A voted for the duplicate
    const Reply again = room.vote(into, kDeviceA);
    CHECK(again.status == 409);
    CHECK(again.code() == "already-voted");
    CHECK(room.vote(dup, kDeviceB).code() == "no-such-question");
}

// ---------------------------------------------------------------------------------------------
// Polls

namespace {

constexpr const char* kDeviceC = "device-cccccccccccccccccccccc";

std::string pollVoteBody(const std::string& device, const std::string& option) {
    return json({{"pin", kPin}, {"device", device}, {"option", option}}).dump();
}

Reply pollVote(Room& room, const std::string& id, const std::string& device,
               const std::string& option) {
    return room.send("POST", "/api/polls/" + id + "/vote", pollVoteBody(device, option));
}

Reply polls(Room& room, const std::string& device = "") {
    return room.send("GET", std::string("/api/polls?pin=") + kPin +
                                (device.empty() ? "" : "&device=" + device));
}

void producer(Room& room, LiveRequest request) {
    const SessionActionResult r = room.host.perform(std::move(request));
    REQUIRE_MESSAGE(r.ok, r.error.message());
}

std::size_t countOf(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

}  // namespace

TEST_CASE("audience polls: the snapshot serves open and closed polls, counts only when public") {
    Board b;
    AudienceView view;
    AudiencePoll open;
    open.id = "p1";
    open.question = "<b>下次</b>想聽什麼？";
    open.open = true;
    open.options = {"AI", "Web"};
    open.ballots = {{kDeviceB, 1}, {kDeviceA, 0}};  // unsorted: the snapshot sorts
    AudiencePoll closed;
    closed.id = "p0";
    closed.question = "Which day?";
    closed.options = {"Sat", "Sun"};
    closed.votes = std::vector<int>{4, 7};
    view.polls = {open, closed};
    view.pollsRevision = 9;
    b.server.board().publish(view);
    const std::string base = std::string("/api/polls?pin=") + kPin;
    const Reply a = b.get(base + "&device=" + kDeviceA);
    REQUIRE(a.status == 200);
    CHECK(a.header("Content-Type").find("application/json") != std::string::npos);
    CHECK(a.body["revision"] == 9);
    REQUIRE(a.body["polls"].size() == 2);
    CHECK(a.body["polls"][0] == json::parse(R"({"id":"p1","question":"<b>下次</b>想聽什麼？",
        "state":"open","options":[{"label":"AI","votes":null},{"label":"Web","votes":null}],
        "votes":null,"voted":"AI"})"));
    CHECK(a.body["polls"][1] == json::parse(R"({"id":"p0","question":"Which day?",
        "state":"closed","options":[{"label":"Sat","votes":4},{"label":"Sun","votes":7}],
        "votes":11,"voted":null})"));
    CHECK(b.get(base + "&device=" + kDeviceB).body["polls"][0]["voted"] == "Web");
    CHECK(b.get(base).body["polls"][0]["voted"].is_null());
    CHECK(a.text.find(kDeviceB) == std::string::npos);  // devices are never sent
    // GET /api/questions carries the same polls, so the page needs one request.
    const Reply q = b.get(std::string("/api/questions?pin=") + kPin + "&device=" + kDeviceB);
    CHECK(q.body["polls"] == b.get(base + "&device=" + kDeviceB).body["polls"]);
    CHECK(q.body["polls_revision"] == 9);
    // The PIN is needed, as for questions.
    const Reply wrong = b.get("/api/polls?pin=000000");
    CHECK(wrong.status == 403);
    CHECK(wrong.code() == "wrong-pin");
    CHECK(wrong.text.find("Which day") == std::string::npos);
    CHECK(b.get("/api/polls?pin=" + std::string(kPin) + "&device=no").code() == "bad-device");
    const Reply post = toReply(b.client().Post("/api/polls", "{}", "application/json"));
    CHECK(post.status == 405);
    CHECK(post.header("Allow") == "GET");
}

TEST_CASE("audience polls: drafts are invisible, counts hidden until closed unless live") {
    Room room;
    const Reply none = polls(room, kDeviceA);
    REQUIRE(none.status == 200);
    CHECK(none.body["polls"].empty());  // the show's poll is a draft
    CHECK(room.list().body["polls"].empty());
    CHECK(pollVote(room, "poll-next", kDeviceA, "AI").code() == "no-such-poll");

    producer(room, LiveRequest(LiveCommand::PollOpen).withId("poll-next"));
    REQUIRE(pollVote(room, "poll-next", kDeviceA, "AI").status == 200);
    REQUIRE(pollVote(room, "poll-next", kDeviceB, "Data").status == 200);
    const Reply hidden = polls(room, kDeviceA);
    REQUIRE(hidden.body["polls"].size() == 1);
    const json& p = hidden.body["polls"][0];
    CHECK(p["state"] == "open");
    CHECK(p["voted"] == "AI");
    CHECK(p["votes"].is_null());
    for (const json& o : p["options"]) CHECK(o["votes"].is_null());

    producer(room, LiveRequest(LiveCommand::PollLiveResults).withId("poll-next").withFlag(true));
    const Reply live = polls(room);
    CHECK(live.body["polls"][0]["options"][0]["votes"] == 1);
    CHECK(live.body["polls"][0]["options"][3]["votes"] == 1);
    CHECK(live.body["polls"][0]["votes"] == 2);
    producer(room, LiveRequest(LiveCommand::PollLiveResults).withId("poll-next").withFlag(false));
    CHECK(polls(room).body["polls"][0]["votes"].is_null());

    // A second, live-created poll stays a draft (invisible) while the first closes.
    producer(room, LiveRequest(LiveCommand::PollCreate)
                       .withText("Sat or Sun?")
                       .withOptions({"Sat", "Sun"}));
    producer(room, LiveRequest(LiveCommand::PollClose).withId("poll-next"));
    const Reply closed = polls(room, kDeviceB);
    REQUIRE(closed.body["polls"].size() == 1);
    CHECK(closed.body["polls"][0]["state"] == "closed");
    CHECK(closed.body["polls"][0]["voted"] == "Data");
    CHECK(closed.body["polls"][0]["options"][0]["votes"] == 1);
    CHECK(closed.body["polls"][0]["options"][1]["votes"] == 0);
    CHECK(closed.body["polls"][0]["votes"] == 2);
}

TEST_CASE("audience polls: a second vote from the same device changes it, not adds, journaled") {
    Room room;
    producer(room, LiveRequest(LiveCommand::PollOpen).withId("poll-next"));
    producer(room, LiveRequest(LiveCommand::PollLiveResults).withId("poll-next").withFlag(true));
    const Reply first = pollVote(room, "poll-next", kDeviceA, "AI");
    REQUIRE(first.status == 200);
    CHECK(first.body["id"] == "poll-next");
    CHECK(first.body["voted"] == "AI");
    CHECK(first.body["options"][0]["votes"] == 1);
    CHECK(countOf(room.journal(), "\"poll-vote\"") == 1);  // on disk when the 200 came
    // A change of mind, typed differently ("  data " folds to "Data").
    const Reply changed = pollVote(room, "poll-next", kDeviceA, "  data ");
    REQUIRE(changed.status == 200);
    CHECK(changed.body["voted"] == "Data");
    CHECK(changed.body["options"][0]["votes"] == 0);
    CHECK(changed.body["options"][3]["votes"] == 1);
    CHECK(changed.body["votes"] == 1);
    CHECK(countOf(room.journal(), "\"poll-vote\"") == 2);
    // The same choice again: 200, nothing new journaled.
    const Reply same = pollVote(room, "poll-next", kDeviceA, "Data");
    CHECK(same.status == 200);
    CHECK(same.body["voted"] == "Data");
    CHECK(countOf(room.journal(), "\"poll-vote\"") == 2);
    CHECK(pollVote(room, "poll-next", kDeviceB, "Data").body["options"][3]["votes"] == 2);
    const LivePoll* p = room.host.session()->polls().find("poll-next");
    REQUIRE(p);
    CHECK(p->totalVotes() == 2);
    CHECK(p->counts() == std::vector<int>{0, 0, 0, 2, 0});
    // Hidden counts: the reply says the device's choice but not the counts.
    producer(room, LiveRequest(LiveCommand::PollLiveResults).withId("poll-next").withFlag(false));
    const Reply quiet = pollVote(room, "poll-next", kDeviceC, "職涯");
    REQUIRE(quiet.status == 200);
    CHECK(quiet.body["voted"] == "職涯");
    CHECK(quiet.body["votes"].is_null());
}

TEST_CASE("audience polls: wrong PIN, unknown poll, unknown option, closed poll, bad input") {
    Room room;
    producer(room, LiveRequest(LiveCommand::PollOpen).withId("poll-next"));
    const std::string path = "/api/polls/poll-next/vote";
    const Reply pin = room.send(
        "POST", path, json({{"pin", "000000"}, {"device", kDeviceA}, {"option", "AI"}}).dump());
    CHECK(pin.status == 403);
    CHECK(pin.code() == "wrong-pin");
    const Reply noPin =
        room.send("POST", path, json({{"device", kDeviceA}, {"option", "AI"}}).dump());
    CHECK(noPin.status == 403);
    const Reply unknown = pollVote(room, "poll-zzz", kDeviceA, "AI");
    CHECK(unknown.status == 404);
    CHECK(unknown.code() == "no-such-poll");
    const Reply option = pollVote(room, "poll-next", kDeviceA, "Google");
    CHECK(option.status == 400);
    CHECK(option.code() == "unknown-option");
    CHECK(option.body["error"].get<std::string>().find("DevOps") != std::string::npos);
    CHECK(pollVote(room, "poll-next", kDeviceA, "").code() == "unknown-option");
    const Reply device = pollVote(room, "poll-next", "short", "AI");
    CHECK(device.status == 400);
    CHECK(device.code() == "bad-device");
    CHECK(room.send("POST", path, R"({"pin":"482913","option":"AI"})").code() == "bad-device");
    const Reply notString = room.send(
        "POST", path, json({{"pin", kPin}, {"device", kDeviceA}, {"option", 3}}).dump());
    CHECK(notString.status == 400);
    CHECK(notString.code() == "bad-json");
    const Reply utf8 = room.send(
        "POST", path,
        std::string(R"({"pin":"482913","device":")") + kDeviceA + R"(","option":"caf)" + "\xE9\"}");
    CHECK(utf8.status == 400);
    CHECK(utf8.code() == "bad-utf8");
    const Reply big =
        room.send("POST", path,
                  json({{"pin", kPin}, {"device", kDeviceA}, {"option", std::string(9000, 'A')}})
                      .dump());
    CHECK(big.status == 413);
    CHECK(big.code() == "too-large");
    CHECK(room.send("GET", path).status == 405);
    CHECK(room.journal().find("\"poll-vote\"") == std::string::npos);  // nothing got through

    REQUIRE(pollVote(room, "poll-next", kDeviceA, "AI").status == 200);
    producer(room, LiveRequest(LiveCommand::PollClose).withId("poll-next"));
    const Reply closed = pollVote(room, "poll-next", kDeviceA, "Web");
    CHECK(closed.status == 409);
    CHECK(closed.code() == "poll-closed");
    CHECK(pollVote(room, "poll-next", kDeviceB, "Web").code() == "poll-closed");
    CHECK(room.host.session()->polls().find("poll-next")->counts() ==
          std::vector<int>{1, 0, 0, 0, 0});
}

TEST_CASE("audience polls: the owner decides when the board is behind — closed there is 409") {
    AudienceApiOptions api;
    Room room(std::string(kPin), api);
    producer(room, LiveRequest(LiveCommand::PollOpen).withId("poll-next"));
    // The poll closes between the board's snapshot and the vote reaching the owner: the
    // vote is queued first, then the close runs before it.
    const int port = room.port;
    auto inFlight = std::async(std::launch::async, [port] {
        httplib::Client client("127.0.0.1", port);
        client.set_read_timeout(10, 0);
        return toReply(client.Post("/api/polls/poll-next/vote", pollVoteBody(kDeviceA, "AI"),
                                   "application/json"));
    });
    while (!room.host.waitForWork(5ms)) {
    }
    REQUIRE(room.host.session()
                ->perform(LiveRequest(LiveCommand::PollClose).withId("poll-next"))
                .ok);
    while (inFlight.wait_for(1ms) != std::future_status::ready) room.host.drain();
    const Reply late = inFlight.get();
    CHECK(late.status == 409);
    CHECK(late.code() == "poll-closed");
    CHECK(room.host.session()->polls().find("poll-next")->totalVotes() == 0);
}

TEST_CASE("audience polls: votes are limited per device, a change of mind counts") {
    AudienceApiOptions api;
    api.limits.pollVotesPerDevice = {0.01, 3};
    Room room(std::string(kPin), api);
    producer(room, LiveRequest(LiveCommand::PollOpen).withId("poll-next"));
    CHECK(pollVote(room, "poll-next", kDeviceA, "AI").status == 200);
    CHECK(pollVote(room, "poll-next", kDeviceA, "Web").status == 200);
    CHECK(pollVote(room, "poll-next", kDeviceA, "Data").status == 200);
    const Reply limited = pollVote(room, "poll-next", kDeviceA, "AI");
    CHECK(limited.status == 429);
    CHECK(limited.code() == "rate-limited");
    CHECK(std::stoi(limited.header("Retry-After")) >= 1);
    CHECK(pollVote(room, "poll-next", kDeviceB, "AI").status == 200);
    CHECK(room.host.session()->polls().find("poll-next")->ballotOf(kDeviceA)->option == 3);
}

TEST_CASE("audience polls: a device that opens the page is counted once, and not again after a resume") {
    pycast::test::TempDir keep;
    std::filesystem::path dir;
    const auto getFrom = [](int port, const std::string& device) {
        httplib::Client client("127.0.0.1", port);
        client.set_read_timeout(10, 0);
        return toReply(client.Get(
            (std::string("/api/polls?pin=") + kPin + "&device=" + device).c_str()));
    };
    {
        Room room;
        // GETs never wait for the owner: the visit is queued, and runs at the next drain.
        CHECK(getFrom(room.port, kDeviceA).status == 200);
        CHECK(room.list(kDeviceA).status == 200);
        CHECK(room.send("GET", std::string("/api/questions?pin=") + kPin).status == 200);
        CHECK(getFrom(room.port, kDeviceB).status == 200);
        room.host.drain();
        const AudienceLog& log = room.host.session()->audience();
        REQUIRE(log.visits.size() == 2);
        CHECK(log.visits[0].device == kDeviceA);
        CHECK(log.visits[1].device == kDeviceB);
        CHECK(countOf(room.journal(), "\"audience-visit\"") == 2);
        // A wrong PIN is no visit.
        httplib::Client client("127.0.0.1", room.port);
        client.Get((std::string("/api/polls?pin=000000&device=") + kDeviceC).c_str());
        CHECK(room.host.drain() == 0);
        room.host.closeSession();
        dir = keep / "copy";
        std::filesystem::copy(room.tmp / "s", dir, std::filesystem::copy_options::recursive);
    }
    LiveHost resumed;
    AudienceServiceOptions options;
    options.address = {"127.0.0.1", 0};
    resumed.addService([options] { return makeAudienceService(options); });
    REQUIRE(resumed.resumeSession(dir).ok());
    int port = 0;
    for (const ServiceInfo& s : resumed.services())
        if (s.name == kAudienceServiceName && s.running)
            port = std::stoi(s.url.substr(s.url.rfind(':') + 1));
    REQUIRE(port > 0);
    CHECK(resumed.session()->audience().visits.size() == 2);
    CHECK(getFrom(port, kDeviceA).status == 200);
    CHECK(resumed.drain() == 0);  // known from the journal: nothing posted
    CHECK(getFrom(port, kDeviceC).status == 200);
    CHECK(resumed.drain() == 1);
    CHECK(resumed.session()->audience().visits.size() == 3);
}
