#include "movement/stretch_map.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace hv::movement {

std::string_view lengthChangeName(LengthChange c) {
    switch (c) {
    case LengthChange::Shortened: return "shortened";
    case LengthChange::Unchanged: return "unchanged";
    case LengthChange::Lengthened: return "lengthened";
    }
    return "";
}

StretchMap::StretchMap(const Model& model, std::span<const double> neutral)
    : m_model(&model), m_eval(model), m_parts(model.allParts()) {
    std::vector<double> pose = neutral.empty() ? model.defaultPose() : std::vector<double>(neutral.begin(), neutral.end());
    assert(pose.size() == model.coordinates.size());
    m_eval.setPose(pose);
    m_pose = pose;
    for (const PartRef& p : m_parts) m_neutral.push_back(m_eval.length(p));
}

std::size_t StretchMap::indexOf(PartRef part) const {
    const auto it = std::find(m_parts.begin(), m_parts.end(), part);
    assert(it != m_parts.end());
    return static_cast<std::size_t>(it - m_parts.begin());
}

double StretchMap::neutralLength(PartRef part) const { return m_neutral[indexOf(part)]; }

void StretchMap::setPose(std::span<const double> q) {
    if (q.size() == m_pose.size() && std::equal(q.begin(), q.end(), m_pose.begin())) return;
    m_pose.assign(q.begin(), q.end());
    m_eval.setPose(m_pose);
}

PartState StretchMap::evaluate(PartRef part, std::span<const double> q, bool withRoles) {
    setPose(q);
    PartState s;
    s.part = part;
    s.neutralLength = m_neutral[indexOf(part)];
    s.length = m_eval.length(part);
    const double delta = s.length - s.neutralLength;
    s.changePercent = s.neutralLength > 0.0 ? 100.0 * delta / s.neutralLength : 0.0;
    const double fibre = m_model->part(part).architecture.optimalFiberLength;
    s.fibreStrainPercent = fibre > 0.0 ? 100.0 * delta / fibre : 0.0;
    s.change = s.changePercent > kUnchangedPercent    ? LengthChange::Lengthened
               : s.changePercent < -kUnchangedPercent ? LengthChange::Shortened
                                                      : LengthChange::Unchanged;
    if (withRoles) {
        const auto hip = hipCoordinates(*m_model, m_model->muscles[static_cast<std::size_t>(part.muscle)].side);
        for (std::size_t d = 0; d < 3; ++d) {
            s.momentArm[d] = hip[d] >= 0 ? m_eval.momentArm(part, hip[d]) : 0.0;
            s.role[d] = classifyAction(kHipDofs[d], s.momentArm[d]);
        }
    }
    return s;
}

std::vector<PartState> StretchMap::evaluate(std::span<const double> q) {
    std::vector<PartState> out;
    out.reserve(m_parts.size());
    for (const PartRef& p : m_parts) out.push_back(evaluate(p, q));
    return out;
}

double StretchMap::muscleChangePercent(int muscle, std::span<const double> q) {
    const Muscle& m = m_model->muscles[static_cast<std::size_t>(muscle)];
    std::vector<PartState> states;
    for (std::size_t p = 0; p < m.parts.size(); ++p) states.push_back(evaluate({muscle, static_cast<int>(p)}, q, false));
    return movement::muscleChangePercent(*m_model, muscle, states).value_or(0.0);
}

std::optional<double> muscleChangePercent(const Model& model, int muscle, std::span<const PartState> parts) {
    if (muscle < 0 || muscle >= static_cast<int>(model.muscles.size())) return std::nullopt;
    const Muscle& m = model.muscles[static_cast<std::size_t>(muscle)];
    double sum = 0.0, weights = 0.0;
    bool any = false;
    for (const PartState& s : parts) {
        if (s.part.muscle != muscle || s.part.part < 0 || s.part.part >= static_cast<int>(m.parts.size())) continue;
        const double f = std::max(m.parts[static_cast<std::size_t>(s.part.part)].architecture.maxIsometricForce, 1e-9);
        sum += f * s.changePercent;
        weights += f;
        any = true;
    }
    if (!any) return std::nullopt;
    return weights > 0.0 ? sum / weights : 0.0;
}

std::vector<MuscleChange> mostLengthened(const Model& model, std::span<const PartState> parts, std::size_t count) {
    std::vector<MuscleChange> out;
    for (std::size_t m = 0; m < model.muscles.size(); ++m)
        if (const auto pct = muscleChangePercent(model, static_cast<int>(m), parts); pct && *pct > kUnchangedPercent)
            out.push_back({static_cast<int>(m), *pct});
    std::stable_sort(out.begin(), out.end(), [](const MuscleChange& a, const MuscleChange& b) { return a.changePercent > b.changePercent; });
    if (out.size() > count) out.resize(count);
    return out;
}

std::string lengthChangeWords(double changePercent) {
    if (!std::isfinite(changePercent) || std::abs(changePercent) < kUnchangedPercent) return "about as long as standing";
    const long whole = std::lround(std::abs(changePercent));
    return std::to_string(whole) + " % " + (changePercent > 0.0 ? "longer" : "shorter") + " than standing";
}

} // namespace hv::movement
