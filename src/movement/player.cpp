#include "movement/player.hpp"

#include "core/kinematics.hpp"
#include "movement/sampling.hpp"
#include "movement/support.hpp"

#include <algorithm>

namespace hv::movement {

MovementPlayer::MovementPlayer(const Model& model, const Movement& movement, PlayOptions options)
    : m_model(&model), m_movement(&movement), m_options(std::move(options)), m_spine(findLumbarSpine(model)) {
    // Anchors: at the first key, and wherever the support changes, the support point of the pose
    // as it stands there (grounded by the support before it).
    m_anchors.assign(movement.keys.size(), Vec3{0.0});
    Support previous = Support::None;
    Vec3 previousAnchor{0.0};
    for (std::size_t k = 0; k < movement.keys.size(); ++k) {
        const Support s = movement.keys[k].support;
        if (k == 0 || s != previous) {
            PoseSample at = evaluate(movement.keys[k].time, false, false);
            if (k > 0 && previous != Support::None) plantSupport(model, previous, previousAnchor, at.q);
            const auto bodies = computeBodyTransforms(model, at.q);
            previousAnchor = supportPoint(model, bodies, s).value_or(Vec3{0.0});
        }
        m_anchors[k] = previousAnchor;
        previous = s;
    }
    // The floor (support.hpp, FloorPlacement): placed from the planted first key.
    const PoseSample first = evaluate(0.0, false, true);
    m_floor = FloorPlacement(model, movement, first.q);
}

bool MovementPlayer::loops() const { return m_options.loop.value_or(m_movement->loop); }

PoseSample MovementPlayer::sample(double t) const { return evaluate(t, loops(), true); }

PoseSample MovementPlayer::evaluate(double t, bool loop, bool plant) const {
    const Model& model = *m_model;
    const Movement& movement = *m_movement;
    const KeyedSample keyed = sampleKeyed(model, movement, t, loop);
    PoseSample s;
    s.time = keyed.time;
    s.keyed = keyed.q;
    s.q = keyed.q;
    s.label = keyed.label;
    s.support = keyed.support;

    if (keyed.stance != Side::Midline)
        s.trendelenburg = applyTrendelenburg(model, keyed.stance, keyed.singleSupport, m_options.gluteusMediusStrength.of(keyed.stance), s.q);
    if (movement.spine == SpineMode::Upright && m_spine.complete())
        alignTrunk(model, m_spine, uprightTrunkOrientation(model, m_spine, s.q), s.q);
    if (!m_options.hipLimits.empty()) s.restriction = applyHipLimits(model, m_spine, m_options.hipLimits, s.q);
    levelPlantedFeet(model, movement, s.support, s.q);
    if (plant && keyed.segment < m_anchors.size()) plantSupport(model, s.support, m_anchors[keyed.segment], s.q);
    raiseInRoom(model, movement.posture, m_floor.raise(s.q), s.q);

    for (std::size_t c = 0; c < s.q.size(); ++c) {
        const Coordinate& k = model.coordinates[c];
        const double v = std::clamp(s.q[c], k.minValue, k.maxValue);
        if (std::abs(v - s.q[c]) > 1e-9) s.clamped.push_back(static_cast<int>(c));
        s.q[c] = v;
    }

    Side side = m_options.sharesSide;
    if (side == Side::Midline) side = s.restriction.active ? s.restriction.drivingSide
                                     : keyed.stance != Side::Midline   ? keyed.stance
                                     : movement.stance != Side::Midline ? movement.stance
                                                                        : Side::Right;
    s.lumbar = lumbarShares(model, m_spine, s.q, side);
    for (std::size_t i = 0; i < kLumbarLevels; ++i) s.lumbar.levels[i].takenUpDeg = s.restriction.takenUpDeg[i];
    return s;
}

PoseSample samplePose(const Model& model, const Movement& movement, double t) {
    return MovementPlayer(model, movement).sample(t);
}

} // namespace hv::movement
