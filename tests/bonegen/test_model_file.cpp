// The committed default model (assets/hip.glb): the published attachments lie on its bones, the
// hip joint centre is the centre of the femoral head and of the acetabulum, the rig matches the
// core's bodies, the meshes face outwards, it stays within budget, and landmarks that are
// openings are open.
#include "model_fixture.hpp"

#include "core/bone_parameters.hpp"
#include "core/kinematics.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

using namespace hv;

namespace {

struct Sphere {
    glm::dvec3 centre{0.0};
    double radius = 0.0;
    std::size_t points = 0;
};

// Least-squares sphere through points (linear in centre and radius: |p|^2 = 2 c.p + k).
Sphere fitSphere(const std::vector<glm::dvec3>& pts) {
    glm::dmat4 ata(0.0);
    glm::dvec4 atb(0.0);
    for (const auto& p : pts) {
        const glm::dvec4 row{2 * p.x, 2 * p.y, 2 * p.z, 1.0};
        const double b = glm::dot(p, p);
        for (int i = 0; i < 4; ++i) {
            for (int j = 0; j < 4; ++j) ata[j][i] += row[i] * row[j];
            atb[i] += row[i] * b;
        }
    }
    const glm::dvec4 x = glm::inverse(ata) * atb;
    Sphere s;
    s.centre = {x.x, x.y, x.z};
    s.radius = std::sqrt(x.w + glm::dot(s.centre, s.centre));
    s.points = pts.size();
    return s;
}

// The meshes whose surface a point on `body` may lie on: the fibula is welded to the tibia (one
// body in the published model), so the tibia's points may lie on either.
std::vector<const test::BodyMesh*> bonesOf(const std::string& body) {
    const auto& meshes = test::committedBodyMeshes();
    std::vector<const test::BodyMesh*> out;
    const auto add = [&](const std::string& name) {
        const auto it = meshes.find(name);
        if (it != meshes.end()) out.push_back(&it->second);
    };
    add(body);
    if (body.rfind("tibia_", 0) == 0) add("fibula_" + body.substr(6));
    return out;
}

// Signed volume of a closed mesh (positive when its faces are counter-clockwise seen from outside).
double signedVolume(const test::BodyMesh& m) {
    double v = 0.0;
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3)
        v += glm::dot(m.positions[m.indices[t]], glm::cross(m.positions[m.indices[t + 1]], m.positions[m.indices[t + 2]])) / 6.0;
    return v;
}

// Whether the segment a-b crosses the mesh (any triangle).
bool segmentHits(const test::BodyMesh& m, const glm::dvec3& a, const glm::dvec3& b) {
    const glm::dvec3 d = b - a;
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
        const auto& p0 = m.positions[m.indices[t]];
        const glm::dvec3 e1 = m.positions[m.indices[t + 1]] - p0, e2 = m.positions[m.indices[t + 2]] - p0;
        const glm::dvec3 pv = glm::cross(d, e2);
        const double det = glm::dot(e1, pv);
        if (std::abs(det) < 1e-18) continue;
        const glm::dvec3 tv = a - p0;
        const double u = glm::dot(tv, pv) / det;
        if (u < 0 || u > 1) continue;
        const glm::dvec3 qv = glm::cross(tv, e1);
        const double v = glm::dot(d, qv) / det;
        if (v < 0 || u + v > 1) continue;
        const double s = glm::dot(e2, qv) / det;
        if (s >= 0 && s <= 1) return true;
    }
    return false;
}

} // namespace

