#include "document/orbit_camera.hpp"

#include "anatomy_draw/figure_spec.hpp"

#include <doctest/doctest.h>

#include <glm/gtc/epsilon.hpp>

using namespace hv;
using namespace hv::doc;

namespace {
bool near(const glm::vec3& a, const glm::vec3& b, float eps = 1e-4f) { return glm::length(a - b) < eps; }
scene::Bounds box(glm::vec3 lo, glm::vec3 hi) {
    scene::Bounds b;
    b.add(lo);
    b.add(hi);
    return b;
}
} // namespace

TEST_CASE("every standard view looks from the same direction, with the same up, as a figure's view") {
    for (const std::string& name : draw::standardViewNames()) {
        const auto v = *draw::standardViewFromName(name);
        if (draw::medialViewKeeps(v)) continue; // medial views: same direction as the other side's lateral
        OrbitCamera c;
        c.setView(v);
        const gfx::ViewDirection want = draw::viewDirection(v);
        const gfx::ViewDirection got = c.direction();
        CAPTURE(name);
        CHECK(near(got.toEye, want.toEye));
        CHECK(near(got.up, want.up));
    }
}

TEST_CASE("orbiting wraps the azimuth and stops the elevation at the poles") {
    OrbitCamera c;
    c.azimuthDeg = 350.0;
    c.orbit(20.0, 50.0);
    CHECK(c.azimuthDeg == doctest::Approx(10.0));
    CHECK(c.elevationDeg == doctest::Approx(50.0));
    c.orbit(-30.0, 100.0);
    CHECK(c.azimuthDeg == doctest::Approx(340.0));
    CHECK(c.elevationDeg == doctest::Approx(90.0));
    c.orbit(0.0, -500.0);
    CHECK(c.elevationDeg == doctest::Approx(-90.0));
}

TEST_CASE("zooming multiplies the distance and keeps it inside its limits") {
    OrbitCamera c;
    c.distance = 1.0;
    c.zoom(0.5);
    CHECK(c.distance == doctest::Approx(0.5));
    c.zoom(1e-6);
    CHECK(c.distance == doctest::Approx(kMinDistance));
    c.zoom(1e9);
    CHECK(c.distance == doctest::Approx(kMaxDistance));
    c.zoom(-2.0); // ignored
    CHECK(c.distance == doctest::Approx(kMaxDistance));
}

TEST_CASE("panning moves the scene with the mouse: a point under the cursor follows it") {
    OrbitCamera c;
    c.azimuthDeg = 35.0;
    c.elevationDeg = 20.0;
    c.distance = 1.2;
    const glm::vec3 p = c.target; // on screen at the centre
    const float w = 800.0f, h = 600.0f;
    const glm::vec2 before = gfx::projectToPixels(c.camera({}), p, w, h);
    CHECK(before.x == doctest::Approx(400.0f).epsilon(1e-3));
    c.pan({50.0f, -30.0f}, h);
    const glm::vec2 after = gfx::projectToPixels(c.camera({}), p, w, h);
    CHECK(after.x - before.x == doctest::Approx(50.0f).epsilon(0.01));
    CHECK(after.y - before.y == doctest::Approx(-30.0f).epsilon(0.01));
    // The distance and direction are unchanged.
    CHECK(c.distance == doctest::Approx(1.2));
}

TEST_CASE("framing fits every corner of the box inside the viewport, from the current direction") {
    OrbitCamera c;
    c.setView(draw::StandardView::LateralRight);
    const scene::Bounds b = box({-0.2f, 0.5f, -0.1f}, {0.2f, 1.1f, 0.15f});
    c.frame(b, 16.0f / 9.0f);
    CHECK(c.azimuthDeg == doctest::Approx(90.0));
    const gfx::Camera cam = c.camera(b);
    for (int i = 0; i < 8; ++i) {
        const glm::vec3 corner((i & 1) ? b.max.x : b.min.x, (i & 2) ? b.max.y : b.min.y, (i & 4) ? b.max.z : b.min.z);
        float depth = 0.0f;
        const glm::vec2 px = gfx::projectToPixels(cam, corner, 1600.0f, 900.0f, &depth);
        CHECK(px.x >= 0.0f);
        CHECK(px.x <= 1600.0f);
        CHECK(px.y >= 0.0f);
        CHECK(px.y <= 900.0f);
        CHECK(depth > cam.nearZ);
        CHECK(depth < cam.farZ);
    }
    // Framing an empty box changes nothing.
    const OrbitCamera before = c;
    c.frame(scene::Bounds{}, 1.0f);
    CHECK(c == before);
}

