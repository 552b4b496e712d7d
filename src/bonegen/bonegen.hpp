// hv::bonegen: HipView's default model, generated. Every bone of the pelvis, lumbar spine and
// legs is sculpted as a signed distance function from landmarks (bones.hpp), turned into a
// triangle mesh (surface.hpp), carried to the requested bone parameters by the core's maps
// (core/bone_parameters.hpp), and rigged: one glTF skin whose joints are the core's bodies that carry bones.
//
// Frames: bone meshes come out in their body's own frame (OpenSim, metres); the scene is in
// glTF's frame (Y up, +Z front, metres; scene::osimToGltf), posed in the content's default pose
// (anatomical position), which is also the rest (bind) pose.
//
// Deterministic: the same content and parameters give the same bytes, on any thread count.
#pragma once

#include "bonegen/outline.hpp"
#include "bonegen/surface.hpp"
#include "content/content.hpp"
#include "core/bone_parameters.hpp"
#include "scene/scene.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace hv::bonegen {

struct BoneMesh {
    std::string body;  // core body name: "pelvis", "L3", "femur_l", ...
    TriangleMesh mesh; // in that body's frame, metres; counter-clockwise outward faces
};

struct BakeOptions {
    int threads = 2; // surface extraction threads (the result does not depend on it)
};

// The bones of every body the content's skeleton has (pelvis, L1-L5, femur, patella, tibia and
// fibula of both sides), shaped for `parameters` (use content.boneParameters.defaults() for the
// published shape). Bodies the generator has no bone for are skipped.
std::vector<BoneMesh> generateBones(const Content& content, const BoneParameters& parameters, const BakeOptions& options = {});

// The rigged scene: one node per body that carries a bone or an outline piece (its own, or one on
// a body below it; a body without either gets none), named after it, parents as in the
// model, one skin over
// them with inverse bind matrices, one skinned mesh (named after its body, on a root node
// "<body>_bone") per bone with rigid weights. `model` must be the model the bones were made for
// (content.model deformed by applyBoneParameters to the same parameters).
// `outline` (outline.hpp) adds the body outline: one skinned mesh per piece on a root node
// "<body>_outline" (scene::kOutlineNodeSuffix), material "outline" (translucent skin-grey); its bodies get
// joint nodes too.
scene::Scene buildScene(const Model& model, const std::vector<BoneMesh>& bones, const std::string& description,
                        const std::vector<OutlineMesh>& outline = {});

// Everything at once: the GLB of the default model for `parameters`, with the body outline.
std::vector<std::uint8_t> bakeModel(const Content& content, const BoneParameters& parameters, const BakeOptions& options = {});

} // namespace hv::bonegen
