#include "document/pose_controls.hpp"

#include "support/document_fixture.hpp"

#include <set>

using namespace hv;
using namespace hv::doc;

TEST_CASE("the pose panel has a slider for every coordinate, once, in hip, knee, lumbar and pelvis groups") {
    const Model& m = test::uiContent().model;
    const auto groups = coordinateGroups(m);
    std::set<int> seen;
    std::size_t total = 0;
    for (const auto& g : groups) {
        CHECK_FALSE(g.coordinates.empty());
        for (int c : g.coordinates) seen.insert(c), ++total;
    }
    CHECK(total == m.coordinates.size());
    CHECK(seen.size() == m.coordinates.size());
    std::vector<std::string> titles;
    for (const auto& g : groups) titles.push_back(g.title);
    REQUIRE(titles.size() >= 5);
    CHECK(titles[0] == "Right hip");
    CHECK(titles[1] == "Left hip");
    CHECK(titles[2] == "Knees");
    CHECK(titles[3] == "Lumbar spine");
    CHECK(titles[4] == "Pelvis");
    for (int c : groups[1].coordinates) CHECK(m.coordinates[static_cast<std::size_t>(c)].side == Side::Left);
}

TEST_CASE("mirroring copies one side's angles onto the other and leaves the midline alone") {
    const Model& m = test::uiContent().model;
    std::vector<double> q = m.defaultPose();
    const auto fr = static_cast<std::size_t>(test::coord("hip_flexion_r"));
    const auto fl = static_cast<std::size_t>(test::coord("hip_flexion_l"));
    const auto kr = static_cast<std::size_t>(test::coord("knee_angle_r"));
    const auto kl = static_cast<std::size_t>(test::coord("knee_angle_l"));
    const auto tilt = static_cast<std::size_t>(test::coord("pelvis_tilt"));
    q[fr] = toRadians(70);
    q[kr] = toRadians(40);
    q[fl] = toRadians(-10);
    q[tilt] = toRadians(12);
    mirrorPose(m, Side::Right, q);
    CHECK(q[fl] == doctest::Approx(toRadians(70)));
    CHECK(q[kl] == doctest::Approx(q[kr]));
    CHECK(q[tilt] == doctest::Approx(toRadians(12)));
    q[fl] = toRadians(20);
    mirrorPose(m, Side::Left, q);
    CHECK(q[fr] == doctest::Approx(toRadians(20)));
}

TEST_CASE("sliders speak degrees and millimetres") {
    const Model& m = test::uiContent().model;
    const Coordinate& flex = m.coordinates[static_cast<std::size_t>(test::coord("hip_flexion_r"))];
    const Coordinate& ty = m.coordinates[static_cast<std::size_t>(test::coord("pelvis_ty"))];
    CHECK(sliderValue(flex, kPi / 2) == doctest::Approx(90.0));
    CHECK(sliderToSi(flex, 45.0) == doctest::Approx(kPi / 4));
    CHECK(std::string(sliderUnit(flex)) == "deg");
    CHECK(sliderValue(ty, 0.94) == doctest::Approx(940.0));
    CHECK(sliderToSi(ty, 500.0) == doctest::Approx(0.5));
    CHECK(std::string(sliderUnit(ty)) == "mm");
}
