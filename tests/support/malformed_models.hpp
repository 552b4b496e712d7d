// The malformed files of ../shared/testdata/models/malformed (see its README) and what HipView
// says about each: the words its one message must contain, and whether the file is refused or
// read in part (a partial scene with something to draw). Shared by the command-line and window
// tests so that every file is covered everywhere (tests/cli, tests/ui).
#pragma once

#include "support/shared_models.hpp"

#include <array>
#include <string>

namespace hv::test {

struct MalformedModel {
    const char* path;   // relative to the shared models folder
    const char* reason; // words the message must contain
    bool drawable;      // read in part, with something to draw (drawn with warnings)
};

inline constexpr std::array<MalformedModel, 11> kMalformedModels{{
    {"malformed/obj/malformed.obj", "Invalid face index", false},
    {"malformed/obj/malformed2.obj", "DefaultDoesNotExist", true},
    {"malformed/obj/empty.obj", "the file is empty", false},
    {"malformed/off/OutOfMemory.off", "353535235358 vertices", false},
    {"malformed/ply/crash-30d6d0f7c529b3b66b4131700b7a4580cd7082df.ply", "PLY header", false},
    {"malformed/fuzz/clusterfuzz-testcase-minimized-assimp_fuzzer-4751812606885888",
     "no known extension", true},
    {"malformed/iqm/InvalidMeshOffset.iqm", "outside the file", false},
    {"malformed/gltf/RecursiveNodes.gltf", "cycle", false},
    {"malformed/gltf/NoScene.gltf", "names a scene that does not exist", false},
    {"malformed/gltf/SceneWithoutNodes.gltf", "has no nodes", false},
    {"malformed/gltf/BoxWithInfinites.glb", "not finite", false},
}};

} // namespace hv::test
