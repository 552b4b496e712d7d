// glTF 2.0 (.gltf, .glb) -> scene::Scene through tinygltf. The only translation unit that sees
// tinygltf's types.
//
// tinygltf parses the JSON and loads buffers; everything it hands over is validated here before
// use, since tinygltf 2.7 checks little (accessor and buffer-view ranges, indices, node links).
// Its file access goes through FsCallbacks that only read regular files inside the model's folder
// (and never expand "~" or "$VAR" the way its default callbacks do); images are not decoded by
// tinygltf (the image callback only keeps the encoded bytes), but here, with size limits, after
// the buffer view holding them has been checked.
#include "io/detail/accessor_reader.hpp"
#include "io/detail/geometry_check.hpp"
#include "io/detail/load_support.hpp"
#include "io/detail/loaders.hpp"
#include "scene/geometry.hpp"

#include <tiny_gltf.h>

#include <glm/glm.hpp>
#include <glm/gtc/quaternion.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <map>
#include <set>

namespace fs = std::filesystem;

namespace hv::io::detail {

static_assert(kGltfByte == TINYGLTF_COMPONENT_TYPE_BYTE &&
              kGltfUnsignedByte == TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE &&
              kGltfShort == TINYGLTF_COMPONENT_TYPE_SHORT &&
              kGltfUnsignedShort == TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT &&
              kGltfInt == TINYGLTF_COMPONENT_TYPE_INT &&
              kGltfUnsignedInt == TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT &&
              kGltfFloat == TINYGLTF_COMPONENT_TYPE_FLOAT);

namespace {

// ---- file access confined to the model's folder -----------------------------------------------

struct FsContext {
    const ModelFolder* folder = nullptr;
    const LoadLimits* limits = nullptr;
    std::string rootPrefix;      // root + '/'
    std::uint64_t bytesRead = 0; // external files read so far
    struct Refusal {
        std::string reference;
        std::string reason;
    };
    std::vector<Refusal> refusals; // each reference once

    void refuse(const std::string& reference, const std::string& reason) {
        for (const Refusal& r : refusals)
            if (r.reference == reference) return;
        refusals.push_back({reference, reason});
    }

    // The reference as written in the file (tinygltf joins it to the base folder), or nothing
    // when tinygltf is trying its second search path (the working directory), which is never
    // allowed.
    std::optional<std::string> reference(const std::string& joined) const {
        if (joined.size() <= rootPrefix.size() ||
            joined.compare(0, rootPrefix.size(), rootPrefix) != 0)
            return std::nullopt;
        return joined.substr(rootPrefix.size());
    }
};

bool fsFileExists(const std::string& path, void* user) {
    auto* ctx = static_cast<FsContext*>(user);
    const auto ref = ctx->reference(path);
    if (!ref) return false;
    const ModelFolder::Resolved r = ctx->folder->resolve(*ref);
    if (r.refusal == ModelFolder::Refusal::None) return true;
    if (r.refusal != ModelFolder::Refusal::Missing) ctx->refuse(*ref, r.reason);
    return false;
}

std::string fsExpandFilePath(const std::string& path, void*) {
    return path;
} // no ~ or $VAR expansion

bool fsReadWholeFile(std::vector<unsigned char>* out, std::string* err, const std::string& path,
                     void* user) {
    auto* ctx = static_cast<FsContext*>(user);
    const auto ref = ctx->reference(path);
    if (!ref) {
        if (err) *err += "outside the model's folder";
        return false;
    }
    const ModelFolder::Resolved r = ctx->folder->resolve(*ref);
    if (r.refusal != ModelFolder::Refusal::None) {
        ctx->refuse(*ref, r.reason);
        if (err) *err += r.reason;
        return false;
    }
    const std::uint64_t remaining = ctx->limits->maxTotalBufferBytes > ctx->bytesRead
                                        ? ctx->limits->maxTotalBufferBytes - ctx->bytesRead
                                        : 0;
    std::string reason;
    std::vector<std::uint8_t> bytes;
    if (!readFileBounded(r.path, std::min(ctx->limits->maxFileBytes, remaining), bytes, reason)) {
        ctx->refuse(*ref, reason);
        if (err) *err += reason;
        return false;
    }
    ctx->bytesRead += bytes.size();
    out->assign(bytes.begin(), bytes.end());
    return true;
}

bool fsWriteWholeFile(std::string* err, const std::string&, const std::vector<unsigned char>&,
                      void*) {
    if (err) *err += "writing is not allowed while loading";
    return false;
}

// Keeps the encoded bytes of images given by URI (file or data:); images in buffer views are
// left alone here and read after their buffer view has been checked.
bool keepEncodedImage(tinygltf::Image* image, const int, std::string*, std::string*, int, int,
                      const unsigned char* bytes, int size, void*) {
    if (image->bufferView >= 0) return true;
    if (bytes && size > 0) image->image.assign(bytes, bytes + size);
    image->as_is = true;
    return true;
}

// ---- helpers ------------------------------------------------------------------------------------

std::string field(const char* what, std::size_t index) {
    return std::string(what) + " " + std::to_string(index);
}
std::string field(const char* what, int index) {
    return std::string(what) + " " + std::to_string(index);
}

int componentCount(int type) {
    switch (type) {
    case TINYGLTF_TYPE_SCALAR:
        return 1;
    case TINYGLTF_TYPE_VEC2:
        return 2;
    case TINYGLTF_TYPE_VEC3:
        return 3;
    case TINYGLTF_TYPE_VEC4:
        return 4;
    case TINYGLTF_TYPE_MAT2:
        return 4;
    case TINYGLTF_TYPE_MAT3:
        return 9;
    case TINYGLTF_TYPE_MAT4:
        return 16;
    default:
        return 0;
    }
}

const char* typeName(int type) {
    switch (type) {
    case TINYGLTF_TYPE_SCALAR:
        return "SCALAR";
    case TINYGLTF_TYPE_VEC2:
        return "VEC2";
    case TINYGLTF_TYPE_VEC3:
        return "VEC3";
    case TINYGLTF_TYPE_VEC4:
        return "VEC4";
    case TINYGLTF_TYPE_MAT2:
        return "MAT2";
    case TINYGLTF_TYPE_MAT3:
        return "MAT3";
    case TINYGLTF_TYPE_MAT4:
        return "MAT4";
    default:
        return "unknown type";
    }
}

// ---- the converter ------------------------------------------------------------------------------

class Converter {
  public:
    // `decodedBudget`: bytes of numbers that may be read out of accessors (see loadGltf()).
    Converter(const tinygltf::Model& model, const LoadLimits& limits, Report& report,
              std::uint64_t decodedBudget)
        : m_model(model), m_limits(limits), m_report(report),
          m_reader(bufferSpans(model), viewDescs(model), decodedBudget) {}

    std::optional<scene::Scene> run();

  private:
    bool checkAccessor(int index, const std::string& where, std::initializer_list<int> types,
                       std::initializer_list<int> componentTypes);
    // The accessor as the reader describes it (its own normalized flag).
    static AccessorDesc describe(const tinygltf::Accessor& a);
    static std::vector<std::span<const std::uint8_t>> bufferSpans(const tinygltf::Model& model);
    static std::vector<BufferViewDesc> viewDescs(const tinygltf::Model& model);
    // Reads accessor `index` (checked against `types` and `componentTypes` first); on failure
    // reports an error and returns false.
    bool readFloats(int index, const std::string& where, std::initializer_list<int> types,
                    std::initializer_list<int> componentTypes, bool forceNormalized,
                    std::vector<float>& out, int& components);
    bool readUints(int index, const std::string& where, std::initializer_list<int> types,
                   std::initializer_list<int> componentTypes, std::vector<std::uint32_t>& out,
                   int& components);

