// The floor on a small synthetic scene: a light plane under the objects, darker next to a box
// standing on it than next to one floating well above it (the contact shadow), invisible and
// never picked from below.
#include "render_support.hpp"

#include "anatomy_draw/detail/shapes.hpp"
#include "anatomy_draw/room_drawing.hpp"
#include "gfx/camera.hpp"
#include "scene/geometry.hpp"

#include <doctest/doctest.h>

#include <glm/gtc/matrix_transform.hpp>

using namespace hv;
using namespace hv::gfx;

namespace {

constexpr int kW = 240, kH = 180;

// A closed cube of edge `size` whose bottom face's centre is `bottom` (counter-clockwise fronts).
DrawItem cube(const glm::vec3& bottom, float size, std::uint32_t pick) {
    scene::Primitive p;
    draw::detail::appendBox(p, bottom - glm::vec3(size / 2, 0, size / 2), bottom + glm::vec3(size / 2, size, size / 2));
    DrawItem i;
    i.mesh = std::make_shared<const scene::Primitive>(std::move(p));
    i.pickId = pick;
    i.material.baseColor = {0.2f, 0.3f, 0.6f, 1.0f};
    for (const auto& q : i.mesh->positions) i.bounds.add(q);
    return i;
}

Camera cameraAt(const glm::vec3& eye) {
    Camera c;
    c.eye = eye;
    c.target = {0, 0, 0};
    c.up = {0, 0, -1};
    c.fovYDegrees = 40.0f;
    c.nearZ = 0.5f;
    c.farZ = 2.6f; // the floor reaches far past this: it must not be cut off
    return c;
}

scene::Image renderFrom(std::span<const DrawItem> items, const Camera& camera) {
    render::FigureOptions o;
    o.width = kW;
    o.height = kH;
    o.ambientOcclusion = false;
    return test::figureRenderer()->render(items, camera, o).image;
}

// Mean brightness (0..255, the three channels) of the pixels around scene point `p`.
float brightnessAt(const scene::Image& im, const Camera& camera, const glm::vec3& p) {
    const glm::vec2 px = projectToPixels(camera, p, kW, kH);
    float sum = 0.0f;
    int n = 0;
    for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx) {
            const int x = static_cast<int>(px.x) + dx, y = static_cast<int>(px.y) + dy;
            REQUIRE(x >= 0);
            REQUIRE(y >= 0);
            REQUIRE(x < kW);
            REQUIRE(y < kH);
            const std::uint8_t* c = test::pixel(im, x, y);
            sum += (c[0] + c[1] + c[2]) / 3.0f;
            ++n;
        }
    return sum / static_cast<float>(n);
}

std::vector<DrawItem> sceneItems() {
    return {cube({0.35f, 0.0f, 0.0f}, 0.2f, 1), cube({-0.35f, 0.6f, 0.0f}, 0.2f, 2), draw::floorItem({0, 0, 0})};
}

} // namespace

TEST_CASE("the floor is a light plane under the objects, darkest beside the one that stands on it") {
    if (!test::figureRenderer()) return;
    const auto items = sceneItems();
    const Camera above = cameraAt({0.0f, 2.0f, 0.3f});
    const scene::Image im = renderFrom(items, above);
    // Open floor, away from both boxes: light grey, not the white background and not black.
    const float open = brightnessAt(im, above, {0.0f, 0.0f, 0.45f});
    CHECK(open < 245.0f);
    CHECK(open > 170.0f);
    // Far out, the floor has faded into the background (no hard border).
    const scene::Image wide = renderFrom(items, cameraAt({0.0f, 9.0f, 0.3f}));
    CHECK(test::pixel(wide, 2, 2)[0] > 250);
    // Beside the standing box the contact shadow darkens it; beside the floating one (0.6 m up,
    // twice the shadow's reach) it does not.
    const float touching = brightnessAt(im, above, {0.35f, 0.0f, 0.14f});
    const float floating = brightnessAt(im, above, {-0.35f, 0.0f, 0.14f});
    CHECK(touching < open - 25.0f);
    CHECK(floating > open - 6.0f);
}

TEST_CASE("from below the floor is not there: the boxes show through and are picked") {
    auto* fr = test::figureRenderer();
    if (!fr) return;
    const auto items = sceneItems();
    const Camera below = cameraAt({0.0f, -2.0f, 0.3f});
    const scene::Image im = renderFrom(items, below);
    // The standing box's bottom, seen through the floor: the box's blue, not the floor's grey.
    const glm::vec2 px = projectToPixels(below, {0.35f, 0.0f, 0.0f}, kW, kH);
    const std::uint8_t* c = test::pixel(im, static_cast<int>(px.x), static_cast<int>(px.y));
    CHECK(c[2] > c[0] + 30);
    // Open floor seen from below: the background.
    CHECK(brightnessAt(im, below, {0.0f, 0.0f, 0.45f}) > 250.0f);
    CHECK(fr->renderer().pick(items, below, kW, kH, static_cast<int>(px.x), static_cast<int>(px.y)) == 1);
    // From above, too, the floor is never what a click picks.
    const Camera above = cameraAt({0.0f, 2.0f, 0.3f});
    const glm::vec2 open = projectToPixels(above, {0.0f, 0.0f, 0.45f}, kW, kH);
    CHECK(fr->renderer().pick(items, above, kW, kH, static_cast<int>(open.x), static_cast<int>(open.y)) == 0);
}
