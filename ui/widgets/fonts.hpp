// Fonts: Latin UI font + Noto Sans CJK TC, glyphs built from the text in use (UI thread).
#pragma once

#include <imgui.h>

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace pycast::ui {

enum class FontRole { Body, Bold, Heading, Small };
constexpr int kFontRoleCount = 4;

struct FontFiles {
    std::vector<std::filesystem::path> latinRegular;  // first one that exists wins
    std::vector<std::filesystem::path> latinBold;
    std::filesystem::path cjk;                   // a .ttc collection or a single font
    std::string cjkFamily = "Noto Sans CJK TC";  // face picked from the collection by name
    int cjkFallbackFace = 3;                     // its index in Debian's file (fc-query)
    float bodySize = 17.0f;                      // pixels at scale 1
};

// Noto Sans / DejaVu Sans for Latin; NotoSansCJK-Regular.ttc for Chinese ($PYCAST_CJK_FONT
// overrides where it is).
FontFiles defaultFontFiles();

// Glyph ranges for the atlas: Latin-1, punctuation and the symbols the UI uses, plus every
// character of text. Building only these keeps start-up fast; the full CJK range is not.
ImVector<ImWchar> buildGlyphRanges(std::string_view text);

// Index of the face whose family name is `family` inside a font collection, or -1.
int findFaceIndex(const std::vector<unsigned char>& collection, const std::string& family);

// Owns the font files' bytes and the set of characters to rasterize. addText() between
// frames; when rebuildPending(), the owner rebuilds (build()) and re-uploads the texture.
class FontManager {
public:
    explicit FontManager(FontFiles files = defaultFontFiles());

    // Records characters that must render. Returns true when one was new (a rebuild is due).
    bool addText(std::string_view utf8);
    bool rebuildPending() const { return m_rebuildPending; }

    // Clears and rebuilds `atlas` on the CPU (RGBA32 pixels ready for upload). Never fails:
    // missing fonts fall back to what is there, at worst ImGui's built-in font.
    void build(ImFontAtlas& atlas, float scale = 1.0f);

    ImFont* font(FontRole role) const { return m_fonts[static_cast<std::size_t>(role)]; }
    bool cjkLoaded() const { return m_cjkFace >= 0; }
    int cjkFace() const { return m_cjkFace; }
    // One line for the status bar when a font is missing; empty when all is well.
    const std::string& warning() const { return m_warning; }
    std::string description() const;  // "DejaVu Sans + Noto Sans CJK TC (face 3), 812 glyphs"
    std::size_t characterCount() const { return m_characterCount; }

private:
    void loadFiles();
    bool hasCharacter(std::uint32_t cp) const;

    FontFiles m_files;
    std::vector<unsigned char> m_latinRegular;
    std::vector<unsigned char> m_latinBold;
    std::vector<unsigned char> m_cjk;
    std::filesystem::path m_latinPath;
    int m_cjkFace = -1;
    float m_cjkSizeRatio = 1.0f;  // CJK pixel size per Latin pixel size, so their em sizes match
    std::string m_warning;

    std::vector<std::uint64_t> m_characters;  // bitset over the Basic Multilingual Plane
    std::size_t m_characterCount = 0;
    bool m_rebuildPending = true;
    ImVector<ImWchar> m_ranges;  // must outlive the atlas build
    std::array<ImFont*, kFontRoleCount> m_fonts{};
};

}  // namespace pycast::ui
