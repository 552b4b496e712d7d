// The window's camera: an orbit around a target point (azimuth, elevation, distance), moved by
// the mouse and keyboard, set to the standard anatomical views and fitted to a selection. GL-free.
//
// Frame and units: the scene frame (glTF's: Y up, +Z the subject's front, -X the subject's right;
// metres). Angles in degrees, as in gfx::orbitDirection(): azimuth about +Y from the front
// (0 anterior, 90 the subject's right, 180 posterior, 270 left), elevation + from above, in
// [-90, 90]. The same numbers are what a scene file's `camera = [az, el, distance]` holds, so
// "Save figure..." reproduces the view (draw::figureCamera()).
#pragma once

#include "anatomy_draw/standard_view.hpp"
#include "anatomy_draw/figure_spec.hpp"
#include "scene/geometry.hpp"

#include <glm/glm.hpp>

#include <utility>

namespace hv::doc {

inline constexpr double kMinDistance = 0.005; // m (tiny test models are a few cm across)
inline constexpr double kMaxDistance = 5000.0; // m (some models are in centimetres: a fox 155 units long)

// Azimuth and elevation (deg) of a standard view, matching draw::viewDirection() (superior has
// the front at the top of the image, as in figures). Medial views look from the lateral
// direction of the other side (the near side is hidden by the layers, not by the camera).
std::pair<double, double> standardViewAngles(draw::StandardView view);

struct OrbitCamera {
    glm::vec3 target{0.0f, 0.95f, 0.0f}; // scene frame, m
    double azimuthDeg = 0.0;
    double elevationDeg = 0.0; // [-90, 90]
    double distance = 1.5;     // m from the target, [kMinDistance, kMaxDistance]
    float fovYDegrees = 24.0f; // as figures use

    // Turns by the given angles (deg); elevation is clamped to [-90, 90], azimuth wrapped to
    // [0, 360).
    void orbit(double deltaAzimuthDeg, double deltaElevationDeg);
    // Moves the target in the image plane so the scene follows the mouse: `pixels` right and down
    // in a viewport `viewportHeightPx` high.
    void pan(glm::vec2 pixels, float viewportHeightPx);
    // Distance multiplied by `factor` (> 1 moves away), clamped.
    void zoom(double factor);
    void setView(draw::StandardView view);
    // Keeps the direction and fits `bounds` into a viewport of aspect `aspect` (width / height):
    // target at the fitted centre, distance as gfx::frameBounds() finds it. Empty bounds: no
    // change.
    void frame(const scene::Bounds& bounds, float aspect, float margin = 0.08f);
    // The same, fitting `bounds` into the part of the viewport between a strip `topFree` of its
    // height kept free at the top (compare mode's captions) and one `bottomFree` at the bottom
    // (the playback bar's, so the bar never covers the feet); fractions, together at most 0.8.
    // The margin is a fraction of that part. Both 0: frame() above.
    void frameAbove(const scene::Bounds& bounds, float aspect, float bottomFree, float margin = 0.08f, float topFree = 0.0f);

    gfx::ViewDirection direction() const;
    // The camera for drawing; near and far planes cover `scene` (the whole drawn scene), so
    // nothing is clipped however far the target was panned.
    gfx::Camera camera(const scene::Bounds& scene) const;
    // As a scene file's orbit camera (with the target).
    draw::OrbitSpec orbitSpec() const;

    friend bool operator==(const OrbitCamera&, const OrbitCamera&) = default;
};

} // namespace hv::doc
