// The glTF sample models of ../shared/testdata/models/gltf load with the counts their README
// gives (counted there from the files' own JSON), and their skins and animations evaluate.
#include "io/model_loader.hpp"
#include "scene/evaluate.hpp"
#include "scene/geometry.hpp"
#include "scene/validate.hpp"

#include "support/shared_models.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <set>

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

std::size_t vertexCount(const scene::Scene& s) {
    std::size_t n = 0;
    for (const auto& m : s.meshes)
        for (const auto& p : m.primitives)
            n += p.positions.size();
    return n;
}

std::size_t triangles(const scene::Scene& s) {
    std::size_t n = 0;
    for (const auto& m : s.meshes)
        for (const auto& p : m.primitives)
            n += scene::triangleCount(p);
    return n;
}

std::size_t channelCount(const scene::Scene& s) {
    std::size_t n = 0;
    for (const auto& a : s.animations)
        n += a.channels.size();
    return n;
}

void checkWeightsNormalised(const scene::Scene& s) {
    for (const auto& m : s.meshes)
        for (const auto& p : m.primitives) {
            if (p.influenceCount == 0) continue;
            const std::size_t k = static_cast<std::size_t>(p.influenceCount);
            REQUIRE(p.weights.size() == p.positions.size() * k);
            REQUIRE(p.joints.size() == p.positions.size() * k);
            for (std::size_t v = 0; v < p.positions.size(); ++v) {
                float sum = 0.0f;
                for (std::size_t i = 0; i < k; ++i)
                    sum += p.weights[v * k + i];
                CHECK(sum == doctest::Approx(1.0f).epsilon(1e-5));
            }
        }
}

// The skinned scene changes shape over the animation and stays finite.
void checkAnimates(const scene::Scene& s, int animation) {
    const scene::Animation& a = s.animations[static_cast<std::size_t>(animation)];
    REQUIRE(a.duration > 0.0f);
    const scene::Bounds rest = scene::sceneBounds(s, scene::evaluate(s));
    REQUIRE_FALSE(rest.empty());
    bool moved = false;
    for (int i = 0; i <= 4; ++i) {
        const scene::ScenePose pose =
            scene::evaluate(s, {animation, a.duration * static_cast<float>(i) / 4.0f, {}});
        const scene::Bounds b = scene::sceneBounds(s, pose);
        REQUIRE_FALSE(b.empty());
        CHECK(std::isfinite(b.radius()));
        if (glm::length(b.min - rest.min) + glm::length(b.max - rest.max) > 1e-3f * rest.radius())
            moved = true;
    }
    CHECK(moved);
}

} // namespace

TEST_CASE("CesiumMan loads with the same counts from .glb and from .gltf with external files") {
    const auto glb = testModel("gltf/CesiumMan/CesiumMan.glb");
    const auto gltf = testModel("gltf/CesiumMan/glTF/CesiumMan.gltf");
    if (!glb || !gltf) return;
    const scene::Scene a = load(*glb);
    const scene::Scene b = load(*gltf);
    for (const scene::Scene* s : {&a, &b}) {
        CHECK(s->nodes.size() == 22);
        REQUIRE(s->skins.size() == 1);
        CHECK(s->skins[0].joints.size() == 19);
        REQUIRE(s->animations.size() == 1);
        CHECK(s->animations[0].channels.size() == 57);
        CHECK(vertexCount(*s) == 3273);
        CHECK(triangles(*s) == 4672);
        REQUIRE(s->images.size() == 1);
        CHECK(s->images[0].width > 0);
        CHECK(s->images[0].rgba.size() ==
              static_cast<std::size_t>(s->images[0].width * s->images[0].height * 4));
        REQUIRE(s->materials.size() == 1);
        CHECK(s->materials[0].baseColorTexture.image == 0);
        checkWeightsNormalised(*s);
    }
    // The same data: positions, the decoded texture, and the pose half-way through the walk.
    CHECK(a.meshes[0].primitives[0].positions == b.meshes[0].primitives[0].positions);
    CHECK(a.images[0].rgba == b.images[0].rgba);
    const float t = a.animations[0].duration * 0.5f;
    const scene::ScenePose pa = scene::evaluate(a, {0, t, {}});
    const scene::ScenePose pb = scene::evaluate(b, {0, t, {}});
    for (std::size_t j = 0; j < pa.skinMatrices[0].size(); ++j)
        for (int c = 0; c < 4; ++c)
            for (int r = 0; r < 4; ++r)
                CHECK(pa.skinMatrices[0][j][c][r] ==
                      doctest::Approx(pb.skinMatrices[0][j][c][r]).epsilon(1e-5));
    checkAnimates(a, 0);
}

