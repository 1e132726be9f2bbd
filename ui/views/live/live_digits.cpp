// The countdown's digit font in an atlas of its own (UI thread).
#include "views/live/live_digits.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <system_error>

#include "widgets/fonts.hpp"

namespace pycast::ui {

namespace {

constexpr ImWchar kDigitRanges[] = {
    0x002B, 0x002B,  // +
    0x002D, 0x002D,  // -
    0x0030, 0x003A,  // 0-9 :
    0,
};

}  // namespace

std::vector<std::filesystem::path> DigitFont::defaultFiles() {
    return defaultFontFiles().latinBold;
}

DigitFont::DigitFont(std::vector<std::filesystem::path> files)
    : m_atlas(std::make_unique<ImFontAtlas>()) {
    for (const auto& file : files) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(file, ec)) continue;
        std::ifstream in(file, std::ios::binary);
        m_bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        if (!m_bytes.empty()) break;
    }
}

DigitFont::~DigitFont() = default;

bool DigitFont::ensureSize(float pixels) {
    const float size = std::clamp(std::round(pixels / 8.0f) * 8.0f, 16.0f, 640.0f);
    if (m_font != nullptr && size == m_size) return false;
    m_atlas->Clear();
    // No mouse cursors and no thick-line texture: this atlas only ever draws digits.
    m_atlas->Flags |= ImFontAtlasFlags_NoMouseCursors | ImFontAtlasFlags_NoBakedLines;
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;
    cfg.OversampleH = 1;  // at this size, oversampling buys nothing but texture
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    if (!m_bytes.empty()) {
        m_font = m_atlas->AddFontFromMemoryTTF(m_bytes.data(), static_cast<int>(m_bytes.size()),
                                               size, &cfg, kDigitRanges);
    } else {
        cfg.SizePixels = size;
        m_font = m_atlas->AddFontDefault(&cfg);
    }
    unsigned char* pixelsOut = nullptr;
    int w = 0;
    int h = 0;
    m_atlas->GetTexDataAsRGBA32(&pixelsOut, &w, &h);
    if (pixelsOut == nullptr || !m_atlas->IsBuilt()) {
        // A damaged font file: the built-in font always builds.
        m_bytes.clear();
        m_atlas->Clear();
        ImFontConfig def;
        def.SizePixels = size;
        m_font = m_atlas->AddFontDefault(&def);
        m_atlas->GetTexDataAsRGBA32(&pixelsOut, &w, &h);
    }
    m_size = size;
    ++m_generation;
    return true;
}

float DigitFont::widthPerPixel(std::string_view text) const {
    if (m_font == nullptr || m_size <= 0.0f) return 0.6f * static_cast<float>(text.size());
    const ImVec2 s =
        m_font->CalcTextSizeA(m_size, FLT_MAX, 0.0f, text.data(), text.data() + text.size());
    return s.x / m_size;
}

}  // namespace pycast::ui
