// `pycast record`: records the inputs into one WAV per track without a window, with meters on
// the terminal, until Ctrl-C / SIGTERM or --duration (CLI thread; the recorder has its own).
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <ostream>
#include <thread>

#include "cli/commands.hpp"
#include "cli/recorder_options.hpp"
#include "core/text.hpp"
#include "io/wav_file.hpp"
#include "media/recorder.hpp"

namespace pycast::cli {
namespace {

volatile std::sig_atomic_t g_stopSignal = 0;

void onStopSignal(int sig) { g_stopSignal = sig; }

const char* kUsageHead =
    "usage: pycast record --out DIR [--device NAME] [--host-api NAME] [--channels N] [--rate HZ]\n"
    "                     [--duration S] [--tracks host,guest1,...] [--soundcheck S]\n\n"
    "Records the input device into DIR, one mono 24-bit WAV per track (01-host.wav, 02-guest1.wav "
    "...;\n"
    "track i is input channel i). Prints each track's meter about 4 times a second on a terminal\n"
    "(once a second, one line per update, when the output is not a terminal), dropouts and "
    "warnings\n"
    "as they happen, and the files with their lengths at the end. Stops cleanly on Ctrl-C or "
    "SIGTERM,\n"
    "or after --duration seconds.\n\n"
    ;
const char* kUsageTail =
    "                    (default: \"Track 1\", \"Track 2\" ... one per channel, 2 channels)\n"
    "  --duration S      stop after S seconds of audio\n"
    "  --soundcheck S    first listen S seconds without writing and print what would go wrong (no\n"
    "                    signal on a track, clipping, a rate mismatch, too little disk); then "
    "record\n\n"
    "Exit 0 when the recording stopped cleanly, 1 when the device could not be opened or a write\n"
    "failed (the files stay valid up to the failure), 2 for a usage error.\n"
    "Test hook: PYCAST_TEST_DISK_LIMIT_BYTES=N makes every track fail as if the disk were full "
    "once\n"
    "it passes N bytes.\n";

std::string usage() { return std::string(kUsageHead) + kRecorderOptionsHelp + kUsageTail; }

bool parseNumber(const std::string& text, double lo, double hi, double& out) {
    try {
        std::size_t used = 0;
        const double v = std::stod(text, &used);
        if (used != text.size() || !std::isfinite(v) || v < lo || v > hi) return false;
        out = v;
        return true;
    } catch (...) {
        return false;
    }
}

std::string bar(float dbfs, int width) {
    const double fill = std::clamp((dbfs + 60.0) / 60.0, 0.0, 1.0);
    const int n = static_cast<int>(std::lround(fill * width));
    return std::string(static_cast<std::size_t>(n), '#') +
           std::string(static_cast<std::size_t>(width - n), '-');
}

std::string fixed1(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%6.1f", v);
    return buf;
}

std::string clock(double seconds) {
    const auto s = static_cast<long long>(seconds);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", s / 3600, s / 60 % 60, s % 60);
    return buf;
}

}  // namespace

int runRecord(const Args& args, std::ostream& out, std::ostream& err) {
    if (wantsHelp(args)) {
        out << usage();
        return 0;
    }
    RecorderOptions options;
    double duration = 0;
    double soundcheckSeconds = 0;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](std::string& v) {
            if (i + 1 >= args.size()) return false;
            v = args[++i];
            return true;
        };
        std::string v;
        std::string error;
        if (a == "--out" && value(v)) {
            options.setup.folder = v;
        } else if (readRecorderOption(args, i, options, error)) {
            if (!error.empty()) {
                err << "pycast record: " << error << "\n";
                return 2;
            }
        } else if (a == "--duration" && value(v)) {
            if (!parseNumber(v, 0.01, 7 * 24 * 3600.0, duration)) {
                err << "pycast record: --duration must be a number of seconds, not \"" << v
                    << "\"\n";
                return 2;
            }
        } else if (a == "--soundcheck" && value(v)) {
            if (!parseNumber(v, 0.1, 600, soundcheckSeconds)) {
                err << "pycast record: --soundcheck must be a number of seconds (0.1 to 600), not "
                       "\""
                    << v << "\"\n";
                return 2;
            }
        } else {
            err << "pycast record: "
                << (a.rfind("--", 0) == 0 ? "missing value for or unknown option " : "unexpected ")
                << "\"" << a << "\"\n"
                << usage();
            return 2;
        }
    }
    media::RecorderSetup setup = options.setup;
    const std::vector<std::string>& names = options.names;
    int channels = options.channels;
    if (setup.folder.empty()) {
        err << "pycast record: --out DIR is required (the folder the WAVs go to)\n";
        return 2;
    }
    if (channels == 0) channels = names.empty() ? 2 : static_cast<int>(names.size());
    if (names.size() > static_cast<std::size_t>(channels)) {
        err << "pycast record: " << names.size() << " track names for " << channels
            << " channels; give --channels " << names.size() << " or fewer names\n";
        return 2;
    }
    setup.channels = channels;
    for (int c = 0; c < channels; ++c) {
        media::TrackSetup t;
        t.channel = c;
        t.name = c < static_cast<int>(names.size()) ? names[static_cast<std::size_t>(c)]
                                                    : "Track " + std::to_string(c + 1);
        setup.tracks.push_back(t);
    }
    if (!names.empty()) setup.tracks.resize(names.size());  // named tracks only
    setup.plannedSeconds = static_cast<std::int64_t>(duration);

    if (soundcheckSeconds > 0) {
        out << "soundcheck: listening for " << soundcheckSeconds << " s ...\n";
        out.flush();
        std::string error;
        const auto findings = media::soundcheck(setup, soundcheckSeconds, error);
        if (!error.empty()) {
            err << "pycast record: " << error << "\n";
            return 1;
        }
        for (const auto& f : findings) out << "SOUNDCHECK [" << f.code << "] " << f.text << "\n";
        if (findings.empty())
            out << "soundcheck: every armed track has a signal, nothing clips, the disk holds "
                   "enough\n";
        out.flush();
    }
    media::Recorder recorder;
    if (auto st = recorder.start(setup); !st) {
        err << "pycast record: " << st.error().message() << "\n";
        return 1;
    }
    g_stopSignal = 0;
    struct sigaction sa {};
    sa.sa_handler = &onStopSignal;
    sigemptyset(&sa.sa_mask);
    struct sigaction oldInt {
    }, oldTerm{};
    sigaction(SIGINT, &sa, &oldInt);
    sigaction(SIGTERM, &sa, &oldTerm);

    const bool tty = ::isatty(STDOUT_FILENO) == 1;
    out << "recording " << setup.tracks.size() << " track(s) at " << setup.sampleRate << " Hz into "
        << setup.folder.string()
        << (duration > 0 ? " for " + clock(duration) : std::string(", Ctrl-C stops")) << "\n";
    for (const auto& f : recorder.files()) out << "  " << f.string() << "\n";
    out.flush();
    const auto period = std::chrono::milliseconds(tty ? 250 : 1000);
    auto nextMeter = std::chrono::steady_clock::now() + period;
    int meterLines = 0;
    const auto target = static_cast<std::int64_t>(std::llround(duration * setup.sampleRate));
    std::string stopReason;
    std::vector<float> peaks;
    while (true) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        const auto events = recorder.takeEvents();
        for (const auto& e : events) {
            if (e.kind == media::RecorderEvent::Kind::Stopped) continue;
            const char* tag = e.kind == media::RecorderEvent::Kind::Dropout          ? "DROPOUT"
                              : e.kind == media::RecorderEvent::Kind::Warning        ? "WARNING"
                              : e.kind == media::RecorderEvent::Kind::WarningCleared ? "ok"
                                                                                     : "ERROR";
            if (tty && meterLines > 0) out << "\x1b[" << meterLines << "F\x1b[J";
            meterLines = 0;
            (e.kind == media::RecorderEvent::Kind::Error ? err : out)
                << tag << " [" << e.code << "] " << e.text << "\n";
        }
        if (!events.empty()) out.flush();
        auto status = recorder.status();
        // status() holds the peak since the writer's last drain (~20 ms): the meter shows the
        // loudest of them since it was last printed.
        peaks.resize(status.tracks.size(), -120.f);
        for (std::size_t i = 0; i < status.tracks.size(); ++i) {
            peaks[i] = std::max(peaks[i], status.tracks[i].peakDbfs);
            status.tracks[i].peakDbfs = peaks[i];
        }
        if (!status.recording) {
            stopReason = status.error;
            break;
        }
        if (g_stopSignal) break;
        if (target > 0 && status.position.value - setup.startSample.value >= target) break;
        if (std::chrono::steady_clock::now() >= nextMeter) {
            nextMeter += period;
            if (tty) {
                if (meterLines > 0) out << "\x1b[" << meterLines << "F";
                meterLines = 0;
                for (const auto& t : status.tracks) {
                    std::string name = t.name.substr(0, 12);
                    name += std::string(12 - std::min<std::size_t>(12, name.size()), ' ');
                    out << "\x1b[2K" << name << " [" << bar(t.peakDbfs, 30) << "] peak"
                        << fixed1(t.peakDbfs) << " hold" << fixed1(t.peakHoldDbfs) << " rms"
                        << fixed1(t.rmsDbfs) << " dBFS" << (t.clipping ? "  CLIP" : "")
                        << (t.noSignal ? "  NO SIGNAL" : "") << "\n";
                    ++meterLines;
                }
                out << "\x1b[2K"
                    << clock(static_cast<double>(status.framesWritten) / setup.sampleRate)
                    << "  LUFS M" << fixed1(status.momentaryLufs) << " S"
                    << fixed1(status.shortTermLufs) << " I" << fixed1(status.integratedLufs)
                    << "  dropouts " << status.dropouts << "  disk "
                    << (status.diskSecondsLeft < 0 ? std::string("?")
                                                   : clock(status.diskSecondsLeft))
                    << " left\n";
                ++meterLines;
            } else {
                out << clock(static_cast<double>(status.framesWritten) / setup.sampleRate);
                for (const auto& t : status.tracks)
                    out << "  " << t.name << " peak" << fixed1(t.peakDbfs) << " rms"
                        << fixed1(t.rmsDbfs);
                out << "  M" << fixed1(status.momentaryLufs) << " LUFS  dropouts "
                    << status.dropouts << "\n";
            }
            out.flush();
            std::fill(peaks.begin(), peaks.end(), -120.f);
        }
    }
    const Status stopped = recorder.stop();
    sigaction(SIGINT, &oldInt, nullptr);
    sigaction(SIGTERM, &oldTerm, nullptr);
    for (const auto& e : recorder.takeEvents())
        if (e.kind == media::RecorderEvent::Kind::Dropout ||
            e.kind == media::RecorderEvent::Kind::Error)
            (e.kind == media::RecorderEvent::Kind::Error ? err : out)
                << (e.kind == media::RecorderEvent::Kind::Error ? "ERROR" : "DROPOUT") << " ["
                << e.code << "] " << e.text << "\n";
    const auto status = recorder.status();
    if (stopReason.empty() && !stopped) stopReason = stopped.error().message();
    out << (stopReason.empty() ? "stopped" : "recording stopped by an error") << " after "
        << clock(static_cast<double>(status.framesWritten) / setup.sampleRate) << " ("
        << status.framesWritten << " frames), " << status.dropouts << " dropout(s), "
        << status.droppedFrames << " frames lost\n";
    for (const auto& f : recorder.files()) {
        const auto info = readWavInfo(f);
        if (info)
            out << "  " << f.string() << "  " << info->frames() << " frames ("
                << fixed1(static_cast<double>(info->frames()) / setup.sampleRate) << " s)\n";
        else
            out << "  " << f.string() << "  " << info.error().message() << "\n";
    }
    if (!stopReason.empty()) {
        err << "pycast record: " << stopReason << "\n";
        return 1;
    }
    return 0;
}

}  // namespace pycast::cli
