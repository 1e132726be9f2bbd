// Tests for the live host: start-up lines, services, refusals and the shutdown both front ends
// share.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/resource.h>

#include <algorithm>
#include <filesystem>

#include "core/clock.hpp"
#include "live/live_host.hpp"
#include "test_support.hpp"

using namespace pycast;
using pycast::test::TempDir;

namespace {

Show hostShow() {
    Show show;
    show.meta.title = "Host test";
    for (const char* id : {"intro", "talk"}) {
        Segment s;
        s.id = id;
        s.title = id;
        s.planned = 60;
        show.rundown.push_back(s);
    }
    return show;
}

// A service that starts (or not) and reports how to reach it.
class FakeService final : public LiveService {
public:
    FakeService(bool works, int* stops) : m_works(works), m_stops(stops) {}
    Status start(const ServiceContext& context) override {
        m_token = context.token;
        m_info.name = "fake API";
        if (!m_works) {
            m_info.error = "port 1 is taken";
            return Error{m_info.error, {}, {}};
        }
        m_info.running = true;
        m_info.url = "http://127.0.0.1:1";
        m_info.notes = {"a note from the service"};
        return ok();
    }
    void stop() override {
        if (m_info.running && m_stops) ++*m_stops;
        m_info.running = false;
    }
    ServiceInfo info() const override { return m_info; }
    std::vector<std::string> describe() const override {
        return {"fake API on " + m_info.url + " (token " + m_token + ")"};
    }

private:
    bool m_works;
    int* m_stops;
    ServiceInfo m_info;
    std::string m_token;
};

std::vector<std::string> texts(const std::vector<HostLine>& lines) {
    std::vector<std::string> out;
    for (const auto& l : lines) out.push_back(formatHostLine(l));
    return out;
}

bool anyHas(const std::vector<std::string>& lines, const std::string& needle) {
    return std::any_of(lines.begin(), lines.end(),
                       [&](const std::string& l) { return l.find(needle) != std::string::npos; });
}

// Files may grow to `bytes` while it lives (RLIMIT_FSIZE): a full disk for this process.
class DiskFullAfter {
public:
    explicit DiskFullAfter(rlim_t bytes) {
        ::getrlimit(RLIMIT_FSIZE, &m_old);
        m_oldHandler = ::signal(SIGXFSZ, SIG_IGN);  // write() then fails with EFBIG
        rlimit limit = m_old;
        limit.rlim_cur = bytes;
        ::setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~DiskFullAfter() {
        ::setrlimit(RLIMIT_FSIZE, &m_old);
        ::signal(SIGXFSZ, m_oldHandler);
    }

private:
    rlimit m_old{};
    sighandler_t m_oldHandler = nullptr;
};

}  // namespace

TEST_CASE("LiveHost: a new session says what it runs and how to reach its services") {
    TempDir tmp;
    ManualClock clock;
    ManualWallClock wall;
    LiveHostOptions options;
    options.clocks = {&clock, &wall, {}};
    options.program = "pycast live";
    LiveHost host(options);
    int stops = 0;
    host.addService([&] { return std::make_unique<FakeService>(true, &stops); });
    REQUIRE(host.startSessionAt(hostShow(), tmp / "s").ok());
    const auto lines = texts(host.takeLines());
    REQUIRE(lines.size() == 4);
    CHECK(lines[0] == "pycast live: \"Host test\", 2 segments, planned 02:00");
    CHECK(lines[1] == "session " + (tmp / "s").string() + " (new)");
    CHECK(lines[2] ==
          "fake API on http://127.0.0.1:1 (token " + host.session()->controlToken() + ")");
    CHECK(lines[3] == "note: a note from the service");
    CHECK(host.services().front().running);

    // A second session while this one is live is refused, saying why and what to do.
    const Status again = host.startSessionAt(hostShow(), tmp / "t");
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().message().find("a show is live") != std::string::npos);
    CHECK(again.error().message().find("end it before starting another session") !=
          std::string::npos);

    // The end: the show is ended, the report written and named, the services stopped.
    REQUIRE(host.perform(LiveRequest(LiveCommand::Start)));
    CHECK(host.statusLines() ==
          std::vector<std::string>{"[0:00:00] on air 1/2 intro \"intro\", 01:00 planned"});
    clock.advance(30'000);
    CHECK(host.shutdown(true, "interrupted"));
    const auto end = texts(host.takeLines());
    CHECK(end.front() == "interrupted: ending the show");
    CHECK(anyHas(end, "show ended: 00:30 on air"));
    CHECK(end.back() == "report: " + (tmp / "s" / "report.md").string() + " (pycast report " +
                            (tmp / "s").string() + ")");
    CHECK(stops == 1);
    CHECK(host.session() == nullptr);
}

TEST_CASE("LiveHost: refusals name the folder and how to go on, in the front end's words") {
    TempDir tmp;
    ManualClock clock;
    ManualWallClock wall;
    LiveHostOptions options;
    options.clocks = {&clock, &wall, {}};
    options.resumeCommand = "pycast-studio --resume %s";
    {
        LiveHost first(options);
        REQUIRE(first.startSessionAt(hostShow(), tmp / "s").ok());
    }
    LiveHost host(options);
    const Status taken = host.startSessionAt(hostShow(), tmp / "s");
    REQUIRE_FALSE(taken.ok());
    CHECK(taken.error().message() == (tmp / "s").string() +
                                         ": already holds a session; continue it with "
                                         "pycast-studio --resume " +
                                         (tmp / "s").string() + ", or pick another folder");
    const Status none = host.resumeSession(tmp / "nothing");
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().message().find("holds no session") != std::string::npos);