TEST_CASE("Fox has three named clips, 24 joints and a non-indexed primitive that gets normals") {
    const auto path = testModel("gltf/Fox/Fox.glb");
    if (!path) return;
    const scene::Scene s = load(*path);
    REQUIRE(s.animations.size() == 3);
    CHECK(s.animations[0].name == "Survey");
    CHECK(s.animations[1].name == "Walk");
    CHECK(s.animations[2].name == "Run");
    REQUIRE(s.skins.size() == 1);
    CHECK(s.skins[0].joints.size() == 24);
    CHECK(vertexCount(s) == 1728);
    CHECK(triangles(s) == 576);
    const scene::Primitive& p = s.meshes[0].primitives[0];
    // No index buffer in the file: the loader numbers the vertices in order.
    for (std::size_t i = 0; i < p.indices.size(); ++i)
        REQUIRE(p.indices[i] == i);
    // No NORMAL attribute in the file: generated, unit length.
    REQUIRE(p.normals.size() == 1728);
    for (const glm::vec3& n : p.normals)
        CHECK(glm::length(n) == doctest::Approx(1.0f).epsilon(1e-4));
    CHECK(s.images.size() == 1);
    CHECK(s.images[0].width > 0);
    checkWeightsNormalised(s);
    for (int a = 0; a < 3; ++a)
        checkAnimates(s, a);
    // Framing: the fox is about 25 x 79 x 155 units (the README's mesh bounds).
    const scene::Bounds b = scene::sceneBounds(s, scene::evaluate(s));
    const glm::vec3 size = b.size();
    const float longest = std::max({size.x, size.y, size.z});
    CHECK(longest == doctest::Approx(155.0f).epsilon(0.1));
}

TEST_CASE(
    "RecursiveSkeletons binds one mesh to 84 skins through 924 nodes without a scene property") {
    const auto path = testModel("gltf/RecursiveSkeletons/RecursiveSkeletons.glb");
    if (!path) return;
    const scene::Scene s = load(*path);
    CHECK(s.nodes.size() == 924);
    CHECK(s.skins.size() == 84);
    for (const auto& skin : s.skins)
        CHECK(skin.joints.size() == 10);
    CHECK(s.meshes.size() == 1);
    std::set<int> skinsUsed;
    int instances = 0;
    for (const auto& n : s.nodes)
        if (n.mesh == 0) {
            ++instances;
            skinsUsed.insert(n.skin);
        }
    CHECK(instances == 84);
    CHECK(skinsUsed.size() == 84);
    CHECK_FALSE(s.roots.empty()); // the default-scene fallback picked scene 0
    CHECK(channelCount(s) == 840);
    const scene::Primitive& p = s.meshes[0].primitives[0];
    CHECK(p.positions.size() == 40);
    CHECK(scene::triangleCount(p) == 76);
    CHECK(p.colors.size() == 40); // normalised UNSIGNED_BYTE colours
    for (const glm::vec4& c : p.colors)
        CHECK((c.r >= 0.0f && c.r <= 1.0f));
    checkWeightsNormalised(s);
    checkAnimates(s, 0);
}

