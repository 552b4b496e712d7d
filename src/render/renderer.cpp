#include "render/renderer.hpp"

#include "render/detail/gl_program.hpp"
#include "render/detail/gpu_cache.hpp"

#include <epoxy/gl.h>

#include <glm/gtc/type_ptr.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>
#include <map>

namespace hv::render {

using detail::GlProgram;

// ---------------------------------------------------------------------------------------------
// OffscreenTarget

OffscreenTarget::OffscreenTarget(int width, int height) : m_width(width), m_height(height) {
    glGenTextures(1, &m_texture);
    glBindTexture(GL_TEXTURE_2D, m_texture);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glGenFramebuffers(1, &m_fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, m_fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, m_texture, 0);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

OffscreenTarget::~OffscreenTarget() {
    glDeleteFramebuffers(1, &m_fbo);
    glDeleteTextures(1, &m_texture);
}

scene::Image OffscreenTarget::read() const {
    scene::Image img;
    img.width = m_width;
    img.height = m_height;
    const std::size_t row = static_cast<std::size_t>(m_width) * 4;
    std::vector<std::uint8_t> raw(row * static_cast<std::size_t>(m_height));
    glBindFramebuffer(GL_READ_FRAMEBUFFER, m_fbo);
    glReadBuffer(GL_COLOR_ATTACHMENT0);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, m_width, m_height, GL_RGBA, GL_UNSIGNED_BYTE, raw.data());
    img.rgba.resize(raw.size());
    // GL's rows start at the bottom; images start at the top. Undo the premultiplication.
    for (int y = 0; y < m_height; ++y) {
        const std::uint8_t* src = raw.data() + static_cast<std::size_t>(m_height - 1 - y) * row;
        std::uint8_t* dst = img.rgba.data() + static_cast<std::size_t>(y) * row;
        for (std::size_t x = 0; x < row; x += 4) {
            const unsigned a = src[x + 3];
            if (a == 255 || a == 0) {
                std::memcpy(dst + x, src + x, 4);
                if (a == 0) dst[x] = dst[x + 1] = dst[x + 2] = 0;
                continue;
            }
            for (int c = 0; c < 3; ++c) dst[x + static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(std::min(255u, (src[x + static_cast<std::size_t>(c)] * 255u + a / 2) / a));
            dst[x + 3] = static_cast<std::uint8_t>(a);
        }
    }
    return img;
}

// ---------------------------------------------------------------------------------------------
// Renderer internals

namespace {

struct Framebuffers {
    int width = 0, height = 0, samples = 0;
    bool ao = false;
    GLuint msaaFbo = 0, msaaColor = 0, msaaDepth = 0;
    GLuint preFbo = 0, preNormal = 0, preDepth = 0; // half size
    GLuint aoFbo = 0, aoTex = 0, blurFbo = 0, blurTex = 0;
    int aoWidth = 0, aoHeight = 0;

    void release() {
        const GLuint fbos[] = {msaaFbo, preFbo, aoFbo, blurFbo};
        glDeleteFramebuffers(4, fbos);
        const GLuint rbs[] = {msaaColor, msaaDepth};
        glDeleteRenderbuffers(2, rbs);
        const GLuint texs[] = {preNormal, preDepth, aoTex, blurTex};
        glDeleteTextures(4, texs);
        *this = Framebuffers{};
    }
};

GLuint makeTexture(GLenum internal, int w, int h, GLenum format, GLenum type, GLenum filter) {
    GLuint t = 0;
    glGenTextures(1, &t);
    glBindTexture(GL_TEXTURE_2D, t);
    glTexImage2D(GL_TEXTURE_2D, 0, static_cast<GLint>(internal), w, h, 0, format, type, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, static_cast<GLint>(filter));
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, static_cast<GLint>(filter));
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    return t;
}

GLuint fboWithColor(GLuint tex, GLuint depthTex = 0) {
    GLuint f = 0;
    glGenFramebuffers(1, &f);
    glBindFramebuffer(GL_FRAMEBUFFER, f);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex, 0);
    if (depthTex) glFramebufferTexture2D(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_TEXTURE_2D, depthTex, 0);
    return f;
}

void uploadMatrix(GLint loc, const glm::mat4& m) {
    if (loc >= 0) glUniformMatrix4fv(loc, 1, GL_FALSE, glm::value_ptr(m));
}

enum class Pass { Prepass, Lit, Outline, Ghost, Id };

// The contact shadow (see shaders/contact.frag): its texture's size (texels), how far above the
// floor geometry still darkens it (m), how far past the opaque items' footprint the texture
// reaches (m), and the blur's tap spacing (m; fifteen taps across, twice).
constexpr int kContactSize = 256;
constexpr float kContactReach = 0.3f;
constexpr float kContactMargin = 0.25f;
constexpr float kContactTap = 0.02f;
// The height texture starts this far below the floor (m), so a face lying on the floor is not
// cut by the near plane; what is lower still counts as on the floor.
constexpr float kContactBelow = 0.02f;

bool isFloor(const gfx::DrawItem& i) { return i.material.kind == gfx::MaterialKind::Floor; }

} // namespace

