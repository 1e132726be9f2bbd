// Tests for the owner queue: commands from other threads run on the owner thread, once, in order.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include "core/clock.hpp"
#include "live/owner_queue.hpp"
#include "live/session.hpp"
#include "test_support.hpp"

using namespace pycast;
using namespace std::chrono_literals;

namespace {

Show queueShow() {
    Show show;
    show.meta.title = "Queue test";
    Segment s;
    s.id = "intro";
    s.title = "Intro";
    s.planned = 60;
    show.rundown = {s};
    return show;
}

}  // namespace

TEST_CASE("OwnerQueue: commands run on drain in order, and close answers the rest as closed") {
    pycast::test::TempDir tmp;
    ManualClock clock;
    ManualWallClock wall;
    auto made = Session::createAt(queueShow(), tmp / "s", {&clock, &wall, {}});
    REQUIRE(made.ok());
    Session& session = **made;
    OwnerQueue queue;
    std::atomic<int> wakes{0};
    queue.setWakeCallback([&] { ++wakes; });

    std::vector<int> order;
    auto first = queue.post<int>([&](Session&) {
        order.push_back(1);
        return 1;
    });
    auto second = queue.post<bool>([&](Session& s) {
        order.push_back(2);
        return s.perform(LiveRequest(LiveCommand::Start)).ok;
    });
    CHECK(wakes == 2);
    CHECK(queue.pending() == 2);
    CHECK(queue.waitForWork(0ms));
    CHECK(queue.drain(session) == 2);
    CHECK(order == std::vector<int>{1, 2});
    const OwnerReply<int> one = first.get();
    CHECK(one.status == OwnerCallStatus::Done);
    CHECK(one.value == 1);
    CHECK(second.get().value == true);
    CHECK(session.runner().phase() == RunPhase::Running);

    auto throws = queue.post<int>([](Session&) -> int { throw std::runtime_error("boom"); });
    queue.drain(session);
    const OwnerReply<int> failed = throws.get();
    CHECK(failed.status == OwnerCallStatus::Failed);
    CHECK(failed.why.find("boom") != std::string::npos);

    auto waiting = queue.post<int>([](Session&) { return 0; });
    queue.close("shutting down");
    const OwnerReply<int> closed = waiting.get();
    CHECK(closed.status == OwnerCallStatus::Closed);
    CHECK(closed.why == "shutting down");
    CHECK(queue.post<int>([](Session&) { return 0; }).get().status == OwnerCallStatus::Closed);
    CHECK(queue.drain(session) == 0);
    CHECK_FALSE(queue.waitForWork(0ms));
}

TEST_CASE("OwnerQueue: a call the owner does not take in time is withdrawn and never runs") {
    pycast::test::TempDir tmp;
    ManualClock clock;
    ManualWallClock wall;
    auto made = Session::createAt(queueShow(), tmp / "s", {&clock, &wall, {}});
    REQUIRE(made.ok());
    OwnerQueue queue;
    bool ran = false;
    const OwnerReply<int> r = queue.call<int>(
        [&](Session&) {
            ran = true;
            return 1;
        },
        20ms);
    CHECK(r.status == OwnerCallStatus::Busy);
    CHECK(queue.drain(**made) == 0);
    CHECK_FALSE(ran);
}
