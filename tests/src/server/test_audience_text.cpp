// Tests for the audience API's text rules: UTF-8, control characters, limits, device ids.
#include <doctest/doctest.h>

#include <string>

#include "server/audience_text.hpp"

using namespace pycast;

TEST_CASE("audience text: well-formed UTF-8 is accepted, every kind of malformed is refused") {
    CHECK(isValidUtf8(""));
    CHECK(isValidUtf8("plain ASCII\n"));
    CHECK(isValidUtf8("職涯 Career — 技術"));
    CHECK(isValidUtf8("\xF0\x9F\x8E\x99"));      // U+1F399 studio microphone
    CHECK(isValidUtf8("\xF4\x8F\xBF\xBF"));      // U+10FFFF, the last code point
    CHECK(isValidUtf8("\xED\x9F\xBF"));          // U+D7FF, just below the surrogates
    CHECK_FALSE(isValidUtf8("\x80"));            // a lone continuation byte
    CHECK_FALSE(isValidUtf8("\xC0\xAF"));        // overlong '/'
    CHECK_FALSE(isValidUtf8("\xC1\xBF"));        // overlong
    CHECK_FALSE(isValidUtf8("\xE0\x80\xAF"));    // overlong in three bytes
    CHECK_FALSE(isValidUtf8("\xF0\x80\x80\xAF"));  // overlong in four bytes
    CHECK_FALSE(isValidUtf8("\xED\xA0\x80"));    // U+D800, a surrogate
    CHECK_FALSE(isValidUtf8("\xF4\x90\x80\x80"));  // U+110000, past Unicode
    CHECK_FALSE(isValidUtf8("\xF5\x80\x80\x80"));
    CHECK_FALSE(isValidUtf8("\xFF"));
    CHECK_FALSE(isValidUtf8("abc\xE8\x81"));     // truncated at the end
    CHECK_FALSE(isValidUtf8("\xE8\x81z"));       // truncated in the middle
    CHECK_FALSE(isValidUtf8("\xA4\xA4\xA4\xE5"));  // Big5 for 中文
    const auto problem = checkUtf8("\xFF", "the body");
    REQUIRE(problem);
    CHECK(problem->status == 400);
    CHECK(problem->code == "bad-utf8");
    CHECK(problem->error.message().find("the body is not valid UTF-8") != std::string::npos);
    CHECK_FALSE(checkUtf8("好", "the body"));
}

TEST_CASE("audience text: code points are counted, not bytes") {
    CHECK(countCodePoints("") == 0);
    CHECK(countCodePoints("abc") == 3);
    CHECK(countCodePoints("職涯") == 2);
    CHECK(countCodePoints("\xF0\x9F\x8E\x99!") == 2);
}

TEST_CASE("audience text: C0 but newline, DEL and C1 are stripped; other text is kept") {
    CHECK(stripControlCharacters(std::string("a\0b", 3), Newlines::Keep) == "ab");
    CHECK(stripControlCharacters("a\tb\rc\x1b[31md\ne", Newlines::Keep) == "abc[31md\ne");
    CHECK(stripControlCharacters("a\nb", Newlines::Drop) == "ab");
    CHECK(stripControlCharacters("x\x7Fy", Newlines::Keep) == "xy");
    CHECK(stripControlCharacters("x\xC2\x85y\xC2\x9Fz", Newlines::Keep) == "xyz");  // NEL, APC
    // U+00A0 (C2 A0) and U+00E9 (C3 A9) are not controls.
    CHECK(stripControlCharacters("\xC2\xA0\xC3\xA9", Newlines::Keep) == "\xC2\xA0\xC3\xA9");
    CHECK(stripControlCharacters("問題\u2028", Newlines::Keep) == "問題\u2028");
}

TEST_CASE("audience text: a question is cleaned, then refused when empty or over 500") {
    std::string text = "  \x01How do you\r\n test\x7F?\n\n\xE3\x80\x80";
    CHECK_FALSE(cleanQuestionText(text));
    CHECK(text == "How do you\n test?");

    std::string blank = " \n\t\x01\xE3\x80\x80 ";
    const auto empty = cleanQuestionText(blank);
    REQUIRE(empty);
    CHECK(empty->code == "empty-question");
    CHECK(empty->status == 400);

    std::string chinese500;
    for (int i = 0; i < 500; ++i) chinese500 += "問";  // 1500 bytes, 500 characters
    std::string at = chinese500;
    CHECK_FALSE(cleanQuestionText(at));
    std::string over = chinese500 + "?";
    const auto tooLong = cleanQuestionText(over);
    REQUIRE(tooLong);
    CHECK(tooLong->code == "question-too-long");
    CHECK(tooLong->error.message().find("501 characters, 500 at most") != std::string::npos);
    // Characters stripped first do not count.
    std::string padded = chinese500 + "\x01\x02\x03";
    CHECK_FALSE(cleanQuestionText(padded));
}

TEST_CASE("audience text: a name loses newlines, may be empty, and is refused over 60") {
    std::string name = " Amy\n Chen\x1b ";
    CHECK_FALSE(cleanName(name));
    CHECK(name == "Amy Chen");
    std::string none;
    CHECK_FALSE(cleanName(none));
    CHECK(none.empty());
    std::string sixty(60, 'n');
    CHECK_FALSE(cleanName(sixty));
    std::string long61 = std::string(60, 'n') + "陳";
    const auto problem = cleanName(long61);
    REQUIRE(problem);
    CHECK(problem->code == "name-too-long");
    CHECK(problem->error.message().find("61 characters, 60 at most") != std::string::npos);
}

TEST_CASE("audience text: a device id is 8 to 64 of [A-Za-z0-9_-]") {
    CHECK_FALSE(checkDevice("abcDEF12"));
    CHECK_FALSE(checkDevice("a_b-c_d-e_f-0123456789"));
    CHECK_FALSE(checkDevice(std::string(64, 'x')));
    CHECK(checkDevice("short"));
    CHECK(checkDevice(std::string(65, 'x')));
    CHECK(checkDevice("has space in it"));
    CHECK(checkDevice("slash/../x"));
    CHECK(checkDevice("装置装置装置"));
    const auto problem = checkDevice("");
    REQUIRE(problem);
    CHECK(problem->code == "bad-device");
    CHECK(problem->error.message().find("8 to 64 characters") != std::string::npos);
}
