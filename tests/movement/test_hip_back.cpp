// The hip-back connection: role changes along the role-change movements, pelvic tilt carrying the
// lumbar spine, a restricted hip pushing motion into the lumbar levels, and the Trendelenburg sign.
#include "movement_fixture.hpp"

#include "core/kinematics.hpp"
#include "movement/lumbar.hpp"
#include "movement/restricted_hip.hpp"
#include "movement/stretch_map.hpp"
#include "movement/support.hpp"

#include <cmath>

using namespace hv;
using namespace hv::movement;

namespace {

const Model& model() { return hv::test::content().model; }

// Smallest and largest moment arm (m) of a part about its side's hip dof along a movement.
std::pair<double, double> momentArmRange(const std::string& movementId, const std::string& muscleId, int part, HipDof dof) {
    const Movement& m = hv::test::movementById(movementId);
    const MovementPlayer player(model(), m, {});
    StretchMap map(model());
    const PartRef ref{hv::test::muscle(muscleId, Side::Right), part};
    double lo = 1.0, hi = -1.0;
    for (double t = 0.0; t <= m.duration() + 1e-9; t += 0.1) {
        const double r = map.evaluate(ref, player.sample(t).q).momentArm[static_cast<std::size_t>(dof)];
        lo = std::min(lo, r);
        hi = std::max(hi, r);
    }
    return {lo, hi};
}

std::vector<HipLimit> flexionLimit(double maxDeg) {
    std::vector<HipLimit> limits;
    for (const char* name : {"hip_flexion_r", "hip_flexion_l"}) {
        const int c = hv::test::coordinate(name);
        limits.push_back({c, model().coordinates[static_cast<std::size_t>(c)].minValue, toRadians(maxDeg)});
    }
    return limits;
}

double coordDeg(const PoseSample& s, const char* name) {
    return toDegrees(s.q[static_cast<std::size_t>(hv::test::coordinate(name))]);
}

Mat3 trunkRotation(const std::vector<double>& q) {
    const auto bodies = computeBodyTransforms(model(), q);
    return bodies[static_cast<std::size_t>(model().findBody("L1"))].rotation;
}

double angleBetween(const Mat3& a, const Mat3& b) {
    const Mat3 r = glm::transpose(a) * b;
    const double c = std::clamp((r[0][0] + r[1][1] + r[2][2] - 1.0) / 2.0, -1.0, 1.0);
    return toDegrees(std::acos(c));
}

// Frontal-plane tilt of the line between the hip centres (deg): positive when the left hip
// centre is lower than the right one.
double leftHipDropDeg(const std::vector<double>& q) {
    const auto b = computeBodyTransforms(model(), q);
    const Vec3 r = b[static_cast<std::size_t>(model().findBody("femur_r"))].translation;
    const Vec3 l = b[static_cast<std::size_t>(model().findBody("femur_l"))].translation;
    return toDegrees(std::atan2(r.y - l.y, glm::length(Vec3{r.x - l.x, 0.0, r.z - l.z})));
}

} // namespace

TEST_CASE("piriformis-role-change passes through piriformis' crossover") {
    const auto [lo, hi] = momentArmRange("piriformis-role-change", "piriformis", 0, HipDof::Rotation);
    MESSAGE("piriformis rotation moment arm along the movement: " << lo * 1000 << " to " << hi * 1000 << " mm");
    CHECK(lo < -0.005); // an external rotator somewhere (m)
    CHECK(hi > 0.005);  // and an internal rotator somewhere else
    // With the thigh not turned, the switch happens inside the movement's 0-100 degree range.
    StretchMap map(model());
    const PartRef pir{hv::test::muscle("piriformis", Side::Right), 0};
    std::vector<double> q = model().defaultPose();
    const auto flex = static_cast<std::size_t>(hv::test::coordinate("hip_flexion_r"));
    q[flex] = toRadians(0.0);
    const double atZero = map.evaluate(pir, q).momentArm[2];
    q[flex] = toRadians(100.0);
    const double atHundred = map.evaluate(pir, q).momentArm[2];
    CHECK(atZero < 0.0);
    CHECK(atHundred > 0.0);
}

