// What a muscle part does to the pelvis with the thighs and the trunk held still in space: the
// closed-chain view of the pelvis' force couples (hip flexors and back extensors tip it forward,
// the abdominals, gluteus maximus and the hamstrings tip it back, quadratus lumborum hikes its
// own side).
//
// Definition. The closed-chain direction of a pelvic coordinate (pelvis_tilt or
// pelvis_obliquity) is a direction d in coordinate space (one entry per model coordinate, per
// radian of the pelvic coordinate): the pelvic coordinate changes by 1, each side's hip
// coordinates (hip_flexion, hip_adduction, hip_rotation) change so that that side's femur keeps
// its orientation in ground, and the lumbar coordinates change so that the top of the lumbar
// chain (L1, and with it the thorax, rigid on L1) keeps its orientation in ground. Both are
// solved to first order at the pose from the bodies' angular velocities (3 x 3 systems), so the
// direction follows the model's frames at any pose. The knee and every other coordinate stay.
// The lumbar correction is spread evenly over the five levels: every level's flexion changes by
// the same angle, likewise bending and rotation. How it is spread changes nothing for the hip
// muscles; for a muscle from a lumbar vertebra (a psoas fascicle, a multifidus fascicle, an
// erector spinae part ending on a vertebra) the levels above its vertebra do not count, so it
// sees the share of the levels it crosses.
//
// The closed-chain moment arm is r = -dL/ds along that direction (metres per radian; a central
// difference with step kRotationalStep): the shortening of the path per radian of pelvic motion
// made this way, the same tendon-excursion definition as the hip and lumbar moment arms.
//
// Signs follow the pelvic coordinates (content/skeleton.toml), in ground, the pelvis' own axes:
//  - tilt: positive r = tips the pelvis forward (anterior tilt: the ASISs move forward and
//    down), negative = tips it back (posterior tilt, the tuck);
//  - obliquity: positive r = drops the right side of the pelvis, which hikes (raises) the left
//    side; negative r = hikes the right side. A midline coordinate, not mirrored: the right
//    quadratus lumborum has a negative obliquity moment arm, the left one a positive one.
#pragma once

#include "core/model.hpp"
#include "core/roles.hpp"

#include <array>
#include <span>
#include <string_view>
#include <vector>

namespace hv {

enum class PelvisDof : unsigned char { Tilt, Obliquity };
inline constexpr std::array<PelvisDof, 2> kPelvisDofs{PelvisDof::Tilt, PelvisDof::Obliquity};

std::string_view pelvisDofName(PelvisDof dof);        // "pelvic_tilt", "pelvic_obliquity"
std::string_view pelvisCoordinateName(PelvisDof dof); // "pelvis_tilt", "pelvis_obliquity"

// The action's words: "tips forward" / "tips back", "hikes left" / "hikes right", or "none"
// inside the dead zone (metres; the rule of core/roles.hpp: insideDeadZone).
std::string_view pelvisActionName(PelvisDof dof, double momentArm, double deadZone = kDefaultDeadZone);

// The bodies the closed chain holds still: each side's femur (the child of the joint its
// hip_flexion drives; -1 where the model has no such side) and the top of the lumbar chain
// (the body the L1_L2 level drives, -1 without lumbar levels).
struct ClosedChainBodies {
    int femurRight = -1;
    int femurLeft = -1;
    int trunk = -1;
};
ClosedChainBodies closedChainBodies(const Model& model);

// The closed-chain direction (see above) at pose q (SI): one entry per coordinate, per radian
// of the pelvic coordinate. Empty when the model lacks the pelvic coordinate.
std::vector<double> closedChainDirection(const Model& model, std::span<const double> q, PelvisDof dof);

// The angular velocity (rad per unit step along `direction`, ground frame) of every body at q:
// out[body]. Central difference of the bodies' ground rotations; used to check that the closed
// chain holds its bodies still (zero to first order) and to build the direction itself.
std::vector<Vec3> bodyAngularVelocities(const Model& model, std::span<const double> q, std::span<const double> direction);

// Closed-chain moment arms (metres) of each part at pose q (SI), kPelvisDofs order:
// out[i * 2 + d] for parts[i]. 0 for a dof whose coordinate the model lacks.
void pelvisMomentArms(const Model& model, std::span<const double> q, std::span<const PartRef> parts,
                      std::span<double> out);

} // namespace hv
