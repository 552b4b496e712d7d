// Distances to the generated bones straight from their signed distance functions: inside and
// outside where they must be, the left bones the mirror images of the right, and the per-cell
// primitive lists giving the full SDF's value near the surface.
#include "bonegen/bone_distance.hpp"
#include "bonegen/bones.hpp"
#include "content/content_fixture.hpp"
#include "core/kinematics.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace hv;
using namespace hv::bonegen;

TEST_CASE("the femoral head centre lies deep inside the femur and a point half a metre away lies outside") {
    const Content& content = test::projectContent();
    const BoneDistance bones(content);
    const int femur = content.model.findBody("femur_r");
    REQUIRE(bones.hasBone(femur));
    // The femur's origin is the centre of its head (OpenSim femur frame).
    CHECK(bones.signedDistance(femur, Vec3{0.0}) < -0.015);
    CHECK(bones.signedDistance(femur, Vec3{0.5, 0.0, 0.0}) > 0.3);
    CHECK(!bones.hasBone(-1));
}

TEST_CASE("a left bone gives the distance of the right bone at the mirrored point") {
    const Content& content = test::projectContent();
    const BoneDistance bones(content);
    const int right = content.model.findBody("femur_r"), left = content.model.findBody("femur_l");
    REQUIRE(bones.hasBone(left));
    for (const Vec3& p : {Vec3{0.02, -0.05, 0.03}, Vec3{-0.01, -0.2, 0.0}, Vec3{0.0, 0.01, 0.045}}) {
        CHECK(bones.signedDistance(left, {p.x, p.y, -p.z}) == doctest::Approx(bones.signedDistance(right, p)));
    }
}

TEST_CASE("near the surface the query equals the whole signed distance function of the bone") {
    const Content& content = test::projectContent();
    const BoneDistance bones(content);
    const int pelvis = content.model.findBody("pelvis");
    BoneShape shape;
    REQUIRE(shapeFor("pelvis", content.boneParameters.defaults(), skeletonLandmarks(content.model), shape));
    int near = 0;
    // A line through the right hip socket and the ilium, sampled every 2 mm.
    for (int i = 0; i <= 150; ++i) {
        const Vec3 p = Vec3{-0.07, -0.066, 0.083} + Vec3{0.0008, 0.0015, 0.0002} * static_cast<double>(i);
        const double full = shape.sdf.value(p);
        if (std::abs(full) >= BoneDistance::kExactBand) continue;
        ++near;
        CHECK(bones.signedDistance(pelvis, p) == doctest::Approx(full).epsilon(1e-9));
    }
    CHECK(near > 10);
}

TEST_CASE("the nearest bone of a ground point at the hip centre in standing is the femur or the pelvis, with the point inside") {
    const Content& content = test::projectContent();
    const Model& model = content.model;
    const BoneDistance bones(content);
    const std::vector<Transform> bodies = computeBodyTransforms(model, model.defaultPose());
    const int femur = model.findBody("femur_r");
    const BoneDistance::Nearest n = bones.nearest(bodies, bodies[static_cast<std::size_t>(femur)].apply(Vec3{0.0}));
    CHECK(n.distance < -0.01);
    CHECK((n.body == femur || n.body == model.findBody("pelvis")));
}
