// The drawer on the project's own content: every muscle part drawn and pickable, highlight and
// ghost flags, label anchors, layers, and muscles that follow the bones.
#include "anatomy_draw/anatomy_drawer.hpp"
#include "anatomy_draw/palette.hpp"
#include "content/content_fixture.hpp"
#include "scene/geometry.hpp"

#include <glm/gtc/quaternion.hpp>
#include "core/kinematics.hpp"
#include "core/pose_text.hpp"
#include "mesh_checks.hpp"

#include <doctest/doctest.h>

#include <map>
#include <set>

using namespace hv;
using namespace hv::draw;
using namespace hv::gfx;
using namespace hv::test;

namespace {

std::vector<double> poseOf(const Model& model, const char* text) {
    std::string error;
    std::vector<double> q = model.defaultPose();
    const auto a = parsePose(model, text, error);
    REQUIRE_MESSAGE(a, error);
    applyPose(*a, q);
    return q;
}

const DrawItem* itemOf(const DrawList& list, const char* muscleId, Side side, int part = 0) {
    for (const DrawItem& i : list.items) {
        const PickTarget* t = list.target(i.pickId);
        if (t && t->kind == PickTarget::Kind::MusclePart && t->muscleId == muscleId &&
            list.target(i.pickId)->part.part == part) {
            const Model& m = test::projectContent().model;
            if (m.muscles[static_cast<std::size_t>(t->part.muscle)].side == side) return &i;
        }
    }
    return nullptr;
}

} // namespace

TEST_CASE("every muscle part of the content is drawn once, with a pick id naming it") {
    const Content& content = test::projectContent();
    const AnatomyDrawer drawer(content);
    const DrawList list = drawer.build(content.model.defaultPose(), {});
    std::set<std::pair<int, int>> seen;
    for (const DrawItem& i : list.items) {
        const PickTarget* t = list.target(i.pickId);
        REQUIRE(t != nullptr);
        if (t->kind != PickTarget::Kind::MusclePart) continue;
        CHECK(seen.insert({t->part.muscle, t->part.part}).second);
        CHECK(!t->name.empty());
        CHECK(i.material.kind == MaterialKind::Muscle);
        CHECK(i.mesh->positions.size() > 50);
    }
    CHECK(seen.size() == content.model.allParts().size());
}

TEST_CASE("highlighting piriformis flags both sides, ghosts the other muscles and keeps the bones solid") {
    const Content& content = test::projectContent();
    const AnatomyDrawer drawer(content);
    DrawOptions o;
    o.highlight.push_back({"piriformis", std::nullopt, {}});
    const DrawList list = drawer.build(content.model.defaultPose(), o);
    int highlighted = 0, ghosts = 0, bones = 0;
    for (const DrawItem& i : list.items) {
        const PickTarget* t = list.target(i.pickId);
        if (t->kind == PickTarget::Kind::Bone) {
            ++bones;
            CHECK((i.flags & kGhosted) == 0);
        } else if (t->muscleId == "piriformis") {
            ++highlighted;
            CHECK((i.flags & kHighlighted) != 0);
            CHECK((i.flags & kOutlined) != 0);
            CHECK((i.flags & kGhosted) == 0);
        } else {
            ++ghosts;
            CHECK((i.flags & kGhosted) != 0);
        }
    }
    CHECK(highlighted == 2);
    CHECK(ghosts > 40);
    CHECK(bones > 0); // stand-in bones without a model
    REQUIRE(list.labels.size() == 2);
    for (const LabelAnchor& a : list.labels) {
        CHECK(a.text == "Piriformis");
        CHECK(a.pickIds.size() == 1);
    }
}