    options.openEndedSessions = false;
    LiveHost cli(options);
    REQUIRE(cli.resumeSession(tmp / "s").ok());
    REQUIRE(cli.perform(LiveRequest(LiveCommand::Start)));
    REQUIRE(cli.perform(LiveRequest(LiveCommand::End)));
    cli.closeSession();
    const Status ended = cli.resumeSession(tmp / "s");
    REQUIRE_FALSE(ended.ok());
    CHECK(ended.error().message().find("already ended") != std::string::npos);
    CHECK(ended.error().message().find("pycast report") != std::string::npos);
}

TEST_CASE("LiveHost: a required service that cannot start keeps a new session off the air") {
    TempDir tmp;
    ManualClock clock;
    ManualWallClock wall;
    LiveHostOptions options;
    options.clocks = {&clock, &wall, {}};
    options.servicesRequired = true;
    LiveHost host(options);
    host.addService([] { return std::make_unique<FakeService>(false, nullptr); });
    const Status started = host.startSessionAt(hostShow(), tmp / "s");
    REQUIRE_FALSE(started.ok());
    CHECK(started.error().message() == "fake API could not start: port 1 is taken");
    CHECK(host.session() == nullptr);
    CHECK_FALSE(std::filesystem::exists(tmp / "s"));  // no half-made session left behind

    // The studio goes on without it and says so.
    options.servicesRequired = false;
    LiveHost studio(options);
    studio.addService([] { return std::make_unique<FakeService>(false, nullptr); });
    REQUIRE(studio.startSessionAt(hostShow(), tmp / "s").ok());
    CHECK(anyHas(texts(studio.takeLines()), "warning: fake API not running: port 1 is taken"));
}

TEST_CASE(
    "LiveHost: on a full disk the end says how to go on and names no report it did not write") {
    TempDir tmp;
    ManualClock clock;
    ManualWallClock wall;
    LiveHostOptions options;
    options.clocks = {&clock, &wall, {}};
    LiveHost host(options);
    REQUIRE(host.startSessionAt(hostShow(), tmp / "s").ok());
    REQUIRE(host.perform(LiveRequest(LiveCommand::Start)));
    host.takeLines();
    clock.advance(10'000);
    const auto journalSize = std::filesystem::file_size(tmp / "s" / kSessionJournalFile);
    {
        DiskFullAfter full(static_cast<rlim_t>(journalSize));  // not one more byte
        CHECK_FALSE(host.shutdown(true, "interrupted"));
    }
    const auto lines = texts(host.takeLines());
    CHECK(anyHas(lines, "error: could not end the show"));
    CHECK(anyHas(lines, "note: the show stays resumable: pycast live --resume --session " +
                            (tmp / "s").string()));
    CHECK_FALSE(anyHas(lines, "report:"));
    CHECK_FALSE(std::filesystem::exists(tmp / "s" / "report.md"));

    // The journal took the end, the report did not fit: still no report named.
    LiveHost again(options);
    REQUIRE(again.resumeSession(tmp / "s").ok());
    again.takeLines();
    const auto size = std::filesystem::file_size(tmp / "s" / kSessionJournalFile);
    {
        DiskFullAfter full(static_cast<rlim_t>(size + 200));
        CHECK(again.shutdown(true));
    }
    const auto after = texts(again.takeLines());
    CHECK(anyHas(after, "warning: The show ended, but the report could not be written"));
    CHECK_FALSE(anyHas(after, "report:"));
    CHECK_FALSE(std::filesystem::exists(tmp / "s" / "report.md"));
}

TEST_CASE("LiveHost: one segment is \"1 segment\" and the end line gives report.md's figures") {
    TempDir tmp;
    ManualClock clock;
    ManualWallClock wall;
    LiveHostOptions options;
    options.clocks = {&clock, &wall, {}};
    options.program = "pycast live";
    LiveHost host(options);
    Show show;
    show.meta.title = "Short";
    Segment s;
    s.id = "only";
    s.title = "only";
    s.planned = 25 * 60;
    show.rundown.push_back(s);
    REQUIRE(host.startSessionAt(show, tmp / "s").ok());
    const auto lines = texts(host.takeLines());
    REQUIRE_FALSE(lines.empty());
    CHECK(lines[0] == "pycast live: \"Short\", 1 segment, planned 25:00");

    // 15.3 s of a 25:00 show: on air 00:15 as shown, so 00:15 - 25:00 = 24:45 under (the raw
    // difference, 24:44.7, would show as 24:44 and disagree with the report).
    REQUIRE(host.perform(LiveRequest(LiveCommand::Start)));
    host.statusLines();
    clock.advance(15'300);
    REQUIRE(host.perform(LiveRequest(LiveCommand::End)));
    const auto end = host.statusLines();
    REQUIRE(end.size() == 1);
    CHECK(end[0] == "[0:00:15] show ended: 00:15 on air, 24:45 under");
    const std::string md = pycast::test::readFile(tmp / "s" / "report.md");
    CHECK(md.find("-24:45") != std::string::npos);
    CHECK(md.find("24:44") == std::string::npos);
}

TEST_CASE("LiveHost: the start-up line's planned length is the rundown's, a wait for a fixed start included") {
    TempDir tmp;
    ManualClock clock;
    ManualWallClock wall;
    LiveHostOptions options;
    options.clocks = {&clock, &wall, {}};
    options.program = "pycast live";
    LiveHost host(options);
    Show show = hostShow();
    show.meta.startTime = 19 * 3600;
    show.rundown[1].fixedStart = 19 * 3600 + 120;  // "talk" waits a minute after "intro"
    REQUIRE(host.startSessionAt(show, tmp / "s").ok());
    const auto lines = texts(host.takeLines());
    REQUIRE_FALSE(lines.empty());
    CHECK(lines[0] == "pycast live: \"Host test\", 2 segments, planned 03:00");
}
