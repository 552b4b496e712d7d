// Scene evaluation on small hand-built scenes whose answers are known without a computer.
#include "scene/evaluate.hpp"
#include "scene/geometry.hpp"

#include <doctest/doctest.h>

#include <glm/gtc/constants.hpp>
#include <glm/gtc/matrix_transform.hpp>

#include <cmath>
#include <limits>

using namespace hv::scene;

namespace {

// root (translated +1 X) -> child (translated +2 Y) -> grandchild (no transform)
Scene chain() {
    Scene s;
    s.nodes.resize(3);
    s.nodes[0].translation = {1, 0, 0};
    s.nodes[0].children = {1};
    s.nodes[1].parent = 0;
    s.nodes[1].translation = {0, 2, 0};
    s.nodes[1].children = {2};
    s.nodes[2].parent = 1;
    s.roots = {0};
    return s;
}

AnimationChannel channel(int node, AnimationPath path, Interpolation interp,
                         std::vector<float> times, std::vector<float> values) {
    AnimationChannel c;
    c.node = node;
    c.path = path;
    c.interpolation = interp;
    c.times = std::move(times);
    c.values = std::move(values);
    return c;
}

glm::vec3 origin(const glm::mat4& m) {
    return glm::vec3(m[3]);
}

} // namespace

TEST_CASE("world matrices compose parent before child") {
    const Scene s = chain();
    const ScenePose pose = evaluate(s);
    CHECK(origin(pose.world[2]) == glm::vec3(1, 2, 0));
}

TEST_CASE("a node's TRS applies scale, then rotation, then translation") {
    LocalTransform t;
    t.translation = {0, 0, 5};
    t.rotation = glm::angleAxis(glm::half_pi<float>(), glm::vec3(0, 0, 1)); // +X -> +Y
    t.scale = {2, 1, 1};
    const glm::vec3 p = glm::vec3(t.matrix() * glm::vec4(1, 0, 0, 1));
    CHECK(p.x == doctest::Approx(0.0f).epsilon(1e-6));
    CHECK(p.y == doctest::Approx(2.0f));
    CHECK(p.z == doctest::Approx(5.0f));
}

TEST_CASE("linear translation keys interpolate and hold their ends") {
    Scene s = chain();
    Animation a;
    a.channels.push_back(
        channel(1, AnimationPath::Translation, Interpolation::Linear, {1, 3}, {0, 0, 0, 0, 4, 0}));
    a.duration = 3;
    s.animations.push_back(a);
    CHECK(origin(evaluate(s, {0, 2.0f, {}}).world[1]) == glm::vec3(1, 2, 0)); // half way: y = 2
    CHECK(origin(evaluate(s, {0, 0.0f, {}}).world[1]) ==
          glm::vec3(1, 0, 0)); // before the first key
    CHECK(origin(evaluate(s, {0, 10.0f, {}}).world[1]) == glm::vec3(1, 4, 0)); // after the last key
}

TEST_CASE("step keys jump at each key time") {
    Scene s = chain();
    Animation a;
    a.channels.push_back(
        channel(1, AnimationPath::Translation, Interpolation::Step, {0, 1}, {0, 0, 0, 0, 4, 0}));
    s.animations.push_back(a);
    CHECK(origin(evaluate(s, {0, 0.99f, {}}).world[1]).y == 0.0f);
    CHECK(origin(evaluate(s, {0, 1.0f, {}}).world[1]).y == 4.0f);
}

TEST_CASE("cubic spline keys follow glTF's Hermite form with tangents scaled by the key interval") {
    // Keys at t = 0 and 2, values 0 and 1, out-tangent of key 0 = 1, in-tangent of key 1 = 0.
    // At s = 0.5: 0.5 * 0 + (s^3 - 2s^2 + s) * dt * b0 + 0.5 * 1 + (s^3 - s^2) * dt * a1
    //           = 0.125 * 2 * 1 + 0.5 = 0.75
    Scene s = chain();
    Animation a;
    // per key: in-tangent (3), value (3), out-tangent (3)
    a.channels.push_back(
        channel(1, AnimationPath::Translation, Interpolation::CubicSpline, {0, 2},
                {0, 0, 0, 0, 0, 0, 1, 0, 0, /* key 1 */ 0, 0, 0, 1, 0, 0, 0, 0, 0}));
    s.animations.push_back(a);
    CHECK(origin(evaluate(s, {0, 1.0f, {}}).world[1]).x == doctest::Approx(1.0f + 0.75f));
    CHECK(origin(evaluate(s, {0, 2.0f, {}}).world[1]).x == doctest::Approx(2.0f));
}

