// A fingerprint of a frame's draw data, so an unchanged frame is not rendered (UI thread).
#pragma once

#include <cstdint>

struct ImDrawData;

namespace pycast::ui {

// Equal for frames that would put the same pixels on screen (same vertices, indices, clip
// rectangles, textures and display size). Costs well under a millisecond for a busy frame,
// much less than rasterizing it with a software GL.
std::uint64_t hashDrawData(const ImDrawData& data);

}  // namespace pycast::ui
