// Shared pieces of the libFuzzer targets (tests/fuzz/README.md): a scratch folder per process,
// the load limits the fuzzers run under, and the checks every target makes on what a loader
// accepted. A check that fails calls fuzzFail(), which prints why and aborts, so libFuzzer keeps
// the input as a crash.
#pragma once

#include "core/diagnostic.hpp"
#include "io/model_loader.hpp"
#include "scene/scene.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>

namespace hv::fuzz {

// Prints "fuzz check failed: WHAT" (and `detail` if given) to stderr and aborts.
[[noreturn]] void fuzzFail(std::string_view what, std::string_view detail = {});

// A folder for this process's scratch files: under /dev/shm where it exists (no disk writes per
// input), else the system's temporary folder; removed when the process exits.
const std::filesystem::path& scratchDir();

// The project's source folder (content/, assets/), compiled in.
std::filesystem::path sourceDir();

// The default limits scaled down about fifty times, so that anything a file may legitimately ask
// for stays well inside libFuzzer's 2 GiB memory limit: an input that still exhausts memory
// has found an allocation the limits do not bound.
io::LoadLimits fuzzLimits();

// What every loader promises about a result: a failure has at least one diagnostic, each names
// `file` and says something; a success's scene passes scene::validateScene(); no diagnostic says
// the loader's own output was inconsistent (that would be a converter bug the last-line check
// caught).
void checkModelLoad(const io::ModelLoad& load, const std::string& file);

// Uses a scene the way the viewer and the renderer do: rest pose and every animation at a few
// times, world and skinning matrices, posed (morphed, skinned) positions of every displayed
// primitive, bounds for framing.
void exerciseScene(const scene::Scene& scene);

// fuzz_assimp's file extensions: an input's first byte b names kAssimpExtensions[b % size()], the
// rest is the file; the last entry is no extension (the format recognised by content). The one
// list: tools/ci-fuzz.sh reads it through `hv_fuzz_seeds --extensions` to write seeds and to name
// a crashing input's file.
inline constexpr std::array<const char*, 16> kAssimpExtensions = {
    "fbx", "dae", "x", "obj", "stl", "ply", "off", "3ds", "iqm", "lwo", "dxf", "ac", "ms3d", "smd",
    "md5mesh", ""};

// The bytes as text.
inline std::string_view asText(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

} // namespace hv::fuzz
