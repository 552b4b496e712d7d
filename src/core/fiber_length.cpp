#include "core/fiber_length.hpp"

#include <cassert>
#include <cmath>

namespace hv {

double fiberLength(const Architecture& architecture, double pathLength) {
    assert(architecture.optimalFiberLength > 0.0);
    const double along = pathLength - architecture.tendonSlackLength;
    const double across = architecture.optimalFiberLength * std::sin(architecture.pennationAngle);
    return std::sqrt(along * along + across * across);
}

double normalizedFiberLength(const Architecture& architecture, double pathLength) {
    return fiberLength(architecture, pathLength) / architecture.optimalFiberLength;
}

} // namespace hv
