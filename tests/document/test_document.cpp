#include "document/document.hpp"

#include "anatomy_draw/palette.hpp"
#include "io/atomic_file.hpp"

#include "support/shared_models.hpp"
#include "document/document_fixture.hpp"

#include <algorithm>
#include <cstring>
#include <filesystem>

using namespace hv;
using namespace hv::doc;
using hv::test::has;

namespace {

Document makeDocument() { return Document(test::uiContent(), &test::uiMovements(), test::kNoDefaultModel); }

std::size_t countFlag(const draw::DrawList& l, std::uint32_t flag) {
    std::size_t n = 0;
    for (const auto& i : l.items) n += (i.flags & flag) != 0;
    return n;
}

// A one-mesh glTF whose mesh is named after piriformis' alias, a small tetrahedron on the right
// side of the body (glTF -X), with its buffer inline.
std::string aliasModel() {
    const std::string dir = HV_BINARY_DIR "/tests/ui/alias_model";
    std::filesystem::create_directories(dir);
    // 4 positions (float32 x 12) + 4 triangles (uint16 x 12): bytes base64-encoded below.
    const float pos[12] = {-0.10f, 0.95f, -0.08f, -0.14f, 0.95f, -0.08f, -0.12f, 0.99f, -0.08f, -0.12f, 0.97f, -0.05f};
    const std::uint16_t idx[12] = {0, 2, 1, 0, 1, 3, 1, 2, 3, 2, 0, 3};
    std::vector<std::uint8_t> bytes(sizeof pos + sizeof idx);
    std::memcpy(bytes.data(), pos, sizeof pos);
    std::memcpy(bytes.data() + sizeof pos, idx, sizeof idx);
    static const char* b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string enc;
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const unsigned v = (unsigned(bytes[i]) << 16) | (i + 1 < bytes.size() ? unsigned(bytes[i + 1]) << 8 : 0u) |
                           (i + 2 < bytes.size() ? unsigned(bytes[i + 2]) : 0u);
        enc += b64[(v >> 18) & 63];
        enc += b64[(v >> 12) & 63];
        enc += i + 1 < bytes.size() ? b64[(v >> 6) & 63] : '=';
        enc += i + 2 < bytes.size() ? b64[v & 63] : '=';
    }
    const std::string json = R"({"asset":{"version":"2.0"},"scene":0,"scenes":[{"nodes":[0]}],
"nodes":[{"name":"Piriformis","mesh":0}],
"meshes":[{"name":"Piriformis","primitives":[{"attributes":{"POSITION":0},"indices":1}]}],
"buffers":[{"byteLength":72,"uri":"data:application/octet-stream;base64,)" + enc + R"("}],
"bufferViews":[{"buffer":0,"byteOffset":0,"byteLength":48},{"buffer":0,"byteOffset":48,"byteLength":24}],
"accessors":[{"bufferView":0,"componentType":5126,"count":4,"type":"VEC3","min":[-0.14,0.95,-0.08],"max":[-0.10,0.99,-0.05]},
{"bufferView":1,"componentType":5123,"count":12,"type":"SCALAR"}]})";
    const std::string path = dir + "/piriformis_alias.gltf";
    REQUIRE_FALSE(io::writeFileAtomic(path, json));
    return path;
}

} // namespace

TEST_CASE("without a default model the document draws stand-in bones and every muscle") {
    Document d = makeDocument();
    CHECK(has(d.modelDisplayName(), "stand-in"));
    const draw::DrawList& l = d.drawList();
    std::size_t bones = 0, muscles = 0;
    for (const auto& t : l.pickTargets) {
        bones += t.kind == draw::PickTarget::Kind::Bone;
        muscles += t.kind == draw::PickTarget::Kind::MusclePart;
    }
    CHECK(bones > 4);
    std::size_t parts = 0;
    for (const auto& m : d.model().muscles) parts += m.parts.size();
    CHECK(muscles == parts);
    CHECK(countFlag(l, gfx::kGhosted) == 0);
}

TEST_CASE("the draw list is rebuilt only when something it shows changed") {
    Document d = makeDocument();
    d.drawList();
    const auto r0 = d.revision();
    d.drawList();
    CHECK(d.revision() == r0);
    d.manualPose[static_cast<std::size_t>(test::coord("hip_flexion_r"))] = toRadians(45);
    d.drawList();
    CHECK(d.revision() == r0 + 1);
    d.layers.bones = false;
    d.drawList();
    CHECK(d.revision() == r0 + 2);
    d.drawList();
    CHECK(d.revision() == r0 + 2);
}

