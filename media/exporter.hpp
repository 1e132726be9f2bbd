// The export pipeline: a session's tracks (or any audio file) → mix, cuts, intro/outro → measure
// (ITU-R BS.1770 via libebur128) → one linear gain + a look-ahead true-peak limiter only where
// needed → encode and mux with chapters, tags and cover art → verify from the encoded packets
// and the file itself. runExport runs on the calling thread (the export worker) and uses one
// more thread for verification; ExportJob owns that worker for the studio.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/error.hpp"
#include "live/export_plan.hpp"
#include "media/loudness.hpp"

namespace pycast::media {

// What runs before the export, on any thread: the cover probed, the intro's and outro's lengths
// read, the output's length and chapters worked out, the checks made.
struct PreparedExport {
    std::int64_t sourceMs = 0;              // the source's length, ms (a file's read from it)
    std::int64_t introMs = 0, outroMs = 0;  // ms
    std::int64_t outputMs = 0;              // the output's length, ms
    std::vector<OutputChapter> chapters;
    std::vector<ExportCheck> checks;        // checksBeforeExport + unreadable intro/outro
};
// Errors: the input cannot be opened (a session without tracks, an unreadable file).
Result<PreparedExport> prepareExport(const ExportPlan& plan);

struct ExportProgress {
    enum class Phase { Preparing, Measuring, Encoding, Verifying, Finished };
    Phase phase = Phase::Preparing;
    double fraction = 0;      // 0…1 of the whole export
    std::int64_t etaMs = -1;  // estimated ms left (−1: not known yet)
};
const char* phaseName(ExportProgress::Phase phase);  // "measuring", …

struct ExportResult {
    std::filesystem::path audio;                  // the audio file
    std::vector<std::filesystem::path> sidecars;  // chapters JSON, show notes, podcast:person
    LoudnessFigures before;   // the programme before gain
    LoudnessFigures after;    // the decoded output
    double gainDb = 0;        // the one linear gain applied, dB
    bool limited = false;     // the limiter reduced at least one peak
    double maxReductionDb = 0;
    std::int64_t outputMs = 0;
    std::vector<OutputChapter> chapters;
    std::vector<ExportCheck> checks;  // before + after; any Error: the export failed a check
    std::size_t firstAfterCheck = 0;  // checks[firstAfterCheck…] are the ones after export
};

// Runs the whole export on the calling thread. `progress` is called on that thread a few times a
// second; `cancel` is polled between blocks. A cancelled or failed export leaves no file at the
// destination (everything is written to hidden temporary names in outDir and renamed at the
// end). A check that fails after export keeps the files and says so in `checks`.
Result<ExportResult> runExport(const ExportPlan& plan,
                               const std::function<void(const ExportProgress&)>& progress,
                               const std::atomic<bool>& cancel);

// runExport on its own worker thread (the studio's Export dialog). Owner thread: start, poll,
// cancel; `wake` is called from the worker after each progress step (glfwPostEmptyEvent).
class ExportJob {
public:
    ExportJob(ExportPlan plan, std::function<void()> wake);
    ~ExportJob();  // cancels and joins
    ExportJob(const ExportJob&) = delete;
    ExportJob& operator=(const ExportJob&) = delete;

    ExportProgress progress() const;
    bool finished() const;
    void cancel();
    // After finished(): the result (an Error "export cancelled" after cancel()).
    const Result<ExportResult>& result() const;

private:
    mutable std::mutex m_mutex;
    ExportProgress m_progress;
    std::optional<Result<ExportResult>> m_result;
    std::atomic<bool> m_cancel{false};
    std::atomic<bool> m_finished{false};
    std::function<void()> m_wake;
    std::thread m_worker;
};

}  // namespace pycast::media