TEST_CASE("adductor-role-change takes adductor longus from hip flexor to hip extensor") {
    const auto [lo, hi] = momentArmRange("adductor-role-change", "adductor_longus", 0, HipDof::Flexion);
    MESSAGE("adductor longus flexion moment arm: " << lo * 1000 << " to " << hi * 1000 << " mm");
    CHECK(hi > 0.005);
    CHECK(lo < -0.002);
}

TEST_CASE("gluteus-maximus-role-change turns the upper fibres from outward toward inward rotation") {
    const auto [lo, hi] = momentArmRange("gluteus-maximus-role-change", "gluteus_maximus", 0, HipDof::Rotation);
    MESSAGE("gluteus maximus superior rotation moment arm: " << lo * 1000 << " to " << hi * 1000 << " mm");
    CHECK(lo < -0.005);
    CHECK(hi - lo > 0.01);
}

TEST_CASE("spreading over the lumbar levels follows their ranges and reports what does not fit") {
    const LumbarSpine spine = findLumbarSpine(model());
    REQUIRE(spine.complete());
    std::vector<double> q = model().defaultPose();
    CHECK(spreadOverLumbar(model(), spine, Plane::Sagittal, toRadians(20.0), q) == doctest::Approx(0.0));
    const auto f = [&](std::size_t level) { return q[static_cast<std::size_t>(spine.levels[level].coordinates[0])]; };
    CHECK(f(0) / f(4) == doctest::Approx(17.0 / 12.0)); // White and Panjabi: L5-S1 17, L1-L2 12 deg
    // Rotation: only 9 deg each way in the whole lumbar spine; 20 deg leaves 11 over.
    const double left = spreadOverLumbar(model(), spine, Plane::Transverse, toRadians(20.0), q);
    CHECK(toDegrees(left) == doctest::Approx(11.0).epsilon(1e-6));
    for (const LumbarLevel& l : spine.levels) {
        const auto c = static_cast<std::size_t>(l.coordinates[2]);
        CHECK(q[c] == doctest::Approx(model().coordinates[c].maxValue));
    }
}

TEST_CASE("pelvic tilt carries the lumbar spine: anterior tilt arches it, posterior tilt flattens it, the trunk stays put") {
    const Movement& m = hv::test::movementById("pelvic-tilt");
    const MovementPlayer player(model(), m, {});
    const PoseSample neutral = player.sample(0.0), anterior = player.sample(2.0), posterior = player.sample(5.0);
    CHECK(coordDeg(anterior, "pelvis_tilt") == doctest::Approx(15.0));
    CHECK(anterior.lumbar.plane(Plane::Sagittal).lumbarDeg == doctest::Approx(15.0).epsilon(0.01));
    double sum = 0.0;
    for (const LevelShare& l : anterior.lumbar.levels) sum += l.deg[0];
    CHECK(sum == doctest::Approx(-15.0).epsilon(0.01)); // extension
    sum = 0.0;
    for (const LevelShare& l : posterior.lumbar.levels) sum += l.deg[0];
    CHECK(sum == doctest::Approx(15.0).epsilon(0.01)); // flexion
    CHECK(angleBetween(trunkRotation(neutral.q), trunkRotation(anterior.q)) < 0.1);
    CHECK(angleBetween(trunkRotation(neutral.q), trunkRotation(posterior.q)) < 0.1);
}

TEST_CASE("the hip's share of each plane is named by its direction: figure-4 is flexion, abduction and external rotation") {
    const Movement& m = hv::test::movementById("figure-4");
    const MovementPlayer player(model(), m, {});
    const PoseSample held = player.sample(3.0);
    REQUIRE(held.lumbar.hipSide == Side::Right);
    const auto flexion = coordDeg(held, "hip_flexion_r"), adduction = coordDeg(held, "hip_adduction_r"),
               rotation = coordDeg(held, "hip_rotation_r");
    REQUIRE(flexion > 30.0);
    REQUIRE(adduction < -5.0);
    REQUIRE(rotation < -5.0);
    CHECK(held.lumbar.plane(Plane::Sagittal).hipDeg == doctest::Approx(flexion));
    CHECK(held.lumbar.plane(Plane::Sagittal).hipMotion == "flexion");
    CHECK(held.lumbar.plane(Plane::Frontal).hipMotion == "abduction");
    CHECK(held.lumbar.plane(Plane::Transverse).hipMotion == "external rotation");
    // standing still, no direction is named
    const PoseSample start = player.sample(0.0);
    for (const PlaneShare& ps : start.lumbar.planes)
        if (ps.hipDeg < 0.05) CHECK(ps.hipMotion.empty());
}

