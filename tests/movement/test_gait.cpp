// Walking: the gait cycle's shape against the published normal values it was keyed from, the
// loop, the treadmill support, the stance leg taking turns, and the Trendelenburg gait (plain and
// compensated) sampled as the player samples it.
#include "movement_fixture.hpp"

#include "core/kinematics.hpp"
#include "movement/sampling.hpp"
#include "movement/support.hpp"

#include <algorithm>
#include <cmath>

using namespace hv;
using namespace hv::movement;

namespace {

const Model& model() { return hv::test::content().model; }

constexpr int kSamples = 400; // over one cycle

// Both walking movements, each at normal and at 30 % gluteus medius strength: `check(id,
// strength, movement, player)` for each, with the case named in the test's messages.
template <class Check> void forEachGait(Check check) {
    for (const char* id : {"walking", "walking-trendelenburg-compensated"})
        for (double strength : {1.0, 0.3}) {
            INFO(std::string(id) << " at gluteus medius strength " << strength);
            const Movement& m = hv::test::movementById(id);
            PlayOptions o;
            o.gluteusMediusStrength = GluteusMediusStrength::both(strength);
            const MovementPlayer player(model(), m, o);
            check(id, strength, m, player);
        }
}

double deg(const PoseSample& s, const char* name) { return toDegrees(s.q[static_cast<std::size_t>(hv::test::coordinate(name))]); }
double keyedDeg(const PoseSample& s, const char* name) {
    return toDegrees(s.keyed[static_cast<std::size_t>(hv::test::coordinate(name))]);
}

// Where a foot stands (support.hpp's foot point: on the floor when the foot is down).
Vec3 ankle(const std::vector<double>& q, Side side) {
    return *supportPoint(model(), computeBodyTransforms(model(), q), side == Side::Right ? Support::Right : Support::Left);
}

// How far the pelvis' swing side is lower than the movement keys it (deg, >= 0 when it drops):
// pelvis_obliquity is positive when the right side drops.
double extraSwingDropDeg(const PoseSample& s) {
    const double extra = deg(s, "pelvis_obliquity") - keyedDeg(s, "pelvis_obliquity");
    if (s.trendelenburg.stance == Side::Right) return -extra; // the left side is the swing side
    if (s.trendelenburg.stance == Side::Left) return extra;
    return 0.0;
}

// The trunk's sideways lean in the room (deg): the tilt of L1's long axis toward the subject's
// right (+) or left (-).
double trunkLeanRightDeg(const std::vector<double>& q) {
    const auto bodies = computeBodyTransforms(model(), q);
    const Vec3 up = bodies[static_cast<std::size_t>(model().findBody("L1"))].rotation * Vec3{0.0, 1.0, 0.0};
    return toDegrees(std::atan2(up.z, up.y));
}

struct DropRange {
    double right = 0.0; // largest extra swing-side drop while the right leg stands alone (deg)
    double left = 0.0;  // the same for the left leg
};

DropRange singleStanceDrops(const std::string& id, double strength) {
    const Movement& m = hv::test::movementById(id);
    PlayOptions o;
    o.gluteusMediusStrength = GluteusMediusStrength::both(strength);
    const MovementPlayer player(model(), m, o);
    DropRange r;
    for (int i = 0; i < kSamples; ++i) {
        const PoseSample s = player.sample(m.duration() * i / kSamples);
        if (s.trendelenburg.stance == Side::Right) r.right = std::max(r.right, extraSwingDropDeg(s));
        if (s.trendelenburg.stance == Side::Left) r.left = std::max(r.left, extraSwingDropDeg(s));
    }
    return r;
}

} // namespace

