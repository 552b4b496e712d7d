// Header checks for the formats whose headers state counts and sizes (PLY, OFF, binary STL, IQM),
// the indices of text DirectX .x meshes, and COLLADA's array counts (a <float_array>/<int_array>
// count attribute against the values it holds, an <accessor>'s offset + count * stride against
// the array it reads), run on the file's bytes before Assimp sees them.
// Assimp 5.2 trusts these headers: it reserves
// memory for whatever count a header claims (OutOfMemory.off claims 353 billion vertices) and
// some of its readers run past a garbled header (a PLY regression file crashes Debian's 5.2.5).
// No third-party types here.
#pragma once

#include "io/model_loader.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>

namespace hv::io::detail {

struct PrecheckProblem {
    std::string field;   // e.g. "PLY header line 7", "OFF header", "COLLADA line 12, accessor"
    std::string message; // the reason, in words
};

// The format is recognised by the extension or, when that says nothing, by the first bytes.
// Returns a problem when the header is malformed, or claims more elements than the rest of the
// file can hold, or more than the limits allow; nothing when the header is fine or the format is
// not one checked here.
std::optional<PrecheckProblem> precheckModelFile(const std::filesystem::path& path,
                                                 std::span<const std::uint8_t> bytes,
                                                 const LoadLimits& limits);

} // namespace hv::io::detail
