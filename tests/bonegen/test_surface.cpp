// Surface extraction: the surface of a known shape comes out where it should, closed, wound
// outwards, with outward normals; simplification keeps it within its error; the result does
// not depend on the number of threads.
#include "bonegen/surface.hpp"

#include <doctest/doctest.h>

#include <map>

using namespace hv::bonegen;

namespace {

std::size_t openEdges(const TriangleMesh& m) {
    std::map<std::pair<std::uint32_t, std::uint32_t>, int> edges;
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3)
        for (int k = 0; k < 3; ++k) ++edges[{m.indices[t + static_cast<std::size_t>(k)], m.indices[t + static_cast<std::size_t>((k + 1) % 3)]}];
    std::size_t open = 0; // edges not matched by as many crossings the other way
    for (const auto& [e, n] : edges) {
        const auto back = edges.find({e.second, e.first});
        if (back == edges.end() || back->second != n) ++open;
    }
    return open;
}

Sdf dumbbell() {
    Sdf s;
    s.unite(sphere({0, 0, 0}, 0.02), 0.0);
    s.unite(sphere({0.05, 0, 0}, 0.015), 0.0);
    s.unite(capsule({0, 0, 0}, {0.05, 0, 0}, 0.006), 0.01);
    s.subtract(cylinder({0, 0, -0.05}, {0, 0, 0.05}, 0.005), 0.002); // a hole through the big ball
    return s;
}

} // namespace

TEST_CASE("a sphere is extracted on its surface, closed, outward and with outward normals") {
    Sdf s;
    const Vec3 c{0.003, -0.002, 0.001};
    s.unite(sphere(c, 0.02), 0.0);
    ExtractionOptions o;
    o.cellSize = 0.001;
    const TriangleMesh m = extractSurface(s, {{-0.03, -0.03, -0.03}, {0.03, 0.03, 0.03}}, o);
    REQUIRE(m.triangleCount() > 1000);
    for (std::size_t i = 0; i < m.positions.size(); ++i) {
        CHECK(std::abs(glm::length(m.positions[i] - c) - 0.02) < 1e-5);
        CHECK(glm::dot(m.normals[i], glm::normalize(m.positions[i] - c)) > 0.999);
    }
    CHECK(openEdges(m) == 0);
    double volume = 0.0;
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3)
        volume += glm::dot(m.positions[m.indices[t]] - c, glm::cross(m.positions[m.indices[t + 1]] - c, m.positions[m.indices[t + 2]] - c)) / 6.0;
    CHECK(volume == doctest::Approx(4.0 / 3.0 * 3.14159265 * 0.02 * 0.02 * 0.02).epsilon(0.02));
}

TEST_CASE("a shape with a hole stays closed after simplification, within its error and its triangle budget") {
    ExtractionOptions o;
    o.cellSize = 0.0008;
    o.maxTriangles = 3000;
    o.maxError = 0.0002;
    const Sdf s = dumbbell();
    const TriangleMesh m = extractSurface(s, {{-0.03, -0.03, -0.03}, {0.08, 0.03, 0.03}}, o);
    CHECK(m.triangleCount() <= 3000);
    CHECK(m.triangleCount() > 1000);
    CHECK(openEdges(m) == 0);
    for (const Vec3& p : m.positions) CHECK(std::abs(s.value(p)) < 0.0003);
}

TEST_CASE("extraction gives the same mesh, bit for bit, on one thread and on four") {
    const Sdf s = dumbbell();
    ExtractionOptions o;
    o.cellSize = 0.001;
    o.maxTriangles = 2000;
    o.threads = 1;
    const TriangleMesh a = extractSurface(s, {{-0.03, -0.03, -0.03}, {0.08, 0.03, 0.03}}, o);
    o.threads = 4;
    const TriangleMesh b = extractSurface(s, {{-0.03, -0.03, -0.03}, {0.08, 0.03, 0.03}}, o);
    CHECK(a.indices == b.indices);
    CHECK(a.positions == b.positions);
    CHECK(a.normals == b.normals);
}
