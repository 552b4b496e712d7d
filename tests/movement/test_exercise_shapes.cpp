// The exercises look the way they are taught: at each one's key moment the joint angles, and the
// knees, ankles, shins and trunk placed by forward kinematics, are where a trainer would put them.
#include "exercise_geometry.hpp"

#include "movement/player.hpp"

#include <cmath>

using namespace hv;
using namespace hv::test;

namespace {

// Unit vector along a - b.
Vec3 unit(const Vec3& v) { return v / std::sqrt(v.x * v.x + v.y * v.y + v.z * v.z); }

double angleDeg(const Vec3& a, const Vec3& b) {
    return toDegrees(std::acos(std::clamp(a.x * b.x + a.y * b.y + a.z * b.z, -1.0, 1.0)));
}

} // namespace

TEST_CASE("the hip's outward rotation reaches 60 degrees, the top of its normal range with the hip bent") {
    // Wilson and Furukawa 2014: 40 to 60 deg of external rotation with the hip and knee at 90 deg;
    // the figure-4 and pigeon stretches need it. Inward rotation keeps Rajagopal's 40 deg.
    for (const char* name : {"hip_rotation_r", "hip_rotation_l"}) {
        const Coordinate& c = content().model.coordinates[static_cast<std::size_t>(coordinate(name))];
        CHECK(toDegrees(c.minValue) == doctest::Approx(-60.0));
        CHECK(toDegrees(c.maxValue) == doctest::Approx(40.0));
    }
}

TEST_CASE("figure-4: the right ankle rests on the left thigh just below the knee, the shin across it and the knee falling out") {
    for (const double t : {2.0, 7.0}) {
        INFO("figure-4 at t = " << t);
        const ExercisePose p = exercisePose("figure-4", t);
        const Vec3 hipL = p.hip("l"), kneeL = p.knee("l"), ankleR = p.ankle("r");
        const Vec3 thighAxis = unit(kneeL - hipL);
        const double thighLength = distance(kneeL, hipL);
        const double along = glm::dot(ankleR - hipL, thighAxis);
        const Vec3 offAxis = ankleR - hipL - along * thighAxis;
        const double offAxisLength = std::sqrt(glm::dot(offAxis, offAxis));
        const Vec3 thighFront = p.body("femur_l").applyVector({1.0, 0.0, 0.0});
        MESSAGE("right ankle " << 100 * distance(ankleR, kneeL) << " cm from the left knee, at " << 100 * along / thighLength
                               << " % of the thigh, " << 100 * offAxisLength << " cm off its axis");
        CHECK(distance(ankleR, kneeL) < 0.09);
        // On the thigh near the knee: the last fifth of the thigh, on its front, about a thigh's
        // half-thickness off the bone (neither inside it nor floating above it).
        CHECK(along > 0.8 * thighLength);
        CHECK(along < thighLength);
        CHECK(offAxisLength > 0.04);
        CHECK(offAxisLength < 0.09);
        CHECK(glm::dot(offAxis, thighFront) > 0.0);
        // The crossed shin at about a right angle to the thigh it lies on.
        const double cross = angleDeg(unit(p.knee("r") - ankleR), thighAxis);
        CHECK(cross > 70.0);
        CHECK(cross < 110.0);
        // The right knee falls out to the side, well outside the right hip.
        CHECK(p.knee("r").z - p.hip("r").z > 0.10);
    }
    // The hold draws the left thigh toward the chest.
    CHECK(exercisePose("figure-4", 7.0).deg("hip_flexion_l") > exercisePose("figure-4", 2.0).deg("hip_flexion_l") + 20.0);
}

TEST_CASE("squat: at the bottom the knees track over the feet with near-vertical shins from the front, no frog abduction") {
    const ExercisePose standing = exercisePose("squat", 0.0);
    const ExercisePose bottom = exercisePose("squat", 2.25);
    for (const char* s : {"r", "l"}) {
        INFO("side " << s);
        const std::string side = s;
        const double sign = side == "r" ? 1.0 : -1.0; // lateral is +Z on the right, -Z on the left
        CHECK(bottom.deg("hip_flexion_" + side) >= 100.0);
        CHECK(-bottom.deg("hip_adduction_" + side) < 15.0);
        const Vec3 knee = bottom.knee(side), ankle = bottom.ankle(side);
        CHECK(frontalDegreesFromVertical(knee - ankle) < 10.0);
        // The knee over the toes of a foot turned slightly out: a little outside the ankle,
        // never inside it.
        const double outside = sign * (knee.z - ankle.z);
        CHECK(outside > 0.0);
        CHECK(outside < 0.06);
        // The feet stay where they stood: the width between the ankles does not change.
        CHECK(std::abs(bottom.ankle(side).z - standing.ankle(side).z) < 0.01);
    }
}