struct Renderer::Impl {
    // The surface shader's variants (see shaders/surface.frag).
    GlProgram lit, muscle, ghost, flat, prepass, id, ssao, blur, down, present, floor, contact;
    bool idReady = false, ssaoReady = false, blurReady = false, downReady = false, presentReady = false;
    bool floorReady = false, contactReady = false;
    // The contact shadow's targets: the height (depth) seen from below and the blurred shadow.
    GLuint heightFbo = 0, heightDepth = 0, contactFbo = 0, contactTex = 0, acrossFbo = 0, acrossTex = 0;
    // What the contact shadow in contactTex was made from (a hash of the opaque items' meshes,
    // poses and the floor height) and its square: an orbiting camera reuses it.
    std::size_t contactKey = 0;
    glm::vec4 contactRectCached{0.0f};
    GLuint linearSampler = 0; // bilinear sampling for present()
    std::string lazyError;
    detail::GpuCache cache;
    Framebuffers fb;
    GLuint emptyVao = 0;
    GLuint whiteTexture = 0;
    GLuint jointBuffer = 0, jointTexture = 0;
    GLuint emptyBuffer = 0, emptyBufferTexture = 0;
    GLuint idFbo = 0, idColor = 0, idDepth = 0;
    int idWidth = 0, idHeight = 0;
    GLuint downFbo = 0;
    int maxSamples = 1;
    FrameStats stats;
    // Per frame: each skin's first matrix in the joint buffer.
    std::map<const std::vector<glm::mat4>*, int> jointOffsets;

    ~Impl() {
        fb.release();
        glDeleteVertexArrays(1, &emptyVao);
        glDeleteTextures(1, &whiteTexture);
        glDeleteTextures(1, &jointTexture);
        glDeleteBuffers(1, &jointBuffer);
        glDeleteTextures(1, &emptyBufferTexture);
        glDeleteBuffers(1, &emptyBuffer);
        glDeleteFramebuffers(1, &idFbo);
        glDeleteRenderbuffers(1, &idColor);
        glDeleteRenderbuffers(1, &idDepth);
        glDeleteFramebuffers(1, &downFbo);
        glDeleteSamplers(1, &linearSampler);
        glDeleteFramebuffers(1, &heightFbo);
        glDeleteFramebuffers(1, &contactFbo);
        glDeleteFramebuffers(1, &acrossFbo);
        glDeleteTextures(1, &heightDepth);
        glDeleteTextures(1, &contactTex);
        glDeleteTextures(1, &acrossTex);
    }