TEST_CASE("SimpleSkin with external .bin files equals its embedded base64 variant") {
    const auto ext = testModel("gltf/SimpleSkin/glTF/SimpleSkin.gltf");
    const auto emb = testModel("gltf/SimpleSkin/glTF-Embedded/SimpleSkin.gltf");
    if (!ext || !emb) return;
    const scene::Scene a = load(*ext);
    const scene::Scene b = load(*emb);
    REQUIRE(a.meshes.size() == 1);
    REQUIRE(b.meshes.size() == 1);
    const scene::Primitive& pa = a.meshes[0].primitives[0];
    const scene::Primitive& pb = b.meshes[0].primitives[0];
    CHECK(pa.positions.size() == 10);
    CHECK(scene::triangleCount(pa) == 8);
    CHECK(pa.positions == pb.positions);
    CHECK(pa.indices == pb.indices);
    CHECK(pa.joints == pb.joints);
    CHECK(pa.weights == pb.weights);
    CHECK(pa.influenceCount == 4);
    CHECK(pa.material == -1); // no material: the default
    REQUIRE(a.skins.size() == 1);
    CHECK(a.skins[0].joints.size() == 2);
    CHECK(a.skins[0].inverseBindMatrices == b.skins[0].inverseBindMatrices);
    REQUIRE(a.animations.size() == 1);
    REQUIRE(b.animations.size() == 1);
    CHECK(a.animations[0].channels[0].values == b.animations[0].channels[0].values);
    CHECK(a.animations[0].channels[0].times == b.animations[0].channels[0].times);
    checkWeightsNormalised(a);
    // The skeleton root (node 1) is a separate scene root from the mesh node (node 0).
    CHECK(a.roots.size() == 2);
    checkAnimates(a, 0);
}

TEST_CASE(
    "RiggedSimple's skinned vertices sit where the node matrices put them, worked out by hand") {
    const auto path = testModel("gltf/RiggedSimple/RiggedSimple.glb");
    if (!path) return;
    const scene::Scene s = load(*path);
    REQUIRE(s.nodes.size() == 5);
    REQUIRE(s.skins.size() == 1);
    REQUIRE(s.skins[0].joints == std::vector<int>{3, 4});
    const scene::Primitive& p = s.meshes[0].primitives[0];
    REQUIRE(p.positions.size() == 160);
    CHECK(scene::triangleCount(p) == 188);
    const std::size_t k = static_cast<std::size_t>(p.influenceCount);
    REQUIRE(k == 4);

    // Bind pose. The inverse bind matrices undo Armature * Bone(.001), so each skinning matrix is
    // the root node "Z_UP" alone: its matrix has columns (1,0,0), (0,0,-1), (0,1,0), which maps a
    // mesh point (x, y, z) to (x, z, -y).
    const scene::ScenePose rest = scene::evaluate(s);
    const std::vector<glm::vec3> bind = scene::posedPositions(s, rest, 2, 0);
    REQUIRE(bind.size() == 160);
    for (std::size_t v = 0; v < 160; ++v) {
        const glm::vec3 m = p.positions[v];
        CHECK(bind[v].x == doctest::Approx(m.x).epsilon(1e-4));
        CHECK(bind[v].y == doctest::Approx(m.z).epsilon(1e-4));
        CHECK(bind[v].z == doctest::Approx(-m.y).epsilon(1e-4));
    }

    // Move joint 1 (Bone.001) by +1 m along scene X through a world override: its skinning matrix
    // becomes T(1,0,0) * Z_UP, joint 0's stays Z_UP, so a vertex with weight w1 on joint 1 moves
    // by exactly w1 along X.
    glm::mat4 moved = rest.world[4];
    moved[3] += glm::vec4(1.0f, 0.0f, 0.0f, 0.0f);
    const scene::WorldOverride override{4, moved};
    const scene::ScenePose pushed = scene::evaluate(s, {-1, 0.0f, std::span(&override, 1)});
    const std::vector<glm::vec3> shifted = scene::posedPositions(s, pushed, 2, 0);
    int blended = 0;
    for (std::size_t v = 0; v < 160; ++v) {
        float w1 = 0.0f;
        for (std::size_t i = 0; i < k; ++i)
            if (p.joints[v * k + i] == 1) w1 += p.weights[v * k + i];
        if (w1 > 0.0f && w1 < 1.0f) ++blended;
        CHECK(shifted[v].x == doctest::Approx(bind[v].x + w1).epsilon(1e-4));
        CHECK(shifted[v].y == doctest::Approx(bind[v].y).epsilon(1e-4));
    }
    CHECK(blended > 0); // the blend region between the two bones was exercised

    // The bend at its deepest: Bone.001's rotation keys are (x, ~0.0003, ~0, w) with w < 0, a turn
    // of 2 atan2(-x, -w) about its local X, which Armature (-90 deg about Z) and Z_UP carry onto
    // scene +Z. Its origin (the knee) is at Z_UP * Armature * (Bone + Bone.001 translations)
    // = (0.028, 0.0068, 0). A vertex bound only to Bone.001 turns about the knee by that angle.
    const scene::Animation& anim = s.animations[0];
    const scene::AnimationChannel* rot = nullptr;
    for (const auto& ch : anim.channels)
        if (ch.node == 4 && ch.path == scene::AnimationPath::Rotation) rot = &ch;
    REQUIRE(rot != nullptr);
    std::size_t deepest = 0;
    for (std::size_t key = 0; key < rot->times.size(); ++key)
        if (rot->values[key * 4] > rot->values[deepest * 4]) deepest = key;
    const float qx = rot->values[deepest * 4], qw = rot->values[deepest * 4 + 3];
    CHECK(qx > 0.25f); // a real bend, about 34 degrees
    const float angle = 2.0f * std::atan2(-qx, -qw);
    const glm::vec3 knee(0.0279775f, 0.0067471f, 0.0f);
    const scene::ScenePose end = scene::evaluate(s, {0, rot->times[deepest], {}});
    const std::vector<glm::vec3> bent = scene::posedPositions(s, end, 2, 0);
    int checked = 0;
    for (std::size_t v = 0; v < 160; ++v) {
        if (!(p.joints[v * k] == 1 && p.weights[v * k] == 1.0f)) continue;
        const glm::vec3 r = bind[v] - knee;
        const glm::vec3 expected =
            knee + glm::vec3(std::cos(angle) * r.x - std::sin(angle) * r.y,
                             std::sin(angle) * r.x + std::cos(angle) * r.y, r.z);
        CHECK(glm::length(bent[v] - expected) < 0.01f);
        ++checked;
    }
    CHECK(checked > 10);
}

