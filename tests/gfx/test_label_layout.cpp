// Callout layout: the promises made in label_layout.hpp, checked on many random inputs.
#include "gfx/label_layout.hpp"

#include <doctest/doctest.h>

#include <random>

using namespace hv::gfx;

namespace {

bool segmentsCross(glm::vec2 a, glm::vec2 b, glm::vec2 c, glm::vec2 d) {
    const auto cross = [](glm::vec2 u, glm::vec2 v) { return u.x * v.y - u.y * v.x; };
    const float d1 = cross(b - a, c - a), d2 = cross(b - a, d - a), d3 = cross(d - c, a - c), d4 = cross(d - c, b - c);
    return ((d1 > 0) != (d2 > 0)) && ((d3 > 0) != (d4 > 0)) && d1 != 0 && d2 != 0 && d3 != 0 && d4 != 0;
}

} // namespace

TEST_CASE("callouts never overlap, never leave the image, and leaders on one side never cross") {
    std::mt19937 rng(7);
    std::uniform_real_distribution<float> u(0.0f, 1.0f);
    for (int trial = 0; trial < 300; ++trial) {
        CalloutLayoutParams p;
        p.width = 400.0f + 1600.0f * u(rng);
        p.height = 300.0f + 900.0f * u(rng);
        p.margin = 12.0f;
        p.figureMin = {p.width * (0.2f + 0.2f * u(rng)), p.height * 0.05f};
        p.figureMax = {p.width * (0.6f + 0.2f * u(rng)), p.height * 0.95f};
        const int n = 1 + static_cast<int>(u(rng) * 12);
        std::vector<CalloutRequest> req;
        for (int i = 0; i < n; ++i)
            req.push_back({{p.figureMin.x + (p.figureMax.x - p.figureMin.x) * u(rng),
                            p.figureMin.y + (p.figureMax.y - p.figureMin.y) * u(rng)},
                           {60.0f + 200.0f * u(rng), 24.0f + 20.0f * u(rng)}});
        const auto out = layoutCallouts(req, p);
        REQUIRE(out.size() == req.size());
        for (std::size_t i = 0; i < out.size(); ++i) {
            if (!out[i].placed) continue;
            CHECK(out[i].boxMin.x >= p.margin - 0.01f);
            CHECK(out[i].boxMin.y >= p.margin - 0.01f);
            CHECK(out[i].boxMax.x <= p.width - p.margin + 0.01f);
            CHECK(out[i].boxMax.y <= p.height - p.margin + 0.01f);
            CHECK(out[i].anchor == req[i].anchor);
            for (std::size_t j = 0; j < i; ++j) {
                if (!out[j].placed) continue;
                CHECK(!boxesOverlap(out[i], out[j]));
                if (out[i].onLeft == out[j].onLeft)
                    CHECK(!segmentsCross(out[i].leaderStart, out[i].anchor, out[j].leaderStart, out[j].anchor));
            }
        }
    }
}

TEST_CASE("a few callouts all find room, beside the figure when there is space") {
    CalloutLayoutParams p;
    p.width = 1920;
    p.height = 1080;
    p.figureMin = {700, 100};
    p.figureMax = {1200, 1000};
    std::vector<CalloutRequest> req{{{800, 400}, {160, 36}}, {{1100, 420}, {220, 36}}, {{820, 410}, {120, 36}}};
    const auto out = layoutCallouts(req, p);
    for (const auto& c : out) {
        CHECK(c.placed);
        if (c.onLeft) CHECK(c.boxMax.x <= p.figureMin.x);
        else CHECK(c.boxMin.x >= p.figureMax.x);
    }
    CHECK(out[0].onLeft);
    CHECK(!out[1].onLeft);
}

TEST_CASE("callouts that cannot fit are reported as not placed instead of overlapping") {
    CalloutLayoutParams p;
    p.width = 300;
    p.height = 100;
    p.figureMin = {100, 10};
    p.figureMax = {200, 90};
    std::vector<CalloutRequest> req(8, CalloutRequest{{150, 50}, {80, 30}});
    const auto out = layoutCallouts(req, p);
    int placed = 0;
    for (const auto& c : out) placed += c.placed ? 1 : 0;
    CHECK(placed >= 2);
    CHECK(placed < 8);
}

TEST_CASE("a callout points at the deepest visible pixel of its structure, near the preferred point") {
    // A 20 x 10 id image: structure 5 fills x in [2, 12), y in [2, 8); structure 9 elsewhere.
    const int w = 20, h = 10;
    std::vector<std::uint32_t> ids(static_cast<std::size_t>(w * h), 9);
    for (int y = 2; y < 8; ++y)
        for (int x = 2; x < 12; ++x) ids[static_cast<std::size_t>(y * w + x)] = 5;
    const std::uint32_t want[] = {5};
    const auto a = visibleAnchor(ids, w, h, want, {3.0f, 3.0f});
    REQUIRE(a);
    CHECK(a->coverage == 60);
    const int px = static_cast<int>(a->pixel.x), py = static_cast<int>(a->pixel.y);
    CHECK(ids[static_cast<std::size_t>(py * w + px)] == 5);
    CHECK(px >= 4);
    CHECK(px <= 9);
    CHECK(py >= 4);
    CHECK(py <= 5);
    const std::uint32_t missing[] = {7};
    CHECK(!visibleAnchor(ids, w, h, missing, {0, 0}));
}
