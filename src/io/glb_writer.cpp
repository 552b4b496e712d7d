// glTF 2.0 binary writer (Khronos glTF 2.0 specification, sections "GLB File Format
// Specification", "Accessors", "Skins"): one JSON chunk and one BIN chunk. Byte-stable: JSON
// keys come out sorted (nlohmann::json objects are ordered maps), numbers in their shortest
// round-trip form, and nothing depends on time or addresses.
#include "io/glb_writer.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>

namespace hv::io {

namespace {

// One vertex's four skin weights as normalised unsigned bytes that sum to exactly 255 where the
// weights sum to 1 (largest remainders get the spare units, as glTF requires sums within one
// unit of 1), and joint index 0 wherever a weight comes out 0 (glTF: no joint used at zero weight).
void quantizeWeights(const std::uint16_t* joints, const float* weights, std::uint8_t* outJoints, std::uint8_t* outWeights) {
    float total = 0.0f;
    for (int k = 0; k < 4; ++k) total += std::clamp(weights[k], 0.0f, 1.0f);
    const int target = static_cast<int>(std::lround(std::min(total, 1.0f) * 255.0f));
    int sum = 0;
    float remainder[4];
    for (int k = 0; k < 4; ++k) {
        const float scaled = std::clamp(weights[k], 0.0f, 1.0f) * 255.0f;
        outWeights[k] = static_cast<std::uint8_t>(std::floor(scaled));
        remainder[k] = scaled - std::floor(scaled);
        sum += outWeights[k];
    }
    while (sum < target) {
        int best = 0;
        for (int k = 1; k < 4; ++k)
            if (remainder[k] > remainder[best]) best = k;
        ++outWeights[best];
        remainder[best] = -1.0f;
        ++sum;
    }
    for (int k = 0; k < 4; ++k) outJoints[k] = outWeights[k] == 0 ? 0 : static_cast<std::uint8_t>(joints[k]);
}

using Json = nlohmann::json;

constexpr int kUnsignedByte = 5121;
constexpr int kUnsignedShort = 5123;
constexpr int kUnsignedInt = 5125;
constexpr int kFloat = 5126;
constexpr int kArrayBuffer = 34962;
constexpr int kElementArrayBuffer = 34963;

class Writer {
public:
    // Appends raw bytes as a new buffer view (4-byte aligned); returns its index.
    int view(const void* data, std::size_t size, int target, int stride) {
        while (m_bin.size() % 4 != 0) m_bin.push_back(0);
        Json v;
        v["buffer"] = 0;
        v["byteOffset"] = m_bin.size();
        v["byteLength"] = size;
        if (target) v["target"] = target;
        if (stride) v["byteStride"] = stride;
        const auto* bytes = static_cast<const std::uint8_t*>(data);
        m_bin.insert(m_bin.end(), bytes, bytes + size);
        m_views.push_back(v);
        return static_cast<int>(m_views.size() - 1);
    }
    int accessor(int bufferView, int componentType, std::size_t count, const char* type, bool normalized = false,
                 const Json& min = nullptr, const Json& max = nullptr) {
        Json a;
        a["bufferView"] = bufferView;
        a["componentType"] = componentType;
        a["count"] = count;
        a["type"] = type;
        if (normalized) a["normalized"] = true;
        if (!min.is_null()) a["min"] = min;
        if (!max.is_null()) a["max"] = max;
        m_accessors.push_back(a);
        return static_cast<int>(m_accessors.size() - 1);
    }
    Json& views() { return m_views; }
    Json& accessors() { return m_accessors; }
    std::vector<std::uint8_t>& bin() { return m_bin; }

private:
    std::vector<std::uint8_t> m_bin;
    Json m_views = Json::array();
    Json m_accessors = Json::array();
};

void put32(std::vector<std::uint8_t>& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>((v >> (8 * i)) & 0xffu));
}

Json vec(const float* v, int n) {
    Json a = Json::array();
    for (int i = 0; i < n; ++i) a.push_back(v[i]);
    return a;
}

Json extrasJson(const std::vector<std::pair<std::string, std::string>>& kv) {
    Json j = Json::object();
    for (const auto& [k, v] : kv) j[k] = v;
    return j;
}

} // namespace

