// Every file of ../shared/testdata/models/malformed gets one clear message naming the file and the
// reason, or loads as the empty or partial scene its README describes; none crashes, hangs or
// exhausts memory.
#include "io/model_loader.hpp"
#include "scene/evaluate.hpp"
#include "scene/geometry.hpp"

#include "support/shared_models.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace hv;
using hv::test::testModel;

namespace {

struct Outcome {
    io::ModelLoad load;
    std::filesystem::path path;
    std::string text;
};

std::optional<Outcome> loadMalformed(const std::string& relative) {
    const auto path = testModel("malformed/" + relative);
    if (!path) return std::nullopt;
    Outcome o{io::loadModel(*path), *path, ""};
    o.text = formatAll(o.load.diagnostics);
    return o;
}

// Refused: no scene, and the first diagnostic names the file and says why.
void checkRefused(const Outcome& o, const std::string& reason) {
    INFO(o.text);
    CHECK_FALSE(o.load.ok());
    REQUIRE_FALSE(o.load.diagnostics.empty());
    CHECK(o.load.diagnostics[0].file == o.path.string());
    CHECK(o.text.find(reason) != std::string::npos);
}

// Loaded with a warning that says why.
void checkWarned(const Outcome& o, const std::string& reason) {
    INFO(o.text);
    REQUIRE(o.load.ok());
    REQUIRE_FALSE(o.load.diagnostics.empty());
    CHECK(o.load.diagnostics[0].file == o.path.string());
    CHECK(o.text.find(reason) != std::string::npos);
    CHECK(o.load.scene->warnings.size() == o.load.diagnostics.size());
}

} // namespace

TEST_CASE("malformed.obj with face indices out of range is refused with Assimp's reason") {
    if (const auto o = loadMalformed("obj/malformed.obj")) checkRefused(*o, "Invalid face index");
}

TEST_CASE("malformed2.obj naming a material that does not exist loads with a warning") {
    if (const auto o = loadMalformed("obj/malformed2.obj")) {
        checkWarned(*o, "DefaultDoesNotExist");
        CHECK(o->load.scene->meshes.size() == 1);
    }
}

TEST_CASE("empty.obj is refused as an empty file") {
    if (const auto o = loadMalformed("obj/empty.obj")) checkRefused(*o, "the file is empty");
}

TEST_CASE("OutOfMemory.off claiming 353 billion vertices is refused before anything is allocated") {
    if (const auto o = loadMalformed("off/OutOfMemory.off")) {
        checkRefused(*o, "353535235358 vertices");
        CHECK(o->load.diagnostics[0].field == "OFF header");
    }
}

TEST_CASE("the garbled PLY that crashes Assimp 5.2 is refused by the header check") {
    if (const auto o = loadMalformed("ply/crash-30d6d0f7c529b3b66b4131700b7a4580cd7082df.ply")) {
        checkRefused(*o, "PLY header");
    }
}

TEST_CASE("the clusterfuzz file with no extension is recognised by content and loads partially") {
    if (const auto o =
            loadMalformed("fuzz/clusterfuzz-testcase-minimized-assimp_fuzzer-4751812606885888")) {
        checkWarned(*o, "no known extension");
        // Whatever it holds, it must be safe to frame.
        const scene::Bounds b = scene::sceneBounds(*o->load.scene, scene::evaluate(*o->load.scene));
        if (!b.empty()) CHECK(std::isfinite(b.radius()));
    }
}

TEST_CASE("InvalidMeshOffset.iqm with offsets outside the file is refused by the header check") {
    if (const auto o = loadMalformed("iqm/InvalidMeshOffset.iqm"))
        checkRefused(*o, "outside the file");
}

TEST_CASE("RecursiveNodes.gltf with a node cycle is refused naming the cycle") {
    if (const auto o = loadMalformed("gltf/RecursiveNodes.gltf")) {
        checkRefused(*o, "cycle");
        CHECK(o->load.diagnostics[0].field == "node 0");
    }
}

TEST_CASE("NoScene.gltf with a dangling scene index loads as an empty scene with a warning") {
    if (const auto o = loadMalformed("gltf/NoScene.gltf")) {
        checkWarned(*o, "names a scene that does not exist");
        CHECK(o->load.scene->nodes.empty());
    }
}

TEST_CASE("SceneWithoutNodes.gltf loads as an empty scene with a warning") {
    if (const auto o = loadMalformed("gltf/SceneWithoutNodes.gltf")) {
        checkWarned(*o, "has no nodes");
        CHECK(o->load.scene->roots.empty());
    }
}

TEST_CASE(
    "BoxWithInfinites.glb loads, says its positions are not finite, and frames to empty bounds") {
    if (const auto o = loadMalformed("gltf/BoxWithInfinites.glb")) {
        checkWarned(*o, "not finite");
        const scene::Scene& s = *o->load.scene;
        REQUIRE(s.meshes.size() == 1);
        CHECK(s.meshes[0].primitives[0].positions.size() == 24);
        CHECK(
            s.meshes[0].primitives[0].indices.empty()); // every triangle touches an infinite vertex
        const scene::Bounds b = scene::sceneBounds(s, scene::evaluate(s));
        CHECK(b.empty());
        CHECK(std::isfinite(b.center().x));
    }
}

TEST_CASE("every file in the malformed folder is covered by a test above") {
    const auto dir = testModel("malformed");
    if (!dir) return;
    int files = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(*dir)) {
        if (!entry.is_regular_file()) continue;
        const std::string name = entry.path().filename().string();
        if (name == "LICENSE.txt" || name == "assimp-invalid-readme.txt") continue;
        ++files;
        // And none of them crashes or hangs the loader (the cases above check the messages).
        const io::ModelLoad r = io::loadModel(entry.path());
        CHECK_FALSE(r.diagnostics.empty());
    }
    CHECK(files == 11);
}

TEST_CASE("a scene with nothing to draw gets one message naming the file, with the loader's reason") {
    io::ModelLoad load;
    load.scene = scene::Scene{};
    load.scene->meshes.emplace_back();
    load.scene->meshes[0].primitives.emplace_back();
    load.scene->meshes[0].primitives[0].positions = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}}; // points, no triangles
    CHECK_FALSE(io::hasTriangles(*load.scene));
    auto none = io::nothingToDraw("points.obj", load);
    REQUIRE(none);
    CHECK(none->file == "points.obj");
    CHECK(none->message == "the model has nothing to draw (no triangles)");

    load.diagnostics.push_back({"points.obj", 3, 0, "f", "face index 9 is out of range"});
    none = io::nothingToDraw("points.obj", load);
    REQUIRE(none);
    CHECK(none->message == "the model has nothing to draw (no triangles): f: face index 9 is out of range");

    load.scene->meshes[0].primitives[0].indices = {0, 1, 2};
    CHECK(io::hasTriangles(*load.scene));
    CHECK_FALSE(io::nothingToDraw("points.obj", load));
    load.scene.reset(); // no scene: the diagnostics already say why
    CHECK_FALSE(io::nothingToDraw("points.obj", load));
}
