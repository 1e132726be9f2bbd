// The studio's live wiring: the live host behind the Live tab, the presenter window, quitting with a show on air (UI thread).
#include "shell/app.hpp"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <system_error>

#include "live/session.hpp"        // defaultSessionsRoot()
#include "media/media_info.hpp"     // listAudioDevices
#include "media/recorder.hpp"       // soundcheck, loadRecorderSetup
#include "media/recorder_service.hpp"
#include "server/audience_api.hpp"  // makeAudienceService
#include "server/control_api.hpp"  // kDefaultControlHost

namespace pycast::ui {

namespace fs = std::filesystem;

namespace {

// The live host's lines, as `pycast live` prints them: notes and info on stdout, warnings and
// errors on stderr.
void printHostLines(LiveController& live) {
    for (const HostLine& line : live.takeLines()) {
        const bool toErr = line.kind == HostLine::Kind::Warning || line.kind == HostLine::Kind::Error;
        (toErr ? std::cerr : std::cout) << formatHostLine(line) << "\n";
    }
    std::cout.flush();
}

// The audience page behind the Live menu's switch (server/audience_api): one factory, so the
// controller knows nothing of the server.
void plugAudience(LiveController& live) {
    live.setAudienceFactory([](const HostPort& address, const std::string& pin) {
        AudienceServiceOptions o;
        o.address = address;
        if (!pin.empty()) o.pin = pin;
        o.addressHint = "pick another port in Live ▸ Audience address";
        return makeAudienceService(std::move(o));
    });
}

}  // namespace

bool App::setupLive() {
    LiveSettings settings;
    settings.sessionsRoot = m_options.sessionsRoot.value_or(defaultSessionsRoot());
    const bool shooting = m_options.screenshotMode();
    std::string apiText = std::string(kDefaultControlHost) + ":" + std::to_string(kDefaultControlPort);
    if (m_options.api) apiText = *m_options.api;
    // A screenshot run serves nothing unless asked to: it must not take the port of a live show.
    if (apiText != "off" && (!shooting || m_options.api)) {
        if (Result<HostPort> api = parseHostPort(apiText)) settings.api = *api;
    }

    const Document& doc = m_mainWindow->document();
    std::string demoError;
    if (m_options.liveDemoSeconds && doc.show) {
        m_demo = makeLiveDemo(*doc.show, demoError);
    }
    m_live = std::make_unique<LiveController>(settings, m_demo ? m_demo->clocks() : SessionOptions{});
    m_live->setWakeCallback(waker());
    plugAudience(*m_live);
    m_liveContext = std::make_unique<LiveContext>(*m_live);
    m_liveContext->hostDigits = &m_hostDigits;
    m_liveContext->view.presenterOpen = m_options.presenter;
    m_mainWindow->setLive(m_liveContext.get());

    bool ok = true;
    if (m_options.resume) {
        ok = m_live->resumeSession(*m_options.resume);
    } else if (m_options.live || m_options.liveDemoSeconds) {
        if (!doc.show) {
            ok = false;
            std::cerr << "pycast-studio: " << doc.fileName()
                      << " did not open, so there is no show to go live with\n";
        } else if (m_demo && m_options.demoPoll && !m_options.demoQuestions) {
            ok = runLiveDemo(*m_live, *m_demo, withDemoPoll(*doc.show), *m_options.liveDemoSeconds,
                             fillDemoPoll);
            // The pictures show the Polls tab and the bars on the presenter.
            m_liveContext->view.pollsTab = true;
            m_liveContext->view.selectLowerTab = true;
            // Phones can vote in the picture's poll: the page on loopback and a free port (a
            // picture must not take a real show's port). Its counts are public, as the Polls
            // tab makes them when it puts the bars on the presenter.
            if (ok) {
                m_live->setAudienceHost("127.0.0.1");
                m_live->setAudiencePort(0);
                if (!m_live->setAudienceOn(true))
                    std::cerr << "pycast-studio: --demo-poll: " << m_live->audience().error << "\n";
            }
            if (ok && !m_live->session()->polls().all().empty()) {
                const std::string id = m_live->session()->polls().all().front().id;
                m_live->perform(LiveAction::command(
                    LiveRequest(LiveCommand::PollLiveResults).withId(id).withFlag(true)));
                m_live->setPollOnPresenter(id);
            }
        } else if (m_demo && m_options.demoQuestions) {
            const bool poll = m_options.demoPoll;
            ok = runLiveDemo(*m_live, *m_demo,
                             poll ? withDemoPoll(withDemoQuestionRules(*doc.show))
                                  : withDemoQuestionRules(*doc.show),
                             *m_options.liveDemoSeconds,
                             [poll](LiveController& c, DemoClock& clock, std::int64_t from,
                                    std::int64_t to) {
                                 fillDemoQuestions(c, clock, from, to);
                                 if (poll) fillDemoPoll(c, clock, from, to);
                             });
            // The pictures show the panel: its tab in a narrow window, a question selected.
            m_liveContext->view.narrowShowsQuestions = true;
            m_liveContext->view.selectLowerTab = true;
            if (ok && m_options.demoAudience) {
                // On loopback and a free port: a picture must not take a real show's port.
                m_live->setAudienceHost("127.0.0.1");
                m_live->setAudiencePort(0);
                if (m_live->setAudienceOn(true)) {
                    m_live->setQrOnPresenter(true);
                    std::cout << "audience: " << m_live->audience().url << "\n";
                } else {
                    std::cerr << "pycast-studio: --demo-audience: " << m_live->audience().error << "\n";
                }
            }
            m_liveContext->view.questions.list = QuestionList::Inbox;
        } else if (m_demo) {
            ok = runLiveDemo(*m_live, *m_demo, *doc.show, *m_options.liveDemoSeconds);
            if (ok && m_options.demoRecorder) startDemoRecorder();
        } else if (m_options.liveDemoSeconds) {
            ok = false;
            std::cerr << "pycast-studio: --live-demo: " << demoError << "\n";
        } else {
            ok = m_live->startSession(*doc.show, doc.path);
        }
    } else if (!shooting || m_options.sessionsRoot) {
        // After a crash the next start offers the session back.
        m_liveContext->refreshInterrupted();
        const auto& found = m_liveContext->view.interrupted;
        if (!found.empty()) {
            m_liveContext->view.resumeOffer = found.front();
            m_liveContext->view.moreInterrupted = found.size() - 1;
            m_liveContext->view.resumeOfferRequested = true;
        }
    }
    printHostLines(*m_live);
    if (!ok && !m_live->lastError().empty()) {
        std::cerr << "pycast-studio: " << m_live->lastError() << "\n";
        m_mainWindow->selectView("live");  // the Live tab says it too, beside Go live
    }
    return ok;
}

// A resumed session shows its own show in the editor too (asking first about unsaved edits).
void App::reopenSessionSource() {
    const auto source = m_live->takeSourceToReopen();
    if (!source) return;
    std::error_code ec;
    const Document& doc = m_mainWindow->document();
    if (!doc.path.empty() && std::filesystem::equivalent(doc.path, *source, ec)) return;
    m_mainWindow->open(*source);
    // Opening a show selects its rundown; a resumed session opens on the Live tab.
    m_mainWindow->selectView("live");
}

void App::syncPresenter() {
    LiveViewState& view = m_liveContext->view;
    if (m_presenter && m_presenter->closeRequested()) {
        view.presenterOpen = false;
    }
    if (view.presenterOpen && !m_presenter) {
        m_presenter = std::make_unique<PresenterWindow>();
        if (!m_presenter->open(m_options.presenterWidth, m_options.presenterHeight, m_window,
                               [this] { m_pacer.noteInput(glfwGetTime()); })) {
            std::cerr << "pycast-studio: " << m_presenter->error() << "\n";
            m_presenter.reset();
            view.presenterOpen = false;
        }
        // Opening a window took the GL context; the studio's frame comes next.
        glfwMakeContextCurrent(m_window);
    } else if (!view.presenterOpen && m_presenter) {
        m_presenter->close();
        m_presenter.reset();
        glfwMakeContextCurrent(m_window);
    }
}

// How long Soundcheck listens.
constexpr double kSoundcheckSeconds = 3.0;

// --demo-recorder: the show recorded since its start on a made-up 8-input interface, one track
// per person, the Recorder tab in view.
void App::startDemoRecorder() {
    m_demoRecorder = std::make_unique<DemoRecorder>(m_demo->clock);
    RecorderViewState& rv = m_liveContext->view.recorder;
    rv.devices = m_demoRecorder->devices();
    rv.scanned = true;
    rv.setup.hostApi = rv.devices.front().hostApi;
    rv.setup.device = rv.devices.front().name;
    const Show& show = m_live->session()->show();
    fitTracks(rv.setup, show,
              std::clamp(static_cast<int>(show.people.size()), 1, rv.devices.front().maxInputChannels));
    rv.setupLoaded = true;
    if (const Status started = m_demoRecorder->start(rv.setup, 0); !started)
        std::cerr << "pycast-studio: --demo-recorder: " << started.error().message() << "\n";
    rv.showRecorder = true;
    rv.selectRecorderTab = true;
}

void App::feedRecorder() {
    RecorderViewState& rv = m_liveContext->view.recorder;
    rv.feed = m_demoRecorder ? m_demoRecorder->feed() : serviceFeed();
    if (m_soundcheck.valid() &&
        m_soundcheck.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
        SoundcheckResult result = m_soundcheck.get();
        rv.findings = std::move(result.findings);
        rv.soundcheckError = std::move(result.error);
        rv.soundchecking = false;
    }
    if (rv.soundchecking) m_pacer.requestFrameRate(4.0);  // its result shows when it comes
    // The last setup on this machine, fitted to this show's people (once per session).
    if (rv.feed.available && !rv.setupLoaded && m_live->session()) {
        if (!m_demoRecorder) {
            std::string warning;
            rv.setup = media::loadRecorderSetup(&warning);
            if (!warning.empty()) rv.startError = warning;
        }
        fitTracks(rv.setup, m_live->session()->show(), rv.setup.channels);
        rv.setupLoaded = true;
    }
}

RecorderFeed App::serviceFeed() {
    RecorderFeed feed;
    // A screenshot run opens no audio device unless asked to (--demo-recorder).
    feed.available = m_live->session() != nullptr && !m_options.screenshotMode();
    if (!feed.available) return feed;
    auto* service = dynamic_cast<media::RecorderService*>(
        m_live->host().findService(media::kRecorderServiceName));
    if (service != nullptr) {
        feed.running = true;
        feed.setup = service->setup();
        feed.status = service->status();
        feed.warnings = service->activeWarnings();
        m_lastTake = LastTake{feed.setup, feed.status};
        // The recorder's lines (take started, dropouts, warnings, errors) on the terminal too,
        // as `pycast live --record` prints them.
        for (const HostLine& line : service->takeLines()) {
            const bool toErr =
                line.kind == HostLine::Kind::Warning || line.kind == HostLine::Kind::Error;
            (toErr ? std::cerr : std::cout) << formatHostLine(line) << "\n";
        }
    } else if (m_lastTake) {
        feed.running = true;
        feed.setup = m_lastTake->setup;
        feed.status = m_lastTake->status;
        feed.status.recording = false;
    }
    return feed;
}

void App::carryOutRecorder(const RecorderRequest& request) {
    RecorderViewState& rv = m_liveContext->view.recorder;
    // The planned length, for the disk check ("too little disk for the planned length").
    media::RecorderSetup setup = request.setup;
    if (const Session* session = m_live->session(); session && setup.plannedSeconds <= 0)
        setup.plannedSeconds = session->show().plannedTotal();
    switch (request.kind) {
        case RecorderRequest::Kind::Rescan:
            rv.scanning = false;
            rv.scanned = true;
            rv.deviceError.clear();
            if (m_demoRecorder) {
                rv.devices = m_demoRecorder->devices();
            } else {
                rv.devices = media::listAudioDevices(rv.deviceError);
            }
            break;
        case RecorderRequest::Kind::Soundcheck:
            rv.soundcheckError.clear();
            rv.findings.reset();
            if (m_demoRecorder) {
                rv.findings = m_demoRecorder->soundcheck(request.setup);
            } else if (!m_soundcheck.valid()) {
                // The device is opened on a thread of its own for a few seconds; the panel
                // says "listening…" meanwhile and feedRecorder collects the findings.
                if (const Session* session = m_live->session()) setup.folder = session->dir();
                rv.soundchecking = true;
                m_soundcheck = std::async(std::launch::async, [setup] {
                    SoundcheckResult result;
                    result.findings = media::soundcheck(setup, kSoundcheckSeconds, result.error);
                    return result;
                });
            }
            break;
        case RecorderRequest::Kind::Start:
            rv.startError.clear();
            if (m_demoRecorder) {
                if (const Status started = m_demoRecorder->start(setup); !started)
                    rv.startError = started.error().message();
            } else if (m_soundcheck.valid()) {
                rv.startError = "The soundcheck is still listening; record when it is done.";
            } else {
                // Remembered for the next show on this machine, whether or not it starts.
                const Status saved = media::saveRecorderSetup(setup);
                const Status started =
                    m_live->host().startService(std::make_unique<media::RecorderService>(setup));
                if (!started) {
                    rv.startError = started.error().message();
                } else {
                    m_lastTake.reset();
                    rv.findings.reset();  // a new take wants a new soundcheck next time
                    if (!saved) rv.startError = "The setup was not remembered: " + saved.error().message();
                }
            }
            break;
        case RecorderRequest::Kind::Stop:
            if (m_demoRecorder) {
                m_demoRecorder->stop();
            } else {
                m_live->host().stopService(media::kRecorderServiceName);
            }
            break;
    }
}

void App::renderPresenter(const fs::path* png, std::string* error) {
    if (!m_presenter) return;
    const std::string e =
        m_presenter->render(*m_live, m_mainWindow->document().title(), false, png,
                            presenterWarnings(m_liveContext->view.recorder.feed));
    if (error) *error = e;
}

void App::afterFrame() {
    if (m_live->generation() != m_liveGeneration) {
        m_liveGeneration = m_live->generation();
        // A new session has its own people: the setup is fitted to them again.
        m_liveContext->view.recorder.setupLoaded = m_demoRecorder != nullptr;
        m_lastTake.reset();
        m_mainWindow->selectView("live");
        if (const Session* session = m_live->session()) {
            m_fonts.addText(documentText(m_mainWindow->document()));
            for (const Segment& seg : session->show().rundown) m_fonts.addText(seg.title);
            m_fonts.addText(session->show().meta.title);
        }
    }
    printHostLines(*m_live);
    LiveViewState& view = m_liveContext->view;
    switch (view.quitDecision) {
        case QuitDecision::EndShow:
            m_live->endAndClose();   // the host says what happened (report, or how to resume)
            printHostLines(*m_live);
            glfwSetWindowShouldClose(m_window, GLFW_TRUE);
            break;
        case QuitDecision::KeepResumable:
            glfwSetWindowShouldClose(m_window, GLFW_TRUE);
            break;
        case QuitDecision::Cancel:
            view.quitDecision = QuitDecision::None;
            m_mainWindow->cancelClose();   // staying: unsaved edits are asked about again next time
            break;
        case QuitDecision::None:
            break;
    }
}

bool App::mayClose() {
    if (m_options.screenshotMode()) return true;
    // Unsaved rundown edits are settled first (Save / Don't save / Cancel), so a cancelled
    // close never ends a show on air.
    if (!m_mainWindow->requestClose()) {
        glfwSetWindowShouldClose(m_window, GLFW_FALSE);
        m_pacer.noteInput(glfwGetTime());
        return false;
    }
    LiveViewState& view = m_liveContext->view;
    if (!m_live->isOnAir() || view.quitDecision == QuitDecision::EndShow ||
        view.quitDecision == QuitDecision::KeepResumable)
        return true;
    // A show on air: End it, keep it resumable, or stay.
    glfwSetWindowShouldClose(m_window, GLFW_FALSE);
    view.quitPromptRequested = true;
    m_pacer.noteInput(glfwGetTime());
    return false;
}

void App::shutdownLive() {
    if (m_presenter) {
        m_presenter->close();
        m_presenter.reset();
    }
    if (m_live) {
        // Before the window goes: the server's threads call wake(), which posts to GLFW. A
        // demo's session is thrown away, so there is nothing to resume.
        m_live->closeSession(!m_demo);
        printHostLines(*m_live);
    }
    if (m_mainWindow) m_mainWindow->setLive(nullptr);
}

}  // namespace pycast::ui
