// Loading third-party 3D models into the program's own scene::Scene.
//
// .gltf and .glb go through tinygltf (gltf_loader.cpp); every other format Assimp reads (FBX,
// COLLADA, DirectX .x, OBJ+MTL, STL, PLY, OFF, ...) goes through Assimp (assimp_loader.cpp). A
// file with no known extension is recognised by its first bytes. Both produce the same
// scene::Scene (see scene.hpp): glTF's frame (Y up, +Z front) and metres, triangles only,
// normals generated where the file has none, up to 8 normalised skin influences per vertex,
// images decoded to RGBA8, animations converted to glTF-style channels (seconds). Z-up and
// unit-scaled files become Y up and metres: COLLADA's up_axis and <unit> are applied by Assimp in
// its root node, FBX's axis settings and UnitScaleFactor (centimetres) by an added root node
// named "<up/unit fix>", DirectX's left-handed frame by Assimp. Formats without units (OBJ, STL,
// PLY) are taken as they are. Cameras and lights are ignored (their nodes stay, empty).
//
// Safety: the loader reads only the model file and files inside the model's own folder
// (external glTF URIs: relative paths only, no "..", no absolute paths, no scheme but data:; OBJ
// material libraries likewise; Windows backslashes accepted; a texture path of another format
// that points elsewhere, e.g. "C:\\art\\skin.jpg", falls back to the file of that name in the
// model's folder). Every size and count below is checked before anything is allocated for it;
// headers that state counts (PLY, OFF, STL, IQM) are checked before Assimp reads them, and
// Assimp itself runs in a child process with time and memory limits (LoadLimits::isolateAssimp).
// A hostile file gets a Diagnostic, never a crash, a hang or an unbounded allocation.
//
// Thread safety: loadModel() may be called from several threads at once.
#pragma once

#include "core/diagnostic.hpp"
#include "scene/scene.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>

namespace hv::io {

// Upper bounds on what a model may contain. The defaults are far above any real anatomy model
// (a detailed full-body model has a few million vertices, a few thousand nodes, joints in the
// hundreds, 8k textures) and far below what would exhaust a desktop's memory.
struct LoadLimits {
    std::uint64_t maxFileBytes = 1ull << 30;        // the model file and each external file
    std::uint64_t maxTotalBufferBytes = 2ull << 30; // all glTF buffers together
    std::uint64_t maxBuffers = 4096;
    std::uint64_t maxAccessors = 1'000'000;
    std::uint64_t maxMeshes = 200'000;      // meshes; also primitives in all
    std::uint64_t maxVertices = 50'000'000; // all primitives together
    std::uint64_t maxIndices = 150'000'000; // all primitives together
    std::uint64_t maxMorphTargets = 256;    // per primitive
    std::uint64_t maxJoints = 4096;         // per skin
    std::uint64_t maxSkins = 100'000;
    std::uint64_t maxNodes = 200'000;
    std::uint64_t maxNodeDepth = 1024;                        // root = depth 1
    std::uint64_t maxImagePixels = 16384ull * 16384ull;       // per image
    std::uint64_t maxTotalImagePixels = 2ull * 16384 * 16384; // all images together
    std::uint64_t maxImages = 4096;
    std::uint64_t maxAnimationKeys = 50'000'000; // key times over all channels
    std::uint64_t maxAnimationChannels = 1'000'000;
    std::uint64_t maxJsonDepth = 256; // nesting of a glTF's JSON
    // A glTF's JSON is counted before it is parsed: tinygltf builds a document tree and a struct
    // of up to 2 KiB per JSON object (a 9 MB file of "{}," would take gigabytes), so its values
    // (numbers, strings, literals, arrays, objects), its objects and the length of each top-level
    // array (nodes, accessors, meshes, materials, ... against the counts above) are checked first.
    std::uint64_t maxJsonValues = 8'000'000;
    std::uint64_t maxJsonObjects = 2'000'000;
    // Numbers read out of a glTF's accessors, all together; also never more than 64 MiB plus 32
    // times the bytes of the file and its buffers. An accessor without a buffer view is all zeros
    // and costs the file nothing, so without this budget a few hundred bytes could ask for
    // gigabytes (e.g. a 150-million-matrix inverse-bind accessor shared by many skins).
    std::uint64_t maxDecodedBytes = 4ull << 30;

    // Assimp formats are read in a child process (fork): a crash in Assimp (Debian's 5.2.5 has
    // some, e.g. a heap write on a .x file whose skin names a vertex index past the mesh) ends
    // the child, not HipView, and the child is stopped after maxImportSeconds and held to
    // maxImportMemoryBytes of address space beyond what the process already maps (not enforced in
    // sanitizer builds, whose shadow memory needs the address space). false: in this process.
    bool isolateAssimp = true;
    // Check the headers and indices that Assimp trusts before it reads a file (PLY, OFF, STL,
    // IQM, text .x; io/detail/format_precheck.hpp). Off only in tests that show what the child
    // process contains when Assimp itself meets such a file.
    bool precheckFormats = true;
    // Plausibility of the geometry (metres, after unit conversion; io/detail/geometry_check.hpp).
    // A primitive whose vertices span more than maxExtentMetres, or reach farther than that from
    // the origin as its nodes place it at rest, is left out with a warning (a whole human body is
    // about 2 m; a room or a scanned landscape stays below a kilometre), as is one whose vertices
    // all lie at one point. The box of what is left lies at most maxCentreDistanceRatio times its
    // longest side from the origin (beyond that float positions cannot hold the model's
    // detail); a scene farther out is refused.
    double maxExtentMetres = 1000.0;
    double maxCentreDistanceRatio = 10000.0;

    std::uint64_t maxImportSeconds = 120;
    std::uint64_t maxImportMemoryBytes = 16ull << 30;
};

// The result of loadModel().
//  - Success: `scene` holds the model. `diagnostics` then lists what was skipped or repaired
//    (e.g. an unreadable texture), the same texts as scene->warnings.
//  - Failure: `scene` is empty and `diagnostics` holds at least one error: file (the path as
//    given), field (the place, e.g. "accessor 3", "node 12", "uri \"../x.bin\""), message (the
//    reason).
struct ModelLoad {
    std::optional<scene::Scene> scene;
    Diagnostics diagnostics;

    bool ok() const { return scene.has_value(); }
};

ModelLoad loadModel(const std::filesystem::path& path, const LoadLimits& limits = {});

// True when the scene has a primitive with positions and indices (something to draw).
bool hasTriangles(const scene::Scene& scene);

// For a load that gave a scene with nothing to draw: the one message the user sees, naming
// `path`, with the loader's first reason (an empty scene, triangles left out) when it gave one;
// nullopt when there is something to draw or no scene at all (then load.diagnostics say why).
std::optional<Diagnostic> nothingToDraw(const std::string& path, const ModelLoad& load);

// Which loader loadModel() would use for `path`: by extension, else by the first bytes.
enum class ModelFormat : std::uint8_t { Gltf, Glb, Assimp };
ModelFormat detectModelFormat(const std::filesystem::path& path);

} // namespace hv::io
