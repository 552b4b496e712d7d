#include "document/pose_controls.hpp"

#include "core/pose_text.hpp"

#include "document/document_fixture.hpp"

#include <set>
#include <string>

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

TEST_CASE("sliders speak the user units of the core: degrees and metres") {
    const Model& m = test::uiContent().model;
    const Coordinate& flex = m.coordinates[static_cast<std::size_t>(test::coord("hip_flexion_r"))];
    const Coordinate& ty = m.coordinates[static_cast<std::size_t>(test::coord("pelvis_ty"))];
    CHECK(sliderValue(flex, kPi / 2) == doctest::Approx(90.0));
    CHECK(sliderToSi(flex, 45.0) == doctest::Approx(kPi / 4));
    CHECK(sliderFormat(flex) == "%.1f deg");
    CHECK(sliderValue(ty, 0.94) == doctest::Approx(0.94));
    CHECK(sliderToSi(ty, 0.5) == doctest::Approx(0.5));
    CHECK(sliderFormat(ty) == "%.3f m");
}

TEST_CASE("--pose pelvis_tx=X and the slider showing X give the same SI pose") {
    const Model& m = test::uiContent().model;
    for (const char* name : {"pelvis_tx", "pelvis_ty", "pelvis_tz", "hip_flexion_r", "L5_S1_flexion"}) {
        const Coordinate& c = m.coordinates[static_cast<std::size_t>(test::coord(name))];
        for (const double x : {0.25, 0.5, 0.75}) {
            // X: a value inside the coordinate's range, as the slider shows it.
            const double shown = sliderValue(c, c.minValue + x * (c.maxValue - c.minValue));
            std::string error;
            const auto typed = parsePose(m, std::string(name) + "=" + std::to_string(shown), error);
            REQUIRE_MESSAGE(typed, error);
            REQUIRE(typed->size() == 1);
            CAPTURE(name);
            CAPTURE(shown);
            CHECK((*typed)[0].value == doctest::Approx(sliderToSi(c, shown)).epsilon(1e-6));
            CHECK(sliderValue(c, (*typed)[0].value) == doctest::Approx(shown).epsilon(1e-6));
        }
    }
    // The pelvis' forward position: 0.05 typed is 0.05 m, and the slider shows 0.050 m.
    const Coordinate& tx = m.coordinates[static_cast<std::size_t>(test::coord("pelvis_tx"))];
    std::string error;
    const auto typed = parsePose(m, "pelvis_tx=0.05", error);
    REQUIRE(typed);
    CHECK((*typed)[0].value == doctest::Approx(0.05));
    CHECK(sliderValue(tx, (*typed)[0].value) == doctest::Approx(0.05));
    CHECK(sliderToSi(tx, 0.05) == doctest::Approx((*typed)[0].value));
}
