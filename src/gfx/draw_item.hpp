// The renderer's vocabulary: what one thing drawn is (a mesh with a transform, a material,
// flags and a pick id). Plain data, no OpenGL; the anatomy drawer (src/anatomy_draw) builds lists
// of these, the renderer (src/render) draws them, GL-free code (framing, tests) reads them.
//
// Frame and units: everything is in the scene frame, glTF's (right handed, Y up, +Z the
// subject's front, metres). Colours are linear RGBA.
//
// Meshes are CPU value objects (scene::Primitive) shared by pointer: the renderer uploads each
// one on first use and keeps it while a draw item still holds the pointer, so a mesh that is
// rebuilt (a muscle at a new pose) is a new pointer and a loaded model's meshes are uploaded once.
#pragma once

#include "scene/geometry.hpp"
#include "scene/scene.hpp"

#include <glm/glm.hpp>

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

namespace hv::gfx {

using MeshPtr = std::shared_ptr<const scene::Primitive>;
using ImagePtr = std::shared_ptr<const scene::Image>;
using MatricesPtr = std::shared_ptr<const std::vector<glm::mat4>>;

// How a surface is shaded: the renderer gives each kind its own look.
enum class MaterialKind : std::uint8_t {
    Generic, // a third-party model's material: base colour (and texture), roughness
    Bone,    // ivory, matte, slightly translucent-looking
    Muscle,  // moist red-brown flesh with fibre striations along texcoord0.x; tendons outside
             // `bellyRange` are silvery white
    Wrap,    // a wrap surface shown as a teaching aid: pale glass
    // The floor under the body: a flat, unlit-looking plane in baseColor, fading out towards its
    // rim (texcoord0: the point in the unit disc, radius 1 at the rim), darkened by the contact
    // shadow of the opaque items above it, invisible from below. Drawn after the opaque items,
    // never picked, never occluding anything above it.
    Floor,
};

struct Material {
    MaterialKind kind = MaterialKind::Generic;
    glm::vec4 baseColor{0.8f, 0.8f, 0.8f, 1.0f}; // linear RGBA
    ImagePtr baseColorTexture;                    // sRGB RGBA8, or null
    int texCoord = 0;                             // which UV set the texture reads (0 or 1)
    glm::mat3 uvTransform{1.0f};                  // KHR_texture_transform as a 2D affine matrix
    float roughness = 0.6f;
    bool useVertexColors = false;                 // multiply by the mesh's COLOR_0
    bool doubleSided = false;                     // no back-face culling
    bool alphaBlend = false;                      // the material itself is translucent
    float alphaCutoff = -1.0f;                    // >= 0: discard fragments with alpha below it
    // Muscles: the fleshy belly's range of texcoord0.x (0 = origin, 1 = insertion); outside it the
    // surface is tendon.
    glm::vec2 bellyRange{0.0f, 1.0f};
    // Muscles: pale bands across the belly, a cue that does not rely on colour (the role
    // colouring marks one sense of each pair with it).
    bool banded = false;
    // Muscles: tendinous intersections, narrow tendon-white bands across the belly at these
    // texcoord0.x positions (the first `intersectionCount`).
    std::array<float, 4> intersections{};
    int intersectionCount = 0;
};

// Bits of DrawItem::flags.
enum DrawFlag : std::uint32_t {
    kHighlighted = 1u << 0, // drawn in full colour, a little brighter
    kGhosted = 1u << 1,     // drawn as a faint x-ray (translucent, rim-lit), never occludes
    kOutlined = 1u << 2,    // a selection outline around its silhouette
    kNoFraming = 1u << 3,   // left out when a camera frames the scene (e.g. the lower legs)
};

struct DrawItem {
    MeshPtr mesh;
    glm::mat4 transform{1.0f}; // mesh frame -> scene frame (ignored when skinned)
    // Skinning: one matrix per joint of the mesh's skin (scene frame <- bind frame, i.e. joint
    // world * inverse bind). Null or empty: not skinned. Shared between items of one skin.
    MatricesPtr jointMatrices;
    std::vector<float> morphWeights; // one per morph target of the mesh; missing ones are 0
    Material material;
    std::uint32_t flags = 0;
    std::uint32_t pickId = 0; // 0: not pickable; else an id the item's owner gives meaning
                              // (the anatomy drawer: 1 + index into its DrawList::pickTargets)
    scene::Bounds bounds;     // scene-frame box of the posed mesh (framing, sorting); may be loose

    bool skinned() const { return jointMatrices && !jointMatrices->empty() && mesh && mesh->influenceCount > 0; }
};

} // namespace hv::gfx
