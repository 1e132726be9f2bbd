// `pycast record` and `pycast devices` as a user types them: usage errors, help, and no device.
#include <doctest/doctest.h>

#include <string>

#include "../test_support.hpp"

using pycast::test::runCli;
using pycast::test::TempDir;

TEST_CASE("pycast record: usage errors exit 2 and say what is wrong, before any device is opened") {
    TempDir dir;
    const std::string out = " --out \"" + (dir / "rec").string() + "\"";
    auto noOut = runCli("record --duration 1");
    CHECK(noOut.exitCode == 2);
    CHECK(noOut.err.find("--out DIR is required") != std::string::npos);
    auto rate = runCli("record" + out + " --rate fast");
    CHECK(rate.exitCode == 2);
    CHECK(rate.err.find("--rate must be a sample rate in Hz") != std::string::npos);
    auto channels = runCli("record" + out + " --channels 0");
    CHECK(channels.exitCode == 2);
    auto names = runCli("record" + out + " --tracks host,,guest");
    CHECK(names.exitCode == 2);
    CHECK(names.err.find("empty name") != std::string::npos);
    auto tooMany = runCli("record" + out + " --channels 1 --tracks host,guest");
    CHECK(tooMany.exitCode == 2);
    CHECK(tooMany.err.find("2 track names for 1 channels") != std::string::npos);
    auto unknown = runCli("record" + out + " --bogus");
    CHECK(unknown.exitCode == 2);
    CHECK(unknown.err.find("\"--bogus\"") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "rec"));
}

TEST_CASE("pycast record and devices: help, and a device that does not exist") {
    auto help = runCli("record --help");
    CHECK(help.exitCode == 0);
    CHECK(help.out.find("usage: pycast record --out DIR") != std::string::npos);
    CHECK(help.out.find("PYCAST_TEST_DISK_LIMIT_BYTES") != std::string::npos);
    CHECK(runCli("--help").out.find("record") != std::string::npos);
    CHECK(runCli("devices --help").exitCode == 0);
    CHECK(runCli("devices extra").exitCode == 2);

    // Whatever this machine has, no device has this name: exit 1 with a sentence, no WAV left.
    TempDir dir;
    auto r = runCli("record --out \"" + (dir / "rec").string() +
                    "\" --device no-such-device-xyz --duration 1");
    CHECK(r.exitCode == 1);
    const bool noDevice =
        r.err.find("no input device named \"no-such-device-xyz\"") != std::string::npos;
    const bool noInputs = r.err.find("no audio input device found") != std::string::npos;
    CHECK((noDevice || noInputs));
    CHECK_FALSE(std::filesystem::exists(dir / "rec"));
    auto devices = runCli("devices");
    CHECK(devices.exitCode == 0);
    if (noInputs)
        CHECK(devices.out.find("no audio input device found") != std::string::npos);
    else
        CHECK(devices.out.find("HOST API") != std::string::npos);
}
