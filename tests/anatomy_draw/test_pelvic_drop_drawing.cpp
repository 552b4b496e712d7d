// The Trendelenburg drop drawn: the angle is measured from the pose's hip centres (a pelvis tipped
// down on one side by a known obliquity reads as that angle), the callout names the side that
// drops, and the drawer adds the lines and the callout only when asked.
#include "anatomy_draw/pelvic_drop_drawing.hpp"

#include "anatomy_draw/anatomy_drawer.hpp"
#include "content/content_fixture.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace hv;
using namespace hv::draw;

namespace {

std::vector<double> oblique(const Model& model, double degrees) {
    std::vector<double> q = model.defaultPose();
    q[static_cast<std::size_t>(model.findCoordinate("pelvis_obliquity"))] = toRadians(degrees);
    return q;
}

} // namespace

TEST_CASE("the drawn pelvic drop equals the pelvis' obliquity and names the side that drops") {
    const Model& model = test::projectContent().model;
    const auto level = pelvicDropGeometry(model, Side::Right, model.defaultPose(), Transform{});
    REQUIRE(level);
    CHECK(std::abs(level->dropDeg) < 0.01);
    CHECK(pelvicDropLabel(*level, Side::Right) == "Pelvis level");
    CHECK(std::abs(level->level.y) < 1e-6f);
    // Negative obliquity: the left side of the pelvis lower (the sign the single-leg-stance test
    // states). Standing on the right, the swing (left) side drops.
    const auto dropped = pelvicDropGeometry(model, Side::Right, oblique(model, -8.0), Transform{});
    REQUIRE(dropped);
    CHECK(dropped->dropDeg == doctest::Approx(8.0).epsilon(0.02));
    CHECK(pelvicDropLabel(*dropped, Side::Right) == "Pelvis drops 8 deg on the left");
    // Standing on the left with the pelvis lower on the right.
    const auto mirrored = pelvicDropGeometry(model, Side::Left, oblique(model, 6.0), Transform{});
    REQUIRE(mirrored);
    CHECK(mirrored->dropDeg == doctest::Approx(6.0).epsilon(0.02));
    CHECK(pelvicDropLabel(*mirrored, Side::Left) == "Pelvis drops 6 deg on the right");
    // The lines lie behind the hip centres: further back than the pelvis' origin (scene -Z is
    // behind for the standing model).
    CHECK(dropped->stanceHip.z < -0.05f);
}

TEST_CASE("the drawer adds the pelvic drop's lines and callout only when asked") {
    const Content& content = test::projectContent();
    const AnatomyDrawer drawer(content);
    const std::vector<double> q = oblique(content.model, -8.0);
    DrawOptions o;
    const DrawList without = drawer.build(q, o);
    o.pelvicDrop = Side::Right;
    const DrawList with = drawer.build(q, o);
    CHECK(with.items.size() == without.items.size() + 3); // level line, hip line, arc
    int callouts = 0;
    for (const LabelAnchor& a : with.labels)
        if (a.muscleId == "pelvic_drop") {
            ++callouts;
            CHECK(a.text == "Pelvis drops 8 deg on the left");
        }
    CHECK(callouts == 1);
}
