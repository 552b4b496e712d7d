// Writing a scene as glTF 2.0 binary (.glb): the format the default model (assets/hip.glb) is
// baked into. The output depends only on the scene and `generator` (byte-stable: the same scene
// gives the same bytes on every run and machine).
#pragma once

#include "scene/scene.hpp"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace hv::io {

// Text written into the file's `extras` objects (glTF "application-specific data"): string
// values, keys in sorted order.
struct GlbExtras {
    std::vector<std::pair<std::string, std::string>> asset;             // asset.extras
    std::vector<std::vector<std::pair<std::string, std::string>>> nodes; // nodes[i].extras; may be shorter
};

// glTF 2.0 binary (.glb) of a scene with meshes, materials, skins, nodes, morph targets and
// animations (no images), in the scene's frame and units (glTF's: Y up, metres; animation times
// in seconds). Positions, normals, vertex colours, joints (unsigned byte), weights (normalised
// unsigned byte) and indices (unsigned short, or unsigned int above 65535 vertices); morph
// targets as float position and normal deltas; node and mesh morph weights; animation channels
// (translation, rotation, scale, weights) with LINEAR or STEP interpolation (cubic splines are
// not written). `generator` becomes asset.generator.
// Preconditions: every primitive of a mesh has as many morph targets as the mesh has default
// weights, and a channel's values hold one key's worth per time.
std::vector<std::uint8_t> writeGlb(const scene::Scene& scene, const std::string& generator, const GlbExtras& extras = {});

} // namespace hv::io