    void ensureContactTargets() {
        if (heightFbo) return;
        heightDepth = makeTexture(GL_DEPTH_COMPONENT24, kContactSize, kContactSize, GL_DEPTH_COMPONENT, GL_UNSIGNED_INT, GL_LINEAR);
        glGenFramebuffers(1, &heightFbo);
        glBindFramebuffer(GL_FRAMEBUFFER, heightFbo);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_TEXTURE_2D, heightDepth, 0);
        glDrawBuffer(GL_NONE);
        glReadBuffer(GL_NONE);
        contactTex = makeTexture(GL_R8, kContactSize, kContactSize, GL_RED, GL_UNSIGNED_BYTE, GL_LINEAR);
        contactFbo = fboWithColor(contactTex);
        acrossTex = makeTexture(GL_R8, kContactSize, kContactSize, GL_RED, GL_UNSIGNED_BYTE, GL_LINEAR);
        acrossFbo = fboWithColor(acrossTex);
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
    }

    // The contact shadow of `opaque` on the floor at height `floorY` (scene frame, m) into
    // contactTex; returns its square on the floor (centre x, centre z, half side, 1), or w = 0
    // when there is nothing to shade.
    glm::vec4 renderContactShadow(std::span<const gfx::DrawItem* const> opaque, float floorY) {
        // The same items in the same poses cast the same shadow, whatever the camera (the items
        // come sorted by depth, so each one's hash is summed: the order does not count).
        std::size_t total = std::hash<float>{}(floorY) + opaque.size();
        for (const auto* i : opaque) {
            std::size_t key = 0;
            const auto mix = [&key](std::size_t v) { key ^= v + 0x9e3779b97f4a7c15ull + (key << 6) + (key >> 2); };
            mix(std::hash<const void*>{}(i->mesh.get()));
            mix(std::hash<const void*>{}(i->jointMatrices.get()));
            for (int c = 0; c < 4; ++c)
                for (int r = 0; r < 4; ++r) mix(std::hash<float>{}(i->transform[c][r]));
            if (i->jointMatrices && !i->jointMatrices->empty())
                for (int r = 0; r < 3; ++r) mix(std::hash<float>{}(i->jointMatrices->front()[3][r]));
            for (float w : i->morphWeights) mix(std::hash<float>{}(w));
            total += key;
        }
        if (heightFbo && total == contactKey) return contactRectCached;
        contactKey = total;
        contactRectCached = drawContactShadow(opaque, floorY);
        return contactRectCached;
    }

    glm::vec4 drawContactShadow(std::span<const gfx::DrawItem* const> opaque, float floorY) {
        scene::Bounds near;
        for (const auto* i : opaque)
            if (!i->bounds.empty() && i->bounds.min.y < floorY + kContactReach) near.add(i->bounds);
        if (near.empty()) return glm::vec4(0.0f);
        const glm::vec2 lo(near.min.x, near.min.z), hi(near.max.x, near.max.z);
        const glm::vec2 centre = 0.5f * (lo + hi);
        const float half = 0.5f * std::max(hi.x - lo.x, hi.y - lo.y) + kContactMargin;
        ensureContactTargets();
        // Orthographic, from below, looking up: x -> clip x, z -> clip y, height above the floor
        // -below..reach -> depth -1..1. (A mirror image: culling is off.)
        const float range = kContactReach + kContactBelow, bottom = floorY - kContactBelow;
        glm::mat4 m(0.0f);
        m[0][0] = 1.0f / half;
        m[3][0] = -centre.x / half;
        m[2][1] = 1.0f / half;
        m[3][1] = -centre.y / half;
        m[1][2] = 2.0f / range;
        m[3][2] = -2.0f * bottom / range - 1.0f;
        m[3][3] = 1.0f;
        glBindFramebuffer(GL_FRAMEBUFFER, heightFbo);
        glViewport(0, 0, kContactSize, kContactSize);
        glClearDepth(1.0);
        glClear(GL_DEPTH_BUFFER_BIT);
        glEnable(GL_DEPTH_TEST);
        glDepthFunc(GL_LESS);
        glDepthMask(GL_TRUE);
        prepass.use();
        bindCommonTextures(prepass);
        view = glm::mat4(1.0f);
        viewProj = m;
        uploadMatrix(prepass.location("u_view"), view);
        uploadMatrix(prepass.location("u_projection"), m);
        glUniform1f(prepass.location("u_outlinePixels"), 0.0f);
        glUniform1i(prepass.location("u_morphCount"), 0);
        for (const auto* i : opaque) {
            gfx::DrawItem twoSided = *i;
            twoSided.material.doubleSided = true;
            drawItem(prepass, twoSided, Pass::Prepass);
        }
        glDisable(GL_DEPTH_TEST);
        glDisable(GL_CULL_FACE);
        contact.use();
        glActiveTexture(GL_TEXTURE0);
        glUniform1i(contact.location("u_source"), 0);
        glUniform1f(contact.location("u_below"), kContactBelow / range);
        glBindVertexArray(emptyVao);
        const float step = kContactTap / (2.0f * half);
        glBindFramebuffer(GL_FRAMEBUFFER, acrossFbo);
        glBindTexture(GL_TEXTURE_2D, heightDepth);
        glUniform1i(contact.location("u_fromHeight"), 1);
        glUniform2f(contact.location("u_step"), step, 0.0f);
        glDrawArrays(GL_TRIANGLES, 0, 3);
        glBindFramebuffer(GL_FRAMEBUFFER, contactFbo);
        glBindTexture(GL_TEXTURE_2D, acrossTex);
        glUniform1i(contact.location("u_fromHeight"), 0);
        glUniform2f(contact.location("u_step"), 0.0f, step);
        glDrawArrays(GL_TRIANGLES, 0, 3);
        glEnable(GL_DEPTH_TEST);
        return glm::vec4(centre, half, 1.0f);
    }

    void ensureFramebuffers(int w, int h, int samples, bool ao) {
        if (fb.width == w && fb.height == h && fb.samples == samples && fb.ao == ao) return;
        fb.release();
        fb.width = w, fb.height = h, fb.samples = samples, fb.ao = ao;
        glGenRenderbuffers(1, &fb.msaaColor);
        glBindRenderbuffer(GL_RENDERBUFFER, fb.msaaColor);
        glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples > 1 ? samples : 0, GL_RGBA8, w, h);
        glGenRenderbuffers(1, &fb.msaaDepth);
        glBindRenderbuffer(GL_RENDERBUFFER, fb.msaaDepth);
        glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples > 1 ? samples : 0, GL_DEPTH24_STENCIL8, w, h);
        glGenFramebuffers(1, &fb.msaaFbo);
        glBindFramebuffer(GL_FRAMEBUFFER, fb.msaaFbo);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, fb.msaaColor);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, fb.msaaDepth);
        if (ao) {
            // Ambient occlusion is soft: about 400 rows are plenty (half size for small targets).
            const int div = std::max(2, (h + 200) / 400);
            fb.aoWidth = std::max(1, (w + div - 1) / div);
            fb.aoHeight = std::max(1, (h + div - 1) / div);
            fb.preNormal = makeTexture(GL_RGBA8, fb.aoWidth, fb.aoHeight, GL_RGBA, GL_UNSIGNED_BYTE, GL_NEAREST);
            fb.preDepth = makeTexture(GL_DEPTH_COMPONENT24, fb.aoWidth, fb.aoHeight, GL_DEPTH_COMPONENT, GL_UNSIGNED_INT, GL_NEAREST);
            fb.preFbo = fboWithColor(fb.preNormal, fb.preDepth);
            fb.aoTex = makeTexture(GL_R8, fb.aoWidth, fb.aoHeight, GL_RED, GL_UNSIGNED_BYTE, GL_LINEAR);
            fb.aoFbo = fboWithColor(fb.aoTex);
            fb.blurTex = makeTexture(GL_R8, fb.aoWidth, fb.aoHeight, GL_RED, GL_UNSIGNED_BYTE, GL_LINEAR);
            fb.blurFbo = fboWithColor(fb.blurTex);
        }
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
    }

    void ensureIdTarget(int w, int h) {
        if (idWidth == w && idHeight == h && idFbo) return;
        glDeleteFramebuffers(1, &idFbo);
        glDeleteRenderbuffers(1, &idColor);
        glDeleteRenderbuffers(1, &idDepth);
        glGenRenderbuffers(1, &idColor);
        glBindRenderbuffer(GL_RENDERBUFFER, idColor);
        glRenderbufferStorage(GL_RENDERBUFFER, GL_R32UI, w, h);
        glGenRenderbuffers(1, &idDepth);
        glBindRenderbuffer(GL_RENDERBUFFER, idDepth);
        glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH_COMPONENT24, w, h);
        glGenFramebuffers(1, &idFbo);
        glBindFramebuffer(GL_FRAMEBUFFER, idFbo);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, idColor);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, idDepth);
        idWidth = w, idHeight = h;
    }

    // Uploads every skin's matrices used this frame into one texture buffer.
    void uploadJoints(std::span<const gfx::DrawItem> items) {
        jointOffsets.clear();
        std::vector<glm::mat4> all;
        for (const gfx::DrawItem& i : items) {
            if (!i.skinned()) continue;
            const auto* key = i.jointMatrices.get();
            if (jointOffsets.count(key)) continue;
            jointOffsets[key] = static_cast<int>(all.size());
            all.insert(all.end(), key->begin(), key->end());
        }
        if (all.empty()) all.emplace_back(1.0f);
        glBindBuffer(GL_TEXTURE_BUFFER, jointBuffer);
        glBufferData(GL_TEXTURE_BUFFER, static_cast<GLsizeiptr>(all.size() * sizeof(glm::mat4)), all.data(), GL_STREAM_DRAW);
        glBindBuffer(GL_TEXTURE_BUFFER, 0);
    }

    void bindCommonTextures(GlProgram& p) {
        glActiveTexture(GL_TEXTURE2);
        glBindTexture(GL_TEXTURE_BUFFER, jointTexture);
        glUniform1i(p.location("u_joints"), 2);
        glActiveTexture(GL_TEXTURE3);
        glBindTexture(GL_TEXTURE_BUFFER, emptyBufferTexture);
        glUniform1i(p.location("u_morphs"), 3);
        glActiveTexture(GL_TEXTURE0);
    }

    glm::mat4 view{1.0f}; // the current camera's, for normal matrices
    glm::mat4 viewProj{1.0f}; // for culling

    // True when the item's box lies wholly outside the view (one clip plane has all 8 corners
    // beyond it). Only boxes that are exact are trusted: rigid items and rigid skins.
    bool culled(const gfx::DrawItem& item, const detail::GpuMesh& g) const {
        if (item.bounds.empty()) return false;
        if (item.skinned() && g.rigidJoint < 0) return false;
        int outside[6] = {0, 0, 0, 0, 0, 0};
        for (int c = 0; c < 8; ++c) {
            const glm::vec3 p((c & 1) ? item.bounds.max.x : item.bounds.min.x, (c & 2) ? item.bounds.max.y : item.bounds.min.y,
                              (c & 4) ? item.bounds.max.z : item.bounds.min.z);
            const glm::vec4 q = viewProj * glm::vec4(p, 1.0f);
            outside[0] += q.x < -q.w, outside[1] += q.x > q.w;
            outside[2] += q.y < -q.w, outside[3] += q.y > q.w;
            outside[4] += q.z < -q.w, outside[5] += q.z > q.w;
        }
        for (int k = 0; k < 6; ++k)
            if (outside[k] == 8) return true;
        return false;
    }

    // Draws one item with program `p` (already in use, camera uniforms set).
    void drawItem(GlProgram& p, const gfx::DrawItem& item, Pass pass) {
        if (!item.mesh || item.mesh->positions.empty()) return;
        const detail::GpuMesh& g = cache.mesh(item.mesh);
        if (g.indexCount == 0 || culled(item, g)) return;
        bool skinned = item.skinned() && g.influences > 0;
        glm::mat4 model = item.transform;
        if (skinned && g.rigidJoint >= 0 && static_cast<std::size_t>(g.rigidJoint) < item.jointMatrices->size()) {
            model = (*item.jointMatrices)[static_cast<std::size_t>(g.rigidJoint)];
            skinned = false;
        }
        glUniform1i(p.location("u_skinned"), skinned ? g.influences : 0);
        if (skinned) glUniform1i(p.location("u_jointOffset"), jointOffsets[item.jointMatrices.get()]);
        uploadMatrix(p.location("u_model"), model);
        const glm::mat3 normalMatrix = glm::transpose(glm::inverse(glm::mat3(view * model)));
        glUniformMatrix3fv(p.location("u_normalMatrix"), 1, GL_FALSE, glm::value_ptr(normalMatrix));
        // Morph targets: the (up to) 8 heaviest weights.
        int morphCount = 0;
        if (g.morphTargets > 0 && !item.morphWeights.empty()) {
            std::vector<std::pair<float, int>> w;
            for (int k = 0; k < g.morphTargets && k < static_cast<int>(item.morphWeights.size()); ++k)
                if (std::abs(item.morphWeights[static_cast<std::size_t>(k)]) > 1e-6f)
                    w.emplace_back(item.morphWeights[static_cast<std::size_t>(k)], k);
            std::sort(w.begin(), w.end(), [](auto& a, auto& b) { return std::abs(a.first) > std::abs(b.first); });
            morphCount = std::min<int>(8, static_cast<int>(w.size()));
            GLint idx[8] = {};
            GLfloat wt[8] = {};
            for (int k = 0; k < morphCount; ++k) idx[k] = w[static_cast<std::size_t>(k)].second, wt[k] = w[static_cast<std::size_t>(k)].first;
            glUniform1iv(p.location("u_morphIndex[0]"), 8, idx);
            glUniform1fv(p.location("u_morphWeight[0]"), 8, wt);
            glUniform1i(p.location("u_morphVertexCount"), g.vertexCount);
            glUniform1i(p.location("u_morphHasNormals"), g.morphNormals ? 1 : 0);
            glUniform1i(p.location("u_morphTargetTotal"), g.morphTargets);
            glActiveTexture(GL_TEXTURE3);
            glBindTexture(GL_TEXTURE_BUFFER, g.morphTexture);
            glActiveTexture(GL_TEXTURE0);
        }
        glUniform1i(p.location("u_morphCount"), morphCount);

        const gfx::Material& mat = item.material;
        if (pass == Pass::Lit || pass == Pass::Ghost) {
            glUniform1i(p.location("u_kind"), static_cast<int>(mat.kind));
            glUniform4fv(p.location("u_baseColor"), 1, glm::value_ptr(mat.baseColor));
            glUniform1f(p.location("u_roughness"), mat.roughness);
            glUniform2fv(p.location("u_bellyRange"), 1, glm::value_ptr(mat.bellyRange));
            glUniform1i(p.location("u_banded"), mat.banded ? 1 : 0);
            glUniform1i(p.location("u_intersectionCount"), mat.intersectionCount);
            glUniform1fv(p.location("u_intersections"), 4, mat.intersections.data());
            glUniform1i(p.location("u_useVertexColor"), mat.useVertexColors ? 1 : 0);
            glUniform1f(p.location("u_alphaCutoff"), mat.alphaCutoff);
            glUniform1i(p.location("u_highlighted"), (item.flags & gfx::kHighlighted) ? 1 : 0);
            const bool textured = mat.baseColorTexture != nullptr;
            glUniform1i(p.location("u_hasTexture"), textured ? 1 : 0);
            if (textured) {
                glActiveTexture(GL_TEXTURE0);
                glBindTexture(GL_TEXTURE_2D, cache.texture(mat.baseColorTexture));
                glUniform1i(p.location("u_texCoord"), mat.texCoord);
                glUniformMatrix3fv(p.location("u_uvTransform"), 1, GL_FALSE, glm::value_ptr(mat.uvTransform));
            }
        }
        if (pass == Pass::Id) glUniform1ui(p.location("u_pickId"), item.pickId);
        const bool cull = !mat.doubleSided || pass == Pass::Outline;
        if (cull) glEnable(GL_CULL_FACE);
        else glDisable(GL_CULL_FACE);
        // Vertex colours default to white when the mesh has none.
        glVertexAttrib4f(4, 1.0f, 1.0f, 1.0f, 1.0f);
        glBindVertexArray(g.vao);
        glDrawElements(GL_TRIANGLES, g.indexCount, GL_UNSIGNED_INT, nullptr);
        ++stats.drawCalls;
        stats.triangles += static_cast<std::size_t>(g.indexCount / 3);
    }

    void setCamera(GlProgram& p, const glm::mat4& viewMatrix, const glm::mat4& proj, const gfx::Camera& camera, int height) {
        view = viewMatrix;
        viewProj = proj * viewMatrix;
        uploadMatrix(p.location("u_view"), viewMatrix);
        uploadMatrix(p.location("u_projection"), proj);
        glUniform1f(p.location("u_metresPerPixelAtUnitDepth"), camera.metresPerPixel(1.0f, static_cast<float>(height)));
        glUniform1f(p.location("u_outlinePixels"), 0.0f);
        glUniform1i(p.location("u_morphCount"), 0);
    }

    bool ensureLazy(GlProgram& p, bool& ready, const char* vs, const char* fs, const char* defines = "") {
        if (ready) return p.valid();
        ready = true;
        std::string error;
        if (!p.build(vs, fs, defines, error)) {
            lazyError = error;
            return false;
        }
        return true;
    }
};

