// Cameras: orbit angles look from where they say, framing keeps everything in view.
#include "gfx/camera.hpp"

#include <doctest/doctest.h>

using namespace hv::gfx;

TEST_CASE("orbit azimuth 0 is anterior, 90 the subject's right, elevation looks from above") {
    const auto near = [](glm::vec3 a, glm::vec3 b) { return glm::length(a - b) < 1e-5f; };
    CHECK(near(orbitDirection(0, 0).toEye, {0, 0, 1}));
    CHECK(near(orbitDirection(90, 0).toEye, {-1, 0, 0}));
    CHECK(near(orbitDirection(180, 0).toEye, {0, 0, -1}));
    CHECK(orbitDirection(0, 30).toEye.y > 0.49f);
    const ViewDirection top = orbitDirection(0, 90);
    CHECK(near(top.toEye, {0, 1, 0}));
    CHECK(std::abs(glm::dot(top.up, top.toEye)) < 1e-5f);
}

TEST_CASE("framing a box keeps all its corners inside the image, with the margin, from any side") {
    hv::scene::Bounds b;
    b.add({-0.2f, 0.5f, -0.1f});
    b.add({0.25f, 1.3f, 0.15f});
    // The six axis directions and two oblique ones.
    const ViewDirection directions[] = {{{0, 0, 1}, {0, 1, 0}},  {{0, 0, -1}, {0, 1, 0}}, {{-1, 0, 0}, {0, 1, 0}},
                                        {{1, 0, 0}, {0, 1, 0}},  {{0, 1, 0}, {0, 0, 1}},  {{0, -1, 0}, {0, 0, 1}},
                                        orbitDirection(35, 20), orbitDirection(-120, -40)};
    for (float aspect : {16.0f / 9.0f, 1.0f, 0.5f})
        for (const ViewDirection& dir : directions) {
            const Camera cam = frameBounds(b, dir, aspect, 0.05f);
            float maxX = 0.0f, maxY = 0.0f;
            for (int i = 0; i < 8; ++i) {
                const glm::vec3 c((i & 1) ? b.max.x : b.min.x, (i & 2) ? b.max.y : b.min.y, (i & 4) ? b.max.z : b.min.z);
                float depth = 0.0f;
                const glm::vec2 px = projectToPixels(cam, c, 1000.0f * aspect, 1000.0f, &depth);
                CHECK(depth > cam.nearZ);
                CHECK(depth < cam.farZ);
                maxX = std::max(maxX, std::abs(px.x / (1000.0f * aspect) - 0.5f));
                maxY = std::max(maxY, std::abs(px.y / 1000.0f - 0.5f));
            }
            CHECK(maxX <= 0.45f + 1e-3f);
            CHECK(maxY <= 0.45f + 1e-3f);
            CHECK(std::max(maxX, maxY) > 0.40f); // and it is not needlessly small
        }
}

TEST_CASE("a box's screen rectangle holds its projected corners and is refused when a corner is behind the camera") {
    Camera cam;
    cam.eye = {0, 0, 2};
    cam.target = {0, 0, 0};
    cam.nearZ = 0.1f;
    hv::scene::Bounds b;
    b.add({-0.1f, -0.2f, -0.1f});
    b.add({0.3f, 0.1f, 0.1f});
    const auto r = projectBounds(cam, b, 200.0f, 100.0f);
    REQUIRE(r);
    for (int i = 0; i < 8; ++i) {
        const glm::vec3 c((i & 1) ? b.max.x : b.min.x, (i & 2) ? b.max.y : b.min.y, (i & 4) ? b.max.z : b.min.z);
        const glm::vec2 px = projectToPixels(cam, c, 200.0f, 100.0f);
        CHECK(px.x >= r->min.x - 1e-3f);
        CHECK(px.x <= r->max.x + 1e-3f);
        CHECK(px.y >= r->min.y - 1e-3f);
        CHECK(px.y <= r->max.y + 1e-3f);
    }
    CHECK(r->min.x < 100.0f); // the box straddles the centre, more to the right
    CHECK(r->max.x > 100.0f);
    CHECK(r->max.y > 50.0f); // y goes down: the box reaches further below the centre
    CHECK(!projectBounds(cam, hv::scene::Bounds{}, 200.0f, 100.0f));
    hv::scene::Bounds behind = b;
    behind.add({0.0f, 0.0f, 2.5f});
    CHECK(!projectBounds(cam, behind, 200.0f, 100.0f));
}

TEST_CASE("focus framing centres on the highlighted items but keeps context around them") {
    DrawItem bone, muscle;
    bone.bounds.add({-0.3f, 0.0f, -0.1f});
    bone.bounds.add({0.3f, 1.0f, 0.1f});
    muscle.bounds.add({0.1f, 0.8f, 0.0f});
    muscle.bounds.add({0.12f, 0.82f, 0.02f});
    std::vector<DrawItem> items{bone, muscle};
    CHECK(focusBounds(items).min == bone.bounds.min);
    items[1].flags = kHighlighted;
    const hv::scene::Bounds f = focusBounds(items, 0.2f);
    CHECK(f.size().y == doctest::Approx(0.2f + 0.01f + 0.18f).epsilon(0.01)); // clipped at the top (1.0)
    CHECK(f.min.y == doctest::Approx(0.61f).epsilon(0.01));
    CHECK(f.min.x >= bone.bounds.min.x);
}
