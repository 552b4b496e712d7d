#include "document/level_of_detail.hpp"

#include "scene/geometry.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace hv;
using namespace hv::doc;

namespace {

// A UV sphere of radius 0.1 m, skinned to two joints by height (joint 1 above the equator).
scene::Scene sphereScene(int rings, int segments) {
    scene::Primitive p;
    for (int r = 0; r <= rings; ++r)
        for (int s = 0; s <= segments; ++s) {
            const float th = 3.14159265f * static_cast<float>(r) / static_cast<float>(rings);
            const float ph = 6.2831853f * static_cast<float>(s) / static_cast<float>(segments);
            const glm::vec3 n(std::sin(th) * std::cos(ph), std::cos(th), std::sin(th) * std::sin(ph));
            p.positions.push_back(0.1f * n);
            p.normals.push_back(n);
            p.texcoords0.emplace_back(static_cast<float>(s) / static_cast<float>(segments), static_cast<float>(r) / static_cast<float>(rings));
            const std::uint16_t j = n.y > 0.0f ? 1 : 0;
            for (int k = 0; k < 4; ++k) {
                p.joints.push_back(k == 0 ? j : 0);
                p.weights.push_back(k == 0 ? 1.0f : 0.0f);
            }
        }
    p.influenceCount = 4;
    const auto at = [&](int r, int s) { return static_cast<std::uint32_t>(r * (segments + 1) + s); };
    for (int r = 0; r < rings; ++r)
        for (int s = 0; s < segments; ++s) {
            p.indices.insert(p.indices.end(), {at(r, s), at(r + 1, s), at(r + 1, s + 1)});
            p.indices.insert(p.indices.end(), {at(r, s), at(r + 1, s + 1), at(r, s + 1)});
        }
    scene::Scene sc;
    sc.meshes.push_back({"ball", {p}, {}});
    sc.nodes.push_back({});
    sc.nodes[0].mesh = 0;
    sc.roots = {0};
    return sc;
}

} // namespace

TEST_CASE("simplifying keeps a mesh's shape with a fraction of its triangles and carries every attribute") {
    const scene::Scene full = sphereScene(80, 120);
    const auto light = simplifiedScene(full);
    REQUIRE(light);
    const std::size_t before = sceneTriangles(full), after = sceneTriangles(*light);
    MESSAGE("sphere: " << before << " -> " << after << " triangles");
    CHECK(after < before / 3);
    CHECK(after > before / 25);
    const scene::Primitive& p = light->meshes[0].primitives[0];
    const std::size_t n = p.positions.size();
    CHECK(n < full.meshes[0].primitives[0].positions.size());
    CHECK(p.normals.size() == n);
    CHECK(p.texcoords0.size() == n);
    CHECK(p.joints.size() == n * 4);
    CHECK(p.weights.size() == n * 4);
    for (std::uint32_t i : p.indices) CHECK(i < n);
    // Every vertex kept is still on the sphere, with its own normal and joint.
    for (std::size_t i = 0; i < n; ++i) {
        CHECK(glm::length(p.positions[i]) == doctest::Approx(0.1f).epsilon(1e-4));
        CHECK(glm::dot(glm::normalize(p.positions[i]), p.normals[i]) == doctest::Approx(1.0f).epsilon(1e-4));
        if (std::abs(p.positions[i].y) > 1e-4f) CHECK(p.joints[i * 4] == (p.positions[i].y > 0.0f ? 1 : 0));
    }
    // Same bounds, nearly.
    const scene::Bounds a = scene::primitiveBounds(full.meshes[0].primitives[0]), b = scene::primitiveBounds(p);
    CHECK(glm::length(a.min - b.min) < 0.01f);
    CHECK(glm::length(a.max - b.max) < 0.01f);
}

TEST_CASE("small meshes are kept as they are") {
    const scene::Scene small = sphereScene(10, 12);
    const auto light = simplifiedScene(small);
    CHECK(sceneTriangles(*light) == sceneTriangles(small));
    CHECK(light->meshes[0].primitives[0].positions.size() == small.meshes[0].primitives[0].positions.size());
}

TEST_CASE("moving frames build lighter muscles") {
    const draw::SolidParams full, coarse = coarseSolidParams();
    CHECK(coarse.ringSegments * coarse.maxSamples * 3 < full.ringSegments * full.maxSamples);
    CHECK(coarse.fanColumnsPerPart < full.fanColumnsPerPart);
}
