// Fonts: Traditional Chinese renders as Chinese glyphs, from the text in use; fallbacks hold.
#include <doctest/doctest.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include <filesystem>
#include <fstream>
#include <iterator>

#include "widgets/fonts.hpp"
#include "shell/headless.hpp"

using namespace pycast::ui;

namespace {

std::vector<unsigned int> codepoints(const std::string& utf8) {
    std::vector<unsigned int> out;
    const char* p = utf8.data();
    const char* end = p + utf8.size();
    while (p < end) {
        unsigned int c = 0;
        const int n = ImTextCharFromUtf8(&c, p, end);
        if (n <= 0) break;
        p += n;
        out.push_back(c);
    }
    return out;
}

bool rangesContain(const ImVector<ImWchar>& ranges, unsigned int c) {
    for (int i = 0; i + 1 < ranges.Size && ranges[i] != 0; i += 2) {
        if (c >= ranges[i] && c <= ranges[i + 1]) return true;
    }
    return false;
}

bool cjkFontInstalled() { return std::filesystem::exists(defaultFontFiles().cjk); }

const std::string kChinese =
    "從資料工程到 Python 社群：即時電池資料管線的故事「開場」、徵才（We're hiring）。";

}  // namespace

TEST_CASE("glyph ranges hold every character of the text, plus Latin and CJK punctuation") {
    const ImVector<ImWchar> ranges = buildGlyphRanges(kChinese);
    for (unsigned int c : codepoints(kChinese)) {
        CAPTURE(c);
        CHECK(rangesContain(ranges, c));
    }
    for (unsigned int c : codepoints("，。「」、：（）—…A z~é")) CHECK(rangesContain(ranges, c));
    // Not the whole CJK block: a character that is not in the text is not in the ranges.
    CHECK_FALSE(rangesContain(ranges, 0x9F98));  // 龘
}

TEST_CASE("the Traditional Chinese face is found by name in Noto Sans CJK's collection") {
    if (!cjkFontInstalled()) {
        MESSAGE("fonts-noto-cjk is not installed; skipped");
        return;
    }
    std::ifstream in(defaultFontFiles().cjk, std::ios::binary);
    const std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(in)),
                                           std::istreambuf_iterator<char>());
    CHECK(findFaceIndex(bytes, "Noto Sans CJK TC") == 3);  // fc-query: index 3
    CHECK(findFaceIndex(bytes, "Noto Sans CJK JP") == 0);
    CHECK(findFaceIndex(bytes, "No Such Family") == -1);
}

TEST_CASE("after a headless atlas build, every Chinese character of the show has a real glyph") {
    if (!cjkFontInstalled()) {
        MESSAGE("fonts-noto-cjk is not installed; skipped");
        return;
    }
    FontManager fonts;
    fonts.addText(kChinese);
    HeadlessImGui imgui(fonts);
    REQUIRE(fonts.cjkLoaded());
    CHECK(fonts.cjkFace() == 3);
    CHECK(fonts.warning().empty());
    for (FontRole role : {FontRole::Body, FontRole::Bold, FontRole::Heading, FontRole::Small}) {
        ImFont* font = fonts.font(role);
        REQUIRE(font != nullptr);
        for (unsigned int c : codepoints(kChinese)) {
            CAPTURE(c);
            CHECK(font->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
        }
    }
    // A character never added has no glyph: the atlas holds only the text in use.
    CHECK(fonts.font(FontRole::Body)->FindGlyphNoFallback(static_cast<ImWchar>(0x9F98)) == nullptr);
}

TEST_CASE("new text asks for a rebuild, known text does not, and the rebuild adds its glyphs") {
    if (!cjkFontInstalled()) {
        MESSAGE("fonts-noto-cjk is not installed; skipped");
        return;
    }
    FontManager fonts;
    HeadlessImGui imgui(fonts);
    CHECK_FALSE(fonts.rebuildPending());
    CHECK_FALSE(fonts.addText("plain ASCII only"));
    CHECK_FALSE(fonts.rebuildPending());
    CHECK(fonts.addText("龘"));
    CHECK(fonts.rebuildPending());
    CHECK_FALSE(fonts.addText("龘"));
    imgui.frame([] {});  // the frame rebuilds between frames, as the App does
    CHECK_FALSE(fonts.rebuildPending());
    CHECK(fonts.font(FontRole::Body)->FindGlyphNoFallback(static_cast<ImWchar>(0x9F98)) != nullptr);
}

TEST_CASE("Chinese glyphs are sized to the Latin font's em, not shrunk by their tall metrics") {
    if (!cjkFontInstalled()) {
        MESSAGE("fonts-noto-cjk is not installed; skipped");
        return;
    }
    FontManager fonts;
    fonts.addText("資");
    HeadlessImGui imgui(fonts);
    ImFont* font = fonts.font(FontRole::Body);
    const float han = font->FindGlyphNoFallback(static_cast<ImWchar>(0x8CC7))->AdvanceX;
    // Sized naively (same pixel size as the Latin font) a Han character would be ~0.69 of it.
    CHECK(han >= font->FontSize * 0.8f);
    CHECK(han <= font->FontSize * 1.05f);
}

TEST_CASE("a missing Chinese font falls back with a one-line warning instead of crashing") {
    FontFiles files = defaultFontFiles();
    files.cjk = "/nonexistent/NotoSansCJK-Regular.ttc";
    FontManager fonts(files);
    fonts.addText(kChinese);
    HeadlessImGui imgui(fonts);
    CHECK_FALSE(fonts.cjkLoaded());
    CHECK(fonts.warning().find("fonts-noto-cjk") != std::string::npos);
    CHECK(fonts.warning().find('\n') == std::string::npos);
    REQUIRE(fonts.font(FontRole::Body) != nullptr);
    CHECK(fonts.font(FontRole::Body)->FindGlyphNoFallback(static_cast<ImWchar>('A')) != nullptr);
    CHECK(imgui.frame([] { ImGui::TextUnformatted("從資料工程"); }).empty());
}

TEST_CASE("with no font files at all, ImGui's built-in font is used") {
    FontFiles files;
    files.cjk = "/nonexistent.ttc";
    files.latinRegular = {"/nonexistent.ttf"};
    FontManager fonts(files);
    HeadlessImGui imgui(fonts);
    REQUIRE(fonts.font(FontRole::Body) != nullptr);
    CHECK(fonts.font(FontRole::Body)->FindGlyphNoFallback(static_cast<ImWchar>('A')) != nullptr);
    CHECK_FALSE(fonts.warning().empty());
}
