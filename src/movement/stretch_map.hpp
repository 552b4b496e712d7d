// The stretch map: how much longer or shorter every muscle part is than in neutral standing, and
// what it does right now, both computed from its path at the pose (never declared anywhere).
//
// Length is the musculotendon path length (origin to insertion, over its via points and wrap
// surfaces). changePercent compares it with the same path in the neutral pose; fibreStrainPercent
// divides the same change by the part's optimal fibre length, taking the tendon as rigid (an upper
// bound on how much the fibres themselves lengthen). The role per hip coordinate of the part's
// own side is the sign of its moment arm (-dL/dq; core/roles.hpp).
#pragma once

#include "core/moment_arm.hpp"
#include "core/roles.hpp"

#include <array>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace hv::movement {

enum class LengthChange : unsigned char { Shortened, Unchanged, Lengthened };
std::string_view lengthChangeName(LengthChange c); // "shortened", "unchanged", "lengthened"

// Changes smaller than this (percent of the neutral length) count as unchanged.
inline constexpr double kUnchangedPercent = 1.0;

struct PartState {
    PartRef part;
    double neutralLength = 0.0;   // m, at the neutral pose
    double length = 0.0;          // m, now
    double changePercent = 0.0;   // (length - neutral) / neutral * 100; + lengthened
    double fibreStrainPercent = 0.0; // (length - neutral) / optimal fibre length * 100; 0 if unknown
    LengthChange change = LengthChange::Unchanged;
    std::array<double, 3> momentArm{}; // m, about the part's own side's hip flexion, adduction, rotation
    std::array<Action, 3> role{Action::None, Action::None, Action::None};
};

// Force-weighted mean of changePercent over one muscle's parts (index into model.muscles), each
// part weighted by its maximum isometric force: the one rule for "how much longer is this
// muscle". Reads the states of that muscle's parts in `parts` (any order, others ignored);
// nullopt when none of its parts has a state there.
std::optional<double> muscleChangePercent(const Model& model, int muscle, std::span<const PartState> parts);

// The muscles (model indices, each side its own) lengthened most in `parts`, by
// muscleChangePercent, largest first, at most `count`, only those longer than standing by more
// than kUnchangedPercent; ties keep the model's order.
struct MuscleChange {
    int muscle = -1;
    double changePercent = 0.0;
};
std::vector<MuscleChange> mostLengthened(const Model& model, std::span<const PartState> parts, std::size_t count);

// A muscle's change in words, as callouts and lists write it: "16 % longer than standing",
// "4 % shorter than standing", or "about as long as standing" within kUnchangedPercent.
// Whole percent, rounded.
std::string lengthChangeWords(double changePercent);

class StretchMap {
public:
    // `neutral` is the reference pose (SI, one value per coordinate); empty: the model's default
    // pose (neutral standing). The model must outlive the map.
    explicit StretchMap(const Model& model, std::span<const double> neutral = {});

    // Every part of every muscle (Model::allParts() order) at pose q.
    std::vector<PartState> evaluate(std::span<const double> q);
    // One part; `withRoles` false skips the moment arms (cheaper when only lengths are needed).
    PartState evaluate(PartRef part, std::span<const double> q, bool withRoles = true);

    // Force-weighted mean of the parts' changePercent for one muscle (index into model.muscles).
    double muscleChangePercent(int muscle, std::span<const double> q);

    double neutralLength(PartRef part) const; // m

private:
    const Model* m_model;
    PathEvaluator m_eval;
    std::vector<PartRef> m_parts;
    std::vector<double> m_neutral; // per m_parts entry
    std::vector<double> m_pose;    // pose the evaluator holds
    std::size_t indexOf(PartRef part) const;
    void setPose(std::span<const double> q);
};

} // namespace hv::movement
