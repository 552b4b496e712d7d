// The body outline (bonegen/outline.hpp): its pieces, closed and around the skeleton; the trunk's
// blend over the spine, which bends without cracks; the baked model's outline meshes.
#include "bonegen/outline.hpp"

#include "core/body_points.hpp"
#include "core/kinematics.hpp"
#include "core/math.hpp"

#include "model_fixture.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

using namespace hv;
using namespace hv::bonegen;

namespace {

const std::vector<OutlineMesh>& outline() {
    static const std::vector<OutlineMesh> pieces = generateOutline(test::projectContent().model, 2);
    return pieces;
}

const OutlineMesh& piece(const std::string& body) {
    for (const OutlineMesh& m : outline())
        if (m.body == body) return m;
    FAIL("no outline piece on " << body);
    return outline().front();
}

// Edges crossed once each way: the mesh has no border (no crack, no hole).
std::size_t openEdges(const TriangleMesh& m) {
    std::map<std::pair<std::uint32_t, std::uint32_t>, int> edges;
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3)
        for (std::size_t k = 0; k < 3; ++k) ++edges[{m.indices[t + k], m.indices[t + (k + 1) % 3]}];
    std::size_t open = 0;
    for (const auto& [e, count] : edges) {
        const auto back = edges.find({e.second, e.first});
        if (back == edges.end() || back->second != count) ++open;
    }
    return open;
}

// Inside a closed mesh: an odd number of crossings along a ray (a slightly skew direction, so
// it never runs along an edge).
bool inside(const TriangleMesh& m, const Vec3& p) {
    const Vec3 d = glm::normalize(Vec3(1.0, 0.0123, 0.0371));
    int crossings = 0;
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
        const Vec3 a = m.positions[m.indices[t]], b = m.positions[m.indices[t + 1]], c = m.positions[m.indices[t + 2]];
        const Vec3 e1 = b - a, e2 = c - a, h = glm::cross(d, e2);
        const double det = glm::dot(e1, h);
        if (std::abs(det) < 1e-14) continue;
        const Vec3 s = p - a;
        const double u = glm::dot(s, h) / det;
        if (u < 0.0 || u > 1.0) continue;
        const Vec3 q = glm::cross(s, e1);
        const double v = glm::dot(d, q) / det;
        if (v < 0.0 || u + v > 1.0) continue;
        if (glm::dot(e2, q) / det > 0.0) ++crossings;
    }
    return crossings % 2 == 1;
}

} // namespace

TEST_CASE("the outline has a closed piece on the pelvis for the trunk and on each arm and leg segment of both sides") {
    std::set<std::string> bodies;
    for (const OutlineMesh& m : outline()) {
        INFO("piece " << m.body);
        bodies.insert(m.body);
        CHECK(m.mesh.triangleCount() >= 300); // a shape, not a placeholder
        CHECK(openEdges(m.mesh) == 0);
    }
    for (const char* b : {"pelvis", "humerus_r", "humerus_l", "forearm_r", "forearm_l", "hand_r", "hand_l", "femur_r", "femur_l", "tibia_r", "tibia_l"})
        CHECK_MESSAGE(bodies.contains(b), "no outline piece on " << b);
    CHECK(bodies.size() == 11);
}

TEST_CASE("the outline is a person around the skeleton: joint centres inside it, the head at the stature, the arms within reach") {
    const Model& model = test::projectContent().model;
    const auto world = computeBodyTransforms(model, model.defaultPose());
    const auto origin = [&](const char* body) { return world[static_cast<std::size_t>(model.findBody(body))].translation; };
    const Transform pelvis = world[static_cast<std::size_t>(model.findBody("pelvis"))];
    const TriangleMesh& trunk = piece("pelvis").mesh;
    // the lumbar levels, the thorax and both shoulders inside the trunk (its frame: the pelvis')
    for (const char* b : {"L5", "L3", "L1", "thorax", "humerus_r", "humerus_l"}) {
        INFO(b);
        CHECK(inside(trunk, pelvis.inverse().apply(origin(b))));
    }
    // the top of the head at about 1.70 m, nothing below the buttocks
    double top = -1e9, bottom = 1e9;
    for (const Vec3& v : trunk.positions) {
        top = std::max(top, pelvis.apply(v).y);
        bottom = std::min(bottom, pelvis.apply(v).y);
    }
    CHECK(top == doctest::Approx(1.70).epsilon(0.03));
    CHECK(bottom > 0.65);
    // each segment holds its joint centres: knee in the thigh, ankle in the shank, elbow in the
    // upper arm, wrist in the forearm
    CHECK(inside(piece("femur_r").mesh, world[static_cast<std::size_t>(model.findBody("femur_r"))].inverse().apply(origin("tibia_r"))));
    CHECK(inside(piece("tibia_r").mesh, Vec3(-0.01, -0.40, 0.0)));
    CHECK(inside(piece("humerus_r").mesh, world[static_cast<std::size_t>(model.findBody("humerus_r"))].inverse().apply(origin("forearm_r"))));
    CHECK(inside(piece("forearm_l").mesh, world[static_cast<std::size_t>(model.findBody("forearm_l"))].inverse().apply(origin("hand_l"))));
    // the palm's skin at the hand's contact point (within 3 mm of the surface)
    test::BodyMesh hand;
    hand.positions = piece("hand_r").mesh.positions;
    hand.indices = piece("hand_r").mesh.indices;
    CHECK(test::distanceToMesh(kPalmInHand, hand) < 0.003);
}

