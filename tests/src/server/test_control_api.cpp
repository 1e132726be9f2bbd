// Tests for the control API over real HTTP on 127.0.0.1; the session's owner loop is the test thread.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>
#include <vector>

#include <httplib.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "io/atomic_file.hpp"
#include "live/live_command.hpp"

#include "core/clock.hpp"
#include "live/owner_queue.hpp"
#include "server/control_api.hpp"
#include "live/session.hpp"
#include "live/session_json.hpp"
#include "test_support.hpp"

using namespace pycast;
using nlohmann::json;
using namespace std::chrono_literals;

namespace {

constexpr const char* kToken = "0123456789abcdef0123456789abcdef";

Segment seg(const std::string& id, Seconds planned, SegmentKind kind = SegmentKind::Experience) {
    Segment s;
    s.id = id;
    s.title = "Title " + id;
    s.kind = kind;
    s.planned = planned;
    return s;
}

Show apiShow() {
    Show show;
    show.meta.title = "API test";
    show.rundown = {seg("intro", 120, SegmentKind::Intro), seg("talk", 600),
                    seg("outro", 60, SegmentKind::Outro)};
    return show;
}

struct Reply {
    int status = 0;                      // 0: no HTTP answer at all
    json body;
    httplib::Headers headers;
};

// A session on manual clocks, its queue and a server on a free port. The test thread is the
// owner: it drains the queue while a helper thread waits for each HTTP reply, so the session
// and the clocks are only ever touched here.
struct Api {
    pycast::test::TempDir tmp;
    ManualClock clock{0};
    ManualWallClock wall{1'795'636'800'000, 0};
    std::unique_ptr<Session> session;
    OwnerQueue queue;
    ControlApi server;
    int port = 0;

    explicit Api(ControlApiOptions options = {}) : server(queue, kToken, options) {
        auto r = Session::createAt(apiShow(), tmp / "s", {&clock, &wall, {}});
        REQUIRE_MESSAGE(r.ok(), r.error().message());
        session = std::move(*r);
        const Result<int> started = server.start("127.0.0.1", 0);
        REQUIRE_MESSAGE(started.ok(), started.error().message());
        REQUIRE(*started > 0);
        port = *started;
    }

    // Sends one request from a helper thread and drains the queue here until it is answered.
    Reply send(const std::string& method, const std::string& path, const std::string& body = "",
               std::optional<std::string> token = std::string(kToken)) {
        const int p = port;
        auto future = std::async(std::launch::async, [=] {
            httplib::Client client("127.0.0.1", p);
            client.set_read_timeout(10, 0);
            httplib::Headers headers;
            if (token) headers.emplace("Authorization", "Bearer " + *token);
            httplib::Result res =
                method == "GET"    ? client.Get(path.c_str(), headers)
                : method == "POST" ? client.Post(path.c_str(), headers, body, "application/json")
                : method == "PUT"  ? client.Put(path.c_str(), headers, body, "application/json")
                                   : client.Delete(path.c_str(), headers);
            Reply out;
            if (!res) return out;
            out.status = res->status;
            out.body = json::parse(res->body, nullptr, false);
            out.headers = res->headers;
            return out;
        });
        while (future.wait_for(1ms) != std::future_status::ready) {
            queue.waitForWork(5ms);
            queue.drain(*session);
        }
        return future.get();
    }
    Reply get(const std::string& path) { return send("GET", path); }
    Reply post(const std::string& path, const std::string& body = "") {
        return send("POST", path, body);
    }
};

std::string header(const Reply& r, const std::string& name) {
    auto it = r.headers.find(name);
    return it == r.headers.end() ? std::string() : it->second;
}

}  // namespace

