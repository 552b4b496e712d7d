// Small hand-built models whose answers are known by hand.
#pragma once

#include "core/model.hpp"

namespace hv::test {

// Ground -> "base" (fixed) -> "arm_r" hinged about Z at the base's origin by coordinate "q_r".
// One muscle "m" with a straight path from `origin` (on base) to `insertion` (on arm).
inline Model hingeModel(const Vec3& origin, const Vec3& insertion) {
    Model model;
    model.coordinates.push_back({"q_r", "hinge", CoordinateKind::Rotational, 0.0, -kPi, kPi, "test", Side::Right, "+", "-"});
    Joint ground;
    ground.name = "ground_base";
    ground.childBody = 0;
    model.joints.push_back(ground);
    model.bodies.push_back({"base", "base", 0, Side::Midline});
    Joint hinge;
    hinge.name = "hinge";
    hinge.parentBody = 0;
    hinge.childBody = 1;
    hinge.rotations[0] = {Vec3{0, 0, 1}, 0, ScalarFunction::linear(1.0, 0.0)};
    model.joints.push_back(hinge);
    model.bodies.push_back({"arm_r", "arm", 1, Side::Right});
    Muscle m;
    m.id = "m";
    m.side = Side::Right;
    MusclePart part;
    part.points = {PathPoint{0, origin, {}}, PathPoint{1, insertion, {}}};
    part.architecture.maxIsometricForce = 100.0;
    m.parts.push_back(part);
    model.muscles.push_back(m);
    return model;
}

} // namespace hv::test
