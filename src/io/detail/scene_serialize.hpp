// A ModelLoad (scene and diagnostics) as bytes and back, for handing a model read in a child
// process to its parent (assimp_loader.cpp). Native byte order: both ends are the same program.
// Reading checks every length against the bytes left, so a child that died half-way or wrote
// garbage gives nothing rather than a broken scene.
#pragma once

#include "io/model_loader.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace hv::io::detail {

std::vector<std::uint8_t> serializeModelLoad(const ModelLoad& load);

std::optional<ModelLoad> deserializeModelLoad(std::span<const std::uint8_t> bytes);

} // namespace hv::io::detail