TEST_CASE("selecting a muscle highlights and outlines it and turns the others into ghosts") {
    Document d = makeDocument();
    d.select({"piriformis", Side::Right, false});
    const draw::DrawList& l = d.drawList();
    const int piri = d.model().findMuscle("piriformis", Side::Right);
    std::size_t highlighted = 0;
    for (const auto& i : l.items) {
        const draw::PickTarget* t = l.target(i.pickId);
        if (!t || t->kind != draw::PickTarget::Kind::MusclePart) continue;
        if (t->part.muscle == piri) {
            CHECK((i.flags & gfx::kHighlighted) != 0);
            CHECK((i.flags & gfx::kOutlined) != 0);
            ++highlighted;
        } else {
            CHECK((i.flags & gfx::kGhosted) != 0);
        }
    }
    CHECK(highlighted == 1);
    REQUIRE(l.labels.size() == 1);
    CHECK(l.labels[0].text == "Piriformis");
    // Without the x-ray the others keep their look.
    d.layers.ghostOthers = false;
    CHECK(countFlag(d.drawList(), gfx::kGhosted) == 0);
}

TEST_CASE("hiding a functional group leaves its muscles out, hiding every group hides the muscles") {
    Document d = makeDocument();
    d.layers.hiddenGroups = {"deep_rotators"};
    for (const auto& t : d.drawList().pickTargets)
        if (t.kind == draw::PickTarget::Kind::MusclePart) CHECK(test::uiContent().findMuscleInfo(t.muscleId)->group != "deep_rotators");
    for (const auto& g : test::uiContent().groups) d.layers.hiddenGroups.push_back(g.id);
    for (const auto& t : d.drawList().pickTargets) CHECK(t.kind != draw::PickTarget::Kind::MusclePart);
}

TEST_CASE("the live actions of the selection follow the pose") {
    Document d = makeDocument();
    CHECK(d.liveActionsOfSelection().empty());
    d.select({"piriformis", Side::Right, false});
    auto a = d.liveActionsOfSelection();
    REQUIRE(a.size() == 1);
    CHECK(a[0].bars[2].action == Action::ExternalRotator);
    d.manualPose[static_cast<std::size_t>(test::coord("hip_flexion_r"))] = toRadians(90);
    a = d.liveActionsOfSelection();
    CHECK(a[0].bars[2].action == Action::InternalRotator);
}

TEST_CASE("a malformed model gets a message and the current scene stays") {
    if (!hv::test::haveSharedModels()) return;
    Document d = makeDocument();
    d.drawList();
    const auto before = d.revision();
    const std::size_t items = d.drawList().items.size();
    for (const char* bad : {"/malformed/obj/empty.obj", "/malformed/gltf/RecursiveNodes.gltf",
                            "/malformed/gltf/SceneWithoutNodes.gltf", "/malformed/off/OutOfMemory.off"}) {
        const Diagnostics diag = d.openModel(hv::test::sharedModels() + bad);
        CAPTURE(bad);
        REQUIRE_FALSE(diag.empty());
        CHECK_FALSE(diag[0].message.empty());
        CHECK(has(d.modelDisplayName(), "stand-in"));
        CHECK(d.drawList().items.size() == items);
        CHECK(d.revision() == before);
    }
    const Diagnostics missing = d.openModel("/no/such/file.glb");
    REQUIRE(missing.size() == 1);
    CHECK(has(missing[0].message, "no such file"));
}

