#include "bonegen/bonegen.hpp"

#include "bonegen/bones.hpp"
#include "bonegen/outline.hpp"
#include "core/kinematics.hpp"
#include "io/glb_writer.hpp"

#include <glm/gtc/quaternion.hpp>

#include <map>

namespace hv::bonegen {

namespace {

TriangleMesh mirrored(const TriangleMesh& m) {
    TriangleMesh out = m;
    for (Vec3& p : out.positions) p.z = -p.z;
    for (Vec3& n : out.normals) n.z = -n.z;
    for (std::size_t t = 0; t + 2 < out.indices.size(); t += 3) std::swap(out.indices[t + 1], out.indices[t + 2]);
    return out;
}

void deform(TriangleMesh& m, const BoneDeformation& map, BoneRegion region) {
    if (map.isIdentity() || region == BoneRegion::Unchanged) return;
    for (std::size_t i = 0; i < m.positions.size(); ++i) {
        m.normals[i] = map.applyToNormal(region, m.positions[i], m.normals[i]);
        m.positions[i] = map.apply(region, m.positions[i]);
    }
}

glm::dmat3 osimToGltfD() { return glm::dmat3(glm::dvec3(0, 0, 1), glm::dvec3(0, 1, 0), glm::dvec3(-1, 0, 0)); }

} // namespace

bool shapeFor(const std::string& body, const BoneParameters& defaults, const SkeletonLandmarks& landmarks, BoneShape& out) {
    if (body == "pelvis") out = pelvisShape(defaults, landmarks);
    else if (body == "femur_r") out = femurShape(defaults, landmarks);
    else if (body == "patella_r") out = patellaShape(landmarks);
    else if (body == "tibia_r") out = tibiaShape(landmarks);
    else if (body == "fibula_r") out = fibulaShape(landmarks);
    else if (body == "thorax") out = thoraxShape(landmarks);
    else if (body == "talus_r") out = talusShape(landmarks);
    else if (body == "calcn_r") out = calcaneusShape(landmarks);
    else if (body == "toes_r") out = toesShape(landmarks);
    else if (body.size() == 2 && body[0] == 'L' && body[1] >= '1' && body[1] <= '5') out = vertebraShape(body[1] - '0', landmarks);
    else return false;
    return true;
}

std::vector<BoneMesh> generateBones(const Content& content, const BoneParameters& parameters, const BakeOptions& options) {
    const Model& model = content.model;
    const BoneParameters defaults = content.boneParameters.defaults();
    const SkeletonLandmarks landmarks = skeletonLandmarks(model);
    const BoneDeformation map(model, defaults, parameters);

    // Right and midline bones first (the left ones are their mirror images).
    std::map<std::string, TriangleMesh> made;
    for (const Body& body : model.bodies) {
        if (body.side == Side::Left) continue;
        BoneShape shape;
        if (!shapeFor(body.name, defaults, landmarks, shape)) continue;
        ExtractionOptions o;
        o.cellSize = shape.cellSize;
        o.threads = options.threads;
        o.maxTriangles = shape.maxTriangles;
        o.maxError = shape.maxError;
        TriangleMesh mesh = extractSurface(shape.sdf, shape.region, o);
        deform(mesh, map, boneRegionOf(body));
        made[body.name] = std::move(mesh);
    }
    std::vector<BoneMesh> out;
    for (const Body& body : model.bodies) {
        if (body.side == Side::Left) {
            const auto it = made.find(otherSideName(body.name));
            if (it != made.end()) out.push_back({body.name, mirrored(it->second)});
        } else {
            const auto it = made.find(body.name);
            if (it != made.end()) out.push_back({body.name, it->second});
        }
    }
    return out;
}

scene::Scene buildScene(const Model& model, const std::vector<BoneMesh>& bones, const std::string& description,
                        const std::vector<OutlineMesh>& outline) {
    scene::Scene sc;
    sc.name = description;
    const std::vector<Transform> world = computeBodyTransforms(model, model.defaultPose());
    const glm::dmat3 C = osimToGltfD();
    const auto toGltf = [&](const Transform& t) { return Transform{C * t.rotation * glm::transpose(C), C * t.translation}; };

    // Which bodies get a joint node: those with a bone or an outline piece (the trunk's on every
    // body it is blended over), and those they hang from; a body with nothing below it gets none.
    std::vector<char> carries(model.bodies.size(), 0);
    const auto carry = [&](int body) {
        for (; body >= 0; body = model.joints[static_cast<std::size_t>(model.bodies[static_cast<std::size_t>(body)].joint)].parentBody)
            carries[static_cast<std::size_t>(body)] = 1;
    };
    for (const BoneMesh& b : bones) carry(model.findBody(b.body));
    for (const OutlineMesh& o : outline) {
        carry(model.findBody(o.body));
        for (const auto& bodies : o.blendBodies)
            for (int b : bodies) carry(b);
    }
    std::vector<int> nodeOf(model.bodies.size(), -1); // per body: its joint node, -1 if none

    // Joint nodes: one per carrying body, parents first (the model's order).
    scene::Skin skin;
    skin.name = "skeleton";
    for (std::size_t b = 0; b < model.bodies.size(); ++b) {
        if (!carries[b]) continue;
        const Body& body = model.bodies[b];
        const Joint& joint = model.joints[static_cast<std::size_t>(body.joint)];
        const Transform w = toGltf(world[b]);
        const Transform local = joint.parentBody < 0 ? w : toGltf(world[static_cast<std::size_t>(joint.parentBody)]).inverse() * w;
        const int index = static_cast<int>(sc.nodes.size());
        const int parent = joint.parentBody < 0 ? -1 : nodeOf[static_cast<std::size_t>(joint.parentBody)];
        nodeOf[b] = index;
        scene::Node node;
        node.name = body.name;
        node.parent = parent;
        node.translation = glm::vec3(local.translation);
        node.rotation = glm::normalize(glm::quat(glm::quat_cast(local.rotation)));
        sc.nodes.push_back(node);
        if (parent >= 0) sc.nodes[static_cast<std::size_t>(parent)].children.push_back(index);
        else sc.roots.push_back(index);
        glm::dmat4 m(w.rotation);
        m[3] = glm::dvec4(w.translation, 1.0);
        skin.joints.push_back(index);
        skin.inverseBindMatrices.push_back(glm::mat4(glm::inverse(m)));
    }
    skin.skeleton = sc.roots.empty() ? -1 : sc.roots.front();
    sc.skins.push_back(skin);

    scene::Material bone;
    bone.name = "bone";
    bone.baseColor = {0.80f, 0.74f, 0.62f, 1.0f};
    bone.metallic = 0.0f;
    bone.roughness = 0.75f;
    sc.materials.push_back(bone);

    // One skinned mesh per bone, on a root node with no transform of its own; its vertices are in
    // the bind pose (the default pose), each tied to its body's joint with weight 1.
    for (const BoneMesh& b : bones) {
        const int body = model.findBody(b.body);
        if (body < 0) continue;
        const Transform w = world[static_cast<std::size_t>(body)];
        scene::Primitive prim;
        prim.positions.reserve(b.mesh.positions.size());
        for (std::size_t i = 0; i < b.mesh.positions.size(); ++i) {
            prim.positions.emplace_back(C * w.apply(b.mesh.positions[i]));
            prim.normals.push_back(glm::normalize(glm::vec3(C * (w.rotation * b.mesh.normals[i]))));
        }
        prim.influenceCount = 4;
        prim.joints.assign(prim.positions.size() * 4, 0);
        prim.weights.assign(prim.positions.size() * 4, 0.0f);
        for (std::size_t i = 0; i < prim.positions.size(); ++i) {
            prim.joints[i * 4] = static_cast<std::uint16_t>(nodeOf[static_cast<std::size_t>(body)]);
            prim.weights[i * 4] = 1.0f;
        }
        prim.indices = b.mesh.indices;
        prim.material = 0;
        scene::Mesh mesh;
        mesh.name = b.body;
        mesh.primitives.push_back(std::move(prim));
        scene::Node node;
        node.name = b.body + "_bone";
        node.mesh = static_cast<int>(sc.meshes.size());
        node.skin = 0;
        sc.meshes.push_back(std::move(mesh));
        sc.roots.push_back(static_cast<int>(sc.nodes.size()));
        sc.nodes.push_back(std::move(node));
    }

    // The body outline: one skinned mesh per piece ("<body>_outline"), in a translucent
    // skin-grey material of its own; a blended piece's vertices carry up to four joints.
    if (!outline.empty()) {
        scene::Material outlineMaterial;
        outlineMaterial.name = "outline";
        outlineMaterial.baseColor = {0.62f, 0.58f, 0.55f, 0.25f};
        outlineMaterial.roughness = 0.9f;
        outlineMaterial.alphaMode = scene::AlphaMode::Blend;
        const int material = static_cast<int>(sc.materials.size());
        sc.materials.push_back(outlineMaterial);
        for (const OutlineMesh& o : outline) {
            const int body = model.findBody(o.body);
            if (body < 0 || o.mesh.positions.empty()) continue;
            const Transform w = world[static_cast<std::size_t>(body)];
            scene::Primitive prim;
            for (std::size_t i = 0; i < o.mesh.positions.size(); ++i) {
                prim.positions.emplace_back(C * w.apply(o.mesh.positions[i]));
                prim.normals.push_back(glm::normalize(glm::vec3(C * (w.rotation * o.mesh.normals[i]))));
            }
            prim.influenceCount = 4;
            prim.joints.assign(prim.positions.size() * 4, 0);
            prim.weights.assign(prim.positions.size() * 4, 0.0f);
            for (std::size_t i = 0; i < prim.positions.size(); ++i) {
                if (o.blendBodies.size() == prim.positions.size()) {
                    for (std::size_t k = 0; k < 4; ++k) {
                        const int b = o.blendBodies[i][k];
                        if (b < 0 || nodeOf[static_cast<std::size_t>(b)] < 0) continue;
                        prim.joints[i * 4 + k] = static_cast<std::uint16_t>(nodeOf[static_cast<std::size_t>(b)]);
                        prim.weights[i * 4 + k] = o.blendWeights[i][k];
                    }
                } else {
                    prim.joints[i * 4] = static_cast<std::uint16_t>(nodeOf[static_cast<std::size_t>(body)]);
                    prim.weights[i * 4] = 1.0f;
                }
            }
            prim.indices = o.mesh.indices;
            prim.material = material;
            scene::Mesh mesh;
            mesh.name = o.body + std::string(scene::kOutlineNodeSuffix);
            mesh.primitives.push_back(std::move(prim));
            scene::Node node;
            node.name = o.body + std::string(scene::kOutlineNodeSuffix);
            node.mesh = static_cast<int>(sc.meshes.size());
            node.skin = 0;
            sc.meshes.push_back(std::move(mesh));
            sc.roots.push_back(static_cast<int>(sc.nodes.size()));
            sc.nodes.push_back(std::move(node));
        }
    }
    return sc;
}

std::vector<std::uint8_t> bakeModel(const Content& content, const BoneParameters& parameters, const BakeOptions& options) {
    Model model = content.model;
    applyBoneParameters(model, content.boneParameters.defaults(), parameters);
    const std::vector<BoneMesh> bones = generateBones(content, parameters, options);
    const std::vector<OutlineMesh> outline = generateOutline(model, options.threads);
    const std::string anatomy = formatAnatomy(parameters);
    const scene::Scene sc = buildScene(model, bones, "HipView skeleton (" + anatomy + ")", outline);
    return io::writeGlb(sc, "HipView bonegen; anatomy " + anatomy);
}

} // namespace hv::bonegen