TEST_CASE("a side suffix highlights one side only, and unknown muscles list the valid ids") {
    const Content& content = test::projectContent();
    std::string error;
    const auto right = parseHighlight(content, "gluteus_medius_r", error);
    REQUIRE(right);
    CHECK(right->muscleId == "gluteus_medius");
    CHECK(right->side == Side::Right);
    CHECK(!parseHighlight(content, "pirifromis", error));
    CHECK(error.find("did you mean \"piriformis\"") != std::string::npos);
    CHECK(error.find("gluteus_maximus") != std::string::npos);

    const AnatomyDrawer drawer(content);
    DrawOptions o;
    o.highlight.push_back(*right);
    const DrawList list = drawer.build(content.model.defaultPose(), o);
    CHECK(list.labels.size() == 1);
    CHECK(list.labels[0].side == Side::Right);
    CHECK((itemOf(list, "gluteus_medius", Side::Left)->flags & kGhosted) != 0);
    CHECK((itemOf(list, "gluteus_medius", Side::Right, 2)->flags & kHighlighted) != 0);
}

TEST_CASE("piriformis stretches and moves with the femur when the hip flexes") {
    const Content& content = test::projectContent();
    const AnatomyDrawer drawer(content);
    const DrawList neutral = drawer.build(content.model.defaultPose(), {});
    const DrawList flexed = drawer.build(poseOf(content.model, "hip_flexion_r=90"), {});
    const DrawItem* a = itemOf(neutral, "piriformis", Side::Right);
    const DrawItem* b = itemOf(flexed, "piriformis", Side::Right);
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a->mesh != b->mesh); // rebuilt
    // The insertion end (largest texcoord0.x) moves with the greater trochanter.
    const auto insertion = [](const DrawItem* i) {
        glm::vec3 p(0.0f);
        float best = -1.0f;
        for (std::size_t k = 0; k < i->mesh->positions.size(); ++k)
            if (i->mesh->texcoords0[k].x > best) best = i->mesh->texcoords0[k].x, p = i->mesh->positions[k];
        return p;
    };
    CHECK(glm::length(insertion(a) - insertion(b)) > 0.02f);
    // The left piriformis did not move.
    CHECK(itemOf(neutral, "piriformis", Side::Left)->bounds.center() ==
          itemOf(flexed, "piriformis", Side::Left)->bounds.center());
}

TEST_CASE("muscles of the content are closed outward-facing solids on both sides") {
    const Content& content = test::projectContent();
    const AnatomyDrawer drawer(content);
    const DrawList list = drawer.build(poseOf(content.model, "hip_flexion=60,knee_angle=45"), {});
    // A fan's parts are strips of one sheet: check each muscle (all its parts) as one surface.
    std::map<int, scene::Primitive> muscles;
    for (const DrawItem& i : list.items) {
        const PickTarget* t = list.target(i.pickId);
        if (t->kind != PickTarget::Kind::MusclePart) continue;
        scene::Primitive& all = muscles[t->part.muscle];
        const auto base = static_cast<std::uint32_t>(all.positions.size());
        all.positions.insert(all.positions.end(), i.mesh->positions.begin(), i.mesh->positions.end());
        for (auto k : i.mesh->indices) all.indices.push_back(base + k);
    }
    CHECK(muscles.size() == content.model.muscles.size());
    for (const auto& [m, all] : muscles) {
        INFO(content.model.muscles[static_cast<std::size_t>(m)].id);
        CHECK(signedVolume(all) > 0.0);
    }
}

TEST_CASE("muscles rest on their wrap cylinders instead of cutting through them") {
    const Content& content = test::projectContent();
    const Model& model = content.model;
    const AnatomyDrawer drawer(content);
    for (const char* pose : {"hip_flexion=0", "hip_flexion=90", "hip_flexion=-20,hip_rotation=30"}) {
        const auto q = poseOf(model, pose);
        const auto bodies = computeBodyTransforms(model, q);
        const DrawList list = drawer.build(q, {});
        int checked = 0;
        for (const DrawItem& i : list.items) {
            const PickTarget* t = list.target(i.pickId);
            if (t->kind != PickTarget::Kind::MusclePart) continue;
            const MusclePart& part = model.part(t->part);
            for (const WrapUse& w : part.wraps) {
                const WrapCylinder& c = model.wrapCylinders[static_cast<std::size_t>(w.cylinder)];
                const Transform toCyl = (bodies[static_cast<std::size_t>(c.body)] * c.frame).inverse();
                const glm::mat3 sceneToOsim = glm::transpose(scene::osimToGltfRotation());
                double deepest = 0.0;
                for (const auto& v : i.mesh->positions) {
                    const Vec3 p = toCyl.apply(Vec3(sceneToOsim * v));
                    if (std::abs(p.z) > 0.5 * c.length) continue;
                    deepest = std::max(deepest, c.radius - std::hypot(p.x, p.y));
                }
                INFO(t->name << " on " << c.name << " at " << pose);
                CHECK(deepest < 1e-4);
                ++checked;
            }
        }
        CHECK(checked > 10);
    }
}

