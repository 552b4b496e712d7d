#include "core/kinematics.hpp"

#include "fixtures.hpp"

#include <doctest/doctest.h>

using namespace hv;

namespace {
void checkRotation(const Mat3& r) {
    const Mat3 rtr = glm::transpose(r) * r;
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j) CHECK(rtr[i][j] == doctest::Approx(i == j ? 1.0 : 0.0).epsilon(1e-12));
    CHECK(glm::determinant(r) == doctest::Approx(1.0));
}
} // namespace

TEST_CASE("rotation about an axis follows the right-hand rule") {
    const Mat3 rz = rotationAboutAxis({0, 0, 1}, kPi / 2);
    const Vec3 x = rz * Vec3{1, 0, 0};
    CHECK(x.x == doctest::Approx(0.0).epsilon(1e-12));
    CHECK(x.y == doctest::Approx(1.0));
    checkRotation(rotationAboutAxis({1, 2, 3}, 0.7));
    checkRotation(rotationXyzBodyFixed({0.3, -1.2, 2.0}));
}

TEST_CASE("body-fixed XYZ angles compose as Rx * Ry * Rz") {
    const Vec3 a{0.3, -0.4, 0.5};
    const Mat3 expected = rotationAboutAxis({1, 0, 0}, a.x) * rotationAboutAxis({0, 1, 0}, a.y) *
                          rotationAboutAxis({0, 0, 1}, a.z);
    const Mat3 r = rotationXyzBodyFixed(a);
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j) CHECK(r[i][j] == doctest::Approx(expected[i][j]));
}

TEST_CASE("mirroring a rotation keeps it proper and reflects what it does") {
    const Mat3 r = rotationAboutAxis({0.2, 0.5, 0.8}, 0.9);
    const Mat3 m = mirrorRotation(r);
    checkRotation(m);
    const Vec3 p{0.1, 0.2, 0.3};
    const Vec3 lhs = m * mirrorZ(p);
    const Vec3 rhs = mirrorZ(r * p);
    CHECK(lhs.x == doctest::Approx(rhs.x));
    CHECK(lhs.y == doctest::Approx(rhs.y));
    CHECK(lhs.z == doctest::Approx(rhs.z));
}

TEST_CASE("forward kinematics of a hinge moves a point on a circle") {
    Model model = test::hingeModel({0.1, 0.0, 0.0}, {0.0, -0.3, 0.0});
    std::vector<double> q{kPi / 2};
    const auto bodies = computeBodyTransforms(model, q);
    const Vec3 p = bodies[1].apply({0.0, -0.3, 0.0});
    // Rz(90 deg) takes -Y to +X.
    CHECK(p.x == doctest::Approx(0.3));
    CHECK(p.y == doctest::Approx(0.0).epsilon(1e-12));
}

TEST_CASE("joint offsets: X = parentOffset * X_FM(q) * childOffset^-1") {
    Model model = test::hingeModel({0, 0, 0}, {0, 0, 0});
    model.joints[1].parentOffset.translation = {0.0, -0.5, 0.0};
    model.joints[1].childOffset.translation = {0.0, 0.2, 0.0};
    std::vector<double> q{0.0};
    auto bodies = computeBodyTransforms(model, q);
    // The child's frame origin sits 0.2 below the joint centre, which is 0.5 below the parent.
    CHECK(bodies[1].translation.y == doctest::Approx(-0.7));
    q[0] = kPi;
    bodies = computeBodyTransforms(model, q);
    CHECK(bodies[1].translation.y == doctest::Approx(-0.3));
}

TEST_CASE("a spline-driven translation axis moves the child by the function's value") {
    Model model = test::hingeModel({0, 0, 0}, {0, 0, 0});
    model.joints[1].rotations[0] = {};
    model.joints[1].translations[0] = {Vec3{0, 2, 0}, 0, ScalarFunction::spline({0.0, 1.0, 2.0, 3.0}, {0.0, 0.1, 0.4, 0.9})};
    std::vector<double> q{2.0};
    const auto bodies = computeBodyTransforms(model, q);
    CHECK(bodies[1].translation.y == doctest::Approx(0.4)); // the axis is normalised
}

TEST_CASE("mirroring adds a left body whose motion is the mirror image for the same coordinate value") {
    Model model = test::hingeModel({0.05, 0.02, 0.04}, {0.03, -0.2, 0.06});
    model.joints[1].parentOffset.translation = {0.0, -0.1, 0.08};
    model.joints[1].rotations[1] = {Vec3{1, 0, 0}, 0, ScalarFunction::linear(0.5, 0.1)};
    CHECK(addMirroredLeftSide(model) == 1);
    REQUIRE(model.bodies.size() == 3);
    CHECK(model.bodies[2].name == "arm_l");
    CHECK(model.coordinates[1].name == "q_l");
    CHECK(model.bodies[2].side == Side::Left);
    const int left = model.findMuscle("m", Side::Left);
    REQUIRE(left >= 0);
    std::vector<double> q(model.coordinates.size(), 0.37);
    const auto bodies = computeBodyTransforms(model, q);
    const Vec3 p{0.03, -0.2, 0.06};
    const Vec3 right = bodies[1].apply(p);
    const Vec3 leftP = bodies[2].apply(mirrorZ(p));
    CHECK(leftP.x == doctest::Approx(right.x));
    CHECK(leftP.y == doctest::Approx(right.y));
    CHECK(leftP.z == doctest::Approx(-right.z));
}

TEST_CASE("otherSideName swaps only a trailing side suffix") {
    CHECK(otherSideName("hip_flexion_r") == "hip_flexion_l");
    CHECK(otherSideName("femur_l") == "femur_r");
    CHECK(otherSideName("pelvis") == "pelvis");
    CHECK(otherSideName("L5_S1_flexion") == "L5_S1_flexion");
}
