// Regression tests for the hardening findings (issue 12) in media: tags of an audio file that
// say anything, read by the export's probe.
#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

#include "../test_support.hpp"
#include "media/file_probe.hpp"

using namespace pycast;
using namespace pycast::media;
using pycast::test::TempDir;

TEST_CASE("robustness: CHAPTERnnn comments of 5e15 or inf seconds are no chapter, never a wrapped time") {
    // Found by the ASan/UBSan build (float-cast-overflow): the seconds were cast to an integer
    // unchecked. FFmpeg itself reads none of these three (it wants HH:MM:SS.mmm), so our
    // CHAPTERnnn reader is the one that runs.
    TempDir tmp;
    const auto file = tmp / "tags.flac";
    const std::string cmd =
        "ffmpeg -v error -y -f lavfi -i anullsrc=r=44100:cl=mono -t 2 "
        "-metadata CHAPTER000=00:00:00 -metadata CHAPTER000NAME=Intro "
        "-metadata CHAPTER001=00:00:5e15 -metadata CHAPTER002=00:00:inf "
        "-metadata CHAPTER003=1:1e300 \"" +
        file.string() + "\"";
    REQUIRE(std::system(cmd.c_str()) == 0);
    const Result<ProbedAudio> probed = probeAudioFile(file);
    REQUIRE_MESSAGE(probed.ok(), (probed.ok() ? "" : probed.error().message()));
    REQUIRE(probed->chapters.size() == 1);
    CHECK(probed->chapters[0].title == "Intro");
    CHECK(probed->chapters[0].startMs == 0);
    CHECK(probed->chapters[0].endMs == probed->durationMs);
}
