// Word wrap that also breaks between Chinese characters, and shrink-to-fit for a text box
// (UI thread; wrapText and fitText are pure functions over a width measure, so tests need no
// font; the ImGui helpers at the end measure with a font and draw).
#pragma once

#include <imgui.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace pycast::ui {

// Width of a piece of text in pixels at the size being laid out.
using TextMeasure = std::function<float(std::string_view)>;

// Lines of `text` no wider than `maxWidth`. Lines break at spaces and newlines, and between any
// two CJK characters (Han, kana, Hangul, CJK and full-width punctuation — a run of Chinese has
// no spaces, so it is not one word); closing punctuation such as "，" "。" "」" stays with the
// character before it. A word wider than the line is broken between characters. Spaces at a
// break are dropped. UTF-8 in, UTF-8 out, never split inside a character.
std::vector<std::string> wrapText(std::string_view text, float maxWidth,
                                  const TextMeasure& measure);

// The largest size in [minSize, maxSize] (stepping down by 8%) at which `text` wraps into at
// most `maxHeight` (lines × lineHeight(size)). At minSize the lines that do not fit are dropped
// and the last kept line ends in "…", so the box never cuts a line in half.
struct FittedText {
    float size = 0.0f;
    std::vector<std::string> lines;
    bool truncated = false;
};
FittedText fitText(std::string_view text, float maxWidth, float maxHeight, float maxSize,
                   float minSize, const std::function<TextMeasure(float size)>& measureAt,
                   const std::function<float(float size)>& lineHeight);

// fitText measured with `font` (any size: ImGui scales the atlas), lines `lineSpacing` × size
// apart.
FittedText fitTextInFont(ImFont* font, std::string_view text, float maxWidth, float maxHeight,
                         float maxSize, float minSize, float lineSpacing = 1.15f);

// Draws `fitted` (from fitTextInFont with the same font and spacing) as one item at the cursor,
// `width` wide and as tall as its lines. When the text was cut, hovering it shows the whole
// text in a tooltip. Returns the height it took.
float fittedTextItem(ImFont* font, const FittedText& fitted, std::string_view fullText, float width,
                     ImU32 colour, float lineSpacing = 1.15f);

}  // namespace pycast::ui
