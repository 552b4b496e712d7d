#include "app/scene_export.hpp"

#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/quaternion.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace hv::cli {

namespace {

// Two shapes are the same when no vertex differs by more than this along any axis (m): 0.01 mm,
// far below what a viewer can show and above the float rounding of rebuilding a solid.
constexpr float kSameShape = 1e-5f;

// The content id an item is named by, before making names unique.
std::string itemName(const Content& content, const draw::DrawList& list, const gfx::DrawItem& item) {
    const draw::PickTarget* t = list.target(item.pickId);
    if (t && t->kind == draw::PickTarget::Kind::MusclePart && t->part.muscle >= 0)
        return musclePartId(content.model.muscles[static_cast<std::size_t>(t->part.muscle)], static_cast<std::size_t>(t->part.part));
    if (t && t->kind == draw::PickTarget::Kind::Bone && t->body >= 0 &&
        t->body < static_cast<int>(content.model.bodies.size()))
        return content.model.bodies[static_cast<std::size_t>(t->body)].name;
    if (t && !t->name.empty()) return t->name;
    switch (item.material.kind) {
    case gfx::MaterialKind::Bone: return "bone";
    case gfx::MaterialKind::Muscle: return "muscle";
    case gfx::MaterialKind::Wrap: return "wrap";
    case gfx::MaterialKind::Floor: return "floor";
    case gfx::MaterialKind::Generic: break;
    }
    return "mesh";
}

// Unique names for a list's items, in order: repeats get _2, _3, ...
std::vector<std::string> itemNames(const Content& content, const draw::DrawList& list) {
    std::vector<std::string> names;
    std::map<std::string, int> seen;
    for (const gfx::DrawItem& item : list.items) {
        std::string n = itemName(content, list, item);
        const int k = ++seen[n];
        names.push_back(k == 1 ? n : n + "_" + std::to_string(k));
    }
    return names;
}

// The joint a skinned mesh follows wholly (every vertex's weight on it), or -1.
int rigidJoint(const scene::Primitive& p) {
    if (p.influenceCount <= 0) return -1;
    int joint = -1;
    const std::size_t k = static_cast<std::size_t>(p.influenceCount);
    for (std::size_t v = 0; v < p.positions.size(); ++v) {
        int best = -1;
        for (std::size_t i = 0; i < k; ++i)
            if (p.weights[v * k + i] > 0.999f) best = p.joints[v * k + i];
        if (best < 0 || (joint >= 0 && best != joint)) return -1;
        joint = best;
    }
    return joint;
}

// Mesh frame -> scene frame of a rigid item, or nullopt when its shape is not rigid.
std::optional<glm::mat4> rigidMatrix(const gfx::DrawItem& item) {
    if (!item.skinned()) return item.transform;
    const int j = rigidJoint(*item.mesh);
    if (j < 0 || j >= static_cast<int>(item.jointMatrices->size())) return std::nullopt;
    return (*item.jointMatrices)[static_cast<std::size_t>(j)];
}

// The item's vertices and normals in the scene frame.
void worldShape(const gfx::DrawItem& item, std::vector<glm::vec3>& pos, std::vector<glm::vec3>& nor) {
    const scene::Primitive& p = *item.mesh;
    pos.resize(p.positions.size());
    nor.resize(p.positions.size());
    const std::size_t k = static_cast<std::size_t>(std::max(0, p.influenceCount));
    for (std::size_t v = 0; v < p.positions.size(); ++v) {
        glm::mat4 m = item.transform;
        if (item.skinned()) {
            m = glm::mat4(0.0f);
            for (std::size_t i = 0; i < k; ++i) {
                const std::size_t j = p.joints[v * k + i];
                if (j < item.jointMatrices->size()) m += p.weights[v * k + i] * (*item.jointMatrices)[j];
            }
        }
        pos[v] = glm::vec3(m * glm::vec4(p.positions[v], 1.0f));
        const glm::vec3 n = v < p.normals.size() ? glm::mat3(glm::transpose(glm::inverse(m))) * p.normals[v] : glm::vec3(0, 1, 0);
        const float len = glm::length(n);
        nor[v] = len > 1e-12f ? n / len : glm::vec3(0, 1, 0);
    }
}

void decompose(const glm::mat4& m, glm::vec3& t, glm::quat& r, glm::vec3& s) {
    t = glm::vec3(m[3]);
    glm::mat3 a(m);
    s = {glm::length(a[0]), glm::length(a[1]), glm::length(a[2])};
    if (glm::determinant(a) < 0.0f) s.x = -s.x;
    for (int i = 0; i < 3; ++i) a[i] /= (s[i] == 0.0f ? 1.0f : s[i]);
    r = glm::normalize(glm::quat_cast(a));
}

std::string hex(const glm::vec4& c) {
    const auto b = [](float x) {
        const float s = x <= 0.0031308f ? 12.92f * x : 1.055f * std::pow(x, 1.0f / 2.4f) - 0.055f;
        return static_cast<int>(std::lround(std::clamp(s, 0.0f, 1.0f) * 255.0f));
    };
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02x%02x%02x", b(c.r), b(c.g), b(c.b));
    return buf;
}

int materialFor(scene::Scene& sc, std::map<std::string, int>& byName, const gfx::DrawItem& item) {
    const bool ghost = (item.flags & gfx::kGhosted) != 0;
    const char* kind = item.material.kind == gfx::MaterialKind::Bone     ? "bone"
                       : item.material.kind == gfx::MaterialKind::Muscle ? "muscle"
                       : item.material.kind == gfx::MaterialKind::Wrap   ? "wrap"
                                                                         : "surface";
    glm::vec4 colour = item.material.baseColor;
    if (ghost) colour.a = std::min(colour.a, 0.2f);
    const bool blend = ghost || item.material.alphaBlend || item.material.kind == gfx::MaterialKind::Wrap || colour.a < 1.0f;
    if (item.material.kind == gfx::MaterialKind::Wrap) colour.a = std::min(colour.a, 0.35f);
    const std::string name = std::string(ghost ? "ghost_" : "") + kind + "_" + hex(colour);
    if (auto it = byName.find(name); it != byName.end()) return it->second;
    scene::Material m;
    m.name = name;
    m.baseColor = colour;
    m.roughness = item.material.kind == gfx::MaterialKind::Muscle ? 0.55f : std::clamp(item.material.roughness, 0.0f, 1.0f);
    m.alphaMode = blend ? scene::AlphaMode::Blend : scene::AlphaMode::Opaque;
    m.doubleSided = item.material.doubleSided;
    sc.materials.push_back(m);
    return byName[name] = static_cast<int>(sc.materials.size() - 1);
}

void pushVec(std::vector<float>& out, const glm::vec3& v) { out.insert(out.end(), {v.x, v.y, v.z}); }

} // namespace

