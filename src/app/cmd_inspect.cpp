// hipview inspect: what a model file holds and what is wrong with it, without a window or OpenGL.
#include "app/cli.hpp"
#include "app/commands.hpp"

#include "io/model_loader.hpp"
#include "scene/evaluate.hpp"
#include "scene/geometry.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

namespace hv::cli {

namespace {

constexpr const char* kHelp =
    "usage: hipview inspect MODEL [MODEL ...]\n\n"
    "Reads each model file the way the window and `hipview render --model` do (glTF/GLB,\n"
    "FBX, COLLADA, DirectX .x, OBJ, STL, PLY, OFF, ...; the same checks and limits) and prints\n"
    "what it holds: nodes, meshes, vertices and triangles, skins and joints, animations,\n"
    "materials and images, and its size in metres. Problems go to stderr, one line each,\n"
    "naming the file, the place in it and the reason: a file that cannot be read, has nothing\n"
    "to draw, or was read only in part (parts left out or repaired).\n\n"
    "Exits 0 when every file was read whole, 1 when any file could not be read or needed\n"
    "repairs, 2 for a wrong command line.\n";

const char* plural(std::size_t n) { return n == 1 ? "" : "s"; }

std::string formatFor(const std::string& path) {
    switch (io::detectModelFormat(path)) {
    case io::ModelFormat::Gltf: return "glTF 2.0 (JSON), read by tinygltf";
    case io::ModelFormat::Glb: return "glTF 2.0 (binary), read by tinygltf";
    case io::ModelFormat::Assimp: break;
    }
    return "read by Assimp";
}

// Depth of the deepest node (roots are 1); 0 without nodes. The loaders refuse cycles.
std::size_t treeDepth(const scene::Scene& s) {
    std::size_t deepest = 0;
    for (std::size_t i = 0; i < s.nodes.size(); ++i) {
        std::size_t d = 1;
        for (int p = s.nodes[i].parent; p >= 0 && d <= s.nodes.size(); p = s.nodes[static_cast<std::size_t>(p)].parent)
            ++d;
        deepest = std::max(deepest, d);
    }
    return deepest;
}

void printSummary(const std::string& path, const scene::Scene& s) {
    std::size_t primitives = 0, vertices = 0, triangles = 0, morphs = 0;
    for (const scene::Mesh& m : s.meshes)
        for (const scene::Primitive& p : m.primitives) {
            ++primitives;
            vertices += p.positions.size();
            triangles += scene::triangleCount(p);
            morphs = std::max(morphs, p.morphTargets.size());
        }
    std::printf("%s: %s\n", path.c_str(), formatFor(path).c_str());
    if (!s.generator.empty()) std::printf("  written by %s\n", s.generator.substr(0, 80).c_str());
    std::printf("  nodes %zu (%zu root%s, %zu level%s deep), meshes %zu with %zu primitive%s\n", s.nodes.size(),
                s.roots.size(), plural(s.roots.size()), treeDepth(s), plural(treeDepth(s)), s.meshes.size(), primitives,
                plural(primitives));
    std::printf("  vertices %zu, triangles %zu%s\n", vertices, triangles,
                morphs ? (", up to " + std::to_string(morphs) + " morph targets").c_str() : "");
    std::size_t joints = 0;
    for (const scene::Skin& k : s.skins) joints = std::max(joints, k.joints.size());
    std::printf("  skins %zu", s.skins.size());
    if (!s.skins.empty()) std::printf(" (up to %zu joints)", joints);
    std::printf(", animations %zu", s.animations.size());
    for (std::size_t a = 0; a < s.animations.size() && a < 8; ++a) {
        const scene::Animation& an = s.animations[a];
        std::printf("%s \"%s\" %.2f s", a ? "," : ":", an.name.substr(0, 60).c_str(), static_cast<double>(an.duration));
    }
    if (s.animations.size() > 8) std::printf(", ...");
    std::printf("\n  materials %zu, images %zu\n", s.materials.size(), s.images.size());
    const scene::Bounds b = scene::sceneBounds(s, scene::evaluate(s));
    if (b.empty()) {
        std::printf("  size: no finite vertex is shown\n");
    } else {
        const glm::vec3 size = b.size(), c = b.center();
        std::printf("  size %.3g x %.3g x %.3g m (x, y up, z), centre (%.3g, %.3g, %.3g)\n", static_cast<double>(size.x),
                    static_cast<double>(size.y), static_cast<double>(size.z), static_cast<double>(c.x),
                    static_cast<double>(c.y), static_cast<double>(c.z));
    }
}

// One file; true when it was read whole.
bool inspect(const std::string& path) {
    const io::ModelLoad load = io::loadModel(path);
    if (!load.scene) {
        for (const Diagnostic& d : load.diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
        return false;
    }
    if (const auto none = io::nothingToDraw(path, load)) {
        std::fprintf(stderr, "%s\n", none->format().c_str());
        return false;
    }
    printSummary(path, *load.scene);
    if (load.diagnostics.empty()) {
        std::printf("  read whole: no problems\n");
        return true;
    }
    std::printf("  read in part: %zu problem%s (on stderr)\n", load.diagnostics.size(), plural(load.diagnostics.size()));
    for (const Diagnostic& d : load.diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
    return false;
}

} // namespace

int runInspect(std::span<const std::string> argv) {
    Args args("inspect", argv);
    if (args.help(kHelp)) return kExitOk;
    const std::vector<std::string> files = args.positionals();
    if (!args.finish()) return kExitUsage;
    if (files.empty()) {
        args.error("name a model file, e.g. hipview inspect model.glb; see hipview inspect --help");
        return kExitUsage;
    }
    bool ok = true;
    for (const std::string& f : files) ok &= inspect(f);
    std::fflush(stdout);
    return ok ? kExitOk : kExitFailure;
}

} // namespace hv::cli
