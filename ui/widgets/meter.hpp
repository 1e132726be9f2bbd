// A level meter bar for a recorder track: dBFS scale, peak, peak hold, RMS and a clip light
// that latches until clicked (UI thread; ImGui only, so tests draw it headless).
#pragma once

#include <imgui.h>

namespace pycast::ui {

// The scale runs from kMeterFloorDbfs (left end) to 0 dBFS (right end), linear in dB.
inline constexpr float kMeterFloorDbfs = -60.0f;
// Zones: green below kMeterAmberDbfs, amber up to kMeterRedDbfs, red above (peaks near full
// scale leave no headroom).
inline constexpr float kMeterAmberDbfs = -18.0f;
inline constexpr float kMeterRedDbfs = -6.0f;

// Where a level sits on the scale, 0 (at or below the floor; -inf too) to 1 (0 dBFS and over).
float meterFraction(float dbfs);
// The zone colour of a level (theme colours: good, warning, bad).
ImU32 meterZoneColour(float dbfs);

struct MeterLevels {
    float peakDbfs = -120.0f;
    float peakHoldDbfs = -120.0f;
    float rmsDbfs = -120.0f;
    bool clipLit = false;  // the clip light is on (latched by the caller until clicked)
    bool dimmed = false;   // a disarmed track: drawn grey
};

// One meter at the cursor, `size` big (the clip light takes a square at the right end, height
// by height). Returns true when the clip light was clicked (the caller clears its latch).
// `id` must be unique in the window.
bool levelMeter(const char* id, const MeterLevels& levels, ImVec2 size);

// The dBFS scale under meters `width` wide (clip light excluded as in levelMeter with the same
// height): ticks and labels at -60 -48 -36 -24 -18 -12 -6 -3 0, in the small font if pushed.
void meterScale(float width, float meterHeight);

}  // namespace pycast::ui
