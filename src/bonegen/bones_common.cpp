#include "bonegen/bones.hpp"

#include "core/kinematics.hpp"

#include <cmath>

namespace hv::bonegen {

SkeletonLandmarks skeletonLandmarks(const Model& model) {
    SkeletonLandmarks l;
    const auto joint = [&](const char* name) -> const Joint* {
        for (const Joint& j : model.joints)
            if (j.name == name) return &j;
        return nullptr;
    };
    if (const Joint* j = joint("hip_r")) l.hipCentre = j->parentOffset.translation;
    if (const Joint* j = joint("L5_S1")) l.lumbosacral = j->parentOffset;
    for (const char* name : {"L4_L5", "L3_L4", "L2_L3", "L1_L2"})
        if (const Joint* j = joint(name)) l.lumbarJoints.push_back(j->parentOffset);
    if (const Joint* j = joint("walker_knee_r")) l.kneeInFemur = j->parentOffset;
    const auto bodies = computeBodyTransforms(model, model.defaultPose());
    const int femur = model.findBody("femur_r");
    const int tibia = model.findBody("tibia_r");
    const int patella = model.findBody("patella_r");
    if (femur >= 0 && tibia >= 0)
        l.tibiaOriginInFemur = bodies[static_cast<std::size_t>(femur)].inverse().apply(bodies[static_cast<std::size_t>(tibia)].translation);
    if (femur >= 0 && patella >= 0)
        l.patellaOriginInFemur =
            bodies[static_cast<std::size_t>(femur)].inverse().apply(bodies[static_cast<std::size_t>(patella)].translation);
    return l;
}

std::vector<Vec3> smoothCurve(const std::vector<Vec3>& points, int perSegment) {
    if (points.size() < 3 || perSegment <= 1) return points;
    std::vector<Vec3> out;
    const std::size_t n = points.size();
    for (std::size_t i = 0; i + 1 < n; ++i) {
        const Vec3 p0 = i == 0 ? 2.0 * points[0] - points[1] : points[i - 1];
        const Vec3 p1 = points[i], p2 = points[i + 1];
        const Vec3 p3 = i + 2 < n ? points[i + 2] : 2.0 * points[n - 1] - points[n - 2];
        // centripetal parametrisation (alpha = 1/2): no cusps or self-intersections
        const auto knot = [](double t, const Vec3& a, const Vec3& b) { return t + std::sqrt(std::max(glm::length(b - a), 1e-9)); };
        const double t0 = 0.0, t1 = knot(t0, p0, p1), t2 = knot(t1, p1, p2), t3 = knot(t2, p2, p3);
        for (int s = 0; s < perSegment; ++s) {
            const double t = t1 + (t2 - t1) * s / perSegment;
            const Vec3 a1 = (t1 - t) / (t1 - t0) * p0 + (t - t0) / (t1 - t0) * p1;
            const Vec3 a2 = (t2 - t) / (t2 - t1) * p1 + (t - t1) / (t2 - t1) * p2;
            const Vec3 a3 = (t3 - t) / (t3 - t2) * p2 + (t - t2) / (t3 - t2) * p3;
            const Vec3 b1 = (t2 - t) / (t2 - t0) * a1 + (t - t0) / (t2 - t0) * a2;
            const Vec3 b2 = (t3 - t) / (t3 - t1) * a2 + (t - t1) / (t3 - t1) * a3;
            out.push_back((t2 - t) / (t2 - t1) * b1 + (t - t1) / (t2 - t1) * b2);
        }
    }
    out.push_back(points.back());
    return out;
}

void addChain(Sdf& sdf, const std::vector<Vec3>& points, const std::vector<double>& radii) {
    for (std::size_t i = 0; i + 1 < points.size(); ++i) sdf.add(roundCone(points[i], points[i + 1], radii[i], radii[i + 1]));
}

void addSmoothChain(Sdf& sdf, const std::vector<Vec3>& points, const std::vector<double>& radii, int perSegment) {
    const std::vector<Vec3> curve = smoothCurve(points, perSegment);
    if (curve.size() == points.size()) {
        addChain(sdf, points, radii);
        return;
    }
    std::vector<double> r;
    r.reserve(curve.size());
    for (std::size_t i = 0; i < curve.size(); ++i) {
        const double u = static_cast<double>(i) / perSegment;
        const std::size_t k = std::min(static_cast<std::size_t>(u), radii.size() - 2);
        const double f = u - static_cast<double>(k);
        r.push_back(radii[k] + (radii[k + 1] - radii[k]) * f);
    }
    addChain(sdf, curve, r);
}

} // namespace hv::bonegen
