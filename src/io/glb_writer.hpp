// Writing a scene as glTF 2.0 binary (.glb): the format the default model (assets/hip.glb) is
// baked into. The output depends only on the scene and `generator` (byte-stable: the same scene
// gives the same bytes on every run and machine).
#pragma once

#include "scene/scene.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace hv::io {

// glTF 2.0 binary (.glb) of a scene with meshes, materials, skins and nodes (no images or
// animations), in the scene's frame and units (glTF's: Y up, metres). Positions, normals, joints
// (unsigned byte), weights (normalised unsigned byte) and indices (unsigned short, or unsigned
// int above 65535 vertices). `generator` becomes asset.generator.
std::vector<std::uint8_t> writeGlb(const scene::Scene& scene, const std::string& generator);

} // namespace hv::io
