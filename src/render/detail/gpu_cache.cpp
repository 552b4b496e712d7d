#include "render/detail/gpu_cache.hpp"

#include "scene/geometry.hpp"

#include <algorithm>
#include <cstring>
#include <vector>

namespace hv::render::detail {

GpuCache::~GpuCache() {
    for (auto& [p, m] : m_meshes) release(m);
    for (auto& [p, t] : m_textures) glDeleteTextures(1, &t.texture);
}

void GpuCache::release(GpuMesh& m) {
    glDeleteVertexArrays(1, &m.vao);
    glDeleteBuffers(1, &m.vbo);
    glDeleteBuffers(1, &m.ebo);
    if (m.morphTexture) glDeleteTextures(1, &m.morphTexture);
    if (m.morphBuffer) glDeleteBuffers(1, &m.morphBuffer);
    m = GpuMesh{};
}

void GpuCache::collect() {
    for (auto it = m_meshes.begin(); it != m_meshes.end();) {
        if (it->second.owner.expired()) {
            release(it->second);
            it = m_meshes.erase(it);
        } else {
            ++it;
        }
    }
    for (auto it = m_textures.begin(); it != m_textures.end();) {
        if (it->second.owner.expired()) {
            glDeleteTextures(1, &it->second.texture);
            it = m_textures.erase(it);
        } else {
            ++it;
        }
    }
}

namespace {

template <class T> std::size_t bytes(const std::vector<T>& v) { return v.size() * sizeof(T); }

} // namespace

const GpuMesh& GpuCache::mesh(const gfx::MeshPtr& ptr) {
    auto it = m_meshes.find(ptr.get());
    if (it != m_meshes.end()) {
        if (!it->second.owner.expired()) return it->second;
        release(it->second); // an old mesh at a reused address
        m_meshes.erase(it);
    }
    const scene::Primitive& src = *ptr;
    GpuMesh g;
    g.owner = ptr;
    const std::size_t n = src.positions.size();
    g.vertexCount = static_cast<int>(n);

    std::vector<glm::vec3> generatedNormals;
    const std::vector<glm::vec3>* normals = &src.normals;
    if (src.normals.size() != n) {
        scene::Primitive copy;
        copy.positions = src.positions;
        copy.indices = src.indices;
        scene::generateNormals(copy);
        generatedNormals = std::move(copy.normals);
        normals = &generatedNormals;
    }
    // Skin influences repacked to 4 or 8 per vertex.
    int influences = 0;
    std::vector<std::uint16_t> joints;
    std::vector<float> weights;
    if (src.influenceCount > 0 && src.joints.size() == n * static_cast<std::size_t>(src.influenceCount) &&
        src.weights.size() == src.joints.size()) {
        influences = src.influenceCount <= 4 ? 4 : 8;
        const std::size_t in = static_cast<std::size_t>(std::min(src.influenceCount, 8));
        joints.assign(n * static_cast<std::size_t>(influences), 0);
        weights.assign(n * static_cast<std::size_t>(influences), 0.0f);
        for (std::size_t v = 0; v < n; ++v)
            for (std::size_t k = 0; k < in; ++k) {
                joints[v * static_cast<std::size_t>(influences) + k] = src.joints[v * static_cast<std::size_t>(src.influenceCount) + k];
                weights[v * static_cast<std::size_t>(influences) + k] = src.weights[v * static_cast<std::size_t>(src.influenceCount) + k];
            }
    }
    g.influences = influences;
    if (influences) {
        int joint = -1;
        bool rigid = true;
        for (std::size_t v = 0; v < n && rigid; ++v) {
            int full = -1;
            for (std::size_t k = 0; k < static_cast<std::size_t>(influences); ++k)
                if (weights[v * static_cast<std::size_t>(influences) + k] >= 0.9999f)
                    full = joints[v * static_cast<std::size_t>(influences) + k];
            if (full < 0 || (joint >= 0 && full != joint)) rigid = false;
            joint = full;
        }
        if (rigid && joint >= 0) g.rigidJoint = joint;
    }

    const bool hasUv0 = src.texcoords0.size() == n, hasUv1 = src.texcoords1.size() == n, hasColor = src.colors.size() == n;
    std::size_t offset = 0;
    const std::size_t oPos = offset; offset += n * sizeof(glm::vec3);
    const std::size_t oNrm = offset; offset += n * sizeof(glm::vec3);
    const std::size_t oUv0 = offset; offset += hasUv0 ? n * sizeof(glm::vec2) : 0;
    const std::size_t oUv1 = offset; offset += hasUv1 ? n * sizeof(glm::vec2) : 0;
    const std::size_t oCol = offset; offset += hasColor ? n * sizeof(glm::vec4) : 0;
    const std::size_t oJnt = offset; offset += bytes(joints);
    const std::size_t oWgt = offset; offset += bytes(weights);

    glGenVertexArrays(1, &g.vao);
    glBindVertexArray(g.vao);
    glGenBuffers(1, &g.vbo);
    glBindBuffer(GL_ARRAY_BUFFER, g.vbo);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(std::max<std::size_t>(offset, 16)), nullptr, GL_STATIC_DRAW);
    const auto put = [&](std::size_t at, const void* data, std::size_t size) {
        if (size) glBufferSubData(GL_ARRAY_BUFFER, static_cast<GLintptr>(at), static_cast<GLsizeiptr>(size), data);
    };
    const auto ptrAt = [](std::size_t at) { return reinterpret_cast<const void*>(at); };
    put(oPos, src.positions.data(), n * sizeof(glm::vec3));
    put(oNrm, normals->data(), n * sizeof(glm::vec3));
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, 0, ptrAt(oPos));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, 0, ptrAt(oNrm));
    if (hasUv0) {
        put(oUv0, src.texcoords0.data(), n * sizeof(glm::vec2));
        glEnableVertexAttribArray(2);
        glVertexAttribPointer(2, 2, GL_FLOAT, GL_FALSE, 0, ptrAt(oUv0));
    }
    if (hasUv1) {
        put(oUv1, src.texcoords1.data(), n * sizeof(glm::vec2));
        glEnableVertexAttribArray(3);
        glVertexAttribPointer(3, 2, GL_FLOAT, GL_FALSE, 0, ptrAt(oUv1));
    }
    if (hasColor) {
        put(oCol, src.colors.data(), n * sizeof(glm::vec4));
        glEnableVertexAttribArray(4);
        glVertexAttribPointer(4, 4, GL_FLOAT, GL_FALSE, 0, ptrAt(oCol));
    }
    if (influences) {
        put(oJnt, joints.data(), bytes(joints));
        put(oWgt, weights.data(), bytes(weights));
        const GLsizei js = static_cast<GLsizei>(influences * 2), ws = static_cast<GLsizei>(influences * 4);
        glEnableVertexAttribArray(5);
        glVertexAttribIPointer(5, 4, GL_UNSIGNED_SHORT, js, ptrAt(oJnt));
        glEnableVertexAttribArray(7);
        glVertexAttribPointer(7, 4, GL_FLOAT, GL_FALSE, ws, ptrAt(oWgt));
        if (influences == 8) {
            glEnableVertexAttribArray(6);
            glVertexAttribIPointer(6, 4, GL_UNSIGNED_SHORT, js, ptrAt(oJnt + 8));
            glEnableVertexAttribArray(8);
            glVertexAttribPointer(8, 4, GL_FLOAT, GL_FALSE, ws, ptrAt(oWgt + 16));
        }
    }
    // Indices, dropping any out of range (a malformed mesh draws what it can).
    std::vector<std::uint32_t> indices;
    indices.reserve(src.indices.size());
    for (std::size_t i = 0; i + 2 < src.indices.size(); i += 3)
        if (src.indices[i] < n && src.indices[i + 1] < n && src.indices[i + 2] < n)
            indices.insert(indices.end(), {src.indices[i], src.indices[i + 1], src.indices[i + 2]});
    glGenBuffers(1, &g.ebo);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g.ebo);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(std::max<std::size_t>(bytes(indices), 4)),
                 indices.empty() ? nullptr : indices.data(), GL_STATIC_DRAW);
    g.indexCount = static_cast<GLsizei>(indices.size());
    glBindVertexArray(0);

    // Morph targets: [target][vertex] position deltas, then normal deltas, as RGBA32F texels.
    if (!src.morphTargets.empty()) {
        const std::size_t t = src.morphTargets.size();
        g.morphTargets = static_cast<int>(t);
        for (const auto& m : src.morphTargets) g.morphNormals |= m.normalDeltas.size() == n;
        std::vector<glm::vec4> data((g.morphNormals ? 2 : 1) * t * n, glm::vec4(0.0f));
        for (std::size_t k = 0; k < t; ++k) {
            const auto& m = src.morphTargets[k];
            if (m.positionDeltas.size() == n)
                for (std::size_t v = 0; v < n; ++v) data[k * n + v] = glm::vec4(m.positionDeltas[v], 0.0f);
            if (g.morphNormals && m.normalDeltas.size() == n)
                for (std::size_t v = 0; v < n; ++v) data[(t + k) * n + v] = glm::vec4(m.normalDeltas[v], 0.0f);
        }
        glGenBuffers(1, &g.morphBuffer);
        glBindBuffer(GL_TEXTURE_BUFFER, g.morphBuffer);
        glBufferData(GL_TEXTURE_BUFFER, static_cast<GLsizeiptr>(bytes(data)), data.data(), GL_STATIC_DRAW);
        glGenTextures(1, &g.morphTexture);
        glBindTexture(GL_TEXTURE_BUFFER, g.morphTexture);
        glTexBuffer(GL_TEXTURE_BUFFER, GL_RGBA32F, g.morphBuffer);
        glBindTexture(GL_TEXTURE_BUFFER, 0);
        glBindBuffer(GL_TEXTURE_BUFFER, 0);
    }
    return m_meshes.emplace(ptr.get(), std::move(g)).first->second;
}

GLuint GpuCache::texture(const gfx::ImagePtr& image) {
    auto it = m_textures.find(image.get());
    if (it != m_textures.end()) {
        if (!it->second.owner.expired()) return it->second.texture;
        glDeleteTextures(1, &it->second.texture);
        m_textures.erase(it);
    }
    GpuTexture t;
    t.owner = image;
    glGenTextures(1, &t.texture);
    glBindTexture(GL_TEXTURE_2D, t.texture);
    const bool ok = image->width > 0 && image->height > 0 &&
                    image->rgba.size() == static_cast<std::size_t>(image->width) * static_cast<std::size_t>(image->height) * 4;
    const std::uint8_t white[4] = {255, 255, 255, 255};
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_SRGB8_ALPHA8, ok ? image->width : 1, ok ? image->height : 1, 0, GL_RGBA,
                 GL_UNSIGNED_BYTE, ok ? image->rgba.data() : white);
    glGenerateMipmap(GL_TEXTURE_2D);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_REPEAT);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_REPEAT);
    return m_textures.emplace(image.get(), t).first->second.texture;
}

} // namespace hv::render::detail