TEST_CASE("the window's camera and the figure made from its orbit spec see the same view") {
    OrbitCamera c;
    c.azimuthDeg = 123.0;
    c.elevationDeg = -15.0;
    c.distance = 0.9;
    c.target = {0.05f, 0.9f, -0.02f};
    draw::FigureSpec spec;
    spec.camera = c.orbitSpec();
    const scene::Bounds framed = box({-0.3f, 0.4f, -0.2f}, {0.3f, 1.3f, 0.2f});
    const gfx::Camera fig = draw::figureCamera(spec, framed);
    const gfx::Camera win = c.camera(framed);
    CHECK(near(fig.eye, win.eye));
    CHECK(near(fig.target, win.target));
    CHECK(near(fig.up, win.up));
    CHECK(fig.fovYDegrees == doctest::Approx(win.fovYDegrees));
}

TEST_CASE("framing above the playback bar keeps every corner of the box out of the strip kept free at the bottom") {
    OrbitCamera c;
    c.setView(draw::StandardView::LateralRight);
    const scene::Bounds b = box({-0.2f, 0.05f, -0.1f}, {0.2f, 1.1f, 0.15f});
    const float w = 1200.0f, h = 800.0f, bar = 120.0f;
    c.frameAbove(b, w / h, bar / h);
    const gfx::Camera cam = c.camera(b);
    float lowest = 0.0f, highest = h;
    for (int i = 0; i < 8; ++i) {
        const glm::vec3 corner((i & 1) ? b.max.x : b.min.x, (i & 2) ? b.max.y : b.min.y, (i & 4) ? b.max.z : b.min.z);
        const glm::vec2 px = gfx::projectToPixels(cam, corner, w, h);
        CHECK(px.x >= 0.0f);
        CHECK(px.x <= w);
        CHECK(px.y >= 0.0f);
        lowest = std::max(lowest, px.y);
        highest = std::min(highest, px.y);
    }
    CHECK(lowest <= h - bar);        // the feet stay above the bar
    CHECK(lowest > h - bar - 0.2f * h); // and the picture still fills the part above it
    // Centred in the part above the strip: the margins above and below the box are alike.
    CHECK(std::abs(highest - (h - bar - lowest)) < 0.03f * h);
    // With no strip it is frame().
    OrbitCamera a = c, f = c;
    a.frameAbove(b, w / h, 0.0f);
    f.frame(b, w / h);
    CHECK(near(a.target, f.target));
    CHECK(a.distance == doctest::Approx(f.distance));
}

TEST_CASE("framing between a strip kept free at the top and one at the bottom keeps the box between them") {
    OrbitCamera c;
    c.setView(draw::StandardView::Anterior);
    const scene::Bounds b = box({-0.2f, 0.05f, -0.1f}, {0.2f, 1.1f, 0.15f});
    const float w = 600.0f, h = 800.0f, bar = 100.0f, captions = 150.0f;
    c.frameAbove(b, w / h, bar / h, 0.05f, captions / h);
    const gfx::Camera cam = c.camera(b);
    float lowest = 0.0f, highest = h;
    for (int i = 0; i < 8; ++i) {
        const glm::vec3 corner((i & 1) ? b.max.x : b.min.x, (i & 2) ? b.max.y : b.min.y, (i & 4) ? b.max.z : b.min.z);
        const glm::vec2 px = gfx::projectToPixels(cam, corner, w, h);
        lowest = std::max(lowest, px.y);
        highest = std::min(highest, px.y);
    }
    CHECK(highest >= captions);
    CHECK(lowest <= h - bar);
    CHECK(lowest - highest > 0.8f * (h - bar - captions));
}
