#include "gfx/camera.hpp"

#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>
#include <cmath>

namespace hv::gfx {

glm::mat4 Camera::view() const { return glm::lookAt(eye, target, up); }

glm::mat4 Camera::projection(float aspect) const {
    return glm::perspective(glm::radians(fovYDegrees), aspect, nearZ, farZ);
}

float Camera::metresPerPixel(float depth, float heightPx) const {
    return 2.0f * depth * std::tan(glm::radians(fovYDegrees) * 0.5f) / std::max(1.0f, heightPx);
}

ViewDirection orbitDirection(double azimuthDeg, double elevationDeg) {
    const double az = glm::radians(azimuthDeg), el = glm::radians(std::clamp(elevationDeg, -90.0, 90.0));
    // Azimuth 0 looks from +Z (front); 90 from -X (the subject's right).
    const glm::dvec3 horizontal(-std::sin(az), 0.0, std::cos(az));
    const glm::dvec3 toEye = glm::normalize(horizontal * std::cos(el) + glm::dvec3(0, 1, 0) * std::sin(el));
    glm::dvec3 up(0, 1, 0);
    // Straight above or below: the image's up is the limit of nearby elevations.
    if (std::abs(std::cos(el)) < 1e-6) up = el > 0 ? -horizontal : horizontal;
    return {glm::vec3(toEye), glm::vec3(up)};
}

scene::Bounds wholeBodyBounds(std::span<const DrawItem> items) {
    scene::Bounds b;
    for (const DrawItem& i : items) b.add(i.bounds);
    return b;
}

scene::Bounds framingBounds(std::span<const DrawItem> items) {
    scene::Bounds b, all;
    for (const DrawItem& i : items) {
        all.add(i.bounds);
        if (!(i.flags & kNoFraming)) b.add(i.bounds);
    }
    return b.empty() ? all : b;
}

scene::Bounds focusBounds(std::span<const DrawItem> items, float contextHalfSize) {
    const scene::Bounds all = framingBounds(items);
    scene::Bounds hb;
    for (const DrawItem& i : items)
        if (i.flags & kHighlighted) hb.add(i.bounds);
    if (hb.empty() || all.empty()) return all;
    const glm::vec3 half = glm::max(hb.size() * 0.5f * 1.5f, glm::vec3(contextHalfSize));
    scene::Bounds out;
    out.add(glm::max(hb.center() - half, all.min));
    out.add(glm::min(hb.center() + half, all.max));
    out.add(hb);
    return out;
}

namespace {

struct Basis {
    glm::vec3 right, up, back; // back = toEye
};

Basis basisOf(const ViewDirection& dir) {
    const glm::vec3 back = glm::normalize(dir.toEye);
    glm::vec3 right = glm::cross(dir.up, back);
    if (glm::length(right) < 1e-6f) right = glm::cross(glm::vec3(0, 0, 1), back);
    right = glm::normalize(right);
    return {right, glm::cross(back, right), back};
}

void setClipping(Camera& cam, const scene::Bounds& b) {
    const float dist = cam.distance();
    const float r = std::max(0.01f, b.radius());
    cam.nearZ = std::max(0.01f, dist - 2.0f * r);
    cam.farZ = dist + 2.0f * r + 0.1f;
}

} // namespace

Camera frameBounds(const scene::Bounds& boundsIn, const ViewDirection& dir, float aspect, float margin, float fovY) {
    scene::Bounds bounds = boundsIn;
    if (bounds.empty()) {
        bounds.add(glm::vec3(-0.5f));
        bounds.add(glm::vec3(0.5f));
    }
    const Basis basis = basisOf(dir);
    const glm::vec3 c = bounds.center();
    // The box's corners in the view basis; fit a symmetric frustum around their extents.
    float minX = 1e30f, maxX = -1e30f, minY = 1e30f, maxY = -1e30f;
    glm::vec3 corners[8];
    for (int i = 0; i < 8; ++i) {
        corners[i] = glm::vec3((i & 1) ? bounds.max.x : bounds.min.x, (i & 2) ? bounds.max.y : bounds.min.y,
                               (i & 4) ? bounds.max.z : bounds.min.z) - c;
        const float x = glm::dot(corners[i], basis.right), y = glm::dot(corners[i], basis.up);
        minX = std::min(minX, x), maxX = std::max(maxX, x), minY = std::min(minY, y), maxY = std::max(maxY, y);
    }
    const float cx = 0.5f * (minX + maxX), cy = 0.5f * (minY + maxY);
    const float usable = std::clamp(1.0f - 2.0f * margin, 0.1f, 1.0f);
    const float tanY = std::tan(glm::radians(fovY) * 0.5f) * usable;
    const float tanX = tanY * std::max(0.05f, aspect);
    float dist = 0.0f;
    for (const glm::vec3& p : corners) {
        const float x = glm::dot(p, basis.right) - cx, y = glm::dot(p, basis.up) - cy, z = glm::dot(p, basis.back);
        dist = std::max({dist, z + std::abs(x) / tanX, z + std::abs(y) / tanY});
    }
    Camera cam;
    cam.fovYDegrees = fovY;
    cam.target = c + basis.right * cx + basis.up * cy;
    cam.eye = cam.target + basis.back * std::max(dist, 0.05f);
    cam.up = basis.up;
    setClipping(cam, bounds);
    return cam;
}

Camera orbitCamera(const scene::Bounds& boundsIn, const ViewDirection& dir, float distance, float fovY) {
    scene::Bounds bounds = boundsIn;
    if (bounds.empty()) {
        bounds.add(glm::vec3(-0.5f));
        bounds.add(glm::vec3(0.5f));
    }
    const Basis basis = basisOf(dir);
    Camera cam;
    cam.fovYDegrees = fovY;
    cam.target = bounds.center();
    cam.eye = cam.target + basis.back * std::max(distance, 0.01f);
    cam.up = basis.up;
    setClipping(cam, bounds);
    cam.nearZ = std::min(cam.nearZ, std::max(0.005f, 0.5f * distance));
    return cam;
}

glm::vec2 projectToPixels(const Camera& camera, const glm::vec3& p, float w, float h, float* depth) {
    const glm::vec4 v = camera.view() * glm::vec4(p, 1.0f);
    if (depth) *depth = -v.z;
    const glm::vec4 c = camera.projection(w / h) * v;
    const glm::vec2 ndc = glm::vec2(c) / (std::abs(c.w) > 1e-12f ? c.w : 1e-12f);
    return {(ndc.x * 0.5f + 0.5f) * w, (0.5f - ndc.y * 0.5f) * h};
}

std::optional<ScreenRect> projectBounds(const Camera& camera, const scene::Bounds& box, float w, float h) {
    if (box.empty()) return std::nullopt;
    ScreenRect r{glm::vec2(1e30f), glm::vec2(-1e30f)};
    for (int c = 0; c < 8; ++c) {
        const glm::vec3 p((c & 1) ? box.max.x : box.min.x, (c & 2) ? box.max.y : box.min.y, (c & 4) ? box.max.z : box.min.z);
        float depth = 0.0f;
        const glm::vec2 px = projectToPixels(camera, p, w, h, &depth);
        if (depth <= camera.nearZ) return std::nullopt;
        r.min = glm::min(r.min, px), r.max = glm::max(r.max, px);
    }
    return r;
}

} // namespace hv::gfx