TEST_CASE("RiggedFigure loads its 19-joint skeleton and poses it") {
    const auto path = testModel("gltf/RiggedFigure/RiggedFigure.glb");
    if (!path) return;
    const scene::Scene s = load(*path);
    CHECK(s.nodes.size() == 22);
    REQUIRE(s.skins.size() == 1);
    CHECK(s.skins[0].joints.size() == 19);
    CHECK(vertexCount(s) == 370);
    CHECK(triangles(s) == 256);
    CHECK(channelCount(s) == 57);
    CHECK(s.images.empty());
    checkWeightsNormalised(s);
    checkAnimates(s, 0);
}

TEST_CASE(
    "AnimatedMorphCube's two morph targets are read and its weight animation changes the shape") {
    const auto path = testModel("gltf/AnimatedMorphCube/AnimatedMorphCube.glb");
    if (!path) return;
    const scene::Scene s = load(*path);
    REQUIRE(s.meshes.size() == 1);
    const scene::Primitive& p = s.meshes[0].primitives[0];
    REQUIRE(p.morphTargets.size() == 2);
    CHECK(p.morphTargets[0].positionDeltas.size() == p.positions.size());
    CHECK(p.morphTargets[1].normalDeltas.size() == p.positions.size());
    CHECK(s.meshes[0].defaultMorphWeights == std::vector<float>{0.0f, 0.0f});
    REQUIRE(s.animations.size() == 1);
    CHECK(s.animations[0].name == "Square");
    REQUIRE(s.animations[0].channels.size() == 1);
    CHECK(s.animations[0].channels[0].path == scene::AnimationPath::Weights);
    bool changed = false;
    const scene::ScenePose rest = scene::evaluate(s);
    REQUIRE(rest.morphWeights[0].size() == 2);
    const std::vector<glm::vec3> restPos = scene::posedPositions(s, rest, 0, 0);
    for (int i = 1; i <= 8; ++i) {
        const scene::ScenePose pose =
            scene::evaluate(s, {0, s.animations[0].duration * static_cast<float>(i) / 8.0f, {}});
        if (pose.morphWeights[0][0] != 0.0f || pose.morphWeights[0][1] != 0.0f) {
            const std::vector<glm::vec3> pos = scene::posedPositions(s, pose, 0, 0);
            for (std::size_t v = 0; v < pos.size(); ++v)
                if (glm::length(pos[v] - restPos[v]) > 1e-4f) changed = true;
        }
    }
    CHECK(changed);
    // Tiny model (about +-0.01 units, scaled by 100 in its node): bounds still frame it.
    const scene::Bounds b = scene::sceneBounds(s, rest);
    CHECK(b.radius() > 0.5f);
    CHECK(b.radius() < 5.0f);
}

