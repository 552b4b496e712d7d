// The program's own representation of a loaded or generated 3D model: nodes, meshes,
// materials, images, skins and animations. Every model file is converted into these types at
// exactly one boundary (src/io: one translation unit per third-party loader); nothing else sees
// tinygltf or Assimp types. Plain data, no OpenGL: meshes are uploaded lazily by the renderer.
//
// Frame and units: glTF's (right-handed, Y up, metres, +Z the model's front). HipView's
// anatomical ground frame (OpenSim: X anterior, Y up, Z right) maps into it by
// osimToGltf() below. Loaders convert other conventions (Z-up COLLADA, centimetre FBX) here.
#pragma once

#include <glm/glm.hpp>
#include <glm/gtc/quaternion.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hv::scene {

// OpenSim ground/body frame -> glTF frame: (x, y, z) -> (-z, y, x). A proper rotation.
inline glm::mat3 osimToGltfRotation() {
    return glm::mat3(glm::vec3(0, 0, 1), glm::vec3(0, 1, 0), glm::vec3(-1, 0, 0)); // columns
}
inline glm::vec3 osimToGltf(const glm::vec3& p) { return {-p.z, p.y, p.x}; }

// Up to this many joint influences per vertex (two glTF JOINTS_n/WEIGHTS_n sets).
inline constexpr int kMaxInfluences = 8;

struct MorphTarget {
    std::vector<glm::vec3> positionDeltas; // empty or one per vertex
    std::vector<glm::vec3> normalDeltas;   // empty or one per vertex
};

struct Primitive {
    std::vector<glm::vec3> positions;
    std::vector<glm::vec3> normals;   // empty: the renderer or loader computes flat/smooth ones
    std::vector<glm::vec2> texcoords0;
    std::vector<glm::vec2> texcoords1;
    std::vector<glm::vec4> colors;    // empty or one per vertex, linear RGBA
    // Skinning: influences per vertex, `influenceCount` of them (0 = not skinned), joint indices
    // into the skin's joint list; weights sum to 1. The loaders write 4 or 8 (one or two glTF
    // JOINTS_n/WEIGHTS_n sets); unused slots hold joint 0 with weight 0.
    int influenceCount = 0;
    std::vector<std::uint16_t> joints;  // vertexCount * influenceCount
    std::vector<float> weights;         // vertexCount * influenceCount
    std::vector<MorphTarget> morphTargets;
    // Triangles, counter-clockwise front faces. The loaders always fill it (a non-indexed file
    // gets 0, 1, 2, ...; strips and fans become lists) and every index is < positions.size().
    std::vector<std::uint32_t> indices;
    int material = -1;                  // -1: the default material
};

struct Mesh {
    std::string name;
    std::vector<Primitive> primitives;
    std::vector<float> defaultMorphWeights;
};

struct TextureRef {
    int image = -1;   // -1: none
    int texCoord = 0; // which UV set
    // KHR_texture_transform, if present
    glm::vec2 offset{0.0f};
    glm::vec2 scale{1.0f};
    float rotation = 0.0f;
};

enum class AlphaMode : std::uint8_t { Opaque, Mask, Blend };

struct Material {
    std::string name;
    glm::vec4 baseColor{0.8f, 0.8f, 0.8f, 1.0f}; // linear
    TextureRef baseColorTexture;
    float metallic = 0.0f;
    float roughness = 0.8f;
    AlphaMode alphaMode = AlphaMode::Opaque;
    float alphaCutoff = 0.5f;
    bool doubleSided = false;
};

struct Image {
    std::string name;
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba; // width * height * 4, sRGB-encoded colour
};

struct Node {
    std::string name;
    int parent = -1;
    std::vector<int> children;
    glm::vec3 translation{0.0f};
    glm::quat rotation{1.0f, 0.0f, 0.0f, 0.0f};
    glm::vec3 scale{1.0f};
    int mesh = -1;
    int skin = -1;
    // The node's own morph weights (glTF node.weights); empty: the mesh's defaultMorphWeights.
    std::vector<float> morphWeights;
};

struct Skin {
    std::string name;
    std::vector<int> joints;                     // node indices
    std::vector<glm::mat4> inverseBindMatrices;  // one per joint
    int skeleton = -1;                           // optional root node
};

enum class AnimationPath : std::uint8_t { Translation, Rotation, Scale, Weights };
enum class Interpolation : std::uint8_t { Linear, Step, CubicSpline };

struct AnimationChannel {
    int node = -1;
    AnimationPath path = AnimationPath::Translation;
    Interpolation interpolation = Interpolation::Linear;
    std::vector<float> times;  // seconds, ascending
    std::vector<float> values; // per key: 3 (T, S), 4 (R, xyzw) or morph-target-count floats;
                               // cubic spline keys hold in-tangent, value, out-tangent
};

struct Animation {
    std::string name;
    std::vector<AnimationChannel> channels;
    float duration = 0.0f; // seconds
};

// What a scene exported by `hipview export` says in its generator, so HipView knows its own
// exports again: "HipView 0.1.0 (hipview export)".
inline constexpr std::string_view kExportGeneratorMark = "(hipview export)";
// The end of a node's name that marks a piece of HipView's body outline in its own model: the
// piece on body "humerus_r" is the node "humerus_r_outline" (the generator writes it, the
// anatomy drawer draws it ghosted and unpicked).
inline constexpr std::string_view kOutlineNodeSuffix = "_outline";

struct Scene {
    std::string name;
    std::string generator; // the program that wrote the file, as the file says (glTF asset.generator); may be empty
    std::vector<Node> nodes;
    std::vector<int> roots; // nodes of the displayed scene with no parent
    std::vector<Mesh> meshes;
    std::vector<Material> materials;
    std::vector<Image> images;
    std::vector<Skin> skins;
    std::vector<Animation> animations;
    std::vector<std::string> warnings; // things the loader ignored or repaired, in words
};

} // namespace hv::scene
