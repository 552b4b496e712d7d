#include "core/pelvis_actions.hpp"

#include "core/kinematics.hpp"
#include "core/lumbar_actions.hpp"
#include "core/moment_arm.hpp"
#include "core/path.hpp"

#include <cassert>
#include <cmath>
#include <string>

namespace hv {

namespace {

// The joint one of whose rotation axes `coordinate` drives; -1 if none.
int jointOfCoordinate(const Model& model, int coordinate) {
    if (coordinate < 0) return -1;
    for (std::size_t j = 0; j < model.joints.size(); ++j)
        for (const TransformAxis& a : model.joints[j].rotations)
            if (a.coordinate == coordinate) return static_cast<int>(j);
    return -1;
}

int childOfCoordinate(const Model& model, int coordinate) {
    const int j = jointOfCoordinate(model, coordinate);
    return j >= 0 ? model.joints[static_cast<std::size_t>(j)].childBody : -1;
}

// Adds to `direction` the change of `columns` (unit directions, each a full coordinate vector)
// that cancels the angular velocity `drift` of one body, given each column's angular velocity of
// that body (`effects`). Leaves `direction` unchanged where the 3 x 3 system is singular.
void cancelDrift(const Vec3& drift, const std::array<Vec3, 3>& effects, const std::array<std::vector<double>, 3>& columns,
                 std::vector<double>& direction) {
    const Mat3 j(effects[0], effects[1], effects[2]); // columns: the effect of each correction
    if (!(std::abs(glm::determinant(j)) > 1e-12)) return;
    const Vec3 amount = glm::inverse(j) * (-drift);
    for (std::size_t k = 0; k < 3; ++k)
        for (std::size_t c = 0; c < direction.size(); ++c) direction[c] += amount[static_cast<int>(k)] * columns[k][c];
}

} // namespace

std::string_view pelvisDofName(PelvisDof dof) {
    return dof == PelvisDof::Tilt ? "pelvic_tilt" : "pelvic_obliquity";
}

std::string_view pelvisCoordinateName(PelvisDof dof) {
    return dof == PelvisDof::Tilt ? "pelvis_tilt" : "pelvis_obliquity";
}

std::string_view pelvisActionName(PelvisDof dof, double r, double deadZone) {
    if (insideDeadZone(r, deadZone)) return "none";
    if (dof == PelvisDof::Tilt) return r > 0.0 ? "tips forward" : "tips back";
    return r > 0.0 ? "hikes left" : "hikes right";
}

ClosedChainBodies closedChainBodies(const Model& model) {
    ClosedChainBodies out;
    out.femurRight = childOfCoordinate(model, hipCoordinates(model, Side::Right)[0]);
    out.femurLeft = childOfCoordinate(model, hipCoordinates(model, Side::Left)[0]);
    const std::vector<int> flexion = lumbarCoordinates(model, LumbarDof::Flexion);
    if (!flexion.empty()) out.trunk = childOfCoordinate(model, flexion.back());
    return out;
}

std::vector<Vec3> bodyAngularVelocities(const Model& model, std::span<const double> q, std::span<const double> direction) {
    assert(q.size() == model.coordinates.size() && direction.size() == q.size());
    const double h = kRotationalStep;
    std::vector<double> plus(q.begin(), q.end()), minus(q.begin(), q.end());
    for (std::size_t c = 0; c < q.size(); ++c) {
        plus[c] += h * direction[c];
        minus[c] -= h * direction[c];
    }
    const std::vector<Transform> base = computeBodyTransforms(model, q);
    const std::vector<Transform> bp = computeBodyTransforms(model, plus), bm = computeBodyTransforms(model, minus);
    std::vector<Vec3> out(model.bodies.size());
    for (std::size_t b = 0; b < out.size(); ++b) {
        // dR/ds R^T is the skew matrix of the angular velocity (glm: m[column][row]).
        const Mat3 w = ((bp[b].rotation - bm[b].rotation) / (2.0 * h)) * glm::transpose(base[b].rotation);
        out[b] = Vec3{w[1][2] - w[2][1], w[2][0] - w[0][2], w[0][1] - w[1][0]} * 0.5;
    }
    return out;
}

std::vector<double> closedChainDirection(const Model& model, std::span<const double> q, PelvisDof dof) {
    const int pelvic = model.findCoordinate(pelvisCoordinateName(dof));
    if (pelvic < 0) return {};
    const std::size_t n = model.coordinates.size();
    std::vector<double> direction(n, 0.0);
    direction[static_cast<std::size_t>(pelvic)] = 1.0;
    const std::vector<Vec3> drift = bodyAngularVelocities(model, q, direction);
    const ClosedChainBodies held = closedChainBodies(model);

    const auto unit = [n](int c) {
        std::vector<double> v(n, 0.0);
        v[static_cast<std::size_t>(c)] = 1.0;
        return v;
    };
    std::vector<double> correction(n, 0.0);
    // Each femur: its own side's three hip coordinates.
    for (const auto& [side, femur] : {std::pair{Side::Right, held.femurRight}, std::pair{Side::Left, held.femurLeft}}) {
        const std::array<int, 3> hip = hipCoordinates(model, side);
        if (femur < 0 || hip[0] < 0 || hip[1] < 0 || hip[2] < 0) continue;
        std::array<std::vector<double>, 3> columns;
        std::array<Vec3, 3> effects;
        for (std::size_t k = 0; k < 3; ++k) {
            columns[k] = unit(hip[k]);
            effects[k] = bodyAngularVelocities(model, q, columns[k])[static_cast<std::size_t>(femur)];
        }
        cancelDrift(drift[static_cast<std::size_t>(femur)], effects, columns, correction);
    }
    // The trunk: every level's flexion together, bending together, rotation together.
    if (held.trunk >= 0) {
        std::array<std::vector<double>, 3> columns;
        std::array<Vec3, 3> effects;
        bool complete = true;
        for (std::size_t k = 0; k < 3; ++k) {
            columns[k].assign(n, 0.0);
            const std::vector<int> levels = lumbarCoordinates(model, kLumbarDofs[k]);
            if (levels.empty()) complete = false;
            for (int c : levels) columns[k][static_cast<std::size_t>(c)] = 1.0;
            effects[k] = bodyAngularVelocities(model, q, columns[k])[static_cast<std::size_t>(held.trunk)];
        }
        if (complete) cancelDrift(drift[static_cast<std::size_t>(held.trunk)], effects, columns, correction);
    }
    for (std::size_t c = 0; c < n; ++c) direction[c] += correction[c];
    return direction;
}

void pelvisMomentArms(const Model& model, std::span<const double> q, std::span<const PartRef> parts, std::span<double> out) {
    assert(out.size() >= parts.size() * kPelvisDofs.size());
    const double h = kRotationalStep;
    std::vector<double> plus(q.size()), minus(q.size());
    std::vector<Transform> bodiesPlus(model.bodies.size()), bodiesMinus(model.bodies.size());
    for (std::size_t d = 0; d < kPelvisDofs.size(); ++d) {
        const std::vector<double> direction = closedChainDirection(model, q, kPelvisDofs[d]);
        if (direction.empty()) {
            for (std::size_t i = 0; i < parts.size(); ++i) out[i * 2 + d] = 0.0;
            continue;
        }
        for (std::size_t c = 0; c < q.size(); ++c) {
            plus[c] = q[c] + h * direction[c];
            minus[c] = q[c] - h * direction[c];
        }
        computeBodyTransforms(model, plus, bodiesPlus);
        computeBodyTransforms(model, minus, bodiesMinus);
        for (std::size_t i = 0; i < parts.size(); ++i) {
            const MusclePart& part = model.part(parts[i]);
            const double lp = pathLength(model, part, bodiesPlus, plus), lm = pathLength(model, part, bodiesMinus, minus);
            out[i * 2 + d] = -(lp - lm) / (2.0 * h);
        }
    }
}

} // namespace hv
