// The --live-demo session: on plan to a given second, on clocks of its own (UI thread).
#include "views/live/live_demo.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <algorithm>
#include <system_error>

namespace pycast::ui {

namespace fs = std::filesystem;

std::int64_t DemoClock::nowMs() const {
    return m_running ? m_baseMs + (m_steady.nowMs() - m_sinceMs) : m_baseMs;
}

void DemoClock::run() {
    m_sinceMs = m_steady.nowMs();
    m_running = true;
}

DemoWallClock::DemoWallClock(const Show& show, const DemoClock& clock)
    : m_clock(clock), m_utc(0, 0) {
    using namespace std::chrono;
    int y = 2026, m = 11, d = 25;
    if (!show.meta.date.empty()) std::sscanf(show.meta.date.c_str(), "%d-%d-%d", &y, &m, &d);
    const year_month_day ymd{year{y}, month{static_cast<unsigned>(m)},
                             day{static_cast<unsigned>(d)}};
    const sys_days days = ymd.ok() ? sys_days{ymd} : sys_days{year{2026} / 11 / 25};
    const std::int64_t startSeconds = show.meta.startTime.value_or(20 * 3600);
    m_startEpochMs =
        duration_cast<milliseconds>(days.time_since_epoch()).count() + startSeconds * 1000;
}

LiveDemo::~LiveDemo() {
    std::error_code ec;
    if (!dir.empty()) fs::remove_all(dir.parent_path(), ec);  // the folder mkdtemp made
}

std::unique_ptr<LiveDemo> makeLiveDemo(const Show& show, std::string& error) {
    auto demo = std::make_unique<LiveDemo>();
    std::error_code ec;
    std::string pattern = (fs::temp_directory_path(ec) / "pycast-live-demo-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
        error = "could not make a temporary folder for the demo session in " +
                fs::temp_directory_path(ec).string();
        return nullptr;
    }
    demo->dir = fs::path(pattern) / "session";
    demo->wall = std::make_unique<DemoWallClock>(show, demo->clock);
    return demo;
}

bool runLiveDemo(LiveController& controller, LiveDemo& demo, const Show& show,
                 std::int64_t seconds, const DemoFill& fill) {
    demo.clock.set(0);
    if (!controller.startSessionAt(show, demo.dir)) return false;
    if (!show.rundown.empty()) {
        controller.perform(LiveAction::Start);
        const std::int64_t target = seconds * 1000;
        std::int64_t boundary = 0;
        std::int64_t lastNext = 0;
        for (std::size_t i = 0; i + 1 < show.rundown.size(); ++i) {
            // Where the runner expects the next segment: after this one's plan, or at its
            // fixed start when it is pinned to one.
            const RunnerState st = controller.session()->state().runner;
            const auto& next = st.segments[i + 1];
            boundary = next.projectedStartMs.value_or(boundary + show.rundown[i].planned * 1000);
            if (boundary >= target) break;
            demo.clock.set(boundary);
            controller.perform(LiveAction::Next);
            lastNext = boundary;
        }
        if (fill) fill(controller, demo.clock, lastNext, target);
        demo.clock.set(target);
    }
    demo.clock.run();
    return true;
}

}  // namespace pycast::ui

