// QR codes for the audience page URL: libqrencode to a module matrix, then to text or pixels
// (any thread; libqrencode guards its shared tables with a mutex).
#include "server/qr_code.hpp"

#include <qrencode.h>

#include <algorithm>
#include <cerrno>
#include <memory>

namespace pycast {

namespace {

constexpr const char* kWhere = "QR code";

struct QrCodeFree {
    void operator()(QRcode* code) const { QRcode_free(code); }
};

}  // namespace

Result<QrMatrix> encodeQr(std::string_view text) {
    if (text.empty())
        return Error{"there is no text to encode", kWhere, "give the URL the code should open"};
    if (text.size() > kQrMaxBytesLevelM)
        return Error{
            "the text is " + std::to_string(text.size()) + " bytes, more than a QR code holds (" +
                std::to_string(kQrMaxBytesLevelM) + " bytes at error correction M)",
            kWhere, "shorten it: an audience URL needs only the address, the port and the PIN"};
    errno = 0;
    const std::unique_ptr<QRcode, QrCodeFree> code(
        QRcode_encodeData(static_cast<int>(text.size()),
                          reinterpret_cast<const unsigned char*>(text.data()), 0, QR_ECLEVEL_M));
    if (!code) {
        const int why = errno;
        if (why == ERANGE)
            return Error{
                "the text is " + std::to_string(text.size()) + " bytes, more than a QR code holds",
                kWhere, "shorten it"};
        if (why == ENOMEM)
            return Error{"there was not enough memory to build the code", kWhere,
                         "close other programs and try again"};
        return Error{"libqrencode could not encode the text (errno " + std::to_string(why) + ")",
                     kWhere, "report this with the text you tried to encode"};
    }
    QrMatrix qr;
    qr.size = code->width;
    const std::size_t cells = static_cast<std::size_t>(qr.size) * static_cast<std::size_t>(qr.size);
    qr.dark.resize(cells);
    // libqrencode packs flags into each byte; bit 0 is the module's colour.
    for (std::size_t i = 0; i < cells; ++i)
        qr.dark[i] = static_cast<std::uint8_t>(code->data[i] & 1u);
    return qr;
}

std::string qrToTerminal(const QrMatrix& qr, TerminalColours colours) {
    constexpr int kQuiet = 2;
    const int side = qr.size + 2 * kQuiet;
    // Ink is a light module or the quiet zone; past the quiet zone is the terminal's own
    // background.
    const auto ink = [&](int x, int y) {
        if (y >= side) return false;
        return !qr.at(x - kQuiet, y - kQuiet);
    };
    std::string out;
    out.reserve(static_cast<std::size_t>((side + 1) / 2) *
                (static_cast<std::size_t>(side) * 3 + 16));
    for (int y = 0; y < side; y += 2) {
        if (colours == TerminalColours::Ansi) out += "\x1b[97;40m";  // bright white on black
        for (int x = 0; x < side; ++x) {
            const bool top = ink(x, y);
            const bool bottom = ink(x, y + 1);
            if (top && bottom)
                out += "\u2588";  // █
            else if (top)
                out += "\u2580";  // ▀
            else if (bottom)
                out += "\u2584";  // ▄
            else
                out += ' ';
        }
        if (colours == TerminalColours::Ansi) out += "\x1b[0m";
        out += '\n';
    }
    return out;
}

int qrGraySide(const QrMatrix& qr, int scale, int quiet) {
    return (qr.size + 2 * std::max(0, quiet)) * std::max(1, scale);
}

std::vector<std::uint8_t> qrToGray(const QrMatrix& qr, int scale, int quiet) {
    scale = std::max(1, scale);
    quiet = std::max(0, quiet);
    const int side = qrGraySide(qr, scale, quiet);
    std::vector<std::uint8_t> pixels(
        static_cast<std::size_t>(side) * static_cast<std::size_t>(side), 255);
    for (int y = 0; y < qr.size; ++y) {
        for (int x = 0; x < qr.size; ++x) {
            if (!qr.at(x, y)) continue;
            for (int py = 0; py < scale; ++py) {
                const std::size_t row = static_cast<std::size_t>((y + quiet) * scale + py) *
                                        static_cast<std::size_t>(side);
                const auto first =
                    pixels.begin() + static_cast<std::ptrdiff_t>(
                                         row + static_cast<std::size_t>((x + quiet) * scale));
                std::fill(first, first + scale, std::uint8_t{0});
            }
        }
    }
    return pixels;
}

}  // namespace pycast
