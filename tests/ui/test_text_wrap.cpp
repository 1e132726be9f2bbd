// Wrapping for the presenter's message: Chinese breaks between characters, nothing is cut in half.
#include <doctest/doctest.h>

#include "widgets/text_wrap.hpp"

using namespace pycast::ui;

namespace {

// Every character is one unit wide (a CJK character too), so widths are character counts.
float charCount(std::string_view s) {
    float n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) n += 1;
    return n;
}

}  // namespace

TEST_CASE("a run of Chinese wraps between characters, not as one word") {
    const auto lines = wrapText("請主持人準備進入下一段訪談", 5, charCount);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == "請主持人準");
    CHECK(lines[1] == "備進入下一");
    CHECK(lines[2] == "段訪談");
}

TEST_CASE("English wraps at spaces, and closing punctuation stays with the character before it") {
    CHECK(wrapText("wrap up in two minutes", 10, charCount) ==
          std::vector<std::string>{"wrap up in", "two", "minutes"});
    // "，" may not start a line: it goes with "好" to the next line instead.
    CHECK(wrapText("你好，世界", 2, charCount) == std::vector<std::string>{"你", "好，", "世界"});
    // A word longer than the line is broken between its letters.
    CHECK(wrapText("abcdefgh", 3, charCount) == std::vector<std::string>{"abc", "def", "gh"});
    CHECK(wrapText("line one\nline two", 20, charCount) == std::vector<std::string>{"line one", "line two"});
}

TEST_CASE("a 200-character message shrinks until every line fits the box") {
    std::string message;
    for (int i = 0; i < 20; ++i) message += "來賓還有兩分鐘。";  // 8 characters each: 160
    message += std::string(40, 'x');
    // At size s a character is s/10 wide and a line s high: the box is 100 wide, 60 high.
    auto measureAt = [](float size) {
        return TextMeasure([size](std::string_view s) { return charCount(s) * size / 10.0f; });
    };
    auto lineHeight = [](float size) { return size; };
    const FittedText big = fitText(message, 100, 60, 40, 8, measureAt, lineHeight);
    CHECK_FALSE(big.truncated);
    CHECK(big.size < 40);
    CHECK(big.size >= 8);
    CHECK(static_cast<float>(big.lines.size()) * big.size <= 60);
    std::string joined;
    for (const auto& l : big.lines) joined += l;
    CHECK(joined == message);  // every character is shown

    // A box too small even at the smallest size keeps whole lines and ends in "…".
    const FittedText tiny = fitText(message, 100, 10, 40, 8, measureAt, lineHeight);
    CHECK(tiny.truncated);
    CHECK(tiny.lines.size() == 1);
    CHECK(tiny.lines.back().size() >= 3);
    CHECK(tiny.lines.back().substr(tiny.lines.back().size() - 3) == "…");
}