TEST_CASE("every muscle's origin and insertion lies within 3 mm of its bone's surface at the default parameters") {
    const Model& model = test::projectContent().model;
    struct Row {
        double distance;
        std::string what;
    };
    std::vector<Row> rows;
    for (const Muscle& m : model.muscles)
        for (const MusclePart& part : m.parts)
            for (std::size_t i : {std::size_t{0}, part.points.size() - 1}) {
                const PathPoint& p = part.points[i];
                const std::string& body = model.bodies[static_cast<std::size_t>(p.body)].name;
                const auto bones = bonesOf(body);
                REQUIRE_MESSAGE(!bones.empty(), "no bone mesh for body " << body);
                double d = 1e9;
                for (const auto* b : bones) d = std::min(d, test::distanceToMesh(p.location, *b));
                std::ostringstream what;
                what << m.id << (part.name.empty() ? "" : "/" + part.name) << " " << sideSuffix(m.side) << " "
                     << (i == 0 ? "origin" : "insertion") << " on " << body;
                rows.push_back({d, what.str()});
            }
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.distance > b.distance; });
    std::ostringstream worst;
    for (std::size_t i = 0; i < std::min<std::size_t>(12, rows.size()); ++i)
        worst << "\n  " << rows[i].distance * 1000.0 << " mm  " << rows[i].what;
    MESSAGE(rows.size() << " attachments checked; the furthest from their bone's surface:" << worst.str());
    CHECK(rows.size() >= 130);
    for (const Row& r : rows) {
        INFO(r.what);
        CHECK(r.distance < 0.003);
    }
}

TEST_CASE("the hip joint centre is the centre of the femoral head and of the acetabulum, on both sides") {
    const Model& model = test::projectContent().model;
    const auto& meshes = test::committedBodyMeshes();
    const double rHead = femurAxes().headRadius;
    const BoneParameters defaults = test::projectContent().boneParameters.defaults();
    for (const char* side : {"r", "l"}) {
        const double mirror = std::string(side) == "r" ? 1.0 : -1.0;
        // femoral head: the vertices on the head's sphere band, on the side away from the neck
        Vec3 towardsHead = -femoralNeckDirection(defaults.anteversion, defaults.neckShaftAngle);
        towardsHead.z *= mirror;
        std::vector<glm::dvec3> head;
        for (const auto& p : meshes.at(std::string("femur_") + side).positions)
            if (std::abs(glm::length(p) - rHead) < 0.0015 && glm::dot(p, towardsHead) > 0.0) head.push_back(p);
        const Sphere h = fitSphere(head);
        // acetabulum: the vertices of the lunate surface, the sphere band around the hip centre
        const Joint& hip = model.joints[static_cast<std::size_t>(model.bodies[static_cast<std::size_t>(model.findBody(std::string("femur_") + side))].joint)];
        const Vec3 centre = hip.parentOffset.translation;
        std::vector<glm::dvec3> socket;
        for (const auto& p : meshes.at("pelvis").positions)
            if (std::abs(glm::length(p - centre) - (rHead + 0.002)) < 0.0008) socket.push_back(p);
        const Sphere a = fitSphere(socket);
        MESSAGE("side " << std::string(side) << ": femoral head fit through " << h.points << " vertices: centre " << glm::length(h.centre) * 1000
                        << " mm from the hip joint centre, radius " << h.radius * 1000 << " mm; acetabulum fit through " << a.points
                        << " vertices: centre " << glm::length(a.centre - centre) * 1000 << " mm from it, radius " << a.radius * 1000 << " mm");
        CHECK(h.points > 200);
        CHECK(a.points > 200);
        CHECK(glm::length(h.centre) < 0.0005);
        CHECK(h.radius == doctest::Approx(rHead).epsilon(0.03));
        CHECK(glm::length(a.centre - centre) < 0.0005);
        CHECK(a.radius == doctest::Approx(rHead + 0.002).epsilon(0.03));
    }
}

// The budget: about 136k triangles for the pelvis, lumbar spine and legs, 18k for the thorax, the
// rest for the feet and the body outline; a figure or a window frame on llvmpipe draws it in
// well under the window's frame time (bench/).
TEST_CASE("the model stays within its budget: under 200k triangles and 6 MB") {
    const scene::Scene& sc = test::committedModel();
    std::size_t triangles = 0, vertices = 0;
    for (const scene::Mesh& m : sc.meshes)
        for (const scene::Primitive& p : m.primitives) {
            triangles += p.indices.size() / 3;
            vertices += p.positions.size();
        }
    const auto bytes = std::filesystem::file_size(test::assetPath());
    MESSAGE("assets/hip.glb: " << triangles << " triangles, " << vertices << " vertices, " << bytes << " bytes");
    CHECK(triangles < 200000);
    CHECK(bytes < 6u * 1000u * 1000u);
    CHECK(triangles > 50000); // and not a placeholder
}

