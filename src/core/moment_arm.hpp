// Moment arms by the tendon-excursion method: r = -dL/dq (An et al. 1984, J Biomech 17:
// 1019-1023; the definition OpenSim reports, Sherman et al. 2013). With OpenSim's signs a
// positive hip moment arm means the muscle tends to flex, adduct or internally rotate.
// The derivative is a central difference with a small step, so it is exact to rounding for
// smooth paths and follows wrap cylinders without special cases.
#pragma once

#include "core/kinematics.hpp"
#include "core/path.hpp"

#include <span>
#include <vector>

namespace hv {

// Central-difference steps: radians for rotational coordinates, metres for translational.
inline constexpr double kRotationalStep = 1e-5;
inline constexpr double kTranslationalStep = 1e-6;

// Evaluates lengths and moment arms of any part at one pose, reusing forward kinematics:
// the base pose's transforms once per setPose(), the perturbed ones once per coordinate.
class PathEvaluator {
public:
    explicit PathEvaluator(const Model& model);

    void setPose(std::span<const double> q); // one value per coordinate, SI
    std::span<const double> pose() const { return m_q; }
    std::span<const Transform> bodyTransforms() const { return m_bodies; }

    double length(PartRef part) const; // metres
    // metres (per radian of a rotational coordinate); 0 where the coordinate cannot change
    // the part's length.
    double momentArm(PartRef part, int coordinate);
    void geometry(PartRef part, PathGeometry& out) const;

private:
    struct Perturbed {
        std::vector<double> qPlus, qMinus;
        std::vector<Transform> plus, minus;
        double step = 0.0;
        bool valid = false;
    };
    const Model* m_model;
    std::vector<char> m_moves; // [body * coordinates + coordinate]: the coordinate moves the body
    std::vector<double> m_q;
    std::vector<Transform> m_bodies;
    std::vector<Perturbed> m_perturbed; // per coordinate, for the current pose
    const Perturbed& perturbed(int coordinate);
    bool moves(int coordinate, int body) const {
        return m_moves[static_cast<std::size_t>(body) * m_q.size() + static_cast<std::size_t>(coordinate)] != 0;
    }
    bool dependsOn(const MusclePart& part, int coordinate) const;
};

// Convenience for one-off use (builds an evaluator): moment arm in metres.
double momentArm(const Model& model, PartRef part, std::span<const double> q, int coordinate);

// The geometric moment arm of a straight line of action about a rotation axis:
// a . ((x - o) x u), with x any point on the line, u the unit direction from `insertion`
// towards `origin` (the way the muscle pulls the insertion), o a point on the axis and a the
// unit axis. Metres. Used to cross-check -dL/dq where a path is straight.
double geometricMomentArm(const Vec3& origin, const Vec3& insertion, const Vec3& axisPoint,
                          const Vec3& axisDirection);

} // namespace hv
