// Wrapping with CJK break opportunities, and shrink-to-fit (UI thread; pure functions).
#include "widgets/text_wrap.hpp"

#include <algorithm>
#include <cfloat>

namespace pycast::ui {

namespace {

struct Glyph {
    std::string_view bytes;
    char32_t cp = 0;
};

std::vector<Glyph> glyphsOf(std::string_view text) {
    std::vector<Glyph> out;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        if (i + n > text.size()) n = 1;
        char32_t cp = n == 1 ? c : (c & (n == 4 ? 0x07u : n == 3 ? 0x0Fu : 0x1Fu));
        for (std::size_t k = 1; k < n; ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
        out.push_back({text.substr(i, n), cp});
        i += n;
    }
    return out;
}

bool isCjk(char32_t cp) {
    return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
           (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x20000 && cp <= 0x2FA1F);
}

// Punctuation that must not start a line (kinsoku): it stays with what comes before it.
bool noBreakBefore(char32_t cp) {
    static const std::u32string closers = U"，。、；：？！）」』】》〉．,.;:?!)]}%";
    return closers.find(cp) != std::u32string::npos;
}

bool isSpace(char32_t cp) { return cp == U' ' || cp == U'\t' || cp == 0x3000; }

}  // namespace

std::vector<std::string> wrapText(std::string_view text, float maxWidth,
                                  const TextMeasure& measure) {
    // Units that may not be split: a Latin word, one CJK character (with closing punctuation
    // after it), a run of spaces, or a newline.
    struct Unit {
        std::string text;
        bool space = false;
        bool newline = false;
        bool cjk = false;  // a CJK character (a break may follow it)
    };
    std::vector<Unit> units;
    for (const Glyph& g : glyphsOf(text)) {
        if (g.cp == U'\n') {
            units.push_back({"", false, true});
            continue;
        }
        if (g.cp == U'\r') continue;
        const bool space = isSpace(g.cp);
        if (!units.empty() && !units.back().newline) {
            Unit& last = units.back();
            const bool joinWord = !space && !last.space && !isCjk(g.cp) && !last.cjk;
            if ((space && last.space) || joinWord ||
                (!space && !last.space && noBreakBefore(g.cp))) {
                last.text += g.bytes;
                continue;
            }
        }
        units.push_back({std::string(g.bytes), space, false, isCjk(g.cp)});
    }

    std::vector<std::string> lines;
    std::string line;
    auto flush = [&] {
        while (!line.empty() && line.back() == ' ') line.pop_back();
        lines.push_back(line);
        line.clear();
    };
    for (const Unit& u : units) {
        if (u.newline) {
            flush();
            continue;
        }
        if (u.space) {
            if (!line.empty()) line += u.text;
            continue;
        }
        if (measure(line + u.text) <= maxWidth) {
            line += u.text;
            continue;
        }
        if (!line.empty()) flush();
        if (measure(u.text) <= maxWidth) {
            line = u.text;
            continue;
        }
        // Wider than a whole line: break it between characters.
        for (const Glyph& g : glyphsOf(u.text)) {
            if (!line.empty() && measure(line + std::string(g.bytes)) > maxWidth) flush();
            line += g.bytes;
        }
    }
    if (!line.empty() || lines.empty()) flush();
    return lines;
}

FittedText fitText(std::string_view text, float maxWidth, float maxHeight, float maxSize,
                   float minSize, const std::function<TextMeasure(float size)>& measureAt,
                   const std::function<float(float size)>& lineHeight) {
    FittedText out;
    for (float size = maxSize;; size = std::max(minSize, size * 0.92f)) {
        const TextMeasure measure = measureAt(size);
        out.size = size;
        out.lines = wrapText(text, maxWidth, measure);
        const float height = lineHeight(size) * static_cast<float>(out.lines.size());
        if (height <= maxHeight) return out;
        if (size <= minSize) {
            // Still too long at the smallest size: keep the lines that fit, "…" on the last.
            const auto fits =
                static_cast<std::size_t>(std::max(1.0f, maxHeight / lineHeight(size)));
            out.lines.resize(std::min(out.lines.size(), fits));
            out.truncated = true;
            std::string& last = out.lines.back();
            while (!last.empty() && measure(last + "…") > maxWidth) {
                while (!last.empty() && (static_cast<unsigned char>(last.back()) & 0xC0) == 0x80)
                    last.pop_back();
                if (!last.empty()) last.pop_back();
            }
            last += "…";
            return out;
        }
    }
}

FittedText fitTextInFont(ImFont* font, std::string_view text, float maxWidth, float maxHeight,
                         float maxSize, float minSize, float lineSpacing) {
    return fitText(
        text, maxWidth, maxHeight, maxSize, minSize,
        [font](float size) {
            return TextMeasure([font, size](std::string_view s) {
                return font->CalcTextSizeA(size, FLT_MAX, 0.0f, s.data(), s.data() + s.size()).x;
            });
        },
        [lineSpacing](float size) { return size * lineSpacing; });
}

float fittedTextItem(ImFont* font, const FittedText& fitted, std::string_view fullText, float width,
                     ImU32 colour, float lineSpacing) {
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float step = fitted.size * lineSpacing;
    const float height = step * static_cast<float>(fitted.lines.size());
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float y = origin.y;
    for (const std::string& line : fitted.lines) {
        dl->AddText(font, fitted.size, ImVec2(origin.x, y), colour, line.c_str());
        y += step;
    }
    ImGui::Dummy(ImVec2(width, height));
    if (fitted.truncated && ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
        ImGui::TextUnformatted(fullText.data(), fullText.data() + fullText.size());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    return height;
}

}  // namespace pycast::ui