Renderer::Renderer() : m(std::make_unique<Impl>()) {}
Renderer::~Renderer() = default;

std::unique_ptr<Renderer> Renderer::create(std::string& error) {
    std::unique_ptr<Renderer> r(new Renderer);
    Impl& m = *r->m;
    if (!m.lit.build("mesh.vert", "surface.frag", "#define SURFACE_GENERIC 1\n", error)) return nullptr;
    if (!m.muscle.build("mesh.vert", "surface.frag", "#define SURFACE_MUSCLE 1\n", error)) return nullptr;
    if (!m.ghost.build("mesh.vert", "surface.frag", "#define SURFACE_GHOST 1\n", error)) return nullptr;
    if (!m.flat.build("mesh.vert", "surface.frag", "#define SURFACE_FLAT 1\n", error)) return nullptr;
    if (!m.prepass.build("mesh.vert", "prepass.frag", error)) return nullptr;
    glGenVertexArrays(1, &m.emptyVao);
    glGenTextures(1, &m.whiteTexture);
    glBindTexture(GL_TEXTURE_2D, m.whiteTexture);
    const std::uint8_t white[4] = {255, 255, 255, 255};
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, 1, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE, white);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glGenBuffers(1, &m.jointBuffer);
    glBindBuffer(GL_TEXTURE_BUFFER, m.jointBuffer);
    const glm::mat4 identity(1.0f);
    glBufferData(GL_TEXTURE_BUFFER, sizeof identity, &identity, GL_STREAM_DRAW);
    glGenTextures(1, &m.jointTexture);
    glBindTexture(GL_TEXTURE_BUFFER, m.jointTexture);
    glTexBuffer(GL_TEXTURE_BUFFER, GL_RGBA32F, m.jointBuffer);
    glGenBuffers(1, &m.emptyBuffer);
    glBindBuffer(GL_TEXTURE_BUFFER, m.emptyBuffer);
    const glm::vec4 zero(0.0f);
    glBufferData(GL_TEXTURE_BUFFER, sizeof zero, &zero, GL_STATIC_DRAW);
    glGenTextures(1, &m.emptyBufferTexture);
    glBindTexture(GL_TEXTURE_BUFFER, m.emptyBufferTexture);
    glTexBuffer(GL_TEXTURE_BUFFER, GL_RGBA32F, m.emptyBuffer);
    glBindTexture(GL_TEXTURE_BUFFER, 0);
    glBindBuffer(GL_TEXTURE_BUFFER, 0);
    GLint samples = 1;
    glGetIntegerv(GL_MAX_SAMPLES, &samples);
    m.maxSamples = std::max(1, static_cast<int>(samples));
    return r;
}

