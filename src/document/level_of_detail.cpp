#include "document/level_of_detail.hpp"

#include "scene/geometry.hpp"

#include <meshoptimizer.h>

#include <algorithm>

namespace hv::doc {

namespace {

template <class T> void remapStream(std::vector<T>& v, const std::vector<unsigned>& remap, std::size_t vertexCount,
                                    std::size_t newCount, std::size_t components = 1) {
    if (v.size() != vertexCount * components) return; // absent (or malformed: left alone)
    std::vector<T> out(newCount * components);
    for (std::size_t i = 0; i < vertexCount; ++i) {
        if (remap[i] == ~0u) continue;
        for (std::size_t c = 0; c < components; ++c) out[remap[i] * components + c] = v[i * components + c];
    }
    v = std::move(out);
}

bool simplify(scene::Primitive& p, const SimplifyOptions& o) {
    const std::size_t tris = p.indices.size() / 3;
    if (tris < o.minTriangles || p.positions.empty()) return false;
    const std::size_t n = p.positions.size();
    const std::size_t target = std::max<std::size_t>(3, static_cast<std::size_t>(static_cast<float>(tris) * o.triangleFraction) * 3);
    std::vector<unsigned> indices(p.indices.size());
    float error = 0.0f;
    indices.resize(meshopt_simplify(indices.data(), p.indices.data(), p.indices.size(), &p.positions[0].x, n,
                                    sizeof(glm::vec3), target, o.relativeError, 0, &error));
    if (indices.size() < p.indices.size() / 25 || indices.size() >= p.indices.size()) return false;
    std::vector<unsigned> remap(n);
    const std::size_t kept = meshopt_optimizeVertexFetchRemap(remap.data(), indices.data(), indices.size(), n);
    for (unsigned& i : indices) i = remap[i];
    p.indices = std::move(indices);
    remapStream(p.positions, remap, n, kept);
    remapStream(p.normals, remap, n, kept);
    remapStream(p.texcoords0, remap, n, kept);
    remapStream(p.texcoords1, remap, n, kept);
    remapStream(p.colors, remap, n, kept);
    if (p.influenceCount > 0) {
        const auto ic = static_cast<std::size_t>(p.influenceCount);
        remapStream(p.joints, remap, n, kept, ic);
        remapStream(p.weights, remap, n, kept, ic);
    }
    for (scene::MorphTarget& m : p.morphTargets) {
        remapStream(m.positionDeltas, remap, n, kept);
        remapStream(m.normalDeltas, remap, n, kept);
    }
    return true;
}

} // namespace

std::shared_ptr<const scene::Scene> simplifiedScene(const scene::Scene& source, const SimplifyOptions& options) {
    auto out = std::make_shared<scene::Scene>(source);
    for (scene::Mesh& m : out->meshes)
        for (scene::Primitive& p : m.primitives) simplify(p, options);
    return out;
}

std::size_t sceneTriangles(const scene::Scene& s) {
    std::size_t n = 0;
    for (const scene::Mesh& m : s.meshes)
        for (const scene::Primitive& p : m.primitives) n += p.indices.size() / 3;
    return n;
}

draw::SolidParams coarseSolidParams() {
    draw::SolidParams p;
    p.ringSegments = 9;
    p.sampleSpacing = 0.011;
    p.minSamples = 6;
    p.maxSamples = 28;
    p.fanColumnsPerPart = 2;
    return p;
}

} // namespace hv::doc