TEST_CASE("walking has a normal gait's shape: hip flexion peaks at 30 to 35, extension at 10 to 15, the swing knee at 55 to 70 degrees") {
    const Movement& walking = hv::test::movementById("walking");
    CHECK(walking.category == Category::Gait);
    CHECK(walking.loop);
    const MovementPlayer player(model(), walking);
    double hipMax = -90, hipMin = 90, kneeSwing = 0, kneeLoading = 0;
    double hipMaxAt = 0, hipMinAt = 0, kneeSwingAt = 0;
    for (int i = 0; i < kSamples; ++i) {
        const double t = walking.duration() * i / kSamples;
        const PoseSample s = player.sample(t);
        const double hip = deg(s, "hip_flexion_r"), knee = deg(s, "knee_angle_r");
        if (hip > hipMax) {
            hipMax = hip;
            hipMaxAt = t;
        }
        if (hip < hipMin) {
            hipMin = hip;
            hipMinAt = t;
        }
        if (t > 0.6 && knee > kneeSwing) {
            kneeSwing = knee;
            kneeSwingAt = t;
        }
        if (t < 0.3) kneeLoading = std::max(kneeLoading, knee);
    }
    MESSAGE("right hip: peak flexion " << hipMax << " deg at " << 100 * hipMaxAt << " %, peak extension " << -hipMin
                                       << " deg at " << 100 * hipMinAt << " %; knee: " << kneeLoading
                                       << " deg in loading response, " << kneeSwing << " deg in swing at " << 100 * kneeSwingAt << " %");
    CHECK(hipMax >= 30.0);
    CHECK(hipMax <= 35.0);
    CHECK(-hipMin >= 10.0);
    CHECK(-hipMin <= 15.0);
    CHECK(kneeSwing >= 55.0);
    CHECK(kneeSwing <= 70.0);
    // The shape: flexion peaks in late swing, extension at the end of stance, the knee in early
    // swing; a smaller knee bend takes the load after heel strike.
    CHECK(hipMaxAt > 0.8);
    CHECK(hipMinAt > 0.45);
    CHECK(hipMinAt < 0.6);
    CHECK(kneeSwingAt > 0.65);
    CHECK(kneeSwingAt < 0.8);
    CHECK(kneeLoading > 12.0);
    CHECK(kneeLoading < 25.0);
}

TEST_CASE("the left leg walks the right leg's cycle half a cycle later") {
    const Movement& walking = hv::test::movementById("walking");
    for (const char* dof : {"hip_flexion", "hip_adduction", "hip_rotation", "knee_angle"}) {
        INFO(dof);
        const int r = walking.track(hv::test::coordinate(std::string(dof) + "_r"));
        const int l = walking.track(hv::test::coordinate(std::string(dof) + "_l"));
        REQUIRE(r >= 0);
        REQUIRE(l >= 0);
        for (double t = 0.0; t < 1.0; t += 0.01) {
            const double right = interpolateTrack(walking, static_cast<std::size_t>(r), std::fmod(t + 0.5, 1.0), true);
            CHECK(interpolateTrack(walking, static_cast<std::size_t>(l), t, true) == doctest::Approx(right).epsilon(1e-9));
        }
    }
}

TEST_CASE("walking loops without a jump: the last sample meets the first and no step between samples jumps") {
    forEachGait([&](const char* id, double strength, const Movement& m, const MovementPlayer& player) {
    std::vector<double> previous = player.sample(0.0).q;
    const std::vector<double> first = previous;
    double largest = 0.0;
    for (int i = 1; i <= kSamples; ++i) {
        const std::vector<double> q = player.sample(m.duration() * i / kSamples).q; // the last one wraps to 0
        for (std::size_t c = 0; c < q.size(); ++c) {
            const double step = model().coordinates[c].kind == CoordinateKind::Rotational
                                    ? toDegrees(std::abs(q[c] - previous[c]))
                                    : 1000.0 * std::abs(q[c] - previous[c]) / 10.0; // 10 mm counts as 1
            largest = std::max(largest, step);
        }
        previous = q;
    }
    const std::vector<double> last = player.sample(m.duration() - 1e-6).q;
    for (std::size_t c = 0; c < first.size(); ++c) CHECK(std::abs(last[c] - first[c]) < toRadians(0.05));
    MESSAGE(std::string(id) << " (strength " << strength << "): largest change between neighbouring samples " << largest
               << " deg (or cm)");
    CHECK(largest < 3.0); // 0.25 % of the cycle apart
    });
}