int Renderer::maxSamples() const { return m->maxSamples; }
const FrameStats& Renderer::lastFrame() const { return m->stats; }
void Renderer::collectGarbage() { m->cache.collect(); }

void Renderer::render(std::span<const gfx::DrawItem> items, const gfx::Camera& camera, const RenderSettings& s,
                      unsigned target) {
    Impl& I = *m;
    I.stats = {};
    I.cache.collect();
    const int w = std::max(1, s.width), h = std::max(1, s.height);
    const int samples = std::clamp(s.samples, 1, I.maxSamples);
    const bool ao = s.ambientOcclusion && I.ensureLazy(I.ssao, I.ssaoReady, "fullscreen.vert", "ssao.frag") &&
                    I.ensureLazy(I.blur, I.blurReady, "fullscreen.vert", "blur.frag");
    I.ensureFramebuffers(w, h, samples, ao);
    I.uploadJoints(items);

    const glm::mat4 view = camera.view();
    const glm::mat4 proj = camera.projection(static_cast<float>(w) / static_cast<float>(h));

    // Sort: opaque (highlighted last so their outline draws over neighbours' edges), then
    // translucent items back to front; the floor on its own.
    std::vector<const gfx::DrawItem*> opaque, translucent, floors;
    for (const gfx::DrawItem& i : items) {
        if (!i.mesh) continue;
        if (isFloor(i)) {
            floors.push_back(&i);
            continue;
        }
        if ((i.flags & gfx::kGhosted) || i.material.alphaBlend) translucent.push_back(&i);
        else opaque.push_back(&i);
    }
    const auto depthOf = [&](const gfx::DrawItem* i) {
        const glm::vec3 c = i->bounds.empty() ? glm::vec3(i->transform[3]) : i->bounds.center();
        return (view * glm::vec4(c, 1.0f)).z; // more negative = farther
    };
    std::stable_sort(translucent.begin(), translucent.end(),
                     [&](const gfx::DrawItem* a, const gfx::DrawItem* b) { return depthOf(a) < depthOf(b); });
    // Opaque items front to back, so the depth test rejects hidden fragments before shading.
    std::stable_sort(opaque.begin(), opaque.end(),
                     [&](const gfx::DrawItem* a, const gfx::DrawItem* b) { return depthOf(a) > depthOf(b); });

    glDisable(GL_BLEND);
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LESS);
    glDepthMask(GL_TRUE);
    glFrontFace(GL_CCW);
    glCullFace(GL_BACK);
    glDisable(GL_SCISSOR_TEST);
    glDisable(GL_STENCIL_TEST);
    glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);

    // 1. Ambient occlusion: normals and depth of the opaque surfaces at half size.
    if (ao) {
        glBindFramebuffer(GL_FRAMEBUFFER, I.fb.preFbo);
        glViewport(0, 0, I.fb.aoWidth, I.fb.aoHeight);
        glClearColor(0.5f, 0.5f, 1.0f, 1.0f);
        glClearDepth(1.0);
        glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
        I.prepass.use();
        I.bindCommonTextures(I.prepass);
        I.setCamera(I.prepass, view, proj, camera, I.fb.aoHeight);
        for (const auto* i : opaque) I.drawItem(I.prepass, *i, Pass::Prepass);

        glDisable(GL_DEPTH_TEST);
        glDisable(GL_CULL_FACE);
        glBindVertexArray(I.emptyVao);
        glBindFramebuffer(GL_FRAMEBUFFER, I.fb.aoFbo);
        I.ssao.use();
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, I.fb.preDepth);
        glUniform1i(I.ssao.location("u_depth"), 0);
        glActiveTexture(GL_TEXTURE1);
        glBindTexture(GL_TEXTURE_2D, I.fb.preNormal);
        glUniform1i(I.ssao.location("u_normals"), 1);
        uploadMatrix(I.ssao.location("u_projection"), proj);
        uploadMatrix(I.ssao.location("u_inverseProjection"), glm::inverse(proj));
        glUniform1f(I.ssao.location("u_radius"), s.aoRadius);
        glUniform1f(I.ssao.location("u_strength"), s.aoStrength);
        glDrawArrays(GL_TRIANGLES, 0, 3);
        glBindFramebuffer(GL_FRAMEBUFFER, I.fb.blurFbo);
        I.blur.use();
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, I.fb.aoTex);
        glUniform1i(I.blur.location("u_source"), 0);
        glDrawArrays(GL_TRIANGLES, 0, 3);
        glActiveTexture(GL_TEXTURE0);
        glEnable(GL_DEPTH_TEST);
    }

    // 1b. The floor's contact shadow, from below.
    glm::vec4 contactRect(0.0f);
    const bool floorReady = !floors.empty() && I.ensureLazy(I.floor, I.floorReady, "mesh.vert", "surface.frag", "#define SURFACE_FLOOR 1\n");
    if (floorReady && s.contactShadow && I.ensureLazy(I.contact, I.contactReady, "fullscreen.vert", "contact.frag"))
        contactRect = I.renderContactShadow(opaque, floors.front()->transform[3].y);

    // 2. The lit scene, multisampled.
    glBindFramebuffer(GL_FRAMEBUFFER, I.fb.msaaFbo);
    glViewport(0, 0, w, h);
    const glm::vec4 bg = s.background;
    glClearColor(bg.r * bg.a, bg.g * bg.a, bg.b * bg.a, bg.a);
    glClearDepth(1.0);
    glClearStencil(0);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_2D, ao ? I.fb.blurTex : I.whiteTexture);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, I.whiteTexture);
    const auto usePass = [&](GlProgram& p) {
        p.use();
        I.bindCommonTextures(p);
        I.setCamera(p, view, proj, camera, h);
        glUniform1i(p.location("u_ao"), 1);
        glUniform1i(p.location("u_texture"), 0);
        glUniform1i(p.location("u_hasAO"), ao ? 1 : 0);
        glUniform2f(p.location("u_viewportSize"), static_cast<float>(w), static_cast<float>(h));
    };
    // Muscles and everything else in two runs (each front to back), one program each.
    for (int run = 0; run < 2; ++run) {
        GlProgram& p = run == 0 ? I.muscle : I.lit;
        bool any = false;
        for (const auto* i : opaque) any |= (i->material.kind == gfx::MaterialKind::Muscle) == (run == 0);
        if (!any) continue;
        usePass(p);
        for (const auto* i : opaque)
            if ((i->material.kind == gfx::MaterialKind::Muscle) == (run == 0)) I.drawItem(p, *i, Pass::Lit);
    }

    // 3. Selection outline: the outlined items' back faces pushed out by a few pixels, drawn
    //    behind everything already there, so only a rim outside the silhouette remains.
    if (s.outlinePixels > 0.0f) {
        bool any = false;
        for (const auto& i : items) any |= (i.flags & gfx::kOutlined) != 0;
        if (any) {
            usePass(I.flat);
            glUniform4fv(I.flat.location("u_flatColor"), 1, glm::value_ptr(s.outlineColor));
            // Never thinner than 1.5 pixels, so small figures keep a visible outline.
            glUniform1f(I.flat.location("u_outlinePixels"), std::max(1.5f, s.outlinePixels * s.pixelScale));
            glCullFace(GL_FRONT);
            for (const auto& i : items)
                if (i.flags & gfx::kOutlined) I.drawItem(I.flat, i, Pass::Outline);
            glCullFace(GL_BACK);
        }
    }

    // 3b. The floor: blended over what is there (it fades out at its rim), behind what stands on
    //     it, never clipped by the near and far planes (they are fitted to the body).
    if (floorReady) {
        usePass(I.floor);
        glActiveTexture(GL_TEXTURE4);
        glBindTexture(GL_TEXTURE_2D, contactRect.w > 0.0f ? I.contactTex : I.whiteTexture);
        glActiveTexture(GL_TEXTURE0);
        glUniform1i(I.floor.location("u_contact"), 4);
        glUniform4fv(I.floor.location("u_contactRect"), 1, glm::value_ptr(contactRect));
        glEnable(GL_BLEND);
        glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
        glDepthMask(GL_FALSE);
        glDepthFunc(GL_LEQUAL);
        glEnable(GL_DEPTH_CLAMP);
        for (const auto* f : floors) I.drawItem(I.floor, *f, Pass::Lit);
        glDisable(GL_DEPTH_CLAMP);
        glDepthFunc(GL_LESS);
        glDepthMask(GL_TRUE);
        glDisable(GL_BLEND);
    }

    // 4. Translucent items and ghosts, back to front, without writing depth.
    if (!translucent.empty()) {
        glEnable(GL_BLEND);
        glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
        glDepthMask(GL_FALSE);
        GlProgram* current = nullptr;
        for (const auto* i : translucent) {
            const bool ghost = (i->flags & gfx::kGhosted) != 0;
            GlProgram& p = ghost ? I.ghost : (i->material.kind == gfx::MaterialKind::Muscle ? I.muscle : I.lit);
            if (&p != current) {
                usePass(p);
                current = &p;
            }
            I.drawItem(p, *i, ghost ? Pass::Ghost : Pass::Lit);
        }
        glDepthMask(GL_TRUE);
        glDisable(GL_BLEND);
    }
    glBindVertexArray(0);

    // 5. Resolve into the target.
    glBindFramebuffer(GL_READ_FRAMEBUFFER, I.fb.msaaFbo);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, target);
    glBlitFramebuffer(0, 0, w, h, 0, 0, w, h, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, target);
    I.stats.meshesCached = I.cache.meshCount();
}

