// Fitting one frame onto another from corresponding points: Horn's closed-form solution of
// absolute orientation with unit quaternions (Horn 1987, J Opt Soc Am A 4:629-642), with the
// symmetric uniform scale of the same paper.
#pragma once

#include "core/math.hpp"

#include <span>

namespace hv {

struct SimilarityTransform {
    Mat3 rotation{1.0};
    Vec3 translation{0.0};
    double scale = 1.0;
    Vec3 apply(const Vec3& p) const { return scale * (rotation * p) + translation; }
};

struct SimilarityFit {
    SimilarityTransform transform;
    double rmsResidual = 0.0; // metres, over the fitted pairs
    double maxResidual = 0.0; // metres
    bool ok = false;          // false with fewer than 3 pairs or all points collinear
};

// Best map (least squares) from `from[i]` to `to[i]`; `allowScale` false fits a rigid motion.
SimilarityFit fitSimilarity(std::span<const Vec3> from, std::span<const Vec3> to, bool allowScale);

} // namespace hv
