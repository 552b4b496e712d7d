#include "io/detail/geometry_check.hpp"

#include "core/text.hpp"
#include "scene/evaluate.hpp"
#include "scene/geometry.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hv::io::detail {

namespace {

float longestSide(const scene::Bounds& b) {
    const glm::vec3 size = b.size();
    return std::max({size.x, size.y, size.z});
}

std::string metres(double v) { return formatNumber(v, 3) + " m"; }

std::string point(const glm::vec3& p) {
    std::string out = "(";
    out += formatNumber(p.x, 4);
    out += ", ";
    out += formatNumber(p.y, 4);
    out += ", ";
    out += formatNumber(p.z, 4);
    out += ")";
    return out;
}

// Leaves a primitive with nothing: no vertices (framing and picking never see them) and no
// triangles; its material and its number of morph targets (which node weights refer to) stay.
void leaveOut(scene::Primitive& p) {
    const int material = p.material;
    const std::size_t targets = p.morphTargets.size();
    p = scene::Primitive{};
    p.material = material;
    p.morphTargets.resize(targets);
}

} // namespace

bool checkGeometry(scene::Scene& s, const LoadLimits& limits, Report& report) {
    const bool drewBefore = hasTriangles(s);
    std::vector<std::pair<std::string, std::string>> leftOut; // field, reason
    const auto primitiveField = [](std::size_t m, std::size_t p) {
        return "mesh " + std::to_string(m) + " primitive " + std::to_string(p);
    };
    const std::string broken = " (the file's numbers are broken, e.g. an array shorter than its "
                               "accessor, or its units are wrong); its triangles are left out";

    // 1. Each primitive in its mesh's frame.
    for (std::size_t m = 0; m < s.meshes.size(); ++m) {
        for (std::size_t p = 0; p < s.meshes[m].primitives.size(); ++p) {
            scene::Primitive& prim = s.meshes[m].primitives[p];
            if (prim.indices.empty() || prim.positions.empty()) continue;
            const scene::Bounds b = scene::primitiveBounds(prim);
            if (b.empty()) continue; // no finite vertex: the loader already left its triangles out
            std::string why;
            const float side = longestSide(b);
            if (side == 0.0f) {
                why = "every vertex lies at one point " + point(b.min) +
                      ", so its triangles cover nothing; left out";
            } else if (static_cast<double>(side) > limits.maxExtentMetres) {
                why = "its vertices span " + metres(side) + ", more than the " +
                      metres(limits.maxExtentMetres) + " a model may span" + broken;
            } else {
                continue;
            }
            leaveOut(prim);
            leftOut.emplace_back(primitiveField(m, p), std::move(why));
        }
    }

    // 2. Each primitive as its nodes place it at rest: no vertex farther from the origin than a
    //    model may span (a node's transform can carry good vertices 1e14 m away).
    const scene::ScenePose rest = scene::evaluate(s);
    for (const int node : scene::displayedNodes(s)) {
        const int mesh = s.nodes[static_cast<std::size_t>(node)].mesh;
        if (mesh < 0 || static_cast<std::size_t>(mesh) >= s.meshes.size()) continue;
        const auto m = static_cast<std::size_t>(mesh);
        for (std::size_t p = 0; p < s.meshes[m].primitives.size(); ++p) {
            scene::Primitive& prim = s.meshes[m].primitives[p];
            if (prim.indices.empty()) continue;
            scene::Bounds b;
            for (const glm::vec3& v : scene::posedPositions(s, rest, node, static_cast<int>(p)))
                b.add(v);
            if (b.empty()) continue;
            const glm::vec3 far = glm::max(glm::abs(b.min), glm::abs(b.max));
            const float reach = std::max({far.x, far.y, far.z});
            if (static_cast<double>(reach) <= limits.maxExtentMetres) continue;
            leaveOut(prim);
            leftOut.emplace_back(primitiveField(m, p),
                                 "as node " + std::to_string(node) + " places it, its vertices reach " +
                                     metres(reach) + " from the origin, more than the " +
                                     metres(limits.maxExtentMetres) + " a model may span" + broken);
        }
    }

    const bool drawsNow = hasTriangles(s);
    for (std::size_t i = 0; i < leftOut.size(); ++i) {
        if (i == 0 && drewBefore && !drawsNow)
            report.warnFirst(leftOut[i].first, leftOut[i].second);
        else
            report.warn(leftOut[i].first, leftOut[i].second);
    }
    if (!drawsNow) return true; // nothingToDraw() says so, with the reason above

    // 3. The whole scene at rest: near enough to the origin for its size.
    const scene::Bounds b = scene::sceneBounds(s, rest);
    if (b.empty()) return true;
    const float side = longestSide(b);
    const float distance = glm::length(b.center());
    if (static_cast<double>(distance) >
        limits.maxCentreDistanceRatio * std::max(static_cast<double>(side), 1e-9)) {
        report.error("", "the model's centre lies " + metres(distance) + " from the origin, " +
                             formatNumber(distance / std::max(side, 1e-9f), 3) +
                             " times its size of " + metres(side) + " (more than " +
                             formatNumber(limits.maxCentreDistanceRatio, 3) +
                             " times: too far out to draw at float precision)");
        return false;
    }
    return true;
}

} // namespace hv::io::detail
