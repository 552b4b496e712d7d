// Internal: small numerical tools for the hip-back connection. Rotation vectors, forward
// kinematics helpers, and a damped least-squares solver (Levenberg 1944; Marquardt 1963) for a
// handful of bounded parameters with a numerical Jacobian.
#pragma once

#include "core/kinematics.hpp"
#include "core/model.hpp"
#include "core/roles.hpp"

#include <array>
#include <functional>
#include <span>
#include <vector>

namespace hv::movement::detail {

// The rotation vector (unit axis times angle, radians, angle in [0, pi]) of a rotation matrix.
Vec3 rotationVector(const Mat3& r);

struct LeastSquares {
    std::size_t parameters = 0;
    std::size_t residuals = 0;
    // Writes `residuals` values for parameters `p`.
    std::function<void(std::span<const double> p, std::span<double> r)> residual;
    std::vector<double> lower, upper; // per parameter; empty for none
};

// Minimises |r(p)|^2 from the start value in `p`, keeping p inside its bounds. Returns the final
// |r|. Stops after `maxIterations` or when a step no longer helps.
double solveLeastSquares(const LeastSquares& problem, std::vector<double>& p, int maxIterations = 40);

// The six coordinates of the joint that hangs the root body (the pelvis) from ground:
// rotations (tilt, obliquity, rotation) then translations (x, y, z); -1 where absent.
std::array<int, 6> rootCoordinates(const Model& model);

using hv::femurBody; // core/roles.hpp

// Solves `coordinates` (each kept inside [lower, upper], SI) so that `body` has the ground
// orientation `target`. Returns the angle (rad) left between them.
double matchOrientation(const Model& model, std::vector<double>& q, int body, const Mat3& target,
                        std::span<const int> coordinates, std::span<const double> lower,
                        std::span<const double> upper);

// Shifts the root body's translations so that `point` (in `body`'s frame) lands on `target`
// (ground, m). The root's translation axes are ground axes, so one step is exact.
void moveRootSoPointIsAt(const Model& model, std::vector<double>& q, int body, const Vec3& point,
                         const Vec3& target);

} // namespace hv::movement::detail