TEST_CASE("couch stretch: the back shin lies up the couch, and tucking the pelvis deepens the hip extension") {
    const ExercisePose start = exercisePose("couch-stretch", 0.0);
    const ExercisePose tucked = exercisePose("couch-stretch", 5.0);
    for (const ExercisePose* p : {&start, &tucked}) {
        CHECK(p->deg("knee_angle_r") >= 125.0);
        CHECK(p->deg("knee_angle_r") <= 145.0);
        const Vec3 knee = p->room(p->knee("r")), ankle = p->room(p->ankle("r"));
        CHECK(knee.y < 0.08);                                   // kneeling on the right knee
        CHECK(ankle.y > 0.3);                                   // the foot up against the couch
        CHECK(sagittalDegreesFromVertical(ankle - knee) < 36.0); // the shin up the couch, not 45 deg off
        CHECK(trunkLeanDegrees(*p) < 5.0);                      // the trunk stays upright
    }
    // The tuck takes the hip at least 20 deg further into extension while the knee, the foot on
    // the couch and the front foot stay where they are.
    CHECK(tucked.deg("pelvis_tilt") < start.deg("pelvis_tilt") - 15.0);
    CHECK(tucked.deg("hip_flexion_r") < start.deg("hip_flexion_r") - 20.0);
    CHECK(distance(tucked.knee("r"), start.knee("r")) < 0.01);
    CHECK(distance(tucked.ankle("r"), start.ankle("r")) < 0.01);
    CHECK(distance(tucked.ankle("l"), start.ankle("l")) < 0.015);
}

TEST_CASE("pigeon: hips square, back leg straight, and folding down adds real trunk flexion") {
    const ExercisePose up = exercisePose("pigeon", 1.0);
    const ExercisePose folded = exercisePose("pigeon", 9.0);
    for (const ExercisePose* p : {&up, &folded}) {
        CHECK(std::abs(p->deg("pelvis_obliquity")) < 5.0);
        CHECK(std::abs(p->deg("pelvis_rotation")) < 5.0);
        CHECK(std::abs(lumbarSum(*p, "bending")) < 3.0);
        CHECK(std::abs(lumbarSum(*p, "rotation")) < 3.0);
        CHECK(p->deg("knee_angle_l") < 10.0);
        // The front leg lies on the floor with its shin across the body, the ankle in front of the
        // other hip.
        CHECK(p->room(p->knee("r")).y < 0.12);
        CHECK(p->room(p->ankle("r")).y < 0.12);
        CHECK(p->ankle("r").z < 0.0);
        CHECK(p->ankle("r").x > p->hip("l").x);
        CHECK(p->deg("hip_rotation_r") < -45.0);
    }
    CHECK(trunkLeanDegrees(folded) > trunkLeanDegrees(up) + 30.0);
    CHECK(lumbarSum(folded, "flexion") > lumbarSum(up, "flexion") + 20.0);
    CHECK(folded.deg("hip_flexion_r") > up.deg("hip_flexion_r") + 10.0);
}

TEST_CASE("hip hinge: the trunk tips 70 to 90 degrees with a flat back, hips back and shins near vertical") {
    const ExercisePose standing = exercisePose("hip-hinge", 0.0);
    const ExercisePose hinge = exercisePose("hip-hinge", 2.25);
    const double lean = trunkLeanDegrees(hinge);
    MESSAGE("hip hinge trunk lean " << lean << " deg");
    CHECK(lean >= 70.0);
    CHECK(lean <= 90.0);
    CHECK(std::abs(lumbarSum(hinge, "flexion")) < 2.0);
    for (const char* side : {"r", "l"}) {
        CHECK(sagittalDegreesFromVertical(hinge.knee(side) - hinge.ankle(side)) < 12.0);
        // The hips go back behind the ankles.
        CHECK(hinge.hip(side).x < hinge.ankle(side).x - 0.04);
        CHECK(hinge.hip(side).x < standing.hip(side).x - 0.04);
    }
}

