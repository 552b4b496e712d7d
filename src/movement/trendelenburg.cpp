#include "movement/trendelenburg.hpp"

#include "core/kinematics.hpp"
#include "core/moment_arm.hpp"
#include "core/pose_text.hpp"
#include "core/text.hpp"
#include "core/roles.hpp"
#include "movement/detail/solve.hpp"

#include <algorithm>
#include <cmath>

namespace hv::movement {

std::optional<GluteusMediusStrength> parseGluteusMediusStrength(std::string_view text, std::string& error) {
    const auto fraction = [&](std::string_view v, std::string_view what) -> std::optional<double> {
        const auto f = parseNumber(v);
        if (!f || !(*f >= 0.0 && *f <= 1.0)) {
            error = std::string(what) + " \"" + std::string(v) + "\": expected a fraction of normal strength from 0 to 1";
            return std::nullopt;
        }
        return f;
    };
    if (text.find('=') == std::string_view::npos) {
        const auto f = fraction(text, "strength");
        if (!f) return std::nullopt;
        return GluteusMediusStrength::both(*f);
    }
    GluteusMediusStrength s;
    bool seen[2] = {false, false};
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        const std::string_view item = text.substr(start, comma - start);
        const std::size_t eq = item.find('=');
        const std::string_view side = eq == std::string_view::npos ? item : item.substr(0, eq);
        const int i = side == "right" || side == "r" ? 0 : side == "left" || side == "l" ? 1 : -1;
        if (i < 0 || eq == std::string_view::npos) {
            error = "\"" + std::string(item) + "\": expected SIDE=F, SIDE right or left (e.g. left=0.4)";
            return std::nullopt;
        }
        if (seen[i]) {
            error = "the " + std::string(i == 0 ? "right" : "left") + " side is given twice";
            return std::nullopt;
        }
        seen[i] = true;
        const auto f = fraction(item.substr(eq + 1), i == 0 ? "right" : "left");
        if (!f) return std::nullopt;
        (i == 0 ? s.right : s.left) = *f;
        start = comma + 1;
    }
    return s;
}

std::string gluteusMediusStrengthText(const GluteusMediusStrength& strength) {
    if (strength.right == strength.left) return formatNumber(strength.right);
    return "right=" + formatNumber(strength.right) + ",left=" + formatNumber(strength.left);
}

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
            (muscle.id == kGluteusMediusId ? gmed : others) += moment;
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
