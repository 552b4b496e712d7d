#include "document/live_actions.hpp"

#include "core/sweep.hpp"

#include <algorithm>
#include <cmath>

namespace hv::doc {

std::vector<PartActions> liveActions(const Model& model, PathEvaluator& evaluator, int muscle) {
    std::vector<PartActions> out;
    if (muscle < 0 || muscle >= static_cast<int>(model.muscles.size())) return out;
    const Muscle& m = model.muscles[static_cast<std::size_t>(muscle)];
    const std::array<int, 3> coords = hipCoordinates(model, m.side);
    for (std::size_t p = 0; p < m.parts.size(); ++p) {
        PartActions pa;
        pa.part = {muscle, static_cast<int>(p)};
        if (m.parts.size() > 1) pa.name = m.parts[p].displayName.empty() ? m.parts[p].name : m.parts[p].displayName;
        for (std::size_t d = 0; d < 3; ++d) {
            ActionBar& b = pa.bars[d];
            b.dof = kHipDofs[d];
            b.coordinate = coords[d];
            const double r = coords[d] >= 0 ? evaluator.momentArm(pa.part, coords[d]) : 0.0;
            b.momentArmMm = r * 1000.0;
            b.action = classifyAction(b.dof, r);
            b.word = std::string(actionName(b.action));
        }
        out.push_back(std::move(pa));
    }
    return out;
}

std::vector<PartPelvicActions> pelvicActions(const Model& model, std::span<const double> q, int muscle) {
    std::vector<PartPelvicActions> out;
    if (muscle < 0 || muscle >= static_cast<int>(model.muscles.size())) return out;
    const Muscle& m = model.muscles[static_cast<std::size_t>(muscle)];
    std::vector<PartRef> parts;
    for (std::size_t p = 0; p < m.parts.size(); ++p) parts.push_back({muscle, static_cast<int>(p)});
    std::vector<double> arms(parts.size() * kPelvisDofs.size());
    pelvisMomentArms(model, q, parts, arms);
    for (std::size_t p = 0; p < parts.size(); ++p) {
        PartPelvicActions pa;
        pa.part = parts[p];
        if (m.parts.size() > 1) pa.name = m.parts[p].displayName.empty() ? m.parts[p].name : m.parts[p].displayName;
        for (std::size_t d = 0; d < kPelvisDofs.size(); ++d) {
            const double r = arms[p * kPelvisDofs.size() + d];
            pa.bars[d] = {kPelvisDofs[d], r * 1000.0, std::string(pelvisActionName(kPelvisDofs[d], r))};
        }
        out.push_back(std::move(pa));
    }
    return out;
}

std::vector<draw::PartPelvicTilt> pelvicTilts(const Model& model, std::span<const double> q) {
    const std::vector<PartRef> parts = model.allParts();
    std::vector<double> arms(parts.size() * kPelvisDofs.size());
    pelvisMomentArms(model, q, parts, arms);
    std::vector<draw::PartPelvicTilt> out;
    out.reserve(parts.size());
    for (std::size_t i = 0; i < parts.size(); ++i) out.push_back({parts[i], arms[i * kPelvisDofs.size()]});
    return out;
}

double barFraction(double momentArmMm, double fullScaleMm) {
    if (!(fullScaleMm > 0.0) || !std::isfinite(momentArmMm)) return 0.0;
    return std::clamp(momentArmMm / fullScaleMm, -1.0, 1.0);
}

MomentArmPlot momentArmPlot(const Model& model, std::span<const double> q, PartRef part, HipDof dof, double stepDeg) {
    MomentArmPlot plot;
    plot.part = part;
    plot.dof = dof;
    if (part.muscle < 0 || part.muscle >= static_cast<int>(model.muscles.size())) return plot;
    const Muscle& m = model.muscles[static_cast<std::size_t>(part.muscle)];
    if (part.part < 0 || part.part >= static_cast<int>(m.parts.size())) return plot;
    const std::array<int, 3> coords = hipCoordinates(model, m.side);
    const int flex = coords[0];
    const int about = coords[static_cast<std::size_t>(dof)];
    if (flex < 0 || about < 0) return plot;
    plot.flexionCoordinate = flex;
    const Coordinate& c = model.coordinates[static_cast<std::size_t>(flex)];
    SweepSpec spec;
    spec.coordinates = {flex};
    spec.values = sweepRange(c.minValue, c.maxValue, toRadians(std::max(0.25, stepDeg)));
    if (spec.values.empty()) return plot;
    if (spec.values.back() < c.maxValue - 1e-9) spec.values.push_back(c.maxValue);
    const PartRef parts[] = {part};
    const SweepTable table = runSweep(model, q, spec, parts);
    const auto series = table.momentArmSeries(0, static_cast<std::size_t>(dof));
    for (std::size_t i = 0; i < table.samples(); ++i) {
        plot.flexionDeg.push_back(toDegrees(table.values[i]));
        plot.momentArmMm.push_back(series[i] * 1000.0);
    }
    PathEvaluator eval(model);
    std::vector<double> qq(q.begin(), q.end());
    const auto at = [&](double value) {
        qq[static_cast<std::size_t>(flex)] = value;
        eval.setPose(qq);
        return eval.momentArm(part, about);
    };
    for (const RoleChange& rc : findRoleChanges(dof, table.values, series, at))
        plot.crossovers.push_back({toDegrees(rc.at), rc.from, rc.to});
    plot.currentDeg = toDegrees(q[static_cast<std::size_t>(flex)]);
    eval.setPose(q);
    plot.currentMm = eval.momentArm(part, about) * 1000.0;
    plot.minMm = std::min(0.0, plot.currentMm);
    plot.maxMm = std::max(0.0, plot.currentMm);
    for (double v : plot.momentArmMm) plot.minMm = std::min(plot.minMm, v), plot.maxMm = std::max(plot.maxMm, v);
    return plot;
}

} // namespace hv::doc
