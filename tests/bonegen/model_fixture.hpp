// The project's content and its committed default model (assets/hip.glb, read through
// hv::io::loadModel), with each bone mesh expressed back in its body's frame.
#pragma once

#include "bonegen/sdf.hpp"
#include "content/content.hpp"
#include "content/content_fixture.hpp"
#include "io/model_loader.hpp"
#include "scene/scene.hpp"

#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

namespace hv::test {

inline std::string assetPath() { return HV_SOURCE_DIR "/assets/hip.glb"; }

inline const scene::Scene& committedModel() {
    static const io::ModelLoad load = io::loadModel(assetPath());
    if (!load.scene) FAIL(formatAll(load.diagnostics));
    return *load.scene;
}

struct BodyMesh {
    std::vector<glm::dvec3> positions; // metres, in the body's OpenSim frame
    std::vector<std::uint32_t> indices;
};

// glTF (x, y, z) -> OpenSim (z, y, -x): the inverse of scene::osimToGltf.
inline glm::dvec3 gltfToOsim(const glm::dvec3& p) { return {p.z, p.y, -p.x}; }

// Each mesh of the committed model, by its name (= its body), in that body's frame: the skin's
// inverse bind matrix of the mesh's joint takes a rest-pose vertex into the joint's frame.
inline const std::map<std::string, BodyMesh>& committedBodyMeshes() {
    static const std::map<std::string, BodyMesh> meshes = [] {
        std::map<std::string, BodyMesh> out;
        const scene::Scene& sc = committedModel();
        REQUIRE(sc.skins.size() == 1);
        const scene::Skin& skin = sc.skins.front();
        for (const scene::Mesh& mesh : sc.meshes) {
            REQUIRE(mesh.primitives.size() == 1);
            const scene::Primitive& p = mesh.primitives.front();
            REQUIRE(p.influenceCount >= 1);
            const int joint = p.joints.front();
            const glm::dmat4 ibm(skin.inverseBindMatrices[static_cast<std::size_t>(joint)]);
            BodyMesh b;
            for (const glm::vec3& v : p.positions) b.positions.push_back(gltfToOsim(glm::dvec3(ibm * glm::dvec4(glm::dvec3(v), 1.0))));
            b.indices = p.indices;
            out[mesh.name] = std::move(b);
        }
        return out;
    }();
    return meshes;
}

// Distance from a point to the surface of a triangle mesh (metres).
inline double distanceToMesh(const glm::dvec3& q, const BodyMesh& m) {
    double best = 1e9;
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
        const auto& a = m.positions[m.indices[t]];
        const auto& b = m.positions[m.indices[t + 1]];
        const auto& c = m.positions[m.indices[t + 2]];
        bonegen::Aabb box;
        box.add(a);
        box.add(b);
        box.add(c);
        if (box.distance(q) >= best) continue;
        best = std::min(best, bonegen::thickTriangle(a, b, c, 0, 0, 0).distance(q));
    }
    return best;
}

} // namespace hv::test
