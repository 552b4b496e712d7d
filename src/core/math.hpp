// hv core math: the one place glm is named. Everything in the core is in SI units
// (metres, radians) and double precision; frames are OpenSim's (X anterior, Y superior,
// Z to the subject's right) unless a declaration says otherwise.
#pragma once

#include <glm/glm.hpp>

#include <cmath>
#include <numbers>

namespace hv {

using Vec3 = glm::dvec3;
using Mat3 = glm::dmat3; // column-major; Mat3 * Vec3 rotates a column vector

inline constexpr double kPi = std::numbers::pi;
inline constexpr double kRadPerDeg = kPi / 180.0;
inline constexpr double kDegPerRad = 180.0 / kPi;

inline constexpr double toRadians(double degrees) { return degrees * kRadPerDeg; }
inline constexpr double toDegrees(double radians) { return radians * kDegPerRad; }

// A rigid transform: p_parent = rotation * p_child + translation (metres).
struct Transform {
    Mat3 rotation{1.0};
    Vec3 translation{0.0};

    Vec3 apply(const Vec3& p) const { return rotation * p + translation; }
    Vec3 applyVector(const Vec3& v) const { return rotation * v; }
    Transform operator*(const Transform& b) const {
        return {rotation * b.rotation, rotation * b.translation + translation};
    }
    Transform inverse() const {
        const Mat3 rt = glm::transpose(rotation);
        return {rt, -(rt * translation)};
    }
};

// Rotation by `angle` radians about `axis` (need not be unit length; a zero axis gives identity).
Mat3 rotationAboutAxis(const Vec3& axis, double angle);

// OpenSim's "xyz_body_rotation" / "orientation": successive body-fixed rotations
// R = Rx(a.x) * Ry(a.y) * Rz(a.z), radians.
Mat3 rotationXyzBodyFixed(const Vec3& anglesRad);

// The reflection across the sagittal plane (Z -> -Z) used to build the left side from the right.
inline Vec3 mirrorZ(const Vec3& p) { return {p.x, p.y, -p.z}; }
Mat3 mirrorRotation(const Mat3& r); // M r M with M = diag(1, 1, -1): stays a proper rotation
Transform mirrorTransform(const Transform& t);

} // namespace hv