TEST_CASE("rotation keys slerp along the shorter arc") {
    Scene s = chain();
    Animation a;
    // 0 deg and 170 deg about Z, the second written with the opposite sign (-q is the same turn).
    const glm::quat q0(1, 0, 0, 0);
    const glm::quat q1 = -glm::angleAxis(glm::radians(170.0f), glm::vec3(0, 0, 1));
    a.channels.push_back(channel(0, AnimationPath::Rotation, Interpolation::Linear, {0, 1},
                                 {q0.x, q0.y, q0.z, q0.w, q1.x, q1.y, q1.z, q1.w}));
    s.animations.push_back(a);
    const glm::mat4 w = evaluate(s, {0, 0.5f, {}}).world[0];
    const glm::vec3 x = glm::normalize(glm::vec3(w[0]));
    // Half of 170 degrees is 85 degrees.
    CHECK(std::atan2(x.y, x.x) == doctest::Approx(glm::radians(85.0f)).epsilon(1e-4));
}

TEST_CASE("a world override moves the node and its descendants") {
    const Scene s = chain();
    const WorldOverride o{1, glm::translate(glm::mat4(1.0f), glm::vec3(10, 0, 0))};
    const ScenePose pose = evaluate(s, {-1, 0.0f, std::span(&o, 1)});
    CHECK(origin(pose.world[0]) == glm::vec3(1, 0, 0));
    CHECK(origin(pose.world[1]) == glm::vec3(10, 0, 0));
    CHECK(origin(pose.world[2]) == glm::vec3(10, 0, 0));
}

TEST_CASE("a parent cycle does not hang world matrix evaluation") {
    Scene s;
    s.nodes.resize(2);
    s.nodes[0].parent = 1;
    s.nodes[1].parent = 0;
    s.nodes[0].translation = {1, 0, 0};
    s.nodes[1].translation = {0, 1, 0};
    const std::vector<glm::mat4> w = worldMatrices(s, restPose(s));
    REQUIRE(w.size() == 2);
    CHECK(std::isfinite(w[0][3][0]));
}

TEST_CASE(
    "skinning matrices are joint world times inverse bind, ignoring the mesh node's transform") {
    Scene s;
    s.nodes.resize(2);
    s.nodes[0].translation = {100, 0, 0}; // the skinned mesh node: must not matter
    s.nodes[0].mesh = 0;
    s.nodes[0].skin = 0;
    s.nodes[1].translation = {0, 3, 0}; // the joint
    s.roots = {0, 1};
    Skin skin;
    skin.joints = {1};
    skin.inverseBindMatrices = {glm::translate(glm::mat4(1.0f), glm::vec3(0, -1, 0))};
    s.skins.push_back(skin);
    Primitive p;
    p.positions = {{0, 1, 0}, {1, 1, 0}, {0, 1, 1}};
    p.indices = {0, 1, 2};
    p.influenceCount = 4;
    p.joints = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    p.weights = {1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0};
    s.meshes.push_back(Mesh{"m", {p}, {}});
    const ScenePose pose = evaluate(s);
    // joint world T(0,3,0) * inverse bind T(0,-1,0) = T(0,2,0)
    CHECK(origin(pose.skinMatrices[0][0]) == glm::vec3(0, 2, 0));
    const std::vector<glm::vec3> v = posedPositions(s, pose, 0, 0);
    CHECK(v[0] == glm::vec3(0, 3, 0));
    CHECK(v[1] == glm::vec3(1, 3, 0));
}

