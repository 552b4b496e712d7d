#include "scene/validate.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace hv::scene {

namespace {

class Problems {
  public:
    explicit Problems(std::size_t max) : m_max(max) {}
    void add(std::string text) {
        if (m_list.size() < m_max) m_list.push_back(std::move(text));
    }
    bool full() const { return m_list.size() >= m_max; }
    std::vector<std::string> take() { return std::move(m_list); }

  private:
    std::size_t m_max;
    std::vector<std::string> m_list;
};

std::string s(std::size_t v) {
    return std::to_string(v);
}

bool inRange(int index, std::size_t size) {
    return index >= 0 && static_cast<std::size_t>(index) < size;
}

} // namespace

std::vector<std::string> validateScene(const Scene& scene, std::size_t maxProblems) {
    Problems out(maxProblems);
    const std::size_t nodeCount = scene.nodes.size();

    // Nodes: links agree, a forest.
    for (std::size_t i = 0; i < nodeCount && !out.full(); ++i) {
        const Node& n = scene.nodes[i];
        const std::string where = "node " + s(i) + ": ";
        if (n.parent != -1 && !inRange(n.parent, nodeCount))
            out.add(where + "parent " + std::to_string(n.parent) + " does not exist");
        else if (n.parent >= 0) {
            const auto& siblings = scene.nodes[static_cast<std::size_t>(n.parent)].children;
            if (std::count(siblings.begin(), siblings.end(), static_cast<int>(i)) != 1)
                out.add(where + "its parent does not list it exactly once as a child");
        }
        for (const int c : n.children)
            if (!inRange(c, nodeCount) ||
                scene.nodes[static_cast<std::size_t>(c)].parent != static_cast<int>(i))
                out.add(where + "child " + std::to_string(c) +
                        " does not exist or names another parent");
        if (n.mesh != -1 && !inRange(n.mesh, scene.meshes.size()))
            out.add(where + "mesh " + std::to_string(n.mesh) + " does not exist");
        if (n.skin != -1 && !inRange(n.skin, scene.skins.size()))
            out.add(where + "skin " + std::to_string(n.skin) + " does not exist");
        const bool finite = std::isfinite(n.translation.x) && std::isfinite(n.translation.y) &&
                            std::isfinite(n.translation.z) && std::isfinite(n.rotation.w) &&
                            std::isfinite(n.scale.x) && std::isfinite(n.scale.y) &&
                            std::isfinite(n.scale.z);
        if (!finite) out.add(where + "its transform is not finite");
    }
    for (std::size_t i = 0; i < nodeCount && !out.full(); ++i) {
        std::size_t steps = 0;
        for (int k = scene.nodes[i].parent; k >= 0 && inRange(k, nodeCount);
             k = scene.nodes[static_cast<std::size_t>(k)].parent)
            if (++steps > nodeCount) {
                out.add("node " + s(i) + ": it is its own ancestor (a cycle)");
                break;
            }
    }
    for (const int r : scene.roots)
        if (!inRange(r, nodeCount) || scene.nodes[static_cast<std::size_t>(r)].parent != -1)
            out.add("root " + std::to_string(r) + " does not exist or has a parent");

    // The smallest joint count among the skins each mesh is drawn with.
    std::vector<std::size_t> jointLimit(scene.meshes.size(),
                                        std::numeric_limits<std::size_t>::max());
    for (const Node& n : scene.nodes)
        if (inRange(n.mesh, scene.meshes.size()) && inRange(n.skin, scene.skins.size()))
            jointLimit[static_cast<std::size_t>(n.mesh)] =
                std::min(jointLimit[static_cast<std::size_t>(n.mesh)],
                         scene.skins[static_cast<std::size_t>(n.skin)].joints.size());

    for (std::size_t m = 0; m < scene.meshes.size() && !out.full(); ++m) {
        for (std::size_t pi = 0; pi < scene.meshes[m].primitives.size() && !out.full(); ++pi) {
            const Primitive& p = scene.meshes[m].primitives[pi];
            const std::string where = "mesh " + s(m) + " primitive " + s(pi) + ": ";
            const std::size_t v = p.positions.size();
            auto perVertex = [&](std::size_t n, const char* what) {
                if (n != 0 && n != v)
                    out.add(where + what + " has " + s(n) + " entries for " + s(v) + " vertices");
            };
            perVertex(p.normals.size(), "normals");
            perVertex(p.texcoords0.size(), "texcoords0");
            perVertex(p.texcoords1.size(), "texcoords1");
            perVertex(p.colors.size(), "colors");
            if (p.indices.size() % 3 != 0)
                out.add(where + s(p.indices.size()) + " indices are not whole triangles");
            for (const std::uint32_t i : p.indices)
                if (i >= v) {
                    out.add(where + "index " + s(i) + " >= " + s(v) + " vertices");
                    break;
                }
            if (p.influenceCount != 0 && p.influenceCount != 4 && p.influenceCount != 8)
                out.add(where + "influenceCount is " + std::to_string(p.influenceCount));
            const std::size_t k = static_cast<std::size_t>(std::max(p.influenceCount, 0));
            if (p.joints.size() != v * k || p.weights.size() != v * k)
                out.add(where + "joints/weights do not hold influenceCount per vertex");
            else if (k > 0 && jointLimit[m] != std::numeric_limits<std::size_t>::max()) {
                for (std::size_t j = 0; j < p.joints.size(); ++j)
                    if (p.weights[j] != 0.0f && p.joints[j] >= jointLimit[m]) {
                        out.add(where + "joint index " + s(p.joints[j]) + " >= the skin's " +
                                s(jointLimit[m]) + " joints");
                        break;
                    }
            }
            for (std::size_t t = 0; t < p.morphTargets.size(); ++t) {
                const MorphTarget& mt = p.morphTargets[t];
                if ((!mt.positionDeltas.empty() && mt.positionDeltas.size() != v) ||
                    (!mt.normalDeltas.empty() && mt.normalDeltas.size() != v))
                    out.add(where + "morph target " + s(t) + " does not have one delta per vertex");
            }
            if (p.material != -1 && !inRange(p.material, scene.materials.size()))
                out.add(where + "material " + std::to_string(p.material) + " does not exist");
        }
    }
    for (std::size_t i = 0; i < scene.materials.size(); ++i) {
        const TextureRef& t = scene.materials[i].baseColorTexture;
        if (t.image != -1 && !inRange(t.image, scene.images.size()))
            out.add("material " + s(i) + ": image " + std::to_string(t.image) + " does not exist");
        if (t.texCoord < 0 || t.texCoord > 1)
            out.add("material " + s(i) + ": texCoord " + std::to_string(t.texCoord));
    }
    for (std::size_t i = 0; i < scene.images.size(); ++i) {
        const Image& img = scene.images[i];
        if (img.width < 0 || img.height < 0 ||
            img.rgba.size() !=
                static_cast<std::size_t>(img.width) * static_cast<std::size_t>(img.height) * 4)
            out.add("image " + s(i) + ": " + s(img.rgba.size()) + " bytes for " +
                    std::to_string(img.width) + "x" + std::to_string(img.height));
    }
    for (std::size_t i = 0; i < scene.skins.size(); ++i) {
        const Skin& k = scene.skins[i];
        for (const int j : k.joints)
            if (!inRange(j, nodeCount))
                out.add("skin " + s(i) + ": joint node " + std::to_string(j) + " does not exist");
        if (k.inverseBindMatrices.size() != k.joints.size())
            out.add("skin " + s(i) + ": " + s(k.inverseBindMatrices.size()) +
                    " inverse bind matrices for " + s(k.joints.size()) + " joints");
        if (k.skeleton != -1 && !inRange(k.skeleton, nodeCount))
            out.add("skin " + s(i) + ": skeleton node does not exist");
    }
    for (std::size_t a = 0; a < scene.animations.size() && !out.full(); ++a) {
        for (std::size_t c = 0; c < scene.animations[a].channels.size(); ++c) {
            const AnimationChannel& ch = scene.animations[a].channels[c];
            const std::string where = "animation " + s(a) + " channel " + s(c) + ": ";
            if (!inRange(ch.node, nodeCount)) {
                out.add(where + "node " + std::to_string(ch.node) + " does not exist");
                continue;
            }
            for (std::size_t t = 0; t < ch.times.size(); ++t)
                if (!std::isfinite(ch.times[t]) || (t > 0 && ch.times[t] < ch.times[t - 1])) {
                    out.add(where + "key times are not finite and ascending");
                    break;
                }
            std::size_t comps = ch.path == AnimationPath::Rotation ? 4 : 3;
            if (ch.path == AnimationPath::Weights) {
                const int mesh = scene.nodes[static_cast<std::size_t>(ch.node)].mesh;
                comps = ch.times.empty()
                            ? 0
                            : ch.values.size() / ch.times.size() /
                                  (ch.interpolation == Interpolation::CubicSpline ? 3 : 1);
                if (!inRange(mesh, scene.meshes.size()))
                    out.add(where + "animates weights of a node without a mesh");
            }
            const std::size_t need =
                ch.times.size() * comps * (ch.interpolation == Interpolation::CubicSpline ? 3 : 1);
            if (ch.values.size() != need)
                out.add(where + s(ch.values.size()) + " values for " + s(ch.times.size()) +
                        " keys");
        }
    }
    return out.take();
}

} // namespace hv::scene
