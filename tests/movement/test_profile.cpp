// Client profiles: measured ranges and strengths read from a small TOML file, every problem named
// with file, line and field, and the profile changing how a movement is done.
#include "movement_fixture.hpp"

#include "core/math.hpp"
#include "movement/player.hpp"
#include "movement/profile.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace hv;
using namespace hv::movement;

namespace {

const Model& model() { return hv::test::content().model; }

std::string joined(const Diagnostics& d) {
    std::string s;
    for (const Diagnostic& x : d) s += x.format() + "\n";
    return s;
}

} // namespace

TEST_CASE("a client profile gives hip limits in radians and per-side gluteus medius strength") {
    Diagnostics d;
    const auto p = parseClientProfile(model(),
                                      "title = \"Client A\"\n"
                                      "[range]\n"
                                      "hip_flexion_r = { max = 95 }\n"
                                      "hip_rotation = { min = -30, max = 20 }\n"
                                      "[strength]\n"
                                      "gluteus_medius_l = 0.4\n",
                                      "a.toml", d);
    INFO(joined(d));
    REQUIRE(p);
    CHECK(p->title == "Client A");
    REQUIRE(p->hipLimits.size() == 3); // flexion right, rotation both sides
    const int flex = model().findCoordinate("hip_flexion_r");
    const int rotL = model().findCoordinate("hip_rotation_l");
    bool sawFlex = false, sawRotL = false;
    for (const HipLimit& l : p->hipLimits) {
        if (l.coordinate == flex) {
            sawFlex = true;
            CHECK(l.max == doctest::Approx(toRadians(95.0)));
            CHECK(l.min == doctest::Approx(model().coordinates[static_cast<std::size_t>(flex)].minValue));
        }
        if (l.coordinate == rotL) {
            sawRotL = true;
            CHECK(l.min == doctest::Approx(toRadians(-30.0)));
            CHECK(l.max == doctest::Approx(toRadians(20.0)));
        }
    }
    CHECK(sawFlex);
    CHECK(sawRotL);
    CHECK(p->gluteusMediusStrength.left == doctest::Approx(0.4));
    CHECK(p->gluteusMediusStrength.right == doctest::Approx(1.0));
    const auto lines = describeClientProfile(model(), *p);
    REQUIRE(lines.size() == 4);
    CHECK(lines.back() == "Gluteus medius, left: 40 % of normal");
    CHECK(lines.front().find("95 deg") != std::string::npos);
}

TEST_CASE("each problem in a client profile is one message with the file, the line and the field") {
    Diagnostics d;
    const auto p = parseClientProfile(model(),
                                      "title = \"Bad\"\n"                         // 1
                                      "[range]\n"                                 // 2
                                      "hip_flexion_r = { max = 150 }\n"           // 3: beyond 120
                                      "hip_flexon_l = { max = 90 }\n"             // 4: unknown name
                                      "knee_angle_r = { max = 90 }\n"             // 5: not a hip coordinate
                                      "hip_rotation_r = { min = 20, max = 10 }\n" // 6: min above max
                                      "hip_adduction_r = {}\n"                    // 7: nothing given
                                      "[strength]\n"                              // 8
                                      "gluteus_medius_r = 1.5\n"                  // 9: above 1
                                      "gluteus_maximus = 0.5\n",                  // 10: unknown key
                                      "bad.toml", d);
    CHECK_FALSE(p);
    const std::string all = joined(d);
    INFO(all);
    CHECK(d.size() == 7);
    CHECK(all.find("bad.toml:3") != std::string::npos);
    CHECK(all.find("outside hip_flexion_r's range, -30 to 120 deg") != std::string::npos);
    CHECK(all.find("bad.toml:4") != std::string::npos);
    CHECK(all.find("hip_flexion_l") != std::string::npos); // the closest valid name is offered
    CHECK(all.find("bad.toml:5") != std::string::npos);
    CHECK(all.find("not a hip coordinate") != std::string::npos);
    CHECK(all.find("bad.toml:6") != std::string::npos);
    CHECK(all.find("MIN must not be above MAX") != std::string::npos);
    CHECK(all.find("bad.toml:7") != std::string::npos);
    CHECK(all.find("bad.toml:9") != std::string::npos);
    CHECK(all.find("bad.toml:10") != std::string::npos);
    CHECK(all.find("range.hip_flexion_r") != std::string::npos);
}

TEST_CASE("a profile without a title or without anything measured is refused") {
    Diagnostics d;
    CHECK_FALSE(parseClientProfile(model(), "[strength]\ngluteus_medius = 0.5\n", "t.toml", d));
    CHECK(joined(d).find("title") != std::string::npos);
    d.clear();
    CHECK_FALSE(parseClientProfile(model(), "title = \"Nothing\"\n", "n.toml", d));
    CHECK(joined(d).find("[range] or a [strength]") != std::string::npos);
    d.clear();
    CHECK_FALSE(parseClientProfile(model(), "title = \"x\"\n[range\n", "broken.toml", d));
    CHECK(joined(d).find("broken.toml") != std::string::npos);
}

TEST_CASE("the shipped example profiles load and change how a movement is done") {
    for (const char* name : {"stiff-right-hip.toml", "weak-gluteus-medius.toml"}) {
        Diagnostics d;
        const auto p = loadClientProfile(model(), hv::test::content().directory / "profiles" / name, d);
        INFO(name << "\n" << joined(d));
        REQUIRE(p);
    }
    Diagnostics d;
    const auto stiff = loadClientProfile(model(), hv::test::content().directory / "profiles" / "stiff-right-hip.toml", d);
    REQUIRE(stiff);
    // The right hip flexes to 95 deg at most, so a deep squat makes the pelvis and the low back
    // take up the rest.
    const Movement& squat = hv::test::movementById("squat");
    PlayOptions o;
    o.hipLimits = stiff->hipLimits;
    o.gluteusMediusStrength = stiff->gluteusMediusStrength;
    double worst = 0.0;
    bool reached = false;
    for (double t = 0.0; t <= squat.duration(); t += 0.25) {
        const PoseSample s = MovementPlayer(model(), squat, o).sample(t);
        worst = std::max(worst, toDegrees(s.q[static_cast<std::size_t>(model().findCoordinate("hip_flexion_r"))]));
        reached |= s.restriction.active;
    }
    CHECK(worst <= 95.0 + 1e-6);
    CHECK(reached);
}