TEST_CASE("every test model loads and shows, skinned ones posed by their own animation") {
    if (!hv::test::haveSharedModels()) return;
    const char* models[] = {
        "/gltf/RiggedSimple/RiggedSimple.glb", "/gltf/RiggedFigure/RiggedFigure.glb",
        "/gltf/SimpleSkin/glTF/SimpleSkin.gltf", "/gltf/SimpleSkin/glTF-Embedded/SimpleSkin.gltf",
        "/gltf/CesiumMan/CesiumMan.glb", "/gltf/CesiumMan/glTF/CesiumMan.gltf", "/gltf/Fox/Fox.glb",
        "/gltf/RecursiveSkeletons/RecursiveSkeletons.glb", "/gltf/AnimatedMorphCube/AnimatedMorphCube.glb",
        "/gltf/SimpleSparseAccessor/SimpleSparseAccessor.gltf", "/gltf/MultiUVTest/MultiUVTest.glb",
        "/gltf/TriangleWithoutIndices/TriangleWithoutIndices.gltf",
        "/gltf/TextureTransformTest/TextureTransformTest.gltf", "/assimp/fbx/animation_with_skeleton.fbx",
        "/assimp/collada/library_animation_clips.dae", "/assimp/x/BCN_Epileptic.X", "/assimp/obj/spider.obj",
        "/assimp/stl/Spider_binary.stl"};
    Document d = makeDocument();
    for (const char* m : models) {
        CAPTURE(m);
        const Diagnostics diag = d.openModel(hv::test::sharedModels() + m);
        CHECK(d.modelPath() == hv::test::sharedModels() + m);
        const draw::DrawList& l = d.drawList();
        CHECK_FALSE(l.items.empty());
        bool skinned = false;
        for (const auto& i : l.items) skinned |= i.skinned();
        if (skinned) {
            // Skinned models play their first animation, and time moves on.
            REQUIRE(d.animation.index == 0);
            const auto r = d.revision();
            d.advance(0.2);
            d.drawList();
            CHECK(d.animation.time > 0.0);
            CHECK(d.revision() == r + 1);
        }
    }
}

TEST_CASE("meshes a model names after a muscle's alias are that muscle: selectable and highlighted") {
    Document d = makeDocument();
    const Diagnostics diag = d.openModel(aliasModel());
    REQUIRE_MESSAGE(d.modelPath().ends_with("piriformis_alias.gltf"), formatAll(diag));
    const draw::DrawList& l = d.drawList();
    REQUIRE(l.items.size() == 1);
    const draw::PickTarget* t = l.target(l.items[0].pickId);
    REQUIRE(t);
    CHECK(t->kind == draw::PickTarget::Kind::MusclePart);
    CHECK(t->muscleId == "piriformis");
    const Selection s = selectionFromPick(d.model(), l, l.items[0].pickId);
    CHECK(s.muscleId == "piriformis");
    CHECK(s.side == Side::Right);
    d.select(s);
    CHECK((d.drawList().items[0].flags & gfx::kHighlighted) != 0);
    CHECK_FALSE(d.liveActionsOfSelection().empty());
}

TEST_CASE("playing a movement moves the pose, loops, pauses and scrubs") {
    Document d = makeDocument();
    CHECK_FALSE(d.startMovement("no-such-movement"));
    REQUIRE(d.startMovement("figure-4"));
    CHECK(d.playback.playing);
    const double duration = d.movementDuration();
    REQUIRE(duration > 1.0);
    d.advance(duration * 0.5);
    REQUIRE(d.sample());
    const auto fr = static_cast<std::size_t>(test::coord("hip_flexion_r"));
    const auto fl = static_cast<std::size_t>(test::coord("hip_flexion_l"));
    const auto q = d.pose();
    CHECK(std::abs(q[fr] - d.manualPose[fr]) + std::abs(q[fl] - d.manualPose[fl]) > toRadians(10));
    d.playback.playing = false;
    const double t = d.playback.time;
    d.advance(1.0);
    CHECK(d.playback.time == doctest::Approx(t));
    d.seek(duration + 10.0);
    CHECK(d.playback.time == doctest::Approx(duration));
    d.seek(0.0);
    d.playback.playing = true;
    d.playback.loop = true;
    d.advance(duration * 1.25);
    CHECK(d.playback.time == doctest::Approx(duration * 0.25));
    d.playback.loop = false;
    d.advance(duration * 2.0);
    CHECK(d.playback.time == doctest::Approx(duration));
    CHECK_FALSE(d.playback.playing);
    d.stopMovement();
    CHECK_FALSE(d.sample());
    CHECK(d.pose()[fr] == doctest::Approx(d.manualPose[fr]));
}

TEST_CASE("the stretch map colours figure-4's piriformis as lengthened") {
    Document d = makeDocument();
    REQUIRE(d.startMovement("figure-4"));
    d.playback.playing = false;
    d.seek(d.movementDuration() * 0.6);
    d.colourMode = draw::ColourMode::Stretch;
    const draw::DrawList& l = d.drawList();
    const int piri = d.model().findMuscle("piriformis", Side::Right);
    bool found = false;
    for (const auto& s : d.partStates())
        if (s.part.muscle == piri) {
            CHECK(s.change == movement::LengthChange::Lengthened);
            for (const auto& i : l.items) {
                const draw::PickTarget* t = l.target(i.pickId);
                if (t && t->kind == draw::PickTarget::Kind::MusclePart && t->part.muscle == piri) {
                    CHECK(glm::vec3(i.material.baseColor) == draw::stretchColour(s.changePercent));
                    found = true;
                }
            }
        }
    CHECK(found);
}

