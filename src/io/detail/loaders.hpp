// The two format back ends behind loadModel(). Each lives in its own translation unit and is the
// only place its library's types appear.
#pragma once

#include "io/model_loader.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace hv::io::detail {

// glTF 2.0, JSON (.gltf) or binary (.glb); `bytes` is the whole file, already read within
// limits.maxFileBytes. `displayName` is the path as the user gave it (for diagnostics).
ModelLoad loadGltf(const std::filesystem::path& path, const std::string& displayName,
                   std::vector<std::uint8_t> bytes, bool binary, const LoadLimits& limits);

// Everything else, through Assimp. `bytes` is the whole file, already read within the limits.
ModelLoad loadAssimp(const std::filesystem::path& path, const std::string& displayName,
                     std::vector<std::uint8_t> bytes, const LoadLimits& limits);

} // namespace hv::io::detail
