#include "core/moment_arm.hpp"

#include "fixtures.hpp"

#include <doctest/doctest.h>

using namespace hv;

TEST_CASE("straight muscle about one hinge: -dL/dq equals the hand-derived moment arm") {
    // L(q)^2 = |O|^2 + |P|^2 - 2 O.Rz(q)P, so -dL/dq = O.(z x Rz(q)P) / L.
    const Vec3 origin{0.08, 0.12, 0.0};
    const Vec3 insertion{0.03, -0.25, 0.0};
    const Model model = test::hingeModel(origin, insertion);
    for (double q = -1.5; q <= 1.5; q += 0.25) {
        std::vector<double> pose{q};
        const Vec3 p = rotationAboutAxis({0, 0, 1}, q) * insertion;
        const double length = glm::length(origin - p);
        const double expected = glm::dot(origin, glm::cross(Vec3{0, 0, 1}, p)) / length;
        const double r = momentArm(model, {0, 0}, pose, 0);
        CHECK(r == doctest::Approx(expected).epsilon(1e-7));
        CHECK(r == doctest::Approx(geometricMomentArm(origin, p, {0, 0, 0}, {0, 0, 1})).epsilon(1e-7));
    }
}

TEST_CASE("a muscle in front of a hinge about Z is a positive (flexor-like) moment arm") {
    // Origin high and in front, insertion low and in front: rotating +Z brings the insertion
    // forward and up (shortening), so r = -dL/dq > 0.
    const Model model = test::hingeModel({0.05, 0.2, 0.0}, {0.05, -0.2, 0.0});
    std::vector<double> q{0.0};
    CHECK(momentArm(model, {0, 0}, q, 0) > 0.0);
}

TEST_CASE("moment arm is zero for a coordinate that does not move the path") {
    Model model = test::hingeModel({0.05, 0.2, 0.0}, {0.05, -0.2, 0.0});
    model.muscles[0].parts[0].points[1].body = 0; // both points on the base
    std::vector<double> q{0.3};
    CHECK(momentArm(model, {0, 0}, q, 0) == 0.0);
    CHECK_FALSE(partDependsOnCoordinate(model, model.muscles[0].parts[0], 0));
}

TEST_CASE("conditional points switch on and off with their coordinate") {
    Model model = test::hingeModel({0.0, 0.2, 0.0}, {0.0, -0.2, 0.0});
    MusclePart& part = model.muscles[0].parts[0];
    part.points.insert(part.points.begin() + 1, PathPoint{0, {0.1, 0.0, 0.0}, PointCondition{0, 0.5, 1.0}});
    PathEvaluator e(model);
    e.setPose(std::vector<double>{0.0});
    CHECK(e.length({0, 0}) == doctest::Approx(0.4));
    e.setPose(std::vector<double>{0.6});
    const auto bodies = e.bodyTransforms();
    const Vec3 ins = bodies[1].apply({0.0, -0.2, 0.0});
    const double expected = glm::length(Vec3{0.1, 0, 0} - Vec3{0, 0.2, 0}) + glm::length(ins - Vec3{0.1, 0, 0});
    CHECK(e.length({0, 0}) == doctest::Approx(expected));
}

TEST_CASE("over a wrap cylinder, -dL/dq equals the geometric moment arm of the last straight segment") {
    // Cylinder on the base, axis Z through (0.02, 0, 0), radius 0.03; the path from (0.06, 0.2)
    // on the base to (0.0, -0.2) on the arm bends around it. Moving the insertion slides the
    // tangent point, but to first order only the free end's line of action matters.
    Model model = test::hingeModel({0.06, 0.2, 0.0}, {0.0, -0.2, 0.01});
    WrapCylinder cyl;
    cyl.name = "c";
    cyl.body = 0;
    cyl.frame.translation = {0.06, 0.0, 0.0};
    cyl.radius = 0.03;
    model.wrapCylinders.push_back(cyl);
    model.muscles[0].parts[0].wraps.push_back({0, -1, -1});
    PathEvaluator e(model);
    for (double q : {0.0, 0.2, 0.4}) {
        e.setPose(std::vector<double>{q});
        PathGeometry g;
        e.geometry({0, 0}, g);
        REQUIRE(g.points.size() > 3); // it wraps
        CHECK(g.length == doctest::Approx(e.length({0, 0})));
        const Vec3 insertion = g.points.back();
        const Vec3 lastTangent = g.points[g.points.size() - 2];
        const double expected = geometricMomentArm(lastTangent, insertion, {0, 0, 0}, {0, 0, 1});
        CHECK(e.momentArm({0, 0}, 0) == doctest::Approx(expected).epsilon(1e-6));
    }
}

TEST_CASE("path geometry marks wrap-arc vertices with the surface's outward normal") {
    Model model = test::hingeModel({0.06, 0.2, 0.0}, {0.0, -0.2, 0.0});
    WrapCylinder cyl;
    cyl.name = "c";
    cyl.body = 0;
    cyl.frame.translation = {0.06, 0.0, 0.0};
    cyl.radius = 0.03;
    model.wrapCylinders.push_back(cyl);
    model.muscles[0].parts[0].wraps.push_back({0, -1, -1});
    PathEvaluator e(model);
    e.setPose(std::vector<double>{0.0});
    PathGeometry g;
    e.geometry({0, 0}, g);
    REQUIRE(g.surfaceNormal.size() == g.points.size());
    CHECK(glm::length(g.surfaceNormal.front()) == 0.0);
    int onSurface = 0;
    for (std::size_t i = 0; i < g.points.size(); ++i) {
        if (g.pathPoint[i] >= 0) continue;
        ++onSurface;
        const Vec3 radial = g.points[i] - Vec3{0.06, 0.0, g.points[i].z};
        CHECK(glm::length(radial) == doctest::Approx(0.03));
        CHECK(glm::dot(glm::normalize(radial), g.surfaceNormal[i]) == doctest::Approx(1.0));
    }
    CHECK(onSurface >= 2);
}
