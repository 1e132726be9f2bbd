// The Live tab's recorder: track defaults from the show's people, the texts, the presenter's
// warning lines, the airtime table against the plan, and the panel drawn headless in the studio
// window — meters, warnings, Record / Stop / Soundcheck clicked with the mouse, no device.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <optional>

#include "drawn_text.hpp"
#include "editing/document.hpp"
#include "io/show_io.hpp"
#include "shell/headless.hpp"
#include "shell/main_window.hpp"
#include "shell/options.hpp"
#include "test_live_support.hpp"
#include "views/live/airtime_panel.hpp"
#include "views/live/live_view.hpp"
#include "views/live/recorder_demo.hpp"
#include "views/live/recorder_panel.hpp"
#include "views/presenter/presenter_view.hpp"
#include "views/views.hpp"
#include "widgets/meter.hpp"
#include "widgets/theme.hpp"

using namespace pycast;
using namespace pycast::ui;
using namespace pycast::uitest;

namespace {

Show meetupShow() {
    LoadResult loaded = loadShowFile(sourceDir() / "shows" / "enterprise-meetup.json");
    REQUIRE_MESSAGE(loaded.ok(), "shows/enterprise-meetup.json does not load");
    return *loaded.show;
}

// The studio window on the Live tab with a session of the Enterprise Meetup, the recorder fed
// by a DemoRecorder on the fixture's clock, as the shell feeds it.
struct Studio {
    LiveFixture f;
    FontManager fonts;
    HeadlessImGui imgui;
    MainWindow window{fonts, {}};
    LiveContext live{*f.controller};
    DemoRecorder recorder{f.clock};
    bool feedRecorder = true;
    std::vector<RecorderRequest> asked;

    explicit Studio(ImVec2 display = ImVec2(1600, 1200)) : imgui(fonts, display) {
        f.show = meetupShow();
        window.setLive(&live);
        Document doc;
        doc.path = sourceDir() / "shows" / "enterprise-meetup.json";
        doc.show = f.show;
        doc.refreshAnalysis();
        window.setDocument(std::move(doc));
        window.selectView("live");
        f.createSession();
        live.view.recorder.showRecorder = true;
        live.view.recorder.selectRecorderTab = true;
    }
    RecorderViewState& rv() { return live.view.recorder; }
    FrameRequests draw(int frames = 2) {
        FrameRequests last;
        for (int i = 0; i < frames; ++i) {
            if (feedRecorder) rv().feed = recorder.feed();
            FrameRequests requests;
            const std::string unbalanced = imgui.frame([&] { window.draw(requests); });
            CHECK_MESSAGE(unbalanced.empty(), "left open: " << unbalanced);
            window.apply(requests);
            f.controller->runPosted();
            if (requests.recorder) {
                asked.push_back(*requests.recorder);
                // The shell's part, for the scan: the demo's devices.
                if (requests.recorder->kind == RecorderRequest::Kind::Rescan) {
                    rv().devices =
                        feedRecorder ? recorder.devices() : std::vector<media::AudioDevice>{};
                    rv().scanned = true;
                }
            }
            fonts.addText(requests.glyphText);
            last = requests;
        }
        return last;
    }
    std::u32string drawn() { return drawnCharacters(imgui.drawData()); }
    bool shows(const std::string& text) {
        return drawn().find(withoutSpaces(text)) != std::u32string::npos;
    }
    // A left click on the text `label` where it was drawn last frame: hover, press, release.
    void click(const std::string& label) {
        const std::optional<ImVec2> at = drawnAt(imgui.drawData(), label);
        REQUIRE_MESSAGE(at, "\"" << label << "\" is not on screen");
        imgui.io().MousePos = ImVec2(at->x + 2.0f, at->y + 4.0f);
        draw(1);
        imgui.io().MouseDown[0] = true;
        draw(1);
        imgui.io().MouseDown[0] = false;
        draw(1);
    }
    std::size_t askedFor(RecorderRequest::Kind kind) const {
        return static_cast<std::size_t>(std::count_if(
            asked.begin(), asked.end(), [&](const RecorderRequest& r) { return r.kind == kind; }));
    }
};

}  // namespace

