// Font loading and glyph-range building from the text in use (UI thread).
#include "widgets/fonts.hpp"

#include <imgui_internal.h>    // ImTextCharFromUtf8
#include <stb/stb_truetype.h>  // face names and metrics; implementation comes from libstb

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <system_error>

namespace pycast::ui {

namespace fs = std::filesystem;

namespace {

// Symbols the UI itself draws, beyond Latin-1.
constexpr const char* kUiSymbols = "—–‒·•…│▶▸◀◆●○■□✓✔✕⚠↑↓←→↔≤≥±×÷∞‧";

// Ranges every build carries: Latin-1, general punctuation, CJK punctuation, full-width forms.
constexpr ImWchar kBaseRanges[] = {
    0x0020, 0x00FF,  // Basic Latin + Latin-1 Supplement
    0x2000, 0x206F,  // General Punctuation (— … ‧ ‘ ’ “ ”)
    0x3000, 0x303F,  // CJK Symbols and Punctuation (、。「」『』)
    0xFF00, 0xFFEF,  // Half-width and Full-width Forms (，：（）！？)
    0,
};

void addBase(ImFontGlyphRangesBuilder& builder) {
    builder.AddRanges(kBaseRanges);
    builder.AddText(kUiSymbols);
}

std::vector<unsigned char> readFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return {};
    return std::vector<unsigned char>(std::istreambuf_iterator<char>(in),
                                      std::istreambuf_iterator<char>());
}

// How many em the font's ascent-to-descent height spans, inverted: ImGui sizes a font so that
// ascent - descent equals the pixel size, which makes CJK fonts (tall metrics) look small.
float emPerPixelHeight(const std::vector<unsigned char>& data, int face) {
    const int offset = stbtt_GetFontOffsetForIndex(data.data(), face);
    if (offset < 0) return 0.0f;
    stbtt_fontinfo info;
    if (stbtt_InitFont(&info, data.data(), offset) == 0) return 0.0f;
    const float perHeight = stbtt_ScaleForPixelHeight(&info, 1.0f);
    const float perEm = stbtt_ScaleForMappingEmToPixels(&info, 1.0f);
    return perEm > 0.0f ? perHeight / perEm : 0.0f;
}

float roleSize(FontRole role, float body) {
    switch (role) {
        case FontRole::Body:
            return body;
        case FontRole::Bold:
            return body;
        case FontRole::Heading:
            return body * 1.45f;
        case FontRole::Small:
            return body * 0.82f;
    }
    return body;
}

}  // namespace

FontFiles defaultFontFiles() {
    FontFiles f;
    f.latinRegular = {"/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
                      "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"};
    f.latinBold = {"/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
                   "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"};
    // $PYCAST_CJK_FONT first, then where Debian, Fedora and Arch put the collection.
    const char* env = std::getenv("PYCAST_CJK_FONT");
    const std::vector<fs::path> candidates = {
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    };
    f.cjk = candidates.front();
    std::error_code ec;
    if (env != nullptr && *env != '\0') {
        f.cjk = env;
    } else {
        for (const auto& c : candidates) {
            if (fs::is_regular_file(c, ec)) {
                f.cjk = c;
                break;
            }
        }
    }
    return f;
}

ImVector<ImWchar> buildGlyphRanges(std::string_view text) {
    ImFontGlyphRangesBuilder builder;
    addBase(builder);
    builder.AddText(text.data(), text.data() + text.size());
    ImVector<ImWchar> ranges;
    builder.BuildRanges(&ranges);
    return ranges;
}

int findFaceIndex(const std::vector<unsigned char>& collection, const std::string& family) {
    if (collection.empty()) return -1;
    const int faces = stbtt_GetNumberOfFonts(collection.data());
    for (int face = 0; face < faces; ++face) {
        const int offset = stbtt_GetFontOffsetForIndex(collection.data(), face);
        stbtt_fontinfo info;
        if (offset < 0 || stbtt_InitFont(&info, collection.data(), offset) == 0) continue;
        int length = 0;
        // Name id 1 (family) in the Windows/Unicode table is UTF-16BE; the names are ASCII.
        const char* name =
            stbtt_GetFontNameString(&info, &length, STBTT_PLATFORM_ID_MICROSOFT,
                                    STBTT_MS_EID_UNICODE_BMP, STBTT_MS_LANG_ENGLISH, 1);
        if (name == nullptr) continue;
        std::string ascii;
        for (int i = 1; i < length; i += 2) ascii += name[i];
        if (ascii == family) return face;
    }
    return -1;
}

FontManager::FontManager(FontFiles files) : m_files(std::move(files)), m_characters(65536 / 64, 0) {
    loadFiles();
    addText(kUiSymbols);
}

