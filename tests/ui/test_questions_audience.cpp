// The audience switch behind the Live menu with the real audience service on 127.0.0.1: the URL
// with the session's PIN, its QR code, the presenter's full-screen code, the port closed when off.
#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../qr_decode.hpp"
#include "drawn_text.hpp"
#include "server/audience_api.hpp"
#include "shell/headless.hpp"
#include "test_live_support.hpp"
#include "views/presenter/presenter_view.hpp"
#include "views/views.hpp"

using namespace pycast;
using namespace pycast::ui;
using namespace pycast::uitest;

namespace {

// As the studio plugs it (shell/app_live.cpp), on loopback and a free port.
void plugAudience(LiveController& c) {
    c.setAudienceFactory([](const HostPort& address, const std::string& pin) {
        AudienceServiceOptions o;
        o.address = HostPort{"127.0.0.1", address.port};
        if (!pin.empty()) o.pin = pin;
        return makeAudienceService(std::move(o));
    });
    c.setAudienceHost("127.0.0.1");
    c.setAudiencePort(0);
}

bool portOpen(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool open = ::connect(fd, reinterpret_cast<const sockaddr*>(&a), sizeof a) == 0;
    ::close(fd);
    return open;
}

// The matrix as gray pixels, 6 per module, with the standard's quiet zone.
std::string scan(const QrMatrix& qr, const std::filesystem::path& file) {
    const int scale = 6;
    const int quiet = 4;
    const int side = (qr.size + 2 * quiet) * scale;
    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(side * side), 255);
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x)
            if (qr.at(x / scale - quiet, y / scale - quiet))
                pixels[static_cast<std::size_t>(y * side + x)] = 0;
    test::writePgm(file, pixels, side, side);
    return test::zbarDecode(file);
}

}  // namespace

TEST_CASE(
    "audience questions on: the page listens, the URL has the session's PIN, the QR code scans as "
    "it") {
    LiveFixture f;
    f.createSession();
    CHECK_FALSE(f.controller->audience().available);
    CHECK_FALSE(f.controller->setAudienceOn(true));  // no factory: said, not crashed
    CHECK_FALSE(f.controller->audience().error.empty());
    plugAudience(*f.controller);
    REQUIRE_MESSAGE(f.controller->setAudienceOn(true), f.controller->audience().error);
    const AudienceInfo& a = f.controller->audience();
    CHECK(a.on);
    CHECK(a.port > 0);
    CHECK_FALSE(a.pin.empty());
    CHECK(a.pin == f.controller->session()->audiencePin());  // kept in session.json
    CHECK(a.url == "http://127.0.0.1:" + std::to_string(a.port) + "/?pin=" + a.pin);
    CHECK(portOpen(a.port));
    REQUIRE(a.qr.has_value());
    test::TempDir tmp;
    CHECK(scan(*a.qr, tmp / "qr.pgm") == a.url);

    // Off: the port closes at once, the URL and the QR code go.
    const int port = a.port;
    f.controller->setQrOnPresenter(true);
    REQUIRE(f.controller->setAudienceOn(false));
    CHECK_FALSE(portOpen(port));
    CHECK(a.url.empty());
    CHECK_FALSE(a.qr.has_value());
    CHECK_FALSE(a.qrOnPresenter);
    // On again: the same PIN (printed codes keep working).
    const std::string pin = f.controller->session()->audiencePin();
    REQUIRE(f.controller->setAudienceOn(true));
    CHECK(f.controller->audience().pin == pin);
    // Ending the show closes the page too.
    REQUIRE(f.controller->perform(LiveAction::Start));
    REQUIRE(f.controller->perform(LiveAction::End));
    CHECK_FALSE(f.controller->audience().on);
    CHECK_FALSE(portOpen(f.controller->audience().port));
}

TEST_CASE("Show QR on presenter fills the presenter with the code and the URL in large text") {
    LiveFixture f;
    f.createSession();
    plugAudience(*f.controller);
    REQUIRE(f.controller->setAudienceOn(true));
    f.controller->setQrOnPresenter(true);
    FontManager fonts;
    DigitFont digits;
    HeadlessImGui imgui(fonts, ImVec2(1280, 720));
    digits.ensureSize(presenterDigitPixels(ImVec2(1280, 720), digits));
    PresenterState state;
    for (int i = 0; i < 3; ++i) {
        FrameRequests requests;
        fonts.addText(presenterText(*f.controller));
        PresenterContext ctx{*f.controller, state, fonts, digits, "AMA"};
        const std::string unbalanced = imgui.frame([&] { drawPresenterView(ctx, requests); });
        CHECK(unbalanced.empty());
    }
    const std::u32string drawn = drawnCharacters(imgui.drawData());
    CHECK(drawn.find(withoutSpaces("Scan to ask a question")) != std::u32string::npos);
    CHECK(drawn.find(withoutSpaces(f.controller->audience().url)) != std::u32string::npos);
    CHECK(drawn.find(withoutSpaces("PIN " + f.controller->audience().pin)) != std::u32string::npos);
    // The code itself: white quiet zone and black modules, taller than half the window.
    float top = 1e9f, bottom = -1e9f;
    for (int l = 0; l < imgui.drawData()->CmdListsCount; ++l)
        for (const ImDrawVert& v : imgui.drawData()->CmdLists[l]->VtxBuffer)
            if (v.col == IM_COL32(255, 255, 255, 255) &&
                v.uv.x == imgui.io().Fonts->TexUvWhitePixel.x) {
                top = std::min(top, v.pos.y);
                bottom = std::max(bottom, v.pos.y);
            }
    CHECK(bottom - top > 720.0f * 0.5f);
    // Off again: the countdown is back.
    f.controller->setQrOnPresenter(false);
    FrameRequests requests;
    PresenterContext ctx{*f.controller, state, fonts, digits, "AMA"};
    imgui.frame([&] { drawPresenterView(ctx, requests); });
    CHECK(drawnCharacters(imgui.drawData()).find(withoutSpaces("Scan to ask")) ==
          std::u32string::npos);
}
