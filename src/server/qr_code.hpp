// QR codes for the audience page URL: encoding (libqrencode) and rendering to a terminal or to
// grayscale pixels (any thread; pure functions, libqrencode is built thread-safe on Debian).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace pycast {

// The modules of one QR code, without quiet zone: size × size, row-major, 1 = dark.
struct QrMatrix {
    int size = 0;
    std::vector<std::uint8_t> dark;

    // False outside the matrix, so a renderer can read the quiet zone through it.
    bool at(int x, int y) const {
        if (x < 0 || y < 0 || x >= size || y >= size) return false;
        return dark[static_cast<std::size_t>(y) * static_cast<std::size_t>(size) +
                    static_cast<std::size_t>(x)] != 0;
    }
    bool operator==(const QrMatrix&) const = default;
};

// The most bytes one QR code holds in byte mode at error-correction level M (version 40).
inline constexpr std::size_t kQrMaxBytesLevelM = 2331;

// Encodes `text`'s bytes as they are (UTF-8 stays UTF-8, NUL allowed) in byte mode, error
// correction level M (15 % of the code may be damaged), smallest version that fits.
// Errors: empty text; text over kQrMaxBytesLevelM bytes (refused before encoding, so a huge
// input costs nothing); libqrencode running out of memory.
Result<QrMatrix> encodeQr(std::string_view text);

// Colours for qrToTerminal.
enum class TerminalColours {
    // Only characters: light modules are printed as ink, dark ones left as the background. Scans
    // on the usual light-text-on-dark terminal (and wherever a scanner accepts inverted codes).
    Plain,
    // Each line is wrapped in ANSI escapes for white ink on a black background, so the code scans
    // on light-themed terminals too. For a terminal only (check isatty), not for a log file.
    Ansi,
};

// The code as text lines of UTF-8 half blocks (▀ ▄ █ and spaces), two module rows per line,
// one module per column, with a 2-module quiet zone; every line ends in '\n'. Light modules are
// the ink (the character's foreground), dark modules the terminal background: terminals draw
// light text on dark, so the printed code is dark-on-light as scanners expect.
std::string qrToTerminal(const QrMatrix& qr, TerminalColours colours = TerminalColours::Plain);

// Side in pixels of qrToGray's square image: (size + 2·quiet) · scale.
int qrGraySide(const QrMatrix& qr, int scale, int quiet);

// 8-bit grayscale pixels, row-major, qrGraySide² of them: 0 for dark modules, 255 for light ones
// and the quiet zone. `scale` is pixels per module (values below 1 count as 1), `quiet` modules
// of white border on every side (4 is the standard; below 0 counts as 0).
std::vector<std::uint8_t> qrToGray(const QrMatrix& qr, int scale, int quiet);

}  // namespace pycast