    bool convertBuffersAndViews();
    void convertImages(scene::Scene& s);
    scene::TextureRef textureRef(const tinygltf::TextureInfo& info, const std::string& where);
    void convertMaterials(scene::Scene& s);
    void convertMeshes(scene::Scene& s);
    bool convertPrimitive(const tinygltf::Primitive& p, const std::string& where,
                          scene::Primitive& out);
    bool convertNodes(scene::Scene& s);
    bool convertSkins(scene::Scene& s);
    void convertAnimations(scene::Scene& s);
    void checkSkinnedMeshes(scene::Scene& s);

    const tinygltf::Model& m_model;
    const LoadLimits& m_limits;
    Report& m_report;
    std::uint64_t m_vertices = 0;
    std::uint64_t m_indices = 0;
    std::uint64_t m_primitives = 0;
    std::uint64_t m_keys = 0;
    AccessorReader m_reader;
    ImageBudget m_imageBudget;
};

bool Converter::checkAccessor(int index, const std::string& where, std::initializer_list<int> types,
                              std::initializer_list<int> componentTypes) {
    if (index < 0 || static_cast<std::size_t>(index) >= m_model.accessors.size()) {
        m_report.error(where,
                       "refers to accessor " + std::to_string(index) + ", which does not exist");
        return false;
    }
    const tinygltf::Accessor& a = m_model.accessors[static_cast<std::size_t>(index)];
    if (std::find(types.begin(), types.end(), a.type) == types.end()) {
        m_report.error(field("accessor", index), std::string("has type ") + typeName(a.type) +
                                                     ", which " + where + " cannot use");
        return false;
    }
    if (std::find(componentTypes.begin(), componentTypes.end(), a.componentType) ==
        componentTypes.end()) {
        m_report.error(field("accessor", index), "has component type " +
                                                     std::to_string(a.componentType) + ", which " +
                                                     where + " cannot use");
        return false;
    }
    return true;
}

AccessorDesc Converter::describe(const tinygltf::Accessor& a) {
    AccessorDesc d;
    d.bufferView = a.bufferView;
    d.byteOffset = a.byteOffset;
    d.componentType = a.componentType;
    d.components = componentCount(a.type);
    d.count = a.count;
    d.normalized = a.normalized;
    d.sparse.present = a.sparse.isSparse;
    d.sparse.count = a.sparse.count;
    d.sparse.indexComponentType = a.sparse.indices.componentType;
    d.sparse.indicesView = a.sparse.indices.bufferView;
    d.sparse.indicesOffset = a.sparse.indices.byteOffset;
    d.sparse.valuesView = a.sparse.values.bufferView;
    d.sparse.valuesOffset = a.sparse.values.byteOffset;
    return d;
}

std::vector<std::span<const std::uint8_t>> Converter::bufferSpans(const tinygltf::Model& model) {
    std::vector<std::span<const std::uint8_t>> spans;
    spans.reserve(model.buffers.size());
    for (const tinygltf::Buffer& b : model.buffers) spans.emplace_back(b.data);
    return spans;
}

std::vector<BufferViewDesc> Converter::viewDescs(const tinygltf::Model& model) {
    std::vector<BufferViewDesc> views;
    views.reserve(model.bufferViews.size());
    for (const tinygltf::BufferView& v : model.bufferViews)
        views.push_back({v.buffer, v.byteOffset, v.byteLength, v.byteStride});
    return views;
}

bool Converter::readFloats(int index, const std::string& where, std::initializer_list<int> types,
                           std::initializer_list<int> componentTypes, bool forceNormalized,
                           std::vector<float>& out, int& components) {
    if (!checkAccessor(index, where, types, componentTypes)) return false;
    const tinygltf::Accessor& a = m_model.accessors[static_cast<std::size_t>(index)];
    AccessorDesc d = describe(a);
    components = d.components;
    d.normalized = a.normalized || (forceNormalized && a.componentType != TINYGLTF_COMPONENT_TYPE_FLOAT);
    AccessorProblem problem;
    if (m_reader.readFloats(d, where, out, problem)) return true;
    m_report.error(problem.field, problem.message);
    return false;
}

bool Converter::readUints(int index, const std::string& where, std::initializer_list<int> types,
                          std::initializer_list<int> componentTypes,
                          std::vector<std::uint32_t>& out, int& components) {
    if (!checkAccessor(index, where, types, componentTypes)) return false;
    const AccessorDesc d = describe(m_model.accessors[static_cast<std::size_t>(index)]);
    components = d.components;
    AccessorProblem problem;
    if (m_reader.readUints(d, where, out, problem)) return true;
    m_report.error(problem.field, problem.message);
    return false;
}

// ---- images and materials ----------------------------------------------------------------------

void Converter::convertImages(scene::Scene& s) {
    s.images.resize(m_model.images.size());
    for (std::size_t i = 0; i < m_model.images.size(); ++i) {
        const tinygltf::Image& img = m_model.images[i];
        scene::Image& out = s.images[i];
        out.name = !img.name.empty() ? img.name : img.uri.substr(0, 200);
        const std::string where = field("image", i);
        std::span<const std::uint8_t> encoded;
        if (img.bufferView >= 0) {
            AccessorProblem problem;
            if (!m_reader.view(img.bufferView, where, encoded, problem)) {
                m_report.warn(where, problem.field + ": " + problem.message +
                                         "; the image is left out"); // not fatal
                continue;
            }
        } else {
            encoded = img.image;
        }
        if (encoded.empty()) {
            m_report.warn(where, img.uri.empty() ? "has no data; left out"
                                                 : "\"" + img.uri.substr(0, 200) +
                                                       "\" could not be read; left out");
            continue;
        }
        std::string reason;
        if (!decodeImage(encoded, m_limits, m_imageBudget, out, reason))
            m_report.warn(where, reason + "; left out");
    }
}

scene::TextureRef Converter::textureRef(const tinygltf::TextureInfo& info,
                                        const std::string& where) {
    scene::TextureRef ref;
    if (info.index < 0) return ref;
    if (static_cast<std::size_t>(info.index) >= m_model.textures.size()) {
        m_report.warn(where,
                      "refers to texture " + std::to_string(info.index) + ", which does not exist");
        return ref;
    }
    const int source = m_model.textures[static_cast<std::size_t>(info.index)].source;
    if (source < 0 || static_cast<std::size_t>(source) >= m_model.images.size()) {
        m_report.warn(field("texture", info.index), "has no usable image source");
        return ref;
    }
    ref.image = source;
    ref.texCoord = info.texCoord;
    const auto ext = info.extensions.find("KHR_texture_transform");
    if (ext != info.extensions.end() && ext->second.IsObject()) {
        const tinygltf::Value& t = ext->second;
        auto vec2 = [&](const char* key, glm::vec2& v) {
            if (!t.Has(key)) return;
            const tinygltf::Value& a = t.Get(key);
            if (a.IsArray() && a.ArrayLen() == 2 && a.Get(0).IsNumber() && a.Get(1).IsNumber())
                v = {finiteFloat(a.Get(0).GetNumberAsDouble(), v.x),
                     finiteFloat(a.Get(1).GetNumberAsDouble(), v.y)};
        };
        vec2("offset", ref.offset);
        vec2("scale", ref.scale);
        if (t.Has("rotation") && t.Get("rotation").IsNumber())
            ref.rotation = finiteFloat(t.Get("rotation").GetNumberAsDouble(), 0.0f);
        if (t.Has("texCoord") && t.Get("texCoord").IsNumber())
            ref.texCoord = t.Get("texCoord").GetNumberAsInt();
    }
    if (ref.texCoord < 0 || ref.texCoord > 1) {
        m_report.warn(where, "uses TEXCOORD_" + std::to_string(ref.texCoord) +
                                 "; only sets 0 and 1 are read, set 0 is used");
        ref.texCoord = 0;
    }
    return ref;
}

void Converter::convertMaterials(scene::Scene& s) {
    s.materials.reserve(m_model.materials.size());
    for (std::size_t i = 0; i < m_model.materials.size(); ++i) {
        const tinygltf::Material& m = m_model.materials[i];
        const std::string where = field("material", i);
        scene::Material out;
        out.name = m.name;
        const auto& pbr = m.pbrMetallicRoughness;
        out.baseColor = glm::vec4(1.0f); // glTF's default factor
        if (pbr.baseColorFactor.size() == 4) {
            for (int k = 0; k < 4; ++k) {
                const double v = pbr.baseColorFactor[static_cast<std::size_t>(k)];
                out.baseColor[k] =
                    std::isfinite(v) ? static_cast<float>(std::clamp(v, 0.0, 1.0)) : 1.0f;
            }
        }
        out.baseColorTexture = textureRef(pbr.baseColorTexture, where);
        out.metallic = std::isfinite(pbr.metallicFactor)
                           ? static_cast<float>(std::clamp(pbr.metallicFactor, 0.0, 1.0))
                           : 1.0f;
        out.roughness = std::isfinite(pbr.roughnessFactor)
                            ? static_cast<float>(std::clamp(pbr.roughnessFactor, 0.0, 1.0))
                            : 1.0f;
        if (m.alphaMode == "MASK")
            out.alphaMode = scene::AlphaMode::Mask;
        else if (m.alphaMode == "BLEND")
            out.alphaMode = scene::AlphaMode::Blend;
        out.alphaCutoff = finiteFloat(m.alphaCutoff, 0.5f);
        out.doubleSided = m.doubleSided;
        s.materials.push_back(std::move(out));
    }
}

// ---- meshes
// --------------------------------------------------------------------------------------

bool Converter::convertPrimitive(const tinygltf::Primitive& p, const std::string& where,
                                 scene::Primitive& out) {
    constexpr int kFloat = TINYGLTF_COMPONENT_TYPE_FLOAT;
    constexpr int kUByte = TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE;
    constexpr int kByte = TINYGLTF_COMPONENT_TYPE_BYTE;
    constexpr int kUShort = TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT;
    constexpr int kShort = TINYGLTF_COMPONENT_TYPE_SHORT;
    constexpr int kUInt = TINYGLTF_COMPONENT_TYPE_UNSIGNED_INT;

    const int mode = p.mode < 0 ? TINYGLTF_MODE_TRIANGLES : p.mode;
    if (mode != TINYGLTF_MODE_TRIANGLES && mode != TINYGLTF_MODE_TRIANGLE_STRIP &&
        mode != TINYGLTF_MODE_TRIANGLE_FAN) {
        m_report.warn(where, "draws points or lines (mode " + std::to_string(mode) +
                                 "); only triangles are shown, it is left out");
        return false;
    }
    const auto posIt = p.attributes.find("POSITION");
    if (posIt == p.attributes.end()) {
        m_report.warn(where, "has no POSITION attribute; left out");
        return false;
    }
    // Count budget before anything is allocated.
    const int posIndex = posIt->second;
    if (posIndex < 0 || static_cast<std::size_t>(posIndex) >= m_model.accessors.size()) {
        m_report.error(where + " POSITION",
                       "refers to accessor " + std::to_string(posIndex) + ", which does not exist");
        return false;
    }
    const std::size_t vertexCount = m_model.accessors[static_cast<std::size_t>(posIndex)].count;
    if (vertexCount > m_limits.maxVertices || m_vertices + vertexCount > m_limits.maxVertices) {
        m_report.error(where, "the model has more than " + std::to_string(m_limits.maxVertices) +
                                  " vertices (limit)");
        return false;
    }
    m_vertices += vertexCount;
    if (vertexCount > std::numeric_limits<std::uint32_t>::max()) return false;

    // Every other accessor of this primitive must have the same count; check before reading.
    auto countOf = [&](int index) -> std::size_t {
        return index >= 0 && static_cast<std::size_t>(index) < m_model.accessors.size()
                   ? m_model.accessors[static_cast<std::size_t>(index)].count
                   : 0;
    };

    std::vector<float> f;
    int comps = 0;
    if (!readFloats(posIndex, where + " POSITION", {TINYGLTF_TYPE_VEC3},
                    {kFloat, kByte, kUByte, kShort, kUShort}, false, f, comps))
        return false;
    out.positions.resize(vertexCount);
    for (std::size_t v = 0; v < vertexCount; ++v)
        out.positions[v] = {f[v * 3], f[v * 3 + 1], f[v * 3 + 2]};

    auto optionalAttribute = [&](const char* name) -> int {
        const auto it = p.attributes.find(name);
        if (it == p.attributes.end()) return -1;
        if (countOf(it->second) != vertexCount) {
            m_report.warn(where + " " + name, "has " + std::to_string(countOf(it->second)) +
                                                  " elements for " + std::to_string(vertexCount) +
                                                  " vertices; ignored");
            return -1;
        }
        return it->second;
    };

    if (const int n = optionalAttribute("NORMAL"); n >= 0) {
        if (readFloats(n, where + " NORMAL", {TINYGLTF_TYPE_VEC3}, {kFloat, kByte, kShort}, true, f,
                       comps)) {
            out.normals.resize(vertexCount);
            for (std::size_t v = 0; v < vertexCount; ++v)
                out.normals[v] = {f[v * 3], f[v * 3 + 1], f[v * 3 + 2]};
        } else {
            return false;
        }
    }
    for (int set = 0; set < 2; ++set) {
        const std::string name = "TEXCOORD_" + std::to_string(set);
        const int t = optionalAttribute(name.c_str());
        if (t < 0) continue;
        if (!readFloats(t, where + " " + name, {TINYGLTF_TYPE_VEC2},
                        {kFloat, kByte, kUByte, kShort, kUShort}, false, f, comps))
            return false;
        auto& uv = set == 0 ? out.texcoords0 : out.texcoords1;
        uv.resize(vertexCount);
        for (std::size_t v = 0; v < vertexCount; ++v)
            uv[v] = {f[v * 2], f[v * 2 + 1]};
    }
    if (const int c = optionalAttribute("COLOR_0"); c >= 0) {
        if (!readFloats(c, where + " COLOR_0", {TINYGLTF_TYPE_VEC3, TINYGLTF_TYPE_VEC4},
                        {kFloat, kUByte, kUShort}, true, f, comps))
            return false;
        out.colors.resize(vertexCount);
        for (std::size_t v = 0; v < vertexCount; ++v) {
            const float* src = &f[v * static_cast<std::size_t>(comps)];
            out.colors[v] = {src[0], src[1], src[2], comps == 4 ? src[3] : 1.0f};
        }
    }

    // Skin influences: JOINTS_n / WEIGHTS_n pairs while both exist.
    std::vector<std::uint32_t> allJoints;
    std::vector<float> allWeights;
    std::size_t sets = 0;
    for (;; ++sets) {
        const std::string jn = "JOINTS_" + std::to_string(sets),
                          wn = "WEIGHTS_" + std::to_string(sets);
        if (!p.attributes.count(jn) || !p.attributes.count(wn)) break;
        if (sets >= 16) break;
        const int ja = optionalAttribute(jn.c_str()), wa = optionalAttribute(wn.c_str());
        if (ja < 0 || wa < 0) break;
        std::vector<std::uint32_t> j;
        std::vector<float> w;
        int jc = 0, wc = 0;
        if (!readUints(ja, where + " " + jn, {TINYGLTF_TYPE_VEC4}, {kUByte, kUShort}, j, jc))
            return false;
        if (!readFloats(wa, where + " " + wn, {TINYGLTF_TYPE_VEC4}, {kFloat, kUByte, kUShort}, true,
                        w, wc))
            return false;
        // interleave: per vertex, 4 slots per set
        if (sets == 0) {
            allJoints = std::move(j);
            allWeights = std::move(w);
        } else {
            std::vector<std::uint32_t> nj(vertexCount * 4 * (sets + 1));
            std::vector<float> nw(vertexCount * 4 * (sets + 1));
            for (std::size_t v = 0; v < vertexCount; ++v) {
                for (std::size_t k = 0; k < 4 * sets; ++k) {
                    nj[v * 4 * (sets + 1) + k] = allJoints[v * 4 * sets + k];
                    nw[v * 4 * (sets + 1) + k] = allWeights[v * 4 * sets + k];
                }
                for (std::size_t k = 0; k < 4; ++k) {
                    nj[v * 4 * (sets + 1) + 4 * sets + k] = j[v * 4 + k];
                    nw[v * 4 * (sets + 1) + 4 * sets + k] = w[v * 4 + k];
                }
            }
            allJoints = std::move(nj);
            allWeights = std::move(nw);
        }
    }
    if (sets > 0) {
        const std::size_t zero = packInfluences(out, vertexCount, 4 * sets, allJoints, allWeights);
        if (zero > 0)
            m_report.warn(where,
                          std::to_string(zero) +
                              " vertices have no skin weight; each was bound to its first joint");
    }

    // Indices.
    if (p.indices >= 0) {
        const std::size_t count = countOf(p.indices);
        if (count > m_limits.maxIndices || m_indices + count > m_limits.maxIndices) {
            m_report.error(where, "the model has more than " + std::to_string(m_limits.maxIndices) +
                                      " indices (limit)");
            return false;
        }
        m_indices += count;
        std::vector<std::uint32_t> idx;
        int ic = 0;
        if (!readUints(p.indices, where + " indices", {TINYGLTF_TYPE_SCALAR},
                       {kUByte, kUShort, kUInt}, idx, ic))
            return false;
        for (std::size_t i = 0; i < idx.size(); ++i) {
            if (idx[i] >= vertexCount) {
                m_report.warn(field("accessor", p.indices),
                              "index " + std::to_string(idx[i]) + " at position " +
                                  std::to_string(i) + " is not below the vertex count " +
                                  std::to_string(vertexCount) + "; the primitive is left out");
                return false;
            }
        }
        out.indices = std::move(idx);
    } else {
        if (m_indices + vertexCount > m_limits.maxIndices) {
            m_report.error(where, "the model has more than " + std::to_string(m_limits.maxIndices) +
                                      " indices (limit)");
            return false;
        }
        m_indices += vertexCount;
        out.indices.resize(vertexCount);
        for (std::size_t i = 0; i < vertexCount; ++i)
            out.indices[i] = static_cast<std::uint32_t>(i);
    }
    if (mode == TINYGLTF_MODE_TRIANGLE_STRIP || mode == TINYGLTF_MODE_TRIANGLE_FAN) {
        std::vector<std::uint32_t> list;
        const std::size_t n = out.indices.size();
        if (n >= 3) list.reserve((n - 2) * 3);
        for (std::size_t i = 0; i + 2 < n; ++i) {
            if (mode == TINYGLTF_MODE_TRIANGLE_STRIP) {
                const std::size_t odd = i % 2;
                list.insert(list.end(),
                            {out.indices[i], out.indices[i + 1 + odd], out.indices[i + 2 - odd]});
            } else {
                list.insert(list.end(), {out.indices[i + 1], out.indices[i + 2], out.indices[0]});
            }
        }
        out.indices = std::move(list);
    } else if (out.indices.size() % 3 != 0) {
        m_report.warn(
            where,
            "has " + std::to_string(out.indices.size()) +
                " indices, not a multiple of 3; the last triangle is incomplete and left out");
        out.indices.resize(out.indices.size() / 3 * 3);
    }

    // Morph targets.
    if (p.targets.size() > m_limits.maxMorphTargets) {
        m_report.error(where, "has " + std::to_string(p.targets.size()) +
                                  " morph targets, more than the limit of " +
                                  std::to_string(m_limits.maxMorphTargets));
        return false;
    }
    for (std::size_t t = 0; t < p.targets.size(); ++t) {
        scene::MorphTarget target;
        const std::string tw = where + " target " + std::to_string(t);
        for (const char* name : {"POSITION", "NORMAL"}) {
            const auto it = p.targets[t].find(name);
            if (it == p.targets[t].end()) continue;
            if (countOf(it->second) != vertexCount) {
                m_report.warn(tw + " " + name, "has the wrong number of elements; ignored");
                continue;
            }
            if (m_vertices + vertexCount > m_limits.maxVertices) {
                m_report.error(where,
                               "the model's vertices and morph targets exceed the limit of " +
                                   std::to_string(m_limits.maxVertices));
                return false;
            }
            m_vertices += vertexCount;
            if (!readFloats(it->second, tw + " " + name, {TINYGLTF_TYPE_VEC3},
                            {kFloat, kByte, kShort}, false, f, comps))
                return false;
            auto& dst =
                std::string(name) == "POSITION" ? target.positionDeltas : target.normalDeltas;
            dst.resize(vertexCount);
            for (std::size_t v = 0; v < vertexCount; ++v)
                dst[v] = {f[v * 3], f[v * 3 + 1], f[v * 3 + 2]};
        }
        out.morphTargets.push_back(std::move(target));
    }

    if (out.normals.empty()) scene::generateNormals(out);
    std::size_t dropped = 0;
    if (const std::size_t bad = dropNonFiniteTriangles(out, dropped); bad > 0)
        m_report.warn(where, std::to_string(bad) + " of " + std::to_string(vertexCount) +
                                 " POSITION values are not finite (NaN or infinite); the " +
                                 std::to_string(dropped) + " triangles using them are left out");
    out.material = p.material;
    if (out.material >= static_cast<int>(m_model.materials.size()) || out.material < -1) {
        m_report.warn(where, "refers to material " + std::to_string(p.material) +
                                 ", which does not exist; the default is used");
        out.material = -1;
    }
    return true;
}

void Converter::convertMeshes(scene::Scene& s) {
    s.meshes.resize(m_model.meshes.size());
    for (std::size_t i = 0; i < m_model.meshes.size() && !m_report.failed(); ++i) {
        const tinygltf::Mesh& m = m_model.meshes[i];
        scene::Mesh& out = s.meshes[i];
        out.name = m.name;
        for (const double w : m.weights)
            out.defaultMorphWeights.push_back(finiteFloat(w, 0.0f));
        for (std::size_t p = 0; p < m.primitives.size() && !m_report.failed(); ++p) {
            if (++m_primitives > m_limits.maxMeshes) {
                m_report.error("", "the model has more than " + std::to_string(m_limits.maxMeshes) +
                                       " primitives (limit)");
                return;
            }
            scene::Primitive prim;
            if (convertPrimitive(m.primitives[p],
                                 "mesh " + std::to_string(i) + " primitive " + std::to_string(p),
                                 prim))
                out.primitives.push_back(std::move(prim));
        }
    }
}

// ---- nodes
// ---------------------------------------------------------------------------------------

bool allFinite(const std::vector<double>& v) {
    return std::all_of(v.begin(), v.end(), [](double d) { return std::isfinite(d); });
}

bool Converter::convertNodes(scene::Scene& s) {
    const std::size_t n = m_model.nodes.size();
    s.nodes.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const tinygltf::Node& src = m_model.nodes[i];
        scene::Node& dst = s.nodes[i];
        const std::string where = field("node", i);
        dst.name = src.name;
        if (src.matrix.size() == 16) {
            if (allFinite(src.matrix)) {
                glm::mat4 m;
                for (int c = 0; c < 4; ++c)
                    for (int r = 0; r < 4; ++r)
                        m[c][r] =
                            static_cast<float>(src.matrix[static_cast<std::size_t>(c * 4 + r)]);
                decompose(m, dst);
            } else {
                m_report.warn(where, "its matrix has non-finite values; identity used");
            }
        } else {
            if (src.translation.size() == 3 && allFinite(src.translation))
                dst.translation = {static_cast<float>(src.translation[0]),
                                   static_cast<float>(src.translation[1]),
                                   static_cast<float>(src.translation[2])};
            if (src.scale.size() == 3 && allFinite(src.scale))
                dst.scale = {static_cast<float>(src.scale[0]), static_cast<float>(src.scale[1]),
                             static_cast<float>(src.scale[2])};
            if (src.rotation.size() == 4 && allFinite(src.rotation)) {
                const glm::quat q(
                    static_cast<float>(src.rotation[3]), static_cast<float>(src.rotation[0]),
                    static_cast<float>(src.rotation[1]), static_cast<float>(src.rotation[2]));
                const float len = glm::length(q);
                if (len > 1e-6f && std::isfinite(len))
                    dst.rotation = q / len;
                else
                    m_report.warn(where, "its rotation is not a unit quaternion; identity used");
            }
            if ((!src.translation.empty() && !allFinite(src.translation)) ||
                (!src.scale.empty() && !allFinite(src.scale)) ||
                (!src.rotation.empty() && !allFinite(src.rotation)))
                m_report.warn(
                    where, "has non-finite transform values; they were replaced by the defaults");
        }
        if (!finiteTransform(dst)) {
            m_report.warn(where, "its transform does not fit in 32-bit floats; identity used");
            dst.translation = glm::vec3(0.0f);
            dst.rotation = glm::quat(1.0f, 0.0f, 0.0f, 0.0f);
            dst.scale = glm::vec3(1.0f);
        }
        if (src.mesh >= 0 && static_cast<std::size_t>(src.mesh) < s.meshes.size())
            dst.mesh = src.mesh;
        else if (src.mesh >= 0 || src.mesh < -1)
            m_report.warn(where,
                          "refers to mesh " + std::to_string(src.mesh) + ", which does not exist");
        dst.skin = src.skin; // checked in convertSkins
        for (const double w : src.weights)
            dst.morphWeights.push_back(finiteFloat(w, 0.0f));
    }
    // Parent links: each node at most one parent; a second link is dropped.
    for (std::size_t i = 0; i < n; ++i) {
        for (const int c : m_model.nodes[i].children) {
            const std::string where = field("node", i);
            if (c < 0 || static_cast<std::size_t>(c) >= n) {
                m_report.warn(where, "lists child " + std::to_string(c) +
                                         ", which does not exist; ignored");
                continue;
            }
            scene::Node& child = s.nodes[static_cast<std::size_t>(c)];
            if (static_cast<std::size_t>(c) == i) {
                m_report.error(where,
                               "lists itself as its own child (a cycle in the node hierarchy)");
                return false;
            }
            if (child.parent >= 0) {
                m_report.warn(where,
                              "lists child " + std::to_string(c) + ", which already has parent " +
                                  std::to_string(child.parent) + "; the second link is ignored");
                continue;
            }
            child.parent = static_cast<int>(i);
            s.nodes[i].children.push_back(c);
        }
    }
    // Cycles and depth: walk up from every node; a walk longer than the node count is a cycle.
    std::vector<std::uint64_t> depth(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        if (depth[i]) continue;
        std::vector<std::size_t> chain;
        std::size_t k = i;
        std::uint64_t base = 0;
        for (;;) {
            chain.push_back(k);
            if (chain.size() > n) {
                std::string path;
                for (std::size_t j = chain.size() - std::min<std::size_t>(chain.size(), 6);
                     j < chain.size(); ++j)
                    path += (path.empty() ? "" : " -> ") + std::to_string(chain[j]);
                m_report.error(field("node", k), "the node hierarchy has a cycle (" + path +
                                                     " -> ...): a node is its own ancestor");
                return false;
            }
            const int p = s.nodes[k].parent;
            if (p < 0) break;
            if (depth[static_cast<std::size_t>(p)]) {
                base = depth[static_cast<std::size_t>(p)];
                break;
            }
            k = static_cast<std::size_t>(p);
        }
        for (auto it = chain.rbegin(); it != chain.rend(); ++it)
            depth[*it] = ++base;
        if (base > m_limits.maxNodeDepth) {
            m_report.error(field("node", i), "the node hierarchy is " + std::to_string(base) +
                                                 " levels deep, more than the limit of " +
                                                 std::to_string(m_limits.maxNodeDepth));
            return false;
        }
    }
    // The displayed scene.
    const auto& scenes = m_model.scenes;
    int sceneIndex = m_model.defaultScene;
    if (scenes.empty() && n == 0) {
        m_report.warn("scene",
                      sceneIndex >= 0
                          ? "\"scene\": " + std::to_string(sceneIndex) +
                                " names a scene that does not exist, and the file has no nodes: "
                                "the model is empty"
                          : std::string("the file has no scenes and no nodes: the model is empty"));
        return true;
    }
    if (sceneIndex >= static_cast<int>(scenes.size()) || sceneIndex < -1) {
        m_report.warn("scene", "\"scene\": " + std::to_string(sceneIndex) +
                                   " names a scene that does not exist" +
                                   (scenes.empty() ? std::string("; every root node is shown")
                                                   : "; scene 0 is shown instead"));
        sceneIndex = scenes.empty() ? -1 : 0;
    } else if (sceneIndex < 0 && !scenes.empty()) {
        sceneIndex = 0;
    }
    if (sceneIndex >= 0) {
        const auto& sc = scenes[static_cast<std::size_t>(sceneIndex)];
        s.name = sc.name;
        std::set<int> seen;
        for (const int r : sc.nodes) {
            if (r < 0 || static_cast<std::size_t>(r) >= n) {
                m_report.warn(field("scene", sceneIndex), "lists node " + std::to_string(r) +
                                                              ", which does not exist; ignored");
                continue;
            }
            if (s.nodes[static_cast<std::size_t>(r)].parent >= 0) {
                m_report.warn(field("scene", sceneIndex),
                              "lists node " + std::to_string(r) + ", which is not a root; ignored");
                continue;
            }
            if (seen.insert(r).second) s.roots.push_back(r);
        }
        if (sc.nodes.empty())
            m_report.warn(field("scene", sceneIndex), "has no nodes: the model is empty");
    } else {
        // No scene at all: show every root node (the spec leaves this to the application).
        for (std::size_t i = 0; i < n; ++i)
            if (s.nodes[i].parent < 0) s.roots.push_back(static_cast<int>(i));
    }
    return true;
}

bool Converter::convertSkins(scene::Scene& s) {
    if (m_model.skins.size() > m_limits.maxSkins) {
        m_report.error("", "the model has " + std::to_string(m_model.skins.size()) +
                               " skins, more than the limit of " +
                               std::to_string(m_limits.maxSkins));
        return false;
    }
    std::vector<bool> usable(m_model.skins.size(), true);
    s.skins.resize(m_model.skins.size());
    for (std::size_t i = 0; i < m_model.skins.size(); ++i) {
        const tinygltf::Skin& src = m_model.skins[i];
        scene::Skin& dst = s.skins[i];
        const std::string where = field("skin", i);
        dst.name = src.name;
        if (src.joints.size() > m_limits.maxJoints) {
            m_report.error(where, "has " + std::to_string(src.joints.size()) +
                                      " joints, more than the limit of " +
                                      std::to_string(m_limits.maxJoints));
            return false;
        }
        for (const int j : src.joints) {
            if (j < 0 || static_cast<std::size_t>(j) >= s.nodes.size()) {
                m_report.warn(where, "lists joint node " + std::to_string(j) +
                                         ", which does not exist; the skin is not used");
                usable[i] = false;
                break;
            }
        }
        if (!usable[i]) continue;
        dst.joints = src.joints;
        dst.inverseBindMatrices.assign(src.joints.size(), glm::mat4(1.0f));
        if (src.inverseBindMatrices >= 0) {
            const std::size_t count =
                src.inverseBindMatrices < static_cast<int>(m_model.accessors.size())
                    ? m_model.accessors[static_cast<std::size_t>(src.inverseBindMatrices)].count
                    : 0;
            std::vector<float> f;
            int comps = 0;
            if (count < src.joints.size()) {
                m_report.warn(
                    where,
                    "has fewer inverse bind matrices than joints; identity matrices are used");
            } else if (readFloats(src.inverseBindMatrices, where + " inverseBindMatrices",
                                  {TINYGLTF_TYPE_MAT4}, {TINYGLTF_COMPONENT_TYPE_FLOAT}, false, f,
                                  comps)) {
                for (std::size_t j = 0; j < src.joints.size(); ++j) {
                    glm::mat4 m;
                    for (int c = 0; c < 4; ++c)
                        for (int r = 0; r < 4; ++r)
                            m[c][r] = f[j * 16 + static_cast<std::size_t>(c * 4 + r)];
                    bool finite = true;
                    for (int c = 0; c < 4; ++c)
                        for (int r = 0; r < 4; ++r)
                            finite = finite && std::isfinite(m[c][r]);
                    if (finite)
                        dst.inverseBindMatrices[j] = m;
                    else
                        m_report.warn(where, "inverse bind matrix " + std::to_string(j) +
                                                 " is not finite; identity used");
                }
            } else {
                return false;
            }
        }
        if (src.skeleton >= 0 && static_cast<std::size_t>(src.skeleton) < s.nodes.size())
            dst.skeleton = src.skeleton;
    }
    for (std::size_t i = 0; i < s.nodes.size(); ++i) {
        scene::Node& node = s.nodes[i];
        if (node.skin < 0) {
            node.skin = -1;
            continue;
        }
        if (static_cast<std::size_t>(node.skin) >= s.skins.size() ||
            !usable[static_cast<std::size_t>(node.skin)]) {
            m_report.warn(field("node", i),
                          "refers to skin " + std::to_string(node.skin) +
                              ", which does not exist or is unusable; drawn unskinned");
            node.skin = -1;
        }
    }
    return true;
}

void Converter::checkSkinnedMeshes(scene::Scene& s) {
    // The smallest joint count of the skins each mesh is used with.
    std::vector<std::size_t> jointLimit(s.meshes.size(), std::numeric_limits<std::size_t>::max());
    for (const scene::Node& n : s.nodes)
        if (n.mesh >= 0 && n.skin >= 0)
            jointLimit[static_cast<std::size_t>(n.mesh)] =
                std::min(jointLimit[static_cast<std::size_t>(n.mesh)],
                         s.skins[static_cast<std::size_t>(n.skin)].joints.size());
    for (std::size_t m = 0; m < s.meshes.size(); ++m) {
        if (jointLimit[m] == std::numeric_limits<std::size_t>::max()) continue;
        for (std::size_t p = 0; p < s.meshes[m].primitives.size(); ++p) {
            const std::size_t changed = clampInfluences(s.meshes[m].primitives[p], jointLimit[m]);
            if (changed)
                m_report.warn(
                    "mesh " + std::to_string(m) + " primitive " + std::to_string(p),
                    std::to_string(changed) + " vertices use joint indices beyond their skin's " +
                        std::to_string(jointLimit[m]) + " joints; those influences were dropped");
        }
    }
}

// ---- animations
// ----------------------------------------------------------------------------------

void Converter::convertAnimations(scene::Scene& s) {
    std::uint64_t channels = 0;
    for (const auto& a : m_model.animations)
        channels += a.channels.size();
    if (channels > m_limits.maxAnimationChannels) {
        m_report.error("", "the model has " + std::to_string(channels) +
                               " animation channels, more than the limit of " +
                               std::to_string(m_limits.maxAnimationChannels));
        return;
    }
    constexpr int kFloat = TINYGLTF_COMPONENT_TYPE_FLOAT;
    std::map<int, std::vector<float>> timesCache;
    for (std::size_t ai = 0; ai < m_model.animations.size() && !m_report.failed(); ++ai) {
        const tinygltf::Animation& src = m_model.animations[ai];
        scene::Animation dst;
        dst.name = src.name;
        for (std::size_t ci = 0; ci < src.channels.size() && !m_report.failed(); ++ci) {
            const tinygltf::AnimationChannel& ch = src.channels[ci];
            const std::string where =
                "animation " + std::to_string(ai) + " channel " + std::to_string(ci);
            scene::AnimationChannel out;
            if (ch.target_node < 0 || static_cast<std::size_t>(ch.target_node) >= s.nodes.size()) {
                if (ch.target_node >= 0)
                    m_report.warn(where, "targets node " + std::to_string(ch.target_node) +
                                             ", which does not exist; ignored");
                continue; // no node: an extension's target, ignored
            }
            out.node = ch.target_node;
            std::size_t comps = 0;
            if (ch.target_path == "translation")
                out.path = scene::AnimationPath::Translation, comps = 3;
            else if (ch.target_path == "rotation")
                out.path = scene::AnimationPath::Rotation, comps = 4;
            else if (ch.target_path == "scale")
                out.path = scene::AnimationPath::Scale, comps = 3;
            else if (ch.target_path == "weights") {
                out.path = scene::AnimationPath::Weights;
                const int mesh = s.nodes[static_cast<std::size_t>(out.node)].mesh;
                if (mesh >= 0) {
                    const scene::Mesh& m = s.meshes[static_cast<std::size_t>(mesh)];
                    comps = m.defaultMorphWeights.size();
                    for (const auto& p : m.primitives)
                        comps = std::max(comps, p.morphTargets.size());
                }
                if (comps == 0) {
                    m_report.warn(
                        where, "animates morph weights of a node without morph targets; ignored");
                    continue;
                }
            } else {
                m_report.warn(where,
                              "animates '" + ch.target_path + "', which is not supported; ignored");
                continue;
            }
            if (ch.sampler < 0 || static_cast<std::size_t>(ch.sampler) >= src.samplers.size()) {
                m_report.warn(where, "refers to sampler " + std::to_string(ch.sampler) +
                                         ", which does not exist; ignored");
                continue;
            }
            const tinygltf::AnimationSampler& sm =
                src.samplers[static_cast<std::size_t>(ch.sampler)];
            if (sm.interpolation == "STEP")
                out.interpolation = scene::Interpolation::Step;
            else if (sm.interpolation == "CUBICSPLINE")
                out.interpolation = scene::Interpolation::CubicSpline;
            else if (sm.interpolation.empty() || sm.interpolation == "LINEAR")
                out.interpolation = scene::Interpolation::Linear;
            else {
                m_report.warn(where,
                              "uses interpolation '" + sm.interpolation + "'; linear is used");
            }
            // Key budget before reading.
            const std::size_t keys =
                sm.input >= 0 && static_cast<std::size_t>(sm.input) < m_model.accessors.size()
                    ? m_model.accessors[static_cast<std::size_t>(sm.input)].count
                    : 0;
            if (keys > m_limits.maxAnimationKeys || m_keys + keys > m_limits.maxAnimationKeys) {
                m_report.error(where, "the model's animations have more than " +
                                          std::to_string(m_limits.maxAnimationKeys) +
                                          " keys (limit)");
                return;
            }
            m_keys += keys;
            const std::size_t perKey =
                comps * (out.interpolation == scene::Interpolation::CubicSpline ? 3 : 1);
            const std::size_t outCount =
                sm.output >= 0 && static_cast<std::size_t>(sm.output) < m_model.accessors.size()
                    ? m_model.accessors[static_cast<std::size_t>(sm.output)].count
                    : 0;
            const std::size_t outComps =
                sm.output >= 0 && static_cast<std::size_t>(sm.output) < m_model.accessors.size()
                    ? static_cast<std::size_t>(componentCount(
                          m_model.accessors[static_cast<std::size_t>(sm.output)].type))
                    : 0;
            if (keys == 0 || outCount * outComps != keys * perKey) {
                m_report.warn(where, "its sampler's output has " +
                                         std::to_string(outCount * outComps) + " values for " +
                                         std::to_string(keys) + " keys (expected " +
                                         std::to_string(keys * perKey) + "); ignored");
                continue;
            }
            auto cached = timesCache.find(sm.input);
            if (cached == timesCache.end()) {
                std::vector<float> t;
                int tc = 0;
                if (!readFloats(sm.input, where + " input", {TINYGLTF_TYPE_SCALAR}, {kFloat}, false,
                                t, tc))
                    return;
                bool ok = true;
                for (std::size_t k = 0; k < t.size(); ++k)
                    if (!std::isfinite(t[k]) || (k > 0 && t[k] < t[k - 1])) ok = false;
                if (!ok) {
                    m_report.warn(field("accessor", sm.input),
                                  "key times are not finite and ascending; the channels using them "
                                  "are ignored");
                    t.clear();
                }
                cached = timesCache.emplace(sm.input, std::move(t)).first;
            }
            if (cached->second.empty()) continue;
            out.times = cached->second;
            int oc = 0;
            const int type = out.path == scene::AnimationPath::Weights ? TINYGLTF_TYPE_SCALAR
                             : comps == 4                              ? TINYGLTF_TYPE_VEC4
                                                                       : TINYGLTF_TYPE_VEC3;
            const bool normalizedInts = out.path == scene::AnimationPath::Rotation ||
                                        out.path == scene::AnimationPath::Weights;
            const bool read = normalizedInts ? readFloats(sm.output, where + " output", {type},
                                                          {kFloat, TINYGLTF_COMPONENT_TYPE_BYTE,
                                                           TINYGLTF_COMPONENT_TYPE_UNSIGNED_BYTE,
                                                           TINYGLTF_COMPONENT_TYPE_SHORT,
                                                           TINYGLTF_COMPONENT_TYPE_UNSIGNED_SHORT},
                                                          true, out.values, oc)
                                             : readFloats(sm.output, where + " output", {type},
                                                          {kFloat}, false, out.values, oc);
            if (!read) return;
            if (!std::all_of(out.values.begin(), out.values.end(),
                             [](float v) { return std::isfinite(v); })) {
                m_report.warn(where, "has non-finite values; ignored");
                continue;
            }
            dst.duration = std::max(dst.duration, out.times.back());
            dst.channels.push_back(std::move(out));
        }
        s.animations.push_back(std::move(dst));
    }
}

std::optional<scene::Scene> Converter::run() {
    // Counts first, before anything is allocated for them.
    struct Count {
        const char* what;
        std::size_t n;
        std::uint64_t limit;
    };
    for (const Count& c : {Count{"buffers", m_model.buffers.size(), m_limits.maxBuffers},
                           Count{"accessors", m_model.accessors.size(), m_limits.maxAccessors},
                           Count{"meshes", m_model.meshes.size(), m_limits.maxMeshes},
                           Count{"nodes", m_model.nodes.size(), m_limits.maxNodes},
                           Count{"images", m_model.images.size(), m_limits.maxImages}}) {
        if (c.n > c.limit) {
            m_report.error("", std::string("the model has ") + std::to_string(c.n) + " " + c.what +
                                   ", more than the limit of " + std::to_string(c.limit));
            return std::nullopt;
        }
    }
    for (std::size_t i = 0; i < m_model.accessors.size(); ++i) {
        const auto& a = m_model.accessors[i];
        if (componentCount(a.type) == 0 || gltfComponentSize(a.componentType) == 0) {
            m_report.error(field("accessor", i), "has an invalid type or component type");
            return std::nullopt;
        }
        if (a.count > m_limits.maxVertices && a.count > m_limits.maxIndices &&
            a.count > m_limits.maxAnimationKeys) {
            m_report.error(field("accessor", i), "claims " + std::to_string(a.count) +
                                                     " elements, more than any limit allows");
            return std::nullopt;
        }
    }
    for (const std::string& ext : m_model.extensionsRequired) {
        static const std::set<std::string> supported = {
            "KHR_texture_transform", "KHR_mesh_quantization", "KHR_materials_unlit",
            "KHR_materials_emissive_strength"};
        if (supported.count(ext)) continue;
        m_report.error("extensionsRequired",
                       "the file requires the extension " + ext + ", which HipView cannot read");
        return std::nullopt;
    }

    scene::Scene s;
    s.generator = m_model.asset.generator.substr(0, 200);
    convertImages(s);
    convertMaterials(s);
    convertMeshes(s);
    if (m_report.failed()) return std::nullopt;
    if (!convertNodes(s)) return std::nullopt;
    if (!convertSkins(s)) return std::nullopt;
    checkSkinnedMeshes(s);
    convertAnimations(s);
    if (m_report.failed()) return std::nullopt;
    return s;
}

// A GLB's 12-byte header and chunk table, checked before tinygltf sees it. Returns the JSON chunk.
bool checkGlb(std::span<const std::uint8_t> bytes, Report& report, std::string_view& json) {
    auto u32 = [&](std::size_t at) {
        std::uint32_t v;
        std::memcpy(&v, bytes.data() + at, 4);
        return v;
    };
    if (bytes.size() < 20) {
        report.error("GLB header", "the file is " + std::to_string(bytes.size()) +
                                       " bytes, too short for a binary glTF");
        return false;
    }
    if (std::memcmp(bytes.data(), "glTF", 4) != 0) {
        report.error("GLB header", "the file does not start with the binary glTF magic 'glTF'");
        return false;
    }
    if (u32(4) != 2) {
        report.error("GLB header", "binary glTF version " + std::to_string(u32(4)) +
                                       " is not supported (only 2)");
        return false;
    }
    const std::uint64_t length = u32(8);
    if (length > bytes.size()) {
        report.error("GLB header", "the header claims " + std::to_string(length) +
                                       " bytes but the file has " + std::to_string(bytes.size()));
        return false;
    }
    const std::uint64_t jsonLength = u32(12);
    if (u32(16) != 0x4E4F534Au || 20 + jsonLength > length) {
        report.error("GLB JSON chunk", "the first chunk is not a JSON chunk that fits in the file");
        return false;
    }
    json = std::string_view(reinterpret_cast<const char*>(bytes.data()) + 20,
                            static_cast<std::size_t>(jsonLength));
    return true;
}

// The JSON's counts against the limits, before it is parsed.
bool checkJsonShape(const JsonShape& shape, const LoadLimits& limits, Report& report) {
    auto refuse = [&](const std::string& field, const std::string& what, std::uint64_t n,
                      std::uint64_t limit) {
        report.error(field, "the file lists " + std::to_string(n) + " " + what +
                                ", more than the limit of " + std::to_string(limit) +
                                "; it was not read");
        return false;
    };
    struct ArrayLimit {
        const char* key;
        std::uint64_t limit;
    };
    for (const ArrayLimit& a : {ArrayLimit{"nodes", limits.maxNodes},
                                ArrayLimit{"scenes", limits.maxNodes},
                                ArrayLimit{"cameras", limits.maxNodes},
                                ArrayLimit{"accessors", limits.maxAccessors},
                                ArrayLimit{"bufferViews", limits.maxAccessors},
                                ArrayLimit{"buffers", limits.maxBuffers},
                                ArrayLimit{"meshes", limits.maxMeshes},
                                ArrayLimit{"materials", limits.maxMeshes},
                                ArrayLimit{"textures", limits.maxMeshes},
                                ArrayLimit{"samplers", limits.maxMeshes},
                                ArrayLimit{"images", limits.maxImages},
                                ArrayLimit{"skins", limits.maxSkins},
                                ArrayLimit{"animations", limits.maxAnimationChannels}}) {
        const std::uint64_t n = shape.arrayLength(a.key);
        if (n > a.limit) return refuse(a.key, a.key, n, a.limit);
    }
    if (shape.objects > limits.maxJsonObjects)
        return refuse("JSON", "objects", shape.objects, limits.maxJsonObjects);
    if (shape.values > limits.maxJsonValues)
        return refuse("JSON", "values", shape.values, limits.maxJsonValues);
    return true;
}

std::string oneLine(const std::string& text) {
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
            line.pop_back();
        if (!line.empty()) out += (out.empty() ? "" : "; ") + line;
        start = end + 1;
    }
    return printable(out, 400);
}

} // namespace

