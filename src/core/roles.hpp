// What a muscle part does at a pose, read from the signs of its hip moment arms, and where
// along a sweep that changes. Signs follow OpenSim: a positive moment arm about
// hip_flexion / hip_adduction / hip_rotation means flexor / adductor / internal rotator.
#pragma once

#include "core/model.hpp"

#include <array>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hv {

enum class HipDof : unsigned char { Flexion, Adduction, Rotation };
inline constexpr std::array<HipDof, 3> kHipDofs{HipDof::Flexion, HipDof::Adduction, HipDof::Rotation};

std::string_view hipDofName(HipDof dof); // "hip_flexion", "hip_adduction", "hip_rotation"
std::string hipCoordinateName(HipDof dof, Side side); // "hip_flexion_r"
// The model's hip coordinates for one side, in kHipDofs order (-1 where absent).
std::array<int, 3> hipCoordinates(const Model& model, Side side);
// The body the hip coordinates of `side` move (the femur), or -1. Its frame's origin is the hip
// joint centre (the femoral head's centre) in HipView's and OpenSim's models.
int femurBody(const Model& model, Side side);

enum class Action : unsigned char {
    None, // |moment arm| inside the dead zone
    Flexor,
    Extensor,
    Adductor,
    Abductor,
    InternalRotator,
    ExternalRotator,
};

// Moment arms smaller than this (metres) count as no action.
inline constexpr double kDefaultDeadZone = 0.001;

// The dead-zone rule every action word uses (hip, lumbar, pelvic): a moment arm (metres) counts
// as no action when its size is below `deadZone`, when it is exactly 0, or when it is not a number.
inline bool insideDeadZone(double momentArm, double deadZone = kDefaultDeadZone) {
    return !(momentArm >= deadZone || -momentArm >= deadZone) || momentArm == 0.0;
}

Action classifyAction(HipDof dof, double momentArm, double deadZone = kDefaultDeadZone);
std::string_view actionName(Action action);  // "flexor", "external rotator", "none"
std::string_view actionShort(Action action); // "flexor", "external", "none" (role-change lines)

struct RoleChange {
    HipDof dof = HipDof::Flexion;
    Action from = Action::None;
    Action to = Action::None;
    double at = 0.0; // value of the swept coordinate where the moment arm crosses zero (SI)
};

// Role changes along a sweep. `values` ascending with one moment arm (m) each. A change is
// reported between two consecutive samples whose moment arms lie outside the dead zone with
// opposite signs (samples inside the dead zone are passed over); its angle is the zero of
// `momentArmAt` between them, refined by bisection to 1e-6 of the sweep's unit. Without
// `momentArmAt` the crossing is interpolated linearly.
std::vector<RoleChange> findRoleChanges(HipDof dof, std::span<const double> values,
                                        std::span<const double> momentArms,
                                        const std::function<double(double)>& momentArmAt = {},
                                        double deadZone = kDefaultDeadZone);

} // namespace hv
