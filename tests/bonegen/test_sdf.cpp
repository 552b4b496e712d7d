// Signed distance primitives and their combinations, against values worked out by hand.
#include "bonegen/sdf.hpp"

#include <doctest/doctest.h>

using namespace hv::bonegen;

TEST_CASE("primitive distances are exact where they should be: sphere, capsule, round cone, box, triangle, cylinder, torus") {
    CHECK(sphere({0, 0, 0}, 0.01).distance({0.03, 0, 0}) == doctest::Approx(0.02));
    CHECK(sphere({0, 0, 0}, 0.01).distance({0, 0, 0}) == doctest::Approx(-0.01));
    const Primitive cap = capsule({0, 0, 0}, {0.1, 0, 0}, 0.01);
    CHECK(cap.distance({0.05, 0.03, 0}) == doctest::Approx(0.02));  // beside the side
    CHECK(cap.distance({-0.02, 0, 0}) == doctest::Approx(0.01));    // beyond an end
    // a round cone from radius 0.02 to 0.01 over 0.1: the side leans by asin(0.1)
    const Primitive cone = roundCone({0, 0, 0}, {0.1, 0, 0}, 0.02, 0.01);
    const double s = 0.1, c = std::sqrt(1 - s * s);
    CHECK(cone.distance({0.05, 0.05, 0}) == doctest::Approx(0.05 * s + 0.05 * c - 0.02));
    CHECK(cone.distance({0.15, 0, 0}) == doctest::Approx(0.04));
    CHECK(cone.distance({-0.05, 0, 0}) == doctest::Approx(0.03));
    const Primitive b = box({0, 0, 0}, Mat3{1.0}, {0.02, 0.01, 0.01}, 0.0);
    CHECK(b.distance({0.05, 0, 0}) == doctest::Approx(0.03));
    CHECK(b.distance({0.05, 0.05, 0}) == doctest::Approx(std::sqrt(0.03 * 0.03 + 0.04 * 0.04)));
    CHECK(b.distance({0, 0, 0}) == doctest::Approx(-0.01));
    const Primitive t = thickTriangle({0, 0, 0}, {0.1, 0, 0}, {0, 0.1, 0}, 0.002, 0.002, 0.002);
    CHECK(t.distance({0.02, 0.02, 0.01}) == doctest::Approx(0.008)); // over the face
    CHECK(t.distance({-0.01, -0.01, 0}) == doctest::Approx(std::sqrt(2e-4) - 0.002)); // beyond a corner
    CHECK(t.distance({0.05, -0.01, 0}) == doctest::Approx(0.008)); // beyond an edge
    const Primitive cyl = cylinder({0, 0, -0.01}, {0, 0, 0.01}, 0.005);
    CHECK(cyl.distance({0.01, 0, 0}) == doctest::Approx(0.005));
    CHECK(cyl.distance({0, 0, 0.03}) == doctest::Approx(0.02));
    const Primitive tor = torus({0, 0, 0}, {0, 0, 1}, 0.05, 0.01);
    CHECK(tor.distance({0.05, 0, 0}) == doctest::Approx(-0.01));
    CHECK(tor.distance({0, 0, 0}) == doctest::Approx(0.04));
    CHECK(halfSpace({0, 0, 0}, {0, 2, 0}).distance({1, 0.3, 5}) == doctest::Approx(0.3));
    const Primitive cut = sphereCap({0, 0, 0}, 0.02, {1, 0, 0}, 0.01);
    CHECK(cut.distance({0.015, 0, 0}) < 0.0);
    CHECK(cut.distance({0.005, 0, 0}) > 0.0);
}

TEST_CASE("bounded primitives are negative only inside their bounds, and the ellipsoid's sign is exact") {
    const Primitive e = ellipsoid({0.01, 0, 0}, frameFromAxis({0, 1, 1}, {1, 0, 0}), {0.03, 0.02, 0.01});
    for (double x = -0.05; x <= 0.05; x += 0.005)
        for (double y = -0.05; y <= 0.05; y += 0.005)
            for (double z = -0.05; z <= 0.05; z += 0.005) {
                const Vec3 p{x, y, z};
                const Vec3 q = e.toLocal * (p - e.a);
                const double k = glm::length(q / e.size);
                if (std::abs(k - 1.0) > 1e-6) CHECK((e.distance(p) < 0.0) == (k < 1.0));
                if (e.distance(p) < 0.0) CHECK(e.bounds.distance(p) == 0.0);
            }
}

TEST_CASE("smooth union fillets within the blend distance and equals min beyond it, subtraction and intersection follow") {
    CHECK(smoothMin(0.1, 0.5, 0.05) == 0.1);
    CHECK(smoothMin(0.1, 0.1, 0.04) == doctest::Approx(0.1 - 0.01));
    CHECK(smoothMin(0.1, 0.12, 0.0) == 0.1);
    CHECK(smoothMax(-0.1, 0.2, 0.05) == 0.2);
    Sdf s;
    s.unite(sphere({0, 0, 0}, 0.01), 0.0);
    s.unite(sphere({0.03, 0, 0}, 0.01), 0.0);
    CHECK(s.value({0.015, 0, 0}) == doctest::Approx(0.005)); // the gap between two spheres
    s.subtract(sphere({0, 0, 0}, 0.005), 0.0);
    CHECK(s.value({0, 0, 0}) == doctest::Approx(0.005)); // hollowed
    Sdf blended;
    blended.unite(sphere({0, 0, 0}, 0.01), 0.0);
    blended.unite(sphere({0.03, 0, 0}, 0.01), 0.02);
    CHECK(blended.value({0.015, 0, 0}) < 0.005); // filled in between
    CHECK(blended.value({-0.02, 0, 0}) == doctest::Approx(0.01)); // unchanged far from the join
}

TEST_CASE("culling keeps every primitive that can change the value near the surface in a region") {
    Sdf s;
    s.unite(sphere({0, 0, 0}, 0.01), 0.0);
    s.unite(sphere({0.5, 0, 0}, 0.01), 0.004);
    s.subtract(sphere({0.01, 0, 0}, 0.004), 0.001);
    std::vector<std::uint32_t> near;
    s.cull(Aabb{{-0.02, -0.02, -0.02}, {0.02, 0.02, 0.02}}, 0.005, near);
    CHECK(near == std::vector<std::uint32_t>{0, 2});
    for (double x = -0.02; x <= 0.02; x += 0.001) CHECK(s.value({x, 0.003, 0}, near) == doctest::Approx(s.value({x, 0.003, 0})));
}

TEST_CASE("inside overlapping primitives the deepest one wins, whatever the boxes say") {
    Sdf s;
    s.begin(Combine::Union, 0.0);
    s.add(capsule({0, 0, 0}, {0.1, 0, 0}, 0.005));   // thin, evaluated first
    s.add(capsule({0.05, -0.05, 0}, {0.05, 0.05, 0}, 0.03)); // thick, its box holds the point too
    CHECK(s.value({0.05, 0.0, 0.0}) == doctest::Approx(-0.03));
    CHECK(s.value({0.05, 0.0, 0.02}) == doctest::Approx(-0.01));
}