TEST_CASE("control API: no token or a wrong token gets 401 with a JSON error") {
    Api api;
    const Reply none = api.send("GET", "/api/state", "", std::nullopt);
    CHECK(none.status == 401);
    CHECK(header(none, "WWW-Authenticate").rfind("Bearer", 0) == 0);
    REQUIRE(none.body.is_object());
    CHECK(none.body["error"].get<std::string>().find("Authorization: Bearer") != std::string::npos);

    const Reply wrong = api.send("GET", "/api/state", "", std::string("not-the-token"));
    CHECK(wrong.status == 401);
    CHECK(header(wrong, "WWW-Authenticate").find("invalid_token") != std::string::npos);
    CHECK(wrong.body["error"].is_string());

    // A near miss (one character off, or the right token with extra) is just as wrong.
    std::string nearMiss = kToken;
    nearMiss.back() = 'e';
    CHECK(api.send("GET", "/api/state", "", nearMiss).status == 401);
    CHECK(api.send("GET", "/api/state", "", std::string(kToken) + "0").status == 401);
    CHECK(api.send("POST", "/api/start", "", std::string()).status == 401);
    // Nothing ran without the token.
    CHECK(api.session->runner().phase() == RunPhase::NotStarted);
}

TEST_CASE("control API: GET /api/state returns the session's state JSON") {
    Api api;
    api.clock.advance(2500);
    const Reply r = api.get("/api/state");
    CHECK(r.status == 200);
    CHECK(header(r, "Content-Type").find("application/json") != std::string::npos);
    CHECK(header(r, "Access-Control-Allow-Origin").empty());   // no CORS for the control API
    REQUIRE(r.body.is_object());
    CHECK(r.body == sessionStateJson(*api.session));
    CHECK(r.body["phase"] == "not-started");
    CHECK(r.body["session_ms"] == 2500);
    CHECK(r.body["segment"].is_null());
    CHECK(r.body["next"]["id"] == "intro");
    CHECK(r.body["segments"].size() == 3);
    CHECK(r.body["show"]["title"] == "API test");
}