std::vector<std::uint8_t> writeGlb(const scene::Scene& sc, const std::string& generator, const GlbExtras& extras) {
    Writer w;
    Json doc;
    doc["asset"] = {{"version", "2.0"}, {"generator", generator}};
    if (!extras.asset.empty()) doc["asset"]["extras"] = extrasJson(extras.asset);
    doc["scene"] = 0;
    Json sceneJson;
    if (!sc.name.empty()) sceneJson["name"] = sc.name;
    sceneJson["nodes"] = sc.roots;
    doc["scenes"] = Json::array({sceneJson});

    Json nodes = Json::array();
    for (const scene::Node& n : sc.nodes) {
        Json j;
        if (!n.name.empty()) j["name"] = n.name;
        if (!n.children.empty()) j["children"] = n.children;
        if (n.translation != glm::vec3(0.0f)) j["translation"] = vec(&n.translation.x, 3);
        if (n.rotation != glm::quat(1.0f, 0.0f, 0.0f, 0.0f)) j["rotation"] = {n.rotation.x, n.rotation.y, n.rotation.z, n.rotation.w};
        if (n.scale != glm::vec3(1.0f)) j["scale"] = vec(&n.scale.x, 3);
        if (n.mesh >= 0) j["mesh"] = n.mesh;
        if (n.skin >= 0) j["skin"] = n.skin;
        if (!n.morphWeights.empty()) j["weights"] = n.morphWeights;
        const std::size_t index = static_cast<std::size_t>(&n - sc.nodes.data());
        if (index < extras.nodes.size() && !extras.nodes[index].empty()) j["extras"] = extrasJson(extras.nodes[index]);
        nodes.push_back(j);
    }
    doc["nodes"] = nodes;

    Json materials = Json::array();
    for (const scene::Material& m : sc.materials) {
        Json j;
        j["name"] = m.name;
        j["pbrMetallicRoughness"] = {{"baseColorFactor", vec(&m.baseColor.x, 4)}, {"metallicFactor", m.metallic}, {"roughnessFactor", m.roughness}};
        if (m.doubleSided) j["doubleSided"] = true;
        if (m.alphaMode == scene::AlphaMode::Blend) j["alphaMode"] = "BLEND";
        if (m.alphaMode == scene::AlphaMode::Mask) {
            j["alphaMode"] = "MASK";
            j["alphaCutoff"] = m.alphaCutoff;
        }
        materials.push_back(j);
    }
    if (!materials.empty()) doc["materials"] = materials;

    Json meshes = Json::array();
    for (const scene::Mesh& mesh : sc.meshes) {
        Json prims = Json::array();
        for (const scene::Primitive& p : mesh.primitives) {
            Json attributes;
            const std::size_t n = p.positions.size();
            glm::vec3 lo(std::numeric_limits<float>::max()), hi(-std::numeric_limits<float>::max());
            for (const glm::vec3& v : p.positions) {
                lo = glm::min(lo, v);
                hi = glm::max(hi, v);
            }
            attributes["POSITION"] = w.accessor(w.view(p.positions.data(), n * 12, kArrayBuffer, 0), kFloat, n, "VEC3", false, vec(&lo.x, 3),
                                                vec(&hi.x, 3));
            if (p.normals.size() == n) attributes["NORMAL"] = w.accessor(w.view(p.normals.data(), n * 12, kArrayBuffer, 0), kFloat, n, "VEC3");
            if (p.colors.size() == n) attributes["COLOR_0"] = w.accessor(w.view(p.colors.data(), n * 16, kArrayBuffer, 0), kFloat, n, "VEC4");
            if (p.influenceCount == 4 && p.joints.size() == n * 4 && p.weights.size() == n * 4) {
                std::vector<std::uint8_t> joints(n * 4), weights(n * 4);
                for (std::size_t v = 0; v < n; ++v) quantizeWeights(&p.joints[v * 4], &p.weights[v * 4], &joints[v * 4], &weights[v * 4]);
                attributes["JOINTS_0"] = w.accessor(w.view(joints.data(), joints.size(), kArrayBuffer, 0), kUnsignedByte, n, "VEC4");
                attributes["WEIGHTS_0"] = w.accessor(w.view(weights.data(), weights.size(), kArrayBuffer, 0), kUnsignedByte, n, "VEC4", true);
            }
            Json targets = Json::array();
            for (const scene::MorphTarget& t : p.morphTargets) {
                Json target = Json::object();
                if (t.positionDeltas.size() == n) {
                    glm::vec3 tlo(std::numeric_limits<float>::max()), thi(-std::numeric_limits<float>::max());
                    for (const glm::vec3& v : t.positionDeltas) {
                        tlo = glm::min(tlo, v);
                        thi = glm::max(thi, v);
                    }
                    target["POSITION"] = w.accessor(w.view(t.positionDeltas.data(), n * 12, kArrayBuffer, 0), kFloat, n, "VEC3", false,
                                                    vec(&tlo.x, 3), vec(&thi.x, 3));
                }
                if (t.normalDeltas.size() == n)
                    target["NORMAL"] = w.accessor(w.view(t.normalDeltas.data(), n * 12, kArrayBuffer, 0), kFloat, n, "VEC3");
                targets.push_back(target);
            }
            Json prim;
            prim["attributes"] = attributes;
            if (!targets.empty()) prim["targets"] = targets;
            prim["mode"] = 4;
            if (p.material >= 0) prim["material"] = p.material;
            if (n <= 65535) {
                std::vector<std::uint16_t> idx(p.indices.begin(), p.indices.end());
                prim["indices"] = w.accessor(w.view(idx.data(), idx.size() * 2, kElementArrayBuffer, 0), kUnsignedShort, idx.size(), "SCALAR");
            } else {
                prim["indices"] = w.accessor(w.view(p.indices.data(), p.indices.size() * 4, kElementArrayBuffer, 0), kUnsignedInt,
                                             p.indices.size(), "SCALAR");
            }
            prims.push_back(prim);
        }
        Json j;
        if (!mesh.name.empty()) j["name"] = mesh.name;
        j["primitives"] = prims;
        if (!mesh.defaultMorphWeights.empty()) j["weights"] = mesh.defaultMorphWeights;
        meshes.push_back(j);
    }
    if (!meshes.empty()) doc["meshes"] = meshes;

    Json skins = Json::array();
    for (const scene::Skin& s : sc.skins) {
        Json j;
        if (!s.name.empty()) j["name"] = s.name;
        j["joints"] = s.joints;
        if (s.skeleton >= 0) j["skeleton"] = s.skeleton;
        if (!s.inverseBindMatrices.empty()) {
            std::vector<float> m;
            for (const glm::mat4& ibm : s.inverseBindMatrices)
                for (int c = 0; c < 4; ++c)
                    for (int r = 0; r < 4; ++r) m.push_back(c == 3 && r == 3 ? 1.0f : (r == 3 ? 0.0f : ibm[c][r]));
            j["inverseBindMatrices"] = w.accessor(w.view(m.data(), m.size() * 4, 0, 0), kFloat, s.inverseBindMatrices.size(), "MAT4");
        }
        skins.push_back(j);
    }
    if (!skins.empty()) doc["skins"] = skins;

    Json animations = Json::array();
    std::map<std::vector<float>, int> timeAccessors; // channels with the same key times share one input
    for (const scene::Animation& a : sc.animations) {
        Json samplers = Json::array(), channels = Json::array();
        for (const scene::AnimationChannel& c : a.channels) {
            auto it = timeAccessors.find(c.times);
            if (it == timeAccessors.end()) {
                const float lo = c.times.front(), hi = c.times.back();
                const int acc = w.accessor(w.view(c.times.data(), c.times.size() * 4, 0, 0), kFloat, c.times.size(), "SCALAR", false,
                                           Json::array({lo}), Json::array({hi}));
                it = timeAccessors.emplace(c.times, acc).first;
            }
            const char* type = "SCALAR";
            std::size_t count = c.values.size();
            const char* path = "weights";
            switch (c.path) {
            case scene::AnimationPath::Translation: type = "VEC3", count /= 3, path = "translation"; break;
            case scene::AnimationPath::Scale: type = "VEC3", count /= 3, path = "scale"; break;
            case scene::AnimationPath::Rotation: type = "VEC4", count /= 4, path = "rotation"; break;
            case scene::AnimationPath::Weights: break;
            }
            const int out = w.accessor(w.view(c.values.data(), c.values.size() * 4, 0, 0), kFloat, count, type);
            samplers.push_back({{"input", it->second}, {"output", out},
                                {"interpolation", c.interpolation == scene::Interpolation::Step ? "STEP" : "LINEAR"}});
            channels.push_back({{"sampler", samplers.size() - 1}, {"target", {{"node", c.node}, {"path", path}}}});
        }
        Json j;
        if (!a.name.empty()) j["name"] = a.name;
        j["samplers"] = samplers;
        j["channels"] = channels;
        animations.push_back(j);
    }
    if (!animations.empty()) doc["animations"] = animations;

    doc["accessors"] = w.accessors();
    doc["bufferViews"] = w.views();
    while (w.bin().size() % 4 != 0) w.bin().push_back(0);
    doc["buffers"] = Json::array({Json{{"byteLength", w.bin().size()}}});

    std::string json = doc.dump();
    while (json.size() % 4 != 0) json.push_back(' ');
    std::vector<std::uint8_t> out;
    const std::size_t total = 12 + 8 + json.size() + 8 + w.bin().size();
    out.reserve(total);
    put32(out, 0x46546C67u); // "glTF"
    put32(out, 2u);
    put32(out, static_cast<std::uint32_t>(total));
    put32(out, static_cast<std::uint32_t>(json.size()));
    put32(out, 0x4E4F534Au); // "JSON"
    out.insert(out.end(), json.begin(), json.end());
    put32(out, static_cast<std::uint32_t>(w.bin().size()));
    put32(out, 0x004E4942u); // "BIN\0"
    out.insert(out.end(), w.bin().begin(), w.bin().end());
    return out;
}

} // namespace hv::io
