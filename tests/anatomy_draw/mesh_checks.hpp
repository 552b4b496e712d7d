// Geometric checks on triangle meshes shared by the anatomy_draw tests.
#pragma once

#include "scene/scene.hpp"

#include <glm/glm.hpp>

#include <map>
#include <utility>

namespace hv::test {

// Signed volume by the divergence theorem: positive when counter-clockwise fronts face outward.
inline double signedVolume(const scene::Primitive& m) {
    double v = 0.0;
    for (std::size_t i = 0; i + 2 < m.indices.size(); i += 3) {
        const glm::dvec3 a(m.positions[m.indices[i]]), b(m.positions[m.indices[i + 1]]), c(m.positions[m.indices[i + 2]]);
        v += glm::dot(a, glm::cross(b, c)) / 6.0;
    }
    return v;
}

// True when every edge (between positions, welded) is used as often in one direction as in the
// other: a closed (watertight), consistently oriented surface. (Where a sheet's top and bottom
// meet in a corner, or where a fan's parts converge on one insertion point, an edge may be
// shared by more than two triangles, as many each way.)
inline bool closedAndConsistent(const scene::Primitive& m) {
    std::map<std::tuple<float, float, float>, int> weld;
    std::vector<int> id(m.positions.size());
    for (std::size_t i = 0; i < m.positions.size(); ++i) {
        const auto& p = m.positions[i];
        id[i] = weld.emplace(std::make_tuple(p.x, p.y, p.z), static_cast<int>(weld.size())).first->second;
    }
    std::map<std::pair<int, int>, int> edges;
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3)
        for (int k = 0; k < 3; ++k) {
            const int a = id[m.indices[t + static_cast<std::size_t>(k)]], b = id[m.indices[t + static_cast<std::size_t>((k + 1) % 3)]];
            if (a == b) continue;
            ++edges[{a, b}];
        }
    for (const auto& [e, n] : edges) {
        const auto it = edges.find({e.second, e.first});
        if (it == edges.end() || it->second != n) return false;
    }
    return !edges.empty();
}

// The mean outward-ness of vertex normals: dot(normal, vertex - centroid) averaged, normalised.
inline double normalsPointOut(const scene::Primitive& m) {
    glm::dvec3 c(0.0);
    for (const auto& p : m.positions) c += glm::dvec3(p);
    c /= static_cast<double>(m.positions.size());
    double s = 0.0;
    for (std::size_t i = 0; i < m.positions.size(); ++i) {
        const glm::dvec3 d = glm::dvec3(m.positions[i]) - c;
        if (glm::length(d) > 0) s += glm::dot(glm::normalize(d), glm::dvec3(m.normals[i]));
    }
    return s / static_cast<double>(m.positions.size());
}

} // namespace hv::test
