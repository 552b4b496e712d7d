// GPU copies of CPU meshes and images, uploaded on first use and kept while some owner still
// holds the CPU object (its shared_ptr); collect() frees the rest. Needs a current GL context.
#pragma once

#include "gfx/draw_item.hpp"

#include <epoxy/gl.h>

#include <memory>
#include <unordered_map>

namespace hv::render::detail {

struct GpuMesh {
    std::weak_ptr<const scene::Primitive> owner;
    GLuint vao = 0, vbo = 0, ebo = 0;
    GLsizei indexCount = 0;
    int vertexCount = 0;
    int influences = 0;          // 0, 4 or 8
    // >= 0: every vertex is bound to this one joint with full weight (a rigid part of a skin,
    // e.g. one bone of a skeleton model): drawn as a rigid mesh with that joint's matrix.
    int rigidJoint = -1;
    GLuint morphBuffer = 0, morphTexture = 0;
    int morphTargets = 0;
    bool morphNormals = false;
};

struct GpuTexture {
    std::weak_ptr<const scene::Image> owner;
    GLuint texture = 0;
};

class GpuCache {
public:
    GpuCache() = default;
    ~GpuCache();
    GpuCache(const GpuCache&) = delete;
    GpuCache& operator=(const GpuCache&) = delete;

    const GpuMesh& mesh(const gfx::MeshPtr& mesh);       // uploads on first use
    GLuint texture(const gfx::ImagePtr& image);          // sRGB RGBA8 with mipmaps
    void collect();                                       // frees entries whose owner is gone
    std::size_t meshCount() const { return m_meshes.size(); }

private:
    std::unordered_map<const scene::Primitive*, GpuMesh> m_meshes;
    std::unordered_map<const scene::Image*, GpuTexture> m_textures;
    static void release(GpuMesh& m);
};

} // namespace hv::render::detail
