// The Assimp-format models of ../shared/testdata/models/assimp load with the counts their README
// gives, their skins bind and their animations play, converted to Y up.
#include "io/model_loader.hpp"
#include "scene/evaluate.hpp"
#include "scene/geometry.hpp"
#include "scene/validate.hpp"

#include "support/shared_models.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

using namespace hv;
using hv::test::testModel;

namespace {

scene::Scene load(const std::filesystem::path& path) {
    io::ModelLoad r = io::loadModel(path);
    INFO(formatAll(r.diagnostics));
    REQUIRE(r.ok());
    const std::vector<std::string> problems = scene::validateScene(*r.scene);
    INFO((problems.empty() ? std::string() : problems.front()));
    CHECK(problems.empty());
    return std::move(*r.scene);
}

std::size_t triangles(const scene::Scene& s) {
    std::size_t n = 0;
    for (const auto& m : s.meshes)
        for (const auto& p : m.primitives)
            n += scene::triangleCount(p);
    return n;
}

// At the bind pose a skinned vertex must land where the unskinned mesh would be drawn by its node
// (Assimp's offset matrices are inverse bind matrices that include the mesh node's placement),
// which checks the joint indices, the weights and the offset-matrix conversion together.
// `animation` -1: the nodes' own transforms; else the pose at that animation's time 0.
// `meshNodeApplies` false: the mesh node's own local transform is left out of the rigid
// placement (DirectX skins in the mesh frame's parent space). Returns the largest distance,
// relative to the model's size.
float bindPoseMismatch(const scene::Scene& s, int animation, bool meshNodeApplies = true) {
    const scene::ScenePose pose = scene::evaluate(s, {animation, 0.0f, {}});
    const float size = std::max(scene::sceneBounds(s, pose).radius(), 1e-6f);
    float worst = 0.0f;
    int skinned = 0;
    for (std::size_t n = 0; n < s.nodes.size(); ++n) {
        const scene::Node& node = s.nodes[n];
        if (node.mesh < 0 || node.skin < 0) continue;
        glm::mat4 place = pose.world[n];
        if (!meshNodeApplies)
            place = node.parent >= 0 ? pose.world[static_cast<std::size_t>(node.parent)]
                                     : glm::mat4(1.0f);
        const auto& prims = s.meshes[static_cast<std::size_t>(node.mesh)].primitives;
        for (std::size_t p = 0; p < prims.size(); ++p) {
            const std::vector<glm::vec3> posed =
                scene::posedPositions(s, pose, static_cast<int>(n), static_cast<int>(p));
            for (std::size_t v = 0; v < posed.size(); ++v) {
                const glm::vec3 rigid = glm::vec3(place * glm::vec4(prims[p].positions[v], 1.0f));
                worst = std::max(worst, glm::length(posed[v] - rigid) / size);
            }
            ++skinned;
        }
    }
    REQUIRE(skinned > 0);
    return worst;
}

void checkAnimationMoves(const scene::Scene& s, int animation) {
    const scene::Animation& a = s.animations[static_cast<std::size_t>(animation)];
    REQUIRE(a.duration > 0.0f);
    REQUIRE_FALSE(a.channels.empty());
    const scene::Bounds rest = scene::sceneBounds(s, scene::evaluate(s, {animation, 0.0f, {}}));
    bool moved = false;
    for (int i = 1; i <= 8; ++i) {
        const scene::Bounds b = scene::sceneBounds(
            s, scene::evaluate(s, {animation, a.duration * static_cast<float>(i) / 8.0f, {}}));
        REQUIRE_FALSE(b.empty());
        if (glm::length(b.min - rest.min) + glm::length(b.max - rest.max) > 1e-3f * rest.radius())
            moved = true;
    }
    CHECK(moved);
}

} // namespace

TEST_CASE("spider.obj and Spider_binary.stl both have 1368 triangles") {
    const auto obj = testModel("assimp/obj/spider.obj");
    const auto stl = testModel("assimp/stl/Spider_binary.stl");
    if (!obj || !stl) return;
    const scene::Scene a = load(*obj);
    const scene::Scene b = load(*stl);
    CHECK(triangles(a) == 1368);
    CHECK(triangles(b) == 1368);
}

TEST_CASE("spider.obj reads its Windows-style backslash texture paths and its 19 groups") {
    const auto obj = testModel("assimp/obj/spider.obj");
    if (!obj) return;
    const io::ModelLoad r = io::loadModel(*obj);
    INFO(formatAll(r.diagnostics));
    REQUIRE(r.ok());
    const scene::Scene& s = *r.scene;
    CHECK(s.meshes.size() == 19);
    // 5 materials with a map_Kd, each a different JPEG in the model's folder.
    int textured = 0;
    for (const auto& m : s.materials) {
        if (m.baseColorTexture.image < 0) continue;
        ++textured;
        const auto& img = s.images[static_cast<std::size_t>(m.baseColorTexture.image)];
        CHECK(img.width > 0);
        CHECK(img.rgba.size() == static_cast<std::size_t>(img.width * img.height * 4));
    }
    CHECK(textured == 5);
    CHECK(r.diagnostics.empty());
    // UVs are flipped to glTF's top-left origin and stay in the texture.
    for (const auto& m : s.meshes)
        for (const auto& p : m.primitives)
            for (const glm::vec2& uv : p.texcoords0)
                CHECK(std::isfinite(uv.y));
}

