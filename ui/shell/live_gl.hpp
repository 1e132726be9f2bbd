// OpenGL textures for font atlases the ImGui backend does not manage (UI thread, GL current).
#pragma once

#include <imgui.h>

namespace pycast::ui {

// One RGBA texture holding an atlas's pixels. Create, upload and release with the GL context
// that draws it current; textures are not shared between the studio's two windows.
class AtlasTexture {
public:
    AtlasTexture() = default;
    ~AtlasTexture();  // only frees when release() was not called and a context is current
    AtlasTexture(const AtlasTexture&) = delete;
    AtlasTexture& operator=(const AtlasTexture&) = delete;

    // (Re)uploads the atlas's pixels and sets its TexID to this texture. `generation` says
    // which build of the atlas it is: an upload of the one already there does nothing.
    void upload(ImFontAtlas& atlas, int generation);
    void release();

private:
    unsigned int m_id = 0;
    int m_generation = -1;
};

}  // namespace pycast::ui
