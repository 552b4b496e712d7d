// What a trunk muscle part does to the lumbar spine, read from moment arms summed over the
// lumbar levels it crosses. Signs follow the skeleton's lumbar coordinates (each level's
// upper vertebra relative to the lower): *_flexion positive = flexion, *_bending positive =
// bends to the right, *_rotation positive = turns to the left. These are midline coordinates,
// so the left copy of a muscle has the opposite bending and rotation sign of the right one.
//
// The summed moment arm about a lumbar motion is sum over the levels of -dL/dq_level (metres
// per radian): the moment arm about all five levels moved together by the same angle. It is
// taken as one directional derivative (every level stepped at once, central difference), which
// equals the sum of the per-level moment arms to rounding.
#pragma once

#include "core/model.hpp"
#include "core/roles.hpp"

#include <array>
#include <span>
#include <string_view>
#include <vector>

namespace hv {

// HipView's five lumbar levels, L5-S1 first (content/skeleton.toml): the names people read and
// the prefixes of their coordinates ("L5_S1" + "_flexion", "_bending", "_rotation"). Stated once
// here; the hip-back model, the reports and the quizzes use these.
inline constexpr std::size_t kLumbarLevelCount = 5;
inline constexpr std::array<std::string_view, kLumbarLevelCount> kLumbarLevelNames{"L5-S1", "L4-L5", "L3-L4", "L2-L3", "L1-L2"};
inline constexpr std::array<std::string_view, kLumbarLevelCount> kLumbarLevelPrefixes{"L5_S1", "L4_L5", "L3_L4", "L2_L3", "L1_L2"};

enum class LumbarDof : unsigned char { Flexion, Bending, Rotation };
inline constexpr std::array<LumbarDof, 3> kLumbarDofs{LumbarDof::Flexion, LumbarDof::Bending, LumbarDof::Rotation};

std::string_view lumbarDofName(LumbarDof dof); // "lumbar_flexion", "lumbar_bending", "lumbar_rotation"

// The model's lumbar level coordinates for one motion, L5-S1 first ("L5_S1_flexion", ...);
// only those the model has.
std::vector<int> lumbarCoordinates(const Model& model, LumbarDof dof);

// "flexor" / "extensor", "right bender" / "left bender", "left rotator" / "right rotator", or
// "none" inside the dead zone (metres).
std::string_view lumbarRoleName(LumbarDof dof, double momentArm, double deadZone = kDefaultDeadZone);

// True when the part's actions are lumbar ones: some lumbar level coordinate can change its
// length and none of its own side's hip coordinates can (quadratus lumborum, the erector
// spinae, the abdominals; not psoas major, which crosses the hip).
bool isLumbarPart(const Model& model, PartRef part);

// Summed lumbar moment arms (metres) of each part at pose q (SI), kLumbarDofs order:
// out[i * 3 + d] for parts[i]. Parts whose paths no lumbar level moves get 0.
void lumbarMomentArms(const Model& model, std::span<const double> q, std::span<const PartRef> parts,
                      std::span<double> out);

} // namespace hv
