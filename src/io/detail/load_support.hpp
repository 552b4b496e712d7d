// Helpers shared by the two model loaders (gltf_loader.cpp, assimp_loader.cpp). No third-party
// types here: file confinement, bounded file reads, image decoding with limits, skin-influence
// packing, primitive finishing, and diagnostics collection.
#pragma once

#include "core/diagnostic.hpp"
#include "io/model_loader.hpp"
#include "scene/scene.hpp"

#include <glm/glm.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hv::io::detail {

// Collects errors and warnings for one file; identical warnings are kept once and at most
// kMaxWarnings are kept (a final one says how many more were dropped).
class Report {
  public:
    explicit Report(std::string file) : m_file(std::move(file)) {}

    void error(std::string field, std::string message);
    void warn(std::string field, std::string message);
    // A warning that explains why the model has nothing to draw: it becomes the first warning
    // (the one nothingToDraw() names).
    void warnFirst(std::string field, std::string message);

    bool failed() const { return !m_errors.empty(); }
    const std::string& file() const { return m_file; }

    // Success: the scene with its warnings copied into scene.warnings; failure: the errors.
    ModelLoad finish(std::optional<scene::Scene> scene);

    static constexpr std::size_t kMaxWarnings = 50;

  private:
    std::string m_file;
    Diagnostics m_errors;
    Diagnostics m_warnings;
    std::size_t m_droppedWarnings = 0;
};

// Text from a file made safe to print: control characters and bytes that are not valid UTF-8
// become '?'; at most maxLength bytes are kept ("..." marks a cut).
std::string printable(std::string_view text, std::size_t maxLength = 300);

// "12345 bytes" / "1.5 MiB" style sizes for messages.
std::string formatBytes(std::uint64_t bytes);

// Reads a whole regular file of at most maxBytes. On failure returns false with `reason` set
// (not a regular file, too large, OS error).
bool readFileBounded(const std::filesystem::path& path, std::uint64_t maxBytes,
                     std::vector<std::uint8_t>& out, std::string& reason);

// The folder a model lives in; the only place its external references may point to.
class ModelFolder {
  public:
    explicit ModelFolder(const std::filesystem::path& modelFile);

    const std::filesystem::path& root() const { return m_root; } // canonical, absolute

    enum class Refusal : std::uint8_t {
        None,
        Empty,
        Scheme,
        Absolute,
        Escapes,
        Link,
        Missing,
        NotFile
    };

    struct Resolved {
        std::filesystem::path path; // inside root(), when refusal == None
        Refusal refusal = Refusal::None;
        std::string reason; // in words, when refusal != None
    };

    // Resolves a reference written in the model (a relative path; '/' or '\' separators; "./"
    // allowed; "a/../b" allowed while it stays inside) to an existing regular file inside the
    // folder. Refuses URI schemes (scheme:...), absolute paths (/x, \x, C:\x), ".." that leaves
    // the folder and symbolic links that lead outside it.
    Resolved resolve(std::string_view reference) const;

    // Whether an absolute path lies inside root() after resolving symbolic links.
    bool contains(const std::filesystem::path& path) const;

  private:
    std::filesystem::path m_root;
};

// Pixels decoded so far across one model's images.
struct ImageBudget {
    std::uint64_t pixels = 0;
    std::uint64_t images = 0;
};

// Decodes PNG, JPEG, BMP, GIF, TGA, ... (stb_image) into RGBA8, after checking the header's
// dimensions against the limits (per image and in total). False with `reason` on failure.
bool decodeImage(std::span<const std::uint8_t> encoded, const LoadLimits& limits,
                 ImageBudget& budget, scene::Image& out, std::string& reason);

// Packs per-vertex influences given as `slots` (joint, weight) pairs per vertex into the
// primitive: negative, NaN or infinite weights become 0, the 8 largest are kept (largest first),
// weights are normalised to sum 1, zero-weight slots get joint 0. influenceCount becomes 4 when
// no vertex needs more, else 8. A vertex whose weights are all zero gets weight 1 on its first
// joint; the number of such vertices is returned.
std::size_t packInfluences(scene::Primitive& primitive, std::size_t vertexCount, std::size_t slots,
                           std::span<const std::uint32_t> joints, std::span<const float> weights);

// Drops influences whose joint index is >= jointCount (renormalising the rest; a vertex left with
// nothing gets joint 0 at weight 1). Returns the number of vertices changed.
std::size_t clampInfluences(scene::Primitive& primitive, std::size_t jointCount);

// Leaves out triangles that use a vertex with a non-finite position (NaN or +-Inf): they cannot be
// drawn or framed. The vertices stay (counts and indices keep their meaning). Returns the number
// of non-finite vertices; `droppedTriangles` receives how many triangles went.
std::size_t dropNonFiniteTriangles(scene::Primitive& primitive, std::size_t& droppedTriangles);

// A node matrix (column-major, the node's frame in its parent's) into the node's translation,
// rotation and scale. A negative determinant (a mirror) becomes a negative X scale; shear, which
// TRS cannot express, is dropped; a zero scale on any axis leaves the rotation at identity.
void decompose(const glm::mat4& matrix, scene::Node& node);

// Whether a node's translation, rotation and scale are all finite floats (a file's doubles, or
// a decomposed matrix, can overflow float).
bool finiteTransform(const scene::Node& node);

// A double from a file as a finite float, else `fallback`.
float finiteFloat(double value, float fallback);

// What a JSON text holds, counted in one pass without building anything: the deepest nesting
// (the scan stops counting once it passes maxDepth), the number of values (objects, arrays,
// strings, numbers, literals; object keys are not values) and of objects, and for each key of the
// root object whose value is an array, that array's length (keys are compared after decoding
// their escapes, as a JSON parser would; a key given twice adds up). Malformed JSON is counted
// as far as it goes; the parser refuses it afterwards.
struct JsonShape {
    std::uint64_t depth = 0;
    std::uint64_t values = 0;
    std::uint64_t objects = 0;
    std::vector<std::pair<std::string, std::uint64_t>> topLevelArrays; // in file order
    std::uint64_t arrayLength(std::string_view key) const;             // 0 when absent
};
JsonShape measureJson(std::string_view json, std::uint64_t maxDepth);

} // namespace hv::io::detail