TEST_CASE("blended weights average the joints' transforms") {
    Primitive p;
    p.positions = {{0, 0, 0}};
    p.influenceCount = 4;
    p.joints = {0, 1, 0, 0};
    p.weights = {0.25f, 0.75f, 0, 0};
    const std::vector<glm::mat4> m = {glm::translate(glm::mat4(1.0f), glm::vec3(4, 0, 0)),
                                      glm::translate(glm::mat4(1.0f), glm::vec3(0, 4, 0))};
    const std::vector<glm::vec3> out = skinPositions(p, p.positions, m);
    CHECK(out[0] == glm::vec3(1, 3, 0));
}

TEST_CASE("morph weights add their targets' deltas") {
    Primitive p;
    p.positions = {{0, 0, 0}, {1, 0, 0}};
    p.morphTargets.push_back({{{0, 1, 0}, {0, 1, 0}}, {}});
    p.morphTargets.push_back({{{0, 0, 2}, {0, 0, 0}}, {}});
    const std::vector<float> w = {0.5f, 1.0f};
    const std::vector<glm::vec3> out = morphPositions(p, w);
    CHECK(out[0] == glm::vec3(0, 0.5f, 2));
    CHECK(out[1] == glm::vec3(1, 0.5f, 0));
}

TEST_CASE("scene bounds skip non-finite positions and nodes outside the displayed scene") {
    Scene s;
    s.nodes.resize(2);
    s.nodes[0].mesh = 0;
    s.nodes[1].mesh = 0;
    s.nodes[1].translation = {1000, 0, 0}; // not a root: not displayed
    s.roots = {0};
    Primitive p;
    const float inf = std::numeric_limits<float>::infinity();
    p.positions = {{inf, 0, 0}, {-1, -2, -3}, {1, 2, 3}, {std::nanf(""), 0, 0}, {-inf, 5, 5}};
    p.indices = {0, 1, 2};
    s.meshes.push_back(Mesh{"m", {p}, {}});
    const Bounds b = sceneBounds(s, evaluate(s));
    CHECK(b.min == glm::vec3(-1, -2, -3));
    CHECK(b.max == glm::vec3(1, 2, 3));
    CHECK(b.center() == glm::vec3(0, 0, 0));
}

TEST_CASE("bounds of a scene with no finite vertex are empty") {
    Scene s;
    s.nodes.resize(1);
    s.nodes[0].mesh = 0;
    s.roots = {0};
    Primitive p;
    p.positions = {{std::numeric_limits<float>::infinity(), 0, 0}};
    s.meshes.push_back(Mesh{"m", {p}, {}});
    const Bounds b = sceneBounds(s, evaluate(s));
    CHECK(b.empty());
    CHECK(b.radius() == 0.0f);
}

TEST_CASE("wrapTime loops a time into the range from 0 up to the duration") {
    CHECK(wrapTime(5.5f, 2.0f) == doctest::Approx(1.5f));
    CHECK(wrapTime(-0.5f, 2.0f) == doctest::Approx(1.5f));
    CHECK(wrapTime(1.0f, 0.0f) == 0.0f);
    CHECK(wrapTime(std::numeric_limits<float>::infinity(), 2.0f) == 0.0f);
}

TEST_CASE("generated normals of a counter-clockwise quad face the viewer") {
    Primitive p;
    p.positions = {{0, 0, 0}, {1, 0, 0}, {1, 1, 0}, {0, 1, 0}};
    p.indices = {0, 1, 2, 0, 2, 3};
    generateNormals(p);
    for (const glm::vec3& n : p.normals)
        CHECK(n == glm::vec3(0, 0, 1));
}

TEST_CASE("the rest pose pads a node's morph weights to its mesh's target count") {
    Scene s;
    s.nodes.resize(1);
    s.nodes[0].mesh = 0;
    s.nodes[0].morphWeights = {0.5f};
    Primitive p;
    p.positions = {{0, 0, 0}};
    p.morphTargets.resize(3);
    s.meshes.push_back(Mesh{"m", {p}, {0.1f, 0.2f, 0.3f}});
    const NodePose pose = restPose(s);
    CHECK(pose.morphWeights[0] == std::vector<float>{0.5f, 0.0f, 0.0f});
}