TEST_CASE("control API: start, next, extend, message and goto change the state") {
    Api api;
    Reply r = api.post("/api/start");
    CHECK(r.status == 200);
    CHECK(r.body["running"] == true);
    CHECK(r.body["segment"]["id"] == "intro");

    api.clock.advance(30'000);
    r = api.post("/api/next");
    CHECK(r.status == 200);
    CHECK(r.body["segment"]["id"] == "talk");
    CHECK(r.body["segments"][0]["actual_ms"] == 30'000);

    r = api.post("/api/extend", R"({"seconds": 90})");
    CHECK(r.status == 200);
    CHECK(r.body["segment"]["planned_ms"] == 690'000);
    r = api.post("/api/extend", R"({"seconds": -30})");
    CHECK(r.status == 200);
    CHECK(r.body["segment"]["planned_ms"] == 660'000);

    r = api.post("/api/message", R"({"text": "guest has 2 min"})");
    CHECK(r.status == 200);
    CHECK(r.body["message"]["text"] == "guest has 2 min");

    r = api.post("/api/pause");
    CHECK(r.body["paused"] == true);
    r = api.post("/api/resume");
    CHECK(r.body["running"] == true);

    r = api.post("/api/goto/outro");
    CHECK(r.status == 200);
    CHECK(r.body["segment"]["id"] == "outro");
    r = api.post("/api/previous");
    CHECK(r.body["segment"]["id"] == "talk");

    // Every accepted action is in the journal, in order, and the state the API showed is the
    // session's own.
    std::vector<std::string> types;
    for (const auto& e : api.session->events()) types.push_back(e.type);
    CHECK(types == std::vector<std::string>{"session-start", "start", "next", "extend", "extend",
                                            "message", "pause", "resume", "goto", "previous"});
    CHECK(api.get("/api/state").body == sessionStateJson(*api.session));

    r = api.post("/api/end");
    CHECK(r.status == 200);
    CHECK(r.body["ended"] == true);
    CHECK(std::filesystem::exists(api.session->dir() / kSessionReportMarkdown));
    r = api.post("/api/next");
    CHECK(r.status == 409);
    CHECK(r.body["code"] == "ended");
}

TEST_CASE("control API: refusals are 409 with the runner's sentence, an unknown segment 404") {
    Api api;
    Reply r = api.post("/api/next");
    CHECK(r.status == 409);
    CHECK(r.body["code"] == "not-started");
    CHECK(r.body["error"].get<std::string>().find("not started") != std::string::npos);
    CHECK(api.session->events().size() == 1);   // a refusal leaves no trace

    REQUIRE(api.post("/api/start").status == 200);
    CHECK(api.post("/api/start").status == 409);
    CHECK(api.post("/api/resume").body["code"] == "not-paused");

    r = api.post("/api/goto/no-such-segment");
    CHECK(r.status == 404);
    CHECK(r.body["error"].get<std::string>().find("no-such-segment") != std::string::npos);
    CHECK(api.post("/api/goto/").status == 404);
    CHECK(api.session->runner().currentIndex() == 0);
}

TEST_CASE("control API: bad bodies get 400 saying what was wrong, with an example") {
    Api api;
    REQUIRE(api.post("/api/start").status == 200);
    for (const char* body : {"", "{not json", "[60]", R"({"secs": 60})", R"({"seconds": "60"})",
                             R"({"seconds": 1.5})", R"({"seconds": 99999999999})"}) {
        CAPTURE(body);
        const Reply r = api.post("/api/extend", body);
        CHECK(r.status == 400);
        REQUIRE(r.body.is_object());
        CHECK(r.body["error"].get<std::string>().find("seconds") != std::string::npos);
    }
    CHECK(api.post("/api/extend", "{not json").body["error"].get<std::string>().find(
              "not valid JSON") != std::string::npos);

    for (const char* body : {"", "{}", R"({"text": ""})", R"({"text": "   "})", R"({"text": 5})"}) {
        CAPTURE(body);
        const Reply r = api.post("/api/message", body);
        CHECK(r.status == 400);
        CHECK(r.body["error"].get<std::string>().find("text") != std::string::npos);
    }
    const Reply huge = api.post("/api/message", json{{"text", std::string(5000, 'x')}}.dump());
    CHECK(huge.status == 413);
    CHECK(huge.body["error"].is_string());
    const Reply tooBig = api.post("/api/message", std::string(200 * 1024, ' '));
    CHECK(tooBig.status == 413);
    CHECK(tooBig.body["error"].is_string());
    CHECK(api.session->events().size() == 2);   // session-start and start only
}

TEST_CASE("control API: unknown paths are 404, wrong methods 405 with Allow") {
    Api api;
    Reply r = api.get("/api/nothing");
    CHECK(r.status == 404);
    CHECK(r.body["error"].is_string());
    CHECK(api.get("/").status == 404);
    CHECK(api.get("/api/state/").status == 404);

    r = api.get("/api/next");
    CHECK(r.status == 405);
    CHECK(header(r, "Allow") == "POST");
    CHECK(r.body["error"].is_string());
    r = api.post("/api/state");
    CHECK(r.status == 405);
    CHECK(header(r, "Allow") == "GET");
    CHECK(api.send("DELETE", "/api/state").status == 405);
    CHECK(api.send("PUT", "/api/start").status == 405);
    CHECK(api.session->runner().phase() == RunPhase::NotStarted);
}

TEST_CASE("control API: an owner that does not answer in time gives 503 and the command never runs") {
    ControlApiOptions options;
    options.replyTimeout = 100ms;
    Api api(options);
    // Nobody drains while this request waits.
    httplib::Client client("127.0.0.1", api.port);
    const auto res = client.Post("/api/start", {{"Authorization", std::string("Bearer ") + kToken}},
                                 "", "application/json");
    REQUIRE(res);
    CHECK(res->status == 503);
    CHECK(json::parse(res->body)["error"].get<std::string>().find("busy") != std::string::npos);
    CHECK(api.queue.drain(*api.session) == 0);   // withdrawn, so it does not run late
    CHECK(api.session->runner().phase() == RunPhase::NotStarted);
}


TEST_CASE("control API: /api/hold holds the clock, and the old /api/pause still does") {
    Api api;
    REQUIRE(api.post("/api/start").status == 200);
    Reply r = api.post("/api/hold");
    CHECK(r.status == 200);
    CHECK(r.body["paused"] == true);
    CHECK(api.post("/api/hold").body["code"] == "already-paused");
    REQUIRE(api.post("/api/resume").status == 200);
    r = api.post("/api/pause");
    CHECK(r.status == 200);
    CHECK(r.body["paused"] == true);
    // Both are the same event on disk, the one older journals hold.
    CHECK(api.session->events()[2].type == "pause");
    CHECK(api.session->events()[4].type == "pause");
}

TEST_CASE("control API: a message of exactly the limit is accepted, one byte more is 413") {
    Api api;
    const Reply at = api.post("/api/message",
                              json{{"text", std::string(kMaxMessageBytes, 'x')}}.dump());
    CHECK(at.status == 200);
    const Reply over = api.post("/api/message",
                                json{{"text", std::string(kMaxMessageBytes + 1, 'x')}}.dump());
    CHECK(over.status == 413);
    const std::string why = over.body["error"].get<std::string>();
    CHECK(why.find("2001 bytes") != std::string::npos);
    CHECK(why.find("the limit is 2000 bytes") != std::string::npos);
    CHECK(why.find("under") == std::string::npos);   // 2000 itself is allowed
    CHECK(api.session->events().size() == 2);
}

TEST_CASE("control API: question-answered with an id the show does not have is 404, like goto") {
    Api api;
    REQUIRE(api.post("/api/start").status == 200);
    const Reply r = api.post("/api/question-answered", R"({"question": "q-nope"})");
    CHECK(r.status == 404);
    CHECK(r.body["error"].get<std::string>().find("q-nope") != std::string::npos);
    CHECK(api.session->events().size() == 2);   // nothing journaled
    CHECK(api.post("/api/question-answered").status == 200);   // no body: counts one
}

namespace {

// `count` clients that each send half a request and then say nothing, then one real client
// that gives up after 1 s: it must get its answer (the stalled ones each hold a worker until
// their read times out).
void stalledClientsThenHold(int count) {
    Api api;
    REQUIRE(api.post("/api/start").status == 200);
    // Half a request each, then silence: each holds a pool thread until its read times out.
    std::vector<UniqueFd> stalled;
    for (int i = 0; i < count; ++i) {
        UniqueFd fd(::socket(AF_INET, SOCK_STREAM, 0));
        REQUIRE(fd);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<std::uint16_t>(api.port));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::connect(fd.get(), reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
        const std::string half = "POST /api/hold HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthor";
        REQUIRE(::send(fd.get(), half.data(), half.size(), 0) == static_cast<ssize_t>(half.size()));
        stalled.push_back(std::move(fd));
    }
    std::this_thread::sleep_for(100ms);   // let the listener hand each to a worker
    // Under httplib's default pool of 8 this waited 9-20 s; a client that gives up after 1 s
    // must get its answer.
    const int p = api.port;
    auto future = std::async(std::launch::async, [p] {
        httplib::Client client("127.0.0.1", p);
        client.set_connection_timeout(1, 0);
        client.set_read_timeout(1, 0);
        client.set_write_timeout(1, 0);
        auto res = client.Post("/api/hold", {{"Authorization", std::string("Bearer ") + kToken}},
                               "", "application/json");
        return res ? res->status : 0;
    });
    while (future.wait_for(1ms) != std::future_status::ready) {
        api.queue.waitForWork(5ms);
        api.queue.drain(*api.session);
    }
    CHECK(future.get() == 200);
    CHECK(api.session->runner().phase() == RunPhase::Paused);
}

}  // namespace

TEST_CASE("control API: twelve clients that send half a request do not hold up another") {
    stalledClientsThenHold(12);
}

TEST_CASE("control API: a hundred stalled clients, more than the workers kept ready, do not hold up another") {
    // 32 workers are kept ready; the pool grows while all are busy (the fixed pool of 32
    // kept this request waiting 4 s).
    stalledClientsThenHold(100);
}

TEST_CASE("control API: bodies are read as strictly as show files — a message holds no control characters") {
    Api api;
    REQUIRE(api.post("/api/start").status == 200);
    const std::size_t before = api.session->events().size();

    const Reply twice = api.post("/api/extend", R"({"seconds":1,"seconds":2})");
    CHECK(twice.status == 400);
    const std::string twiceError = twice.body["error"].get<std::string>();
    CHECK(twiceError.find("/seconds") != std::string::npos);
    CHECK(twiceError.find("appears twice") != std::string::npos);

    const Reply huge = api.post("/api/extend", R"({"seconds":1e400})");
    CHECK(huge.status == 400);
    const std::string hugeError = huge.body["error"].get<std::string>();
    CHECK(hugeError.find("1e400 is too large") != std::string::npos);
    CHECK(hugeError.find("not valid JSON") == std::string::npos);

    const Reply wide = api.post("/api/extend", R"({"seconds":123456789012345678901234})");
    CHECK(wide.status == 400);
    CHECK(wide.body["error"].get<std::string>().find("too large") != std::string::npos);

    const Reply nul = api.post("/api/message", R"({"text":"a\u0000b"})");
    CHECK(nul.status == 400);
    const std::string nulError = nul.body["error"].get<std::string>();
    CHECK(nulError.find("control character (U+0000, NUL) at byte 2") != std::string::npos);
    for (const char* body : {R"({"text":"\u001b[2Jcleared"})", R"({"text":"over\rwritten"})",
                             R"({"text":"del\u007f"})", R"({"text":"c1\u0085next"})"}) {
        CAPTURE(body);
        const Reply r = api.post("/api/message", body);
        CHECK(r.status == 400);
        CHECK(r.body["error"].get<std::string>().find("control character") != std::string::npos);
    }
    CHECK(api.session->events().size() == before);   // nothing refused reached the journal

    const Reply ok = api.post("/api/message", R"({"text":"two\tcolumns\nand a line"})");
    CHECK(ok.status == 200);
    REQUIRE(api.session->events().size() == before + 1);
    CHECK(api.session->events().back().fields["text"] == "two\tcolumns\nand a line");
}

TEST_CASE("control API: the producer moderates questions through /api/questions/{id}/VERB") {
    Api api;
    // The producer types one from the live chat: approved at once, 201 with the question.
    const Reply added = api.post("/api/questions", R"({"text": "來自直播聊天室的問題", "name": "YT"})");
    REQUIRE(added.status == 201);
    const std::string id = added.body["question"]["id"].get<std::string>();
    CHECK(added.body["question"]["state"] == "approved");
    CHECK(added.body["question"]["source"] == "producer");
    // A body cannot pretend to be the audience or pick an id.
    const Reply sneaky =
        api.post("/api/questions", R"({"text": "x?", "source": "web", "id": "q99"})");
    REQUIRE(sneaky.status == 201);
    CHECK(sneaky.body["question"]["source"] == "producer");
    CHECK(sneaky.body["question"]["id"] != "q99");

    CHECK(api.post("/api/questions/" + id + "/approve").status == 409);  // already approved
    const Reply onAir = api.post("/api/questions/" + id + "/on-air");
    REQUIRE(onAir.status == 200);
    CHECK(onAir.body["questions"]["on_air"]["id"] == id);
    const Reply edit = api.post("/api/questions/" + id + "/edit", R"({"text": "changed"})");
    CHECK(edit.status == 409);
    CHECK(edit.body["code"] == "wrong-state");
    CHECK(api.post("/api/questions/q-nope/dismiss").status == 404);
    CHECK(api.post("/api/questions/" + id + "/answered").status == 409);  // not started
    REQUIRE(api.post("/api/start").status == 200);
    const Reply answered = api.post("/api/questions/" + id + "/answered");
    REQUIRE(answered.status == 200);
    CHECK(answered.body["question"]["state"] == "answered");
    CHECK(api.session->events().back().type == "question-answered");
    CHECK(api.session->events().back().fields["question"] == id);

    const Reply list = api.get("/api/moderation");
    REQUIRE(list.status == 200);
    CHECK(list.body["counts"]["answered"] == 1);
    CHECK(list.body["questions"].size() == 2);
    CHECK(list.body["questions"][0].contains("device") == false);
    CHECK(api.get("/api/questions/" + id + "/approve").status == 405);
    // Votes come only from the audience page's devices.
    CHECK(api.post("/api/question-vote", R"({"question": "q1", "device": "device-0001"})").status ==
          404);
    const Reply merge = api.post("/api/questions/merge", R"({"into": "q1", "ids": []})");
    CHECK(merge.status == 400);
}

TEST_CASE("control API: polls are created, opened, closed and listed with live counts") {
    Api api;
    const Reply empty = api.get("/api/polls");
    REQUIRE(empty.status == 200);
    CHECK(empty.body == json({{"polls", json::array()}}));

    const Reply made =
        api.post("/api/polls", R"({"question": "下次想聽什麼主題？", "options": ["AI", "Web", "Data"]})");
    REQUIRE(made.status == 201);
    const std::string id = made.body["id"].get<std::string>();
    CHECK(made.body["poll"]["id"] == id);
    CHECK(made.body["poll"]["state"] == "draft");
    CHECK(made.body["poll"]["live_results"] == false);
    CHECK(made.body["poll"]["from_show"] == false);
    CHECK(made.body["poll"]["opened_ms"].is_null());
    CHECK(made.body["poll"]["options"] ==
          json::parse(R"([{"label":"AI","votes":0},{"label":"Web","votes":0},{"label":"Data","votes":0}])"));
    CHECK(made.body["phase"] == "not-started");  // the state comes along, as for questions

    // Wrong state 409, unknown poll 404, a bad body 400 — each {error, code}.
    const Reply early = api.post("/api/polls/" + id + "/close");
    CHECK(early.status == 409);
    CHECK(early.body["code"] == "wrong-state");
    CHECK(early.body["error"].is_string());
    const Reply missing = api.post("/api/polls/poll-nope/open");
    CHECK(missing.status == 404);
    CHECK(missing.body["code"] == "no-such-poll");
    const Reply oneOption = api.post("/api/polls", R"({"question": "Only one?", "options": ["AI"]})");
    CHECK(oneOption.status == 400);
    CHECK(oneOption.body["code"] == "bad-poll");
    CHECK(oneOption.body["error"].get<std::string>().find("2 to 8") != std::string::npos);
    const Reply noOptions = api.post("/api/polls", R"({"question": "No options"})");
    CHECK(noOptions.status == 400);
    CHECK(noOptions.body["code"] == "bad-request");
    const Reply notJson = api.post("/api/polls", "{not json");
    CHECK(notJson.status == 400);
    CHECK(notJson.body["code"] == "bad-json");
    CHECK(api.get("/api/polls").body["polls"].size() == 1);  // the refused ones left no trace

    const Reply opened = api.post("/api/polls/" + id + "/open");
    REQUIRE(opened.status == 200);
    CHECK(opened.body["poll"]["state"] == "open");
    CHECK(opened.body["poll"]["opened_ms"].is_number_integer());
    CHECK(api.post("/api/polls/" + id + "/open").status == 409);

    // Votes come from the audience page; the producer sees the counts at once, hidden or not.
    api.clock.set(5'000);
    for (const char* device : {"device-0001", "device-0002", "device-0003"})
        REQUIRE(api.session->perform(LiveRequest(LiveCommand::PollVote)
                                         .withId(id)
                                         .withDevice(device)
                                         .withOption(std::string(device) == "device-0003" ? "Data" : "AI"))
                    .ok);
    const Reply live = api.get("/api/polls");
    REQUIRE(live.body["polls"].size() == 1);
    const json& p = live.body["polls"][0];
    CHECK(p["votes"] == 3);
    CHECK(p["options"][0]["votes"] == 2);
    CHECK(p["options"][1]["votes"] == 0);
    CHECK(p["options"][2]["votes"] == 1);
    CHECK(live.body.dump().find("device-0001") == std::string::npos);  // never the devices
    CHECK(api.get("/api/state").body["polls"][0]["votes"] == 3);

    const Reply shown = api.post("/api/polls/" + id + "/live-results", R"({"live": true})");
    REQUIRE(shown.status == 200);
    CHECK(shown.body["poll"]["live_results"] == true);
    CHECK(api.post("/api/polls/" + id + "/live-results", R"({"live": "yes"})").status == 400);

    api.clock.set(9'000);
    const Reply closed = api.post("/api/polls/" + id + "/close");
    REQUIRE(closed.status == 200);
    CHECK(closed.body["poll"]["state"] == "closed");
    CHECK(closed.body["poll"]["closed_ms"] == 9'000);
    CHECK(closed.body["poll"]["votes"] == 3);
    CHECK(api.session->events().back().type == "poll-close");

    // The audience's commands are not on the control API.
    CHECK(api.post("/api/poll-vote", R"({"poll": "poll1", "device": "device-0001", "option": "AI"})")
              .status == 404);
    CHECK(api.post("/api/audience-visit", R"({"device": "device-0001"})").status == 404);
    const Reply wrong = api.send("DELETE", "/api/polls");
    CHECK(wrong.status == 405);
    CHECK(header(wrong, "Allow") == "GET, POST");
}