TEST_CASE("a hip hinge comes from the hips, rounding the back puts the bend in the lumbar spine") {
    const PoseSample hinge = MovementPlayer(model(), hv::test::movementById("hip-hinge")).sample(2.25);
    const PoseSample rounded = MovementPlayer(model(), hv::test::movementById("forward-bend-rounded")).sample(2.25);
    const double hingeShare = hinge.lumbar.plane(Plane::Sagittal).lumbarShare;
    const double roundedShare = rounded.lumbar.plane(Plane::Sagittal).lumbarShare;
    MESSAGE("lumbar share of the bend: hip hinge " << 100 * hingeShare << " %, rounded back " << 100 * roundedShare << " %");
    CHECK(hingeShare < 0.05);
    CHECK(roundedShare > 0.7);
}

TEST_CASE("restricting hip flexion raises the lumbar share of a forward bend") {
    const Movement& hinge = hv::test::movementById("hip-hinge");
    const PoseSample free = MovementPlayer(model(), hinge).sample(2.25);
    PlayOptions restricted;
    // The hinge bends the hips 92 deg; a limit of 50 deg leaves 42 deg, which the lumbar spine can
    // take (its flexion ranges add up to 49.3 deg).
    restricted.hipLimits = flexionLimit(50.0);
    const PoseSample stiff = MovementPlayer(model(), hinge, restricted).sample(2.25);

    const PlaneShare& a = free.lumbar.plane(Plane::Sagittal);
    const PlaneShare& b = stiff.lumbar.plane(Plane::Sagittal);
    MESSAGE("hip hinge, free hips: hip " << a.hipDeg << " deg, lumbar " << a.lumbarDeg << " deg (" << 100 * a.lumbarShare << " %)");
    MESSAGE("hip hinge, hip flexion limited to 50 deg: hip " << b.hipDeg << " deg, lumbar " << b.lumbarDeg << " deg ("
                                                               << 100 * b.lumbarShare << " %)");
    double takenUp = 0.0;
    for (const LevelShare& l : stiff.lumbar.levels) {
        MESSAGE("  " << std::string(l.name) << ": " << l.deg[0] << " deg, " << 100 * l.share[0] << " % (taken up "
                     << l.takenUpDeg[0] << " deg)");
        takenUp += l.takenUpDeg[0];
    }
    CHECK(takenUp == doctest::Approx(42.0).epsilon(0.01));
    CHECK(a.lumbarShare < 0.05);
    CHECK(b.lumbarShare > a.lumbarShare + 0.3);
    CHECK(b.hipDeg == doctest::Approx(50.0).epsilon(0.001));
    CHECK(stiff.restriction.active);
    CHECK(stiff.restriction.shortfallDeg[0] == doctest::Approx(42.0).epsilon(0.01));
    CHECK(stiff.restriction.takenUpTotalDeg[0] == doctest::Approx(42.0).epsilon(0.01));
    // The trunk and the thighs still end where the movement puts them.
    CHECK(angleBetween(trunkRotation(free.q), trunkRotation(stiff.q)) < 0.05);
    CHECK(stiff.restriction.thighUnreachedDeg < 0.05);
    // Spread by segmental range: L5-S1 takes 17/12 of what L1-L2 takes.
    CHECK(stiff.lumbar.levels[0].deg[0] / stiff.lumbar.levels[4].deg[0] == doctest::Approx(17.0 / 12.0).epsilon(0.001));
    CHECK(stiff.clamped.empty());
}

