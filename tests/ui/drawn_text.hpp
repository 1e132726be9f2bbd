// Reads back what a frame drew as text, from its draw data (tests only).
#pragma once

#include <imgui.h>

#include <functional>
#include <map>
#include <optional>
#include <vector>
#include <string>
#include <utility>

namespace pycast::uitest {

// The glyphs drawn this frame, read back from the draw data: each glyph is a quad whose texture
// corners are that glyph's in the font atlas. Each code point comes with the top-left of its
// quad. Spaces draw nothing and do not appear.
struct DrawnGlyphs {
    std::u32string text;
    std::vector<ImVec2> where;  // one per code point of `text`
};
inline DrawnGlyphs drawnGlyphs(ImDrawData* data) {
    // Several glyphs may share a top-left corner (a glyph with no width next to another).
    std::multimap<std::pair<float, float>, const ImFontGlyph*> byCorner;
    for (ImFont* font : ImGui::GetIO().Fonts->Fonts)
        for (const ImFontGlyph& g : font->Glyphs)
            if (g.Visible) byCorner.insert({{g.U0, g.V0}, &g});
    DrawnGlyphs out;
    for (int l = 0; l < data->CmdListsCount; ++l) {
        const ImVector<ImDrawVert>& v = data->CmdLists[l]->VtxBuffer;
        for (int i = 0; i + 3 < v.Size; ++i) {
            const auto [from, to] = byCorner.equal_range({v[i].uv.x, v[i].uv.y});
            for (auto it = from; it != to; ++it) {
                const ImFontGlyph& g = *it->second;
                // A glyph cut at the bottom of its line (a "y" in a one-line box) keeps its top
                // edge; only its lower texture coordinate moves.
                if (v[i + 1].uv.x != g.U1 || v[i + 1].uv.y != g.V0 || v[i + 2].uv.x != g.U1)
                    continue;
                out.text.push_back(static_cast<char32_t>(g.Codepoint));
                out.where.push_back(v[i].pos);
                i += 3;
                break;
            }
        }
    }
    return out;
}

// The characters drawn this frame (drawnGlyphs' text).
inline std::u32string drawnCharacters(ImDrawData* data) { return drawnGlyphs(data).text; }

// UTF-8 to code points, without the spaces (they draw no glyph).
inline std::u32string withoutSpaces(const std::string& utf8) {
    std::u32string out;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto b = static_cast<unsigned char>(utf8[i]);
        const int length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        char32_t c = length == 1 ? b : b & (0x3F >> (length - 1));
        for (int k = 1; k < length && i + static_cast<std::size_t>(k) < utf8.size(); ++k)
            c = (c << 6) |
                (static_cast<unsigned char>(utf8[i + static_cast<std::size_t>(k)]) & 0x3F);
        i += static_cast<std::size_t>(length);
        if (c != U' ') out.push_back(c);
    }
    return out;
}

// Where the text `utf8` (spaces left out) was drawn this frame: the top-left of its first glyph,
// found as drawnCharacters reads glyphs; with `last`, of its last occurrence (a button named like
// the dialog's title). None when it was not drawn.
inline std::optional<ImVec2> drawnAt(ImDrawData* data, const std::string& utf8, bool last = false) {
    const DrawnGlyphs drawn = drawnGlyphs(data);
    const std::size_t at = last ? drawn.text.rfind(withoutSpaces(utf8)) : drawn.text.find(withoutSpaces(utf8));
    if (at == std::u32string::npos) return std::nullopt;
    return drawn.where[at];
}

// A left click on the drawn `label` (a button's or a checkbox's): the mouse moves there for one
// frame, goes down for one and up for two more, each frame drawn by `drawFrame` (which must also
// refresh `drawData`'s frame). False when the label is not drawn.
inline bool clickDrawn(ImGuiIO& io, const std::function<ImDrawData*()>& drawData,
                       const std::function<void(int frames)>& drawFrame, const std::string& label) {
    const std::optional<ImVec2> at = drawnAt(drawData(), label);
    if (!at) return false;
    io.MousePos = ImVec2(at->x + 4, at->y + 4);
    drawFrame(1);
    io.MouseDown[0] = true;
    drawFrame(1);
    io.MouseDown[0] = false;
    drawFrame(2);
    return true;
}

}  // namespace pycast::uitest