TEST_CASE("the skin's joints are the core's bodies that carry bones, nested like them, with inverse bind matrices of the rest pose") {
    const Model& model = test::projectContent().model;
    const scene::Scene& sc = test::committedModel();
    REQUIRE(sc.skins.size() == 1);
    const scene::Skin& skin = sc.skins.front();
    // A body carries a mesh when it or a body below it has one: a bone, or a piece of the body
    // outline ("<body>_outline"; the trunk's hangs on every spine body, the thorax included).
    std::set<std::string> carrying;
    const auto carry = [&](int b) {
        for (; b >= 0; b = model.joints[static_cast<std::size_t>(model.bodies[static_cast<std::size_t>(b)].joint)].parentBody)
            carrying.insert(model.bodies[static_cast<std::size_t>(b)].name);
    };
    for (const auto& [name, mesh] : test::committedBodyMeshes()) carry(model.findBody(name));
    for (const scene::Mesh& mesh : sc.meshes)
        if (mesh.name.ends_with(scene::kOutlineNodeSuffix)) {
            const scene::Primitive& p = mesh.primitives.front();
            for (std::size_t i = 0; i < p.joints.size(); ++i)
                if (p.weights[i] > 0.0f) carry(model.findBody(sc.nodes[static_cast<std::size_t>(skin.joints[p.joints[i]])].name));
        }
    CHECK(carrying.count("thorax") == 1);
    CHECK(carrying.count("hand_l") == 1);
    CHECK(carrying.count("L1") == 1);
    REQUIRE(skin.joints.size() == carrying.size());
    const auto world = computeBodyTransforms(model, model.defaultPose());
    std::vector<glm::dmat4> nodeWorld(sc.nodes.size(), glm::dmat4(1.0));
    // world matrices of the joint nodes (parents come first in this file)
    const auto local = [&](const scene::Node& n) {
        glm::dmat4 m = glm::dmat4(glm::mat4_cast(glm::dquat(n.rotation)));
        m[3] = glm::dvec4(glm::dvec3(n.translation), 1.0);
        return m;
    };
    for (std::size_t i = 0; i < sc.nodes.size(); ++i) {
        const scene::Node& n = sc.nodes[i];
        nodeWorld[i] = (n.parent >= 0 ? nodeWorld[static_cast<std::size_t>(n.parent)] : glm::dmat4(1.0)) * local(n);
    }
    for (std::size_t j = 0; j < skin.joints.size(); ++j) {
        const scene::Node& node = sc.nodes[static_cast<std::size_t>(skin.joints[j])];
        const int body = model.findBody(node.name);
        INFO("joint " << node.name);
        REQUIRE(body >= 0);
        const Joint& joint = model.joints[static_cast<std::size_t>(model.bodies[static_cast<std::size_t>(body)].joint)];
        const std::string parentName = joint.parentBody < 0 ? "" : model.bodies[static_cast<std::size_t>(joint.parentBody)].name;
        CHECK((node.parent < 0 ? std::string() : sc.nodes[static_cast<std::size_t>(node.parent)].name) == parentName);
        // the node's world position is the body's origin at the default pose (glTF frame)
        const glm::dvec3 origin = glm::dvec3(nodeWorld[static_cast<std::size_t>(skin.joints[j])][3]);
        CHECK(glm::length(test::gltfToOsim(origin) - world[static_cast<std::size_t>(body)].translation) < 1e-5);
        // and the inverse bind matrix undoes it
        const glm::dmat4 product = glm::dmat4(skin.inverseBindMatrices[j]) * nodeWorld[static_cast<std::size_t>(skin.joints[j])];
        for (int c = 0; c < 4; ++c)
            for (int r = 0; r < 4; ++r) CHECK(product[c][r] == doctest::Approx(c == r ? 1.0 : 0.0).epsilon(1e-5).scale(1.0));
    }
    for (const Body& b : model.bodies) {
        if (carrying.count(b.name) == 0) continue;
        bool found = false;
        for (int j : skin.joints) found = found || sc.nodes[static_cast<std::size_t>(j)].name == b.name;
        CHECK_MESSAGE(found, "no joint named " << b.name);
    }
}

