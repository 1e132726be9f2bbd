// Fingerprinting ImGui draw data (UI thread).
#include "shell/draw_hash.hpp"

#include <imgui.h>

#include <cstring>

namespace pycast::ui {

namespace {

struct Hasher {
    std::uint64_t h = 0x9E3779B97F4A7C15ull;

    void word(std::uint64_t w) {
        h ^= w + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
        h *= 0xFF51AFD7ED558CCDull;
        h ^= h >> 33;
    }
    void bytes(const void* data, std::size_t size) {
        const auto* p = static_cast<const unsigned char*>(data);
        std::size_t i = 0;
        for (; i + 8 <= size; i += 8) {
            std::uint64_t w;
            std::memcpy(&w, p + i, 8);
            word(w);
        }
        std::uint64_t tail = 0;
        if (size > i) std::memcpy(&tail, p + i, size - i);
        word(tail ^ size);
    }
    void real(float f) {
        std::uint32_t bits;
        std::memcpy(&bits, &f, 4);
        word(bits);
    }
};

}  // namespace

std::uint64_t hashDrawData(const ImDrawData& data) {
    Hasher hasher;
    hasher.real(data.DisplaySize.x);
    hasher.real(data.DisplaySize.y);
    hasher.real(data.FramebufferScale.x);
    hasher.word(static_cast<std::uint64_t>(data.CmdListsCount));
    for (int l = 0; l < data.CmdListsCount; ++l) {
        const ImDrawList* list = data.CmdLists[l];
        hasher.bytes(list->VtxBuffer.Data,
                     static_cast<std::size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert));
        hasher.bytes(list->IdxBuffer.Data,
                     static_cast<std::size_t>(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            hasher.real(cmd.ClipRect.x);
            hasher.real(cmd.ClipRect.y);
            hasher.real(cmd.ClipRect.z);
            hasher.real(cmd.ClipRect.w);
            hasher.word(reinterpret_cast<std::uintptr_t>(cmd.TextureId));
            hasher.word(cmd.VtxOffset);
            hasher.word(cmd.IdxOffset);
            hasher.word(cmd.ElemCount);
            hasher.word(cmd.UserCallback != nullptr ? 1u : 0u);
        }
    }
    return hasher.h;
}

}  // namespace pycast::ui
