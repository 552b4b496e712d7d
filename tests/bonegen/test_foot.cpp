// The generated foot: the sole and knee contact points lie on the skin just outside the bones
// they belong to, and the talus sits under the tibia without overlapping it.
#include "model_fixture.hpp"

#include "bonegen/bones.hpp"
#include "movement/contact_points.hpp"

#include <string>

using namespace hv;

namespace {

bonegen::BoneShape shapeOf(const std::string& body) {
    const Content& c = test::projectContent();
    bonegen::BoneShape shape;
    REQUIRE(bonegen::shapeFor(body, c.boneParameters.defaults(), bonegen::skeletonLandmarks(c.model), shape));
    return shape;
}

} // namespace

TEST_CASE("the foot and knee contact points lie on the skin a few millimetres outside their bone") {
    int checked = 0;
    for (const movement::ContactPoint& p : movement::contactPoints()) {
        // The pelvis' points lie at lying depths, the palm on the body outline (test_outline.cpp).
        if (p.part == movement::ContactPart::Pelvis || p.part == movement::ContactPart::Hand) continue;
        const bonegen::BoneShape shape = shapeOf(std::string(p.body));
        const double depth = shape.sdf.value(p.local); // m, positive outside the bone
        INFO(p.name << " on " << p.body << ": " << depth * 1000 << " mm outside the bone");
        CHECK(depth > 0.002);
        CHECK(depth < 0.016);
        ++checked;
    }
    CHECK(checked == 7);
}

TEST_CASE("the talus sits under the tibia at the ankle without overlapping it") {
    const bonegen::BoneShape tibia = shapeOf("tibia_r"), talus = shapeOf("talus_r");
    const Vec3 ankle{-0.01, -0.40, 0.0}; // the talus frame's origin in the tibia frame at the default pose
    int overlap = 0, talusPoints = 0;
    double talusTop = -1.0;
    for (double x = -0.04; x <= 0.05; x += 0.002)
        for (double y = -0.045; y <= 0.01; y += 0.001)
            for (double z = -0.03; z <= 0.03; z += 0.002) {
                const Vec3 inTalus{x, y, z};
                if (talus.sdf.value(inTalus) > 0.0) continue;
                ++talusPoints;
                talusTop = std::max(talusTop, y);
                if (tibia.sdf.value(inTalus + ankle) < 0.0) ++overlap;
            }
    INFO(overlap << " of " << talusPoints << " talus grid points inside the tibia; talus top " << talusTop * 1000 << " mm");
    CHECK(talusPoints > 1000);
    CHECK(overlap < talusPoints / 200);
    CHECK(talusTop > -0.002); // the dome reaches up into the ankle mortise
}
