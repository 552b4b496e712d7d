// How deep a muscle part's path runs inside the generated bones: the rule of the check "no path
// segment deeper than kMaxPathDepth inside a bone", in one place for the tests and bench_paths.
//
// The path's polyline (core/path.hpp, ground frame, metres) is walked along every segment, both
// ends included, at most `step` apart wherever a sample lies inside or within `step` of a bone;
// elsewhere the walk skips ahead by 0.9 of the sample's distance to the nearest counted bone (at
// most BoneDistance::kExactBand), which cannot pass over a point inside one because the signed
// distances are lower bounds on the true distance. Depth is -(signed distance) (bone_distance.hpp),
// positive inside.
//
// The attachment rule: a muscle's ends are fixed on bone, so near them the path may lie inside
// the bone it attaches to. A sample within `attachmentRegion` of path length from the origin is
// not measured against the origin's bone (the body of the path's first active point), and one
// within `attachmentRegion` of the insertion not against the insertion's bone; every other bone
// counts there, and past the regions every bone counts, the attachment bones included.
#pragma once

#include "bonegen/bone_distance.hpp"
#include "core/math.hpp"
#include "core/model.hpp"
#include "core/path.hpp"

#include <span>

namespace hv::bonegen {

// The check's limits: no sampled path point deeper than this inside a bone (m), and over a
// movement the fibres (core/fiber_length.hpp) within kMinMovingFibre to kMaxMovingFibre of optimal.
inline constexpr double kMaxPathDepth = 0.003;
inline constexpr double kMinMovingFibre = 0.5, kMaxMovingFibre = 1.6;

struct PathDepthRule {
    double step = 0.002;            // m between samples near and inside bone (> 0)
    double attachmentRegion = 0.02; // m of path from each end exempt for that end's bone (>= 0)
};

struct PathDepth {
    double depth = 0.0; // m: the deepest sample inside a counted bone, 0 if none is inside
    int body = -1;      // that bone's model body; -1 if no sample is inside
    double along = 0.0; // where that sample is: 0 at the origin, 1 at the insertion (path length)
};

// The deepest point of `path` (pathGeometry() of `part` at the pose of `bodies`, the ground
// transforms of every model body) inside the bones, with the attachment rule above.
// Preconditions: path.pathPoint indexes part.points; rule.step > 0.
PathDepth deepestInBone(const BoneDistance& bones, const MusclePart& part, const PathGeometry& path,
                        std::span<const Transform> bodies, const PathDepthRule& rule = {});

} // namespace hv::bonegen
