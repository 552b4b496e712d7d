#include "core/wrap_cylinder.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace hv;

TEST_CASE("a path straight through the axis wraps with tangent length sqrt(D^2-r^2) and arc pi-2acos(r/D)") {
    const double r = 0.02, d = 0.05, h = 0.03;
    const CylinderWrap w = wrapOverCylinder({-d, 0, 0}, {d, 0, h}, r, WrapQuadrant::PosY);
    REQUIRE(w.wrapped);
    const double tangent = std::sqrt(d * d - r * r);
    const double arc = r * (kPi - 2.0 * std::acos(r / d));
    const double planar = 2.0 * tangent + arc;
    CHECK(w.length == doctest::Approx(std::sqrt(planar * planar + h * h)));
    // Over the +y side, tangent points at angle acos(r/d) from the -x and +x directions.
    CHECK(w.tangent1.y > 0.0);
    CHECK(w.tangent2.y > 0.0);
    CHECK(w.tangent1.x == doctest::Approx(-r * r / d));
    CHECK(w.tangent2.x == doctest::Approx(r * r / d));
    CHECK(std::hypot(w.tangent1.x, w.tangent1.y) == doctest::Approx(r));
    // Height grows linearly with unrolled length.
    CHECK(w.tangent1.z == doctest::Approx(h * tangent / planar));
    CHECK(w.tangent2.z == doctest::Approx(h * (tangent + arc) / planar));
}

TEST_CASE("the quadrant picks the side: -y goes under") {
    const CylinderWrap w = wrapOverCylinder({-0.05, 0, 0}, {0.05, 0, 0}, 0.02, WrapQuadrant::NegY);
    REQUIRE(w.wrapped);
    CHECK(w.tangent1.y < 0.0);
    CHECK(w.sweepAngle > 0.0); // counter-clockwise from the -x side under to +x
}

TEST_CASE("without a quadrant a path that misses the cylinder stays straight") {
    const CylinderWrap w = wrapOverCylinder({-0.05, 0.03, 0}, {0.05, 0.03, 0}, 0.02, WrapQuadrant::All);
    CHECK_FALSE(w.wrapped);
    CHECK(w.length == doctest::Approx(0.1));
}

TEST_CASE("with a quadrant, passing clear on the allowed side stays straight, on the other side it is forced round") {
    const CylinderWrap clear = wrapOverCylinder({-0.05, 0.03, 0}, {0.05, 0.03, 0}, 0.02, WrapQuadrant::PosY);
    CHECK_FALSE(clear.wrapped);
    const CylinderWrap forced = wrapOverCylinder({-0.05, 0.03, 0}, {0.05, 0.03, 0}, 0.02, WrapQuadrant::NegY);
    REQUIRE(forced.wrapped);
    CHECK(forced.tangent1.y < 0.0);
    CHECK(forced.length > 0.1);
}

TEST_CASE("the wrapped length is continuous as the path starts touching the cylinder") {
    const double r = 0.02;
    double previous = -1.0;
    for (double y = 0.03; y >= 0.0; y -= 0.0005) {
        const double len = wrapOverCylinder({-0.05, y, 0}, {0.05, y, 0}, r, WrapQuadrant::PosY).length;
        if (previous > 0) CHECK(std::abs(len - previous) < 1e-3);
        previous = len;
    }
}

TEST_CASE("points inside the radius never wrap (as OpenSim)") {
    CHECK_FALSE(wrapOverCylinder({0.01, 0, 0}, {0.05, 0.05, 0}, 0.02, WrapQuadrant::All).wrapped);
}

TEST_CASE("the wrapped path is never shorter than the straight line") {
    for (double a = 0.0; a < 2 * kPi; a += 0.3) {
        const Vec3 p{0.06 * std::cos(a), 0.06 * std::sin(a), -0.02};
        const Vec3 s{-0.05 * std::cos(a + 0.2), -0.05 * std::sin(a + 0.2), 0.04};
        const CylinderWrap w = wrapOverCylinder(p, s, 0.025, WrapQuadrant::All);
        CHECK(w.length >= glm::length(s - p) - 1e-12);
    }
}

TEST_CASE("arc samples lie on the surface and join the tangent points") {
    const CylinderWrap w = wrapOverCylinder({-0.05, 0, 0}, {0.05, 0, 0.02}, 0.02, WrapQuadrant::PosY);
    std::vector<Vec3> arc;
    sampleWrapArc(w, 0.02, 0.1, arc);
    REQUIRE(arc.size() >= 3);
    for (const Vec3& p : arc) CHECK(std::hypot(p.x, p.y) == doctest::Approx(0.02));
    CHECK(glm::length(arc.front() - w.tangent1) < 1e-12);
    CHECK(glm::length(arc.back() - w.tangent2) < 1e-12);
}
