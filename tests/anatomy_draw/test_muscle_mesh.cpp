// Muscle solids: closed, outward-facing, sized by their architecture, and lying on wrap surfaces
// instead of cutting into them.
#include "anatomy_draw/muscle_mesh.hpp"
#include "mesh_checks.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <numbers>

using namespace hv;
using namespace hv::draw;
using namespace hv::test;

namespace {

// A straight path along -Y of `length` metres.
PartPath straightPath(float length, double force = 1000.0, double fibre = 0.1, double tendon = 0.0) {
    PartPath p;
    p.points = {{0.0f, 1.0f, 0.0f}, {0.0f, 1.0f - length, 0.0f}};
    p.surfaceNormal = {glm::vec3(0.0f), glm::vec3(0.0f)};
    p.architecture.maxIsometricForce = force;
    p.architecture.optimalFiberLength = fibre;
    p.architecture.tendonSlackLength = tendon;
    return p;
}

float maxRadius(const scene::Primitive& m) {
    float r = 0.0f;
    for (const auto& v : m.positions) r = std::max(r, std::hypot(v.x, v.z));
    return r;
}

PartPath mirrored(PartPath p) {
    for (auto& v : p.points) v.x = -v.x;
    for (auto& n : p.surfaceNormal) n.x = -n.x;
    return p;
}

} // namespace

// Regression: the end caps were wound inside out (the tendon ends showed holes).
TEST_CASE("a fusiform belly is a closed surface with counter-clockwise fronts facing outward") {
    const PartSolid s = buildPartSolid(straightPath(0.2f), MuscleShape::Fusiform, {});
    REQUIRE(!s.mesh.positions.empty());
    CHECK(closedAndConsistent(s.mesh));
    CHECK(signedVolume(s.mesh) > 0.0);
    CHECK(normalsPointOut(s.mesh) > 0.5);
    CHECK(s.mesh.normals.size() == s.mesh.positions.size());
    CHECK(s.mesh.texcoords0.size() == s.mesh.positions.size());
}

TEST_CASE("a belly holds its fibres' volume: PCSA (force / 0.6 MPa) times optimal fibre length") {
    // 1200 N / 0.6 MPa = 20 cm^2 of PCSA over 10 cm of fibre: 200 cm^3, no tendon.
    const PartSolid s = buildPartSolid(straightPath(0.25f, 1200.0, 0.1, 0.0), MuscleShape::Fusiform, {});
    const double expected = 1200.0 / 0.6e6 * 0.1;
    // The polygonal cross-section and the thin rounded ends make it a little smaller.
    CHECK(signedVolume(s.mesh) == doctest::Approx(expected).epsilon(0.12));
}

TEST_CASE("a belly gets thicker when its muscle shortens, at the same volume") {
    const PartSolid longer = buildPartSolid(straightPath(0.30f), MuscleShape::Fusiform, {});
    const PartSolid shorter = buildPartSolid(straightPath(0.20f), MuscleShape::Fusiform, {});
    CHECK(maxRadius(shorter.mesh) > maxRadius(longer.mesh) * 1.1f);
    CHECK(signedVolume(shorter.mesh) == doctest::Approx(signedVolume(longer.mesh)).epsilon(0.05));
}

TEST_CASE("the belly/tendon split follows tendon slack length against fibre length") {
    Architecture a;
    a.optimalFiberLength = 0.1;
    a.tendonSlackLength = 0.1;
    const glm::vec2 r = bellyRangeOf(a);
    // Half tendon, capped at 40% of the path, 30% of it at the origin.
    CHECK(r.x == doctest::Approx(0.4 * 0.3).epsilon(1e-4));
    CHECK(r.y == doctest::Approx(1.0 - 0.4 * 0.7).epsilon(1e-4));
    Architecture noTendon;
    noTendon.optimalFiberLength = 0.1;
    CHECK(bellyRangeOf(noTendon) == glm::vec2(0.0f, 1.0f));
}

TEST_CASE("a strap muscle is flat: four times wider than thick, facing outward") {
    const OutwardFn outward = [](const glm::vec3&) { return glm::vec3(0.0f, 0.0f, 1.0f); };
    const PartSolid s = buildPartSolid(straightPath(0.3f), MuscleShape::Strap, outward);
    float maxX = 0.0f, maxZ = 0.0f;
    for (const auto& v : s.mesh.positions) maxX = std::max(maxX, std::abs(v.x)), maxZ = std::max(maxZ, std::abs(v.z));
    CHECK(maxX > 3.0f * maxZ); // thin along the outward direction (z), wide across (x)
    CHECK(signedVolume(s.mesh) > 0.0);
}

