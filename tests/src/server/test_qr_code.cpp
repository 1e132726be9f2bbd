// Tests for the audience URL's QR code: every rendering is decoded back by the real zbarimg.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "../../qr_decode.hpp"
#include "server/qr_code.hpp"
#include "test_support.hpp"

using namespace pycast;
using pycast::test::writePgm;
using pycast::test::zbarDecode;

namespace {

std::string decodeGray(const QrMatrix& qr, const std::string& name) {
    test::TempDir tmp;
    const int side = qrGraySide(qr, 4, 4);
    writePgm(tmp / name, qrToGray(qr, 4, 4), side, side);
    return zbarDecode(tmp / name);
}

// Paints terminal text the way a light-on-dark terminal shows it: each character is one module
// wide and two high; the ink of ▀ ▄ █ is light, the background (spaces, the other half) dark.
// The terminal's dark background also surrounds the text. Returns the PGM's side lengths.
struct Painted {
    std::vector<std::uint8_t> pixels;
    int width = 0;
    int height = 0;
};
Painted paintTerminal(const std::string& text, int scale, int margin) {
    std::vector<std::vector<int>> rows;  // per module row: 1 = ink
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        std::vector<int> top;
        std::vector<int> bottom;
        for (std::size_t i = pos; i < end;) {
            const std::string_view rest(text.data() + i, end - i);
            if (rest.rfind("\u2588", 0) == 0) {
                top.push_back(1), bottom.push_back(1), i += 3;
            } else if (rest.rfind("\u2580", 0) == 0) {
                top.push_back(1), bottom.push_back(0), i += 3;
            } else if (rest.rfind("\u2584", 0) == 0) {
                top.push_back(0), bottom.push_back(1), i += 3;
            } else {
                REQUIRE(text[i] == ' ');
                top.push_back(0), bottom.push_back(0), i += 1;
            }
        }
        rows.push_back(top);
        rows.push_back(bottom);
        pos = end + 1;
    }
    const int modulesWide = static_cast<int>(rows.front().size());
    Painted p;
    p.width = (modulesWide + 2 * margin) * scale;
    p.height = (static_cast<int>(rows.size()) + 2 * margin) * scale;
    p.pixels.assign(static_cast<std::size_t>(p.width * p.height), 0);
    for (int y = 0; y < static_cast<int>(rows.size()); ++y) {
        REQUIRE(static_cast<int>(rows[static_cast<std::size_t>(y)].size()) == modulesWide);
        for (int x = 0; x < modulesWide; ++x) {
            if (!rows[static_cast<std::size_t>(y)][static_cast<std::size_t>(x)]) continue;
            for (int py = 0; py < scale; ++py)
                for (int px = 0; px < scale; ++px)
                    p.pixels[static_cast<std::size_t>(((y + margin) * scale + py) * p.width +
                                                      (x + margin) * scale + px)] = 255;
        }
    }
    return p;
}

}  // namespace

TEST_CASE("encodeQr: the audience URL decodes back exactly with zbarimg") {
    const std::string url = "http://192.168.1.20:8766/?pin=482913";
    const Result<QrMatrix> qr = encodeQr(url);
    REQUIRE(qr.ok());
    CHECK(qr->size == 29);  // 36 bytes need version 3 at level M (version 2 holds 26)
    CHECK(qr->dark.size() == static_cast<std::size_t>(qr->size * qr->size));
    CHECK(decodeGray(*qr, "url.pgm") == url);
}

TEST_CASE("encodeQr: UTF-8 text in the query is kept byte for byte") {
    const std::string url = "http://192.168.1.20:8766/?pin=482913&topic=職涯與技術";
    const Result<QrMatrix> qr = encodeQr(url);
    REQUIRE(qr.ok());
    CHECK(decodeGray(*qr, "chinese.pgm") == url);
}

TEST_CASE("encodeQr: the largest text a code holds at level M still decodes") {
    std::string text(kQrMaxBytesLevelM, 'x');
    for (std::size_t i = 0; i < text.size(); ++i) text[i] = static_cast<char>('a' + i % 26);
    const Result<QrMatrix> qr = encodeQr(text);
    REQUIRE(qr.ok());
    CHECK(qr->size == 177);  // version 40
    CHECK(decodeGray(*qr, "max.pgm") == text);
}