TEST_CASE(
    "a new setup has a track per person with a mic: host, moderator, guests, then spare inputs") {
    const Show meetup = meetupShow();
    const std::vector<media::TrackSetup> six = defaultTracks(meetup, 6);
    REQUIRE(six.size() == 6);
    CHECK(six[0].name == "Host");
    CHECK(six[0].person == "p-host");
    CHECK(six[1].name == "Moderator");
    CHECK(six[1].person == "p-mod");
    CHECK(six[2].name == "Guest 1");
    CHECK(six[2].person == "p-fin");
    CHECK(six[5].name == "Guest 4");
    CHECK(six[5].person == "p-fab");
    for (int i = 0; i < 6; ++i) {
        CHECK(six[static_cast<std::size_t>(i)].channel == i);
        CHECK(six[static_cast<std::size_t>(i)].armed);
    }
    const std::vector<media::TrackSetup> eight = defaultTracks(meetup, 8);
    CHECK(eight[7].name == "Input 8");
    CHECK(eight[7].person.empty());
    // The episode's producer runs the desk: no mic of their own.
    LoadResult episode = loadShowFile(sourceDir() / "shows" / "pycast-episode.json");
    REQUIRE(episode.ok());
    const std::vector<media::TrackSetup> three = defaultTracks(*episode.show, 3);
    CHECK(three[0].name == "Host");
    CHECK(three[1].name == "Guest 1");
    CHECK(three[2].name == "Input 3");
    CHECK(defaultTracks(meetup, 0).empty());
}

TEST_CASE("fitting a remembered setup to a device keeps the host's names and drops strangers") {
    const Show meetup = meetupShow();
    media::RecorderSetup setup;
    setup.tracks = {{0, "Chia-Jung", "p-host", true},
                    {1, "Old guest", "p-gone", false},
                    {5, "Far input", "", true},
                    {1, "Duplicate", "p-mod", true}};
    fitTracks(setup, meetup, 4);
    CHECK(setup.channels == 4);
    REQUIRE(setup.tracks.size() == 4);
    CHECK(setup.tracks[0].name == "Chia-Jung");  // the host's own name kept
    CHECK(setup.tracks[1].name == "Old guest");
    CHECK(setup.tracks[1].person.empty());     // no such person in this show
    CHECK_FALSE(setup.tracks[1].armed);        // the host's choice kept
    CHECK(setup.tracks[2].name == "Guest 1");  // a new channel: the default
    CHECK(setup.tracks[3].channel == 3);
    fitTracks(setup, meetup, 0);  // never below one channel
    CHECK(setup.channels == 1);
    CHECK(setup.tracks.size() == 1);
}