TEST_CASE("layers: groups and muscles can be shown alone, and medial views hide the near side") {
    const Content& content = test::projectContent();
    std::string error;
    const std::vector<std::string> items{"bones", "deep_rotators"};
    auto layers = parseShowList(content, items, error);
    REQUIRE(layers);
    const AnatomyDrawer drawer(content);
    DrawOptions o;
    o.layers = *layers;
    o.layers.sides = SideFilter::LeftOnly;
    const DrawList list = drawer.build(content.model.defaultPose(), o);
    for (const DrawItem& i : list.items) {
        const PickTarget* t = list.target(i.pickId);
        if (t->kind == PickTarget::Kind::MusclePart) {
            CHECK(content.findMuscleInfo(t->muscleId)->group == "deep_rotators");
            CHECK(content.model.muscles[static_cast<std::size_t>(t->part.muscle)].side == Side::Left);
        } else if (t->kind == PickTarget::Kind::Bone) {
            CHECK(content.model.bodies[static_cast<std::size_t>(t->body)].side != Side::Right);
        }
    }
    const std::vector<std::string> bad{"bones", "glutes"};
    CHECK(!parseShowList(content, bad, error));
    CHECK(error.find("unknown layer \"glutes\"") != std::string::npos);
    CHECK(error.find("gluteals") != std::string::npos);
}

TEST_CASE("functional groups get clearly different colours, and bones are not muscle-coloured") {
    const Content& content = test::projectContent();
    // Compared in sRGB, closer to how different they look.
    const auto srgb = [](glm::vec3 c) { return glm::vec3(linearToSrgb(c.r), linearToSrgb(c.g), linearToSrgb(c.b)); };
    std::vector<glm::vec3> colours;
    for (const MuscleGroup& g : content.groups) colours.push_back(srgb(groupColor(g.id)));
    for (std::size_t i = 0; i < colours.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) CHECK(glm::length(colours[i] - colours[j]) > 0.3f);
        CHECK(glm::length(colours[i] - srgb(boneColor())) > 0.4f);
    }
    // Same group, different muscles: told apart by lightness.
    CHECK(muscleColor(content, "gluteus_maximus") != muscleColor(content, "gluteus_medius"));
}