std::vector<std::uint32_t> Renderer::renderIds(std::span<const gfx::DrawItem> items, const gfx::Camera& camera,
                                               int width, int height, bool includeGhosts) {
    Impl& I = *m;
    std::vector<std::uint32_t> out(static_cast<std::size_t>(width) * static_cast<std::size_t>(height), 0);
    if (!I.ensureLazy(I.id, I.idReady, "mesh.vert", "id.frag")) return out;
    I.ensureIdTarget(width, height);
    I.uploadJoints(items);
    glBindFramebuffer(GL_FRAMEBUFFER, I.idFbo);
    glViewport(0, 0, width, height);
    const GLuint zero[4] = {0, 0, 0, 0};
    glClearBufferuiv(GL_COLOR, 0, zero);
    glClearDepth(1.0);
    glClear(GL_DEPTH_BUFFER_BIT);
    glDisable(GL_BLEND);
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LESS);
    glDepthMask(GL_TRUE);
    glFrontFace(GL_CCW);
    glCullFace(GL_BACK);
    I.id.use();
    I.bindCommonTextures(I.id);
    const glm::mat4 view = camera.view();
    const glm::mat4 proj = camera.projection(static_cast<float>(width) / static_cast<float>(height));
    I.setCamera(I.id, view, proj, camera, height);
    for (const gfx::DrawItem& i : items) {
        if (isFloor(i)) continue; // never picked, never hides what is under it
        if (!includeGhosts && ((i.flags & gfx::kGhosted) || i.material.alphaBlend)) continue;
        if (i.pickId == 0 && (i.flags & gfx::kGhosted)) continue; // a ghost that stands for nothing hides nothing (the body outline)
        I.drawItem(I.id, i, Pass::Id);
    }
    glBindVertexArray(0);
    std::vector<std::uint32_t> raw(out.size());
    glPixelStorei(GL_PACK_ALIGNMENT, 4);
    glReadBuffer(GL_COLOR_ATTACHMENT0);
    glReadPixels(0, 0, width, height, GL_RED_INTEGER, GL_UNSIGNED_INT, raw.data());
    for (int y = 0; y < height; ++y)
        std::memcpy(out.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(width),
                    raw.data() + static_cast<std::size_t>(height - 1 - y) * static_cast<std::size_t>(width),
                    static_cast<std::size_t>(width) * sizeof(std::uint32_t));
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return out;
}