TEST_CASE("a rounded forward bend keeps the hips over the feet and curls the back, unlike the hinge") {
    const ExercisePose standing = exercisePose("forward-bend-rounded", 0.0);
    const ExercisePose rounded = exercisePose("forward-bend-rounded", 2.25);
    const ExercisePose hinge = exercisePose("hip-hinge", 2.25);
    CHECK(lumbarSum(rounded, "flexion") > 40.0);
    CHECK(trunkLeanDegrees(rounded) > 45.0);
    for (const char* side : {"r", "l"}) {
        CHECK(std::abs(rounded.hip(side).x - standing.hip(side).x) < 0.03);
        CHECK(sagittalDegreesFromVertical(rounded.knee(side) - rounded.ankle(side)) < 5.0);
        // Told apart at a glance: the hinge's hips sit clearly further back.
        CHECK(hinge.hip(side).x < rounded.hip(side).x - 0.04);
    }
    CHECK(lumbarSum(rounded, "flexion") > lumbarSum(hinge, "flexion") + 40.0);
}

TEST_CASE("single-leg deadlift: the trunk tips forward on a near-vertical standing shin, the free leg in line with it, the pelvis level") {
    const ExercisePose p = exercisePose("single-leg-deadlift", 2.25);
    // 50 deg: deeper, the single-leg-stance model (trendelenburg.hpp), which takes the gluteals'
    // abduction moment arms at the pose, finds them short at full strength (its supply falls with
    // hip flexion) and drops the pelvis.
    CHECK(trunkLeanDegrees(p) >= 45.0);
    CHECK(std::abs(lumbarSum(p, "flexion")) < 2.0);
    CHECK(sagittalDegreesFromVertical(p.knee("r") - p.ankle("r")) < 12.0);
    // The left leg reaches back along the trunk's line: its thigh points opposite the trunk.
    const Vec3 trunkUp = p.body("L1").applyVector({0.0, 1.0, 0.0});
    const Vec3 thighDown = p.body("femur_l").applyVector({0.0, -1.0, 0.0});
    CHECK(angleDeg(unit(trunkUp), unit(thighDown)) > 150.0);
    CHECK(p.sample.trendelenburg.dropDeg < 0.5);
    CHECK(std::abs(p.deg("pelvis_obliquity")) < 1.0);
}

namespace {

// A point on the back of the thorax at shoulder-blade level, in the thorax's frame (m): 0.25 m
// above the centre of the T12-L1 disc and 0.06 m behind it, where the upper back rests on a
// bench (behind the generated ribs at that height).
constexpr Vec3 kShoulderBladesInThorax{-0.06, 0.25, 0.0};

// The largest distance (m) a point moves from where it was at t = 0, sampled every 0.05 s.
template <class Where>
double largestMove(const std::string& id, double from, double to, Where where) {
    const Vec3 start = where(exercisePose(id, from));
    double worst = 0.0;
    for (double t = from; t <= to + 1e-9; t += 0.05) worst = std::max(worst, distance(where(exercisePose(id, t)), start));
    return worst;
}

} // namespace

