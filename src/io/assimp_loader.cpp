// Every model format but glTF -> scene::Scene through Assimp. The only translation unit that sees
// Assimp's types.
//
// Safety: the file is read (within the size limit) before Assimp runs, its header is checked where
// the format states counts (format_precheck.hpp), and Assimp reads through an IOSystem that
// serves that in-memory copy and only regular files inside the model's folder. Only the importers
// of the formats listed in kAcceptedExtensions are kept registered: Assimp has about 40 readers
// and many of the rarely used ones are known to fuzzing; a teaching model comes in one of these.
// Assimp runs in a child process (fork) by default: Debian's Assimp 5.2.5 has memory bugs
// that hostile files reach (mutation testing found a heap write in its .x reader), so a crash,
// a hang or runaway memory there ends the child and becomes a diagnostic; the scene comes back
// serialised and is validated before use. In-process imports (LoadLimits::isolateAssimp false,
// or no child could be started) are serialised, since Assimp's logger is global.
//
// Conversion: one scene node per aiNode (an aiNode with several meshes gets one child node per
// extra mesh), one scene mesh and one skin per aiMesh (bones become joints by node name; the
// bone's offset matrix is the inverse bind matrix), animations per aiAnimation (ticks / ticks per
// second -> seconds; COLLADA clips keep their <animation_clip> names), UVs flipped to glTF's top-
// left origin. FBX axis settings and unit scale (cm) are undone by a root node; COLLADA's up axis
// and <unit> are applied by Assimp itself.
#include "core/text.hpp"
#include "io/detail/collada_clips.hpp"
#include "io/detail/format_precheck.hpp"
#include "io/detail/geometry_check.hpp"
#include "io/detail/load_support.hpp"
#include "io/detail/loaders.hpp"
#include "io/detail/sandbox.hpp"
#include "io/detail/scene_serialize.hpp"
#include "scene/geometry.hpp"
#include "scene/validate.hpp"

#include <assimp/BaseImporter.h>
#include <assimp/DefaultLogger.hpp>
#include <assimp/IOStream.hpp>
#include <assimp/IOSystem.hpp>
#include <assimp/Importer.hpp>
#include <assimp/Logger.hpp>
#include <assimp/MemoryIOWrapper.h>
#include <assimp/config.h>
#include <assimp/postprocess.h>
#include <assimp/scene.h>

#include <glm/glm.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/quaternion.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <unordered_map>


namespace fs = std::filesystem;

namespace hv::io::detail {

namespace {

// Formats whose Assimp importers stay registered (by file extension, lower case).
const std::set<std::string> kAcceptedExtensions = {"fbx", "dae", "x",    "obj", "stl",
                                                   "ply", "off", "3ds",  "iqm", "lwo",
                                                   "dxf", "ac",  "ms3d", "smd", "md5mesh"};

std::mutex g_assimpMutex;

// ---- logging: Assimp's warnings and errors, kept for the diagnostics ---------------------------

class CaptureLogger final : public Assimp::Logger {
  public:
    explicit CaptureLogger(std::vector<std::string>* out)
        : Assimp::Logger(Assimp::Logger::NORMAL), m_out(out) {}
    bool attachStream(Assimp::LogStream*, unsigned int) override { return false; }
    bool detachStream(Assimp::LogStream*, unsigned int) override { return false; }

  private:
    void OnDebug(const char*) override {}
    void OnVerboseDebug(const char*) override {}
    void OnInfo(const char*) override {}
    void OnWarn(const char* message) override { keep(message); }
    void OnError(const char* message) override { keep(message); }
    void keep(const char* message) {
        if (m_out->size() < 200 && message) m_out->emplace_back(message);
    }
    std::vector<std::string>* m_out;
};

// ---- file access confined to the model's folder -----------------------------------------------

class ConfinedIOSystem final : public Assimp::IOSystem {
  public:
    ConfinedIOSystem(const ModelFolder& folder, std::string mainPath,
                     const std::vector<std::uint8_t>& mainBytes, const LoadLimits& limits,
                     std::vector<std::string>* refusals)
        : m_folder(folder), m_mainPath(std::move(mainPath)), m_mainBytes(mainBytes),
          m_limits(limits), m_refusals(refusals) {}

    bool Exists(const char* file) const override {
        if (!file) return false;
        if (m_mainPath == file) return true;
        const auto ref = reference(file);
        return ref && m_folder.resolve(*ref).refusal == ModelFolder::Refusal::None;
    }

    char getOsSeparator() const override { return '/'; }

    Assimp::IOStream* Open(const char* file, const char* mode) override {
        if (!file || !mode || std::strchr(mode, 'w') || std::strchr(mode, 'a') ||
            std::strchr(mode, '+'))
            return nullptr;
        if (m_mainPath == file)
            return new Assimp::MemoryIOStream(m_mainBytes.data(), m_mainBytes.size(), false);
        const auto ref = reference(file);
        if (!ref) {
            refuse(file, "it is outside the model's folder");
            return nullptr;
        }
        const ModelFolder::Resolved r = m_folder.resolve(*ref);
        if (r.refusal != ModelFolder::Refusal::None) {
            if (r.refusal != ModelFolder::Refusal::Missing) refuse(*ref, r.reason);
            return nullptr;
        }
        std::vector<std::uint8_t> bytes;
        std::string reason;
        if (!readFileBounded(r.path, m_limits.maxFileBytes, bytes, reason)) {
            refuse(*ref, reason);
            return nullptr;
        }
        auto* copy = new std::uint8_t[std::max<std::size_t>(bytes.size(), 1)];
        if (!bytes.empty()) std::memcpy(copy, bytes.data(), bytes.size());
        return new Assimp::MemoryIOStream(copy, bytes.size(), true);
    }

    void Close(Assimp::IOStream* stream) override { delete stream; }

    bool ComparePaths(const char* a, const char* b) const override {
        return a && b && std::strcmp(a, b) == 0;
    }

