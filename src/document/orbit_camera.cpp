#include "document/orbit_camera.hpp"

#include <algorithm>
#include <cmath>

namespace hv::doc {

std::pair<double, double> standardViewAngles(draw::StandardView view) {
    using V = draw::StandardView;
    switch (view) {
    case V::Anterior: return {0.0, 0.0};
    case V::Posterior: return {180.0, 0.0};
    case V::LateralRight:
    case V::MedialLeft: return {90.0, 0.0};
    case V::LateralLeft:
    case V::MedialRight: return {270.0, 0.0};
    // orbitDirection() at +90 puts the image's up towards -horizontal: azimuth 180 gives the
    // front at the top (as viewDirection(Superior)); at -90 up is +horizontal: azimuth 0.
    case V::Superior: return {180.0, 90.0};
    case V::Inferior: return {0.0, -90.0};
    }
    return {0.0, 0.0};
}

void OrbitCamera::orbit(double dAz, double dEl) {
    azimuthDeg = std::fmod(azimuthDeg + dAz, 360.0);
    if (azimuthDeg < 0.0) azimuthDeg += 360.0;
    elevationDeg = std::clamp(elevationDeg + dEl, -90.0, 90.0);
}

gfx::ViewDirection OrbitCamera::direction() const { return gfx::orbitDirection(azimuthDeg, elevationDeg); }

void OrbitCamera::pan(glm::vec2 pixels, float viewportHeightPx) {
    const gfx::ViewDirection d = direction();
    const glm::vec3 back = glm::normalize(d.toEye);
    const glm::vec3 right = glm::normalize(glm::cross(d.up, back));
    const glm::vec3 up = glm::cross(back, right);
    gfx::Camera c;
    c.fovYDegrees = fovYDegrees;
    const float mpp = c.metresPerPixel(static_cast<float>(distance), viewportHeightPx);
    target += -right * pixels.x * mpp + up * pixels.y * mpp;
}

void OrbitCamera::zoom(double factor) {
    if (!(factor > 0.0) || !std::isfinite(factor)) return;
    distance = std::clamp(distance * factor, kMinDistance, kMaxDistance);
}

void OrbitCamera::setView(draw::StandardView view) {
    const auto [az, el] = standardViewAngles(view);
    azimuthDeg = az;
    elevationDeg = el;
}

void OrbitCamera::frame(const scene::Bounds& bounds, float aspect, float margin) {
    if (bounds.empty()) return;
    const gfx::Camera c = gfx::frameBounds(bounds, direction(), aspect, margin, fovYDegrees);
    target = c.target;
    distance = std::clamp(static_cast<double>(c.distance()), kMinDistance, kMaxDistance);
}

void OrbitCamera::frameAbove(const scene::Bounds& bounds, float aspect, float bottomFree, float margin, float topFree) {
    if (bounds.empty()) return;
    float fb = std::max(0.0f, bottomFree), ft = std::max(0.0f, topFree);
    if (fb + ft > 0.8f) { // both scaled down to fit
        const float k = 0.8f / (fb + ft);
        fb *= k, ft *= k;
    }
    const float u = 1.0f - fb - ft; // the part of the height left for the picture
    // Fitted into a viewport u as high: the same image seen through a narrower vertical field of
    // view, tan(fov' / 2) = u tan(fov / 2), of aspect / u.
    const float halfTan = std::tan(glm::radians(fovYDegrees) * 0.5f);
    const float narrowFov = glm::degrees(2.0f * std::atan(u * halfTan));
    const gfx::Camera c = gfx::frameBounds(bounds, direction(), aspect / u, margin, narrowFov);
    distance = std::clamp(static_cast<double>(c.distance()), kMinDistance, kMaxDistance);
    // The fitted centre goes to the middle of that part, (ft - fb) / 2 of the image's height below
    // its centre: the target moves up by (ft - fb) times the half height at that distance.
    const glm::vec3 dir = glm::normalize(c.target - c.eye);
    const glm::vec3 up = glm::normalize(c.up - glm::dot(c.up, dir) * dir);
    target = c.target + up * ((ft - fb) * halfTan * static_cast<float>(distance));
}

gfx::Camera OrbitCamera::camera(const scene::Bounds& scene) const {
    scene::Bounds centre;
    centre.add(target);
    gfx::Camera c = gfx::orbitCamera(centre, direction(), static_cast<float>(distance), fovYDegrees);
    // Clipping planes around everything drawn, seen from this eye.
    const float r = scene.empty() ? 1.0f : scene.radius();
    const float d = scene.empty() ? c.distance() : glm::length(c.eye - scene.center());
    c.nearZ = std::max(0.005f, std::min(0.5f * static_cast<float>(distance), d - 1.5f * r));
    c.farZ = std::max(c.nearZ + 0.1f, d + 1.5f * r + 0.1f);
    return c;
}

draw::OrbitSpec OrbitCamera::orbitSpec() const {
    draw::OrbitSpec o;
    o.azimuthDeg = azimuthDeg;
    o.elevationDeg = elevationDeg;
    o.distance = distance;
    o.target = target;
    return o;
}

} // namespace hv::doc