TEST_CASE("a muscle wrapping over a cylinder lies on it instead of cutting into it") {
    // A path over the top of a cylinder of radius 3 cm about the Z axis: straight in, an arc of
    // sampled points with outward normals, straight out (as PathGeometry gives it).
    const float r = 0.03f;
    PartPath p;
    p.points.push_back({-0.15f, 0.02f, 0.0f});
    for (int i = 0; i <= 10; ++i) {
        const float a = 2.6f - 2.2f * static_cast<float>(i) / 10.0f; // from 149 to 23 degrees
        p.points.push_back({r * std::cos(a), r * std::sin(a), 0.0f});
        p.surfaceNormal.resize(p.points.size() - 1, glm::vec3(0.0f));
        p.surfaceNormal.push_back({std::cos(a), std::sin(a), 0.0f});
    }
    p.points.push_back({0.15f, 0.0f, 0.0f});
    p.surfaceNormal.resize(p.points.size(), glm::vec3(0.0f));
    p.architecture = {800.0, 0.08, 0.02, 0.0};
    for (MuscleShape shape : {MuscleShape::Fusiform, MuscleShape::Strap}) {
        const PartSolid s = buildPartSolid(p, shape, [](const glm::vec3& q) { return q; });
        // Vertices over the wrapped arc (|x| < 2 cm, above the axis) stay outside the cylinder.
        int checked = 0;
        for (const auto& v : s.mesh.positions)
            if (std::abs(v.x) < 0.02f && v.y > 0.0f) {
                CHECK(std::hypot(v.x, v.y) >= r - 1e-4f);
                ++checked;
            }
        CHECK(checked > 20);
    }
}

TEST_CASE("a fan sheet gives one mesh per part that together close an outward-facing sheet, on either side of the body") {
    std::vector<PartPath> parts;
    for (int i = 0; i < 3; ++i) {
        PartPath p;
        const float x = -0.05f + 0.05f * static_cast<float>(i);
        p.points = {{x, 1.0f, 0.02f}, {0.5f * x, 0.9f, 0.04f}, {0.0f, 0.8f, 0.03f}};
        p.surfaceNormal.assign(3, glm::vec3(0.0f));
        p.architecture = {900.0, 0.08, 0.03, 0.3};
        parts.push_back(p);
    }
    std::vector<PartPath> left;
    for (const auto& p : parts) left.push_back(mirrored(p));
    for (const auto* set : {&parts, &left}) {
        const auto solids = buildFanSheet(*set, [](const glm::vec3&) { return glm::vec3(0, 0, 1); });
        REQUIRE(solids.size() == 3);
        // Each strip is open where it meets its neighbour; together they close the sheet.
        scene::Primitive all;
        for (const auto& s : solids) {
            REQUIRE(!s.mesh.positions.empty());
            const auto base = static_cast<std::uint32_t>(all.positions.size());
            all.positions.insert(all.positions.end(), s.mesh.positions.begin(), s.mesh.positions.end());
            for (auto i : s.mesh.indices) all.indices.push_back(base + i);
        }
        CHECK(closedAndConsistent(all));
        const double total = signedVolume(all);
        CHECK(total > 0.0);
        // The whole sheet holds roughly the parts' fibre volume (3 x 900 N / 0.6 MPa x 8 cm).
        CHECK(total == doctest::Approx(3 * 900.0 / 0.6e6 * 0.08).epsilon(0.35));
    }
}

TEST_CASE("a single-part fan spreads into a sheet wider at its origin than at its insertion") {
    PartPath p = straightPath(0.15f, 1000.0, 0.1, 0.02);
    const auto solids = buildFanSheet(std::span<const PartPath>(&p, 1), [](const glm::vec3&) { return glm::vec3(0, 0, 1); });
    REQUIRE(solids.size() == 1);
    float wideTop = 0.0f, wideBottom = 0.0f;
    for (const auto& v : solids[0].mesh.positions) {
        if (v.y > 0.97f) wideTop = std::max(wideTop, std::abs(v.x));
        if (v.y < 0.88f) wideBottom = std::max(wideBottom, std::abs(v.x));
    }
    CHECK(wideTop > 2.0f * wideBottom);
    CHECK(closedAndConsistent(solids[0].mesh));
    CHECK(signedVolume(solids[0].mesh) > 0.0);
}

TEST_CASE("degenerate paths give empty meshes rather than garbage") {
    PartPath p;
    CHECK(buildPartSolid(p, MuscleShape::Fusiform, {}).mesh.positions.empty());
    p.points = {{0, 0, 0}, {0, 0, 0}};
    p.surfaceNormal.assign(2, glm::vec3(0.0f));
    CHECK(buildPartSolid(p, MuscleShape::Fusiform, {}).mesh.positions.empty());
    std::vector<PartPath> parts{p, p};
    for (const auto& s : buildFanSheet(parts, {})) CHECK(s.mesh.positions.empty());
}