  private:
    // Paths Assimp builds are the model's folder joined with what the file names; a relative
    // path is taken relative to the folder.
    std::optional<std::string> reference(const std::string& file) const {
        std::string f = file;
        std::replace(f.begin(), f.end(), '\\', '/');
        const std::string root = m_folder.root().string() + "/";
        if (f.compare(0, root.size(), root) == 0) return f.substr(root.size());
        if (!f.empty() && f[0] != '/') return f;
        return std::nullopt;
    }
    void refuse(const std::string& what, const std::string& reason) const {
        if (m_refusals->size() < 50)
            m_refusals->push_back("\"" + what.substr(0, 200) + "\" not read: " + reason);
    }

    const ModelFolder& m_folder;
    std::string m_mainPath;
    const std::vector<std::uint8_t>& m_mainBytes;
    const LoadLimits& m_limits;
    std::vector<std::string>* m_refusals;
};

// Keeps only the importers of accepted formats. Unregistered importers are owned by us then.
void restrictImporters(Assimp::Importer& importer) {
    std::vector<Assimp::BaseImporter*> drop;
    for (std::size_t i = 0; i < importer.GetImporterCount(); ++i) {
        const aiImporterDesc* desc = importer.GetImporterInfo(i);
        bool keep = false;
        if (desc && desc->mFileExtensions) {
            std::istringstream exts(desc->mFileExtensions);
            std::string ext;
            while (exts >> ext)
                if (kAcceptedExtensions.count(toLower(ext))) keep = true;
        }
        if (!keep) drop.push_back(importer.GetImporter(i));
    }
    for (Assimp::BaseImporter* imp : drop)
        if (imp && importer.UnregisterLoader(imp) == AI_SUCCESS) delete imp;
}

// ---- conversion helpers ------------------------------------------------------------------------

glm::mat4 toGlm(const aiMatrix4x4& m) {
    // aiMatrix4x4 is row-major (a1..a4 is the first row); glm is column-major.
    return glm::mat4(m.a1, m.b1, m.c1, m.d1, m.a2, m.b2, m.c2, m.d2, m.a3, m.b3, m.c3, m.d3, m.a4,
                     m.b4, m.c4, m.d4);
}

bool finite(const glm::mat4& m) {
    for (int c = 0; c < 4; ++c)
        for (int r = 0; r < 4; ++r)
            if (!std::isfinite(m[c][r])) return false;
    return true;
}

std::string str(const aiString& s) {
    return std::string(s.C_Str(), std::min<std::size_t>(s.length, 1024));
}

bool metaInt(const aiScene* s, const char* key, int& out) {
    if (!s->mMetaData) return false;
    int32_t i = 0;
    if (s->mMetaData->Get(key, i)) {
        out = i;
        return true;
    }
    return false;
}

bool metaNumber(const aiScene* s, const char* key, double& out) {
    if (!s->mMetaData) return false;
    float f = 0;
    double d = 0;
    if (s->mMetaData->Get(key, d)) {
        out = d;
        return true;
    }
    if (s->mMetaData->Get(key, f)) {
        out = f;
        return true;
    }
    return false;
}

// Assimp 5.2's COLLADA reader refuses number lists with leading blanks ("<color>  0.0 ...")
// that other exporters write; blanks between '>' and a number are dropped from a copy.
std::vector<std::uint8_t> trimColladaNumberLists(const std::vector<std::uint8_t>& bytes) {
    std::vector<std::uint8_t> out;
    out.reserve(bytes.size());
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        out.push_back(bytes[i]);
        if (bytes[i] != '>') continue;
        std::size_t j = i + 1;
        while (j < bytes.size() &&
               (bytes[j] == ' ' || bytes[j] == '\t' || bytes[j] == '\r' || bytes[j] == '\n'))
            ++j;
        if (j > i + 1 && j < bytes.size() &&
            (std::isdigit(bytes[j]) || bytes[j] == '-' || bytes[j] == '+' || bytes[j] == '.'))
            i = j - 1;
    }
    return out;
}

// ---- the converter ------------------------------------------------------------------------------

class Converter {
  public:
    Converter(const aiScene& scene, const ModelFolder& folder, const LoadLimits& limits,
              Report& report)
        : m_ai(scene), m_folder(folder), m_limits(limits), m_report(report) {}

    std::optional<scene::Scene> run(const std::string& extension,
                                    const std::vector<std::string>& clipNames);

  private:
    bool checkCounts();
    bool convertNodes(scene::Scene& s, const glm::mat4* fix);
    bool convertMeshes(scene::Scene& s);
    void convertMaterials(scene::Scene& s);
    int imageFor(scene::Scene& s, const std::string& path, const std::string& where);
    void convertAnimations(scene::Scene& s, const std::vector<std::string>& clipNames);
    glm::mat4 axisAndUnitFix(const std::string& extension) const;