namespace {

// A one-bone "skeleton" model in the default pose: a skin joint named femur_r at the hip
// centre, and a small mesh around it bound to that joint; plus a mesh named like a muscle alias.
std::shared_ptr<const scene::Scene> skeletonModel(const Content& content) {
    const Model& model = content.model;
    const auto bodies = computeBodyTransforms(model, model.defaultPose());
    auto s = std::make_shared<scene::Scene>();
    scene::Node joint;
    joint.name = "femur_r";
    const glm::mat4 bind = toSceneMatrix(bodies[static_cast<std::size_t>(model.findBody("femur_r"))]);
    joint.translation = glm::vec3(bind[3]);
    joint.rotation = glm::quat_cast(glm::mat3(bind));
    s->nodes.push_back(joint);
    scene::Node pelvis;
    pelvis.name = "pelvis";
    pelvis.translation = glm::vec3(toSceneMatrix(bodies[static_cast<std::size_t>(model.findBody("pelvis"))])[3]);
    s->nodes.push_back(pelvis);
    scene::Skin skin;
    skin.joints = {0, 1};
    skin.inverseBindMatrices = {glm::inverse(bind), glm::inverse(toSceneMatrix(bodies[static_cast<std::size_t>(model.findBody("pelvis"))]))};
    s->skins.push_back(skin);
    scene::Mesh bone;
    bone.name = "femur_r";
    scene::Primitive p;
    const glm::vec3 c(bind[3]);
    p.positions = {c + glm::vec3(-0.01f, -0.3f, 0), c + glm::vec3(0.01f, -0.3f, 0), c + glm::vec3(0, 0, 0.01f)};
    p.normals.assign(3, glm::vec3(0, 0, 1));
    p.indices = {0, 1, 2};
    p.influenceCount = 4;
    p.joints.assign(12, 0);
    p.weights = {1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0};
    bone.primitives.push_back(p);
    s->meshes.push_back(bone);
    scene::Node boneNode;
    boneNode.name = "femur_r_bone";
    boneNode.mesh = 0;
    boneNode.skin = 0;
    s->nodes.push_back(boneNode);
    // A muscle mesh named by piriformis' aliases, on the subject's right (glTF -X).
    scene::Mesh pir;
    pir.name = "Piriformis";
    scene::Primitive q = p;
    q.influenceCount = 0;
    q.joints.clear();
    q.weights.clear();
    for (auto& v : q.positions) v = glm::vec3(-0.1f, 0.9f, -0.1f) + 0.1f * (v - c);
    pir.primitives.push_back(q);
    s->meshes.push_back(pir);
    scene::Node pirNode;
    pirNode.name = "piriformis mesh";
    pirNode.mesh = 1;
    s->nodes.push_back(pirNode);
    s->roots = {0, 1, 2, 3};
    return s;
}

} // namespace

TEST_CASE("a model whose joints are named after the bodies is posed by the core's kinematics") {
    const Content& content = test::projectContent();
    const AnatomyDrawer drawer(content, skeletonModel(content));
    REQUIRE(drawer.modelIsAnatomical());
    const auto q = poseOf(content.model, "hip_flexion_r=90");
    const DrawList list = drawer.build(q, {});
    const DrawItem* bone = nullptr;
    for (const DrawItem& i : list.items) {
        const PickTarget* t = list.target(i.pickId);
        if (t && t->kind == PickTarget::Kind::Bone) bone = &i;
    }
    REQUIRE(bone);
    CHECK(list.target(bone->pickId)->name == "Right femur");
    REQUIRE(bone->skinned());
    // Skinned vertex 0 (30 cm below the hip centre at rest) goes where the femur's own frame
    // takes that point at 90 degrees of flexion: forward (glTF +Z), level with the hip.
    const auto posed = scene::skinPositions(*bone->mesh, bone->mesh->positions, *bone->jointMatrices);
    const auto bodies = computeBodyTransforms(content.model, q);
    const Transform& femur = bodies[static_cast<std::size_t>(content.model.findBody("femur_r"))];
    const Transform femur0 = computeBodyTransforms(content.model, content.model.defaultPose())[static_cast<std::size_t>(content.model.findBody("femur_r"))];
    const glm::mat3 toOsim = glm::transpose(scene::osimToGltfRotation());
    const Vec3 local = femur0.inverse().apply(Vec3(toOsim * bone->mesh->positions[0]));
    const glm::vec3 expected = scene::osimToGltf(glm::vec3(femur.apply(local)));
    CHECK(glm::length(posed[0] - expected) < 1e-4f);
    // Forward of the hip centre by about the 30 cm it hung below it.
    const glm::vec3 hip = scene::osimToGltf(glm::vec3(femur.translation));
    CHECK(posed[0].z - hip.z > 0.25f);
    CHECK(std::abs(posed[0].y - hip.y) < 0.05f);
}

