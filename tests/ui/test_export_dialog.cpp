// The Export dialog drawn headless: its tabs, the checks re-run after a pause in editing, Export
// held back by a red check, chapter edits applied when the field is left, and the studio's ways in.
#include <doctest/doctest.h>

#include "core/duration.hpp"
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.hpp"
#include "dialogs/export_dialog.hpp"
#include "drawn_text.hpp"
#include "live/session.hpp"
#include "shell/headless.hpp"
#include "shell/options.hpp"
#include "shell/screenshot.hpp"
#include "test_editor_support.hpp"
#include "test_live_support.hpp"
#include "views/live/live_view.hpp"

using namespace pycast;
using namespace pycast::ui;
using namespace pycast::uitest;

namespace {

// A mono 16-bit WAV of a 440 Hz tone at about −20 dBFS, `seconds` long.
void writeToneWav(const std::filesystem::path& file, int seconds, std::uint32_t rate = 8000) {
    const std::uint32_t frames = rate * static_cast<std::uint32_t>(seconds);
    std::ofstream out(file, std::ios::binary);
    const auto u32 = [&](std::uint32_t v) { out.write(reinterpret_cast<const char*>(&v), 4); };
    const auto u16 = [&](std::uint16_t v) { out.write(reinterpret_cast<const char*>(&v), 2); };
    out.write("RIFF", 4);
    u32(36 + frames * 2);
    out.write("WAVEfmt ", 8);
    u32(16);
    u16(1);
    u16(1);
    u32(rate);
    u32(rate * 2);
    u16(2);
    u16(16);
    out.write("data", 4);
    u32(frames * 2);
    for (std::uint32_t i = 0; i < frames; ++i) {
        const double s = 3276.0 * std::sin(2.0 * 3.141592653589793 * 440.0 * i / rate);
        u16(static_cast<std::uint16_t>(static_cast<std::int16_t>(s)));
    }
}

std::string fixedText(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", v);
    return buffer;
}
std::string signedText(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%+.1f", v);
    return buffer;
}

Chapter segment(std::int64_t ms, std::string title) {
    return {Chapter::Kind::Segment, ms, std::nullopt, std::move(title)};
}

// A 60 s file with a session's kind of chapters: three segments, one of them a break.
ExportPlan tonePlan(const pycast::test::TempDir& tmp) {
    writeToneWav(tmp / "tone.wav", 60);
    ExportPlan plan = planForFile(tmp / "tone.wav");
    plan.sourceMs = 60'000;
    plan.chapters = {segment(0, "開場 Opening"), segment(20'000, "Break"),
                     segment(30'000, "Interview")};
    plan.meta.title = "測試 Test episode";
    plan.outDir = tmp / "exports";
    plan.baseName = "test-episode";
    return plan;
}

// The dialog alone in a headless ImGui, with the studio's keys.
struct DialogBench {
    FontManager fonts;
    HeadlessImGui imgui;
    ExportDialog dialog;
    std::vector<ExportDialogFrame> frames;
    std::unique_ptr<media::ExportJob> job;  // the shell's part: started when the dialog asks

    explicit DialogBench(ImVec2 display = ImVec2(1400, 900)) : imgui(fonts, display) {
        mapKeys(imgui.io());
    }
    ExportDialogFrame frame(float dt = 1.0f / 60.0f) {
        ExportDialogFrame last;
        const std::string unbalanced =
            imgui.frame([&] { last = dialog.draw(fonts, job.get()); }, dt);
        CHECK_MESSAGE(unbalanced.empty(), "left open: " << unbalanced);
        frames.push_back(last);
        if (last.start) job = std::make_unique<media::ExportJob>(*last.start, [] {});
        if (last.cancel && job) job->cancel();
        if (fonts.rebuildPending()) fonts.build(*imgui.io().Fonts);
        return last;
    }
    void settle() {
        dialog.waitForChecks();
        frame();
        frame();
    }
    bool shows(const std::string& text) {
        return drawnCharacters(imgui.drawData()).find(withoutSpaces(text)) != std::u32string::npos;
    }
    std::size_t count(const std::string& text) {
        const std::u32string drawn = drawnCharacters(imgui.drawData());
        const std::u32string wanted = withoutSpaces(text);
        std::size_t n = 0;
        for (auto at = drawn.find(wanted); at != std::u32string::npos;
             at = drawn.find(wanted, at + 1))
            ++n;
        return n;
    }
    void click(const std::string& label, bool last = false) {
        const std::optional<ImVec2> at = drawnAt(imgui.drawData(), label, last);
        REQUIRE_MESSAGE(at, "\"" << label << "\" is not on screen");
        imgui.io().MousePos = ImVec2(at->x + 2.0f, at->y + 4.0f);
        frame();
        imgui.io().MouseDown[0] = true;
        frame();
        imgui.io().MouseDown[0] = false;
        frame();
    }
    void press(int key, bool ctrl = false) {
        imgui.io().KeyCtrl = ctrl;
        imgui.io().KeysDown[key] = true;
        frame();
        imgui.io().KeysDown[key] = false;
        imgui.io().KeyCtrl = false;
        frame();
    }
    void type(const std::string& utf8) {
        imgui.io().AddInputCharactersUTF8(utf8.c_str());
        frame();
    }
};

}  // namespace

TEST_CASE(
    "export dialog: chapter times read as mm:ss.mmm, h:mm:ss.mmm or seconds, and malformed ones "
    "are refused") {
    CHECK(formatTimecode(0, true) == "0:00.000");
    CHECK(formatTimecode(754'500, true) == "12:34.500");
    CHECK(formatTimecode(3'723'004, true) == "1:02:03.004");
    CHECK(parseChapterTime("12:34.500") == 754'500);
    CHECK(parseChapterTime("12:34.5") == 754'500);
    CHECK(parseChapterTime("12:34.05") == 754'050);
    CHECK(parseChapterTime(" 1:02:03.004 ") == 3'723'004);
    CHECK(parseChapterTime("90") == 90'000);
    CHECK(parseChapterTime("１２：３４") == 754'000);  // as a Chinese input method types it
    for (std::int64_t ms : {0LL, 999LL, 59'999LL, 3'599'999LL, 3'600'000LL, 36'000'123LL})
        CHECK(parseChapterTime(formatTimecode(ms, true)) == ms);
    CHECK_FALSE(parseChapterTime(""));
    CHECK_FALSE(parseChapterTime("12:34.5000"));
    CHECK_FALSE(parseChapterTime("12:34."));
    CHECK_FALSE(parseChapterTime("12:75"));
    CHECK_FALSE(parseChapterTime("abc"));
    CHECK_FALSE(parseChapterTime("-5"));
}

TEST_CASE(
    "export dialog: every tab draws with balanced ImGui calls and the checks are listed with their "
    "topics") {
    pycast::test::TempDir tmp;
    DialogBench b;
    b.dialog.openPlan(tonePlan(tmp));
    b.frame();
    CHECK(b.dialog.isOpen());
    b.settle();
    REQUIRE(b.dialog.prepared().has_value());
    REQUIRE_MESSAGE(b.dialog.prepared()->ok(), b.dialog.prepared()->error().message());
    CHECK(b.shows("CHECKS"));
    CHECK(b.shows("測試 Test episode"));  // the source's title, Chinese included
    for (const ExportCheck& c : b.dialog.prepared()->value().checks) {
        CHECK_MESSAGE(b.shows(c.topic), c.topic);
    }
    CHECK(b.shows("MP3 (LAME)"));
    CHECK(b.shows("128 kb/s"));
    b.click("Mix & cuts");
    CHECK(b.shows("Trim head"));
    CHECK(b.shows("Interview"));  // a segment that can be left out
    b.click("Metadata");
    CHECK(b.shows("Description"));
    CHECK(b.shows("Cover art"));
    b.click("Chapters (3)");
    CHECK(b.shows("0:20.000"));
    CHECK(b.shows("Add chapter"));
    // Closing: Escape, with no job running.
    b.press(keys::Escape);
    CHECK_FALSE(b.dialog.isOpen());
    CHECK(b.frames[b.frames.size() - 2].closed);
}

TEST_CASE("export dialog: edits in a burst run the checks once, after a pause, not every frame") {
    pycast::test::TempDir tmp;
    DialogBench b;
    b.dialog.openPlan(tonePlan(tmp));
    b.frame();
    b.settle();
    const int runs = b.dialog.checkRuns();
    CHECK(runs == 1);
    CHECK_FALSE(b.dialog.checksPending());
    // Ten edits, a frame apart (0.1 s in all): the checks wait.
    for (int i = 0; i < 10; ++i) {
        b.dialog.editPlan().meta.title += "!";
        b.dialog.planChanged();
        const ExportDialogFrame f = b.frame(0.01f);
        CHECK(f.frameRate > 0.0);  // the pause must run out without input
    }
    CHECK(b.dialog.checksPending());
    CHECK(b.dialog.checkRuns() == runs);
    CHECK(b.dialog.blockedReason() == "Checking…");
    // Past the pause: one run, for the plan as it is now.
    b.frame(static_cast<float>(ExportDialog::kCheckDelaySeconds));
    CHECK(b.dialog.checkRuns() == runs + 1);
    b.settle();
    CHECK(b.dialog.checkRuns() == runs + 1);
    CHECK_FALSE(b.dialog.checksPending());
}

TEST_CASE("export dialog: Export is disabled while a check is red, with the reason beside it") {
    pycast::test::TempDir tmp;
    DialogBench b;
    ExportPlan plan = tonePlan(tmp);
    plan.trimHeadMs = 120'000;  // past the end: nothing left to export
    b.dialog.openPlan(plan);
    b.frame();
    b.settle();
    REQUIRE(b.dialog.prepared().has_value());
    REQUIRE(b.dialog.prepared()->ok());
    const auto& checks = b.dialog.prepared()->value().checks;
    REQUIRE(hasErrors(checks));
    const auto red = std::find_if(checks.begin(), checks.end(), [](const ExportCheck& c) {
        return c.level == ExportCheck::Level::Error;
    });
    CHECK(b.dialog.blockedReason() == red->topic + ": " + red->text);
    CHECK(b.count(red->text) == 2);  // in the list, and beside the button
    b.click("Export", true);
    b.press(keys::Enter, true);  // Ctrl+Enter neither
    for (const ExportDialogFrame& f : b.frames) CHECK_FALSE(f.start.has_value());

    // The trim undone: the checks go green (or amber) and Export starts the plan as edited.
    b.dialog.editPlan().trimHeadMs = 0;
    b.dialog.planChanged();
    b.frame(1.0f);
    b.settle();
    REQUIRE(b.dialog.prepared()->ok());
    CHECK_FALSE(hasErrors(b.dialog.prepared()->value().checks));
    CHECK(b.dialog.blockedReason().empty());
    b.frames.clear();
    b.click("Export", true);
    int starts = 0;
    for (const ExportDialogFrame& f : b.frames) {
        if (!f.start) continue;
        ++starts;
        CHECK(f.start->trimHeadMs == 0);
        CHECK(f.start->meta.title == "測試 Test episode");
    }
    CHECK(starts == 1);
}

TEST_CASE(
    "export dialog: a chapter's title applies when its field is left, and a new time moves the row "
    "with its title") {
    pycast::test::TempDir tmp;
    DialogBench b;
    b.dialog.openPlan(tonePlan(tmp));
    b.frame();
    b.settle();
    b.click("Chapters (3)");
    b.click("Interview");
    b.type("二");
    b.type("X");
    // Still typing: the plan has the old title.
    CHECK(b.dialog.plan().chapters[2].title == "Interview");
    b.press(keys::Enter);
    const std::string title = b.dialog.plan().chapters[2].title;
    CHECK(title != "Interview");
    CHECK(title.find("二X") != std::string::npos);
    CHECK(b.dialog.checksPending());  // an edit: the checks run again after the pause

    // The break's time set to 0:45: it becomes the last row, its title with it.
    b.click("0:20.000");
    b.imgui.io().KeyCtrl = true;
    b.imgui.io().KeysDown['A'] = true;
    b.frame();
    b.imgui.io().KeysDown['A'] = false;
    b.imgui.io().KeyCtrl = false;
    b.type("0:45.250");
    b.press(keys::Enter);
    REQUIRE(b.dialog.plan().chapters.size() == 3);
    CHECK(b.dialog.plan().chapters[2].title == "Break");
    CHECK(b.dialog.plan().chapters[2].startMs == 45'250);
    CHECK(b.dialog.plan().chapters[1].title == title);
    b.frame();
    CHECK(b.shows("0:45.250"));

    // A time that does not parse leaves the chapter where it was.
    b.click("0:45.250");
    b.imgui.io().KeyCtrl = true;
    b.imgui.io().KeysDown['A'] = true;
    b.frame();
    b.imgui.io().KeysDown['A'] = false;
    b.imgui.io().KeyCtrl = false;
    b.type("soon");
    b.press(keys::Enter);
    CHECK(b.dialog.plan().chapters[2].startMs == 45'250);
}

TEST_CASE(
    "export dialog: leaving out a segment cuts every stretch it was on air, and taking it back "
    "restores the cuts") {
    pycast::test::TempDir tmp;
    DialogBench b;
    const ExportPlan plan = tonePlan(tmp);
    b.dialog.openPlan(plan);
    b.frame();
    b.settle();
    CHECK(b.dialog.segmentTitles() ==
          std::vector<std::string>{"開場 Opening", "Break", "Interview"});
    b.click("Mix & cuts");
    b.click("Break");
    CHECK(b.dialog.segmentDropped("Break"));
    CHECK(b.dialog.plan().cuts == segmentCuts(plan.chapters, "Break", plan.sourceMs));
    REQUIRE(b.dialog.plan().cuts.size() == 1);
    CHECK(b.dialog.plan().cuts[0].startMs == 20'000);
    CHECK(b.dialog.plan().cuts[0].endMs == 30'000);
    b.frame(1.0f);
    b.settle();
    REQUIRE(b.dialog.prepared()->ok());
    CHECK(b.dialog.prepared()->value().outputMs == 50'000);
    b.click("Break");
    CHECK(b.dialog.plan().cuts.empty());
}

TEST_CASE(
    "export dialog: a session that cannot be read opens with its error and nothing to export") {
    pycast::test::TempDir tmp;
    std::filesystem::create_directories(tmp / "not-a-session");
    DialogBench b;
    b.dialog.open(tmp / "not-a-session");
    b.frame();
    b.frame();
    CHECK(b.dialog.isOpen());
    CHECK_FALSE(b.dialog.sourceError().empty());
    CHECK(b.shows(b.dialog.sourceError().substr(0, 20)));
    CHECK(b.dialog.blockedReason() == "The source could not be opened.");
    CHECK_FALSE(b.dialog.checksPending());
}

TEST_CASE(
    "studio: File > Export episode… (Ctrl+E) asks for a session or an audio file, and a chosen one "
    "opens the dialog") {
    pycast::test::TempDir tmp;
    Studio s;
    s.window.setDocument(documentOf(loadSample("enterprise-meetup.json")));
    s.frame();
    s.press('E', true);
    CHECK(s.window.fileDialog().isOpen());
    s.press(keys::Escape);
    CHECK_FALSE(s.window.fileDialog().isOpen());
    writeToneWav(tmp / "tone.wav", 5);
    s.window.openEpisodeExport(tmp / "tone.wav");
    s.frames(2);
    CHECK(s.popupOpen("###export-episode"));
    CHECK(s.window.episodeExport().plan().input == tmp / "tone.wav");
    CHECK(s.window.exportJob() == nullptr);
}

TEST_CASE(
    "export dialog: an editor's chapter list on the clipboard replaces the table, and a bad one is "
    "named and changes nothing") {
    pycast::test::TempDir tmp;
    DialogBench b;
    b.dialog.openPlan(tonePlan(tmp));
    b.frame();
    b.settle();
    b.click("Chapters (3)");
    ImGui::SetCurrentContext(b.imgui.context());
    ImGui::SetClipboardText("0:00 Hello\n0:40 Later\n0:20 Backwards\n");
    b.click("Replace with the list on the clipboard");
    CHECK(b.dialog.plan().chapters.size() == 3);
    CHECK(b.dialog.plan().chapters[1].title == "Break");
    CHECK(b.shows("chapter 3: goes back in time"));  // the error names the chapter
    ImGui::SetCurrentContext(b.imgui.context());
    ImGui::SetClipboardText("0:00 Hello\n0:40 問答 Q&A\n");
    b.click("Replace with the list on the clipboard");
    REQUIRE(b.dialog.plan().chapters.size() == 2);
    CHECK(b.dialog.plan().chapters[1].title == "問答 Q&A");
    CHECK(b.dialog.plan().chapters[1].startMs == 40'000);
    b.frame();
    CHECK(b.shows("Chapters (2)"));
    CHECK(b.shows("0:40.000"));
}

TEST_CASE(
    "studio: the Live tab's Export… opens the dialog on the session, and Ctrl+E does too while one "
    "is open") {
    LiveFixture f;
    FontManager fonts;
    HeadlessImGui imgui(fonts);
    mapKeys(imgui.io());
    MainWindow window(fonts, {sourceDir() / "shows"});
    LiveContext live(*f.controller);
    window.setLive(&live);
    window.setDocument(documentOf(f.show, sourceDir() / "shows" / "pycast-ama.json"));
    f.createSession();
    window.selectView("live");
    const auto frame = [&] {
        FrameRequests requests;
        const std::string unbalanced = imgui.frame([&] { window.draw(requests); });
        CHECK_MESSAGE(unbalanced.empty(), "left open: " << unbalanced);
        window.apply(requests);
        f.controller->runPosted();
        fonts.addText(requests.glyphText);
        if (fonts.rebuildPending()) fonts.build(*imgui.io().Fonts);
    };
    for (int i = 0; i < 3; ++i) frame();
    const std::optional<ImVec2> at = drawnAt(imgui.drawData(), "Export…");
    REQUIRE_MESSAGE(at, "no Export… in the session strip");
    const auto click = [&] {
        imgui.io().MousePos = ImVec2(at->x + 2.0f, at->y + 4.0f);
        frame();
        imgui.io().MouseDown[0] = true;
        frame();
        imgui.io().MouseDown[0] = false;
        frame();
        frame();
    };
    // While a take records, its tracks still grow: Export… waits for Stop.
    Session* session = f.controller->host().session();
    REQUIRE(session->appendEvent("recorder-start", {{"take", 1}, {"rate", 48000}, {"start_sample", 0},
                                                    {"tracks", nlohmann::json::array()}}));
    frame();
    click();
    CHECK_FALSE(window.episodeExport().isOpen());
    window.showEpisodeExport();  // Ctrl+E's path
    CHECK_FALSE(window.episodeExport().isOpen());
    REQUIRE(session->appendEvent("recorder-stop", {{"take", 1}, {"frames", 0}, {"reason", "stopped"}}));
    frame();
    click();
    REQUIRE(window.episodeExport().isOpen());
    CHECK(window.episodeExport().plan().input == f.tmp / "s");
    // Nothing was recorded: the dialog says why there is nothing to export.
    CHECK_FALSE(window.episodeExport().sourceError().empty());
    CHECK_FALSE(window.episodeExport().blockedReason().empty());

    // Closed, then Ctrl+E: the session again, no file chooser.
    imgui.io().KeysDown[keys::Escape] = true;
    frame();
    imgui.io().KeysDown[keys::Escape] = false;
    frame();
    CHECK_FALSE(window.episodeExport().isOpen());
    imgui.io().KeyCtrl = true;
    imgui.io().KeysDown['E'] = true;
    frame();
    imgui.io().KeysDown['E'] = false;
    imgui.io().KeyCtrl = false;
    frame();
    CHECK(window.episodeExport().isOpen());
    CHECK_FALSE(window.fileDialog().isOpen());
    CHECK(window.episodeExport().plan().input == f.tmp / "s");
}

TEST_CASE(
    "export dialog: a finished export shows the loudness before and after, the gain, the files and "
    "the checks read from the file") {
    pycast::test::TempDir tmp;
    DialogBench b;
    b.dialog.openPlan(tonePlan(tmp));
    b.frame();
    b.settle();
    REQUIRE_MESSAGE(b.dialog.blockedReason().empty(), b.dialog.blockedReason());
    b.click("Export", true);
    REQUIRE(b.job);
    for (int i = 0; i < 6000 && !b.job->finished(); ++i) {
        b.frame();
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    REQUIRE(b.job->finished());
    b.frame();
    b.frame();
    const Result<media::ExportResult>& r = b.job->result();
    REQUIRE_MESSAGE(r.ok(), r.error().message());
    CHECK(std::filesystem::exists(r.value().audio));
    CHECK(b.shows("EXPORTED"));
    CHECK(b.shows("Integrated (LUFS)"));
    CHECK(b.shows(fixedText(r.value().after.integratedLufs)));
    CHECK(b.shows("Gain " + signedText(r.value().gainDb) + " dB"));
    CHECK(b.shows("True peak (dBTP)"));
    CHECK(b.shows(r.value().audio.filename().string()));
    // (From the second letter: the glyph reader can miss the first one after a button's frame.)
    for (const auto& sidecar : r.value().sidecars)
        CHECK_MESSAGE(b.shows(sidecar.filename().string().substr(1)), sidecar.filename().string());
    b.click("Copy path");
    CHECK(std::string(ImGui::GetClipboardText()) == r.value().audio.string());
    CHECK(b.shows("AFTER EXPORT"));
    CHECK(b.dialog.blockedReason().empty());  // Export again
    CHECK(b.shows("Export again"));
}

TEST_CASE(
    "export dialog: Cancel stops a running export, which leaves no file, and the dialog says so") {
    pycast::test::TempDir tmp;
    DialogBench b;
    ExportPlan plan = tonePlan(tmp);
    writeToneWav(tmp / "tone.wav", 900);  // 15 minutes: long enough to be caught running
    plan.sourceMs = 900'000;
    b.dialog.openPlan(plan);
    b.frame();
    b.settle();
    REQUIRE_MESSAGE(b.dialog.blockedReason().empty(), b.dialog.blockedReason());
    b.click("Export", true);
    REQUIRE(b.job);
    b.frame();
    REQUIRE_FALSE(b.job->finished());
    CHECK(b.shows("EXPORTING"));
    CHECK(b.dialog.blockedReason(b.job.get()) == "An export is running.");
    b.press(keys::Escape);  // no closing while it runs
    CHECK(b.dialog.isOpen());
    b.click("Cancel export");
    for (int i = 0; i < 3000 && !b.job->finished(); ++i) {
        b.frame();
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    REQUIRE(b.job->finished());
    b.frame();
    CHECK_FALSE(b.job->result().ok());
    CHECK(b.shows("CANCELLED"));
    std::size_t files = 0;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(tmp / "exports", ec)) {
        (void)e;
        ++files;
    }
    CHECK(files == 0);
}

TEST_CASE(
    "export dialog: the cover's probe result shows beside its path: size and layout, or why it "
    "cannot be used") {
    pycast::test::TempDir tmp;
    RgbImage square{1400, 1400, std::vector<std::uint8_t>(1400 * 1400 * 3, 90)};
    REQUIRE(writePng(tmp / "cover.png", square).empty());
    pycast::test::writeFile(tmp / "fake.png", "not an image at all");
    DialogBench b;
    ExportPlan plan = tonePlan(tmp);
    plan.meta.cover = tmp / "cover.png";
    b.dialog.openPlan(plan);
    b.frame();
    b.settle();
    b.click("Metadata");
    b.frame();
    CHECK(b.shows("PNG 1400 × 1400 px · RGB"));
    REQUIRE(b.dialog.prepared()->ok());
    for (const ExportCheck& c : b.dialog.prepared()->value().checks)
        if (c.topic == "Cover art") CHECK(c.level == ExportCheck::Level::Ok);

    b.dialog.editPlan().meta.cover = tmp / "fake.png";
    b.dialog.planChanged();
    b.frame(1.0f);
    b.settle();
    CHECK_FALSE(b.shows("PNG 1400 × 1400 px"));
    CHECK(b.shows("fake.png"));
    REQUIRE(b.dialog.prepared()->ok());
    bool red = false;
    for (const ExportCheck& c : b.dialog.prepared()->value().checks)
        red = red || (c.topic == "Cover art" && c.level == ExportCheck::Level::Error);
    CHECK(red);
    CHECK(b.dialog.blockedReason().rfind("Cover art: ", 0) == 0);
}

TEST_CASE(
    "studio options: --export PATH opens the Export dialog at start-up, and without a path it is a "
    "usage error") {
    const char* args[] = {"pycast-studio", "--export", "/tmp/sessions/2026-12-17-ama",
                          "--screenshot", "x.png"};
    const ParsedOptions parsed = parseCommandLine(5, args);
    REQUIRE_MESSAGE(parsed.ok(), parsed.error);
    REQUIRE(parsed.options.exportSource.has_value());
    CHECK(*parsed.options.exportSource == "/tmp/sessions/2026-12-17-ama");
    const char* equals[] = {"pycast-studio", "--export=talk.wav"};
    CHECK(*parseCommandLine(2, equals).options.exportSource == "talk.wav");
    const char* missing[] = {"pycast-studio", "--export"};
    CHECK(parseCommandLine(2, missing).error == "--export needs a value");
    CHECK(usage("pycast-studio").find("--export PATH") != std::string::npos);
}

TEST_CASE(
    "export dialog: a recorded session opens with its tracks, people, takes, length and Next "
    "presses as chapters, and exports with them") {
    pycast::test::TempDir tmp;
    ManualClock clock(0);
    const Show show = amaShow();
    const auto dir = tmp / "session";
    {
        auto created = Session::createAt(show, dir, {&clock, nullptr, {}});
        REQUIRE(created);
        Session& s = **created;
        REQUIRE(
            s.appendEvent("recorder-start",
                          {{"take", 1},
                           {"rate", 48000},
                           {"start_sample", 0},
                           {"tracks", nlohmann::json::array({{{"channel", 0},
                                                              {"name", "Host"},
                                                              {"person", show.people[0].id},
                                                              {"file", "tracks/01-host.wav"}}})}}));
        s.setSampleSource(
            [&] { return std::optional<SampleCount>(SampleCount(clock.nowMs() * 48)); });
        clock.advance(1000);
        REQUIRE(s.perform(LiveRequest(LiveCommand::Start)));
        clock.advance(20'000);
        REQUIRE(s.perform(LiveRequest(LiveCommand::Next)));
        clock.advance(20'000);
        REQUIRE(s.perform(LiveRequest(LiveCommand::Next)));
        clock.advance(20'000);
        REQUIRE(s.appendEvent("recorder-stop",
                              {{"take", 1}, {"frames", 61 * 48000}, {"reason", "stopped"}}));
    }
    std::filesystem::create_directories(dir / "tracks");
    writeToneWav(dir / "tracks" / "01-host.wav", 61, 48000);

    DialogBench b;
    b.dialog.open(dir);
    b.frame();
    REQUIRE_MESSAGE(b.dialog.sourceError().empty(), b.dialog.sourceError());
    b.settle();
    CHECK(b.dialog.plan().isSession);
    CHECK(b.shows("1 track · 1 take · 01:01"));
    REQUIRE(b.dialog.plan().chapters.size() == 3);
    b.click("Mix & cuts");
    CHECK(b.shows(show.people[0].name));    // the track's person by name, not by id
    CHECK(b.shows(show.rundown[1].title));  // a segment that can be left out
    b.click("Chapters (3)");
    CHECK(b.shows("0:21.000"));
    CHECK(b.shows("0:41.000"));

    REQUIRE_MESSAGE(b.dialog.blockedReason().empty(), b.dialog.blockedReason());
    b.click("Export", true);
    REQUIRE(b.job);
    for (int i = 0; i < 6000 && !b.job->finished(); ++i) {
        b.frame();
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    REQUIRE(b.job->finished());
    const Result<media::ExportResult>& r = b.job->result();
    REQUIRE_MESSAGE(r.ok(), r.error().message());
    CHECK(r.value().audio.parent_path() == dir / "exports");
    REQUIRE(r.value().chapters.size() == 3);
    CHECK(r.value().chapters[1].startMs == 21'000);
    CHECK(r.value().chapters[2].startMs == 41'000);
    CHECK(r.value().chapters[1].title == show.rundown[1].title);
}

TEST_CASE(
    "export dialog: on a small screen (1024x700) every tab still draws, and Export with its reason "
    "stays in view") {
    pycast::test::TempDir tmp;
    DialogBench b(ImVec2(1024, 700));
    ExportPlan plan = tonePlan(tmp);
    plan.trimHeadMs = 120'000;  // a red check, so the reason shows beside the button
    b.dialog.openPlan(plan);
    b.frame();
    b.settle();
    const std::optional<ImVec2> button = drawnAt(b.imgui.drawData(), "Export", true);
    REQUIRE(button);
    CHECK(button->y < 700.0f);
    CHECK(button->y > 600.0f);  // the footer, under the tabs and the checks
    for (const char* tab : {"Mix & cuts", "Metadata", "Chapters (3)", "Format"}) {
        b.click(tab);
        CHECK_MESSAGE(b.shows("Close"), tab);
    }
}
