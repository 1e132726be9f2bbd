// The studio's live controller: sessions, the host's actions, the control API drained on the UI
// thread, resuming, the report.
#include <doctest/doctest.h>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <future>
#include <thread>

#include "test_live_support.hpp"
#include "views/live/live_demo.hpp"

using namespace pycast;
using namespace pycast::ui;
using namespace pycast::uitest;
using namespace std::chrono_literals;

namespace {

LiveSettings withApi(int port = 0) {
    LiveSettings s;
    s.api = HostPort{"127.0.0.1", port};
    return s;
}

// POSTs from a helper thread while this thread drains like the frame loop does.
struct ApiReply {
    int status = 0;
    nlohmann::json body;
};
ApiReply postWhileDraining(LiveController& controller, const std::string& path,
                           const std::string& body = "") {
    const LiveApiInfo api = controller.api();
    REQUIRE(api.running);
    const std::string hostPort = api.url.substr(std::string("http://").size());
    const std::string host = hostPort.substr(0, hostPort.rfind(':'));
    const int port = std::stoi(hostPort.substr(hostPort.rfind(':') + 1));
    auto reply = std::async(std::launch::async, [=] {
        httplib::Client client(host, port);
        client.set_read_timeout(10, 0);
        httplib::Headers headers{{"Authorization", "Bearer " + api.token}};
        httplib::Result res = client.Post(path.c_str(), headers, body, "application/json");
        ApiReply out;
        if (res) {
            out.status = res->status;
            out.body = nlohmann::json::parse(res->body, nullptr, false);
        }
        return out;
    });
    while (reply.wait_for(2ms) != std::future_status::ready) controller.drain();
    return reply.get();
}

}  // namespace

TEST_CASE("a new session for the open show: folder, not started, a token, no API when off") {
    LiveFixture f;
    CHECK_FALSE(f.controller->hasSession());
    CHECK_FALSE(f.controller->isLive());
    REQUIRE(f.controller->startSession(f.show));
    const Session* s = f.controller->session();
    REQUIRE(s != nullptr);
    CHECK(s->dir().parent_path() == f.tmp / "sessions");
    CHECK(std::filesystem::exists(s->dir() / "journal.jsonl"));
    CHECK(f.controller->generation() == 1);
    CHECK_FALSE(f.controller->wasResumed());
    CHECK(f.controller->isLive());
    CHECK_FALSE(f.controller->isOnAir());
    CHECK(f.runner().phase == RunPhase::NotStarted);
    CHECK_FALSE(f.controller->api().running);
    CHECK(f.controller->api().token == s->controlToken());
}