std::uint32_t Renderer::pick(std::span<const gfx::DrawItem> items, const gfx::Camera& camera, int width, int height,
                             int x, int y, bool includeGhosts) {
    if (x < 0 || y < 0 || x >= width || y >= height) return 0;
    const auto ids = renderIds(items, camera, width, height, includeGhosts);
    return ids[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)];
}

void Renderer::downsample(const OffscreenTarget& source, OffscreenTarget& target, int factor) {
    Impl& I = *m;
    if (factor <= 1) {
        glBindFramebuffer(GL_READ_FRAMEBUFFER, source.framebuffer());
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, target.framebuffer());
        glBlitFramebuffer(0, 0, source.width(), source.height(), 0, 0, target.width(), target.height(),
                          GL_COLOR_BUFFER_BIT, GL_NEAREST);
        return;
    }
    if (!I.ensureLazy(I.down, I.downReady, "fullscreen.vert", "downsample.frag")) return;
    glBindFramebuffer(GL_FRAMEBUFFER, target.framebuffer());
    glViewport(0, 0, target.width(), target.height());
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_BLEND);
    glDisable(GL_CULL_FACE);
    I.down.use();
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, source.texture());
    glUniform1i(I.down.location("u_source"), 0);
    glUniform1i(I.down.location("u_factor"), factor);
    glBindVertexArray(I.emptyVao);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glBindVertexArray(0);
    glEnable(GL_DEPTH_TEST);
}