TEST_CASE("walking takes turns: both feet down, the right leg alone, both, the left leg alone") {
    const Movement& walking = hv::test::movementById("walking");
    const MovementPlayer player(model(), walking);
    CHECK(player.sample(0.05).trendelenburg.stance == Side::Midline);
    CHECK(player.sample(0.30).trendelenburg.stance == Side::Right);
    CHECK(player.sample(0.55).trendelenburg.stance == Side::Midline);
    CHECK(player.sample(0.80).trendelenburg.stance == Side::Left);
    CHECK(sampleKeyed(model(), walking, 0.3, true).singleSupport == doctest::Approx(1.0));
    CHECK(sampleKeyed(model(), walking, 0.55, true).singleSupport == doctest::Approx(0.0));
    CHECK(walking.stance == Side::Right); // the first leg a key names
}

TEST_CASE("on the treadmill the lower ankle stays on the floor and the standing ankle is planted while it stands alone") {
    forEachGait([&](const char* id, double strength, const Movement& m, const MovementPlayer& player) {
    double lowest = 1.0, highestStance = 0.0, floorMin = 1.0, floorMax = 0.0;
    double stanceStartX = 0.0, stanceEndX = 0.0, heelRise = 0.0;
    for (int i = 0; i < kSamples; ++i) {
        const double t = m.duration() * i / kSamples;
        const PoseSample s = player.sample(t);
        const Vec3 r = ankle(s.q, Side::Right), l = ankle(s.q, Side::Left);
        const double floor = std::min(r.y, l.y);
        floorMin = std::min(floorMin, floor);
        floorMax = std::max(floorMax, floor);
        lowest = std::min({lowest, r.y, l.y});
        // Loading response and mid-stance (up to 34 % of the cycle on the right, 84 % on
        // the left): the standing ankle is the one on the floor. From heel rise on it lifts
        // and the other leg reaches for the floor.
        const double p = 100.0 * t;
        if (s.trendelenburg.stance == Side::Right && p <= 34.0) highestStance = std::max(highestStance, r.y);
        if (s.trendelenburg.stance == Side::Left && p <= 84.0) highestStance = std::max(highestStance, l.y);
        if (s.trendelenburg.stance != Side::Midline) heelRise = std::max(heelRise, (s.trendelenburg.stance == Side::Right ? r.y : l.y) - floor);
        if (i == kSamples * 15 / 100) stanceStartX = r.x;
        if (i == kSamples * 45 / 100) stanceEndX = r.x;
    }
    MESSAGE(std::string(id) << " (strength " << strength << "): floor ankle height " << 1000 * floorMin << " to " << 1000 * floorMax
               << " mm, standing ankle at most " << 1000 * highestStance << " mm to 34 %, rising at most " << 1000 * heelRise << " mm above the floor after; the right ankle goes back "
               << 1000 * (stanceStartX - stanceEndX) << " mm with the belt in its single stance");
    // The floor: the lower foot stands on it.
    CHECK(std::abs(floorMin - kFloorHeight) < 0.001);
    CHECK(floorMax - floorMin < 0.001);
    CHECK(lowest > floorMin - 0.003); // no ankle below the floor
    // The standing foot is the one on the floor, but for a few percent after the other's toe-off,
    // when that foot's rigid toes (pointing down at 15 deg of plantarflexion) reach lower: the
    // model's foot has no toe clearance to spare, less still when a weak gluteus medius drops
    // the swing side.
    CHECK(highestStance - floorMin < (strength < 1.0 ? 0.04 : 0.02));
    CHECK(stanceStartX - stanceEndX > 0.2); // the standing foot goes back with the belt
    CHECK(heelRise < 0.06);
    });
}