TEST_CASE("every bone is one closed mesh skinned rigidly to its body, faces wound counter-clockwise outwards, unit normals") {
    const Model& model = test::projectContent().model;
    const scene::Scene& sc = test::committedModel();
    std::set<std::string> names;
    for (const scene::Mesh& mesh : sc.meshes) {
        if (mesh.name.ends_with(scene::kOutlineNodeSuffix)) continue; // the body outline (test_outline.cpp)
        INFO("mesh " << mesh.name);
        names.insert(mesh.name);
        REQUIRE(model.findBody(mesh.name) >= 0);
        const scene::Primitive& p = mesh.primitives.front();
        const int joint = p.joints.front();
        CHECK(sc.nodes[static_cast<std::size_t>(sc.skins.front().joints[static_cast<std::size_t>(joint)])].name == mesh.name);
        for (std::size_t v = 0; v < p.positions.size(); ++v) {
            REQUIRE(p.joints[v * static_cast<std::size_t>(p.influenceCount)] == joint);
            REQUIRE(p.weights[v * static_cast<std::size_t>(p.influenceCount)] == doctest::Approx(1.0));
            REQUIRE(glm::length(p.normals[v]) == doctest::Approx(1.0).epsilon(1e-4));
        }
        // closed: every edge is crossed as often one way as the other (no border, no flipped face
        // next to its neighbours; simplification may leave a few edges shared by four faces)
        std::map<std::pair<std::uint32_t, std::uint32_t>, int> edges;
        for (std::size_t t = 0; t + 2 < p.indices.size(); t += 3)
            for (int k = 0; k < 3; ++k) ++edges[{p.indices[t + static_cast<std::size_t>(k)], p.indices[t + static_cast<std::size_t>((k + 1) % 3)]}];
        std::size_t open = 0, nonManifold = 0;
        for (const auto& [e, count] : edges) {
            const auto back = edges.find({e.second, e.first});
            if (back == edges.end() || back->second != count) ++open;
            if (count > 1) ++nonManifold;
        }
        CHECK(open == 0);
        CHECK(nonManifold * 200 <= edges.size()); // under 0.5 %
        // outward: positive enclosed volume, and face normals agree with the vertex normals
        const test::BodyMesh& b = test::committedBodyMeshes().at(mesh.name);
        CHECK(signedVolume(b) > 0.0);
        // area-weighted agreement of the faces' normals (from their winding) with the vertex normals
        double agree = 0.0, area = 0.0;
        for (std::size_t t = 0; t + 2 < p.indices.size(); t += 3) {
            const glm::dvec3 a(p.positions[p.indices[t]]), b1(p.positions[p.indices[t + 1]]), c(p.positions[p.indices[t + 2]]);
            const glm::dvec3 n = glm::cross(b1 - a, c - a);
            const glm::dvec3 vn = glm::dvec3(p.normals[p.indices[t]] + p.normals[p.indices[t + 1]] + p.normals[p.indices[t + 2]]);
            agree += glm::dot(n, glm::normalize(vn));
            area += glm::length(n);
        }
        CHECK(agree / area > 0.97);
    }
    for (const char* body : {"pelvis", "L1", "L2", "L3", "L4", "L5", "thorax", "femur_r", "femur_l", "patella_r", "patella_l", "tibia_r", "tibia_l", "fibula_r", "fibula_l"})
        CHECK_MESSAGE(names.contains(body), "no bone for " << body);
}

TEST_CASE("openings are open: the obturator foramina and the vertebral canals") {
    const auto& meshes = test::committedBodyMeshes();
    const test::BodyMesh& pelvis = meshes.at("pelvis");
    for (double s : {1.0, -1.0}) {
        // through the middle of each obturator foramen, along its axis
        const glm::dvec3 f{-0.045, -0.104, s * 0.047};
        const glm::dvec3 axis = glm::normalize(glm::dvec3(0.39, -0.65, s * 0.62));
        CHECK_FALSE(segmentHits(pelvis, f - 0.03 * axis, f + 0.03 * axis));
    }
    // down each lumbar canal, along the vertebra's axis
    for (const char* v : {"L1", "L2", "L3", "L4", "L5"}) {
        INFO(v);
        const test::BodyMesh& m = meshes.at(v);
        // the canal's centre: between the back of the body and the front of the laminae
        const glm::dvec3 c{-0.023, 0.0, 0.0};
        CHECK_FALSE(segmentHits(m, c + glm::dvec3(0, -0.02, 0), c + glm::dvec3(0, 0.06, 0)));
    }
}
