#include "document/live_actions.hpp"

#include "core/path.hpp"
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

namespace {
// The muscle a part belongs to, or null when the part is not one of the model's.
const Muscle* muscleOfPart(const Model& model, PartRef part) {
    if (part.muscle < 0 || part.muscle >= static_cast<int>(model.muscles.size())) return nullptr;
    const Muscle& m = model.muscles[static_cast<std::size_t>(part.muscle)];
    if (part.part < 0 || part.part >= static_cast<int>(m.parts.size())) return nullptr;
    return &m;
}
} // namespace

double barFraction(double momentArmMm, double fullScaleMm) {
    if (!(fullScaleMm > 0.0) || !std::isfinite(momentArmMm)) return 0.0;
    return std::clamp(momentArmMm / fullScaleMm, -1.0, 1.0);
}

MomentArmPlot momentArmPlot(const Model& model, std::span<const double> q, PartRef part, HipDof dof, double stepDeg) {
    MomentArmPlot plot;
    plot.part = part;
    plot.dof = dof;
    const Muscle* muscle = muscleOfPart(model, part);
    if (!muscle) return plot;
    const Muscle& m = *muscle;
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

bool isTrunkMuscle(const Model& model, int muscle) {
    if (muscle < 0 || muscle >= static_cast<int>(model.muscles.size())) return false;
    const Muscle& m = model.muscles[static_cast<std::size_t>(muscle)];
    if (m.parts.empty()) return false;
    for (std::size_t p = 0; p < m.parts.size(); ++p)
        if (!isLumbarPart(model, {muscle, static_cast<int>(p)})) return false;
    return true;
}

std::vector<PartLumbarActions> lumbarActions(const Model& model, std::span<const double> q, int muscle) {
    std::vector<PartLumbarActions> out;
    if (!isTrunkMuscle(model, muscle)) return out;
    const Muscle& m = model.muscles[static_cast<std::size_t>(muscle)];
    std::vector<PartRef> parts;
    for (std::size_t p = 0; p < m.parts.size(); ++p) parts.push_back({muscle, static_cast<int>(p)});
    std::vector<double> arms(parts.size() * kLumbarDofs.size());
    lumbarMomentArms(model, q, parts, arms);
    constexpr std::array<const char*, 3> motion{"_flexion", "_bending", "_rotation"};
    for (std::size_t p = 0; p < parts.size(); ++p) {
        PartLumbarActions pa;
        pa.part = parts[p];
        if (m.parts.size() > 1) pa.name = m.parts[p].displayName.empty() ? m.parts[p].name : m.parts[p].displayName;
        for (std::size_t l = 0; l < kLumbarLevelCount; ++l) {
            bool crosses = false;
            for (const char* mo : motion) {
                const int c = model.findCoordinate(std::string(kLumbarLevelPrefixes[l]) + mo);
                if (c >= 0 && partDependsOnCoordinate(model, m.parts[p], c)) crosses = true;
            }
            if (!crosses) continue;
            if (pa.lowestLevel < 0) pa.lowestLevel = static_cast<int>(l);
            pa.highestLevel = static_cast<int>(l);
        }
        for (std::size_t d = 0; d < kLumbarDofs.size(); ++d) {
            const double r = arms[p * kLumbarDofs.size() + d];
            pa.bars[d] = {kLumbarDofs[d], r * 1000.0, std::string(lumbarRoleName(kLumbarDofs[d], r))};
        }
        out.push_back(std::move(pa));
    }
    return out;
}

std::string levelSpan(const PartLumbarActions& part) {
    if (part.lowestLevel < 0 || part.highestLevel < 0) return "";
    const std::string lo(kLumbarLevelNames[static_cast<std::size_t>(part.lowestLevel)]);
    if (part.highestLevel == part.lowestLevel) return lo;
    return lo + " to " + std::string(kLumbarLevelNames[static_cast<std::size_t>(part.highestLevel)]);
}

LumbarMomentArmPlot lumbarMomentArmPlot(const Model& model, std::span<const double> q, PartRef part, LumbarDof dof, double stepDeg) {
    LumbarMomentArmPlot plot;
    plot.part = part;
    plot.dof = dof;
    if (!muscleOfPart(model, part)) return plot;
    const std::vector<int> levels = lumbarCoordinates(model, LumbarDof::Flexion);
    if (levels.empty() || q.size() < model.coordinates.size()) return plot;
    // The offsets that keep every level inside its range, and the mean flexion at the pose.
    double lo = -1e9, hi = 1e9, mean = 0.0;
    for (int c : levels) {
        const Coordinate& co = model.coordinates[static_cast<std::size_t>(c)];
        const double v = q[static_cast<std::size_t>(c)];
        lo = std::max(lo, co.minValue - v);
        hi = std::min(hi, co.maxValue - v);
        mean += v;
    }
    mean /= static_cast<double>(levels.size());
    if (!(hi >= lo)) return plot;
    const double step = toRadians(std::max(0.25, stepDeg));
    std::vector<double> offsets;
    for (double o = lo; o < hi - 1e-9; o += step) offsets.push_back(o);
    offsets.push_back(hi);
    std::vector<double> qq(q.begin(), q.end());
    const auto at = [&](double offset) {
        for (int c : levels) qq[static_cast<std::size_t>(c)] = q[static_cast<std::size_t>(c)] + offset;
        double arms[3] = {0.0, 0.0, 0.0};
        lumbarMomentArms(model, qq, std::span<const PartRef>(&part, 1), arms);
        return arms[static_cast<std::size_t>(dof)];
    };
    std::vector<double> values;
    for (double o : offsets) {
        const double r = at(o);
        values.push_back(r);
        plot.flexionDeg.push_back(toDegrees(mean + o));
        plot.momentArmMm.push_back(r * 1000.0);
    }
    for (std::size_t i = 1; i < values.size(); ++i) {
        if ((values[i - 1] < 0.0) == (values[i] < 0.0)) continue; // no sign change
        const std::string_view from = lumbarRoleName(dof, values[i - 1]), to = lumbarRoleName(dof, values[i]);
        double a = offsets[i - 1], b = offsets[i], fa = values[i - 1];
        for (int k = 0; k < 30; ++k) {
            const double mid = 0.5 * (a + b), fm = at(mid);
            if ((fm < 0.0) == (fa < 0.0)) a = mid, fa = fm;
            else b = mid;
        }
        plot.crossovers.push_back({toDegrees(mean + 0.5 * (a + b)), std::string(from), std::string(to)});
    }
    plot.currentDeg = toDegrees(mean);
    plot.currentMm = at(0.0) * 1000.0;
    plot.minMm = std::min(0.0, plot.currentMm);
    plot.maxMm = std::max(0.0, plot.currentMm);
    for (double v : plot.momentArmMm) plot.minMm = std::min(plot.minMm, v), plot.maxMm = std::max(plot.maxMm, v);
    return plot;
}

} // namespace hv::doc