TEST_CASE("SimpleSparseAccessor's sparse POSITION values replace the base values") {
    const auto path = testModel("gltf/SimpleSparseAccessor/SimpleSparseAccessor.gltf");
    if (!path) return;
    const scene::Scene s = load(*path);
    const scene::Primitive& p = s.meshes[0].primitives[0];
    CHECK(p.positions.size() == 14);
    CHECK(scene::triangleCount(p) == 12);
    // The base buffer view holds two rows, (0..6, 0, 0) and (0..6, 1, 0); the sparse part replaces
    // vertices 8, 10 and 12 with (1, 2, 0), (3, 3, 0) and (5, 4, 0).
    CHECK(p.positions[8] == glm::vec3(1, 2, 0));
    CHECK(p.positions[10] == glm::vec3(3, 3, 0));
    CHECK(p.positions[12] == glm::vec3(5, 4, 0));
    CHECK(p.positions[9] == glm::vec3(2, 1, 0));
    CHECK(p.positions[13] == glm::vec3(6, 1, 0));
    const scene::Bounds b = scene::primitiveBounds(p);
    CHECK(b.max.x == 6.0f);
    CHECK(b.max.y == 4.0f);
}

TEST_CASE("MultiUVTest reads two UV sets and its camera node is ignored") {
    const auto path = testModel("gltf/MultiUVTest/MultiUVTest.glb");
    if (!path) return;
    const scene::Scene s = load(*path);
    CHECK(s.nodes.size() == 3);
    const scene::Primitive& p = s.meshes[0].primitives[0];
    CHECK(p.texcoords0.size() == p.positions.size());
    CHECK(p.texcoords1.size() == p.positions.size());
    CHECK(p.texcoords0 != p.texcoords1);
    REQUIRE(s.images.size() == 2);
    for (const auto& img : s.images)
        CHECK(img.rgba.size() == static_cast<std::size_t>(img.width * img.height * 4));
    REQUIRE(s.materials.size() == 1);
    CHECK(s.materials[0].baseColorTexture.image >= 0);
    CHECK(s.materials[0].baseColorTexture.texCoord == 0);
}

TEST_CASE("TriangleWithoutIndices is one triangle with the default material") {
    const auto path = testModel("gltf/TriangleWithoutIndices/TriangleWithoutIndices.gltf");
    if (!path) return;
    const scene::Scene s = load(*path);
    REQUIRE(s.meshes.size() == 1);
    const scene::Primitive& p = s.meshes[0].primitives[0];
    CHECK(p.positions.size() == 3);
    CHECK(p.indices == std::vector<std::uint32_t>{0, 1, 2});
    CHECK(p.material == -1);
    CHECK(p.normals.size() == 3);
    // Counter-clockwise triangle in the XY plane: the generated normal faces +Z.
    CHECK(p.normals[0].z == doctest::Approx(1.0f));
}

TEST_CASE("TextureTransformTest reads its external PNGs and KHR_texture_transform") {
    const auto path = testModel("gltf/TextureTransformTest/TextureTransformTest.gltf");
    if (!path) return;
    const scene::Scene s = load(*path);
    CHECK(s.nodes.size() == 12);
    CHECK(s.meshes.size() == 9);
    REQUIRE(s.materials.size() == 9);
    REQUIRE(s.images.size() == 5);
    for (const auto& img : s.images) {
        CHECK(img.width > 0);
        CHECK(img.rgba.size() == static_cast<std::size_t>(img.width * img.height * 4));
    }
    CHECK(s.materials[0].baseColorTexture.offset == glm::vec2(0.5f, 0.0f));
    CHECK(s.materials[3].baseColorTexture.rotation == doctest::Approx(0.39269908f));
    CHECK(s.materials[4].baseColorTexture.scale == glm::vec2(1.5f, 1.5f));
    CHECK(s.materials[5].baseColorTexture.offset == glm::vec2(-0.2f, -0.1f));
    CHECK(s.materials[6].baseColorTexture.image == 2);
    CHECK(s.materials[6].baseColorTexture.scale == glm::vec2(1.0f, 1.0f));
}
