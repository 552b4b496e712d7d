#include "core/lumbar_actions.hpp"

#include "core/kinematics.hpp"
#include "core/moment_arm.hpp"
#include "core/path.hpp"

#include <cassert>
#include <cmath>
#include <string>

namespace hv {

namespace {
constexpr std::array<const char*, 3> kMotion{"flexion", "bending", "rotation"};
} // namespace

std::string_view lumbarDofName(LumbarDof dof) {
    switch (dof) {
    case LumbarDof::Flexion: return "lumbar_flexion";
    case LumbarDof::Bending: return "lumbar_bending";
    case LumbarDof::Rotation: return "lumbar_rotation";
    }
    return "";
}

std::vector<int> lumbarCoordinates(const Model& model, LumbarDof dof) {
    std::vector<int> out;
    for (std::string_view level : kLumbarLevelPrefixes) {
        const int c = model.findCoordinate(std::string(level) + "_" + kMotion[static_cast<std::size_t>(dof)]);
        if (c >= 0) out.push_back(c);
    }
    return out;
}

std::string_view lumbarRoleName(LumbarDof dof, double r, double deadZone) {
    if (insideDeadZone(r, deadZone)) return "none";
    const bool positive = r > 0.0;
    switch (dof) {
    case LumbarDof::Flexion: return positive ? "flexor" : "extensor";
    case LumbarDof::Bending: return positive ? "right bender" : "left bender";
    case LumbarDof::Rotation: return positive ? "left rotator" : "right rotator";
    }
    return "none";
}

bool isLumbarPart(const Model& model, PartRef ref) {
    const MusclePart& part = model.part(ref);
    for (int c : hipCoordinates(model, model.muscles[static_cast<std::size_t>(ref.muscle)].side))
        if (c >= 0 && partDependsOnCoordinate(model, part, c)) return false;
    for (LumbarDof dof : kLumbarDofs)
        for (int c : lumbarCoordinates(model, dof))
            if (partDependsOnCoordinate(model, part, c)) return true;
    return false;
}

void lumbarMomentArms(const Model& model, std::span<const double> q, std::span<const PartRef> parts, std::span<double> out) {
    assert(out.size() >= parts.size() * 3);
    std::vector<double> plus(q.begin(), q.end()), minus(q.begin(), q.end());
    std::vector<Transform> bodiesPlus(model.bodies.size()), bodiesMinus(model.bodies.size());
    for (std::size_t d = 0; d < kLumbarDofs.size(); ++d) {
        const std::vector<int> levels = lumbarCoordinates(model, kLumbarDofs[d]);
        std::vector<char> depends(parts.size(), 0);
        bool any = false;
        for (std::size_t i = 0; i < parts.size(); ++i)
            for (int c : levels)
                if (partDependsOnCoordinate(model, model.part(parts[i]), c)) {
                    depends[i] = 1;
                    any = true;
                    break;
                }
        if (!any) {
            for (std::size_t i = 0; i < parts.size(); ++i) out[i * 3 + d] = 0.0;
            continue;
        }
        for (int c : levels) {
            plus[static_cast<std::size_t>(c)] = q[static_cast<std::size_t>(c)] + kRotationalStep;
            minus[static_cast<std::size_t>(c)] = q[static_cast<std::size_t>(c)] - kRotationalStep;
        }
        computeBodyTransforms(model, plus, bodiesPlus);
        computeBodyTransforms(model, minus, bodiesMinus);
        for (std::size_t i = 0; i < parts.size(); ++i) {
            if (!depends[i]) {
                out[i * 3 + d] = 0.0;
                continue;
            }
            const MusclePart& part = model.part(parts[i]);
            const double lp = pathLength(model, part, bodiesPlus, plus), lm = pathLength(model, part, bodiesMinus, minus);
            out[i * 3 + d] = -(lp - lm) / (2.0 * kRotationalStep);
        }
        for (int c : levels) plus[static_cast<std::size_t>(c)] = minus[static_cast<std::size_t>(c)] = q[static_cast<std::size_t>(c)];
    }
}

} // namespace hv