    const aiScene& m_ai;
    const ModelFolder& m_folder;
    const LoadLimits& m_limits;
    Report& m_report;
    ImageBudget m_imageBudget;
    std::unordered_map<std::string, int> m_nodeByName; // first node of each name
    std::vector<std::vector<int>> m_nodesOfMesh;       // aiMesh -> scene nodes drawing it
    std::map<std::string, int> m_images;               // texture key -> image index
};

bool Converter::checkCounts() {
    struct Count {
        const char* what;
        std::uint64_t n, limit;
    };
    std::uint64_t vertices = 0, indices = 0, channels = 0, keys = 0;
    for (unsigned i = 0; i < m_ai.mNumMeshes; ++i) {
        const aiMesh* m = m_ai.mMeshes[i];
        if (!m) continue;
        vertices += m->mNumVertices * (1ull + m->mNumAnimMeshes);
        indices += 3ull * m->mNumFaces;
    }
    for (unsigned i = 0; i < m_ai.mNumAnimations; ++i) {
        const aiAnimation* a = m_ai.mAnimations[i];
        if (!a) continue;
        channels += a->mNumChannels + a->mNumMorphMeshChannels;
        for (unsigned c = 0; c < a->mNumChannels; ++c)
            if (const aiNodeAnim* ch = a->mChannels[c])
                keys += static_cast<std::uint64_t>(ch->mNumPositionKeys) + ch->mNumRotationKeys +
                        ch->mNumScalingKeys;
        for (unsigned c = 0; c < a->mNumMorphMeshChannels; ++c)
            if (const aiMeshMorphAnim* ch = a->mMorphMeshChannels[c]) keys += ch->mNumKeys;
    }
    for (const Count& c : {Count{"meshes", m_ai.mNumMeshes, m_limits.maxMeshes},
                           Count{"vertices", vertices, m_limits.maxVertices},
                           Count{"indices", indices, m_limits.maxIndices},
                           Count{"materials", m_ai.mNumMaterials, m_limits.maxMeshes},
                           Count{"embedded textures", m_ai.mNumTextures, m_limits.maxImages},
                           Count{"animation channels", channels, m_limits.maxAnimationChannels},
                           Count{"animation keys", keys, m_limits.maxAnimationKeys}}) {
        if (c.n > c.limit) {
            m_report.error("", std::string("the model has ") + std::to_string(c.n) + " " + c.what +
                                   ", more than the limit of " + std::to_string(c.limit));
            return false;
        }
    }
    return true;
}

glm::mat4 Converter::axisAndUnitFix(const std::string& extension) const {
    glm::mat4 fix(1.0f);
    if (extension != "fbx")
        return fix; // COLLADA: Assimp applies up_axis and <unit>; others carry no units
    int up = 1, upSign = 1, front = 2, frontSign = 1;
    metaInt(&m_ai, "UpAxis", up);
    metaInt(&m_ai, "UpAxisSign", upSign);
    metaInt(&m_ai, "FrontAxis", front);
    metaInt(&m_ai, "FrontAxisSign", frontSign);
    if (up >= 0 && up <= 2 && front >= 0 && front <= 2 && up != front) {
        glm::vec3 u(0.0f), f(0.0f);
        u[up] = upSign < 0 ? -1.0f : 1.0f;
        f[front] = frontSign < 0 ? -1.0f : 1.0f;
        const glm::vec3 r = glm::cross(u, f);
        // rows of the rotation: file right -> +X, file up -> +Y, file front -> +Z
        const glm::mat3 toFile(r, u, f);         // columns: glTF axes expressed in file axes
        fix = glm::mat4(glm::transpose(toFile)); // file -> glTF
    }
    double unit = 1.0; // centimetres per file unit
    if (metaNumber(&m_ai, "UnitScaleFactor", unit) && std::isfinite(unit) && unit > 0.0) {
        const float s = static_cast<float>(unit / 100.0);
        fix = glm::scale(glm::mat4(1.0f), glm::vec3(s)) * fix;
    } else {
        fix = glm::scale(glm::mat4(1.0f), glm::vec3(0.01f)) *
              fix; // FBX's default unit is the centimetre
    }
    return fix;
}

bool Converter::convertNodes(scene::Scene& s, const glm::mat4* fix) {
    if (!m_ai.mRootNode) {
        m_report.warn("", "the file has no node hierarchy: the model is empty");
        return true;
    }
    m_nodesOfMesh.assign(m_ai.mNumMeshes, {});
    int top = -1;
    if (fix) {
        scene::Node root;
        root.name = "<up/unit fix>";
        decompose(*fix, root);
        s.nodes.push_back(root);
        top = 0;
        s.roots.push_back(0);
    }
    struct Item {
        const aiNode* node;
        int parent;
        std::uint64_t depth;
    };
    std::vector<Item> stack{{m_ai.mRootNode, top, fix ? 2u : 1u}};
    std::set<const aiNode*> seen;
    while (!stack.empty()) {
        const Item item = stack.back();
        stack.pop_back();
        if (!item.node || !seen.insert(item.node).second) continue;
        if (item.depth > m_limits.maxNodeDepth) {
            m_report.error("node \"" + str(item.node->mName) + "\"",
                           "the node hierarchy is deeper than the limit of " +
                               std::to_string(m_limits.maxNodeDepth) + " levels");
            return false;
        }
        if (s.nodes.size() + 1 + item.node->mNumMeshes > m_limits.maxNodes) {
            m_report.error("", "the model has more than " + std::to_string(m_limits.maxNodes) +
                                   " nodes (limit)");
            return false;
        }
        const int index = static_cast<int>(s.nodes.size());
        scene::Node n;
        n.name = str(item.node->mName);
        const glm::mat4 local = toGlm(item.node->mTransformation);
        if (finite(local)) decompose(local, n);
        if (!finite(local) || !finiteTransform(n)) {
            n.translation = glm::vec3(0.0f);
            n.rotation = glm::quat(1.0f, 0.0f, 0.0f, 0.0f);
            n.scale = glm::vec3(1.0f);
            m_report.warn("node \"" + n.name + "\"",
                          "its transform is not finite in 32-bit floats; identity used");
        }
        n.parent = item.parent;
        s.nodes.push_back(n);
        if (item.parent >= 0)
            s.nodes[static_cast<std::size_t>(item.parent)].children.push_back(index);
        else
            s.roots.push_back(index);
        m_nodeByName.emplace(s.nodes.back().name, index);
        for (unsigned k = 0; k < item.node->mNumMeshes; ++k) {
            const unsigned mesh = item.node->mMeshes[k];
            if (mesh >= m_ai.mNumMeshes) {
                m_report.warn("node \"" + s.nodes[static_cast<std::size_t>(index)].name + "\"",
                              "refers to a mesh that does not exist");
                continue;
            }
            int holder = index;
            if (k > 0 || item.node->mNumMeshes > 1) {
                // Several meshes on one node: one child node each, at the node's origin.
                scene::Node child;
                child.name =
                    s.nodes[static_cast<std::size_t>(index)].name + "#" + std::to_string(k);
                child.parent = index;
                holder = static_cast<int>(s.nodes.size());
                s.nodes.push_back(child);
                s.nodes[static_cast<std::size_t>(index)].children.push_back(holder);
            }
            s.nodes[static_cast<std::size_t>(holder)].mesh = static_cast<int>(mesh);
            m_nodesOfMesh[mesh].push_back(holder);
        }
        for (unsigned c = item.node->mNumChildren; c-- > 0;)
            stack.push_back({item.node->mChildren[c], index, item.depth + 1});
    }
    return true;
}

bool Converter::convertMeshes(scene::Scene& s) {
    s.meshes.resize(m_ai.mNumMeshes);
    for (unsigned mi = 0; mi < m_ai.mNumMeshes; ++mi) {
        const aiMesh* am = m_ai.mMeshes[mi];
        scene::Mesh& mesh = s.meshes[mi];
        const std::string where = "mesh " + std::to_string(mi);
        if (!am) continue;
        mesh.name = str(am->mName);
        if (!(am->mPrimitiveTypes & aiPrimitiveType_TRIANGLE) || !am->mVertices ||
            am->mNumVertices == 0)
            continue; // points or lines only
        const std::size_t nv = am->mNumVertices;
        scene::Primitive p;
        p.positions.resize(nv);
        for (std::size_t v = 0; v < nv; ++v)
            p.positions[v] = {am->mVertices[v].x, am->mVertices[v].y, am->mVertices[v].z};
        if (am->mNormals) {
            p.normals.resize(nv);
            for (std::size_t v = 0; v < nv; ++v)
                p.normals[v] = {am->mNormals[v].x, am->mNormals[v].y, am->mNormals[v].z};
        }
        for (int set = 0; set < 2; ++set) {
            const aiVector3D* uv = am->mTextureCoords[set];
            if (!uv) continue;
            auto& dst = set == 0 ? p.texcoords0 : p.texcoords1;
            dst.resize(nv);
            for (std::size_t v = 0; v < nv; ++v)
                dst[v] = {uv[v].x, 1.0f - uv[v].y}; // bottom-left -> top-left origin
        }
        if (am->mColors[0]) {
            p.colors.resize(nv);
            for (std::size_t v = 0; v < nv; ++v)
                p.colors[v] = {am->mColors[0][v].r, am->mColors[0][v].g, am->mColors[0][v].b,
                               am->mColors[0][v].a};
        }
        p.indices.reserve(3ull * am->mNumFaces);
        std::size_t skipped = 0;
        for (unsigned f = 0; f < am->mNumFaces; ++f) {
            const aiFace& face = am->mFaces[f];
            if (face.mNumIndices != 3 || !face.mIndices) {
                ++skipped;
                continue;
            }
            if (face.mIndices[0] >= nv || face.mIndices[1] >= nv || face.mIndices[2] >= nv) {
                ++skipped;
                continue;
            }
            p.indices.insert(p.indices.end(),
                             {face.mIndices[0], face.mIndices[1], face.mIndices[2]});
        }
        if (skipped)
            m_report.warn(where, std::to_string(skipped) +
                                     " faces are not triangles with valid indices; left out");

        // Morph targets: Assimp stores whole vertex sets; glTF-style deltas are their difference.
        if (am->mNumAnimMeshes > m_limits.maxMorphTargets) {
            m_report.error(where, "has " + std::to_string(am->mNumAnimMeshes) +
                                      " morph targets, more than the limit of " +
                                      std::to_string(m_limits.maxMorphTargets));
            return false;
        }
        for (unsigned t = 0; t < am->mNumAnimMeshes; ++t) {
            const aiAnimMesh* target = am->mAnimMeshes[t];
            scene::MorphTarget mt;
            if (target && target->mVertices && target->mNumVertices == nv) {
                mt.positionDeltas.resize(nv);
                for (std::size_t v = 0; v < nv; ++v)
                    mt.positionDeltas[v] = glm::vec3(target->mVertices[v].x, target->mVertices[v].y,
                                                     target->mVertices[v].z) -
                                           p.positions[v];
            }
            if (target && target->mNormals && target->mNumVertices == nv && !p.normals.empty()) {
                mt.normalDeltas.resize(nv);
                for (std::size_t v = 0; v < nv; ++v)
                    mt.normalDeltas[v] = glm::vec3(target->mNormals[v].x, target->mNormals[v].y,
                                                   target->mNormals[v].z) -
                                         p.normals[v];
            }
            p.morphTargets.push_back(std::move(mt));
            mesh.defaultMorphWeights.push_back(
                target && std::isfinite(target->mWeight) ? target->mWeight : 0.0f);
        }

        // Bones -> one skin for this mesh; joints are the nodes of the bones' names.
        if (am->mNumBones > 0 && am->mBones) {
            if (am->mNumBones > m_limits.maxJoints) {
                m_report.error(where, "has " + std::to_string(am->mNumBones) +
                                          " bones, more than the limit of " +
                                          std::to_string(m_limits.maxJoints));
                return false;
            }
            if (s.skins.size() >= m_limits.maxSkins) {
                m_report.error("", "the model has more than " + std::to_string(m_limits.maxSkins) +
                                       " skins (limit)");
                return false;
            }
            scene::Skin skin;
            skin.name = mesh.name;
            std::vector<std::vector<std::pair<std::uint32_t, float>>> influences(nv);
            std::size_t widest = 0, missing = 0;
            std::uint64_t weightCount = 0;
            for (unsigned b = 0; b < am->mNumBones; ++b) {
                const aiBone* bone = am->mBones[b];
                if (!bone) continue;
                const auto found = m_nodeByName.find(str(bone->mName));
                if (found == m_nodeByName.end()) {
                    ++missing;
                    continue;
                }
                const std::uint32_t joint = static_cast<std::uint32_t>(skin.joints.size());
                skin.joints.push_back(found->second);
                const glm::mat4 offset = toGlm(bone->mOffsetMatrix);
                skin.inverseBindMatrices.push_back(finite(offset) ? offset : glm::mat4(1.0f));
                weightCount += bone->mNumWeights;
                if (weightCount > m_limits.maxVertices * 8ull) {
                    m_report.error(where, "its bones carry more weights than the limits allow");
                    return false;
                }
                for (unsigned w = 0; w < bone->mNumWeights && bone->mWeights; ++w) {
                    const aiVertexWeight& vw = bone->mWeights[w];
                    if (vw.mVertexId >= nv || !(vw.mWeight > 0.0f)) continue;
                    influences[vw.mVertexId].push_back({joint, vw.mWeight});
                    widest = std::max(widest, influences[vw.mVertexId].size());
                }
            }
            if (missing)
                m_report.warn(where,
                              std::to_string(missing) +
                                  " bones name no node of the model; their weights are dropped");
            if (!skin.joints.empty() && widest > 0) {
                std::vector<std::uint32_t> joints(nv * widest, 0);
                std::vector<float> weights(nv * widest, 0.0f);
                for (std::size_t v = 0; v < nv; ++v)
                    for (std::size_t i = 0; i < influences[v].size(); ++i) {
                        joints[v * widest + i] = influences[v][i].first;
                        weights[v * widest + i] = influences[v][i].second;
                    }
                const std::size_t zero = packInfluences(p, nv, widest, joints, weights);
                if (zero)
                    m_report.warn(
                        where,
                        std::to_string(zero) +
                            " vertices have no bone weight; each was bound to the first bone");
                const int skinIndex = static_cast<int>(s.skins.size());
                s.skins.push_back(std::move(skin));
                for (const int node : m_nodesOfMesh[mi])
                    s.nodes[static_cast<std::size_t>(node)].skin = skinIndex;
            }
        }

        if (p.normals.empty()) scene::generateNormals(p);
        std::size_t dropped = 0;
        if (const std::size_t bad = dropNonFiniteTriangles(p, dropped); bad > 0)
            m_report.warn(where, std::to_string(bad) + " vertex positions are not finite; the " +
                                     std::to_string(dropped) +
                                     " triangles using them are left out");
        p.material =
            am->mMaterialIndex < m_ai.mNumMaterials ? static_cast<int>(am->mMaterialIndex) : -1;
        mesh.primitives.push_back(std::move(p));
    }
    return true;
}

int Converter::imageFor(scene::Scene& s, const std::string& path, const std::string& where) {
    if (path.empty()) return -1;
    if (const auto it = m_images.find(path); it != m_images.end()) return it->second;
    scene::Image image;
    std::string reason;
    bool ok = false;
    // Embedded: "*N" or a name Assimp knows.
    if (const aiTexture* tex = m_ai.GetEmbeddedTexture(path.c_str())) {
        image.name = str(tex->mFilename).empty() ? path : str(tex->mFilename);
        if (tex->mHeight == 0 && tex->pcData) {
            ok = decodeImage({reinterpret_cast<const std::uint8_t*>(tex->pcData), tex->mWidth},
                             m_limits, m_imageBudget, image, reason);
        } else if (tex->pcData) {
            const std::uint64_t pixels = static_cast<std::uint64_t>(tex->mWidth) * tex->mHeight;
            if (pixels > m_limits.maxImagePixels ||
                m_imageBudget.pixels + pixels > m_limits.maxTotalImagePixels) {
                reason = "the embedded texture is larger than the pixel limits";
            } else {
                image.width = static_cast<int>(tex->mWidth);
                image.height = static_cast<int>(tex->mHeight);
                image.rgba.resize(pixels * 4);
                for (std::uint64_t i = 0; i < pixels; ++i) {
                    const aiTexel& t = tex->pcData[i];
                    image.rgba[i * 4 + 0] = t.r;
                    image.rgba[i * 4 + 1] = t.g;
                    image.rgba[i * 4 + 2] = t.b;
                    image.rgba[i * 4 + 3] = t.a;
                }
                m_imageBudget.pixels += pixels;
                ++m_imageBudget.images;
                ok = true;
            }
        }
    } else {
        // An external file, inside the model's folder. Paths written on Windows ("C:\x\skin.jpg",
        // ".\skin.jpg") and paths that leave the folder fall back to the file's name in the folder.
        std::string ref = path;
        std::replace(ref.begin(), ref.end(), '\\', '/');
        image.name =
            ref.substr(ref.find_last_of('/') == std::string::npos ? 0 : ref.find_last_of('/') + 1);
        ModelFolder::Resolved r = m_folder.resolve(ref);
        if (r.refusal != ModelFolder::Refusal::None && r.refusal != ModelFolder::Refusal::Link &&
            !image.name.empty()) {
            ModelFolder::Resolved byName = m_folder.resolve(image.name);
            if (byName.refusal == ModelFolder::Refusal::Missing) {
                // Case-insensitive match among the folder's files (models made on Windows).
                std::error_code ec;
                const std::string wanted = toLower(image.name);
                int scanned = 0;
                for (fs::directory_iterator it(m_folder.root(), ec);
                     !ec && it != fs::directory_iterator() && scanned < 10000;
                     it.increment(ec), ++scanned) {
                    if (toLower(it->path().filename().string()) == wanted) {
                        byName = m_folder.resolve(it->path().filename().string());
                        break;
                    }
                }
            }
            if (byName.refusal == ModelFolder::Refusal::None) r = byName;
        }
        if (r.refusal != ModelFolder::Refusal::None) {
            reason = "\"" + path.substr(0, 200) + "\" not read: " + r.reason;
        } else {
            std::vector<std::uint8_t> bytes;
            ok = readFileBounded(r.path, m_limits.maxFileBytes, bytes, reason) &&
                 decodeImage(bytes, m_limits, m_imageBudget, image, reason);
        }
    }
    if (!ok)
        m_report.warn(where, "texture " +
                                 (reason.empty() ? std::string("could not be read") : reason) +
                                 "; left out");
    const int index = static_cast<int>(s.images.size());
    s.images.push_back(std::move(image));
    m_images.emplace(path, index);
    return index;
}

void Converter::convertMaterials(scene::Scene& s) {
    for (unsigned i = 0; i < m_ai.mNumMaterials; ++i) {
        const aiMaterial* am = m_ai.mMaterials[i];
        scene::Material m;
        const std::string where = "material " + std::to_string(i);
        if (!am) {
            s.materials.push_back(m);
            continue;
        }
        aiString name;
        if (am->Get(AI_MATKEY_NAME, name) == AI_SUCCESS) m.name = str(name);
        aiColor4D color;
        if (am->Get(AI_MATKEY_BASE_COLOR, color) == AI_SUCCESS ||
            am->Get(AI_MATKEY_COLOR_DIFFUSE, color) == AI_SUCCESS)
            m.baseColor = {std::clamp(color.r, 0.0f, 1.0f), std::clamp(color.g, 0.0f, 1.0f),
                           std::clamp(color.b, 0.0f, 1.0f), 1.0f};
        float opacity = 1.0f;
        if (am->Get(AI_MATKEY_OPACITY, opacity) == AI_SUCCESS && std::isfinite(opacity) &&
            opacity < 1.0f && opacity >= 0.0f) {
            m.baseColor.a = opacity;
            m.alphaMode = scene::AlphaMode::Blend;
        }
        float f = 0.0f;
        if (am->Get(AI_MATKEY_METALLIC_FACTOR, f) == AI_SUCCESS && std::isfinite(f))
            m.metallic = std::clamp(f, 0.0f, 1.0f);
        if (am->Get(AI_MATKEY_ROUGHNESS_FACTOR, f) == AI_SUCCESS && std::isfinite(f))
            m.roughness = std::clamp(f, 0.0f, 1.0f);
        int twoSided = 0;
        if (am->Get(AI_MATKEY_TWOSIDED, twoSided) == AI_SUCCESS) m.doubleSided = twoSided != 0;
        for (const aiTextureType type : {aiTextureType_BASE_COLOR, aiTextureType_DIFFUSE}) {
            if (am->GetTextureCount(type) == 0) continue;
            aiString path;
            unsigned uvIndex = 0;
            if (am->GetTexture(type, 0, &path, nullptr, &uvIndex) != AI_SUCCESS) continue;
            m.baseColorTexture.image = imageFor(s, str(path), where);
            m.baseColorTexture.texCoord = uvIndex <= 1 ? static_cast<int>(uvIndex) : 0;
            if (m.baseColorTexture.image >= 0 &&
                s.images[static_cast<std::size_t>(m.baseColorTexture.image)].rgba.empty())
                m.baseColorTexture.image = -1;
            break;
        }
        s.materials.push_back(std::move(m));
    }
}

void Converter::convertAnimations(scene::Scene& s, const std::vector<std::string>& clipNames) {
    for (unsigned ai = 0; ai < m_ai.mNumAnimations; ++ai) {
        const aiAnimation* a = m_ai.mAnimations[ai];
        if (!a) continue;
        scene::Animation anim;
        anim.name = str(a->mName);
        const std::string prefix = "combinedAnim_";
        if (anim.name.compare(0, prefix.size(), prefix) == 0) {
            const std::size_t k =
                static_cast<std::size_t>(std::atoi(anim.name.c_str() + prefix.size()));
            if (k < clipNames.size() && !clipNames[k].empty()) anim.name = clipNames[k];
        }
        const double tps = a->mTicksPerSecond > 0.0 && std::isfinite(a->mTicksPerSecond)
                               ? a->mTicksPerSecond
                               : 25.0; // Assimp's default
        const std::string where = "animation \"" + anim.name + "\"";
        std::size_t unknownNodes = 0;
        for (unsigned c = 0; c < a->mNumChannels; ++c) {
            const aiNodeAnim* ch = a->mChannels[c];
            if (!ch) continue;
            const auto node = m_nodeByName.find(str(ch->mNodeName));
            if (node == m_nodeByName.end()) {
                ++unknownNodes;
                continue;
            }
            auto addChannel = [&](scene::AnimationPath path, unsigned count, auto keyAt) {
                if (count == 0) return;
                std::vector<std::pair<double, std::array<float, 4>>> keys;
                keys.reserve(count);
                for (unsigned k = 0; k < count; ++k) {
                    auto key = keyAt(k);
                    const double t = key.first / tps;
                    if (!std::isfinite(t) || !std::all_of(key.second.begin(), key.second.end(),
                                                          [](float v) { return std::isfinite(v); }))
                        continue;
                    keys.push_back({t, key.second});
                }
                if (keys.empty()) return;
                std::stable_sort(keys.begin(), keys.end(),
                                 [](const auto& x, const auto& y) { return x.first < y.first; });
                scene::AnimationChannel out;
                out.node = node->second;
                out.path = path;
                out.interpolation = scene::Interpolation::Linear;
                const std::size_t comps = path == scene::AnimationPath::Rotation ? 4 : 3;
                for (const auto& [t, v] : keys) {
                    out.times.push_back(static_cast<float>(t));
                    out.values.insert(out.values.end(), v.begin(),
                                      v.begin() + static_cast<std::ptrdiff_t>(comps));
                }
                anim.duration = std::max(anim.duration, out.times.back());
                anim.channels.push_back(std::move(out));
            };
            addChannel(scene::AnimationPath::Translation,
                       ch->mPositionKeys ? ch->mNumPositionKeys : 0, [&](unsigned k) {
                           const aiVectorKey& key = ch->mPositionKeys[k];
                           return std::pair{key.mTime,
                                            std::array<float, 4>{key.mValue.x, key.mValue.y,
                                                                 key.mValue.z, 0.0f}};
                       });
            addChannel(scene::AnimationPath::Rotation, ch->mRotationKeys ? ch->mNumRotationKeys : 0,
                       [&](unsigned k) {
                           const aiQuatKey& key = ch->mRotationKeys[k];
                           glm::quat q(key.mValue.w, key.mValue.x, key.mValue.y, key.mValue.z);
                           const float len = glm::length(q);
                           q = len > 1e-12f && std::isfinite(len) ? q / len : glm::quat(1, 0, 0, 0);
                           return std::pair{key.mTime, std::array<float, 4>{q.x, q.y, q.z, q.w}};
                       });
            addChannel(scene::AnimationPath::Scale, ch->mScalingKeys ? ch->mNumScalingKeys : 0,
                       [&](unsigned k) {
                           const aiVectorKey& key = ch->mScalingKeys[k];
                           return std::pair{key.mTime,
                                            std::array<float, 4>{key.mValue.x, key.mValue.y,
                                                                 key.mValue.z, 0.0f}};
                       });
        }
        // Morph weight animations: one channel per node drawing the named mesh.
        for (unsigned c = 0; c < a->mNumMorphMeshChannels; ++c) {
            const aiMeshMorphAnim* ch = a->mMorphMeshChannels[c];
            if (!ch || !ch->mKeys || ch->mNumKeys == 0) continue;
            const auto node = m_nodeByName.find(str(ch->mName));
            if (node == m_nodeByName.end()) {
                ++unknownNodes;
                continue;
            }
            int nodeIndex = node->second;
            // The morph channel names the node of the mesh; its mesh may sit on a "#k" child.
            if (s.nodes[static_cast<std::size_t>(nodeIndex)].mesh < 0)
                for (const int child : s.nodes[static_cast<std::size_t>(nodeIndex)].children)
                    if (s.nodes[static_cast<std::size_t>(child)].mesh >= 0) nodeIndex = child;
            const int mesh = s.nodes[static_cast<std::size_t>(nodeIndex)].mesh;
            if (mesh < 0) continue;
            std::size_t targets = 0;
            for (const auto& p : s.meshes[static_cast<std::size_t>(mesh)].primitives)
                targets = std::max(targets, p.morphTargets.size());
            if (targets == 0) continue;
            scene::AnimationChannel out;
            out.node = nodeIndex;
            out.path = scene::AnimationPath::Weights;
            std::vector<std::pair<double, unsigned>> order;
            for (unsigned k = 0; k < ch->mNumKeys; ++k)
                if (std::isfinite(ch->mKeys[k].mTime))
                    order.push_back({ch->mKeys[k].mTime / tps, k});
            std::stable_sort(order.begin(), order.end());
            for (const auto& [t, k] : order) {
                const aiMeshMorphKey& key = ch->mKeys[k];
                out.times.push_back(static_cast<float>(t));
                const std::size_t base = out.values.size();
                out.values.resize(base + targets, 0.0f);
                for (unsigned i = 0; i < key.mNumValuesAndWeights && key.mValues && key.mWeights;
                     ++i)
                    if (key.mValues[i] < targets && std::isfinite(key.mWeights[i]))
                        out.values[base + key.mValues[i]] = static_cast<float>(key.mWeights[i]);
            }
            if (out.times.empty()) continue;
            anim.duration = std::max(anim.duration, out.times.back());
            anim.channels.push_back(std::move(out));
        }
        if (unknownNodes)
            m_report.warn(where, std::to_string(unknownNodes) +
                                     " channels animate nodes the model does not have; ignored");
        s.animations.push_back(std::move(anim));
    }
}

std::optional<scene::Scene> Converter::run(const std::string& extension,
                                           const std::vector<std::string>& clipNames) {
    if (!checkCounts()) return std::nullopt;
    scene::Scene s;
    const glm::mat4 fix = axisAndUnitFix(extension);
    const bool needsFix = fix != glm::mat4(1.0f);
    if (!convertNodes(s, needsFix ? &fix : nullptr)) return std::nullopt;
    convertMaterials(s);
    if (!convertMeshes(s)) return std::nullopt;
    convertAnimations(s, clipNames);
    if (m_report.failed() || !checkGeometry(s, m_limits, m_report)) return std::nullopt;
    return s;
}

// The file's extension without its dot, lower case ("" when it has none).
std::string lowerExtension(const fs::path& path) {
    std::string ext = toLower(path.extension().string());
    if (!ext.empty() && ext[0] == '.') ext.erase(0, 1);
    return ext;
}

// Assimp messages worth showing: what it says about missing files and materials, bad indices
// and its errors; not its chatter about post-processing.
bool worthShowing(const std::string& m) {
    static const char* keys[] = {"Error",  "error",   "nable to", "not found", "failed",
                                 "Failed", "invalid", "Invalid",  "missing",   "Missing"};
    for (const char* k : keys)
        if (m.find(k) != std::string::npos) return true;
    return false;
}

std::string trimmed(std::string m) {
    while (!m.empty() && (m.back() == '\n' || m.back() == '\r' || m.back() == ' '))
        m.pop_back();
    return printable(m);
}

// Assimp's import and the conversion, in this process. The caller serialises calls (Assimp's
// logger is global).
ModelLoad importHere(const fs::path& path, const std::string& displayName,
                     const std::vector<std::uint8_t>& bytes, const LoadLimits& limits,
                     const std::string& extension, const std::vector<std::string>& clipNames) {
    Report report(displayName);
    const ModelFolder folder(path);
    const std::string mainPath = (folder.root() / path.filename()).string();
    std::vector<std::string> refusals;
    std::vector<std::string> messages;

    Assimp::DefaultLogger::set(new CaptureLogger(&messages));
    std::optional<scene::Scene> result;
    {
        Assimp::Importer importer;
        restrictImporters(importer);
        importer.SetIOHandler(new ConfinedIOSystem(folder, mainPath, bytes, limits,
                                                   &refusals)); // the importer owns it
        importer.SetPropertyBool(AI_CONFIG_IMPORT_FBX_PRESERVE_PIVOTS, false);
        importer.SetPropertyInteger(AI_CONFIG_PP_SBP_REMOVE,
                                    aiPrimitiveType_POINT | aiPrimitiveType_LINE);
        const unsigned flags = aiProcess_Triangulate | aiProcess_SortByPType |
                               aiProcess_JoinIdenticalVertices | aiProcess_ValidateDataStructure;
        const aiScene* ai = nullptr;
        try {
            ai = importer.ReadFile(mainPath, flags);
        } catch (const std::exception& e) {
            ai = nullptr;
            messages.push_back(std::string("exception: ") + e.what());
        }
        for (const std::string& r : refusals)
            report.warn("", r);
        if (!ai) {
            std::string why = importer.GetErrorString();
            if (why == "std::bad_alloc")
                why =
                    "the file asks for more memory than is available (its counts are implausible)";
            if (why.empty()) why = "the file could not be read";
            report.error("", "not a readable model: " + trimmed(why));
        } else {
            if (ai->mFlags & AI_SCENE_FLAGS_INCOMPLETE)
                report.warn("", "the file holds no complete scene (animation or skeleton only)");
            if (extension.empty() || !kAcceptedExtensions.count(extension)) {
                const int importerIndex = importer.GetPropertyInteger("importerIndex", -1);
                const aiImporterDesc* desc =
                    importerIndex >= 0
                        ? importer.GetImporterInfo(static_cast<std::size_t>(importerIndex))
                        : nullptr;
                report.warn(
                    "",
                    std::string("the file name has no known extension; its content was read as ") +
                        (desc && desc->mName ? desc->mName : "a format Assimp recognised"));
            }
            for (const std::string& m : messages)
                if (worthShowing(m)) report.warn("", "Assimp: " + trimmed(m));
            Converter converter(*ai, folder, limits, report);
            try {
                result = converter.run(extension, clipNames);
            } catch (const std::bad_alloc&) {
                report.error("", "ran out of memory while converting the model");
                result.reset();
            }
        }
    }
    Assimp::DefaultLogger::kill();
    return report.finish(std::move(result));
}

// importHere() in a child process (sandbox.hpp) whose result comes back serialised. Nothing when
// no child could be started (the caller then imports here).
std::optional<ModelLoad> importInChild(const fs::path& path, const std::string& displayName,
                                       const std::vector<std::uint8_t>& bytes,
                                       const LoadLimits& limits, const std::string& extension,
                                       const std::vector<std::string>& clipNames) {
    const SandboxResult child = runSandboxed(
        [&] {
            return serializeModelLoad(
                importHere(path, displayName, bytes, limits, extension, clipNames));
        },
        SandboxLimits{limits.maxImportSeconds, limits.maxImportMemoryBytes});

    using Outcome = SandboxResult::Outcome;
    Report report(displayName);
    const char* const mishandles =
        "; the file is malformed or uses something Assimp 5.2 mishandles";
    switch (child.outcome) {
    case Outcome::NotStarted: return std::nullopt;
    case Outcome::TimedOut:
        report.error("", "reading the model took longer than " +
                             std::to_string(limits.maxImportSeconds) + " s; it was stopped");
        return report.finish(std::nullopt);
    case Outcome::Signalled: {
        const char* name = ::strsignal(child.signal);
        report.error("", std::string("the model reader (Assimp) crashed on this file (signal ") +
                             std::to_string(child.signal) + ": " + (name ? name : "?") + ")" +
                             mishandles);
        return report.finish(std::nullopt);
    }
    case Outcome::OutOfMemory:
        report.error("", "the model reader (Assimp) ran out of memory on this file (it may use " +
                             formatBytes(limits.maxImportMemoryBytes) +
                             "); its counts are implausible");
        return report.finish(std::nullopt);
    case Outcome::Failed:
    case Outcome::Finished: break;
    }
    std::optional<ModelLoad> load;
    if (child.outcome == Outcome::Finished) load = deserializeModelLoad(child.bytes);
    if (!load) {
        report.error("", "the model reader (Assimp) failed on this file" +
                             (child.exitStatus > 0
                                  ? " (exit status " + std::to_string(child.exitStatus) + ")"
                                  : std::string()) +
                             mishandles);
        return report.finish(std::nullopt);
    }
    if (load->scene) {
        // The child's memory may have been corrupted without it crashing: check before use.
        const std::vector<std::string> problems = scene::validateScene(*load->scene, 3);
        if (!problems.empty()) {
            report.error("", "the model reader (Assimp) returned an inconsistent scene (" +
                                 problems.front() + "); not used");
            return report.finish(std::nullopt);
        }
    }
    return load;
}

} // namespace