void Renderer::present(const OffscreenTarget& source, unsigned target, int x, int y, int w, int h) {
    Impl& I = *m;
    if (w <= 0 || h <= 0) return;
    if (!I.ensureLazy(I.present, I.presentReady, "fullscreen.vert", "present.frag")) {
        // No shader: an unfiltered blit still shows the picture.
        glBindFramebuffer(GL_READ_FRAMEBUFFER, source.framebuffer());
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, target);
        glBlitFramebuffer(0, 0, source.width(), source.height(), x, y, x + w, y + h, GL_COLOR_BUFFER_BIT, GL_NEAREST);
        glBindFramebuffer(GL_FRAMEBUFFER, target);
        return;
    }
    if (!I.linearSampler) {
        glGenSamplers(1, &I.linearSampler);
        glSamplerParameteri(I.linearSampler, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glSamplerParameteri(I.linearSampler, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glSamplerParameteri(I.linearSampler, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glSamplerParameteri(I.linearSampler, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, target);
    glViewport(x, y, w, h);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_BLEND);
    glDisable(GL_CULL_FACE);
    glDisable(GL_SCISSOR_TEST);
    I.present.use();
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, source.texture());
    glBindSampler(0, I.linearSampler);
    glUniform1i(I.present.location("u_source"), 0);
    glBindVertexArray(I.emptyVao);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glBindVertexArray(0);
    glBindSampler(0, 0);
    glEnable(GL_DEPTH_TEST);
}

} // namespace hv::render
