#include "core/math.hpp"

namespace hv {

Mat3 rotationAboutAxis(const Vec3& axis, double angle) {
    const double len = glm::length(axis);
    if (len <= 0.0) return Mat3{1.0};
    const Vec3 u = axis / len;
    const double c = std::cos(angle);
    const double s = std::sin(angle);
    const double t = 1.0 - c;
    // Rodrigues' formula, written column by column (glm is column-major).
    return Mat3{
        Vec3{t * u.x * u.x + c, t * u.x * u.y + s * u.z, t * u.x * u.z - s * u.y},
        Vec3{t * u.x * u.y - s * u.z, t * u.y * u.y + c, t * u.y * u.z + s * u.x},
        Vec3{t * u.x * u.z + s * u.y, t * u.y * u.z - s * u.x, t * u.z * u.z + c},
    };
}

Mat3 rotationXyzBodyFixed(const Vec3& a) {
    return rotationAboutAxis({1, 0, 0}, a.x) * rotationAboutAxis({0, 1, 0}, a.y) *
           rotationAboutAxis({0, 0, 1}, a.z);
}

Mat3 mirrorRotation(const Mat3& r) {
    const Mat3 m{Vec3{1, 0, 0}, Vec3{0, 1, 0}, Vec3{0, 0, -1}};
    return m * r * m;
}

Transform mirrorTransform(const Transform& t) {
    return {mirrorRotation(t.rotation), mirrorZ(t.translation)};
}

} // namespace hv
