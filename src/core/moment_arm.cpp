#include "core/moment_arm.hpp"

namespace hv {

PathEvaluator::PathEvaluator(const Model& model)
    : m_model(&model), m_q(model.defaultPose()), m_bodies(model.bodies.size()),
      m_perturbed(model.coordinates.size()) {
    m_moves.assign(model.bodies.size() * model.coordinates.size(), 0);
    for (std::size_t b = 0; b < model.bodies.size(); ++b)
        for (std::size_t c = 0; c < model.coordinates.size(); ++c)
            m_moves[b * model.coordinates.size() + c] =
                model.coordinateMovesBody(static_cast<int>(c), static_cast<int>(b)) ? 1 : 0;
    computeBodyTransforms(*m_model, m_q, m_bodies);
}

bool PathEvaluator::dependsOn(const MusclePart& part, int coordinate) const {
    // Same rule as partDependsOnCoordinate(), with the body-coordinate table precomputed.
    bool movesSome = false, keepsSome = false;
    for (const PathPoint& p : part.points) {
        if (p.condition && p.condition->coordinate == coordinate) return true;
        (moves(coordinate, p.body) ? movesSome : keepsSome) = true;
    }
    for (const WrapUse& w : part.wraps)
        (moves(coordinate, m_model->wrapCylinders[static_cast<std::size_t>(w.cylinder)].body) ? movesSome : keepsSome) = true;
    return movesSome && keepsSome;
}

void PathEvaluator::setPose(std::span<const double> q) {
    m_q.assign(q.begin(), q.end());
    computeBodyTransforms(*m_model, m_q, m_bodies);
    for (Perturbed& p : m_perturbed) p.valid = false;
}

double PathEvaluator::length(PartRef part) const {
    return pathLength(*m_model, m_model->part(part), m_bodies, m_q);
}

void PathEvaluator::geometry(PartRef part, PathGeometry& out) const {
    pathGeometry(*m_model, m_model->part(part), m_bodies, m_q, out);
}

const PathEvaluator::Perturbed& PathEvaluator::perturbed(int coordinate) {
    Perturbed& p = m_perturbed[static_cast<std::size_t>(coordinate)];
    if (p.valid) return p;
    const Coordinate& c = m_model->coordinates[static_cast<std::size_t>(coordinate)];
    p.step = c.kind == CoordinateKind::Rotational ? kRotationalStep : kTranslationalStep;
    p.qPlus = m_q;
    p.qMinus = m_q;
    p.qPlus[static_cast<std::size_t>(coordinate)] += p.step;
    p.qMinus[static_cast<std::size_t>(coordinate)] -= p.step;
    // Only the bodies the coordinate moves change; the rest keep the base pose's transforms.
    p.plus = m_bodies;
    p.minus = m_bodies;
    for (std::size_t b = 0; b < m_bodies.size(); ++b) {
        if (!moves(coordinate, static_cast<int>(b))) continue;
        const Joint& j = m_model->joints[static_cast<std::size_t>(m_model->bodies[b].joint)];
        const Transform inv = j.childOffset.inverse();
        const Transform plus = j.parentOffset * jointMobilizerTransform(j, p.qPlus) * inv;
        const Transform minus = j.parentOffset * jointMobilizerTransform(j, p.qMinus) * inv;
        const auto parent = static_cast<std::size_t>(j.parentBody);
        p.plus[b] = j.parentBody >= 0 ? p.plus[parent] * plus : plus;
        p.minus[b] = j.parentBody >= 0 ? p.minus[parent] * minus : minus;
    }
    p.valid = true;
    return p;
}

double PathEvaluator::momentArm(PartRef part, int coordinate) {
    const MusclePart& mp = m_model->part(part);
    if (!dependsOn(mp, coordinate)) return 0.0;
    const Perturbed& p = perturbed(coordinate);
    const double lPlus = pathLength(*m_model, mp, p.plus, p.qPlus);
    const double lMinus = pathLength(*m_model, mp, p.minus, p.qMinus);
    return -(lPlus - lMinus) / (2.0 * p.step);
}

double momentArm(const Model& model, PartRef part, std::span<const double> q, int coordinate) {
    PathEvaluator e(model);
    e.setPose(q);
    return e.momentArm(part, coordinate);
}

double geometricMomentArm(const Vec3& origin, const Vec3& insertion, const Vec3& axisPoint,
                          const Vec3& axisDirection) {
    const Vec3 u = glm::normalize(origin - insertion);
    const Vec3 a = glm::normalize(axisDirection);
    return glm::dot(a, glm::cross(insertion - axisPoint, u));
}

} // namespace hv