ModelLoad loadAssimp(const fs::path& path, const std::string& displayName,
                     std::vector<std::uint8_t> bytes, const LoadLimits& limits) {
    Report report(displayName);
    if (bytes.empty()) { // loadModel() refuses these first; Assimp's memory stream needs bytes
        report.error("", "the file is empty");
        return report.finish(std::nullopt);
    }
    if (const auto problem = limits.precheckFormats ? precheckModelFile(path, bytes, limits) : std::nullopt) {
        report.error(problem->field, problem->message);
        return report.finish(std::nullopt);
    }
    std::string extension = lowerExtension(path);
    if (!extension.empty() && !kAcceptedExtensions.count(extension)) {
        report.error("", "'." + extension +
                             "' is not a model format HipView reads (glTF/GLB, FBX, COLLADA .dae, "
                             "DirectX .x, OBJ, STL, PLY, "
                             "OFF, 3DS, IQM, LightWave, DXF, AC3D, MS3D, SMD, MD5)");
        return report.finish(std::nullopt);
    }
    std::vector<std::string> clipNames;
    if (extension == "dae") {
        bytes = trimColladaNumberLists(bytes);
        clipNames = colladaClipNames(
            std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
    }
    if (limits.isolateAssimp) {
        if (auto load = importInChild(path, displayName, bytes, limits, extension, clipNames))
            return std::move(*load);
    }
    std::lock_guard<std::mutex> lock(g_assimpMutex);
    return importHere(path, displayName, bytes, limits, extension, clipNames);
}

} // namespace hv::io::detail