void FontManager::loadFiles() {
    std::error_code ec;
    for (const auto& p : m_files.latinRegular) {
        if (!fs::is_regular_file(p, ec)) continue;
        m_latinRegular = readFile(p);
        if (!m_latinRegular.empty()) {
            m_latinPath = p;
            break;
        }
    }
    for (const auto& p : m_files.latinBold) {
        if (!fs::is_regular_file(p, ec)) continue;
        m_latinBold = readFile(p);
        if (!m_latinBold.empty()) break;
    }

    if (!m_files.cjk.empty() && fs::is_regular_file(m_files.cjk, ec)) m_cjk = readFile(m_files.cjk);
    if (!m_cjk.empty()) {
        const int faces = stbtt_GetNumberOfFonts(m_cjk.data());
        m_cjkFace = findFaceIndex(m_cjk, m_files.cjkFamily);
        if (m_cjkFace < 0 && m_files.cjkFallbackFace < faces) m_cjkFace = m_files.cjkFallbackFace;
        if (m_cjkFace < 0 && faces > 0) m_cjkFace = 0;
    }
    if (m_cjkFace < 0) {
        m_cjk.clear();
        m_warning = "Chinese font not found (" + m_files.cjk.string() +
                    "): Chinese text shows as '?'. Install fonts-noto-cjk.";
        return;
    }
    const float latinEm = m_latinRegular.empty() ? 0.0f : emPerPixelHeight(m_latinRegular, 0);
    const float cjkEm = emPerPixelHeight(m_cjk, m_cjkFace);
    if (latinEm > 0.0f && cjkEm > 0.0f) m_cjkSizeRatio = latinEm / cjkEm;
}

bool FontManager::hasCharacter(std::uint32_t cp) const {
    return (m_characters[cp / 64] >> (cp % 64)) & 1u;
}

bool FontManager::addText(std::string_view utf8) {
    bool added = false;
    const char* p = utf8.data();
    const char* end = p + utf8.size();
    while (p < end) {
        unsigned int cp = 0;
        const int n = ImTextCharFromUtf8(&cp, p, end);
        if (n <= 0) break;
        p += n;
        // ImWchar is 16-bit in Debian's build: characters beyond the BMP cannot be rasterized.
        if (cp < 0x80 || cp > 0xFFFF || hasCharacter(cp)) continue;
        m_characters[cp / 64] |= std::uint64_t{1} << (cp % 64);
        ++m_characterCount;
        added = true;
    }
    if (added) m_rebuildPending = true;
    return added;
}

void FontManager::build(ImFontAtlas& atlas, float scale) {
    atlas.Clear();
    {
        ImFontGlyphRangesBuilder builder;
        addBase(builder);
        for (std::uint32_t word = 0; word < m_characters.size(); ++word) {
            if (m_characters[word] == 0) continue;
            for (std::uint32_t bit = 0; bit < 64; ++bit) {
                if ((m_characters[word] >> bit) & 1u) {
                    builder.AddChar(static_cast<ImWchar>(word * 64 + bit));
                }
            }
        }
        m_ranges.clear();
        builder.BuildRanges(&m_ranges);
    }

    for (int r = 0; r < kFontRoleCount; ++r) {
        const auto role = static_cast<FontRole>(r);
        const float size = roleSize(role, m_files.bodySize) * scale;
        std::vector<unsigned char>& latin =
            // Headings stay regular: the CJK collection has no bold, and a bold Latin word in a
            // Chinese title looks out of place.
            role == FontRole::Bold && !m_latinBold.empty() ? m_latinBold : m_latinRegular;

        ImFontConfig cfg;
        cfg.FontDataOwnedByAtlas = false;  // the bytes live in this manager, read once
        cfg.OversampleH = 2;
        ImFont* font = nullptr;
        bool cjkIsPrimary = false;
        if (!latin.empty()) {
            font = atlas.AddFontFromMemoryTTF(latin.data(), static_cast<int>(latin.size()), size,
                                              &cfg, m_ranges.Data);
        } else if (cjkLoaded()) {
            cfg.FontNo = m_cjkFace;
            font = atlas.AddFontFromMemoryTTF(m_cjk.data(), static_cast<int>(m_cjk.size()), size,
                                              &cfg, m_ranges.Data);
            cjkIsPrimary = true;
        } else {
            ImFontConfig def;
            def.SizePixels = size;
            font = atlas.AddFontDefault(&def);
        }
        if (cjkLoaded() && !cjkIsPrimary) {
            ImFontConfig merge;
            merge.FontDataOwnedByAtlas = false;
            merge.MergeMode = true;
            merge.FontNo = m_cjkFace;
            merge.OversampleH = 1;  // CJK glyphs are dense; horizontal oversampling buys little
            merge.PixelSnapH = true;
            atlas.AddFontFromMemoryTTF(m_cjk.data(), static_cast<int>(m_cjk.size()),
                                       size * m_cjkSizeRatio, &merge, m_ranges.Data);
        }
        m_fonts[static_cast<std::size_t>(r)] = font;
    }

    unsigned char* pixels = nullptr;
    int width = 0;
    int height = 0;
    atlas.GetTexDataAsRGBA32(&pixels, &width, &height);
    if (pixels == nullptr || !atlas.IsBuilt()) {
        // A corrupt font file: start again with the built-in font so the window still opens.
        atlas.Clear();
        ImFontConfig def;
        def.SizePixels = m_files.bodySize * scale;
        ImFont* fallback = atlas.AddFontDefault(&def);
        m_fonts.fill(fallback);
        atlas.GetTexDataAsRGBA32(&pixels, &width, &height);
        m_warning = "The UI fonts could not be built; using the built-in font.";
    }
    m_rebuildPending = false;
}

std::string FontManager::description() const {
    std::string s =
        m_latinPath.empty() ? std::string("built-in font") : m_latinPath.stem().string();
    if (cjkLoaded()) s += " + " + m_files.cjkFamily + " (face " + std::to_string(m_cjkFace) + ")";
    s += ", " + std::to_string(m_characterCount) + " extra characters";
    return s;
}

}  // namespace pycast::ui