namespace pycast::ui {

Show withDemoQuestionRules(Show show) {
    if (show.topics.empty()) show.topics = {"職涯 Career", "技術 Tech", "徵才 Hiring", "公司文化 Culture"};
    if (show.guidelines.blockedWords.empty()) show.guidelines.blockedWords = {"spam"};
    return show;
}

namespace {

struct DemoQuestion {
    const char* text;
    const char* name;
    const char* device;
    int topic;           // index into the show's topics; -1 none
    bool forGuest;       // for the show's first guest
    QuestionSource source;
};

}  // namespace

void fillDemoQuestions(LiveController& controller, DemoClock& clock, std::int64_t fromMs,
                       std::int64_t toMs) {
    const Session* session = controller.session();
    if (session == nullptr) return;
    const Show& show = session->show();
    std::string guest;
    for (const Person& p : show.people)
        if (p.role == Role::Guest) {
            guest = p.id;
            break;
        }
    const auto topic = [&](int i) {
        return i >= 0 && static_cast<std::size_t>(i) < show.topics.size()
                   ? std::vector<std::string>{show.topics[static_cast<std::size_t>(i)]}
                   : std::vector<std::string>{};
    };
    const DemoQuestion questions[] = {
        {"Python 3.13 的 free-threading，你們團隊會在正式環境用嗎？", "阿哲", "demo-phone-01", 1, true,
         QuestionSource::Web},
        {"How do you review pull requests from juniors without slowing them down?", "Alex",
         "demo-phone-02", 1, true, QuestionSource::Web},
        {"From the chat: will the slides be shared after the talk?", "", "", 3, false,
         QuestionSource::Producer},
        {"新人進團隊的第一個月，通常會做些什麼？", "小美", "demo-phone-03", 0, false, QuestionSource::Web},
        {"公司有遠端工作的選項嗎？", "", "demo-phone-04", 2, false, QuestionSource::Web},
        {"Is remote work possible at your company?", "Sam", "demo-phone-05", 2, false,
         QuestionSource::Web},
        {"<script>alert(1)</script> what does %s %n do?", "<b>bob</b>", "demo-phone-06", -1, false,
         QuestionSource::Web},
        {"Buy followers cheap at spam-followers.example", "promo", "demo-phone-07", -1, false,
         QuestionSource::Web},
        {"怎麼準備技術面試比較好？有推薦的練習方式嗎？", "Wei", "demo-phone-08", 0, true,
         QuestionSource::Web},
        {"What was the hardest bug you shipped to production?", "", "demo-phone-09", 1, false,
         QuestionSource::Web},
        {"test test 123", "", "demo-phone-10", -1, false, QuestionSource::Web},
    };
    const std::size_t n = sizeof questions / sizeof questions[0];
    // Spread over the last minutes before the demo's moment (never before the last Next).
    const std::int64_t start = std::max(fromMs, toMs - 4 * 60'000);
    const std::int64_t span = std::max<std::int64_t>(toMs - start, 0);
    const std::int64_t step = span * 7 / 10 / static_cast<std::int64_t>(n);
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < n; ++i) {
        const DemoQuestion& d = questions[i];
        clock.set(start + step * static_cast<std::int64_t>(i));
        LiveRequest r = LiveRequest(LiveCommand::QuestionSubmit)
                            .withText(d.text)
                            .withName(d.name)
                            .withTopics(topic(d.topic))
                            .withPerson(d.forGuest ? guest : std::string())
                            .withDevice(d.device)
                            .withSource(d.source);
        const SessionActionResult res = controller.perform(LiveAction::command(std::move(r)));
        ids.push_back(res ? res.id : std::string());
    }
    clock.set(start + span * 8 / 10);
    const auto act = [&](LiveCommand c, std::size_t i) {
        if (!ids[i].empty()) controller.perform(LiveAction::command(LiveRequest(c).withId(ids[i])));
    };
    act(LiveCommand::QuestionApprove, 0);
    act(LiveCommand::QuestionApprove, 1);
    act(LiveCommand::QuestionApprove, 9);
    act(LiveCommand::QuestionApprove, 5);
    act(LiveCommand::QuestionDismiss, 10);
    // The Chinese duplicate of "remote work" merged into the English one.
    if (!ids[4].empty() && !ids[5].empty())
        controller.perform(LiveAction::command(
            LiveRequest(LiveCommand::QuestionMerge).withId(ids[5]).withIds({ids[4]})));
    // Votes from phones in the room.
    const int votes[] = {14, 9, 0, 0, 0, 6, 0, 0, 0, 3, 0};
    for (std::size_t i = 0; i < n; ++i) {
        for (int v = 0; v < votes[i]; ++v) {
            const std::string device = "demo-voter-" + std::to_string(v) + "-" + std::to_string(i);
            if (!ids[i].empty())
                controller.perform(LiveAction::command(
                    LiveRequest(LiveCommand::QuestionVote).withId(ids[i]).withDevice(device)));
        }
    }
    act(LiveCommand::QuestionOnAir, 9);
    act(LiveCommand::QuestionAnswered, 9);
    clock.set(start + span * 95 / 100);
    act(LiveCommand::QuestionOnAir, 0);
}

Show withDemoPoll(Show show) {
    if (show.polls.empty()) {
        Poll p;
        p.id = "poll-next-topic";
        p.question = "下次想聽什麼主題？ Which topic next time?";
        p.options = {"AI", "Web", "DevOps", "Data", "職涯 Career"};
        show.polls.push_back(std::move(p));
    }
    return show;
}

void fillDemoPoll(LiveController& controller, DemoClock& clock, std::int64_t fromMs,
                  std::int64_t toMs) {
    const Session* session = controller.session();
    if (session == nullptr || session->polls().all().empty()) return;
    const LivePoll poll = session->polls().all().front();
    const std::int64_t start = std::max(fromMs, toMs - 60'000);
    clock.set(start);
    controller.perform(
        LiveAction::command(LiveRequest(LiveCommand::PollOpen).withId(poll.id)));
    // 37 phones: a clear favourite, a close second, one option nobody picked.
    const int shares[] = {14, 11, 7, 5, 0};
    int phone = 0;
    for (std::size_t o = 0; o < poll.options.size() && o < 5; ++o)
        for (int v = 0; v < shares[o]; ++v) {
            clock.set(start + 1000 + 1200 * phone);
            controller.perform(LiveAction::command(
                LiveRequest(LiveCommand::PollVote)
                    .withId(poll.id)
                    .withDevice("demo-phone-" + std::to_string(100 + phone++))
                    .withOption(poll.options[o])));
        }
    // Two change their minds: the counts move, the total does not.
    for (int p : {3, 4})
        controller.perform(LiveAction::command(LiveRequest(LiveCommand::PollVote)
                                                   .withId(poll.id)
                                                   .withDevice("demo-phone-" + std::to_string(100 + p))
                                                   .withOption(poll.options[1])));
}

}  // namespace pycast::ui
