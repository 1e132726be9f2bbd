// Benchmark: export a generated 60-minute 48 kHz stereo WAV to MP3 128 kb/s at −16 LUFS with
// chapters, against ffmpeg's encode alone and ffmpeg's two-pass loudnorm recipe, in one run
// (main thread; the export uses its own threads). PYCAST_BENCH_EXPORT_MINUTES shortens it.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <regex>
#include <string>
#include <vector>

#include "bench_timing.hpp"
#include "live/export_plan.hpp"
#include "media/exporter.hpp"

using namespace pycast;
using namespace pycast::media;
namespace fs = std::filesystem;

namespace {

// Speech-like programme: voiced syllables (a 110–220 Hz harmonic series under a 4 Hz envelope),
// pauses, two voices panned apart, around −24 LUFS with plosive peaks near −2 dBFS — so the
// +8 dB gain to −16 LUFS needs the limiter.
void writeProgramme(const fs::path& path, int minutes) {
    const int rate = 48000;
    const std::int64_t frames = static_cast<std::int64_t>(minutes) * 60 * rate;
    std::ofstream f(path, std::ios::binary);
    auto u32 = [&](std::uint32_t v) { f.write(reinterpret_cast<const char*>(&v), 4); };
    auto u16 = [&](std::uint16_t v) { f.write(reinterpret_cast<const char*>(&v), 2); };
    const std::uint32_t dataBytes = static_cast<std::uint32_t>(frames * 4);
    f.write("RIFF", 4);
    u32(36 + dataBytes);
    f.write("WAVEfmt ", 8);
    u32(16);
    u16(1);
    u16(2);
    u32(rate);
    u32(rate * 4);
    u16(4);
    u16(16);
    f.write("data", 4);
    u32(dataBytes);
    std::mt19937 rng(12);
    std::uniform_real_distribution<double> uni(0.0, 1.0);
    std::vector<std::int16_t> block;
    double phase = 0, f0 = 150;
    int voice = 0;
    std::int64_t syllableLeft = 0, syllableLen = 1;
    double amp = 0;
    for (std::int64_t at = 0; at < frames;) {
        block.clear();
        for (int i = 0; i < 4800 && at < frames; ++i, ++at) {
            if (syllableLeft <= 0) {
                syllableLen = static_cast<std::int64_t>(rate * (0.12 + 0.2 * uni(rng)));
                syllableLeft = syllableLen;
                const bool pause = uni(rng) < 0.2;
                amp = pause ? 0.0 : 0.08 + 0.17 * uni(rng);
                if (!pause && uni(rng) < 0.01) amp = 0.6;  // a plosive or a laugh
                f0 = 110 + 110 * uni(rng);
                if (uni(rng) < 0.05) voice = 1 - voice;
            }
            const double env = std::sin(M_PI * static_cast<double>(syllableLen - syllableLeft) / static_cast<double>(syllableLen));
            --syllableLeft;
            phase += 2 * M_PI * f0 / rate;
            if (phase > 2 * M_PI) phase -= 2 * M_PI;
            double s = 0;
            for (int h = 1; h <= 8; ++h) s += std::sin(phase * h) / h;
            s *= amp * env * 0.5;
            const double l = voice == 0 ? s * 0.9 : s * 0.45, r = voice == 0 ? s * 0.45 : s * 0.9;
            block.push_back(static_cast<std::int16_t>(std::clamp(l, -1.0, 1.0) * 32767));
            block.push_back(static_cast<std::int16_t>(std::clamp(r, -1.0, 1.0) * 32767));
        }
        f.write(reinterpret_cast<const char*>(block.data()), static_cast<std::streamsize>(block.size() * 2));
    }
}

struct Run {
    double wallMs = 0;
    double cpuMs = 0;  // user + sys of the child (ffmpeg) or of this process's threads (ours)
    int exitCode = 0;
    std::string output;
};

Run runCommand(const std::string& command) {
    Run r;
    const auto start = bench::Wall::now();
    const std::string full = command + " 2>&1";
    FILE* p = ::popen(full.c_str(), "r");
    char buffer[4096];
    while (p && std::fgets(buffer, sizeof buffer, p)) r.output += buffer;
    const int status = p ? ::pclose(p) : -1;
    r.wallMs = bench::millisecondsSince(start);
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

double childCpuMs() {
    rusage u{};
    ::getrusage(RUSAGE_CHILDREN, &u);
    return (static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1000.0 +
            static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1000.0);
}

double selfCpuMs() {
    rusage u{};
    ::getrusage(RUSAGE_SELF, &u);
    return (static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1000.0 +
            static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1000.0);
}

Run timedCommand(const std::string& command) {
    const double before = childCpuMs();
    Run r = runCommand(command);
    r.cpuMs = childCpuMs() - before;
    return r;
}

std::string number(const std::string& text, const std::string& key) {
    std::smatch m;
    std::regex re("\"" + key + "\"\\s*:\\s*\"([-0-9.inf]+)\"");
    if (std::regex_search(text, m, re)) return m[1];
    return "";
}

}  // namespace

int main() {
    int minutes = 60;
    if (const char* m = std::getenv("PYCAST_BENCH_EXPORT_MINUTES")) minutes = std::max(1, std::atoi(m));
    const fs::path dir = fs::temp_directory_path() / ("pycast-bench-export-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path wav = dir / "programme.wav";
    std::cout << "bench_export: generating a " << minutes << "-minute 48 kHz stereo WAV (speech-like, ~ -24 LUFS)\n";
    writeProgramme(wav, minutes);

    // Ours: the whole export with chapters every 5 minutes, the checks after export included.
    ExportPlan plan = planForFile(wav);
    plan.loudness = *findLoudnessPreset("podcast-stereo");
    plan.encode.format = ExportFormat::Mp3;
    plan.encode.bitrateKbps = 128;
    plan.encode.channels = 2;
    plan.outDir = dir / "ours";
    plan.baseName = "episode";
    plan.sourceMs = static_cast<std::int64_t>(minutes) * 60'000;
    for (int m = 0; m < minutes; m += std::max(1, minutes / 12))
        plan.chapters.push_back({Chapter::Kind::Segment, m * 60'000LL, {}, "Chapter at " + std::to_string(m) + " min"});
    std::atomic<bool> cancel{false};

    const std::string encodeOnly = "ffmpeg -nostdin -hide_banner -y -i " + wav.string() +
                                   " -c:a libmp3lame -b:a 128k " + (dir / "encode-only.mp3").string();
    const std::string pass1 = "ffmpeg -nostdin -hide_banner -i " + wav.string() +
                              " -af loudnorm=I=-16:TP=-1:LRA=11:print_format=json -f null -";

    const double cpu0 = selfCpuMs();
    const auto t0 = bench::Wall::now();
    // When each phase began, to say where the time goes.
    std::vector<std::pair<ExportProgress::Phase, double>> phases;
    auto onProgress = [&](const ExportProgress& p) {
        if (phases.empty() || phases.back().first != p.phase) phases.emplace_back(p.phase, bench::millisecondsSince(t0));
    };
    auto result = runExport(plan, onProgress, cancel);
    const double oursMs = bench::millisecondsSince(t0);
    const double oursCpu = selfCpuMs() - cpu0;
    if (!result) {
        std::cerr << "bench_export: our export failed: " << result.error().message() << "\n";
        return 1;
    }
    const Run encode = timedCommand(encodeOnly);
    // LAME works harder on louder audio: the same encode of the input raised by our gain (clipped
    // where our limiter would have worked) is what any normalizing export has to pay.
    char gainText[32];
    std::snprintf(gainText, sizeof gainText, "%.2f", result->gainDb);
    const Run encodeAtLevel = timedCommand("ffmpeg -nostdin -hide_banner -y -i " + wav.string() + " -af volume=" +
                                           gainText + "dB -c:a libmp3lame -b:a 128k " +
                                           (dir / "encode-at-level.mp3").string());
    const Run measure = timedCommand(pass1);
    const std::string mi = number(measure.output, "input_i"), mtp = number(measure.output, "input_tp"),
                      mlra = number(measure.output, "input_lra"), mth = number(measure.output, "input_thresh"),
                      moff = number(measure.output, "target_offset");
    const std::string pass2 = "ffmpeg -nostdin -hide_banner -y -i " + wav.string() +
                              " -af loudnorm=I=-16:TP=-1:LRA=11:measured_I=" + mi + ":measured_TP=" + mtp +
                              ":measured_LRA=" + mlra + ":measured_thresh=" + mth + ":offset=" + moff +
                              ":linear=true -ar 48000 -c:a libmp3lame -b:a 128k " + (dir / "two-pass.mp3").string();
    const Run normalize = timedCommand(pass2);
    if (encode.exitCode != 0 || encodeAtLevel.exitCode != 0 || measure.exitCode != 0 || normalize.exitCode != 0 || mi.empty()) {
        std::cerr << "bench_export: an ffmpeg reference failed:\n" << encode.output.substr(0, 400) << "\n"
                  << measure.output.substr(0, 400) << "\n" << normalize.output.substr(0, 400) << "\n";
        return 1;
    }
    const double twoPassMs = measure.wallMs + normalize.wallMs;
    const double twoPassCpu = measure.cpuMs + normalize.cpuMs;

    auto line = [](const char* name, double wall, double cpu) {
        std::printf("  %-52s wall %8.1f s   cpu %8.1f s\n", name, wall / 1000, cpu / 1000);
    };
    std::printf("bench_export: %d min, 48 kHz stereo WAV -> MP3 128 kb/s, -16 LUFS / -1 dBTP, %zu chapters\n", minutes,
                result->chapters.size());
    line("ours (mix, measure, gain+limiter, encode, verify)", oursMs, oursCpu);
    for (std::size_t i = 0; i < phases.size(); ++i) {
        const double end = i + 1 < phases.size() ? phases[i + 1].second : oursMs;
        std::printf("    %-10s %7.1f s\n", phaseName(phases[i].first), (end - phases[i].second) / 1000);
    }
    line("ffmpeg encode only (libmp3lame 128k)", encode.wallMs, encode.cpuMs);
    line("ffmpeg encode only, input raised by our gain", encodeAtLevel.wallMs, encodeAtLevel.cpuMs);
    line("ffmpeg two-pass loudnorm (linear=true) to MP3", twoPassMs, twoPassCpu);
    std::printf("  ratio ours / encode-only: %.3f (goal <= 1.15)\n", oursMs / encode.wallMs);
    std::printf("  ratio ours / encode-only at the output's level: %.3f\n", oursMs / encodeAtLevel.wallMs);
    std::printf("  speed-up vs two-pass loudnorm: %.2fx (goal >= 3)\n", twoPassMs / oursMs);
    std::printf("  ours: before %.2f LUFS, gain %+.2f dB, limiter %s (max %.2f dB); after %.2f LUFS, %.2f dBTP "
                "(decoded output)\n",
                result->before.integratedLufs, result->gainDb, result->limited ? "on" : "off", result->maxReductionDb,
                result->after.integratedLufs, result->after.truePeakDbtp);
    for (std::size_t c = result->firstAfterCheck; c < result->checks.size(); ++c)
        if (result->checks[c].level != ExportCheck::Level::Ok || result->checks[c].topic == "Encoded twice")
            std::printf("  check after export: %s: %s\n", result->checks[c].topic.c_str(), result->checks[c].text.c_str());
    const Run check = runCommand("ffmpeg -nostdin -hide_banner -i " + result->audio.string() +
                                 " -af ebur128=peak=true -f null - 2>&1 | tail -12");
    std::smatch m;
    const std::regex integ("I:\\s+(-?[0-9.]+) LUFS"), peak("Peak:\\s+(-?[0-9.]+) dBFS");
    std::string i = std::regex_search(check.output, m, integ) ? m[1].str() : "?";
    std::string tp = std::regex_search(check.output, m, peak) ? m[1].str() : "?";
    std::printf("  ffmpeg's ebur128 on our file: %s LUFS, true peak %s dBTP\n", i.c_str(), tp.c_str());
    if (std::getenv("PYCAST_BENCH_EXPORT_KEEP")) {
        std::printf("  kept %s\n", dir.string().c_str());
        return 0;
    }
    std::error_code ec;
    fs::remove_all(dir, ec);
    return 0;
}