TEST_CASE("Trendelenburg gait: with gluteus medius at 30 % the swing side drops more than 5 degrees in each single-leg stance, under 2 at full strength") {
    const DropRange weak = singleStanceDrops("walking", 0.3);
    const DropRange strong = singleStanceDrops("walking", 1.0);
    MESSAGE("extra swing-side pelvic drop in single-leg stance: strength 0.3: right stance " << weak.right << " deg, left stance "
            << weak.left << " deg; full strength: " << strong.right << " and " << strong.left << " deg");
    CHECK(weak.right > 5.0);
    CHECK(weak.left > 5.0);
    CHECK(strong.right < 2.0);
    CHECK(strong.left < 2.0);
    CHECK(weak.left == doctest::Approx(weak.right).epsilon(0.05)); // the model is symmetric
}

TEST_CASE("the drop happens in single-leg stance only, and the swing side is the one that drops") {
    const Movement& walking = hv::test::movementById("walking");
    PlayOptions o;
    o.gluteusMediusStrength = GluteusMediusStrength::both(0.3);
    const MovementPlayer player(model(), walking, o);
    const PoseSample doubleSupport = player.sample(0.05), rightAlone = player.sample(0.30), leftAlone = player.sample(0.80);
    CHECK(doubleSupport.trendelenburg.dropDeg == doctest::Approx(0.0));
    CHECK(deg(rightAlone, "pelvis_obliquity") < keyedDeg(rightAlone, "pelvis_obliquity") - 3.0); // left side lower
    CHECK(deg(leftAlone, "pelvis_obliquity") > keyedDeg(leftAlone, "pelvis_obliquity") + 3.0);   // right side lower
}

TEST_CASE("the compensated Trendelenburg gait leans the trunk over the standing hip and the pelvis drops less") {
    const DropRange plain = singleStanceDrops("walking", 0.3);
    const DropRange compensated = singleStanceDrops("walking-trendelenburg-compensated", 0.3);
    const Movement& m = hv::test::movementById("walking-trendelenburg-compensated");
    PlayOptions o;
    o.gluteusMediusStrength = GluteusMediusStrength::both(0.3);
    const MovementPlayer player(model(), m, o);
    const double leanRight = trunkLeanRightDeg(player.sample(0.30).q), leanLeft = trunkLeanRightDeg(player.sample(0.80).q);
    const double plainLean = trunkLeanRightDeg(MovementPlayer(model(), hv::test::movementById("walking"), o).sample(0.30).q);
    MESSAGE("at gluteus medius 30 %: drop " << plain.right << " deg plain, " << compensated.right
            << " deg compensated; trunk lean at mid-stance " << leanRight << " deg toward the right (standing on it), "
            << leanLeft << " deg standing on the left, " << plainLean << " deg without the compensation; trunk point "
            << 1000 * player.sample(0.30).trendelenburg.trunkShiftM << " mm over toward the standing hip");
    CHECK(compensated.right < plain.right - 1.0);
    CHECK(compensated.left < plain.left - 1.0);
    CHECK(leanRight > 5.0);
    CHECK(leanLeft < -5.0);
    CHECK(std::abs(plainLean) < 1.0); // walking without the compensation keeps the trunk upright
}


TEST_CASE("walking's legs never cross: the knees and ankles stay apart sideways, also with the pelvis dropping") {
    forEachGait([&](const char* id, double strength, const Movement& m, const MovementPlayer& player) {
    double ankles = 1.0, knees = 1.0;
    for (int i = 0; i < kSamples; ++i) {
        const PoseSample s = player.sample(m.duration() * i / kSamples);
        const auto b = computeBodyTransforms(model(), s.q);
        const Vec3 kr = b[static_cast<std::size_t>(model().findBody("tibia_r"))].translation;
        const Vec3 kl = b[static_cast<std::size_t>(model().findBody("tibia_l"))].translation;
        knees = std::min(knees, kr.z - kl.z); // Z is to the subject's right
        ankles = std::min(ankles, ankle(s.q, Side::Right).z - ankle(s.q, Side::Left).z);
    }
    MESSAGE(std::string(id) << " (strength " << strength << "): narrowest sideways gap between the knee centres "
                            << 1000 * knees << " mm, between the ankle centres " << 1000 * ankles << " mm");
    CHECK(knees > 0.08);
    CHECK(ankles > 0.04);
    });
}
