// Fibre length of a muscle part from its path (musculotendon) length, with a rigid tendon and
// the pennation model of constant muscle thickness (Zajac 1989; the model OpenSim's Hill-type
// muscles use):
//
//     the fibres' projection on the line of action:  l_M cos(alpha) = L_MT - l_TS
//     constant thickness:                            l_M sin(alpha) = l_opt sin(alpha_opt)
//     so                                             l_M = sqrt((L_MT - l_TS)^2 + (l_opt sin(alpha_opt))^2)
//
// L_MT: the path length (m); l_TS: tendon slack length (m); l_opt, alpha_opt: optimal fibre
// length (m) and pennation at it (rad), all from core::Architecture. A path shorter than its
// tendon gives a fibre length no shorter than the fibres' thickness l_opt sin(alpha_opt).
#pragma once

#include "core/model.hpp"

namespace hv {

// Fibre length (m) of a part whose path is `pathLength` metres long (see above).
// Precondition: architecture.optimalFiberLength > 0.
double fiberLength(const Architecture& architecture, double pathLength);

// fiberLength() / optimal fibre length (dimensionless; 1 = optimal).
double normalizedFiberLength(const Architecture& architecture, double pathLength);

} // namespace hv