TEST_CASE("recorder texts: take time, disk time, loudness, warning tones") {
    CHECK(takeTimeText(0, 48000) == "00:00");
    CHECK(takeTimeText(48000LL * 754, 48000) == "12:34");
    CHECK(takeTimeText(44100LL * 3723, 44100) == "1:02:03");
    CHECK(takeTimeText(48000, 0) == "00:00");
    CHECK(diskTimeText(18'720) == "5 h 12 min left");
    CHECK(diskTimeText(14 * 60 + 59) == "14 min left");
    CHECK(diskTimeText(40) == "40 s left");
    CHECK(diskTimeText(-1) == "disk: unknown");
    CHECK(lufsText(-18.26) == "-18.3");
    CHECK(lufsText(-120) == "—");
    CHECK(lufsText(-std::numeric_limits<double>::infinity()) == "—");
    CHECK(warningTone("dropout") == WarningTone::Red);
    CHECK(warningTone("no-signal") == WarningTone::Red);
    CHECK(warningTone("disk-full") == WarningTone::Red);
    CHECK(warningTone("silent") == WarningTone::Amber);
    CHECK(warningTone("clipping") == WarningTone::Amber);
    CHECK(warningTone("disk-low") == WarningTone::Amber);
    media::RecorderStatus status;
    status.tracks.push_back({});
    status.tracks.back().name = "Guest 1";
    media::RecorderEvent bare;
    bare.code = "clipping";
    bare.track = 0;
    CHECK(warningText(bare, status) == "clipping on Guest 1");
    bare.text = "Guest 1 is clipping: turn the gain down";
    CHECK(warningText(bare, status) == "Guest 1 is clipping: turn the gain down");
}

TEST_CASE("meter scale: -60 dBFS at the left end, 0 dBFS at the right, silence and overs clamped") {
    CHECK(meterFraction(-60.0f) == 0.0f);
    CHECK(meterFraction(-120.0f) == 0.0f);
    CHECK(meterFraction(-std::numeric_limits<float>::infinity()) == 0.0f);
    CHECK(meterFraction(std::nanf("")) == 0.0f);
    CHECK(meterFraction(-30.0f) == doctest::Approx(0.5f));
    CHECK(meterFraction(0.0f) == 1.0f);
    CHECK(meterFraction(3.0f) == 1.0f);
    CHECK(meterZoneColour(-30.0f) == colours::kGood);
    CHECK(meterZoneColour(-12.0f) == colours::kWarning);
    CHECK(meterZoneColour(-1.0f) == colours::kBad);
}

TEST_CASE("the presenter gets the dropout, no signal and silent mic only, red first, once each") {
    RecorderFeed feed;
    feed.available = true;
    feed.status.tracks.resize(3);
    feed.status.tracks[0].name = "Host";
    feed.status.tracks[1].name = "Guest 1";
    feed.status.tracks[2].name = "Guest 2";
    const auto event = [](const char* code, int track) {
        media::RecorderEvent e;
        e.code = code;
        e.track = track;
        return e;
    };
    feed.warnings = {event("silent", 0),    event("clipping", 1), event("disk-low", -1),
                     event("no-signal", 2), event("dropout", -1), event("dropout", -1)};
    const std::vector<PresenterWarning> lines = presenterWarnings(feed);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == PresenterWarning{"NO SIGNAL · Guest 2", true});
    CHECK(lines[1] == PresenterWarning{"DROPOUT", true});
    CHECK(lines[2] == PresenterWarning{"MIC SILENT · Host", false});
    feed.available = false;
    CHECK(presenterWarnings(feed).empty());
}

TEST_CASE(
    "airtime: tracks add up per person and per guest company, against the plan and the limit") {
    const Show meetup = meetupShow();
    const RundownAnalysis plan = analyzeRundown(meetup);
    media::RecorderSetup setup;
    setup.tracks = defaultTracks(meetup, 6);
    setup.tracks.push_back({6, "Audience mic", "", true});
    setup.tracks.push_back({7, "Host spare", "p-host", true});
    media::RecorderStatus status;
    const std::int64_t talk[] = {300'000, 60'000, 400'000, 200'000,
                                 150'000, 50'000, 30'000,  20'000};
    for (std::int64_t ms : talk) {
        status.tracks.push_back({});
        status.tracks.back().talkMs = ms;
    }
    const AirtimeTable t = airtimeTable(meetup, plan, setup, status);
    CHECK(t.limit == doctest::Approx(40.0));
    CHECK(t.unmappedMs == 30'000);
    CHECK(t.totalMs == 300'000 + 20'000 + 60'000 + 400'000 + 200'000 + 150'000 + 50'000);
    // Guests only: 蔡 400 + 許 200 (both 玉山), 劉 150, 鄭 50 → 800 s.
    CHECK(t.guestMs == 800'000);
    REQUIRE_FALSE(t.speakers.empty());
    CHECK(t.speakers[0].key == "p-fin");  // most talk first
    const auto speaker = [&](const std::string& id) {
        for (const AirtimeRow& r : t.speakers)
            if (r.key == id) return r;
        FAIL("no row for " << id);
        return AirtimeRow{};
    };
    CHECK(speaker("p-host").actualMs == 320'000);  // both of the host's tracks
    CHECK(speaker("p-host").plannedSeconds > 0);
    CHECK(speaker("p-fin").actualShare == doctest::Approx(100.0 * 400 / 1180));
    REQUIRE(t.companies.size() == 3);
    CHECK(t.companies[0].key == "玉山金融科技 Yushan FinTech");
    CHECK(t.companies[0].actualMs == 600'000);
    CHECK(t.companies[0].actualShare == doctest::Approx(75.0));
    CHECK(t.companies[0].overLimit);
    CHECK_FALSE(t.companies[1].overLimit);
    CHECK(t.companies[2].actualShare == doctest::Approx(100.0 * 50 / 800));
    // The plan's own figures come through unchanged.
    for (const AirtimeRow& r : t.companies) {
        bool found = false;
        for (const Airtime& a : plan.perCompany)
            if (a.key == r.key) {
                found = true;
                CHECK(r.plannedSeconds == a.seconds);
                CHECK(r.plannedOverLimit == a.overLimit);
            }
        CHECK(found);
    }
    // Nothing measured yet: every planned row is there at 0, nobody over the limit.
    const AirtimeTable none = airtimeTable(meetup, plan, setup, media::RecorderStatus{});
    CHECK(none.speakers.size() == plan.perSpeaker.size());
    CHECK(none.companies.size() == plan.perCompany.size());
    for (const AirtimeRow& r : none.companies) CHECK_FALSE(r.overLimit);
    CHECK(talkTimeText(754'999) == "12:34");
    CHECK(talkTimeText(3'723'000) == "1:02:03");
}

TEST_CASE(
    "recording: the band shows REC, the take time and the warnings; the tab the meters and "
    "airtime") {
    Studio s;
    s.recorder.start(defaultTracks(s.f.show, 6).empty() ? media::RecorderSetup{} : [&] {
        media::RecorderSetup setup;
        setup.device = "Demo USB interface";
        fitTracks(setup, s.f.show, 6);
        return setup;
    }(), 0);
    s.f.advance(40'000);
    s.draw(3);
    CHECK(s.shows("REC"));
    CHECK(s.shows("0:40"));
    CHECK(s.shows("take 1"));
    CHECK(s.shows("Guest 4's mic has been silent for"));
    CHECK(s.shows("Dropout: 256 frames lost"));
    CHECK(s.shows("dropouts 1"));
    CHECK(s.shows("Stop recording"));
    CHECK(s.shows("Recorder · 2 warnings"));
    CHECK(s.shows("Moderator"));
    CHECK(s.shows("silent 34 s"));
    CHECK(s.shows("-18.9"));  // integrated loudness
    CHECK(s.shows("蔡宗翰 Tsung-Han Tsai"));
    CHECK(s.shows("玉山金融科技 Yushan FinTech"));
    CHECK(s.shows("over"));  // 玉山 past the 40% limit in the demo's talk
    // The first guest clipped: its light stays lit after the clip is over, until clicked.
    REQUIRE(s.rv().clipLatched.size() == 6);
    CHECK(s.rv().clipLatched[2]);
    s.f.advance(30'000);  // the demo's clip window (its first minute) is over
    s.draw(2);
    CHECK_FALSE(s.recorder.feed().status.tracks[2].clipping);
    CHECK(s.rv().clipLatched[2]);
    // Setup is not offered while recording: the devices cannot change under a take.
    CHECK_FALSE(s.shows("Host API"));

    s.click("Stop recording");
    REQUIRE(s.askedFor(RecorderRequest::Kind::Stop) == 1);
}

TEST_CASE("before recording: Soundcheck and Record post requests, and findings ask before recording") {
    Studio s;
    fitTracks(s.rv().setup, s.f.show, 6);  // as remembered on this machine
    s.draw(3);
    // The panel asked for the devices once by itself, and offers the setup.
    CHECK(s.askedFor(RecorderRequest::Kind::Rescan) == 1);
    s.draw(2);
    CHECK(s.askedFor(RecorderRequest::Kind::Rescan) == 1);
    CHECK(s.shows("Host API"));
    CHECK(s.shows("Track name"));
    CHECK(s.shows("Guest 4"));
    CHECK(s.shows("吳佳蓉 Chia-Jung Wu"));  // the host's track bound to the host
    CHECK_FALSE(s.shows("REC"));

    s.click("Soundcheck");
    REQUIRE(s.askedFor(RecorderRequest::Kind::Soundcheck) == 1);
    CHECK(s.asked.back().setup.tracks.size() == s.rv().setup.tracks.size());
    // The shell's answer: Guest 4 has no signal.
    s.rv().findings = s.recorder.soundcheck(s.asked.back().setup);
    s.draw(2);
    CHECK(s.shows("Guest 4: no signal"));

    s.click("● Record");
    s.draw(2);
    CHECK(s.askedFor(RecorderRequest::Kind::Start) == 0);  // asked first
    CHECK(s.shows("Soundcheck found problems"));
    s.click("Record anyway");
    REQUIRE(s.askedFor(RecorderRequest::Kind::Start) == 1);
    const media::RecorderSetup started = s.asked.back().setup;
    CHECK(started.tracks.size() == 6);
    CHECK(started.tracks[0].person == "p-host");

    // A clean soundcheck: Record starts at once.
    s.rv().findings = std::vector<media::SoundcheckFinding>{};
    s.draw(2);
    CHECK(s.shows("every armed track has signal"));
    s.click("● Record");
    CHECK(s.askedFor(RecorderRequest::Kind::Start) == 2);
}

TEST_CASE("no audio input device: the panel says so and the rest of the Live tab works") {
    Studio s;
    s.feedRecorder = false;
    s.rv().feed = RecorderFeed{};
    s.rv().feed.available = true;
    s.draw(4);
    CHECK(s.rv().scanned);
    CHECK(s.shows("No audio input device found"));
    CHECK(s.shows("press Rescan"));
    CHECK(s.shows("Next"));  // the show's controls are all there
    CHECK_FALSE(s.shows("REC"));
    // Record cannot be pressed without an input.
    s.click("● Record");
    CHECK(s.askedFor(RecorderRequest::Kind::Start) == 0);
    s.f.controller->perform(LiveAction::Start);
    s.draw(2);
    CHECK(s.f.runner().phase == RunPhase::Running);
}

TEST_CASE("without a recorder the Live tab keeps its two lower panels and no recorder band") {
    Studio s;
    s.feedRecorder = false;
    s.rv().feed = RecorderFeed{};
    s.draw(3);
    CHECK_FALSE(s.shows("Recorder"));
    CHECK_FALSE(s.shows("REC"));
    CHECK(s.asked.empty());
}

TEST_CASE("the presenter shows the recorder's warnings large, and nothing of them without") {
    LiveFixture f;
    f.createSession();
    f.controller->perform(LiveAction::Start);
    FontManager fonts;
    DigitFont digits;
    const ImVec2 display(1280, 720);
    HeadlessImGui imgui(fonts, display);
    digits.ensureSize(presenterDigitPixels(display, digits));
    PresenterState state;
    const auto draw = [&](std::vector<PresenterWarning> warnings) {
        for (int i = 0; i < 2; ++i) {
            FrameRequests requests;
            fonts.addText(presenterText(*f.controller));
            state.warnings = warnings;
            PresenterContext ctx{*f.controller, state, fonts, digits, "AMA"};
            const std::string unbalanced = imgui.frame([&] { drawPresenterView(ctx, requests); });
            CHECK(unbalanced.empty());
            fonts.addText(requests.glyphText);
        }
        return drawnCharacters(imgui.drawData());
    };
    const std::u32string calm = draw({});
    CHECK(calm.find(withoutSpaces("DROPOUT")) == std::u32string::npos);
    const float calmBottom = state.countdownBottom;
    const std::u32string warned =
        draw({{"NO SIGNAL · Guest 1", true}, {"MIC SILENT · Host", false}});
    CHECK(warned.find(withoutSpaces("NO SIGNAL · Guest 1")) != std::u32string::npos);
    CHECK(warned.find(withoutSpaces("MIC SILENT · Host")) != std::u32string::npos);
    // The countdown is still drawn, whole, below the bands.
    CHECK(state.countdownBottom >= calmBottom);
    CHECK(state.countdownBottom < display.y);
}

TEST_CASE("key M and the Marker button drop a plain marker, journaled with the session") {
    Studio s;
    media::RecorderSetup setup;
    fitTracks(setup, s.f.show, 6);
    REQUIRE(s.recorder.start(setup, 0));
    s.f.controller->perform(LiveAction::Start);
    s.f.advance(12'000);
    s.draw(2);
    CHECK(s.shows("markers 0"));
    s.imgui.io().AddInputCharacter('m');
    s.draw(2);
    REQUIRE(s.f.controller->session()->markers().size() == 1);
    CHECK(s.f.controller->session()->markers()[0].label.empty());
    CHECK(s.shows("markers 1"));
    s.f.advance(3'000);
    s.click("Marker (M)");
    REQUIRE(s.f.controller->session()->markers().size() == 2);
    CHECK(s.f.controller->session()->markers()[1].atMs >
          s.f.controller->session()->markers()[0].atMs);
}

TEST_CASE("--demo-recorder goes with --live-demo and takes no value") {
    const char* with[] = {"pycast-studio", "show.json", "--live-demo", "600", "--demo-recorder"};
    const ParsedOptions ok = parseCommandLine(5, with);
    CHECK(ok.ok());
    CHECK(ok.options.demoRecorder);
    const char* alone[] = {"pycast-studio", "show.json", "--demo-recorder"};
    const ParsedOptions lonely = parseCommandLine(3, alone);
    CHECK(lonely.error == "--demo-recorder only makes sense with --live-demo");
    const char* valued[] = {"pycast-studio", "show.json", "--live-demo", "6", "--demo-recorder=1"};
    CHECK(parseCommandLine(5, valued).error == "--demo-recorder takes no value");
    const char* plain[] = {"pycast-studio", "show.json"};
    CHECK_FALSE(parseCommandLine(2, plain).options.demoRecorder);
}

TEST_CASE("the demo recorder: takes number, a feed that stands still once stopped") {
    ManualClock clock{0};
    DemoRecorder demo(clock);
    CHECK(demo.feed().available);
    CHECK_FALSE(demo.feed().running);
    media::RecorderSetup setup;
    fitTracks(setup, meetupShow(), 4);
    REQUIRE(demo.start(setup));
    CHECK_FALSE(demo.start(setup));  // once at a time
    clock.advance(60'000);
    const RecorderFeed running = demo.feed();
    CHECK(running.status.recording);
    CHECK(running.status.position.value == 60LL * 48000);
    CHECK(running.setup.take == 1);
    REQUIRE(running.status.tracks.size() == 4);
    CHECK(running.status.tracks[3].silentSeconds >= 34.0);  // the forgotten mic
    demo.stop();
    clock.advance(60'000);
    const RecorderFeed stopped = demo.feed();
    CHECK_FALSE(stopped.status.recording);
    CHECK(stopped.status.position.value == 60LL * 48000);
    CHECK(stopped.warnings.empty());
    REQUIRE(demo.start(setup));
    CHECK(demo.feed().setup.take == 2);
}