TEST_CASE("the left pieces are the right ones mirrored") {
    const TriangleMesh& r = piece("femur_r").mesh;
    const TriangleMesh& l = piece("femur_l").mesh;
    REQUIRE(r.positions.size() == l.positions.size());
    for (std::size_t i = 0; i < r.positions.size(); i += 97) {
        CHECK(l.positions[i].x == doctest::Approx(r.positions[i].x));
        CHECK(l.positions[i].z == doctest::Approx(-r.positions[i].z));
    }
}

TEST_CASE("the trunk is blended over the pelvis, the lumbar levels and the thorax, its weights summing to one") {
    const Model& model = test::projectContent().model;
    const OutlineMesh& trunk = piece("pelvis");
    REQUIRE(trunk.blendBodies.size() == trunk.mesh.positions.size());
    std::set<int> used;
    for (std::size_t v = 0; v < trunk.blendBodies.size(); ++v) {
        float sum = 0.0f;
        for (std::size_t k = 0; k < 4; ++k) {
            sum += trunk.blendWeights[v][k];
            if (trunk.blendWeights[v][k] > 0.0f) used.insert(trunk.blendBodies[v][k]);
        }
        REQUIRE(sum == doctest::Approx(1.0f).epsilon(1e-5));
    }
    for (const char* b : {"pelvis", "L5", "L4", "L3", "L2", "L1", "thorax"}) CHECK_MESSAGE(used.contains(model.findBody(b)), b);
    CHECK(used.size() == 7);
}

TEST_CASE("bent 40 degrees through the lumbar spine the trunk stays one closed surface, no triangle torn open") {
    const Model& model = test::projectContent().model;
    const OutlineMesh& trunk = piece("pelvis");
    const std::vector<double> rest = model.defaultPose();
    std::vector<double> bent = rest;
    // 40 deg of flexion spread over the five levels (8 each, within every level's range)
    for (const char* c : {"L5_S1_flexion", "L4_L5_flexion", "L3_L4_flexion", "L2_L3_flexion", "L1_L2_flexion"})
        bent[static_cast<std::size_t>(model.findCoordinate(c))] = toRadians(8.0);
    const auto w0 = computeBodyTransforms(model, rest);
    const auto w1 = computeBodyTransforms(model, bent);
    const Transform pelvis = w0[static_cast<std::size_t>(model.findBody("pelvis"))];
    std::vector<Vec3> posed(trunk.mesh.positions.size());
    for (std::size_t v = 0; v < posed.size(); ++v) {
        const Vec3 g = pelvis.apply(trunk.mesh.positions[v]);
        Vec3 p(0.0);
        for (std::size_t k = 0; k < 4; ++k) {
            const int b = trunk.blendBodies[v][k];
            if (b < 0) continue;
            p += static_cast<double>(trunk.blendWeights[v][k]) * w1[static_cast<std::size_t>(b)].apply(w0[static_cast<std::size_t>(b)].inverse().apply(g));
        }
        posed[v] = p;
    }
    // every edge keeps about its length: the skin stretches over the back and folds at the belly,
    // smoothly, never tearing
    double worst = 0.0;
    for (std::size_t t = 0; t + 2 < trunk.mesh.indices.size(); t += 3)
        for (std::size_t k = 0; k < 3; ++k) {
            const std::uint32_t a = trunk.mesh.indices[t + k], b = trunk.mesh.indices[t + (k + 1) % 3];
            const double before = glm::length(trunk.mesh.positions[a] - trunk.mesh.positions[b]);
            const double after = glm::length(posed[a] - posed[b]);
            if (before > 1e-6) worst = std::max(worst, after / before);
        }
    MESSAGE("longest stretch of an edge at 40 deg of lumbar flexion: x" << worst);
    CHECK(worst < 1.8);
    CHECK(openEdges(trunk.mesh) == 0);
    // and the head went forward: the trunk did bend
    double topBefore = -1e9, zBefore = 0.0, topAfter = -1e9, xAfter = 0.0;
    for (std::size_t v = 0; v < posed.size(); ++v) {
        const Vec3 g = pelvis.apply(trunk.mesh.positions[v]);
        if (g.y > topBefore) topBefore = g.y, zBefore = g.x;
        if (posed[v].y > topAfter) topAfter = posed[v].y, xAfter = posed[v].x;
    }
    CHECK(xAfter > zBefore + 0.15);
}

TEST_CASE("the baked model carries each outline piece as a skinned mesh <body>_outline in a translucent outline material") {
    const Model& model = test::projectContent().model;
    const scene::Scene& sc = test::committedModel();
    std::set<std::string> pieces;
    for (std::size_t n = 0; n < sc.nodes.size(); ++n) {
        const scene::Node& node = sc.nodes[n];
        if (!node.name.ends_with(scene::kOutlineNodeSuffix) || node.mesh < 0) continue;
        const std::string body = node.name.substr(0, node.name.size() - scene::kOutlineNodeSuffix.size());
        INFO(node.name);
        CHECK(model.findBody(body) >= 0);
        CHECK(node.skin == 0);
        const scene::Mesh& mesh = sc.meshes[static_cast<std::size_t>(node.mesh)];
        CHECK(mesh.name == node.name);
        const scene::Primitive& p = mesh.primitives.front();
        REQUIRE(p.material >= 0);
        const scene::Material& m = sc.materials[static_cast<std::size_t>(p.material)];
        CHECK(m.name == "outline");
        CHECK(m.alphaMode == scene::AlphaMode::Blend);
        CHECK(m.baseColor.a < 0.5f);
        pieces.insert(body);
    }
    std::set<std::string> generated;
    for (const OutlineMesh& m : outline()) generated.insert(m.body);
    CHECK(pieces == generated);
}