TEST_CASE("hip thrust: shoulders on the bench, the hips drive from about 80 degrees of flexion to extension over vertical shins with the feet planted") {
    const ExercisePose bottom = exercisePose("hip-thrust", 0.0);
    const ExercisePose top = exercisePose("hip-thrust", 2.0);
    REQUIRE(bottom.movement->posture == movement::Posture::Supine);
    const auto roomUp = [](const ExercisePose& p, const Vec3& v) { return p.room(v).y; };
    for (const char* s : {"r", "l"}) {
        INFO("side " << s);
        const std::string side = s;
        CHECK(bottom.deg("hip_flexion_" + side) >= 75.0);
        CHECK(bottom.deg("hip_flexion_" + side) <= 95.0);
        // At the top the hip is straight or a little beyond, the knee near a right angle, the
        // shin upright in the room and the thigh level.
        CHECK(top.deg("hip_flexion_" + side) <= 0.0);
        CHECK(top.deg("knee_angle_" + side) >= 70.0);
        CHECK(top.deg("knee_angle_" + side) <= 100.0);
        const Vec3 knee = top.room(top.knee(side)), ankle = top.room(top.ankle(side)), hip = top.room(top.hip(side));
        CHECK(degreesFromVertical(knee - ankle) < 10.0);
        CHECK(std::abs(knee.y - hip.y) < 0.03);
        // The feet stay flat where they stood, on the floor.
        CHECK(largestMove("hip-thrust", 0.0, 4.0, [&](const ExercisePose& p) { return p.room(p.ankle(side)); }) < 0.01);
        CHECK(bottom.room(bottom.ankle(side)).y == doctest::Approx(0.057).epsilon(0.1));
    }
    // The trunk is level at the top (shoulders to knees in one line) and the pelvis tucks under:
    // tilted back with the low back flattened, not arched.
    // (Trunk lean is measured from the trunk's standing direction, so lying level reads 90.)
    CHECK(trunkLeanDegrees(top) == doctest::Approx(90.0).epsilon(0.06));
    CHECK(trunkLeanDegrees(bottom) < 70.0);
    CHECK(top.deg("pelvis_tilt") <= -5.0);
    CHECK(lumbarSum(top, "flexion") >= 5.0);
    // The hips rise by more than 25 cm while the shoulders stay at one height on the bench.
    CHECK(roomUp(top, top.body("pelvis").translation) - roomUp(bottom, bottom.body("pelvis").translation) > 0.25);
    double lowest = 1e9, highest = -1e9, lowestPelvis = 1e9;
    for (double t = 0.0; t <= 4.0 + 1e-9; t += 0.05) {
        const ExercisePose p = exercisePose("hip-thrust", t);
        const double h = roomUp(p, p.body("thorax").apply(kShoulderBladesInThorax));
        lowest = std::min(lowest, h);
        highest = std::max(highest, h);
        lowestPelvis = std::min(lowestPelvis, roomUp(p, p.body("pelvis").translation));
    }
    MESSAGE("hip thrust: shoulder blades between " << 100 * lowest << " and " << 100 * highest << " cm above the floor");
    CHECK(highest - lowest < 0.015);
    // ... and do not slide along it by more than a few centimetres.
    CHECK(largestMove("hip-thrust", 0.0, 4.0, [](const ExercisePose& p) { return p.room(p.body("thorax").apply(kShoulderBladesInThorax)); }) < 0.03);
    // At the bottom the buttocks stay off the floor (the pelvis' back is about 0.17 m behind its origin).
    CHECK(lowestPelvis > movement::kSupinePelvisHeight);
}

TEST_CASE("cable pull-through: a hinge with a flat back and near-vertical shins, then the hips drive forward to standing") {
    const ExercisePose standing = exercisePose("cable-pull-through", 0.0);
    const ExercisePose bottom = exercisePose("cable-pull-through", 2.25);
    const ExercisePose top = exercisePose("cable-pull-through", 4.5);
    const double lean = trunkLeanDegrees(bottom);
    MESSAGE("cable pull-through trunk lean " << lean << " deg");
    CHECK(lean >= 45.0);
    CHECK(lean <= 80.0);
    CHECK(std::abs(lumbarSum(bottom, "flexion")) < 2.0);
    for (const char* s : {"r", "l"}) {
        const std::string side = s;
        INFO("side " << side);
        CHECK(sagittalDegreesFromVertical(bottom.knee(side) - bottom.ankle(side)) < 15.0);
        CHECK(bottom.hip(side).x < bottom.ankle(side).x - 0.04); // the hips go back toward the cable
        CHECK(bottom.hip(side).x < standing.hip(side).x - 0.04);
        // At the top the hips are fully straight, the knees too, the trunk tall.
        CHECK(top.deg("hip_flexion_" + side) <= 0.0);
        CHECK(top.deg("knee_angle_" + side) < 5.0);
        // The feet stay where they stood, a little wider than the hips.
        CHECK(largestMove("cable-pull-through", 0.0, 5.5, [&](const ExercisePose& p) { return p.ankle(side); }) < 0.01);
        CHECK(std::abs(standing.ankle(side).z) > std::abs(standing.hip(side).z) + 0.05);
    }
    CHECK(trunkLeanDegrees(top) < 5.0);
}

