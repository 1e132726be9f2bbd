// Tests for the audience API's text rules: UTF-8, control characters, limits, device ids.
#include <doctest/doctest.h>

#include <string>

#include "server/audience_text.hpp"

using namespace pycast;

TEST_CASE("audience text: malformed UTF-8 of every kind is 400 bad-utf8 naming the byte") {
    for (const std::string bad : {"\x80", "\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80",
                                  "\xF4\x90\x80\x80", "\xFF", "abc\xE8\x81", "\xA4\xA4\xA4\xE5"}) {
        const auto problem = checkUtf8(bad, "the body");
        REQUIRE_MESSAGE(problem, bad);
        CHECK(problem->status == 400);
        CHECK(problem->code == "bad-utf8");
        CHECK(problem->error.message().find("the body is not valid UTF-8") != std::string::npos);
    }
    CHECK(checkUtf8("abc\xE8\x81", "x")->error.what.find("(byte 4)") != std::string::npos);
    CHECK_FALSE(checkUtf8("", "the body"));
    CHECK_FALSE(checkUtf8("職涯 Career \xF0\x9F\x8E\x99", "the body"));
}

TEST_CASE("audience text: a question loses control characters and outer space, keeps lines") {
    std::string text = "  \x01How do you\r\n test\x7F?\x1b[31m \xC2\x85\n\n\xE3\x80\x80";
    CHECK_FALSE(cleanQuestionText(text));
    CHECK(text == "How do you\n test?[31m");
    std::string markup = "<script>alert(1)</script>";
    CHECK_FALSE(cleanQuestionText(markup));
    CHECK(markup == "<script>alert(1)</script>");  // escaping is for whoever shows it
}

TEST_CASE("audience text: an empty question is 400 empty-question, over 500 question-too-long") {
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

TEST_CASE("audience text: a name is one line, may be empty, and is refused over 60") {
    std::string name = " Amy\nChen\x1b ";
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
