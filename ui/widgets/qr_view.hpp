// Draws a QR code with ImGui's draw list as crisp black squares on white (UI thread).
#pragma once

#include <imgui.h>

#include "server/qr_code.hpp"

namespace pycast::ui {

// The white margin drawn around the modules, in modules: the standard's quiet zone, so a phone
// finds the code on a dark studio theme.
inline constexpr int kQrViewQuietModules = 4;

// Pixels per module for a code of `qrSize` modules (plus the quiet zone) in a square of
// `maxSide` pixels: a whole number so every module is the same crisp square; 0 when even one
// pixel per module does not fit.
int qrModulePixels(int qrSize, float maxSide);

// Lays out one item of `box` pixels at the cursor and draws `qr` in it: the largest whole
// number of pixels per module that fits, centred, on pixel boundaries, white quiet zone of
// kQrViewQuietModules. Returns the drawn side in pixels (quiet zone included), 0 when the box
// is too small for one pixel per module or the matrix is empty (then only the space is taken).
float drawQrCode(const QrMatrix& qr, ImVec2 box);

// The same in a square box of maxSide × maxSide pixels.
float drawQrCode(const QrMatrix& qr, float maxSide);

}  // namespace pycast::ui