TEST_CASE("monster walk: from a half squat each foot in turn steps forward and out while the other stays planted and the pelvis level") {
    const ExercisePose stance = exercisePose("monster-walk", 0.0);
    for (const char* s : {"r", "l"}) {
        const std::string side = s;
        INFO("side " << side);
        CHECK(stance.deg("hip_flexion_" + side) >= 20.0);
        CHECK(stance.deg("hip_flexion_" + side) <= 35.0);
        CHECK(stance.deg("knee_angle_" + side) >= 20.0);
        CHECK(stance.deg("knee_angle_" + side) <= 35.0);
    }
    struct Step {
        const char* stepping;
        const char* standing;
        double planted; // s: the stepping foot is down, forward and out
        double from, to; // s: the stepping leg's turn
    };
    for (const Step& step : {Step{"r", "l", 1.25, 0.0, 2.5}, Step{"l", "r", 3.75, 2.5, 5.0}}) {
        const std::string stepping = step.stepping, standing = step.standing;
        INFO("stepping with the " << stepping << " leg");
        const ExercisePose p = exercisePose("monster-walk", step.planted);
        const double outward = stepping == "r" ? 1.0 : -1.0;
        const Vec3 moved = p.ankle(stepping) - stance.ankle(stepping);
        MESSAGE("monster walk: the " << stepping << " foot steps " << 100 * moved.x << " cm forward and " << 100 * outward * moved.z
                                     << " cm out");
        CHECK(moved.x > 0.10);
        CHECK(outward * moved.z > 0.05);
        CHECK(std::abs(moved.y) < 0.01); // down on the floor
        // The stepping hip bends and opens further than in the stance.
        CHECK(p.deg("hip_flexion_" + stepping) > stance.deg("hip_flexion_" + stepping));
        CHECK(-p.deg("hip_adduction_" + stepping) > -stance.deg("hip_adduction_" + stepping) + 5.0);
        CHECK(largestMove("monster-walk", step.from, step.to, [&](const ExercisePose& q) { return q.foot(standing); }) < 0.001);
    }
    for (double t = 0.0; t <= 5.0 + 1e-9; t += 0.05) {
        const ExercisePose p = exercisePose("monster-walk", t);
        INFO("t = " << t);
        CHECK(std::abs(p.deg("pelvis_obliquity")) < 1.0);
        CHECK(p.sample.trendelenburg.dropDeg < 0.5);
    }
    // One round ends where it began, so the loop does not jump.
    const ExercisePose end = exercisePose("monster-walk", 5.0);
    CHECK(distance(end.body("pelvis").translation, stance.body("pelvis").translation) < 0.001);
}

TEST_CASE("banded lunge: a step forward into a lunge with the front knee at a right angle over the foot, the back knee low and the trunk upright") {
    const ExercisePose standing = exercisePose("banded-lunge", 0.0);
    const ExercisePose bottom = exercisePose("banded-lunge", 2.85);
    CHECK(bottom.deg("knee_angle_r") >= 80.0);
    CHECK(bottom.deg("knee_angle_r") <= 100.0);
    CHECK(bottom.deg("knee_angle_l") > 70.0);
    CHECK(trunkLeanDegrees(bottom) < 15.0);
    CHECK(bottom.knee("l").y < 0.15); // the back knee close to the floor
    // The front knee over the foot: the shin near vertical from the side, and from the front the
    // knee does not drift inside the foot (what the band pulls it toward).
    const Vec3 knee = bottom.knee("r"), ankle = bottom.ankle("r");
    CHECK(sagittalDegreesFromVertical(knee - ankle) < 20.0);
    CHECK(knee.z > ankle.z - 0.01);
    CHECK(frontalDegreesFromVertical(knee - ankle) < 5.0);
    // A real step: the front foot lands well ahead of the back one, then stays planted while the
    // body lowers and rises; the back foot pivots on its toes without sliding far.
    CHECK(bottom.ankle("r").x - standing.ankle("l").x > 0.6);
    CHECK(largestMove("banded-lunge", 1.4, 4.3, [](const ExercisePose& p) { return p.foot("r"); }) < 0.001);
    CHECK(std::abs(bottom.ankle("l").x - standing.ankle("l").x) < 0.05);
    CHECK(largestMove("banded-lunge", 0.0, 1.4, [](const ExercisePose& p) { return p.foot("l"); }) < 0.001);
    // Back to standing where it began.
    const ExercisePose end = exercisePose("banded-lunge", bottom.movement->duration());
    CHECK(distance(end.ankle("r"), standing.ankle("r")) < 0.005);
    CHECK(distance(end.body("pelvis").translation, standing.body("pelvis").translation) < 0.005);
}
