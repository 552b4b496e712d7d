// The ghosted body outline: a smooth, skin-like envelope of the whole person (trunk, neck, head,
// arms, hands, and the legs down to the ankles) around the generated bones, so a client sees a
// person rather than a skeleton. Each piece is a signed distance function (sdf.hpp) sized from
// anthropometric proportions (segment lengths as fractions of stature after Drillis and Contini
// 1966, as tabulated by Winter 2009, chapter 4; breadths and depths the team's estimates of an
// adult male of about 1.70 m, the stature the model's shoulder height gives), extracted like
// the bones.
//
// Frames and units: metres; each mesh in its body's own frame (OpenSim axes: X anterior,
// Y superior, Z right). The limbs (humerus, forearm, hand, femur, tibia of each side) are rigid
// on their bodies (node and mesh "<body>_outline" in a baked scene: scene::kOutlineNodeSuffix); the trunk (pelvis, lumbar levels, thorax, with the neck and head riding on the
// thorax) is one mesh in the pelvis frame whose vertices are blended over the pelvis, L5 ... L1
// and the thorax by their height along the spine, so it bends without cracks.
#pragma once

#include "bonegen/surface.hpp"
#include "core/model.hpp"

#include <array>
#include <string>
#include <vector>

namespace hv::bonegen {

struct OutlineMesh {
    std::string body;  // the body whose frame the mesh is in (the trunk's: "pelvis")
    TriangleMesh mesh; // metres, that body's frame, default pose
    // Per vertex, up to four bodies (model indices, -1 unused) and weights summing to 1, for a
    // piece blended over several bodies; empty: rigid on `body`.
    std::vector<std::array<int, 4>> blendBodies;
    std::vector<std::array<float, 4>> blendWeights;
};

// The outline pieces for every body of `model` that has one (both sides; the left limbs are the
// right ones mirrored). Bodies the model lacks are skipped (a model without arms gets no arm
// pieces). Deterministic for any thread count.
std::vector<OutlineMesh> generateOutline(const Model& model, int threads = 2);

} // namespace hv::bonegen