TEST_CASE("hips restricted to 25 degrees stop a full hip hinge short, the lumbar spine at the end of its flexion") {
    const Movement& hinge = hv::test::movementById("hip-hinge");
    const PoseSample free = MovementPlayer(model(), hinge).sample(2.25);
    PlayOptions restricted;
    restricted.hipLimits = flexionLimit(25.0);
    const PoseSample stiff = MovementPlayer(model(), hinge, restricted).sample(2.25);
    // 92 - 25 = 67 deg missing at the hips; the five levels give at most 11.3 + 10.7 + 10 + 9.3 + 8.
    CHECK(stiff.restriction.shortfallDeg[0] == doctest::Approx(67.0).epsilon(0.01));
    CHECK(stiff.restriction.takenUpTotalDeg[0] == doctest::Approx(49.3).epsilon(0.01));
    CHECK(stiff.lumbar.plane(Plane::Sagittal).lumbarShare > 0.6);
    CHECK(angleBetween(trunkRotation(free.q), trunkRotation(stiff.q)) == doctest::Approx(67.0 - 49.3).epsilon(0.02));
    CHECK(stiff.clamped.empty());
}

TEST_CASE("a stiff hip's missing rotation goes to the lumbar spine, which cannot make up all of it") {
    const Movement& turn = hv::test::movementById("standing-turn");
    PlayOptions o;
    const int rot = hv::test::coordinate("hip_rotation_r");
    o.hipLimits.push_back({rot, toRadians(-10.0), model().coordinates[static_cast<std::size_t>(rot)].maxValue});
    const PoseSample free = MovementPlayer(model(), turn).sample(2.5);
    const PoseSample stiff = MovementPlayer(model(), turn, o).sample(2.5);
    CHECK(coordDeg(stiff, "hip_rotation_r") == doctest::Approx(-10.0).epsilon(1e-3));
    CHECK(stiff.lumbar.plane(Plane::Transverse).lumbarShare > free.lumbar.plane(Plane::Transverse).lumbarShare);
    CHECK(stiff.restriction.trunkUnreachedDeg[2] > 5.0); // the lumbar spine rotates only 9 deg each way
}

TEST_CASE("Trendelenburg: with a weak gluteus medius the pelvis drops on the swing side, with a strong one it does not") {
    const Movement& stance = hv::test::movementById("single-leg-stance");
    REQUIRE(stance.stance == Side::Right);
    PlayOptions weak;
    weak.gluteusMediusStrength = movement::GluteusMediusStrength::both(0.3);
    const PoseSample strong = MovementPlayer(model(), stance).sample(4.0);
    const PoseSample weakened = MovementPlayer(model(), stance, weak).sample(4.0);
    const double strongDrop = leftHipDropDeg(strong.q), weakDrop = leftHipDropDeg(weakened.q);
    MESSAGE("single-leg stance on the right: demand " << strong.trendelenburg.demandNm << " N m, supply strong "
                                                      << strong.trendelenburg.supplyNm << " N m, weak "
                                                      << weakened.trendelenburg.supplyNm << " N m");
    MESSAGE("left (swing) side of the pelvis lower by " << strongDrop << " deg (strong) and " << weakDrop << " deg (weak, 30 %)");
    CHECK(std::abs(strongDrop) < 0.5);
    CHECK(weakDrop > 2.0);
    CHECK(weakened.trendelenburg.dropDeg == doctest::Approx(weakDrop).epsilon(0.05));
    CHECK(coordDeg(weakened, "pelvis_obliquity") < -2.0); // negative: the left side drops
    // The stance foot stays planted and the trunk stays upright over the dropped pelvis.
    const auto ankle = [&](const std::vector<double>& q) {
        return *supportPoint(model(), computeBodyTransforms(model(), q), Support::Right);
    };
    CHECK(glm::length(ankle(weakened.q) - ankle(strong.q)) < 1e-3);
    CHECK(angleBetween(trunkRotation(strong.q), trunkRotation(weakened.q)) < 0.5);
    // Both feet down (no single support yet): no drop even when weak.
    CHECK(std::abs(leftHipDropDeg(MovementPlayer(model(), stance, weak).sample(0.0).q)) < 0.01);
}

TEST_CASE("only the stance side's gluteus medius strength decides the Trendelenburg drop") {
    const Movement& stance = hv::test::movementById("single-leg-stance");
    REQUIRE(stance.stance == Side::Right);
    PlayOptions leftWeak, rightWeak;
    leftWeak.gluteusMediusStrength = {1.0, 0.2};
    rightWeak.gluteusMediusStrength = {0.2, 1.0};
    const double leftWeakDrop = MovementPlayer(model(), stance, leftWeak).sample(4.0).trendelenburg.dropDeg;
    const double rightWeakDrop = MovementPlayer(model(), stance, rightWeak).sample(4.0).trendelenburg.dropDeg;
    MESSAGE("standing on the right: drop " << leftWeakDrop << " deg with the left weak, " << rightWeakDrop << " deg with the right weak");
    CHECK(leftWeakDrop < 0.05);
    CHECK(rightWeakDrop > 2.0);
}

