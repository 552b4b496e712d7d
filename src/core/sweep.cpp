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
    for (const PartRef& p : parts) {
        const Side side = model.muscles[static_cast<std::size_t>(p.muscle)].side;
        t.sweepCoordinate.push_back(sweptCoordinateFor(model, sweep, side));
        t.dofs.push_back(hipCoordinates(model, side));
    }
    PathEvaluator eval(model);
    std::vector<double> q(basePose.begin(), basePose.end());
    for (std::size_t s = 0; s < n; ++s) {
        for (int c : sweep.coordinates) q[static_cast<std::size_t>(c)] = t.values[s];
        eval.setPose(q);
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
