// Cameras for figures and the window: a look-at camera with its projection, view directions
// from orbit angles (azimuth, elevation), framing a set of draw items, and projecting points to
// pixels. GL-free. The anatomical standard views are anatomy_draw/standard_view.hpp.
//
// Frame: the scene frame (glTF's: Y up, +Z the subject's front, -X the subject's right; metres).
// Azimuth is measured about +Y from the front: 0 = anterior (camera in front), 90 = the
// subject's right side, 180 = posterior, 270 (or -90) = left. Elevation: + looks from above.
#pragma once

#include "gfx/draw_item.hpp"

#include <glm/glm.hpp>

#include <optional>
#include <span>

namespace hv::gfx {

struct Camera {
    glm::vec3 eye{0.0f, 1.0f, 3.0f};
    glm::vec3 target{0.0f, 1.0f, 0.0f};
    glm::vec3 up{0.0f, 1.0f, 0.0f};
    float fovYDegrees = 24.0f; // vertical field of view
    float nearZ = 0.05f;       // m
    float farZ = 20.0f;        // m

    glm::mat4 view() const;
    glm::mat4 projection(float aspect) const; // OpenGL clip space (z in -1..1)
    float distance() const { return glm::length(eye - target); }
    // Size in metres of one pixel at `depth` metres in front of the camera, for an image
    // `heightPx` pixels high.
    float metresPerPixel(float depth, float heightPx) const;
};

// Where a camera looks from: unit vector from the target towards the eye, and the image's up.
struct ViewDirection {
    glm::vec3 toEye{0.0f, 0.0f, 1.0f};
    glm::vec3 up{0.0f, 1.0f, 0.0f};
};
// Degrees; at exactly +-90 the image's up is the limit of nearby elevations.
ViewDirection orbitDirection(double azimuthDeg, double elevationDeg);

// The box that framing uses: items without kNoFraming (all items if every one has it).
scene::Bounds framingBounds(std::span<const DrawItem> items);
// The box a figure frames: with highlighted items, a region around them (at least
// `contextHalfSize` metres each way from their centre, so the bones around them show), kept
// inside framingBounds(); without, framingBounds().
scene::Bounds focusBounds(std::span<const DrawItem> items, float contextHalfSize = 0.2f);
// The box of every item, those left out of framing (the lower legs) included: a movement's
// figure, where the client must see where the feet go.
scene::Bounds wholeBodyBounds(std::span<const DrawItem> items);

// A camera looking along `dir` that fits `bounds` into an image of aspect `aspect` (width /
// height), leaving `margin` (a fraction of the image) free on every side. Empty bounds frame a
// 1 m box at the origin.
Camera frameBounds(const scene::Bounds& bounds, const ViewDirection& dir, float aspect, float margin = 0.06f,
                   float fovYDegrees = 24.0f);
// The same with the distance from the box centre given (metres): an orbit camera.
Camera orbitCamera(const scene::Bounds& bounds, const ViewDirection& dir, float distance, float fovYDegrees = 24.0f);

// Projects a scene point to pixels (x right, y down, origin at the top-left corner). `depth`
// (optional) receives the distance in front of the camera (negative: behind it).
glm::vec2 projectToPixels(const Camera& camera, const glm::vec3& p, float widthPx, float heightPx,
                          float* depth = nullptr);

// A rectangle on screen, pixels (x right, y down, origin at the top-left corner).
struct ScreenRect {
    glm::vec2 min{0.0f}, max{0.0f};
};
// The screen rectangle that holds `box` (scene frame) seen by `camera` in an image of
// widthPx x heightPx: its eight corners' projected extent, not clamped to the image. Nullopt when
// the box is empty or a corner lies at or behind the near plane (no meaningful rectangle).
std::optional<ScreenRect> projectBounds(const Camera& camera, const scene::Bounds& box, float widthPx, float heightPx);

} // namespace hv::gfx
