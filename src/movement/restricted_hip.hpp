// A "restricted hip": a limit on any hip coordinate, per side (a stiff or painful hip that will
// not flex past 60 degrees, rotate outward past 10, ...). When a movement asks that hip for more,
// HipView lets the hip stop at its limit and makes the pelvis and the lumbar spine take up the
// missing motion, so that the thighs and the trunk still end where the movement puts them:
//  1. the restricted side's hip coordinates are clamped to their limits;
//  2. the pelvis turns (tilt, obliquity, rotation) until that side's thigh is back at its ground
//     orientation, pivoting about that hip's centre (the hip centre keeps its place);
//  3. the other hip is re-solved so that its thigh keeps its ground orientation too (the other
//     foot stays where it was), within its own range and limits;
//  4. the lumbar levels are re-solved so that the trunk (L1) keeps its ground orientation, the
//     motion spread over the levels in proportion to their segmental ranges (lumbar.hpp).
// Whatever the pelvis or the spine cannot reach inside their ranges is reported as unreached.
// When both sides are restricted, the side with the larger shortfall drives the pelvis.
#pragma once

#include "movement/lumbar.hpp"

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hv::movement {

// A limit on one hip coordinate (e.g. hip_flexion_r): SI (rad), min <= max. Use the coordinate's
// own range end for a side that is not limited.
struct HipLimit {
    int coordinate = -1;
    double min = 0.0;
    double max = 0.0;
};

struct RestrictionResult {
    bool active = false;              // some limit was reached
    Side drivingSide = Side::Midline; // the side whose thigh the pelvis was turned for
    std::array<double, 3> shortfallDeg{}; // per plane, driving side: asked minus allowed (signed)
    // Per level and plane (degrees, signed): what the spine took up for the restricted hip.
    std::array<std::array<double, 3>, kLumbarLevels> takenUpDeg{};
    std::array<double, 3> takenUpTotalDeg{}; // per plane, sum over the levels
    std::array<double, 3> trunkUnreachedDeg{}; // per plane: how far the trunk stays from its aim
    double thighUnreachedDeg = 0.0;           // largest angle either thigh stays from its aim
};

// Parses one restriction as users write it: "NAME=MIN:MAX" in degrees, NAME a hip coordinate
// (hip_flexion_r) or one without its side (hip_flexion: both sides); an empty MIN or MAX is the
// coordinate's own range end ("hip_flexion_r=:25"); MIN and MAX must lie inside the coordinate's
// range. Returns one limit per side named; nullopt
// with `error` saying what is wrong (unknown names list the valid ones).
std::optional<std::vector<HipLimit>> parseHipRestriction(const Model& model, std::string_view text, std::string& error);
// The limits as restriction texts that parseHipRestriction() reads back (one per limit, degrees).
std::vector<std::string> hipRestrictionTexts(const Model& model, std::span<const HipLimit> limits);

// Applies the limits to `q` (SI, one value per coordinate) as described above. Limits on
// coordinates that are not hip coordinates are ignored (asserted in debug builds).
RestrictionResult applyHipLimits(const Model& model, const LumbarSpine& spine,
                                 std::span<const HipLimit> limits, std::vector<double>& q);

} // namespace hv::movement
