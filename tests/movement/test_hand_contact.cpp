// The hands in the movements: where a movement puts them on the floor, the palms' contact points
// (movement/contact_points.hpp, at core/body_points.hpp's kPalmInHand) lie on it; nowhere does a palm go below the floor; a movement that names
// no arm coordinate keeps the arms relaxed at the sides.
#include "exercise_geometry.hpp"

#include "core/body_points.hpp"
#include "core/math.hpp"
#include "movement/contact_points.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

namespace hv::test {
namespace {

// The moments the content puts a hand flat on the floor: movement, time (s), which palms.
struct FloorHands {
    const char* movement;
    double time;
    std::vector<const char*> palms;
};
const std::vector<FloorHands>& floorHands() {
    static const std::vector<FloorHands> list{
        {"pigeon", 6.0, {"palm_r", "palm_l"}},  // folded down over the front leg, arms long on the floor
        {"pigeon", 9.0, {"palm_r", "palm_l"}},
        {"pigeon", 12.0, {"palm_r", "palm_l"}},
    };
    return list;
}

// The palm contact point of one hand ("palm_r" or "palm_l") at the pose, in the room.
double palmHeight(const ExercisePose& p, const std::string& name) {
    movement::ContactFilter hand = movement::kHandsOnly;
    hand.side = name == "palm_l" ? Side::Left : Side::Right;
    const auto placed = movement::placeContacts(content().model, p.bodies, hand);
    if (placed.size() != 1) FAIL("no single palm point for " << name);
    return p.room(placed.front().position).y;
}

bool namesAnArm(const movement::Movement& m) {
    for (int c : m.coordinates)
        if (content().model.coordinates[static_cast<std::size_t>(c)].group == "arm") return true;
    return false;
}

} // namespace

TEST_CASE("the contact points hold both palms on the hands at kPalmInHand, the left one mirrored") {
    const Model& model = content().model;
    const auto bodies = computeBodyTransforms(model, model.defaultPose());
    const auto palms = movement::placeContacts(model, bodies, movement::kHandsOnly);
    REQUIRE(palms.size() == 2);
    for (const movement::PlacedContact& c : palms) {
        CHECK(c.point->part == movement::ContactPart::Hand);
        const int hand = model.findBody(c.side == Side::Right ? "hand_r" : "hand_l");
        REQUIRE(hand >= 0);
        Vec3 expected = kPalmInHand;
        if (c.side == Side::Left) expected.z = -expected.z;
        CHECK(glm::length(bodies[static_cast<std::size_t>(hand)].inverse().apply(c.position) - expected) < 1e-9);
    }
    CHECK(palms[0].side != palms[1].side);
}

TEST_CASE("where a movement puts the hands on the floor the palms lie within 2 cm of it and not below") {
    for (const FloorHands& f : floorHands()) {
        const ExercisePose p = exercisePose(f.movement, f.time);
        for (const char* palm : f.palms) {
            const double y = palmHeight(p, palm);
            INFO(std::string(f.movement) << " at " << f.time << " s, " << std::string(palm) << " " << y * 1000.0 << " mm above the floor");
            CHECK(y >= -0.001);
            CHECK(y <= 0.02);
        }
    }
}

TEST_CASE("no palm goes below the floor in any sample of any movement") {
    for (const movement::Movement& m : movements().movements) {
        const movement::MovementPlayer player(content().model, m);
        double lowest = 1e9, at = 0.0;
        std::string which;
        for (double t = 0.0; t <= m.duration() + 1e-9; t += 0.1) {
            const ExercisePose p = exercisePose(m.id, t);
            for (const char* palm : {"palm_r", "palm_l"}) {
                const double y = palmHeight(p, palm);
                if (y < lowest) lowest = y, at = t, which = palm;
            }
        }
        INFO(m.id << ": " << which << " lowest at " << at << " s, " << lowest * 1000.0 << " mm");
        CHECK(lowest >= -0.001);
    }
}

TEST_CASE("a movement that names no arm coordinate keeps the arms relaxed at the sides") {
    const Model& model = content().model;
    int without = 0;
    for (const movement::Movement& m : movements().movements) {
        if (namesAnArm(m)) continue;
        ++without;
        const ExercisePose p = exercisePose(m.id, 0.5 * m.duration());
        for (const Coordinate& c : model.coordinates)
            if (c.group == "arm") {
                INFO(m.id << " " << c.name);
                CHECK(p.deg(c.name) == doctest::Approx(toDegrees(c.defaultValue)));
            }
        // the hands hang beside the hips: below the shoulders, the elbow under the shoulder
        for (const char* side : {"r", "l"}) {
            const Vec3 shoulder = p.body(std::string("humerus_") + side).translation;
            const Vec3 wrist = p.body(std::string("hand_") + side).translation;
            const Vec3 trunkUp = p.body("thorax").applyVector({0.0, 1.0, 0.0});
            INFO(m.id << " side " << std::string(side));
            CHECK(glm::dot(wrist - shoulder, trunkUp) < -0.45);
        }
    }
    CHECK(without > 5);
}

TEST_CASE("the arms' keys follow the movements as taught: reaching up, arms forward in the squat") {
    const auto up = [](const ExercisePose& p, const char* side) {
        // the hand above the shoulder in the room
        return p.room(p.body(std::string("hand_") + side).translation).y - p.room(p.body(std::string("humerus_") + side).translation).y;
    };
    SUBCASE("psoas stretch: the right arm reaches up and over") {
        const ExercisePose p = exercisePose("psoas-stretch", 7.0);
        CHECK(up(p, "r") > 0.4);
    }
    SUBCASE("reverse warrior: the right arm reaches up, the left hand slides down the back leg") {
        const ExercisePose p = exercisePose("reverse-warrior", 7.0);
        CHECK(up(p, "r") > 0.4);
        CHECK(up(p, "l") < -0.4);
    }
    SUBCASE("squat: the arms reach forward at the bottom") {
        const movement::Movement& m = movementById("squat");
        double best = -1.0;
        for (double t = 0.0; t <= m.duration(); t += 0.1) {
            const ExercisePose p = exercisePose("squat", t);
            const Vec3 reach = p.room(p.body("hand_r").translation) - p.room(p.body("humerus_r").translation);
            best = std::max(best, reach.x);
        }
        CHECK(best > 0.4);
    }
}

} // namespace hv::test