TEST_CASE("the FBX armature binds 14 weighted bones of its 16-bone skeleton and plays its stack") {
    const auto path = testModel("assimp/fbx/animation_with_skeleton.fbx");
    if (!path) return;
    const scene::Scene s = load(*path);
    REQUIRE(s.skins.size() == 1);
    CHECK(s.skins[0].joints.size() == 14);
    int bones = 0;
    for (const auto& n : s.nodes)
        if (n.name.rfind("Bone", 0) == 0 && n.name.find("_end") == std::string::npos) ++bones;
    CHECK(bones == 14); // Bone .. Bone.013 (plus two _end leaves: 16 LimbNodes)
    REQUIRE(s.animations.size() == 1);
    CHECK(s.animations[0].name == "Armature|ArmatureAction");
    CHECK(s.animations[0].duration == doctest::Approx(20.0f / 24.0f)); // 20 frames at 24 fps
    // Blender wrote the bind pose as the stack's first frame; the nodes' own transforms hold
    // another pose, so the check runs at time 0 of the animation.
    CHECK(bindPoseMismatch(s, 0) < 1e-3f);
    checkAnimationMoves(s, 0);
    // FBX's centimetres become metres: a root node scales by UnitScaleFactor / 100.
    REQUIRE_FALSE(s.roots.empty());
    const scene::Node& root = s.nodes[static_cast<std::size_t>(s.roots[0])];
    CHECK(root.name == "<up/unit fix>");
    CHECK(root.scale.x == doctest::Approx(0.01f));
}

TEST_CASE(
    "the COLLADA file's two animation clips become two named animations, Z up turned to Y up") {
    const auto path = testModel("assimp/collada/library_animation_clips.dae");
    if (!path) return;
    const scene::Scene s = load(*path);
    REQUIRE(s.animations.size() == 2);
    CHECK(s.animations[0].name == "bend");
    CHECK(s.animations[1].name == "turn");
    REQUIRE(s.skins.size() == 1);
    int jointNodes = 0;
    for (const auto& n : s.nodes)
        if (n.name.rfind("id-bone-", 0) == 0) ++jointNodes;
    CHECK(jointNodes == 5);
    for (const auto& p : s.meshes[0].primitives)
        CHECK(p.influenceCount == 4);
    CHECK(bindPoseMismatch(s, -1) < 1e-3f);
    checkAnimationMoves(s, 0);
    checkAnimationMoves(s, 1);
    // The bone chain stands along the file's +Z, which is the scene's +Y after conversion.
    const scene::Bounds b = scene::sceneBounds(s, scene::evaluate(s));
    const glm::vec3 size = b.size();
    CHECK(size.y > size.x);
    CHECK(size.y > size.z);
}

TEST_CASE("the DirectX .x character's three skinned meshes share one skeleton and jump") {
    const auto path = testModel("assimp/x/BCN_Epileptic.X");
    if (!path) return;
    const scene::Scene s = load(*path);
    CHECK(s.meshes.size() == 3);
    REQUIRE(s.skins.size() == 3);
    std::vector<std::size_t> joints;
    for (const auto& skin : s.skins)
        joints.push_back(skin.joints.size());
    std::sort(joints.begin(), joints.end());
    CHECK(joints == std::vector<std::size_t>{10, 20, 24}); // XSkinMeshHeader bone counts
    // One skeleton: the bones of all three meshes are nodes of the one hierarchy under the pelvis
    // root frame, found by name, not three copies.
    int underPelvis = 0, total = 0;
    for (const auto& skin : s.skins)
        for (int j : skin.joints) {
            ++total;
            for (int k = j; k >= 0; k = s.nodes[static_cast<std::size_t>(k)].parent)
                if (s.nodes[static_cast<std::size_t>(k)].name == "B_Root_Pelvis_L") {
                    ++underPelvis;
                    break;
                }
        }
    CHECK(total == 54);
    CHECK(underPelvis == total);
    CHECK(s.nodes.size() == 58); // 57 frames under Assimp's "$dummy_root"
    REQUIRE(s.animations.size() == 1);
    CHECK(s.animations[0].channels.size() == 171); // 57 tracks x (T, R, S)
    // Direct3D skins in the space of the mesh frame's parent: the mesh frames' own -90 degree turn
    // about X is not applied to skinned vertices (the same rule as glTF's), which is what stands
    // the character upright.
    CHECK(bindPoseMismatch(s, -1, false) < 1e-3f);
    checkAnimationMoves(s, 0);
    // Upright: taller than wide.
    const glm::vec3 size = scene::sceneBounds(s, scene::evaluate(s)).size();
    CHECK(size.y > size.x);
    CHECK(size.y > size.z);
}

TEST_CASE("skin weights from Assimp formats are normalised and at most 8 per vertex") {
    for (const char* file :
         {"assimp/fbx/animation_with_skeleton.fbx", "assimp/collada/library_animation_clips.dae",
          "assimp/x/BCN_Epileptic.X"}) {
        const auto path = testModel(file);
        if (!path) return;
        const scene::Scene s = load(*path);
        for (const auto& m : s.meshes)
            for (const auto& p : m.primitives) {
                if (p.influenceCount == 0) continue;
                CHECK(p.influenceCount <= scene::kMaxInfluences);
                const std::size_t k = static_cast<std::size_t>(p.influenceCount);
                for (std::size_t v = 0; v < p.positions.size(); ++v) {
                    float sum = 0.0f;
                    for (std::size_t i = 0; i < k; ++i)
                        sum += p.weights[v * k + i];
                    CHECK(sum == doctest::Approx(1.0f).epsilon(1e-5));
                }
            }
    }
}