TEST_CASE("encodeQr: text over the capacity is refused with what and what to do") {
    const Result<QrMatrix> over = encodeQr(std::string(kQrMaxBytesLevelM + 1, 'a'));
    REQUIRE_FALSE(over.ok());
    CHECK(over.error().what.find(std::to_string(kQrMaxBytesLevelM + 1) + " bytes") !=
          std::string::npos);
    CHECK_FALSE(over.error().remedy.empty());
    CHECK(over.error().where == "QR code");

    const Result<QrMatrix> huge = encodeQr(std::string(64u << 20, '\0'));  // 64 MiB of NUL
    REQUIRE_FALSE(huge.ok());
    CHECK(huge.error().message().find("more than a QR code holds") != std::string::npos);
}

TEST_CASE("encodeQr: empty text is an error, NUL bytes are data") {
    const Result<QrMatrix> empty = encodeQr("");
    REQUIRE_FALSE(empty.ok());
    CHECK_FALSE(empty.error().remedy.empty());

    const std::string withNul("a\0b", 3);
    const Result<QrMatrix> qr = encodeQr(withNul);
    REQUIRE(qr.ok());
    CHECK(qr->size == 21);
    // A different code from "a" alone: the NUL and what follows it were encoded.
    const Result<QrMatrix> justA = encodeQr("a");
    REQUIRE(justA.ok());
    CHECK_FALSE(*qr == *justA);
}

TEST_CASE("qrToGray: a white quiet zone around modules scale pixels wide") {
    const Result<QrMatrix> qr = encodeQr("PyCast");
    REQUIRE(qr.ok());
    const int side = qrGraySide(*qr, 3, 4);
    CHECK(side == (qr->size + 8) * 3);
    const std::vector<std::uint8_t> px = qrToGray(*qr, 3, 4);
    REQUIRE(px.size() == static_cast<std::size_t>(side * side));
    const auto at = [&](int x, int y) { return px[static_cast<std::size_t>(y * side + x)]; };
    for (int i = 0; i < side; ++i) {
        CHECK(at(i, 0) == 255);
        CHECK(at(0, i) == 255);
        CHECK(at(i, 11) == 255);  // the last pixel row of the quiet zone
    }
    // The finder pattern's corner module is dark, all its 3×3 pixels.
    CHECK(qr->at(0, 0));
    for (int y = 12; y < 15; ++y)
        for (int x = 12; x < 15; ++x) CHECK(at(x, y) == 0);
    CHECK(qrGraySide(*qr, 0, -1) == qr->size);  // clamped to 1 pixel and no border
}

TEST_CASE("qrToTerminal: the half-block text scans when shown light on dark") {
    const std::string url = "http://192.168.1.20:8766/?pin=482913";
    const Result<QrMatrix> qr = encodeQr(url);
    REQUIRE(qr.ok());
    const std::string text = qrToTerminal(*qr);
    // Two module rows per line, one module per column, a 2-module quiet zone.
    const int side = qr->size + 4;
    CHECK(std::count(text.begin(), text.end(), '\n') == (side + 1) / 2);
    CHECK(text.rfind("\u2588\u2588", 0) == 0);  // the quiet zone is ink (light)

    test::TempDir tmp;
    const Painted shown = paintTerminal(text, 4, 6);
    writePgm(tmp / "terminal.pgm", shown.pixels, shown.width, shown.height);
    CHECK(zbarDecode(tmp / "terminal.pgm") == url);

    // The opposite polarity (ink dark, as on a light terminal without colours) is an inverted
    // code, which zbarimg does not read: the choice of which modules are ink matters.
    Painted inverted = shown;
    for (std::uint8_t& p : inverted.pixels) p = static_cast<std::uint8_t>(255 - p);
    writePgm(tmp / "inverted.pgm", inverted.pixels, inverted.width, inverted.height);
    CHECK(zbarDecode(tmp / "inverted.pgm").rfind("exit ", 0) == 0);
}

TEST_CASE("qrToTerminal: ANSI colours wrap each line and leave the same blocks") {
    const Result<QrMatrix> qr = encodeQr("http://10.0.0.5:8766/?pin=1234");
    REQUIRE(qr.ok());
    const std::string plain = qrToTerminal(*qr);
    std::string ansi = qrToTerminal(*qr, TerminalColours::Ansi);
    const std::string on = "\x1b[97;40m";
    const std::string off = "\x1b[0m";
    std::size_t lines = 0;
    for (std::size_t p; (p = ansi.find(on)) != std::string::npos; ++lines) ansi.erase(p, on.size());
    for (std::size_t p; (p = ansi.find(off + "\n")) != std::string::npos;)
        ansi.erase(p, off.size());
    CHECK(lines == static_cast<std::size_t>(std::count(plain.begin(), plain.end(), '\n')));
    CHECK(ansi == plain);
}
