// hipview export: the figure as an animated GLB. The export of figure-4 passes the Khronos
// validator (when tools/test-tools is installed), HipView reads it back with the animation at
// the movement's duration and the content's ids as names, and bad options or an unwritable
// output give one message, a non-zero exit and no file.
#include "anatomy_draw/anatomy_drawer.hpp"
#include "app/scene_export.hpp"
#include "anatomy_draw/draw_list.hpp"
#include "document/document.hpp"
#include "document/document_fixture.hpp"
#include "scene/geometry.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using hv::test::hipview;
using hv::test::runProcess;

namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

std::string fileText(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The scene-frame box of the item drawn for `partId` (an export's node name) in `list`.
std::optional<hv::scene::Bounds> partBox(const hv::Content& content, const hv::draw::DrawList& list, const std::string& partId) {
    for (const auto& item : list.items) {
        const hv::draw::PickTarget* t = list.target(item.pickId);
        if (!t || t->kind != hv::draw::PickTarget::Kind::MusclePart) continue;
        const auto& m = content.model.muscles[static_cast<std::size_t>(t->part.muscle)];
        if (hv::musclePartId(m, static_cast<std::size_t>(t->part.part)) == partId) return item.bounds;
    }
    return std::nullopt;
}

} // namespace

TEST_CASE("an export of figure-4 is a GLB that HipView reads back with the movement's animation and content ids") {
    hv::test::TempDir dir;
    const auto out = dir.path() / "figure4.glb";
    const auto r = runProcess(hipview() + " export --movement figure-4 --colour stretch -o " + out.string() + " 2>&1");
    INFO(r.out);
    REQUIRE(r.exitCode == 0);
    const std::string bytes = fileText(out);
    REQUIRE(bytes.size() > 20);
    CHECK(bytes.substr(0, 4) == "glTF");
    // Names are content ids; the asset says where it came from.
    CHECK(contains(bytes, "\"name\":\"piriformis_r\""));
    CHECK(contains(bytes, "\"name\":\"gluteus_medius_r_anterior\""));
    CHECK(contains(bytes, "\"name\":\"femur_r\""));
    CHECK(contains(bytes, "\"movement\":\"figure-4\""));
    CHECK(contains(bytes, "\"hipview\":"));
    CHECK(contains(bytes, "\"targets\":"));
    const auto inspect = runProcess(hipview() + " inspect " + out.string() + " 2>&1");
    INFO(inspect.out);
    CHECK(inspect.exitCode == 0);
    CHECK(contains(inspect.out, "animations 1: \"figure-4\" 14.00 s"));
    CHECK(contains(inspect.out, "read whole: no problems"));

    const std::filesystem::path tools = HV_SOURCE_DIR "/tools/test-tools";
    if (!std::filesystem::exists(tools / "node_modules" / "gltf-validator") ||
        runProcess("node --version > /dev/null 2>&1").exitCode != 0) {
        MESSAGE("validator skipped: node or gltf-validator is not installed (npm ci --prefix tools/test-tools)");
        return;
    }
    const auto v = runProcess("node " + (tools / "validate_gltf.mjs").string() + " " + out.string() + " 2>&1");
    INFO(v.out);
    CHECK(v.exitCode == 0);
    CHECK(contains(v.out, "\"errors\":0"));
    CHECK(contains(v.out, "\"warnings\":0"));
}

TEST_CASE("a still pose exports without an animation") {
    hv::test::TempDir dir;
    const auto out = dir.path() / "still.glb";
    const auto r = runProcess(hipview() + " export --pose hip_flexion_r=90 --highlight piriformis -o " + out.string() + " 2>&1");
    INFO(r.out);
    REQUIRE(r.exitCode == 0);
    const auto inspect = runProcess(hipview() + " inspect " + out.string() + " 2>&1");
    INFO(inspect.out);
    CHECK(contains(inspect.out, "animations 0"));
    CHECK(contains(fileText(out), "ghost_muscle_"));
    CHECK(contains(fileText(out), "\"alphaMode\":\"BLEND\"")); // ghosts are see-through in every viewer
}

TEST_CASE("an unknown movement muscle or layer or an unwritable output is one message with no file left") {
    hv::test::TempDir dir;
    const std::string out = (dir.path() / "x.glb").string();
    const auto movement = runProcess(hipview() + " export --movement no-such-stretch -o " + out + " 2>&1");
    CHECK(movement.exitCode == 2);
    CHECK(contains(movement.out, "--movement: unknown movement \"no-such-stretch\""));
    const auto muscle = runProcess(hipview() + " export --highlight no_such_muscle -o " + out + " 2>&1");
    CHECK(muscle.exitCode == 2);
    CHECK(contains(muscle.out, "no_such_muscle"));
    const auto layer = runProcess(hipview() + " export --show bogus -o " + out + " 2>&1");
    CHECK(layer.exitCode == 2);
    CHECK(contains(layer.out, "--show: unknown layer \"bogus\""));
    const auto type = runProcess(hipview() + " export -o " + (dir.path() / "x.png").string() + " 2>&1");
    CHECK(type.exitCode == 2);
    CHECK(contains(type.out, "must end in .glb"));
    CHECK(std::filesystem::is_empty(dir.path()));
    const auto unwritable = runProcess(hipview() + " export -o " + (dir.path() / "missing" / "x.glb").string() + " 2>&1");
    CHECK(unwritable.exitCode == 1);
    CHECK(contains(unwritable.out, "missing"));
    CHECK(std::filesystem::is_empty(dir.path()));
}

TEST_CASE("HipView opens its own export of figure-4 as the exported scene with its animation and muscles picked by id") {
    hv::test::TempDir dir;
    const auto out = dir.path() / "figure4.glb";
    const auto r = runProcess(hipview() + " export --movement figure-4 -o " + out.string() + " 2>&1");
    INFO(r.out);
    REQUIRE(r.exitCode == 0);

    hv::doc::Document opened(hv::test::uiContent(), &hv::test::uiMovements(), HV_SOURCE_DIR "/assets/hip.glb");
    REQUIRE(opened.openModel(out.string()).empty());
    CHECK(opened.drawer().modelIsExport());
    CHECK_FALSE(opened.drawer().modelIsAnatomical());
    REQUIRE(opened.animationNames().size() == 1);
    CHECK(opened.animationNames().front() == "figure-4");

    // HipView's own figure-4 and the opened export at keyframe times agree on where each muscle is.
    hv::doc::Document own(hv::test::uiContent(), &hv::test::uiMovements(), HV_SOURCE_DIR "/assets/hip.glb");
    REQUIRE(own.startMovement("figure-4"));
    own.playback.playing = false;
    for (const double t : {0.0, 2.0, 4.5, 12.0}) {
        CAPTURE(t);
        own.seek(t);
        opened.animation.index = 0;
        opened.animation.playing = false;
        opened.animation.time = t;
        hv::draw::DrawOptions options = own.layerOptions();
        options.solid = hv::cli::exportSolidParams(); // the solids the export was made of
        const std::vector<double> q(own.pose().begin(), own.pose().end());
        const hv::draw::DrawList mine = own.buildList(q, options);
        const hv::draw::DrawList& theirs = opened.drawList();
        int compared = 0;
        for (const std::string part : {"piriformis_r", "gluteus_medius_r_anterior", "adductor_longus_l", "rectus_femoris_r"}) {
            CAPTURE(part);
            const auto a = partBox(hv::test::uiContent(), mine, part);
            const auto b = partBox(hv::test::uiContent(), theirs, part);
            REQUIRE(a);
            REQUIRE(b);
            CHECK(glm::length(a->center() - b->center()) < 0.0005f);
            CHECK(std::abs(a->radius() - b->radius()) < 0.0005f);
            ++compared;
        }
        CHECK(compared == 4);
    }
    // The bones are drawn as bones, picked by body.
    bool pelvis = false;
    for (const auto& item : opened.drawList().items)
        if (const auto* t = opened.drawList().target(item.pickId))
            pelvis |= t->kind == hv::draw::PickTarget::Kind::Bone && t->body == hv::test::uiContent().model.findBody("pelvis");
    CHECK(pelvis);
}

TEST_CASE("every movement exports validator-clean with its animation as long as the movement") {
    const std::filesystem::path tools = HV_SOURCE_DIR "/tools/test-tools";
    const bool validator = std::filesystem::exists(tools / "node_modules" / "gltf-validator") &&
                           runProcess("node --version > /dev/null 2>&1").exitCode == 0;
    if (!validator) MESSAGE("validator skipped: node or gltf-validator is not installed (npm ci --prefix tools/test-tools)");
    hv::test::TempDir dir;
    for (const auto& m : hv::test::uiMovements().movements) {
        CAPTURE(m.id);
        const auto out = dir.path() / (m.id + ".glb");
        const auto r = runProcess(hipview() + " export --movement " + m.id + " -o " + out.string() + " 2>&1");
        INFO(r.out);
        REQUIRE(r.exitCode == 0);
        CHECK(r.out.empty()); // no item had to keep its first shape
        const auto inspect = runProcess(hipview() + " inspect " + out.string() + " 2>&1");
        char duration[32];
        std::snprintf(duration, sizeof duration, "%.2f s", m.duration());
        CHECK(contains(inspect.out, "animations 1: \"" + m.id + "\" " + duration));
        if (!validator) continue;
        const auto v = runProcess("node " + (tools / "validate_gltf.mjs").string() + " " + out.string() + " 2>&1");
        INFO(v.out);
        CHECK(contains(v.out, "\"errors\":0,\"warnings\":0"));
    }
}
