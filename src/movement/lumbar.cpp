#include "movement/lumbar.hpp"

#include "core/kinematics.hpp"
#include "core/lumbar_actions.hpp"
#include "core/roles.hpp"
#include "movement/detail/solve.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace hv::movement {

namespace {
static_assert(kLumbarLevels == kLumbarLevelCount, "the hip-back model has the core's lumbar levels");
constexpr std::array<std::string_view, 3> kPlaneSuffixes{"_flexion", "_bending", "_rotation"};
} // namespace

std::string_view planeName(Plane p) {
    switch (p) {
    case Plane::Sagittal: return "sagittal";
    case Plane::Frontal: return "frontal";
    case Plane::Transverse: return "transverse";
    }
    return "";
}

bool LumbarSpine::complete() const {
    if (trunkBody < 0) return false;
    for (const LumbarLevel& l : levels)
        for (int c : l.coordinates)
            if (c < 0) return false;
    return true;
}

LumbarSpine findLumbarSpine(const Model& model) {
    LumbarSpine spine;
    for (std::size_t i = 0; i < kLumbarLevels; ++i) {
        spine.levels[i].name = kLumbarLevelNames[i];
        for (std::size_t p = 0; p < 3; ++p)
            spine.levels[i].coordinates[p] = model.findCoordinate(std::string(kLumbarLevelPrefixes[i]) + std::string(kPlaneSuffixes[p]));
    }
    spine.trunkBody = model.findBody("L1");
    return spine;
}

double spreadOverLumbar(const Model& model, const LumbarSpine& spine, Plane plane, double angle,
                        std::vector<double>& q) {
    const auto p = static_cast<std::size_t>(plane);
    std::array<bool, kLumbarLevels> open{};
    for (std::size_t i = 0; i < kLumbarLevels; ++i) open[i] = spine.levels[i].coordinates[p] >= 0;
    double left = angle;
    // Water filling: share what is left among the levels that still have room in its direction.
    for (int round = 0; round < static_cast<int>(kLumbarLevels) + 1 && std::abs(left) > 1e-15; ++round) {
        double weights = 0.0;
        for (std::size_t i = 0; i < kLumbarLevels; ++i) {
            if (!open[i]) continue;
            const Coordinate& c = model.coordinates[static_cast<std::size_t>(spine.levels[i].coordinates[p])];
            weights += c.maxValue - c.minValue;
        }
        if (!(weights > 0.0)) break;
        const double share = left;
        left = 0.0;
        for (std::size_t i = 0; i < kLumbarLevels; ++i) {
            if (!open[i]) continue;
            const auto ci = static_cast<std::size_t>(spine.levels[i].coordinates[p]);
            const Coordinate& c = model.coordinates[ci];
            const double want = q[ci] + share * (c.maxValue - c.minValue) / weights;
            const double got = std::clamp(want, c.minValue, c.maxValue);
            if (got != want) {
                left += want - got;
                open[i] = false;
            }
            q[ci] = got;
        }
    }
    return left;
}

std::array<double, 3> alignTrunk(const Model& model, const LumbarSpine& spine, const Mat3& target,
                                 std::vector<double>& q) {
    std::vector<Transform> bodies(model.bodies.size());
    const auto missing = [&](const std::vector<double>& pose) {
        computeBodyTransforms(model, pose, bodies);
        // Residual rotation in the trunk's frame; the lumbar joints turn about -Z (flexion),
        // X (bending) and Y (rotation).
        const Vec3 w = detail::rotationVector(glm::transpose(bodies[static_cast<std::size_t>(spine.trunkBody)].rotation) * target);
        return std::array<double, 3>{-w.z, w.x, w.y};
    };
    if (spine.trunkBody < 0) return {0.0, 0.0, 0.0};
    const std::vector<double> base = q;
    std::vector<double> work = q;
    const auto apply = [&](std::span<const double> p) {
        work = base;
        for (std::size_t k = 0; k < 3; ++k) spreadOverLumbar(model, spine, kPlanes[k], p[k], work);
    };
    detail::LeastSquares problem;
    problem.parameters = 3;
    problem.residuals = 3;
    problem.residual = [&](std::span<const double> p, std::span<double> r) {
        apply(p);
        const auto m = missing(work);
        for (std::size_t k = 0; k < 3; ++k) r[k] = m[k];
    };
    // Start from the first-order guess: each plane's missing angle spread directly.
    std::vector<double> p(3);
    const auto first = missing(q);
    for (std::size_t k = 0; k < 3; ++k) p[k] = first[k];
    detail::solveLeastSquares(problem, p);
    apply(p);
    q = work;
    return missing(q);
}

Mat3 uprightTrunkOrientation(const Model& model, const LumbarSpine& spine, std::span<const double> q) {
    std::vector<double> level(q.begin(), q.end());
    const auto root = detail::rootCoordinates(model);
    for (std::size_t i = 0; i < 3; ++i)
        if (root[i] >= 0) level[static_cast<std::size_t>(root[i])] = 0.0;
    const auto bodies = computeBodyTransforms(model, level);
    return spine.trunkBody >= 0 ? bodies[static_cast<std::size_t>(spine.trunkBody)].rotation : Mat3(1.0);
}

std::string shareText(double share, bool defined) {
    if (!defined || !std::isfinite(share)) return "-";
    return std::to_string(std::lround(100.0 * share)) + " %";
}

LumbarShares lumbarShares(const Model& model, const LumbarSpine& spine, std::span<const double> q,
                          Side hipSide) {
    LumbarShares out;
    out.hipSide = hipSide;
    const auto hip = hipCoordinates(model, hipSide);
    for (std::size_t p = 0; p < 3; ++p) {
        PlaneShare& ps = out.planes[p];
        ps.hipDeg = hip[p] >= 0 ? std::abs(toDegrees(q[static_cast<std::size_t>(hip[p])])) : 0.0;
        if (ps.hipDeg >= 0.05) {
            const Coordinate& c = model.coordinates[static_cast<std::size_t>(hip[p])];
            ps.hipMotion = q[static_cast<std::size_t>(hip[p])] > 0.0 ? c.positiveMeaning : c.negativeMeaning;
        }
        for (std::size_t i = 0; i < kLumbarLevels; ++i) {
            const int c = spine.levels[i].coordinates[p];
            out.levels[i].name = spine.levels[i].name;
            out.levels[i].deg[p] = c >= 0 ? toDegrees(q[static_cast<std::size_t>(c)]) : 0.0;
            ps.lumbarDeg += std::abs(out.levels[i].deg[p]);
        }
        const double total = ps.hipDeg + ps.lumbarDeg;
        ps.defined = total >= kShareMinTotalDeg;
        ps.lumbarShare = ps.defined ? ps.lumbarDeg / total : 0.0;
        for (std::size_t i = 0; i < kLumbarLevels; ++i)
            out.levels[i].share[p] = ps.defined ? std::abs(out.levels[i].deg[p]) / total : 0.0;
    }
    return out;
}

} // namespace hv::movement
