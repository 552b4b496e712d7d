// validateScene() finds each broken invariant of a small scene.
#include "scene/validate.hpp"

#include <doctest/doctest.h>

using namespace hv::scene;

namespace {

// A sound scene: root node 0 with child 1 drawing a skinned triangle.
Scene sound() {
    Scene s;
    s.nodes.resize(2);
    s.nodes[0].children = {1};
    s.nodes[1].parent = 0;
    s.nodes[1].mesh = 0;
    s.nodes[1].skin = 0;
    s.roots = {0};
    Primitive p;
    p.positions = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}};
    p.indices = {0, 1, 2};
    p.influenceCount = 4;
    p.joints.assign(12, 0);
    p.weights = {1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0};
    s.meshes.push_back(Mesh{"m", {p}, {}});
    s.skins.push_back(Skin{"s", {0}, {glm::mat4(1.0f)}, -1});
    return s;
}

bool says(const std::vector<std::string>& problems, const std::string& text) {
    for (const auto& p : problems)
        if (p.find(text) != std::string::npos) return true;
    return false;
}

} // namespace

TEST_CASE("a sound scene has no problems") {
    CHECK(validateScene(sound()).empty());
}

TEST_CASE("an index past the vertices is found") {
    Scene s = sound();
    s.meshes[0].primitives[0].indices[2] = 3;
    CHECK(says(validateScene(s), "index 3 >= 3 vertices"));
}

TEST_CASE("a joint index past the skin's joints is found") {
    Scene s = sound();
    s.meshes[0].primitives[0].joints[4] = 1;
    CHECK(says(validateScene(s), "joint index 1 >= the skin's 1 joints"));
}

TEST_CASE("a parent cycle is found") {
    Scene s = sound();
    s.nodes[0].parent = 1;
    s.nodes[1].children = {0};
    CHECK(says(validateScene(s), "own ancestor"));
}

TEST_CASE("per-vertex arrays of the wrong length are found") {
    Scene s = sound();
    s.meshes[0].primitives[0].normals.resize(2);
    CHECK(says(validateScene(s), "normals has 2 entries for 3 vertices"));
}

TEST_CASE("an animation channel with too few values is found") {
    Scene s = sound();
    Animation a;
    a.channels.push_back(
        AnimationChannel{0, AnimationPath::Rotation, Interpolation::Linear, {0, 1}, {0, 0, 0, 1}});
    s.animations.push_back(a);
    CHECK(says(validateScene(s), "4 values for 2 keys"));
}

TEST_CASE("an image whose bytes do not match its size is found") {
    Scene s = sound();
    s.images.push_back(Image{"i", 2, 2, std::vector<std::uint8_t>(15)});
    CHECK(says(validateScene(s), "15 bytes for 2x2"));
}
