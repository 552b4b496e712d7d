// The lumbar half of the hip-back connection: how the five lumbar levels share a movement.
//
// HipView's lumbar spine (content/skeleton.toml) has five levels, L5-S1 up to L1-L2, each with
// flexion, lateral bending and axial rotation coordinates; the trunk is taken as the top vertebra
// (L1). Whenever HipView has to put an angle into the lumbar spine (to keep the trunk upright
// over a tilting pelvis, or to take up motion a restricted hip cannot give) it spreads it over
// the levels in proportion to each level's segmental range of motion in that plane (the width of
// the coordinate's range, which skeleton.toml takes from White and Panjabi 1990: flexion plus
// extension 12, 14, 15, 16, 17 deg from L1-L2 to L5-S1), and no level leaves its range: what one
// level cannot take goes to the others, and what none can take is reported as unreached.
#pragma once

#include "core/model.hpp"

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hv::movement {

// The three anatomical planes; index 0, 1, 2 also picks a hip coordinate (flexion, adduction,
// rotation) and a lumbar coordinate (flexion, bending, rotation).
enum class Plane : unsigned char { Sagittal, Frontal, Transverse };
inline constexpr std::array<Plane, 3> kPlanes{Plane::Sagittal, Plane::Frontal, Plane::Transverse};
std::string_view planeName(Plane p); // "sagittal", "frontal", "transverse"

inline constexpr std::size_t kLumbarLevels = 5;

struct LumbarLevel {
    std::string_view name;             // "L5-S1", ..., "L1-L2"
    std::array<int, 3> coordinates{-1, -1, -1}; // flexion, bending, rotation (model indices; -1 absent)
};

struct LumbarSpine {
    std::array<LumbarLevel, kLumbarLevels> levels; // L5-S1 first, L1-L2 last
    int trunkBody = -1;                            // the top vertebra (L1), -1 if absent
    // True when every level has its three coordinates and the trunk body exists.
    bool complete() const;
};

// Finds the levels by coordinate name ("L5_S1_flexion", ...) and the trunk body ("L1").
// A model without a lumbar spine gives an incomplete LumbarSpine; the functions below then
// put nothing into the spine and report everything as unreached.
LumbarSpine findLumbarSpine(const Model& model);

// Adds `angle` (rad; positive = flexion, bending to the right, turning to the left) to the
// levels' coordinates in `plane`, in proportion to their ranges, each kept inside its range.
// Returns the part of `angle` that no level could take (0 when all of it fitted).
double spreadOverLumbar(const Model& model, const LumbarSpine& spine, Plane plane, double angle,
                        std::vector<double>& q);

// Sets the lumbar coordinates (starting from their values in q, changing them only by spreading
// as above) so that the trunk body gets the ground orientation `target`. Returns, per plane, the
// angle (rad) still missing, in the trunk's frame (0 where the spine could do it).
std::array<double, 3> alignTrunk(const Model& model, const LumbarSpine& spine, const Mat3& target,
                                 std::vector<double>& q);

// The trunk's ground orientation that the pose would have with the pelvis level (pelvic tilt,
// obliquity and rotation at 0, everything else as in q): what SpineMode::Upright keeps.
Mat3 uprightTrunkOrientation(const Model& model, const LumbarSpine& spine, std::span<const double> q);

// How much of a movement in each plane came from one hip and how much from each lumbar level,
// read from the pose itself (angles from neutral, i.e. from 0):
//   total(plane) = |hip coordinate of `hipSide` in that plane| + sum over levels |level's coordinate|
//   share = |angle| / total, defined only when total >= kShareMinTotalDeg (below it the angles
//   are rounding noise, and a share of them, e.g. 100 % of 0.02 deg, says nothing: the shares of
//   that plane and its levels are then 0 and PlaneShare::defined false; shown as "-").
// Degrees throughout. takenUpDeg is what a restricted hip moved into each level: MovementPlayer
// fills it from its RestrictionResult; lumbarShares() itself leaves it 0.
inline constexpr double kShareMinTotalDeg = 0.5; // deg, hip plus lumbar in one plane

struct LevelShare {
    std::string_view name;                 // "L5-S1", ...
    std::array<double, 3> deg{};           // per plane, signed, from neutral
    std::array<double, 3> share{};         // per plane, 0..1 of that plane's total
    std::array<double, 3> takenUpDeg{};    // per plane, signed: added for a restricted hip
};
struct PlaneShare {
    double hipDeg = 0.0;      // |hip angle| of hipSide in this plane
    std::string_view hipMotion; // its direction in the coordinate's words ("flexion", "abduction",
                                // "external rotation", ...); empty under 0.05 deg. Views the model.
    double lumbarDeg = 0.0;   // sum of |level angles|
    double lumbarShare = 0.0; // lumbarDeg / (hipDeg + lumbarDeg), 0..1; 0 when not defined
    bool defined = false;     // hipDeg + lumbarDeg >= kShareMinTotalDeg (the shares mean something)
};

// A share (0..1) as the tables write it: "35 %" (whole percent), or "-" when not `defined`.
std::string shareText(double share, bool defined);
struct LumbarShares {
    Side hipSide = Side::Right;
    std::array<LevelShare, kLumbarLevels> levels{}; // L5-S1 first
    std::array<PlaneShare, 3> planes{};             // kPlanes order
    const PlaneShare& plane(Plane p) const { return planes[static_cast<std::size_t>(p)]; }
};

LumbarShares lumbarShares(const Model& model, const LumbarSpine& spine, std::span<const double> q,
                          Side hipSide);

} // namespace hv::movement