TEST_CASE("the host's actions run the show and a refusal says why, changing nothing") {
    LiveFixture f;
    f.createSession();
    CHECK_FALSE(f.controller->perform(LiveAction::Next));
    CHECK(f.controller->lastError().find("not started") != std::string::npos);
    CHECK(f.runner().phase == RunPhase::NotStarted);

    REQUIRE(f.controller->perform(LiveAction::Start));
    CHECK(f.controller->lastError().empty());
    CHECK(f.controller->isOnAir());
    f.advance(2 * kMin);
    REQUIRE(f.controller->perform(LiveAction::Next));
    CHECK(f.runner().current->id == "s-guest-intro");
    REQUIRE(f.controller->perform(LiveAction::ExtendPlus60));
    REQUIRE(f.controller->perform(LiveAction::ExtendPlus30));
    REQUIRE(f.controller->perform(LiveAction::ExtendMinus30));
    CHECK(f.runner().current->plannedMs == 5 * kMin + 60'000);
    REQUIRE(f.controller->perform(LiveAction::Hold));
    CHECK(f.runner().phase == RunPhase::Paused);
    CHECK_FALSE(f.controller->perform(LiveAction::Hold));
    CHECK_FALSE(f.controller->lastError().empty());
    REQUIRE(f.controller->perform(LiveAction::Resume));
    REQUIRE(f.controller->perform(LiveAction::Previous));
    CHECK(f.runner().current->id == "s-intro");
    CHECK(f.controller->perform(LiveAction::None));  // nothing asked, nothing refused

    REQUIRE(f.controller->sendMessage("wrap up"));
    REQUIRE(f.controller->state().message);
    CHECK(f.controller->state().message->text == "wrap up");
    REQUIRE(f.controller->sendMessage(""));
    CHECK_FALSE(f.controller->state().message);
}

TEST_CASE("a Q&A on air counts answered questions") {
    LiveFixture f;
    f.createSession();
    REQUIRE(f.controller->perform(LiveAction::Start));
    for (int i = 0; i < 4; ++i) REQUIRE(f.controller->perform(LiveAction::Next));
    REQUIRE(f.runner().current->qa);
    f.advance(4 * kMin);
    REQUIRE(f.controller->perform(LiveAction::QuestionAnswered));
    const QaBudget qa = *f.runner().current->qa;
    CHECK(qa.answered == 1);
    CHECK_FALSE(qa.defaultPace);
    CHECK(qa.paceMs == 4 * kMin);
}

TEST_CASE("ending the show writes the report the live view shows, and stops being live") {
    LiveFixture f;
    f.createSession();
    CHECK(f.controller->report() == nullptr);
    REQUIRE(f.controller->perform(LiveAction::Start));
    f.advance(4 * kMin);
    REQUIRE(f.controller->perform(LiveAction::Next));
    f.advance(5 * kMin);
    REQUIRE(f.controller->perform(LiveAction::End));
    CHECK_FALSE(f.controller->isLive());
    const SessionReport* report = f.controller->report();
    REQUIRE(report != nullptr);
    CHECK(report->ended);
    REQUIRE(report->segments.size() == f.show.rundown.size());
    CHECK(report->segments[0].actualMs == 4 * kMin);
    CHECK(report->segments[0].differenceMs == kMin);
    CHECK(std::filesystem::exists(f.controller->reportMarkdownPath()));
    CHECK(std::filesystem::exists(f.controller->reportCsvPath()));
    CHECK_FALSE(f.controller->perform(LiveAction::Next));
}

TEST_CASE("while a show is live another session is refused, and after the end it may start") {
    LiveFixture f;
    f.createSession();
    CHECK_FALSE(f.controller->startSession(f.show));
    CHECK(f.controller->lastError().find("live") != std::string::npos);
    CHECK(f.controller->generation() == 1);
    REQUIRE(f.controller->perform(LiveAction::Start));
    REQUIRE(f.controller->perform(LiveAction::End));
    REQUIRE(f.controller->startSession(f.show));
    CHECK(f.controller->generation() == 2);
    CHECK(f.controller->phase() == RunPhase::NotStarted);
}

TEST_CASE("the control API's requests run when the UI thread drains, and wake it first") {
    LiveFixture f(withApi(0));
    std::atomic<int> wakes{0};
    f.controller->setWakeCallback([&] { ++wakes; });
    f.createSession();
    REQUIRE_MESSAGE(f.controller->api().running, f.controller->api().error);
    CHECK(f.controller->api().url.rfind("http://127.0.0.1:", 0) == 0);

    ApiReply r = postWhileDraining(*f.controller, "/api/start");
    CHECK(r.status == 200);
    f.advance(kMin);
    r = postWhileDraining(*f.controller, "/api/next");
    CHECK(r.status == 200);
    CHECK(r.body["segment"]["id"] == "s-guest-intro");
    CHECK(f.runner().current->index == 1);  // the GUI sees what the API did
    CHECK(wakes.load() >= 2);

    r = postWhileDraining(*f.controller, "/api/message", R"({"text": "來賓準備好了"})");
    CHECK(r.status == 200);
    REQUIRE(f.controller->state().message);
    CHECK(f.controller->state().message->text == "來賓準備好了");
    CHECK(f.controller->drain() == 0);  // nothing left over
}

TEST_CASE("a taken port falls back to a free one, with a note for the host") {
    // Someone else holds a port: a first controller's API.
    LiveFixture first(withApi(0));
    first.createSession();
    REQUIRE(first.controller->api().running);
    const std::string url = first.controller->api().url;
    const int taken = std::stoi(url.substr(url.rfind(':') + 1));

    LiveFixture second(withApi(taken));
    second.createSession();
    REQUIRE_MESSAGE(second.controller->api().running, second.controller->api().error);
    CHECK(second.controller->api().url != url);
    CHECK(second.controller->api().note.find(std::to_string(taken)) != std::string::npos);
    CHECK_FALSE(second.controller->notices().empty());
}

TEST_CASE("resuming brings back the segment, the extension and the message, and damage is a notice") {
    LiveFixture f;
    f.createSession();
    REQUIRE(f.controller->perform(LiveAction::Start));
    f.advance(3 * kMin);
    REQUIRE(f.controller->perform(LiveAction::Next));
    REQUIRE(f.controller->perform(LiveAction::ExtendPlus60));
    REQUIRE(f.controller->sendMessage("two minutes"));
    const std::filesystem::path dir = f.controller->session()->dir();
    f.controller->closeSession();  // like a crash: nothing is ended
    CHECK_FALSE(f.controller->hasSession());
    std::ofstream(dir / "journal.jsonl", std::ios::app) << "{not json\n";

    f.advance(kMin);
    LiveController again({}, SessionOptions{&f.clock, &f.wall, {}});
    REQUIRE_MESSAGE(again.resumeSession(dir), again.lastError());
    CHECK(again.wasResumed());
    const SessionState st = again.state();
    REQUIRE(st.runner.current);
    CHECK(st.runner.current->id == "s-guest-intro");
    CHECK(st.runner.current->plannedMs == 6 * kMin);
    REQUIRE(st.message);
    CHECK(st.message->text == "two minutes");
    REQUIRE_FALSE(again.notices().empty());
    CHECK(again.notices().front().find("Journal") != std::string::npos);
    again.dismissNotices();
    CHECK(again.notices().empty());
}

TEST_CASE("interrupted sessions are listed, without the one that is open") {
    LiveFixture f;
    REQUIRE(f.controller->startSession(f.show));
    REQUIRE(f.controller->perform(LiveAction::Start));
    const std::filesystem::path first = f.controller->session()->dir();
    CHECK(f.controller->interruptedSessions().empty());  // it is the one open here
    f.controller->closeSession();
    const auto found = f.controller->interruptedSessions();
    REQUIRE(found.size() == 1);
    CHECK(found[0].dir == first);
    CHECK(found[0].title == f.show.meta.title);
}

TEST_CASE("resuming a folder without a session, or an ended one") {
    LiveFixture f;
    CHECK_FALSE(f.controller->resumeSession(f.tmp / "empty"));
    CHECK(f.controller->lastError().find("holds no session") != std::string::npos);

    f.createSession();
    REQUIRE(f.controller->perform(LiveAction::Start));
    REQUIRE(f.controller->perform(LiveAction::End));
    const std::filesystem::path dir = f.controller->session()->dir();
    f.controller->closeSession();  // one program at a time holds a session's journal (flock)
    LiveController again(withApi(0), SessionOptions{&f.clock, &f.wall, {}});
    REQUIRE(again.resumeSession(dir));
    CHECK_FALSE(again.isLive());
    CHECK_FALSE(again.api().running);  // nothing to control any more
    CHECK(again.report() != nullptr);
}

TEST_CASE("a frozen state is one instant for both windows until an action or thaw") {
    LiveFixture f;
    f.createSession();
    REQUIRE(f.controller->perform(LiveAction::Start));
    f.controller->freeze();
    const std::int64_t at = f.controller->state().sessionMs;
    f.advance(1500);
    CHECK(f.controller->state().sessionMs == at);  // the presenter draws what the studio drew
    f.controller->thaw();
    CHECK(f.controller->state().sessionMs == at + 1500);
    f.controller->freeze();
    REQUIRE(f.controller->perform(LiveAction::Next));  // an action is seen at once
    CHECK(f.controller->state().runner.current->index == 1);
}

TEST_CASE("--live-demo puts a segment pinned to a fixed start on air at that time, like the runner") {
    Show show;
    show.meta.title = "Pinned";
    show.meta.date = "2026-12-17";
    show.meta.startTime = 20 * 3600;
    const char* ids[] = {"a", "b", "c"};
    for (const char* id : ids) {
        Segment s;
        s.id = id;
        s.title = id;
        s.planned = 300;
        show.rundown.push_back(s);
    }
    show.rundown[1].fixedStart = 20 * 3600 + 10 * 60;   // 20:10, five minutes after a's plan
    for (const auto& [at, onAir] :
         std::vector<std::pair<std::int64_t, const char*>>{{420, "a"}, {720, "b"}, {960, "c"}}) {
        const std::int64_t seconds = at;  // CAPTURE cannot name a structured binding (clang 14)
        CAPTURE(seconds);
        std::string error;
        std::unique_ptr<LiveDemo> demo = makeLiveDemo(show, error);
        REQUIRE_MESSAGE(demo, error);
        LiveSettings settings;
        settings.sessionsRoot = demo->dir.parent_path();
        LiveController controller(settings, demo->clocks());
        REQUIRE(runLiveDemo(controller, *demo, show, seconds));
        const RunnerState st = controller.state().runner;
        REQUIRE(st.current);
        CHECK(st.current->id == onAir);
        controller.closeSession();
    }
}