std::vector<double> exportKeyTimes(const movement::Movement& movement, double maxStep, std::size_t maxKeyframes) {
    const auto& keys = movement.keys;
    if (keys.size() < 2) return {0.0, movement.duration()};
    const std::size_t tracks = movement.coordinates.size();
    const auto moves = [&](std::size_t i) {
        for (std::size_t c = 0; c < tracks; ++c)
            if (movement.value(i, c) != movement.value(i + 1, c)) return true;
        return keys[i].support != keys[i + 1].support || keys[i].singleSupport != keys[i + 1].singleSupport;
    };
    const auto sample = [&](double step) {
        std::vector<double> times{keys.front().time};
        for (std::size_t i = 0; i + 1 < keys.size(); ++i) {
            const double t0 = keys[i].time, t1 = keys[i + 1].time;
            const int n = moves(i) ? std::max(1, static_cast<int>(std::ceil((t1 - t0) / step - 1e-9))) : 1;
            for (int j = 1; j < n; ++j) times.push_back(t0 + (t1 - t0) * j / n);
            times.push_back(t1);
        }
        return times;
    };
    std::vector<double> times = sample(maxStep);
    for (double step = maxStep * 1.25; times.size() > maxKeyframes && step < 4.0 * movement.duration() + maxStep; step *= 1.25)
        times = sample(step);
    return times;
}