TEST_CASE("gluteus medius strength is read as one fraction or per side, and bad text is refused with the reason") {
    std::string error;
    const auto both = parseGluteusMediusStrength("0.4", error);
    REQUIRE(both);
    CHECK(both->right == doctest::Approx(0.4));
    CHECK(both->left == doctest::Approx(0.4));
    const auto left = parseGluteusMediusStrength("left=0.3", error);
    REQUIRE(left);
    CHECK(left->left == doctest::Approx(0.3));
    CHECK(left->right == doctest::Approx(1.0));
    const auto sides = parseGluteusMediusStrength("r=0.5,l=0.7", error);
    REQUIRE(sides);
    CHECK(sides->right == doctest::Approx(0.5));
    CHECK(sides->left == doctest::Approx(0.7));
    CHECK(gluteusMediusStrengthText(*sides) == "right=0.5,left=0.7");
    CHECK(gluteusMediusStrengthText(*both) == "0.4");
    const auto back = parseGluteusMediusStrength(gluteusMediusStrengthText(*sides), error);
    REQUIRE(back);
    CHECK(*back == *sides);
    CHECK_FALSE(parseGluteusMediusStrength("1.5", error));
    CHECK(error.find("from 0 to 1") != std::string::npos);
    CHECK_FALSE(parseGluteusMediusStrength("middle=0.5", error));
    CHECK(error.find("right or left") != std::string::npos);
    CHECK_FALSE(parseGluteusMediusStrength("left=0.5,left=0.6", error));
    CHECK(error.find("twice") != std::string::npos);
    CHECK_FALSE(parseGluteusMediusStrength("", error));
}

TEST_CASE("the pelvic drop grows as gluteus medius weakens") {
    const Movement& stance = hv::test::movementById("single-leg-stance");
    double previous = -1.0;
    for (double strength : {1.0, 0.8, 0.6, 0.4, 0.2, 0.0}) {
        PlayOptions o;
        o.gluteusMediusStrength = movement::GluteusMediusStrength::both(strength);
        const double drop = MovementPlayer(model(), stance, o).sample(4.0).trendelenburg.dropDeg;
        CHECK(drop >= previous);
        previous = drop;
    }
    CHECK(previous > 5.0);
}

TEST_CASE("a share is undefined below half a degree of hip and lumbar motion, and written as a dash") {
    const LumbarSpine spine = findLumbarSpine(model());
    REQUIRE(spine.complete());
    std::vector<double> q = model().defaultPose();
    const int hip = model().findCoordinate("hip_flexion_r");
    const int l5 = spine.levels[0].coordinates[0];
    REQUIRE(hip >= 0);
    REQUIRE(l5 >= 0);
    // 0.02 deg in the lumbar spine and nothing at the hip: once "0.0 deg (100 %)".
    q[static_cast<std::size_t>(l5)] = toRadians(0.02);
    const LumbarShares tiny = lumbarShares(model(), spine, q, Side::Right);
    const PlaneShare& t = tiny.plane(Plane::Sagittal);
    CHECK(t.hipDeg + t.lumbarDeg < kShareMinTotalDeg);
    CHECK_FALSE(t.defined);
    CHECK(t.lumbarShare == 0.0);
    CHECK(tiny.levels[0].share[0] == 0.0);
    CHECK(shareText(t.lumbarShare, t.defined) == "-");
    // Just above the threshold the share is a number again.
    q[static_cast<std::size_t>(l5)] = toRadians(0.3);
    q[static_cast<std::size_t>(hip)] = toRadians(0.3);
    const LumbarShares above = lumbarShares(model(), spine, q, Side::Right);
    const PlaneShare& s = above.plane(Plane::Sagittal);
    CHECK(s.defined);
    CHECK(s.lumbarShare == doctest::Approx(0.5));
    CHECK(shareText(s.lumbarShare, s.defined) == "50 %");
}
