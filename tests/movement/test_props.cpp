// Props in movements.toml ([[movement.prop]]): a good table loads into a Prop whose ends follow
// the pose; an unknown kind, an unknown body point and a bad size each get one message naming
// the file, the line and the field.
#include "movement_fixture.hpp"

#include "core/kinematics.hpp"
#include "movement/player.hpp"
#include "movement/prop.hpp"

#include <algorithm>
#include <cmath>

using namespace hv;
using namespace hv::movement;
using hv::test::contains;

namespace {

const std::string& kHead = hv::test::kLiftMovementFile;

MovementLoad withProp(const std::string& prop) {
    return loadMovementsFromString(kHead + "\n[[movement.prop]]\n" + prop, "movements.toml", hv::test::content());
}

// The line of the prop's table header in a withProp() text.
int propLine() { return 1 + static_cast<int>(std::count(kHead.begin(), kHead.end(), '\n')) + 1; }

Diagnostic only(const MovementLoad& l) {
    INFO(formatAll(l.diagnostics));
    CHECK_FALSE(l.library.has_value());
    REQUIRE(l.diagnostics.size() == 1);
    return l.diagnostics.front();
}

} // namespace

TEST_CASE("a couch, a band and a cable load with their sizes, points and anchor") {
    const auto load = loadMovementsFromString(kHead + R"(
[[movement.prop]]
kind = "couch"
top = [-0.5, 0.45, 0.1]
size = [0.8, 0.45, 1.8]

[[movement.prop]]
kind = "band"
from = "knee_r"
to = "knee_l"

[[movement.prop]]
kind = "cable"
anchor = [-1.2, 0.3, 0]
to = "pelvis"
)",
                                              "movements.toml", hv::test::content());
    INFO(formatAll(load.diagnostics));
    REQUIRE(load.library);
    const Movement& m = load.library->movements.front();
    REQUIRE(m.props.size() == 3);
    CHECK(m.props[0].kind == PropKind::Couch);
    CHECK(m.props[0].top.y == doctest::Approx(0.45));
    CHECK(m.props[0].size.z == doctest::Approx(1.8));
    CHECK(m.props[1].kind == PropKind::Band);
    CHECK(m.props[1].from.name == "knee_r");
    CHECK(m.props[1].to.body == hv::test::content().model.findBody("tibia_l"));
    CHECK(m.props[2].kind == PropKind::Cable);
    CHECK(m.props[2].anchor.x == doctest::Approx(-1.2));
    CHECK(m.props[2].line > m.props[1].line);
}

TEST_CASE("a band's ends follow the pose and lie at the knee centres") {
    const Model& model = hv::test::content().model;
    Prop band;
    band.kind = PropKind::Band;
    band.from = *namedBodyPoint(model, "knee_r");
    band.to = *namedBodyPoint(model, "knee_l");
    std::vector<double> q = model.defaultPose();
    const auto standing = propEnds(band, computeBodyTransforms(model, q), Transform{});
    REQUIRE(standing);
    // Standing: the knees about half a metre up, right (+z) and left (-z) of the midline.
    CHECK(standing->first.y == doctest::Approx(standing->second.y).epsilon(0.02));
    CHECK(standing->first.y > 0.3);
    CHECK(standing->first.y < 0.7);
    CHECK(standing->first.z > 0.0);
    CHECK(standing->second.z < 0.0);
    q[static_cast<std::size_t>(model.findCoordinate("hip_flexion_r"))] = 1.2;
    const auto flexed = propEnds(band, computeBodyTransforms(model, q), Transform{});
    REQUIRE(flexed);
    CHECK(flexed->first.y > standing->first.y + 0.1); // the right knee came up
    CHECK(flexed->second.y == doctest::Approx(standing->second.y));
}

TEST_CASE("an unknown prop kind is one message with the file, the line and the field") {
    const Diagnostic d = only(withProp("kind = \"sofa\"\ntop = [0, 0.4, 0]\nsize = [1, 0.4, 1]\n"));
    CHECK(d.file == "movements.toml");
    CHECK(d.line == propLine() + 1);
    CHECK(d.field == "movement[1].prop[1].kind");
    CHECK(contains(d.message, "unknown prop kind \"sofa\""));
    CHECK(contains(d.message, "couch"));
    CHECK(contains(d.message, "cable"));
}

TEST_CASE("an unknown body point is one message naming the point and the valid ones") {
    const Diagnostic d = only(withProp("kind = \"band\"\nfrom = \"knee_r\"\nto = \"elbow_l\"\n"));
    CHECK(d.line == propLine() + 3);
    CHECK(d.field == "movement[1].prop[1].to");
    CHECK(contains(d.message, "unknown body point \"elbow_l\""));
    CHECK(contains(d.message, "ankle_l"));
}

TEST_CASE("a size that is zero, negative or too large is one message with its field") {
    for (const char* size : {"[0.8, 0, 1.8]", "[-1, 0.4, 1]", "[0.8, 0.4, 12]"}) {
        CAPTURE(size);
        const Diagnostic d = only(withProp(std::string("kind = \"step\"\ntop = [0.3, 0.2, 0]\nsize = ") + size + "\n"));
        CHECK(d.line == propLine() + 3);
        CHECK(d.field == "movement[1].prop[1].size");
        CHECK(contains(d.message, "more than 0 and at most 4 m"));
    }
}

TEST_CASE("a field of another kind of prop is an unknown field") {
    const Diagnostic d = only(withProp("kind = \"band\"\nfrom = \"knee_r\"\nto = \"knee_l\"\nsize = [1, 1, 1]\n"));
    CHECK(d.field == "movement[1].prop[1].size");
    CHECK(contains(d.message, "unknown field"));
}

TEST_CASE("a band between one point and itself is refused") {
    const Diagnostic d = only(withProp("kind = \"band\"\nfrom = \"ankle_l\"\nto = \"ankle_l\"\n"));
    CHECK(d.field == "movement[1].prop[1].to");
    CHECK(contains(d.message, "two different body points"));
}

TEST_CASE("a prop below the floor is refused") {
    const Diagnostic d = only(withProp("kind = \"cable\"\nanchor = [1, -0.2, 0]\nto = \"pelvis\"\n"));
    CHECK(d.field == "movement[1].prop[1].anchor");
    CHECK(contains(d.message, "below the floor"));
}

TEST_CASE("a prop without a kind is one message saying the kind is missing") {
    const Diagnostic d = only(withProp("top = [0, 0.4, 0]\nsize = [1, 0.4, 1]\n"));
    CHECK(d.field == "movement[1].prop[1].kind");
    CHECK(contains(d.message, "missing"));
}
