// A font for the countdown's digits only, rasterized large in an atlas of its own (UI thread).
#pragma once

#include <imgui.h>

#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

namespace pycast::ui {

// The characters the big countdown uses.
constexpr const char* kCountdownCharacters = "0123456789:+-";

// The studio's fonts share one atlas sized for reading text; a 300 px countdown in it would
// make every rebuild (new CJK text) slow and the texture huge. This atlas holds 13 glyphs of a
// bold Latin face at one size, so it can be rebuilt whenever the window's size asks for
// another. ImGui draws from any atlas whose TexID is set: push the texture, AddText with font().
class DigitFont {
public:
    // Reads the first bold Latin font of `files` that exists (DejaVu Sans Bold on Debian);
    // without one, ImGui's built-in font is scaled, which is blurry but readable.
    explicit DigitFont(std::vector<std::filesystem::path> files = defaultFiles());
    ~DigitFont();
    DigitFont(const DigitFont&) = delete;
    DigitFont& operator=(const DigitFont&) = delete;

    // Builds the atlas at `pixels` (rounded to 8 px, 16 to 640) if it holds another size.
    // Returns true when it was rebuilt: the texture must be uploaded again.
    bool ensureSize(float pixels);

    ImFont* font() const { return m_font; }  // null before the first ensureSize
    float size() const { return m_size; }
    ImFontAtlas& atlas() { return *m_atlas; }
    bool usingFallback() const { return m_bytes.empty(); }
    // Goes up at every build: a texture made from an older one must be uploaded again.
    int generation() const { return m_generation; }

    // Width of `text` per pixel of font size (to fit text to a box before rasterizing).
    float widthPerPixel(std::string_view text) const;

    static std::vector<std::filesystem::path> defaultFiles();

private:
    std::vector<unsigned char> m_bytes;
    std::unique_ptr<ImFontAtlas> m_atlas;
    ImFont* m_font = nullptr;
    float m_size = 0.0f;
    int m_generation = 0;
};

}  // namespace pycast::ui
