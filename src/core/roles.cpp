#include "core/roles.hpp"

#include <cassert>
#include <cmath>

namespace hv {

std::string_view hipDofName(HipDof dof) {
    switch (dof) {
    case HipDof::Flexion: return "hip_flexion";
    case HipDof::Adduction: return "hip_adduction";
    case HipDof::Rotation: return "hip_rotation";
    }
    return "";
}

std::string hipCoordinateName(HipDof dof, Side side) {
    std::string name{hipDofName(dof)};
    if (side != Side::Midline) {
        name += '_';
        name += sideSuffix(side);
    }
    return name;
}

std::array<int, 3> hipCoordinates(const Model& model, Side side) {
    std::array<int, 3> out{};
    for (std::size_t i = 0; i < kHipDofs.size(); ++i)
        out[i] = model.findCoordinate(hipCoordinateName(kHipDofs[i], side));
    return out;
}

int femurBody(const Model& model, Side side) {
    const int flexion = hipCoordinates(model, side)[0];
    if (flexion < 0) return -1;
    for (std::size_t b = 0; b < model.bodies.size(); ++b) {
        const int j = model.bodies[b].joint;
        if (j < 0) continue;
        for (const TransformAxis& a : model.joints[static_cast<std::size_t>(j)].rotations)
            if (a.coordinate == flexion) return static_cast<int>(b);
    }
    return -1;
}

Action classifyAction(HipDof dof, double r, double deadZone) {
    if (insideDeadZone(r, deadZone)) return Action::None;
    const bool positive = r > 0.0;
    switch (dof) {
    case HipDof::Flexion: return positive ? Action::Flexor : Action::Extensor;
    case HipDof::Adduction: return positive ? Action::Adductor : Action::Abductor;
    case HipDof::Rotation: return positive ? Action::InternalRotator : Action::ExternalRotator;
    }
    return Action::None;
}

std::string_view actionName(Action a) {
    switch (a) {
    case Action::None: return "none";
    case Action::Flexor: return "flexor";
    case Action::Extensor: return "extensor";
    case Action::Adductor: return "adductor";
    case Action::Abductor: return "abductor";
    case Action::InternalRotator: return "internal rotator";
    case Action::ExternalRotator: return "external rotator";
    }
    return "none";
}

std::string_view actionShort(Action a) {
    switch (a) {
    case Action::InternalRotator: return "internal";
    case Action::ExternalRotator: return "external";
    default: return actionName(a);
    }
}

std::vector<RoleChange> findRoleChanges(HipDof dof, std::span<const double> values,
                                        std::span<const double> momentArms,
                                        const std::function<double(double)>& momentArmAt,
                                        double deadZone) {
    assert(values.size() == momentArms.size());
    std::vector<RoleChange> out;
    int previous = -1; // last sample outside the dead zone
    for (std::size_t i = 0; i < values.size(); ++i) {
        const Action a = classifyAction(dof, momentArms[i], deadZone);
        if (a == Action::None) continue;
        if (previous >= 0) {
            const auto p = static_cast<std::size_t>(previous);
            const Action before = classifyAction(dof, momentArms[p], deadZone);
            if (before != a) {
                double lo = values[p], hi = values[i];
                double flo = momentArms[p];
                const double fhiSample = momentArms[i];
                double at = lo + (hi - lo) * flo / (flo - fhiSample);
                if (momentArmAt) {
                    const double tolerance = 1e-6 * std::max(1.0, std::abs(hi - lo));
                    for (int iter = 0; iter < 100 && hi - lo > tolerance; ++iter) {
                        const double mid = 0.5 * (lo + hi);
                        const double fm = momentArmAt(mid);
                        if ((fm > 0.0) == (flo > 0.0)) {
                            lo = mid;
                            flo = fm;
                        } else {
                            hi = mid;
                        }
                    }
                    at = 0.5 * (lo + hi);
                }
                out.push_back({dof, before, a, at});
            }
        }
        previous = static_cast<int>(i);
    }
    return out;
}

} // namespace hv