TEST_CASE("a restricted hip makes the lumbar levels take up a hip hinge, and they are tinted") {
    Document d = makeDocument();
    REQUIRE(d.startMovement("hip-hinge"));
    d.playback.playing = false;
    d.seek(2.25);
    const double freeShare = d.sample()->lumbar.plane(movement::Plane::Sagittal).lumbarShare;
    d.playback.restriction[0][0] = {true, -30.0, 25.0};
    d.playback.restriction[1][0] = {true, -30.0, 25.0};
    d.seek(2.25);
    const movement::PoseSample* s = d.sample();
    REQUIRE(s);
    CHECK(s->restriction.active);
    CHECK(s->lumbar.plane(movement::Plane::Sagittal).lumbarShare > freeShare + 0.3);
    // The moving vertebrae are tinted away from the bone colour.
    const draw::DrawList& l = d.drawList();
    const int l5 = d.model().findBody("L5");
    REQUIRE(l5 >= 0);
    bool tinted = false;
    for (const auto& i : l.items) {
        const draw::PickTarget* t = l.target(i.pickId);
        if (t && t->kind == draw::PickTarget::Kind::Bone && t->body == l5)
            tinted |= glm::length(glm::vec3(i.material.baseColor) - draw::boneColor()) > 0.05f;
    }
    CHECK(tinted);
}

TEST_CASE("the weak gluteus medius option drops the pelvis in single-leg stance") {
    Document d = makeDocument();
    REQUIRE(d.startMovement("single-leg-stance"));
    d.playback.playing = false;
    d.seek(4.0);
    CHECK(d.sample()->trendelenburg.dropDeg < 0.5);
    d.playback.gluteusMediusStrength = movement::GluteusMediusStrength::both(0.3);
    d.seek(4.0);
    CHECK(d.sample()->trendelenburg.applies);
    CHECK(d.sample()->trendelenburg.dropDeg > 2.0);
}

TEST_CASE("a new bone shape moves the muscle attachments at once and the moment arms follow, the published shape comes back") {
    Document d = makeDocument();
    d.select({"piriformis", Side::Right, false});
    const double before = d.liveActionsOfSelection().at(0).bars[2].momentArmMm;
    const BoneParameters published = d.boneParameters();
    BoneParameters p = published;
    p.anteversion = published.anteversion + toRadians(20.0);
    d.setBoneParameters(p);
    CHECK(d.boneParameters() == p);
    CHECK_FALSE(d.reshapingBones()); // stand-in bones: nothing to regenerate
    const double after = d.liveActionsOfSelection().at(0).bars[2].momentArmMm;
    MESSAGE("piriformis rotation moment arm at neutral: " << before << " mm, with 20 deg more anteversion: " << after << " mm");
    CHECK(std::abs(after - before) > 0.5);
    // The drawn muscle moved too.
    const auto r = d.revision();
    d.drawList();
    CHECK(d.revision() == r + 1);
    d.setBoneParameters(published);
    CHECK(d.liveActionsOfSelection().at(0).bars[2].momentArmMm == doctest::Approx(before));
}

TEST_CASE("the default model's bones are regenerated for a new shape in the background") {
    const std::string model = HV_SOURCE_DIR "/assets/hip.glb";
    if (!std::filesystem::exists(model)) {
        MESSAGE("skipped: no default model yet");
        return;
    }
    Document d(test::uiContent(), &test::uiMovements(), model);
    REQUIRE(d.drawer().modelIsAnatomical());
    const scene::Scene* old = d.drawer().model().get();
    BoneParameters p = d.boneParameters();
    p.neckShaftAngle += toRadians(10.0);
    d.setBoneParameters(p);
    CHECK(d.reshapingBones());
    d.finishBoneJob();
    CHECK_FALSE(d.reshapingBones());
    REQUIRE(d.drawer().model());
    CHECK(d.drawer().model().get() != old);
    CHECK(d.drawer().modelIsAnatomical());
    CHECK_FALSE(d.drawList().items.empty());
}

