// The one slug function, for session folders (ASCII) and file names (Unicode letters kept).
#include <doctest/doctest.h>

#include "core/text.hpp"

using namespace pycast;

TEST_CASE("an ASCII slug keeps lowercase letters and digits joined by single dashes") {
    CHECK(slugify("PyCast  Live: EP 3!", SlugLetters::Ascii, "x") == "pycast-live-ep-3");
    CHECK(slugify("--Hello--", SlugLetters::Ascii, "x") == "hello");
    CHECK(slugify("開場 與 介紹", SlugLetters::Ascii, "session") == "session");
    CHECK(slugify("", SlugLetters::Ascii, "session") == "session");
}

TEST_CASE("a Unicode slug keeps Chinese and turns full-width punctuation into dashes") {
    CHECK(slugify("PyCast：開場、介紹", SlugLetters::Unicode, "x") == "pycast-開場-介紹");
    CHECK(slugify("「」", SlugLetters::Unicode, "new-show") == "new-show");
    // An invalid byte is a separator, never copied into a file name.
    CHECK(slugify(std::string("a\xff" "b"), SlugLetters::Unicode, "x") == "a-b");
}

TEST_CASE("a slug is cut at a character boundary without a dash at the end") {
    const std::string s = slugify(std::string(59, 'a') + " bbb", SlugLetters::Ascii, "x", 60);
    CHECK(s == std::string(59, 'a'));
    const std::string cjk = slugify("開開開", SlugLetters::Unicode, "x", 7);  // 3 bytes each
    CHECK(cjk == "開開");
}