draw::SolidParams exportSolidParams() {
    draw::SolidParams p;
    p.minSamples = p.maxSamples = 24;
    p.ringSegments = 12;
    return p;
}

ExportedScene buildExportScene(const Content& content, std::span<const draw::DrawList> lists, std::span<const double> times,
                               const std::string& animationName, std::size_t colourFrame) {
    ExportedScene out;
    scene::Scene& sc = out.scene;
    sc.name = animationName.empty() ? "hipview" : animationName;
    const draw::DrawList& first = lists.front();
    const std::vector<std::string> names = itemNames(content, first);
    // Each later list's items by name.
    std::vector<std::map<std::string, const gfx::DrawItem*>> byName(lists.size());
    for (std::size_t k = 0; k < lists.size(); ++k) {
        const auto n = itemNames(content, lists[k]);
        for (std::size_t i = 0; i < n.size(); ++i) byName[k][n[i]] = &lists[k].items[i];
    }
    const std::map<std::string, const gfx::DrawItem*>& colours = byName[std::min(colourFrame, lists.size() - 1)];
    std::vector<float> keyTimes;
    for (double t : times) keyTimes.push_back(static_cast<float>(t));
    const bool animated = lists.size() > 1;
    scene::Animation anim;
    anim.name = animationName;
    anim.duration = keyTimes.back() - keyTimes.front();
    std::map<std::string, int> materials;

    for (std::size_t i = 0; i < first.items.size(); ++i) {
        const gfx::DrawItem& item = first.items[i];
        if (!item.mesh || item.mesh->positions.empty() || item.mesh->indices.empty()) continue;
        // A ghost that stands for nothing (the body outline) is not exported: a page's raycast
        // would take it for the surface in front.
        if ((item.flags & gfx::kGhosted) && !first.target(item.pickId)) continue;
        const std::string& name = names[i];
        // The item in every list (a missing one keeps its previous state).
        std::vector<const gfx::DrawItem*> at(lists.size(), &item);
        for (std::size_t k = 1; k < lists.size(); ++k) {
            auto it = byName[k].find(name);
            at[k] = it != byName[k].end() && it->second->mesh ? it->second : at[k - 1];
        }
        bool rigid = true;
        std::vector<glm::mat4> matrices;
        for (const gfx::DrawItem* x : at) {
            const auto m = x->mesh == item.mesh ? rigidMatrix(*x) : std::nullopt;
            if (!m) {
                rigid = false;
                break;
            }
            matrices.push_back(*m);
        }
        scene::Primitive prim;
        prim.indices = item.mesh->indices;
        scene::Node node;
        node.name = name;
        if (rigid) {
            prim.positions = item.mesh->positions;
            prim.normals = item.mesh->normals;
            decompose(matrices.front(), node.translation, node.rotation, node.scale);
        } else {
            worldShape(item, prim.positions, prim.normals);
        }
        const auto cit = colours.find(name);
        prim.material = materialFor(sc, materials, cit != colours.end() ? *cit->second : item);
        const int nodeIndex = static_cast<int>(sc.nodes.size());

        if (animated && rigid) {
            const bool moves = std::any_of(matrices.begin(), matrices.end(), [&](const glm::mat4& m) { return m != matrices.front(); });
            if (moves) {
                scene::AnimationChannel ct, cr, cs;
                ct.node = cr.node = cs.node = nodeIndex;
                ct.path = scene::AnimationPath::Translation;
                cr.path = scene::AnimationPath::Rotation;
                cs.path = scene::AnimationPath::Scale;
                ct.times = cr.times = cs.times = keyTimes;
                glm::quat previous = node.rotation;
                bool scales = false;
                for (const glm::mat4& m : matrices) {
                    glm::vec3 t, s;
                    glm::quat r;
                    decompose(m, t, r, s);
                    if (glm::dot(r, previous) < 0.0f) r = -r; // the short way round
                    previous = r;
                    pushVec(ct.values, t);
                    cr.values.insert(cr.values.end(), {r.x, r.y, r.z, r.w});
                    pushVec(cs.values, s);
                    scales |= glm::length(s - node.scale) > 1e-6f;
                }
                anim.channels.push_back(std::move(ct));
                anim.channels.push_back(std::move(cr));
                if (scales) anim.channels.push_back(std::move(cs));
            }
        } else if (animated) {
            bool sameCount = true;
            for (const gfx::DrawItem* x : at) sameCount &= x->mesh->positions.size() == item.mesh->positions.size();
            if (!sameCount) {
                out.warnings.push_back(name + ": its vertex count changes between poses, so it keeps its first shape");
            } else {
                // Distinct shapes: 0 is the base, j >= 1 morph target j - 1.
                std::vector<glm::vec3> pos, nor;
                std::vector<std::size_t> shapeOf(at.size(), 0);
                const auto same = [&](const std::vector<glm::vec3>& p, const std::vector<glm::vec3>& base,
                                      const scene::MorphTarget* t) {
                    for (std::size_t v = 0; v < p.size(); ++v) {
                        const glm::vec3 q = base[v] + (t ? t->positionDeltas[v] : glm::vec3(0.0f));
                        if (glm::any(glm::greaterThan(glm::abs(p[v] - q), glm::vec3(kSameShape)))) return false;
                    }
                    return true;
                };
                for (std::size_t k = 1; k < at.size(); ++k) {
                    worldShape(*at[k], pos, nor);
                    if (same(pos, prim.positions, nullptr)) continue;
                    bool found = false;
                    for (std::size_t j = 0; j < prim.morphTargets.size() && !found; ++j)
                        if (same(pos, prim.positions, &prim.morphTargets[j])) {
                            shapeOf[k] = j + 1;
                            found = true;
                        }
                    if (found) continue;
                    scene::MorphTarget t;
                    t.positionDeltas.resize(pos.size());
                    t.normalDeltas.resize(pos.size());
                    for (std::size_t v = 0; v < pos.size(); ++v) {
                        t.positionDeltas[v] = pos[v] - prim.positions[v];
                        t.normalDeltas[v] = nor[v] - prim.normals[v];
                    }
                    prim.morphTargets.push_back(std::move(t));
                    shapeOf[k] = prim.morphTargets.size();
                }
                const std::size_t targets = prim.morphTargets.size();
                if (targets > 0) {
                    scene::AnimationChannel cw;
                    cw.node = nodeIndex;
                    cw.path = scene::AnimationPath::Weights;
                    cw.times = keyTimes;
                    for (std::size_t k = 0; k < at.size(); ++k)
                        for (std::size_t j = 0; j < targets; ++j) cw.values.push_back(shapeOf[k] == j + 1 ? 1.0f : 0.0f);
                    anim.channels.push_back(std::move(cw));
                }
            }
        }
        scene::Mesh mesh;
        mesh.name = name;
        mesh.defaultMorphWeights.assign(prim.morphTargets.size(), 0.0f);
        mesh.primitives.push_back(std::move(prim));
        node.mesh = static_cast<int>(sc.meshes.size());
        sc.meshes.push_back(std::move(mesh));
        sc.roots.push_back(nodeIndex);
        sc.nodes.push_back(std::move(node));

        // What the node is, for viewers that show it.
        std::vector<std::pair<std::string, std::string>> ex;
        if (const draw::PickTarget* t = first.target(item.pickId)) {
            if (!t->name.empty()) ex.emplace_back("name", t->name);
            if (!t->muscleId.empty()) {
                ex.emplace_back("muscle", t->muscleId);
                if (const MuscleInfo* info = content.findMuscleInfo(t->muscleId)) {
                    if (!info->summary.empty()) ex.emplace_back("summary", info->summary);
                    if (const MuscleGroup* g = content.findGroup(info->group)) {
                        ex.emplace_back("group", g->name);
                        if (!g->function.empty()) ex.emplace_back("function", g->function);
                    }
                }
            }
        }
        out.extras.nodes.push_back(std::move(ex));
    }
    if (animated && !anim.channels.empty()) sc.animations.push_back(std::move(anim));
    return out;
}

} // namespace hv::cli