TEST_CASE("selecting a muscle paints its origin on the pelvis and its insertion on the femur, and the bare skeleton shows every muscle's") {
    Document d(test::uiContent(), &test::uiMovements(), HV_SOURCE_DIR "/assets/hip.glb");
    const Model& model = d.model();
    // Per body, how many vertices are tinted towards the origin and towards the insertion colour.
    const auto tinted = [&](const draw::DrawList& l, const char* body) {
        const int b = model.findBody(body);
        std::pair<std::size_t, std::size_t> n{0, 0};
        for (const auto& i : l.items) {
            const draw::PickTarget* t = l.target(i.pickId);
            if (!t || t->kind != draw::PickTarget::Kind::Bone || t->body != b || !i.material.useVertexColors) continue;
            for (const glm::vec4& c : i.mesh->colors) {
                if (c.r > c.b + 0.2f) ++n.first;  // vermilion: origin
                if (c.b > c.r + 0.2f) ++n.second; // blue: insertion
            }
        }
        return n;
    };
    CHECK(tinted(d.drawList(), "pelvis") == std::pair<std::size_t, std::size_t>{0, 0}); // nothing selected
    d.select({"gluteus_medius", Side::Right, false});
    const draw::DrawList& l = d.drawList();
    CHECK(tinted(l, "pelvis").first > 50);
    CHECK(tinted(l, "pelvis").second == 0);
    CHECK(tinted(l, "femur_r").second > 10);
    CHECK(tinted(l, "femur_r").first == 0);
    CHECK(tinted(l, "femur_l") == std::pair<std::size_t, std::size_t>{0, 0}); // the right one only
    const std::size_t selectedOnPelvis = tinted(l, "pelvis").first;
    d.layers.attachments = false;
    CHECK(tinted(d.drawList(), "pelvis").first == 0);
    // The attachment view: no selection, the muscles off, every muscle's areas.
    d.layers.attachments = true;
    d.select({});
    d.layers.muscles = false;
    const draw::DrawList& bare = d.drawList();
    CHECK(tinted(bare, "femur_l").second > 10);
    CHECK(tinted(bare, "pelvis").first > selectedOnPelvis);
}

TEST_CASE("in the stretch mode with nothing selected a stretch's targets are highlighted and labelled with their numbers, the rest ghosted") {
    Document d = makeDocument();
    REQUIRE(d.startMovement("figure-4"));
    d.playback.playing = false;
    d.seek(8.0);
    d.selection = {};
    // Groups: no default highlight.
    CHECK(d.targetHighlight().empty());
    CHECK(d.drawList().labels.empty());
    d.colourMode = draw::ColourMode::Stretch;
    const auto targets = d.targetHighlight();
    REQUIRE(targets.size() == 1);
    CHECK(targets[0].muscleId == "piriformis");
    REQUIRE(targets[0].side.has_value());
    CHECK(*targets[0].side == Side::Right);
    const draw::DrawList& l = d.drawList();
    REQUIRE(l.labels.size() == 1);
    CHECK(l.labels[0].muscleId == "piriformis");
    CHECK(l.labels[0].side == Side::Right);
    CHECK(l.labels[0].text == "Piriformis");
    CHECK(has(l.labels[0].detail, "% longer than standing"));
    const int piri = d.model().findMuscle("piriformis", Side::Right);
    std::size_t highlighted = 0, ghosted = 0;
    for (const auto& i : l.items) {
        const draw::PickTarget* t = l.target(i.pickId);
        if (!t || t->kind != draw::PickTarget::Kind::MusclePart) continue;
        if (t->part.muscle == piri) highlighted += (i.flags & gfx::kHighlighted) != 0;
        else ghosted += (i.flags & gfx::kGhosted) != 0;
    }
    CHECK(highlighted > 0);
    CHECK(ghosted > 10);
    // A selection replaces the targets.
    d.selection.muscleId = "gluteus_medius";
    d.selection.side = Side::Left;
    const draw::DrawList& s = d.drawList();
    REQUIRE(s.labels.size() == 1);
    CHECK(s.labels[0].muscleId == "gluteus_medius");
}

TEST_CASE("a movement brings the floor and its props, a static pose has no floor, and the toggle wins") {
    Document d = makeDocument();
    const auto floors = [&] {
        const auto& items = d.drawList().items;
        return std::count_if(items.begin(), items.end(),
                             [](const gfx::DrawItem& i) { return i.material.kind == gfx::MaterialKind::Floor; });
    };
    CHECK(floors() == 0);
    REQUIRE(d.startMovement("lateral-band-walk"));
    d.playback.playing = false;
    const std::size_t withBand = d.drawList().items.size();
    CHECK(floors() == 1);
    d.layers.floor = false;
    CHECK(floors() == 0);
    CHECK(d.drawList().items.size() == withBand - 1); // the band stays
    d.stopMovement();
    d.layers.floor = true;
    CHECK(floors() == 1);
}
