// Tests for repairing an interrupted take when a session resumes.
#include <doctest/doctest.h>

#include <vector>

#include "core/clock.hpp"
#include "io/wav_file.hpp"
#include "live/recording_repair.hpp"
#include "live/session.hpp"
#include "test_support.hpp"

using namespace pycast;
using pycast::test::TempDir;


TEST_CASE("repairInterruptedTakes: a take cut off by a crash gets its header and length back, once") {
    TempDir tmp;
    ManualClock clock(0);
    const auto dir = tmp / "s";
    {
        auto created = Session::createAt(pycast::test::hostShow({"s-1"}, "Repair"), dir, {&clock, nullptr, {}});
        REQUIRE(created);
        Session& s = **created;
        REQUIRE(s.appendEvent("recorder-start",
                              {{"take", 1}, {"rate", 48000}, {"start_sample", 0},
                               {"tracks", {{{"channel", 0}, {"name", "Host"}, {"person", "p-host"},
                                            {"file", "tracks/01-host.wav"}}}}}));
        std::filesystem::create_directories(dir / "tracks");
        auto writer = WavWriter::create(dir / "tracks" / "01-host.wav");
        REQUIRE(writer);
        std::vector<float> second(48'000, 0.25f);
        REQUIRE(writer->append(second));
        REQUIRE(writer->refreshHeader());
        std::vector<float> half(24'000, -0.25f);
        REQUIRE(writer->append(half));   // written, but the header was not refreshed: the crash
    }
    auto before = readWavInfo(dir / "tracks" / "01-host.wav");
    REQUIRE(before);
    CHECK(before->dataBytes == 48'000u * 3);

    auto opened = Session::open(dir, {&clock, nullptr, {}});
    REQUIRE(opened);
    Session& s = **opened;
    CHECK(s.recording().recording());   // the journal never saw its stop
    const auto lines = repairInterruptedTakes(s);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].find("repaired tracks/01-host.wav (take 1): 0:01.500 kept") == 0);
    REQUIRE(s.recording().takes.size() == 1);
    CHECK(s.recording().takes[0].frames == 72'000);
    CHECK_FALSE(s.recording().recording());
    CHECK(s.recording().nextTake() == 2);
    CHECK(s.recording().nextStartSample() == SampleCount(72'000));
    auto after = readWavInfo(dir / "tracks" / "01-host.wav");
    REQUIRE(after);
    CHECK(after->frames() == 72'000);

    const std::size_t events = s.events().size();
    CHECK(repairInterruptedTakes(s).empty());   // already repaired: nothing to do, nothing journaled
    CHECK(s.events().size() == events);
}

TEST_CASE("repairInterruptedTakes: a missing file is said, and the take still gets a length") {
    TempDir tmp;
    ManualClock clock(0);
    const auto dir = tmp / "s";
    auto created = Session::createAt(pycast::test::hostShow({"s-1"}, "Repair"), dir, {&clock, nullptr, {}});
    REQUIRE(created);
    Session& s = **created;
    REQUIRE(s.appendEvent("recorder-start",
                          {{"take", 1}, {"rate", 48000}, {"start_sample", 0},
                           {"tracks", {{{"channel", 0}, {"name", "Host"}, {"file", "tracks/gone.wav"}}}}}));
    const auto lines = repairInterruptedTakes(s);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].find("take 1: ") == 0);
    CHECK(lines[0].find("gone.wav") != std::string::npos);
    CHECK(s.recording().takes[0].frames == 0);
    CHECK(s.recording().nextTake() == 2);
}
