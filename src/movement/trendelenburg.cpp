#include "movement/trendelenburg.hpp"

#include "core/kinematics.hpp"
#include "core/moment_arm.hpp"
#include "core/roles.hpp"
#include "movement/detail/solve.hpp"

#include <algorithm>
#include <cmath>

namespace hv::movement {

TrendelenburgResult applyTrendelenburg(const Model& model, Side stance, double singleSupport,
                                       double gluteusMediusStrength, std::vector<double>& q) {
    TrendelenburgResult r;
    r.stance = stance;
    const double w = std::clamp(singleSupport, 0.0, 1.0);
    const double strength = std::clamp(gluteusMediusStrength, 0.0, 1.0);
    const auto hip = hipCoordinates(model, stance);
    const int femur = detail::femurBody(model, stance);
    const auto root = detail::rootCoordinates(model);
    if (stance == Side::Midline || hip[1] < 0 || femur < 0 || root[1] < 0 || !(w > 0.0)) return r;
    r.applies = true;

    // Demand: lever arm from the pelvis' own frame (hip centre's distance from the midline).
    const Joint& hipJoint = model.joints[static_cast<std::size_t>(model.bodies[static_cast<std::size_t>(femur)].joint)];
    const double halfWidth = std::abs(hipJoint.parentOffset.translation.z);
    // The trunk point's sideways offset toward the stance side, in the pelvis' frame.
    int trunk = model.findBody("thorax");
    if (trunk < 0) trunk = model.findBody("L1");
    if (trunk >= 0) {
        const auto bodies = computeBodyTransforms(model, q);
        const Vec3 local = bodies[0].inverse().apply(bodies[static_cast<std::size_t>(trunk)].translation);
        r.trunkShiftM = stance == Side::Right ? local.z : -local.z;
    }
    const double upperBody = 1.0 - 2.0 * kLegMassFraction;
    const double lever = std::max(
        0.0, halfWidth / (1.0 - kLegMassFraction) - upperBody * r.trunkShiftM / (1.0 - kLegMassFraction));
    r.demandNm = w * kBodyMass * (1.0 - kLegMassFraction) * kGravity * lever;

    // Supply: the stance side's abductors at this pose.
    PathEvaluator eval(model);
    eval.setPose(q);
    double gmed = 0.0, others = 0.0;
    for (std::size_t m = 0; m < model.muscles.size(); ++m) {
        const Muscle& muscle = model.muscles[m];
        if (muscle.side != stance || muscle.group != kAbductorGroup) continue;
        for (std::size_t p = 0; p < muscle.parts.size(); ++p) {
            const double rAdd = eval.momentArm({static_cast<int>(m), static_cast<int>(p)}, hip[1]);
            const double moment = muscle.parts[p].architecture.maxIsometricForce * std::max(0.0, -rAdd);
            (muscle.id == "gluteus_medius" ? gmed : others) += moment;
        }
    }
    r.normalSupplyNm = kStanceActivation * (gmed + others);
    r.supplyNm = kStanceActivation * (strength * gmed + others);
    r.gluteusMediusShareOfSupply = gmed + others > 0.0 ? gmed / (gmed + others) : 0.0;
    r.deficit = r.demandNm > 0.0 ? std::max(0.0, r.demandNm - r.supplyNm) / r.demandNm : 0.0;
    if (!(r.deficit > 0.0)) return r;

    const auto addIndex = static_cast<std::size_t>(hip[1]);
    const Coordinate& add = model.coordinates[addIndex];
    const double room = std::max(0.0, add.maxValue - q[addIndex]);
    // Obliquity: positive lowers the right side. The swing side is the other one.
    const auto obl = static_cast<std::size_t>(root[1]);
    const Coordinate& oblique = model.coordinates[obl];
    const double sign = stance == Side::Right ? -1.0 : 1.0;
    const double wanted = r.deficit * room;
    const double target = std::clamp(q[obl] + sign * wanted, oblique.minValue, oblique.maxValue);
    const double drop = std::abs(target - q[obl]);
    if (!(drop > 0.0)) return r;

    const auto before = computeBodyTransforms(model, q);
    const Transform thigh = before[static_cast<std::size_t>(femur)];
    const Side swing = stance == Side::Right ? Side::Left : Side::Right;
    const int swingFemur = detail::femurBody(model, swing);
    q[obl] = target;
    // Both thighs keep their ground orientation: re-solve each hip; then put the stance hip's
    // centre back.
    const auto keepThigh = [&](Side side, int body, const Mat3& rotation) {
        std::vector<int> coords;
        std::vector<double> lo, hi;
        for (int c : hipCoordinates(model, side))
            if (c >= 0) {
                coords.push_back(c);
                lo.push_back(model.coordinates[static_cast<std::size_t>(c)].minValue);
                hi.push_back(model.coordinates[static_cast<std::size_t>(c)].maxValue);
            }
        detail::matchOrientation(model, q, body, rotation, coords, lo, hi);
    };
    keepThigh(stance, femur, thigh.rotation);
    if (swingFemur >= 0) keepThigh(swing, swingFemur, before[static_cast<std::size_t>(swingFemur)].rotation);
    detail::moveRootSoPointIsAt(model, q, femur, Vec3{0.0}, thigh.translation);
    r.dropDeg = toDegrees(drop);
    return r;
}

} // namespace hv::movement
