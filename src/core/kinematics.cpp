#include "core/kinematics.hpp"

#include <cassert>

namespace hv {

namespace {
double axisValue(const TransformAxis& a, std::span<const double> q) {
    const double x = a.coordinate >= 0 ? q[static_cast<std::size_t>(a.coordinate)] : 0.0;
    return a.function.value(x);
}
} // namespace

Transform jointMobilizerTransform(const Joint& joint, std::span<const double> q) {
    Transform x;
    for (const TransformAxis& a : joint.rotations) {
        if (a.coordinate < 0 && a.function.kind() == ScalarFunction::Kind::Constant &&
            a.function.value(0.0) == 0.0)
            continue;
        x.rotation = x.rotation * rotationAboutAxis(a.axis, axisValue(a, q));
    }
    for (const TransformAxis& a : joint.translations) {
        const double len = glm::length(a.axis);
        if (len > 0.0) x.translation += (a.axis / len) * axisValue(a, q);
    }
    return x;
}

void computeBodyTransforms(const Model& model, std::span<const double> q, std::span<Transform> out) {
    assert(out.size() == model.bodies.size());
    assert(q.size() == model.coordinates.size());
    for (std::size_t b = 0; b < model.bodies.size(); ++b) {
        const Joint& j = model.joints[static_cast<std::size_t>(model.bodies[b].joint)];
        const Transform local =
            j.parentOffset * jointMobilizerTransform(j, q) * j.childOffset.inverse();
        out[b] = j.parentBody >= 0 ? out[static_cast<std::size_t>(j.parentBody)] * local : local;
    }
}

std::vector<Transform> computeBodyTransforms(const Model& model, std::span<const double> q) {
    std::vector<Transform> out(model.bodies.size());
    computeBodyTransforms(model, q, out);
    return out;
}

} // namespace hv
