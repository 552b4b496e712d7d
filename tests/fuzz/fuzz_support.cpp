#include "fuzz_support.hpp"

#include "scene/evaluate.hpp"
#include "scene/geometry.hpp"
#include "scene/validate.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>

namespace fs = std::filesystem;

namespace hv::fuzz {

void fuzzFail(std::string_view what, std::string_view detail) {
    std::fprintf(stderr, "fuzz check failed: %.*s\n", static_cast<int>(what.size()), what.data());
    if (!detail.empty())
        std::fprintf(stderr, "  %.*s\n", static_cast<int>(detail.size()), detail.data());
    std::abort();
}

namespace {

fs::path g_scratch;

void removeScratch() {
    if (g_scratch.empty()) return;
    std::error_code ec;
    fs::remove_all(g_scratch, ec);
}

} // namespace

const fs::path& scratchDir() {
    if (g_scratch.empty()) {
        std::error_code ec;
        const fs::path base = fs::is_directory("/dev/shm", ec) && ::access("/dev/shm", W_OK) == 0
                                  ? fs::path("/dev/shm")
                                  : fs::temp_directory_path();
        std::string tmpl = (base / "hv-fuzz-XXXXXX").string();
        if (!::mkdtemp(tmpl.data())) fuzzFail("cannot create a scratch folder", tmpl);
        g_scratch = tmpl;
        std::atexit(removeScratch);
    }
    return g_scratch;
}

fs::path sourceDir() {
    return HV_SOURCE_DIR;
}

io::LoadLimits fuzzLimits() {
    io::LoadLimits l;
    l.maxFileBytes = 16u << 20;
    l.maxTotalBufferBytes = 32u << 20;
    l.maxBuffers = 256;
    l.maxAccessors = 20'000;
    l.maxMeshes = 4'000;
    l.maxVertices = 1'000'000;
    l.maxIndices = 3'000'000;
    l.maxMorphTargets = 32;
    l.maxJoints = 512;
    l.maxSkins = 2'000;
    l.maxNodes = 4'000;
    l.maxNodeDepth = 256;
    l.maxImagePixels = 2048u * 2048u;
    l.maxTotalImagePixels = 2u * 2048u * 2048u;
    l.maxImages = 64;
    l.maxAnimationKeys = 1'000'000;
    l.maxAnimationChannels = 20'000;
    l.maxJsonDepth = 64;
    l.maxJsonValues = 400'000;
    l.maxJsonObjects = 100'000;
    l.maxDecodedBytes = 96u << 20;
    l.maxImportSeconds = 20;
    l.maxImportMemoryBytes = 1ull << 30;
    return l;
}

void checkModelLoad(const io::ModelLoad& load, const std::string& file) {
    if (!load.ok() && load.diagnostics.empty()) fuzzFail("a failed load gave no diagnostic");
    for (const Diagnostic& d : load.diagnostics) {
        if (d.file != file) fuzzFail("a diagnostic names another file", d.format());
        if (d.message.empty()) fuzzFail("a diagnostic has no message", d.format());
        // Report::finish()'s last-line check (the loaders' own words, never a file's text).
        if (d.field.empty() && (d.message.rfind("the converted model is inconsistent (", 0) == 0 ||
                                d.message.rfind("the model reader (Assimp) returned an inconsistent", 0) == 0))
            fuzzFail("the converter produced an inconsistent scene", d.format());
    }
    if (load.ok()) {
        const auto problems = scene::validateScene(*load.scene, 3);
        if (!problems.empty()) fuzzFail("a loaded scene breaks an invariant", problems.front());
        if (load.scene->warnings.size() != load.diagnostics.size())
            fuzzFail("scene warnings and diagnostics differ in number");
    }
}

void exerciseScene(const scene::Scene& s) {
    const std::vector<int> shown = scene::displayedNodes(s);
    auto usePose = [&](const scene::ScenePose& pose) {
        if (pose.world.size() != s.nodes.size()) fuzzFail("evaluate() gave the wrong matrix count");
        for (const int node : shown) {
            if (node < 0 || static_cast<std::size_t>(node) >= s.nodes.size())
                fuzzFail("displayedNodes() gave a node out of range");
            const int mesh = s.nodes[static_cast<std::size_t>(node)].mesh;
            if (mesh < 0) continue;
            const std::size_t prims = s.meshes[static_cast<std::size_t>(mesh)].primitives.size();
            for (std::size_t p = 0; p < prims; ++p) {
                const auto posed = scene::posedPositions(s, pose, node, static_cast<int>(p));
                if (posed.size() !=
                    s.meshes[static_cast<std::size_t>(mesh)].primitives[p].positions.size())
                    fuzzFail("posedPositions() gave the wrong vertex count");
            }
        }
        const scene::Bounds b = scene::sceneBounds(s, pose);
        if (!b.empty() && !(b.min.x <= b.max.x && std::isfinite(b.min.x) && std::isfinite(b.max.x)))
            fuzzFail("bounds hold a non-finite corner");
    };
    usePose(scene::evaluate(s));
    // Animations: a few of them at a few times (long files can hold thousands).
    const std::size_t animations = std::min<std::size_t>(s.animations.size(), 4);
    for (std::size_t a = 0; a < animations; ++a) {
        const float d = s.animations[a].duration;
        for (const float t : {-1.0f, 0.0f, 0.37f * d, d, d + 1.0f, scene::wrapTime(1e9f, d)}) {
            scene::EvaluateOptions o;
            o.animation = static_cast<int>(a);
            o.time = t;
            usePose(scene::evaluate(s, o));
        }
    }
    for (const scene::Mesh& m : s.meshes)
        for (const scene::Primitive& p : m.primitives)
            (void)scene::primitiveBounds(p);
}

} // namespace hv::fuzz
