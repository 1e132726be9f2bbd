// Uploading extra font atlases as OpenGL textures (UI thread, with the window's GL context).
#include "shell/live_gl.hpp"

#include <GLFW/glfw3.h>  // GL/gl.h: the OpenGL 1.1 texture calls are all this needs

#include <cstdint>

namespace pycast::ui {

AtlasTexture::~AtlasTexture() {
    if (m_id != 0 && glfwGetCurrentContext() != nullptr) release();
}

void AtlasTexture::upload(ImFontAtlas& atlas, int generation) {
    if (m_id != 0 && generation == m_generation) return;
    unsigned char* pixels = nullptr;
    int width = 0;
    int height = 0;
    atlas.GetTexDataAsRGBA32(&pixels, &width, &height);
    if (pixels == nullptr) return;
    GLint previous = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous);
    if (m_id == 0) {
        GLuint id = 0;
        glGenTextures(1, &id);
        m_id = id;
    }
    glBindTexture(GL_TEXTURE_2D, m_id);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(previous));
    atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(m_id)));
    m_generation = generation;
}

void AtlasTexture::release() {
    if (m_id != 0) {
        GLuint id = m_id;
        glDeleteTextures(1, &id);
        m_id = 0;
        m_generation = -1;
    }
}

}  // namespace pycast::ui