TEST_CASE("a model's mesh named in a muscle's aliases is that muscle: picked, coloured and highlighted as it") {
    const Content& content = test::projectContent();
    const AnatomyDrawer drawer(content, skeletonModel(content));
    DrawOptions o;
    o.highlight.push_back({"piriformis", std::nullopt, {}});
    const DrawList list = drawer.build(content.model.defaultPose(), o);
    int fromModel = 0, built = 0;
    for (const DrawItem& i : list.items) {
        const PickTarget* t = list.target(i.pickId);
        if (!t || t->muscleId != "piriformis") continue;
        const Muscle& m = content.model.muscles[static_cast<std::size_t>(t->part.muscle)];
        if (t->node >= 0) {
            ++fromModel;
            CHECK(m.side == Side::Right);
            CHECK(i.material.kind == MaterialKind::Muscle);
            CHECK((i.flags & kHighlighted) != 0);
        } else {
            ++built;
            CHECK(m.side == Side::Left); // the right one comes from the model instead
        }
    }
    CHECK(fromModel == 1);
    CHECK(built == 1);
}

TEST_CASE("peeling ghosts the muscle layers from the surface down and keeps a highlighted one solid") {
    const Content& content = test::projectContent();
    const Model& model = content.model;
    // The content's layers run from the buttock's surface inward.
    const auto layerOf = [&](const char* id) { return content.findMuscleInfo(id)->layer; };
    CHECK(layerOf("gluteus_maximus") == 1);
    CHECK(layerOf("gluteus_medius") == 2);
    CHECK(layerOf("gluteus_minimus") == 3);
    CHECK(layerOf("piriformis") == 3);
    CHECK(layerOf("obturator_externus") == kMaxMuscleLayer);
    for (const MuscleInfo& m : content.muscles) CHECK((m.layer >= 1 && m.layer <= kMaxMuscleLayer));
    const AnatomyDrawer drawer(content);
    const auto flagsOf = [&](const DrawList& list, const char* id) {
        const int mi = model.findMuscle(id, Side::Right);
        std::uint32_t flags = 0;
        for (const gfx::DrawItem& i : list.items) {
            const PickTarget* t = list.target(i.pickId);
            if (t && t->kind == PickTarget::Kind::MusclePart && t->part.muscle == mi) flags |= i.flags;
        }
        return flags;
    };
    DrawOptions o;
    o.layers.peel = 1;
    DrawList list = drawer.build(model.defaultPose(), o);
    CHECK((flagsOf(list, "gluteus_maximus") & gfx::kGhosted) != 0);
    CHECK((flagsOf(list, "gluteus_medius") & gfx::kGhosted) == 0);
    CHECK(flagsOf(list, "gluteus_maximus") != 0); // ghosted, not hidden
    o.layers.peel = 2;
    o.highlight.push_back({"gluteus_maximus", Side::Right, {}});
    o.ghostOthers = false;
    list = drawer.build(model.defaultPose(), o);
    CHECK((flagsOf(list, "gluteus_medius") & gfx::kGhosted) != 0);
    CHECK((flagsOf(list, "gluteus_minimus") & gfx::kGhosted) == 0);
    CHECK((flagsOf(list, "gluteus_maximus") & gfx::kHighlighted) != 0);
    CHECK((flagsOf(list, "gluteus_maximus") & gfx::kGhosted) == 0);
}

TEST_CASE("rectus abdominis' bellies carry its three tendinous intersections and no other muscle has any") {
    const Content& content = test::projectContent();
    const draw::AnatomyDrawer drawer(content);
    const draw::DrawList list = drawer.build(content.model.defaultPose(), draw::DrawOptions{});
    int banded = 0;
    for (const gfx::DrawItem& item : list.items) {
        if (item.material.kind != gfx::MaterialKind::Muscle || item.material.intersectionCount == 0) continue;
        ++banded;
        REQUIRE(item.material.intersectionCount == 3);
        CHECK(item.material.intersections[0] == doctest::Approx(0.5f));
        CHECK(item.material.intersections[1] == doctest::Approx(0.68f));
        CHECK(item.material.intersections[2] == doctest::Approx(0.84f));
    }
    CHECK(banded == 2); // one strap per side
}
