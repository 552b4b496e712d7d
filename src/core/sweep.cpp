#include "core/sweep.hpp"

#include <cmath>

namespace hv {

std::vector<double> sweepRange(double first, double last, double step) {
    std::vector<double> out;
    if (!(step > 0.0) || last < first) return out;
    const double n = std::floor((last - first) / step + 1e-9);
    for (long i = 0; i <= static_cast<long>(n); ++i) out.push_back(first + step * static_cast<double>(i));
    return out;
}

namespace {
int sweptCoordinateFor(const Model& model, const SweepSpec& sweep, Side side) {
    for (int c : sweep.coordinates)
        if (model.coordinates[static_cast<std::size_t>(c)].side == side) return c;
    return sweep.coordinates.empty() ? -1 : sweep.coordinates.front();
}
} // namespace

SweepTable runSweep(const Model& model, std::span<const double> basePose, const SweepSpec& sweep,
                    std::span<const PartRef> parts) {
    SweepTable t;
    t.values = sweep.values;
    t.parts.assign(parts.begin(), parts.end());
    const std::size_t n = t.values.size();
    t.lengths.assign(parts.size() * n, 0.0);
    t.momentArms.assign(parts.size() * 3 * n, 0.0);
    t.lumbarMomentArms.assign(parts.size() * 3 * n, 0.0);
    // Lumbar parts whose length no swept coordinate can change (a hip sweep for a back muscle)
    // have the same lumbar moment arms at every sample: evaluated once, at the first.
    std::vector<PartRef> lumbarParts, steadyParts;
    std::vector<std::size_t> lumbarIndex, steadyIndex;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const PartRef& p = parts[i];
        const Side side = model.muscles[static_cast<std::size_t>(p.muscle)].side;
        t.sweepCoordinate.push_back(sweptCoordinateFor(model, sweep, side));
        t.dofs.push_back(hipCoordinates(model, side));
        t.lumbar.push_back(isLumbarPart(model, p) ? 1 : 0);
        if (t.lumbar.back()) {
            bool varies = false;
            for (int c : sweep.coordinates) varies = varies || partDependsOnCoordinate(model, model.part(p), c);
            (varies ? lumbarParts : steadyParts).push_back(p);
            (varies ? lumbarIndex : steadyIndex).push_back(i);
        }
    }
    PathEvaluator eval(model);
    std::vector<double> q(basePose.begin(), basePose.end());
    std::vector<double> lumbar(lumbarParts.size() * 3);
    for (std::size_t s = 0; s < n; ++s) {
        for (int c : sweep.coordinates) q[static_cast<std::size_t>(c)] = t.values[s];
        eval.setPose(q);
        if (s == 0 && !steadyParts.empty()) {
            std::vector<double> steady(steadyParts.size() * 3);
            lumbarMomentArms(model, q, steadyParts, steady);
            for (std::size_t k = 0; k < steadyParts.size(); ++k)
                for (std::size_t d = 0; d < 3; ++d)
                    for (std::size_t j = 0; j < n; ++j) t.lumbarMomentArms[(steadyIndex[k] * 3 + d) * n + j] = steady[k * 3 + d];
        }
        if (!lumbarParts.empty()) {
            lumbarMomentArms(model, q, lumbarParts, lumbar);
            for (std::size_t k = 0; k < lumbarParts.size(); ++k)
                for (std::size_t d = 0; d < 3; ++d) t.lumbarMomentArms[(lumbarIndex[k] * 3 + d) * n + s] = lumbar[k * 3 + d];
        }
        for (std::size_t i = 0; i < parts.size(); ++i) {
            t.lengths[i * n + s] = eval.length(parts[i]);
            for (std::size_t d = 0; d < 3; ++d) {
                const int coord = t.dofs[i][d];
                t.momentArms[(i * 3 + d) * n + s] = coord >= 0 ? eval.momentArm(parts[i], coord) : 0.0;
            }
        }
    }
    return t;
}

std::vector<PartRoleChange> findRoleChanges(const Model& model, std::span<const double> basePose,
                                            const SweepSpec& sweep, const SweepTable& table,
                                            double deadZone) {
    std::vector<PartRoleChange> out;
    PathEvaluator eval(model);
    std::vector<double> q(basePose.begin(), basePose.end());
    for (std::size_t i = 0; i < table.parts.size(); ++i) {
        for (std::size_t d = 0; d < 3; ++d) {
            const int coord = table.dofs[i][d];
            if (coord < 0) continue;
            const auto at = [&](double value) {
                for (int c : sweep.coordinates) q[static_cast<std::size_t>(c)] = value;
                eval.setPose(q);
                return eval.momentArm(table.parts[i], coord);
            };
            for (const RoleChange& rc : findRoleChanges(kHipDofs[d], table.values,
                                                        table.momentArmSeries(i, d), at, deadZone))
                out.push_back({table.parts[i], table.sweepCoordinate[i], rc});
        }
    }
    return out;
}

} // namespace hv