ModelLoad loadGltf(const fs::path& path, const std::string& displayName,
                   std::vector<std::uint8_t> bytes, bool binary, const LoadLimits& limits) {
    Report report(displayName);
    std::string_view json;
    if (binary) {
        if (!checkGlb(bytes, report, json)) return report.finish(std::nullopt);
    } else {
        json = std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    }
    if (bytes.size() > std::numeric_limits<unsigned int>::max()) {
        report.error("", "the file is larger than 4 GiB");
        return report.finish(std::nullopt);
    }
    // Counted before tinygltf parses anything: it builds a tree and a struct per object.
    const JsonShape shape = measureJson(json, limits.maxJsonDepth);
    if (shape.depth > limits.maxJsonDepth) {
        report.error("JSON", "arrays and objects nest deeper than " +
                                 std::to_string(limits.maxJsonDepth) + " levels");
        return report.finish(std::nullopt);
    }
    if (!checkJsonShape(shape, limits, report)) return report.finish(std::nullopt);

    const ModelFolder folder(path);
    FsContext ctx;
    ctx.folder = &folder;
    ctx.limits = &limits;
    ctx.rootPrefix = folder.root().string();
    if (ctx.rootPrefix.empty() || ctx.rootPrefix.back() != '/') ctx.rootPrefix += '/';
    const std::string baseDir = folder.root().string();

    tinygltf::TinyGLTF loader;
    loader.SetFsCallbacks(tinygltf::FsCallbacks{&fsFileExists, &fsExpandFilePath, &fsReadWholeFile,
                                                &fsWriteWholeFile, &ctx});
    loader.SetImageLoader(&keepEncodedImage, nullptr);

    const std::uint64_t fileBytes = bytes.size();
    tinygltf::Model model;
    std::string err, warn;
    bool ok = false;
    try {
        if (binary)
            ok = loader.LoadBinaryFromMemory(&model, &err, &warn, bytes.data(),
                                             static_cast<unsigned int>(bytes.size()), baseDir);
        else
            ok = loader.LoadASCIIFromString(&model, &err, &warn,
                                            reinterpret_cast<const char*>(bytes.data()),
                                            static_cast<unsigned int>(bytes.size()), baseDir);
    } catch (const std::exception& e) {
        ok = false;
        err = std::string("parser exception: ") + e.what();
    }
    bytes.clear();
    bytes.shrink_to_fit();

    // External references that were refused or unreadable come first: they are the clearest reason.
    for (const FsContext::Refusal& r : ctx.refusals) {
        const std::string where = "uri \"" + printable(r.reference, 200) + "\"";
        if (ok)
            report.warn(where, "not read: " + r.reason);
        else
            report.error(where, "not read: " + r.reason);
    }
    if (!ok) {
        if (ctx.refusals.empty())
            report.error(
                "", "not a valid glTF file: " +
                        (err.empty() ? std::string("the parser gave no reason") : oneLine(err)));
        return report.finish(std::nullopt);
    }
    if (!model.asset.version.empty() && model.asset.version[0] != '2') {
        report.error("asset.version",
                     "glTF " + model.asset.version + " is not supported (only 2.0)");
        return report.finish(std::nullopt);
    }
    std::uint64_t bufferBytes = 0;
    for (const auto& b : model.buffers)
        bufferBytes += b.data.size();
    if (bufferBytes > limits.maxTotalBufferBytes) {
        report.error("buffers", "the buffers hold " + formatBytes(bufferBytes) +
                                    ", more than the limit of " +
                                    formatBytes(limits.maxTotalBufferBytes));
        return report.finish(std::nullopt);
    }

    // Numbers read out of accessors: at most maxDecodedBytes, and at most 64 MiB plus 32 times
    // the bytes the file and its buffers hold (accessors without a buffer view cost nothing).
    const std::uint64_t decodedBudget =
        std::min<std::uint64_t>(limits.maxDecodedBytes, (64ull << 20) + 32 * (fileBytes + bufferBytes));
    Converter converter(model, limits, report, decodedBudget);
    std::optional<scene::Scene> s;
    try {
        s = converter.run();
    } catch (const std::bad_alloc&) {
        report.error("", "ran out of memory while converting the model");
        s.reset();
    }
    if (s && !report.failed() && !checkGeometry(*s, limits, report)) s.reset();
    return report.finish(std::move(s));
}

} // namespace hv::io::detail
